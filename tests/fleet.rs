//! A fleet of `armswatch run --worker` processes sharing one PostgreSQL database (issue 16): three
//! workers crawl two fixture markets together while one of them is SIGKILLed twice (and started
//! again each time). Checked from the store and from the fixture servers' own request logs.

mod common;
#[path = "common/pg.rs"]
mod pg;

use armswatch_crawler::serve::{Latency, Served, StaticSite};
use common::ops::wait_for;
use common::{armswatch, armswatch_ok, repo};
use pg::sql as query;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Listings per fixture market.
const LISTINGS: u32 = 60;
/// Vendors per fixture market (each has a profile page).
const VENDORS: u32 = 4;
/// The markets' politeness, for the whole fleet.
const CONCURRENCY: usize = 2;
const DELAY_MS: u64 = 100;
/// Scheduling noise allowed on a gap between two request starts (2 cores, 3 workers, PostgreSQL).
const GAP_TOLERANCE_MS: u64 = 40;
/// Gaps (of about 65 a market) allowed to fall short of the delay by more than that: one per
/// request sent late, measured at most one per run with two cores kept busy by other processes.
const MAX_SHORT_GAPS: usize = 3;

const TITLES: &[&str] = &[
    "Glock 19 Gen5 9mm pistol, never registered",
    "Premium hash 10g, Moroccan import",
    "AR-15 lower receiver, 80% jig included",
    "Vintage leather wallet, hand stitched",
];

/// A market in the demo's layout: an index linking every listing, listing and vendor pages.
fn write_market(dir: &Path, tag: &str) {
    std::fs::create_dir_all(dir.join("listing")).unwrap();
    std::fs::create_dir_all(dir.join("vendor")).unwrap();
    let mut links = String::new();
    for id in 1..=LISTINGS {
        let title = format!("{} ({tag} lot {id})", TITLES[id as usize % TITLES.len()]);
        let vendor = format!("{tag}_vendor{}", id % VENDORS);
        links.push_str(&format!("<li><a href=\"/listing/{id}\">{title}</a></li>"));
        std::fs::write(
            dir.join(format!("listing/{id}.html")),
            format!(
                "<html><head><title>{title}</title></head><body><h1 class=\"listing-title\">{title}</h1>\
                 <span class=\"listing-id\">Listing #{id}</span><div class=\"listing-price\">USD 1,200.00</div>\
                 <div class=\"vendor\">Sold by <a href=\"/vendor/{vendor}\">{vendor}</a></div>\
                 <div id=\"description\"><p>{title}. Ships in discreet packaging.</p></div></body></html>"
            ),
        )
        .unwrap();
        std::fs::write(
            dir.join(format!("vendor/{vendor}.html")),
            format!("<html><body><h1>{vendor}</h1><p>Vendor since 2023.</p></body></html>"),
        )
        .unwrap();
    }
    std::fs::write(
        dir.join("index.html"),
        format!("<html><head><title>Fixture market</title></head><body><h1>Fixture market</h1><ul>{links}</ul></body></html>"),
    )
    .unwrap();
}

fn write_profile(dir: &Path, id: &str) -> PathBuf {
    let text = std::fs::read_to_string(repo().join("demo/profile.toml"))
        .unwrap()
        .replace("id = \"demo\"", &format!("id = \"{id}\""))
        .replace("concurrency = 4", &format!("concurrency = {CONCURRENCY}"))
        .replace("delay_ms = 0", &format!("delay_ms = {DELAY_MS}"));
    let p = dir.join(format!("{id}.toml"));
    std::fs::write(&p, text).unwrap();
    p
}

fn one(url: &str, sql: &str) -> i64 {
    query(url, sql)[0][0].parse().unwrap()
}

/// Starts worker `name`; stderr appended to `DIR/NAME.log`, alerts to `DIR/NAME.alerts.jsonl`.
fn worker(dir: &Path, url: &str, name: &str) -> Child {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join(format!("{name}.log")))
        .unwrap();
    Command::new(env!("CARGO_BIN_EXE_armswatch"))
        .args(["run", "--db", url, "--worker", name])
        .args([
            "--tick",
            "200ms",
            "--lease",
            "2s",
            "--shutdown-grace",
            "10s",
        ])
        .arg("--alert-file")
        .arg(dir.join(format!("{name}.alerts.jsonl")))
        .arg("--data-dir")
        .arg(dir)
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("starting armswatch run")
}

fn signal(child: &Child, sig: libc::c_int) {
    // SAFETY: signalling our own child.
    unsafe { libc::kill(child.id() as libc::pid_t, sig) };
}

/// The most requests in flight at once, from the server's log.
fn max_overlap(log: &[Served]) -> usize {
    let mut events: Vec<(Instant, i32)> = log
        .iter()
        .flat_map(|r| [(r.start, 1), (r.end, -1)])
        .collect();
    // An end and a start at the same instant do not overlap.
    events.sort_by_key(|(t, d)| (*t, *d));
    let (mut now, mut max) = (0i32, 0i32);
    for (_, d) in events {
        now += d;
        max = max.max(now);
    }
    usize::try_from(max).unwrap()
}

#[test]
fn three_workers_crawl_two_markets_as_one_while_one_is_killed_twice() {
    // Guards issue 16's fleet: every listing and page stored once, no URL fetched by two workers
    // at once, each market's concurrency and delay held across the fleet (from the servers' own
    // logs), a killed worker's leases and role taken over, each run finished once and each alert
    // delivered once.
    let Some(cluster) = pg::PgCluster::get() else {
        return;
    };
    let url = cluster.fresh_db("fleet");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let latency = Some(Latency {
        mean: Duration::from_millis(150),
        jitter: Duration::from_millis(50),
    });
    let mut sites = Vec::new();
    for m in ["alpha", "beta"] {
        write_market(&dir.join(m), m);
        let site = rt
            .block_on(StaticSite::start_with_latency(dir.join(m), 0, latency))
            .unwrap();
        armswatch_ok(
            dir,
            &[
                "schedule",
                "add",
                write_profile(dir, m).to_str().unwrap(),
                "--db",
                &url,
                "--every",
                "1h",
                "--tor",
                "direct",
                "--base-url",
                &site.base_url(),
            ],
        );
        sites.push((m, site));
    }
    // --worker is required on PostgreSQL and refused on SQLite.
    let out = armswatch(dir, &["run", "--db", &url, "--once"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs --worker NAME"));
    let sqlite = dir.join("case.db");
    let out = armswatch(
        dir,
        &["run", "--db", sqlite.to_str().unwrap(), "--worker", "w1"],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("drop --worker"));

    let mut workers: Vec<Child> = ["w1", "w2", "w3"]
        .iter()
        .map(|w| worker(dir, &url, w))
        .collect();
    let pages = || one(&url, "SELECT count(*) FROM pages");
    // The victim: the worker that started a market's crawl (it holds the market's role).
    wait_for(60, "the first pages", || pages() >= 8);
    let holder = query(
        &url,
        "SELECT worker FROM worker_roles WHERE role LIKE 'schedule:%' ORDER BY role LIMIT 1",
    );
    let victim: usize = holder.first().map_or(1, |r| {
        r[0].trim_start_matches('w').parse::<usize>().unwrap() - 1
    });
    let name = format!("w{}", victim + 1);
    // First kill: started again only after its leases and roles expired (others take over).
    workers[victim].kill().unwrap();
    workers[victim].wait().unwrap();
    let at_kill = pages();
    std::thread::sleep(Duration::from_millis(2500));
    assert!(pages() > at_kill, "the other workers went on crawling");
    workers[victim] = worker(dir, &url, &name);
    // Second kill, once it works again; started again at once (it gives back what it held).
    let p = pages();
    wait_for(60, "more pages after the restart", || pages() >= p + 10);
    workers[victim].kill().unwrap();
    workers[victim].wait().unwrap();
    workers[victim] = worker(dir, &url, &name);

    let expected_pages = i64::from(1 + LISTINGS + VENDORS);
    let finished = || {
        one(
            &url,
            "SELECT count(*) FROM schedules s JOIN crawl_runs r ON r.id = s.last_run_id
             WHERE r.status = 'finished'",
        ) == 2
    };
    wait_for(120, "both markets' runs finished", finished);
    wait_for(30, "alerts delivered", || {
        one(&url, "SELECT count(*) FROM alerts WHERE state = 'pending'") == 0
    });
    for w in &workers {
        signal(w, libc::SIGTERM);
    }
    for (i, w) in workers.iter_mut().enumerate() {
        let status = w.wait().unwrap();
        let log = std::fs::read_to_string(dir.join(format!("w{}.log", i + 1))).unwrap();
        assert!(status.success(), "w{} exited {status}: {log}", i + 1);
    }
    let logs: String = (1..=3)
        .map(|i| std::fs::read_to_string(dir.join(format!("w{i}.log"))).unwrap())
        .collect();
    assert!(
        logs.contains("helping worker"),
        "workers helped each other: {logs}"
    );

    for (m, site) in &sites {
        // The store: every listing once, every page once, the whole frontier done, one run.
        let listings = one(
            &url,
            &format!("SELECT count(*) FROM listings WHERE market_id = '{m}' AND version = 1"),
        );
        assert_eq!(listings, i64::from(LISTINGS), "{m}: listings");
        let stored = query(
            &url,
            &format!(
                "SELECT requested_url, count(*) FROM pages WHERE market_id = '{m}'
                 GROUP BY requested_url ORDER BY 2 DESC"
            ),
        );
        assert_eq!(stored.len() as i64, expected_pages, "{m}: pages");
        assert_eq!(stored[0][1], "1", "{m}: a page stored twice: {stored:?}");
        assert_eq!(
            one(
                &url,
                &format!(
                    "SELECT count(*) FROM frontier WHERE market_id = '{m}' AND state <> 'done'"
                )
            ),
            0,
            "{m}: frontier"
        );
        assert_eq!(
            one(
                &url,
                &format!("SELECT count(*) FROM crawl_runs WHERE market_id = '{m}'")
            ),
            1,
            "{m}: one run"
        );
        assert_eq!(
            one(
                &url,
                &format!("SELECT count(*) FROM listings WHERE market_id = '{m}' AND latest_verdict_id IS NULL")
            ),
            0,
            "{m}: every listing classified"
        );

        // The server's log: each URL answered whole before anyone asked for it again.
        let log = site.requests();
        assert!(
            log.len() as i64 >= expected_pages,
            "{m}: {} requests",
            log.len()
        );
        let mut by_path: HashMap<&str, Vec<&Served>> = HashMap::new();
        for r in &log {
            by_path.entry(&r.path).or_default().push(r);
        }
        for (path, rs) in &by_path {
            let mut rs = rs.clone();
            rs.sort_by_key(|r| r.start);
            for w in rs.windows(2) {
                assert!(
                    w[1].start >= w[0].end,
                    "{m}: {path} fetched by two workers at once"
                );
            }
        }
        // Politeness across the fleet.
        let most = max_overlap(&log);
        assert!(most <= CONCURRENCY, "{m}: {most} requests at once");
        // The delay is kept when a URL is claimed; a worker the scheduler holds back between its
        // claim and its request (2 cores, three workers, PostgreSQL and the servers) sends late,
        // which shortens the one gap after its request. So: a few gaps may fall short by
        // scheduling noise, none by more than that. A fleet paced per worker instead of per market
        // would start requests together all along.
        let mut starts: Vec<Instant> = log.iter().map(|r| r.start).collect();
        starts.sort();
        let mut gaps: Vec<Duration> = starts.windows(2).map(|w| w[1] - w[0]).collect();
        gaps.sort();
        let short: Vec<&Duration> = gaps
            .iter()
            .take_while(|g| **g < Duration::from_millis(DELAY_MS - GAP_TOLERANCE_MS))
            .collect();
        assert!(
            short.len() <= MAX_SHORT_GAPS,
            "{m}: {} of {} gaps between request starts under {} ms (delay {DELAY_MS} ms): {short:?}",
            short.len(),
            gaps.len(),
            DELAY_MS - GAP_TOLERANCE_MS
        );
        assert!(
            gaps[0] >= Duration::from_millis(DELAY_MS / 3),
            "{m}: two requests started {:?} apart (delay {DELAY_MS} ms)",
            gaps[0]
        );
    }
    // Nothing left held, and the schedules' next crawls lie ahead.
    assert_eq!(
        one(
            &url,
            "SELECT count(*) FROM frontier WHERE worker IS NOT NULL"
        ),
        0
    );
    assert_eq!(one(&url, "SELECT count(*) FROM worker_roles"), 0);
    assert_eq!(
        one(
            &url,
            "SELECT count(*) FROM schedules WHERE failures = 0
             AND next_at > extract(epoch from now())::bigint"
        ),
        2
    );
    // Each alert delivered once across the three workers' alert files.
    let alerts = one(
        &url,
        "SELECT count(*) FROM alerts WHERE state = 'delivered'",
    );
    assert!(alerts > 0, "flagged listings raised alerts");
    let mut seen = HashSet::new();
    for i in 1..=3 {
        let text =
            std::fs::read_to_string(dir.join(format!("w{i}.alerts.jsonl"))).unwrap_or_default();
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let key = v.to_string();
            let id = v["id"].as_i64().unwrap_or_else(|| panic!("no id: {key}"));
            assert!(seen.insert(id), "alert {id} delivered twice");
        }
    }
    assert_eq!(seen.len() as i64, alerts);
}

fn checks(out: &std::process::Output) -> Vec<(String, String, String)> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v[k].as_str().unwrap().to_string();
            (s("check"), s("status"), s("detail"))
        })
        .collect()
}

#[test]
fn schedule_watch_and_doctor_work_on_postgres() {
    // Guards the operations commands on `--db postgres://`: schedule add (twice refused), list,
    // pause, resume, remove; watch add, list, remove; doctor's checks, with the fleet's workers.
    let Some(cluster) = pg::PgCluster::get() else {
        return;
    };
    let url = cluster.fresh_db("opscli");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let profile = write_profile(dir, "alpha");
    let p = profile.to_str().unwrap();
    let add = [
        "schedule",
        "add",
        p,
        "--db",
        &url,
        "--every",
        "6h",
        "--tor",
        "direct",
        "--base-url",
        "http://127.0.0.1:9",
    ];
    armswatch_ok(dir, &add);
    let again = armswatch(dir, &add);
    assert!(String::from_utf8_lossy(&again.stderr).contains("market alpha is already scheduled"));
    armswatch_ok(dir, &["schedule", "pause", "alpha", "--db", &url]);
    let list = armswatch_ok(dir, &["schedule", "list", "--db", &url, "--json"]);
    let row: serde_json::Value = serde_json::from_str(list.lines().next().unwrap()).unwrap();
    assert_eq!(row["market"], "alpha");
    assert_eq!(row["paused"], true, "{row}");
    armswatch_ok(dir, &["schedule", "resume", "alpha", "--db", &url]);

    armswatch_ok(dir, &["watch", "add", "--vendor", "gunsmith", "--db", &url]);
    let w = armswatch(dir, &["watch", "add", "--vendor", "gunsmith", "--db", &url]);
    assert!(String::from_utf8_lossy(&w.stderr).contains("already watched"));
    let watches = armswatch_ok(dir, &["watch", "list", "--db", &url, "--json"]);
    assert!(watches.contains("gunsmith"), "{watches}");

    // doctor: sound, then a worker holding a role shows as live.
    let out = armswatch(dir, &["doctor", "--db", &url, "--json", "--tor", "direct"]);
    let c = checks(&out);
    assert_eq!(out.status.code(), Some(0), "{c:?}");
    for name in [
        "database schema",
        "daemon",
        "model",
        "profile alpha",
        "schedule alpha",
        "alerts",
    ] {
        let status = c.iter().find(|x| x.0 == name).map(|x| x.1.as_str());
        assert_eq!(status, Some("ok"), "{name}: {c:?}");
    }
    assert!(
        !c.iter().any(|x| x.0 == "disk"),
        "no local disk check for a server"
    );
    let pg = armswatch_store::PgStore::connect(&url).unwrap();
    assert!(pg
        .claim_role("schedule:alpha", "w7", Duration::from_secs(30))
        .unwrap());
    let c = checks(&armswatch(
        dir,
        &["doctor", "--db", &url, "--json", "--tor", "direct"],
    ));
    let daemon = c.iter().find(|x| x.0 == "daemon").unwrap();
    assert!(daemon.2.contains("w7 (schedule:alpha)"), "{daemon:?}");

    let id = serde_json::from_str::<serde_json::Value>(watches.lines().next().unwrap()).unwrap()
        ["id"]
        .as_i64()
        .unwrap()
        .to_string();
    armswatch_ok(dir, &["watch", "remove", &id, "--db", &url]);
    armswatch_ok(dir, &["schedule", "remove", "alpha", "--db", &url]);
    let gone = armswatch(dir, &["schedule", "remove", "alpha", "--db", &url]);
    assert!(String::from_utf8_lossy(&gone.stderr).contains("has no schedule"));
    assert!(armswatch_ok(dir, &["watch", "list", "--db", &url]).contains("no watches"));
}

#[test]
fn a_worker_clears_the_leases_a_dead_worker_left_and_names_it() {
    // Guards the reaper: URL leases that expired (their worker died or stalled) are cleared by the
    // next worker's tick, which says whose they were; live leases are left alone, and `status`
    // shows them.
    let Some(cluster) = pg::PgCluster::get() else {
        return;
    };
    let url = cluster.fresh_db("reaper");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // The schema, then a market whose frontier holds one expired and one live lease.
    armswatch_ok(dir, &["schedule", "list", "--db", &url]);
    query(
        &url,
        "INSERT INTO markets (id, created_at) VALUES ('alpha', 0);
         INSERT INTO frontier (market_id, url, kind, depth, updated_at, worker, lease_until) VALUES
             ('alpha', 'http://alpha.onion/a', 'start', 0, 0, 'ghost', 0),
             ('alpha', 'http://alpha.onion/b', 'start', 0, 0, 'alive', 9000000000000)",
    );
    let out = armswatch(
        dir,
        &[
            "run", "--db", &url, "--worker", "w1", "--once", "--tick", "200ms",
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("worker ghost: 1 URL leases expired"),
        "the dead worker is named: {err}"
    );
    assert!(!err.contains("worker alive"), "{err}");
    assert_eq!(
        query(
            &url,
            "SELECT url, coalesce(worker, '-') FROM frontier ORDER BY url"
        ),
        vec![
            vec!["http://alpha.onion/a".to_string(), "-".to_string()],
            vec!["http://alpha.onion/b".to_string(), "alive".to_string()],
        ]
    );
    // status shows who is fetching what now.
    let status = armswatch_ok(dir, &["status", "--db", &url, "--json"]);
    let row: serde_json::Value = serde_json::from_str(status.lines().next().unwrap()).unwrap();
    assert_eq!(row["fetching"], serde_json::json!({"alive": 1}), "{row}");
    let table = armswatch_ok(dir, &["status", "--db", &url]);
    assert!(
        table.contains("fetching now, URLs by worker: alive 1"),
        "{table}"
    );
}
