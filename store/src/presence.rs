//! Listings that vanish and come back. A listing is *vanished* when none of the last N finished
//! crawls of its market saw it (a crawl saw it when one of the run's pages carried it); its
//! `vanished_at` is the start of the first crawl that missed it. Seeing it again clears
//! `vanished_at` (see `save_listings`). Both events are kept in `listing_presence`.

use crate::rows::{vanished_from, VANISHED_COLS};
use crate::{Result, Store};
use armswatch_core::MarketId;
use rusqlite::params;
use serde::Serialize;

/// A listing's presence event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PresenceEvent {
    pub listing_id: i64,
    /// `vanished` or `reappeared`.
    pub event: String,
    /// Unix seconds.
    pub at: i64,
}

/// A listing currently marked vanished.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VanishedListing {
    pub listing_id: i64,
    pub market: MarketId,
    pub url: String,
    pub title: String,
    pub vendor: Option<String>,
    pub last_seen: i64,
    pub vanished_at: i64,
}

impl Store {
    /// Marks the listings of `market` that none of its last `after_runs` finished crawls saw as
    /// vanished; returns how many were newly marked. Fewer finished crawls than `after_runs` marks
    /// nothing. `run_id` (the crawl that just finished) is recorded with the events.
    #[tracing::instrument(level = "debug", skip(self))]
    pub fn mark_vanished(
        &self,
        market: &MarketId,
        after_runs: usize,
        run_id: i64,
    ) -> Result<usize> {
        if after_runs == 0 {
            return Err(self.misuse("mark_vanished needs after_runs >= 1"));
        }
        self.write("mark vanished listings", |tx| {
            let q = self.q("mark vanished listings");
            let runs: Vec<(i64, i64)> = tx
                .prepare_cached(
                    "SELECT id, started_at FROM crawl_runs
                     WHERE market_id = ?1 AND status = 'finished' ORDER BY id",
                )
                .map_err(&q)?
                .query_map([market.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(&q)?
                .collect::<rusqlite::Result<_>>()
                .map_err(&q)?;
            if runs.len() < after_runs {
                return Ok(0);
            }
            let present: Vec<(i64, Option<i64>)> = tx
                .prepare_cached(
                    "SELECT l.id, (SELECT max(p.run_id) FROM listing_pages lp
                                   JOIN pages p ON p.id = lp.page_id WHERE lp.listing_id = l.id)
                     FROM listings l WHERE l.market_id = ?1 AND l.vanished_at IS NULL",
                )
                .map_err(&q)?
                .query_map([market.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(&q)?
                .collect::<rusqlite::Result<_>>()
                .map_err(&q)?;
            let mut mark = tx
                .prepare_cached("UPDATE listings SET vanished_at = ?2 WHERE id = ?1")
                .map_err(&q)?;
            let mut event = tx
                .prepare_cached(
                    "INSERT INTO listing_presence (listing_id, event, at, run_id)
                     VALUES (?1, 'vanished', ?2, ?3)",
                )
                .map_err(&q)?;
            let mut n = 0;
            for (id, last_run) in present {
                let last_run = last_run.unwrap_or(0);
                let missed: Vec<&(i64, i64)> = runs.iter().filter(|(r, _)| *r > last_run).collect();
                if missed.len() >= after_runs {
                    let at = missed[0].1;
                    mark.execute(params![id, at]).map_err(&q)?;
                    event.execute(params![id, at, run_id]).map_err(&q)?;
                    n += 1;
                }
            }
            Ok(n)
        })
    }

    /// A listing's vanished / reappeared events, in the order they were recorded.
    pub fn listing_presence(&self, listing_id: i64) -> Result<Vec<PresenceEvent>> {
        let q = self.q("read listing presence");
        self.read(|c| {
            let mut st = c
                .prepare_cached(
                    "SELECT event, at FROM listing_presence WHERE listing_id = ?1 ORDER BY id",
                )
                .map_err(&q)?;
            let rows = st
                .query_map([listing_id], |r| {
                    Ok(PresenceEvent {
                        listing_id,
                        event: r.get(0)?,
                        at: r.get(1)?,
                    })
                })
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            Ok(rows)
        })
    }

    /// Listings marked vanished (of one market, or all), most recently vanished first.
    pub fn vanished_listings(&self, market: Option<&MarketId>) -> Result<Vec<VanishedListing>> {
        self.rows_of(
            "read vanished listings",
            &format!(
                "SELECT {VANISHED_COLS}
                 FROM listings WHERE vanished_at IS NOT NULL AND (?1 IS NULL OR market_id = ?1)
                 ORDER BY vanished_at DESC, id"
            ),
            params![market.map(MarketId::as_str)],
            |r| vanished_from(r),
        )
    }
}
