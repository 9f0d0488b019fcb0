//! The store interface of a crawl: [`CrawlStore`], the operations the crawl sink and the pipeline
//! need (markets, runs, the frontier, a page with everything it leads to, verdicts), implemented
//! by both backends, the SQLite [`Store`] (the default) and the PostgreSQL [`PgStore`], with the
//! same semantics. [`open_target`] opens either from a `--db` value.

use crate::stats::StatsListing;
use crate::{
    CandidateMarket, FlaggedQuery, FlaggedRow, ListingVersion, PageMeta, SameVendorListing,
    VanishedListing, VendorListing, VendorRecord, VendorRename,
};
use crate::{
    ChainReport, CrawlErrorRecord, EntityRow, FrontierProblem, Lease, MarketMirror, MarketSummary,
    NewReview, PgStore, PresenceEvent, QueueKey, QueuePage, QueuePosition, QueueQuery, Refusal,
    Result, Review, ReviewedListing, RunCounts, RunRecord, Schedule, Sighting, Store,
    StoredListing, StoredPage, StoredVerdict, WrittenListing,
};
use armswatch_core::crawl::{
    FailureKind, FrontierEntry, FrontierUpdate, ListingWrite, MarketState, PageOutcome,
};
use armswatch_core::vendor::{VendorEntity, VendorText};
use armswatch_core::ReviewState;
use armswatch_core::{Listing, MarketId, PgpKey, Verdict};
use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::Arc;

/// The entity callback of [`CrawlStore::record_page`]: given the page id and the listings stored as
/// new or changed, the entities to store with them.
pub type EntityFinder<'f> = dyn FnMut(i64, &[WrittenListing<'_>]) -> Vec<Sighting> + 'f;

/// The verdict callback of a worker's page write: given the listings stored as new or changed,
/// their verdicts, stored in the same transaction.
pub type VerdictFinder<'f> = dyn FnMut(&[WrittenListing<'_>]) -> Vec<(i64, Verdict)> + 'f;

/// What a crawl reads and writes, one transaction per event; see the SQLite [`Store`]'s methods of
/// the same names for the contract of each.
pub trait CrawlStore: Send + Sync + std::fmt::Debug {
    /// The database, for messages: the SQLite file's path or the PostgreSQL URL without password.
    fn describe(&self) -> String;
    /// Adds a market or updates its name and base URL (`None` keeps the old value).
    fn upsert_market(
        &self,
        id: &MarketId,
        name: Option<&str>,
        base_url: Option<&str>,
    ) -> Result<()>;
    /// Records a market's state, its reason and evidence page.
    fn set_market_state(
        &self,
        id: &MarketId,
        state: MarketState,
        reason: &str,
        evidence_page: Option<i64>,
    ) -> Result<()>;
    /// Starts a fresh run with an emptied frontier holding `seeds`; returns the run id.
    fn begin_run(
        &self,
        market: &MarketId,
        transport: &str,
        settings_json: &str,
        seeds: &[FrontierEntry],
    ) -> Result<i64>;
    /// The newest run of `market` still marked `running`.
    fn unfinished_run(&self, market: &MarketId) -> Result<Option<i64>>;
    /// Ends a run, adding `counts` to the counts it kept.
    fn finish_run(&self, run_id: i64, status: &str, counts: RunCounts) -> Result<()>;
    /// One run by id.
    fn run(&self, run_id: i64) -> Result<Option<RunRecord>>;
    /// Whether the market's frontier holds `url`, in any state.
    fn frontier_contains(&self, market: &MarketId, url: &str) -> Result<bool>;
    /// Up to `limit` pending entries, shallowest first, then in insertion order.
    fn frontier_pending(&self, market: &MarketId, limit: usize) -> Result<Vec<FrontierEntry>>;
    /// Frontier entries per state.
    fn frontier_counts(&self, market: &MarketId) -> Result<BTreeMap<String, usize>>;
    /// A fetched page and everything it leads to, in one transaction.
    fn record_page(
        &self,
        run_id: i64,
        market: &MarketId,
        outcome: &PageOutcome,
        entities: &mut EntityFinder<'_>,
    ) -> Result<(i64, ListingWrite)>;
    /// A fetch that produced no page.
    fn record_failure(&self, run_id: i64, market: &MarketId, update: &FrontierUpdate)
        -> Result<()>;
    /// A stored page, its body checked against its SHA-256.
    fn page(&self, id: i64) -> Result<Option<StoredPage>>;
    /// The refusals of a market, oldest first.
    fn refusals(&self, market: &MarketId) -> Result<Vec<Refusal>>;
    /// A listing with its current content and pages.
    fn listing(&self, id: i64) -> Result<Option<StoredListing>>;
    /// The vendor whose listings link to profile page `url`.
    fn vendor_for_url(&self, market: &MarketId, url: &str) -> Result<Option<String>>;
    /// Marks listings no recent finished crawl saw as vanished; returns how many.
    fn mark_vanished(&self, market: &MarketId, after_runs: usize, run_id: i64) -> Result<usize>;
    /// A listing's vanished / reappeared events.
    fn listing_presence(&self, listing_id: i64) -> Result<Vec<PresenceEvent>>;
    /// The entities found in a listing.
    fn listing_entities(&self, listing_id: i64) -> Result<Vec<EntityRow>>;
    /// Listings whose current version has no verdict from `model_version`, oldest first.
    fn listings_needing_verdict(
        &self,
        model_version: &str,
        limit: usize,
    ) -> Result<Vec<(i64, Listing)>>;
    /// Verdicts for listings, in one transaction; returns their ids.
    fn save_verdicts(&self, verdicts: &[(i64, Verdict)]) -> Result<Vec<i64>>;
    /// Marks a run stopped by a wall (`walled`), to resume once the wall is gone.
    fn mark_run_walled(&self, run_id: i64) -> Result<()>;
    /// Stores an error met while crawling `market`; returns its id.
    fn add_crawl_error(
        &self,
        market: &MarketId,
        run_id: Option<i64>,
        kind: &str,
        message: &str,
    ) -> Result<i64>;
    /// Listings found on the pages of a run (new, changed or unchanged).
    fn listings_seen_in_run(&self, run_id: i64) -> Result<usize>;
    /// Records how many listings a run saw.
    fn set_run_listings_seen(&self, run_id: i64, seen: usize) -> Result<()>;
    /// The newest finished run of `market` other than `except` with its listings seen.
    fn previous_finished_run(&self, market: &MarketId, except: i64)
        -> Result<Option<(i64, usize)>>;
    /// Sets the session cookie of `market`; it overrides the profile's.
    fn set_market_session(&self, market: &MarketId, cookie: &str) -> Result<()>;
    /// The session cookie set for `market` and when, if any.
    fn market_session(&self, market: &MarketId) -> Result<Option<(String, i64)>>;
    /// Records mirrors of a market from a list it signed; returns how many were new.
    fn add_market_mirrors(
        &self,
        market: &MarketId,
        origins: &[String],
        signer: &str,
        list_sha256: &str,
    ) -> Result<usize>;
    /// The market's imported mirrors, oldest first (the crawl adds them to the profile's hosts).
    fn market_mirrors(&self, market: &MarketId) -> Result<Vec<MarketMirror>>;
    /// How many of the market's frontier URLs failed, by kind of failure.
    fn frontier_failure_counts(&self, market: &MarketId) -> Result<BTreeMap<FailureKind, usize>>;
}

/// What the review workspace and `armswatch status` read and write, on top of a crawl's
/// operations: implemented by both backends with the same semantics (the SQLite [`Store`]'s
/// methods of the same names give the contract of each).
pub trait CaseStore: CrawlStore {
    /// Every market, by id, with its state, counts and newest run.
    fn markets(&self) -> Result<Vec<MarketSummary>>;
    /// The market's newest failed and refused frontier entries, at most `limit`.
    fn frontier_problems(&self, market: &MarketId, limit: usize) -> Result<Vec<FrontierProblem>>;
    /// The market's newest refusals, at most `limit`.
    fn recent_refusals(&self, market: &MarketId, limit: usize) -> Result<Vec<Refusal>>;
    /// The URLs of the market that workers of a fleet are fetching now (live leases), oldest
    /// expiry first.
    fn leases(&self, market: &MarketId) -> Result<Vec<Lease>>;
    /// A listing's newest verdict.
    fn latest_verdict(&self, listing_id: i64) -> Result<Option<StoredVerdict>>;
    /// Records a decision, chained to the newest review.
    fn add_review(&self, new: &NewReview) -> Result<Review>;
    /// The decisions on a listing, oldest first.
    fn reviews_of(&self, listing_id: i64) -> Result<Vec<Review>>;
    /// Checks every review's hash and the chain.
    fn verify_reviews(&self) -> Result<ChainReport>;
    /// One page of the review queue.
    fn queue(&self, query: &QueueQuery, at: &QueuePosition) -> Result<QueuePage>;
    /// A listing's queue key, `None` when it has no verdict.
    fn queue_key(&self, listing_id: i64) -> Result<Option<QueueKey>>;
    /// How many flagged listings are in each review state.
    fn queue_state_counts(&self) -> Result<BTreeMap<ReviewState, usize>>;
    /// The schedule of `market`, if it has one.
    fn schedule(&self, market: &MarketId) -> Result<Option<Schedule>>;
    /// The newest `limit` errors stored for `market`, newest first.
    fn recent_crawl_errors(&self, market: &MarketId, limit: usize)
        -> Result<Vec<CrawlErrorRecord>>;
    /// Flagged listings of `market` first seen at or after `since`.
    fn flagged_since(&self, market: &MarketId, since: i64) -> Result<usize>;

    // What the review UI, evidence exports and the reading commands (`flagged`, `listings`,
    // `stats`, `vendors`, `research`, `markets candidates`) read.

    /// The evidence records of the pages a listing was parsed from, oldest first.
    fn listing_pages(&self, listing_id: i64) -> Result<Vec<PageMeta>>;
    /// The earlier contents of a listing, oldest first.
    fn listing_versions(&self, listing_id: i64) -> Result<Vec<ListingVersion>>;
    /// Other listings with exactly this vendor name (any market), highest score first.
    fn same_vendor_listings(
        &self,
        vendor: &str,
        except: i64,
        limit: usize,
    ) -> Result<Vec<SameVendorListing>>;
    /// Ids of the listings parsed from a page, by id.
    fn page_listings(&self, page_id: i64) -> Result<Vec<i64>>;
    /// Ids of the listings whose newest verdict is flagged, by id.
    fn flagged_listing_ids(&self) -> Result<Vec<i64>>;
    /// Ids of the reviewed listings (in `state` when given), by id.
    fn reviewed_listing_ids(&self, state: Option<ReviewState>) -> Result<Vec<i64>>;
    /// Each reviewed listing's newest decision with the content it was made on, by listing id
    /// (`train --with-reviews`, `eval --reviews`).
    fn reviewed_listings(&self, state: Option<ReviewState>) -> Result<Vec<ReviewedListing>>;
    /// Calls `f` with each flagged listing, highest score first, as the database streams them,
    /// until `f` breaks; returns how many rows `f` took.
    fn each_flagged(
        &self,
        query: &FlaggedQuery,
        f: &mut dyn FnMut(FlaggedRow) -> ControlFlow<()>,
    ) -> Result<usize>;
    /// Listings marked vanished (of one market, or all), most recently vanished first.
    fn vanished_listings(&self, market: Option<&MarketId>) -> Result<Vec<VanishedListing>>;
    /// Every listing with its labels, flag and price history, for [`crate::stats::aggregate`].
    fn stats_listings(&self) -> Result<Vec<StatsListing>>;
    /// Vendor records, by market then name; only `name` (exact, any market) when given.
    fn vendors(&self, name: Option<&str>) -> Result<Vec<VendorRecord>>;
    /// Every sighting of a personal entity (not onion addresses) attributed to a vendor.
    fn vendor_entities(&self) -> Result<Vec<EntityRow>>;
    /// The inputs of vendor linking: entities seen with vendors and their listing texts.
    fn vendor_link_inputs(&self) -> Result<(Vec<VendorEntity>, Vec<VendorText>)>;
    /// A vendor's listings on a market, newest first.
    fn vendor_listings(&self, market: &MarketId, name: &str) -> Result<Vec<VendorListing>>;
    /// Vendor names that changed, oldest first.
    fn vendor_renames(&self) -> Result<Vec<VendorRename>>;
    /// The parsed key with this fingerprint, if a key block for it was seen.
    fn pgp_key(&self, fingerprint: &str) -> Result<Option<PgpKey>>;
    /// Onion addresses seen in market text that are no known market's, most widely seen first.
    fn candidate_markets(&self) -> Result<Vec<CandidateMarket>>;

    /// The listings just before and after `listing_id` in the queue's order with these filters
    /// (for "previous" and "next" from a listing's page). `None` when the listing has no verdict.
    fn queue_neighbours(
        &self,
        query: &QueueQuery,
        listing_id: i64,
    ) -> Result<Option<(Option<i64>, Option<i64>)>> {
        let Some(key) = self.queue_key(listing_id)? else {
            return Ok(None);
        };
        let one = QueueQuery {
            limit: 1,
            ..query.clone()
        };
        let prev = self.queue(&one, &QueuePosition::Before(key.clone()))?;
        let next = self.queue(&one, &QueuePosition::After(key))?;
        Ok(Some((
            prev.rows.first().map(|r| r.listing_id),
            next.rows.first().map(|r| r.listing_id),
        )))
    }
}

/// Delegates [`CaseStore`] to the inherent methods of the same names.
macro_rules! delegate_case {
    ($t:ty) => {
        impl CaseStore for $t {
            fn markets(&self) -> Result<Vec<MarketSummary>> {
                <$t>::markets(self)
            }
            fn frontier_problems(
                &self,
                market: &MarketId,
                limit: usize,
            ) -> Result<Vec<FrontierProblem>> {
                <$t>::frontier_problems(self, market, limit)
            }
            fn recent_refusals(&self, market: &MarketId, limit: usize) -> Result<Vec<Refusal>> {
                <$t>::recent_refusals(self, market, limit)
            }
            fn leases(&self, market: &MarketId) -> Result<Vec<Lease>> {
                <$t>::leases(self, market)
            }
            fn latest_verdict(&self, listing_id: i64) -> Result<Option<StoredVerdict>> {
                <$t>::latest_verdict(self, listing_id)
            }
            fn add_review(&self, new: &NewReview) -> Result<Review> {
                <$t>::add_review(self, new)
            }
            fn reviews_of(&self, listing_id: i64) -> Result<Vec<Review>> {
                <$t>::reviews_of(self, listing_id)
            }
            fn verify_reviews(&self) -> Result<ChainReport> {
                <$t>::verify_reviews(self)
            }
            fn queue(&self, query: &QueueQuery, at: &QueuePosition) -> Result<QueuePage> {
                <$t>::queue(self, query, at)
            }
            fn queue_key(&self, listing_id: i64) -> Result<Option<QueueKey>> {
                <$t>::queue_key(self, listing_id)
            }
            fn queue_state_counts(&self) -> Result<BTreeMap<ReviewState, usize>> {
                <$t>::queue_state_counts(self)
            }
            fn schedule(&self, market: &MarketId) -> Result<Option<Schedule>> {
                <$t>::schedule(self, market)
            }
            fn recent_crawl_errors(
                &self,
                market: &MarketId,
                limit: usize,
            ) -> Result<Vec<CrawlErrorRecord>> {
                <$t>::recent_crawl_errors(self, market, limit)
            }
            fn flagged_since(&self, market: &MarketId, since: i64) -> Result<usize> {
                <$t>::flagged_since(self, market, since)
            }
            fn listing_pages(&self, listing_id: i64) -> Result<Vec<PageMeta>> {
                <$t>::listing_pages(self, listing_id)
            }
            fn listing_versions(&self, listing_id: i64) -> Result<Vec<ListingVersion>> {
                <$t>::listing_versions(self, listing_id)
            }
            fn same_vendor_listings(
                &self,
                vendor: &str,
                except: i64,
                limit: usize,
            ) -> Result<Vec<SameVendorListing>> {
                <$t>::same_vendor_listings(self, vendor, except, limit)
            }
            fn page_listings(&self, page_id: i64) -> Result<Vec<i64>> {
                <$t>::page_listings(self, page_id)
            }
            fn flagged_listing_ids(&self) -> Result<Vec<i64>> {
                <$t>::flagged_listing_ids(self)
            }
            fn reviewed_listing_ids(&self, state: Option<ReviewState>) -> Result<Vec<i64>> {
                <$t>::reviewed_listing_ids(self, state)
            }
            fn reviewed_listings(
                &self,
                state: Option<ReviewState>,
            ) -> Result<Vec<ReviewedListing>> {
                <$t>::reviewed_listings(self, state)
            }
            fn each_flagged(
                &self,
                query: &FlaggedQuery,
                f: &mut dyn FnMut(FlaggedRow) -> ControlFlow<()>,
            ) -> Result<usize> {
                <$t>::each_flagged(self, query, f)
            }
            fn vanished_listings(&self, market: Option<&MarketId>) -> Result<Vec<VanishedListing>> {
                <$t>::vanished_listings(self, market)
            }
            fn stats_listings(&self) -> Result<Vec<StatsListing>> {
                <$t>::stats_listings(self)
            }
            fn vendors(&self, name: Option<&str>) -> Result<Vec<VendorRecord>> {
                <$t>::vendors(self, name)
            }
            fn vendor_entities(&self) -> Result<Vec<EntityRow>> {
                <$t>::vendor_entities(self)
            }
            fn vendor_link_inputs(&self) -> Result<(Vec<VendorEntity>, Vec<VendorText>)> {
                <$t>::vendor_link_inputs(self)
            }
            fn vendor_listings(&self, market: &MarketId, name: &str) -> Result<Vec<VendorListing>> {
                <$t>::vendor_listings(self, market, name)
            }
            fn vendor_renames(&self) -> Result<Vec<VendorRename>> {
                <$t>::vendor_renames(self)
            }
            fn pgp_key(&self, fingerprint: &str) -> Result<Option<PgpKey>> {
                <$t>::pgp_key(self, fingerprint)
            }
            fn candidate_markets(&self) -> Result<Vec<CandidateMarket>> {
                <$t>::candidate_markets(self)
            }
        }
    };
}

delegate_case!(Store);
delegate_case!(PgStore);

/// Opens the database a `--db` value names: `postgres://…` or `postgresql://…` is PostgreSQL,
/// `sqlite:PATH` or a bare path is a SQLite file (created if missing).
pub fn open_target(target: &str) -> Result<Arc<dyn CrawlStore>> {
    if crate::is_postgres_url(target) {
        return Ok(Arc::new(PgStore::connect(target)?));
    }
    let path = target.strip_prefix("sqlite:").unwrap_or(target);
    Ok(Arc::new(Store::open(Path::new(path))?))
}

/// Delegates to the inherent methods of the same names.
macro_rules! delegate {
    ($t:ty, $describe:expr) => {
        impl CrawlStore for $t {
            fn describe(&self) -> String {
                let f: fn(&$t) -> String = $describe;
                f(self)
            }
            fn upsert_market(
                &self,
                id: &MarketId,
                name: Option<&str>,
                base_url: Option<&str>,
            ) -> Result<()> {
                <$t>::upsert_market(self, id, name, base_url)
            }
            fn set_market_state(
                &self,
                id: &MarketId,
                state: MarketState,
                reason: &str,
                evidence_page: Option<i64>,
            ) -> Result<()> {
                <$t>::set_market_state(self, id, state, reason, evidence_page)
            }
            fn begin_run(
                &self,
                market: &MarketId,
                transport: &str,
                settings_json: &str,
                seeds: &[FrontierEntry],
            ) -> Result<i64> {
                <$t>::begin_run(self, market, transport, settings_json, seeds)
            }
            fn unfinished_run(&self, market: &MarketId) -> Result<Option<i64>> {
                <$t>::unfinished_run(self, market)
            }
            fn finish_run(&self, run_id: i64, status: &str, counts: RunCounts) -> Result<()> {
                <$t>::finish_run(self, run_id, status, counts)
            }
            fn run(&self, run_id: i64) -> Result<Option<RunRecord>> {
                <$t>::run(self, run_id)
            }
            fn frontier_contains(&self, market: &MarketId, url: &str) -> Result<bool> {
                <$t>::frontier_contains(self, market, url)
            }
            fn frontier_pending(
                &self,
                market: &MarketId,
                limit: usize,
            ) -> Result<Vec<FrontierEntry>> {
                <$t>::frontier_pending(self, market, limit)
            }
            fn frontier_counts(&self, market: &MarketId) -> Result<BTreeMap<String, usize>> {
                <$t>::frontier_counts(self, market)
            }
            fn record_page(
                &self,
                run_id: i64,
                market: &MarketId,
                outcome: &PageOutcome,
                entities: &mut EntityFinder<'_>,
            ) -> Result<(i64, ListingWrite)> {
                <$t>::record_page(self, run_id, market, outcome, |id, w| entities(id, w))
            }
            fn record_failure(
                &self,
                run_id: i64,
                market: &MarketId,
                update: &FrontierUpdate,
            ) -> Result<()> {
                <$t>::record_failure(self, run_id, market, update)
            }
            fn page(&self, id: i64) -> Result<Option<StoredPage>> {
                <$t>::page(self, id)
            }
            fn refusals(&self, market: &MarketId) -> Result<Vec<Refusal>> {
                <$t>::refusals(self, market)
            }
            fn listing(&self, id: i64) -> Result<Option<StoredListing>> {
                <$t>::listing(self, id)
            }
            fn vendor_for_url(&self, market: &MarketId, url: &str) -> Result<Option<String>> {
                <$t>::vendor_for_url(self, market, url)
            }
            fn mark_vanished(
                &self,
                market: &MarketId,
                after_runs: usize,
                run_id: i64,
            ) -> Result<usize> {
                <$t>::mark_vanished(self, market, after_runs, run_id)
            }
            fn listing_presence(&self, listing_id: i64) -> Result<Vec<PresenceEvent>> {
                <$t>::listing_presence(self, listing_id)
            }
            fn listing_entities(&self, listing_id: i64) -> Result<Vec<EntityRow>> {
                <$t>::listing_entities(self, listing_id)
            }
            fn listings_needing_verdict(
                &self,
                model_version: &str,
                limit: usize,
            ) -> Result<Vec<(i64, Listing)>> {
                <$t>::listings_needing_verdict(self, model_version, limit)
            }
            fn save_verdicts(&self, verdicts: &[(i64, Verdict)]) -> Result<Vec<i64>> {
                <$t>::save_verdicts(self, verdicts)
            }
            fn mark_run_walled(&self, run_id: i64) -> Result<()> {
                <$t>::mark_run_walled(self, run_id)
            }
            fn add_crawl_error(
                &self,
                market: &MarketId,
                run_id: Option<i64>,
                kind: &str,
                message: &str,
            ) -> Result<i64> {
                <$t>::add_crawl_error(self, market, run_id, kind, message)
            }
            fn listings_seen_in_run(&self, run_id: i64) -> Result<usize> {
                <$t>::listings_seen_in_run(self, run_id)
            }
            fn set_run_listings_seen(&self, run_id: i64, seen: usize) -> Result<()> {
                <$t>::set_run_listings_seen(self, run_id, seen)
            }
            fn previous_finished_run(
                &self,
                market: &MarketId,
                except: i64,
            ) -> Result<Option<(i64, usize)>> {
                <$t>::previous_finished_run(self, market, except)
            }
            fn set_market_session(&self, market: &MarketId, cookie: &str) -> Result<()> {
                <$t>::set_market_session(self, market, cookie)
            }
            fn market_session(&self, market: &MarketId) -> Result<Option<(String, i64)>> {
                <$t>::market_session(self, market)
            }
            fn add_market_mirrors(
                &self,
                market: &MarketId,
                origins: &[String],
                signer: &str,
                list_sha256: &str,
            ) -> Result<usize> {
                <$t>::add_market_mirrors(self, market, origins, signer, list_sha256)
            }
            fn market_mirrors(&self, market: &MarketId) -> Result<Vec<MarketMirror>> {
                <$t>::market_mirrors(self, market)
            }
            fn frontier_failure_counts(
                &self,
                market: &MarketId,
            ) -> Result<BTreeMap<FailureKind, usize>> {
                <$t>::frontier_failure_counts(self, market)
            }
        }
    };
}

delegate!(Store, |s| format!("sqlite:{}", s.path().display()));
delegate!(PgStore, |s| s.target().to_string());
