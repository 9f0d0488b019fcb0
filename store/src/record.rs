//! What a crawl writes, one transaction per event: a run begins (with its seeded frontier), a page
//! comes back (the page, its listings, its links, its refusals, its URL's new state and the run's
//! counts), a fetch fails. A crawl killed at any moment therefore leaves either all of an event or
//! none of it: a stored page's URL is never fetched again, a URL whose page was lost is still
//! pending. Also the failed and refused frontier entries `status` shows.

use crate::{now, Refusal, Result, RunCounts, Sighting, Store};
use armswatch_core::crawl::{
    FailureKind, FrontierEntry, FrontierState, FrontierUpdate, ListingWrite, PageOutcome,
};
use armswatch_core::{Listing, MarketId};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// A listing that [`Store::record_page`] stored as new or changed, with its row id and version: the
/// input of the entity callback.
#[derive(Debug, Clone, Copy)]
pub struct WrittenListing<'a> {
    pub id: i64,
    pub version: u32,
    pub listing: &'a Listing,
}

/// A frontier entry that failed or was refused, with its last error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FrontierProblem {
    pub url: String,
    /// `failed` or `refused`.
    pub state: String,
    pub error: String,
    /// What kind of failure (`None` for refusals and failures stored before kinds were).
    pub failure: Option<FailureKind>,
    /// When the entry last changed, unix seconds.
    pub at: i64,
}

impl Store {
    /// Starts a fresh crawl run of `market`: the run, an emptied frontier and the seed URLs, in one
    /// transaction (a crawl killed right after starting resumes with its seeds). Returns the run id.
    #[tracing::instrument(level = "debug", skip_all, fields(market = %market, seeds = seeds.len()))]
    pub fn begin_run(
        &self,
        market: &MarketId,
        transport: &str,
        settings_json: &str,
        seeds: &[FrontierEntry],
    ) -> Result<i64> {
        self.write("begin run", |tx| {
            let run = self.start_run_tx(tx, market, transport, settings_json)?;
            tx.execute(
                "DELETE FROM frontier WHERE market_id = ?1",
                [market.as_str()],
            )
            .map_err(self.q("begin run"))?;
            self.frontier_add_tx(tx, market, run, seeds)?;
            Ok(run)
        })
    }

    /// Records one fetched page and everything it leads to in one transaction: the page, its
    /// listings, new frontier entries, refused URLs (once per run each), the URL's new state, the
    /// run's counts, and the entities `entities` finds given the page id and the listings stored
    /// as new or changed (it runs inside the transaction: keep it to computation). Returns the page
    /// id and what storing the listings did.
    #[tracing::instrument(level = "debug", skip_all, fields(market = %market, run_id = run_id, url = %outcome.page.requested_url))]
    pub fn record_page(
        &self,
        run_id: i64,
        market: &MarketId,
        outcome: &PageOutcome,
        entities: impl FnOnce(i64, &[WrittenListing<'_>]) -> Vec<Sighting>,
    ) -> Result<(i64, ListingWrite)> {
        let at = now();
        self.write("record page", |tx| {
            let page_id = self.insert_page_tx(tx, run_id, market, &outcome.page)?;
            let written = if outcome.listings.is_empty() {
                ListingWrite::default()
            } else {
                self.save_listings_tx(tx, market, page_id, at, &outcome.listings)?
            };
            if !outcome.new_entries.is_empty() {
                self.frontier_add_tx(tx, market, run_id, &outcome.new_entries)?;
            }
            let from = Some(outcome.page.final_url.as_str());
            for (url, reason) in &outcome.refusals {
                self.record_refusal_tx(tx, run_id, market, url, from, reason)?;
            }
            let written_listings =
                self.written_listings_tx(tx, market, &outcome.listings, &written)?;
            let sightings = entities(page_id, &written_listings);
            if !sightings.is_empty() {
                self.save_entities_tx(tx, market, at, &sightings)?;
            }
            let mut failed = false;
            if let Some(u) = &outcome.frontier {
                failed = u.state == FrontierState::Failed;
                self.frontier_set_tx(tx, market, u)?;
            }
            let delta = RunCounts {
                pages_fetched: 1,
                listings_new: written.new,
                listings_changed: written.changed,
                errors: usize::from(failed),
            };
            self.add_run_counts_tx(tx, run_id, delta)?;
            Ok((page_id, written))
        })
    }

    /// The listings of `listings` that `written` stored as new or changed, with id and version.
    fn written_listings_tx<'a>(
        &self,
        tx: &rusqlite::Transaction<'_>,
        market: &MarketId,
        listings: &'a [Listing],
        written: &ListingWrite,
    ) -> Result<Vec<WrittenListing<'a>>> {
        if written.to_classify.is_empty() {
            return Ok(Vec::new());
        }
        let q = self.q("record page");
        let mut find = tx
            .prepare_cached(
                "SELECT id, version FROM listings WHERE market_id = ?1 AND canonical_url = ?2",
            )
            .map_err(&q)?;
        let mut out = Vec::new();
        for l in listings {
            let row: Option<(i64, u32)> = find
                .query_row(params![market.as_str(), l.url], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()
                .map_err(&q)?;
            if let Some((id, version)) = row.filter(|(id, _)| written.to_classify.contains(id)) {
                // A URL the page lists twice: once, where first listed, with the content stored
                // last (the one `version` holds).
                match out
                    .iter_mut()
                    .find(|w: &&mut WrittenListing<'_>| w.id == id)
                {
                    Some(w) => w.listing = l,
                    None => out.push(WrittenListing {
                        id,
                        version,
                        listing: l,
                    }),
                }
            }
        }
        Ok(out)
    }

    /// Records a fetch that produced no page: the URL's new state and error, the refusal when the
    /// policy refused it, and the run's error count, in one transaction.
    #[tracing::instrument(level = "debug", skip_all, fields(market = %market, run_id = run_id, url = %update.url))]
    pub fn record_failure(
        &self,
        run_id: i64,
        market: &MarketId,
        update: &FrontierUpdate,
    ) -> Result<()> {
        self.write("record failure", |tx| {
            let error = update.error.as_deref().unwrap_or("failed");
            if update.state == FrontierState::Refused {
                self.record_refusal_tx(tx, run_id, market, &update.url, None, error)?;
            }
            let stored = FrontierUpdate {
                error: Some(error.to_string()),
                ..update.clone()
            };
            self.frontier_set_tx(tx, market, &stored)?;
            if update.state == FrontierState::Failed {
                let delta = RunCounts {
                    errors: 1,
                    ..RunCounts::default()
                };
                self.add_run_counts_tx(tx, run_id, delta)?;
            }
            Ok(())
        })
    }

    /// The market's failed and refused frontier entries with their errors, newest first, at most
    /// `limit`.
    #[tracing::instrument(level = "trace", skip_all, fields(market = %market))]
    pub fn frontier_problems(
        &self,
        market: &MarketId,
        limit: usize,
    ) -> Result<Vec<FrontierProblem>> {
        let q = self.q("read frontier problems");
        let limit_sql = i64::try_from(limit).unwrap_or(i64::MAX);
        // One indexed, ordered query per state (no sort over a market's every failure), merged.
        let mut rows = self.read(|c| {
            let mut st = c
                .prepare_cached(
                    "SELECT url, state, coalesce(last_error, ''), updated_at, rowid, failure FROM frontier
                     WHERE market_id = ?1 AND state = ?2
                     ORDER BY updated_at DESC, rowid DESC LIMIT ?3",
                )
                .map_err(&q)?;
            let mut rows = Vec::new();
            for state in ["failed", "refused"] {
                let part = st
                    .query_map(params![market.as_str(), state, limit_sql], |r| {
                        Ok((
                            FrontierProblem {
                                url: r.get(0)?,
                                state: r.get(1)?,
                                error: r.get(2)?,
                                at: r.get(3)?,
                                failure: r
                                    .get::<_, Option<String>>(5)?
                                    .and_then(|f| f.parse().ok()),
                            },
                            r.get::<_, i64>(4)?,
                        ))
                    })
                    .map_err(&q)?
                    .collect::<rusqlite::Result<Vec<_>>>()
                    .map_err(&q)?;
                rows.extend(part);
            }
            Ok(rows)
        })?;
        rows.sort_by_key(|(p, rowid)| std::cmp::Reverse((p.at, *rowid)));
        Ok(rows.into_iter().take(limit).map(|(p, _)| p).collect())
    }

    /// The market's newest refusals, at most `limit`, newest first.
    #[tracing::instrument(level = "trace", skip_all, fields(market = %market))]
    pub fn recent_refusals(&self, market: &MarketId, limit: usize) -> Result<Vec<Refusal>> {
        let q = self.q("read refusals");
        self.read(|c| {
            let mut st = c
                .prepare_cached(
                    "SELECT id, run_id, market_id, url, from_url, reason, at FROM refusals
                     WHERE market_id = ?1 ORDER BY at DESC, id DESC LIMIT ?2",
                )
                .map_err(&q)?;
            let limit = i64::try_from(limit).unwrap_or(i64::MAX);
            let rows = st
                .query_map(params![market.as_str(), limit], |r| {
                    Ok(Refusal {
                        id: r.get(0)?,
                        run_id: r.get(1)?,
                        market: MarketId(r.get(2)?),
                        url: r.get(3)?,
                        from_url: r.get(4)?,
                        reason: r.get(5)?,
                        at: r.get(6)?,
                    })
                })
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            Ok(rows)
        })
    }
}
