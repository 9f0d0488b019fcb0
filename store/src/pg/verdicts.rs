//! Verdicts and entity sightings on PostgreSQL, with the SQLite backend's semantics
//! (`verdicts.rs`, `entities.rs`): a batch of either is written with a few multi-row statements
//! (arrays through `unnest`), not a round trip per row, and ends as one-at-a-time writes would.

use super::crawl::i64_of;
use super::PgStore;
use crate::rows::{entity_from, ENTITY_COLS};
use crate::{now, EntityRow, Result, Sighting};
use armswatch_core::{Label, MarketId, PgpKey, Verdict};
use deadpool_postgres::Transaction;
use std::collections::HashMap;

impl PgStore {
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
        if verdicts.is_empty() {
            return Ok(Vec::new());
        }
        // Each listing's current version; an unknown listing fails the batch.
        let listing_ids: Vec<i64> = verdicts.iter().map(|(id, _)| *id).collect();
        let version = tx
            .prepare_cached("SELECT id, version FROM listings WHERE id = ANY($1)")
            .await
            .map_err(&q)?;
        let mut versions: HashMap<i64, i64> = HashMap::new();
        for r in tx.query(&version, &[&listing_ids]).await.map_err(&q)? {
            versions.insert(r.try_get(0).map_err(&q)?, r.try_get(1).map_err(&q)?);
        }
        let listing_versions = listing_ids
            .iter()
            .map(|id| {
                versions
                    .get(id)
                    .copied()
                    .ok_or_else(|| self.misuse(format!("save_verdicts: no listing {id}")))
            })
            .collect::<Result<Vec<i64>>>()?;
        // The verdicts' ids, taken in order before the insert, so that a later verdict of the same
        // listing always has the higher id (the latest-verdict triggers compare ids).
        let take_ids = tx
            .prepare_cached(
                "SELECT nextval(pg_get_serial_sequence('verdicts', 'id'))
                 FROM generate_series(1, $1::int8) ORDER BY 1",
            )
            .await
            .map_err(&q)?;
        let ids = tx
            .query(&take_ids, &[&i64_of(verdicts.len())])
            .await
            .map_err(&q)?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<Vec<i64>, _>>()
            .map_err(&q)?;
        let insert = tx
            .prepare_cached(
                "INSERT INTO verdicts (id, listing_id, listing_version, model_id, model_version,
                     scores_json, labels_json, explain_json, max_score, flagged, created_at)
                 SELECT u.id, u.listing_id, u.listing_version, u.model_id, u.model_version,
                     u.scores, u.labels, u.explain, u.max_score, u.flagged, $11
                 FROM unnest($1::int8[], $2::int8[], $3::int8[], $4::text[], $5::text[],
                             $6::text[], $7::text[], $8::text[], $9::float8[], $10::bool[])
                      AS u(id, listing_id, listing_version, model_id, model_version, scores,
                           labels, explain, max_score, flagged)
                 ORDER BY u.id",
            )
            .await
            .map_err(&q)?;
        tx.execute(
            &insert,
            &[
                &ids,
                &listing_ids,
                &listing_versions,
                &verdicts
                    .iter()
                    .map(|(_, v)| v.model_id.as_str())
                    .collect::<Vec<_>>(),
                &verdicts
                    .iter()
                    .map(|(_, v)| v.model_version.as_str())
                    .collect::<Vec<_>>(),
                &encoded.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
                &encoded.iter().map(|e| e.1.as_str()).collect::<Vec<_>>(),
                &encoded.iter().map(|e| e.2.as_str()).collect::<Vec<_>>(),
                &verdicts
                    .iter()
                    .map(|(_, v)| f64::from(v.max_score()))
                    .collect::<Vec<_>>(),
                &verdicts
                    .iter()
                    .map(|(_, v)| v.is_flagged())
                    .collect::<Vec<_>>(),
                &at,
            ],
        )
        .await
        .map_err(&q)?;
        // One row per label a verdict scored or assigned.
        let (mut label_verdict, mut label_name, mut label_score, mut label_assigned) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (id, (_, v)) in ids.iter().zip(verdicts) {
            for label in Label::ALL {
                let assigned = v.labels.contains(&label);
                let score = v.scores.get(&label).copied();
                if score.is_some() || assigned {
                    label_verdict.push(*id);
                    label_name.push(label.as_str());
                    label_score.push(f64::from(score.unwrap_or(0.0)));
                    label_assigned.push(assigned);
                }
            }
        }
        if !label_verdict.is_empty() {
            let label_rows = tx
                .prepare_cached(
                    "INSERT INTO verdict_labels (verdict_id, label, score, assigned)
                     SELECT * FROM unnest($1::int8[], $2::text[], $3::float8[], $4::bool[])",
                )
                .await
                .map_err(&q)?;
            tx.execute(
                &label_rows,
                &[&label_verdict, &label_name, &label_score, &label_assigned],
            )
            .await
            .map_err(&q)?;
        }
        Ok(ids)
    }

    /// Stores entities found on `market` at `now`; seeing one again at the same place only moves
    /// `last_seen`. Three multi-row statements whatever the number of sightings; repeats within
    /// the batch are merged first as one-at-a-time upserts would leave them (the first sighting's
    /// row, the last vendor given).
    pub(super) async fn save_entities_tx(
        &self,
        tx: &Transaction<'_>,
        market: &MarketId,
        now: i64,
        sightings: &[Sighting],
    ) -> Result<usize> {
        let q = self.q("save entities");
        if sightings.is_empty() {
            return Ok(0);
        }
        // Distinct entities in order of first sighting.
        let mut entity_at: HashMap<(&str, &str), usize> = HashMap::new();
        let (mut kinds, mut values) = (Vec::new(), Vec::new());
        for s in sightings {
            let key = (s.entity.kind.as_str(), s.entity.value.as_str());
            entity_at.entry(key).or_insert_with(|| {
                kinds.push(key.0);
                values.push(key.1);
                kinds.len() - 1
            });
        }
        let entity = tx
            .prepare_cached(
                "INSERT INTO entities (kind, value, first_seen)
                 SELECT u.kind, u.value, $3
                 FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(kind, value, ord)
                 ORDER BY u.ord
                 ON CONFLICT (kind, value) DO UPDATE
                     SET first_seen = least(entities.first_seen, excluded.first_seen)
                 RETURNING id, kind, value",
            )
            .await
            .map_err(&q)?;
        let mut entity_ids: Vec<i64> = vec![0; kinds.len()];
        for r in tx
            .query(&entity, &[&kinds, &values, &now])
            .await
            .map_err(&q)?
        {
            let kind: &str = r.try_get(1).map_err(&q)?;
            let value: &str = r.try_get(2).map_err(&q)?;
            if let Some(&i) = entity_at.get(&(kind, value)) {
                entity_ids[i] = r.try_get(0).map_err(&q)?;
            }
        }
        // Distinct sightings (the table's unique key) in order; a repeat only updates the vendor.
        let mut sighting_at: HashMap<(usize, &str, i64, &str, usize), usize> = HashMap::new();
        let mut rows: Vec<(&Sighting, Option<&str>)> = Vec::new();
        for s in sightings {
            let e = entity_at[&(s.entity.kind.as_str(), s.entity.value.as_str())];
            let version = s.listing.map_or(0, |l| i64::from(l.1));
            let key = (e, s.url.as_str(), version, s.field, s.entity.offset);
            match sighting_at.get(&key) {
                Some(&i) => rows[i].1 = s.vendor.as_deref().or(rows[i].1),
                None => {
                    sighting_at.insert(key, rows.len());
                    rows.push((s, s.vendor.as_deref()));
                }
            }
        }
        let entity_of = |s: &Sighting| {
            entity_ids[entity_at[&(s.entity.kind.as_str(), s.entity.value.as_str())]]
        };
        let sighting = tx
            .prepare_cached(
                "INSERT INTO entity_sightings (entity_id, market_id, url, listing_id,
                     listing_version, vendor, field, raw, byte_offset, page_id, first_seen,
                     last_seen)
                 SELECT u.entity_id, $1, u.url, u.listing_id, u.listing_version, u.vendor, u.field,
                     u.raw, u.byte_offset, u.page_id, $2, $2
                 FROM unnest($3::int8[], $4::text[], $5::int8[], $6::int8[], $7::text[],
                             $8::text[], $9::text[], $10::int8[], $11::int8[])
                      WITH ORDINALITY AS u(entity_id, url, listing_id, listing_version, vendor,
                                           field, raw, byte_offset, page_id, ord)
                 ORDER BY u.ord
                 ON CONFLICT (entity_id, market_id, url, listing_version, field, byte_offset)
                 DO UPDATE SET last_seen = greatest(entity_sightings.last_seen, excluded.last_seen),
                     vendor = coalesce(excluded.vendor, entity_sightings.vendor)",
            )
            .await
            .map_err(&q)?;
        tx.execute(
            &sighting,
            &[
                &market.as_str(),
                &now,
                &rows.iter().map(|(s, _)| entity_of(s)).collect::<Vec<_>>(),
                &rows.iter().map(|(s, _)| s.url.as_str()).collect::<Vec<_>>(),
                &rows
                    .iter()
                    .map(|(s, _)| s.listing.map(|l| l.0))
                    .collect::<Vec<_>>(),
                &rows
                    .iter()
                    .map(|(s, _)| s.listing.map_or(0, |l| i64::from(l.1)))
                    .collect::<Vec<_>>(),
                &rows.iter().map(|(_, v)| *v).collect::<Vec<_>>(),
                &rows.iter().map(|(s, _)| s.field).collect::<Vec<_>>(),
                &rows
                    .iter()
                    .map(|(s, _)| s.entity.raw.as_str())
                    .collect::<Vec<_>>(),
                &rows
                    .iter()
                    .map(|(s, _)| i64_of(s.entity.offset))
                    .collect::<Vec<_>>(),
                &rows.iter().map(|(s, _)| s.page_id).collect::<Vec<_>>(),
            ],
        )
        .await
        .map_err(&q)?;
        let keys: Vec<&PgpKey> = sightings
            .iter()
            .filter_map(|s| s.entity.pgp.as_ref())
            .collect();
        if !keys.is_empty() {
            let key = tx
                .prepare_cached(
                    "INSERT INTO pgp_keys (fingerprint, key_id, algorithm, created_at,
                         user_ids_json, self_signed, armored, first_seen)
                     SELECT u.fingerprint, u.key_id, u.algorithm, u.created_at, u.user_ids,
                         u.self_signed, u.armored, $8
                     FROM unnest($1::text[], $2::text[], $3::text[], $4::int8[], $5::text[],
                                 $6::bool[], $7::text[]) WITH ORDINALITY
                          AS u(fingerprint, key_id, algorithm, created_at, user_ids, self_signed,
                               armored, ord)
                     ORDER BY u.ord
                     ON CONFLICT DO NOTHING",
                )
                .await
                .map_err(&q)?;
            tx.execute(
                &key,
                &[
                    &keys
                        .iter()
                        .map(|k| k.fingerprint.as_str())
                        .collect::<Vec<_>>(),
                    &keys.iter().map(|k| k.key_id.as_str()).collect::<Vec<_>>(),
                    &keys
                        .iter()
                        .map(|k| k.algorithm.as_str())
                        .collect::<Vec<_>>(),
                    &keys.iter().map(|k| k.created_at).collect::<Vec<_>>(),
                    &keys
                        .iter()
                        .map(|k| serde_json::to_string(&k.user_ids).unwrap_or_else(|_| "[]".into()))
                        .collect::<Vec<_>>(),
                    &keys.iter().map(|k| k.self_signed).collect::<Vec<_>>(),
                    &keys.iter().map(|k| k.armored.as_str()).collect::<Vec<_>>(),
                    &now,
                ],
            )
            .await
            .map_err(&q)?;
        }
        Ok(sightings.len())
    }

    /// Every sighting of entities in listing `listing_id`, by version then offset.
    pub fn listing_entities(&self, listing_id: i64) -> Result<Vec<EntityRow>> {
        self.rows_of(
            "read listing entities",
            &format!(
                "SELECT {ENTITY_COLS} FROM entity_sightings s JOIN entities e ON e.id = s.entity_id
                 WHERE s.listing_id = $1
                 ORDER BY s.listing_version, s.field COLLATE \"C\", s.byte_offset"
            ),
            &[&listing_id],
            entity_from,
        )
    }
}
