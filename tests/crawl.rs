//! `armswatch crawl` against fixture markets on 127.0.0.1 with the direct transport: re-crawls,
//! changed listings, resuming after a page budget and after a killed process, hostile pages, depth
//! limits and crawl order.

mod common;

use armswatch_crawler::serve::StaticSite;
use common::{armswatch, armswatch_ok, repo};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// A copy of the demo site in `dir`, served on 127.0.0.1 by a runtime the caller keeps alive.
fn serve_copy(dir: &Path) -> (tokio::runtime::Runtime, StaticSite, PathBuf) {
    let site_dir = dir.join("site");
    copy_dir(&repo().join("demo/site"), &site_dir);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site = rt.block_on(StaticSite::start(site_dir.clone(), 0)).unwrap();
    (rt, site, site_dir)
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

fn count(db: &Path, sql: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

/// Runs `armswatch crawl --tor direct --json` with a profile and returns the summary.
fn crawl_json_with(
    data: &Path,
    db: &Path,
    profile: &Path,
    base: &str,
    extra: &[&str],
) -> serde_json::Value {
    let mut args = vec![
        "crawl",
        "--profile",
        profile.to_str().unwrap(),
        "--base-url",
        base,
        "--db",
        db.to_str().unwrap(),
        "--tor",
        "direct",
        "--json",
    ];
    args.extend_from_slice(extra);
    let out = armswatch_ok(data, &args);
    serde_json::from_str(out.lines().last().unwrap()).unwrap()
}

/// The same with the demo market's profile.
fn crawl_json(data: &Path, db: &Path, base: &str, extra: &[&str]) -> serde_json::Value {
    crawl_json_with(data, db, &repo().join("demo/profile.toml"), base, extra)
}

/// Guards versioning: an unchanged listing only moves last_seen; a changed one keeps its old
/// content as a version and gets a new verdict.
#[test]
fn recrawl_updates_last_seen_and_versions_changed_listings() {
    let tmp = tempfile::tempdir().unwrap();
    let (_rt, site, site_dir) = serve_copy(tmp.path());
    let db = tmp.path().join("m.db");
    let base = site.base_url();
    let first = crawl_json(tmp.path(), &db, &base, &[]);
    assert_eq!(first["listings_new"], 76);
    let second = crawl_json(tmp.path(), &db, &base, &[]);
    assert_eq!(second["listings_new"], 0);
    assert_eq!(second["listings_changed"], 0);
    assert_eq!(second["listings_unchanged"], 76);
    assert_eq!(count(&db, "SELECT count(*) FROM listing_versions"), 0);

    let page = site_dir.join("listing/1005.html");
    let html = std::fs::read_to_string(&page).unwrap();
    let title_start = html.find("class=\"listing-title\"").unwrap();
    let changed = format!(
        "{}{}",
        &html[..title_start],
        html[title_start..].replacen('>', ">UPDATED ", 1)
    );
    std::fs::write(&page, changed).unwrap();
    let third = crawl_json(tmp.path(), &db, &base, &[]);
    assert_eq!(third["listings_changed"], 1);
    assert_eq!(count(&db, "SELECT count(*) FROM listings"), 76);
    assert_eq!(count(&db, "SELECT count(*) FROM listing_versions"), 1);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM listings WHERE title LIKE 'UPDATED %'"
        ),
        1
    );
}

/// Guards the persisted frontier: a crawl cut short by its page budget continues on the next run
/// instead of starting over, and ends with every listing stored once.
#[test]
fn crawl_resumes_after_page_budget() {
    let tmp = tempfile::tempdir().unwrap();
    let (_rt, site, _dir) = serve_copy(tmp.path());
    let db = tmp.path().join("m.db");
    let base = site.base_url();
    let mut runs = 0;
    let mut fetched = 0;
    loop {
        runs += 1;
        let r = crawl_json(tmp.path(), &db, &base, &["--max-pages", "25"]);
        fetched += r["pages_fetched"].as_i64().unwrap();
        if runs > 1 {
            assert_eq!(r["resumed"], true);
        }
        if r["budget_exhausted"] == false {
            break;
        }
        assert!(runs < 10, "the crawl never finished");
    }
    assert!(
        runs >= 4,
        "budget of 25 pages should need several runs, took {runs}"
    );
    // 13 index and category pages, 76 listings, 12 vendor profile pages.
    assert_eq!(fetched, 101, "each page fetched once over all runs");
    assert_eq!(count(&db, "SELECT count(*) FROM listings"), 76);
}

/// Guards crash recovery: a crawl killed mid-way resumes where it stopped on the next run.
#[test]
fn killed_crawl_resumes_where_it_stopped() {
    let tmp = tempfile::tempdir().unwrap();
    let (_rt, site, _dir) = serve_copy(tmp.path());
    let db = tmp.path().join("m.db");
    // A slow profile so the crawl is still running when it is killed.
    let profile_text = std::fs::read_to_string(repo().join("demo/profile.toml"))
        .unwrap()
        .replace("concurrency = 4", "concurrency = 1")
        .replace("delay_ms = 0", "delay_ms = 100");
    let profile = tmp.path().join("slow.toml");
    std::fs::write(&profile, profile_text).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_armswatch"))
        .args([
            "crawl",
            "--profile",
            profile.to_str().unwrap(),
            "--base-url",
            &site.base_url(),
        ])
        .args([
            "--db",
            db.to_str().unwrap(),
            "--tor",
            "direct",
            "--data-dir",
        ])
        .arg(tmp.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let pages = if db.exists() {
            Connection::open(&db)
                .and_then(|c| c.query_row("SELECT count(*) FROM pages", [], |r| r.get::<_, i64>(0)))
                .unwrap_or(0)
        } else {
            0
        };
        if pages >= 15 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "crawl made no progress"
        );
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let before = count(&db, "SELECT count(*) FROM pages");
    assert!(before < 101, "the crawl finished before it was killed");
    let r = crawl_json(tmp.path(), &db, &site.base_url(), &[]);
    assert_eq!(r["resumed"], true);
    let total = count(&db, "SELECT count(*) FROM pages");
    // Pages in flight at the kill may be fetched twice; nothing is fetched from scratch.
    assert!(total <= 101 + 2, "{total} pages: the crawl started over");
    assert_eq!(
        count(&db, "SELECT count(DISTINCT canonical_url) FROM listings"),
        76
    );
    assert_eq!(count(&db, "SELECT count(*) FROM listings"), 76);
}

/// Guards the exit status and message when nothing can be fetched (nothing listens on the port).
#[test]
fn dead_market_fails_with_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let db = tmp.path().join("m.db");
    let start = format!("http://127.0.0.1:{port}/");
    let out = armswatch(
        tmp.path(),
        &[
            "crawl",
            "--start",
            &start,
            "--db",
            db.to_str().unwrap(),
            "--tor",
            "direct",
            "--timeout-secs",
            "5",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&start),
        "the failed URL is named:\n{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no page"), "{stderr}");
}

/// Guards OPSEC defaults: a clearnet start URL is not crawled without an explicit transport, and
/// plain socks5:// (local DNS) is refused.
#[test]
fn transport_choice_is_explicit_and_socks5_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("m.db");
    let out = armswatch(
        tmp.path(),
        &[
            "crawl",
            "--start",
            "http://127.0.0.1:9/",
            "--db",
            db.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--tor direct"));
    let out = armswatch(
        tmp.path(),
        &[
            "crawl",
            "--start",
            "http://abc.onion/",
            "--db",
            db.to_str().unwrap(),
            "--tor",
            "socks5://127.0.0.1:9050",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("socks5h"));
}

/// Guards walls and off-site references: a login wall stops the crawl and marks the market as
/// needing a session (with the wall page kept as evidence, shown by `status`); a redirect and links
/// to other hosts are recorded as refused, never fetched.
#[test]
fn login_wall_stops_the_crawl_and_offsite_references_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = repo().join("tests/fixtures/wall-market");
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site = rt.block_on(StaticSite::start(dir.clone(), 0)).unwrap();
    let db = tmp.path().join("w.db");
    let r = crawl_json_with(
        tmp.path(),
        &db,
        &dir.join("profile.toml"),
        &site.base_url(),
        &[],
    );
    assert!(
        r["wall"].as_str().unwrap().to_lowercase().contains("login"),
        "{r}"
    );
    let state: String = Connection::open(&db)
        .unwrap()
        .query_row("SELECT state FROM markets WHERE id = 'juniper'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(state, "needs_session");
    let status = armswatch_ok(tmp.path(), &["status", "--db", db.to_str().unwrap()]);
    assert!(status.contains("needs_session"), "{status}");
    assert!(status.contains("evidence: page"), "{status}");
    let refused: Vec<String> = {
        let c = Connection::open(&db).unwrap();
        let mut s = c.prepare("SELECT url FROM refusals").unwrap();
        s.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert!(
        refused.iter().any(|u| u.contains("clearnet-forum.example")),
        "{refused:?}"
    );
    assert!(
        refused.iter().any(|u| u.contains("tracker.example")),
        "{refused:?}"
    );
    // The wall page is stored as evidence; nothing was fetched from another host.
    let hosts: Vec<String> = {
        let c = Connection::open(&db).unwrap();
        let mut s = c.prepare("SELECT final_url FROM pages").unwrap();
        s.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert!(
        hosts.iter().all(|u| u.starts_with(&site.base_url())),
        "{hosts:?}"
    );
    assert!(
        hosts.iter().any(|u| u.ends_with("/listing/2")),
        "wall page kept: {hosts:?}"
    );
}

/// Guards redirect checks: a redirect to another host is refused and recorded, the redirect answer
/// itself kept as the page.
#[test]
fn redirect_to_another_host_is_refused_and_recorded() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = repo().join("tests/fixtures/wall-market");
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site = rt.block_on(StaticSite::start(dir.clone(), 0)).unwrap();
    let db = tmp.path().join("r.db");
    let profile = repo().join("tests/fixtures/wall-market/profile.toml");
    let start = format!("{}/listing/4", site.base_url());
    let out = armswatch_ok(
        tmp.path(),
        &[
            "crawl",
            "--profile",
            profile.to_str().unwrap(),
            "--start",
            &start,
            "--db",
            db.to_str().unwrap(),
            "--tor",
            "direct",
            "--json",
        ],
    );
    let r: serde_json::Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    assert_eq!(r["refused"], 1, "{r}");
    let c = Connection::open(&db).unwrap();
    let (url, from): (String, String) = c
        .query_row("SELECT url, from_url FROM refusals", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(url, "https://clearnet-mirror.example/listing/4");
    assert!(from.ends_with("/listing/4"));
    let status: i64 = c
        .query_row("SELECT http_status FROM pages", [], |r| r.get(0))
        .unwrap();
    assert_eq!(status, 302);
}

/// Guards crawling without a profile: the generic extractor follows listing and pagination links
/// within the start host and reads most listings' titles and prices right.
#[test]
fn generic_crawl_without_profile_finds_the_listings() {
    let tmp = tempfile::tempdir().unwrap();
    let (_rt, site, _dir) = serve_copy(tmp.path());
    let db = tmp.path().join("g.db");
    let start = format!("{}/", site.base_url());
    let out = armswatch_ok(
        tmp.path(),
        &[
            "crawl",
            "--start",
            &start,
            "--db",
            db.to_str().unwrap(),
            "--tor",
            "direct",
            "--json",
        ],
    );
    let r: serde_json::Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    let exp: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join("demo/expected.json")).unwrap())
            .unwrap();
    let c = Connection::open(&db).unwrap();
    let mut right = 0;
    for (_, l) in exp["listings"].as_object().unwrap() {
        let url = format!("{}{}", site.base_url(), l["url"].as_str().unwrap());
        let got: Option<(String, Option<String>)> = c
            .query_row(
                "SELECT title, price_text FROM listings WHERE canonical_url = ?1",
                [&url],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .ok();
        if let Some((title, price)) = got {
            let want_price = l["price_text"].as_str().unwrap();
            if title == l["title"].as_str().unwrap()
                && price.is_some_and(|p| want_price.contains(p.trim()) || p.contains(want_price))
            {
                right += 1;
            }
        }
    }
    assert!(
        right >= 70,
        "only {right} of 76 listings right without a profile: {r}"
    );
}

/// A fixture market's profile with `edit` applied, written to `to`.
fn edited_profile(fixture: &str, to: PathBuf, edit: impl Fn(String) -> String) -> PathBuf {
    let text = std::fs::read_to_string(
        repo()
            .join("tests/fixtures")
            .join(fixture)
            .join("profile.toml"),
    )
    .unwrap();
    std::fs::write(&to, edit(text)).unwrap();
    to
}

/// Guards the depth limit: a category whose six pages are linked only by "Next" links, crawled
/// with max_depth 3, loses no page and no listing (pagination hops do not count toward the limit).
#[test]
fn next_only_pagination_longer_than_max_depth_loses_no_listing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = repo().join("tests/fixtures/paged-market");
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site = rt.block_on(StaticSite::start(dir.clone(), 0)).unwrap();
    let db = tmp.path().join("p.db");
    let r = crawl_json_with(
        tmp.path(),
        &db,
        &dir.join("profile.toml"),
        &site.base_url(),
        &[],
    );
    assert_eq!(r["listings_new"], 12, "{r}");
    assert_eq!(r["pages_fetched"], 1 + 6 + 12, "{r}");
    assert_eq!(r["depth_limited"], 0, "{r}");
    assert_eq!(r["pagination_limited"], 0, "{r}");
    assert_eq!(
        count(&db, "SELECT count(*) FROM frontier WHERE state != 'done'"),
        0
    );
    // Page 6 is six links from the start, all of them pagination hops.
    let depths: (u32, u32) = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT depth, pagination_depth FROM frontier WHERE url LIKE '%/category/6'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(depths, (6, 6));
}

/// Guards "never silent": links the depth limits keep out are counted in the summary (each URL
/// once) and named in the printed report, for max_depth and for max_pagination_depth.
#[test]
fn links_past_the_depth_limits_are_counted_and_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = repo().join("tests/fixtures/paged-market");
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site = rt.block_on(StaticSite::start(dir.clone(), 0)).unwrap();

    // max_depth 0: the index pages are still walked, every listing link is one link too deep.
    let shallow = edited_profile("paged-market", tmp.path().join("shallow.toml"), |t| {
        t.replace("max_depth = 3", "max_depth = 0")
    });
    let db = tmp.path().join("shallow.db");
    let r = crawl_json_with(tmp.path(), &db, &shallow, &site.base_url(), &[]);
    assert_eq!(r["pages_fetched"], 1 + 6, "{r}");
    assert_eq!(r["listings_new"], 0, "{r}");
    assert_eq!(r["depth_limited"], 12, "{r}");
    assert_eq!(r["pagination_limited"], 0, "{r}");

    // max_pagination_depth 2: pages 1 and 2 are followed, page 3 is not (and said so).
    let short = edited_profile("paged-market", tmp.path().join("short.toml"), |t| {
        format!("{t}max_pagination_depth = 2\n")
    });
    let db = tmp.path().join("short.db");
    let out = armswatch_ok(
        tmp.path(),
        &[
            "crawl",
            "--profile",
            short.to_str().unwrap(),
            "--base-url",
            &site.base_url(),
            "--db",
            db.to_str().unwrap(),
            "--tor",
            "direct",
        ],
    );
    assert!(
        out.contains("1 URLs past max_pagination_depth"),
        "the report does not say what was left out:\n{out}"
    );
    assert_eq!(count(&db, "SELECT count(*) FROM listings"), 4);
}

/// Guards against a redirect page ending a crawl: the canary market's pagination rule ('.*') picks
/// up /refresh, a small page whose meta refresh points off the market (a "mirror list"). That is a
/// redirect to refuse, not a queue wall: the crawl goes on, stores both listings and records the
/// refused target. (Treating it as a wall once lost a listing in the Tor canary test, depending on
/// crawl order.) Same fixture as tests/tor.rs, served on loopback without Tor.
#[test]
fn a_meta_refresh_off_the_market_is_refused_not_a_wall() {
    let tmp = tempfile::tempdir().unwrap();
    let site_dir = tmp.path().join("canary-market");
    copy_dir(&repo().join("tests/fixtures/canary-market"), &site_dir);
    // The canary's origin becomes another host, so the host policy refuses it as it does over Tor.
    let canary = "http://canary.invalid";
    for page in [
        "index.html",
        "refresh.html",
        "listing/1.html",
        "listing/2.html",
    ] {
        let p = site_dir.join(page);
        let html = std::fs::read_to_string(&p)
            .unwrap()
            .replace("CANARY_ORIGIN", canary)
            .replace("CANARY_PORT", "9");
        std::fs::write(&p, html).unwrap();
    }
    std::fs::write(
        site_dir.join("_redirects"),
        format!("/go 302 {canary}/redirected\n"),
    )
    .unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site = rt.block_on(StaticSite::start(site_dir.clone(), 0)).unwrap();
    let profile = repo().join("tests/fixtures/canary-market/profile.toml");
    for run in 0..3 {
        let db = tmp.path().join(format!("c{run}.db"));
        let r = crawl_json_with(tmp.path(), &db, &profile, &site.base_url(), &[]);
        assert_eq!(r["listings_new"], 2, "run {run}: {r}");
        assert!(
            r["wall"].is_null(),
            "run {run}: a redirect page is not a wall: {r}"
        );
        let refreshed = count(
            &db,
            &format!("SELECT count(*) FROM refusals WHERE url = '{canary}/refreshed'"),
        );
        assert!(
            refreshed >= 1,
            "run {run}: the meta refresh target was not refused"
        );
        let refused = count(
            &db,
            &format!("SELECT count(*) FROM refusals WHERE url LIKE '{canary}/%'"),
        );
        assert!(
            refused > 0,
            "run {run}: nothing of the canary's was refused"
        );
    }
}

/// A raw HTTP server on 127.0.0.1 that records every request head (keep-alive honoured) and serves
/// `/` linking to `/listing/1`, and `/listing/1`.
async fn header_recorder(heads: std::sync::Arc<std::sync::Mutex<Vec<String>>>) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            let heads = heads.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                loop {
                    let mut chunk = [0u8; 4096];
                    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                        match s.read(&mut chunk).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => buf.extend_from_slice(&chunk[..n]),
                        }
                    }
                    let end = buf.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
                    let head = String::from_utf8_lossy(&buf[..end]).into_owned();
                    buf.drain(..end + 4);
                    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
                    heads.lock().unwrap().push(head);
                    let body = if path == "/" {
                        "<html><body><a href=\"/listing/1\">one</a></body></html>"
                    } else {
                        "<html><body><h1 class=\"listing-title\">Boots</h1></body></html>"
                    };
                    let resp = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: {}\r\n\r\n{body}",
                        body.len()
                    );
                    if s.write_all(resp.as_bytes()).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    format!("http://{addr}")
}

/// Guards the Tor Browser look: the headers a market's server receives from a crawl are Tor
/// Browser's (names, values, order), nothing names armswatch, and a profile can change them.
#[test]
fn market_server_receives_tor_browser_headers_unless_the_profile_changes_them() {
    let tmp = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let heads = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let base = rt.block_on(header_recorder(heads.clone()));
    let host = base.trim_start_matches("http://").to_string();
    let profile = tmp.path().join("p.toml");
    let body = "[market]\nid = \"hdr\"\nstart = [\"/\"]\n[links]\nlisting = ['/listing/\\d+$']\n\
                [listing]\ntitle = \"h1.listing-title\"\n[rate]\ndelay_ms = 0\n";
    std::fs::write(&profile, body).unwrap();
    let data = tmp.path().join("data");
    crawl_json_with(&data, &tmp.path().join("a.db"), &profile, &base, &[]);
    let got = std::mem::take(&mut *heads.lock().unwrap());
    assert_eq!(got.len(), 2, "{got:?}");
    common::assert_tor_browser_heads(&got, &host, "direct crawl");

    std::fs::write(
        &profile,
        format!(
            "{body}[session]\nuser_agent = \"Custom/1.0\"\naccept_language = \"de-DE,de;q=0.7\"\n\
             headers = {{ \"Priority\" = \"\", \"X-Case\" = \"42\" }}\n"
        ),
    )
    .unwrap();
    crawl_json_with(&data, &tmp.path().join("b.db"), &profile, &base, &[]);
    let got = std::mem::take(&mut *heads.lock().unwrap());
    let first: Vec<&str> = got[0].lines().collect();
    assert_eq!(first[2], "User-Agent: Custom/1.0");
    assert_eq!(first[4], "Accept-Language: de-DE,de;q=0.7");
    assert!(!got[0].contains("Priority:"), "{}", got[0]);
    assert_eq!(first.last(), Some(&"X-Case: 42"));
}
