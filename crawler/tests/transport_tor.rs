//! Both Tor transports against a real onion service on the private Tor network
//! (`scripts/privnet.sh`): the same page through the SOCKS port and through embedded arti, redirects
//! returned not followed, a compressed bomb cut at the cap, and a dead onion address reported as
//! a clear error. Skipped (with a message) when `tor` is not installed, unless `CI` is set.

#[path = "../../tests/common/privnet.rs"]
mod privnet;

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
    let started = Instant::now();
    let t = ArtiTransport::bootstrap(ArtiSettings {
        data_dir: data_dir.to_path_buf(),
        arti_config: Some(net.arti_config.clone()),
        bootstrap_timeout_secs: 60,
        fresh_circuits: true,
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

    let socks = SocksTransport::new(&net.socks_url()).unwrap();
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

    let socks = SocksTransport::new(&net.socks_url()).unwrap();
    let started = Instant::now();
    let err = socks.fetch(&request(&url, "dead")).await.unwrap_err();
    eprintln!(
        "socks: dead onion failed in {:.2} s: {err}",
        started.elapsed().as_secs_f64()
    );
    assert!(matches!(err, FetchError::Network { .. }), "{err}");
    assert!(err.to_string().contains(DEAD_ONION), "{err}");

    let data = tempfile::tempdir().unwrap();
    let arti = arti(net, data.path()).await;
    let started = Instant::now();
    let err = arti.fetch(&request(&url, "dead")).await.unwrap_err();
    eprintln!(
        "arti: dead onion failed in {:.2} s: {err}",
        started.elapsed().as_secs_f64()
    );
    match &err {
        FetchError::Network {
            message, transient, ..
        } => {
            assert!(
                message.contains(DEAD_ONION),
                "message does not name the onion: {message}"
            );
            assert!(
                !transient,
                "a missing onion service is not worth retrying: {message}"
            );
        }
        other => panic!("expected a network error, got {other}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tor_transports_refuse_clearnet_urls_without_connecting() {
    let Some(net) = Privnet::get() else { return };
    let canary = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/", canary.local_addr().unwrap());
    let socks = SocksTransport::new(&net.socks_url()).unwrap();
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
