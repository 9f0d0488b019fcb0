//! Tor embedded in armswatch: an arti-client `TorClient` opens a Tor stream per request, hyper 1
//! speaks HTTP/1.1 over it (inside TLS via tokio-rustls and the webpki roots for `https` onion
//! services), and the body is decoded (gzip, deflate, br, zstd) into a buffer capped at
//! `max_page_bytes`, so a compressed bomb stops at the cap.
//!
//! Configuration is loaded the way the `arti` binary loads it: armswatch's defaults (state and cache
//! in a directory under armswatch's data directory, never the user's home) with the user's `--arti-config` file
//! merged over them. Markets are kept apart by one `IsolationToken` per isolation key; tokens live
//! in memory only, so every process — every crawl run — starts on fresh circuits.
//!
//! Like the other transports this one never follows redirects, and it only fetches onion services:
//! a clearnet URL would leave Tor through an exit, which a market crawl never needs.

use super::{FetchError, FetchRequest, FetchResponse, Transport};
use crate::policy::is_onion;
use arti_client::config::BoolOrAuto;
use arti_client::{IsolationToken, StreamPrefs, TorClient, TorClientConfig};
use bytes::Bytes;
use futures_util::future::BoxFuture;
use futures_util::StreamExt;
use http_body_util::BodyExt;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncWrite, AsyncWriteExt};
use tor_config::{ConfigurationSource, ConfigurationSources};
use tor_rtcompat::PreferredRuntime;

/// The `Accept-Encoding` sent with every request; each is decoded by [`read_body`].
const ACCEPT_ENCODING: &str = "gzip, deflate, br";

/// Request headers set by the transport itself; the same names from a profile are ignored.
const OWN_HEADERS: [&str; 4] = ["host", "accept-encoding", "connection", "content-length"];

/// How to start the embedded Tor client.
#[derive(Debug, Clone)]
pub struct ArtiSettings {
    /// Where arti keeps its state (guards) and cache (directory documents): `state/` and `cache/`
    /// in here. Normally armswatch's data directory + `arti/`, never the user's home.
    pub data_dir: PathBuf,
    /// A user arti configuration file (arti's TOML format) merged over armswatch's defaults.
    pub arti_config: Option<PathBuf>,
    /// Give up bootstrapping after this many seconds (offline, arti would retry forever).
    pub bootstrap_timeout_secs: u64,
    /// Promise of fresh circuits for this run. Isolation tokens and circuits live in memory only, so
    /// every process gets new ones whether or not this is set; it is recorded for the evidence log.
    pub fresh_circuits: bool,
}

/// Why the embedded Tor client could not start.
#[derive(Debug, thiserror::Error)]
pub enum ArtiError {
    #[error("arti configuration {source_name}: {message}")]
    Config {
        source_name: String,
        message: String,
    },
    #[error("starting arti: {message}")]
    Start { message: String },
    #[error("arti did not bootstrap within {secs} s (last status: {status}); is Tor reachable?")]
    BootstrapTimeout { secs: u64, status: String },
    #[error("arti bootstrap failed: {message}")]
    Bootstrap { message: String },
}

impl armswatch_core::HasKind for ArtiError {
    fn kind(&self) -> armswatch_core::ErrorKind {
        use armswatch_core::ErrorKind;
        match self {
            ArtiError::Config { .. } => ErrorKind::Input,
            ArtiError::Start { .. } => ErrorKind::Local,
            ArtiError::BootstrapTimeout { .. } | ArtiError::Bootstrap { .. } => {
                ErrorKind::Transient
            }
        }
    }
}

/// Installs ring as rustls' process-wide crypto provider (arti's rustls runtime and tokio-rustls
/// need one). Calling it again, or after someone else installed one, is harmless.
pub fn install_rustls_provider() {
    // Err means a provider is already installed, which is all we need.
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// The embedded Tor client as a [`Transport`].
pub struct ArtiTransport {
    client: Arc<TorClient<PreferredRuntime>>,
    /// One isolation token per isolation key (market), created on first use.
    tokens: Mutex<HashMap<String, IsolationToken>>,
    tls: tokio_rustls::TlsConnector,
    fresh_circuits: bool,
}

impl ArtiTransport {
    /// Loads the configuration, starts arti and waits (at most `bootstrap_timeout_secs`) until it can
    /// build circuits, logging bootstrap progress at info level. Must run inside a tokio runtime.
    pub async fn bootstrap(settings: ArtiSettings) -> Result<ArtiTransport, ArtiError> {
        install_rustls_provider();
        let config = load_config(&settings.data_dir, settings.arti_config.as_deref())?;
        let runtime = PreferredRuntime::current().map_err(|e| ArtiError::Start {
            message: format!("no tokio runtime: {e}"),
        })?;
        let client = TorClient::with_runtime(runtime)
            .config(config)
            .create_unbootstrapped()
            .map_err(|e| ArtiError::Start {
                message: error_chain(&e),
            })?;

        let started = Instant::now();
        let mut events = client.bootstrap_events();
        let progress = tokio::spawn(async move {
            let mut last_percent = None;
            while let Some(status) = events.next().await {
                let percent = (status.as_frac() * 100.0).round() as u32;
                if last_percent != Some(percent) {
                    tracing::info!(percent, "arti bootstrap: {status}");
                    last_percent = Some(percent);
                }
            }
        });
        let secs = settings.bootstrap_timeout_secs;
        let outcome = tokio::time::timeout(Duration::from_secs(secs), client.bootstrap()).await;
        progress.abort();
        match outcome {
            Err(_) => {
                return Err(ArtiError::BootstrapTimeout {
                    secs,
                    status: client.bootstrap_status().to_string(),
                })
            }
            Ok(Err(e)) => {
                return Err(ArtiError::Bootstrap {
                    message: error_chain(&e),
                })
            }
            Ok(Ok(())) => {}
        }
        tracing::info!(
            elapsed_ms = started.elapsed().as_millis() as u64,
            fresh_circuits = settings.fresh_circuits,
            "arti bootstrapped"
        );
        Ok(ArtiTransport {
            client,
            tokens: Mutex::new(HashMap::new()),
            tls: tls_connector(),
            fresh_circuits: settings.fresh_circuits,
        })
    }

    /// Whether this run was asked for fresh circuits (always true in effect; see [`ArtiSettings`]).
    pub fn fresh_circuits(&self) -> bool {
        self.fresh_circuits
    }

    fn stream_prefs(&self, isolation: &str) -> StreamPrefs {
        let token = {
            let mut tokens = self
                .tokens
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            *tokens
                .entry(isolation.to_string())
                .or_insert_with(IsolationToken::new)
        };
        let mut prefs = StreamPrefs::new();
        prefs.connect_to_onion_services(BoolOrAuto::Explicit(true));
        prefs.set_isolation(token);
        prefs
    }

    async fn fetch_inner(&self, req: &FetchRequest) -> Result<FetchResponse, FetchError> {
        let url = &req.url;
        let network = |message: String, transient: bool| FetchError::Network {
            url: url.to_string(),
            message,
            transient,
        };
        let host = url.host_str().unwrap_or_default().to_string();
        let https = match url.scheme() {
            "http" => false,
            "https" => true,
            other => {
                return Err(FetchError::Refused {
                    url: url.to_string(),
                    reason: format!("scheme `{other}` is not http or https"),
                })
            }
        };
        if !is_onion(&host) {
            return Err(FetchError::Refused {
                url: url.to_string(),
                reason: format!("{host} is not an onion address; the arti transport only fetches onion services"),
            });
        }
        let port = url.port_or_known_default().unwrap_or(80);
        let prefs = self.stream_prefs(&req.isolation);
        tracing::debug!(%url, isolation = %req.isolation, "arti: opening stream");
        let stream = self
            .client
            .connect_with_prefs((host.as_str(), port), &prefs)
            .await
            .map_err(|e| connect_error(url.as_str(), &host, &e))?;

        let response = if https {
            let name = rustls::pki_types::ServerName::try_from(host.clone()).map_err(|e| {
                network(format!("{host} is not a valid TLS server name: {e}"), false)
            })?;
            let tls = self
                .tls
                .connect(name, stream)
                .await
                .map_err(|e| network(format!("TLS with onion service {host}: {e}"), false))?;
            exchange(tls, req).await
        } else {
            exchange(stream, req).await
        };
        response.map_err(|e| match e {
            Exchange::Http(e) => network(
                format!("HTTP with onion service {host}: {}", error_chain(&e)),
                true,
            ),
            Exchange::Fetch(e) => e,
        })
    }
}

impl Transport for ArtiTransport {
    fn name(&self) -> String {
        "arti".to_string()
    }

    fn is_tor(&self) -> bool {
        true
    }

    fn fetch<'a>(
        &'a self,
        req: &'a FetchRequest,
    ) -> BoxFuture<'a, Result<FetchResponse, FetchError>> {
        Box::pin(async move {
            let secs = req.timeout_secs;
            match tokio::time::timeout(Duration::from_secs(secs), self.fetch_inner(req)).await {
                Ok(r) => r,
                Err(_) => Err(FetchError::Timeout {
                    url: req.url.to_string(),
                    secs,
                }),
            }
        })
    }
}

/// armswatch's arti configuration: defaults (state and cache in `data_dir`) with `user_file` over
/// them.
pub fn load_config(
    data_dir: &Path,
    user_file: Option<&Path>,
) -> Result<TorClientConfig, ArtiError> {
    let mut sources = ConfigurationSources::new_empty();
    sources.push_source(
        ConfigurationSource::from_verbatim(default_config_toml(data_dir)),
        tor_config::sources::MustRead::MustRead,
    );
    let source_name = match user_file {
        Some(path) => {
            if !path.is_file() {
                return Err(ArtiError::Config {
                    source_name: path.display().to_string(),
                    message: "no such file".to_string(),
                });
            }
            sources.push_source(
                ConfigurationSource::from_path(path),
                tor_config::sources::MustRead::MustRead,
            );
            path.display().to_string()
        }
        None => "(armswatch defaults)".to_string(),
    };
    let config_error = |message: String| ArtiError::Config {
        source_name: source_name.clone(),
        message,
    };
    let tree = sources.load().map_err(|e| config_error(error_chain(&e)))?;
    tor_config::resolve::<TorClientConfig>(&tree).map_err(|e| config_error(error_chain(&e)))
}

/// armswatch's defaults in arti's TOML format: `data_dir/state` and `data_dir/cache`, as literal
/// paths (no `${HOME}` expansion).
fn default_config_toml(arti_dir: &Path) -> String {
    let literal = |p: PathBuf| {
        let mut t = toml::Table::new();
        t.insert(
            "literal".to_string(),
            toml::Value::String(p.to_string_lossy().into_owned()),
        );
        toml::Value::Table(t)
    };
    let mut storage = toml::Table::new();
    storage.insert("state_dir".to_string(), literal(arti_dir.join("state")));
    storage.insert("cache_dir".to_string(), literal(arti_dir.join("cache")));
    let mut root = toml::Table::new();
    root.insert("storage".to_string(), toml::Value::Table(storage));
    root.to_string()
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

/// A failure in [`exchange`]: hyper's (the stream broke: transient) or an already classified one.
enum Exchange {
    Http(hyper::Error),
    Fetch(FetchError),
}

/// Sends one GET over an established stream and reads the answer.
async fn exchange<S>(stream: S, req: &FetchRequest) -> Result<FetchResponse, Exchange>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Send + Unpin + 'static,
{
    let (mut sender, conn) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .map_err(Exchange::Http)?;
    // The connection task ends when the response is read or dropped; aborted on every exit path.
    let driver = AbortOnDrop(tokio::spawn(async move {
        if let Err(e) = conn.await {
            tracing::debug!("arti: HTTP connection ended: {e}");
        }
    }));
    let request = build_request(req).map_err(Exchange::Fetch)?;
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
    let body = read_body(
        response.into_body(),
        encoding.as_deref(),
        req.url.as_str(),
        req.max_page_bytes,
    )
    .await?;
    drop(driver);
    Ok(FetchResponse {
        status,
        content_type,
        location,
        retry_after,
        body,
    })
}

fn build_request(
    req: &FetchRequest,
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
    let mut builder = hyper::Request::get(target)
        .header(hyper::header::HOST, host)
        .header(hyper::header::ACCEPT_ENCODING, ACCEPT_ENCODING);
    for (name, value) in &req.headers {
        if OWN_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            tracing::debug!(header = %name, "arti: ignoring a header the transport sets itself");
            continue;
        }
        builder = builder.header(name.as_str(), value.as_str());
    }
    builder
        .body(http_body_util::Empty::new())
        .map_err(|e| FetchError::Network {
            url: url.to_string(),
            message: format!("building the request: {e}"),
            transient: false,
        })
}

/// Reads a response body, decoding `Content-Encoding`, into at most `max_bytes` decoded bytes.
async fn read_body<B>(
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

struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Classifies a failure to open a Tor stream to `host`: whether retrying may help, and a message
/// that names the onion address.
fn connect_error(url: &str, host: &str, e: &arti_client::Error) -> FetchError {
    use arti_client::ErrorKind as K;
    let kind = arti_client::HasKind::kind(e);
    let (what, transient) = match kind {
        K::OnionServiceNotFound => (
            "onion service not found (no descriptor published for it)",
            false,
        ),
        K::OnionServiceAddressInvalid | K::InvalidStreamTarget => ("invalid onion address", false),
        K::OnionServiceMissingClientAuth | K::OnionServiceWrongClientAuth => {
            ("the onion service requires client authorization", false)
        }
        K::ForbiddenStreamTarget => ("arti refused the stream target", false),
        K::OnionServiceNotRunning => ("onion service not running (introduction failed)", true),
        K::OnionServiceConnectionFailed => ("could not connect to the onion service", true),
        K::RemoteConnectionRefused => ("the onion service refused the connection", true),
        _ => ("Tor circuit or stream failure", true),
    };
    FetchError::Network {
        url: url.to_string(),
        message: format!("{what}: {host} ({kind}: {})", error_chain(e)),
        transient,
    }
}

/// An error and its sources, joined by `: `.
fn error_chain(e: &dyn std::error::Error) -> String {
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

    #[test]
    fn defaults_keep_arti_state_under_the_data_dir() {
        let dir = tempfile::tempdir().unwrap();
        let config = load_config(dir.path(), None).unwrap();
        let debug = format!("{config:?}");
        assert!(
            debug.contains(&dir.path().join("state").display().to_string()),
            "{debug}"
        );
        assert!(debug.contains(&dir.path().join("cache").display().to_string()));
    }

    #[test]
    fn user_file_is_merged_over_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("arti.toml");
        std::fs::write(&file, "[path_rules]\nipv4_subnet_family_prefix = 33\n").unwrap();
        let config = load_config(dir.path(), Some(&file)).unwrap();
        let debug = format!("{config:?}");
        assert!(debug.contains("ipv4_subnet_family_prefix: 33"), "{debug}");
        // The defaults' storage survives a user file that does not mention it.
        assert!(debug.contains(&dir.path().join("state").display().to_string()));
    }

    #[test]
    fn bad_user_file_is_an_input_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bad.toml");
        std::fs::write(&file, "[path_rules\n").unwrap();
        let err = load_config(dir.path(), Some(&file)).unwrap_err();
        assert_eq!(err.kind(), armswatch_core::ErrorKind::Input);
        assert!(err.to_string().contains("bad.toml"), "{err}");
        let missing = load_config(dir.path(), Some(&dir.path().join("missing.toml"))).unwrap_err();
        assert!(missing.to_string().contains("no such file"), "{missing}");
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
        let r = build_request(&req).unwrap();
        assert_eq!(r.uri(), "/l/1?page=2");
        assert_eq!(r.headers()["host"], "abc.onion:8080");
        assert_eq!(r.headers()["cookie"], "session=1");
        assert_eq!(r.headers()["accept-encoding"], ACCEPT_ENCODING);
        assert_eq!(r.headers().get_all("host").iter().count(), 1);
    }

    #[tokio::test]
    async fn offline_bootstrap_times_out_with_a_clear_error() {
        // Nothing outside 127.0.0.1 is reachable in tests, so the default network never bootstraps.
        let dir = tempfile::tempdir().unwrap();
        let settings = ArtiSettings {
            data_dir: dir.path().to_path_buf(),
            arti_config: None,
            bootstrap_timeout_secs: 2,
            fresh_circuits: true,
        };
        let err = ArtiTransport::bootstrap(settings).await.err().unwrap();
        assert!(
            matches!(err, ArtiError::BootstrapTimeout { secs: 2, .. }),
            "{err}"
        );
        assert!(
            dir.path().join("state").exists(),
            "state not under the data dir"
        );
    }
}
