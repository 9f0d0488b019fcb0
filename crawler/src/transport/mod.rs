//! Transports: how one HTTP GET reaches a market. Everything above this module pretends the network
//! does not exist; everything in it is small.
//!
//! A transport never follows redirects (the engine checks each `Location` against the host policy
//! first), caps the decoded body at `max_page_bytes` (so compressed bombs stop early), and keeps
//! markets apart by `isolation` (a circuit per market on Tor).

use armswatch_core::crawl::FailureKind;
use armswatch_core::{ErrorKind, HasKind};
use futures_util::future::BoxFuture;

pub mod arti;
pub mod direct;
pub mod http1;
pub mod socks;
mod socks5;

/// One GET request.
#[derive(Debug, Clone)]
pub struct FetchRequest {
    pub url: url::Url,
    /// Extra headers (session cookie, user agent) from the market profile.
    pub headers: Vec<(String, String)>,
    /// Streams with different keys never share a circuit (Tor transports); usually the market id.
    pub isolation: String,
    /// Give up on the whole request after this many seconds.
    pub timeout_secs: u64,
    /// Refuse bodies larger than this, after decompression.
    pub max_page_bytes: usize,
}

/// The answer to a GET, with the body already transfer-decoded (gzip, brotli, deflate, zstd).
#[derive(Debug, Clone)]
pub struct FetchResponse {
    pub status: u16,
    pub content_type: Option<String>,
    /// `Location` header of a 3xx answer, unresolved.
    pub location: Option<String>,
    /// `Retry-After` header (seconds or an HTTP date), as sent.
    pub retry_after: Option<String>,
    pub body: Vec<u8>,
    /// The Tor circuit the answer came over, when the transport can tell (arti: its circuit id).
    pub circuit: Option<String>,
}

/// A failed fetch, with the URL it was for.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("fetching {url}: timed out after {secs} s")]
    Timeout { url: String, secs: u64 },
    #[error("fetching {url}: {message}")]
    Network {
        url: String,
        message: String,
        /// Whether trying again may help (connection reset, circuit failure) or not (bad TLS).
        transient: bool,
    },
    #[error("fetching {url}: the body is larger than {max_bytes} bytes (after decompression)")]
    TooLarge { url: String, max_bytes: usize },
    #[error("refused to fetch {url}: {reason}")]
    Refused { url: String, reason: String },
    /// Tor said what went wrong with the onion service or the circuit.
    #[error("fetching {url}: {message}")]
    Tor {
        url: String,
        failure: FailureKind,
        message: String,
    },
}

impl FetchError {
    /// What kind of failure this is, for the store and `status`.
    pub fn failure(&self) -> FailureKind {
        match self {
            FetchError::Timeout { .. } => FailureKind::Timeout,
            FetchError::Network { .. } => FailureKind::Connection,
            FetchError::TooLarge { .. } => FailureKind::TooLarge,
            FetchError::Refused { .. } => FailureKind::Refused,
            FetchError::Tor { failure, .. } => *failure,
        }
    }
}

impl HasKind for FetchError {
    fn kind(&self) -> ErrorKind {
        match self {
            FetchError::Timeout { .. } => ErrorKind::Transient,
            FetchError::Network { transient, .. } => {
                if *transient {
                    ErrorKind::Transient
                } else {
                    ErrorKind::Remote
                }
            }
            FetchError::TooLarge { .. } => ErrorKind::Remote,
            FetchError::Refused { .. } => ErrorKind::Refused,
            FetchError::Tor { failure, .. } => match failure {
                // Gone, defended beyond our cap, locked or malformed: retrying now will not help.
                FailureKind::OnionDescriptorNotFound
                | FailureKind::OnionPowEffortTooHigh
                | FailureKind::OnionClientAuth
                | FailureKind::OnionAddressInvalid => ErrorKind::Remote,
                _ => ErrorKind::Transient,
            },
        }
    }
}

/// A way to fetch pages.
pub trait Transport: Send + Sync {
    /// How pages fetched this way are labelled in the evidence: `direct`, `arti`,
    /// `socks5h://127.0.0.1:9050` (never with credentials).
    fn name(&self) -> String;

    /// Whether this transport keeps traffic inside Tor (then the engine refuses any non-onion host).
    fn is_tor(&self) -> bool;

    /// Fetches one URL without following redirects.
    fn fetch<'a>(
        &'a self,
        req: &'a FetchRequest,
    ) -> BoxFuture<'a, Result<FetchResponse, FetchError>>;
}
