//! The crash test: `armswatch crawl` of a slow fixture market (the demo market, with a politeness
//! delay) is killed with SIGKILL at random moments at least ten times, restarted each time, then
//! allowed to finish. Nothing may be lost or doubled: every listing stored once, every page once,
//! every listing classified once, the frontier empty.

mod common;

use armswatch_crawler::serve::StaticSite;
use common::repo;
use rusqlite::Connection;
use std::path::Path;
use std::time::{Duration, Instant};

/// Kills during the crawl the test insists on.
const KILLS: usize = 12;

fn count(db: &Path, sql: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A small xorshift generator: the kill moments, reproducible from the printed seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn sigkill_at_random_moments_loses_and_doubles_nothing() {
    // Guards crash safety (hole 9's one-transaction page record, begin_run with its seeds): twelve
    // SIGKILLs anywhere in a crawl, and the finished crawl holds each page and listing once.
    let tmp = tempfile::tempdir().unwrap();
    let site_dir = tmp.path().join("site");
    copy_dir(&repo().join("demo/site"), &site_dir);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site = rt.block_on(StaticSite::start(site_dir, 0)).unwrap();
    let profile_text = std::fs::read_to_string(repo().join("demo/profile.toml"))
        .unwrap()
        .replace("concurrency = 4", "concurrency = 2")
        .replace("delay_ms = 0", "delay_ms = 120");
    let profile = tmp.path().join("slow.toml");
    std::fs::write(&profile, profile_text).unwrap();
    let db = tmp.path().join("m.db");
    let args = |cmd: &mut std::process::Command| {
        cmd.args(["crawl", "--profile", profile.to_str().unwrap()])
            .args(["--base-url", &site.base_url()])
            .args([
                "--db",
                db.to_str().unwrap(),
                "--tor",
                "direct",
                "--data-dir",
            ])
            .arg(tmp.path())
            .env_remove("RUST_LOG")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
    };
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("kill moments seeded with {seed}");
    let mut rng = Rng(seed);
    let mut kills = 0;
    let mut pages_at_kill = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(240);
    while kills < KILLS {
        assert!(Instant::now() < deadline, "the crawl made no progress");
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_armswatch"));
        args(&mut cmd);
        let mut child = cmd.spawn().unwrap();
        std::thread::sleep(Duration::from_millis(250 + rng.below(750)));
        // Under load the process may still be starting: kill only once this run stored a page, so
        // every kill lands in the middle of crawling.
        let last = pages_at_kill.last().copied().unwrap_or(0);
        let stored = || {
            if db.exists() {
                Connection::open(&db)
                    .and_then(|c| c.query_row("SELECT count(*) FROM pages", [], |r| r.get(0)))
                    .unwrap_or(0)
            } else {
                0
            }
        };
        while stored() <= last && Instant::now() < deadline && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_millis(20));
        }
        if child.try_wait().unwrap().is_some() {
            panic!("the crawl finished after {kills} kills: make the fixture slower");
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        kills += 1;
        pages_at_kill.push(count(&db, "SELECT count(*) FROM pages"));
    }
    eprintln!("pages stored at each kill: {pages_at_kill:?}");
    let before = *pages_at_kill.last().unwrap();
    assert!(before < 101, "killed at {before} pages");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_armswatch"));
    args(&mut cmd);
    let status = cmd.status().unwrap();
    assert!(status.success(), "the final run failed: {status}");

    assert_eq!(
        count(&db, "SELECT count(*) FROM crawl_runs"),
        1,
        "every restart resumed"
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM crawl_runs WHERE status = 'finished'"
        ),
        1
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM pages"),
        101,
        "every page once"
    );
    assert_eq!(
        count(&db, "SELECT count(DISTINCT requested_url) FROM pages"),
        101
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM listings"),
        76,
        "every listing once"
    );
    assert_eq!(
        count(&db, "SELECT count(DISTINCT canonical_url) FROM listings"),
        76
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM verdicts"),
        76,
        "one verdict each"
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM frontier WHERE state = 'pending'"),
        0,
        "the frontier is empty"
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM frontier WHERE state = 'done'"),
        101
    );
    assert_eq!(
        count(&db, "SELECT sum(pages_fetched) FROM crawl_runs"),
        101,
        "the run's counts match what is stored"
    );
}
