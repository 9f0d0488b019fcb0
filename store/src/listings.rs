//! Listings and their history. A listing is keyed by (market, canonical URL); seeing it again with
//! the same content only moves `last_seen`, while changed content keeps the old content as a row of
//! `listing_versions` and bumps the version, so the change is tracked and the listing re-classified.

use crate::rows::{
    content_cols, listing_from, listing_version_cols, listing_version_from, CONTENT_COLS,
};
use crate::{Result, Store};
use armswatch_core::crawl::ListingWrite;
use armswatch_core::{Listing, MarketId};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// A listing as stored: its current content and when it was seen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredListing {
    pub id: i64,
    pub market: MarketId,
    /// The current content; `listing.url` is the canonical URL.
    pub listing: Listing,
    /// Hash of the content fields (see [`content_sha256`]).
    pub content_sha256: String,
    /// 1 for the first content, +1 on every change.
    pub version: u32,
    /// Unix seconds, UTC.
    pub first_seen: i64,
    pub last_seen: i64,
    /// When the current version's content was first seen.
    pub version_first_seen: i64,
    /// When the crawls that marked it vanished first missed it; `None` while it is present.
    pub vanished_at: Option<i64>,
    /// The pages the listing was parsed from, oldest first.
    pub page_ids: Vec<i64>,
}

/// An earlier content of a listing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListingVersion {
    pub listing_id: i64,
    pub version: u32,
    pub listing: Listing,
    pub content_sha256: String,
    /// When this content was first and last seen, unix seconds.
    pub first_seen: i64,
    pub last_seen: i64,
}

/// Reads the eleven content columns ([`CONTENT_COLS`]) starting at column `at`.
fn listing_from_row(r: &Row<'_>, at: usize, url: String) -> rusqlite::Result<Listing> {
    Ok(listing_from(r, at, url)?)
}

/// Hex SHA-256 over a listing's content fields (everything but the URL), each length-prefixed with
/// a presence byte, so that no two different contents share a hash.
pub fn content_sha256(l: &Listing) -> String {
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
    let mut buf = b"armswatch-listing-content-v1\0".to_vec();
    text(&mut buf, l.market_listing_id.as_deref());
    text(&mut buf, Some(&l.title));
    text(&mut buf, l.description.as_deref());
    text(&mut buf, l.vendor.as_deref());
    text(&mut buf, l.price_text.as_deref());
    match l.price_amount {
        None => buf.push(0),
        Some(a) => {
            buf.push(1);
            buf.extend_from_slice(&a.to_bits().to_le_bytes());
        }
    }
    text(&mut buf, l.currency.as_deref());
    text(&mut buf, l.category.as_deref());
    text(&mut buf, l.ships_from.as_deref());
    text(&mut buf, l.ships_to.as_deref());
    // Added later: written only when there is a range, so that listings without one keep the hash
    // they had before (every earlier field is length-prefixed, so the tail is unambiguous).
    if let Some(h) = l.price_high {
        buf.push(1);
        buf.extend_from_slice(&h.to_bits().to_le_bytes());
    }
    hex::encode(Sha256::digest(&buf))
}

impl Store {
    /// Stores listings parsed from page `page_id` at time `now` (unix seconds), in one transaction.
    /// New listings are inserted as version 1; unchanged ones only get `last_seen` and the page
    /// link; changed ones keep their old content in `listing_versions` and move to the next version.
    /// The ids of new and changed listings come back in `to_classify`.
    #[tracing::instrument(level = "debug", skip_all, fields(market = %market, page_id = page_id, n = listings.len()))]
    pub fn save_listings(
        &self,
        market: &MarketId,
        page_id: i64,
        now: i64,
        listings: &[Listing],
    ) -> Result<ListingWrite> {
        let out = self.write("save listings", |tx| {
            self.save_listings_tx(tx, market, page_id, now, listings)
        })?;
        tracing::debug!(
            new = out.new,
            changed = out.changed,
            unchanged = out.unchanged,
            "listings saved"
        );
        Ok(out)
    }

    /// [`Store::save_listings`] inside a caller's transaction.
    pub(crate) fn save_listings_tx(
        &self,
        tx: &Transaction<'_>,
        market: &MarketId,
        page_id: i64,
        now: i64,
        listings: &[Listing],
    ) -> Result<ListingWrite> {
        let q = self.q("save listings");
        let mut find = tx
            .prepare_cached(
                "SELECT id, content_sha256 FROM listings
                 WHERE market_id = ?1 AND canonical_url = ?2",
            )
            .map_err(&q)?;
        let mut insert = tx
            .prepare_cached(&format!(
                "INSERT INTO listings (market_id, canonical_url, {CONTENT_COLS}, content_sha256,
                     version, first_seen, last_seen, version_first_seen)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?15, ?13, 1, ?14, ?14,
                     ?14)"
            ))
            .map_err(&q)?;
        let mut seen = tx
            .prepare_cached(
                "UPDATE listings SET last_seen = max(last_seen, ?2),
                     first_seen = min(first_seen, ?2)
                 WHERE id = ?1",
            )
            .map_err(&q)?;
        let mut vendor_url = tx
            .prepare_cached("UPDATE listings SET vendor_url = ?2 WHERE id = ?1 AND ?2 IS NOT NULL")
            .map_err(&q)?;
        let mut back = tx
            .prepare_cached(
                "UPDATE listings SET vanished_at = NULL WHERE id = ?1 AND vanished_at IS NOT NULL",
            )
            .map_err(&q)?;
        let mut back_event = tx
            .prepare_cached(
                "INSERT INTO listing_presence (listing_id, event, at) VALUES (?1, 'reappeared', ?2)",
            )
            .map_err(&q)?;
        let mut keep_old = tx
            .prepare_cached(&format!(
                "INSERT INTO listing_versions (listing_id, version, {CONTENT_COLS},
                     content_sha256, first_seen, last_seen)
                 SELECT id, version, {CONTENT_COLS}, content_sha256, version_first_seen,
                     last_seen
                 FROM listings WHERE id = ?1"
            ))
            .map_err(&q)?;
        let mut update = tx
            .prepare_cached(
                "UPDATE listings SET market_listing_id = ?2, title = ?3, description = ?4,
                     vendor = ?5, price_text = ?6, price_amount = ?7, currency = ?8,
                     category = ?9, ships_from = ?10, ships_to = ?11, content_sha256 = ?12,
                     version = version + 1, last_seen = max(last_seen, ?13),
                     version_first_seen = ?13, price_high = ?14
                 WHERE id = ?1",
            )
            .map_err(&q)?;
        let mut link = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO listing_pages (listing_id, page_id) VALUES (?1, ?2)",
            )
            .map_err(&q)?;

        let mut out = ListingWrite::default();
        for l in listings {
            let sha = content_sha256(l);
            let known: Option<(i64, String)> = find
                .query_row(params![market.as_str(), l.url], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()
                .map_err(&q)?;
            let id = match known {
                None => {
                    insert
                        .execute(params![
                            market.as_str(),
                            l.url,
                            l.market_listing_id,
                            l.title,
                            l.description,
                            l.vendor,
                            l.price_text,
                            l.price_amount,
                            l.currency,
                            l.category,
                            l.ships_from,
                            l.ships_to,
                            sha,
                            now,
                            l.price_high
                        ])
                        .map_err(&q)?;
                    let id = tx.last_insert_rowid();
                    out.new += 1;
                    out.to_classify.push(id);
                    id
                }
                Some((id, old)) if old == sha => {
                    seen.execute(params![id, now]).map_err(&q)?;
                    out.unchanged += 1;
                    id
                }
                Some((id, _)) => {
                    keep_old.execute([id]).map_err(&q)?;
                    update
                        .execute(params![
                            id,
                            l.market_listing_id,
                            l.title,
                            l.description,
                            l.vendor,
                            l.price_text,
                            l.price_amount,
                            l.currency,
                            l.category,
                            l.ships_from,
                            l.ships_to,
                            sha,
                            now,
                            l.price_high
                        ])
                        .map_err(&q)?;
                    out.changed += 1;
                    if !out.to_classify.contains(&id) {
                        out.to_classify.push(id);
                    }
                    id
                }
            };
            link.execute(params![id, page_id]).map_err(&q)?;
            vendor_url.execute(params![id, l.vendor_url]).map_err(&q)?;
            if back.execute([id]).map_err(&q)? > 0 {
                back_event.execute(params![id, now]).map_err(&q)?;
                out.reappeared += 1;
            }
        }
        Ok(out)
    }

    /// A listing by id, with its current content, times, version and pages.
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn listing(&self, id: i64) -> Result<Option<StoredListing>> {
        let q = self.q("read listing");
        self.read(|c| {
            let found = c
                .query_row(
                    &format!(
                        "SELECT market_id, canonical_url, content_sha256, version, first_seen,
                             last_seen, version_first_seen, {CONTENT_COLS}, vendor_url, vanished_at
                         FROM listings WHERE id = ?1"
                    ),
                    [id],
                    |r| {
                        let mut listing = listing_from_row(r, 7, r.get(1)?)?;
                        listing.vendor_url = r.get(18)?;
                        Ok(StoredListing {
                            id,
                            market: MarketId(r.get(0)?),
                            listing,
                            vanished_at: r.get(19)?,
                            content_sha256: r.get(2)?,
                            version: r.get(3)?,
                            first_seen: r.get(4)?,
                            last_seen: r.get(5)?,
                            version_first_seen: r.get(6)?,
                            page_ids: Vec::new(),
                        })
                    },
                )
                .optional()
                .map_err(&q)?;
            let Some(mut found) = found else {
                return Ok(None);
            };
            let mut st = c
                .prepare_cached(
                    "SELECT page_id FROM listing_pages WHERE listing_id = ?1 ORDER BY page_id",
                )
                .map_err(&q)?;
            found.page_ids = st
                .query_map([id], |r| r.get(0))
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<i64>>>()
                .map_err(&q)?;
            Ok(Some(found))
        })
    }

    /// The earlier contents of a listing, oldest first (the current content is not included).
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn listing_versions(&self, id: i64) -> Result<Vec<ListingVersion>> {
        self.rows_of(
            "read listing versions",
            &format!(
                "SELECT {}
                 FROM listing_versions v JOIN listings l ON l.id = v.listing_id
                 WHERE v.listing_id = ?1 ORDER BY v.version",
                listing_version_cols()
            ),
            [id],
            |r| listing_version_from(r),
        )
    }

    /// Up to `limit` listings, oldest id first, whose current version has no verdict from model
    /// version `model_version`.
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn listings_needing_verdict(
        &self,
        model_version: &str,
        limit: usize,
    ) -> Result<Vec<(i64, Listing)>> {
        let q = self.q("find listings needing a verdict");
        self.read(|c| {
            let mut st = c
                .prepare_cached(&format!(
                    "SELECT l.id, l.canonical_url, {}
                     FROM listings l
                     WHERE NOT EXISTS (
                         SELECT 1 FROM verdicts v
                         WHERE v.model_version = ?1 AND v.listing_id = l.id
                             AND v.listing_version = l.version)
                     ORDER BY l.id LIMIT ?2",
                    content_cols("l.")
                ))
                .map_err(&q)?;
            let limit = i64::try_from(limit).unwrap_or(i64::MAX);
            let rows = st
                .query_map(params![model_version, limit], |r| {
                    Ok((r.get(0)?, listing_from_row(r, 2, r.get(1)?)?))
                })
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            Ok(rows)
        })
    }
}

#[cfg(test)]
mod tests {
    // A pure function, the same for both backends (storing listings: tests/listings.rs).
    use super::content_sha256;
    use crate::test_support::*;

    #[test]
    fn content_hash_ignores_url_and_sees_every_field() {
        // Guards: the change detector hashes content, not the URL, and fields cannot run together.
        let a = listing("http://d/1", "Glock 19");
        let mut b = a.clone();
        b.url = "http://d/other".into();
        assert_eq!(content_sha256(&a), content_sha256(&b));
        let mut c = a.clone();
        c.ships_to = Some("EU".into());
        assert_ne!(content_sha256(&a), content_sha256(&c));
        let mut d = a.clone();
        d.title = "Glock".into();
        d.description = Some(" 19, described".into());
        assert_ne!(content_sha256(&a), content_sha256(&d));
    }
}
