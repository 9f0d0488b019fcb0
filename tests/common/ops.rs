//! Helpers shared by the operations tests (`tests/ops.rs`, `tests/ops_alerts.rs`): fixture
//! markets in the demo's layout, profiles, the `armswatch run` daemon with short intervals,
//! SIGTERM, schedules and a SQLite count.

use super::{armswatch_ok, repo};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A small market in the demo's layout: an index linking `listings` (id, title, vendor).
pub fn write_market(dir: &Path, listings: &[(u32, &str, &str)]) {
    std::fs::create_dir_all(dir.join("listing")).unwrap();
    std::fs::create_dir_all(dir.join("vendor")).unwrap();
    let links: String = listings
        .iter()
        .map(|(id, t, _)| format!("<li><a href=\"/listing/{id}\">{t}</a></li>"))
        .collect();
    std::fs::write(
        dir.join("index.html"),
        format!("<html><head><title>Fixture market</title></head><body><h1>Fixture market</h1><p>Welcome, browse our listings below.</p><ul>{links}</ul></body></html>"),
    )
    .unwrap();
    for (id, title, vendor) in listings {
        std::fs::write(
            dir.join(format!("listing/{id}.html")),
            listing_page(*id, title, vendor),
        )
        .unwrap();
        std::fs::write(
            dir.join(format!("vendor/{vendor}.html")),
            format!("<html><body><h1>{vendor}</h1><p>Vendor since 2023, ships worldwide.</p></body></html>"),
        )
        .unwrap();
    }
}

pub fn listing_page(id: u32, title: &str, vendor: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body><h1 class=\"listing-title\">{title}</h1>\
         <span class=\"listing-id\">Listing #{id}</span><div class=\"listing-price\">USD 1,200.00</div>\
         <div class=\"vendor\">Sold by <a href=\"/vendor/{vendor}\">{vendor}</a></div>\
         <div id=\"description\"><p>{title}. Ships in discreet packaging, tracking by PGP message.</p></div></body></html>"
    )
}

/// Gun listings the shipped model flags, and one it does not.
pub const GUNS: &[(u32, &str, &str)] = &[
    (
        1,
        "Glock 19 Gen5 9mm pistol, never registered",
        "PineCone_Armory",
    ),
    (
        2,
        "AR-15 lower receiver, 80% jig included",
        "PineCone_Armory",
    ),
    (
        3,
        "9mm Luger FMJ 115gr ammunition, 50 rounds",
        "BalkanDirect",
    ),
    (
        4,
        "Beretta 92FS 9mm handgun with two magazines",
        "BalkanDirect",
    ),
    (5, "Premium hash 10g, Moroccan import", "GreenLeaf"),
    (
        6,
        "Walther PPK .380 pistol, clean serial",
        "PineCone_Armory",
    ),
];

/// A profile for market `id` (the demo's selectors), with a politeness delay.
pub fn write_profile(dir: &Path, id: &str, delay_ms: u64) -> PathBuf {
    let text = std::fs::read_to_string(repo().join("demo/profile.toml"))
        .unwrap()
        .replace("id = \"demo\"", &format!("id = \"{id}\""))
        .replace("concurrency = 4", "concurrency = 2")
        .replace("delay_ms = 0", &format!("delay_ms = {delay_ms}"));
    let p = dir.join(format!("{id}.toml"));
    std::fs::write(&p, text).unwrap();
    p
}

pub fn count(db: &Path, sql: &str) -> i64 {
    let c = Connection::open(db).unwrap();
    c.busy_timeout(Duration::from_secs(5)).unwrap();
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Waits until `f` holds, failing with `what` after `secs`.
pub fn wait_for(secs: u64, what: &str, mut f: impl FnMut() -> bool) {
    let end = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < end {
        if f() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("timed out after {secs}s waiting for: {what}");
}

/// Starts `armswatch run` on `db` with short intervals; stderr goes to `log`.
pub fn daemon(data: &Path, db: &Path, log: &Path, extra: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_armswatch"))
        .args(["run", "--db", db.to_str().unwrap()])
        .args(["--tick", "200ms", "--backoff", "1s", "--backoff-max", "3s"])
        .args(["--shutdown-grace", "10s"])
        .args(extra)
        .arg("--data-dir")
        .arg(data)
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(log).unwrap())
        .spawn()
        .expect("starting armswatch run")
}

/// SIGTERM, then the exit status (within 20 s).
pub fn terminate(child: &mut Child) -> std::process::ExitStatus {
    // SAFETY: signalling our own child.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) };
    let end = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s;
        }
        if Instant::now() > end {
            let _ = child.kill();
            panic!("armswatch run did not stop within 20 s of SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub fn schedule(data: &Path, db: &Path, profile: &Path, base: &str, every: &str) {
    armswatch_ok(
        data,
        &[
            "schedule",
            "add",
            profile.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
            "--every",
            every,
            "--tor",
            "direct",
            "--base-url",
            base,
        ],
    );
}

pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap()
}
