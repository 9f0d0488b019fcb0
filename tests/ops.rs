//! Operations end to end: schedules, the `armswatch run` daemon over fixture markets on 127.0.0.1
//! (short intervals), back-off of a market that goes down, one daemon per database, SIGTERM and
//! restart, and `--once` under a shell loop. Alerts, anomalies, walls, `doctor` and logs are in
//! `tests/ops_alerts.rs`.

mod common;

use armswatch_crawler::serve::StaticSite;
use common::ops::*;
use common::{armswatch, armswatch_ok};
use std::process::Command;

#[test]
fn schedules_are_added_listed_paused_resumed_removed_and_refused_twice() {
    // Guards `schedule add|list|pause|resume|remove` with --json and the duplicate refusal.
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("m.db");
    let dbs = db.to_str().unwrap();
    let p = write_profile(tmp.path(), "alpha", 0);
    let ps = p.to_str().unwrap();
    let base = ["--tor", "direct", "--base-url", "http://127.0.0.1:9"];
    let mut add = vec![
        "schedule", "add", ps, "--db", dbs, "--every", "6h", "--jitter", "20m", "--json",
    ];
    add.extend(base);
    let out = armswatch_ok(tmp.path(), &add);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["market"], "alpha");
    assert_eq!(v["every_secs"], 21600);
    assert_eq!(v["jitter_secs"], 1200);
    let again = armswatch(tmp.path(), &add);
    assert!(!again.status.success());
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("market alpha is already scheduled"), "{err}");
    let q = write_profile(tmp.path(), "beta", 0);
    let mut cron = vec![
        "schedule",
        "add",
        q.to_str().unwrap(),
        "--db",
        dbs,
        "--cron",
        "0 */6 * * *",
    ];
    cron.extend(base);
    armswatch_ok(tmp.path(), &cron);
    let bad = armswatch(
        tmp.path(),
        &[
            "schedule",
            "add",
            ps,
            "--db",
            dbs,
            "--cron",
            "every tuesday",
        ],
    );
    assert!(String::from_utf8_lossy(&bad.stderr).contains("bad cron expression"));
    armswatch_ok(tmp.path(), &["schedule", "pause", "alpha", "--db", dbs]);
    let list = armswatch_ok(tmp.path(), &["schedule", "list", "--db", dbs, "--json"]);
    let rows: Vec<serde_json::Value> = list
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["paused"], true);
    assert_eq!(rows[0]["next_crawl"], serde_json::Value::Null);
    assert_eq!(rows[1]["cron"], "0 */6 * * *");
    let table = armswatch_ok(tmp.path(), &["schedule", "list", "--db", dbs]);
    assert!(
        table.contains("every 6h (+ up to 20m)") && table.contains("paused"),
        "{table}"
    );
    armswatch_ok(
        tmp.path(),
        &["schedule", "resume", "alpha", "--db", dbs, "--json"],
    );
    let out = armswatch_ok(
        tmp.path(),
        &["schedule", "remove", "beta", "--db", dbs, "--json"],
    );
    assert!(out.contains("\"removed\""), "{out}");
    let gone = armswatch(tmp.path(), &["schedule", "remove", "beta", "--db", dbs]);
    assert!(String::from_utf8_lossy(&gone.stderr).contains("has no schedule"));
}

#[test]
fn the_daemon_crawls_two_markets_backs_off_the_down_one_and_refuses_a_second_daemon() {
    // Guards the daemon test: two scheduled fixture markets are each crawled again and
    // again; one goes down (every page 404) and is backed off (recorded, exponential, capped)
    // while the other keeps being crawled; it comes back and is crawled again; a second daemon
    // on the database is refused naming the first one's pid; SIGTERM stops it cleanly.
    let tmp = tempfile::tempdir().unwrap();
    let rt = runtime();
    let (a_dir, b_dir) = (tmp.path().join("a"), tmp.path().join("b"));
    write_market(&a_dir, &GUNS[..3]);
    write_market(&b_dir, &GUNS[3..]);
    let a = rt.block_on(StaticSite::start(a_dir.clone(), 0)).unwrap();
    let b = rt.block_on(StaticSite::start(b_dir.clone(), 0)).unwrap();
    let db = tmp.path().join("m.db");
    schedule(
        tmp.path(),
        &db,
        &write_profile(tmp.path(), "alpha", 0),
        &a.base_url(),
        "1s",
    );
    schedule(
        tmp.path(),
        &db,
        &write_profile(tmp.path(), "beta", 0),
        &b.base_url(),
        "1s",
    );
    let log = tmp.path().join("run.log");
    let mut d = daemon(tmp.path(), &db, &log, &[]);
    let finished = |m: &str| {
        count(
            &db,
            &format!(
                "SELECT count(*) FROM crawl_runs WHERE market_id = '{m}' AND status = 'finished'"
            ),
        )
    };
    wait_for(60, "both markets crawled twice", || {
        finished("alpha") >= 2 && finished("beta") >= 2
    });

    let second = armswatch(tmp.path(), &["run", "--db", db.to_str().unwrap()]);
    assert!(!second.status.success());
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(err.contains(&format!("pid {}", d.id())), "{err}");

    // Market beta goes down: every page answers 404.
    std::fs::rename(&b_dir, tmp.path().join("b.off")).unwrap();
    let failures = || {
        count(
            &db,
            "SELECT failures FROM schedules WHERE market_id = 'beta'",
        )
    };
    let alpha_before = finished("alpha");
    wait_for(60, "beta failing three times in a row", || failures() >= 3);
    assert!(
        finished("alpha") > alpha_before,
        "alpha must go on being crawled"
    );
    assert!(
        count(
            &db,
            "SELECT count(*) FROM schedules WHERE market_id = 'beta' AND backoff_until IS NOT NULL"
        ) == 1
    );
    assert!(
        count(
            &db,
            "SELECT count(*) FROM crawl_errors WHERE market_id = 'beta' AND kind = 'down'"
        ) >= 3
    );
    let status = armswatch_ok(
        tmp.path(),
        &["status", "--db", db.to_str().unwrap(), "--json"],
    );
    let beta: serde_json::Value = status
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["market"] == "beta")
        .unwrap();
    assert_eq!(beta["state"], "down", "{beta}");

    // It comes back, and the back-off ends with its next good crawl.
    std::fs::rename(tmp.path().join("b.off"), &b_dir).unwrap();
    let beta_before = finished("beta");
    wait_for(60, "beta crawled again after coming back", || {
        finished("beta") > beta_before
    });
    wait_for(10, "beta's failures reset", || failures() == 0);
    let log_text = std::fs::read_to_string(&log).unwrap();
    assert!(log_text.contains("backing off"), "{log_text}");
    let status = terminate(&mut d);
    assert!(
        status.success(),
        "{status}: {}",
        std::fs::read_to_string(&log).unwrap()
    );
}

#[test]
fn sigterm_mid_crawl_and_a_restart_lose_nothing_and_double_nothing() {
    // Guards clean shutdown and resume: SIGTERM while a slow crawl is under way stops the daemon
    // promptly with the run left open; the restarted daemon resumes that run and finishes it with
    // every page and listing stored once.
    let tmp = tempfile::tempdir().unwrap();
    let rt = runtime();
    let dir = tmp.path().join("site");
    let many: Vec<(u32, String, &str)> = (1..=16)
        .map(|i| (i, format!("Glock {i} pistol 9mm, boxed"), "PineCone_Armory"))
        .collect();
    let refs: Vec<(u32, &str, &str)> = many.iter().map(|(i, t, v)| (*i, t.as_str(), *v)).collect();
    write_market(&dir, &refs);
    let site = rt.block_on(StaticSite::start(dir, 0)).unwrap();
    let db = tmp.path().join("m.db");
    schedule(
        tmp.path(),
        &db,
        &write_profile(tmp.path(), "slow", 150),
        &site.base_url(),
        "1h",
    );
    let log = tmp.path().join("run.log");
    let mut d = daemon(tmp.path(), &db, &log, &[]);
    wait_for(30, "a few pages stored", || {
        count(&db, "SELECT count(*) FROM pages") >= 4
    });
    let status = terminate(&mut d);
    assert!(status.success(), "{status}");
    let log_text = std::fs::read_to_string(&log).unwrap();
    assert!(log_text.contains("SIGTERM"), "{log_text}");
    assert_eq!(count(&db, "SELECT count(*) FROM crawl_runs"), 1);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM crawl_runs WHERE status = 'running'"
        ),
        1
    );
    assert!(count(&db, "SELECT count(*) FROM frontier WHERE state = 'pending'") > 0);

    let mut d = daemon(tmp.path(), &db, &log, &[]);
    wait_for(60, "the resumed crawl finishing", || {
        count(
            &db,
            "SELECT count(*) FROM crawl_runs WHERE status = 'finished'",
        ) == 1
    });
    terminate(&mut d);
    assert_eq!(
        count(&db, "SELECT count(*) FROM crawl_runs"),
        1,
        "resumed, not restarted"
    );
    assert_eq!(count(&db, "SELECT count(*) FROM listings"), 16);
    assert_eq!(
        count(&db, "SELECT count(*) FROM pages"),
        count(&db, "SELECT count(DISTINCT requested_url) FROM pages"),
        "a page stored twice"
    );
    // Index + 16 listings + 1 vendor page.
    assert_eq!(count(&db, "SELECT count(*) FROM pages"), 18);
    assert_eq!(
        count(&db, "SELECT count(*) FROM frontier WHERE state = 'pending'"),
        0
    );
    assert_eq!(count(&db, "SELECT count(*) FROM verdicts"), 16);
}

#[test]
fn once_runs_what_is_due_under_a_plain_shell_loop() {
    // Guards `armswatch run --once` for cron and systemd timers: each call crawls what is due and
    // exits 0; a call with nothing due exits at once.
    let tmp = tempfile::tempdir().unwrap();
    let rt = runtime();
    let dir = tmp.path().join("site");
    write_market(&dir, &GUNS[..2]);
    let site = rt.block_on(StaticSite::start(dir, 0)).unwrap();
    let db = tmp.path().join("m.db");
    schedule(
        tmp.path(),
        &db,
        &write_profile(tmp.path(), "alpha", 0),
        &site.base_url(),
        "1s",
    );
    let script = format!(
        "for i in 1 2 3; do {} run --once --db {} --data-dir {} || exit 9; sleep 1.2; done",
        env!("CARGO_BIN_EXE_armswatch"),
        db.display(),
        tmp.path().display()
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM crawl_runs WHERE status = 'finished'"
        ),
        3,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Nothing due: exits at once without crawling.
    armswatch_ok(
        tmp.path(),
        &["schedule", "pause", "alpha", "--db", db.to_str().unwrap()],
    );
    armswatch_ok(tmp.path(), &["run", "--once", "--db", db.to_str().unwrap()]);
    assert_eq!(count(&db, "SELECT count(*) FROM crawl_runs"), 3);
}
