//! The frontier, markets, runs, pages and refusals as a crawl writes them, against both backends:
//! every test runs once on an in-memory SQLite store (`sqlite::…`) and once on a fresh PostgreSQL
//! database (`postgres::…`, see `tests/common/pg.rs`), and must see the same results. (They were
//! the SQLite store's unit tests, rewritten onto the crawl's own writes: `begin_run` seeds and
//! empties the frontier, `record_page` and `record_failure` add entries and set their states.)

#[macro_use]
#[path = "../../tests/common/pg.rs"]
mod pg;
mod support;

use armswatch_core::crawl::{
    FrontierEntry, FrontierState, FrontierUpdate, MarketState, PageKind, PageOutcome,
};
use armswatch_core::{ErrorKind, HasKind, MarketId};
use armswatch_store::{CaseStore, RunCounts};
use support::*;

fn entry(url: &str, depth: u32) -> FrontierEntry {
    FrontierEntry {
        url: url.into(),
        kind: if depth == 0 {
            PageKind::Start
        } else {
            PageKind::Index
        },
        depth,
        pagination_depth: 0,
        redirect_hops: 0,
        attempts: 0,
    }
}

fn pending_urls(s: &dyn CaseStore, m: &MarketId) -> Vec<String> {
    s.frontier_pending(m, 10)
        .unwrap()
        .into_iter()
        .map(|e| e.url)
        .collect()
}

fn set(url: &str, state: FrontierState, attempts: u32, error: Option<&str>) -> FrontierUpdate {
    FrontierUpdate {
        url: url.into(),
        state,
        attempts,
        error: error.map(str::to_string),
        failure: None,
    }
}

fn pagination_depth_round_trips(s: &dyn CaseStore) {
    // Guards: the depth limit's input survives the store (a resumed crawl limits the same way).
    let m = market();
    let paged = FrontierEntry {
        pagination_depth: 8,
        redirect_hops: 2,
        ..entry("http://d/c?page=9", 9)
    };
    s.begin_run(&m, "direct", "{}", &[entry("http://d/", 0), paged.clone()])
        .unwrap();
    let back = s.frontier_pending(&m, 10).unwrap();
    assert_eq!(back.get(1), Some(&paged));
    assert_eq!(back[1].link_depth(), 1);
    assert!(s.frontier_contains(&m, "http://d/c?page=9").unwrap());
    assert!(!s.frontier_contains(&m, "http://d/c?page=10").unwrap());
    assert!(!s
        .frontier_contains(&MarketId("other".into()), "http://d/")
        .unwrap());
}

fn frontier_adds_hands_out_sets_and_starts_afresh(s: &dyn CaseStore) {
    // Guards: adding ignores known URLs, pending is depth-then-insertion order, a URL's state is
    // set (an unknown URL changes nothing), and a new run starts the market's frontier afresh
    // without touching another market's.
    let m = market();
    let run = s
        .begin_run(
            &m,
            "direct",
            "{}",
            &[
                entry("http://d/b", 1),
                entry("http://d/", 0),
                entry("http://d/a", 1),
            ],
        )
        .unwrap();
    assert_eq!(s.frontier_counts(&m).unwrap().get("pending"), Some(&3));
    let o = PageOutcome {
        page: page("http://d/x", b"x"),
        listings: Vec::new(),
        new_entries: vec![entry("http://d/a", 1), entry("http://d/c", 2)],
        refusals: Vec::new(),
        frontier: None,
    };
    s.record_page(run, &m, &o, &mut no_entities).unwrap();
    assert_eq!(s.frontier_counts(&m).unwrap().get("pending"), Some(&4));

    assert_eq!(
        pending_urls(s, &m),
        ["http://d/", "http://d/b", "http://d/a", "http://d/c"]
    );
    assert_eq!(s.frontier_pending(&m, 2).unwrap().len(), 2);
    assert_eq!(s.frontier_pending(&m, 10).unwrap()[0].kind, PageKind::Start);

    let done = PageOutcome {
        page: page("http://d/", b"start"),
        listings: Vec::new(),
        new_entries: Vec::new(),
        refusals: Vec::new(),
        frontier: Some(set("http://d/", FrontierState::Done, 1, None)),
    };
    s.record_page(run, &m, &done, &mut no_entities).unwrap();
    s.record_failure(
        run,
        &m,
        &set("http://d/b", FrontierState::Pending, 2, Some("timeout")),
    )
    .unwrap();
    s.record_failure(
        run,
        &m,
        &set("http://d/c", FrontierState::Refused, 0, Some("clearnet")),
    )
    .unwrap();
    // An unknown URL changes nothing (the counts below stay at four entries).
    s.record_failure(run, &m, &set("http://d/zzz", FrontierState::Done, 1, None))
        .unwrap();

    let pending = s.frontier_pending(&m, 10).unwrap();
    assert_eq!(pending.len(), 2);
    assert_eq!(
        (pending[0].url.as_str(), pending[0].attempts),
        ("http://d/b", 2)
    );
    let counts = s.frontier_counts(&m).unwrap();
    assert_eq!(counts.get("pending"), Some(&2));
    assert_eq!(counts.get("done"), Some(&1));
    assert_eq!(counts.get("refused"), Some(&1));
    assert_eq!(counts.values().sum::<usize>(), 4);

    // Another market's frontier is separate.
    let other = MarketId("other".into());
    s.begin_run(&other, "direct", "{}", &[entry("http://d/", 0)])
        .unwrap();

    s.begin_run(&m, "direct", "{}", &[]).unwrap();
    assert!(s.frontier_pending(&m, 10).unwrap().is_empty());
    assert!(s.frontier_counts(&m).unwrap().is_empty());
    assert!(!s.frontier_contains(&m, "http://d/b").unwrap());
    assert_eq!(s.frontier_pending(&other, 10).unwrap().len(), 1);
}

fn upsert_market_keeps_unset_fields(s: &dyn CaseStore) {
    // Guards: a later upsert with None does not erase the name or base URL.
    run(s);
    s.upsert_market(&market(), None, Some("http://demo2.onion/"))
        .unwrap();
    let m = &s.markets().unwrap()[0];
    assert_eq!(m.name.as_deref(), Some("Demo"));
    assert_eq!(m.base_url.as_deref(), Some("http://demo2.onion/"));
    assert_eq!(m.state, MarketState::Ok);
    assert_eq!(m.state_changed_at, None);
}

fn market_state_is_recorded_with_evidence(s: &dyn CaseStore) {
    // Guards: set_market_state stores state, reason and page, and a change (not a repeat) moves
    // the time of the last change.
    let run = run(s);
    let (page, _) = save(s, run, &market(), "http://demo.onion/login", b"login", &[]);
    s.set_market_state(
        &market(),
        MarketState::NeedsSession,
        "login wall",
        Some(page),
    )
    .unwrap();
    let changed = s.markets().unwrap()[0].state_changed_at;
    assert!(changed.is_some());
    next_second();
    s.set_market_state(&market(), MarketState::NeedsSession, "still", Some(page))
        .unwrap();
    let m = &s.markets().unwrap()[0];
    assert_eq!(m.state, MarketState::NeedsSession);
    assert_eq!(m.state_reason.as_deref(), Some("still"));
    assert_eq!(m.state_page_id, Some(page));
    assert_eq!(m.state_changed_at, changed, "a repeat is no change");
    s.set_market_state(&market(), MarketState::Ok, "answered", None)
        .unwrap();
    let m = &s.markets().unwrap()[0];
    assert!(m.state_changed_at > changed, "{m:?}");
    assert_eq!(m.state_page_id, None);
}

fn runs_start_count_and_finish(s: &dyn CaseStore) {
    // Guards: counts added page by page survive, finish sets the status and adds its last counts,
    // and the market summary shows the run.
    let m = market();
    s.upsert_market(&m, Some("Demo"), None).unwrap();
    let run = s
        .begin_run(
            &m,
            "direct",
            "{}",
            &[entry("http://d/f1", 0), entry("http://d/f2", 0)],
        )
        .unwrap();
    assert_eq!(s.unfinished_run(&m).unwrap(), Some(run));
    // Twice: a page with a new listing, and a page whose URL failed (2 pages, 1 new, 1 error).
    for i in 1..=2 {
        let url = format!("http://d/{i}");
        save(s, run, &m, &url, b"x", &[listing(&url, "Glock")]);
        let failed = PageOutcome {
            page: page(&format!("http://d/f{i}"), b"503"),
            listings: Vec::new(),
            new_entries: Vec::new(),
            refusals: Vec::new(),
            frontier: Some(set(
                &format!("http://d/f{i}"),
                FrontierState::Failed,
                3,
                Some("HTTP 503"),
            )),
        };
        s.record_page(run, &m, &failed, &mut no_entities).unwrap();
    }
    let r = s.run(run).unwrap().unwrap();
    assert_eq!(r.counts.pages_fetched, 4);
    assert_eq!(r.counts.errors, 2);
    assert_eq!(r.status, "running");

    let last_delta = RunCounts {
        pages_fetched: 1,
        ..RunCounts::default()
    };
    s.finish_run(run, "interrupted", last_delta).unwrap();
    assert_eq!(s.unfinished_run(&m).unwrap(), None);
    let summary = &s.markets().unwrap()[0];
    let last = summary.last_run.as_ref().unwrap();
    assert_eq!(last.status, "interrupted");
    let total = RunCounts {
        pages_fetched: 5,
        listings_new: 2,
        listings_changed: 0,
        errors: 2,
    };
    assert_eq!(last.counts, total);
    assert!(last.finished_at.is_some());
}

fn bad_run_status_is_a_bug(s: &dyn CaseStore) {
    // Guards: finish_run refuses statuses outside RUN_STATUSES and unknown run ids.
    let run = run(s);
    let e = s.finish_run(run, "done", RunCounts::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Bug);
    let e = s
        .finish_run(999, "finished", RunCounts::default())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Bug);
}

fn page_round_trips_body_and_sha256(s: &dyn CaseStore) {
    // Guards: the raw body comes back byte for byte with its SHA-256, kind, status, run and time.
    use sha2::Digest;
    let run = run(s);
    let body = "<html><body>Glock 19 for sale. ".repeat(200).into_bytes();
    let (id, _) = save(s, run, &market(), "http://demo.onion/item/1", &body, &[]);
    let p = s.page(id).unwrap().unwrap();
    assert_eq!(p.body, body);
    assert_eq!(p.sha256, hex::encode(sha2::Sha256::digest(&body)));
    assert_eq!(p.sha256.len(), 64);
    assert_eq!(p.kind, PageKind::Listing);
    assert_eq!(p.http_status, 200);
    assert_eq!(p.run_id, run);
    assert_eq!(p.fetched_at_rfc3339(), "2023-11-14T22:13:20Z");
    assert!(s.page(id + 100).unwrap().is_none());
}

fn empty_body_round_trips(s: &dyn CaseStore) {
    // Guards: a page with an empty body (a redirect, a 204) is stored and read back.
    let run = run(s);
    let (id, _) = save(s, run, &market(), "http://demo.onion/", b"", &[]);
    assert!(s.page(id).unwrap().unwrap().body.is_empty());
}

fn refusals_are_recorded(s: &dyn CaseStore) {
    // Guards: refused URLs are kept per market with where they came from and why.
    let run = run(s);
    let o = PageOutcome {
        page: page("http://demo.onion/", b"x"),
        listings: Vec::new(),
        new_entries: Vec::new(),
        refusals: vec![(
            "http://clearnet.example/".into(),
            "clearnet link in tor mode".into(),
        )],
        frontier: None,
    };
    s.record_page(run, &market(), &o, &mut no_entities).unwrap();
    s.record_failure(
        run,
        &market(),
        &set(
            "http://evil.example/",
            FrontierState::Refused,
            0,
            Some("clearnet redirect"),
        ),
    )
    .unwrap();
    let r = s.refusals(&market()).unwrap();
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].url, "http://clearnet.example/");
    assert_eq!(r[0].from_url.as_deref(), Some("http://demo.onion/"));
    assert_eq!(r[0].run_id, Some(run));
    assert_eq!(r[1].reason, "clearnet redirect");
    assert_eq!(r[1].from_url, None);
    assert!(s.refusals(&MarketId("x".into())).unwrap().is_empty());
}

on_both_backends!(
    pagination_depth_round_trips,
    frontier_adds_hands_out_sets_and_starts_afresh,
    upsert_market_keeps_unset_fields,
    market_state_is_recorded_with_evidence,
    runs_start_count_and_finish,
    bad_run_status_is_a_bug,
    page_round_trips_body_and_sha256,
    empty_body_round_trips,
    refusals_are_recorded,
);
