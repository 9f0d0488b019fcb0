//! The crawl engine: takes a market's frontier, fetches pages through a [`Transport`] with bounded
//! concurrency, one rate limiter for the market ([`limiter`]), retries with exponential backoff and
//! jitter or the market's `Retry-After`, and redirect checks against the [`HostPolicy`] ([`fetch`]);
//! extracts links and listings and turns them into frontier entries under every crawl limit
//! ([`plan`]); reports everything to a [`CrawlSink`] ([`sink`]), one whole event per call.
//!
//! The engine keeps no state of its own between runs: the frontier lives in the sink (the store),
//! so a crawl that dies resumes where it stopped.
//!
//! [`crawl_shared`] crawls a frontier shared with other workers ([`SharedFrontier`]): the engine
//! gets its work by claiming one entry at a time, so the market's concurrency and delay come from
//! the claims (kept for the whole fleet by the store), not from the local limiter (which paces only
//! the retries of a claimed URL); a fetch longer than a third of the lease renews it; pages and
//! failures are recorded only while the lease is held, and a page whose lease was lost (it expired
//! and another worker took the URL) is dropped and counted, without failing the crawl. One failed page is logged, counted, and the crawl
//! goes on; a panic while handling a page is logged with its URL and the page marked failed; a wall
//! (login, CAPTCHA, queue, seized) stops the crawl so the market is not hammered; a crawl in which
//! no page answered marks the market down, with the evidence.

mod fetch;
mod limiter;
mod plan;
mod sink;
#[cfg(test)]
mod tests;

pub use fetch::backoff;
pub use sink::{Claimed, CrawlSink, MemoryEntry, MemorySink, SharedFrontier, SinkError};

use crate::extract::{Extractor, PageExtract, WallKind};
use crate::mirrors::Mirrors;
use crate::policy::HostPolicy;
use crate::profile::Profile;
use crate::transport::Transport;
use armswatch_core::crawl::{
    FailureKind, FrontierEntry, FrontierState, FrontierUpdate, MarketState, PageKind, PageOutcome,
};
use armswatch_core::Listing;
use fetch::{FetchContext, Fetched, Outcome};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use tokio::task::JoinSet;
use url::Url;

/// Tor Browser's user agent: every Tor user looks the same.
pub const DEFAULT_USER_AGENT: &str = crate::browser::TOR_BROWSER_USER_AGENT;

/// Most redirects followed in one chain: HTTP redirects and meta refreshes alike.
pub const MAX_REDIRECTS: u32 = 5;

/// Turns a page into links, listings and walls. [`Extractor`] is the one armswatch uses; the
/// engine takes any, so tests can give it one that misbehaves.
pub trait PageParser: Send + Sync {
    fn parse(&self, html: &str, url: &Url, kind: PageKind) -> PageExtract;
}

impl PageParser for Extractor {
    fn parse(&self, html: &str, url: &Url, kind: PageKind) -> PageExtract {
        self.extract(html, url, kind)
    }
}

/// How to crawl one market: built by the binary from a profile and command-line flags.
#[derive(Clone)]
pub struct CrawlSettings {
    /// The market id, used as the isolation key (one circuit per market on Tor).
    pub isolation: String,
    pub profile: Option<Arc<Profile>>,
    pub concurrency: usize,
    /// Least time between two requests to the market (±25 % jitter), whatever the concurrency.
    pub delay_ms: u64,
    pub timeout_secs: u64,
    pub max_attempts: u32,
    pub max_page_bytes: usize,
    pub max_pages: usize,
    /// Most new frontier entries one page may add (the rest are counted, not followed).
    pub max_links_per_page: usize,
    /// Most index pages (pagination, refresh targets) of one URL pattern queued in a run.
    pub max_pages_per_pattern: usize,
    /// Deepest link depth followed, pagination hops not counted ([`FrontierEntry::link_depth`]).
    pub max_depth: u32,
    /// Most pagination hops followed ([`FrontierEntry::pagination_depth`]).
    pub max_pagination_depth: u32,
    /// First retry waits about this long; each further one twice as long (with jitter), capped at
    /// 60 s.
    pub backoff_base_ms: u64,
    /// Headers sent with every request (user agent, session cookie, profile headers).
    pub headers: Vec<(String, String)>,
    /// The market's addresses, the canonical one (the start URLs') first, then its mirrors: URLs
    /// are kept with the first, requests go to the one in use, and a dead one is left for the next
    /// ([`crate::mirrors`]): URLs or bare hosts (`abc.onion`). Empty: the URLs as they are.
    pub addresses: Vec<String>,
}

impl CrawlSettings {
    /// Checks the settings a crawl cannot run with (a zero timeout, page size, attempt count,
    /// concurrency, page budget or link cap); the message names the setting.
    pub fn validate(&self) -> Result<(), String> {
        let zero = [
            ("concurrency", self.concurrency == 0),
            ("timeout_secs", self.timeout_secs == 0),
            ("max_attempts", self.max_attempts == 0),
            ("max_page_bytes", self.max_page_bytes == 0),
            ("max_pages", self.max_pages == 0),
            ("max_links_per_page", self.max_links_per_page == 0),
            ("max_pages_per_pattern", self.max_pages_per_pattern == 0),
        ];
        match zero.iter().find(|(_, z)| *z) {
            Some((name, _)) => Err(format!("{name} must be at least 1")),
            None => Ok(()),
        }
    }
}

/// What a crawl run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct CrawlSummary {
    /// Pages fetched and stored (any HTTP status).
    pub pages_fetched: usize,
    /// Pages that answered normally (status below 400, no wall).
    pub pages_ok: usize,
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
    /// Meta refreshes not followed because the chain had more than [`MAX_REDIRECTS`] redirects.
    pub redirect_limited: usize,
    /// Index pages not queued because their URL pattern reached `max_pages_per_pattern`.
    pub pattern_limited: usize,
    /// Links not followed because a page had more than `max_links_per_page`.
    pub links_capped: usize,
    /// Pages whose handling panicked (logged with the URL, marked failed).
    pub panics: usize,
    /// Why the market was marked down (no page answered in this run), if it was.
    pub down: Option<String>,
    /// Whether the page budget ran out with URLs still pending.
    pub budget_exhausted: bool,
    /// Whether a stop was asked for ([`crawl_until`]): pages in flight were finished, nothing new
    /// was started, and the rest of the frontier is still pending for the next run.
    pub stopped: bool,
    /// Short descriptions of the first failures (at most 20).
    pub errors: Vec<String>,
    /// Shared frontier only: pages and failures not recorded because this worker's lease on the
    /// URL had ended (another worker's fetch of it counts).
    pub leases_lost: usize,
}

impl CrawlSummary {
    /// Adds the limit counters of one page's planning (and its extraction panic).
    fn add_counts(&mut self, page: &CrawlSummary) {
        self.refused += page.refused;
        self.redirect_limited += page.redirect_limited;
        self.depth_limited += page.depth_limited;
        self.pagination_limited += page.pagination_limited;
        self.links_capped += page.links_capped;
        self.pattern_limited += page.pattern_limited;
        self.panics += page.panics;
    }
}

/// A crawl could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum CrawlError {
    /// Recording to the sink (the store) failed: nothing more could be recorded.
    #[error("crawl aborted: recording to the store failed: {0}")]
    Sink(#[source] SinkError),
    /// The settings or the profile cannot be used.
    #[error("crawl not started: {0}")]
    Settings(String),
}

impl armswatch_core::HasKind for CrawlError {
    fn kind(&self) -> armswatch_core::ErrorKind {
        match self {
            CrawlError::Sink(_) => armswatch_core::ErrorKind::Local,
            CrawlError::Settings(_) => armswatch_core::ErrorKind::Input,
        }
    }
}

/// Crawls until the frontier is empty, the page budget is spent, or a wall stops it, extracting
/// with the settings' profile (or the generic extractor). The caller seeds the frontier (start
/// URLs) before the first run; a resumed run just calls this again.
pub async fn crawl(
    transport: Arc<dyn Transport>,
    policy: Arc<HostPolicy>,
    sink: Arc<dyn CrawlSink>,
    settings: CrawlSettings,
) -> Result<CrawlSummary, CrawlError> {
    // Compiling the profile validates it (the binary builds its extractor up front and calls
    // `crawl_with`, so its profile is compiled once).
    let extractor = Extractor::new(settings.profile.as_deref())
        .map_err(|e| CrawlError::Settings(e.to_string()))?;
    crawl_with(transport, policy, sink, settings, Arc::new(extractor)).await
}

/// [`crawl_with`] that stops early when `stop` turns true: the pages in flight are fetched and
/// recorded, nothing new is started, and the summary says `stopped`. Dropping the future instead
/// (after a grace period) leaves the pages in flight pending in the frontier: nothing is
/// half-written, since each page is recorded in one sink call.
pub async fn crawl_until(
    transport: Arc<dyn Transport>,
    policy: Arc<HostPolicy>,
    sink: Arc<dyn CrawlSink>,
    settings: CrawlSettings,
    parser: Arc<dyn PageParser>,
    stop: tokio::sync::watch::Receiver<bool>,
) -> Result<CrawlSummary, CrawlError> {
    crawl_inner(transport, policy, sink, None, settings, parser, Some(stop)).await
}

/// Crawls a frontier shared with other workers until it is exhausted (nothing pending, nothing
/// leased by anyone), this worker's page budget is spent, a wall stops it, or `stop` turns true
/// (the pages in flight are fetched and recorded, nothing new is claimed). See the module docs.
pub async fn crawl_shared(
    transport: Arc<dyn Transport>,
    policy: Arc<HostPolicy>,
    frontier: Arc<dyn SharedFrontier>,
    settings: CrawlSettings,
    parser: Arc<dyn PageParser>,
    stop: Option<tokio::sync::watch::Receiver<bool>>,
) -> Result<CrawlSummary, CrawlError> {
    let sink: Arc<dyn CrawlSink> = frontier.clone();
    crawl_inner(
        transport,
        policy,
        sink,
        Some(frontier),
        settings,
        parser,
        stop,
    )
    .await
}

/// How often an idle worker of a shared frontier asks again when other workers hold every lease.
const SHARED_POLL: std::time::Duration = std::time::Duration::from_millis(200);

/// A fetch of a claimed entry, renewing its lease every third of the lease while it runs.
async fn fetch_leased(
    ctx: Arc<FetchContext>,
    frontier: Arc<dyn SharedFrontier>,
    entry: FrontierEntry,
) -> Outcome {
    let url = entry.url.clone();
    let every = (frontier.lease() / 3).max(std::time::Duration::from_millis(50));
    let fetch = fetch::fetch_entry(ctx, entry);
    tokio::pin!(fetch);
    let mut renew = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    loop {
        tokio::select! {
            out = &mut fetch => return out,
            _ = renew.tick() => match frontier.renew(&url) {
                Ok(true) => {}
                Ok(false) => tracing::warn!(url = %url, "the lease ended during the fetch: its page will not be stored"),
                Err(e) => tracing::warn!(url = %url, "renewing the lease failed: {e}"),
            },
        }
    }
}

/// [`crawl`] with a given page parser.
pub async fn crawl_with(
    transport: Arc<dyn Transport>,
    policy: Arc<HostPolicy>,
    sink: Arc<dyn CrawlSink>,
    settings: CrawlSettings,
    parser: Arc<dyn PageParser>,
) -> Result<CrawlSummary, CrawlError> {
    crawl_inner(transport, policy, sink, None, settings, parser, None).await
}

/// Resolves once `stop` holds true (never, when there is no stop or its sender is gone).
async fn stop_asked(stop: &mut Option<tokio::sync::watch::Receiver<bool>>) {
    match stop {
        Some(rx) => {
            if rx.wait_for(|s| *s).await.is_err() {
                std::future::pending::<()>().await;
            }
        }
        None => std::future::pending::<()>().await,
    }
}

async fn crawl_inner(
    transport: Arc<dyn Transport>,
    policy: Arc<HostPolicy>,
    sink: Arc<dyn CrawlSink>,
    shared: Option<Arc<dyn SharedFrontier>>,
    settings: CrawlSettings,
    parser: Arc<dyn PageParser>,
    mut stop: Option<tokio::sync::watch::Receiver<bool>>,
) -> Result<CrawlSummary, CrawlError> {
    settings.validate().map_err(CrawlError::Settings)?;
    let mirrors = match settings
        .addresses
        .split_first()
        .and_then(|(main, rest)| Some((Url::parse(main).ok()?, rest)))
    {
        Some((main, rest)) => Mirrors::new(&main, rest.iter().map(String::as_str)),
        None => Mirrors::none(),
    };
    let ctx = Arc::new(FetchContext {
        transport,
        policy,
        parser,
        mirrors,
        limiter: limiter::MarketLimiter::new(settings.delay_ms),
        paced_by_claims: shared.is_some(),
        settings,
    });
    let mut run = Run {
        sink: &*sink,
        shared: shared.as_deref(),
        ctx: &ctx,
        summary: CrawlSummary::default(),
        limits: plan::Limits::default(),
        market_ok_recorded: false,
        failed_page: None,
        first_error: None,
        first_failure: None,
        stop: false,
    };
    let settings = &ctx.settings;
    let concurrency = settings.concurrency;
    let mut in_flight: HashSet<String> = HashSet::new();
    let mut task_urls: HashMap<tokio::task::Id, String> = HashMap::new();
    let mut tasks: JoinSet<Outcome> = JoinSet::new();
    let mut dispatched = 0usize;
    // Shared frontier: when to claim next, and whether the last claim found it exhausted.
    let mut next_claim = tokio::time::Instant::now();
    let mut exhausted = false;
    loop {
        if let Some(frontier) = &shared {
            while !run.stop
                && dispatched < settings.max_pages
                && in_flight.len() < concurrency
                && tokio::time::Instant::now() >= next_claim
            {
                match frontier.claim().map_err(CrawlError::Sink)? {
                    Claimed::Granted(entry) => {
                        exhausted = false;
                        in_flight.insert(entry.url.clone());
                        dispatched += 1;
                        let url = entry.url.clone();
                        let fetch = fetch_leased(ctx.clone(), frontier.clone(), entry);
                        task_urls.insert(tasks.spawn(fetch).id(), url);
                    }
                    Claimed::Wait(d) => next_claim = tokio::time::Instant::now() + d,
                    Claimed::Busy => {
                        exhausted = false;
                        next_claim = tokio::time::Instant::now() + SHARED_POLL;
                    }
                    Claimed::Exhausted => {
                        exhausted = true;
                        next_claim = tokio::time::Instant::now() + SHARED_POLL;
                    }
                }
            }
            let may_claim = !run.stop && dispatched < settings.max_pages;
            if tasks.is_empty() && (!may_claim || exhausted) {
                if may_claim || run.stop {
                    break;
                }
                run.summary.budget_exhausted = !sink
                    .frontier_pending(1)
                    .map_err(CrawlError::Sink)?
                    .is_empty();
                break;
            }
            let room = may_claim && in_flight.len() < concurrency;
            let next = tokio::select! {
                j = tasks.join_next_with_id(), if !tasks.is_empty() => j,
                () = tokio::time::sleep_until(next_claim), if room => continue,
                () = stop_asked(&mut stop), if !run.summary.stopped => {
                    tracing::info!("stop asked: finishing {} pages in flight", in_flight.len());
                    run.summary.stopped = true;
                    run.stop = true;
                    continue;
                }
            };
            // A page of ours may have added URLs: ask again now.
            next_claim = tokio::time::Instant::now();
            match next {
                Some(Ok((id, outcome))) => {
                    task_urls.remove(&id);
                    in_flight.remove(&outcome.entry.url);
                    run.outcome(outcome)?;
                }
                Some(Err(e)) => {
                    let url = task_urls.remove(&e.id()).unwrap_or_default();
                    in_flight.remove(&url);
                    run.task_panicked(&url, fetch::join_error_message(e))?;
                }
                None => {}
            }
            continue;
        }
        if !run.stop && dispatched < settings.max_pages && in_flight.len() < concurrency {
            let pending = sink
                .frontier_pending(concurrency + in_flight.len())
                .map_err(CrawlError::Sink)?;
            for entry in pending {
                if in_flight.len() >= concurrency || dispatched >= settings.max_pages {
                    break;
                }
                if in_flight.contains(&entry.url) {
                    continue;
                }
                in_flight.insert(entry.url.clone());
                dispatched += 1;
                let url = entry.url.clone();
                let handle = tasks.spawn(fetch::fetch_entry(ctx.clone(), entry));
                task_urls.insert(handle.id(), url);
            }
        }
        let next = tokio::select! {
            j = tasks.join_next_with_id() => j,
            () = stop_asked(&mut stop), if !run.summary.stopped => {
                tracing::info!("stop asked: finishing {} pages in flight", in_flight.len());
                run.summary.stopped = true;
                run.stop = true;
                continue;
            }
        };
        let Some(joined) = next else {
            if !run.stop && dispatched >= settings.max_pages {
                run.summary.budget_exhausted = !sink
                    .frontier_pending(1)
                    .map_err(CrawlError::Sink)?
                    .is_empty();
            }
            break;
        };
        match joined {
            Ok((id, outcome)) => {
                task_urls.remove(&id);
                in_flight.remove(&outcome.entry.url);
                run.outcome(outcome)?;
            }
            Err(e) => {
                let url = task_urls.remove(&e.id()).unwrap_or_default();
                in_flight.remove(&url);
                run.task_panicked(&url, fetch::join_error_message(e))?;
            }
        }
    }
    run.finish()?;
    Ok(run.summary)
}

/// One crawl run's bookkeeping.
struct Run<'a> {
    sink: &'a dyn CrawlSink,
    /// The shared frontier the entries were claimed from, if they were.
    shared: Option<&'a dyn SharedFrontier>,
    ctx: &'a FetchContext,
    summary: CrawlSummary,
    limits: plan::Limits,
    market_ok_recorded: bool,
    /// The last page stored with an error status: the evidence if the market turns out down.
    failed_page: Option<i64>,
    first_error: Option<String>,
    /// The kind of the first failed fetch (the down reason names it: market down or Tor trouble).
    first_failure: Option<FailureKind>,
    /// A wall was met: record what comes back, start nothing new.
    stop: bool,
}

impl Run<'_> {
    /// Records a failed fetch: through the lease check on a shared frontier. False when the
    /// lease was lost (nothing recorded).
    fn record_failure(&mut self, update: &FrontierUpdate) -> Result<bool, CrawlError> {
        match self.shared {
            Some(f) => {
                let held = f.record_claimed_failure(update).map_err(CrawlError::Sink)?;
                if !held {
                    self.lease_lost(&update.url);
                }
                Ok(held)
            }
            None => self
                .sink
                .record_failure(update)
                .map(|()| true)
                .map_err(CrawlError::Sink),
        }
    }

    /// Records a fetched page: through the lease check on a shared frontier. None when the lease
    /// was lost (nothing recorded).
    fn record_page(
        &mut self,
        claimed_url: &str,
        outcome: &PageOutcome,
    ) -> Result<Option<(i64, armswatch_core::crawl::ListingWrite)>, CrawlError> {
        match self.shared {
            Some(f) => {
                let r = f
                    .record_claimed_page(claimed_url, outcome)
                    .map_err(CrawlError::Sink)?;
                if r.is_none() {
                    self.lease_lost(claimed_url);
                }
                Ok(r)
            }
            None => self
                .sink
                .record_page(outcome)
                .map(Some)
                .map_err(CrawlError::Sink),
        }
    }

    fn lease_lost(&mut self, url: &str) {
        tracing::warn!(url = %url, "the lease on this URL ended before its page was stored: dropped, another worker's fetch counts");
        self.summary.leases_lost += 1;
    }

    fn note_error(&mut self, message: String) {
        tracing::warn!("{message}");
        if self.first_error.is_none() {
            self.first_error = Some(message.clone());
        }
        if self.summary.errors.len() < 20 {
            self.summary.errors.push(message);
        }
    }

    /// A fetch task panicked (a bug): logged with the URL, the URL marked failed, the crawl goes on.
    fn task_panicked(&mut self, url: &str, message: String) -> Result<(), CrawlError> {
        tracing::error!(url = %url, "crawl task panicked: {message}; the URL is marked failed");
        self.summary.panics += 1;
        self.summary.pages_failed += 1;
        self.note_error(format!("{url}: crawl task panicked: {message}"));
        if url.is_empty() {
            return Ok(());
        }
        let update = FrontierUpdate {
            url: url.to_string(),
            state: FrontierState::Failed,
            attempts: 1,
            error: Some(format!("crawl task panicked: {message}")),
            failure: Some(FailureKind::Other),
        };
        self.record_failure(&update).map(|_| ())
    }

    fn outcome(&mut self, outcome: Outcome) -> Result<(), CrawlError> {
        let Outcome {
            entry,
            attempts,
            result,
        } = outcome;
        match result {
            Err(failure) => {
                let state = if failure.refused {
                    FrontierState::Refused
                } else {
                    FrontierState::Failed
                };
                let update = FrontierUpdate {
                    url: entry.url,
                    state,
                    attempts,
                    error: Some(failure.message.clone()),
                    failure: Some(failure.kind),
                };
                if !self.record_failure(&update)? {
                    return Ok(());
                }
                if failure.refused {
                    self.summary.refused += 1;
                } else {
                    self.summary.pages_failed += 1;
                    self.note_error(failure.message);
                    self.first_failure.get_or_insert(failure.kind);
                }
                Ok(())
            }
            Ok(fetched) => self.page(entry, attempts, fetched),
        }
    }

    fn page(
        &mut self,
        entry: FrontierEntry,
        attempts: u32,
        fetched: Fetched,
    ) -> Result<(), CrawlError> {
        if let Some(wall) = fetched.extract.wall.clone() {
            return self.wall(&entry.url, wall.kind, &wall.evidence, fetched);
        }
        let ex = &fetched.extract;
        // Listings from index cards are kept only when the market shows no separate listing pages.
        let listings: Vec<Listing> =
            if entry.kind == PageKind::Listing || ex.listing_links.is_empty() {
                ex.listings.clone()
            } else {
                Vec::new()
            };
        // Listings found through a mirror are the main address's (one listing per path).
        let mirrors = &self.ctx.mirrors;
        let canonical = |u: &str| match Url::parse(u) {
            Ok(parsed) if mirrors.len() > 1 => mirrors.canonical(&parsed).to_string(),
            _ => u.to_string(),
        };
        let listings: Vec<Listing> = listings
            .into_iter()
            .map(|mut l| {
                l.url = canonical(&l.url);
                l.vendor_url = l.vendor_url.as_deref().map(canonical);
                l
            })
            .collect();
        // Vendor profile pages linked from listings are fetched for the vendor's key and contacts.
        let vendor_pages: Vec<Url> = listings
            .iter()
            .filter_map(|l| l.vendor_url.as_deref())
            .filter_map(|u| Url::parse(u).ok())
            .collect();
        // Counted apart and added once the page is stored: a page whose lease was lost counts
        // nothing.
        let mut counted = CrawlSummary::default();
        let plan = plan::plan_links(
            self.sink,
            &self.ctx.policy,
            &self.ctx.mirrors,
            &self.ctx.settings,
            &entry,
            &fetched,
            &vendor_pages,
            &mut self.limits,
            &mut counted,
        )?;
        let status = fetched.page.http_status;
        let error = if status >= 400 {
            Some(format!("HTTP {status}"))
        } else if let Some(p) = &fetched.extract_panic {
            counted.panics += 1;
            Some(format!("extraction panicked: {p}"))
        } else if let Some(why) = &fetched.extract.skipped {
            // Past the extractor's time limit: stored as evidence, marked, nothing taken from it.
            Some(why.clone())
        } else {
            plan.error
        };
        let claimed_url = entry.url.clone();
        let note = error.as_ref().map(|e| format!("{}: {e}", entry.url));
        let outcome = PageOutcome {
            page: fetched.page,
            listings,
            new_entries: plan.new_entries,
            refusals: plan.refusals,
            frontier: Some(FrontierUpdate {
                url: entry.url,
                state: if error.is_some() {
                    FrontierState::Failed
                } else {
                    FrontierState::Done
                },
                failure: error.as_ref().map(|_| {
                    if status >= 400 {
                        FailureKind::HttpStatus
                    } else {
                        FailureKind::Other
                    }
                }),
                attempts,
                error,
            }),
        };
        let Some((page_id, w)) = self.record_page(&claimed_url, &outcome)? else {
            return Ok(());
        };
        self.summary.add_counts(&counted);
        self.summary.pages_fetched += 1;
        if let Some(note) = note {
            self.summary.pages_failed += 1;
            self.note_error(note);
        }
        self.summary.listings_new += w.new;
        self.summary.listings_changed += w.changed;
        self.summary.listings_unchanged += w.unchanged;
        self.summary.to_classify.extend(w.to_classify);
        if status < 400 {
            self.summary.pages_ok += 1;
            if !self.market_ok_recorded {
                self.sink
                    .set_market_state(MarketState::Ok, "pages answered normally", None)
                    .map_err(CrawlError::Sink)?;
                self.market_ok_recorded = true;
            }
        } else {
            self.failed_page = Some(page_id);
        }
        Ok(())
    }

    /// A wall: the page is stored as evidence, its URL left pending (it is fetched again once the
    /// wall is gone), the market's state recorded, and the crawl stops.
    fn wall(
        &mut self,
        claimed_url: &str,
        kind: WallKind,
        evidence: &str,
        fetched: Fetched,
    ) -> Result<(), CrawlError> {
        let state = match kind {
            WallKind::Login => MarketState::NeedsSession,
            WallKind::Captcha | WallKind::Queue => MarketState::Blocked,
            WallKind::Down => MarketState::Down,
        };
        let reason = format!(
            "{} wall at {}: {evidence}",
            kind.as_str(),
            fetched.page.final_url
        );
        tracing::warn!("stopping the crawl: {reason}");
        let outcome = PageOutcome {
            page: fetched.page,
            listings: Vec::new(),
            new_entries: Vec::new(),
            refusals: fetched.refused_redirect.into_iter().collect(),
            frontier: None,
        };
        let Some((page_id, _)) = self.record_page(claimed_url, &outcome)? else {
            return Ok(());
        };
        self.summary.pages_fetched += 1;
        self.sink
            .set_market_state(state, &reason, Some(page_id))
            .map_err(CrawlError::Sink)?;
        self.summary.wall = Some(reason);
        self.stop = true;
        Ok(())
    }

    /// After the last page: a run in which pages were tried but none answered marks the market
    /// down, with the first error and the last error page as evidence.
    fn finish(&mut self) -> Result<(), CrawlError> {
        let s = &mut self.summary;
        let tried = s.pages_fetched + s.pages_failed > 0;
        // On a shared frontier other workers' pages count too: whoever finishes the run decides
        // (from the whole run) and uses `down` as the reason.
        let shared = self.shared.is_some();
        if s.pages_ok == 0 && s.wall.is_none() && !s.stopped && tried {
            let reason = format!(
                "no page answered in this crawl run ({} failed{}): {}",
                s.pages_failed,
                self.first_failure
                    .map(|k| format!("; first: {k}, {} side", k.side()))
                    .unwrap_or_default(),
                self.first_error.as_deref().unwrap_or("no detail")
            );
            if !shared {
                tracing::warn!("market down: {reason}");
                self.sink
                    .set_market_state(MarketState::Down, &reason, self.failed_page)
                    .map_err(CrawlError::Sink)?;
            }
            s.down = Some(reason);
        }
        let settings = &self.ctx.settings;
        if s.depth_limited > 0 {
            tracing::warn!(
                "{} URLs lie deeper than max_depth {} (pagination not counted) and were not followed",
                s.depth_limited,
                settings.max_depth
            );
        }
        if s.pagination_limited > 0 {
            tracing::warn!(
                "{} URLs lie more than max_pagination_depth {} pagination hops deep and were not followed",
                s.pagination_limited,
                settings.max_pagination_depth
            );
        }
        if s.pattern_limited > 0 {
            tracing::warn!(
                "{} index pages were not followed: their URL pattern reached max_pages_per_pattern {}",
                s.pattern_limited,
                settings.max_pages_per_pattern
            );
        }
        Ok(())
    }
}
