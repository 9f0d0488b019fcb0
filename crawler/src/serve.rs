//! A small static-site server on 127.0.0.1, for the bundled demo market and test fixture markets.
//!
//! Path `/x/y` is served from `DIR/x/y.html` if it exists, else `DIR/x/y/index.html`, else
//! `DIR/x/y` as is; the query string is ignored. A file `DIR/_redirects` may hold lines
//! `PATH STATUS TARGET` (e.g. `/old 302 /new`) answered as redirects. Nothing outside `DIR` is
//! ever served. [`StaticSite::start_with_latency`] delays every answer (uniformly in
//! `mean ± jitter`), to stand in for Tor's round trips in benchmarks. [`StaticSite::requests`] is
//! the server's own log of what it answered and when (start and end of each request), so tests
//! can check politeness from the market's side.

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tokio::net::TcpListener;
use tokio::sync::watch;

/// A running static site. Dropping it stops the server.
pub struct StaticSite {
    addr: SocketAddr,
    stop: watch::Sender<bool>,
    log: Arc<Mutex<Vec<Served>>>,
}

/// One request the site answered: its path and query, when it arrived and when its answer was
/// ready (after the injected latency).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    pub path: String,
    pub start: Instant,
    pub end: Instant,
}

/// Logs a request into the site's log when dropped (answered, or abandoned by the client).
struct LogOnDrop {
    log: Arc<Mutex<Vec<Served>>>,
    path: String,
    start: Instant,
}

impl Drop for LogOnDrop {
    fn drop(&mut self) {
        let served = Served {
            path: std::mem::take(&mut self.path),
            start: self.start,
            end: Instant::now(),
        };
        self.log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(served);
    }
}

/// The server could not start.
#[derive(Debug, thiserror::Error)]
#[error("serving {dir} on 127.0.0.1: {source}")]
pub struct ServeError {
    pub dir: PathBuf,
    pub source: std::io::Error,
}

struct Site {
    dir: PathBuf,
    redirects: HashMap<String, (u16, String)>,
    latency: Option<Latency>,
}

/// A delay added before every answer: uniform in `mean ± jitter`.
#[derive(Debug, Clone, Copy)]
pub struct Latency {
    pub mean: std::time::Duration,
    pub jitter: std::time::Duration,
}

impl Latency {
    fn draw(&self) -> std::time::Duration {
        use rand::Rng;
        let lo = self.mean.saturating_sub(self.jitter);
        let hi = self.mean + self.jitter;
        if hi <= lo {
            return lo;
        }
        rand::rng().random_range(lo..=hi)
    }
}

impl StaticSite {
    /// Serves `dir` on `127.0.0.1:port` (0 for any free port) until dropped. Needs a tokio runtime.
    pub async fn start(dir: PathBuf, port: u16) -> Result<StaticSite, ServeError> {
        StaticSite::start_with_latency(dir, port, None).await
    }

    /// Like [`StaticSite::start`], every answer delayed by `latency` when given.
    pub async fn start_with_latency(
        dir: PathBuf,
        port: u16,
        latency: Option<Latency>,
    ) -> Result<StaticSite, ServeError> {
        let err = |source| ServeError {
            dir: dir.clone(),
            source,
        };
        if !dir.is_dir() {
            return Err(err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "not a directory",
            )));
        }
        let listener = TcpListener::bind(("127.0.0.1", port)).await.map_err(err)?;
        let addr = listener.local_addr().map_err(err)?;
        let redirects = read_redirects(&dir.join("_redirects"));
        let site = Arc::new(Site {
            dir,
            redirects,
            latency,
        });
        let (stop, mut stopped) = watch::channel(false);
        let log = Arc::new(Mutex::new(Vec::new()));
        let served = log.clone();
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    _ = stopped.changed() => break,
                    accepted = listener.accept() => {
                        let Ok((stream, _)) = accepted else { continue };
                        let site = site.clone();
                        let served = served.clone();
                        tokio::spawn(async move {
                            let svc = hyper::service::service_fn(move |req: Request<Incoming>| {
                                let site = site.clone();
                                let served = served.clone();
                                async move {
                                    // Logged when the answer is ready, or when the client went
                                    // away first (hyper drops the future): every request counts.
                                    let path = req
                                        .uri()
                                        .path_and_query()
                                        .map_or_else(|| req.uri().path().to_string(), ToString::to_string);
                                    let _logged = LogOnDrop { log: served, path, start: Instant::now() };
                                    if let Some(l) = site.latency {
                                        tokio::time::sleep(l.draw()).await;
                                    }
                                    let answer = site.answer(&req);
                                    Ok::<_, std::convert::Infallible>(answer)
                                }
                            });
                            let _ = hyper::server::conn::http1::Builder::new()
                                .serve_connection(TokioIo::new(stream), svc)
                                .await;
                        });
                    }
                }
            }
        });
        Ok(StaticSite { addr, stop, log })
    }

    /// Every request answered so far, in the order the answers were ready.
    pub fn requests(&self) -> Vec<Served> {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The address the site listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for StaticSite {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

fn read_redirects(path: &Path) -> HashMap<String, (u16, String)> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return HashMap::new();
    };
    text.lines()
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let from = parts.next()?;
            let status = parts.next()?.parse().ok()?;
            let to = parts.next()?;
            Some((from.to_string(), (status, to.to_string())))
        })
        .collect()
}

impl Site {
    fn answer(&self, req: &Request<Incoming>) -> Response<Full<Bytes>> {
        let path = req.uri().path();
        if let Some((status, to)) = self.redirects.get(path) {
            return Response::builder()
                .status(*status)
                .header("location", to.as_str())
                .body(Full::new(Bytes::new()))
                .unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, "bad redirect"));
        }
        match self.file_for(path) {
            Some(file) => match std::fs::read(&file) {
                Ok(body) => Response::builder()
                    .header("content-type", content_type(&file))
                    .body(Full::new(Bytes::from(body)))
                    .unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, "error")),
                Err(_) => plain(StatusCode::INTERNAL_SERVER_ERROR, "read error"),
            },
            None => plain(StatusCode::NOT_FOUND, "not found"),
        }
    }

    fn file_for(&self, path: &str) -> Option<PathBuf> {
        let rel = Path::new(path.trim_start_matches('/'));
        if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
            return None;
        }
        let base = self.dir.join(rel);
        let mut html = base.clone().into_os_string();
        html.push(".html");
        [PathBuf::from(html), base.join("index.html"), base]
            .into_iter()
            .find(|p| p.is_file())
    }
}

fn plain(status: StatusCode, text: &'static str) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from_static(text.as_bytes())));
    *r.status_mut() = status;
    r
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") | Some("htm") => "text/html; charset=utf-8",
        Some("css") => "text/css",
        Some("png") => "image/png",
        Some("jpg") | Some("jpeg") => "image/jpeg",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn serves_pages_redirects_and_nothing_outside() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<p>home</p>").unwrap();
        std::fs::create_dir_all(dir.path().join("listing")).unwrap();
        std::fs::write(dir.path().join("listing/7.html"), "<p>seven</p>").unwrap();
        std::fs::write(dir.path().join("_redirects"), "/old 302 /listing/7\n").unwrap();
        let site = StaticSite::start(dir.path().to_path_buf(), 0)
            .await
            .unwrap();
        let base = site.base_url();
        let t = crate::transport::direct::DirectTransport::new();
        let get = |p: &str| {
            let req = crate::transport::FetchRequest {
                url: url::Url::parse(&format!("{base}{p}")).unwrap(),
                headers: vec![],
                isolation: "t".into(),
                timeout_secs: 10,
                max_page_bytes: 1 << 20,
            };
            let t = &t;
            async move {
                use crate::transport::Transport;
                t.fetch(&req).await.unwrap()
            }
        };
        assert_eq!(get("/").await.body, b"<p>home</p>");
        assert_eq!(get("/listing/7?x=1").await.body, b"<p>seven</p>");
        let r = get("/old").await;
        assert_eq!(r.status, 302);
        assert_eq!(r.location.as_deref(), Some("/listing/7"));
        assert_eq!(get("/../etc/passwd").await.status, 404);
        assert_eq!(get("/nope").await.status, 404);
    }
}
