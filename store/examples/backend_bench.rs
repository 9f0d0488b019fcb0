//! The two store backends side by side in one run (issue #16): loads the same N listings into a
//! fresh SQLite file and a fresh PostgreSQL database through the store's public write path (one
//! transaction per page of listings, as the crawl sink records a page; then one transaction of
//! verdicts per page, as a classifier run saves them), then times the same reads on both: a review
//! queue page (first and deep, with and without a label filter) and full-text search pages for a
//! rare and a common term. Prints a table with the ratio PostgreSQL / SQLite.
//!
//! `cargo run --release -p armswatch-store --example backend_bench -- N SQLITE_PATH POSTGRES_URL`
//! (`bench/store_pg.sh` starts a throwaway cluster and runs it; BENCHMARKS.md, "#16").

use armswatch_core::crawl::{FetchedPage, PageKind, PageOutcome};
use armswatch_core::{Label, Listing, MarketId, Verdict};
use armswatch_store::{CaseStore, PgStore, QueuePosition, QueueQuery, Store};
use std::time::Instant;

const WORDS: &[&str] = &[
    "glock", "pistol", "rifle", "ammo", "9mm", "slide", "barrel", "kush", "seeds", "vape", "ebook",
    "knife", "scope", "magazine", "stl", "files", "brass", "custom", "stealth", "shipping",
];

/// Listings per recorded page (a market's category page).
const PER_PAGE: usize = 50;

fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..7)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[3]
}

/// Loads `n` listings; the same seed gives both backends the same data in the same order.
/// Returns the wall seconds.
fn load(store: &dyn CaseStore, n: usize) -> f64 {
    let started = Instant::now();
    let markets: Vec<MarketId> = (0..8).map(|i| MarketId(format!("m{i}"))).collect();
    let mut runs = Vec::new();
    for m in &markets {
        store.upsert_market(m, None, None).unwrap();
        runs.push(store.begin_run(m, "direct", "{}", &[]).unwrap());
    }
    let mut rng: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    for b in 0..n.div_ceil(PER_PAGE) {
        let mi = b % markets.len();
        let listings: Vec<Listing> = (0..PER_PAGE.min(n - b * PER_PAGE))
            .map(|i| {
                let w: Vec<&str> = (0..6)
                    .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
                    .collect();
                Listing {
                    url: format!("http://m.onion/l/{b}/{i}"),
                    title: w[..3].join(" "),
                    description: Some(w.join(" ")),
                    vendor: Some(format!("vendor{}", next() % 5000)),
                    ..Listing::default()
                }
            })
            .collect();
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
            listings,
            new_entries: Vec::new(),
            refusals: Vec::new(),
            frontier: None,
        };
        let (_, written) = store
            .record_page(runs[mi], &markets[mi], &outcome, &mut |_, _| Vec::new())
            .unwrap();
        let verdicts: Vec<(i64, Verdict)> = written
            .to_classify
            .iter()
            .map(|id| {
                let s: [f32; 4] = [0, 1, 2, 3].map(|_| (next() % 10_000) as f32 / 10_000.0);
                let labels = Label::ALL
                    .into_iter()
                    .zip(s)
                    .filter(|(_, x)| *x > 0.8)
                    .map(|(l, _)| l)
                    .collect();
                (
                    *id,
                    Verdict {
                        model_id: "bench".into(),
                        model_version: "bench".into(),
                        scores: Label::ALL.into_iter().zip(s).collect(),
                        labels,
                        explain: Default::default(),
                    },
                )
            })
            .collect();
        store.save_verdicts(&verdicts).unwrap();
    }
    started.elapsed().as_secs_f64()
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
    let usage = "usage: backend_bench N SQLITE_PATH POSTGRES_URL";
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).expect(usage);
    let path = std::path::PathBuf::from(args.get(2).expect(usage));
    let url = args.get(3).expect(usage);
    assert!(
        !path.exists(),
        "{} exists: give a fresh path",
        path.display()
    );
    let sqlite = Store::open(&path).expect("open SQLite");
    let pg = PgStore::connect(url).expect("connect PostgreSQL");
    let backends: [(&str, &dyn CaseStore); 2] = [("SQLite", &sqlite), ("PostgreSQL", &pg)];

    let mut rows: Vec<(String, [f64; 2])> = Vec::new();
    let mut load_s = [0.0; 2];
    for (k, (name, store)) in backends.iter().enumerate() {
        load_s[k] = load(*store, n);
        eprintln!("{name}: loaded {n} listings in {:.1} s", load_s[k]);
    }
    rows.push((
        format!("insert (listings/s, page of {PER_PAGE} + its verdicts per transaction)"),
        load_s.map(|s| n as f64 / s),
    ));
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
