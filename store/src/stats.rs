//! Statistics for researchers: listing counts, new and vanished listings, unique vendors, flagged
//! share and price median / min / max, grouped by any of market, label, vendor, ISO week or month,
//! with one row for all currencies and one per currency.
//!
//! [`Store::stats_listings`] reads what is needed per listing (with the price of every version);
//! [`aggregate`] is pure. A listing counts in a period when it was seen during it (first seen before
//! the period's end, last seen after its start); *new* when first seen in it; *vanished* when its
//! `vanished_at` falls in it. Its price in a period is the price of its latest version seen in the
//! period. A listing with several labels counts once under each label; one without is `none`.
//! Prices are converted to one currency only with a rate table the user gives ([`Rates`]).

use crate::rows::{price_span_from, stats_listing_cols, stats_listing_from, PRICE_SPAN_COLS};
use crate::{Result, Store};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use time::{Date, Month, OffsetDateTime, Weekday};

/// A price a listing showed from `from` to `to` (unix seconds).
#[derive(Debug, Clone, PartialEq)]
pub struct PriceSpan {
    pub from: i64,
    pub to: i64,
    pub amount: f64,
    pub currency: String,
}

/// One listing as statistics see it.
#[derive(Debug, Clone, PartialEq)]
pub struct StatsListing {
    pub id: i64,
    pub market: String,
    pub vendor: Option<String>,
    pub first_seen: i64,
    pub last_seen: i64,
    pub vanished_at: Option<i64>,
    /// Labels of the current verdict (empty: none or no verdict).
    pub labels: Vec<String>,
    pub flagged: bool,
    /// Prices of every version that had one, oldest first.
    pub prices: Vec<PriceSpan>,
}

/// A grouping dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StatsBy {
    Market,
    Label,
    Vendor,
    Week,
    Month,
}

/// Exchange rates given by the user: how much one unit of each currency is worth in `target`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rates {
    pub target: String,
    pub per_unit: HashMap<String, f64>,
}

impl Rates {
    fn convert(&self, amount: f64, currency: &str) -> Option<f64> {
        if currency.eq_ignore_ascii_case(&self.target) {
            return Some(amount);
        }
        self.per_unit
            .get(&currency.to_ascii_uppercase())
            .map(|r| amount * r)
    }
}

/// What to count.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatsQuery {
    pub by: Vec<StatsBy>,
    /// Only listings with this label.
    pub label: Option<String>,
    /// Only listings seen at or after this time (unix seconds); periods ending before it are left out.
    pub since: Option<i64>,
    pub rates: Option<Rates>,
}

/// One row of statistics. Group columns not grouped by are empty.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatsRow {
    pub period: String,
    pub market: String,
    pub label: String,
    /// `name@market`.
    pub vendor: String,
    /// `all`, or one currency (counts then cover only listings priced in it).
    pub currency: String,
    pub listings: usize,
    pub new: usize,
    pub vanished: usize,
    pub vendors: usize,
    pub flagged: usize,
    /// flagged / listings, 0 when there are no listings.
    pub flagged_share: f64,
    /// Listings with a price in the row's currency (for `all`: converted with the rate table).
    pub priced: usize,
    pub price_median: Option<f64>,
    pub price_min: Option<f64>,
    pub price_max: Option<f64>,
    /// The currency of the price columns (the rate table's target on `all` rows).
    pub price_currency: String,
}

impl Store {
    /// Every listing with its labels, flag and price history, for [`aggregate`].
    #[tracing::instrument(level = "debug", skip(self))]
    pub fn stats_listings(&self) -> Result<Vec<StatsListing>> {
        let op = "read listings for statistics";
        let listings = self.rows_of(
            op,
            &format!(
                "SELECT {}
                 FROM listings l
                 LEFT JOIN verdicts v ON v.id = l.latest_verdict_id
                 ORDER BY l.id",
                stats_listing_cols(
                    "(SELECT group_concat(vl.label, ',') FROM verdict_labels vl
                      WHERE vl.verdict_id = v.id AND vl.assigned = 1)"
                )
            ),
            [],
            |r| stats_listing_from(r),
        )?;
        let old = self.rows_of(
            op,
            &format!(
                "SELECT {PRICE_SPAN_COLS} FROM listing_versions
                 WHERE price_amount IS NOT NULL AND currency IS NOT NULL
                 ORDER BY listing_id, version"
            ),
            [],
            |r| price_span_from(r),
        )?;
        Ok(with_old_prices(listings, old))
    }
}

/// Puts the prices of earlier versions (`old`: listing id and span, oldest first per listing)
/// before each listing's current price.
pub(crate) fn with_old_prices(
    mut listings: Vec<StatsListing>,
    old: Vec<(i64, PriceSpan)>,
) -> Vec<StatsListing> {
    let mut by_id: HashMap<i64, Vec<PriceSpan>> = HashMap::new();
    for (id, span) in old {
        by_id.entry(id).or_default().push(span);
    }
    for l in &mut listings {
        if let Some(mut spans) = by_id.remove(&l.id) {
            spans.append(&mut l.prices);
            l.prices = spans;
        }
    }
    listings
}

#[derive(Default)]
struct Acc {
    listings: usize,
    new: usize,
    vanished: usize,
    vendors: BTreeSet<(String, String)>,
    flagged: usize,
    prices: Vec<f64>,
}

/// (period, market, label, vendor, (0 for `all` / 1, currency)).
type Key = (String, String, String, String, (u8, String));

/// Groups listings into rows (sorted by period, market, label, vendor, then `all` before the
/// currencies).
pub fn aggregate(listings: &[StatsListing], q: &StatsQuery) -> Vec<StatsRow> {
    let period_by =
        q.by.iter()
            .find(|b| matches!(b, StatsBy::Week | StatsBy::Month))
            .copied();
    let mut acc: BTreeMap<Key, Acc> = BTreeMap::new();
    for l in listings {
        if let Some(label) = &q.label {
            if !l.labels.iter().any(|x| x == label) {
                continue;
            }
        }
        // (period, active, new, vanished, price)
        let mut memberships: Vec<(String, bool, bool, bool, Option<&PriceSpan>)> = Vec::new();
        match period_by {
            None => {
                let active = q.since.is_none_or(|s| l.last_seen >= s);
                let new = q.since.is_none_or(|s| l.first_seen >= s);
                let vanished = l
                    .vanished_at
                    .is_some_and(|v| q.since.is_none_or(|s| v >= s));
                if active || vanished {
                    memberships.push((
                        String::new(),
                        active,
                        new && active,
                        vanished,
                        l.prices.last(),
                    ));
                }
            }
            Some(p) => {
                let mut periods: BTreeMap<i64, (String, i64)> = BTreeMap::new();
                let mut start = period_start(p, l.first_seen);
                while start <= l.last_seen {
                    let (name, end) = period_of(p, start);
                    periods.insert(start, (name, end));
                    start = end;
                }
                if let Some(v) = l.vanished_at {
                    let s = period_start(p, v);
                    periods.entry(s).or_insert_with(|| period_of(p, s));
                }
                for (start, (name, end)) in periods {
                    if q.since.is_some_and(|s| end <= s) {
                        continue;
                    }
                    let active = l.first_seen < end && l.last_seen >= start;
                    let new = (start..end).contains(&l.first_seen);
                    let vanished = l.vanished_at.is_some_and(|v| (start..end).contains(&v));
                    let price = l
                        .prices
                        .iter()
                        .rev()
                        .find(|s| s.from < end && s.to >= start);
                    memberships.push((name, active, new, vanished, price));
                }
            }
        }
        let labels: Vec<String> = if q.by.contains(&StatsBy::Label) {
            if l.labels.is_empty() {
                vec!["none".into()]
            } else {
                l.labels.clone()
            }
        } else {
            vec![String::new()]
        };
        let market = if q.by.contains(&StatsBy::Market) {
            l.market.clone()
        } else {
            String::new()
        };
        let vendor = if q.by.contains(&StatsBy::Vendor) {
            match &l.vendor {
                Some(v) => format!("{v}@{}", l.market),
                None => "-".into(),
            }
        } else {
            String::new()
        };
        for (period, active, new, vanished, price) in &memberships {
            for label in &labels {
                let mut currencies = vec![(
                    "all".to_string(),
                    price.and_then(|p| {
                        q.rates
                            .as_ref()
                            .and_then(|r| r.convert(p.amount, &p.currency))
                    }),
                )];
                if let Some(p) = price {
                    currencies.push((p.currency.clone(), Some(p.amount)));
                }
                for (cur, amount) in currencies {
                    let key = (
                        period.clone(),
                        market.clone(),
                        label.clone(),
                        vendor.clone(),
                        (u8::from(cur != "all"), cur),
                    );
                    let a = acc.entry(key).or_default();
                    if *active {
                        a.listings += 1;
                        if let Some(v) = &l.vendor {
                            a.vendors.insert((l.market.clone(), v.clone()));
                        }
                        if l.flagged {
                            a.flagged += 1;
                        }
                        if let Some(x) = amount {
                            a.prices.push(x);
                        }
                    }
                    a.new += usize::from(*new);
                    a.vanished += usize::from(*vanished);
                }
            }
        }
    }
    acc.into_iter()
        .map(|((period, market, label, vendor, (_, currency)), mut a)| {
            a.prices.sort_by(f64::total_cmp);
            let price_currency = if currency == "all" {
                q.rates
                    .as_ref()
                    .map(|r| r.target.clone())
                    .unwrap_or_default()
            } else {
                currency.clone()
            };
            StatsRow {
                period,
                market,
                label,
                vendor,
                currency,
                listings: a.listings,
                new: a.new,
                vanished: a.vanished,
                vendors: a.vendors.len(),
                flagged: a.flagged,
                flagged_share: if a.listings == 0 {
                    0.0
                } else {
                    (a.flagged as f64 / a.listings as f64 * 1000.0).round() / 1000.0
                },
                priced: a.prices.len(),
                price_median: median(&a.prices),
                price_min: a.prices.first().copied(),
                price_max: a.prices.last().copied(),
                price_currency,
            }
        })
        .collect()
}

fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

fn date_of(t: i64) -> Date {
    OffsetDateTime::from_unix_timestamp(t)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        .date()
}

fn unix_of(d: Date) -> i64 {
    d.midnight().assume_utc().unix_timestamp()
}

/// The start (unix seconds) of the week (Monday, UTC) or month containing `t`.
fn period_start(p: StatsBy, t: i64) -> i64 {
    let d = date_of(t);
    match p {
        StatsBy::Month => unix_of(d.replace_day(1).unwrap_or(d)),
        _ => {
            let back = i64::from(d.weekday().number_days_from_monday());
            unix_of(d) - back * 86_400
        }
    }
}

/// The name (`2026-W48`, `2026-11`) and end (unix seconds, exclusive) of the period starting at
/// `start`.
fn period_of(p: StatsBy, start: i64) -> (String, i64) {
    let d = date_of(start);
    match p {
        StatsBy::Month => {
            let (y, m) = if d.month() == Month::December {
                (d.year() + 1, Month::January)
            } else {
                (d.year(), d.month().next())
            };
            let end = Date::from_calendar_date(y, m, 1).map_or(start + 31 * 86_400, unix_of);
            (format!("{:04}-{:02}", d.year(), u8::from(d.month())), end)
        }
        _ => {
            let (y, w, _) = d.to_iso_week_date();
            debug_assert_eq!(d.weekday(), Weekday::Monday);
            (format!("{y:04}-W{w:02}"), start + 7 * 86_400)
        }
    }
}

/// Parses a period name back to its start (for charts and `--since`): `2026-W48`, `2026-11`, or a
/// date `2026-11-30`.
pub fn parse_date(s: &str) -> Option<i64> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(s.trim(), &fmt).ok().map(unix_of)
}

#[cfg(test)]
mod tests {
    // Pure aggregation, no backend (`stats_listings` runs on both backends in tests/reads.rs).
    use super::*;

    const DAY: i64 = 86_400;
    /// Monday 2026-11-30 00:00 UTC.
    const MON: i64 = 1_795_996_800;

    fn l(
        id: i64,
        market: &str,
        vendor: &str,
        first: i64,
        last: i64,
        labels: &[&str],
    ) -> StatsListing {
        StatsListing {
            id,
            market: market.into(),
            vendor: Some(vendor.into()),
            first_seen: first,
            last_seen: last,
            vanished_at: None,
            labels: labels.iter().map(|s| s.to_string()).collect(),
            flagged: !labels.is_empty(),
            prices: Vec::new(),
        }
    }

    fn price(mut x: StatsListing, amount: f64, cur: &str) -> StatsListing {
        x.prices.push(PriceSpan {
            from: x.first_seen,
            to: x.last_seen,
            amount,
            currency: cur.into(),
        });
        x
    }

    #[test]
    fn periods_are_iso_weeks_and_months() {
        // Guards: week and month names and bounds are UTC ISO weeks and calendar months.
        assert_eq!(parse_date("2026-11-30"), Some(MON));
        assert_eq!(period_start(StatsBy::Week, MON + 3 * DAY + 5), MON);
        assert_eq!(
            period_of(StatsBy::Week, MON),
            ("2026-W49".into(), MON + 7 * DAY)
        );
        let dec1 = MON + DAY;
        assert_eq!(period_start(StatsBy::Month, dec1 + 10 * DAY), dec1);
        assert_eq!(
            period_of(StatsBy::Month, dec1),
            ("2026-12".into(), dec1 + 31 * DAY)
        );
    }

    #[test]
    fn counts_by_label_with_prices_per_currency() {
        // Guards: by label, each listing counts under each of its labels; `all` rows count every
        // listing, currency rows only those priced in it; median of an even count is the mean.
        let rows = aggregate(
            &[
                price(l(1, "a", "x", MON, MON, &["firearm"]), 500.0, "USD"),
                price(l(2, "a", "y", MON, MON, &["firearm", "part"]), 700.0, "USD"),
                price(l(3, "b", "x", MON, MON, &["firearm"]), 0.01, "BTC"),
                l(4, "b", "z", MON, MON, &[]),
            ],
            &StatsQuery {
                by: vec![StatsBy::Label],
                ..StatsQuery::default()
            },
        );
        let get = |label: &str, cur: &str| {
            rows.iter()
                .find(|r| r.label == label && r.currency == cur)
                .unwrap()
                .clone()
        };
        let f = get("firearm", "all");
        assert_eq!((f.listings, f.vendors, f.flagged, f.priced), (3, 3, 3, 0));
        let usd = get("firearm", "USD");
        assert_eq!(
            (usd.listings, usd.price_median, usd.price_min),
            (2, Some(600.0), Some(500.0))
        );
        assert_eq!(get("none", "all").flagged_share, 0.0);
        assert_eq!(get("part", "all").listings, 1);
        assert_eq!(rows.len(), 6, "{rows:?}");
        assert_eq!(rows[0].currency, "all");
    }

    #[test]
    fn weeks_count_active_new_and_vanished_and_convert_with_rates() {
        // Guards: a listing spanning two weeks counts in both, new in the first; vanished in the
        // week of vanished_at; the rate table converts `all` prices; --since drops old weeks.
        let mut a = price(
            l(1, "a", "x", MON, MON + 8 * DAY, &["firearm"]),
            0.01,
            "BTC",
        );
        a.vanished_at = Some(MON + 15 * DAY);
        let b = price(
            l(2, "a", "y", MON + 9 * DAY, MON + 9 * DAY, &["firearm"]),
            900.0,
            "USD",
        );
        let rates = Rates {
            target: "USD".into(),
            per_unit: [("BTC".to_string(), 100_000.0)].into_iter().collect(),
        };
        let q = StatsQuery {
            by: vec![StatsBy::Week],
            rates: Some(rates),
            ..StatsQuery::default()
        };
        let rows: Vec<_> = aggregate(&[a.clone(), b.clone()], &q)
            .into_iter()
            .filter(|r| r.currency == "all")
            .collect();
        let summary: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.period.as_str(),
                    r.listings,
                    r.new,
                    r.vanished,
                    r.price_median,
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                ("2026-W49", 1, 1, 0, Some(1000.0)),
                ("2026-W50", 2, 1, 0, Some(950.0)),
                ("2026-W51", 0, 0, 1, None),
            ]
        );
        let since = StatsQuery {
            since: Some(MON + 7 * DAY),
            ..q
        };
        assert_eq!(
            aggregate(&[a, b], &since)
                .iter()
                .filter(|r| r.currency == "all")
                .count(),
            2
        );
    }
}
