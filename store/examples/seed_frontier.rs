//! Seeds a database with one running crawl run of market MARKET whose frontier holds N pending
//! listing URLs `BASE/listing/{FIRST + i}`, so that `armswatch crawl` resumes a crawl with an
//! N-URL frontier (the 1 M-URL frontier benchmark, `bench/crawl/frontier_rss.sh`).
//!
//! Run: `cargo run --release -p armswatch-store --example seed_frontier -- DB MARKET BASE N [FIRST]`
//! (FIRST defaults to 10001, the first listing id of `bench/crawl/make_site.py`).

use armswatch_core::crawl::{FrontierEntry, PageKind};
use armswatch_core::MarketId;
use armswatch_store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 4 {
        eprintln!("usage: seed_frontier DB MARKET BASE N [FIRST]");
        return ExitCode::from(2);
    }
    let parse = |s: &str| s.parse::<u64>().map_err(|e| format!("{s:?}: {e}"));
    let run = || -> Result<(), String> {
        let market = MarketId::parse(&args[1]).map_err(|e| e.to_string())?;
        let n = parse(&args[3])?;
        let first = args.get(4).map(|s| parse(s)).transpose()?.unwrap_or(10_001);
        let store = Store::open(&PathBuf::from(&args[0])).map_err(|e| e.to_string())?;
        store
            .upsert_market(&market, None, Some(&args[2]))
            .map_err(|e| e.to_string())?;
        let base = args[2].trim_end_matches('/');
        let seeds: Vec<FrontierEntry> = (0..n)
            .map(|i| FrontierEntry {
                kind: PageKind::Listing,
                depth: 1,
                ..FrontierEntry::start(format!("{base}/listing/{}", first + i))
            })
            .collect();
        let run = store
            .begin_run(&market, "direct", "{}", &seeds)
            .map_err(|e| e.to_string())?;
        eprintln!("run {run}: {n} pending URLs");
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("seed_frontier: {e}");
            ExitCode::from(1)
        }
    }
}
