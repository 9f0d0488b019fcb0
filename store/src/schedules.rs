//! Schedules of `armswatch run` (one per market), the errors crawls and the daemon met, session
//! cookies an investigator set, and the listing counts that tell a broken crawl from a good one.

use crate::rows::{schedule_from, SCHEDULE_COLS};
use crate::{now, Result, Store, StoreError};
use armswatch_core::MarketId;
use rusqlite::{params, OptionalExtension};

/// A schedule to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSchedule {
    pub market: MarketId,
    /// The profile's absolute path: read again before each crawl, so edits apply.
    pub profile_path: String,
    pub every_secs: Option<i64>,
    pub jitter_secs: i64,
    pub cron: Option<String>,
    /// Crawl options over the profile (transport, base URL, page budget...), as JSON.
    pub options_json: String,
    /// When the first crawl is due.
    pub next_at: i64,
}

/// A stored schedule.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Schedule {
    pub id: i64,
    pub market: MarketId,
    pub profile_path: String,
    pub every_secs: Option<i64>,
    pub jitter_secs: i64,
    pub cron: Option<String>,
    pub options_json: String,
    pub paused: bool,
    /// When the next crawl is due (unix seconds).
    pub next_at: i64,
    /// Crawls in a row that failed.
    pub failures: u32,
    /// The market is backed off until then.
    pub backoff_until: Option<i64>,
    pub last_run_id: Option<i64>,
    pub created_at: i64,
}

/// An error stored for a market.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CrawlErrorRecord {
    pub id: i64,
    pub market: MarketId,
    pub run_id: Option<i64>,
    pub at: i64,
    /// `crawl` (the crawl could not run), `down`, `anomaly` (zero pages or listings), `wall`.
    pub kind: String,
    pub message: String,
}

impl Store {
    /// Adds a schedule (and the market, if unknown). A second schedule for the same market or the
    /// same profile file is refused with [`StoreError::Conflict`] naming the one that exists.
    #[tracing::instrument(level = "debug", skip_all, fields(market = %s.market))]
    pub fn add_schedule(&self, s: &NewSchedule) -> Result<i64> {
        let at = now();
        self.write("add schedule", |tx| {
            let q = self.q("add schedule");
            let existing: Option<(i64, String, String)> = tx
                .query_row(
                    "SELECT id, market_id, profile_path FROM schedules
                     WHERE market_id = ?1 OR profile_path = ?2",
                    params![s.market.as_str(), s.profile_path],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()
                .map_err(&q)?;
            if let Some((id, market, profile)) = existing {
                return Err(StoreError::Conflict {
                    path: self.path.clone(),
                    what: format!(
                        "market {market} is already scheduled (schedule {id}, profile {profile}); \
                         remove it first (`armswatch schedule remove {market}`)"
                    ),
                });
            }
            tx.execute(
                "INSERT OR IGNORE INTO markets (id, created_at) VALUES (?1, ?2)",
                params![s.market.as_str(), at],
            )
            .map_err(&q)?;
            tx.execute(
                "INSERT INTO schedules (market_id, profile_path, every_secs, jitter_secs, cron,
                     options_json, next_at, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    s.market.as_str(),
                    s.profile_path,
                    s.every_secs,
                    s.jitter_secs,
                    s.cron,
                    s.options_json,
                    s.next_at,
                    at
                ],
            )
            .map_err(&q)?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Every schedule, by market.
    #[tracing::instrument(level = "trace", skip_all)]
    pub fn schedules(&self) -> Result<Vec<Schedule>> {
        self.rows_of(
            "list schedules",
            &format!("SELECT {SCHEDULE_COLS} FROM schedules ORDER BY market_id"),
            [],
            |r| schedule_from(r),
        )
    }

    /// The schedule of `market`, if it has one.
    pub fn schedule(&self, market: &MarketId) -> Result<Option<Schedule>> {
        Ok(self
            .rows_of(
                "read schedule",
                &format!("SELECT {SCHEDULE_COLS} FROM schedules WHERE market_id = ?1"),
                [market.as_str()],
                |r| schedule_from(r),
            )?
            .pop())
    }

    /// Removes the schedule of `market`; false when it had none.
    pub fn remove_schedule(&self, market: &MarketId) -> Result<bool> {
        self.write("remove schedule", |tx| {
            let n = tx
                .execute(
                    "DELETE FROM schedules WHERE market_id = ?1",
                    [market.as_str()],
                )
                .map_err(self.q("remove schedule"))?;
            Ok(n > 0)
        })
    }

    /// Pauses or resumes the schedule of `market`; false when it has none.
    pub fn set_schedule_paused(&self, market: &MarketId, paused: bool) -> Result<bool> {
        self.write("pause schedule", |tx| {
            let n = tx
                .execute(
                    "UPDATE schedules SET paused = ?2 WHERE market_id = ?1",
                    params![market.as_str(), paused],
                )
                .map_err(self.q("pause schedule"))?;
            Ok(n > 0)
        })
    }

    /// Records the end of a scheduled crawl: the next due time, the failures in a row (0 after a
    /// success) and the back-off, and the run.
    pub fn schedule_done(
        &self,
        market: &MarketId,
        next_at: i64,
        failures: u32,
        backoff_until: Option<i64>,
        run_id: Option<i64>,
    ) -> Result<()> {
        self.write("update schedule", |tx| {
            tx.execute(
                "UPDATE schedules SET next_at = ?2, failures = ?3, backoff_until = ?4,
                     last_run_id = coalesce(?5, last_run_id)
                 WHERE market_id = ?1",
                params![market.as_str(), next_at, failures, backoff_until, run_id],
            )
            .map_err(self.q("update schedule"))?;
            Ok(())
        })
    }

    /// Stores an error met while crawling `market` (or while trying to).
    pub fn add_crawl_error(
        &self,
        market: &MarketId,
        run_id: Option<i64>,
        kind: &str,
        message: &str,
    ) -> Result<i64> {
        let at = now();
        self.write("store crawl error", |tx| {
            let q = self.q("store crawl error");
            tx.execute(
                "INSERT OR IGNORE INTO markets (id, created_at) VALUES (?1, ?2)",
                params![market.as_str(), at],
            )
            .map_err(&q)?;
            tx.execute(
                "INSERT INTO crawl_errors (market_id, run_id, at, kind, message)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![market.as_str(), run_id, at, kind, message],
            )
            .map_err(&q)?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// The newest `limit` errors stored for `market`, newest first.
    pub fn recent_crawl_errors(
        &self,
        market: &MarketId,
        limit: usize,
    ) -> Result<Vec<CrawlErrorRecord>> {
        self.read(|c| {
            let q = self.q("read crawl errors");
            let mut st = c
                .prepare(
                    "SELECT id, market_id, run_id, at, kind, message FROM crawl_errors
                     WHERE market_id = ?1 ORDER BY id DESC LIMIT ?2",
                )
                .map_err(&q)?;
            let rows = st
                .query_map(
                    params![market.as_str(), i64::try_from(limit).unwrap_or(i64::MAX)],
                    |r| {
                        Ok(CrawlErrorRecord {
                            id: r.get(0)?,
                            market: MarketId(r.get(1)?),
                            run_id: r.get(2)?,
                            at: r.get(3)?,
                            kind: r.get(4)?,
                            message: r.get(5)?,
                        })
                    },
                )
                .map_err(&q)?;
            rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&q)
        })
    }

    /// Sets the session cookie of `market` (added if unknown); it overrides the profile's.
    pub fn set_market_session(&self, market: &MarketId, cookie: &str) -> Result<()> {
        let at = now();
        self.write("set session", |tx| {
            let q = self.q("set session");
            tx.execute(
                "INSERT OR IGNORE INTO markets (id, created_at) VALUES (?1, ?2)",
                params![market.as_str(), at],
            )
            .map_err(&q)?;
            tx.execute(
                "INSERT INTO market_sessions (market_id, cookie, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (market_id) DO UPDATE SET cookie = excluded.cookie,
                     updated_at = excluded.updated_at",
                params![market.as_str(), cookie, at],
            )
            .map_err(&q)?;
            Ok(())
        })
    }

    /// The session cookie set for `market` and when, if any.
    pub fn market_session(&self, market: &MarketId) -> Result<Option<(String, i64)>> {
        self.read(|c| {
            c.query_row(
                "SELECT cookie, updated_at FROM market_sessions WHERE market_id = ?1",
                [market.as_str()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(self.q("read session"))
        })
    }

    /// Listings found on the pages of run `run_id` (new, changed or unchanged): what a run saw,
    /// also across a resume (the run keeps its id).
    pub fn listings_seen_in_run(&self, run_id: i64) -> Result<usize> {
        self.read(|c| {
            c.query_row(
                "SELECT count(DISTINCT lp.listing_id) FROM pages p
                 JOIN listing_pages lp ON lp.page_id = p.id WHERE p.run_id = ?1",
                [run_id],
                |r| r.get::<_, i64>(0),
            )
            .map(crate::to_usize)
            .map_err(self.q("count listings seen"))
        })
    }

    /// Records how many listings a run saw.
    pub fn set_run_listings_seen(&self, run_id: i64, seen: usize) -> Result<()> {
        self.write("set listings seen", |tx| {
            tx.execute(
                "UPDATE crawl_runs SET listings_seen = ?2 WHERE id = ?1",
                params![run_id, i64::try_from(seen).unwrap_or(i64::MAX)],
            )
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
        self.read(|c| {
            c.query_row(
                "SELECT id, listings_seen FROM crawl_runs
                 WHERE market_id = ?1 AND id <> ?2 AND status = 'finished'
                     AND listings_seen IS NOT NULL
                 ORDER BY id DESC LIMIT 1",
                params![market.as_str(), except],
                |r| Ok((r.get(0)?, crate::to_usize(r.get(1)?))),
            )
            .optional()
            .map_err(self.q("read previous run"))
        })
    }

    /// A market's state and when it last changed, if the market is known.
    pub fn market_state(&self, market: &MarketId) -> Result<Option<(String, Option<i64>)>> {
        self.read(|c| {
            c.query_row(
                "SELECT state, state_changed_at FROM markets WHERE id = ?1",
                [market.as_str()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(self.q("read market state"))
        })
    }

    /// Flagged listings of `market` first seen at or after `since`.
    pub fn flagged_since(&self, market: &MarketId, since: i64) -> Result<usize> {
        self.read(|c| {
            c.query_row(
                "SELECT count(*) FROM listings
                 WHERE market_id = ?1 AND flag_score IS NOT NULL AND first_seen >= ?2",
                params![market.as_str(), since],
                |r| r.get::<_, i64>(0),
            )
            .map(crate::to_usize)
            .map_err(self.q("count new flagged"))
        })
    }
}
