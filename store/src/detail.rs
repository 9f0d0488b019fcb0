//! What a listing's page and the evidence exports read besides the listing itself: its newest
//! verdict, its pages' evidence records (without bodies), other listings of its vendor, and the
//! listing sets an export selects.

use crate::rows::{page_meta_from, same_vendor_from, PAGE_META_COLS, SAME_VENDOR_COLS};
use crate::{Result, Store};
use armswatch_core::crawl::PageKind;
use armswatch_core::{Label, MarketId, ReviewState, Verdict};
use rusqlite::OptionalExtension;
use serde::Serialize;

/// A stored verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredVerdict {
    pub id: i64,
    pub listing_id: i64,
    /// The listing version it judged.
    pub listing_version: u32,
    pub verdict: Verdict,
    /// Unix seconds, UTC.
    pub created_at: i64,
}

/// A page's evidence record without its body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageMeta {
    pub id: i64,
    pub run_id: i64,
    pub market: MarketId,
    pub requested_url: String,
    pub final_url: String,
    /// Unix seconds, UTC.
    pub fetched_at: i64,
    pub http_status: u16,
    pub content_type: Option<String>,
    pub body_len: u64,
    pub sha256: String,
    pub transport: String,
    pub kind: PageKind,
}

/// Another listing of the same vendor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SameVendorListing {
    pub listing_id: i64,
    pub market: MarketId,
    pub title: String,
    pub price_text: Option<String>,
    /// None when the listing has no verdict.
    pub max_score: Option<f32>,
    pub labels: Vec<Label>,
    pub state: Option<ReviewState>,
    pub last_seen: i64,
}

impl Store {
    /// A listing's newest verdict.
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn latest_verdict(&self, listing_id: i64) -> Result<Option<StoredVerdict>> {
        type Raw = (i64, u32, String, String, String, String, String, i64);
        let raw: Option<Raw> = self.read(|c| {
            c.query_row(
                "SELECT id, listing_version, model_id, model_version, scores_json, labels_json,
                     explain_json, created_at
                 FROM verdicts WHERE listing_id = ?1 ORDER BY id DESC LIMIT 1",
                [listing_id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                    ))
                },
            )
            .optional()
            .map_err(self.q("read latest verdict"))
        })?;
        let Some((id, listing_version, model_id, model_version, scores, labels, explain, at)) = raw
        else {
            return Ok(None);
        };
        let bad =
            |col: &'static str, e: serde_json::Error| self.bad(col, format!("verdict {id}: {e}"));
        Ok(Some(StoredVerdict {
            id,
            listing_id,
            listing_version,
            verdict: Verdict {
                model_id,
                model_version,
                scores: serde_json::from_str(&scores)
                    .map_err(|e| bad("verdicts.scores_json", e))?,
                labels: serde_json::from_str(&labels)
                    .map_err(|e| bad("verdicts.labels_json", e))?,
                explain: serde_json::from_str(&explain)
                    .map_err(|e| bad("verdicts.explain_json", e))?,
            },
            created_at: at,
        }))
    }

    /// The evidence records of the pages a listing was parsed from, oldest first.
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn listing_pages(&self, listing_id: i64) -> Result<Vec<PageMeta>> {
        self.rows_of(
            "read a listing's pages",
            &format!(
                "SELECT {PAGE_META_COLS}
                 FROM listing_pages lp JOIN pages p ON p.id = lp.page_id
                 WHERE lp.listing_id = ?1 ORDER BY p.fetched_at, p.id"
            ),
            [listing_id],
            |r| page_meta_from(r),
        )
    }

    /// Other listings with exactly this vendor name (any market), highest score first, at most
    /// `limit`.
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn same_vendor_listings(
        &self,
        vendor: &str,
        except: i64,
        limit: usize,
    ) -> Result<Vec<SameVendorListing>> {
        self.rows_of(
            "read a vendor's listings",
            &format!(
                "SELECT {SAME_VENDOR_COLS}
                 FROM listings l LEFT JOIN review_queue q ON q.listing_id = l.id
                 WHERE l.vendor = ?1 AND l.id <> ?2
                 ORDER BY coalesce(q.max_score, -1) DESC, l.id DESC
                 LIMIT ?3"
            ),
            rusqlite::params![vendor, except, i64::try_from(limit).unwrap_or(100)],
            |r| same_vendor_from(r),
        )
    }

    /// Ids of the listings parsed from a page, by id.
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn page_listings(&self, page_id: i64) -> Result<Vec<i64>> {
        let q = self.q("read a page's listings");
        self.read(|c| {
            let mut st = c
                .prepare_cached(
                    "SELECT listing_id FROM listing_pages WHERE page_id = ?1 ORDER BY listing_id",
                )
                .map_err(&q)?;
            let rows = st
                .query_map([page_id], |r| r.get(0))
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<i64>>>()
                .map_err(&q)?;
            Ok(rows)
        })
    }

    /// Ids of the listings whose newest verdict is flagged, by id.
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn flagged_listing_ids(&self) -> Result<Vec<i64>> {
        self.ids(
            "SELECT listing_id FROM review_queue WHERE flagged = 1 ORDER BY listing_id",
            None,
        )
    }

    /// Ids of the reviewed listings (in `state` when given), by id.
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn reviewed_listing_ids(&self, state: Option<ReviewState>) -> Result<Vec<i64>> {
        match state {
            Some(ReviewState::Unreviewed) => self.ids(
                "SELECT listing_id FROM review_queue WHERE state = 'unreviewed' AND flagged = 1
                 ORDER BY listing_id",
                None,
            ),
            _ => self.ids(
                "SELECT DISTINCT r.listing_id FROM reviews r
                 WHERE r.id = (SELECT max(r2.id) FROM reviews r2 WHERE r2.listing_id = r.listing_id)
                     AND (?1 IS NULL OR r.state = ?1)
                 ORDER BY r.listing_id",
                state.map(|s| s.as_str()),
            ),
        }
    }

    fn ids(&self, sql: &str, arg: Option<&str>) -> Result<Vec<i64>> {
        let q = self.q("select listing ids");
        self.read(|c| {
            let mut st = c.prepare_cached(sql).map_err(&q)?;
            let rows = if st.parameter_count() == 0 {
                st.query_map([], |r| r.get(0))
                    .map_err(&q)?
                    .collect::<rusqlite::Result<Vec<i64>>>()
            } else {
                st.query_map([arg], |r| r.get(0))
                    .map_err(&q)?
                    .collect::<rusqlite::Result<Vec<i64>>>()
            };
            rows.map_err(&q)
        })
    }
}
