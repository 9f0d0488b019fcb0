//! Listings with their versions, verdicts, entities and presence on PostgreSQL, with the SQLite
//! backend's semantics (`listings.rs`, `verdicts.rs`, `entities.rs`, `presence.rs`). A listing that
//! two workers store at once is inserted once: the second waits on the first's row lock, then sees
//! it as known.

use super::crawl::{i64_of, u32_of};
use super::PgStore;
use crate::{
    content_sha256, now, EntityRow, PresenceEvent, Result, Sighting, StoredListing, WrittenListing,
};
use armswatch_core::crawl::ListingWrite;
use armswatch_core::{Label, Listing, MarketId, Verdict};
use deadpool_postgres::Transaction;
use tokio_postgres::Row;

/// The content columns, in the order [`listing_from_row`] reads them.
const CONTENT_COLS: &str = "market_listing_id, title, description, vendor, price_text, \
                            price_amount, currency, category, ships_from, ships_to, price_high";

/// Reads the ten content columns starting at column `at`.
fn listing_from_row(r: &Row, at: usize, url: String) -> Result<Listing, tokio_postgres::Error> {
    Ok(Listing {
        url,
        market_listing_id: r.try_get(at)?,
        title: r.try_get(at + 1)?,
        description: r.try_get(at + 2)?,
        vendor: r.try_get(at + 3)?,
        price_text: r.try_get(at + 4)?,
        price_amount: r.try_get(at + 5)?,
        currency: r.try_get(at + 6)?,
        category: r.try_get(at + 7)?,
        ships_from: r.try_get(at + 8)?,
        ships_to: r.try_get(at + 9)?,
        vendor_url: None,
        price_high: r.try_get(at + 10)?,
    })
}

impl PgStore {
    /// Stores listings parsed from page `page_id` (see `Store::save_listings`); also returns the
    /// new and changed ones with id and version, for the entity callback.
    pub(super) async fn save_listings_tx<'a>(
        &self,
        tx: &Transaction<'_>,
        market: &MarketId,
        page_id: i64,
        now: i64,
        listings: &'a [Listing],
    ) -> Result<(ListingWrite, Vec<WrittenListing<'a>>)> {
        let q = self.q("save listings");
        // Locks the row: a concurrent worker storing the same listing waits here.
        let find = tx
            .prepare_cached(
                "SELECT id, content_sha256, version FROM listings
                 WHERE market_id = $1 AND canonical_url = $2 FOR UPDATE",
            )
            .await
            .map_err(&q)?;
        let insert = tx
            .prepare_cached(&format!(
                "INSERT INTO listings (market_id, canonical_url, {CONTENT_COLS}, content_sha256,
                     version, first_seen, last_seen, version_first_seen)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15, $15, $15)
                 ON CONFLICT (market_id, canonical_url) DO NOTHING RETURNING id"
            ))
            .await
            .map_err(&q)?;
        let seen = tx
            .prepare_cached(
                "UPDATE listings SET last_seen = greatest(last_seen, $2),
                     first_seen = least(first_seen, $2)
                 WHERE id = $1",
            )
            .await
            .map_err(&q)?;
        let keep_old = tx
            .prepare_cached(&format!(
                "INSERT INTO listing_versions (listing_id, version, {CONTENT_COLS},
                     content_sha256, first_seen, last_seen)
                 SELECT id, version, {CONTENT_COLS}, content_sha256, version_first_seen,
                     last_seen
                 FROM listings WHERE id = $1"
            ))
            .await
            .map_err(&q)?;
        let update = tx
            .prepare_cached(
                "UPDATE listings SET market_listing_id = $2, title = $3, description = $4,
                     vendor = $5, price_text = $6, price_amount = $7, currency = $8,
                     category = $9, ships_from = $10, ships_to = $11, content_sha256 = $12,
                     version = version + 1, last_seen = greatest(last_seen, $13),
                     version_first_seen = $13, price_high = $14
                 WHERE id = $1 RETURNING version",
            )
            .await
            .map_err(&q)?;
        let extra = tx
            .prepare_cached(
                "UPDATE listings SET vendor_url = coalesce($2, vendor_url),
                     vanished_at = NULL
                 WHERE id = $1
                 RETURNING (SELECT vanished_at FROM listings WHERE id = $1) IS NOT NULL",
            )
            .await
            .map_err(&q)?;
        let back_event = tx
            .prepare_cached(
                "INSERT INTO listing_presence (listing_id, event, at) VALUES ($1, 'reappeared', $2)",
            )
            .await
            .map_err(&q)?;
        let link = tx
            .prepare_cached(
                "INSERT INTO listing_pages (listing_id, page_id) VALUES ($1, $2)
                 ON CONFLICT DO NOTHING",
            )
            .await
            .map_err(&q)?;

        let mut out = ListingWrite::default();
        let mut written: Vec<WrittenListing<'a>> = Vec::new();
        for l in listings {
            let sha = content_sha256(l);
            let mut known = tx
                .query_opt(&find, &[&market.as_str(), &l.url])
                .await
                .map_err(&q)?;
            if known.is_none() {
                let inserted = tx
                    .query_opt(
                        &insert,
                        &[
                            &market.as_str(),
                            &l.url,
                            &l.market_listing_id,
                            &l.title,
                            &l.description,
                            &l.vendor,
                            &l.price_text,
                            &l.price_amount,
                            &l.currency,
                            &l.category,
                            &l.ships_from,
                            &l.ships_to,
                            &l.price_high,
                            &sha,
                            &now,
                        ],
                    )
                    .await
                    .map_err(&q)?;
                match inserted {
                    Some(r) => {
                        let id: i64 = r.try_get(0).map_err(&q)?;
                        out.new += 1;
                        out.to_classify.push(id);
                        written.push(WrittenListing {
                            id,
                            version: 1,
                            listing: l,
                        });
                        self.listing_extras(tx, &extra, &back_event, &link, id, page_id, l, now)
                            .await
                            .map(|back| out.reappeared += usize::from(back))?;
                        continue;
                    }
                    // Another worker inserted it since we looked: treat it as known.
                    None => {
                        known = tx
                            .query_opt(&find, &[&market.as_str(), &l.url])
                            .await
                            .map_err(&q)?;
                    }
                }
            }
            let Some(row) = known else {
                return Err(self.misuse(format!("save_listings: listing {} vanished", l.url)));
            };
            let id: i64 = row.try_get(0).map_err(&q)?;
            let old: String = row.try_get(1).map_err(&q)?;
            if old == sha {
                tx.execute(&seen, &[&id, &now]).await.map_err(&q)?;
                out.unchanged += 1;
            } else {
                tx.execute(&keep_old, &[&id]).await.map_err(&q)?;
                let version: i64 = tx
                    .query_one(
                        &update,
                        &[
                            &id,
                            &l.market_listing_id,
                            &l.title,
                            &l.description,
                            &l.vendor,
                            &l.price_text,
                            &l.price_amount,
                            &l.currency,
                            &l.category,
                            &l.ships_from,
                            &l.ships_to,
                            &sha,
                            &now,
                            &l.price_high,
                        ],
                    )
                    .await
                    .and_then(|r| r.try_get(0))
                    .map_err(&q)?;
                out.changed += 1;
                if !out.to_classify.contains(&id) {
                    out.to_classify.push(id);
                }
                written.retain(|w| w.id != id);
                written.push(WrittenListing {
                    id,
                    version: u32_of(version),
                    listing: l,
                });
            }
            self.listing_extras(tx, &extra, &back_event, &link, id, page_id, l, now)
                .await
                .map(|back| out.reappeared += usize::from(back))?;
        }
        Ok((out, written))
    }

    /// Links a stored listing to its page, keeps its vendor URL and clears its vanished mark
    /// (recording the reappearance). Returns whether it had vanished.
    #[allow(clippy::too_many_arguments)]
    async fn listing_extras(
        &self,
        tx: &Transaction<'_>,
        extra: &tokio_postgres::Statement,
        back_event: &tokio_postgres::Statement,
        link: &tokio_postgres::Statement,
        id: i64,
        page_id: i64,
        l: &Listing,
        now: i64,
    ) -> Result<bool> {
        let q = self.q("save listings");
        tx.execute(link, &[&id, &page_id]).await.map_err(&q)?;
        let was_vanished: bool = tx
            .query_one(extra, &[&id, &l.vendor_url])
            .await
            .and_then(|r| r.try_get(0))
            .map_err(&q)?;
        if was_vanished {
            tx.execute(back_event, &[&id, &now]).await.map_err(&q)?;
        }
        Ok(was_vanished)
    }

    /// A listing by id, with its current content, times, version and pages.
    pub fn listing(&self, id: i64) -> Result<Option<StoredListing>> {
        let q = self.q("read listing");
        let (row, pages) = self.read(async |c| {
            let row = c
                .query_opt(
                    &format!(
                        "SELECT market_id, canonical_url, content_sha256, version, first_seen,
                             last_seen, version_first_seen, vanished_at, vendor_url, {CONTENT_COLS}
                         FROM listings WHERE id = $1"
                    ),
                    &[&id],
                )
                .await
                .map_err(&q)?;
            let pages = c
                .query(
                    "SELECT page_id FROM listing_pages WHERE listing_id = $1 ORDER BY page_id",
                    &[&id],
                )
                .await
                .map_err(&q)?;
            Ok((row, pages))
        })?;
        let Some(r) = row else { return Ok(None) };
        let mut listing = listing_from_row(&r, 9, r.try_get(1).map_err(&q)?).map_err(&q)?;
        listing.vendor_url = r.try_get(8).map_err(&q)?;
        Ok(Some(StoredListing {
            id,
            market: MarketId(r.try_get(0).map_err(&q)?),
            listing,
            content_sha256: r.try_get(2).map_err(&q)?,
            version: u32_of(r.try_get(3).map_err(&q)?),
            first_seen: r.try_get(4).map_err(&q)?,
            last_seen: r.try_get(5).map_err(&q)?,
            version_first_seen: r.try_get(6).map_err(&q)?,
            vanished_at: r.try_get(7).map_err(&q)?,
            page_ids: pages
                .iter()
                .map(|p| p.try_get(0))
                .collect::<Result<_, _>>()
                .map_err(&q)?,
        }))
    }

    /// Up to `limit` listings, oldest id first, whose current version has no verdict from
    /// `model_version`.
    pub fn listings_needing_verdict(
        &self,
        model_version: &str,
        limit: usize,
    ) -> Result<Vec<(i64, Listing)>> {
        let q = self.q("find listings needing a verdict");
        let cols = CONTENT_COLS
            .split(", ")
            .map(|c| format!("l.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let rows = self.read(async |c| {
            c.query(
                &format!(
                    "SELECT l.id, l.canonical_url, {cols}
                     FROM listings l
                     WHERE NOT EXISTS (
                         SELECT 1 FROM verdicts v
                         WHERE v.model_version = $1 AND v.listing_id = l.id
                             AND v.listing_version = l.version)
                     ORDER BY l.id LIMIT $2"
                ),
                &[&model_version, &i64_of(limit)],
            )
            .await
            .map_err(&q)
        })?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, listing_from_row(r, 2, r.try_get(1)?)?)))
            .collect::<Result<Vec<_>, tokio_postgres::Error>>()
            .map_err(&q)
    }

    /// Stores verdicts for listings (by id), each tied to the listing's current version, in one
    /// transaction. An unknown listing id or a non-finite score fails the whole batch.
    pub fn save_verdicts(&self, verdicts: &[(i64, Verdict)]) -> Result<Vec<i64>> {
        let at = now();
        self.write("save verdicts", async |tx| {
            self.save_verdicts_tx(tx, verdicts, at).await
        })
    }

    /// [`PgStore::save_verdicts`] inside a caller's transaction.
    pub(super) async fn save_verdicts_tx(
        &self,
        tx: &Transaction<'_>,
        verdicts: &[(i64, Verdict)],
        at: i64,
    ) -> Result<Vec<i64>> {
        for (listing_id, v) in verdicts {
            if v.scores.values().any(|s| !s.is_finite()) {
                return Err(self.misuse(format!(
                    "save_verdicts: non-finite score for listing {listing_id}"
                )));
            }
        }
        let json = |what: &str, r: serde_json::Result<String>| {
            r.map_err(|e| self.misuse(format!("save_verdicts: cannot encode {what}: {e}")))
        };
        let encoded = verdicts
            .iter()
            .map(|(_, v)| {
                Ok((
                    json("scores", serde_json::to_string(&v.scores))?,
                    json("labels", serde_json::to_string(&v.labels))?,
                    json("explain", serde_json::to_string(&v.explain))?,
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        let q = self.q("save verdicts");
        let version = tx
            .prepare_cached("SELECT version FROM listings WHERE id = $1")
            .await
            .map_err(&q)?;
        let insert = tx
            .prepare_cached(
                "INSERT INTO verdicts (listing_id, listing_version, model_id, model_version,
                     scores_json, labels_json, explain_json, max_score, flagged, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            )
            .await
            .map_err(&q)?;
        let label_row = tx
            .prepare_cached(
                "INSERT INTO verdict_labels (verdict_id, label, score, assigned)
                 VALUES ($1, $2, $3, $4)",
            )
            .await
            .map_err(&q)?;
        let mut ids = Vec::with_capacity(verdicts.len());
        for ((listing_id, v), (scores, labels, explain)) in verdicts.iter().zip(&encoded) {
            let listing_version: i64 =
                match tx.query_opt(&version, &[listing_id]).await.map_err(&q)? {
                    Some(r) => r.try_get(0).map_err(&q)?,
                    None => {
                        return Err(self.misuse(format!("save_verdicts: no listing {listing_id}")))
                    }
                };
            let id: i64 = tx
                .query_one(
                    &insert,
                    &[
                        listing_id,
                        &listing_version,
                        &v.model_id,
                        &v.model_version,
                        scores,
                        labels,
                        explain,
                        &f64::from(v.max_score()),
                        &v.is_flagged(),
                        &at,
                    ],
                )
                .await
                .and_then(|r| r.try_get(0))
                .map_err(&q)?;
            for label in Label::ALL {
                let assigned = v.labels.contains(&label);
                let score = v.scores.get(&label).copied();
                if score.is_some() || assigned {
                    tx.execute(
                        &label_row,
                        &[
                            &id,
                            &label.as_str(),
                            &f64::from(score.unwrap_or(0.0)),
                            &assigned,
                        ],
                    )
                    .await
                    .map_err(&q)?;
                }
            }
            ids.push(id);
        }
        Ok(ids)
    }

    /// Stores entities found on `market` at `now`; seeing one again at the same place only moves
    /// `last_seen`.
    pub(super) async fn save_entities_tx(
        &self,
        tx: &Transaction<'_>,
        market: &MarketId,
        now: i64,
        sightings: &[Sighting],
    ) -> Result<usize> {
        let q = self.q("save entities");
        let entity = tx
            .prepare_cached(
                "INSERT INTO entities (kind, value, first_seen) VALUES ($1, $2, $3)
                 ON CONFLICT (kind, value) DO UPDATE
                     SET first_seen = least(entities.first_seen, excluded.first_seen)
                 RETURNING id",
            )
            .await
            .map_err(&q)?;
        let sighting = tx
            .prepare_cached(
                "INSERT INTO entity_sightings (entity_id, market_id, url, listing_id,
                     listing_version, vendor, field, raw, byte_offset, page_id, first_seen,
                     last_seen)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
                 ON CONFLICT (entity_id, market_id, url, listing_version, field, byte_offset)
                 DO UPDATE SET last_seen = greatest(entity_sightings.last_seen, excluded.last_seen),
                     vendor = coalesce(excluded.vendor, entity_sightings.vendor)",
            )
            .await
            .map_err(&q)?;
        let key = tx
            .prepare_cached(
                "INSERT INTO pgp_keys (fingerprint, key_id, algorithm, created_at,
                     user_ids_json, self_signed, armored, first_seen)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
            )
            .await
            .map_err(&q)?;
        let mut written = 0;
        for s in sightings {
            let e = &s.entity;
            let id: i64 = tx
                .query_one(&entity, &[&e.kind.as_str(), &e.value, &now])
                .await
                .and_then(|r| r.try_get(0))
                .map_err(&q)?;
            tx.execute(
                &sighting,
                &[
                    &id,
                    &market.as_str(),
                    &s.url,
                    &s.listing.map(|l| l.0),
                    &s.listing.map_or(0, |l| i64::from(l.1)),
                    &s.vendor,
                    &s.field,
                    &e.raw,
                    &i64_of(e.offset),
                    &s.page_id,
                    &now,
                ],
            )
            .await
            .map_err(&q)?;
            written += 1;
            if let Some(k) = &e.pgp {
                let uids = serde_json::to_string(&k.user_ids).unwrap_or_else(|_| "[]".into());
                tx.execute(
                    &key,
                    &[
                        &k.fingerprint,
                        &k.key_id,
                        &k.algorithm,
                        &k.created_at,
                        &uids,
                        &k.self_signed,
                        &k.armored,
                        &now,
                    ],
                )
                .await
                .map_err(&q)?;
            }
        }
        Ok(written)
    }

    /// Every sighting of entities in listing `listing_id`, by version then offset.
    pub fn listing_entities(&self, listing_id: i64) -> Result<Vec<EntityRow>> {
        let q = self.q("read listing entities");
        let rows = self.read(async |c| {
            c.query(
                "SELECT e.kind, e.value, s.market_id, s.url, s.listing_id, s.listing_version,
                     s.vendor, s.field, s.raw, s.byte_offset, s.page_id, s.first_seen, s.last_seen
                 FROM entity_sightings s JOIN entities e ON e.id = s.entity_id
                 WHERE s.listing_id = $1
                 ORDER BY s.listing_version, s.field COLLATE \"C\", s.byte_offset",
                &[&listing_id],
            )
            .await
            .map_err(&q)
        })?;
        rows.iter()
            .map(|r| {
                let kind: String = r.try_get(0).map_err(&q)?;
                Ok(EntityRow {
                    kind: kind
                        .parse()
                        .map_err(|e: String| self.bad("entities.kind", e))?,
                    value: r.try_get(1).map_err(&q)?,
                    market: MarketId(r.try_get(2).map_err(&q)?),
                    url: r.try_get(3).map_err(&q)?,
                    listing_id: r.try_get(4).map_err(&q)?,
                    listing_version: u32_of(r.try_get(5).map_err(&q)?),
                    vendor: r.try_get(6).map_err(&q)?,
                    field: r.try_get(7).map_err(&q)?,
                    raw: r.try_get(8).map_err(&q)?,
                    byte_offset: r.try_get(9).map_err(&q)?,
                    page_id: r.try_get(10).map_err(&q)?,
                    first_seen: r.try_get(11).map_err(&q)?,
                    last_seen: r.try_get(12).map_err(&q)?,
                })
            })
            .collect()
    }

    /// The vendor whose listings link to profile page `url` on `market` (the most recent name).
    pub fn vendor_for_url(&self, market: &MarketId, url: &str) -> Result<Option<String>> {
        self.read(async |c| {
            c.query_opt(
                "SELECT vendor FROM listings
                 WHERE market_id = $1 AND vendor_url = $2 AND vendor IS NOT NULL
                 ORDER BY last_seen DESC LIMIT 1",
                &[&market.as_str(), &url],
            )
            .await
            .and_then(|r| r.map(|r| r.try_get(0)).transpose())
            .map_err(self.q("find vendor by profile page"))
        })
    }

    /// Marks the listings of `market` that none of its last `after_runs` finished crawls saw as
    /// vanished; returns how many were newly marked.
    pub fn mark_vanished(
        &self,
        market: &MarketId,
        after_runs: usize,
        run_id: i64,
    ) -> Result<usize> {
        if after_runs == 0 {
            return Err(self.misuse("mark_vanished needs after_runs >= 1"));
        }
        self.write("mark vanished listings", async |tx| {
            let q = self.q("mark vanished listings");
            let runs: Vec<(i64, i64)> = tx
                .query(
                    "SELECT id, started_at FROM crawl_runs
                     WHERE market_id = $1 AND status = 'finished' ORDER BY id",
                    &[&market.as_str()],
                )
                .await
                .and_then(|rows| {
                    rows.iter()
                        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                        .collect()
                })
                .map_err(&q)?;
            if runs.len() < after_runs {
                return Ok(0);
            }
            let present: Vec<(i64, Option<i64>)> = tx
                .query(
                    "SELECT l.id, (SELECT max(p.run_id) FROM listing_pages lp
                                   JOIN pages p ON p.id = lp.page_id WHERE lp.listing_id = l.id)
                     FROM listings l WHERE l.market_id = $1 AND l.vanished_at IS NULL",
                    &[&market.as_str()],
                )
                .await
                .and_then(|rows| {
                    rows.iter()
                        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                        .collect()
                })
                .map_err(&q)?;
            let mut n = 0;
            for (id, last_run) in present {
                let last_run = last_run.unwrap_or(0);
                let missed: Vec<&(i64, i64)> = runs.iter().filter(|(r, _)| *r > last_run).collect();
                if missed.len() >= after_runs {
                    let at = missed[0].1;
                    tx.execute(
                        "UPDATE listings SET vanished_at = $2 WHERE id = $1",
                        &[&id, &at],
                    )
                    .await
                    .map_err(&q)?;
                    tx.execute(
                        "INSERT INTO listing_presence (listing_id, event, at, run_id)
                         VALUES ($1, 'vanished', $2, $3)",
                        &[&id, &at, &run_id],
                    )
                    .await
                    .map_err(&q)?;
                    n += 1;
                }
            }
            Ok(n)
        })
    }

    /// A listing's vanished / reappeared events, in the order they were recorded.
    pub fn listing_presence(&self, listing_id: i64) -> Result<Vec<PresenceEvent>> {
        let q = self.q("read listing presence");
        let rows = self.read(async |c| {
            c.query(
                "SELECT listing_id, event, at FROM listing_presence
                 WHERE listing_id = $1 ORDER BY id",
                &[&listing_id],
            )
            .await
            .map_err(&q)
        })?;
        rows.iter()
            .map(|r| {
                Ok(PresenceEvent {
                    listing_id: r.try_get(0)?,
                    event: r.try_get(1)?,
                    at: r.try_get(2)?,
                })
            })
            .collect::<Result<Vec<_>, tokio_postgres::Error>>()
            .map_err(&q)
    }
}
