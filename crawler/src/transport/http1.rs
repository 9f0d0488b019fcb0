//! HTTP/1.1 over any byte stream, shared by every transport: the request goes out exactly as Tor
//! Browser would send it (header names, values and order; see [`crate::browser`]), TLS is added for
//! `https` (webpki roots, ALPN `http/1.1`), the body is decoded (gzip, deflate, br, zstd) into a
//! buffer capped at `max_page_bytes`, and connections are kept alive in a [`Pool`] keyed by
//! isolation key and origin, so a market's pages reuse one stream (and its circuit) per concurrency
//! slot instead of opening a new one per request, and two markets never share one.

use super::{FetchError, FetchRequest, FetchResponse};
use bytes::Bytes;
use futures_util::future::BoxFuture;
use http_body_util::BodyExt;
use hyper::client::conn::http1::SendRequest;
use std::collections::HashMap;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};

/// Content codings this module decodes, as announced in `Accept-Encoding` (Tor Browser's list).
pub const ACCEPT_ENCODING: &str = "gzip, deflate, br, zstd";

/// Request headers set by the transport itself; the same names in a request are ignored.
const OWN_HEADERS: [&str; 4] = ["host", "accept-encoding", "connection", "content-length"];

/// An idle connection older than this is closed rather than reused (Firefox keeps 115 s; markets
/// behind nginx usually close after 60 to 75 s).
const IDLE_TIMEOUT: Duration = Duration::from_secs(50);

/// A byte stream hyper can speak HTTP over.
pub trait Io: AsyncRead + AsyncWrite + Send + Unpin + 'static {}
impl<T: AsyncRead + AsyncWrite + Send + Unpin + 'static> Io for T {}

/// A freshly opened stream to a market, and the Tor circuit it runs on (when the transport knows).
pub struct Opened {
    pub io: Box<dyn Io>,
    pub circuit: Option<String>,
}

/// Opens a new stream to `host:port` for a request (a TCP connection, a SOCKS tunnel, an arti
/// stream).
pub type Connect<'a> = BoxFuture<'a, Result<Opened, FetchError>>;

/// One kept-alive connection.
struct Conn {
    sender: SendRequest<http_body_util::Empty<Bytes>>,
    circuit: Option<String>,
    idle_since: Instant,
}

/// Kept-alive connections, by isolation key and origin. With `keep_alive` off every request opens
/// a new stream and closes it after the answer (one Tor stream per page, the old behaviour, kept for
/// comparison in benchmarks).
pub struct Pool {
    keep_alive: bool,
    idle: Mutex<HashMap<String, Vec<Conn>>>,
    tls: tokio_rustls::TlsConnector,
}

impl Pool {
    pub fn new(keep_alive: bool) -> Pool {
        Pool {
            keep_alive,
            idle: Mutex::new(HashMap::new()),
            tls: tls_connector(),
        }
    }

    /// Whether connections are reused.
    pub fn keep_alive(&self) -> bool {
        self.keep_alive
    }

    fn key(req: &FetchRequest) -> String {
        format!(
            "{}\u{0}{}",
            req.isolation,
            req.url.origin().ascii_serialization()
        )
    }

    /// An idle connection for `key` that is still open, if any.
    async fn take_idle(&self, key: &str) -> Option<Conn> {
        loop {
            let conn = {
                let mut idle = lock(&self.idle);
                let list = idle.get_mut(key)?;
                let conn = list.pop();
                if list.is_empty() {
                    idle.remove(key);
                }
                conn?
            };
            let mut conn = conn;
            if conn.idle_since.elapsed() > IDLE_TIMEOUT || conn.sender.is_closed() {
                continue;
            }
            // Ready means the previous exchange is finished and the server has not closed.
            match tokio::time::timeout(Duration::from_secs(1), conn.sender.ready()).await {
                Ok(Ok(())) => return Some(conn),
                _ => continue,
            }
        }
    }

    fn put_back(
        &self,
        key: String,
        sender: SendRequest<http_body_util::Empty<Bytes>>,
        circuit: Option<String>,
    ) {
        if !self.keep_alive || sender.is_closed() {
            return;
        }
        lock(&self.idle).entry(key).or_default().push(Conn {
            sender,
            circuit,
            idle_since: Instant::now(),
        });
    }

    /// Sends `req` on a kept-alive connection to its origin, or on a new stream from `connect`. A
    /// reused connection the server closed meanwhile is retried once on a new stream.
    pub async fn fetch<'a>(
        &'a self,
        req: &'a FetchRequest,
        connect: impl FnOnce() -> Connect<'a>,
    ) -> Result<FetchResponse, FetchError> {
        let key = Pool::key(req);
        if self.keep_alive {
            if let Some(conn) = self.take_idle(&key).await {
                let circuit = conn.circuit.clone();
                match self.send(req, conn.sender, circuit, &key, true).await {
                    Err(Exchange::Http(e)) => {
                        tracing::debug!(url = %req.url, "kept-alive connection failed ({e}); reconnecting");
                    }
                    other => return other.map_err(|e| e.into_fetch(req)),
                }
            }
        }
        let opened = connect().await?;
        let io = self.wrap_tls(req, opened.io).await?;
        let (sender, conn) = hyper::client::conn::http1::Builder::new()
            .title_case_headers(true)
            .handshake(hyper_util::rt::TokioIo::new(io))
            .await
            .map_err(|e| Exchange::Http(e).into_fetch(req))?;
        // The connection task ends when its sender is dropped (or the server closes).
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!("HTTP connection ended: {e}");
            }
        });
        self.send(req, sender, opened.circuit, &key, false)
            .await
            .map_err(|e| e.into_fetch(req))
    }

    async fn wrap_tls(
        &self,
        req: &FetchRequest,
        io: Box<dyn Io>,
    ) -> Result<Box<dyn Io>, FetchError> {
        if req.url.scheme() != "https" {
            return Ok(io);
        }
        let host = req.url.host_str().unwrap_or_default().to_string();
        let network = |message: String| FetchError::Network {
            url: req.url.to_string(),
            message,
            transient: false,
        };
        let name = rustls::pki_types::ServerName::try_from(host.clone())
            .map_err(|e| network(format!("{host} is not a valid TLS server name: {e}")))?;
        let tls = self
            .tls
            .connect(name, io)
            .await
            .map_err(|e| network(format!("TLS with {host}: {e}")))?;
        Ok(Box::new(tls))
    }

    async fn send(
        &self,
        req: &FetchRequest,
        mut sender: SendRequest<http_body_util::Empty<Bytes>>,
        circuit: Option<String>,
        key: &str,
        reused: bool,
    ) -> Result<FetchResponse, Exchange> {
        let request = build_request(req, self.keep_alive).map_err(Exchange::Fetch)?;
        let response = sender.send_request(request).await.map_err(Exchange::Http)?;
        let status = response.status().as_u16();
        let header = |name: hyper::header::HeaderName| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header(hyper::header::CONTENT_TYPE);
        let location = header(hyper::header::LOCATION);
        let retry_after = header(hyper::header::RETRY_AFTER);
        let encoding = header(hyper::header::CONTENT_ENCODING);
        let declared = header(hyper::header::CONTENT_LENGTH).and_then(|v| v.trim().parse().ok());
        if declared_too_large(declared, encoding.as_deref(), req.max_page_bytes) {
            // Refused before reading a byte of it; the connection is dropped, not kept.
            return Err(Exchange::Fetch(FetchError::TooLarge {
                url: req.url.to_string(),
                max_bytes: req.max_page_bytes,
            }));
        }
        let body = read_body(
            response.into_body(),
            encoding.as_deref(),
            req.url.as_str(),
            req.max_page_bytes,
        )
        .await
        .map_err(|e| match e {
            // The response started: a broken body is not a stale connection, do not resend.
            Exchange::Http(e) => Exchange::Fetch(FetchError::Network {
                url: req.url.to_string(),
                message: format!("reading the body: {}", error_chain(&e)),
                transient: true,
            }),
            other => other,
        })?;
        tracing::debug!(url = %req.url, reused, circuit = circuit.as_deref().unwrap_or("-"), "HTTP exchange done");
        self.put_back(key.to_string(), sender, circuit.clone());
        Ok(FetchResponse {
            status,
            content_type,
            location,
            retry_after,
            body,
            circuit,
        })
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A failure in an exchange: hyper's (the stream broke) or an already classified one.
pub(crate) enum Exchange {
    Http(hyper::Error),
    Fetch(FetchError),
}

impl Exchange {
    fn into_fetch(self, req: &FetchRequest) -> FetchError {
        match self {
            Exchange::Http(e) => FetchError::Network {
                url: req.url.to_string(),
                message: format!(
                    "HTTP with {}: {}",
                    req.url.host_str().unwrap_or_default(),
                    error_chain(&e)
                ),
                transient: true,
            },
            Exchange::Fetch(e) => e,
        }
    }
}

/// The request line and headers: `Host` first, then the request's headers in their order with
/// `Accept-Encoding` and `Connection` put where Tor Browser puts them (after `Accept-Language`).
pub(crate) fn build_request(
    req: &FetchRequest,
    keep_alive: bool,
) -> Result<hyper::Request<http_body_util::Empty<Bytes>>, FetchError> {
    let url = &req.url;
    let mut target = url.path().to_string();
    if let Some(q) = url.query() {
        target.push('?');
        target.push_str(q);
    }
    let host = match (url.host_str(), url.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        (None, _) => String::new(),
    };
    let connection = if keep_alive { "keep-alive" } else { "close" };
    let mut builder = hyper::Request::get(target).header(hyper::header::HOST, host);
    let mut encoding_sent = false;
    let push_encoding = |builder: hyper::http::request::Builder| {
        builder
            .header(hyper::header::ACCEPT_ENCODING, ACCEPT_ENCODING)
            .header(hyper::header::CONNECTION, connection)
    };
    for (name, value) in &req.headers {
        let lower = name.to_ascii_lowercase();
        if OWN_HEADERS.contains(&lower.as_str()) {
            continue;
        }
        if !encoding_sent && !matches!(lower.as_str(), "user-agent" | "accept" | "accept-language")
        {
            builder = push_encoding(builder);
            encoding_sent = true;
        }
        builder = builder.header(name.as_str(), value.as_str());
    }
    if !encoding_sent {
        builder = push_encoding(builder);
    }
    builder
        .body(http_body_util::Empty::new())
        .map_err(|e| FetchError::Network {
            url: url.to_string(),
            message: format!("building the request: {e}"),
            transient: false,
        })
}

/// Whether a declared `Content-Length` already proves the body larger than `max_bytes` once
/// decoded: beyond the cap for an unencoded body; for a compressed one beyond the cap plus the
/// most any of gzip, deflate, brotli or zstd adds to incompressible data (well under 1/16 + 1 KiB).
pub(crate) fn declared_too_large(
    content_length: Option<u64>,
    encoding: Option<&str>,
    max_bytes: usize,
) -> bool {
    let Some(len) = content_length else {
        return false;
    };
    let max = max_bytes as u64;
    let identity = matches!(
        encoding.map(|e| e.trim().to_ascii_lowercase()).as_deref(),
        None | Some("") | Some("identity")
    );
    let limit = if identity {
        max
    } else {
        max.saturating_add(max / 16).saturating_add(1024)
    };
    len > limit
}

/// Reads a response body, decoding `Content-Encoding`, into at most `max_bytes` decoded bytes.
pub(crate) async fn read_body<B>(
    mut body: B,
    encoding: Option<&str>,
    url: &str,
    max_bytes: usize,
) -> Result<Vec<u8>, Exchange>
where
    B: hyper::body::Body<Data = Bytes, Error = hyper::Error> + Unpin,
{
    use async_compression::tokio::write::{BrotliDecoder, GzipDecoder, ZlibDecoder, ZstdDecoder};
    let sink = CappedBuf::new(max_bytes);
    let name = encoding.unwrap_or("identity").trim().to_ascii_lowercase();
    let mut writer: Box<dyn AsyncWrite + Send + Unpin> = match name.as_str() {
        "identity" | "" => Box::new(sink.clone()),
        "gzip" | "x-gzip" => Box::new(GzipDecoder::new(sink.clone())),
        "deflate" => Box::new(ZlibDecoder::new(sink.clone())),
        "br" => Box::new(BrotliDecoder::new(sink.clone())),
        "zstd" => Box::new(ZstdDecoder::new(sink.clone())),
        other => {
            return Err(Exchange::Fetch(FetchError::Network {
                url: url.to_string(),
                message: format!("unsupported Content-Encoding `{other}`"),
                transient: false,
            }))
        }
    };
    let write_error = |e: io::Error, sink: &CappedBuf| {
        if sink.overflowed() {
            FetchError::TooLarge {
                url: url.to_string(),
                max_bytes,
            }
        } else {
            FetchError::Network {
                url: url.to_string(),
                message: format!("decoding the {name} body: {e}"),
                transient: false,
            }
        }
    };
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(Exchange::Http)?;
        if let Ok(data) = frame.into_data() {
            writer
                .write_all(&data)
                .await
                .map_err(|e| Exchange::Fetch(write_error(e, &sink)))?;
        }
    }
    writer
        .shutdown()
        .await
        .map_err(|e| Exchange::Fetch(write_error(e, &sink)))?;
    drop(writer);
    Ok(sink.take())
}

/// An in-memory `AsyncWrite` that fails once more than `max` bytes are written into it.
#[derive(Clone)]
struct CappedBuf {
    inner: Arc<Mutex<(Vec<u8>, bool)>>,
    max: usize,
}

impl CappedBuf {
    fn new(max: usize) -> CappedBuf {
        CappedBuf {
            inner: Arc::new(Mutex::new((Vec::new(), false))),
            max,
        }
    }

    fn overflowed(&self) -> bool {
        self.inner.lock().map(|g| g.1).unwrap_or(true)
    }

    fn take(&self) -> Vec<u8> {
        self.inner
            .lock()
            .map(|mut g| std::mem::take(&mut g.0))
            .unwrap_or_default()
    }
}

impl AsyncWrite for CappedBuf {
    fn poll_write(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let mut guard = match self.inner.lock() {
            Ok(g) => g,
            Err(_) => return Poll::Ready(Err(io::Error::other("body buffer poisoned"))),
        };
        if guard.0.len() + buf.len() > self.max {
            guard.1 = true;
            return Poll::Ready(Err(io::Error::other("body larger than the cap")));
        }
        guard.0.extend_from_slice(buf);
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

fn tls_connector() -> tokio_rustls::TlsConnector {
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let mut config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map(|b| b.with_root_certificates(roots).with_no_client_auth())
    .unwrap_or_else(|_| {
        // ring supports the default protocol versions; this branch is unreachable in practice,
        // and falling back to the process default keeps start-up infallible.
        rustls::ClientConfig::builder()
            .with_root_certificates(rustls::RootCertStore::empty())
            .with_no_client_auth()
    });
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    tokio_rustls::TlsConnector::from(Arc::new(config))
}

/// An error and its sources, joined by `: `.
pub(crate) fn error_chain(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = s.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use armswatch_core::HasKind;

    fn full(bytes: Vec<u8>) -> http_body_util::Full<Bytes> {
        http_body_util::Full::new(Bytes::from(bytes))
    }

    async fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = async_compression::tokio::write::GzipEncoder::new(Vec::new());
        enc.write_all(data).await.unwrap();
        enc.shutdown().await.unwrap();
        enc.into_inner()
    }

    /// `Full`'s error type is `Infallible`; adapt it to the hyper error `read_body` expects.
    fn as_hyper(
        b: http_body_util::Full<Bytes>,
    ) -> http_body_util::combinators::MapErr<
        http_body_util::Full<Bytes>,
        fn(std::convert::Infallible) -> hyper::Error,
    > {
        b.map_err(|never| match never {})
    }

    #[tokio::test]
    async fn gzip_body_is_decoded() {
        let body = as_hyper(full(gzip(b"<html>hello</html>").await));
        let out = read_body(body, Some("gzip"), "http://x.onion/", 1024)
            .await
            .ok()
            .unwrap();
        assert_eq!(out, b"<html>hello</html>");
    }

    #[tokio::test]
    async fn compressed_bomb_stops_at_the_cap() {
        let bomb = gzip(&vec![0u8; 8 * 1024 * 1024]).await;
        assert!(bomb.len() < 64 * 1024);
        let body = as_hyper(full(bomb));
        match read_body(body, Some("gzip"), "http://x.onion/", 1024 * 1024).await {
            Err(Exchange::Fetch(FetchError::TooLarge { max_bytes, .. })) => {
                assert_eq!(max_bytes, 1024 * 1024)
            }
            Err(Exchange::Fetch(e)) => panic!("wrong error: {e}"),
            Err(Exchange::Http(e)) => panic!("wrong error: {e}"),
            Ok(b) => panic!("accepted {} bytes", b.len()),
        }
    }

    #[tokio::test]
    async fn plain_body_over_the_cap_is_too_large_and_at_the_cap_is_kept() {
        let at_cap = read_body(as_hyper(full(vec![b'a'; 100])), None, "u", 100).await;
        assert_eq!(at_cap.ok().unwrap().len(), 100);
        let over = read_body(as_hyper(full(vec![b'a'; 101])), None, "u", 100).await;
        assert!(matches!(
            over,
            Err(Exchange::Fetch(FetchError::TooLarge { .. }))
        ));
    }

    #[tokio::test]
    async fn corrupt_or_unknown_encoding_is_a_remote_error() {
        let corrupt = read_body(
            as_hyper(full(b"not gzip at all".to_vec())),
            Some("gzip"),
            "u",
            100,
        )
        .await;
        match corrupt {
            Err(Exchange::Fetch(e)) => {
                assert_eq!(e.kind(), armswatch_core::ErrorKind::Remote, "{e}")
            }
            _ => panic!("corrupt gzip accepted"),
        }
        let unknown = read_body(as_hyper(full(b"x".to_vec())), Some("compress"), "u", 100).await;
        assert!(matches!(
            unknown,
            Err(Exchange::Fetch(FetchError::Network {
                transient: false,
                ..
            }))
        ));
    }

    #[test]
    fn request_sets_host_encoding_and_profile_headers_but_not_overrides() {
        let req = FetchRequest {
            url: url::Url::parse("http://abc.onion:8080/l/1?page=2").unwrap(),
            headers: vec![
                ("Cookie".to_string(), "session=1".to_string()),
                ("Host".to_string(), "evil.example".to_string()),
            ],
            isolation: "demo".to_string(),
            timeout_secs: 5,
            max_page_bytes: 10,
        };
        let r = build_request(&req, true).unwrap();
        assert_eq!(r.uri(), "/l/1?page=2");
        assert_eq!(r.headers()["host"], "abc.onion:8080");
        assert_eq!(r.headers()["cookie"], "session=1");
        assert_eq!(r.headers()["accept-encoding"], ACCEPT_ENCODING);
        assert_eq!(r.headers().get_all("host").iter().count(), 1);
    }

    /// Guards Tor Browser's header order on the wire: Host first, Accept-Encoding and Connection
    /// right after Accept-Language, the rest in the request's order.
    #[test]
    fn header_order_follows_tor_browser() {
        let req = FetchRequest {
            url: url::Url::parse("http://abc.onion/").unwrap(),
            headers: crate::browser::request_headers(None),
            isolation: "m".to_string(),
            timeout_secs: 5,
            max_page_bytes: 10,
        };
        let r = build_request(&req, true).unwrap();
        let names: Vec<&str> = r.headers().keys().map(|k| k.as_str()).collect();
        assert_eq!(
            names,
            [
                "host",
                "user-agent",
                "accept",
                "accept-language",
                "accept-encoding",
                "connection",
                "upgrade-insecure-requests",
                "sec-fetch-dest",
                "sec-fetch-mode",
                "sec-fetch-site",
                "sec-fetch-user",
                "priority"
            ]
        );
        assert_eq!(r.headers()["connection"], "keep-alive");
        let once = build_request(&req, false).unwrap();
        assert_eq!(once.headers()["connection"], "close");
    }

    /// Guards the refusal of a body whose declared length already exceeds the cap (a 100 GiB
    /// `Content-Length` is not read), with room for compression overhead on encoded bodies.
    #[test]
    fn declared_length_beyond_the_cap_is_refused_up_front() {
        assert!(declared_too_large(Some(107_374_182_400), None, 1 << 20));
        assert!(declared_too_large(Some(11), Some("identity"), 10));
        assert!(!declared_too_large(Some(10), None, 10));
        assert!(!declared_too_large(None, None, 10));
        assert!(!declared_too_large(Some(1 << 20), Some("gzip"), 1 << 20));
        assert!(declared_too_large(Some(2 << 20), Some("gzip"), 1 << 20));
    }
}
