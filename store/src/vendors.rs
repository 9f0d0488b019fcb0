//! Vendors as the store sees them: one record per (market, vendor name) built from the listings,
//! the inputs for linking vendors across markets, and renames.

use crate::rows::{
    dedup_renames, vendor_listing_cols, vendor_listing_from, vendor_record_from,
    vendor_rename_from, vendor_text_from, with_fingerprints, VENDOR_COLS, VENDOR_TEXT_COLS,
};
use crate::{EntityRow, Result, Store};
use armswatch_core::vendor::{VendorEntity, VendorKey, VendorText};
use armswatch_core::MarketId;
use rusqlite::params;
use serde::Serialize;

/// A vendor on one market.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VendorRecord {
    pub market: MarketId,
    pub name: String,
    /// The vendor's profile page, when a listing links to one.
    pub profile_url: Option<String>,
    /// Unix seconds: the vendor's first and last seen listing.
    pub first_seen: i64,
    pub last_seen: i64,
    pub listings: usize,
    /// Listings whose current verdict is flagged.
    pub flagged: usize,
    pub vanished: usize,
    /// Fingerprints of PGP keys seen with the vendor (listings and profile page).
    pub pgp_fingerprints: Vec<String>,
}

/// A vendor name that changed on one market.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VendorRename {
    pub market: MarketId,
    pub old_name: String,
    pub new_name: String,
    /// `listing` (a listing's vendor field changed between versions) or `profile_page` (one profile
    /// page under two names).
    pub evidence: String,
    /// The listing URL or profile page URL.
    pub url: String,
    /// When the new name was first seen (unix seconds).
    pub at: i64,
}

/// A vendor's listing, short.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VendorListing {
    pub listing_id: i64,
    pub url: String,
    pub title: String,
    pub price_text: Option<String>,
    pub labels: Vec<String>,
    pub flagged: bool,
    pub first_seen: i64,
    pub last_seen: i64,
    pub vanished_at: Option<i64>,
}

impl Store {
    /// Vendor records, by market then name; only `name` (exact, any market) when given.
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn vendors(&self, name: Option<&str>) -> Result<Vec<VendorRecord>> {
        let out = self.rows_of(
            "read vendors",
            &format!(
                "SELECT {VENDOR_COLS}
                 FROM listings l
                 WHERE l.vendor IS NOT NULL AND (?1 IS NULL OR l.vendor = ?1)
                 GROUP BY l.market_id, l.vendor ORDER BY l.market_id, l.vendor"
            ),
            params![name],
            |r| vendor_record_from(r),
        )?;
        Ok(with_fingerprints(out, &self.vendor_entities()?))
    }

    /// The inputs of [`armswatch_core::vendor::link_vendors`]: entities seen with vendors, and each
    /// vendor's listing texts (title and description of the current version).
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn vendor_link_inputs(&self) -> Result<(Vec<VendorEntity>, Vec<VendorText>)> {
        let texts = self.rows_of(
            "read vendor texts",
            &format!(
                "SELECT {VENDOR_TEXT_COLS}
                 FROM listings WHERE vendor IS NOT NULL ORDER BY market_id, vendor, id"
            ),
            [],
            |r| vendor_text_from(r),
        )?;
        Ok((vendor_entities_of(self.vendor_entities()?), texts))
    }

    /// A vendor's listings on a market, newest first.
    pub fn vendor_listings(&self, market: &MarketId, name: &str) -> Result<Vec<VendorListing>> {
        self.rows_of(
            "read vendor listings",
            &format!(
                "SELECT {}
                 FROM listings l
                 LEFT JOIN verdicts v ON v.id = l.latest_verdict_id
                 WHERE l.market_id = ?1 AND l.vendor = ?2
                 ORDER BY l.last_seen DESC, l.id",
                vendor_listing_cols(
                    "(SELECT group_concat(vl.label, ',') FROM verdict_labels vl
                      WHERE vl.verdict_id = v.id AND vl.assigned = 1)"
                )
            ),
            params![market.as_str(), name],
            |r| vendor_listing_from(r),
        )
    }

    /// Vendor names that changed: a listing whose vendor field changed between versions, or one
    /// profile page shown under two names. Oldest first.
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn vendor_renames(&self) -> Result<Vec<VendorRename>> {
        let rows = self.rows_of(
            "find vendor renames",
            "SELECT l.market_id, v.vendor,
                 CASE WHEN n.id IS NULL THEN l.vendor ELSE n.vendor END,
                 'listing', l.canonical_url,
                 CASE WHEN n.id IS NULL THEN l.version_first_seen ELSE n.first_seen END
             FROM listing_versions v JOIN listings l ON l.id = v.listing_id
             LEFT JOIN listing_versions n
                 ON n.listing_id = v.listing_id AND n.version = v.version + 1
             WHERE v.vendor IS NOT NULL
                 AND (CASE WHEN n.id IS NULL THEN l.vendor ELSE n.vendor END) IS NOT NULL
                 AND v.vendor != (CASE WHEN n.id IS NULL THEN l.vendor ELSE n.vendor END)
             UNION ALL
             SELECT a.market_id, a.vendor, b.vendor, 'profile_page', a.vendor_url,
                 min(b.first_seen)
             FROM listings a JOIN listings b
                 ON a.market_id = b.market_id AND a.vendor_url = b.vendor_url
             WHERE a.vendor IS NOT NULL AND b.vendor IS NOT NULL AND a.vendor != b.vendor
                 AND a.first_seen < b.first_seen
                 AND NOT EXISTS (SELECT 1 FROM listings x WHERE x.market_id = a.market_id
                     AND x.vendor_url = a.vendor_url AND x.vendor = b.vendor
                     AND x.first_seen <= a.first_seen)
             GROUP BY a.market_id, a.vendor, b.vendor, a.vendor_url
             ORDER BY 6, 1, 2",
            [],
            |r| vendor_rename_from(r),
        )?;
        Ok(dedup_renames(rows))
    }
}

/// Entity sightings attributed to a vendor as the inputs of vendor linking.
pub(crate) fn vendor_entities_of(rows: Vec<EntityRow>) -> Vec<VendorEntity> {
    rows.into_iter()
        .filter_map(|e| {
            Some(VendorEntity {
                vendor: VendorKey {
                    market: e.market,
                    name: e.vendor?,
                },
                kind: e.kind,
                value: e.value,
                url: e.url,
            })
        })
        .collect()
}
