//! The crawl engine's sink over the store: one crawl run of one market.

use armswatch_core::crawl::{
    FetchedPage, FrontierEntry, FrontierState, ListingWrite, MarketState, PageKind,
};
use armswatch_core::{EntityKind, Listing, MarketId};
use armswatch_crawler::engine::{CrawlSink, SinkError};
use armswatch_crawler::entities;
use armswatch_crawler::extract::decode_html;
use armswatch_store::{RunCounts, Sighting, Store};
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

impl StoreSink {
    /// Entities in the fields of new and changed listings, stored with their listing version.
    fn listing_entities(&self, page_id: i64, now: i64, ids: &[i64]) -> Result<(), SinkError> {
        let mut sightings = Vec::new();
        for &id in ids {
            let Some(stored) = self.store.listing(id)? else {
                continue;
            };
            let l = &stored.listing;
            let fields = [
                ("title", Some(&l.title)),
                ("description", l.description.as_ref()),
            ];
            for (field, text) in fields {
                let Some(text) = text else { continue };
                for entity in entities::find_entities(text) {
                    sightings.push(Sighting {
                        entity,
                        url: l.url.clone(),
                        listing: Some((id, stored.version)),
                        vendor: l.vendor.clone(),
                        field,
                        page_id: Some(page_id),
                    });
                }
            }
        }
        self.store.save_entities(&self.market, now, &sightings)?;
        Ok(())
    }

    /// Entities on a whole page: everything on a vendor's profile page (attributed to the vendor
    /// whose listings link to it), onion addresses on any page (candidate markets).
    fn page_entities(&self, page_id: i64, page: &FetchedPage) -> Result<(), SinkError> {
        let html = page
            .content_type
            .as_deref()
            .is_none_or(|c| c.contains("html") || c.starts_with("text/"));
        if !html || page.http_status >= 400 || page.body.is_empty() {
            return Ok(());
        }
        let text = entities::page_text(&decode_html(&page.body, page.content_type.as_deref()));
        let vendor_page = page.kind == PageKind::Vendor;
        let vendor = if vendor_page {
            match self.store.vendor_for_url(&self.market, &page.final_url)? {
                Some(v) => Some(v),
                None => self
                    .store
                    .vendor_for_url(&self.market, &page.requested_url)?,
            }
        } else {
            None
        };
        let sightings: Vec<Sighting> = entities::find_entities(&text)
            .into_iter()
            .filter(|e| vendor_page || e.kind == EntityKind::Onion)
            .map(|entity| Sighting {
                entity,
                url: page.final_url.clone(),
                listing: None,
                vendor: vendor.clone(),
                field: if vendor_page { "vendor_page" } else { "page" },
                page_id: Some(page_id),
            })
            .collect();
        self.store
            .save_entities(&self.market, page.fetched_at, &sightings)?;
        Ok(())
    }
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
        self.page_entities(id, page)?;
        let delta = RunCounts {
            pages_fetched: 1,
            ..RunCounts::default()
        };
        self.store.add_run_counts(self.run_id, delta)?;
        Ok(id)
    }

    fn save_listings(&self, page_id: i64, listings: &[Listing]) -> Result<ListingWrite, SinkError> {
        let now = now();
        let w = self
            .store
            .save_listings(&self.market, page_id, now, listings)?;
        self.listing_entities(page_id, now, &w.to_classify)?;
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
