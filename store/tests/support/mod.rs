//! Fixtures of the both-backend tests that came from the store's unit tests: a market, listings,
//! verdicts, and pages written through [`CrawlStore::record_page`] (the one way both backends
//! store a page), so each test reads like the unit test it replaced.
#![allow(dead_code)]

use armswatch_core::crawl::{FetchedPage, FrontierEntry, ListingWrite, PageKind, PageOutcome};
use armswatch_core::{Label, Listing, MarketId, Verdict};
use armswatch_store::{CrawlStore, Sighting, WrittenListing};

pub fn market() -> MarketId {
    MarketId("demo".into())
}

/// Market `demo` (named, with a base URL) and one running crawl with an empty frontier.
pub fn run(s: &dyn CrawlStore) -> i64 {
    s.upsert_market(&market(), Some("Demo"), Some("http://demo.onion/"))
        .unwrap();
    s.begin_run(&market(), "direct", "{}", &[]).unwrap()
}

/// A crawl of `m` with no seeds.
pub fn run_of(s: &dyn CrawlStore, m: &MarketId) -> i64 {
    s.begin_run(m, "direct", "{}", &[]).unwrap()
}

pub fn page(url: &str, body: &[u8]) -> FetchedPage {
    FetchedPage {
        requested_url: url.into(),
        final_url: url.into(),
        fetched_at: 1_700_000_000,
        http_status: 200,
        content_type: Some("text/html; charset=utf-8".into()),
        body: body.to_vec(),
        transport: "direct".into(),
        kind: PageKind::Listing,
        served_by: "http://demo.onion".into(),
    }
}

pub fn listing(url: &str, title: &str) -> Listing {
    let mut l = Listing {
        url: url.into(),
        title: title.into(),
        description: Some(format!("{title}, described")),
        vendor: Some("acme".into()),
        ..Listing::default()
    };
    l.set_price("USD 650.00");
    l
}

/// A verdict from model version `model_version` with scores in `Label::ALL` order; labels are
/// the scores of at least 0.5.
pub fn verdict(model_version: &str, scores: &[f32; 4]) -> Verdict {
    let scores: std::collections::BTreeMap<Label, f32> =
        Label::ALL.into_iter().zip(scores.iter().copied()).collect();
    let labels = scores
        .iter()
        .filter(|(_, s)| **s >= 0.5)
        .map(|(l, _)| *l)
        .collect();
    Verdict {
        model_id: "test-model".into(),
        model_version: model_version.into(),
        scores,
        labels,
        explain: Default::default(),
    }
}

pub fn no_entities(_: i64, _: &[WrittenListing<'_>]) -> Vec<Sighting> {
    Vec::new()
}

/// A page of `url` with `body` carrying `listings` (no links, no URL state): the page id and
/// what storing the listings did.
pub fn save(
    s: &dyn CrawlStore,
    run: i64,
    m: &MarketId,
    url: &str,
    body: &[u8],
    listings: &[Listing],
) -> (i64, ListingWrite) {
    save_with(s, run, m, url, body, listings, &mut no_entities)
}

/// [`save`] with the entities `entities` finds.
pub fn save_with(
    s: &dyn CrawlStore,
    run: i64,
    m: &MarketId,
    url: &str,
    body: &[u8],
    listings: &[Listing],
    entities: &mut dyn FnMut(i64, &[WrittenListing<'_>]) -> Vec<Sighting>,
) -> (i64, ListingWrite) {
    let o = PageOutcome {
        page: page(url, body),
        listings: listings.to_vec(),
        new_entries: Vec::<FrontierEntry>::new(),
        refusals: Vec::new(),
        frontier: None,
    };
    s.record_page(run, m, &o, entities).unwrap()
}

/// A crawl of `demo` ([`run`]) that stores `listings` on page `url` with body `body`: the ids of
/// the listings it wrote new or changed, in order.
pub fn stored(s: &dyn CrawlStore, url: &str, body: &[u8], listings: &[Listing]) -> Vec<i64> {
    let run = run(s);
    save(s, run, &market(), url, body, listings).1.to_classify
}

/// Sleeps into the next second of the store's clock (unix seconds), so that the next write is
/// stored at a later time than the one before.
pub fn next_second() {
    let secs = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs()
    };
    let start = secs();
    while secs() == start {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
