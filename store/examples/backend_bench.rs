//! The two store backends side by side in one run (issue #16): loads the same N listings into a
//! fresh SQLite file and a fresh PostgreSQL database through the store's public write path (one
//! transaction per page of listings, as the crawl sink records a page; then one transaction of
//! verdicts per page, as a classifier run saves them), then times the same reads on both: a review
//! queue page (first and deep, with and without a label filter) and full-text search pages for a
//! rare and a common term. Prints a table with the ratio PostgreSQL / SQLite.
//!
//! With BULK, the first BULK listings go in pages of 2,000 (the same calls, larger transactions:
//! how a 10 M case is built in reasonable time), into both backends at once (two threads, each
//! with its own connection), and the insert rate is measured on the rest, in pages of 50, on top
//! of them, one backend at a time.
//!
//! `cargo run --release -p armswatch-store --example backend_bench -- N SQLITE_PATH POSTGRES_URL
//! [BULK]` (`bench/store_pg.sh` starts a throwaway cluster and runs it; BENCHMARKS.md, "#16").

use armswatch_core::crawl::{FetchedPage, PageKind, PageOutcome};
use armswatch_core::{Label, MarketId};
use armswatch_store::{CaseStore, PgStore, QueuePosition, QueueQuery, Store};
use std::time::Instant;

mod common;
use common::{median_ms, Synth};

/// Listings per recorded page on the crawl's path (a market's category page).
const PER_PAGE: usize = 50;

/// Listings per recorded page on the bulk path (`--bulk`): the same calls, 40 times larger
/// transactions.
const BULK_PAGE: usize = 2000;

/// Writes listings through the store's public write path, as the crawl sink and a classifier run
/// write them: each page through `record_page`, its verdicts through `save_verdicts`. The same
/// calls in the same order give both backends the same data; the state carries on from the bulk
/// part to the measured part (possibly on another connection to the same database).
struct Loader {
    markets: Vec<MarketId>,
    runs: Vec<i64>,
    synth: Synth,
    done: usize,
    page: usize,
}

impl Loader {
    fn new(store: &dyn CaseStore) -> Loader {
        let markets: Vec<MarketId> = (0..8).map(|i| MarketId(format!("m{i}"))).collect();
        let mut runs = Vec::new();
        for m in &markets {
            store.upsert_market(m, None, None).unwrap();
            runs.push(store.begin_run(m, "direct", "{}", &[]).unwrap());
        }
        Loader {
            markets,
            runs,
            synth: Synth::new(),
            done: 0,
            page: 0,
        }
    }

    /// Loads listings until `upto` are in, `per_page` per recorded page; returns the wall seconds.
    fn fill(&mut self, store: &dyn CaseStore, upto: usize, per_page: usize) -> f64 {
        let started = Instant::now();
        while self.done < upto {
            let (b, count) = (self.page, per_page.min(upto - self.done));
            let mi = b % self.markets.len();
            let outcome = PageOutcome {
                page: FetchedPage {
                    requested_url: format!("http://m.onion/c/{b}"),
                    final_url: format!("http://m.onion/c/{b}"),
                    fetched_at: 1_700_000_000 + b as i64,
                    http_status: 200,
                    content_type: Some("text/html".into()),
                    body: format!("<html><body>category page {b}</body></html>").into_bytes(),
                    transport: "direct".into(),
                    kind: PageKind::Index,
                    served_by: "http://demo.onion".into(),
                },
                listings: self.synth.listings(b, count),
                new_entries: Vec::new(),
                refusals: Vec::new(),
                frontier: None,
            };
            let (_, written) = store
                .record_page(self.runs[mi], &self.markets[mi], &outcome, &mut |_, _| {
                    Vec::new()
                })
                .unwrap();
            store
                .save_verdicts(&self.synth.verdicts(&written.to_classify))
                .unwrap();
            self.done += count;
            self.page += 1;
        }
        started.elapsed().as_secs_f64()
    }
}

/// Rows skipped before a deep page: paged there 50 at a time, as a reviewer would.
const DEEP: usize = 10_000;

/// The position `DEEP` rows down the query's queue (or its last page when shorter).
fn deep_position(store: &dyn CaseStore, q: &QueueQuery) -> QueuePosition {
    let mut at = QueuePosition::Start;
    for _ in 0..DEEP / q.limit {
        match store.queue(q, &at).unwrap().next {
            Some(key) => at = QueuePosition::After(key),
            None => break,
        }
    }
    at
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: backend_bench N SQLITE_PATH POSTGRES_URL [BULK]";
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).expect(usage);
    let path = std::path::PathBuf::from(args.get(2).expect(usage));
    let url = args.get(3).expect(usage);
    let bulk: usize = args.get(4).map_or(0, |a| a.parse().expect(usage));
    assert!(bulk < n, "BULK must leave listings for the crawl's path");
    assert!(
        !path.exists(),
        "{} exists: give a fresh path",
        path.display()
    );
    // The bulk parts build the case: both backends at once, each on its own connection (the
    // machine's cores are shared, so the bulk rates are not a comparison). The measured parts run
    // after, one backend at a time, on a quiet machine.
    let (sqlite_bulk, pg_bulk) = std::thread::scope(|s| {
        let path = &path;
        let sqlite = s.spawn(move || {
            let store = Store::open(path).expect("open SQLite");
            let mut loader = Loader::new(&store);
            let secs = loader.fill(&store, bulk, BULK_PAGE);
            (loader, secs)
        });
        let pg = s.spawn(move || {
            let store = PgStore::connect(url).expect("connect PostgreSQL");
            let mut loader = Loader::new(&store);
            let secs = loader.fill(&store, bulk, BULK_PAGE);
            (loader, secs)
        });
        (sqlite.join().unwrap(), pg.join().unwrap())
    });
    let sqlite = Store::open(&path).expect("open SQLite");
    let pg = PgStore::connect(url).expect("connect PostgreSQL");
    let backends: [(&str, &dyn CaseStore); 2] = [("SQLite", &sqlite), ("PostgreSQL", &pg)];

    let mut rows: Vec<(String, [f64; 2])> = Vec::new();
    let mut load_s = [(0.0, 0.0); 2];
    for (k, ((name, store), (mut loader, bulk_s))) in
        backends.iter().zip([sqlite_bulk, pg_bulk]).enumerate()
    {
        load_s[k] = (bulk_s, loader.fill(*store, n, PER_PAGE));
        eprintln!(
            "{name}: {bulk} listings in pages of {BULK_PAGE} in {:.1} s, then {} in pages of \
             {PER_PAGE} in {:.1} s",
            load_s[k].0,
            n - bulk,
            load_s[k].1
        );
    }
    // As autovacuum would in time: the first reads are planned on the loaded data. (SQLite runs
    // as the store opens it, without ANALYZE: its queue queries are written for its planner.)
    pg.analyze().expect("ANALYZE");
    let on_top = if bulk > 0 {
        format!(", the last {} on top of {bulk}", n - bulk)
    } else {
        String::new()
    };
    rows.push((
        format!("insert (listings/s, page of {PER_PAGE} + its verdicts per transaction{on_top})"),
        load_s.map(|(_, s)| (n - bulk) as f64 / s),
    ));
    if bulk > 0 {
        rows.push((
            format!(
                "bulk insert (listings/s, page of {BULK_PAGE} + its verdicts, first {bulk}, \
                 both backends at once)"
            ),
            load_s.map(|(s, _)| bulk as f64 / s),
        ));
    }
    let cases: Vec<(&str, QueueQuery, bool)> = vec![
        ("queue page, by score, first", QueueQuery::default(), false),
        (
            "queue page, by score, row 10,000",
            QueueQuery::default(),
            true,
        ),
        (
            "queue page, label=part, first",
            QueueQuery {
                label: Some(Label::Part),
                ..Default::default()
            },
            false,
        ),
        (
            "queue page, label=part, row 10,000",
            QueueQuery {
                label: Some(Label::Part),
                ..Default::default()
            },
            true,
        ),
        (
            "search 'vendor4242' (rare), first page",
            QueueQuery {
                search: Some("vendor4242".into()),
                ..Default::default()
            },
            false,
        ),
        (
            "search 'stl files custom', first page",
            QueueQuery {
                search: Some("stl files custom".into()),
                ..Default::default()
            },
            false,
        ),
        (
            "search 'glock' (common), first page",
            QueueQuery {
                search: Some("glock".into()),
                ..Default::default()
            },
            false,
        ),
        (
            "search 'glock' (common), page at row 10,000",
            QueueQuery {
                search: Some("glock".into()),
                ..Default::default()
            },
            true,
        ),
    ];
    for (name, q, deep) in cases {
        let q = QueueQuery { limit: 50, ..q };
        let mut ms = [0.0; 2];
        let mut got = Vec::new();
        for (k, (_, store)) in backends.iter().enumerate() {
            let at = if deep {
                deep_position(*store, &q)
            } else {
                QueuePosition::Start
            };
            let ids: Vec<i64> = store
                .queue(&q, &at)
                .unwrap()
                .rows
                .iter()
                .map(|r| r.listing_id)
                .collect();
            got.push(ids);
            ms[k] = median_ms(|| {
                store.queue(&q, &at).unwrap();
            });
        }
        // Same data, same order: both backends must answer the same page.
        assert_eq!(got[0], got[1], "{name}: the backends disagree");
        rows.push((format!("{name} (ms, {} rows)", got[0].len()), ms));
    }
    let flagged = sqlite.counts().unwrap().flagged;
    println!("{n} listings ({flagged} flagged, 8 markets, 5,000 vendors) in each backend");
    println!();
    println!("| operation | SQLite | PostgreSQL | PostgreSQL / SQLite |");
    println!("|---|---:|---:|---:|");
    for (name, [s, p]) in rows {
        println!("| {name} | {s:.2} | {p:.2} | {:.2}x |", p / s);
    }
}
