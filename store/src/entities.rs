//! Entities and where they were found: per listing version and field, on vendor profile pages, or
//! anywhere on a page (onion addresses). Parsed PGP keys are kept by fingerprint. Onion addresses of
//! no known market are the candidate markets.

use crate::rows::{
    candidates, entity_from, onion_from, pgp_key_from, Cols, ENTITY_COLS, ONION_COLS, PGP_KEY_COLS,
};
use crate::{Result, Store};
use armswatch_core::{Entity, EntityKind, MarketId, PgpKey};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use std::collections::BTreeSet;

/// Where an entity was found, for [`Store::save_entities`].
#[derive(Debug, Clone, PartialEq)]
pub struct Sighting {
    pub entity: Entity,
    /// The listing's canonical URL, or the page's URL.
    pub url: String,
    /// The listing and its version, when found in a listing's field.
    pub listing: Option<(i64, u32)>,
    /// The vendor the text belongs to, when known.
    pub vendor: Option<String>,
    /// `title`, `description`, `vendor_page` or `page`.
    pub field: &'static str,
    pub page_id: Option<i64>,
}

/// A stored sighting of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityRow {
    pub kind: EntityKind,
    pub value: String,
    pub market: MarketId,
    pub url: String,
    pub listing_id: Option<i64>,
    /// 0 outside listings.
    pub listing_version: u32,
    pub vendor: Option<String>,
    pub field: String,
    /// As written on the page.
    pub raw: String,
    pub byte_offset: i64,
    pub page_id: Option<i64>,
    pub first_seen: i64,
    pub last_seen: i64,
}

/// An onion address found in market text that is no known market's address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CandidateMarket {
    pub onion: String,
    /// The markets on whose pages it was found.
    pub found_on: Vec<String>,
    pub sightings: usize,
    /// One place it was found (a listing or page URL).
    pub example_url: String,
    pub first_seen: i64,
    pub last_seen: i64,
}

/// Columns of [`EntityRow`], in order.
impl Store {
    /// Stores entities found on market `market` at time `now`, in one transaction; returns how many
    /// sightings were written. Seeing the same entity at the same place again only moves `last_seen`.
    #[tracing::instrument(level = "debug", skip_all, fields(market = %market, n = sightings.len()))]
    pub fn save_entities(
        &self,
        market: &MarketId,
        now: i64,
        sightings: &[Sighting],
    ) -> Result<usize> {
        if sightings.is_empty() {
            return Ok(0);
        }
        self.write("save entities", |tx| {
            self.save_entities_tx(tx, market, now, sightings)
        })
    }

    /// [`Store::save_entities`] inside a caller's transaction.
    pub(crate) fn save_entities_tx(
        &self,
        tx: &Transaction<'_>,
        market: &MarketId,
        now: i64,
        sightings: &[Sighting],
    ) -> Result<usize> {
        let q = self.q("save entities");
        let mut entity = tx
            .prepare_cached(
                "INSERT INTO entities (kind, value, first_seen) VALUES (?1, ?2, ?3)
                 ON CONFLICT (kind, value) DO UPDATE SET first_seen = min(first_seen, ?3)
                 RETURNING id",
            )
            .map_err(&q)?;
        let mut sighting = tx
            .prepare_cached(
                "INSERT INTO entity_sightings (entity_id, market_id, url, listing_id,
                     listing_version, vendor, field, raw, byte_offset, page_id, first_seen,
                     last_seen)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)
                 ON CONFLICT (entity_id, market_id, url, listing_version, field, byte_offset)
                 DO UPDATE SET last_seen = max(last_seen, ?11),
                     vendor = coalesce(?6, vendor)",
            )
            .map_err(&q)?;
        let mut key = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO pgp_keys (fingerprint, key_id, algorithm, created_at,
                     user_ids_json, self_signed, armored, first_seen)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .map_err(&q)?;
        let mut written = 0;
        for s in sightings {
            let e = &s.entity;
            let id: i64 = entity
                .query_row(params![e.kind.as_str(), e.value, now], |r| r.get(0))
                .map_err(&q)?;
            sighting
                .execute(params![
                    id,
                    market.as_str(),
                    s.url,
                    s.listing.map(|l| l.0),
                    s.listing.map_or(0, |l| l.1),
                    s.vendor,
                    s.field,
                    e.raw,
                    e.offset as i64,
                    s.page_id,
                    now
                ])
                .map_err(&q)?;
            written += 1;
            if let Some(k) = &e.pgp {
                save_key(&mut key, k, now).map_err(&q)?;
            }
        }
        Ok(written)
    }

    /// Every sighting of entities in listing `listing_id` (all versions), by version then offset.
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn listing_entities(&self, listing_id: i64) -> Result<Vec<EntityRow>> {
        self.rows_of(
            "read listing entities",
            &format!(
                "SELECT {ENTITY_COLS} FROM entity_sightings s JOIN entities e ON e.id = s.entity_id
                 WHERE s.listing_id = ?1
                 ORDER BY s.listing_version, s.field, s.byte_offset"
            ),
            [listing_id],
            |r| entity_from(r),
        )
    }

    /// Every sighting of a personal entity (not onion addresses) attributed to a vendor, for linking
    /// vendors; ordered by market, vendor, kind, value.
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn vendor_entities(&self) -> Result<Vec<EntityRow>> {
        self.rows_of(
            "read vendor entities",
            &format!(
                "SELECT {ENTITY_COLS} FROM entity_sightings s JOIN entities e ON e.id = s.entity_id
                 WHERE s.vendor IS NOT NULL AND e.kind != 'onion'
                 ORDER BY s.market_id, s.vendor, e.kind, e.value, s.id"
            ),
            [],
            |r| entity_from(r),
        )
    }

    /// The parsed key with this fingerprint, if a key block for it was seen.
    pub fn pgp_key(&self, fingerprint: &str) -> Result<Option<PgpKey>> {
        Ok(self
            .rows_of(
                "read pgp key",
                &format!("SELECT {PGP_KEY_COLS} FROM pgp_keys WHERE fingerprint = ?1"),
                [fingerprint],
                |r| pgp_key_from(r),
            )?
            .pop())
    }

    /// The vendor whose listings link to profile page `url` on `market` (the most recent name).
    pub fn vendor_for_url(&self, market: &MarketId, url: &str) -> Result<Option<String>> {
        let q = self.q("find vendor by profile page");
        self.read(|c| {
            c.query_row(
                "SELECT vendor FROM listings
                 WHERE market_id = ?1 AND vendor_url = ?2 AND vendor IS NOT NULL
                 ORDER BY last_seen DESC LIMIT 1",
                params![market.as_str(), url],
                |r| r.get(0),
            )
            .optional()
            .map_err(&q)
        })
    }

    /// Onion addresses found in market text whose host is no known market's (`markets.base_url`),
    /// most widely seen first.
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn candidate_markets(&self) -> Result<Vec<CandidateMarket>> {
        let op = "find candidate markets";
        let known: BTreeSet<String> = self
            .rows_of(
                op,
                "SELECT base_url FROM markets WHERE base_url IS NOT NULL",
                [],
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
                 WHERE e.kind = 'onion' ORDER BY e.value, s.first_seen, s.id"
            ),
            [],
            |r| onion_from(r),
        )?;
        Ok(candidates(&known, sightings))
    }
}

fn save_key(st: &mut rusqlite::CachedStatement<'_>, k: &PgpKey, now: i64) -> rusqlite::Result<()> {
    let uids = serde_json::to_string(&k.user_ids).unwrap_or_else(|_| "[]".into());
    st.execute(params![
        k.fingerprint,
        k.key_id,
        k.algorithm,
        k.created_at,
        uids,
        k.self_signed,
        k.armored,
        now
    ])?;
    Ok(())
}

/// The lower-case host of an absolute URL (`http://x.onion/a` -> `x.onion`).
pub(crate) fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    // A pure helper, the same for both backends (storing sightings: tests/listings.rs).
    use super::*;

    #[test]
    fn host_of_lowercases_and_drops_credentials_port_and_path() {
        // Guards: an onion URL's host is compared with known markets' in one spelling.
        assert_eq!(host_of("http://u:p@X.onion:80/a?b"), Some("x.onion".into()));
    }
}
