//! Both Tor transports against a real onion service on the private Tor network
//! (`scripts/privnet.sh`): the same page through the SOCKS port and through embedded arti, redirects
//! returned not followed, a compressed bomb cut at the cap, and a dead onion address reported as
//! a clear error. Skipped (with a message) when `tor` is not installed, unless `CI` is set.

#[path = "../../tests/common/privnet.rs"]
mod privnet;

use armswatch_core::crawl::FailureKind;
use armswatch_core::HasKind;
use armswatch_crawler::transport::arti::{ArtiSettings, ArtiTransport};
use armswatch_crawler::transport::socks::SocksTransport;
use armswatch_crawler::transport::{FetchError, FetchRequest, Transport};
use bytes::Bytes;
use http_body_util::Full;
use hyper::{Request, Response};
use privnet::{Privnet, DEAD_ONION};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::time::Instant;
use tokio::io::AsyncWriteExt;

const PAGE: &str = "<html><head><title>Onion fixture</title></head><body><h1>armswatch onion ok</h1></body></html>";

/// A gzip body that decodes to 16 MiB of zeros.
async fn bomb() -> Vec<u8> {
    let mut enc = async_compression::tokio::write::GzipEncoder::new(Vec::new());
    enc.write_all(&vec![0u8; 16 * 1024 * 1024]).await.unwrap();
    enc.shutdown().await.unwrap();
    enc.into_inner()
}

/// A tiny market backend on 127.0.0.1: `/` a page, `/moved` a 302 to `/`, `/bomb` a gzip bomb.
async fn backend() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let bomb = Bytes::from(bomb().await);
    tokio::spawn(async move {
        loop {
            let (stream, _) = listener.accept().await.unwrap();
            let bomb = bomb.clone();
            tokio::spawn(async move {
                let svc = hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
                    let bomb = bomb.clone();
                    async move {
                        let resp = match req.uri().path() {
                            "/" => Response::builder()
                                .header("content-type", "text/html; charset=utf-8")
                                .body(Full::new(Bytes::from_static(PAGE.as_bytes()))),
                            "/moved" => Response::builder()
                                .status(302)
                                .header("location", "/")
                                .body(Full::new(Bytes::new())),
                            "/bomb" => Response::builder()
                                .header("content-type", "text/html")
                                .header("content-encoding", "gzip")
                                .body(Full::new(bomb)),
                            _ => Response::builder()
                                .status(404)
                                .body(Full::new(Bytes::new())),
                        };
                        Ok::<_, Infallible>(resp.unwrap())
                    }
                });
                let io = hyper_util::rt::TokioIo::new(stream);
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(io, svc)
                    .await;
            });
        }
    });
    addr
}

fn request(url: &str, isolation: &str) -> FetchRequest {
    FetchRequest {
        url: url::Url::parse(url).unwrap(),
        headers: vec![("User-Agent".to_string(), "armswatch-test".to_string())],
        isolation: isolation.to_string(),
        timeout_secs: 120,
        max_page_bytes: 1024 * 1024,
    }
}

async fn arti(net: &Privnet, data_dir: &std::path::Path) -> ArtiTransport {
    arti_with(net, data_dir, true).await
}

async fn arti_with(net: &Privnet, data_dir: &std::path::Path, keep_alive: bool) -> ArtiTransport {
    let started = Instant::now();
    let t = ArtiTransport::bootstrap(ArtiSettings {
        data_dir: data_dir.to_path_buf(),
        arti_config: Some(net.arti_config.clone()),
        bootstrap_timeout_secs: 60,
        fresh_circuits: true,
        keep_alive,
        max_pow_effort: None,
    })
    .await
    .unwrap_or_else(|e| panic!("arti bootstrap on the private network: {e}"));
    eprintln!(
        "arti bootstrapped in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    t
}

/// Fetches `/`, `/moved` and `/bomb` through `t` and checks the transport contract.
async fn check_transport(t: &dyn Transport, base: &str) -> Vec<u8> {
    for isolation in ["market-a", "market-b"] {
        let started = Instant::now();
        let page = t
            .fetch(&request(&format!("{base}/"), isolation))
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", t.name()));
        eprintln!(
            "{} ({isolation}): onion page in {:.2} s",
            t.name(),
            started.elapsed().as_secs_f64()
        );
        assert_eq!(page.status, 200);
        assert_eq!(page.body, PAGE.as_bytes());
        assert_eq!(
            page.content_type.as_deref(),
            Some("text/html; charset=utf-8")
        );
    }
    let moved = t
        .fetch(&request(&format!("{base}/moved"), "market-a"))
        .await
        .unwrap();
    assert_eq!(moved.status, 302, "{}: redirect was followed", t.name());
    assert_eq!(moved.location.as_deref(), Some("/"));
    let bomb = t.fetch(&request(&format!("{base}/bomb"), "market-a")).await;
    assert!(
        matches!(
            bomb,
            Err(FetchError::TooLarge {
                max_bytes: 1048576,
                ..
            })
        ),
        "{}: bomb not stopped: {:?}",
        t.name(),
        bomb.map(|r| r.body.len())
    );
    t.fetch(&request(&format!("{base}/"), "market-a"))
        .await
        .unwrap()
        .body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn socks_and_arti_fetch_the_same_onion_page() {
    let Some(net) = Privnet::get() else { return };
    eprintln!("private network up after {:.1} s", net.ready_secs);
    let site = net.serve(backend().await);
    let base = site.base_url();

    let socks = SocksTransport::new(&net.socks_url(), true).unwrap();
    assert_eq!(socks.name(), net.socks_url());
    assert!(socks.is_tor());
    let via_socks = check_transport(&socks, &base).await;

    let data = tempfile::tempdir().unwrap();
    let arti = arti(net, data.path()).await;
    assert_eq!(arti.name(), "arti");
    assert!(arti.is_tor());
    let via_arti = check_transport(&arti, &base).await;

    assert_eq!(via_socks, via_arti);
    assert!(
        data.path().join("state").is_dir(),
        "arti state is not under the data dir"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dead_onion_address_is_a_clear_error_on_both_transports() {
    let Some(net) = Privnet::get() else { return };
    let url = format!("http://{DEAD_ONION}/");

    let socks = SocksTransport::new(&net.socks_url(), true).unwrap();
    let started = Instant::now();
    let err = socks.fetch(&request(&url, "dead")).await.unwrap_err();
    eprintln!(
        "socks: dead onion failed in {:.2} s: {err}",
        started.elapsed().as_secs_f64()
    );
    assert_descriptor_not_found("socks", &err);

    let data = tempfile::tempdir().unwrap();
    let arti = arti(net, data.path()).await;
    let started = Instant::now();
    let err = arti.fetch(&request(&url, "dead")).await.unwrap_err();
    eprintln!(
        "arti: dead onion failed in {:.2} s: {err}",
        started.elapsed().as_secs_f64()
    );
    assert_descriptor_not_found("arti", &err);
}

/// A dead onion is a distinct Tor error (descriptor not found, not worth retrying now) that
/// names the address.
fn assert_descriptor_not_found(name: &str, err: &FetchError) {
    assert_eq!(
        err.failure(),
        FailureKind::OnionDescriptorNotFound,
        "{name}: {err}"
    );
    assert!(
        matches!(err, FetchError::Tor { .. }),
        "{name}: expected a Tor error, got {err}"
    );
    assert!(err.to_string().contains(DEAD_ONION), "{name}: {err}");
    assert!(
        !err.kind().is_retryable(),
        "{name}: a missing onion service is not worth retrying now: {err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tor_transports_refuse_clearnet_urls_without_connecting() {
    let Some(net) = Privnet::get() else { return };
    let canary = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/", canary.local_addr().unwrap());
    let socks = SocksTransport::new(&net.socks_url(), true).unwrap();
    let data = tempfile::tempdir().unwrap();
    let arti = arti(net, data.path()).await;
    for t in [&socks as &dyn Transport, &arti] {
        let err = t.fetch(&request(&url, "m")).await.unwrap_err();
        assert!(
            matches!(err, FetchError::Refused { .. }),
            "{}: {err}",
            t.name()
        );
    }
    let accepted =
        tokio::time::timeout(std::time::Duration::from_millis(200), canary.accept()).await;
    assert!(
        accepted.is_err(),
        "a Tor transport connected to a clearnet address"
    );
}

/// Guards circuit isolation in arti, proven by the circuit id arti reports for each stream: two
/// markets fetched at the same time (a new stream per page) never share a circuit, and each
/// market's streams reuse its circuit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arti_streams_of_two_markets_never_share_a_circuit() {
    let Some(net) = Privnet::get() else { return };
    let (a, b) = (backend().await, backend().await);
    let (onion_a, onion_b) = (net.serve(a), net.serve(b));
    let data = tempfile::tempdir().unwrap();
    let t = std::sync::Arc::new(arti_with(net, data.path(), false).await);
    let mut tasks = Vec::new();
    for (market, base) in [
        ("market-a", onion_a.base_url()),
        ("market-b", onion_b.base_url()),
    ] {
        for _ in 0..6 {
            let (t, url) = (t.clone(), format!("{base}/"));
            tasks.push(tokio::spawn(async move {
                let r = t.fetch(&request(&url, market)).await.unwrap();
                (
                    market,
                    r.circuit.expect("arti names the circuit of every stream"),
                )
            }));
        }
    }
    let mut circuits: std::collections::BTreeMap<&str, std::collections::BTreeSet<String>> =
        Default::default();
    for task in tasks {
        let (market, circ) = task.await.unwrap();
        circuits.entry(market).or_default().insert(circ);
    }
    eprintln!("arti circuits per market (6 streams each): {circuits:?}");
    let (ca, cb) = (&circuits["market-a"], &circuits["market-b"]);
    assert!(
        ca.is_disjoint(cb),
        "two markets shared a circuit: {circuits:?}"
    );
    assert!(
        ca.len() <= 2 && cb.len() <= 2,
        "a market did not reuse its circuit: {circuits:?}"
    );
}

/// Benchmark (run by hand, see BENCHMARKS.md): pages per second over each Tor transport with
/// keep-alive and with one new stream per page, side by side in one run: after one warm-up page
/// each (the circuit is built), 5 rounds of 40 sequential pages per configuration, the four
/// configurations interleaved in each round (the order rotates), median round reported.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: cargo test -p armswatch-crawler --test transport_tor -- --ignored --nocapture keep_alive_benchmark"]
async fn keep_alive_benchmark() {
    let net = Privnet::get().expect("the benchmark needs tor (scripts/privnet.sh)");
    let site = backend().await;
    let onion = net.serve(site);
    let url = format!("{}/", onion.base_url());
    let data = tempfile::tempdir().unwrap();
    const PAGES: usize = 40;
    const ROUNDS: usize = 5;
    let mut configs: Vec<(Box<dyn Transport>, bool, String)> = Vec::new();
    for keep_alive in [true, false] {
        let arti = arti_with(net, &data.path().join(format!("a{keep_alive}")), keep_alive).await;
        let socks = SocksTransport::new(&net.socks_url(), keep_alive).unwrap();
        let market = format!("bench-{keep_alive}");
        configs.push((Box::new(arti), keep_alive, market.clone()));
        configs.push((Box::new(socks), keep_alive, market));
    }
    for (t, _, market) in &configs {
        t.fetch(&request(&url, market)).await.unwrap();
    }
    let mut rates: Vec<Vec<f64>> = vec![Vec::new(); configs.len()];
    for round in 0..ROUNDS {
        for k in 0..configs.len() {
            let i = (k + round) % configs.len();
            let (t, _, market) = &configs[i];
            let started = Instant::now();
            for _ in 0..PAGES {
                let r = t.fetch(&request(&url, market)).await.unwrap();
                assert_eq!(r.status, 200);
            }
            rates[i].push(PAGES as f64 / started.elapsed().as_secs_f64());
        }
    }
    let median = |v: &[f64]| {
        let mut v = v.to_vec();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!("| transport | keep-alive | pages/s (median of {ROUNDS} x {PAGES}) | min | max |");
    for ((t, keep_alive, _), r) in configs.iter().zip(&rates) {
        let (lo, hi) = (
            r.iter().copied().fold(f64::MAX, f64::min),
            r.iter().copied().fold(0.0, f64::max),
        );
        println!(
            "| {} | {keep_alive} | {:.1} | {lo:.1} | {hi:.1} |",
            t.name(),
            median(r)
        );
    }
    for pair in [0, 1] {
        let (with, without) = (median(&rates[pair]), median(&rates[pair + 2]));
        println!(
            "{}: keep-alive is {:.2}x the pages/s of a new stream per page",
            configs[pair].0.name(),
            with / without
        );
    }
}
