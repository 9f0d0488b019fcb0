//! Crawl vocabulary shared by the crawler (which produces it) and the store (which keeps it):
//! frontier entries, fetched pages, market states, crawl summaries.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What a page is to the crawler.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    /// A start URL from the profile or the command line.
    Start,
    /// A category, search or pagination page that links to listings.
    Index,
    /// A single listing's page.
    Listing,
    /// A vendor's profile page, linked from a listing: scanned for the vendor's PGP key, addresses
    /// and handles.
    Vendor,
}

impl PageKind {
    /// Stable name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            PageKind::Start => "start",
            PageKind::Index => "index",
            PageKind::Listing => "listing",
            PageKind::Vendor => "vendor",
        }
    }
}

impl FromStr for PageKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "start" => Ok(PageKind::Start),
            "index" => Ok(PageKind::Index),
            "listing" => Ok(PageKind::Listing),
            "vendor" => Ok(PageKind::Vendor),
            _ => Err(format!("unknown page kind {s:?}")),
        }
    }
}

/// A URL waiting in (or done with) a market's frontier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrontierEntry {
    /// Normalised absolute URL.
    pub url: String,
    pub kind: PageKind,
    /// Links followed from a start URL to reach this one, every kind counted. The frontier hands
    /// out the shallowest entries first, so this orders the crawl (breadth first).
    pub depth: u32,
    /// How many of those links were pagination hops (from a start or index page to another index
    /// page). The depth limit counts only the other links, `depth - pagination_depth`; pagination
    /// chains have their own, larger limit.
    #[serde(default)]
    pub pagination_depth: u32,
    /// Redirects on the way here: HTTP redirects and meta refreshes followed in a chain that ended
    /// at this URL. A refresh chain counts against the same cap as HTTP redirects, so a page that
    /// refreshes to a new URL each time cannot keep a crawl busy.
    #[serde(default)]
    pub redirect_hops: u32,
    /// Fetch attempts so far.
    pub attempts: u32,
}

impl FrontierEntry {
    /// A start URL: depth 0, no attempts yet.
    pub fn start(url: impl Into<String>) -> FrontierEntry {
        FrontierEntry {
            url: url.into(),
            kind: PageKind::Start,
            depth: 0,
            pagination_depth: 0,
            redirect_hops: 0,
            attempts: 0,
        }
    }

    /// Links followed from a start URL that were not pagination hops: what the depth limit counts.
    pub fn link_depth(&self) -> u32 {
        self.depth.saturating_sub(self.pagination_depth)
    }
}

/// Where a frontier entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FrontierState {
    Pending,
    Done,
    /// Gave up after retries or a permanent error.
    Failed,
    /// Never fetched: our policy refused it (other host, would leave Tor, ...).
    Refused,
}

impl FrontierState {
    /// Stable name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            FrontierState::Pending => "pending",
            FrontierState::Done => "done",
            FrontierState::Failed => "failed",
            FrontierState::Refused => "refused",
        }
    }
}

/// One fetched document, raw, with how and when it was fetched. This is the evidence record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchedPage {
    pub requested_url: String,
    /// URL after redirects the crawler followed (equal to `requested_url` when none).
    pub final_url: String,
    /// UTC fetch time, unix seconds.
    pub fetched_at: i64,
    pub http_status: u16,
    pub content_type: Option<String>,
    /// The body as received after transfer decoding (gzip etc.), before any charset decoding.
    pub body: Vec<u8>,
    /// How it was fetched: `direct`, `socks5h://127.0.0.1:9050`, `arti`, `file`.
    pub transport: String,
    pub kind: PageKind,
    /// The origin (`http://abc.onion`) that answered: the market's main address or one of its
    /// mirrors (the URLs above are always written with the main address).
    pub served_by: String,
}

/// Everything one fetched page leads to. The store records it in one transaction, so a crawl killed
/// at any moment has either all of it (the page is never fetched again) or none of it (the URL is
/// still pending).
#[derive(Debug, Clone, PartialEq)]
pub struct PageOutcome {
    /// The evidence.
    pub page: FetchedPage,
    /// Listings found on the page.
    pub listings: Vec<crate::Listing>,
    /// Links to add to the frontier (known URLs are left as they are).
    pub new_entries: Vec<FrontierEntry>,
    /// URLs found on the page that the host policy refused: (url, reason).
    pub refusals: Vec<(String, String)>,
    /// The frontier URL the page was fetched for, and its new state; `None` leaves it pending
    /// (a wall: it is fetched again once the wall is gone).
    pub frontier: Option<FrontierUpdate>,
}

/// A frontier entry's new state after a fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontierUpdate {
    pub url: String,
    pub state: FrontierState,
    pub attempts: u32,
    /// Why it failed (or what went wrong with a page that was still stored).
    pub error: Option<String>,
    /// What kind of failure it was, when the URL failed.
    pub failure: Option<FailureKind>,
}

/// What kind of failure ended a fetch: on Tor, the difference between "the market is down" and
/// "Tor trouble" that an operator needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureKind {
    /// No descriptor for the onion address on the HSDirs: the market is gone or not published.
    OnionDescriptorNotFound,
    /// Every introduction point failed or timed out: the market is down or overloaded.
    OnionIntroductionFailed,
    /// The rendezvous did not complete: Tor trouble (or an overloaded service).
    OnionRendezvousFailed,
    /// The service asks for more proof-of-work than the operator allows (`--max-pow-effort`).
    OnionPowEffortTooHigh,
    /// The service needs client authorization we do not have.
    OnionClientAuth,
    /// The onion address is malformed.
    OnionAddressInvalid,
    /// The onion service was unreachable and Tor did not say why (a SOCKS port without
    /// `ExtendedErrors`).
    OnionUnreachable,
    /// Tor could not build a circuit or open a stream, or the SOCKS proxy failed: Tor trouble.
    TorCircuit,
    /// The request took longer than the timeout.
    Timeout,
    /// The connection or the HTTP exchange broke (reset, closed, bad TLS, malformed answer).
    Connection,
    /// The market answered with an error status (the page is stored as evidence).
    HttpStatus,
    /// The body was larger than the cap.
    TooLarge,
    /// Our own policy refused the URL.
    Refused,
    /// Anything else (a bug, an invalid URL).
    Other,
}

impl FailureKind {
    /// Every kind, in display order.
    pub const ALL: [FailureKind; 14] = [
        FailureKind::OnionDescriptorNotFound,
        FailureKind::OnionIntroductionFailed,
        FailureKind::OnionRendezvousFailed,
        FailureKind::OnionPowEffortTooHigh,
        FailureKind::OnionClientAuth,
        FailureKind::OnionAddressInvalid,
        FailureKind::OnionUnreachable,
        FailureKind::TorCircuit,
        FailureKind::Timeout,
        FailureKind::Connection,
        FailureKind::HttpStatus,
        FailureKind::TooLarge,
        FailureKind::Refused,
        FailureKind::Other,
    ];

    /// Stable name, as stored and printed.
    pub fn as_str(self) -> &'static str {
        match self {
            FailureKind::OnionDescriptorNotFound => "onion_descriptor_not_found",
            FailureKind::OnionIntroductionFailed => "onion_introduction_failed",
            FailureKind::OnionRendezvousFailed => "onion_rendezvous_failed",
            FailureKind::OnionPowEffortTooHigh => "onion_pow_effort_too_high",
            FailureKind::OnionClientAuth => "onion_client_auth",
            FailureKind::OnionAddressInvalid => "onion_address_invalid",
            FailureKind::OnionUnreachable => "onion_unreachable",
            FailureKind::TorCircuit => "tor_circuit",
            FailureKind::Timeout => "timeout",
            FailureKind::Connection => "connection",
            FailureKind::HttpStatus => "http_status",
            FailureKind::TooLarge => "too_large",
            FailureKind::Refused => "refused",
            FailureKind::Other => "other",
        }
    }

    /// Whose side the failure is on, for an operator: `market` (down, gone, defended), `tor` (the
    /// network or the local Tor client), `either` (a timeout or a broken connection), `local`.
    pub fn side(self) -> &'static str {
        match self {
            FailureKind::OnionDescriptorNotFound
            | FailureKind::OnionIntroductionFailed
            | FailureKind::OnionPowEffortTooHigh
            | FailureKind::OnionClientAuth
            | FailureKind::OnionAddressInvalid
            | FailureKind::HttpStatus
            | FailureKind::TooLarge => "market",
            FailureKind::OnionRendezvousFailed | FailureKind::TorCircuit => "tor",
            FailureKind::OnionUnreachable | FailureKind::Timeout | FailureKind::Connection => {
                "either"
            }
            FailureKind::Refused | FailureKind::Other => "local",
        }
    }

    /// Whether the failure says the market's onion address does not answer (a reason to move to a
    /// mirror): descriptor not found, introduction failed, unreachable, rendezvous failed.
    pub fn is_onion_down(self) -> bool {
        matches!(
            self,
            FailureKind::OnionDescriptorNotFound
                | FailureKind::OnionIntroductionFailed
                | FailureKind::OnionRendezvousFailed
                | FailureKind::OnionUnreachable
        )
    }
}

impl fmt::Display for FailureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for FailureKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FailureKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown failure kind {s:?}"))
    }
}

/// Whether a market can be crawled right now, as far as the crawler could tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarketState {
    /// Pages come back as expected.
    Ok,
    /// A login wall: an investigator must paste a logged-in session cookie into the profile.
    NeedsSession,
    /// A CAPTCHA or DDoS-protection queue stands in front of the market.
    Blocked,
    /// The market says it is down or seized, or no page could be fetched.
    Down,
}

impl MarketState {
    /// Stable name, as stored and printed.
    pub fn as_str(self) -> &'static str {
        match self {
            MarketState::Ok => "ok",
            MarketState::NeedsSession => "needs_session",
            MarketState::Blocked => "blocked",
            MarketState::Down => "down",
        }
    }
}

impl fmt::Display for MarketState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for MarketState {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "ok" => Ok(MarketState::Ok),
            "needs_session" => Ok(MarketState::NeedsSession),
            "blocked" => Ok(MarketState::Blocked),
            "down" => Ok(MarketState::Down),
            _ => Err(format!("unknown market state {s:?}")),
        }
    }
}

/// What storing a batch of listings did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingWrite {
    /// Listings seen for the first time.
    pub new: usize,
    /// Listings whose content changed (the old content was kept as a version).
    pub changed: usize,
    /// Listings seen again unchanged (only `last_seen` moved).
    pub unchanged: usize,
    /// Listings that had been marked vanished and are back (counted in `changed` or `unchanged`
    /// too).
    #[serde(default)]
    pub reappeared: usize,
    /// Row ids of the new and changed listings: these need a verdict.
    pub to_classify: Vec<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in [
            PageKind::Start,
            PageKind::Index,
            PageKind::Listing,
            PageKind::Vendor,
        ] {
            assert_eq!(k.as_str().parse::<PageKind>(), Ok(k));
        }
        for s in [
            MarketState::Ok,
            MarketState::NeedsSession,
            MarketState::Blocked,
            MarketState::Down,
        ] {
            assert_eq!(s.as_str().parse::<MarketState>(), Ok(s));
        }
    }
}
