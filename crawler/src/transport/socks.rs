//! Tor through a SOCKS port (a system `tor`, Tor Browser's 9150, or `arti proxy`): armswatch's own
//! SOCKS5 client ([`super::socks5`]) hands the onion address to Tor inside the CONNECT request, so
//! nothing is ever resolved locally (there is no resolver in this path at all), and the proxy
//! itself is connected to by IP address (a proxy given by name, such as `localhost`, is resolved
//! once when the transport is built: it is the operator's own address, not market data). HTTP runs
//! over the tunnel through [`super::http1`], kept alive per market.
//!
//! Markets are kept apart by SOCKS credentials: C tor isolates streams by SOCKS username/password
//! by default (`IsolateSOCKSAuth`), so every isolation key gets its own credentials: the key plus a
//! random nonce drawn once per process (= per crawl run), which also keeps two runs from sharing
//! circuits.
//!
//! With `ExtendedErrors` on the SocksPort (`SocksPort 9050 ExtendedErrors`), tor says why an onion
//! service could not be reached (descriptor not found, introduction or rendezvous failed), and the
//! error carries that [`FailureKind`](armswatch_core::crawl::FailureKind).

use super::http1::{Opened, Pool};
use super::{socks5, FetchError, FetchRequest, FetchResponse, Transport};
use futures_util::future::BoxFuture;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};

/// Longest SOCKS5 username or password (RFC 1929).
const MAX_SOCKS_FIELD: usize = 255;

/// A proxy URL that cannot be used for a Tor crawl.
#[derive(Debug, thiserror::Error)]
pub enum SocksConfigError {
    #[error("proxy {url:?}: {reason}")]
    Unsupported { url: String, reason: String },
}

impl armswatch_core::HasKind for SocksConfigError {
    fn kind(&self) -> armswatch_core::ErrorKind {
        match self {
            SocksConfigError::Unsupported { .. } => armswatch_core::ErrorKind::Input,
        }
    }
}

/// Tor through a SOCKS5 proxy with remote name resolution, one circuit set per isolation key.
pub struct SocksTransport {
    /// `host:port` of the proxy, as given (for the transport's name).
    proxy: String,
    /// The proxy's address, resolved once: the only address this transport connects to.
    proxy_addr: SocketAddr,
    /// Random, drawn once per transport; part of every SOCKS password.
    nonce: String,
    pool: Pool,
}

impl SocksTransport {
    /// Accepts only `socks5h://HOST:PORT` (no credentials, path or query). `socks5://` is refused
    /// because it resolves names locally, which fails for onion addresses and leaks clearnet ones.
    /// With `keep_alive`, a market's pages reuse its connections (and so its circuit).
    pub fn new(proxy_url: &str, keep_alive: bool) -> Result<SocksTransport, SocksConfigError> {
        let unsupported = |reason: &str| SocksConfigError::Unsupported {
            url: proxy_url.to_string(),
            reason: reason.to_string(),
        };
        let parsed =
            url::Url::parse(proxy_url).map_err(|e| unsupported(&format!("not a URL ({e})")))?;
        match parsed.scheme() {
            "socks5h" => {}
            "socks5" => return Err(unsupported(
                "socks5:// resolves host names locally, which cannot reach onion addresses and \
                     leaks names to DNS; use socks5h://HOST:PORT",
            )),
            other => {
                return Err(unsupported(&format!(
                    "scheme `{other}` is not supported; a Tor proxy is given as socks5h://HOST:PORT"
                )))
            }
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(unsupported(
                "credentials are chosen by armswatch (one set per market, for circuit isolation); \
                 give socks5h://HOST:PORT without them",
            ));
        }
        if !matches!(parsed.path(), "" | "/")
            || parsed.query().is_some()
            || parsed.fragment().is_some()
        {
            return Err(unsupported("expected socks5h://HOST:PORT without a path"));
        }
        let host = parsed
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| unsupported("missing host"))?;
        let port = parsed
            .port()
            .ok_or_else(|| unsupported("missing port (Tor's is usually 9050)"))?;
        let proxy_addr = resolve_proxy(host, port).map_err(|e| unsupported(&e))?;
        Ok(SocksTransport {
            proxy: format!("{host}:{port}"),
            proxy_addr,
            nonce: random_nonce(),
            pool: Pool::new(keep_alive),
        })
    }

    /// The proxy's address (an IP address).
    pub fn proxy_addr(&self) -> SocketAddr {
        self.proxy_addr
    }
}

/// The proxy's socket address: an IP literal as is, a name (`localhost`) resolved once, IPv4 first
/// (Tor listens on 127.0.0.1 by default).
fn resolve_proxy(host: &str, port: u16) -> Result<SocketAddr, String> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Ok(SocketAddr::new(ip, port));
    }
    let addrs: Vec<SocketAddr> = (host, port)
        .to_socket_addrs()
        .map_err(|e| format!("cannot resolve the proxy host {host}: {e}"))?
        .collect();
    addrs
        .iter()
        .find(|a| a.is_ipv4())
        .or_else(|| addrs.first())
        .copied()
        .ok_or_else(|| format!("the proxy host {host} has no address"))
}

/// SOCKS username and password for one isolation key: readable in tor's logs, unique per run.
fn socks_credentials(isolation: &str, nonce: &str) -> (String, String) {
    let mut user = format!("armswatch:{isolation}");
    if user.len() > MAX_SOCKS_FIELD {
        let mut cut = MAX_SOCKS_FIELD;
        while !user.is_char_boundary(cut) {
            cut -= 1;
        }
        user.truncate(cut);
    }
    // The password carries the key's length too, so two keys cut to the same prefix stay apart.
    let pass = format!(
        "{nonce}:{}:{:016x}",
        isolation.len(),
        fnv1a(isolation.as_bytes())
    );
    (user, pass)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn random_nonce() -> String {
    let bytes: [u8; 12] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Transport for SocksTransport {
    fn name(&self) -> String {
        format!("socks5h://{}", self.proxy)
    }

    fn is_tor(&self) -> bool {
        true
    }

    fn fetch<'a>(
        &'a self,
        req: &'a FetchRequest,
    ) -> BoxFuture<'a, Result<FetchResponse, FetchError>> {
        Box::pin(async move {
            let host = req.url.host_str().unwrap_or_default();
            if !crate::policy::is_onion(host) {
                // The engine's host policy refuses these first; this keeps the promise on its own.
                return Err(FetchError::Refused {
                    url: req.url.to_string(),
                    reason: format!("{host} is not an onion address; a Tor transport only fetches onion services"),
                });
            }
            let port = req.url.port_or_known_default().unwrap_or(80);
            let secs = req.timeout_secs;
            let connect = || -> super::http1::Connect<'a> {
                Box::pin(async move {
                    let (user, pass) = socks_credentials(&req.isolation, &self.nonce);
                    let stream = socks5::connect(self.proxy_addr, &user, &pass, host, port)
                        .await
                        .map_err(|f| FetchError::Tor {
                            url: req.url.to_string(),
                            failure: f.failure,
                            message: format!("{host}: {}", f.message),
                        })?;
                    Ok(Opened {
                        io: Box::new(stream),
                        circuit: None,
                    })
                })
            };
            match tokio::time::timeout(
                std::time::Duration::from_secs(secs),
                self.pool.fetch(req, connect),
            )
            .await
            {
                Ok(r) => r,
                Err(_) => Err(FetchError::Timeout {
                    url: req.url.to_string(),
                    secs,
                }),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_socks5h_and_names_without_credentials() {
        let t = SocksTransport::new("socks5h://127.0.0.1:9050", true).unwrap();
        assert_eq!(t.name(), "socks5h://127.0.0.1:9050");
        assert!(t.is_tor());
    }

    #[test]
    fn refuses_socks5_with_local_resolution_explained() {
        let err = SocksTransport::new("socks5://127.0.0.1:9050", true)
            .err()
            .unwrap();
        assert!(
            err.to_string().contains("resolves host names locally"),
            "{err}"
        );
        assert_eq!(
            armswatch_core::HasKind::kind(&err),
            armswatch_core::ErrorKind::Input
        );
    }

    #[test]
    fn refuses_other_schemes_credentials_paths_and_missing_port() {
        for bad in [
            "http://127.0.0.1:8118",
            "https://127.0.0.1:8118",
            "socks4a://127.0.0.1:9050",
            "socks5h://user:pass@127.0.0.1:9050",
            "socks5h://127.0.0.1:9050/path",
            "socks5h://127.0.0.1",
            "127.0.0.1:9050",
            "",
        ] {
            assert!(
                SocksTransport::new(bad, true).is_err(),
                "{bad} was accepted"
            );
        }
    }

    #[tokio::test]
    async fn refuses_clearnet_hosts_before_touching_the_proxy() {
        let t = SocksTransport::new("socks5h://127.0.0.1:9", true).unwrap();
        let req = FetchRequest {
            url: url::Url::parse("http://127.0.0.1:8080/").unwrap(),
            headers: vec![],
            isolation: "m".to_string(),
            timeout_secs: 5,
            max_page_bytes: 100,
        };
        let err = t.fetch(&req).await.unwrap_err();
        assert!(matches!(err, FetchError::Refused { .. }), "{err}");
    }

    /// Guards "no DNS": a proxy given by name is resolved once, at start-up, to an address, and
    /// that address is the only one the transport ever connects to.
    #[test]
    fn proxy_by_name_is_resolved_once_at_start() {
        let t = SocksTransport::new("socks5h://localhost:9050", true).unwrap();
        assert!(t.proxy_addr().ip().is_loopback());
        assert_eq!(t.name(), "socks5h://localhost:9050");
    }

    /// Guards the error of a SOCKS port nobody listens on: Tor trouble, naming the proxy.
    #[tokio::test]
    async fn dead_proxy_is_tor_trouble() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let t = SocksTransport::new(&format!("socks5h://127.0.0.1:{port}"), true).unwrap();
        let req = FetchRequest {
            url: url::Url::parse("http://abc.onion/").unwrap(),
            headers: vec![],
            isolation: "m".to_string(),
            timeout_secs: 5,
            max_page_bytes: 100,
        };
        let err = t.fetch(&req).await.unwrap_err();
        assert_eq!(
            err.failure(),
            armswatch_core::crawl::FailureKind::TorCircuit,
            "{err}"
        );
        assert!(err.to_string().contains("is Tor running"), "{err}");
    }

    #[test]
    fn credentials_differ_per_key_and_per_run_and_fit_socks5() {
        let (u1, p1) = socks_credentials("a", "n1");
        let (u2, _) = socks_credentials("b", "n1");
        let (_, p3) = socks_credentials("a", "n2");
        assert_ne!(u1, u2);
        assert_ne!(p1, p3);
        let long = "é".repeat(400);
        let (u, p) = socks_credentials(&long, &random_nonce());
        assert!(u.len() <= MAX_SOCKS_FIELD && p.len() <= MAX_SOCKS_FIELD);
    }
}
