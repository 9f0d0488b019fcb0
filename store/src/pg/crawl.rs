//! Markets, crawl runs, the frontier, pages and refusals on PostgreSQL, with the SQLite backend's
//! semantics (`markets.rs`, `frontier.rs`, `pages.rs`, `record.rs`): one transaction per event, a
//! page stored together with everything it leads to. Inserts that race another worker's (the same
//! frontier URL, market) end in `ON CONFLICT`, never in a duplicate.

use super::PgStore;
use crate::pages::{sha256_hex, ZSTD_LEVEL};
use crate::{
    now, EntityFinder, Refusal, Result, RunCounts, RunRecord, Sighting, StoreError, StoredPage,
    VerdictFinder, WrittenListing, RUN_STATUSES,
};
use armswatch_core::crawl::{
    FailureKind, FetchedPage, FrontierEntry, FrontierState, FrontierUpdate, ListingWrite,
    MarketState, PageKind, PageOutcome,
};
use armswatch_core::MarketId;
use deadpool_postgres::Transaction;
use std::collections::BTreeMap;
use std::path::PathBuf;
use tokio_postgres::Row;

const RUN_COLS: &str = "id, market_id, started_at, finished_at, status, transport, settings_json, \
                        pages_fetched, listings_new, listings_changed, errors";

pub(super) fn i64_of(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub(super) fn usize_of(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

pub(super) fn u32_of(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn run_from_row(r: &Row) -> Result<RunRecord, tokio_postgres::Error> {
    Ok(RunRecord {
        id: r.try_get(0)?,
        market: MarketId(r.try_get(1)?),
        started_at: r.try_get(2)?,
        finished_at: r.try_get(3)?,
        status: r.try_get(4)?,
        transport: r.try_get(5)?,
        settings_json: r.try_get(6)?,
        counts: RunCounts {
            pages_fetched: usize_of(r.try_get(7)?),
            listings_new: usize_of(r.try_get(8)?),
            listings_changed: usize_of(r.try_get(9)?),
            errors: usize_of(r.try_get(10)?),
        },
    })
}

impl PgStore {
    /// Adds a market, or updates the name and base URL of a known one (a `None` keeps the old value).
    pub fn upsert_market(
        &self,
        id: &MarketId,
        name: Option<&str>,
        base_url: Option<&str>,
    ) -> Result<()> {
        self.write("upsert market", async |tx| {
            tx.execute(
                "INSERT INTO markets (id, name, base_url, created_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (id) DO UPDATE SET
                     name = coalesce(excluded.name, markets.name),
                     base_url = coalesce(excluded.base_url, markets.base_url)",
                &[&id.as_str(), &name, &base_url, &now()],
            )
            .await
            .map_err(self.q("upsert market"))?;
            Ok(())
        })
    }

    /// Records a market's state with the reason and evidence page; a change is kept in the history.
    pub fn set_market_state(
        &self,
        id: &MarketId,
        state: MarketState,
        reason: &str,
        evidence_page: Option<i64>,
    ) -> Result<()> {
        let at = now();
        self.write("set market state", async |tx| {
            let q = self.q("set market state");
            tx.execute(
                "INSERT INTO markets (id, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &[&id.as_str(), &at],
            )
            .await
            .map_err(&q)?;
            let old: Option<String> = tx
                .query_one(
                    "SELECT CASE WHEN state_changed_at IS NULL THEN NULL ELSE state END
                     FROM markets WHERE id = $1 FOR UPDATE",
                    &[&id.as_str()],
                )
                .await
                .and_then(|r| r.try_get(0))
                .map_err(&q)?;
            let changed = old.as_deref() != Some(state.as_str());
            tx.execute(
                "UPDATE markets SET state = $2, state_reason = $3, state_page_id = $4,
                     state_changed_at = CASE WHEN $5 THEN $6 ELSE state_changed_at END
                 WHERE id = $1",
                &[
                    &id.as_str(),
                    &state.as_str(),
                    &reason,
                    &evidence_page,
                    &changed,
                    &at,
                ],
            )
            .await
            .map_err(&q)?;
            if changed {
                tx.execute(
                    "INSERT INTO market_state_history (market_id, state, reason, page_id, at)
                     VALUES ($1, $2, $3, $4, $5)",
                    &[&id.as_str(), &state.as_str(), &reason, &evidence_page, &at],
                )
                .await
                .map_err(&q)?;
            }
            Ok(())
        })
    }

    /// The market's state as recorded (`ok` for a market never marked).
    pub fn market_state(&self, id: &MarketId) -> Result<Option<(MarketState, Option<String>)>> {
        let row: Option<(String, Option<String>)> = self.read(async |c| {
            c.query_opt(
                "SELECT state, state_reason FROM markets WHERE id = $1",
                &[&id.as_str()],
            )
            .await
            .and_then(|r| r.map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).transpose())
            .map_err(self.q("read market state"))
        })?;
        row.map(|(s, reason)| {
            s.parse::<MarketState>()
                .map(|s| (s, reason))
                .map_err(|e| self.bad("markets.state", e))
        })
        .transpose()
    }

    /// Starts a fresh crawl run of `market`: the run, an emptied frontier and the seeds, in one
    /// transaction. Returns the run id.
    pub fn begin_run(
        &self,
        market: &MarketId,
        transport: &str,
        settings_json: &str,
        seeds: &[FrontierEntry],
    ) -> Result<i64> {
        self.write("begin run", async |tx| {
            let q = self.q("begin run");
            let at = now();
            tx.execute(
                "INSERT INTO markets (id, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &[&market.as_str(), &at],
            )
            .await
            .map_err(&q)?;
            let run: i64 = tx
                .query_one(
                    "INSERT INTO crawl_runs (market_id, started_at, status, transport, settings_json)
                     VALUES ($1, $2, 'running', $3, $4) RETURNING id",
                    &[&market.as_str(), &at, &transport, &settings_json],
                )
                .await
                .and_then(|r| r.try_get(0))
                .map_err(&q)?;
            tx.execute(
                "DELETE FROM frontier WHERE market_id = $1",
                &[&market.as_str()],
            )
            .await
            .map_err(&q)?;
            self.frontier_add_tx(tx, market, run, seeds).await?;
            Ok(run)
        })
    }

    /// The newest run of `market` still marked `running` (a crawl that was killed or stopped) or
    /// `walled` (stopped by a wall), to resume.
    pub fn unfinished_run(&self, market: &MarketId) -> Result<Option<i64>> {
        self.read(async |c| {
            c.query_one(
                "SELECT max(id) FROM crawl_runs
                 WHERE market_id = $1 AND status IN ('running', 'walled')",
                &[&market.as_str()],
            )
            .await
            .and_then(|r| r.try_get(0))
            .map_err(self.q("find unfinished run"))
        })
    }

    /// One run by id.
    pub fn run(&self, run_id: i64) -> Result<Option<RunRecord>> {
        self.read(async |c| {
            c.query_opt(
                &format!("SELECT {RUN_COLS} FROM crawl_runs WHERE id = $1"),
                &[&run_id],
            )
            .await
            .and_then(|r| r.as_ref().map(run_from_row).transpose())
            .map_err(self.q("read run"))
        })
    }

    /// Ends a run: its status (not `running`), finish time, and `counts` ADDED to its counts.
    pub fn finish_run(&self, run_id: i64, status: &str, counts: RunCounts) -> Result<()> {
        if status == "running" || !RUN_STATUSES.contains(&status) {
            return Err(self.misuse(format!("finish_run: bad run status {status:?}")));
        }
        self.write("finish run", async |tx| {
            let n = tx
                .execute(
                    "UPDATE crawl_runs SET status = $2, finished_at = $3,
                         pages_fetched = pages_fetched + $4, listings_new = listings_new + $5,
                         listings_changed = listings_changed + $6, errors = errors + $7
                     WHERE id = $1",
                    &[
                        &run_id,
                        &status,
                        &now(),
                        &i64_of(counts.pages_fetched),
                        &i64_of(counts.listings_new),
                        &i64_of(counts.listings_changed),
                        &i64_of(counts.errors),
                    ],
                )
                .await
                .map_err(self.q("finish run"))?;
            if n == 0 {
                return Err(self.misuse(format!("finish_run: no run {run_id}")));
            }
            Ok(())
        })
    }

    async fn add_run_counts_tx(
        &self,
        tx: &Transaction<'_>,
        run_id: i64,
        delta: RunCounts,
    ) -> Result<()> {
        let n = tx
            .execute(
                "UPDATE crawl_runs SET pages_fetched = pages_fetched + $2,
                     listings_new = listings_new + $3,
                     listings_changed = listings_changed + $4, errors = errors + $5
                 WHERE id = $1",
                &[
                    &run_id,
                    &i64_of(delta.pages_fetched),
                    &i64_of(delta.listings_new),
                    &i64_of(delta.listings_changed),
                    &i64_of(delta.errors),
                ],
            )
            .await
            .map_err(self.q("add run counts"))?;
        if n == 0 {
            return Err(self.misuse(format!("add_run_counts: no run {run_id}")));
        }
        Ok(())
    }

    /// Adds entries as `pending`; URLs already in the frontier are left alone. Returns how many
    /// were new.
    pub(super) async fn frontier_add_tx(
        &self,
        tx: &Transaction<'_>,
        market: &MarketId,
        run_id: i64,
        entries: &[FrontierEntry],
    ) -> Result<usize> {
        let q = self.q("add to frontier");
        if entries.is_empty() {
            return Ok(0);
        }
        // One statement for the page's links, in order (the queue's `seq` follows it); a URL
        // listed twice is added once, as its first entry.
        let st = tx
            .prepare_cached(
                "INSERT INTO frontier
                     (market_id, url, kind, depth, pagination_depth, redirect_hops, state,
                      attempts, run_id, updated_at)
                 SELECT $1, u.url, u.kind, u.depth, u.pagination_depth, u.redirect_hops,
                     'pending', u.attempts, $7, $8
                 FROM unnest($2::text[], $3::text[], $4::int8[], $5::int8[], $6::int8[],
                             $9::int8[])
                      WITH ORDINALITY AS u(url, kind, depth, pagination_depth, redirect_hops,
                                           attempts, ord)
                 ORDER BY u.ord
                 ON CONFLICT (market_id, url) DO NOTHING",
            )
            .await
            .map_err(&q)?;
        let at = now();
        let added = tx
            .execute(
                &st,
                &[
                    &market.as_str(),
                    &entries.iter().map(|e| e.url.as_str()).collect::<Vec<_>>(),
                    &entries.iter().map(|e| e.kind.as_str()).collect::<Vec<_>>(),
                    &entries
                        .iter()
                        .map(|e| i64::from(e.depth))
                        .collect::<Vec<_>>(),
                    &entries
                        .iter()
                        .map(|e| i64::from(e.pagination_depth))
                        .collect::<Vec<_>>(),
                    &entries
                        .iter()
                        .map(|e| i64::from(e.redirect_hops))
                        .collect::<Vec<_>>(),
                    &run_id,
                    &at,
                    &entries
                        .iter()
                        .map(|e| i64::from(e.attempts))
                        .collect::<Vec<_>>(),
                ],
            )
            .await
            .map_err(&q)?;
        Ok(usize_of(i64::try_from(added).unwrap_or(0)))
    }

    /// Whether the market's frontier holds `url`, in any state.
    pub fn frontier_contains(&self, market: &MarketId, url: &str) -> Result<bool> {
        self.read(async |c| {
            let st = c
                .prepare_cached("SELECT 1 FROM frontier WHERE market_id = $1 AND url = $2")
                .await
                .map_err(self.q("read frontier"))?;
            c.query_opt(&st, &[&market.as_str(), &url])
                .await
                .map(|r| r.is_some())
                .map_err(self.q("read frontier"))
        })
    }

    /// Up to `limit` pending entries, shallowest first, then in the order they were added.
    pub fn frontier_pending(&self, market: &MarketId, limit: usize) -> Result<Vec<FrontierEntry>> {
        let rows = self.read(async |c| {
            c.query(
                "SELECT url, kind, depth, pagination_depth, redirect_hops, attempts FROM frontier
                 WHERE market_id = $1 AND state = 'pending'
                 ORDER BY depth, seq LIMIT $2",
                &[&market.as_str(), &i64_of(limit)],
            )
            .await
            .map_err(self.q("read frontier"))
        })?;
        rows.iter()
            .map(|r| self.frontier_entry(r))
            .collect::<Result<Vec<_>>>()
    }

    /// A frontier entry from `url, kind, depth, pagination_depth, redirect_hops, attempts`.
    pub(super) fn frontier_entry(&self, r: &Row) -> Result<FrontierEntry> {
        let q = self.q("read frontier");
        let kind: String = r.try_get(1).map_err(&q)?;
        Ok(FrontierEntry {
            url: r.try_get(0).map_err(&q)?,
            kind: kind
                .parse::<PageKind>()
                .map_err(|e| self.bad("frontier.kind", e))?,
            depth: u32_of(r.try_get(2).map_err(&q)?),
            pagination_depth: u32_of(r.try_get(3).map_err(&q)?),
            redirect_hops: u32_of(r.try_get(4).map_err(&q)?),
            attempts: u32_of(r.try_get(5).map_err(&q)?),
        })
    }

    /// How many entries of the market's frontier are in each state.
    pub fn frontier_counts(&self, market: &MarketId) -> Result<BTreeMap<String, usize>> {
        let rows = self.read(async |c| {
            c.query(
                "SELECT state, count(*) FROM frontier WHERE market_id = $1 GROUP BY state",
                &[&market.as_str()],
            )
            .await
            .map_err(self.q("count frontier"))
        })?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get(0).map_err(self.q("count frontier"))?,
                    usize_of(r.try_get(1).map_err(self.q("count frontier"))?),
                ))
            })
            .collect()
    }

    /// Sets an entry's state, attempts, last error and kind of failure.
    pub(super) async fn frontier_set_tx(
        &self,
        tx: &Transaction<'_>,
        market: &MarketId,
        update: &FrontierUpdate,
        error: Option<&str>,
    ) -> Result<()> {
        let n = tx
            .execute(
                "UPDATE frontier SET state = $3, attempts = $4, last_error = $5, updated_at = $6,
                     failure = $7, worker = NULL, lease_until = NULL
                 WHERE market_id = $1 AND url = $2",
                &[
                    &market.as_str(),
                    &update.url,
                    &update.state.as_str(),
                    &i64::from(update.attempts),
                    &error,
                    &now(),
                    &update.failure.map(FailureKind::as_str),
                ],
            )
            .await
            .map_err(self.q("update frontier"))?;
        if n == 0 {
            tracing::debug!("frontier_set on a URL not in the frontier; ignored");
        }
        Ok(())
    }

    /// Records one fetched page and everything it leads to in one transaction (see
    /// `Store::record_page`): the page, its listings, new frontier entries, refusals, entities, the
    /// URL's new state and the run's counts.
    pub fn record_page(
        &self,
        run_id: i64,
        market: &MarketId,
        outcome: &PageOutcome,
        mut entities: impl FnMut(i64, &[WrittenListing<'_>]) -> Vec<Sighting>,
    ) -> Result<(i64, ListingWrite)> {
        let at = now();
        let compressed = self.compress(&outcome.page)?;
        self.write("record page", async |tx| {
            self.record_page_tx(
                tx,
                run_id,
                market,
                outcome,
                &compressed,
                at,
                &mut entities,
                None,
            )
            .await
        })
    }

    /// The body of [`PgStore::record_page`] inside a caller's transaction; `verdicts`, when given,
    /// judges the new and changed listings and its verdicts are stored in the same transaction.
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn record_page_tx(
        &self,
        tx: &Transaction<'_>,
        run_id: i64,
        market: &MarketId,
        outcome: &PageOutcome,
        compressed: &[u8],
        at: i64,
        entities: &mut EntityFinder<'_>,
        verdicts: Option<&mut VerdictFinder<'_>>,
    ) -> Result<(i64, ListingWrite)> {
        let page_id = self
            .insert_page_tx(tx, run_id, market, &outcome.page, compressed)
            .await?;
        let (written, written_listings) = if outcome.listings.is_empty() {
            (ListingWrite::default(), Vec::new())
        } else {
            self.save_listings_tx(tx, market, page_id, at, &outcome.listings)
                .await?
        };
        if !outcome.new_entries.is_empty() {
            self.frontier_add_tx(tx, market, run_id, &outcome.new_entries)
                .await?;
        }
        let from = Some(outcome.page.final_url.as_str());
        for (url, reason) in &outcome.refusals {
            self.record_refusal_tx(tx, run_id, market, url, from, reason)
                .await?;
        }
        let sightings = entities(page_id, &written_listings);
        if !sightings.is_empty() {
            self.save_entities_tx(tx, market, at, &sightings).await?;
        }
        if let Some(judge) = verdicts {
            let judged = judge(&written_listings);
            if !judged.is_empty() {
                self.save_verdicts_tx(tx, &judged, at).await?;
            }
        }
        let mut failed = false;
        if let Some(u) = &outcome.frontier {
            failed = u.state == FrontierState::Failed;
            self.frontier_set_tx(tx, market, u, u.error.as_deref())
                .await?;
        }
        let delta = RunCounts {
            pages_fetched: 1,
            listings_new: written.new,
            listings_changed: written.changed,
            errors: usize::from(failed),
        };
        self.add_run_counts_tx(tx, run_id, delta).await?;
        Ok((page_id, written))
    }

    /// Records a fetch that produced no page: the URL's state and error, the refusal, the run's
    /// error count.
    pub fn record_failure(
        &self,
        run_id: i64,
        market: &MarketId,
        update: &FrontierUpdate,
    ) -> Result<()> {
        self.write("record failure", async |tx| {
            self.record_failure_tx(tx, run_id, market, update).await
        })
    }

    /// [`PgStore::record_failure`] inside a caller's transaction.
    pub(super) async fn record_failure_tx(
        &self,
        tx: &Transaction<'_>,
        run_id: i64,
        market: &MarketId,
        update: &FrontierUpdate,
    ) -> Result<()> {
        let error = update.error.as_deref().unwrap_or("failed");
        if update.state == FrontierState::Refused {
            self.record_refusal_tx(tx, run_id, market, &update.url, None, error)
                .await?;
        }
        self.frontier_set_tx(tx, market, update, Some(error))
            .await?;
        if update.state == FrontierState::Failed {
            let delta = RunCounts {
                errors: 1,
                ..RunCounts::default()
            };
            self.add_run_counts_tx(tx, run_id, delta).await?;
        }
        Ok(())
    }

    pub(super) fn compress(&self, page: &FetchedPage) -> Result<Vec<u8>> {
        zstd::bulk::compress(&page.body, ZSTD_LEVEL).map_err(|source| StoreError::Codec {
            path: PathBuf::from(&self.target),
            op: "compress",
            page_id: 0,
            source,
        })
    }

    async fn insert_page_tx(
        &self,
        tx: &Transaction<'_>,
        run_id: i64,
        market: &MarketId,
        page: &FetchedPage,
        compressed: &[u8],
    ) -> Result<i64> {
        let sha = sha256_hex(&page.body);
        let body_len = i64_of(page.body.len());
        tx.query_one(
            "INSERT INTO pages (run_id, market_id, requested_url, final_url, fetched_at,
                 http_status, content_type, body_zstd, body_len, sha256, transport, kind, served_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
            &[
                &run_id,
                &market.as_str(),
                &page.requested_url,
                &page.final_url,
                &page.fetched_at,
                &i64::from(page.http_status),
                &page.content_type,
                &compressed,
                &body_len,
                &sha,
                &page.transport,
                &page.kind.as_str(),
                &page.served_by,
            ],
        )
        .await
        .and_then(|r| r.try_get(0))
        .map_err(self.q("save page"))
    }

    /// A page by id, its body decompressed and checked against the recorded SHA-256.
    pub fn page(&self, id: i64) -> Result<Option<StoredPage>> {
        let q = self.q("read page");
        let row = self.read(async |c| {
            c.query_opt(
                "SELECT run_id, market_id, requested_url, final_url, fetched_at, http_status,
                     content_type, body_zstd, sha256, transport, kind, served_by
                 FROM pages WHERE id = $1",
                &[&id],
            )
            .await
            .map_err(&q)
        })?;
        let Some(r) = row else { return Ok(None) };
        let kind: String = r.try_get(10).map_err(&q)?;
        let compressed: Vec<u8> = r.try_get(7).map_err(&q)?;
        let status: i64 = r.try_get(5).map_err(&q)?;
        let page = StoredPage {
            id,
            run_id: r.try_get(0).map_err(&q)?,
            market: MarketId(r.try_get(1).map_err(&q)?),
            requested_url: r.try_get(2).map_err(&q)?,
            final_url: r.try_get(3).map_err(&q)?,
            fetched_at: r.try_get(4).map_err(&q)?,
            http_status: u16::try_from(status)
                .map_err(|_| self.bad("pages.http_status", status.to_string()))?,
            content_type: r.try_get(6).map_err(&q)?,
            body: zstd::stream::decode_all(compressed.as_slice()).map_err(|source| {
                StoreError::Codec {
                    path: PathBuf::from(&self.target),
                    op: "decompress",
                    page_id: id,
                    source,
                }
            })?,
            sha256: r.try_get(8).map_err(&q)?,
            transport: r.try_get(9).map_err(&q)?,
            kind: kind.parse().map_err(|e| self.bad("pages.kind", e))?,
            served_by: r.try_get(11).map_err(&q)?,
        };
        let actual = sha256_hex(&page.body);
        if actual != page.sha256 {
            return Err(StoreError::PageIntegrity {
                path: PathBuf::from(&self.target),
                page_id: id,
                recorded: page.sha256,
                actual,
            });
        }
        Ok(Some(page))
    }

    /// Records a refused URL once per run; returns the row's id.
    async fn record_refusal_tx(
        &self,
        tx: &Transaction<'_>,
        run_id: i64,
        market: &MarketId,
        url: &str,
        from_url: Option<&str>,
        reason: &str,
    ) -> Result<i64> {
        let q = self.q("record refusal");
        let known = tx
            .query_opt(
                "SELECT id FROM refusals WHERE run_id = $1 AND url = $2 AND market_id = $3 LIMIT 1",
                &[&run_id, &url, &market.as_str()],
            )
            .await
            .map_err(&q)?;
        if let Some(r) = known {
            return r.try_get(0).map_err(&q);
        }
        tx.query_one(
            "INSERT INTO refusals (run_id, market_id, url, from_url, reason, at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            &[&run_id, &market.as_str(), &url, &from_url, &reason, &now()],
        )
        .await
        .and_then(|r| r.try_get(0))
        .map_err(&q)
    }

    /// The refusals of a market, oldest first.
    pub fn refusals(&self, market: &MarketId) -> Result<Vec<Refusal>> {
        let q = self.q("read refusals");
        let rows = self.read(async |c| {
            c.query(
                "SELECT id, run_id, market_id, url, from_url, reason, at FROM refusals
                 WHERE market_id = $1 ORDER BY at, id",
                &[&market.as_str()],
            )
            .await
            .map_err(&q)
        })?;
        rows.iter()
            .map(refusal_of)
            .collect::<Result<Vec<_>, tokio_postgres::Error>>()
            .map_err(&q)
    }
}

/// A `refusals` row read as `SELECT id, run_id, market_id, url, from_url, reason, at`.
pub(super) fn refusal_of(r: &Row) -> std::result::Result<Refusal, tokio_postgres::Error> {
    Ok(Refusal {
        id: r.try_get(0)?,
        run_id: r.try_get(1)?,
        market: MarketId(r.try_get(2)?),
        url: r.try_get(3)?,
        from_url: r.try_get(4)?,
        reason: r.try_get(5)?,
        at: r.try_get(6)?,
    })
}
