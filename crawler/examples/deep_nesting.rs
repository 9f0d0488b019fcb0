//! Time of reading pages nested ever deeper: html5ever alone on the raw page (what extraction cost
//! before pages were flattened: quadratic) against the whole extraction now (flatten, parse, read:
//! linear). Each page is `n` nested `<div>`s around one priced card, then two ordinary cards.
//!
//! Run: `cargo run --release -p armswatch-crawler --example deep_nesting`

use armswatch_core::crawl::PageKind;
use armswatch_crawler::extract::Extractor;
use std::time::{Duration, Instant};
use url::Url;

fn page(n: usize) -> String {
    let mut h = String::from("<html><body>");
    h.push_str(&"<div class=x>".repeat(n));
    h.push_str("<span>deep text</span>");
    h.push_str(&"</div>".repeat(n));
    h.push_str("<ul>");
    for i in 1..=2 {
        h.push_str(&format!(
            "<li><a href=/item/{i}>Scope mount {i}</a> <b>{i}5 USD</b></li>"
        ));
    }
    h.push_str("</ul></body></html>");
    h
}

fn best_of(runs: usize, f: impl Fn() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut out = 0;
    for _ in 0..runs {
        let t = Instant::now();
        out = f();
        best = best.min(t.elapsed());
    }
    (best, out)
}

fn main() {
    let url = Url::parse("http://m.onion/c/1").unwrap_or_else(|e| unreachable!("{e}"));
    let x = Extractor::generic();
    println!("| nested divs | page bytes | html5ever alone on the raw page | armswatch extraction (flattened) | ratio |");
    println!("|---:|---:|---:|---:|---:|");
    for n in [10_000, 20_000, 40_000, 80_000] {
        let html = page(n);
        let (raw, _) = best_of(2, || {
            scraper::Html::parse_document(&html).tree.nodes().count()
        });
        let (ours, cards) = best_of(2, || x.extract(&html, &url, PageKind::Index).listings.len());
        assert_eq!(cards, 2);
        println!(
            "| {n} | {} | {:.2} s | {:.3} s | {:.0}x |",
            html.len(),
            raw.as_secs_f64(),
            ours.as_secs_f64(),
            raw.as_secs_f64() / ours.as_secs_f64()
        );
    }
}
