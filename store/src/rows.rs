//! One row decoder per record for both backends: [`Cols`] reads a column of a rusqlite row and of
//! a tokio-postgres row alike, so each record the case reads (a page's evidence record, a listing
//! version, a flagged listing, a vendor, ...) is decoded by one function here whatever the backend;
//! only the SQL text differs between `Store` and `PgStore`, and both select the columns in the
//! order the decoder names.
//!
//! Integers are read as `i64` (PostgreSQL's `BIGINT`, SQLite's `INTEGER`) and narrowed here;
//! booleans decode from PostgreSQL's `BOOLEAN` and SQLite's 0/1 alike.

use crate::stats::{PriceSpan, StatsListing};
use crate::{
    AlertRecord, CandidateMarket, EntityRow, FlaggedRow, ListingVersion, PageMeta, ReviewedListing,
    SameVendorListing, Schedule, StoreError, VanishedListing, VendorListing, VendorRecord,
    VendorRename,
};
use armswatch_core::vendor::{VendorKey, VendorText};
use armswatch_core::{Label, Listing, MarketId, PgpKey, ReviewState, Verdict};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A type both drivers decode.
pub(crate) trait Col:
    rusqlite::types::FromSql + for<'a> tokio_postgres::types::FromSql<'a>
{
}
impl<T> Col for T where T: rusqlite::types::FromSql + for<'a> tokio_postgres::types::FromSql<'a> {}

/// Why a row did not decode: the driver's error, or a stored value that is not what its column
/// should hold.
#[derive(Debug)]
pub(crate) enum RowError<E> {
    Db(E),
    Bad {
        column: &'static str,
        detail: String,
    },
}

impl<E> RowError<E> {
    pub(crate) fn bad(column: &'static str, detail: impl ToString) -> RowError<E> {
        RowError::Bad {
            column,
            detail: detail.to_string(),
        }
    }

    /// The store error of operation `op` on the database at `path`; `db` maps a driver error.
    pub(crate) fn into_store(self, path: &Path, db: impl FnOnce(E) -> StoreError) -> StoreError {
        match self {
            RowError::Db(e) => db(e),
            RowError::Bad { column, detail } => StoreError::BadValue {
                path: path.to_path_buf(),
                column,
                detail,
            },
        }
    }
}

/// Inside a rusqlite `query_map` closure: a bad value becomes a conversion failure.
impl From<RowError<rusqlite::Error>> for rusqlite::Error {
    fn from(e: RowError<rusqlite::Error>) -> rusqlite::Error {
        match e {
            RowError::Db(e) => e,
            RowError::Bad { column, detail } => rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                format!("{column}: {detail}").into(),
            ),
        }
    }
}

/// A row of either backend.
pub(crate) trait Cols {
    type Error;
    /// Column `i` (0-based) as `T`.
    fn col<T: Col>(&self, i: usize) -> std::result::Result<T, RowError<Self::Error>>;

    /// Column `i` as a count or size (negative reads as 0).
    fn count(&self, i: usize) -> std::result::Result<usize, RowError<Self::Error>> {
        Ok(usize::try_from(self.col::<i64>(i)?).unwrap_or(0))
    }

    /// Column `i` as a version number.
    fn version(&self, i: usize) -> std::result::Result<u32, RowError<Self::Error>> {
        Ok(u32::try_from(self.col::<i64>(i)?).unwrap_or(0))
    }

    /// Column `i`, text parsed as `T` (an enum stored by name), named `column` in errors.
    fn parsed<T>(
        &self,
        i: usize,
        column: &'static str,
    ) -> std::result::Result<T, RowError<Self::Error>>
    where
        T: std::str::FromStr,
        T::Err: ToString,
    {
        self.col::<String>(i)?
            .parse()
            .map_err(|e: T::Err| RowError::bad(column, e))
    }
}

impl Cols for rusqlite::Row<'_> {
    type Error = rusqlite::Error;
    fn col<T: Col>(&self, i: usize) -> std::result::Result<T, RowError<rusqlite::Error>> {
        self.get(i).map_err(RowError::Db)
    }
}

impl Cols for tokio_postgres::Row {
    type Error = tokio_postgres::Error;
    fn col<T: Col>(&self, i: usize) -> std::result::Result<T, RowError<tokio_postgres::Error>> {
        self.try_get(i).map_err(RowError::Db)
    }
}

/// What a decoder returns.
pub(crate) type Decoded<T, R> = std::result::Result<T, RowError<<R as Cols>::Error>>;

/// The content columns of a listing (of `listings` or `listing_versions`), in the order
/// [`listing_from`] reads them.
pub(crate) const CONTENT_COLS: &str = "market_listing_id, title, description, vendor, price_text, \
                                       price_amount, currency, category, ships_from, ships_to, \
                                       price_high";

/// [`CONTENT_COLS`] each prefixed with a table alias (`"v."`).
pub(crate) fn content_cols(alias: &str) -> String {
    CONTENT_COLS
        .split(", ")
        .map(|c| format!("{alias}{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A listing's content from the eleven [`CONTENT_COLS`] starting at column `at`.
pub(crate) fn listing_from<R: Cols>(r: &R, at: usize, url: String) -> Decoded<Listing, R> {
    Ok(Listing {
        url,
        market_listing_id: r.col(at)?,
        title: r.col(at + 1)?,
        description: r.col(at + 2)?,
        vendor: r.col(at + 3)?,
        price_text: r.col(at + 4)?,
        price_amount: r.col(at + 5)?,
        currency: r.col(at + 6)?,
        category: r.col(at + 7)?,
        ships_from: r.col(at + 8)?,
        ships_to: r.col(at + 9)?,
        vendor_url: None,
        price_high: r.col(at + 10)?,
    })
}

/// The columns of [`page_meta_from`], over `pages p`.
pub(crate) const PAGE_META_COLS: &str =
    "p.id, p.run_id, p.market_id, p.requested_url, p.final_url, p.fetched_at, p.http_status, \
     p.content_type, p.body_len, p.sha256, p.transport, p.kind";

pub(crate) fn page_meta_from<R: Cols>(r: &R) -> Decoded<PageMeta, R> {
    Ok(PageMeta {
        id: r.col(0)?,
        run_id: r.col(1)?,
        market: MarketId(r.col(2)?),
        requested_url: r.col(3)?,
        final_url: r.col(4)?,
        fetched_at: r.col(5)?,
        http_status: u16::try_from(r.col::<i64>(6)?)
            .map_err(|e| RowError::bad("pages.http_status", e))?,
        content_type: r.col(7)?,
        body_len: u64::try_from(r.col::<i64>(8)?).unwrap_or(0),
        sha256: r.col(9)?,
        transport: r.col(10)?,
        kind: r.parsed(11, "pages.kind")?,
    })
}

/// The columns of [`listing_version_from`], over `listing_versions v JOIN listings l`.
pub(crate) fn listing_version_cols() -> String {
    format!(
        "v.listing_id, v.version, v.content_sha256, v.first_seen, v.last_seen, l.canonical_url, {}",
        content_cols("v.")
    )
}

pub(crate) fn listing_version_from<R: Cols>(r: &R) -> Decoded<ListingVersion, R> {
    Ok(ListingVersion {
        listing_id: r.col(0)?,
        version: r.version(1)?,
        content_sha256: r.col(2)?,
        first_seen: r.col(3)?,
        last_seen: r.col(4)?,
        listing: listing_from(r, 6, r.col(5)?)?,
    })
}

/// Review-queue label bits (`review_queue.labels`) as labels.
fn labels_of_bits(bits: Option<i64>) -> Vec<Label> {
    Label::ALL
        .into_iter()
        .filter(|l| bits.unwrap_or(0) & (1 << l.index()) != 0)
        .collect()
}

/// Each reviewed listing's newest decision with the content of the version it was made on, by
/// listing id; `{state}` is the backend's placeholder for the review state or NULL (every state).
/// Rows for [`reviewed_from`].
pub(crate) fn reviewed_sql(state: &str) -> String {
    format!(
        "SELECT r.listing_id, r.state, r.labels_json,
             CASE WHEN lv.id IS NULL THEN l.title ELSE lv.title END,
             CASE WHEN lv.id IS NULL THEN l.description ELSE lv.description END
         FROM reviews r
         JOIN listings l ON l.id = r.listing_id
         LEFT JOIN listing_versions lv ON lv.listing_id = r.listing_id
             AND lv.version = r.listing_version AND r.listing_version <> l.version
         WHERE r.id = (SELECT max(r2.id) FROM reviews r2 WHERE r2.listing_id = r.listing_id)
             AND ({state} IS NULL OR r.state = {state})
         ORDER BY r.listing_id"
    )
}

pub(crate) fn reviewed_from<R: Cols>(r: &R) -> Decoded<ReviewedListing, R> {
    Ok(ReviewedListing {
        listing_id: r.col(0)?,
        state: r.parsed(1, "reviews.state")?,
        labels: serde_json::from_str(&r.col::<String>(2)?)
            .map_err(|e| RowError::bad("reviews.labels_json", e))?,
        title: r.col(3)?,
        description: r.col(4)?,
    })
}

/// The columns of [`schedule_from`], over `schedules`.
pub(crate) const SCHEDULE_COLS: &str =
    "id, market_id, profile_path, every_secs, jitter_secs, cron, options_json, \
     paused, next_at, failures, backoff_until, last_run_id, created_at";

pub(crate) fn schedule_from<R: Cols>(r: &R) -> Decoded<Schedule, R> {
    Ok(Schedule {
        id: r.col(0)?,
        market: MarketId(r.col(1)?),
        profile_path: r.col(2)?,
        every_secs: r.col(3)?,
        jitter_secs: r.col(4)?,
        cron: r.col(5)?,
        options_json: r.col(6)?,
        paused: r.col(7)?,
        next_at: r.col(8)?,
        failures: u32::try_from(r.col::<i64>(9)?).unwrap_or(u32::MAX),
        backoff_until: r.col(10)?,
        last_run_id: r.col(11)?,
        created_at: r.col(12)?,
    })
}

/// The columns of [`alert_from`], over `alerts`.
pub(crate) const ALERT_COLS: &str =
    "id, dedup_key, kind, listing_id, payload_json, created_at, state, attempts, \
     next_attempt_at, last_error, delivered_at, file_written_at";

pub(crate) fn alert_from<R: Cols>(r: &R) -> Decoded<AlertRecord, R> {
    Ok(AlertRecord {
        id: r.col(0)?,
        dedup_key: r.col(1)?,
        kind: r.col(2)?,
        listing_id: r.col(3)?,
        payload_json: r.col(4)?,
        created_at: r.col(5)?,
        state: r.col(6)?,
        attempts: u32::try_from(r.col::<i64>(7)?).unwrap_or(u32::MAX),
        next_attempt_at: r.col(8)?,
        last_error: r.col(9)?,
        delivered_at: r.col(10)?,
        file_written_at: r.col(11)?,
    })
}

/// The columns of [`same_vendor_from`], over `listings l LEFT JOIN review_queue q`.
pub(crate) const SAME_VENDOR_COLS: &str =
    "l.id, l.market_id, l.title, l.price_text, q.max_score, q.labels, q.state, l.last_seen";

pub(crate) fn same_vendor_from<R: Cols>(r: &R) -> Decoded<SameVendorListing, R> {
    let state: Option<String> = r.col(6)?;
    Ok(SameVendorListing {
        listing_id: r.col(0)?,
        market: MarketId(r.col(1)?),
        title: r.col(2)?,
        price_text: r.col(3)?,
        max_score: r.col::<Option<f64>>(4)?.map(|s| s as f32),
        labels: labels_of_bits(r.col(5)?),
        state: state
            .map(|s| s.parse::<ReviewState>())
            .transpose()
            .map_err(|e| RowError::bad("review_queue.state", e))?,
        last_seen: r.col(7)?,
    })
}

/// The columns of [`flagged_from`], over `listings l JOIN verdicts v`.
pub(crate) const FLAGGED_COLS: &str =
    "l.id, l.market_id, l.canonical_url, l.title, l.vendor, l.price_text, l.price_amount, \
     l.currency, l.version, v.id, v.listing_version, v.model_id, v.model_version, l.first_seen, \
     l.last_seen, v.scores_json, v.labels_json, v.explain_json";

pub(crate) fn flagged_from<R: Cols>(r: &R) -> Decoded<FlaggedRow, R> {
    let verdict_id: i64 = r.col(9)?;
    let bad = |column: &'static str, e: serde_json::Error| {
        RowError::bad(column, format!("verdict {verdict_id}: {e}"))
    };
    Ok(FlaggedRow {
        listing_id: r.col(0)?,
        market: MarketId(r.col(1)?),
        url: r.col(2)?,
        title: r.col(3)?,
        vendor: r.col(4)?,
        price_text: r.col(5)?,
        price_amount: r.col(6)?,
        currency: r.col(7)?,
        listing_version: r.version(8)?,
        verdict_id,
        verdict_listing_version: r.version(10)?,
        verdict: Verdict {
            model_id: r.col(11)?,
            model_version: r.col(12)?,
            scores: serde_json::from_str(&r.col::<String>(15)?)
                .map_err(|e| bad("verdicts.scores_json", e))?,
            labels: serde_json::from_str(&r.col::<String>(16)?)
                .map_err(|e| bad("verdicts.labels_json", e))?,
            explain: serde_json::from_str(&r.col::<String>(17)?)
                .map_err(|e| bad("verdicts.explain_json", e))?,
        },
        first_seen: r.col(13)?,
        last_seen: r.col(14)?,
    })
}

/// The columns of [`vanished_from`], over `listings`.
pub(crate) const VANISHED_COLS: &str =
    "id, market_id, canonical_url, title, vendor, last_seen, vanished_at";

pub(crate) fn vanished_from<R: Cols>(r: &R) -> Decoded<VanishedListing, R> {
    Ok(VanishedListing {
        listing_id: r.col(0)?,
        market: MarketId(r.col(1)?),
        url: r.col(2)?,
        title: r.col(3)?,
        vendor: r.col(4)?,
        last_seen: r.col(5)?,
        vanished_at: r.col(6)?,
    })
}

/// The columns of [`entity_from`], over `entity_sightings s JOIN entities e`.
pub(crate) const ENTITY_COLS: &str =
    "e.kind, e.value, s.market_id, s.url, s.listing_id, s.listing_version, s.vendor, s.field, \
     s.raw, s.byte_offset, s.page_id, s.first_seen, s.last_seen";

pub(crate) fn entity_from<R: Cols>(r: &R) -> Decoded<EntityRow, R> {
    Ok(EntityRow {
        kind: r.parsed(0, "entities.kind")?,
        value: r.col(1)?,
        market: MarketId(r.col(2)?),
        url: r.col(3)?,
        listing_id: r.col(4)?,
        listing_version: r.version(5)?,
        vendor: r.col(6)?,
        field: r.col(7)?,
        raw: r.col(8)?,
        byte_offset: r.col(9)?,
        page_id: r.col(10)?,
        first_seen: r.col(11)?,
        last_seen: r.col(12)?,
    })
}

/// The columns of [`vendor_record_from`], grouped by market and vendor over `listings l`.
pub(crate) const VENDOR_COLS: &str = "l.market_id, l.vendor, max(l.vendor_url), \
                                      min(l.first_seen), max(l.last_seen), count(*), \
                                      count(l.flag_score), count(l.vanished_at)";

pub(crate) fn vendor_record_from<R: Cols>(r: &R) -> Decoded<VendorRecord, R> {
    Ok(VendorRecord {
        market: MarketId(r.col(0)?),
        name: r.col(1)?,
        profile_url: r.col(2)?,
        first_seen: r.col(3)?,
        last_seen: r.col(4)?,
        listings: r.count(5)?,
        flagged: r.count(6)?,
        vanished: r.count(7)?,
        pgp_fingerprints: Vec::new(),
    })
}

/// Adds to each vendor the PGP fingerprints seen with it among `entities`, sorted and unique.
pub(crate) fn with_fingerprints(
    mut vendors: Vec<VendorRecord>,
    entities: &[EntityRow],
) -> Vec<VendorRecord> {
    for v in &mut vendors {
        let mut fps: Vec<String> = entities
            .iter()
            .filter(|e| {
                e.kind == armswatch_core::EntityKind::PgpFingerprint
                    && e.market == v.market
                    && e.vendor.as_deref() == Some(v.name.as_str())
            })
            .map(|e| e.value.clone())
            .collect();
        fps.sort();
        fps.dedup();
        v.pgp_fingerprints = fps;
    }
    vendors
}

/// The columns of [`vendor_listing_from`], over `listings l LEFT JOIN verdicts v`, the last one
/// the assigned labels joined by commas (`labels_sql`, the backend's aggregate).
pub(crate) fn vendor_listing_cols(labels_sql: &str) -> String {
    format!(
        "l.id, l.canonical_url, l.title, l.price_text, l.first_seen, l.last_seen, l.vanished_at, \
         v.flagged, {labels_sql}"
    )
}

pub(crate) fn vendor_listing_from<R: Cols>(r: &R) -> Decoded<VendorListing, R> {
    Ok(VendorListing {
        listing_id: r.col(0)?,
        url: r.col(1)?,
        title: r.col(2)?,
        price_text: r.col(3)?,
        first_seen: r.col(4)?,
        last_seen: r.col(5)?,
        vanished_at: r.col(6)?,
        flagged: r.col::<Option<bool>>(7)?.unwrap_or(false),
        labels: split_labels(r.col(8)?),
    })
}

/// The columns of [`vendor_text_from`], over `listings`.
pub(crate) const VENDOR_TEXT_COLS: &str =
    "market_id, vendor, canonical_url, title, coalesce(description, '')";

/// A vendor's listing text (title and description), for linking vendors.
pub(crate) fn vendor_text_from<R: Cols>(r: &R) -> Decoded<VendorText, R> {
    let title: String = r.col(3)?;
    let desc: String = r.col(4)?;
    Ok(VendorText {
        vendor: VendorKey {
            market: MarketId(r.col(0)?),
            name: r.col(1)?,
        },
        listing_url: r.col(2)?,
        text: format!("{title}\n{desc}"),
    })
}

/// Labels aggregated with commas, sorted.
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

pub(crate) fn vendor_rename_from<R: Cols>(r: &R) -> Decoded<VendorRename, R> {
    Ok(VendorRename {
        market: MarketId(r.col(0)?),
        old_name: r.col(1)?,
        new_name: r.col(2)?,
        evidence: r.col(3)?,
        url: r.col(4)?,
        at: r.col(5)?,
    })
}

/// Renames in order, one per (market, old name, new name): the first evidence of each.
pub(crate) fn dedup_renames(mut rows: Vec<VendorRename>) -> Vec<VendorRename> {
    rows.dedup_by(|a, b| {
        a.market == b.market && a.old_name == b.old_name && a.new_name == b.new_name
    });
    rows
}

/// The columns of [`pgp_key_from`], over `pgp_keys`.
pub(crate) const PGP_KEY_COLS: &str =
    "fingerprint, key_id, algorithm, created_at, user_ids_json, self_signed, armored";

pub(crate) fn pgp_key_from<R: Cols>(r: &R) -> Decoded<PgpKey, R> {
    let uids: String = r.col(4)?;
    Ok(PgpKey {
        fingerprint: r.col(0)?,
        key_id: r.col(1)?,
        algorithm: r.col(2)?,
        created_at: r.col(3)?,
        user_ids: serde_json::from_str(&uids).unwrap_or_default(),
        self_signed: r.col(5)?,
        armored: r.col(6)?,
    })
}

/// One onion sighting: the address, the market and URL it was seen on, first and last seen.
pub(crate) type OnionSighting = (String, String, String, i64, i64);

/// The columns of an [`OnionSighting`], over `entity_sightings s JOIN entities e`.
pub(crate) const ONION_COLS: &str = "e.value, s.market_id, s.url, s.first_seen, s.last_seen";

pub(crate) fn onion_from<R: Cols>(r: &R) -> Decoded<OnionSighting, R> {
    Ok((r.col(0)?, r.col(1)?, r.col(2)?, r.col(3)?, r.col(4)?))
}

/// Candidate markets from onion sightings (by address, then first seen): addresses that are no
/// known market's (`known`: hosts of markets' base URLs) and not the host of the page they were
/// seen on; most widely seen first.
pub(crate) fn candidates(
    known: &BTreeSet<String>,
    sightings: impl IntoIterator<Item = OnionSighting>,
) -> Vec<CandidateMarket> {
    let mut by_onion: BTreeMap<String, CandidateMarket> = BTreeMap::new();
    for (onion, market, url, first, last) in sightings {
        if known.contains(&onion) || crate::entities::host_of(&url).as_deref() == Some(&onion) {
            continue;
        }
        let c = by_onion
            .entry(onion.clone())
            .or_insert_with(|| CandidateMarket {
                onion,
                found_on: Vec::new(),
                sightings: 0,
                example_url: url.clone(),
                first_seen: first,
                last_seen: last,
            });
        if !c.found_on.contains(&market) {
            c.found_on.push(market);
        }
        c.sightings += 1;
        c.first_seen = c.first_seen.min(first);
        c.last_seen = c.last_seen.max(last);
    }
    let mut out: Vec<CandidateMarket> = by_onion.into_values().collect();
    out.sort_by(|a, b| {
        (b.found_on.len(), b.sightings, &a.onion).cmp(&(a.found_on.len(), a.sightings, &b.onion))
    });
    out
}

/// The columns of [`stats_listing_from`], over `listings l LEFT JOIN verdicts v`, the last one
/// the assigned labels joined by commas (`labels_sql`, the backend's aggregate).
pub(crate) fn stats_listing_cols(labels_sql: &str) -> String {
    format!(
        "l.id, l.market_id, l.vendor, l.first_seen, l.last_seen, l.vanished_at, l.price_amount, \
         l.currency, l.version_first_seen, v.flagged, {labels_sql}"
    )
}

/// A listing for statistics, with the price of its current version (older ones are added from
/// [`price_span_from`] rows by [`crate::stats::with_old_prices`]).
pub(crate) fn stats_listing_from<R: Cols>(r: &R) -> Decoded<StatsListing, R> {
    let amount: Option<f64> = r.col(6)?;
    let currency: Option<String> = r.col(7)?;
    let last_seen: i64 = r.col(4)?;
    let current = match (amount, currency) {
        (Some(amount), Some(currency)) if amount.is_finite() => Some(PriceSpan {
            from: r.col(8)?,
            to: last_seen,
            amount,
            currency,
        }),
        _ => None,
    };
    Ok(StatsListing {
        id: r.col(0)?,
        market: r.col(1)?,
        vendor: r.col(2)?,
        first_seen: r.col(3)?,
        last_seen,
        vanished_at: r.col(5)?,
        flagged: r.col::<Option<bool>>(9)?.unwrap_or(false),
        labels: split_labels(r.col(10)?),
        prices: current.into_iter().collect(),
    })
}

/// The columns of [`price_span_from`], over `listing_versions` with a price and currency.
pub(crate) const PRICE_SPAN_COLS: &str =
    "listing_id, first_seen, last_seen, price_amount, currency";

/// An earlier version's price: the listing id and the span.
pub(crate) fn price_span_from<R: Cols>(r: &R) -> Decoded<(i64, PriceSpan), R> {
    Ok((
        r.col(0)?,
        PriceSpan {
            from: r.col(1)?,
            to: r.col(2)?,
            amount: r.col(3)?,
            currency: r.col(4)?,
        },
    ))
}
