//! The shared frontier: crawler workers on many machines take pending URLs of one market with
//! [`PgStore::claim`], each claim a lease held by a worker id until an expiry (server clock).
//!
//! - A claim locks the market's pacing row, so claims of one market are serialised: the market's
//!   concurrency (live leases) and delay (time between request starts) hold for the whole fleet, not
//!   per worker. Among the pending entries it takes the shallowest, oldest one with
//!   `FOR UPDATE SKIP LOCKED`, passing over rows another transaction is finishing.
//! - A worker that finishes a claimed URL records it with [`PgStore::record_claimed_page`] or
//!   [`PgStore::record_claimed_failure`]: page, listings, entities, verdicts, new links, the URL's new
//!   state and the run's counts commit in one transaction, which first checks that the worker still
//!   holds the lease. A worker killed at any moment therefore loses nothing (its lease expires and
//!   the URL is claimed again) and duplicates nothing (a worker whose lease was taken over cannot
//!   store its page: [`StoreError::LeaseLost`]).
//! - Expired leases are claimable again; [`PgStore::reap_expired_leases`] also clears them and
//!   says whose they were (every worker's daemon tick calls it). Idle workers poll: [`Claim::Wait`]
//!   says how long.

use super::PgStore;
use crate::{now, Result, Sighting, StoreError, WrittenListing};
use armswatch_core::crawl::{FrontierEntry, FrontierUpdate, ListingWrite, PageOutcome};
use armswatch_core::{MarketId, Verdict};
use deadpool_postgres::Transaction;
use std::time::Duration;

/// How long a worker waits before asking again when the market's concurrency is used up.
const BUSY_RETRY: Duration = Duration::from_millis(100);

/// The current time on the database server, unix milliseconds: one clock for every worker.
const NOW_MS: &str = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

/// A market's politeness, for the whole fleet of workers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Politeness {
    /// Requests to the market in flight at once, across all workers (at least 1).
    pub concurrency: usize,
    /// Least time between the starts of two requests to the market, across all workers.
    pub delay_ms: u64,
}

/// What [`PgStore::claim`] gave a worker.
#[derive(Debug, Clone, PartialEq)]
pub enum Claim {
    /// The worker holds this entry until `lease_until_ms` (unix milliseconds, server clock); a
    /// longer fetch renews it with [`PgStore::renew_lease`].
    Granted {
        entry: FrontierEntry,
        lease_until_ms: i64,
    },
    /// Politeness forbids a request now (the market's concurrency is used up or its delay has not
    /// passed): ask again after this.
    Wait(Duration),
    /// Nothing is pending, but other workers hold leases: their pages may add URLs, or their
    /// leases may expire. Ask again later.
    Busy,
    /// Nothing is pending and nothing is leased: the market's frontier is exhausted.
    Exhausted,
}

/// A live lease, for `status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    pub url: String,
    pub worker: String,
    /// Unix milliseconds, server clock.
    pub lease_until_ms: i64,
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

impl PgStore {
    /// Claims the next pending URL of `market` for `worker` for `lease`, if the market's
    /// politeness allows a request now (see the module docs).
    pub fn claim(
        &self,
        market: &MarketId,
        worker: &str,
        lease: Duration,
        politeness: Politeness,
    ) -> Result<Claim> {
        let concurrency = i64::try_from(politeness.concurrency.max(1)).unwrap_or(i64::MAX);
        let delay = i64::try_from(politeness.delay_ms).unwrap_or(i64::MAX);
        self.write("claim a frontier URL", async |tx| {
            let q = self.q("claim a frontier URL");
            tx.execute(
                "INSERT INTO market_pacing (market_id) SELECT id FROM markets WHERE id = $1
                 ON CONFLICT DO NOTHING",
                &[&market.as_str()],
            )
            .await
            .map_err(&q)?;
            let row = tx
                .query_opt(
                    &format!(
                        "SELECT next_at_ms, {NOW_MS} FROM market_pacing WHERE market_id = $1
                         FOR UPDATE"
                    ),
                    &[&market.as_str()],
                )
                .await
                .map_err(&q)?;
            let Some(row) = row else {
                return Ok(Claim::Exhausted); // an unknown market has no frontier
            };
            let next_at: i64 = row.try_get(0).map_err(&q)?;
            let now_ms: i64 = row.try_get(1).map_err(&q)?;
            let live: i64 = tx
                .query_one(
                    "SELECT count(*) FROM frontier
                     WHERE market_id = $1 AND worker IS NOT NULL AND lease_until > $2",
                    &[&market.as_str(), &now_ms],
                )
                .await
                .and_then(|r| r.try_get(0))
                .map_err(&q)?;
            let next = tx
                .query_opt(
                    "SELECT url, kind, depth, pagination_depth, redirect_hops, attempts
                     FROM frontier
                     WHERE market_id = $1 AND state = 'pending'
                         AND (worker IS NULL OR lease_until <= $2)
                     ORDER BY depth, seq LIMIT 1
                     FOR UPDATE SKIP LOCKED",
                    &[&market.as_str(), &now_ms],
                )
                .await
                .map_err(&q)?;
            let Some(next) = next else {
                return Ok(if live > 0 {
                    Claim::Busy
                } else {
                    Claim::Exhausted
                });
            };
            if live >= concurrency {
                return Ok(Claim::Wait(BUSY_RETRY));
            }
            if now_ms < next_at {
                let wait = u64::try_from(next_at - now_ms).unwrap_or(0);
                return Ok(Claim::Wait(Duration::from_millis(wait)));
            }
            let entry = self.frontier_entry(&next)?;
            let until = now_ms.saturating_add(millis(lease));
            tx.execute(
                "UPDATE frontier SET worker = $3, lease_until = $4 WHERE market_id = $1 AND url = $2",
                &[&market.as_str(), &entry.url, &worker, &until],
            )
            .await
            .map_err(&q)?;
            tx.execute(
                "UPDATE market_pacing SET next_at_ms = $2 WHERE market_id = $1",
                &[&market.as_str(), &now_ms.saturating_add(delay)],
            )
            .await
            .map_err(&q)?;
            Ok(Claim::Granted {
                entry,
                lease_until_ms: until,
            })
        })
    }

    /// Extends `worker`'s lease on `url` to `lease` from now; false when the worker no longer holds
    /// it (it expired and another worker took it, or the URL was finished).
    pub fn renew_lease(
        &self,
        market: &MarketId,
        worker: &str,
        url: &str,
        lease: Duration,
    ) -> Result<bool> {
        self.write("renew a lease", async |tx| {
            let n = tx
                .execute(
                    &format!(
                        "UPDATE frontier SET lease_until = {NOW_MS} + $4
                         WHERE market_id = $1 AND url = $2 AND worker = $3 AND state = 'pending'"
                    ),
                    &[&market.as_str(), &url, &worker, &millis(lease)],
                )
                .await
                .map_err(self.q("renew a lease"))?;
            Ok(n > 0)
        })
    }

    /// Gives `url` back unfetched (a worker shutting down); false when the worker did not hold it.
    pub fn release_lease(&self, market: &MarketId, worker: &str, url: &str) -> Result<bool> {
        self.write("release a lease", async |tx| {
            let n = tx
                .execute(
                    "UPDATE frontier SET worker = NULL, lease_until = NULL
                     WHERE market_id = $1 AND url = $2 AND worker = $3",
                    &[&market.as_str(), &url, &worker],
                )
                .await
                .map_err(self.q("release a lease"))?;
            Ok(n > 0)
        })
    }

    /// Clears every expired lease (of workers that died or stalled), so their URLs show as plainly
    /// pending; returns how many each worker lost, by worker name. Claims already pass over expired
    /// leases: this is bookkeeping, and the daemon's word that a worker stopped renewing. Rows a
    /// claim or a page write holds locked are left for the next pass.
    pub fn reap_expired_leases(&self) -> Result<Vec<(String, usize)>> {
        let q = self.q("reap expired leases");
        self.write("reap expired leases", async |tx| {
            let rows = tx
                .query(
                    &format!(
                        "WITH gone AS (
                             SELECT market_id, url, worker FROM frontier
                             WHERE worker IS NOT NULL AND lease_until <= {NOW_MS}
                             FOR UPDATE SKIP LOCKED
                         ), cleared AS (
                             UPDATE frontier f SET worker = NULL, lease_until = NULL
                             FROM gone g WHERE f.market_id = g.market_id AND f.url = g.url
                             RETURNING g.worker
                         )
                         SELECT worker, count(*) FROM cleared GROUP BY worker ORDER BY worker"
                    ),
                    &[],
                )
                .await
                .map_err(&q)?;
            rows.iter()
                .map(|r| {
                    let n: i64 = r.try_get(1)?;
                    Ok((r.try_get(0)?, usize::try_from(n).unwrap_or(usize::MAX)))
                })
                .collect::<Result<Vec<_>, tokio_postgres::Error>>()
                .map_err(&q)
        })
    }

    /// The market's live leases, oldest expiry first.
    pub fn leases(&self, market: &MarketId) -> Result<Vec<Lease>> {
        let q = self.q("read leases");
        let rows = self.read(async |c| {
            c.query(
                &format!(
                    "SELECT url, worker, lease_until FROM frontier
                     WHERE market_id = $1 AND worker IS NOT NULL AND lease_until > {NOW_MS}
                     ORDER BY lease_until, url"
                ),
                &[&market.as_str()],
            )
            .await
            .map_err(&q)
        })?;
        rows.iter()
            .map(|r| {
                Ok(Lease {
                    url: r.try_get(0)?,
                    worker: r.try_get(1)?,
                    lease_until_ms: r.try_get(2)?,
                })
            })
            .collect::<Result<Vec<_>, tokio_postgres::Error>>()
            .map_err(&q)
    }

    /// Locks `url`'s frontier row and checks that `worker` holds a live lease on it.
    async fn check_lease(
        &self,
        tx: &Transaction<'_>,
        market: &MarketId,
        worker: &str,
        url: &str,
    ) -> Result<()> {
        let row = tx
            .query_opt(
                "SELECT worker, state FROM frontier WHERE market_id = $1 AND url = $2
                     FOR UPDATE",
                &[&market.as_str(), &url],
            )
            .await
            .map_err(self.q("check a lease"))?;
        let held = match &row {
            Some(r) => {
                let holder: Option<String> = r.try_get(0).map_err(self.q("check a lease"))?;
                let state: String = r.try_get(1).map_err(self.q("check a lease"))?;
                // Still ours (even past its expiry, nobody took it over), or reaped and taken by
                // nobody: storing the page duplicates nothing.
                state == "pending" && holder.as_deref().is_none_or(|h| h == worker)
            }
            None => false,
        };
        if held {
            Ok(())
        } else {
            Err(StoreError::LeaseLost {
                target: self.target.clone(),
                worker: worker.to_string(),
                url: url.to_string(),
            })
        }
    }

    /// Records a page `worker` fetched for its claim on `claimed_url`, with everything it leads to
    /// (see [`PgStore::record_page`]) and the verdicts `verdicts` gives for its new and changed
    /// listings, in one transaction that first checks the lease. A page whose outcome leaves the
    /// URL pending (a wall) gives the lease back.
    #[allow(clippy::too_many_arguments)]
    pub fn record_claimed_page(
        &self,
        run_id: i64,
        market: &MarketId,
        worker: &str,
        claimed_url: &str,
        outcome: &PageOutcome,
        mut entities: impl FnMut(i64, &[WrittenListing<'_>]) -> Vec<Sighting>,
        mut verdicts: impl FnMut(&[WrittenListing<'_>]) -> Vec<(i64, Verdict)>,
    ) -> Result<(i64, ListingWrite)> {
        let at = now();
        let compressed = self.compress(&outcome.page)?;
        self.write("record a claimed page", async |tx| {
            self.check_lease(tx, market, worker, claimed_url).await?;
            let out = self
                .record_page_tx(
                    tx,
                    run_id,
                    market,
                    outcome,
                    &compressed,
                    at,
                    &mut entities,
                    Some(&mut verdicts),
                )
                .await?;
            if outcome.frontier.is_none() {
                tx.execute(
                    "UPDATE frontier SET worker = NULL, lease_until = NULL
                     WHERE market_id = $1 AND url = $2",
                    &[&market.as_str(), &claimed_url],
                )
                .await
                .map_err(self.q("record a claimed page"))?;
            }
            Ok(out)
        })
    }

    /// Records a fetch of `worker`'s claimed URL that produced no page (see
    /// [`PgStore::record_failure`]), after checking the lease; the lease ends with it.
    pub fn record_claimed_failure(
        &self,
        run_id: i64,
        market: &MarketId,
        worker: &str,
        update: &FrontierUpdate,
    ) -> Result<()> {
        self.write("record a claimed failure", async |tx| {
            self.check_lease(tx, market, worker, &update.url).await?;
            self.record_failure_tx(tx, run_id, market, update).await
        })
    }
}
