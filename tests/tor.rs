//! `armswatch crawl` over Tor against onion services of the private Tor network
//! (`scripts/privnet.sh`, started once for this test binary): the demo market through a SOCKS port
//! and through embedded arti stores the same listings as a direct crawl; a dead onion address fails
//! clearly; `socks5://` is refused; and a market whose pages link, embed and redirect to a clearnet
//! canary never makes anything reach the canary. Skipped (with a message) when `tor` is not
//! installed, unless `CI` is set.

mod common;
#[path = "common/privnet.rs"]
mod privnet;

use armswatch_crawler::serve::StaticSite;
use common::{armswatch, repo};
use privnet::{Privnet, DEAD_ONION};
use rusqlite::Connection;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Runs `armswatch crawl` with `args` after the common ones; prints how long it took.
fn crawl(data: &Path, profile: &Path, db: &Path, base: &str, args: &[&str]) -> (Output, f64) {
    let mut all = vec![
        "crawl",
        "--profile",
        profile.to_str().unwrap(),
        "--base-url",
        base,
        "--db",
        db.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    let started = Instant::now();
    let out = armswatch(data, &all);
    let secs = started.elapsed().as_secs_f64();
    eprintln!("crawl {args:?}: {} in {secs:.1} s", out.status);
    (out, secs)
}

fn assert_success(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what} failed ({}):\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// (path of the canonical URL, title) of every stored listing: comparable across base URLs.
fn listings(db: &Path) -> BTreeSet<(String, String)> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT canonical_url, title FROM listings")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap();
    rows.map(|r| {
        let (u, title) = r.unwrap();
        let u = url::Url::parse(&u).unwrap();
        let mut path = u.path().to_string();
        if let Some(q) = u.query() {
            path = format!("{path}?{q}");
        }
        (path, title)
    })
    .collect()
}

fn strings(db: &Path, sql: &str) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
    rows.map(Result::unwrap).collect()
}

/// Guards the Tor transports end to end: the demo market behind an onion service, crawled through
/// the SOCKS port and through embedded arti, stores exactly the listings a direct crawl stores, and
/// every page is labelled with its transport.
#[test]
fn demo_market_over_socks_and_arti_stores_the_same_listings() {
    let Some(net) = Privnet::get() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site = rt
        .block_on(StaticSite::start(repo().join("demo/site"), 0))
        .unwrap();
    let onion = net.serve(site.addr());
    let profile = repo().join("demo/profile.toml");
    let data = tmp.path().join("data");

    let direct_db = tmp.path().join("direct.db");
    let (out, _) = crawl(
        &data,
        &profile,
        &direct_db,
        &site.base_url(),
        &["--tor", "direct"],
    );
    assert_success(&out, "direct crawl");

    let socks_db = tmp.path().join("socks.db");
    let socks = net.socks_url();
    let (out, socks_secs) = crawl(
        &data,
        &profile,
        &socks_db,
        &onion.base_url(),
        &["--tor", &socks],
    );
    assert_success(&out, "crawl through the SOCKS port");

    let arti_db = tmp.path().join("arti.db");
    let arti_config = net.arti_config.to_str().unwrap();
    let (out, arti_secs) = crawl(
        &data,
        &profile,
        &arti_db,
        &onion.base_url(),
        &[
            "--tor",
            "arti",
            "--arti-config",
            arti_config,
            "--fresh-circuits",
        ],
    );
    assert_success(&out, "crawl through arti");
    eprintln!(
        "demo market over Tor: socks {socks_secs:.1} s, arti {arti_secs:.1} s (network up after {:.1} s)",
        net.ready_secs
    );

    let direct = listings(&direct_db);
    assert!(
        direct.len() > 10,
        "the direct crawl stored only {} listings",
        direct.len()
    );
    assert_eq!(
        listings(&socks_db),
        direct,
        "SOCKS crawl differs from the direct crawl"
    );
    assert_eq!(
        listings(&arti_db),
        direct,
        "arti crawl differs from the direct crawl"
    );

    let onion_urls = strings(&arti_db, "SELECT canonical_url FROM listings");
    assert!(
        onion_urls.iter().all(|u| u.starts_with(&onion.base_url())),
        "{onion_urls:?}"
    );
    assert_eq!(
        strings(&socks_db, "SELECT DISTINCT transport FROM pages"),
        std::slice::from_ref(&socks)
    );
    assert_eq!(
        strings(&arti_db, "SELECT DISTINCT transport FROM pages"),
        ["arti"]
    );
}

/// Guards failure reporting: a valid onion address with no onion service behind it ends the crawl
/// with a non-zero exit and an error that names the address, through both transports.
#[test]
fn dead_onion_address_fails_clearly_with_nonzero_exit() {
    let Some(net) = Privnet::get() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let profile = repo().join("demo/profile.toml");
    let data = tmp.path().join("data");
    let base = format!("http://{DEAD_ONION}");
    let socks = net.socks_url();
    let arti_config = net.arti_config.to_str().unwrap().to_string();
    let runs: [(&str, Vec<&str>); 2] = [
        ("socks", vec!["--tor", &socks, "--timeout-secs", "30"]),
        (
            "arti",
            vec![
                "--tor",
                "arti",
                "--arti-config",
                &arti_config,
                "--timeout-secs",
                "30",
            ],
        ),
    ];
    for (name, args) in runs {
        let db = tmp.path().join(format!("{name}.db"));
        let (out, _) = crawl(&data, &profile, &db, &base, &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success(),
            "{name}: a crawl of a dead onion service succeeded"
        );
        let errors = strings(
            &db,
            "SELECT last_error FROM frontier WHERE last_error IS NOT NULL",
        );
        let reported = stderr.contains(DEAD_ONION) || errors.iter().any(|e| e.contains(DEAD_ONION));
        assert!(
            reported,
            "{name}: no error names the onion address:\n{stderr}\n{errors:?}"
        );
        assert_eq!(
            strings(&db, "SELECT requested_url FROM pages"),
            Vec::<String>::new()
        );
        // A distinct Tor error kind, stored and shown by `status`: the market is down, not Tor.
        assert_eq!(
            strings(
                &db,
                "SELECT DISTINCT failure FROM frontier WHERE state = 'failed'"
            ),
            ["onion_descriptor_not_found"],
            "{name}"
        );
        let status = armswatch(&data, &["status", "--db", db.to_str().unwrap()]);
        let text = String::from_utf8_lossy(&status.stdout);
        assert!(
            text.contains("onion_descriptor_not_found 1 (market)"),
            "{name}: status does not name the failure kind:\n{text}"
        );
    }
}

/// Guards mirror failover: a market whose main onion is dead and whose profile lists a live
/// mirror is crawled through the mirror; every page records the mirror as the address that served
/// it, every URL and listing is kept on the main address (one frontier), and each listing is stored
/// once, the same listings as a direct crawl.
#[test]
fn dead_onion_fails_over_to_its_mirror_and_stores_each_listing_once() {
    let Some(net) = Privnet::get() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site = rt
        .block_on(StaticSite::start(repo().join("demo/site"), 0))
        .unwrap();
    let mirror = net.serve(site.addr());
    let data = tmp.path().join("data");
    let direct_db = tmp.path().join("direct.db");
    let demo = repo().join("demo/profile.toml");
    let (out, _) = crawl(
        &data,
        &demo,
        &direct_db,
        &site.base_url(),
        &["--tor", "direct"],
    );
    assert_success(&out, "direct crawl");

    let profile = tmp.path().join("mirrored.toml");
    let text = std::fs::read_to_string(&demo).unwrap().replacen(
        "start = [\"/\"]",
        &format!("start = [\"/\"]\nhosts = [\"{}\"]", mirror.onion),
        1,
    );
    std::fs::write(&profile, text).unwrap();
    let db = tmp.path().join("socks.db");
    let main = format!("http://{DEAD_ONION}");
    let socks = net.socks_url();
    let (out, secs) = crawl(
        &data,
        &profile,
        &db,
        &main,
        &["--tor", &socks, "--timeout-secs", "60"],
    );
    assert_success(&out, "crawl failing over to the mirror");
    eprintln!("mirror failover crawl: {secs:.1} s");

    let direct = listings(&direct_db);
    assert!(direct.len() > 10);
    assert_eq!(
        listings(&db),
        direct,
        "the failover crawl stored other listings"
    );
    let conn = Connection::open(&db).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count("SELECT count(*) FROM listings"),
        direct.len() as i64,
        "a listing was stored twice"
    );
    assert_eq!(
        strings(&db, "SELECT DISTINCT served_by FROM pages"),
        [mirror.base_url()]
    );
    let off_main = strings(
        &db,
        &format!(
            "SELECT url FROM frontier WHERE url NOT LIKE '{main}/%' \
             UNION ALL SELECT canonical_url FROM listings WHERE canonical_url NOT LIKE '{main}/%' \
             UNION ALL SELECT requested_url FROM pages WHERE requested_url NOT LIKE '{main}/%'"
        ),
    );
    assert!(
        off_main.is_empty(),
        "URLs kept off the main address: {off_main:?}"
    );
}

/// Guards the proxy check: `socks5://` (local name resolution) is refused before anything is
/// fetched. Needs no Tor network.
#[test]
fn socks5_without_remote_resolution_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let profile = repo().join("demo/profile.toml");
    let db = tmp.path().join("m.db");
    let (out, _) = crawl(
        &tmp.path().join("data"),
        &profile,
        &db,
        &format!("http://{DEAD_ONION}"),
        &["--tor", "socks5://127.0.0.1:9"],
    );
    assert!(!out.status.success(), "socks5:// was accepted");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("socks5h"),
        "the refusal does not point at socks5h://: {stderr}"
    );
}

/// Guards "nothing leaves Tor": a market whose pages link to, embed, meta-refresh and 302-redirect
/// to a clearnet server is crawled through both Tor transports, and that server never sees a
/// connection; the engine records the refused URLs instead; and the market receives Tor Browser's
/// request headers through both.
#[test]
fn canary_receives_nothing_during_tor_crawls() {
    let Some(net) = Privnet::get() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let hits = Arc::new(AtomicUsize::new(0));
    let canary = rt.block_on(start_canary(Arc::clone(&hits)));
    let heads = Arc::new(std::sync::Mutex::new(Vec::new()));
    let market = rt.block_on(start_canary_market(canary, heads.clone()));
    let onion = net.serve(market);
    let profile = repo().join("tests/fixtures/canary-market/profile.toml");
    let data = tmp.path().join("data");
    let socks = net.socks_url();
    let arti_config = net.arti_config.to_str().unwrap().to_string();
    let runs: [(&str, Vec<&str>); 2] = [
        ("socks", vec!["--tor", &socks]),
        ("arti", vec!["--tor", "arti", "--arti-config", &arti_config]),
    ];
    for (name, args) in runs {
        let db = tmp.path().join(format!("{name}.db"));
        let (out, _) = crawl(&data, &profile, &db, &onion.base_url(), &args);
        assert_success(&out, name);
        let got = std::mem::take(&mut *heads.lock().unwrap());
        common::assert_tor_browser_heads(&got, &onion.onion, name);
        let titles: BTreeSet<String> = listings(&db).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            titles,
            BTreeSet::from([
                "Brass polishing kit".to_string(),
                "Hiking boots, size 43".to_string()
            ]),
            "{name}"
        );
        let refused = strings(&db, "SELECT url FROM refusals");
        let canary_origin = format!("http://{canary}");
        assert!(
            refused
                .iter()
                .any(|u| u.starts_with(&format!("{canary_origin}/redirected"))),
            "{name}: the 302 to the canary was not refused: {refused:?}"
        );
        assert!(
            refused
                .iter()
                .any(|u| u.starts_with(&format!("{canary_origin}/clearnet-link"))),
            "{name}: the link to the canary was not refused: {refused:?}"
        );
        assert!(
            refused
                .iter()
                .any(|u| u.starts_with(&format!("{canary_origin}/refreshed"))),
            "{name}: the meta refresh to the canary was not refused: {refused:?}"
        );
    }
    // Give any stray connection time to land before counting.
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(
        hits.load(Ordering::SeqCst),
        0,
        "the canary received connections"
    );
}

/// Reads one request head and returns its path (`None` on garbage).
async fn read_path(stream: &mut tokio::net::TcpStream) -> Option<String> {
    read_head(stream)
        .await?
        .lines()
        .next()?
        .split_whitespace()
        .nth(1)
        .map(str::to_string)
}

/// Reads one request head (request line and headers, without the blank line).
async fn read_head(stream: &mut tokio::net::TcpStream) -> Option<String> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 16 * 1024 {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let end = buf.windows(4).position(|w| w == b"\r\n\r\n")?;
    Some(String::from_utf8_lossy(&buf[..end]).into_owned())
}

async fn respond(
    stream: &mut tokio::net::TcpStream,
    status: &str,
    headers: &[(&str, String)],
    body: &[u8],
) {
    let mut head = format!(
        "HTTP/1.1 {status}\r\ncontent-length: {}\r\nconnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes()).await;
    let _ = stream.write_all(body).await;
    let _ = stream.shutdown().await;
}

/// The canary: counts every connection it accepts.
async fn start_canary(hits: Arc<AtomicUsize>) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            hits.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(async move {
                let _ = read_path(&mut stream).await;
                respond(&mut stream, "200 OK", &[], b"canary").await;
            });
        }
    });
    addr
}

/// The canary market (tests/fixtures/canary-market) with `CANARY_ORIGIN` filled in, plus `/go`
/// redirecting to the canary.
async fn start_canary_market(
    canary: std::net::SocketAddr,
    heads: Arc<std::sync::Mutex<Vec<String>>>,
) -> std::net::SocketAddr {
    let dir: PathBuf = repo().join("tests/fixtures/canary-market");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let dir = dir.clone();
            let heads = heads.clone();
            tokio::spawn(async move {
                let Some(head) = read_head(&mut stream).await else {
                    return;
                };
                let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
                heads.lock().unwrap().push(head);
                let origin = format!("http://{canary}");
                if path == "/go" {
                    let location = format!("{origin}/redirected");
                    return respond(&mut stream, "302 Found", &[("location", location)], b"").await;
                }
                let file = match path.as_str() {
                    "/" => dir.join("index.html"),
                    p if p.len() > 1 && !p.contains("..") => dir.join(format!("{}.html", &p[1..])),
                    _ => dir.join("missing"),
                };
                match std::fs::read_to_string(&file) {
                    Ok(html) => {
                        let html = html
                            .replace("CANARY_ORIGIN", &origin)
                            .replace("CANARY_PORT", &canary.port().to_string());
                        let ct = [("content-type", "text/html; charset=utf-8".to_string())];
                        respond(&mut stream, "200 OK", &ct, html.as_bytes()).await;
                    }
                    Err(_) => respond(&mut stream, "404 Not Found", &[], b"").await,
                }
            });
        }
    });
    addr
}

#[test]
fn doctor_recognises_a_real_tor_socks_port() {
    // Guards doctor's Tor check on the real thing: the private network's tor client passes (the
    // SOCKS5 greeting and Tor's own answer to an HTTP request), and nothing leaves loopback.
    let Some(net) = Privnet::get() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("m.db");
    let dbs = db.to_str().unwrap();
    let out = armswatch(
        tmp.path(),
        &["watch", "add", "--vendor", "nobody", "--db", dbs],
    );
    assert_success(&out, "watch add");
    let socks = net.socks_url();
    let out = armswatch(
        tmp.path(),
        &["doctor", "--db", dbs, "--tor", &socks, "--json"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let tor: serde_json::Value = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["check"] == "tor")
        .unwrap_or_else(|| panic!("no tor check: {stdout}"));
    assert_eq!(tor["status"], "ok", "{tor}");
    assert!(
        tor["detail"]
            .as_str()
            .unwrap()
            .contains("is a Tor SOCKS port"),
        "{tor}"
    );
}

/// Guards circuit isolation through a SOCKS port, proven from the tor client's control port: two
/// markets crawled at the same time (one new stream per page) never share a circuit, and each
/// market's many streams reuse its circuit.
#[test]
fn two_markets_at_once_never_share_a_circuit_on_the_socks_port() {
    let Some(net) = Privnet::get() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site_a = rt
        .block_on(StaticSite::start(repo().join("demo/site"), 0))
        .unwrap();
    let site_b = rt
        .block_on(StaticSite::start(repo().join("demo/site"), 0))
        .unwrap();
    let onion_a = net.serve(site_a.addr());
    let onion_b = net.serve(site_b.addr());
    let demo = std::fs::read_to_string(repo().join("demo/profile.toml")).unwrap();
    let profile_b = tmp.path().join("b.toml");
    std::fs::write(
        &profile_b,
        demo.replacen("id = \"demo\"", "id = \"demo-b\"", 1),
    )
    .unwrap();
    let watch = privnet::StreamWatch::start(net);
    let socks = net.socks_url();
    let data = tmp.path().join("data");
    let runs = [
        (
            repo().join("demo/profile.toml"),
            onion_a.base_url(),
            tmp.path().join("a.db"),
        ),
        (profile_b, onion_b.base_url(), tmp.path().join("b.db")),
    ];
    std::thread::scope(|scope| {
        let handles: Vec<_> = runs
            .iter()
            .map(|(profile, base, db)| {
                let (data, socks) = (&data, &socks);
                scope.spawn(move || {
                    crawl(
                        data,
                        profile,
                        db,
                        base,
                        &["--tor", socks, "--no-keep-alive"],
                    )
                    .0
                })
            })
            .collect();
        for h in handles {
            assert_success(&h.join().unwrap(), "crawl");
        }
    });
    std::thread::sleep(std::time::Duration::from_millis(500));
    let streams = watch.succeeded();
    let circuits = |onion: &str| -> BTreeSet<String> {
        streams
            .iter()
            .filter(|(h, _)| h == onion)
            .map(|(_, c)| c.clone())
            .collect()
    };
    let count = |onion: &str| streams.iter().filter(|(h, _)| h == onion).count();
    let (a, b) = (circuits(&onion_a.onion), circuits(&onion_b.onion));
    eprintln!(
        "market a: {} streams on circuits {a:?}; market b: {} streams on circuits {b:?}",
        count(&onion_a.onion),
        count(&onion_b.onion)
    );
    assert!(
        count(&onion_a.onion) >= 10 && count(&onion_b.onion) >= 10,
        "{streams:?}"
    );
    assert!(
        a.is_disjoint(&b),
        "the two markets shared a circuit: {a:?} {b:?}"
    );
    assert!(
        a.len() <= 2 && b.len() <= 2,
        "a market did not reuse its circuit: {a:?} {b:?}"
    );
}
