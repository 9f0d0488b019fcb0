//! Watches (vendors and terms) and alerts with their delivery state. An alert's `dedup_key` is
//! unique, so an event is recorded once however often it is found; delivery state lives beside it,
//! so a restarted daemon neither loses nor repeats a delivered alert.

use crate::rows::{alert_from, ALERT_COLS};
use crate::{now, Result, Store, StoreError};
use armswatch_core::MarketId;
use rusqlite::{params, OptionalExtension, Row};

/// A watched vendor or term.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Watch {
    pub id: i64,
    /// `vendor` or `term`.
    pub kind: String,
    pub pattern: String,
    pub created_at: i64,
    /// Listing versions first seen before this were checked against the watch.
    pub scanned_until: i64,
}

/// Which listings an alert pass looks at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AlertQuery {
    /// Flagged by their newest verdict, with no alert with key `flagged:<id>` yet.
    NewlyFlagged,
    /// Newest verdict's best score at least this, with no alert `score:<id>` yet.
    ScoreAtLeast(f64),
    /// Listing versions first seen at or after this time (for watches).
    VersionSince(i64),
}

/// A listing as an alert shows it, with its newest verdict.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AlertListing {
    pub listing_id: i64,
    pub market: MarketId,
    pub url: String,
    pub title: String,
    pub description: Option<String>,
    pub vendor: Option<String>,
    pub price_text: Option<String>,
    pub currency: Option<String>,
    pub version: u32,
    pub first_seen: i64,
    pub flagged: bool,
    pub max_score: Option<f64>,
    /// The newest verdict's labels and scores, as stored (JSON).
    pub labels_json: Option<String>,
    pub scores_json: Option<String>,
}

/// An alert to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAlert {
    pub dedup_key: String,
    pub kind: String,
    pub listing_id: Option<i64>,
    pub watch_id: Option<i64>,
    pub payload_json: String,
}

/// A recorded alert.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AlertRecord {
    pub id: i64,
    pub dedup_key: String,
    pub kind: String,
    pub listing_id: Option<i64>,
    pub payload_json: String,
    pub created_at: i64,
    /// `pending`, `delivered` or `failed` (gave up).
    pub state: String,
    pub attempts: u32,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub delivered_at: Option<i64>,
    pub file_written_at: Option<i64>,
}

impl Store {
    /// Adds a watch (`vendor` or `term`); the same one twice is refused.
    pub fn add_watch(&self, kind: &str, pattern: &str) -> Result<i64> {
        if kind != "vendor" && kind != "term" {
            return Err(self.misuse(format!("add_watch: bad kind {kind:?}")));
        }
        let at = now();
        self.write("add watch", |tx| {
            let q = self.q("add watch");
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT id FROM watches WHERE kind = ?1 AND pattern = ?2",
                    params![kind, pattern],
                    |r| r.get(0),
                )
                .optional()
                .map_err(&q)?;
            if let Some(id) = existing {
                return Err(StoreError::Conflict {
                    path: self.path.clone(),
                    what: format!("this {kind} is already watched (watch {id})"),
                });
            }
            tx.execute(
                "INSERT INTO watches (kind, pattern, created_at, scanned_until)
                 VALUES (?1, ?2, ?3, ?3)",
                params![kind, pattern, at],
            )
            .map_err(&q)?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Every watch, oldest first.
    pub fn watches(&self) -> Result<Vec<Watch>> {
        self.read(|c| {
            let q = self.q("list watches");
            let mut st = c
                .prepare(
                    "SELECT id, kind, pattern, created_at, scanned_until FROM watches ORDER BY id",
                )
                .map_err(&q)?;
            let rows = st
                .query_map([], |r| {
                    Ok(Watch {
                        id: r.get(0)?,
                        kind: r.get(1)?,
                        pattern: r.get(2)?,
                        created_at: r.get(3)?,
                        scanned_until: r.get(4)?,
                    })
                })
                .map_err(&q)?;
            rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&q)
        })
    }

    /// Removes a watch; false when there was none with this id.
    pub fn remove_watch(&self, id: i64) -> Result<bool> {
        self.write("remove watch", |tx| {
            let n = tx
                .execute("DELETE FROM watches WHERE id = ?1", [id])
                .map_err(self.q("remove watch"))?;
            Ok(n > 0)
        })
    }

    /// Records that listing versions first seen before `until` were checked against watch `id`.
    pub fn set_watch_scanned(&self, id: i64, until: i64) -> Result<()> {
        self.write("update watch", |tx| {
            tx.execute(
                "UPDATE watches SET scanned_until = max(scanned_until, ?2) WHERE id = ?1",
                params![id, until],
            )
            .map_err(self.q("update watch"))?;
            Ok(())
        })
    }

    /// The listings an alert pass looks at (see [`AlertQuery`]), oldest first.
    pub fn alert_listings(&self, query: AlertQuery) -> Result<Vec<AlertListing>> {
        let (filter, arg): (&str, Option<rusqlite::types::Value>) = match query {
            AlertQuery::NewlyFlagged => (
                "l.flag_score IS NOT NULL AND NOT EXISTS
                     (SELECT 1 FROM alerts a WHERE a.dedup_key = 'flagged:' || l.id)",
                None,
            ),
            AlertQuery::ScoreAtLeast(p) => (
                "v.max_score >= ?1 AND NOT EXISTS
                     (SELECT 1 FROM alerts a WHERE a.dedup_key = 'score:' || l.id)",
                Some(p.into()),
            ),
            AlertQuery::VersionSince(t) => ("l.version_first_seen >= ?1", Some(t.into())),
        };
        let sql = format!(
            "SELECT l.id, l.market_id, l.canonical_url, l.title, l.description, l.vendor,
                 l.price_text, l.currency, l.version, l.first_seen, v.flagged, v.max_score,
                 v.labels_json, v.scores_json
             FROM listings l LEFT JOIN verdicts v ON v.id = l.latest_verdict_id
             WHERE {filter} ORDER BY l.id"
        );
        self.read(|c| {
            let q = self.q("find listings to alert on");
            let mut st = c.prepare(&sql).map_err(&q)?;
            let map = |r: &Row<'_>| {
                Ok(AlertListing {
                    listing_id: r.get(0)?,
                    market: MarketId(r.get(1)?),
                    url: r.get(2)?,
                    title: r.get(3)?,
                    description: r.get(4)?,
                    vendor: r.get(5)?,
                    price_text: r.get(6)?,
                    currency: r.get(7)?,
                    version: r.get(8)?,
                    first_seen: r.get(9)?,
                    flagged: r.get::<_, Option<bool>>(10)?.unwrap_or(false),
                    max_score: r.get(11)?,
                    labels_json: r.get(12)?,
                    scores_json: r.get(13)?,
                })
            };
            let rows = match &arg {
                Some(a) => st.query_map([a], map),
                None => st.query_map([], map),
            }
            .map_err(&q)?;
            rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&q)
        })
    }

    /// Records alerts; one whose `dedup_key` is known already is skipped. Returns how many were
    /// new.
    pub fn insert_alerts(&self, alerts: &[NewAlert]) -> Result<usize> {
        let at = now();
        self.write("record alerts", |tx| {
            let q = self.q("record alerts");
            let mut st = tx
                .prepare(
                    "INSERT OR IGNORE INTO alerts (dedup_key, kind, listing_id, watch_id,
                         payload_json, created_at, next_attempt_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                )
                .map_err(&q)?;
            let mut n = 0;
            for a in alerts {
                n += st
                    .execute(params![
                        a.dedup_key,
                        a.kind,
                        a.listing_id,
                        a.watch_id,
                        a.payload_json,
                        at
                    ])
                    .map_err(&q)?;
            }
            Ok(n)
        })
    }

    /// Pending alerts due for (another) delivery attempt at `at`, oldest first.
    pub fn due_alerts(&self, at: i64, limit: usize) -> Result<Vec<AlertRecord>> {
        self.rows_of(
            "read due alerts",
            &format!(
                "SELECT {ALERT_COLS} FROM alerts
                 WHERE state = 'pending' AND next_attempt_at <= ?1 ORDER BY id LIMIT ?2"
            ),
            params![at, i64::try_from(limit).unwrap_or(i64::MAX)],
            |r| alert_from(r),
        )
    }

    /// The newest `limit` alerts, newest first.
    pub fn recent_alerts(&self, limit: usize) -> Result<Vec<AlertRecord>> {
        self.rows_of(
            "read alerts",
            &format!("SELECT {ALERT_COLS} FROM alerts ORDER BY id DESC LIMIT ?1"),
            [i64::try_from(limit).unwrap_or(i64::MAX)],
            |r| alert_from(r),
        )
    }

    /// Alerts per delivery state.
    pub fn alert_counts(&self) -> Result<Vec<(String, usize)>> {
        self.read(|c| {
            let q = self.q("count alerts");
            let mut st = c
                .prepare("SELECT state, count(*) FROM alerts GROUP BY state ORDER BY state")
                .map_err(&q)?;
            let rows = st
                .query_map([], |r| Ok((r.get(0)?, crate::to_usize(r.get(1)?))))
                .map_err(&q)?;
            rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&q)
        })
    }

    /// Records that alert `id`'s line is in the alerts file.
    pub fn alert_file_written(&self, id: i64) -> Result<()> {
        self.write("update alert", |tx| {
            tx.execute(
                "UPDATE alerts SET file_written_at = ?2 WHERE id = ?1",
                params![id, now()],
            )
            .map_err(self.q("update alert"))?;
            Ok(())
        })
    }

    /// Records a delivery attempt of alert `id`: delivered (`error` is `None`), or failed and
    /// tried again at `retry_at` (`None`: given up, state `failed`).
    pub fn alert_attempt(&self, id: i64, error: Option<&str>, retry_at: Option<i64>) -> Result<()> {
        let at = now();
        self.write("update alert", |tx| {
            let q = self.q("update alert");
            match error {
                None => tx.execute(
                    "UPDATE alerts SET state = 'delivered', attempts = attempts + 1,
                         delivered_at = ?2, last_error = NULL WHERE id = ?1",
                    params![id, at],
                ),
                Some(e) => tx.execute(
                    "UPDATE alerts SET attempts = attempts + 1, last_error = ?2,
                         state = CASE WHEN ?3 IS NULL THEN 'failed' ELSE 'pending' END,
                         next_attempt_at = coalesce(?3, next_attempt_at)
                     WHERE id = ?1",
                    params![id, e, retry_at],
                ),
            }
            .map_err(&q)?;
            Ok(())
        })
    }
}
