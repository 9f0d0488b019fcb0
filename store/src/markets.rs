//! Markets and crawl runs: which sites we watch, whether they can be crawled, and each crawl's
//! settings, status and counts (kept up to date while the crawl goes, so a killed crawl keeps them).

use crate::{now, to_usize, Result, Store};
use armswatch_core::crawl::MarketState;
use armswatch_core::MarketId;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::Serialize;

/// The statuses a crawl run can have: `running` until `finish_run` sets one of the others.
pub const RUN_STATUSES: [&str; 5] = ["running", "finished", "failed", "interrupted", "walled"];

/// A market with its state and what we hold about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MarketSummary {
    pub id: MarketId,
    pub name: Option<String>,
    pub base_url: Option<String>,
    pub state: MarketState,
    /// Why the market is in its state (empty when never set).
    pub state_reason: Option<String>,
    /// The page that showed the state (a login wall, a CAPTCHA), when there is one.
    pub state_page_id: Option<i64>,
    /// When the state last changed, unix seconds.
    pub state_changed_at: Option<i64>,
    pub pages: usize,
    pub listings: usize,
    /// Listings whose latest verdict is flagged.
    pub flagged: usize,
    /// The newest crawl run, if any.
    pub last_run: Option<RunRecord>,
}

/// Counts of a crawl run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RunCounts {
    pub pages_fetched: usize,
    pub listings_new: usize,
    pub listings_changed: usize,
    pub errors: usize,
}

/// One crawl run as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunRecord {
    pub id: i64,
    pub market: MarketId,
    pub started_at: i64,
    pub finished_at: Option<i64>,
    /// One of [`RUN_STATUSES`].
    pub status: String,
    pub transport: String,
    pub settings_json: String,
    pub counts: RunCounts,
}

const RUN_COLS: &str = "id, market_id, started_at, finished_at, status, transport, settings_json, \
                        pages_fetched, listings_new, listings_changed, errors";

fn run_from_row(r: &Row<'_>) -> rusqlite::Result<RunRecord> {
    Ok(RunRecord {
        id: r.get(0)?,
        market: MarketId(r.get(1)?),
        started_at: r.get(2)?,
        finished_at: r.get(3)?,
        status: r.get(4)?,
        transport: r.get(5)?,
        settings_json: r.get(6)?,
        counts: RunCounts {
            pages_fetched: to_usize(r.get(7)?),
            listings_new: to_usize(r.get(8)?),
            listings_changed: to_usize(r.get(9)?),
            errors: to_usize(r.get(10)?),
        },
    })
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Store {
    /// Adds a market, or updates the name and base URL of a known one (a `None` keeps the old value).
    #[tracing::instrument(level = "debug", skip_all, fields(market = %id))]
    pub fn upsert_market(
        &self,
        id: &MarketId,
        name: Option<&str>,
        base_url: Option<&str>,
    ) -> Result<()> {
        self.write("upsert market", |tx| {
            tx.execute(
                "INSERT INTO markets (id, name, base_url, created_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (id) DO UPDATE SET
                     name = coalesce(excluded.name, name),
                     base_url = coalesce(excluded.base_url, base_url)",
                params![id.as_str(), name, base_url, now()],
            )
            .map_err(self.q("upsert market"))?;
            Ok(())
        })
    }

    /// Records a market's state with the reason and, when there is one, the page that showed it.
    /// The market is added if unknown. A change of state is also kept in the state history.
    #[tracing::instrument(level = "debug", skip_all, fields(market = %id, state = %state))]
    pub fn set_market_state(
        &self,
        id: &MarketId,
        state: MarketState,
        reason: &str,
        evidence_page: Option<i64>,
    ) -> Result<()> {
        let at = now();
        self.write("set market state", |tx| {
            let q = self.q("set market state");
            tx.execute(
                "INSERT OR IGNORE INTO markets (id, created_at) VALUES (?1, ?2)",
                params![id.as_str(), at],
            )
            .map_err(&q)?;
            let old: Option<String> = tx
                .query_row(
                    "SELECT CASE WHEN state_changed_at IS NULL THEN NULL ELSE state END
                     FROM markets WHERE id = ?1",
                    [id.as_str()],
                    |r| r.get(0),
                )
                .map_err(&q)?;
            let changed = old.as_deref() != Some(state.as_str());
            tx.execute(
                "UPDATE markets SET state = ?2, state_reason = ?3, state_page_id = ?4,
                     state_changed_at = CASE WHEN ?5 THEN ?6 ELSE state_changed_at END
                 WHERE id = ?1",
                params![
                    id.as_str(),
                    state.as_str(),
                    reason,
                    evidence_page,
                    changed,
                    at
                ],
            )
            .map_err(&q)?;
            if changed {
                tx.execute(
                    "INSERT INTO market_state_history (market_id, state, reason, page_id, at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![id.as_str(), state.as_str(), reason, evidence_page, at],
                )
                .map_err(&q)?;
            }
            Ok(())
        })
    }

    /// Every market, by id, with its state, counts and newest run.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn markets(&self) -> Result<Vec<MarketSummary>> {
        let q = self.q("list markets");
        let rows = self.read(|c| {
            let mut st = c
                .prepare(
                    "SELECT m.id, m.name, m.base_url, m.state, m.state_reason, m.state_page_id,
                        m.state_changed_at,
                        (SELECT count(*) FROM pages p WHERE p.market_id = m.id),
                        (SELECT count(*) FROM listings l WHERE l.market_id = m.id),
                        (SELECT count(*) FROM listings l
                         WHERE l.market_id = m.id AND l.flag_score IS NOT NULL),
                        (SELECT max(r.id) FROM crawl_runs r WHERE r.market_id = m.id)
                     FROM markets m ORDER BY m.id",
                )
                .map_err(&q)?;
            let rows = st
                .query_map([], |r| {
                    Ok((
                        MarketId(r.get(0)?),
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<i64>>(5)?,
                        r.get::<_, Option<i64>>(6)?,
                        [r.get::<_, i64>(7)?, r.get(8)?, r.get(9)?],
                        r.get::<_, Option<i64>>(10)?,
                    ))
                })
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            Ok(rows)
        })?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, name, base_url, state, reason, page, changed, [p, l, f], run) in rows {
            let state = state
                .parse::<MarketState>()
                .map_err(|e| self.bad("markets.state", e))?;
            let last_run = match run {
                Some(run_id) => self.run(run_id)?,
                None => None,
            };
            out.push(MarketSummary {
                id,
                name,
                base_url,
                state,
                state_reason: reason,
                state_page_id: page,
                state_changed_at: changed,
                pages: to_usize(p),
                listings: to_usize(l),
                flagged: to_usize(f),
                last_run,
            });
        }
        Ok(out)
    }

    /// Starts a crawl run of `market` (added if unknown) and returns its id.
    #[tracing::instrument(level = "debug", skip_all, fields(market = %market))]
    pub fn start_run(
        &self,
        market: &MarketId,
        transport: &str,
        settings_json: &str,
    ) -> Result<i64> {
        self.write("start run", |tx| {
            self.start_run_tx(tx, market, transport, settings_json)
        })
    }

    /// [`Store::start_run`] inside a caller's transaction.
    pub(crate) fn start_run_tx(
        &self,
        tx: &Transaction<'_>,
        market: &MarketId,
        transport: &str,
        settings_json: &str,
    ) -> Result<i64> {
        let at = now();
        let q = self.q("start run");
        tx.execute(
            "INSERT OR IGNORE INTO markets (id, created_at) VALUES (?1, ?2)",
            params![market.as_str(), at],
        )
        .map_err(&q)?;
        tx.execute(
            "INSERT INTO crawl_runs (market_id, started_at, status, transport, settings_json)
             VALUES (?1, ?2, 'running', ?3, ?4)",
            params![market.as_str(), at, transport, settings_json],
        )
        .map_err(&q)?;
        Ok(tx.last_insert_rowid())
    }

    /// Marks a run stopped by a wall (`walled`): it is not finished, and the next crawl of the
    /// market resumes its frontier once the wall is gone (a session cookie refreshed).
    pub fn mark_run_walled(&self, run_id: i64) -> Result<()> {
        self.write("mark run walled", |tx| {
            tx.execute(
                "UPDATE crawl_runs SET status = 'walled' WHERE id = ?1 AND finished_at IS NULL",
                [run_id],
            )
            .map_err(self.q("mark run walled"))?;
            Ok(())
        })
    }

    /// The newest run of `market` still marked `running` (a crawl that was killed or stopped) or
    /// `walled` (stopped by a wall), to resume.
    #[tracing::instrument(level = "trace", skip_all, fields(market = %market))]
    pub fn unfinished_run(&self, market: &MarketId) -> Result<Option<i64>> {
        self.read(|c| {
            c.query_row(
                "SELECT max(id) FROM crawl_runs
                 WHERE market_id = ?1 AND status IN ('running', 'walled')",
                [market.as_str()],
                |r| r.get(0),
            )
            .map_err(self.q("find unfinished run"))
        })
    }

    /// One run by id.
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn run(&self, run_id: i64) -> Result<Option<RunRecord>> {
        self.read(|c| {
            c.query_row(
                &format!("SELECT {RUN_COLS} FROM crawl_runs WHERE id = ?1"),
                [run_id],
                run_from_row,
            )
            .optional()
            .map_err(self.q("read run"))
        })
    }

    /// Ends a run: sets its status (one of [`RUN_STATUSES`] other than `running`) and finish time,
    /// and ADDS `counts` to the counts accumulated by [`Store::add_run_counts`]. A crawl that
    /// counted along the way passes `RunCounts::default()`; one that did not passes its totals.
    #[tracing::instrument(level = "debug", skip_all, fields(run_id = run_id, status = status))]
    pub fn finish_run(&self, run_id: i64, status: &str, counts: RunCounts) -> Result<()> {
        if status == "running" || !RUN_STATUSES.contains(&status) {
            return Err(self.misuse(format!("finish_run: bad run status {status:?}")));
        }
        self.write("finish run", |tx| {
            let n = tx
                .execute(
                    "UPDATE crawl_runs SET status = ?2, finished_at = ?3,
                         pages_fetched = pages_fetched + ?4, listings_new = listings_new + ?5,
                         listings_changed = listings_changed + ?6, errors = errors + ?7
                     WHERE id = ?1",
                    params![
                        run_id,
                        status,
                        now(),
                        count(counts.pages_fetched),
                        count(counts.listings_new),
                        count(counts.listings_changed),
                        count(counts.errors)
                    ],
                )
                .map_err(self.q("finish run"))?;
            if n == 0 {
                return Err(self.misuse(format!("finish_run: no run {run_id}")));
            }
            Ok(())
        })
    }

    /// Adds `delta` to a run's counts, so they survive if the crawl is killed.
    #[tracing::instrument(level = "trace", skip_all, fields(run_id = run_id))]
    pub fn add_run_counts(&self, run_id: i64, delta: RunCounts) -> Result<()> {
        self.write("add run counts", |tx| {
            self.add_run_counts_tx(tx, run_id, delta)
        })
    }

    /// [`Store::add_run_counts`] inside a caller's transaction.
    pub(crate) fn add_run_counts_tx(
        &self,
        tx: &Transaction<'_>,
        run_id: i64,
        delta: RunCounts,
    ) -> Result<()> {
        let n = tx
            .prepare_cached(
                "UPDATE crawl_runs SET pages_fetched = pages_fetched + ?2,
                     listings_new = listings_new + ?3,
                     listings_changed = listings_changed + ?4, errors = errors + ?5
                 WHERE id = ?1",
            )
            .and_then(|mut st| {
                st.execute(params![
                    run_id,
                    count(delta.pages_fetched),
                    count(delta.listings_new),
                    count(delta.listings_changed),
                    count(delta.errors)
                ])
            })
            .map_err(self.q("add run counts"))?;
        if n == 0 {
            return Err(self.misuse(format!("add_run_counts: no run {run_id}")));
        }
        Ok(())
    }
}
