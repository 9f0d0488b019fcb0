//! Vendors across markets, PGP keys and candidate markets on PostgreSQL, with the SQLite
//! backend's semantics (`vendors.rs`, `entities.rs`) and the same row decoders (`rows.rs`). Text is
//! ordered byte-wise (`COLLATE "C"`), as SQLite orders it.

use super::case::LABELS_AGG;
use super::PgStore;
use crate::entities::host_of;
use crate::rows::{
    candidates, dedup_renames, entity_from, onion_from, pgp_key_from, vendor_listing_cols,
    vendor_listing_from, vendor_record_from, vendor_rename_from, vendor_text_from,
    with_fingerprints, Cols, ENTITY_COLS, ONION_COLS, PGP_KEY_COLS, VENDOR_COLS, VENDOR_TEXT_COLS,
};
use crate::vendors::vendor_entities_of;
use crate::{CandidateMarket, EntityRow, Result, VendorListing, VendorRecord, VendorRename};
use armswatch_core::vendor::{VendorEntity, VendorText};
use armswatch_core::{MarketId, PgpKey};
use std::collections::BTreeSet;

impl PgStore {
    /// Vendor records, by market then name; only `name` (exact, any market) when given.
    pub fn vendors(&self, name: Option<&str>) -> Result<Vec<VendorRecord>> {
        let out = self.rows_of(
            "read vendors",
            &format!(
                "SELECT {}
                 FROM listings l
                 WHERE l.vendor IS NOT NULL AND ($1::text IS NULL OR l.vendor = $1)
                 GROUP BY l.market_id, l.vendor
                 ORDER BY l.market_id COLLATE \"C\", l.vendor COLLATE \"C\"",
                VENDOR_COLS.replace("max(l.vendor_url)", "max(l.vendor_url COLLATE \"C\")")
            ),
            &[&name],
            vendor_record_from,
        )?;
        Ok(with_fingerprints(out, &self.vendor_entities()?))
    }

    /// Every sighting of a personal entity (not onion addresses) attributed to a vendor; ordered
    /// by market, vendor, kind, value.
    pub fn vendor_entities(&self) -> Result<Vec<EntityRow>> {
        self.rows_of(
            "read vendor entities",
            &format!(
                "SELECT {ENTITY_COLS} FROM entity_sightings s JOIN entities e ON e.id = s.entity_id
                 WHERE s.vendor IS NOT NULL AND e.kind <> 'onion'
                 ORDER BY s.market_id COLLATE \"C\", s.vendor COLLATE \"C\", e.kind COLLATE \"C\",
                     e.value COLLATE \"C\", s.id"
            ),
            &[],
            entity_from,
        )
    }

    /// The inputs of vendor linking: entities seen with vendors, and each vendor's listing texts.
    pub fn vendor_link_inputs(&self) -> Result<(Vec<VendorEntity>, Vec<VendorText>)> {
        let texts = self.rows_of(
            "read vendor texts",
            &format!(
                "SELECT {VENDOR_TEXT_COLS}
                 FROM listings WHERE vendor IS NOT NULL
                 ORDER BY market_id COLLATE \"C\", vendor COLLATE \"C\", id"
            ),
            &[],
            vendor_text_from,
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
                 WHERE l.market_id = $1 AND l.vendor = $2
                 ORDER BY l.last_seen DESC, l.id",
                vendor_listing_cols(LABELS_AGG)
            ),
            &[&market.as_str(), &name],
            vendor_listing_from,
        )
    }

    /// Vendor names that changed (see `Store::vendor_renames`). Oldest first.
    pub fn vendor_renames(&self) -> Result<Vec<VendorRename>> {
        let rows = self.rows_of(
            "find vendor renames",
            "SELECT market_id, old_name, new_name, evidence, url, at FROM (
                 SELECT l.market_id, v.vendor,
                     CASE WHEN n.id IS NULL THEN l.vendor ELSE n.vendor END,
                     'listing'::text, l.canonical_url,
                     CASE WHEN n.id IS NULL THEN l.version_first_seen ELSE n.first_seen END
                 FROM listing_versions v JOIN listings l ON l.id = v.listing_id
                 LEFT JOIN listing_versions n
                     ON n.listing_id = v.listing_id AND n.version = v.version + 1
                 WHERE v.vendor IS NOT NULL
                     AND (CASE WHEN n.id IS NULL THEN l.vendor ELSE n.vendor END) IS NOT NULL
                     AND v.vendor <> (CASE WHEN n.id IS NULL THEN l.vendor ELSE n.vendor END)
                 UNION ALL
                 SELECT a.market_id, a.vendor, b.vendor, 'profile_page'::text, a.vendor_url,
                     min(b.first_seen)
                 FROM listings a JOIN listings b
                     ON a.market_id = b.market_id AND a.vendor_url = b.vendor_url
                 WHERE a.vendor IS NOT NULL AND b.vendor IS NOT NULL AND a.vendor <> b.vendor
                     AND a.first_seen < b.first_seen
                     AND NOT EXISTS (SELECT 1 FROM listings x WHERE x.market_id = a.market_id
                         AND x.vendor_url = a.vendor_url AND x.vendor = b.vendor
                         AND x.first_seen <= a.first_seen)
                 GROUP BY a.market_id, a.vendor, b.vendor, a.vendor_url
             ) r (market_id, old_name, new_name, evidence, url, at)
             ORDER BY at, market_id COLLATE \"C\", old_name COLLATE \"C\"",
            &[],
            vendor_rename_from,
        )?;
        Ok(dedup_renames(rows))
    }

    /// The parsed key with this fingerprint, if a key block for it was seen.
    pub fn pgp_key(&self, fingerprint: &str) -> Result<Option<PgpKey>> {
        Ok(self
            .rows_of(
                "read pgp key",
                &format!("SELECT {PGP_KEY_COLS} FROM pgp_keys WHERE fingerprint = $1"),
                &[&fingerprint],
                pgp_key_from,
            )?
            .pop())
    }

    /// Onion addresses found in market text that are no known market's, most widely seen first.
    pub fn candidate_markets(&self) -> Result<Vec<CandidateMarket>> {
        let op = "find candidate markets";
        let known: BTreeSet<String> = self
            .rows_of(
                op,
                "SELECT base_url FROM markets WHERE base_url IS NOT NULL",
                &[],
                |r| r.col::<String>(0),
            )?
            .iter()
            .filter_map(|u| host_of(u))
            .collect();
        let sightings = self.rows_of(
            op,
            &format!(
                "SELECT {ONION_COLS}
                 FROM entity_sightings s JOIN entities e ON e.id = s.entity_id
                 WHERE e.kind = 'onion' ORDER BY e.value COLLATE \"C\", s.first_seen, s.id"
            ),
            &[],
            onion_from,
        )?;
        Ok(candidates(&known, sightings))
    }
}
