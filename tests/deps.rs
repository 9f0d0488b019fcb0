//! The build's dependencies as Cargo.lock pins them (issue 16): the PostgreSQL driver brings no
//! second SQLite and no OpenSSL or native-tls into the build; TLS to PostgreSQL is rustls.

mod common;

/// The packages Cargo.lock pins, as (name, version).
fn locked_packages() -> Vec<(String, String)> {
    let lock = std::fs::read_to_string(common::repo().join("Cargo.lock")).unwrap();
    let mut out = Vec::new();
    let mut name = None;
    for line in lock.lines() {
        if line == "[[package]]" {
            name = None;
        } else if let Some(v) = line.strip_prefix("name = ") {
            name = Some(v.trim_matches('"').to_string());
        } else if let (Some(n), Some(v)) = (&name, line.strip_prefix("version = ")) {
            out.push((n.clone(), v.trim_matches('"').to_string()));
            name = None;
        }
    }
    out
}

#[test]
fn one_sqlite_and_no_openssl_in_the_build() {
    // Guards issue 16's "check that the chosen PostgreSQL crate does not pull a second SQLite or
    // OpenSSL into the build": one libsqlite3-sys (rusqlite's, bundled), no openssl, openssl-sys
    // or native-tls, and tokio-postgres reaching TLS through rustls.
    let packages = locked_packages();
    assert!(packages.len() > 100, "Cargo.lock not parsed: {packages:?}");
    let named = |n: &str| packages.iter().filter(|(p, _)| p == n).count();
    assert_eq!(named("libsqlite3-sys"), 1, "SQLite linked more than once");
    assert_eq!(named("rusqlite"), 1);
    for banned in [
        "openssl",
        "openssl-sys",
        "native-tls",
        "postgres-native-tls",
    ] {
        assert_eq!(named(banned), 0, "{banned} is in the build");
    }
    assert_eq!(named("tokio-postgres"), 1);
    assert_eq!(named("tokio-postgres-rustls"), 1);
}
