//! Operations end to end: schedules, the `armswatch run` daemon over fixture markets on 127.0.0.1
//! (short intervals), back-off of a market that goes down, one daemon per database, SIGTERM and
//! restart, `--once` under a shell loop, alerts exactly once, the zero-listings anomaly, and a
//! login wall followed by a session refresh.

mod common;

use armswatch_crawler::serve::StaticSite;
use common::{armswatch, armswatch_ok, repo};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A small market in the demo's layout: an index linking `listings` (id, title, vendor).
fn write_market(dir: &Path, listings: &[(u32, &str, &str)]) {
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

fn listing_page(id: u32, title: &str, vendor: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body><h1 class=\"listing-title\">{title}</h1>\
         <span class=\"listing-id\">Listing #{id}</span><div class=\"listing-price\">USD 1,200.00</div>\
         <div class=\"vendor\">Sold by <a href=\"/vendor/{vendor}\">{vendor}</a></div>\
         <div id=\"description\"><p>{title}. Ships in discreet packaging, tracking by PGP message.</p></div></body></html>"
    )
}

/// Gun listings the shipped model flags, and one it does not.
const GUNS: &[(u32, &str, &str)] = &[
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
fn write_profile(dir: &Path, id: &str, delay_ms: u64) -> PathBuf {
    let text = std::fs::read_to_string(repo().join("demo/profile.toml"))
        .unwrap()
        .replace("id = \"demo\"", &format!("id = \"{id}\""))
        .replace("concurrency = 4", "concurrency = 2")
        .replace("delay_ms = 0", &format!("delay_ms = {delay_ms}"));
    let p = dir.join(format!("{id}.toml"));
    std::fs::write(&p, text).unwrap();
    p
}

fn count(db: &Path, sql: &str) -> i64 {
    let c = Connection::open(db).unwrap();
    c.busy_timeout(Duration::from_secs(5)).unwrap();
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Waits until `f` holds, failing with `what` after `secs`.
fn wait_for(secs: u64, what: &str, mut f: impl FnMut() -> bool) {
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
fn daemon(data: &Path, db: &Path, log: &Path, extra: &[&str]) -> Child {
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
fn terminate(child: &mut Child) -> std::process::ExitStatus {
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

fn schedule(data: &Path, db: &Path, profile: &Path, base: &str, every: &str) {
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

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap()
}

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

/// The alert payloads a hook wrote (one JSON object per line).
fn payloads(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn an_alert_command_gets_each_new_flagged_listing_once_across_a_restart_and_is_retried() {
    // Guards alerts: a failing hook is retried (delivery state in the database); each new
    // flagged listing reaches the hook exactly once, also across a daemon restart and a later
    // crawl that finds one more; watched vendors raise their own alert; the JSONL file matches.
    let tmp = tempfile::tempdir().unwrap();
    let rt = runtime();
    let dir = tmp.path().join("site");
    write_market(&dir, &GUNS[..5]);
    let site = rt.block_on(StaticSite::start(dir.clone(), 0)).unwrap();
    let db = tmp.path().join("m.db");
    let dbs = db.to_str().unwrap();
    schedule(
        tmp.path(),
        &db,
        &write_profile(tmp.path(), "alpha", 0),
        &site.base_url(),
        "1s",
    );
    armswatch_ok(
        tmp.path(),
        &["watch", "add", "--vendor", "balkandirect", "--db", dbs],
    );
    let got = tmp.path().join("got.jsonl");
    let flag = tmp.path().join("failed-once");
    // Fails its first call, then appends each payload as one line.
    let hook = format!(
        "if [ ! -e {f} ]; then touch {f}; echo hook down >&2; exit 3; fi; cat >> {g}; echo >> {g}",
        f = flag.display(),
        g = got.display()
    );
    let file = tmp.path().join("alerts.jsonl");
    let args = [
        "--alert-command",
        hook.as_str(),
        "--alert-file",
        file.to_str().unwrap(),
        "--alert-retry",
        "1s",
    ];
    let log = tmp.path().join("run.log");
    let mut d = daemon(tmp.path(), &db, &log, &args);
    let flagged = || {
        count(
            &db,
            "SELECT count(*) FROM listings WHERE flag_score IS NOT NULL",
        )
    };
    wait_for(60, "a crawl with flagged listings", || flagged() >= 3);
    let want = || flagged() + 2; // + the watched vendor's listings 3 and 4
    wait_for(60, "every alert delivered", || {
        payloads(&got).len() as i64 == want()
    });
    let log_text = std::fs::read_to_string(&log).unwrap();
    assert!(
        count(&db, "SELECT max(attempts) FROM alerts") >= 2,
        "the failed call was retried: {log_text}"
    );
    assert!(
        log_text.contains("delivery attempt 1 failed") && log_text.contains("hook down"),
        "{log_text}"
    );
    let status = terminate(&mut d);
    assert!(status.success());

    // A new gun listing appears; the daemon restarts and must alert on it alone.
    let mut more = GUNS[..5].to_vec();
    more.push((7, "Sig Sauer P226 9mm pistol, two magazines", "GreenLeaf"));
    write_market(&dir, &more);
    let before = payloads(&got).len();
    let mut d = daemon(tmp.path(), &db, &log, &args);
    wait_for(60, "the new listing alerted", || {
        payloads(&got).len() > before
    });
    std::thread::sleep(Duration::from_secs(3));
    terminate(&mut d);
    let all = payloads(&got);
    let mut keys: Vec<String> = all
        .iter()
        .map(|p| format!("{}:{}:{}", p["kind"], p["listing_id"], p["watch"]["id"]))
        .collect();
    let n = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), n, "an alert was delivered twice: {all:?}");
    assert_eq!(n as i64, flagged() + 2);
    assert!(all
        .iter()
        .any(|p| p["title"].as_str().unwrap().starts_with("Sig Sauer")));
    let vendor: Vec<_> = all.iter().filter(|p| p["kind"] == "vendor").collect();
    assert_eq!(vendor.len(), 2, "{all:?}");
    assert!(vendor.iter().all(|p| p["vendor"] == "BalkanDirect"));
    assert!(all
        .iter()
        .all(|p| p["id"].is_i64() && p["market"] == "alpha"));
    assert_eq!(
        payloads(&file).len(),
        n,
        "the alerts file holds each alert once"
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM alerts WHERE state <> 'delivered'"
        ),
        0
    );
}

#[test]
fn a_market_that_suddenly_shows_zero_listings_is_an_error() {
    // Guards the anomaly check: a crawl that answers but finds no listing where the last crawl
    // found many fails (exit 1) with the message, stored and shown by `status`, and marks
    // nothing vanished.
    let tmp = tempfile::tempdir().unwrap();
    let rt = runtime();
    let dir = tmp.path().join("site");
    write_market(&dir, GUNS);
    let site = rt.block_on(StaticSite::start(dir.clone(), 0)).unwrap();
    let db = tmp.path().join("m.db");
    let dbs = db.to_str().unwrap();
    let profile = write_profile(tmp.path(), "alpha", 0);
    let crawl = [
        "crawl",
        "--profile",
        profile.to_str().unwrap(),
        "--db",
        dbs,
        "--tor",
        "direct",
        "--base-url",
        &site.base_url(),
        "--vanish-after",
        "1",
    ];
    armswatch_ok(tmp.path(), &crawl);
    // The layout changes: the index links nowhere the profile knows.
    std::fs::write(dir.join("index.html"), "<html><body><h1>New look</h1><p>Our shop moved to a new design, browse the catalogue.</p><a href=\"/shop/all\">All products</a></body></html>").unwrap();
    let out = armswatch(tmp.path(), &crawl);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the market's layout may have changed, or Tor is down"),
        "{err}"
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM listings WHERE vanished_at IS NOT NULL"
        ),
        0
    );
    let status = armswatch_ok(tmp.path(), &["status", "--db", dbs, "--json"]);
    let v: serde_json::Value = serde_json::from_str(status.trim()).unwrap();
    assert_eq!(v["last_run"]["status"], "failed");
    assert_eq!(v["recent_errors"][0]["kind"], "anomaly", "{v}");
    let table = armswatch_ok(tmp.path(), &["status", "--db", dbs]);
    assert!(table.contains("zero listings"), "{table}");
}

/// A market that answers listing pages only to the cookie `sid=good`, with a login wall
/// otherwise; it logs every request path.
fn walled_market() -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = log.clone();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut conn) = conn else { continue };
            let mut reader = BufReader::new(conn.try_clone().unwrap());
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let mut cookie = false;
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                    break;
                }
                cookie |= h.to_ascii_lowercase().starts_with("cookie:") && h.contains("sid=good");
            }
            seen.lock().unwrap().push(path.clone());
            let body = if path == "/" {
                let links: String = GUNS[..4]
                    .iter()
                    .map(|(id, t, _)| format!("<li><a href=\"/listing/{id}\">{t}</a></li>"))
                    .collect();
                format!("<html><body><h1>Fixture market</h1><p>Welcome, browse our listings below.</p><ul>{links}</ul></body></html>")
            } else if !cookie {
                "<html><head><title>Login</title></head><body><form><input name=u><input type=password name=p><button>Sign in</button></form></body></html>".to_string()
            } else {
                let id: u32 = path.rsplit('/').next().unwrap_or("0").parse().unwrap_or(0);
                match GUNS.iter().find(|g| g.0 == id) {
                    Some((id, t, _)) => listing_page(*id, t, "NoVendor"),
                    None => {
                        "<html><body><p>Vendor page, nothing to see here.</p></body></html>".into()
                    }
                }
            };
            let _ = write!(
                conn,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (base, log)
}

#[test]
fn a_wall_then_a_session_refresh_resumes_the_frontier() {
    // Guards resume after a wall: the login wall stops the crawl (market needs_session, run
    // walled, frontier kept); after `market session --cookie` the next crawl resumes the same run,
    // sends the cookie, fetches only what was pending (the index is not fetched again) and
    // finishes with every listing.
    let tmp = tempfile::tempdir().unwrap();
    let (base, requests) = walled_market();
    let db = tmp.path().join("m.db");
    let dbs = db.to_str().unwrap();
    let profile = write_profile(tmp.path(), "alpha", 0)
        .to_str()
        .unwrap()
        .to_string();
    let crawl = [
        "crawl",
        "--profile",
        &profile,
        "--db",
        dbs,
        "--tor",
        "direct",
        "--base-url",
        &base,
    ];
    armswatch_ok(tmp.path(), &crawl);
    let status = armswatch_ok(tmp.path(), &["status", "--db", dbs, "--json"]);
    let v: serde_json::Value = serde_json::from_str(status.trim()).unwrap();
    assert_eq!(v["state"], "needs_session", "{v}");
    assert_eq!(v["last_run"]["status"], "walled");
    assert!(count(&db, "SELECT count(*) FROM frontier WHERE state = 'pending'") >= 3);
    let index_fetches = || {
        requests
            .lock()
            .unwrap()
            .iter()
            .filter(|p| *p == "/")
            .count()
    };
    assert_eq!(index_fetches(), 1);

    let out = armswatch_ok(
        tmp.path(),
        &[
            "market", "session", "alpha", "--cookie", "sid=good", "--db", dbs,
        ],
    );
    assert!(out.contains("resumes run 1"), "{out}");
    let out = armswatch_ok(tmp.path(), &crawl);
    assert!(out.contains("(resumed)"), "{out}");
    assert_eq!(
        index_fetches(),
        1,
        "the frontier was reset instead of resumed"
    );
    assert_eq!(count(&db, "SELECT count(*) FROM crawl_runs"), 1);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM crawl_runs WHERE status = 'finished'"
        ),
        1
    );
    assert_eq!(count(&db, "SELECT count(*) FROM listings"), 4);
    let v: serde_json::Value =
        serde_json::from_str(armswatch_ok(tmp.path(), &["status", "--db", dbs, "--json"]).trim())
            .unwrap();
    assert_eq!(v["state"], "ok", "{v}");
}

/// `armswatch doctor --json` as (check, status, detail) triples, with the exit status.
fn doctor(data: &Path, args: &[&str]) -> (Option<i32>, Vec<(String, String, String)>) {
    let mut all = vec!["doctor"];
    all.extend(args);
    let out = armswatch(data, &all);
    let checks = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v[k].as_str().unwrap().to_string();
            (s("check"), s("status"), s("detail"))
        })
        .collect();
    (out.status.code(), checks)
}

fn status_of<'a>(checks: &'a [(String, String, String)], name: &str) -> &'a str {
    checks
        .iter()
        .find(|c| c.0 == name)
        .map(|c| c.1.as_str())
        .unwrap_or_else(|| panic!("no check {name}: {checks:?}"))
}

#[test]
fn doctor_passes_a_sound_setup_and_fails_loudly_on_each_broken_part() {
    // Guards `doctor`: database integrity, schema and WAL, model, scheduled profiles, disk and
    // schedules pass on a sound setup; a broken profile, a SOCKS port that is not Tor, a port
    // where nothing listens, a given-up alert and a missing database each fail with exit 1.
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("m.db");
    let dbs = db.to_str().unwrap();
    let profile = write_profile(tmp.path(), "alpha", 0);
    schedule(tmp.path(), &db, &profile, "http://127.0.0.1:9", "6h");
    let (code, checks) = doctor(tmp.path(), &["--db", dbs, "--json", "--tor", "direct"]);
    assert_eq!(code, Some(0), "{checks:?}");
    for name in [
        "database integrity",
        "database schema",
        "database WAL",
        "model",
        "profile alpha",
        "tor",
        "disk",
        "schedule alpha",
        "alerts",
        "daemon",
    ] {
        assert_eq!(status_of(&checks, name), "ok", "{name}: {checks:?}");
    }
    let text = armswatch_ok(tmp.path(), &["doctor", "--db", dbs]);
    assert!(
        text.lines()
            .any(|l| l.starts_with("ok ") && l.contains("schedule alpha")),
        "{text}"
    );

    // A port that answers HTTP, not SOCKS, and one where nothing listens.
    let rt = runtime();
    let site_dir = tmp.path().join("site");
    write_market(&site_dir, &GUNS[..1]);
    let site = rt.block_on(StaticSite::start(site_dir, 0)).unwrap();
    let http = format!("socks5h://{}", site.addr());
    let (code, checks) = doctor(tmp.path(), &["--db", dbs, "--json", "--tor", &http]);
    assert_eq!(code, Some(1));
    assert_eq!(status_of(&checks, "tor"), "fail");
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let (code, checks) = doctor(
        tmp.path(),
        &[
            "--db",
            dbs,
            "--json",
            "--tor",
            &format!("socks5h://{closed}"),
        ],
    );
    assert_eq!(code, Some(1));
    assert_eq!(status_of(&checks, "tor"), "fail");

    // The scheduled profile breaks (a selector that does not compile).
    let text = std::fs::read_to_string(&profile).unwrap();
    std::fs::write(&profile, text.replace("h1.listing-title", "h1[[[")).unwrap();
    let (code, checks) = doctor(tmp.path(), &["--db", dbs, "--json", "--tor", "direct"]);
    assert_eq!(code, Some(1));
    assert_eq!(status_of(&checks, "profile alpha"), "fail", "{checks:?}");
    std::fs::write(&profile, text).unwrap();

    // An alert whose delivery was given up.
    let c = Connection::open(&db).unwrap();
    c.execute(
        "INSERT INTO alerts (dedup_key, kind, payload_json, created_at, state, next_attempt_at)
         VALUES ('flagged:1', 'flagged', '{}', 0, 'failed', 0)",
        [],
    )
    .unwrap();
    let (code, checks) = doctor(tmp.path(), &["--db", dbs, "--json", "--tor", "direct"]);
    assert_eq!(code, Some(1));
    assert_eq!(status_of(&checks, "alerts"), "fail");

    let (code, checks) = doctor(
        tmp.path(),
        &[
            "--db",
            tmp.path().join("none.db").to_str().unwrap(),
            "--json",
            "--tor",
            "direct",
        ],
    );
    assert_eq!(code, Some(1));
    assert_eq!(status_of(&checks, "database"), "fail");
}

#[test]
fn logs_scrub_onions_and_cookies_unless_unsafe_log_and_json_logs_are_json() {
    // Guards safelog-style logging and --log-format json: an onion start URL and a session cookie
    // never reach the log in full at info level; --unsafe-log shows them.
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("m.db");
    let onion = "vww6ybal4bd7szmgncyruucpgfkqahzddi37ktceo3ah7ngmcopnpyyd.onion";
    // A SOCKS port where nothing listens: the crawl fails fast, after logging its start URL.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let start = format!("http://{onion}/");
    let socks = format!("socks5h://{closed}");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "crawl",
            "--start",
            &start,
            "--db",
            db.to_str().unwrap(),
            "--tor",
            &socks,
            "--timeout-secs",
            "2",
        ];
        args.extend(extra);
        let out = armswatch(tmp.path(), &args);
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let safe = run(&[]);
    assert!(safe.contains("vww6…[scrubbed].onion"), "{safe}");
    assert!(!safe.contains(onion), "{safe}");
    let json = run(&["--log-format", "json"]);
    let first = json.lines().next().unwrap();
    let v: serde_json::Value =
        serde_json::from_str(first).unwrap_or_else(|e| panic!("{e}: {first}"));
    assert!(v["level"].is_string(), "{v}");
    assert!(!json.contains(onion), "{json}");
    let unsafe_log = run(&["--unsafe-log"]);
    assert!(unsafe_log.contains(onion), "{unsafe_log}");
}
