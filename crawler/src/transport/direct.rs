//! HTTP straight to the market over TCP (clearnet markets and tests only; the engine refuses onion
//! addresses without Tor), through the same [`super::http1`] code as the Tor transports: the same
//! request bytes, redirects returned and never followed, the body cut off at `max_page_bytes` after
//! decompression, connections kept alive per market. No proxy from the environment is ever used.

use super::http1::{Opened, Pool};
use super::{FetchError, FetchRequest, FetchResponse, Transport};
use futures_util::future::BoxFuture;
use std::time::Duration;

/// Direct HTTP(S) over TCP.
pub struct DirectTransport {
    pool: Pool,
}

impl DirectTransport {
    /// A transport that connects straight to the market, keeping connections alive.
    pub fn new() -> DirectTransport {
        DirectTransport::with_keep_alive(true)
    }

    /// A transport that keeps connections alive or not (one connection per request).
    pub fn with_keep_alive(keep_alive: bool) -> DirectTransport {
        DirectTransport {
            pool: Pool::new(keep_alive),
        }
    }
}

impl Default for DirectTransport {
    fn default() -> Self {
        DirectTransport::new()
    }
}

impl Transport for DirectTransport {
    fn name(&self) -> String {
        "direct".to_string()
    }

    fn is_tor(&self) -> bool {
        false
    }

    fn fetch<'a>(
        &'a self,
        req: &'a FetchRequest,
    ) -> BoxFuture<'a, Result<FetchResponse, FetchError>> {
        Box::pin(async move {
            let url = req.url.to_string();
            let host = req
                .url
                .host_str()
                .unwrap_or_default()
                .trim_start_matches('[')
                .trim_end_matches(']')
                .to_string();
            let port = req.url.port_or_known_default().unwrap_or(80);
            let connect = || -> super::http1::Connect<'a> {
                Box::pin(async move {
                    let stream = tokio::net::TcpStream::connect((host.as_str(), port))
                        .await
                        .map_err(|e| FetchError::Network {
                            url: req.url.to_string(),
                            message: format!("connecting to {host}:{port}: {e}"),
                            transient: true,
                        })?;
                    stream.set_nodelay(true).ok();
                    Ok(Opened {
                        io: Box::new(stream),
                        circuit: None,
                    })
                })
            };
            let secs = req.timeout_secs;
            match tokio::time::timeout(Duration::from_secs(secs), self.pool.fetch(req, connect))
                .await
            {
                Ok(r) => r,
                Err(_) => Err(FetchError::Timeout { url, secs }),
            }
        })
    }
}
