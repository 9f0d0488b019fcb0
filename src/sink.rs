//! The crawl engine's sink over the store: one crawl run of one market.

use armswatch_core::crawl::{FetchedPage, FrontierEntry, FrontierState, ListingWrite, MarketState};
use armswatch_core::{Listing, MarketId};
use armswatch_crawler::engine::{CrawlSink, SinkError};
use armswatch_store::{RunCounts, Store};
use std::sync::Arc;

/// Records one crawl run into the store, keeping the run's counts current as pages come in, so a
/// killed crawl still shows what it did.
pub struct StoreSink {
    pub store: Arc<Store>,
    pub market: MarketId,
    pub run_id: i64,
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl CrawlSink for StoreSink {
    fn frontier_add(&self, entries: &[FrontierEntry]) -> Result<usize, SinkError> {
        Ok(self
            .store
            .frontier_add(&self.market, self.run_id, entries)?)
    }

    fn frontier_contains(&self, url: &str) -> Result<bool, SinkError> {
        Ok(self.store.frontier_contains(&self.market, url)?)
    }

    fn frontier_pending(&self, limit: usize) -> Result<Vec<FrontierEntry>, SinkError> {
        Ok(self.store.frontier_pending(&self.market, limit)?)
    }

    fn frontier_set(
        &self,
        url: &str,
        state: FrontierState,
        attempts: u32,
        error: Option<&str>,
    ) -> Result<(), SinkError> {
        if matches!(state, FrontierState::Failed) {
            let delta = RunCounts {
                errors: 1,
                ..RunCounts::default()
            };
            self.store.add_run_counts(self.run_id, delta)?;
        }
        Ok(self
            .store
            .frontier_set(&self.market, url, state, attempts, error)?)
    }

    fn save_page(&self, page: &FetchedPage) -> Result<i64, SinkError> {
        let id = self.store.save_page(self.run_id, &self.market, page)?;
        let delta = RunCounts {
            pages_fetched: 1,
            ..RunCounts::default()
        };
        self.store.add_run_counts(self.run_id, delta)?;
        Ok(id)
    }

    fn save_listings(&self, page_id: i64, listings: &[Listing]) -> Result<ListingWrite, SinkError> {
        let w = self
            .store
            .save_listings(&self.market, page_id, now(), listings)?;
        let delta = RunCounts {
            listings_new: w.new,
            listings_changed: w.changed,
            ..RunCounts::default()
        };
        self.store.add_run_counts(self.run_id, delta)?;
        Ok(w)
    }

    fn record_refusal(&self, url: &str, from_url: &str, reason: &str) -> Result<(), SinkError> {
        let from = (!from_url.is_empty()).then_some(from_url);
        self.store
            .record_refusal(self.run_id, &self.market, url, from, reason)?;
        Ok(())
    }

    fn set_market_state(
        &self,
        state: MarketState,
        reason: &str,
        page_id: Option<i64>,
    ) -> Result<(), SinkError> {
        Ok(self
            .store
            .set_market_state(&self.market, state, reason, page_id)?)
    }
}
