//! `armswatch market mirrors add --from-signed`: a mirror list clear-signed with GnuPG (as markets
//! sign theirs) is verified with armswatch's pure-Rust OpenPGP and imported; a tampered list, or
//! one checked against another key, is refused with "BAD SIGNATURE" and nothing is imported.
//! Needs `gpg` to make the test keys and signatures (skipped with a message without it, unless
//! `CI` is set).

mod common;
#[path = "common/pg.rs"]
mod pg;

use armswatch_crawler::entities::onion_v3_for_key;
use common::armswatch;
use std::path::Path;
use std::process::Command;

/// Runs gpg in `home` (batch mode, no passphrase); panics with its output on failure.
fn gpg(home: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new("gpg")
        .arg("--homedir")
        .arg(home)
        .args([
            "--batch",
            "--yes",
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            "",
        ])
        .args(args)
        .output()
        .expect("running gpg");
    assert!(
        out.status.success(),
        "gpg {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The signed-list test needs GnuPG to make the market's key and signature. `scripts/test.sh`
/// installs it, so a missing `gpg` fails the test everywhere instead of passing unrun.
fn require_gpg() {
    let ok = Command::new("gpg")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        ok,
        "gpg is not installed (apt-get install -y gnupg, or run scripts/test.sh, which installs it)"
    );
}

/// A fresh GnuPG home with one signing key for `uid`; returns its armored public key.
fn new_key(home: &Path, uid: &str) -> String {
    std::fs::create_dir_all(home).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(home, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    gpg(home, &["--quick-gen-key", uid, "ed25519", "sign", "never"]);
    String::from_utf8(gpg(home, &["--armor", "--export", uid])).unwrap()
}

/// Guards the signed import: a good signature imports the listed onions (shown by `list` with
/// the signer); a tampered list and a list checked against another key are refused as BAD
/// SIGNATURE and import nothing.
#[test]
fn signed_mirror_list_is_imported_only_when_the_signature_verifies() {
    require_gpg();
    let tmp = tempfile::tempdir().unwrap();
    let market_home = tmp.path().join("market-gpg");
    let other_home = tmp.path().join("other-gpg");
    let market_key = new_key(&market_home, "Market <market@example.invalid>");
    let other_key = new_key(&other_home, "Someone <else@example.invalid>");
    let a = onion_v3_for_key(&[7; 32]);
    let b = onion_v3_for_key(&[8; 32]);
    let list = tmp.path().join("mirrors.txt");
    std::fs::write(
        &list,
        format!("Official mirrors:\nhttp://{a}/\nhttp://{b}/\n"),
    )
    .unwrap();
    gpg(
        &market_home,
        &[
            "--clearsign",
            "--output",
            tmp.path().join("mirrors.txt.asc").to_str().unwrap(),
            list.to_str().unwrap(),
        ],
    );
    let signed = tmp.path().join("mirrors.txt.asc");
    let key = tmp.path().join("market.asc");
    std::fs::write(&key, &market_key).unwrap();
    let wrong_key = tmp.path().join("other.asc");
    std::fs::write(&wrong_key, &other_key).unwrap();
    let tampered = tmp.path().join("tampered.asc");
    let text = std::fs::read_to_string(&signed).unwrap();
    std::fs::write(&tampered, text.replace(&a[..10], "aaaaaaaaaa")).unwrap();

    let data = tmp.path().join("data");
    let db = tmp.path().join("m.db");
    let add_to = |file: &Path, key: &Path, db: &str| {
        armswatch(
            &data,
            &[
                "market",
                "mirrors",
                "add",
                "demo",
                "--from-signed",
                file.to_str().unwrap(),
                "--key",
                key.to_str().unwrap(),
                "--db",
                db,
            ],
        )
    };
    let add = |file: &Path, key: &Path| add_to(file, key, db.to_str().unwrap());
    for (what, file, key) in [
        ("tampered list", &tampered, &key),
        ("other key", &signed, &wrong_key),
    ] {
        let out = add(file, key);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{what} was accepted");
        assert!(stderr.contains("BAD SIGNATURE"), "{what}: {stderr}");
    }
    let list_out = |db: &str| {
        armswatch(
            &data,
            &["market", "mirrors", "list", "demo", "--db", db, "--json"],
        )
    };
    if db.exists() {
        let out = list_out(db.to_str().unwrap());
        assert!(
            !String::from_utf8_lossy(&out.stdout).contains(".onion"),
            "a refused list imported mirrors"
        );
    }

    let out = add(&signed, &key);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("2 new"), "{stdout}");
    let listed = String::from_utf8_lossy(&list_out(db.to_str().unwrap()).stdout).into_owned();
    for onion in [&a, &b] {
        assert!(listed.contains(&format!("http://{onion}")), "{listed}");
    }
    let fpr = String::from_utf8(gpg(&market_home, &["--with-colons", "--fingerprint"])).unwrap();
    let fpr = fpr
        .lines()
        .find_map(|l| l.strip_prefix("fpr:"))
        .map(|l| l.trim_matches(':').to_string())
        .unwrap();
    assert!(
        listed.contains(&fpr),
        "the signer is not recorded: {listed}\n{fpr}"
    );

    // The same on a case in PostgreSQL (issue 16): a refused list imports nothing, the signed one
    // is imported and listed with its signer.
    if let Some(cluster) = pg::PgCluster::get() {
        let url = cluster.fresh_db("mirrors");
        let out = add_to(&tampered, &key, &url);
        assert!(
            !out.status.success(),
            "tampered list accepted on PostgreSQL"
        );
        let out = add_to(&signed, &key, &url);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("2 new"));
        let on_pg = String::from_utf8_lossy(&list_out(&url).stdout).into_owned();
        let origins = |listed: &str| -> Vec<(String, String)> {
            listed
                .lines()
                .map(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).unwrap();
                    (v["origin"].to_string(), v["signer"].to_string())
                })
                .collect()
        };
        assert_eq!(origins(&on_pg), origins(&listed), "{on_pg}");
    }
    for home in [&market_home, &other_home] {
        let _ = Command::new("gpgconf")
            .arg("--homedir")
            .arg(home)
            .args(["--kill", "gpg-agent"])
            .output();
    }
}
