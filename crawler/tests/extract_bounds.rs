//! Hostile pages against the extractor itself: deep nesting costs time linear in the page size,
//! and a page that takes longer than the time limit is skipped (stored by the crawler, not read).

use armswatch_core::crawl::PageKind;
use armswatch_crawler::extract::{extract_page, Extractor};
use std::time::{Duration, Instant};
use url::Url;

/// `n` nested divs around a priced item card, then two ordinary cards after them.
fn nested(n: usize) -> String {
    let mut h = String::from("<html><body><div class=deep>");
    h.push_str(&"<div class=x>".repeat(n));
    h.push_str("<span>hidden deep text</span>");
    h.push_str(&"</div>".repeat(n));
    h.push_str("</div><ul>");
    for i in 1..=2 {
        h.push_str(&format!(
            "<li><a href=/item/{i}>Scope mount model {i}</a> <b>{i}5.00 USD</b></li>"
        ));
    }
    h.push_str("</ul></body></html>");
    h
}

/// Best of three wall-clock times of one extraction.
fn time_extract(html: &str) -> Duration {
    let url = Url::parse("http://m.onion/c/1").unwrap();
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let e = extract_page(html, &url, PageKind::Index, None);
            let took = t.elapsed();
            assert_eq!(
                e.listings.len(),
                2,
                "cards after the deep part are still read"
            );
            assert!(e.skipped.is_none());
            took
        })
        .min()
        .unwrap()
}

/// Guards hole 3: 20k, 40k and 80k nested divs cost time linear in size (quadratic parsing made
/// doubling the depth cost 4x: 80k/20k was ~16x); the ratio bound leaves room for a noisy machine.
#[test]
fn deep_nesting_costs_linear_time() {
    let t20 = time_extract(&nested(20_000));
    let t40 = time_extract(&nested(40_000));
    let t80 = time_extract(&nested(80_000));
    let ratio = t80.as_secs_f64() / t20.as_secs_f64().max(1e-3);
    eprintln!("20k {t20:?}, 40k {t40:?}, 80k {t80:?}: 80k/20k = {ratio:.1}");
    assert!(
        ratio < 8.0,
        "80k/20k = {ratio:.1} (linear is 4, quadratic 16)"
    );
}

/// The deep part is flattened (and says so), its text and the cards after it are kept.
#[test]
fn deep_nesting_is_flattened_and_reported() {
    let url = Url::parse("http://m.onion/c/1").unwrap();
    let e = extract_page(&nested(3000), &url, PageKind::Index, None);
    assert!(e.flattened > 2000, "{}", e.flattened);
    assert_eq!(e.listings[1].title, "Scope mount model 2");
    let e = extract_page(&nested(100), &url, PageKind::Index, None);
    assert_eq!(e.flattened, 0);
}

/// A page past the time limit is skipped with a reason, and nothing is taken from it.
#[test]
fn page_past_the_time_limit_is_skipped() {
    let url = Url::parse("http://m.onion/c/1").unwrap();
    let x = Extractor::new(None)
        .unwrap()
        .with_time_limit(Duration::from_nanos(1));
    let e = x.extract(&nested(2000), &url, PageKind::Index);
    let why = e.skipped.expect("skipped");
    assert!(why.contains("limit"), "{why}");
    assert!(e.listings.is_empty() && e.listing_links.is_empty());
}
