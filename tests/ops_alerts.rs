//! Operations end to end, the watch side: alerts exactly once across a restart, the
//! zero-listings anomaly, a login wall followed by a session refresh, `doctor` on a sound and on
//! broken setups, and log scrubbing. Schedules and the daemon itself are in `tests/ops.rs`.

mod common;

use armswatch_crawler::serve::StaticSite;
use common::ops::*;
use common::{armswatch, armswatch_ok};
use rusqlite::Connection;
use std::path::Path;
use std::time::Duration;

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
                                 // Settled, not just equal for a moment: the crawl is over (its flagged count is final) and
                                 // the daemon has recorded every delivery (the hook writes its line before that).
    wait_for(60, "every alert delivered", || {
        count(
            &db,
            "SELECT count(*) FROM crawl_runs WHERE finished_at IS NOT NULL",
        ) >= 1
            && count(
                &db,
                "SELECT count(*) FROM alerts WHERE state <> 'delivered'",
            ) == 0
            && payloads(&got).len() as i64 == want()
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
