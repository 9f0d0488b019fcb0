//! Listings with their versions and presence on PostgreSQL, with the SQLite backend's semantics
//! (`listings.rs`, `presence.rs`; verdicts and entities are in `verdicts.rs`). A page's listings are
//! written with a few multi-row statements, not a round trip per listing. A listing that two
//! workers store at once is inserted once: the second waits on the first's row lock, then sees it
//! as known.

use super::crawl::{i64_of, u32_of};
use super::PgStore;
use crate::rows::{content_cols, listing_from, Cols, RowError, CONTENT_COLS};
use crate::{content_sha256, PresenceEvent, Result, StoredListing, WrittenListing};
use armswatch_core::crawl::ListingWrite;
use armswatch_core::{Listing, MarketId};
use deadpool_postgres::Transaction;
use std::collections::{HashMap, HashSet};
use tokio_postgres::types::ToSql;

/// The content of some listings of a run, one array per column in [`CONTENT_COLS`] order and
/// then their content hashes: the parameters the multi-row statements read through `unnest`.
struct ContentArrays<'a> {
    text: [Vec<Option<&'a str>>; 9],
    price_amount: Vec<Option<f64>>,
    price_high: Vec<Option<f64>>,
    sha: Vec<&'a str>,
}

impl<'a> ContentArrays<'a> {
    /// Listings `at` (positions in `run`, whose content hashes are `shas`).
    fn of(run: &'a [Listing], shas: &'a [String], at: &[usize]) -> Self {
        let text = |f: fn(&'a Listing) -> Option<&'a str>| at.iter().map(|&i| f(&run[i])).collect();
        ContentArrays {
            text: [
                text(|l| l.market_listing_id.as_deref()),
                text(|l| Some(l.title.as_str())),
                text(|l| l.description.as_deref()),
                text(|l| l.vendor.as_deref()),
                text(|l| l.price_text.as_deref()),
                text(|l| l.currency.as_deref()),
                text(|l| l.category.as_deref()),
                text(|l| l.ships_from.as_deref()),
                text(|l| l.ships_to.as_deref()),
            ],
            price_amount: at.iter().map(|&i| run[i].price_amount).collect(),
            price_high: at.iter().map(|&i| run[i].price_high).collect(),
            sha: at.iter().map(|&i| shas[i].as_str()).collect(),
        }
    }

    /// The twelve arrays as statement parameters, in column order.
    fn params(&self) -> [&(dyn ToSql + Sync); 12] {
        let t = &self.text;
        [
            &t[0],
            &t[1],
            &t[2],
            &t[3],
            &t[4],
            &self.price_amount,
            &t[5],
            &t[6],
            &t[7],
            &t[8],
            &self.price_high,
            &self.sha,
        ]
    }
}

impl PgStore {
    /// Stores listings parsed from page `page_id` (see `Store::save_listings`); also returns the
    /// new and changed ones with id and version, for the entity callback.
    ///
    /// A handful of multi-row statements per page (arrays through `unnest`), not a round trip per
    /// listing. A URL the page lists twice is stored as if the listings came one at a time: the
    /// page is cut into runs of distinct URLs, each run written as one batch, in order.
    pub(super) async fn save_listings_tx<'a>(
        &self,
        tx: &Transaction<'_>,
        market: &MarketId,
        page_id: i64,
        now: i64,
        listings: &'a [Listing],
    ) -> Result<(ListingWrite, Vec<WrittenListing<'a>>)> {
        let mut out = ListingWrite::default();
        let mut written: Vec<WrittenListing<'a>> = Vec::new();
        let mut start = 0;
        while start < listings.len() {
            let mut urls = HashSet::new();
            let end = start
                + listings[start..]
                    .iter()
                    .take_while(|l| urls.insert(l.url.as_str()))
                    .count();
            let run = &listings[start..end];
            self.save_distinct_tx(tx, market, page_id, now, run, &mut out, &mut written)
                .await?;
            start = end;
        }
        Ok((out, written))
    }

    /// One run of listings with distinct URLs: finds the known ones (locking their rows: a
    /// concurrent worker storing the same listing waits), inserts the new ones in order, moves the
    /// unchanged ones' times, keeps the changed ones' old content as a version and updates them,
    /// then links all to the page, keeps vendor URLs and records reappearances.
    #[allow(clippy::too_many_arguments)]
    async fn save_distinct_tx<'a>(
        &self,
        tx: &Transaction<'_>,
        market: &MarketId,
        page_id: i64,
        now: i64,
        run: &'a [Listing],
        out: &mut ListingWrite,
        written: &mut Vec<WrittenListing<'a>>,
    ) -> Result<()> {
        let q = self.q("save listings");
        let shas: Vec<String> = run.iter().map(content_sha256).collect();
        let urls: Vec<&str> = run.iter().map(|l| l.url.as_str()).collect();
        // (id, stored content hash) of each listing already stored, by position in the run.
        let mut known: Vec<Option<(i64, String)>> =
            self.find_listings_tx(tx, market, &urls).await?;

        // What happened to each listing: new, changed (with its new version) or unchanged.
        enum Fate {
            New,
            Changed(u32),
            Unchanged,
        }
        let mut fate: Vec<Option<Fate>> = run.iter().map(|_| None).collect();
        let mut ids: Vec<i64> = vec![0; run.len()];

        let missing: Vec<usize> = (0..run.len()).filter(|&i| known[i].is_none()).collect();
        if !missing.is_empty() {
            let insert = tx
                .prepare_cached(&format!(
                    "INSERT INTO listings (market_id, canonical_url, {CONTENT_COLS}, content_sha256,
                         version, first_seen, last_seen, version_first_seen)
                     SELECT $1, u.url, u.mlid, u.title, u.description, u.vendor, u.price_text,
                         u.price_amount, u.currency, u.category, u.ships_from, u.ships_to,
                         u.price_high, u.sha, 1, $2, $2, $2
                     FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                 $8::text[], $9::float8[], $10::text[], $11::text[], $12::text[],
                                 $13::text[], $14::float8[], $15::text[])
                          WITH ORDINALITY AS u(url, mlid, title, description, vendor, price_text,
                                               price_amount, currency, category, ships_from,
                                               ships_to, price_high, sha, ord)
                     ORDER BY u.ord
                     ON CONFLICT (market_id, canonical_url) DO NOTHING
                     RETURNING id, canonical_url"
                ))
                .await
                .map_err(&q)?;
            let market_id = market.as_str();
            let urls: Vec<&str> = missing.iter().map(|&i| run[i].url.as_str()).collect();
            let content = ContentArrays::of(run, &shas, &missing);
            let mut params: Vec<&(dyn ToSql + Sync)> = vec![&market_id, &now, &urls];
            params.extend(content.params());
            let rows = tx.query(&insert, &params).await.map_err(&q)?;
            let mut inserted: HashMap<String, i64> = HashMap::with_capacity(rows.len());
            for r in &rows {
                inserted.insert(r.try_get(1).map_err(&q)?, r.try_get(0).map_err(&q)?);
            }
            let mut raced = Vec::new();
            for &i in &missing {
                match inserted.get(&run[i].url) {
                    Some(&id) => {
                        ids[i] = id;
                        fate[i] = Some(Fate::New);
                    }
                    // Another worker inserted it since we looked: treat it as known.
                    None => raced.push(i),
                }
            }
            if !raced.is_empty() {
                let urls: Vec<&str> = raced.iter().map(|&i| urls[i]).collect();
                for (&i, found) in raced
                    .iter()
                    .zip(self.find_listings_tx(tx, market, &urls).await?)
                {
                    match found {
                        Some(f) => known[i] = Some(f),
                        None => {
                            return Err(self
                                .misuse(format!("save_listings: listing {} vanished", run[i].url)))
                        }
                    }
                }
            }
        }

        // Known listings: unchanged ones only move their times; changed ones get a new version.
        let mut unchanged = Vec::new();
        let mut changed = Vec::new();
        for (i, k) in known.iter().enumerate() {
            if fate[i].is_some() {
                continue;
            }
            let Some((id, old)) = k else { continue };
            ids[i] = *id;
            if *old == shas[i] {
                unchanged.push(*id);
                fate[i] = Some(Fate::Unchanged);
            } else {
                changed.push(i);
            }
        }
        if !unchanged.is_empty() {
            let seen = tx
                .prepare_cached(
                    "UPDATE listings SET last_seen = greatest(last_seen, $2),
                         first_seen = least(first_seen, $2)
                     WHERE id = ANY($1)",
                )
                .await
                .map_err(&q)?;
            tx.execute(&seen, &[&unchanged, &now]).await.map_err(&q)?;
        }
        if !changed.is_empty() {
            let versions = self
                .update_changed_tx(tx, now, run, &shas, &ids, &changed)
                .await?;
            for (&i, v) in changed.iter().zip(versions) {
                fate[i] = Some(Fate::Changed(v));
            }
        }

        // Every listing of the run: linked to the page, its vendor URL kept, back if it had vanished.
        let all: Vec<i64> = ids.clone();
        let link = tx
            .prepare_cached(
                "INSERT INTO listing_pages (listing_id, page_id)
                 SELECT u, $2 FROM unnest($1::int8[]) AS u ON CONFLICT DO NOTHING",
            )
            .await
            .map_err(&q)?;
        tx.execute(&link, &[&all, &page_id]).await.map_err(&q)?;
        let extra = tx
            .prepare_cached(
                "WITH old AS (SELECT id, vanished_at FROM listings WHERE id = ANY($1))
                 UPDATE listings l SET vendor_url = coalesce(u.vendor_url, l.vendor_url),
                     vanished_at = NULL
                 FROM unnest($1::int8[], $2::text[]) AS u(id, vendor_url), old
                 WHERE l.id = u.id AND old.id = u.id
                   AND (l.vanished_at IS NOT NULL
                        OR (u.vendor_url IS NOT NULL AND u.vendor_url IS DISTINCT FROM l.vendor_url))
                 RETURNING l.id, old.vanished_at IS NOT NULL",
            )
            .await
            .map_err(&q)?;
        let vendor_urls: Vec<Option<&str>> = run.iter().map(|l| l.vendor_url.as_deref()).collect();
        let mut back = HashSet::new();
        for r in tx.query(&extra, &[&all, &vendor_urls]).await.map_err(&q)? {
            if r.try_get::<_, bool>(1).map_err(&q)? {
                back.insert(r.try_get::<_, i64>(0).map_err(&q)?);
            }
        }
        if !back.is_empty() {
            let back_ids: Vec<i64> = all.iter().copied().filter(|id| back.contains(id)).collect();
            let back_event = tx
                .prepare_cached(
                    "INSERT INTO listing_presence (listing_id, event, at)
                     SELECT u.id, 'reappeared', $2
                     FROM unnest($1::int8[]) WITH ORDINALITY AS u(id, ord) ORDER BY u.ord",
                )
                .await
                .map_err(&q)?;
            tx.execute(&back_event, &[&back_ids, &now])
                .await
                .map_err(&q)?;
            out.reappeared += back_ids.len();
        }

        // The counts and the written listings, in the order one-at-a-time writes give.
        for (i, l) in run.iter().enumerate() {
            let id = ids[i];
            match fate[i] {
                Some(Fate::New) => {
                    out.new += 1;
                    out.to_classify.push(id);
                    written.push(WrittenListing {
                        id,
                        version: 1,
                        listing: l,
                    });
                }
                Some(Fate::Changed(version)) => {
                    out.changed += 1;
                    if !out.to_classify.contains(&id) {
                        out.to_classify.push(id);
                    }
                    // Written once, where first written, with the content stored last.
                    let now_written = WrittenListing {
                        id,
                        version,
                        listing: l,
                    };
                    match written.iter_mut().find(|w| w.id == id) {
                        Some(w) => *w = now_written,
                        None => written.push(now_written),
                    }
                }
                Some(Fate::Unchanged) => out.unchanged += 1,
                None => return Err(self.misuse(format!("save_listings: {} lost", l.url))),
            }
        }
        Ok(())
    }

    /// (id, content hash) of the market's listings at `urls`, by position; rows locked for update.
    async fn find_listings_tx(
        &self,
        tx: &Transaction<'_>,
        market: &MarketId,
        urls: &[&str],
    ) -> Result<Vec<Option<(i64, String)>>> {
        let q = self.q("save listings");
        // Locks in id order, so that two workers storing overlapping pages queue, not deadlock.
        let find = tx
            .prepare_cached(
                "SELECT id, content_sha256, canonical_url FROM listings
                 WHERE market_id = $1 AND canonical_url = ANY($2)
                 ORDER BY id FOR UPDATE",
            )
            .await
            .map_err(&q)?;
        let mut by_url: HashMap<String, (i64, String)> = HashMap::new();
        for r in tx
            .query(&find, &[&market.as_str(), &urls])
            .await
            .map_err(&q)?
        {
            by_url.insert(
                r.try_get(2).map_err(&q)?,
                (r.try_get(0).map_err(&q)?, r.try_get(1).map_err(&q)?),
            );
        }
        Ok(urls.iter().map(|u| by_url.remove(*u)).collect())
    }

    /// Keeps the current content of the changed listings (positions `changed` in `run`, ids in
    /// `ids`) as versions, then writes their new content. Returns their new versions, in order.
    async fn update_changed_tx(
        &self,
        tx: &Transaction<'_>,
        now: i64,
        run: &[Listing],
        shas: &[String],
        ids: &[i64],
        changed: &[usize],
    ) -> Result<Vec<u32>> {
        let q = self.q("save listings");
        let changed_ids: Vec<i64> = changed.iter().map(|&i| ids[i]).collect();
        let keep_old = tx
            .prepare_cached(&format!(
                "INSERT INTO listing_versions (listing_id, version, {CONTENT_COLS},
                     content_sha256, first_seen, last_seen)
                 SELECT l.id, l.version, {CONTENT_COLS}, l.content_sha256, l.version_first_seen,
                     l.last_seen
                 FROM unnest($1::int8[]) WITH ORDINALITY AS u(id, ord)
                 JOIN listings l ON l.id = u.id ORDER BY u.ord"
            ))
            .await
            .map_err(&q)?;
        tx.execute(&keep_old, &[&changed_ids]).await.map_err(&q)?;
        let update = tx
            .prepare_cached(
                "UPDATE listings l SET market_listing_id = u.mlid, title = u.title,
                     description = u.description, vendor = u.vendor, price_text = u.price_text,
                     price_amount = u.price_amount, currency = u.currency, category = u.category,
                     ships_from = u.ships_from, ships_to = u.ships_to, content_sha256 = u.sha,
                     version = l.version + 1, last_seen = greatest(l.last_seen, $2),
                     version_first_seen = $2, price_high = u.price_high
                 FROM unnest($1::int8[], $3::text[], $4::text[], $5::text[], $6::text[],
                             $7::text[], $8::float8[], $9::text[], $10::text[], $11::text[],
                             $12::text[], $13::float8[], $14::text[])
                      AS u(id, mlid, title, description, vendor, price_text, price_amount,
                           currency, category, ships_from, ships_to, price_high, sha)
                 WHERE l.id = u.id
                 RETURNING l.id, l.version",
            )
            .await
            .map_err(&q)?;
        let content = ContentArrays::of(run, shas, changed);
        let mut params: Vec<&(dyn ToSql + Sync)> = vec![&changed_ids, &now];
        params.extend(content.params());
        let rows = tx.query(&update, &params).await.map_err(&q)?;
        let mut version: HashMap<i64, i64> = HashMap::with_capacity(rows.len());
        for r in &rows {
            version.insert(r.try_get(0).map_err(&q)?, r.try_get(1).map_err(&q)?);
        }
        changed_ids
            .iter()
            .map(|id| {
                version
                    .get(id)
                    .map(|v| u32_of(*v))
                    .ok_or_else(|| self.misuse(format!("save_listings: listing {id} vanished")))
            })
            .collect()
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
        let mut listing = listing_from(&r, 9, r.try_get(1).map_err(&q)?)
            .map_err(|e| self.row_err("read listing", e))?;
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
        let op = "find listings needing a verdict";
        let q = self.q(op);
        let cols = content_cols("l.");
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
            .map(|r| Ok((r.col(0)?, listing_from(r, 2, r.col(1)?)?)))
            .collect::<Result<Vec<_>, RowError<tokio_postgres::Error>>>()
            .map_err(|e| self.row_err(op, e))
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
