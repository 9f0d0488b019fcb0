//! What the review workspace, evidence exports, `flagged`, `listings` and statistics read from a
//! case on PostgreSQL, with the SQLite backend's semantics (`detail.rs`, `listings.rs`,
//! `verdicts.rs`, `presence.rs`, `stats.rs`) and the same row decoders (`rows.rs`). Text is ordered
//! byte-wise (`COLLATE "C"`), as SQLite orders it, whatever the database's locale.

use super::PgStore;
use crate::rows::{
    flagged_from, listing_version_cols, listing_version_from, page_meta_from, price_span_from,
    reviewed_from, reviewed_sql, same_vendor_from, stats_listing_cols, stats_listing_from,
    vanished_from, Cols, FLAGGED_COLS, PAGE_META_COLS, PRICE_SPAN_COLS, SAME_VENDOR_COLS,
    VANISHED_COLS,
};
use crate::stats::{with_old_prices, StatsListing};
use crate::{
    FlaggedQuery, FlaggedRow, ListingVersion, PageMeta, Result, ReviewedListing, SameVendorListing,
    VanishedListing,
};
use armswatch_core::{MarketId, ReviewState};
use futures_util::TryStreamExt;
use std::ops::ControlFlow;
use tokio_postgres::types::ToSql;

/// The assigned labels of verdict `v`, joined by commas.
pub(super) const LABELS_AGG: &str = "(SELECT string_agg(vl.label, ',') FROM verdict_labels vl
                                      WHERE vl.verdict_id = v.id AND vl.assigned)";

impl PgStore {
    /// The evidence records of the pages a listing was parsed from, oldest first.
    pub fn listing_pages(&self, listing_id: i64) -> Result<Vec<PageMeta>> {
        self.rows_of(
            "read a listing's pages",
            &format!(
                "SELECT {PAGE_META_COLS}
                 FROM listing_pages lp JOIN pages p ON p.id = lp.page_id
                 WHERE lp.listing_id = $1 ORDER BY p.fetched_at, p.id"
            ),
            &[&listing_id],
            page_meta_from,
        )
    }

    /// The earlier contents of a listing, oldest first (the current content is not included).
    pub fn listing_versions(&self, id: i64) -> Result<Vec<ListingVersion>> {
        self.rows_of(
            "read listing versions",
            &format!(
                "SELECT {}
                 FROM listing_versions v JOIN listings l ON l.id = v.listing_id
                 WHERE v.listing_id = $1 ORDER BY v.version",
                listing_version_cols()
            ),
            &[&id],
            listing_version_from,
        )
    }

    /// Other listings with exactly this vendor name (any market), highest score first, at most
    /// `limit`.
    pub fn same_vendor_listings(
        &self,
        vendor: &str,
        except: i64,
        limit: usize,
    ) -> Result<Vec<SameVendorListing>> {
        let limit = i64::try_from(limit).unwrap_or(100);
        self.rows_of(
            "read a vendor's listings",
            &format!(
                "SELECT {SAME_VENDOR_COLS}
                 FROM listings l LEFT JOIN review_queue q ON q.listing_id = l.id
                 WHERE l.vendor = $1 AND l.id <> $2
                 ORDER BY coalesce(q.max_score, -1) DESC, l.id DESC
                 LIMIT $3"
            ),
            &[&vendor, &except, &limit],
            same_vendor_from,
        )
    }

    /// Ids of the listings parsed from a page, by id.
    pub fn page_listings(&self, page_id: i64) -> Result<Vec<i64>> {
        self.rows_of(
            "read a page's listings",
            "SELECT listing_id FROM listing_pages WHERE page_id = $1 ORDER BY listing_id",
            &[&page_id],
            |r| r.col(0),
        )
    }

    /// Ids of the listings whose newest verdict is flagged, by id.
    pub fn flagged_listing_ids(&self) -> Result<Vec<i64>> {
        self.rows_of(
            "select listing ids",
            "SELECT listing_id FROM review_queue WHERE flagged ORDER BY listing_id",
            &[],
            |r| r.col(0),
        )
    }

    /// Ids of the reviewed listings (in `state` when given), by id; `unreviewed`: the flagged
    /// listings nobody decided on yet.
    pub fn reviewed_listing_ids(&self, state: Option<ReviewState>) -> Result<Vec<i64>> {
        let op = "select listing ids";
        match state {
            Some(ReviewState::Unreviewed) => self.rows_of(
                op,
                "SELECT listing_id FROM review_queue WHERE state = 'unreviewed' AND flagged
                 ORDER BY listing_id",
                &[],
                |r| r.col(0),
            ),
            _ => self.rows_of(
                op,
                "SELECT DISTINCT r.listing_id FROM reviews r
                 WHERE r.id = (SELECT max(r2.id) FROM reviews r2 WHERE r2.listing_id = r.listing_id)
                     AND ($1::text IS NULL OR r.state = $1)
                 ORDER BY r.listing_id",
                &[&state.map(|s| s.as_str())],
                |r| r.col(0),
            ),
        }
    }

    /// Each reviewed listing's newest decision with the content of the version it was made on,
    /// by listing id; only `state` when given (see `Store::reviewed_listings`).
    pub fn reviewed_listings(&self, state: Option<ReviewState>) -> Result<Vec<ReviewedListing>> {
        self.rows_of(
            "read reviewed listings",
            &reviewed_sql("$1::text"),
            &[&state.map(|s| s.as_str())],
            reviewed_from,
        )
    }

    /// Calls `f` with each flagged listing (by its latest verdict), highest score first, then by
    /// listing id, as PostgreSQL streams them (memory stays flat), until `f` breaks. Returns how
    /// many rows `f` took. See `Store::for_each_flagged`.
    pub fn each_flagged(
        &self,
        query: &FlaggedQuery,
        f: &mut dyn FnMut(FlaggedRow) -> ControlFlow<()>,
    ) -> Result<usize> {
        let op = "query flagged listings";
        let q = self.q(op);
        // The market condition as its own statement, so the per-market index can serve it.
        let sql = format!(
            "SELECT {FLAGGED_COLS}
             FROM listings l JOIN verdicts v ON v.id = l.latest_verdict_id
             WHERE l.flag_score IS NOT NULL {market}
                 AND ($2::text IS NULL OR EXISTS (
                     SELECT 1 FROM verdict_labels vl
                     WHERE vl.verdict_id = v.id AND vl.label = $2 AND vl.assigned
                         AND vl.score >= coalesce($3::float8, 0)))
                 AND ($2::text IS NOT NULL OR $3::float8 IS NULL OR l.flag_score >= $3::float8)
             ORDER BY l.flag_score DESC, l.id
             LIMIT $4",
            market = if query.market.is_some() {
                "AND l.market_id = $1::text"
            } else {
                "AND $1::text IS NULL"
            },
        );
        let market = query.market.as_ref().map(|m| m.as_str());
        let label = query.label.map(|l| l.as_str());
        let min = query.min_score.map(f64::from);
        let limit = query.limit.map(|n| i64::try_from(n).unwrap_or(i64::MAX));
        let params: [&(dyn ToSql + Sync); 4] = [&market, &label, &min, &limit];
        self.read(async |c| {
            let stream = c.query_raw(&sql, params).await.map_err(&q)?;
            let mut stream = std::pin::pin!(stream);
            let mut n = 0;
            while let Some(r) = stream.try_next().await.map_err(&q)? {
                let row = flagged_from(&r).map_err(|e| self.row_err(op, e))?;
                if f(row).is_break() {
                    break;
                }
                n += 1;
            }
            Ok(n)
        })
    }

    /// Listings marked vanished (of one market, or all), most recently vanished first.
    pub fn vanished_listings(&self, market: Option<&MarketId>) -> Result<Vec<VanishedListing>> {
        self.rows_of(
            "read vanished listings",
            &format!(
                "SELECT {VANISHED_COLS}
                 FROM listings WHERE vanished_at IS NOT NULL AND ($1::text IS NULL OR market_id = $1)
                 ORDER BY vanished_at DESC, id"
            ),
            &[&market.map(MarketId::as_str)],
            vanished_from,
        )
    }

    /// Every listing with its labels, flag and price history, for `stats::aggregate`.
    pub fn stats_listings(&self) -> Result<Vec<StatsListing>> {
        let op = "read listings for statistics";
        let listings = self.rows_of(
            op,
            &format!(
                "SELECT {}
                 FROM listings l
                 LEFT JOIN verdicts v ON v.id = l.latest_verdict_id
                 ORDER BY l.id",
                stats_listing_cols(LABELS_AGG)
            ),
            &[],
            stats_listing_from,
        )?;
        let old = self.rows_of(
            op,
            &format!(
                "SELECT {PRICE_SPAN_COLS} FROM listing_versions
                 WHERE price_amount IS NOT NULL AND currency IS NOT NULL
                 ORDER BY listing_id, version"
            ),
            &[],
            price_span_from,
        )?;
        Ok(with_old_prices(listings, old))
    }
}
