//! The PostgreSQL test cluster: the one `scripts/test.sh` started (its admin URL in
//! `ARMSWATCH_TEST_PG`), or else a throwaway cluster this test binary starts on first use with
//! `scripts/pgcluster.sh` (Debian's `postgresql`), stopped and removed by the script's watchdog
//! within a second of the binary's exit. Every test takes a fresh database of its own, so tests run
//! in parallel without seeing each other's rows.
//!
//! Included with `#[path]` by `tests/*.rs` and `store/tests/*.rs`; needs std, tokio and
//! tokio-postgres.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// Runs each named test function (taking `&S` for a store `S`) on both backends, as
/// `sqlite::NAME` (a store in memory) and `postgres::NAME` (a fresh database on the cluster).
/// For the files that include this module with `#[macro_use]` at their crate root.
#[allow(unused_macros)]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $name() {
                    let s = armswatch_store::Store::open_in_memory().unwrap();
                    super::$name(&s);
                }
            )*
        }
        mod postgres {
            $(
                #[test]
                fn $name() {
                    let Some(cluster) = crate::pg::PgCluster::get() else { return };
                    let url = cluster.fresh_db(stringify!($name));
                    let s = armswatch_store::PgStore::connect_with(&url, 2).unwrap();
                    super::$name(&s);
                }
            )*
        }
    };
}

/// The running cluster.
pub struct PgCluster {
    /// A URL of the cluster's maintenance database, as a superuser.
    pub admin_url: String,
}

impl PgCluster {
    /// The cluster, started on first call; `None` (after a skip message) when PostgreSQL is not
    /// installed and `CI` is unset. In CI a missing PostgreSQL or a cluster that does not start
    /// fails the test.
    pub fn get() -> Option<&'static PgCluster> {
        static CLUSTER: OnceLock<Result<PgCluster, String>> = OnceLock::new();
        if std::env::var_os("ARMSWATCH_TEST_PG").is_none() && !postgres_installed() {
            if std::env::var_os("CI").is_some() {
                panic!("PostgreSQL is not installed (apt-get install -y postgresql); CI runs the PostgreSQL tests");
            }
            {
                use std::io::Write as _;
                let _ = writeln!(std::io::stderr(), "SKIPPED (the test passes without running): PostgreSQL is not installed (apt-get install -y postgresql)");
            }
            return None;
        }
        match CLUSTER.get_or_init(start) {
            Ok(c) => Some(c),
            Err(message) => panic!("PostgreSQL test cluster: {message}"),
        }
    }

    /// A new, empty database on the cluster (named after `test`); returns its URL.
    pub fn fresh_db(&self, test: &str) -> String {
        static N: AtomicUsize = AtomicUsize::new(0);
        let slug: String = test
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .take(30)
            .collect();
        let name = format!(
            "t{}_{}_{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed),
            slug
        );
        sql(&self.admin_url, &format!("CREATE DATABASE \"{name}\""));
        with_database(&self.admin_url, &name)
    }
}

/// Runs `sql` (one statement or several) on the database at `url`, outside the store; returns
/// the rows, every column as text (NULL as ""). On a thread of its own: the caller may be inside
/// a tokio runtime. Panics with the statement on failure.
pub fn sql(url: &str, sql: &str) -> Vec<Vec<String>> {
    let (url, sql) = (url.to_string(), sql.to_string());
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        rt.block_on(async {
            let (client, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
                .await
                .unwrap_or_else(|e| panic!("connecting to {url}: {e}"));
            tokio::spawn(conn);
            let messages = client
                .simple_query(&sql)
                .await
                .unwrap_or_else(|e| panic!("{sql}: {e}"));
            messages
                .into_iter()
                .filter_map(|m| match m {
                    tokio_postgres::SimpleQueryMessage::Row(r) => Some(
                        (0..r.len())
                            .map(|i| r.get(i).unwrap_or("").to_string())
                            .collect(),
                    ),
                    _ => None,
                })
                .collect()
        })
    })
    .join()
    .expect("running SQL on the test cluster")
}

/// `url` with its database name replaced by `db`.
pub fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_part = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{host_part}/{db}?{q}"),
        None => format!("{host_part}/{db}"),
    }
}

fn postgres_installed() -> bool {
    let versions = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| d.flatten().any(|e| e.path().join("bin/initdb").exists()))
        .unwrap_or(false);
    versions
        || Command::new("initdb")
            .arg("--version")
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
}

/// The repository root, found from this crate's manifest dir (the root package or `store/`).
fn repo_root() -> PathBuf {
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    while !dir.join("scripts/pgcluster.sh").exists() {
        if !dir.pop() {
            panic!(
                "scripts/pgcluster.sh not found above {}",
                env!("CARGO_MANIFEST_DIR")
            );
        }
    }
    dir
}

fn start() -> Result<PgCluster, String> {
    if let Ok(url) = std::env::var("ARMSWATCH_TEST_PG") {
        return Ok(PgCluster { admin_url: url });
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    // Not a tempfile dir (0700): the cluster's unprivileged owner must reach it.
    let dir = std::env::temp_dir().join(format!("armswatch-pg-{}-{nanos}", std::process::id()));
    let script = repo_root().join("scripts/pgcluster.sh");
    let out = Command::new("bash")
        .arg(&script)
        .arg("up")
        .arg(&dir)
        .env("PG_OWNER_PID", std::process::id().to_string())
        .output()
        .map_err(|e| format!("running {}: {e}", script.display()))?;
    if !out.status.success() {
        return Err(format!(
            "pgcluster.sh up failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let url = String::from_utf8_lossy(&out.stdout).trim().to_string();
    Ok(PgCluster { admin_url: url })
}
