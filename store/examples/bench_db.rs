//! Builds a large synthetic armswatch database through the store's own API, for the store
//! benchmarks in BENCHMARKS.md (`bench/store.sh`), and prints the insert rate as JSON.
//!
//!     cargo run --release -p armswatch-store --example bench_db -- \
//!         --db /tmp/store-1m.db --listings 1000000 --markets 20 --flagged 0.15
//!
//! With `--measure`, it instead opens an existing database read-only and times the store's read
//! queries in process (median of repeated runs, milliseconds): `markets()` plus every market's
//! frontier counts (what `status` reads), a page of 50 flagged listings (plain, by market, by
//! label, by score), and streaming every flagged listing.
//!
//! Each market gets one crawl run; every `--per-page` listings share one stored index page (a small
//! HTML body) whose URL is in the frontier as done; every listing gets one verdict, a `--flagged`
//! share of them flagged with one or two labels and explanation terms. Titles, vendors and prices
//! are made up from word lists with a fixed seed: the same arguments give the same database.

use armswatch_core::crawl::{FetchedPage, FrontierEntry, FrontierState, PageKind};
use armswatch_core::{Label, Listing, MarketId, TermWeight, Verdict};
use armswatch_store::{RunCounts, Store};
use std::path::PathBuf;
use std::time::Instant;

const WORDS: &[&str] = &[
    "glock", "19", "gen5", "ar-15", "lower", "upper", "receiver", "9mm", "ammo", "box", "rounds",
    "socks", "shirt", "phone", "case", "kit", "stl", "files", "guide", "pdf", "bundle", "vintage",
    "steel", "black", "custom", "pack", "new", "used", "bulk", "fast", "shipping", "stealth",
];
const VENDORS: usize = 400;

/// A small deterministic generator (xorshift64*), so no dependency and the same database each run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

struct Args {
    db: PathBuf,
    listings: usize,
    markets: usize,
    flagged: f32,
    per_page: usize,
    measure: bool,
}

fn args() -> Args {
    let mut a = Args {
        db: PathBuf::from("store-bench.db"),
        listings: 1_000_000,
        markets: 20,
        flagged: 0.15,
        per_page: 20,
        measure: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--measure" {
            a.measure = true;
            continue;
        }
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--db" => a.db = value.into(),
            "--listings" => a.listings = value.parse().expect("--listings N"),
            "--markets" => a.markets = value.parse().expect("--markets N"),
            "--flagged" => a.flagged = value.parse().expect("--flagged SHARE"),
            "--per-page" => a.per_page = value.parse().expect("--per-page N"),
            other => panic!("unknown argument {other}"),
        }
    }
    a
}

/// Median milliseconds of `runs` runs of `f`.
fn median_ms(runs: usize, mut f: impl FnMut() -> Result<(), armswatch_store::StoreError>) -> f64 {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f().expect("query");
            s.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    t.sort_by(f64::total_cmp);
    (t[runs / 2] * 100.0).round() / 100.0
}

fn measure(a: &Args) -> Result<(), Box<dyn std::error::Error>> {
    use armswatch_store::FlaggedQuery;
    let store = Store::open_read_only(&a.db)?;
    let page = |q: FlaggedQuery| {
        let store = &store;
        move || {
            let n = store.for_each_flagged(&q, |_| Ok::<_, armswatch_store::StoreError>(()))?;
            assert!(n > 0, "no rows for {q:?}");
            Ok(())
        }
    };
    let first = FlaggedQuery {
        limit: Some(50),
        ..FlaggedQuery::default()
    };
    let status = median_ms(5, || {
        for m in store.markets()? {
            store.frontier_counts(&m.id)?;
        }
        Ok(())
    });
    let out = serde_json::json!({
        "status_ms": status,
        "flagged_page_ms": median_ms(21, page(first.clone())),
        "flagged_page_market_ms": median_ms(21, page(FlaggedQuery {
            market: Some(MarketId::slug("market-07")),
            ..first.clone()
        })),
        "flagged_page_label_ms": median_ms(21, page(FlaggedQuery {
            label: Some(Label::Design),
            ..first.clone()
        })),
        "flagged_page_min_score_ms": median_ms(21, page(FlaggedQuery {
            min_score: Some(0.99),
            ..first.clone()
        })),
        "flagged_all_ms": median_ms(3, page(FlaggedQuery::default())),
        "counts_ms": median_ms(5, || store.counts().map(|_| ())),
    });
    println!("{out}");
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a = args();
    if a.measure {
        return measure(&a);
    }
    if a.db.exists() {
        return Err(format!("{} exists; remove it first", a.db.display()).into());
    }
    let store = Store::open(&a.db)?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let per_market = a.listings.div_ceil(a.markets);
    let started = Instant::now();
    let mut written = 0usize;
    let mut flagged = 0usize;
    let t0 = 1_700_000_000i64;
    for m in 0..a.markets {
        let market = MarketId::slug(&format!("market-{m:02}"));
        let base = format!("http://m{m:02}example.onion");
        store.upsert_market(&market, Some(&format!("Market {m}")), Some(&base))?;
        let run = store.start_run(&market, "arti", "{}")?;
        let mut n = 0;
        let mut page_no = 0;
        while n < per_market && written < a.listings {
            let batch = a.per_page.min(per_market - n).min(a.listings - written);
            page_no += 1;
            let url = format!("{base}/category/all?page={page_no}");
            store.frontier_add(
                &market,
                run,
                &[FrontierEntry {
                    url: url.clone(),
                    kind: PageKind::Index,
                    depth: 1,
                    pagination_depth: page_no.min(50),
                    redirect_hops: 0,
                    attempts: 0,
                }],
            )?;
            let body = format!(
                "<html><body><h1>Page {page_no}</h1>{}</body></html>",
                "<div class=listing><a href=/l/1>item</a> USD 10</div>".repeat(batch)
            );
            let at = t0 + (written as i64);
            let page = FetchedPage {
                requested_url: url.clone(),
                final_url: url.clone(),
                fetched_at: at,
                http_status: 200,
                content_type: Some("text/html".into()),
                body: body.into_bytes(),
                transport: "arti".into(),
                kind: PageKind::Index,
                served_by: "http://demo.onion".into(),
            };
            let page_id = store.save_page(run, &market, &page)?;
            let listings: Vec<Listing> = (0..batch)
                .map(|i| {
                    let id = n + i;
                    let title: Vec<&str> = (0..5).map(|_| WORDS[rng.below(WORDS.len())]).collect();
                    let mut l = Listing {
                        url: format!("{base}/listing/{id}"),
                        market_listing_id: Some(id.to_string()),
                        title: format!("{} #{id}", title.join(" ")),
                        description: Some(format!("{} — ships worldwide", title.join(" "))),
                        vendor: Some(format!("vendor{}", rng.below(VENDORS))),
                        ..Listing::default()
                    };
                    l.set_price(&format!(
                        "USD {}.{:02}",
                        5 + rng.below(2000),
                        rng.below(100)
                    ));
                    l
                })
                .collect();
            let w = store.save_listings(&market, page_id, at, &listings)?;
            let verdicts: Vec<(i64, Verdict)> = w
                .to_classify
                .iter()
                .map(|id| {
                    let flag = rng.unit() < a.flagged;
                    let mut scores: std::collections::BTreeMap<Label, f32> =
                        Label::ALL.iter().map(|l| (*l, rng.unit() * 0.4)).collect();
                    let mut labels = Vec::new();
                    if flag {
                        let l = Label::ALL[rng.below(4)];
                        scores.insert(l, 0.5 + rng.unit() * 0.5);
                        labels.push(l);
                        if rng.below(10) == 0 {
                            let l2 = Label::ALL[rng.below(4)];
                            if l2 != l {
                                scores.insert(l2, 0.5 + rng.unit() * 0.5);
                                labels.push(l2);
                            }
                        }
                        labels.sort();
                    }
                    let explain = labels
                        .iter()
                        .map(|l| {
                            let terms = (0..5)
                                .map(|k| TermWeight {
                                    term: WORDS[rng.below(WORDS.len())].to_string(),
                                    weight: 2.0 / (k as f32 + 1.0),
                                })
                                .collect();
                            (*l, terms)
                        })
                        .collect();
                    flagged += usize::from(flag);
                    (
                        *id,
                        Verdict {
                            model_id: "armswatch-linear".into(),
                            model_version: "bench".into(),
                            scores,
                            labels,
                            explain,
                        },
                    )
                })
                .collect();
            store.save_verdicts(&verdicts)?;
            store.frontier_set(&market, &url, FrontierState::Done, 1, None)?;
            n += batch;
            written += batch;
        }
        store.finish_run(
            run,
            "finished",
            RunCounts {
                pages_fetched: page_no as usize,
                listings_new: n,
                ..RunCounts::default()
            },
        )?;
    }
    let secs = started.elapsed().as_secs_f64();
    let size = std::fs::metadata(&a.db)?.len();
    println!(
        "{}",
        serde_json::json!({
            "db": a.db.display().to_string(),
            "listings": written,
            "flagged": flagged,
            "markets": a.markets,
            "seconds": (secs * 10.0).round() / 10.0,
            "listings_per_sec": (written as f64 / secs).round(),
            "db_bytes": size,
        })
    );
    Ok(())
}
