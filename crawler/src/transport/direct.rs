//! HTTP through reqwest: `direct` (clearnet markets and tests only) and, with a `socks5h://` proxy,
//! a Tor SOCKS port. Redirects are never followed here, the body is read as a stream and cut off
//! at `max_page_bytes` after decompression, and no proxy from the environment is ever used.

use super::{FetchError, FetchRequest, FetchResponse, Transport};
use futures_util::future::BoxFuture;
use futures_util::StreamExt;
use std::time::Duration;

/// reqwest-based transport, without a proxy (`direct`) or through one SOCKS proxy.
pub struct ReqwestTransport {
    client: reqwest::Client,
    name: String,
    tor: bool,
}

impl ReqwestTransport {
    /// A transport that connects straight to the market. Refused for onion addresses by the engine.
    pub fn direct() -> Result<ReqwestTransport, FetchError> {
        let client = base_builder()
            .no_proxy()
            .build()
            .map_err(|e| FetchError::Network {
                url: String::new(),
                message: format!("building HTTP client: {e}"),
                transient: false,
            })?;
        Ok(ReqwestTransport {
            client,
            name: "direct".to_string(),
            tor: false,
        })
    }

    /// Builds from an already configured client (used by the SOCKS transport).
    pub(crate) fn with_client(
        client: reqwest::Client,
        name: String,
        tor: bool,
    ) -> ReqwestTransport {
        ReqwestTransport { client, name, tor }
    }
}

/// The client settings every reqwest transport shares: no redirects, decompression on, no cookies
/// kept between requests (the profile's session cookie is sent as a header), HTTP/1.1 only.
pub(crate) fn base_builder() -> reqwest::ClientBuilder {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .gzip(true)
        .brotli(true)
        .deflate(true)
        .http1_only()
        .connect_timeout(Duration::from_secs(60))
        .pool_idle_timeout(Duration::from_secs(30))
}

impl Transport for ReqwestTransport {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn is_tor(&self) -> bool {
        self.tor
    }

    fn fetch<'a>(
        &'a self,
        req: &'a FetchRequest,
    ) -> BoxFuture<'a, Result<FetchResponse, FetchError>> {
        Box::pin(async move {
            let url = req.url.to_string();
            let fut = fetch_inner(&self.client, req);
            match tokio::time::timeout(Duration::from_secs(req.timeout_secs), fut).await {
                Ok(r) => r,
                Err(_) => Err(FetchError::Timeout {
                    url,
                    secs: req.timeout_secs,
                }),
            }
        })
    }
}

async fn fetch_inner(
    client: &reqwest::Client,
    req: &FetchRequest,
) -> Result<FetchResponse, FetchError> {
    let url = req.url.to_string();
    let mut builder = client.get(req.url.clone());
    for (k, v) in &req.headers {
        builder = builder.header(k.as_str(), v.as_str());
    }
    let resp = builder.send().await.map_err(|e| network_error(&url, &e))?;
    let status = resp.status().as_u16();
    let header = |name: reqwest::header::HeaderName| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let content_type = header(reqwest::header::CONTENT_TYPE);
    let location = header(reqwest::header::LOCATION);
    let retry_after = header(reqwest::header::RETRY_AFTER);
    if let Some(len) = resp.content_length() {
        // Only a hint: with compression the decoded body can be larger, so the stream is still capped.
        if len as usize > req.max_page_bytes && !is_compressed(&resp) {
            return Err(FetchError::TooLarge {
                url,
                max_bytes: req.max_page_bytes,
            });
        }
    }
    let mut body = Vec::new();
    let mut stream = resp.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| network_error(&url, &e))?;
        if body.len() + chunk.len() > req.max_page_bytes {
            return Err(FetchError::TooLarge {
                url,
                max_bytes: req.max_page_bytes,
            });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(FetchResponse {
        status,
        content_type,
        location,
        retry_after,
        body,
    })
}

fn is_compressed(resp: &reqwest::Response) -> bool {
    resp.headers()
        .contains_key(reqwest::header::CONTENT_ENCODING)
}

/// Maps a reqwest error to a fetch error, deciding whether it is worth retrying.
pub(crate) fn network_error(url: &str, e: &reqwest::Error) -> FetchError {
    if e.is_timeout() {
        return FetchError::Timeout {
            url: url.to_string(),
            secs: 0,
        };
    }
    let transient = e.is_connect() || e.is_request() || e.is_body() || e.is_decode();
    // Walk the source chain: the root cause (SOCKS failure, reset) is what a person needs to see.
    let mut message = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        message.push_str(": ");
        message.push_str(&s.to_string());
        src = s.source();
    }
    FetchError::Network {
        url: url.to_string(),
        message,
        transient,
    }
}
