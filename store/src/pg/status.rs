//! What `armswatch status` reads on PostgreSQL, with the SQLite backend's semantics
//! (`markets.rs`, `record.rs`, `schedules.rs`): every market with its counts and newest run, its
//! failed and refused frontier URLs, its newest refusals, its schedule, its newest crawl errors
//! and its newly flagged listings.

use super::crawl::{i64_of, refusal_of, usize_of};
use super::PgStore;
use crate::rows::{schedule_from, SCHEDULE_COLS};
use crate::{CrawlErrorRecord, FrontierProblem, MarketSummary, Refusal, Result, Schedule};
use armswatch_core::crawl::MarketState;
use armswatch_core::MarketId;

impl PgStore {
    /// Every market, by id, with its state, counts and newest run.
    pub fn markets(&self) -> Result<Vec<MarketSummary>> {
        let q = self.q("list markets");
        let rows = self.read(async |c| {
            c.query(
                "SELECT m.id, m.name, m.base_url, m.state, m.state_reason, m.state_page_id,
                    m.state_changed_at,
                    (SELECT count(*) FROM pages p WHERE p.market_id = m.id),
                    (SELECT count(*) FROM listings l WHERE l.market_id = m.id),
                    (SELECT count(*) FROM listings l
                     WHERE l.market_id = m.id AND l.flag_score IS NOT NULL),
                    (SELECT max(r.id) FROM crawl_runs r WHERE r.market_id = m.id)
                 FROM markets m ORDER BY m.id",
                &[],
            )
            .await
            .map_err(&q)
        })?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let state: String = r.try_get(3).map_err(&q)?;
            let state = state
                .parse::<MarketState>()
                .map_err(|e| self.bad("markets.state", e))?;
            let run: Option<i64> = r.try_get(10).map_err(&q)?;
            let last_run = match run {
                Some(run_id) => self.run(run_id)?,
                None => None,
            };
            out.push(MarketSummary {
                id: MarketId(r.try_get(0).map_err(&q)?),
                name: r.try_get(1).map_err(&q)?,
                base_url: r.try_get(2).map_err(&q)?,
                state,
                state_reason: r.try_get(4).map_err(&q)?,
                state_page_id: r.try_get(5).map_err(&q)?,
                state_changed_at: r.try_get(6).map_err(&q)?,
                pages: usize_of(r.try_get(7).map_err(&q)?),
                listings: usize_of(r.try_get(8).map_err(&q)?),
                flagged: usize_of(r.try_get(9).map_err(&q)?),
                last_run,
            });
        }
        Ok(out)
    }

    /// The market's failed and refused frontier entries with their errors, newest first, at most
    /// `limit`.
    pub fn frontier_problems(
        &self,
        market: &MarketId,
        limit: usize,
    ) -> Result<Vec<FrontierProblem>> {
        let q = self.q("read frontier problems");
        let rows = self.read(async |c| {
            c.query(
                "SELECT url, state, coalesce(last_error, ''), updated_at, failure FROM frontier
                 WHERE market_id = $1 AND state IN ('failed', 'refused')
                 ORDER BY updated_at DESC, seq DESC LIMIT $2",
                &[&market.as_str(), &i64_of(limit)],
            )
            .await
            .map_err(&q)
        })?;
        rows.iter()
            .map(|r| {
                Ok(FrontierProblem {
                    url: r.try_get(0)?,
                    state: r.try_get(1)?,
                    error: r.try_get(2)?,
                    at: r.try_get(3)?,
                    failure: r
                        .try_get::<_, Option<String>>(4)?
                        .and_then(|k| k.parse().ok()),
                })
            })
            .collect::<Result<Vec<_>, tokio_postgres::Error>>()
            .map_err(&q)
    }

    /// The market's newest refusals, at most `limit`, newest first.
    pub fn recent_refusals(&self, market: &MarketId, limit: usize) -> Result<Vec<Refusal>> {
        let q = self.q("read refusals");
        let rows = self.read(async |c| {
            c.query(
                "SELECT id, run_id, market_id, url, from_url, reason, at FROM refusals
                 WHERE market_id = $1 ORDER BY at DESC, id DESC LIMIT $2",
                &[&market.as_str(), &i64_of(limit)],
            )
            .await
            .map_err(&q)
        })?;
        rows.iter()
            .map(refusal_of)
            .collect::<Result<Vec<_>, tokio_postgres::Error>>()
            .map_err(&q)
    }

    /// The schedule of `market`, if it has one.
    pub fn schedule(&self, market: &MarketId) -> Result<Option<Schedule>> {
        Ok(self
            .rows_of(
                "read schedule",
                &format!("SELECT {SCHEDULE_COLS} FROM schedules WHERE market_id = $1"),
                &[&market.as_str()],
                schedule_from,
            )?
            .pop())
    }

    /// The newest `limit` errors stored for `market`, newest first.
    pub fn recent_crawl_errors(
        &self,
        market: &MarketId,
        limit: usize,
    ) -> Result<Vec<CrawlErrorRecord>> {
        let q = self.q("read crawl errors");
        let rows = self.read(async |c| {
            c.query(
                "SELECT id, market_id, run_id, at, kind, message FROM crawl_errors
                 WHERE market_id = $1 ORDER BY id DESC LIMIT $2",
                &[&market.as_str(), &i64_of(limit)],
            )
            .await
            .map_err(&q)
        })?;
        rows.iter()
            .map(|r| {
                Ok(CrawlErrorRecord {
                    id: r.try_get(0)?,
                    market: MarketId(r.try_get(1)?),
                    run_id: r.try_get(2)?,
                    at: r.try_get(3)?,
                    kind: r.try_get(4)?,
                    message: r.try_get(5)?,
                })
            })
            .collect::<Result<Vec<_>, tokio_postgres::Error>>()
            .map_err(&q)
    }

    /// Flagged listings of `market` first seen at or after `since`.
    pub fn flagged_since(&self, market: &MarketId, since: i64) -> Result<usize> {
        let q = self.q("count new flagged");
        self.read(async |c| {
            c.query_one(
                "SELECT count(*) FROM listings
                 WHERE market_id = $1 AND flag_score IS NOT NULL AND first_seen >= $2",
                &[&market.as_str(), &since],
            )
            .await
            .and_then(|r| r.try_get::<_, i64>(0))
            .map(usize_of)
            .map_err(&q)
        })
    }
}
