//! The review workspace on PostgreSQL, with the SQLite backend's semantics (`reviews.rs`,
//! `queue.rs`, `detail.rs`): decisions appended to the same SHA-256 chain (same columns, same
//! hash, so a case copied from SQLite verifies here), the keyset-paged review queue kept by
//! triggers (PG migration 0005), and PostgreSQL's own full-text search over title, description
//! and vendor. Two reviewers deciding at once are serialised by an advisory lock, so the chain
//! never forks.

use super::crawl::usize_of;
use super::PgStore;
use crate::queue::{label_bit, labels_of, paged, plan};
use crate::reviews::{build_review, checked_input, ChainCheck, RawReview, RAW_COLS};
use crate::{
    now, ChainReport, NewReview, QueueKey, QueuePage, QueuePosition, QueueQuery, QueueRow, Result,
    Review, StoreError, StoredVerdict, GENESIS_HASH,
};
use armswatch_core::{MarketId, ReviewState, Verdict};
use std::collections::BTreeMap;
use std::path::PathBuf;
use tokio_postgres::types::ToSql;
use tokio_postgres::Row;

/// The advisory lock that serialises appends to the review chain ('REVW').
const REVIEW_LOCK: i64 = 0x5245_5657;

/// The searched text of a listing, accents folded: the expression of the `listings_search` index
/// (PG migration 0008), over alias `l`.
const SEARCH_DOC: &str = "to_tsvector('simple'::regconfig, armswatch_fold(coalesce(l.title, '') \
                          || ' ' || coalesce(l.description, '') || ' ' || coalesce(l.vendor, '')))";

fn raw_from_row(r: &Row) -> Result<RawReview, tokio_postgres::Error> {
    Ok(RawReview {
        id: r.try_get(0)?,
        listing_id: r.try_get(1)?,
        listing_version: r.try_get(2)?,
        verdict_id: r.try_get(3)?,
        model_id: r.try_get(4)?,
        model_version: r.try_get(5)?,
        model_labels_json: r.try_get(6)?,
        model_scores_json: r.try_get(7)?,
        state: r.try_get(8)?,
        labels_json: r.try_get(9)?,
        note: r.try_get(10)?,
        reviewer: r.try_get(11)?,
        decided_at: r.try_get(12)?,
        prev_hash: r.try_get(13)?,
        hash: r.try_get(14)?,
    })
}

/// [`crate::fts_query`]'s terms (`"word"*`, all required) as plain words, for the migration's
/// `armswatch_prefix_query`, which folds them as the index folds listings and makes each a
/// required prefix. The words are letters and digits only.
fn search_words(fts: &str) -> String {
    fts.split_whitespace()
        .map(|t| t.trim_end_matches('*').trim_matches('"'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Positional parameters of a statement built piece by piece.
#[derive(Default)]
struct Params {
    values: Vec<Box<dyn ToSql + Sync + Send>>,
}

impl Params {
    /// Adds a value; returns its placeholder.
    fn add(&mut self, v: impl ToSql + Sync + Send + 'static) -> String {
        self.values.push(Box::new(v));
        format!("${}", self.values.len())
    }

    fn refs(&self) -> Vec<&(dyn ToSql + Sync)> {
        self.values
            .iter()
            .map(|b| b.as_ref() as &(dyn ToSql + Sync))
            .collect()
    }
}

impl PgStore {
    /// A [`StoreError::Invalid`] about this database.
    pub(super) fn invalid(&self, what: impl Into<String>) -> StoreError {
        StoreError::Invalid {
            path: PathBuf::from(&self.target),
            what: what.into(),
        }
    }

    /// Records a decision on a listing, chained to the newest review (see `Store::add_review`).
    pub fn add_review(&self, new: &NewReview) -> Result<Review> {
        let (reviewer, note) = checked_input(new).map_err(|e| self.invalid(e))?;
        let decided_at = now();
        let raw = self.write("add review", async |tx| {
            let q = self.q("add review");
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&REVIEW_LOCK])
                .await
                .map_err(&q)?;
            let version: Option<i64> = tx
                .query_opt(
                    "SELECT version FROM listings WHERE id = $1",
                    &[&new.listing_id],
                )
                .await
                .and_then(|r| r.map(|r| r.try_get(0)).transpose())
                .map_err(&q)?;
            let Some(listing_version) = version else {
                return Err(self.invalid(format!("no listing {}", new.listing_id)));
            };
            let verdict = tx
                .query_opt(
                    "SELECT id, listing_id, model_id, model_version, labels_json, scores_json
                     FROM verdicts
                     WHERE id = coalesce($2,
                         (SELECT max(id) FROM verdicts WHERE listing_id = $1))",
                    &[&new.listing_id, &new.verdict_id],
                )
                .await
                .and_then(|r| {
                    r.map(|r| {
                        Ok((
                            r.try_get(0)?,
                            r.try_get(1)?,
                            r.try_get(2)?,
                            r.try_get(3)?,
                            r.try_get(4)?,
                            r.try_get(5)?,
                        ))
                    })
                    .transpose()
                })
                .map_err(&q)?;
            let prev: (i64, String) = tx
                .query_opt("SELECT id, hash FROM reviews ORDER BY id DESC LIMIT 1", &[])
                .await
                .and_then(|r| r.map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).transpose())
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
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
                ),
                &[
                    &raw.id,
                    &raw.listing_id,
                    &raw.listing_version,
                    &raw.verdict_id,
                    &raw.model_id,
                    &raw.model_version,
                    &raw.model_labels_json,
                    &raw.model_scores_json,
                    &raw.state,
                    &raw.labels_json,
                    &raw.note,
                    &raw.reviewer,
                    &raw.decided_at,
                    &raw.prev_hash,
                    &raw.hash,
                ],
            )
            .await
            .map_err(&q)?;
            Ok(raw)
        })?;
        raw.decode_with(|c, e| self.bad(c, e))
    }

    /// The decisions on a listing, oldest first (the last one counts).
    pub fn reviews_of(&self, listing_id: i64) -> Result<Vec<Review>> {
        let q = self.q("read reviews");
        let rows = self.read(async |c| {
            c.query(
                &format!("SELECT {RAW_COLS} FROM reviews WHERE listing_id = $1 ORDER BY id"),
                &[&listing_id],
            )
            .await
            .map_err(&q)
        })?;
        rows.iter()
            .map(|r| {
                raw_from_row(r)
                    .map_err(&q)?
                    .decode_with(|c, e| self.bad(c, e))
            })
            .collect()
    }

    /// Re-computes every review's hash and checks the chain (see `Store::verify_reviews`).
    pub fn verify_reviews(&self) -> Result<ChainReport> {
        let q = self.q("verify reviews");
        let rows = self.read(async |c| {
            c.query(&format!("SELECT {RAW_COLS} FROM reviews ORDER BY id"), &[])
                .await
                .map_err(&q)
        })?;
        let mut chain = ChainCheck::default();
        for row in &rows {
            chain.push(raw_from_row(row).map_err(&q)?);
        }
        Ok(chain.finish())
    }

    /// A listing's newest verdict.
    pub fn latest_verdict(&self, listing_id: i64) -> Result<Option<StoredVerdict>> {
        let q = self.q("read latest verdict");
        let row = self.read(async |c| {
            c.query_opt(
                "SELECT id, listing_version, model_id, model_version, scores_json, labels_json,
                     explain_json, created_at
                 FROM verdicts WHERE listing_id = $1 ORDER BY id DESC LIMIT 1",
                &[&listing_id],
            )
            .await
            .map_err(&q)
        })?;
        let Some(r) = row else {
            return Ok(None);
        };
        let id: i64 = r.try_get(0).map_err(&q)?;
        let json = |i: usize| -> Result<String> { r.try_get::<_, String>(i).map_err(&q) };
        let bad =
            |col: &'static str, e: serde_json::Error| self.bad(col, format!("verdict {id}: {e}"));
        let version: i64 = r.try_get(1).map_err(&q)?;
        Ok(Some(StoredVerdict {
            id,
            listing_id,
            listing_version: u32::try_from(version)
                .map_err(|e| self.bad("verdicts.listing_version", e.to_string()))?,
            verdict: Verdict {
                model_id: r.try_get(2).map_err(&q)?,
                model_version: r.try_get(3).map_err(&q)?,
                scores: serde_json::from_str(&json(4)?)
                    .map_err(|e| bad("verdicts.scores_json", e))?,
                labels: serde_json::from_str(&json(5)?)
                    .map_err(|e| bad("verdicts.labels_json", e))?,
                explain: serde_json::from_str(&json(6)?)
                    .map_err(|e| bad("verdicts.explain_json", e))?,
            },
            created_at: r.try_get(7).map_err(&q)?,
        }))
    }

    /// One page of the review queue (see `Store::queue`).
    pub fn queue(&self, query: &QueueQuery, at: &QueuePosition) -> Result<QueuePage> {
        paged(query, at, |search, key, forward, limit| {
            self.queue_rows(query, search, key, forward, limit)
        })
    }

    /// A listing's queue key, `None` when it has no verdict.
    pub fn queue_key(&self, listing_id: i64) -> Result<Option<QueueKey>> {
        let q = self.q("read queue key");
        self.read(async |c| {
            c.query_opt(
                "SELECT listing_id, max_score, first_seen, market_id, top_label
                 FROM review_queue WHERE listing_id = $1",
                &[&listing_id],
            )
            .await
            .and_then(|r| {
                r.map(|r| {
                    Ok(QueueKey {
                        listing_id: r.try_get(0)?,
                        max_score: r.try_get(1)?,
                        first_seen: r.try_get(2)?,
                        market: r.try_get(3)?,
                        top_label: r.try_get(4)?,
                    })
                })
                .transpose()
            })
            .map_err(&q)
        })
    }

    /// How many listings are in each review state (flagged listings only).
    pub fn queue_state_counts(&self) -> Result<BTreeMap<ReviewState, usize>> {
        let q = self.q("count review states");
        let rows = self.read(async |c| {
            c.query(
                "SELECT state, count(*) FROM review_queue WHERE flagged GROUP BY state",
                &[],
            )
            .await
            .map_err(&q)
        })?;
        let mut out: BTreeMap<ReviewState, usize> =
            ReviewState::ALL.into_iter().map(|s| (s, 0)).collect();
        for r in rows {
            let s: String = r.try_get(0).map_err(&q)?;
            let s = s
                .parse()
                .map_err(|e: armswatch_core::ParseReviewStateError| {
                    self.bad("review_queue.state", e.to_string())
                })?;
            out.insert(s, usize_of(r.try_get(1).map_err(&q)?));
        }
        Ok(out)
    }

    fn queue_rows(
        &self,
        query: &QueueQuery,
        search: Option<&str>,
        key: Option<&QueueKey>,
        forward: bool,
        limit: usize,
    ) -> Result<Vec<QueueRow>> {
        let p = plan(query.sort, forward);
        // The statements of each part of the order (the key's group, then later groups).
        let conds: Vec<Option<&str>> = match key {
            None => vec![None],
            Some(_) => std::iter::once(Some(p.same_group))
                .chain(p.later_groups.map(Some))
                .collect(),
        };
        let mut out: Vec<(QueueRow, i64, Option<String>, String)> = Vec::new();
        let q = self.q("read the review queue");
        for extra in conds {
            if out.len() >= limit {
                break;
            }
            let mut params = Params::default();
            let mut filters: Vec<String> = Vec::new();
            if !query.include_unflagged {
                filters.push("q.flagged".into());
            }
            if let Some(l) = query.label {
                filters.push(format!("(q.labels & {}) <> 0", params.add(label_bit(l))));
            }
            if let Some(m) = &query.market {
                filters.push(format!(
                    "q.market_id = {}",
                    params.add(m.as_str().to_string())
                ));
            }
            if let Some(v) = &query.vendor {
                filters.push(format!("q.vendor = {}", params.add(v.clone())));
            }
            if let Some(s) = query.state {
                filters.push(format!("q.state = {}", params.add(s.as_str().to_string())));
            }
            if let Some(m) = query.min_score {
                filters.push(format!("q.max_score >= {}", params.add(f64::from(m))));
            }
            if let Some(m) = query.max_score {
                filters.push(format!("q.max_score <= {}", params.add(f64::from(m))));
            }
            if let Some(s) = search {
                filters.push(format!(
                    "q.listing_id IN (SELECT l.id FROM listings l
                                      WHERE {SEARCH_DOC} @@ to_tsquery('simple'::regconfig,
                                          armswatch_prefix_query({})))",
                    params.add(search_words(s))
                ));
            }
            if let (Some(k), Some(cond)) = (key, extra) {
                let mut cond = cond.to_string();
                for (name, value) in [
                    (
                        ":score",
                        Box::new(k.max_score) as Box<dyn ToSql + Sync + Send>,
                    ),
                    (":id", Box::new(k.listing_id)),
                    (":seen", Box::new(k.first_seen)),
                    (":market", Box::new(k.market.clone())),
                    (":label", Box::new(k.top_label)),
                ] {
                    if cond.contains(name) {
                        params.values.push(value);
                        cond = cond.replace(name, &format!("${}", params.values.len()));
                    }
                }
                filters.push(cond);
            }
            let limit_v = params.add(i64::try_from(limit - out.len()).unwrap_or(1000));
            let cond = if filters.is_empty() {
                "TRUE".to_string()
            } else {
                filters.join(" AND ")
            };
            let sql = format!(
                "SELECT q.listing_id, q.market_id, l.canonical_url, l.title, l.vendor, l.price_text,
                     q.max_score, q.flagged, q.labels, q.state, q.first_seen, q.top_label,
                     v.scores_json
                 FROM (SELECT q.* FROM review_queue q WHERE {cond}
                       ORDER BY {order} LIMIT {limit_v}) q
                 JOIN listings l ON l.id = q.listing_id
                 LEFT JOIN verdicts v ON v.id = q.verdict_id
                 ORDER BY {order}",
                order = p.order
            );
            let rows = self.read(async |c| c.query(&sql, &params.refs()).await.map_err(&q))?;
            for r in rows {
                let get = || -> Result<_, tokio_postgres::Error> {
                    let max_score: f64 = r.try_get(6)?;
                    let market: String = r.try_get(1)?;
                    Ok((
                        QueueRow {
                            listing_id: r.try_get(0)?,
                            market: MarketId(market.clone()),
                            url: r.try_get(2)?,
                            title: r.try_get(3)?,
                            vendor: r.try_get(4)?,
                            price_text: r.try_get(5)?,
                            max_score: max_score as f32,
                            flagged: r.try_get(7)?,
                            labels: Vec::new(),
                            scores: BTreeMap::new(),
                            state: ReviewState::Unreviewed,
                            first_seen: r.try_get(10)?,
                            key: QueueKey {
                                listing_id: r.try_get(0)?,
                                max_score,
                                first_seen: r.try_get(10)?,
                                market,
                                top_label: r.try_get(11)?,
                            },
                        },
                        r.try_get(8)?,
                        r.try_get(12)?,
                        r.try_get(9)?,
                    ))
                };
                out.push(get().map_err(&q)?);
            }
        }
        out.truncate(limit);
        out.into_iter()
            .map(|(mut row, bits, scores, state)| {
                row.labels = labels_of(bits);
                if let Some(s) = scores {
                    row.scores = serde_json::from_str(&s).map_err(|e| {
                        self.bad(
                            "verdicts.scores_json",
                            format!("listing {}: {e}", row.listing_id),
                        )
                    })?;
                }
                row.state = state
                    .parse()
                    .map_err(|e: armswatch_core::ParseReviewStateError| {
                        self.bad("review_queue.state", e.to_string())
                    })?;
                Ok(row)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_terms_reach_postgresql_as_plain_words() {
        // Guards: what a person typed reaches armswatch_prefix_query as plain words, never as
        // tsquery syntax of its own.
        let fts = crate::fts_query("Glock 19 & !(x) <-> café:*").unwrap();
        assert_eq!(search_words(&fts), "Glock 19 x café");
    }
}
