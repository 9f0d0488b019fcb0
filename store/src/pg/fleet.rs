//! What `armswatch run` needs on PostgreSQL besides the crawl itself, with the SQLite backend's
//! semantics (`schedules.rs`, `alerts.rs`): schedules, watches, alerts and their delivery state,
//! and the roles of a fleet of workers ([`PgStore::claim_role`]).
//!
//! A role (`schedule:MARKET`, `alerts`) is held by one worker until a lease expires (server clock):
//! the holder renews it while it works, and another worker takes it over once it expired, so a
//! worker that dies hands its roles on and a role is never held by two live workers.

use super::crawl::{i64_of, usize_of};
use super::PgStore;
use crate::rows::{alert_from, schedule_from, Cols, ALERT_COLS, SCHEDULE_COLS};
use crate::{
    now, AlertListing, AlertQuery, AlertRecord, NewAlert, NewSchedule, Result, Schedule,
    StoreError, Watch,
};
use armswatch_core::MarketId;
use std::path::PathBuf;
use std::time::Duration;

/// The current time on the database server, unix milliseconds: one clock for every worker.
const NOW_MS: &str = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

/// A role held by a worker, for `doctor` and `status`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RoleHolder {
    pub role: String,
    pub worker: String,
    /// Unix milliseconds, server clock.
    pub until_ms: i64,
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

impl PgStore {
    fn conflict(&self, what: String) -> StoreError {
        StoreError::Conflict {
            path: PathBuf::from(&self.target),
            what,
        }
    }

    /// Adds a schedule (and the market, if unknown). A second schedule for the same market or the
    /// same profile file is refused with [`StoreError::Conflict`] naming the one that exists.
    pub fn add_schedule(&self, s: &NewSchedule) -> Result<i64> {
        let at = now();
        self.write("add schedule", async |tx| {
            let q = self.q("add schedule");
            let existing = tx
                .query_opt(
                    "SELECT id, market_id, profile_path FROM schedules
                     WHERE market_id = $1 OR profile_path = $2",
                    &[&s.market.as_str(), &s.profile_path],
                )
                .await
                .map_err(&q)?;
            if let Some(r) = existing {
                let id: i64 = r.try_get(0).map_err(&q)?;
                let market: String = r.try_get(1).map_err(&q)?;
                let profile: String = r.try_get(2).map_err(&q)?;
                return Err(self.conflict(format!(
                    "market {market} is already scheduled (schedule {id}, profile {profile}); \
                     remove it first (`armswatch schedule remove {market}`)"
                )));
            }
            tx.execute(
                "INSERT INTO markets (id, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &[&s.market.as_str(), &at],
            )
            .await
            .map_err(&q)?;
            tx.query_one(
                "INSERT INTO schedules (market_id, profile_path, every_secs, jitter_secs, cron,
                     options_json, next_at, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                &[
                    &s.market.as_str(),
                    &s.profile_path,
                    &s.every_secs,
                    &s.jitter_secs,
                    &s.cron,
                    &s.options_json,
                    &s.next_at,
                    &at,
                ],
            )
            .await
            .and_then(|r| r.try_get(0))
            .map_err(&q)
        })
    }

    /// Every schedule, by market.
    pub fn schedules(&self) -> Result<Vec<Schedule>> {
        self.rows_of(
            "list schedules",
            &format!("SELECT {SCHEDULE_COLS} FROM schedules ORDER BY market_id"),
            &[],
            schedule_from,
        )
    }

    /// Removes the schedule of `market`; false when it had none.
    pub fn remove_schedule(&self, market: &MarketId) -> Result<bool> {
        self.write("remove schedule", async |tx| {
            let n = tx
                .execute(
                    "DELETE FROM schedules WHERE market_id = $1",
                    &[&market.as_str()],
                )
                .await
                .map_err(self.q("remove schedule"))?;
            Ok(n > 0)
        })
    }

    /// Pauses or resumes the schedule of `market`; false when it has none.
    pub fn set_schedule_paused(&self, market: &MarketId, paused: bool) -> Result<bool> {
        self.write("pause schedule", async |tx| {
            let n = tx
                .execute(
                    "UPDATE schedules SET paused = $2 WHERE market_id = $1",
                    &[&market.as_str(), &paused],
                )
                .await
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
        self.write("update schedule", async |tx| {
            tx.execute(
                "UPDATE schedules SET next_at = $2, failures = $3, backoff_until = $4,
                     last_run_id = coalesce($5, last_run_id)
                 WHERE market_id = $1",
                &[
                    &market.as_str(),
                    &next_at,
                    &i64::from(failures),
                    &backoff_until,
                    &run_id,
                ],
            )
            .await
            .map_err(self.q("update schedule"))?;
            Ok(())
        })
    }

    /// The market's state name and when it last changed (unix seconds), if the market is known.
    pub fn market_state_changed(&self, market: &MarketId) -> Result<Option<(String, Option<i64>)>> {
        let q = self.q("read market state");
        let row = self.read(async |c| {
            c.query_opt(
                "SELECT state, state_changed_at FROM markets WHERE id = $1",
                &[&market.as_str()],
            )
            .await
            .map_err(&q)
        })?;
        row.map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .transpose()
            .map_err(&q)
    }

    /// Adds a watch (`vendor` or `term`); the same one twice is refused.
    pub fn add_watch(&self, kind: &str, pattern: &str) -> Result<i64> {
        if kind != "vendor" && kind != "term" {
            return Err(self.misuse(format!("add_watch: bad kind {kind:?}")));
        }
        let at = now();
        self.write("add watch", async |tx| {
            let q = self.q("add watch");
            let existing = tx
                .query_opt(
                    "SELECT id FROM watches WHERE kind = $1 AND pattern = $2",
                    &[&kind, &pattern],
                )
                .await
                .map_err(&q)?;
            if let Some(r) = existing {
                let id: i64 = r.try_get(0).map_err(&q)?;
                return Err(self.conflict(format!("this {kind} is already watched (watch {id})")));
            }
            tx.query_one(
                "INSERT INTO watches (kind, pattern, created_at, scanned_until)
                 VALUES ($1, $2, $3, $3) RETURNING id",
                &[&kind, &pattern, &at],
            )
            .await
            .and_then(|r| r.try_get(0))
            .map_err(&q)
        })
    }

    /// Every watch, oldest first.
    pub fn watches(&self) -> Result<Vec<Watch>> {
        self.rows_of(
            "list watches",
            "SELECT id, kind, pattern, created_at, scanned_until FROM watches ORDER BY id",
            &[],
            |r| {
                Ok(Watch {
                    id: r.col(0)?,
                    kind: r.col(1)?,
                    pattern: r.col(2)?,
                    created_at: r.col(3)?,
                    scanned_until: r.col(4)?,
                })
            },
        )
    }

    /// Removes watch `id`; false when there is none.
    pub fn remove_watch(&self, id: i64) -> Result<bool> {
        self.write("remove watch", async |tx| {
            let n = tx
                .execute("DELETE FROM watches WHERE id = $1", &[&id])
                .await
                .map_err(self.q("remove watch"))?;
            Ok(n > 0)
        })
    }

    /// Moves a watch's scan mark forward to `until` (never back).
    pub fn set_watch_scanned(&self, id: i64, until: i64) -> Result<()> {
        self.write("update watch", async |tx| {
            tx.execute(
                "UPDATE watches SET scanned_until = greatest(scanned_until, $2) WHERE id = $1",
                &[&id, &until],
            )
            .await
            .map_err(self.q("update watch"))?;
            Ok(())
        })
    }

    /// Listings an alert may be about (see [`AlertQuery`]), by id.
    pub fn alert_listings(&self, query: AlertQuery) -> Result<Vec<AlertListing>> {
        let filter = match query {
            AlertQuery::NewlyFlagged => {
                "l.flag_score IS NOT NULL AND $1::float8 IS NULL AND NOT EXISTS
                     (SELECT 1 FROM alerts a WHERE a.dedup_key = 'flagged:' || l.id)"
            }
            AlertQuery::ScoreAtLeast(_) => {
                "v.max_score >= $1 AND NOT EXISTS
                     (SELECT 1 FROM alerts a WHERE a.dedup_key = 'score:' || l.id)"
            }
            AlertQuery::VersionSince(_) => "l.version_first_seen >= $1::float8",
        };
        let arg: Option<f64> = match query {
            AlertQuery::NewlyFlagged => None,
            AlertQuery::ScoreAtLeast(p) => Some(p),
            #[allow(clippy::cast_precision_loss)] // unix seconds: exact in a double
            AlertQuery::VersionSince(t) => Some(t as f64),
        };
        let sql = format!(
            "SELECT l.id, l.market_id, l.canonical_url, l.title, l.description, l.vendor,
                 l.price_text, l.currency, l.version, l.first_seen, v.flagged, v.max_score,
                 v.labels_json, v.scores_json
             FROM listings l LEFT JOIN verdicts v ON v.id = l.latest_verdict_id
             WHERE {filter} ORDER BY l.id"
        );
        let q = self.q("find listings to alert on");
        let rows = self.read(async |c| c.query(&sql, &[&arg]).await.map_err(&q))?;
        rows.iter()
            .map(|r| {
                Ok(AlertListing {
                    listing_id: r.try_get(0)?,
                    market: MarketId(r.try_get(1)?),
                    url: r.try_get(2)?,
                    title: r.try_get(3)?,
                    description: r.try_get(4)?,
                    vendor: r.try_get(5)?,
                    price_text: r.try_get(6)?,
                    currency: r.try_get(7)?,
                    version: u32::try_from(r.try_get::<_, i64>(8)?).unwrap_or(u32::MAX),
                    first_seen: r.try_get(9)?,
                    flagged: r.try_get::<_, Option<bool>>(10)?.unwrap_or(false),
                    max_score: r.try_get(11)?,
                    labels_json: r.try_get(12)?,
                    scores_json: r.try_get(13)?,
                })
            })
            .collect::<Result<Vec<_>, tokio_postgres::Error>>()
            .map_err(&q)
    }

    /// Records alerts, skipping keys already recorded; returns how many were new.
    pub fn insert_alerts(&self, alerts: &[NewAlert]) -> Result<usize> {
        let at = now();
        self.write("record alerts", async |tx| {
            let q = self.q("record alerts");
            let st = tx
                .prepare(
                    "INSERT INTO alerts (dedup_key, kind, listing_id, watch_id, payload_json,
                         created_at, next_attempt_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (dedup_key) DO NOTHING",
                )
                .await
                .map_err(&q)?;
            let mut n = 0;
            for a in alerts {
                n += tx
                    .execute(
                        &st,
                        &[
                            &a.dedup_key,
                            &a.kind,
                            &a.listing_id,
                            &a.watch_id,
                            &a.payload_json,
                            &at,
                        ],
                    )
                    .await
                    .map_err(&q)?;
            }
            Ok(usize::try_from(n).unwrap_or(usize::MAX))
        })
    }

    /// Pending alerts due at `at`, oldest first.
    pub fn due_alerts(&self, at: i64, limit: usize) -> Result<Vec<AlertRecord>> {
        self.rows_of(
            "read due alerts",
            &format!(
                "SELECT {ALERT_COLS} FROM alerts
                 WHERE state = 'pending' AND next_attempt_at <= $1 ORDER BY id LIMIT $2"
            ),
            &[&at, &i64_of(limit)],
            alert_from,
        )
    }

    /// The newest `limit` alerts, newest first.
    pub fn recent_alerts(&self, limit: usize) -> Result<Vec<AlertRecord>> {
        self.rows_of(
            "read alerts",
            &format!("SELECT {ALERT_COLS} FROM alerts ORDER BY id DESC LIMIT $1"),
            &[&i64_of(limit)],
            alert_from,
        )
    }

    /// Alerts by delivery state.
    pub fn alert_counts(&self) -> Result<Vec<(String, usize)>> {
        let q = self.q("count alerts");
        let rows = self.read(async |c| {
            c.query(
                "SELECT state, count(*) FROM alerts GROUP BY state ORDER BY state",
                &[],
            )
            .await
            .map_err(&q)
        })?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, usize_of(r.try_get(1)?))))
            .collect::<Result<Vec<_>, tokio_postgres::Error>>()
            .map_err(&q)
    }

    /// Marks alert `id`'s line written to the alerts file.
    pub fn alert_file_written(&self, id: i64) -> Result<()> {
        let at = now();
        self.write("update alert", async |tx| {
            tx.execute(
                "UPDATE alerts SET file_written_at = $2 WHERE id = $1",
                &[&id, &at],
            )
            .await
            .map_err(self.q("update alert"))?;
            Ok(())
        })
    }

    /// Records a delivery attempt of alert `id`: delivered (no error), retried at `retry_at`, or
    /// given up (an error and no retry).
    pub fn alert_attempt(&self, id: i64, error: Option<&str>, retry_at: Option<i64>) -> Result<()> {
        let at = now();
        self.write("update alert", async |tx| {
            match error {
                None => {
                    tx.execute(
                        "UPDATE alerts SET state = 'delivered', attempts = attempts + 1,
                             delivered_at = $2, last_error = NULL WHERE id = $1",
                        &[&id, &at],
                    )
                    .await
                }
                Some(e) => {
                    tx.execute(
                        "UPDATE alerts SET attempts = attempts + 1, last_error = $2,
                             state = CASE WHEN $3::bigint IS NULL THEN 'failed' ELSE 'pending' END,
                             next_attempt_at = coalesce($3, next_attempt_at)
                         WHERE id = $1",
                        &[&id, &e, &retry_at],
                    )
                    .await
                }
            }
            .map_err(self.q("update alert"))?;
            Ok(())
        })
    }

    /// Takes or renews `role` for `worker` for `lease` from now: true when the worker holds it
    /// afterwards (nobody held it, its lease expired, or the worker already held it).
    pub fn claim_role(&self, role: &str, worker: &str, lease: Duration) -> Result<bool> {
        self.write("claim a role", async |tx| {
            let n = tx
                .execute(
                    &format!(
                        "INSERT INTO worker_roles (role, worker, until_ms)
                         VALUES ($1, $2, {NOW_MS} + $3)
                         ON CONFLICT (role) DO UPDATE
                             SET worker = excluded.worker, until_ms = excluded.until_ms
                             WHERE worker_roles.worker = excluded.worker
                                 OR worker_roles.until_ms <= {NOW_MS}"
                    ),
                    &[&role, &worker, &millis(lease)],
                )
                .await
                .map_err(self.q("claim a role"))?;
            Ok(n > 0)
        })
    }

    /// Gives `role` up; false when `worker` did not hold it.
    pub fn release_role(&self, role: &str, worker: &str) -> Result<bool> {
        self.write("release a role", async |tx| {
            let n = tx
                .execute(
                    "DELETE FROM worker_roles WHERE role = $1 AND worker = $2",
                    &[&role, &worker],
                )
                .await
                .map_err(self.q("release a role"))?;
            Ok(n > 0)
        })
    }

    /// The roles held by live workers (unexpired leases), by role.
    pub fn role_holders(&self) -> Result<Vec<RoleHolder>> {
        self.rows_of(
            "read roles",
            &format!(
                "SELECT role, worker, until_ms FROM worker_roles
                 WHERE until_ms > {NOW_MS} ORDER BY role"
            ),
            &[],
            |r| {
                Ok(RoleHolder {
                    role: r.col(0)?,
                    worker: r.col(1)?,
                    until_ms: r.col(2)?,
                })
            },
        )
    }

    /// Gives back every lease and role `worker` holds (a worker shutting down); returns how many
    /// frontier leases it held.
    pub fn release_worker(&self, worker: &str) -> Result<usize> {
        self.write("release a worker's leases", async |tx| {
            let q = self.q("release a worker's leases");
            let n = tx
                .execute(
                    "UPDATE frontier SET worker = NULL, lease_until = NULL
                     WHERE worker = $1 AND state = 'pending'",
                    &[&worker],
                )
                .await
                .map_err(&q)?;
            tx.execute("DELETE FROM worker_roles WHERE worker = $1", &[&worker])
                .await
                .map_err(&q)?;
            Ok(usize::try_from(n).unwrap_or(usize::MAX))
        })
    }
}
