//! The crawl engine: takes a market's frontier, fetches pages through a [`Transport`] with bounded
//! concurrency, politeness delays, retries with exponential backoff and jitter, and redirect checks
//! against the [`HostPolicy`]; extracts links and listings; reports everything to a [`CrawlSink`].
//!
//! The engine keeps no state of its own between runs: the frontier lives in the sink (the store),
//! so a crawl that dies resumes where it stopped. One failed page is logged, counted, and the crawl
//! goes on; a wall (login, CAPTCHA, queue, seized) stops the crawl so the market is not hammered.

use crate::extract::{self, Extractor, PageExtract, WallKind};
use crate::policy::HostPolicy;
use crate::profile::Profile;
use crate::transport::{FetchError, FetchRequest, FetchResponse, Transport};
use crate::urlnorm;
use armswatch_core::crawl::{
    FetchedPage, FrontierEntry, FrontierState, ListingWrite, MarketState, PageKind,
};
use armswatch_core::{HasKind, Listing};
use rand::Rng;
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinSet;
use url::Url;

/// Tor Browser's user agent: every Tor user looks the same.
pub const DEFAULT_USER_AGENT: &str =
    "Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0";

/// Most redirects followed for one URL.
const MAX_REDIRECTS: usize = 5;

/// An error from the sink (the store): fatal for the crawl, since nothing could be recorded.
pub type SinkError = Box<dyn std::error::Error + Send + Sync>;

/// Where the engine records what it does. The binary implements it over the store; tests may use
/// an in-memory one. Calls are short and synchronous.
pub trait CrawlSink: Send + Sync {
    /// Adds URLs to the frontier; ones already there are left as they are. Returns how many were new.
    fn frontier_add(&self, entries: &[FrontierEntry]) -> Result<usize, SinkError>;
    /// Whether a URL is in the frontier, in any state.
    fn frontier_contains(&self, url: &str) -> Result<bool, SinkError>;
    /// Pending entries, shallowest first.
    fn frontier_pending(&self, limit: usize) -> Result<Vec<FrontierEntry>, SinkError>;
    /// Sets an entry's state after a fetch.
    fn frontier_set(
        &self,
        url: &str,
        state: FrontierState,
        attempts: u32,
        error: Option<&str>,
    ) -> Result<(), SinkError>;
    /// Stores a fetched page (the evidence) and returns its id.
    fn save_page(&self, page: &FetchedPage) -> Result<i64, SinkError>;
    /// Stores the listings found on a page.
    fn save_listings(&self, page_id: i64, listings: &[Listing]) -> Result<ListingWrite, SinkError>;
    /// Records a URL the host policy refused to fetch.
    fn record_refusal(&self, url: &str, from_url: &str, reason: &str) -> Result<(), SinkError>;
    /// Records the market's state (a wall was met, or the market answered normally).
    fn set_market_state(
        &self,
        state: MarketState,
        reason: &str,
        page_id: Option<i64>,
    ) -> Result<(), SinkError>;
}

/// How to crawl one market: built by the binary from a profile and command-line flags.
#[derive(Clone)]
pub struct CrawlSettings {
    /// The market id, used as the isolation key (one circuit per market on Tor).
    pub isolation: String,
    pub profile: Option<Arc<Profile>>,
    pub concurrency: usize,
    pub delay_ms: u64,
    pub timeout_secs: u64,
    pub max_attempts: u32,
    pub max_page_bytes: usize,
    pub max_pages: usize,
    /// Deepest link depth followed, pagination hops not counted ([`FrontierEntry::link_depth`]).
    pub max_depth: u32,
    /// Most pagination hops followed ([`FrontierEntry::pagination_depth`]).
    pub max_pagination_depth: u32,
    /// First retry waits about this long; each further one twice as long (with jitter), capped at
    /// 60 s.
    pub backoff_base_ms: u64,
    /// Headers sent with every request (user agent, session cookie, profile headers).
    pub headers: Vec<(String, String)>,
}

/// What a crawl run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct CrawlSummary {
    pub pages_fetched: usize,
    pub pages_failed: usize,
    pub listings_new: usize,
    pub listings_changed: usize,
    pub listings_unchanged: usize,
    /// URLs the host policy refused (off-site links, redirects and embedded resources).
    pub refused: usize,
    /// Row ids of new and changed listings, to classify.
    pub to_classify: Vec<i64>,
    /// The wall that stopped the crawl, if one did.
    pub wall: Option<String>,
    /// URLs not followed because they lie deeper than `max_depth` (and were not in the frontier
    /// already when found).
    pub depth_limited: usize,
    /// URLs not followed because more than `max_pagination_depth` pagination hops lead to them.
    pub pagination_limited: usize,
    /// Whether the page budget ran out with URLs still pending.
    pub budget_exhausted: bool,
    /// Short descriptions of the first failures (at most 20).
    pub errors: Vec<String>,
}

/// A crawl could not run at all (the sink failed).
#[derive(Debug, thiserror::Error)]
#[error("crawl aborted: recording to the store failed: {0}")]
pub struct CrawlError(#[source] pub SinkError);

impl HasKind for CrawlError {
    fn kind(&self) -> armswatch_core::ErrorKind {
        armswatch_core::ErrorKind::Local
    }
}

/// The outcome of fetching one frontier entry.
struct Outcome {
    entry: FrontierEntry,
    attempts: u32,
    result: Result<Fetched, FetchFailure>,
}

struct Fetched {
    page: FetchedPage,
    extract: PageExtract,
    /// Redirect targets refused by the policy (url, reason).
    refused_redirect: Option<(String, String)>,
}

struct FetchFailure {
    message: String,
    refused: bool,
}

/// Crawls until the frontier is empty, the page budget is spent, or a wall stops it. The caller
/// seeds the frontier (start URLs) before the first run; a resumed run just calls this again.
pub async fn crawl(
    transport: Arc<dyn Transport>,
    policy: Arc<HostPolicy>,
    sink: Arc<dyn CrawlSink>,
    settings: CrawlSettings,
) -> Result<CrawlSummary, CrawlError> {
    let mut summary = CrawlSummary::default();
    let mut in_flight: HashSet<String> = HashSet::new();
    let mut tasks: JoinSet<Outcome> = JoinSet::new();
    let mut dispatched = 0usize;
    let concurrency = settings.concurrency.max(1);
    let mut stop = false;
    let mut market_ok_recorded = false;
    // URLs the depth limits kept out of the frontier, each counted once.
    let mut limited = HashSet::new();
    // The profile was validated when it was loaded; compile it once for the whole crawl.
    let extractor = Arc::new(Extractor::new(settings.profile.as_deref()).map_err(
        |(field, message)| CrawlError(format!("profile field {field}: {message}").into()),
    )?);
    loop {
        if !stop && dispatched < settings.max_pages && in_flight.len() < concurrency {
            let want = concurrency - in_flight.len() + in_flight.len();
            let pending = sink.frontier_pending(want).map_err(CrawlError)?;
            for entry in pending {
                if in_flight.len() >= concurrency || dispatched >= settings.max_pages {
                    break;
                }
                if in_flight.contains(&entry.url) {
                    continue;
                }
                in_flight.insert(entry.url.clone());
                dispatched += 1;
                let (t, p, s) = (transport.clone(), policy.clone(), settings.clone());
                let x = extractor.clone();
                tasks.spawn(async move { fetch_entry(t, p, x, s, entry).await });
            }
        }
        let Some(joined) = tasks.join_next().await else {
            if !stop && dispatched >= settings.max_pages {
                summary.budget_exhausted =
                    !sink.frontier_pending(1).map_err(CrawlError)?.is_empty();
            }
            break;
        };
        let outcome = match joined {
            Ok(o) => o,
            Err(e) => {
                // A panicking task is a bug; the URL stays pending and the crawl goes on.
                tracing::error!("crawl task failed: {e}");
                summary.pages_failed += 1;
                continue;
            }
        };
        in_flight.remove(&outcome.entry.url);
        if stop {
            // Already stopping (wall): record what came back, start nothing new.
        }
        match outcome.result {
            Err(failure) => {
                let state = if failure.refused {
                    summary.refused += 1;
                    sink.record_refusal(&outcome.entry.url, "", &failure.message)
                        .map_err(CrawlError)?;
                    FrontierState::Refused
                } else {
                    summary.pages_failed += 1;
                    if summary.errors.len() < 20 {
                        summary.errors.push(failure.message.clone());
                    }
                    tracing::warn!("{}", failure.message);
                    FrontierState::Failed
                };
                sink.frontier_set(
                    &outcome.entry.url,
                    state,
                    outcome.attempts,
                    Some(&failure.message),
                )
                .map_err(CrawlError)?;
            }
            Ok(fetched) => {
                summary.pages_fetched += 1;
                let page_id = sink.save_page(&fetched.page).map_err(CrawlError)?;
                if let Some((url, reason)) = &fetched.refused_redirect {
                    summary.refused += 1;
                    sink.record_refusal(url, &fetched.page.requested_url, reason)
                        .map_err(CrawlError)?;
                }
                if let Some(wall) = &fetched.extract.wall {
                    let state = match wall.kind {
                        WallKind::Login => MarketState::NeedsSession,
                        WallKind::Captcha | WallKind::Queue => MarketState::Blocked,
                        WallKind::Down => MarketState::Down,
                    };
                    let reason = format!(
                        "{:?} wall at {}: {}",
                        wall.kind, fetched.page.final_url, wall.evidence
                    );
                    tracing::warn!("stopping the crawl: {reason}");
                    sink.set_market_state(state, &reason, Some(page_id))
                        .map_err(CrawlError)?;
                    // Leave the URL pending: it is fetched again once the wall is gone.
                    summary.wall = Some(reason);
                    stop = true;
                    continue;
                }
                if !market_ok_recorded && fetched.page.http_status < 400 {
                    sink.set_market_state(MarketState::Ok, "pages answered normally", None)
                        .map_err(CrawlError)?;
                    market_ok_recorded = true;
                }
                let kept_out = record_page(
                    &*sink,
                    &policy,
                    &settings,
                    &outcome.entry,
                    &fetched,
                    page_id,
                    &mut summary,
                )?;
                count_kept_out(&*sink, kept_out, &mut limited, &mut summary)?;
                let state = if fetched.page.http_status >= 400 {
                    summary.pages_failed += 1;
                    FrontierState::Failed
                } else {
                    FrontierState::Done
                };
                let err = (fetched.page.http_status >= 400)
                    .then(|| format!("HTTP {}", fetched.page.http_status));
                if let Some(e) = &err {
                    if summary.errors.len() < 20 {
                        summary.errors.push(format!("{}: {e}", outcome.entry.url));
                    }
                }
                sink.frontier_set(&outcome.entry.url, state, outcome.attempts, err.as_deref())
                    .map_err(CrawlError)?;
            }
        }
    }
    if summary.depth_limited > 0 {
        tracing::warn!(
            "{} URLs lie deeper than max_depth {} (pagination not counted) and were not followed",
            summary.depth_limited,
            settings.max_depth
        );
    }
    if summary.pagination_limited > 0 {
        tracing::warn!(
            "{} URLs lie more than max_pagination_depth {} pagination hops deep and were not followed",
            summary.pagination_limited,
            settings.max_pagination_depth
        );
    }
    Ok(summary)
}

/// The frontier entry for a link of `kind` found on `from`'s page. Every link adds one to `depth`,
/// which orders the crawl breadth first, so listings found on a page are fetched before the pages
/// its "next" links lead to. A pagination hop (an index link on a start or index page) also adds
/// one to `pagination_depth`, which keeps it out of the depth limit.
fn child_entry(from: &FrontierEntry, url: String, kind: PageKind) -> FrontierEntry {
    let pagination_hop = kind == PageKind::Index && from.kind != PageKind::Listing;
    FrontierEntry {
        url,
        kind,
        depth: from.depth.saturating_add(1),
        pagination_depth: from
            .pagination_depth
            .saturating_add(u32::from(pagination_hop)),
        attempts: 0,
    }
}

/// Which limit, if any, keeps an entry out of the frontier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DepthLimit {
    /// `max_depth`: too many links that are not pagination hops.
    Depth,
    /// `max_pagination_depth`: too long a chain of pagination hops.
    Pagination,
}

/// Checks an entry against the settings' depth limits.
fn depth_limit(settings: &CrawlSettings, e: &FrontierEntry) -> Option<DepthLimit> {
    if e.link_depth() > settings.max_depth {
        Some(DepthLimit::Depth)
    } else if e.pagination_depth > settings.max_pagination_depth {
        Some(DepthLimit::Pagination)
    } else {
        None
    }
}

/// Counts the links the depth limits kept out of the frontier, each URL once per crawl run (in
/// `limited`); URLs already in the frontier (reached by a shorter path) are not lost, so not counted.
fn count_kept_out(
    sink: &dyn CrawlSink,
    kept_out: Vec<(FrontierEntry, DepthLimit)>,
    limited: &mut HashSet<String>,
    summary: &mut CrawlSummary,
) -> Result<(), CrawlError> {
    for (e, limit) in kept_out {
        if limited.contains(&e.url) || sink.frontier_contains(&e.url).map_err(CrawlError)? {
            continue;
        }
        tracing::debug!(url = %e.url, ?limit, "past a depth limit, not followed");
        match limit {
            DepthLimit::Depth => summary.depth_limited += 1,
            DepthLimit::Pagination => summary.pagination_limited += 1,
        }
        limited.insert(e.url);
    }
    Ok(())
}

/// Stores a fetched page's listings and adds its allowed links to the frontier. Returns the links
/// the depth limits keep out, with the limit that did.
fn record_page(
    sink: &dyn CrawlSink,
    policy: &HostPolicy,
    settings: &CrawlSettings,
    entry: &FrontierEntry,
    fetched: &Fetched,
    page_id: i64,
    summary: &mut CrawlSummary,
) -> Result<Vec<(FrontierEntry, DepthLimit)>, CrawlError> {
    let ex = &fetched.extract;
    let from = fetched.page.final_url.as_str();
    // Listings from index cards are kept only when the market shows no separate listing pages.
    let listings: Vec<Listing> = if entry.kind == PageKind::Listing || ex.listing_links.is_empty() {
        ex.listings.clone()
    } else {
        Vec::new()
    };
    if !listings.is_empty() {
        let w = sink.save_listings(page_id, &listings).map_err(CrawlError)?;
        summary.listings_new += w.new;
        summary.listings_changed += w.changed;
        summary.listings_unchanged += w.unchanged;
        summary.to_classify.extend(w.to_classify);
    }
    let mut new_entries = Vec::new();
    let mut kept_out = Vec::new();
    let mut seen = HashSet::new();
    // Vendor profile pages linked from listings are fetched for the vendor's key and contacts.
    let vendor_pages: Vec<url::Url> = listings
        .iter()
        .filter_map(|l| l.vendor_url.as_deref())
        .filter_map(|u| url::Url::parse(u).ok())
        .collect();
    let links = ex
        .listing_links
        .iter()
        .map(|u| (u, PageKind::Listing))
        .chain(ex.pagination_links.iter().map(|u| (u, PageKind::Index)))
        .chain(vendor_pages.iter().map(|u| (u, PageKind::Vendor)));
    for (url, kind) in links {
        let Some(url) = urlnorm::normalize(url) else {
            continue;
        };
        if !seen.insert(url.to_string()) {
            continue;
        }
        match policy.check(&url) {
            Ok(()) => {
                let child = child_entry(entry, url.to_string(), kind);
                match depth_limit(settings, &child) {
                    None => new_entries.push(child),
                    Some(limit) => kept_out.push((child, limit)),
                }
            }
            Err(refusal) => {
                summary.refused += 1;
                sink.record_refusal(url.as_str(), from, &refusal.reason)
                    .map_err(CrawlError)?;
            }
        }
    }
    // Other links and embedded resources are never fetched; off-site ones are recorded.
    for url in &ex.other_links {
        let Some(url) = urlnorm::normalize(url) else {
            continue;
        };
        if seen.insert(url.to_string()) {
            if let Err(refusal) = policy.check(&url) {
                summary.refused += 1;
                sink.record_refusal(url.as_str(), from, &refusal.reason)
                    .map_err(CrawlError)?;
            }
        }
    }
    if !new_entries.is_empty() {
        sink.frontier_add(&new_entries).map_err(CrawlError)?;
    }
    Ok(kept_out)
}

/// Fetches one entry: politeness delay, retries with backoff for transient failures, redirects
/// checked against the policy, then extraction on a blocking thread.
async fn fetch_entry(
    transport: Arc<dyn Transport>,
    policy: Arc<HostPolicy>,
    extractor: Arc<Extractor>,
    settings: CrawlSettings,
    entry: FrontierEntry,
) -> Outcome {
    let mut attempts = entry.attempts;
    let result = async {
        let start = Url::parse(&entry.url).map_err(|e| FetchFailure {
            message: format!("{}: invalid URL: {e}", entry.url),
            refused: false,
        })?;
        if let Err(r) = policy.check(&start) {
            return Err(FetchFailure {
                message: r.reason,
                refused: true,
            });
        }
        let mut url = start;
        let mut refused_redirect = None;
        let mut hops = 0;
        let resp = loop {
            let resp = fetch_with_retries(&*transport, &settings, &url, &mut attempts).await?;
            let Some(location) = resp
                .location
                .as_deref()
                .filter(|_| (300..400).contains(&resp.status))
            else {
                break resp;
            };
            let Some(next) = urlnorm::resolve(&url, location) else {
                break resp;
            };
            if let Err(r) = policy.check(&next) {
                // Keep the redirect answer itself as the page: it is the evidence.
                refused_redirect = Some((next.to_string(), r.reason));
                break resp;
            }
            hops += 1;
            if hops > MAX_REDIRECTS {
                return Err(FetchFailure {
                    message: format!("{}: more than {MAX_REDIRECTS} redirects", entry.url),
                    refused: false,
                });
            }
            url = next;
        };
        let page = FetchedPage {
            requested_url: entry.url.clone(),
            final_url: url.to_string(),
            fetched_at: unix_now(),
            http_status: resp.status,
            content_type: resp.content_type.clone(),
            body: resp.body,
            transport: transport.name(),
            kind: entry.kind,
        };
        let extract = extract_blocking(&page, &url, entry.kind, extractor).await;
        Ok(Fetched {
            page,
            extract,
            refused_redirect,
        })
    }
    .await;
    Outcome {
        entry,
        attempts,
        result,
    }
}

async fn extract_blocking(
    page: &FetchedPage,
    url: &Url,
    kind: PageKind,
    extractor: Arc<Extractor>,
) -> PageExtract {
    if !is_html(page)
        || page.http_status >= 400 && page.http_status != 403 && page.http_status != 503
    {
        return PageExtract::default();
    }
    let body = page.body.clone();
    let ct = page.content_type.clone();
    let url = url.clone();
    tokio::task::spawn_blocking(move || {
        let html = extract::decode_html(&body, ct.as_deref());
        extractor.extract(&html, &url, kind)
    })
    .await
    .unwrap_or_default()
}

fn is_html(page: &FetchedPage) -> bool {
    match &page.content_type {
        Some(ct) => {
            let ct = ct.to_ascii_lowercase();
            ct.contains("html") || ct.contains("xml") || ct.starts_with("text/plain")
        }
        None => true,
    }
}

async fn fetch_with_retries(
    transport: &dyn Transport,
    settings: &CrawlSettings,
    url: &Url,
    attempts: &mut u32,
) -> Result<FetchResponse, FetchFailure> {
    let req = FetchRequest {
        url: url.clone(),
        headers: settings.headers.clone(),
        isolation: settings.isolation.clone(),
        timeout_secs: settings.timeout_secs,
        max_page_bytes: settings.max_page_bytes,
    };
    let mut tries = 0u32;
    loop {
        polite_delay(settings.delay_ms).await;
        tries += 1;
        *attempts += 1;
        let result = transport.fetch(&req).await;
        let retry_status = matches!(&result, Ok(r) if r.status == 429 || (500..600).contains(&r.status) && r.status != 501);
        match result {
            Ok(resp) if !retry_status || tries >= settings.max_attempts => return Ok(resp),
            Ok(resp) => tracing::debug!("{url}: HTTP {}, retrying", resp.status),
            Err(e) if e.kind().is_retryable() && tries < settings.max_attempts => {
                tracing::debug!("{e:#}, retrying");
            }
            Err(e) => {
                let refused = matches!(e, FetchError::Refused { .. });
                let message = if tries > 1 {
                    format!("{e} (after {tries} attempts)")
                } else {
                    e.to_string()
                };
                return Err(FetchFailure { message, refused });
            }
        }
        tokio::time::sleep(backoff(settings.backoff_base_ms, tries)).await;
    }
}

/// Exponential backoff with full jitter: uniformly up to `base * 2^(try-1)`, at most 60 s.
pub fn backoff(base_ms: u64, tries: u32) -> Duration {
    let cap = base_ms
        .saturating_mul(1u64 << tries.saturating_sub(1).min(16))
        .min(60_000);
    let ms = if cap == 0 {
        0
    } else {
        rand::rng().random_range(cap / 2..=cap)
    };
    Duration::from_millis(ms)
}

async fn polite_delay(delay_ms: u64) {
    if delay_ms == 0 {
        return;
    }
    let jitter = delay_ms / 4;
    let ms = rand::rng().random_range(delay_ms - jitter..=delay_ms + jitter);
    tokio::time::sleep(Duration::from_millis(ms)).await;
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: PageKind, depth: u32, pagination_depth: u32) -> FrontierEntry {
        FrontierEntry {
            url: "http://m.onion/x".into(),
            kind,
            depth,
            pagination_depth,
            attempts: 0,
        }
    }

    fn settings(max_depth: u32, max_pagination_depth: u32) -> CrawlSettings {
        CrawlSettings {
            isolation: "m".into(),
            profile: None,
            concurrency: 1,
            delay_ms: 0,
            timeout_secs: 1,
            max_attempts: 1,
            max_page_bytes: 1,
            max_pages: 1,
            max_depth,
            max_pagination_depth,
            backoff_base_ms: 0,
            headers: Vec::new(),
        }
    }

    #[test]
    fn pagination_hops_order_the_crawl_but_do_not_count_toward_max_depth() {
        // Guards the depth rule: every link adds to `depth` (so a page's listings, one link away,
        // are queued no later than its "next" page), only index-to-index links add to
        // `pagination_depth`, and max_depth sees the difference.
        let url = || "http://m.onion/y".to_string();
        let page5 = entry(PageKind::Index, 5, 5);
        let next = child_entry(&page5, url(), PageKind::Index);
        let listing = child_entry(&page5, url(), PageKind::Listing);
        assert_eq!((next.depth, next.pagination_depth), (6, 6));
        assert_eq!((listing.depth, listing.pagination_depth), (6, 5));
        assert_eq!((next.link_depth(), listing.link_depth()), (0, 1));
        let start = entry(PageKind::Start, 0, 0);
        assert_eq!(
            child_entry(&start, url(), PageKind::Index).pagination_depth,
            1
        );
        // An index link on a listing page ("back to the category") is an ordinary link.
        let from_listing = child_entry(&listing, url(), PageKind::Index);
        assert_eq!((from_listing.depth, from_listing.link_depth()), (7, 2));

        let s = settings(1, 6);
        assert_eq!(depth_limit(&s, &next), None);
        assert_eq!(depth_limit(&s, &listing), None);
        assert_eq!(depth_limit(&s, &from_listing), Some(DepthLimit::Depth));
        let page7 = child_entry(&next, url(), PageKind::Index);
        assert_eq!(depth_limit(&s, &page7), Some(DepthLimit::Pagination));
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        for t in 1..5 {
            let d = backoff(100, t).as_millis() as u64;
            let cap = 100 * (1 << (t - 1));
            assert!(d >= cap / 2 && d <= cap, "try {t}: {d}");
        }
        assert!(backoff(1000, 30).as_millis() <= 60_000);
        assert_eq!(backoff(0, 3), Duration::ZERO);
    }
}
