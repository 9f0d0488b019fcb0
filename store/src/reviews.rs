//! Reviews: investigators' decisions on listings. Append-only (triggers refuse UPDATE and DELETE;
//! a new decision is a new row and the newest counts), each row with the reviewer, the UTC time,
//! the verdict it answered, and a SHA-256 chain over all rows so that editing, inserting or
//! removing a row in the file is detected by [`Store::verify_reviews`].

use crate::rows::{reviewed_from, reviewed_sql};
use crate::{now, Result, Store, StoreError};
use armswatch_core::{Decision, Label, ReviewState};
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// `prev_hash` of the first review.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Longest reviewer name, in characters.
pub const MAX_REVIEWER_CHARS: usize = 100;
/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 10_000;

/// A decision to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReview {
    pub listing_id: i64,
    pub decision: Decision,
    /// Free text; may be empty.
    pub note: String,
    /// Who decided (asked once by the UI, `--reviewer` on the CLI).
    pub reviewer: String,
    /// The verdict the reviewer saw; `None` for the listing's newest verdict. A verdict of another
    /// listing is refused.
    pub verdict_id: Option<i64>,
}

/// A recorded decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    pub id: i64,
    pub listing_id: i64,
    /// The listing version the reviewer saw.
    pub listing_version: u32,
    /// The verdict answered (none when the listing had no verdict) and a copy of its labels/scores.
    pub verdict_id: Option<i64>,
    pub model_id: Option<String>,
    pub model_version: Option<String>,
    pub model_labels: Vec<Label>,
    pub model_scores: BTreeMap<Label, f32>,
    /// confirmed, rejected or relabelled.
    pub state: ReviewState,
    /// The labels the reviewer holds true (empty when rejected).
    pub labels: Vec<Label>,
    pub note: String,
    pub reviewer: String,
    /// Unix seconds, UTC.
    pub decided_at: i64,
    pub prev_hash: String,
    pub hash: String,
}

/// A review row that does not check out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BrokenReview {
    pub review_id: i64,
    pub listing_id: i64,
    pub problem: String,
}

/// The result of checking the review chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainReport {
    /// Rows checked.
    pub reviews: usize,
    /// The newest row's hash: write it down elsewhere to detect later removal of the newest rows.
    pub head_hash: String,
    pub broken: Vec<BrokenReview>,
}

impl ChainReport {
    /// Whether every row checks out.
    pub fn is_intact(&self) -> bool {
        self.broken.is_empty()
    }
}

/// A listing's newest decision with the content of the listing version it was made on: a
/// labelled example for training and evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewedListing {
    pub listing_id: i64,
    pub state: ReviewState,
    pub labels: Vec<Label>,
    pub title: String,
    pub description: Option<String>,
}

/// The stored columns of a review, as hashed (both backends store the same columns).
pub(crate) struct RawReview {
    pub(crate) id: i64,
    pub(crate) listing_id: i64,
    pub(crate) listing_version: i64,
    pub(crate) verdict_id: Option<i64>,
    pub(crate) model_id: Option<String>,
    pub(crate) model_version: Option<String>,
    pub(crate) model_labels_json: String,
    pub(crate) model_scores_json: String,
    pub(crate) state: String,
    pub(crate) labels_json: String,
    pub(crate) note: String,
    pub(crate) reviewer: String,
    pub(crate) decided_at: i64,
    pub(crate) prev_hash: String,
    pub(crate) hash: String,
}

pub(crate) const RAW_COLS: &str =
    "id, listing_id, listing_version, verdict_id, model_id, model_version, \
                        model_labels_json, model_scores_json, state, labels_json, note, reviewer, \
                        decided_at, prev_hash, hash";

impl RawReview {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<RawReview> {
        Ok(RawReview {
            id: r.get(0)?,
            listing_id: r.get(1)?,
            listing_version: r.get(2)?,
            verdict_id: r.get(3)?,
            model_id: r.get(4)?,
            model_version: r.get(5)?,
            model_labels_json: r.get(6)?,
            model_scores_json: r.get(7)?,
            state: r.get(8)?,
            labels_json: r.get(9)?,
            note: r.get(10)?,
            reviewer: r.get(11)?,
            decided_at: r.get(12)?,
            prev_hash: r.get(13)?,
            hash: r.get(14)?,
        })
    }

    /// SHA-256 over every column but `hash`, each length-prefixed (with a presence byte for the
    /// optional ones), so no two different rows share a hash.
    pub(crate) fn compute_hash(&self) -> String {
        fn text(buf: &mut Vec<u8>, s: Option<&str>) {
            match s {
                None => buf.push(0),
                Some(s) => {
                    buf.push(1);
                    buf.extend_from_slice(&(s.len() as u64).to_le_bytes());
                    buf.extend_from_slice(s.as_bytes());
                }
            }
        }
        let mut buf = b"armswatch-review-v1\0".to_vec();
        for n in [self.id, self.listing_id, self.listing_version] {
            buf.extend_from_slice(&n.to_le_bytes());
        }
        match self.verdict_id {
            None => buf.push(0),
            Some(v) => {
                buf.push(1);
                buf.extend_from_slice(&v.to_le_bytes());
            }
        }
        text(&mut buf, self.model_id.as_deref());
        text(&mut buf, self.model_version.as_deref());
        text(&mut buf, Some(&self.model_labels_json));
        text(&mut buf, Some(&self.model_scores_json));
        text(&mut buf, Some(&self.state));
        text(&mut buf, Some(&self.labels_json));
        text(&mut buf, Some(&self.note));
        text(&mut buf, Some(&self.reviewer));
        buf.extend_from_slice(&self.decided_at.to_le_bytes());
        text(&mut buf, Some(&self.prev_hash));
        hex::encode(Sha256::digest(&buf))
    }

    fn decode(self, store: &Store) -> Result<Review> {
        self.decode_with(|col, e| store.bad(col, e))
    }

    /// The review, with `bad` making the error for a column that does not decode.
    pub(crate) fn decode_with(
        self,
        bad: impl Fn(&'static str, String) -> StoreError,
    ) -> Result<Review> {
        let id = self.id;
        let bad = |col: &'static str, e: String| bad(col, format!("review {id}: {e}"));
        Ok(Review {
            id: self.id,
            listing_id: self.listing_id,
            listing_version: u32::try_from(self.listing_version)
                .map_err(|e| bad("reviews.listing_version", e.to_string()))?,
            verdict_id: self.verdict_id,
            model_id: self.model_id,
            model_version: self.model_version,
            model_labels: serde_json::from_str(&self.model_labels_json)
                .map_err(|e| bad("reviews.model_labels_json", e.to_string()))?,
            model_scores: serde_json::from_str(&self.model_scores_json)
                .map_err(|e| bad("reviews.model_scores_json", e.to_string()))?,
            state: self
                .state
                .parse()
                .map_err(|e: armswatch_core::ParseReviewStateError| {
                    bad("reviews.state", e.to_string())
                })?,
            labels: serde_json::from_str(&self.labels_json)
                .map_err(|e| bad("reviews.labels_json", e.to_string()))?,
            note: self.note,
            reviewer: self.reviewer,
            decided_at: self.decided_at,
            prev_hash: self.prev_hash,
            hash: self.hash,
        })
    }
}

/// Checks a reviewer name: not blank, at most [`MAX_REVIEWER_CHARS`], no control characters.
pub fn check_reviewer(name: &str) -> std::result::Result<&str, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("the reviewer's name is empty".into());
    }
    if name.chars().count() > MAX_REVIEWER_CHARS {
        return Err(format!(
            "the reviewer's name is longer than {MAX_REVIEWER_CHARS} characters"
        ));
    }
    if name.chars().any(char::is_control) {
        return Err("the reviewer's name has control characters".into());
    }
    Ok(name)
}

/// Checks a decision's reviewer and note; returns them cleaned (the note without control
/// characters other than newlines and tabs, trimmed).
pub(crate) fn checked_input(new: &NewReview) -> std::result::Result<(String, String), String> {
    let reviewer = check_reviewer(&new.reviewer)?.to_string();
    let note: String = new
        .note
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    let note = note.trim().to_string();
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(format!(
            "the note is longer than {MAX_NOTE_CHARS} characters"
        ));
    }
    if let Decision::Relabel { labels } = &new.decision {
        if labels.is_empty() {
            return Err("a relabel needs at least one label (to say none applies, reject)".into());
        }
    }
    Ok((reviewer, note))
}

/// The verdict a decision answers, as read: id, listing id, model id, model version, labels JSON,
/// scores JSON.
pub(crate) type AnsweredVerdict = (i64, i64, String, String, String, String);

/// The row of a new decision chained to `prev` (the newest review's id and hash, or 0 and
/// [`GENESIS_HASH`]), hashed; refuses a verdict of another listing or a missing verdict.
#[allow(clippy::too_many_arguments)]
pub(crate) fn build_review(
    new: &NewReview,
    listing_version: i64,
    verdict: Option<AnsweredVerdict>,
    prev: (i64, String),
    (reviewer, note, decided_at): (String, String, i64),
    invalid: impl Fn(String) -> StoreError,
    bad: impl Fn(&'static str, String) -> StoreError,
    misuse: impl Fn(String) -> StoreError,
) -> Result<RawReview> {
    if let Some((vid, lid, ..)) = &verdict {
        if *lid != new.listing_id {
            return Err(invalid(format!(
                "verdict {vid} is not a verdict of listing {}",
                new.listing_id
            )));
        }
    } else if let Some(vid) = new.verdict_id {
        return Err(invalid(format!("no verdict {vid}")));
    }
    let model_labels: Vec<Label> = match &verdict {
        Some((vid, _, _, _, labels, _)) => serde_json::from_str(labels)
            .map_err(|e| bad("verdicts.labels_json", format!("verdict {vid}: {e}")))?,
        None => Vec::new(),
    };
    let labels = new.decision.labels(&model_labels);
    let labels_json = serde_json::to_string(&labels)
        .map_err(|e| misuse(format!("add_review: cannot encode labels: {e}")))?;
    let (prev_id, prev_hash) = prev;
    let (verdict_id, model_id, model_version, model_labels_json, model_scores_json) = match verdict
    {
        Some((vid, _, mid, mv, l, s)) => (Some(vid), Some(mid), Some(mv), l, s),
        None => (None, None, None, "[]".to_string(), "{}".to_string()),
    };
    let mut raw = RawReview {
        id: prev_id + 1,
        listing_id: new.listing_id,
        listing_version,
        verdict_id,
        model_id,
        model_version,
        model_labels_json,
        model_scores_json,
        state: new.decision.state().as_str().to_string(),
        labels_json,
        note,
        reviewer,
        decided_at,
        prev_hash,
        hash: String::new(),
    };
    raw.hash = raw.compute_hash();
    Ok(raw)
}

/// Walks the reviews in id order, checking each row's hash and its link to the row before.
pub(crate) struct ChainCheck {
    report: ChainReport,
    prev: String,
    prev_id: i64,
}

impl Default for ChainCheck {
    fn default() -> ChainCheck {
        ChainCheck {
            report: ChainReport {
                reviews: 0,
                head_hash: GENESIS_HASH.to_string(),
                broken: Vec::new(),
            },
            prev: GENESIS_HASH.to_string(),
            prev_id: 0,
        }
    }
}

impl ChainCheck {
    /// Checks the next row. Names what fails: an edited row fails its own hash; a row inserted
    /// or removed in the middle breaks the link of the row after it.
    pub(crate) fn push(&mut self, raw: RawReview) {
        let (prev, prev_id) = (&self.prev, self.prev_id);
        self.report.reviews += 1;
        let mut problems = Vec::new();
        if raw.compute_hash() != raw.hash {
            problems.push("its content does not match its hash (the row was edited)".into());
        }
        if raw.prev_hash != *prev {
            problems.push(if prev_id == 0 {
                "it does not start the chain (earlier reviews were removed)".to_string()
            } else {
                format!(
                    "it does not chain to review {prev_id} (a review between them was \
                     removed or inserted, or review {prev_id} was edited)"
                )
            });
        }
        if raw.id != prev_id + 1 {
            problems.push(format!(
                "review ids jump from {prev_id} to {} (reviews were removed)",
                raw.id
            ));
        }
        if !problems.is_empty() {
            self.report.broken.push(BrokenReview {
                review_id: raw.id,
                listing_id: raw.listing_id,
                problem: problems.join("; "),
            });
        }
        self.prev = raw.hash.clone();
        self.prev_id = raw.id;
        self.report.head_hash = raw.hash;
    }

    /// The report over the rows pushed.
    pub(crate) fn finish(self) -> ChainReport {
        self.report
    }
}

impl Store {
    fn invalid(&self, what: impl Into<String>) -> StoreError {
        StoreError::Invalid {
            path: self.path.clone(),
            what: what.into(),
        }
    }

    /// Records a decision on a listing, chained to the newest review, and returns it. The listing
    /// must exist; a relabel needs at least one label; the note is kept as given (control
    /// characters other than newlines and tabs removed).
    #[tracing::instrument(level = "debug", skip_all, fields(listing_id = new.listing_id))]
    pub fn add_review(&self, new: &NewReview) -> Result<Review> {
        let (reviewer, note) = checked_input(new).map_err(|e| self.invalid(e))?;
        let decided_at = now();
        let raw = self.write("add review", |tx| {
            let q = self.q("add review");
            let version: Option<i64> = tx
                .query_row(
                    "SELECT version FROM listings WHERE id = ?1",
                    [new.listing_id],
                    |r| r.get(0),
                )
                .optional()
                .map_err(&q)?;
            let Some(listing_version) = version else {
                return Err(self.invalid(format!("no listing {}", new.listing_id)));
            };
            type V = (i64, i64, String, String, String, String);
            let verdict: Option<V> = tx
                .query_row(
                    "SELECT id, listing_id, model_id, model_version, labels_json, scores_json
                     FROM verdicts
                     WHERE id = coalesce(?2,
                         (SELECT max(id) FROM verdicts WHERE listing_id = ?1))",
                    params![new.listing_id, new.verdict_id],
                    |r| {
                        Ok((
                            r.get(0)?,
                            r.get(1)?,
                            r.get(2)?,
                            r.get(3)?,
                            r.get(4)?,
                            r.get(5)?,
                        ))
                    },
                )
                .optional()
                .map_err(&q)?;
            let prev: (i64, String) = tx
                .query_row(
                    "SELECT id, hash FROM reviews ORDER BY id DESC LIMIT 1",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .map_err(&q)?
                .unwrap_or((0, GENESIS_HASH.to_string()));
            let raw = build_review(
                new,
                listing_version,
                verdict,
                prev,
                (reviewer.clone(), note.clone(), decided_at),
                |e| self.invalid(e),
                |c, e| self.bad(c, e),
                |e| self.misuse(e),
            )?;
            tx.execute(
                &format!(
                    "INSERT INTO reviews ({RAW_COLS})
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
                ),
                params![
                    raw.id,
                    raw.listing_id,
                    raw.listing_version,
                    raw.verdict_id,
                    raw.model_id,
                    raw.model_version,
                    raw.model_labels_json,
                    raw.model_scores_json,
                    raw.state,
                    raw.labels_json,
                    raw.note,
                    raw.reviewer,
                    raw.decided_at,
                    raw.prev_hash,
                    raw.hash
                ],
            )
            .map_err(&q)?;
            Ok(raw)
        })?;
        raw.decode(self)
    }

    /// The decisions on a listing, oldest first (the last one counts).
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn reviews_of(&self, listing_id: i64) -> Result<Vec<Review>> {
        let q = self.q("read reviews");
        let raw = self.read(|c| {
            let mut st = c
                .prepare_cached(&format!(
                    "SELECT {RAW_COLS} FROM reviews WHERE listing_id = ?1 ORDER BY id"
                ))
                .map_err(&q)?;
            let rows = st
                .query_map([listing_id], RawReview::from_row)
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            Ok(rows)
        })?;
        raw.into_iter().map(|r| r.decode(self)).collect()
    }

    /// Re-computes every review's hash and checks that each row chains to the one before it.
    /// Names each row that fails: an edited row fails its own hash; a row inserted or removed in
    /// the middle breaks the link of the row after it.
    #[tracing::instrument(level = "debug", skip(self))]
    pub fn verify_reviews(&self) -> Result<ChainReport> {
        let q = self.q("verify reviews");
        self.read(|c| {
            let mut st = c
                .prepare_cached(&format!("SELECT {RAW_COLS} FROM reviews ORDER BY id"))
                .map_err(&q)?;
            let mut rows = st.query([]).map_err(&q)?;
            let mut chain = ChainCheck::default();
            while let Some(row) = rows.next().map_err(&q)? {
                chain.push(RawReview::from_row(row).map_err(&q)?);
            }
            let report = chain.finish();
            Ok(report)
        })
    }

    /// Each reviewed listing's newest decision with the content of the version it was made on,
    /// by listing id; only `state` when given.
    #[tracing::instrument(level = "debug", skip(self))]
    pub fn reviewed_listings(&self, state: Option<ReviewState>) -> Result<Vec<ReviewedListing>> {
        self.rows_of(
            "read reviewed listings",
            &reviewed_sql("?1"),
            [state.map(ReviewState::as_str)],
            |r| reviewed_from(r),
        )
    }
}

#[cfg(test)]
mod tests {
    // SQLite-only: append-only triggers, raw-SQL tampering (PostgreSQL's: tests/tamper.rs).
    use super::*;
    use crate::test_support::*;

    /// A store with two classified listings (ids 1 and 2; listing 1 flagged firearm).
    fn store_with_listings() -> Store {
        let (s, run) = store_with_run();
        let p = s
            .save_page(run, &market(), &page("http://demo.onion/c", b"x"))
            .unwrap();
        let w = s
            .save_listings(
                &market(),
                p,
                1_700_000_000,
                &[
                    listing("http://demo.onion/1", "Glock 19"),
                    listing("http://demo.onion/2", "Kush"),
                ],
            )
            .unwrap();
        s.save_verdicts(&[
            (w.to_classify[0], verdict("m1", &[0.9, 0.1, 0.2, 0.0])),
            (w.to_classify[1], verdict("m1", &[0.1, 0.1, 0.1, 0.0])),
        ])
        .unwrap();
        s
    }

    fn decide(s: &Store, id: i64, d: Decision, who: &str) -> Result<Review> {
        s.add_review(&NewReview {
            listing_id: id,
            decision: d,
            note: "seen\u{7} twice".into(),
            reviewer: who.into(),
            verdict_id: None,
        })
    }

    #[test]
    fn reviews_cannot_be_updated_or_deleted_through_sql() {
        // Guards: the append-only triggers refuse UPDATE and DELETE on reviews.
        let s = store_with_listings();
        decide(&s, 1, Decision::Reject, "ana").unwrap();
        let upd = s.read(|c| Ok(c.execute("UPDATE reviews SET note = 'x'", []).is_err()));
        let del = s.read(|c| Ok(c.execute("DELETE FROM reviews", []).is_err()));
        assert!(upd.unwrap() && del.unwrap());
    }

    #[test]
    fn tampered_rows_are_named() {
        // Guards: an edited row fails its hash, a removed middle row breaks the next row's link.
        let s = store_with_listings();
        for who in ["a", "b", "c", "d"] {
            decide(&s, 2, Decision::Reject, who).unwrap();
        }
        s.read(|c| {
            c.execute_batch(
                "DROP TRIGGER reviews_no_update; DROP TRIGGER reviews_no_delete;
                 UPDATE reviews SET reviewer = 'mallory' WHERE id = 2;
                 DELETE FROM reviews WHERE id = 3;",
            )
            .unwrap();
            Ok(())
        })
        .unwrap();
        let report = s.verify_reviews().unwrap();
        let ids: Vec<i64> = report.broken.iter().map(|b| b.review_id).collect();
        assert_eq!(ids, vec![2, 4], "{report:?}");
        assert!(report.broken[0].problem.contains("edited"));
        assert!(report.broken[1].problem.contains("review 2"));
    }
}
