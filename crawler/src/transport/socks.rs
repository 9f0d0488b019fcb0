//! Tor through a SOCKS port (a system `tor`, Tor Browser's 9150, or `arti proxy`): reqwest over a
//! `socks5h://` proxy, so the onion address is resolved by Tor and never by a local resolver.
//!
//! Markets are kept apart by SOCKS credentials: C tor isolates streams by SOCKS username/password
//! by default (`IsolateSOCKSAuth`), so every isolation key gets its own reqwest client whose proxy
//! credentials are the key plus a random nonce drawn once per process (= per crawl run), which
//! also keeps two runs from sharing circuits.
//!
//! Every client gets a DNS resolver that refuses every name ([`NoDns`]), so no local lookup can
//! happen by construction: names go to Tor inside the SOCKS request, and the proxy itself is
//! connected to by IP address (a proxy given by name, such as `localhost`, is resolved once when
//! the transport is built: it is the operator's own address, not market data).

use super::direct::{base_builder, ReqwestTransport};
use super::{FetchError, FetchRequest, FetchResponse, Transport};
use futures_util::future::BoxFuture;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::sync::{Arc, Mutex};

/// Longest SOCKS5 username or password (RFC 1929).
const MAX_SOCKS_FIELD: usize = 255;

/// A proxy URL that cannot be used for a Tor crawl.
#[derive(Debug, thiserror::Error)]
pub enum SocksConfigError {
    #[error("proxy {url:?}: {reason}")]
    Unsupported { url: String, reason: String },
    #[error("proxy {url:?}: building HTTP client: {message}")]
    Client { url: String, message: String },
}

impl armswatch_core::HasKind for SocksConfigError {
    fn kind(&self) -> armswatch_core::ErrorKind {
        match self {
            SocksConfigError::Unsupported { .. } => armswatch_core::ErrorKind::Input,
            SocksConfigError::Client { .. } => armswatch_core::ErrorKind::Local,
        }
    }
}

/// Tor through a SOCKS5 proxy with remote name resolution, one circuit set per isolation key.
pub struct SocksTransport {
    /// `host:port` of the proxy, as given (for the transport's name).
    proxy: String,
    /// The proxy's address, resolved once: clients connect to it by IP.
    proxy_addr: SocketAddr,
    /// Random, drawn once per transport; part of every SOCKS password.
    nonce: String,
    clients: Mutex<HashMap<String, Arc<ReqwestTransport>>>,
}

impl SocksTransport {
    /// Accepts only `socks5h://HOST:PORT` (no credentials, path or query). `socks5://` is refused
    /// because it resolves names locally, which fails for onion addresses and leaks clearnet ones.
    pub fn new(proxy_url: &str) -> Result<SocksTransport, SocksConfigError> {
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
        let transport = SocksTransport {
            proxy: format!("{host}:{port}"),
            proxy_addr,
            nonce: random_nonce(),
            clients: Mutex::new(HashMap::new()),
        };
        // Build one client now so a proxy reqwest cannot use fails at start-up, not mid-crawl.
        transport.client_for("")?;
        Ok(transport)
    }

    /// The reqwest transport for one isolation key, created on first use.
    fn client_for(&self, isolation: &str) -> Result<Arc<ReqwestTransport>, SocksConfigError> {
        let mut clients = self
            .clients
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(c) = clients.get(isolation) {
            return Ok(Arc::clone(c));
        }
        let proxy_url = format!("socks5h://{}", self.proxy_addr);
        let client_error = |e: reqwest::Error| SocksConfigError::Client {
            url: proxy_url.clone(),
            message: e.to_string(),
        };
        let (user, pass) = socks_credentials(isolation, &self.nonce);
        let proxy = reqwest::Proxy::all(&proxy_url)
            .map_err(client_error)?
            .basic_auth(&user, &pass);
        let client = base_builder()
            .proxy(proxy)
            .dns_resolver(NoDns)
            .build()
            .map_err(client_error)?;
        let transport = Arc::new(ReqwestTransport::with_client(client, self.name(), true));
        clients.insert(isolation.to_string(), Arc::clone(&transport));
        Ok(transport)
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

/// A DNS resolver that refuses every name. Tor HTTP clients use it, so that nothing they do can
/// trigger a local DNS lookup: with `socks5h` names travel to Tor inside the SOCKS request, and the
/// proxy is an IP address.
#[derive(Debug, Clone, Copy)]
pub struct NoDns;

impl reqwest::dns::Resolve for NoDns {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let name = name.as_str().to_string();
        Box::pin(async move {
            Err(format!("refused to resolve {name} locally: a Tor transport never uses DNS").into())
        })
    }
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

/// Tor answers a failed onion connection with a bare SOCKS "host unreachable"; say what that means.
fn explain_socks_error(e: FetchError, host: &str) -> FetchError {
    match e {
        FetchError::Network {
            url,
            message,
            transient,
        } if message.contains("host unreachable") => FetchError::Network {
            url,
            message: format!(
                "onion service {host} is unreachable through Tor (no descriptor published, or the \
                 service is down): {message}"
            ),
            transient,
        },
        other => other,
    }
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
            let client = self
                .client_for(&req.isolation)
                .map_err(|e| FetchError::Network {
                    url: req.url.to_string(),
                    message: e.to_string(),
                    transient: false,
                })?;
            client
                .fetch(req)
                .await
                .map_err(|e| explain_socks_error(e, host))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_socks5h_and_names_without_credentials() {
        let t = SocksTransport::new("socks5h://127.0.0.1:9050").unwrap();
        assert_eq!(t.name(), "socks5h://127.0.0.1:9050");
        assert!(t.is_tor());
    }

    #[test]
    fn refuses_socks5_with_local_resolution_explained() {
        let err = SocksTransport::new("socks5://127.0.0.1:9050")
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
            assert!(SocksTransport::new(bad).is_err(), "{bad} was accepted");
        }
    }

    #[tokio::test]
    async fn refuses_clearnet_hosts_before_touching_the_proxy() {
        let t = SocksTransport::new("socks5h://127.0.0.1:9").unwrap();
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

    #[test]
    fn socks_host_unreachable_names_the_onion_service() {
        let e = FetchError::Network {
            url: "http://x.onion/".to_string(),
            message: "error connecting to socks proxy: SOCKS error: host unreachable".to_string(),
            transient: true,
        };
        let msg = explain_socks_error(e, "x.onion").to_string();
        assert!(
            msg.contains("onion service x.onion is unreachable"),
            "{msg}"
        );
    }

    #[tokio::test]
    async fn tor_clients_cannot_resolve_names_locally() {
        // Guards hole 9: the resolver of Tor clients refuses every name, so even a request that
        // bypassed the proxy could not look a name up (here a client with NoDns and no proxy).
        let client = base_builder()
            .no_proxy()
            .dns_resolver(NoDns)
            .build()
            .unwrap();
        let err = client.get("http://localhost:9/").send().await.unwrap_err();
        let chain = format!("{:?}", err);
        assert!(chain.contains("never uses DNS"), "{chain}");
        // A proxy given by name is resolved once, at start-up, to an address.
        let t = SocksTransport::new("socks5h://localhost:9050").unwrap();
        assert!(t.proxy_addr.ip().is_loopback());
        assert_eq!(t.name(), "socks5h://localhost:9050");
    }

    #[test]
    fn one_client_per_isolation_key() {
        let t = SocksTransport::new("socks5h://127.0.0.1:9050").unwrap();
        let a1 = t.client_for("market-a").unwrap();
        let a2 = t.client_for("market-a").unwrap();
        let b = t.client_for("market-b").unwrap();
        assert!(Arc::ptr_eq(&a1, &a2));
        assert!(!Arc::ptr_eq(&a1, &b));
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
