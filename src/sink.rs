//! The crawl engine's sink over the store: one crawl run of one market. Every call is one store
//! transaction, so a killed crawl keeps whole events only (see `armswatch_store::Store::record_page`).

use armswatch_core::crawl::{
    FrontierEntry, FrontierUpdate, ListingWrite, MarketState, PageOutcome,
};
use armswatch_core::MarketId;
use armswatch_crawler::engine::{CrawlSink, SinkError};
use armswatch_store::Store;
use std::sync::Arc;

/// Records one crawl run into the store, keeping the run's counts current as pages come in, so a
/// killed crawl still shows what it did.
pub struct StoreSink {
    pub store: Arc<Store>,
    pub market: MarketId,
    pub run_id: i64,
}

impl CrawlSink for StoreSink {
    fn frontier_contains(&self, url: &str) -> Result<bool, SinkError> {
        Ok(self.store.frontier_contains(&self.market, url)?)
    }

    fn frontier_pending(&self, limit: usize) -> Result<Vec<FrontierEntry>, SinkError> {
        Ok(self.store.frontier_pending(&self.market, limit)?)
    }

    fn record_page(&self, outcome: &PageOutcome) -> Result<(i64, ListingWrite), SinkError> {
        Ok(self.store.record_page(self.run_id, &self.market, outcome)?)
    }

    fn record_failure(&self, update: &FrontierUpdate) -> Result<(), SinkError> {
        Ok(self
            .store
            .record_failure(self.run_id, &self.market, update)?)
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
