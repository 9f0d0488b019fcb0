//! The review queue at scale: builds a database of N listings (default 1,000,000) through the
//! store's own write path (triggers keep the queue and the full-text index), then times pages of
//! 50 at the start and deep in the queue, keyset (`Store::queue`) against the same query paged with
//! OFFSET, side by side in one run.
//!
//! `cargo run -p armswatch-store --example queue_bench -- [N] [DB]` (BENCHMARKS.md, "Review queue")

use armswatch_core::crawl::{FetchedPage, PageKind};
use armswatch_core::{Label, MarketId, ReviewState};
use armswatch_store::{QueuePosition, QueueQuery, QueueSort, Store};
use std::time::Instant;

mod common;
use common::{median_ms, Synth};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args
        .get(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let path = std::path::PathBuf::from(
        args.get(2)
            .cloned()
            .unwrap_or_else(|| "/tmp/armswatch-queue-bench.db".into()),
    );
    let fresh = !path.exists();
    let store = Store::open(&path).expect("open");
    if fresh {
        let started = Instant::now();
        let markets: Vec<MarketId> = (0..8).map(|i| MarketId(format!("m{i}"))).collect();
        for m in &markets {
            store.upsert_market(m, None, None).unwrap();
        }
        let run = store.start_run(&markets[0], "direct", "{}").unwrap();
        let mut synth = Synth::new();
        let batch = 2000;
        for b in 0..n.div_ceil(batch) {
            let m = &markets[b % markets.len()];
            let page = store
                .save_page(
                    run,
                    m,
                    &FetchedPage {
                        requested_url: format!("http://m.onion/c/{b}"),
                        final_url: format!("http://m.onion/c/{b}"),
                        fetched_at: 1_700_000_000 + b as i64,
                        http_status: 200,
                        content_type: Some("text/html".into()),
                        body: b"<html></html>".to_vec(),
                        transport: "direct".into(),
                        kind: PageKind::Index,
                        served_by: "http://demo.onion".into(),
                    },
                )
                .unwrap();
            let listings = synth.listings(b, batch.min(n - b * batch));
            let w = store
                .save_listings(m, page, 1_700_000_000 + (b * batch) as i64, &listings)
                .unwrap();
            let verdicts = synth.verdicts(&w.to_classify);
            store.save_verdicts(&verdicts).unwrap();
        }
        // Reviews for one listing in 1,000.
        for id in (1..=n as i64).step_by(1000) {
            store
                .add_review(&armswatch_store::NewReview {
                    listing_id: id,
                    decision: armswatch_core::Decision::Confirm,
                    note: String::new(),
                    reviewer: "bench".into(),
                    verdict_id: None,
                })
                .unwrap();
        }
        eprintln!(
            "built {n} listings in {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    let counts = store.counts().unwrap();
    println!("listings {}, flagged {}", counts.listings, counts.flagged);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let offset_page = |order: &str, filter: &str, offset: usize| {
        let sql = format!(
            "SELECT q.listing_id FROM review_queue q WHERE q.flagged = 1 {filter} ORDER BY {order} LIMIT 50 OFFSET {offset}"
        );
        let mut st = conn.prepare_cached(&sql).unwrap();
        let ids: Vec<i64> = st
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        ids
    };
    println!("| query | keyset first page (ms) | keyset deep page (ms) | OFFSET deep page (ms) | OFFSET / keyset |");
    println!("|---|---:|---:|---:|---:|");
    let cases: Vec<(&str, QueueQuery, &str, &str)> = vec![
        (
            "by score",
            QueueQuery::default(),
            "q.max_score DESC, q.listing_id DESC",
            "",
        ),
        (
            "newest",
            QueueQuery {
                sort: QueueSort::Newest,
                ..Default::default()
            },
            "q.first_seen DESC, q.listing_id DESC",
            "",
        ),
        (
            "by market",
            QueueQuery {
                sort: QueueSort::Market,
                ..Default::default()
            },
            "q.market_id ASC, q.max_score DESC, q.listing_id DESC",
            "",
        ),
        (
            "by label",
            QueueQuery {
                sort: QueueSort::Label,
                ..Default::default()
            },
            "q.top_label ASC, q.max_score DESC, q.listing_id DESC",
            "",
        ),
        (
            "label=part, by score",
            QueueQuery {
                label: Some(Label::Part),
                ..Default::default()
            },
            "q.max_score DESC, q.listing_id DESC",
            "AND (q.labels & 2) != 0",
        ),
        (
            "state=unreviewed, by score",
            QueueQuery {
                state: Some(ReviewState::Unreviewed),
                ..Default::default()
            },
            "q.max_score DESC, q.listing_id DESC",
            "AND q.state = 'unreviewed'",
        ),
    ];
    for (name, q, order, filter) in cases {
        let q = QueueQuery { limit: 50, ..q };
        let first = median_ms(|| {
            store.queue(&q, &QueuePosition::Start).unwrap();
        });
        // A page half way down the queue: the key of the row at that depth.
        let total: usize = conn
            .query_row(
                &format!("SELECT count(*) FROM review_queue q WHERE q.flagged = 1 {filter}"),
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap() as usize;
        let depth = total / 2;
        let ids = offset_page(order, filter, depth);
        let key = store.queue_key(ids[0]).unwrap().unwrap();
        let deep = median_ms(|| {
            let p = store.queue(&q, &QueuePosition::After(key.clone())).unwrap();
            assert_eq!(p.rows.first().map(|r| r.listing_id), ids.get(1).copied());
        });
        let off = median_ms(|| {
            offset_page(order, filter, depth);
        });
        println!("| {name} ({total} rows, page at {depth}) | {first:.2} | {deep:.2} | {off:.2} | {:.0}x |", off / deep);
    }
    // Full-text search: the store's plan (matches read once, then looked up by id when few or
    // the queue walked when many) against the one-statement plan SQLite picks for "matches,
    // sorted by score, first 50" (match set as a temporary b-tree, score index walked).
    println!();
    println!("| search (by score) | matches (flagged) | first page (ms) | deep page (ms) | one statement, first page (ms) | one statement / store |");
    println!("|---|---:|---:|---:|---:|---:|");
    let searches: Vec<(&str, QueueQuery)> = vec![
        ("glock", QueueQuery::default()),
        ("glock pistol", QueueQuery::default()),
        ("stl files custom", QueueQuery::default()),
        ("vendor42", QueueQuery::default()),
        ("vendor4242", QueueQuery::default()),
        (
            "glock, label=part, state=unreviewed",
            QueueQuery {
                label: Some(Label::Part),
                state: Some(ReviewState::Unreviewed),
                ..Default::default()
            },
        ),
    ];
    for (name, q) in searches {
        let words = name.split([',', '(']).next().unwrap().trim();
        let q = QueueQuery {
            search: Some(words.into()),
            limit: 50,
            ..q
        };
        let fts = armswatch_store::fts_query(words).unwrap();
        let mut filter = format!(
            "AND q.listing_id IN (SELECT rowid FROM listings_fts WHERE listings_fts MATCH '{}')",
            fts.replace('\'', "''")
        );
        if q.label.is_some() {
            filter.push_str(" AND (q.labels & 2) != 0");
        }
        if q.state.is_some() {
            filter.push_str(" AND q.state = 'unreviewed'");
        }
        let first = median_ms(|| {
            store.queue(&q, &QueuePosition::Start).unwrap();
        });
        let total: usize = conn
            .query_row(
                &format!("SELECT count(*) FROM review_queue q WHERE q.flagged = 1 {filter}"),
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap() as usize;
        let order = "q.max_score DESC, q.listing_id DESC";
        let deep = if total > 100 {
            let ids = offset_page(order, &filter, total / 2);
            let key = store.queue_key(ids[0]).unwrap().unwrap();
            let ms = median_ms(|| {
                let p = store.queue(&q, &QueuePosition::After(key.clone())).unwrap();
                assert_eq!(p.rows.first().map(|r| r.listing_id), ids.get(1).copied());
            });
            format!("{ms:.2}")
        } else {
            String::new()
        };
        let one = median_ms(|| {
            offset_page(order, &filter, 0);
        });
        println!(
            "| {name} | {total} | {first:.2} | {deep} | {one:.2} | {:.1}x |",
            one / first
        );
    }
}
