//! Verdicts and the queries over them: the flagged listings investigators look at, totals, and
//! research statistics. A listing's current verdict is its newest one: `listings.latest_verdict_id`,
//! with `listings.flag_score` set when that verdict flags it (both kept by triggers; view
//! `latest_verdicts`).

use crate::rows::{flagged_from, FLAGGED_COLS};
use crate::{now, to_usize, Result, Store, StoreError};
use armswatch_core::{Label, MarketId, Verdict};
use rusqlite::params;
use serde::Serialize;

/// Which flagged listings [`Store::flagged`] returns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FlaggedQuery {
    /// Only this market.
    pub market: Option<MarketId>,
    /// Only listings whose latest verdict gave this label.
    pub label: Option<Label>,
    /// Only scores at least this high: the `label`'s score when a label is given, else the
    /// verdict's highest score.
    pub min_score: Option<f32>,
    /// At most this many rows.
    pub limit: Option<usize>,
}

/// A flagged listing with its latest verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlaggedRow {
    pub listing_id: i64,
    pub market: MarketId,
    pub url: String,
    pub title: String,
    pub vendor: Option<String>,
    pub price_text: Option<String>,
    pub price_amount: Option<f64>,
    pub currency: Option<String>,
    /// The listing's current version.
    pub listing_version: u32,
    pub verdict_id: i64,
    /// The listing version the verdict judged (older than `listing_version` when the listing changed
    /// and was not classified again yet).
    pub verdict_listing_version: u32,
    /// Scores, labels and explanation.
    pub verdict: Verdict,
    /// Unix seconds, UTC.
    pub first_seen: i64,
    pub last_seen: i64,
}

/// How many of each thing the store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StoreCounts {
    pub markets: usize,
    pub runs: usize,
    pub pages: usize,
    pub listings: usize,
    pub verdicts: usize,
    /// Listings whose latest verdict is flagged.
    pub flagged: usize,
}

/// Flagged listings of one market with one label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MarketLabelCount {
    pub market: MarketId,
    pub label: Label,
    pub listings: usize,
}

impl Store {
    /// Stores verdicts for listings (by id) in one transaction, each tied to the listing's current
    /// version. Returns the new verdict ids, in order. An unknown listing id or a non-finite score
    /// fails the whole batch.
    #[tracing::instrument(level = "debug", skip_all, fields(n = verdicts.len()))]
    pub fn save_verdicts(&self, verdicts: &[(i64, Verdict)]) -> Result<Vec<i64>> {
        let at = now();
        self.write("save verdicts", |tx| {
            let q = self.q("save verdicts");
            let mut version = tx
                .prepare_cached("SELECT version FROM listings WHERE id = ?1")
                .map_err(&q)?;
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO verdicts (listing_id, listing_version, model_id, model_version,
                         scores_json, labels_json, explain_json, max_score, flagged, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )
                .map_err(&q)?;
            let mut label_row = tx
                .prepare_cached(
                    "INSERT INTO verdict_labels (verdict_id, label, score, assigned)
                     VALUES (?1, ?2, ?3, ?4)",
                )
                .map_err(&q)?;
            let mut ids = Vec::with_capacity(verdicts.len());
            for (listing_id, v) in verdicts {
                if v.scores.values().any(|s| !s.is_finite()) {
                    return Err(self.misuse(format!(
                        "save_verdicts: non-finite score for listing {listing_id}"
                    )));
                }
                let listing_version: i64 =
                    version
                        .query_row([listing_id], |r| r.get(0))
                        .map_err(|e| match e {
                            rusqlite::Error::QueryReturnedNoRows => {
                                self.misuse(format!("save_verdicts: no listing {listing_id}"))
                            }
                            e => q(e),
                        })?;
                let json = |what: &str, r: serde_json::Result<String>| {
                    r.map_err(|e| self.misuse(format!("save_verdicts: cannot encode {what}: {e}")))
                };
                insert
                    .execute(params![
                        listing_id,
                        listing_version,
                        v.model_id,
                        v.model_version,
                        json("scores", serde_json::to_string(&v.scores))?,
                        json("labels", serde_json::to_string(&v.labels))?,
                        json("explain", serde_json::to_string(&v.explain))?,
                        f64::from(v.max_score()),
                        v.is_flagged(),
                        at
                    ])
                    .map_err(&q)?;
                let id = tx.last_insert_rowid();
                for label in Label::ALL {
                    let assigned = v.labels.contains(&label);
                    let score = v.scores.get(&label).copied();
                    if score.is_some() || assigned {
                        label_row
                            .execute(params![
                                id,
                                label.as_str(),
                                f64::from(score.unwrap_or(0.0)),
                                assigned
                            ])
                            .map_err(&q)?;
                    }
                }
                ids.push(id);
            }
            Ok(ids)
        })
    }

    /// Flagged listings (by their latest verdict), highest score first, then by listing id, in
    /// memory. [`Store::for_each_flagged`] streams them instead.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn flagged(&self, query: &FlaggedQuery) -> Result<Vec<FlaggedRow>> {
        let mut rows = Vec::new();
        self.for_each_flagged(query, |r| {
            rows.push(r);
            Ok::<_, StoreError>(())
        })?;
        Ok(rows)
    }

    /// Calls `f` with each flagged listing (by its latest verdict), highest score first, then by
    /// listing id, as SQLite reads them: memory stays flat however many there are, and the rows
    /// are one consistent snapshot. The first error of `f` stops the query and is returned.
    /// Returns how many rows `f` took. The store's connection is held meanwhile: `f` must not
    /// call this store (it would wait for itself); it prints, sends or collects.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn for_each_flagged<E: From<StoreError>>(
        &self,
        query: &FlaggedQuery,
        mut f: impl FnMut(FlaggedRow) -> std::result::Result<(), E>,
    ) -> std::result::Result<usize, E> {
        let q = self.q("query flagged listings");
        let conn = self.conn();
        // The market filter picks the index: the per-market one, or the global one.
        let sql = format!(
            "SELECT {FLAGGED_COLS}
             FROM listings l INDEXED BY {index} JOIN verdicts v ON v.id = l.latest_verdict_id
             WHERE l.flag_score IS NOT NULL {market}
                 AND (?2 IS NULL OR EXISTS (
                     SELECT 1 FROM verdict_labels vl
                     WHERE vl.verdict_id = v.id AND vl.label = ?2 AND vl.assigned = 1
                         AND vl.score >= coalesce(?3, 0)))
                 AND (?2 IS NOT NULL OR ?3 IS NULL OR l.flag_score >= ?3)
             ORDER BY l.flag_score DESC, l.id
             LIMIT ?4",
            index = if query.market.is_some() {
                "listings_market_flagged"
            } else {
                "listings_flagged"
            },
            market = if query.market.is_some() {
                "AND l.market_id = ?1"
            } else {
                "AND ?1 IS NULL"
            },
        );
        let mut st = conn.prepare_cached(&sql).map_err(&q)?;
        let limit = query
            .limit
            .map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let mut rows = st
            .query(params![
                query.market.as_ref().map(|m| m.as_str()),
                query.label.map(|l| l.as_str()),
                query.min_score.map(f64::from),
                limit
            ])
            .map_err(&q)?;
        let mut n = 0;
        while let Some(r) = rows.next().map_err(&q)? {
            let row = flagged_from(r).map_err(|e| e.into_store(&self.path, &q))?;
            f(row)?;
            n += 1;
        }
        Ok(n)
    }

    /// [`Store::for_each_flagged`] until `f` breaks (the shape of `CaseStore::each_flagged`).
    pub fn each_flagged(
        &self,
        query: &FlaggedQuery,
        f: &mut dyn FnMut(FlaggedRow) -> std::ops::ControlFlow<()>,
    ) -> Result<usize> {
        enum Stop {
            Store(StoreError),
            Break,
        }
        impl From<StoreError> for Stop {
            fn from(e: StoreError) -> Stop {
                Stop::Store(e)
            }
        }
        let mut n = 0;
        match self.for_each_flagged(query, |r| {
            if f(r).is_break() {
                return Err(Stop::Break);
            }
            n += 1;
            Ok(())
        }) {
            Ok(_) | Err(Stop::Break) => Ok(n),
            Err(Stop::Store(e)) => Err(e),
        }
    }

    /// How many markets, runs, pages, listings, verdicts and flagged listings the store holds.
    #[tracing::instrument(level = "trace", skip_all)]
    pub fn counts(&self) -> Result<StoreCounts> {
        self.read(|c| {
            c.query_row(
                "SELECT (SELECT count(*) FROM markets), (SELECT count(*) FROM crawl_runs),
                     (SELECT count(*) FROM pages), (SELECT count(*) FROM listings),
                     (SELECT count(*) FROM verdicts),
                     (SELECT count(*) FROM listings WHERE flag_score IS NOT NULL)",
                [],
                |r| {
                    Ok(StoreCounts {
                        markets: to_usize(r.get(0)?),
                        runs: to_usize(r.get(1)?),
                        pages: to_usize(r.get(2)?),
                        listings: to_usize(r.get(3)?),
                        verdicts: to_usize(r.get(4)?),
                        flagged: to_usize(r.get(5)?),
                    })
                },
            )
            .map_err(self.q("count rows"))
        })
    }

    /// Flagged listings per market and label (by latest verdicts), ordered by market then label.
    #[tracing::instrument(level = "trace", skip_all)]
    pub fn stats_by_market_label(&self) -> Result<Vec<MarketLabelCount>> {
        let q = self.q("count flagged listings by market and label");
        let raw: Vec<(String, String, i64)> = self.read(|c| {
            let mut st = c
                .prepare_cached(
                    "SELECT l.market_id, vl.label, count(*)
                     FROM listings l
                     JOIN verdict_labels vl ON vl.verdict_id = l.latest_verdict_id
                         AND vl.assigned = 1
                     WHERE l.flag_score IS NOT NULL
                     GROUP BY l.market_id, vl.label",
                )
                .map_err(&q)?;
            let rows = st
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            Ok(rows)
        })?;
        let mut out = raw
            .into_iter()
            .map(|(market, label, n)| {
                Ok(MarketLabelCount {
                    market: MarketId(market),
                    label: label
                        .parse()
                        .map_err(|e| self.bad("verdict_labels.label", format!("{e}")))?,
                    listings: to_usize(n),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        out.sort_by(|a, b| (&a.market, a.label).cmp(&(&b.market, b.label)));
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    // SQLite-only API: counts, for_each_flagged's error type, stats_by_market_label.
    use super::*;
    use crate::test_support::*;

    /// A store with three listings in `demo` and one in `other`; returns their ids.
    fn store_with_listings() -> (Store, Vec<i64>) {
        let (s, run) = store_with_run();
        let p = s
            .save_page(run, &market(), &page("http://d/", b"x"))
            .unwrap();
        let w = s
            .save_listings(
                &market(),
                p,
                100,
                &[
                    listing("http://d/1", "Glock 19"),
                    listing("http://d/2", "9mm ammo"),
                    listing("http://d/3", "Socks"),
                ],
            )
            .unwrap();
        let other = MarketId("other".into());
        let run2 = s.start_run(&other, "direct", "{}").unwrap();
        let p2 = s.save_page(run2, &other, &page("http://o/", b"y")).unwrap();
        let w2 = s
            .save_listings(&other, p2, 100, &[listing("http://o/1", "AR-15 lower")])
            .unwrap();
        let mut ids = w.to_classify;
        ids.extend(w2.to_classify);
        (s, ids)
    }

    #[test]
    fn counts_count_rows_and_flagged_listings() {
        // Guards the SQLite-only `counts()`: every table's rows, and flagged listings by their
        // newest verdict only (the flagged list itself is tested on both backends).
        let (s, ids) = store_with_listings();
        s.save_verdicts(&[
            (ids[0], verdict("m1", &[0.95, 0.0, 0.0, 0.0])),
            (ids[1], verdict("m1", &[0.0, 0.0, 0.7, 0.0])),
            (ids[2], verdict("m1", &[0.9, 0.0, 0.0, 0.0])),
            (ids[3], verdict("m1", &[0.6, 0.8, 0.0, 0.0])),
        ])
        .unwrap();
        s.save_verdicts(&[(ids[2], verdict("m2", &[0.1, 0.0, 0.0, 0.0]))])
            .unwrap();
        let c = s.counts().unwrap();
        assert_eq!(
            (c.markets, c.runs, c.pages, c.listings, c.verdicts, c.flagged),
            (2, 2, 2, 4, 5, 3)
        );
    }

    #[test]
    fn for_each_flagged_streams_in_order_and_stops_at_the_first_error() {
        // Guards the streaming query: same rows and order as `flagged`, filters applied, and an
        // error of the caller (a closed stdout) ends the query with that error.
        let (s, ids) = store_with_listings();
        s.save_verdicts(&[
            (ids[0], verdict("m1", &[0.95, 0.0, 0.0, 0.0])),
            (ids[1], verdict("m1", &[0.0, 0.0, 0.7, 0.0])),
            (ids[2], verdict("m1", &[0.9, 0.0, 0.0, 0.0])),
            (ids[3], verdict("m1", &[0.6, 0.8, 0.0, 0.0])),
        ])
        .unwrap();
        let mut seen = Vec::new();
        let n = s
            .for_each_flagged(&FlaggedQuery::default(), |r| {
                seen.push(r.listing_id);
                Ok::<_, StoreError>(())
            })
            .unwrap();
        assert_eq!(n, 4);
        assert_eq!(seen, vec![ids[0], ids[2], ids[3], ids[1]]);
        let all: Vec<i64> = s
            .flagged(&FlaggedQuery::default())
            .unwrap()
            .iter()
            .map(|r| r.listing_id)
            .collect();
        assert_eq!(all, seen);
        #[derive(Debug)]
        enum Stop {
            Store,
            Closed,
        }
        impl From<StoreError> for Stop {
            fn from(_: StoreError) -> Self {
                Stop::Store
            }
        }
        let mut calls = 0;
        let err = s
            .for_each_flagged(&FlaggedQuery::default(), |_| {
                calls += 1;
                Err(Stop::Closed)
            })
            .unwrap_err();
        assert!(matches!(err, Stop::Closed), "{err:?}");
        assert_eq!(calls, 1);
        let demo_ammo = s
            .flagged(&FlaggedQuery {
                market: Some(market()),
                label: Some(Label::Ammunition),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(demo_ammo.len(), 1);
        assert_eq!(demo_ammo[0].listing_id, ids[1]);
    }

    #[test]
    fn stats_count_flagged_listings_per_market_and_label() {
        // Guards: the research table counts each flagged listing once per assigned label.
        let (s, ids) = store_with_listings();
        s.save_verdicts(&[
            (ids[0], verdict("m1", &[0.9, 0.6, 0.0, 0.0])),
            (ids[1], verdict("m1", &[0.0, 0.0, 0.7, 0.0])),
            (ids[2], verdict("m1", &[0.1, 0.0, 0.0, 0.0])),
            (ids[3], verdict("m1", &[0.0, 0.8, 0.0, 0.0])),
        ])
        .unwrap();
        let got: Vec<(String, Label, usize)> = s
            .stats_by_market_label()
            .unwrap()
            .into_iter()
            .map(|c| (c.market.0, c.label, c.listings))
            .collect();
        assert_eq!(
            got,
            vec![
                ("demo".into(), Label::Firearm, 1),
                ("demo".into(), Label::Part, 1),
                ("demo".into(), Label::Ammunition, 1),
                ("other".into(), Label::Part, 1),
            ]
        );
    }
}
