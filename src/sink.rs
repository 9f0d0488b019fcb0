//! The crawl engine's sink over the store: one crawl run of one market. Every call is one store
//! transaction, so a killed crawl keeps whole events only: a page is stored together with its
//! listings, its links, its URL's new state and the entities found in it, or not at all.
//!
//! [`LeasedSink`] is the same over a frontier shared by a fleet of workers on PostgreSQL: URLs are
//! claimed with leases, and a page is stored with its verdicts in one transaction that first checks
//! the lease is still held.

use armswatch_classifier::Classifier;
use armswatch_core::crawl::{
    FetchedPage, FrontierEntry, FrontierUpdate, ListingWrite, MarketState, PageKind, PageOutcome,
};
use armswatch_core::{EntityKind, MarketId};
use armswatch_crawler::engine::{Claimed, CrawlSink, SharedFrontier, SinkError};
use armswatch_crawler::entities;
use armswatch_crawler::extract::decode_html;
use armswatch_store::{
    Claim, CrawlStore, PgStore, Politeness, Sighting, StoreError, WrittenListing,
};
use std::sync::Arc;
use std::time::Duration;

/// Runs SQLite work off the async runtime's core: on a multi-threaded runtime the worker hands its
/// other tasks to the rest of the pool while `f` blocks ([`tokio::task::block_in_place`]); with no
/// runtime, or a current-thread one, `f` just runs.
pub fn blocking<T>(f: impl FnOnce() -> T) -> T {
    match tokio::runtime::Handle::try_current() {
        Ok(h) if h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(f)
        }
        _ => f(),
    }
}

/// Records one crawl run into the store (either backend), keeping the run's counts current as pages
/// come in, so a killed crawl still shows what it did.
pub struct StoreSink {
    pub store: Arc<dyn CrawlStore>,
    pub market: MarketId,
    pub run_id: i64,
    /// Pages done out of pages known, for the progress bar or the periodic line.
    pub progress: Option<crate::progress::Progress>,
}

impl StoreSink {
    /// Entities on a whole page: everything on a vendor's profile page (attributed to the vendor
    /// whose listings link to it), onion addresses on any page (candidate markets). The page id
    /// is filled in when the page is stored.
    fn page_entities(&self, page: &FetchedPage) -> Result<Vec<Sighting>, SinkError> {
        let html = page
            .content_type
            .as_deref()
            .is_none_or(|c| c.contains("html") || c.starts_with("text/"));
        if !html || page.http_status >= 400 || page.body.is_empty() {
            return Ok(Vec::new());
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
        Ok(entities::find_entities(&text)
            .into_iter()
            .filter(|e| vendor_page || e.kind == EntityKind::Onion)
            .map(|entity| Sighting {
                entity,
                url: page.final_url.clone(),
                listing: None,
                vendor: vendor.clone(),
                field: if vendor_page { "vendor_page" } else { "page" },
                page_id: None,
            })
            .collect())
    }
}

/// Entities in the fields of new and changed listings, with their listing version.
fn listing_entities(page_id: i64, written: &[WrittenListing<'_>]) -> Vec<Sighting> {
    let mut sightings = Vec::new();
    for w in written {
        let l = w.listing;
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
                    listing: Some((w.id, w.version)),
                    vendor: l.vendor.clone(),
                    field,
                    page_id: Some(page_id),
                });
            }
        }
    }
    sightings
}

impl CrawlSink for StoreSink {
    fn frontier_contains(&self, url: &str) -> Result<bool, SinkError> {
        blocking(|| Ok(self.store.frontier_contains(&self.market, url)?))
    }

    fn frontier_pending(&self, limit: usize) -> Result<Vec<FrontierEntry>, SinkError> {
        blocking(|| Ok(self.store.frontier_pending(&self.market, limit)?))
    }

    fn record_page(&self, outcome: &PageOutcome) -> Result<(i64, ListingWrite), SinkError> {
        let r = blocking(|| self.record_page_blocking(outcome))?;
        if let Some(p) = &self.progress {
            p.inc_len(outcome.new_entries.len() as u64);
            if outcome.frontier.is_some() {
                p.inc(1);
            }
        }
        Ok(r)
    }

    fn record_failure(&self, update: &FrontierUpdate) -> Result<(), SinkError> {
        if let Some(p) = &self.progress {
            p.inc(1);
        }
        blocking(|| {
            Ok(self
                .store
                .record_failure(self.run_id, &self.market, update)?)
        })
    }

    fn set_market_state(
        &self,
        state: MarketState,
        reason: &str,
        page_id: Option<i64>,
    ) -> Result<(), SinkError> {
        blocking(|| {
            Ok(self
                .store
                .set_market_state(&self.market, state, reason, page_id)?)
        })
    }
}

impl StoreSink {
    /// The entities of `outcome`'s page, to store with it: found before the write (a read and
    /// some parsing); the callback gives the same sightings each time a backend retries.
    fn sightings(
        &self,
        outcome: &PageOutcome,
    ) -> Result<impl FnMut(i64, &[WrittenListing<'_>]) -> Vec<Sighting>, SinkError> {
        let page_sightings = self.page_entities(&outcome.page)?;
        Ok(move |page_id: i64, written: &[WrittenListing<'_>]| {
            let mut all: Vec<Sighting> = page_sightings
                .iter()
                .cloned()
                .map(|s| Sighting {
                    page_id: Some(page_id),
                    ..s
                })
                .collect();
            all.extend(listing_entities(page_id, written));
            all
        })
    }

    fn record_page_blocking(
        &self,
        outcome: &PageOutcome,
    ) -> Result<(i64, ListingWrite), SinkError> {
        let mut find = self.sightings(outcome)?;
        Ok(self
            .store
            .record_page(self.run_id, &self.market, outcome, &mut find)?)
    }
}

/// One worker's sink over a frontier shared by a fleet of workers on PostgreSQL (see the module
/// docs): the engine's [`SharedFrontier`] over [`PgStore::claim`] and the lease-checked records.
pub struct LeasedSink {
    inner: Arc<StoreSink>,
    pg: Arc<PgStore>,
    worker: String,
    lease: Duration,
    model: Arc<Classifier>,
    politeness: Politeness,
}

impl LeasedSink {
    /// `inner` records into `pg` (the same database) for the crawl run; `worker` names the
    /// leases, held `lease` long; `politeness` is the market's, for the whole fleet.
    pub fn new(
        inner: Arc<StoreSink>,
        pg: Arc<PgStore>,
        worker: &str,
        lease: Duration,
        model: Arc<Classifier>,
        politeness: Politeness,
    ) -> LeasedSink {
        LeasedSink {
            inner,
            pg,
            worker: worker.to_string(),
            lease,
            model,
            politeness,
        }
    }
}

/// A store result in which a lost lease is not an error but `None`.
fn unless_lost<T>(r: armswatch_store::Result<T>) -> Result<Option<T>, SinkError> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(StoreError::LeaseLost { .. }) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

impl CrawlSink for LeasedSink {
    fn frontier_contains(&self, url: &str) -> Result<bool, SinkError> {
        self.inner.frontier_contains(url)
    }

    fn frontier_pending(&self, limit: usize) -> Result<Vec<FrontierEntry>, SinkError> {
        self.inner.frontier_pending(limit)
    }

    fn record_page(&self, outcome: &PageOutcome) -> Result<(i64, ListingWrite), SinkError> {
        self.inner.record_page(outcome)
    }

    fn record_failure(&self, update: &FrontierUpdate) -> Result<(), SinkError> {
        self.inner.record_failure(update)
    }

    fn set_market_state(
        &self,
        state: MarketState,
        reason: &str,
        page_id: Option<i64>,
    ) -> Result<(), SinkError> {
        self.inner.set_market_state(state, reason, page_id)
    }
}

impl SharedFrontier for LeasedSink {
    fn claim(&self) -> Result<Claimed, SinkError> {
        let c = blocking(|| {
            self.pg.claim(
                &self.inner.market,
                &self.worker,
                self.lease,
                self.politeness,
            )
        })?;
        Ok(match c {
            Claim::Granted { entry, .. } => Claimed::Granted(entry),
            Claim::Wait(d) => Claimed::Wait(d),
            Claim::Busy => Claimed::Busy,
            Claim::Exhausted => Claimed::Exhausted,
        })
    }

    fn lease(&self) -> Duration {
        self.lease
    }

    fn renew(&self, url: &str) -> Result<bool, SinkError> {
        Ok(blocking(|| {
            self.pg
                .renew_lease(&self.inner.market, &self.worker, url, self.lease)
        })?)
    }

    fn release(&self, url: &str) -> Result<(), SinkError> {
        blocking(|| self.pg.release_lease(&self.inner.market, &self.worker, url))?;
        Ok(())
    }

    fn record_claimed_page(
        &self,
        claimed_url: &str,
        outcome: &PageOutcome,
    ) -> Result<Option<(i64, ListingWrite)>, SinkError> {
        let mut find = self.inner.sightings(outcome)?;
        let model = &self.model;
        let verdicts = |written: &[WrittenListing<'_>]| {
            written
                .iter()
                .map(|w| {
                    let l = w.listing;
                    let v = model.predict_explained_with_category(
                        &l.title,
                        l.description.as_deref().unwrap_or(""),
                        l.category.as_deref(),
                        5,
                    );
                    (w.id, v)
                })
                .collect()
        };
        unless_lost(blocking(|| {
            self.pg.record_claimed_page(
                self.inner.run_id,
                &self.inner.market,
                &self.worker,
                claimed_url,
                outcome,
                &mut find,
                verdicts,
            )
        }))
    }

    fn record_claimed_failure(&self, update: &FrontierUpdate) -> Result<bool, SinkError> {
        let r = unless_lost(blocking(|| {
            self.pg.record_claimed_failure(
                self.inner.run_id,
                &self.inner.market,
                &self.worker,
                update,
            )
        }))?;
        Ok(r.is_some())
    }
}
