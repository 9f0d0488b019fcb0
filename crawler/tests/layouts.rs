//! The generic extractor on hand-written fixture layouts (`tests/fixtures/layouts/`, fictional
//! markets): tables, row lists, 3-card grid rows with a cross-sell strip, cards that are one link,
//! sponsored rows in a box of their own, an order form with no link per item, vendor-name and
//! random-id URL segments, header widgets with prices, items written as bare text one after
//! another (no element per item), prices only in a choice of quantities. Each page is read as `armswatch extract`
//! reads a saved file (a `file://` address, no `--url`) and compared field by field with its
//! `.expected.jsonl`. The same pages crawled from a loopback server are checked in `tests/layouts.rs`
//! of the workspace root.

use armswatch_core::crawl::PageKind;
use armswatch_core::Listing;
use armswatch_crawler::extract::{Extractor, GroupKind};
use serde_json::Value;
use std::path::PathBuf;
use url::Url;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts")
}

/// Every fixture name (a `.html` with an `.expected.jsonl` beside it).
fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".html").map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

fn expected(name: &str) -> Vec<Value> {
    std::fs::read_to_string(dir().join(format!("{name}.expected.jsonl")))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn offline(name: &str) -> Vec<Listing> {
    let path = dir().join(format!("{name}.html"));
    let html = std::fs::read_to_string(&path).unwrap();
    let url = Url::from_file_path(&path).unwrap();
    Extractor::generic()
        .extract(&html, &url, PageKind::Index)
        .listings
}

/// Differences between a listing and its expected object (fields the object leaves out must be
/// empty; `description` is compared only when given).
fn diff(got: &Listing, want: &Value) -> Vec<String> {
    let text = |k: &str| want.get(k).and_then(Value::as_str).map(str::to_string);
    let num = |k: &str| want.get(k).and_then(Value::as_f64);
    let mut out = Vec::new();
    let mut cmp = |field: &str, g: String, w: String| {
        if g != w {
            out.push(format!("{field}: got {g}, want {w}"));
        }
    };
    cmp("url", got.url.clone(), text("url").unwrap_or_default());
    cmp(
        "title",
        got.title.clone(),
        text("title").unwrap_or_default(),
    );
    cmp(
        "price_amount",
        format!("{:?}", got.price_amount),
        format!("{:?}", num("price_amount")),
    );
    cmp(
        "price_high",
        format!("{:?}", got.price_high),
        format!("{:?}", num("price_high")),
    );
    cmp(
        "currency",
        format!("{:?}", got.currency),
        format!("{:?}", text("currency")),
    );
    cmp(
        "vendor",
        format!("{:?}", got.vendor),
        format!("{:?}", text("vendor")),
    );
    cmp(
        "category",
        format!("{:?}", got.category),
        format!("{:?}", text("category")),
    );
    if want.get("description").is_some() {
        cmp(
            "description",
            format!("{:?}", got.description),
            format!("{:?}", text("description")),
        );
    }
    out
}

/// Every fixture, read offline, gives exactly its expected listings, in page order.
#[test]
fn fixture_layouts_offline() {
    let names = fixtures();
    assert!(names.len() >= 8, "{names:?}");
    let mut failures = Vec::new();
    for name in &names {
        let got = offline(name);
        let want = expected(name);
        if got.len() != want.len() {
            failures.push(format!(
                "{name}: {} listings, want {}: {:#?}",
                got.len(),
                want.len(),
                got.iter().map(|l| (&l.title, &l.url)).collect::<Vec<_>>()
            ));
            continue;
        }
        for (g, w) in got.iter().zip(&want) {
            for d in diff(g, w) {
                failures.push(format!("{name}: {}: {d}", g.url));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The explanation names the chosen group's pattern and title slot, and why header widgets and
/// cross-sell strips were left out.
#[test]
fn explanation_says_what_was_taken_and_why_the_rest_was_not() {
    let read = |name: &str| {
        let path = dir().join(format!("{name}.html"));
        let html = std::fs::read_to_string(&path).unwrap();
        let url = Url::from_file_path(&path).unwrap();
        Extractor::generic().explain(&html, &url, PageKind::Index).1
    };
    let e = read("vendor_segments");
    assert_eq!(
        e.page_url,
        "http://marrowbzr6hq4.onion/vendor_segments.html"
    );
    let best = &e.groups[0];
    assert!(best.taken && best.listings == 10, "{best:?}");
    assert_eq!(
        best.pattern.as_deref(),
        Some("http://marrowbzr6hq4.onion/store/{name}/item/{hex}")
    );
    assert!(best
        .title_slot
        .as_deref()
        .unwrap()
        .contains("header.hit-head>a"));
    assert!(
        e.groups
            .iter()
            .any(|g| !g.taken && g.reason.contains("chrome")),
        "{:#?}",
        e.groups
    );
    let e = read("grid3");
    assert!(
        e.groups
            .iter()
            .any(|g| !g.taken && g.reason.contains("cross-sell")),
        "{:#?}",
        e.groups
    );
    let e = read("order_form");
    assert_eq!(e.groups[0].kind, GroupKind::OrderForm);
    assert!(e.groups[0].taken);
}
