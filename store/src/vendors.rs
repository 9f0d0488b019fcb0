//! Vendors as the store sees them: one record per (market, vendor name) built from the listings,
//! the inputs for linking vendors across markets, and renames.

use crate::{Result, Store};
use armswatch_core::vendor::{VendorEntity, VendorKey, VendorText};
use armswatch_core::{EntityKind, MarketId};
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
        let q = self.q("read vendors");
        let mut out = self.read(|c| {
            let mut st = c
                .prepare_cached(
                    "SELECT l.market_id, l.vendor, max(l.vendor_url), min(l.first_seen),
                         max(l.last_seen), count(*),
                         count(l.flag_score),
                         count(l.vanished_at)
                     FROM listings l
                     WHERE l.vendor IS NOT NULL AND (?1 IS NULL OR l.vendor = ?1)
                     GROUP BY l.market_id, l.vendor ORDER BY l.market_id, l.vendor",
                )
                .map_err(&q)?;
            let rows = st
                .query_map(params![name], |r| {
                    Ok(VendorRecord {
                        market: MarketId(r.get(0)?),
                        name: r.get(1)?,
                        profile_url: r.get(2)?,
                        first_seen: r.get(3)?,
                        last_seen: r.get(4)?,
                        listings: crate::to_usize(r.get(5)?),
                        flagged: crate::to_usize(r.get(6)?),
                        vanished: crate::to_usize(r.get(7)?),
                        pgp_fingerprints: Vec::new(),
                    })
                })
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            Ok(rows)
        })?;
        let ents = self.vendor_entities()?;
        for v in &mut out {
            let mut fps: Vec<String> = ents
                .iter()
                .filter(|e| {
                    e.kind == EntityKind::PgpFingerprint
                        && e.market == v.market
                        && e.vendor.as_deref() == Some(v.name.as_str())
                })
                .map(|e| e.value.clone())
                .collect();
            fps.sort();
            fps.dedup();
            v.pgp_fingerprints = fps;
        }
        Ok(out)
    }

    /// The inputs of [`armswatch_core::vendor::link_vendors`]: entities seen with vendors, and each
    /// vendor's listing texts (title and description of the current version).
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn vendor_link_inputs(&self) -> Result<(Vec<VendorEntity>, Vec<VendorText>)> {
        let entities = self
            .vendor_entities()?
            .into_iter()
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
            .collect();
        let q = self.q("read vendor texts");
        let texts = self.read(|c| {
            let mut st = c
                .prepare_cached(
                    "SELECT market_id, vendor, canonical_url, title, coalesce(description, '')
                     FROM listings WHERE vendor IS NOT NULL ORDER BY market_id, vendor, id",
                )
                .map_err(&q)?;
            let rows = st
                .query_map([], |r| {
                    let title: String = r.get(3)?;
                    let desc: String = r.get(4)?;
                    Ok(VendorText {
                        vendor: VendorKey {
                            market: MarketId(r.get(0)?),
                            name: r.get(1)?,
                        },
                        listing_url: r.get(2)?,
                        text: format!("{title}\n{desc}"),
                    })
                })
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            Ok(rows)
        })?;
        Ok((entities, texts))
    }

    /// A vendor's listings on a market, newest first.
    pub fn vendor_listings(&self, market: &MarketId, name: &str) -> Result<Vec<VendorListing>> {
        let q = self.q("read vendor listings");
        self.read(|c| {
            let mut st = c
                .prepare_cached(
                    "SELECT l.id, l.canonical_url, l.title, l.price_text, l.first_seen,
                         l.last_seen, l.vanished_at, v.flagged,
                         (SELECT group_concat(vl.label, ',') FROM verdict_labels vl
                          WHERE vl.verdict_id = v.id AND vl.assigned = 1)
                     FROM listings l
                     LEFT JOIN verdicts v ON v.id = l.latest_verdict_id
                     WHERE l.market_id = ?1 AND l.vendor = ?2
                     ORDER BY l.last_seen DESC, l.id",
                )
                .map_err(&q)?;
            let rows = st
                .query_map(params![market.as_str(), name], |r| {
                    let labels: Option<String> = r.get(8)?;
                    Ok(VendorListing {
                        listing_id: r.get(0)?,
                        url: r.get(1)?,
                        title: r.get(2)?,
                        price_text: r.get(3)?,
                        first_seen: r.get(4)?,
                        last_seen: r.get(5)?,
                        vanished_at: r.get(6)?,
                        flagged: r.get::<_, Option<bool>>(7)?.unwrap_or(false),
                        labels: split_labels(labels),
                    })
                })
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            Ok(rows)
        })
    }

    /// Vendor names that changed: a listing whose vendor field changed between versions, or one
    /// profile page shown under two names. Oldest first.
    #[tracing::instrument(level = "trace", skip(self))]
    pub fn vendor_renames(&self) -> Result<Vec<VendorRename>> {
        let q = self.q("find vendor renames");
        self.read(|c| {
            let mut st = c
                .prepare_cached(
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
                )
                .map_err(&q)?;
            let mut rows = st
                .query_map([], |r| {
                    Ok(VendorRename {
                        market: MarketId(r.get(0)?),
                        old_name: r.get(1)?,
                        new_name: r.get(2)?,
                        evidence: r.get(3)?,
                        url: r.get(4)?,
                        at: r.get(5)?,
                    })
                })
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            rows.dedup_by(|a, b| {
                a.market == b.market && a.old_name == b.old_name && a.new_name == b.new_name
            });
            Ok(rows)
        })
    }
}

/// Labels from a `group_concat`.
pub(crate) fn split_labels(s: Option<String>) -> Vec<String> {
    let mut v: Vec<String> = s
        .unwrap_or_default()
        .split(',')
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;

    #[test]
    fn records_and_renames_come_from_listings() {
        // Guards: a vendor record counts its listings; a vendor field that changes between versions
        // of a listing is a rename with the time the new name appeared.
        let (s, run) = store_with_run();
        let p = s
            .save_page(run, &market(), &page("http://d/1", b"x"))
            .unwrap();
        let mut a = listing("http://d/1", "Glock 19");
        a.vendor_url = Some("http://d/vendor/acme".into());
        s.save_listings(
            &market(),
            p,
            100,
            &[a.clone(), listing("http://d/2", "Ammo")],
        )
        .unwrap();
        let v = s.vendors(None).unwrap();
        assert_eq!(v.len(), 1);
        assert_eq!((v[0].name.as_str(), v[0].listings), ("acme", 2));
        assert_eq!(v[0].profile_url.as_deref(), Some("http://d/vendor/acme"));
        assert_eq!(
            s.vendor_for_url(&market(), "http://d/vendor/acme").unwrap(),
            Some("acme".into())
        );
        let mut b = a.clone();
        b.vendor = Some("acme_arms".into());
        s.save_listings(&market(), p, 200, &[b]).unwrap();
        let r = s.vendor_renames().unwrap();
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(
            (r[0].old_name.as_str(), r[0].new_name.as_str(), r[0].at),
            ("acme", "acme_arms", 200)
        );
        assert_eq!(s.vendor_listings(&market(), "acme").unwrap().len(), 1);
    }
}
