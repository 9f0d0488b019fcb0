//! The crawl frontier: every URL a market's crawl has found, with its state, so a killed crawl
//! resumes where it stopped. Pending entries come back shallowest first, then in insertion order.

use crate::{now, to_usize, Result, Store};
use armswatch_core::crawl::{FailureKind, FrontierEntry, FrontierState, FrontierUpdate, PageKind};
use armswatch_core::MarketId;
use rusqlite::{params, Transaction};
use std::collections::BTreeMap;

impl Store {
    /// Forgets a market's whole frontier (a fresh crawl).
    #[tracing::instrument(level = "debug", skip_all, fields(market = %market))]
    pub fn frontier_reset(&self, market: &MarketId) -> Result<usize> {
        self.write("reset frontier", |tx| {
            tx.execute(
                "DELETE FROM frontier WHERE market_id = ?1",
                [market.as_str()],
            )
            .map_err(self.q("reset frontier"))
        })
    }

    /// Adds entries as `pending`; URLs already in the frontier (in any state) are left alone.
    /// Returns how many were new.
    #[tracing::instrument(level = "debug", skip_all, fields(market = %market, run_id = run_id, n = entries.len()))]
    pub fn frontier_add(
        &self,
        market: &MarketId,
        run_id: i64,
        entries: &[FrontierEntry],
    ) -> Result<usize> {
        self.write("add to frontier", |tx| {
            self.frontier_add_tx(tx, market, run_id, entries)
        })
    }

    /// [`Store::frontier_add`] inside a caller's transaction.
    pub(crate) fn frontier_add_tx(
        &self,
        tx: &Transaction<'_>,
        market: &MarketId,
        run_id: i64,
        entries: &[FrontierEntry],
    ) -> Result<usize> {
        let at = now();
        let q = self.q("add to frontier");
        let mut st = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO frontier
                     (market_id, url, kind, depth, pagination_depth, redirect_hops, state,
                      attempts, run_id, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', ?7, ?8, ?9)",
            )
            .map_err(&q)?;
        let mut added = 0;
        for e in entries {
            added += st
                .execute(params![
                    market.as_str(),
                    e.url,
                    e.kind.as_str(),
                    e.depth,
                    e.pagination_depth,
                    e.redirect_hops,
                    e.attempts,
                    run_id,
                    at
                ])
                .map_err(&q)?;
        }
        Ok(added)
    }

    /// Whether the market's frontier holds `url`, in any state.
    #[tracing::instrument(level = "trace", skip_all, fields(market = %market))]
    pub fn frontier_contains(&self, market: &MarketId, url: &str) -> Result<bool> {
        let q = self.q("read frontier");
        self.read(|c| {
            let mut st = c
                .prepare_cached("SELECT 1 FROM frontier WHERE market_id = ?1 AND url = ?2")
                .map_err(&q)?;
            st.exists(params![market.as_str(), url]).map_err(&q)
        })
    }

    /// Up to `limit` pending entries, shallowest first, then in the order they were added.
    #[tracing::instrument(level = "trace", skip_all, fields(market = %market, limit = limit))]
    pub fn frontier_pending(&self, market: &MarketId, limit: usize) -> Result<Vec<FrontierEntry>> {
        let q = self.q("read frontier");
        let rows = self.read(|c| {
            let mut st = c
                .prepare_cached(
                    "SELECT url, kind, depth, pagination_depth, redirect_hops, attempts FROM frontier
                     WHERE market_id = ?1 AND state = 'pending'
                     ORDER BY depth, rowid LIMIT ?2",
                )
                .map_err(&q)?;
            let limit = i64::try_from(limit).unwrap_or(i64::MAX);
            let rows = st
                .query_map(params![market.as_str(), limit], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, u32>(2)?,
                        r.get::<_, u32>(3)?,
                        r.get::<_, u32>(4)?,
                        r.get::<_, u32>(5)?,
                    ))
                })
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            Ok(rows)
        })?;
        rows.into_iter()
            .map(
                |(url, kind, depth, pagination_depth, redirect_hops, attempts)| {
                    let kind = kind
                        .parse::<PageKind>()
                        .map_err(|e| self.bad("frontier.kind", e))?;
                    Ok(FrontierEntry {
                        url,
                        kind,
                        depth,
                        pagination_depth,
                        redirect_hops,
                        attempts,
                    })
                },
            )
            .collect()
    }

    /// Sets an entry's state, attempts and last error. A URL that is not in the market's frontier is
    /// left alone (logged at debug level): only URLs added with [`Store::frontier_add`] have state.
    #[tracing::instrument(level = "trace", skip_all, fields(market = %market, state = state.as_str()))]
    pub fn frontier_set(
        &self,
        market: &MarketId,
        url: &str,
        state: FrontierState,
        attempts: u32,
        error: Option<&str>,
    ) -> Result<()> {
        self.write("update frontier", |tx| {
            let update = FrontierUpdate {
                url: url.to_string(),
                state,
                attempts,
                error: error.map(str::to_string),
                failure: None,
            };
            self.frontier_set_tx(tx, market, &update)
        })
    }

    /// [`Store::frontier_set`] inside a caller's transaction.
    pub(crate) fn frontier_set_tx(
        &self,
        tx: &Transaction<'_>,
        market: &MarketId,
        update: &FrontierUpdate,
    ) -> Result<()> {
        let FrontierUpdate {
            url,
            state,
            attempts,
            error,
            failure,
        } = update;
        let n = tx
            .prepare_cached(
                "UPDATE frontier SET state = ?3, attempts = ?4, last_error = ?5, updated_at = ?6,
                 failure = ?7 WHERE market_id = ?1 AND url = ?2",
            )
            .and_then(|mut st| {
                st.execute(params![
                    market.as_str(),
                    url,
                    state.as_str(),
                    attempts,
                    error,
                    now(),
                    failure.map(FailureKind::as_str)
                ])
            })
            .map_err(self.q("update frontier"))?;
        if n == 0 {
            tracing::debug!("frontier_set on a URL not in the frontier; ignored");
        }
        Ok(())
    }

    /// How many entries of the market's frontier are in each state (`pending`, `done`, ...); states
    /// with no entries are absent.
    #[tracing::instrument(level = "trace", skip_all, fields(market = %market))]
    pub fn frontier_counts(&self, market: &MarketId) -> Result<BTreeMap<String, usize>> {
        let q = self.q("count frontier");
        self.read(|c| {
            let mut st = c
                .prepare_cached(
                    "SELECT state, count(*) FROM frontier WHERE market_id = ?1 GROUP BY state",
                )
                .map_err(&q)?;
            let rows = st
                .query_map([market.as_str()], |r| {
                    Ok((r.get::<_, String>(0)?, to_usize(r.get(1)?)))
                })
                .map_err(&q)?
                .collect::<rusqlite::Result<BTreeMap<_, _>>>()
                .map_err(&q)?;
            Ok(rows)
        })
    }
}

impl Store {
    /// How many of the market's frontier URLs failed, by [`FailureKind`] (failures recorded before
    /// kinds were stored count as `other`); kinds with none are absent.
    #[tracing::instrument(level = "trace", skip_all, fields(market = %market))]
    pub fn frontier_failure_counts(
        &self,
        market: &MarketId,
    ) -> Result<BTreeMap<FailureKind, usize>> {
        let q = self.q("count frontier failures");
        self.read(|c| {
            let mut st = c
                .prepare_cached(
                    "SELECT coalesce(failure, 'other'), count(*) FROM frontier
                     WHERE market_id = ?1 AND state = 'failed' GROUP BY 1",
                )
                .map_err(&q)?;
            let rows = st
                .query_map([market.as_str()], |r| {
                    Ok((r.get::<_, String>(0)?, to_usize(r.get(1)?)))
                })
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            let mut counts = BTreeMap::new();
            for (name, n) in rows {
                let kind = name.parse().unwrap_or(FailureKind::Other);
                *counts.entry(kind).or_insert(0) += n;
            }
            Ok(counts)
        })
    }

    /// The market's live URL leases: none on a SQLite file, which one `armswatch run` or `crawl`
    /// holds under its lock and whose frontier has no leases (a fleet of workers needs
    /// PostgreSQL, [`crate::PgStore::leases`]).
    pub fn leases(&self, _market: &MarketId) -> Result<Vec<crate::Lease>> {
        Ok(Vec::new())
    }
}
