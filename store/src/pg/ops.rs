//! The run bookkeeping of operations (issue 12) on PostgreSQL, with the SQLite backend's semantics
//! (`schedules.rs`, `markets.rs`): walled runs, stored crawl errors, the listings a run saw (for the
//! zero-listings anomaly) and market session cookies.

use super::crawl::{i64_of, usize_of};
use super::PgStore;
use crate::{now, Result};
use armswatch_core::MarketId;

impl PgStore {
    /// Marks a run stopped by a wall (`walled`): it is not finished, and the next crawl of the
    /// market resumes its frontier once the wall is gone.
    pub fn mark_run_walled(&self, run_id: i64) -> Result<()> {
        self.write("mark run walled", async |tx| {
            tx.execute(
                "UPDATE crawl_runs SET status = 'walled' WHERE id = $1 AND finished_at IS NULL",
                &[&run_id],
            )
            .await
            .map_err(self.q("mark run walled"))?;
            Ok(())
        })
    }

    /// Stores an error met while crawling `market` (or while trying to); returns its id.
    pub fn add_crawl_error(
        &self,
        market: &MarketId,
        run_id: Option<i64>,
        kind: &str,
        message: &str,
    ) -> Result<i64> {
        let at = now();
        self.write("store crawl error", async |tx| {
            let q = self.q("store crawl error");
            tx.execute(
                "INSERT INTO markets (id, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &[&market.as_str(), &at],
            )
            .await
            .map_err(&q)?;
            tx.query_one(
                "INSERT INTO crawl_errors (market_id, run_id, at, kind, message)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
                &[&market.as_str(), &run_id, &at, &kind, &message],
            )
            .await
            .and_then(|r| r.try_get(0))
            .map_err(&q)
        })
    }

    /// The kind and message of the newest `limit` errors stored for `market`, newest first.
    pub fn recent_crawl_error_messages(
        &self,
        market: &MarketId,
        limit: usize,
    ) -> Result<Vec<(String, String)>> {
        self.read(async |c| {
            let q = self.q("read crawl errors");
            let rows = c
                .query(
                    "SELECT kind, message FROM crawl_errors WHERE market_id = $1
                     ORDER BY id DESC LIMIT $2",
                    &[&market.as_str(), &i64_of(limit)],
                )
                .await
                .map_err(&q)?;
            rows.iter()
                .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                .collect::<Result<Vec<_>, tokio_postgres::Error>>()
                .map_err(&q)
        })
    }

    /// Sets the session cookie of `market` (added if unknown); it overrides the profile's.
    pub fn set_market_session(&self, market: &MarketId, cookie: &str) -> Result<()> {
        let at = now();
        self.write("set session", async |tx| {
            let q = self.q("set session");
            tx.execute(
                "INSERT INTO markets (id, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &[&market.as_str(), &at],
            )
            .await
            .map_err(&q)?;
            tx.execute(
                "INSERT INTO market_sessions (market_id, cookie, updated_at) VALUES ($1, $2, $3)
                 ON CONFLICT (market_id) DO UPDATE SET cookie = excluded.cookie,
                     updated_at = excluded.updated_at",
                &[&market.as_str(), &cookie, &at],
            )
            .await
            .map_err(&q)?;
            Ok(())
        })
    }

    /// The session cookie set for `market` and when, if any.
    pub fn market_session(&self, market: &MarketId) -> Result<Option<(String, i64)>> {
        self.read(async |c| {
            let q = self.q("read session");
            c.query_opt(
                "SELECT cookie, updated_at FROM market_sessions WHERE market_id = $1",
                &[&market.as_str()],
            )
            .await
            .and_then(|r| r.map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).transpose())
            .map_err(&q)
        })
    }

    /// Listings found on the pages of run `run_id` (new, changed or unchanged): what a run saw,
    /// also across a resume (the run keeps its id).
    pub fn listings_seen_in_run(&self, run_id: i64) -> Result<usize> {
        self.read(async |c| {
            c.query_one(
                "SELECT count(DISTINCT lp.listing_id) FROM pages p
                 JOIN listing_pages lp ON lp.page_id = p.id WHERE p.run_id = $1",
                &[&run_id],
            )
            .await
            .and_then(|r| r.try_get::<_, i64>(0))
            .map(usize_of)
            .map_err(self.q("count listings seen"))
        })
    }

    /// Records how many listings a run saw.
    pub fn set_run_listings_seen(&self, run_id: i64, seen: usize) -> Result<()> {
        self.write("set listings seen", async |tx| {
            tx.execute(
                "UPDATE crawl_runs SET listings_seen = $2 WHERE id = $1",
                &[&run_id, &i64_of(seen)],
            )
            .await
            .map_err(self.q("set listings seen"))?;
            Ok(())
        })
    }

    /// The newest finished run of `market` other than `except` with its listings seen, if any:
    /// (run id, listings seen).
    pub fn previous_finished_run(
        &self,
        market: &MarketId,
        except: i64,
    ) -> Result<Option<(i64, usize)>> {
        self.read(async |c| {
            c.query_opt(
                "SELECT id, listings_seen FROM crawl_runs
                 WHERE market_id = $1 AND id <> $2 AND status = 'finished'
                     AND listings_seen IS NOT NULL
                 ORDER BY id DESC LIMIT 1",
                &[&market.as_str(), &except],
            )
            .await
            .and_then(|r| {
                r.map(|r| Ok((r.try_get(0)?, usize_of(r.try_get(1)?))))
                    .transpose()
            })
            .map_err(self.q("read previous run"))
        })
    }
}
