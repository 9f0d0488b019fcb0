//! Where the engine records what it does: the [`CrawlSink`] trait (the binary implements it over
//! the store) and [`MemorySink`], an in-memory one for tests, benchmarks and dry runs.

use armswatch_core::crawl::{
    FetchedPage, FrontierEntry, FrontierState, FrontierUpdate, ListingWrite, MarketState,
    PageOutcome,
};
use armswatch_core::Listing;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// An error from the sink (the store): fatal for the crawl, since nothing could be recorded.
pub type SinkError = Box<dyn std::error::Error + Send + Sync>;

/// Where the engine records what it does. Calls are short and synchronous. Each call is one event
/// that must be recorded whole or not at all (one transaction in the store).
pub trait CrawlSink: Send + Sync {
    /// Whether a URL is in the frontier, in any state.
    fn frontier_contains(&self, url: &str) -> Result<bool, SinkError>;
    /// Pending entries, shallowest first.
    fn frontier_pending(&self, limit: usize) -> Result<Vec<FrontierEntry>, SinkError>;
    /// Records a fetched page and everything it leads to: the page (the evidence), its listings,
    /// new frontier entries, refused URLs and its URL's new state. Returns the page id and what
    /// storing the listings did.
    fn record_page(&self, outcome: &PageOutcome) -> Result<(i64, ListingWrite), SinkError>;
    /// Records a fetch that produced no page (a network error, a refusal).
    fn record_failure(&self, update: &FrontierUpdate) -> Result<(), SinkError>;
    /// Records the market's state (a wall was met, the market is down, or it answered normally).
    fn set_market_state(
        &self,
        state: MarketState,
        reason: &str,
        page_id: Option<i64>,
    ) -> Result<(), SinkError>;
}

/// What a claim on a [`SharedFrontier`] gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claimed {
    /// This worker holds the entry (a lease) until it records it or gives it back.
    Granted(FrontierEntry),
    /// The market's politeness (across every worker) forbids a request now: ask again after this.
    Wait(Duration),
    /// Nothing is pending, but other workers hold leases: their pages may add URLs, or their
    /// leases may expire. Ask again later.
    Busy,
    /// Nothing pending, nothing leased: the frontier is exhausted.
    Exhausted,
}

/// A frontier shared with other workers (processes, machines): entries are claimed one at a time
/// with a lease, the market's politeness is kept by the claims for the whole fleet, and a page is
/// recorded only while its lease is still held. The binary implements it over the PostgreSQL
/// store; [`MemorySink`] implements it for tests.
pub trait SharedFrontier: CrawlSink {
    /// Claims the next entry, if the market's politeness allows a request now.
    fn claim(&self) -> Result<Claimed, SinkError>;
    /// How long a claim is held: a fetch that takes longer renews it before it runs out.
    fn lease(&self) -> Duration;
    /// Extends the lease on `url`; false when this worker no longer holds it.
    fn renew(&self, url: &str) -> Result<bool, SinkError>;
    /// Gives `url` back unfetched.
    fn release(&self, url: &str) -> Result<(), SinkError>;
    /// [`CrawlSink::record_page`] for the claim on `claimed_url`, in the same transaction as a check
    /// that the lease is still held: `None` when it is not (the page is dropped, another worker's
    /// fetch of the URL counts).
    fn record_claimed_page(
        &self,
        claimed_url: &str,
        outcome: &PageOutcome,
    ) -> Result<Option<(i64, ListingWrite)>, SinkError>;
    /// [`CrawlSink::record_failure`] for a claimed URL, after checking the lease: false when it
    /// was lost (nothing recorded).
    fn record_claimed_failure(&self, update: &FrontierUpdate) -> Result<bool, SinkError>;
}

/// One frontier entry held by a [`MemorySink`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryEntry {
    pub entry: FrontierEntry,
    pub state: FrontierState,
    pub error: Option<String>,
}

#[derive(Debug, Default)]
struct Inner {
    frontier: Vec<MemoryEntry>,
    index: HashMap<String, usize>,
    pages: Vec<FetchedPage>,
    listings: HashMap<String, Listing>,
    refusals: Vec<(String, String)>,
    states: Vec<(MarketState, String, Option<i64>)>,
}

/// A sink that keeps everything in memory, with the store's semantics: known URLs are not added
/// twice, pending entries come back shallowest first, then in insertion order.
#[derive(Debug, Default)]
pub struct MemorySink {
    inner: Mutex<Inner>,
}

impl MemorySink {
    /// A sink whose frontier holds `seeds` (pending).
    pub fn new(seeds: impl IntoIterator<Item = FrontierEntry>) -> MemorySink {
        let sink = MemorySink::default();
        sink.lock().add(seeds);
        sink
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Every frontier entry, in insertion order.
    pub fn frontier(&self) -> Vec<MemoryEntry> {
        self.lock().frontier.clone()
    }

    /// The frontier entry for `url`.
    pub fn entry(&self, url: &str) -> Option<MemoryEntry> {
        let g = self.lock();
        g.index.get(url).map(|&i| g.frontier[i].clone())
    }

    /// Every stored page, in the order they were recorded.
    pub fn pages(&self) -> Vec<FetchedPage> {
        self.lock().pages.clone()
    }

    /// Stored listings by canonical URL.
    pub fn listings(&self) -> HashMap<String, Listing> {
        self.lock().listings.clone()
    }

    /// Refused URLs with the reason, in the order recorded (once per URL).
    pub fn refusals(&self) -> Vec<(String, String)> {
        self.lock().refusals.clone()
    }

    /// Every market state recorded: (state, reason, evidence page id).
    pub fn market_states(&self) -> Vec<(MarketState, String, Option<i64>)> {
        self.lock().states.clone()
    }
}

impl Inner {
    fn add(&mut self, entries: impl IntoIterator<Item = FrontierEntry>) {
        for e in entries {
            if !self.index.contains_key(&e.url) {
                self.index.insert(e.url.clone(), self.frontier.len());
                self.frontier.push(MemoryEntry {
                    entry: e,
                    state: FrontierState::Pending,
                    error: None,
                });
            }
        }
    }

    fn set(&mut self, u: &FrontierUpdate) {
        if let Some(&i) = self.index.get(&u.url) {
            let m = &mut self.frontier[i];
            m.state = u.state;
            m.entry.attempts = u.attempts;
            m.error = u.error.clone();
        }
    }

    fn refuse(&mut self, url: &str, reason: &str) {
        if !self.refusals.iter().any(|(u, _)| u == url) {
            self.refusals.push((url.to_string(), reason.to_string()));
        }
    }
}

impl CrawlSink for MemorySink {
    fn frontier_contains(&self, url: &str) -> Result<bool, SinkError> {
        Ok(self.lock().index.contains_key(url))
    }

    fn frontier_pending(&self, limit: usize) -> Result<Vec<FrontierEntry>, SinkError> {
        let g = self.lock();
        let mut pending: Vec<(u32, usize)> = g
            .frontier
            .iter()
            .enumerate()
            .filter(|(_, m)| m.state == FrontierState::Pending)
            .map(|(i, m)| (m.entry.depth, i))
            .collect();
        pending.sort_unstable();
        Ok(pending
            .into_iter()
            .take(limit)
            .map(|(_, i)| g.frontier[i].entry.clone())
            .collect())
    }

    fn record_page(&self, o: &PageOutcome) -> Result<(i64, ListingWrite), SinkError> {
        let mut g = self.lock();
        g.pages.push(o.page.clone());
        let page_id = g.pages.len() as i64;
        let mut w = ListingWrite::default();
        for l in &o.listings {
            match g.listings.insert(l.url.clone(), l.clone()) {
                None => w.new += 1,
                Some(old) if old == *l => w.unchanged += 1,
                Some(_) => w.changed += 1,
            }
        }
        g.add(o.new_entries.iter().cloned());
        for (url, reason) in &o.refusals {
            g.refuse(url, reason);
        }
        if let Some(u) = &o.frontier {
            g.set(u);
        }
        Ok((page_id, w))
    }

    fn record_failure(&self, u: &FrontierUpdate) -> Result<(), SinkError> {
        let mut g = self.lock();
        if u.state == FrontierState::Refused {
            g.refuse(&u.url, u.error.as_deref().unwrap_or_default());
        }
        g.set(u);
        Ok(())
    }

    fn set_market_state(
        &self,
        state: MarketState,
        reason: &str,
        page_id: Option<i64>,
    ) -> Result<(), SinkError> {
        self.lock()
            .states
            .push((state, reason.to_string(), page_id));
        Ok(())
    }
}
