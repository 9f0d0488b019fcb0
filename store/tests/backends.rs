//! The crawl's store operations ([`CrawlStore`]) against both backends: every test here runs once
//! on an in-memory SQLite store (`sqlite::…`) and once on a fresh database of a real PostgreSQL
//! cluster (`postgres::…`, see `tests/common/pg.rs`), and must see the same results.

#[macro_use]
#[path = "../../tests/common/pg.rs"]
mod pg;
mod support;

use armswatch_core::crawl::{
    FailureKind, FrontierEntry, FrontierState, FrontierUpdate, MarketState, PageKind, PageOutcome,
};
use armswatch_core::{Entity, EntityKind, ErrorKind, HasKind, Listing, MarketId};
use armswatch_store::{CaseStore, CrawlStore, RunCounts, Sighting, StoreError, WrittenListing};
use support::*;

fn done(url: &str) -> Option<FrontierUpdate> {
    Some(FrontierUpdate {
        url: url.into(),
        state: FrontierState::Done,
        attempts: 1,
        error: None,
        failure: None,
    })
}

/// A page of `url` carrying `listings`, linking to `links` (depth 1), marking `url` done.
fn outcome(url: &str, listings: Vec<Listing>, links: &[&str]) -> PageOutcome {
    PageOutcome {
        page: page(url, format!("<p>{url}</p>").as_bytes()),
        listings,
        new_entries: links
            .iter()
            .map(|l| FrontierEntry {
                kind: PageKind::Listing,
                depth: 1,
                ..FrontierEntry::start(*l)
            })
            .collect(),
        refusals: Vec::new(),
        frontier: done(url),
    }
}

fn seeded(s: &dyn CrawlStore) -> i64 {
    s.begin_run(
        &market(),
        "direct",
        "{}",
        &[FrontierEntry::start("http://demo.onion/")],
    )
    .unwrap()
}

fn pending_urls(s: &dyn CrawlStore) -> Vec<String> {
    s.frontier_pending(&market(), 100)
        .unwrap()
        .into_iter()
        .map(|e| e.url)
        .collect()
}

fn page_with_everything_is_one_event(s: &dyn CaseStore) {
    // Guards: a page, its listings, links, refusals (once per run), URL state and run counts are one write.
    let m = market();
    let run = seeded(s);
    let mut o = outcome(
        "http://demo.onion/",
        vec![listing("http://demo.onion/item/1", "Glock 19")],
        &["http://demo.onion/item/2", "http://demo.onion/"],
    );
    o.refusals = vec![("http://evil.example/".into(), "not the market's".into())];
    let (page_id, w) = s.record_page(run, &m, &o, &mut no_entities).unwrap();
    assert_eq!((w.new, w.changed, w.unchanged), (1, 0, 0));
    let stored = s.page(page_id).unwrap().unwrap();
    assert_eq!(stored.body, o.page.body);
    assert_eq!(stored.kind, PageKind::Listing);
    assert_eq!(pending_urls(s), ["http://demo.onion/item/2"]);
    assert!(s.frontier_contains(&m, "http://demo.onion/").unwrap());
    // The same refusal found on a second page is recorded once per run.
    let mut o2 = outcome("http://demo.onion/item/2", Vec::new(), &[]);
    o2.refusals = o.refusals.clone();
    s.record_page(run, &m, &o2, &mut no_entities).unwrap();
    let refusals = s.refusals(&m).unwrap();
    assert_eq!(refusals.len(), 1);
    assert_eq!(refusals[0].from_url.as_deref(), Some("http://demo.onion/"));
    assert_eq!(
        s.recent_refusals(&m, 5).unwrap()[0].url,
        "http://evil.example/"
    );
    let r = s.run(run).unwrap().unwrap();
    assert_eq!(r.counts.pages_fetched, 2);
    assert_eq!(r.counts.listings_new, 1);
    assert!(pending_urls(s).is_empty());
    let counts = s.frontier_counts(&m).unwrap();
    assert_eq!(counts.get("done"), Some(&2));
}

fn pending_entries_come_shallowest_first_in_insertion_order(s: &dyn CrawlStore) {
    // Guards: the frontier hands out the shallowest entries first, then in the order they were found.
    let m = market();
    let run = seeded(s);
    let links: Vec<String> = (0..5).map(|i| format!("http://demo.onion/z{i}")).collect();
    let refs: Vec<&str> = links.iter().map(String::as_str).rev().collect();
    let mut o = outcome("http://demo.onion/", Vec::new(), &refs);
    o.frontier = None; // a wall: the start URL stays pending
    s.record_page(run, &m, &o, &mut no_entities).unwrap();
    let mut expected = vec!["http://demo.onion/".to_string()];
    expected.extend(refs.iter().map(|u| u.to_string()));
    assert_eq!(pending_urls(s), expected);
    let first = s.frontier_pending(&m, 2).unwrap();
    assert_eq!(first.len(), 2);
    assert_eq!(first[1].depth, 1);
    assert_eq!(first[1].kind, PageKind::Listing);
}

fn failures_and_refusals_are_kept(s: &dyn CaseStore) {
    // Guards: a failed fetch counts as an error and keeps its reason and kind (shown by status as
    // a problem); a refused URL is recorded as a refusal.
    let m = market();
    let run = seeded(s);
    s.record_failure(
        run,
        &m,
        &FrontierUpdate {
            url: "http://demo.onion/".into(),
            state: FrontierState::Failed,
            attempts: 3,
            error: Some("onion descriptor not found".into()),
            failure: Some(FailureKind::OnionDescriptorNotFound),
        },
    )
    .unwrap();
    assert_eq!(s.run(run).unwrap().unwrap().counts.errors, 1);
    let problems = s.frontier_problems(&m, 5).unwrap();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].error.as_str(), problems[0].state.as_str()),
        ("onion descriptor not found", "failed")
    );
    assert_eq!(
        problems[0].failure,
        Some(FailureKind::OnionDescriptorNotFound)
    );
    assert_eq!(s.frontier_counts(&m).unwrap().get("failed"), Some(&1));
    assert_eq!(
        s.frontier_failure_counts(&m).unwrap(),
        [(FailureKind::OnionDescriptorNotFound, 1)].into()
    );
    let run2 = s
        .begin_run(
            &m,
            "direct",
            "{}",
            &[FrontierEntry::start("http://clear.example/")],
        )
        .unwrap();
    s.record_failure(
        run2,
        &m,
        &FrontierUpdate {
            url: "http://clear.example/".into(),
            state: FrontierState::Refused,
            attempts: 0,
            error: Some("clearnet in Tor mode".into()),
            failure: None,
        },
    )
    .unwrap();
    assert_eq!(s.refusals(&m).unwrap()[0].reason, "clearnet in Tor mode");
    assert_eq!(s.run(run2).unwrap().unwrap().counts.errors, 0);
}

fn runs_begin_resume_and_finish(s: &dyn CrawlStore) {
    // Guards: a run starts with its seeds, is found again while unfinished, and finishes with its counts.
    let m = market();
    let old = s
        .begin_run(
            &m,
            "direct",
            "{}",
            &[FrontierEntry::start("http://demo.onion/old")],
        )
        .unwrap();
    assert_eq!(s.unfinished_run(&m).unwrap(), Some(old));
    s.finish_run(
        old,
        "finished",
        RunCounts {
            pages_fetched: 3,
            ..RunCounts::default()
        },
    )
    .unwrap();
    assert_eq!(s.unfinished_run(&m).unwrap(), None);
    let r = s.run(old).unwrap().unwrap();
    assert_eq!(r.status, "finished");
    assert_eq!(r.counts.pages_fetched, 3);
    assert!(r.finished_at.is_some());
    let run = seeded(s);
    assert_ne!(run, old);
    assert_eq!(s.unfinished_run(&m).unwrap(), Some(run));
    assert_eq!(pending_urls(s), ["http://demo.onion/"]);
    assert!(matches!(
        s.finish_run(run, "running", RunCounts::default()),
        Err(StoreError::Misuse { .. })
    ));
    assert!(s
        .finish_run(999_999, "failed", RunCounts::default())
        .is_err());
    s.upsert_market(&m, Some("Demo"), Some("http://demo.onion/"))
        .unwrap();
    s.upsert_market(&m, None, None).unwrap();
    s.set_market_state(&m, MarketState::Down, "HTTP 503", None)
        .unwrap();
    s.set_market_state(&m, MarketState::Ok, "answered", None)
        .unwrap();
}

fn listings_keep_their_versions(s: &dyn CrawlStore) {
    // Guards: an unchanged listing only moves last_seen; a changed one gets a new version and is re-classified.
    let m = market();
    let run = seeded(s);
    let url = "http://demo.onion/item/1";
    let (_, w1) = s
        .record_page(
            run,
            &m,
            &outcome("http://demo.onion/", vec![listing(url, "Glock 19")], &[]),
            &mut no_entities,
        )
        .unwrap();
    let id = w1.to_classify[0];
    // Seen again unchanged, then changed.
    let (p2, w2) = s
        .record_page(
            run,
            &m,
            &outcome("http://demo.onion/a", vec![listing(url, "Glock 19")], &[]),
            &mut no_entities,
        )
        .unwrap();
    assert_eq!((w2.new, w2.unchanged, w2.to_classify.len()), (0, 1, 0));
    let mut versions = Vec::new();
    let (_, w3) = s
        .record_page(
            run,
            &m,
            &outcome(
                "http://demo.onion/b",
                vec![listing(url, "Glock 19 Gen5")],
                &[],
            ),
            &mut |_, w: &[WrittenListing<'_>]| {
                versions.extend(w.iter().map(|w| (w.id, w.version)));
                Vec::new()
            },
        )
        .unwrap();
    assert_eq!((w3.changed, w3.to_classify.clone()), (1, vec![id]));
    assert_eq!(versions, [(id, 2)]);
    let l = s.listing(id).unwrap().unwrap();
    assert_eq!(l.version, 2);
    assert_eq!(l.listing.title, "Glock 19 Gen5");
    assert_eq!(l.listing.price_amount, Some(650.0));
    assert_eq!(l.page_ids.len(), 3);
    assert!(l.page_ids.contains(&p2));
    assert_eq!(
        l.content_sha256,
        armswatch_store::content_sha256(&listing(url, "Glock 19 Gen5"))
    );
    assert_eq!(s.run(run).unwrap().unwrap().counts.listings_changed, 1);
}

fn verdicts_follow_listing_versions(s: &dyn CrawlStore) {
    // Guards: verdicts are tied to a listing version; a bad batch stores nothing.
    let m = market();
    let run = seeded(s);
    let url = "http://demo.onion/item/1";
    s.record_page(
        run,
        &m,
        &outcome(
            "http://demo.onion/",
            vec![
                listing(url, "Glock 19"),
                listing("http://demo.onion/item/2", "Socks"),
            ],
            &[],
        ),
        &mut no_entities,
    )
    .unwrap();
    let need = s.listings_needing_verdict("m1", 10).unwrap();
    assert_eq!(need.len(), 2);
    assert_eq!(need[0].1.title, "Glock 19");
    let ids = s
        .save_verdicts(&[
            (need[0].0, verdict("m1", &[0.97, 0.01, 0.01, 0.01])),
            (need[1].0, verdict("m1", &[0.02, 0.01, 0.01, 0.01])),
        ])
        .unwrap();
    assert_eq!(ids.len(), 2);
    assert!(s.listings_needing_verdict("m1", 10).unwrap().is_empty());
    assert_eq!(s.listings_needing_verdict("m2", 1).unwrap().len(), 1);
    s.record_page(
        run,
        &m,
        &outcome(
            "http://demo.onion/p",
            vec![listing(url, "Glock 19 Gen5")],
            &[],
        ),
        &mut no_entities,
    )
    .unwrap();
    let need = s.listings_needing_verdict("m1", 10).unwrap();
    assert_eq!(need.len(), 1);
    assert_eq!(need[0].1.title, "Glock 19 Gen5");
    // A batch with an unknown listing or a non-finite score stores nothing.
    let bad = s.save_verdicts(&[
        (need[0].0, verdict("m1", &[0.9, 0.01, 0.01, 0.01])),
        (424_242, verdict("m1", &[0.9, 0.01, 0.01, 0.01])),
    ]);
    assert!(matches!(bad, Err(StoreError::Misuse { .. })), "{bad:?}");
    assert_eq!(bad.unwrap_err().kind(), ErrorKind::Bug);
    let nan = s
        .save_verdicts(&[(need[0].0, verdict("m1", &[f32::NAN, 0.01, 0.01, 0.01]))])
        .unwrap_err();
    assert_eq!(nan.kind(), ErrorKind::Bug);
    assert_eq!(s.listings_needing_verdict("m1", 10).unwrap().len(), 1);
}

fn entities_are_stored_with_the_page(s: &dyn CrawlStore) {
    // Guards: entities found in new listings are stored in the page's transaction with listing and version.
    let m = market();
    let run = seeded(s);
    let mut l = listing("http://demo.onion/item/1", "Glock 19");
    l.vendor_url = Some("http://demo.onion/vendor/acme".into());
    let find = |page_id: i64, w: &[WrittenListing<'_>]| -> Vec<Sighting> {
        w.iter()
            .map(|w| Sighting {
                entity: Entity {
                    kind: EntityKind::Email,
                    value: "acme@example.org".into(),
                    raw: "ACME@example.org".into(),
                    offset: 7,
                    pgp: None,
                },
                url: w.listing.url.clone(),
                listing: Some((w.id, w.version)),
                vendor: w.listing.vendor.clone(),
                field: "description",
                page_id: Some(page_id),
            })
            .collect()
    };
    let (page_id, w) = s
        .record_page(
            run,
            &m,
            &outcome("http://demo.onion/", vec![l.clone()], &[]),
            &mut { find },
        )
        .unwrap();
    let id = w.to_classify[0];
    let rows = s.listing_entities(id).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].kind, EntityKind::Email);
    assert_eq!(rows[0].raw, "ACME@example.org");
    assert_eq!((rows[0].listing_id, rows[0].listing_version), (Some(id), 1));
    assert_eq!(rows[0].page_id, Some(page_id));
    assert_eq!(
        s.vendor_for_url(&m, "http://demo.onion/vendor/acme")
            .unwrap(),
        Some("acme".into())
    );
    assert_eq!(
        s.vendor_for_url(&m, "http://demo.onion/nobody").unwrap(),
        None
    );
}

fn repeats_within_one_page_are_stored_as_one_at_a_time(s: &dyn CaseStore) {
    // Guards: a page that lists a URL twice (same, then changed content), repeats an entity sighting or a link, and a verdict batch judging one listing twice, end as one-at-a-time writes would (PostgreSQL writes a page in multi-row statements).
    let m = market();
    let run = seeded(s);
    let (a, b, c) = (
        "http://demo.onion/item/a",
        "http://demo.onion/item/b",
        "http://demo.onion/item/c",
    );
    let mut page = outcome(
        "http://demo.onion/",
        vec![
            listing(a, "Glock 19"),
            listing(b, "Socks"),
            listing(a, "Glock 19"),
            listing(c, "Knife"),
            listing(a, "Glock 19 Gen5"),
        ],
        &[
            "http://demo.onion/x",
            "http://demo.onion/y",
            "http://demo.onion/x",
        ],
    );
    page.listings[3].vendor_url = Some("http://demo.onion/vendor/acme".into());
    let mut versions = Vec::new();
    let (page_id, w) = s
        .record_page(run, &m, &page, &mut |page_id, w: &[WrittenListing<'_>]| {
            versions.extend(
                w.iter()
                    .map(|w| (w.listing.url.clone(), w.version, w.listing.title.clone())),
            );
            // The same e-mail at the same place of the first written listing, three times.
            ["x", "", "y"]
                .iter()
                .map(|v| Sighting {
                    entity: Entity {
                        kind: EntityKind::Email,
                        value: "acme@example.org".into(),
                        raw: "acme@example.org".into(),
                        offset: 3,
                        pgp: None,
                    },
                    url: w[0].listing.url.clone(),
                    listing: Some((w[0].id, w[0].version)),
                    vendor: (!v.is_empty()).then(|| v.to_string()),
                    field: "description",
                    page_id: Some(page_id),
                })
                .collect()
        })
        .unwrap();
    assert_eq!((w.new, w.changed, w.unchanged), (3, 1, 1));
    assert_eq!(w.to_classify.len(), 3);
    let url_of = |id: i64| s.listing(id).unwrap().unwrap().listing.url;
    assert_eq!(
        w.to_classify
            .iter()
            .map(|id| url_of(*id))
            .collect::<Vec<_>>(),
        [a, b, c]
    );
    // Written once each, in order of first appearance, with the content stored last.
    let v = |url: &str, version: u32, title: &str| (url.to_string(), version, title.to_string());
    assert_eq!(
        versions,
        [v(a, 2, "Glock 19 Gen5"), v(b, 1, "Socks"), v(c, 1, "Knife")]
    );
    let ida = w.to_classify[0];
    let la = s.listing(ida).unwrap().unwrap();
    assert_eq!(
        (la.version, la.listing.title.as_str()),
        (2, "Glock 19 Gen5")
    );
    assert_eq!(la.page_ids, [page_id]);
    assert_eq!(
        s.vendor_for_url(&m, "http://demo.onion/vendor/acme")
            .unwrap(),
        Some("acme".into())
    );
    let rows = s.listing_entities(ida).unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].vendor.as_deref(), Some("y"));
    let pending: Vec<String> = s
        .frontier_pending(&m, 100)
        .unwrap()
        .into_iter()
        .map(|e| e.url)
        .collect();
    assert_eq!(pending, ["http://demo.onion/x", "http://demo.onion/y"]);
    let counts = s.run(run).unwrap().unwrap().counts;
    assert_eq!((counts.listings_new, counts.listings_changed), (3, 1));
    // Two verdicts for one listing in one batch: the later one is the latest.
    let ids = s
        .save_verdicts(&[
            (ida, verdict("m1", &[0.97, 0.01, 0.01, 0.01])),
            (ida, verdict("m1", &[0.02, 0.01, 0.01, 0.01])),
        ])
        .unwrap();
    assert!(ids[0] < ids[1], "{ids:?}");
    let latest = s.latest_verdict(ida).unwrap().unwrap();
    assert_eq!((latest.id, latest.listing_version), (ids[1], 2));
    assert!(latest.verdict.labels.is_empty());
}

fn vanished_listings_come_back(s: &dyn CrawlStore) {
    // Guards: a listing missed by finished crawls is marked vanished, and seeing it again records its return.
    let m = market();
    let url = "http://demo.onion/item/1";
    let run1 = seeded(s);
    let (_, w) = s
        .record_page(
            run1,
            &m,
            &outcome("http://demo.onion/", vec![listing(url, "Glock 19")], &[]),
            &mut no_entities,
        )
        .unwrap();
    let id = w.to_classify[0];
    s.finish_run(run1, "finished", RunCounts::default())
        .unwrap();
    assert_eq!(s.mark_vanished(&m, 1, run1).unwrap(), 0);
    let run2 = seeded(s);
    s.record_page(
        run2,
        &m,
        &outcome("http://demo.onion/", Vec::new(), &[]),
        &mut no_entities,
    )
    .unwrap();
    s.finish_run(run2, "finished", RunCounts::default())
        .unwrap();
    assert_eq!(s.mark_vanished(&m, 1, run2).unwrap(), 1);
    assert!(s.listing(id).unwrap().unwrap().vanished_at.is_some());
    assert_eq!(s.mark_vanished(&m, 1, run2).unwrap(), 0);
    let run3 = seeded(s);
    let (_, w) = s
        .record_page(
            run3,
            &m,
            &outcome("http://demo.onion/", vec![listing(url, "Glock 19")], &[]),
            &mut no_entities,
        )
        .unwrap();
    assert_eq!(w.reappeared, 1);
    assert_eq!(s.listing(id).unwrap().unwrap().vanished_at, None);
    let events: Vec<String> = s
        .listing_presence(id)
        .unwrap()
        .into_iter()
        .map(|e| e.event)
        .collect();
    assert_eq!(events, ["vanished", "reappeared"]);
}

fn page_bodies_are_kept_byte_for_byte(s: &dyn CrawlStore) {
    // Guards: the evidence: any body comes back byte for byte with its SHA-256.
    let m = market();
    let run = seeded(s);
    let body: Vec<u8> = (0..=255u8).cycle().take(100_000).collect();
    let mut o = outcome("http://demo.onion/", Vec::new(), &[]);
    o.page.body = body.clone();
    o.page.content_type = None;
    o.page.http_status = 404;
    let (id, _) = s.record_page(run, &m, &o, &mut no_entities).unwrap();
    let p = s.page(id).unwrap().unwrap();
    assert_eq!(p.body, body);
    assert_eq!(p.http_status, 404);
    assert_eq!(p.content_type, None);
    assert_eq!(p.sha256.len(), 64);
    assert_eq!(p.served_by.as_deref(), Some("http://demo.onion"));
    assert!(s.page(id + 1000).unwrap().is_none());
    assert!(s.describe().starts_with("sqlite:") || s.describe().starts_with("postgres://"));
}

fn mirrors_are_added_once_and_read_back(s: &dyn CrawlStore) {
    // Guards: imported mirrors: new origins counted, repeats keep their first import, oldest first,
    // per market.
    let m = market();
    let list = ["http://a.onion".to_string(), "http://b.onion".to_string()];
    assert_eq!(s.add_market_mirrors(&m, &list, "FPR", "sha").unwrap(), 2);
    assert_eq!(
        s.add_market_mirrors(&m, &list[..1], "FPR2", "sha2")
            .unwrap(),
        0
    );
    let back = s.market_mirrors(&m).unwrap();
    assert_eq!(
        back.iter().map(|x| x.origin.as_str()).collect::<Vec<_>>(),
        ["http://a.onion", "http://b.onion"]
    );
    assert_eq!(
        (back[0].signer.as_str(), back[0].list_sha256.as_str()),
        ("FPR", "sha")
    );
    assert!(back[0].added_at > 1_700_000_000);
    assert!(s
        .market_mirrors(&MarketId("other".into()))
        .unwrap()
        .is_empty());
}

/// Runs each test function on both backends, as `sqlite::NAME` and `postgres::NAME`.
fn daemon_run_bookkeeping(s: &dyn CrawlStore) {
    // Guards the daemon's run bookkeeping (issue 12): listings a run saw, the previous finished run
    // for the zero-listings anomaly, a walled run resumed, stored errors, session cookies.
    let m = market();
    let first = seeded(s);
    let o = outcome(
        "http://demo.onion/",
        vec![
            listing("http://demo.onion/item/1", "Glock 19"),
            listing("http://demo.onion/item/2", "Glock 17"),
        ],
        &[],
    );
    s.record_page(first, &m, &o, &mut no_entities).unwrap();
    assert_eq!(s.listings_seen_in_run(first).unwrap(), 2);
    s.set_run_listings_seen(first, 2).unwrap();
    s.finish_run(first, "finished", RunCounts::default())
        .unwrap();
    let second = seeded(s);
    // The same listings again, on a page of the next run: counted for that run, not before.
    assert_eq!(s.listings_seen_in_run(second).unwrap(), 0);
    s.record_page(second, &m, &o, &mut no_entities).unwrap();
    assert_eq!(s.listings_seen_in_run(second).unwrap(), 2);
    assert_eq!(
        s.previous_finished_run(&m, second).unwrap(),
        Some((first, 2))
    );
    assert_eq!(s.previous_finished_run(&m, first).unwrap(), None);
    s.mark_run_walled(second).unwrap();
    assert_eq!(s.run(second).unwrap().unwrap().status, "walled");
    assert_eq!(s.unfinished_run(&m).unwrap(), Some(second));
    // A finished run is never marked walled afterwards.
    s.mark_run_walled(first).unwrap();
    assert_eq!(s.run(first).unwrap().unwrap().status, "finished");
    let e1 = s
        .add_crawl_error(&m, Some(second), "wall", "login")
        .unwrap();
    let other = MarketId("other".into());
    let e2 = s
        .add_crawl_error(&other, None, "down", "no answer")
        .unwrap();
    assert!(e2 > e1);
    assert_eq!(s.market_session(&m).unwrap(), None);
    s.set_market_session(&m, "sid=1").unwrap();
    s.set_market_session(&m, "sid=2").unwrap();
    assert_eq!(s.market_session(&m).unwrap().unwrap().0, "sid=2");
    s.set_market_session(&other, "sid=3").unwrap();
    assert_eq!(s.market_session(&other).unwrap().unwrap().0, "sid=3");
}

on_both_backends!(
    page_with_everything_is_one_event,
    pending_entries_come_shallowest_first_in_insertion_order,
    failures_and_refusals_are_kept,
    runs_begin_resume_and_finish,
    listings_keep_their_versions,
    verdicts_follow_listing_versions,
    entities_are_stored_with_the_page,
    vanished_listings_come_back,
    page_bodies_are_kept_byte_for_byte,
    daemon_run_bookkeeping,
    mirrors_are_added_once_and_read_back,
    repeats_within_one_page_are_stored_as_one_at_a_time,
);

/// What only the PostgreSQL backend has: its schema migrations on a shared server.
mod postgres_schema {
    use armswatch_store::{pg_schema_version, PgStore, StoreError};

    fn cluster() -> Option<&'static crate::pg::PgCluster> {
        crate::pg::PgCluster::get()
    }

    #[test]
    fn workers_connecting_together_migrate_once() {
        // Guards: several processes opening one new database at once apply the schema exactly once
        // (advisory lock), and reconnecting migrates nothing.
        let Some(c) = cluster() else { return };
        let url = c.fresh_db("migrate_once");
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let url = url.clone();
                std::thread::spawn(move || {
                    PgStore::connect_with(&url, 1).map(|s| s.schema_version())
                })
            })
            .collect();
        for h in handles {
            assert_eq!(h.join().unwrap().unwrap().unwrap(), pg_schema_version());
        }
        let s = PgStore::connect(&url).unwrap();
        assert_eq!(s.schema_version().unwrap(), pg_schema_version());
    }

    #[test]
    fn another_programs_database_is_refused() {
        // Guards: a database that holds tables but no armswatch schema is left alone, clearly.
        let Some(c) = cluster() else { return };
        let url = c.fresh_db("foreign");
        admin(&url, "CREATE TABLE customers (id int)");
        let err = PgStore::connect(&url).unwrap_err();
        assert!(matches!(err, StoreError::NotArmswatch { .. }), "{err}");
        assert!(err.to_string().contains("not an armswatch one"), "{err}");
    }

    #[test]
    fn a_newer_schema_is_refused() {
        // Guards: a database migrated by a newer armswatch is not written by this one.
        let Some(c) = cluster() else { return };
        let url = c.fresh_db("newer");
        drop(PgStore::connect(&url).unwrap());
        admin(
            &url,
            "INSERT INTO armswatch_migrations (version, name, applied_at) VALUES (999, 'future', 0)",
        );
        let err = PgStore::connect(&url).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
    }

    #[test]
    fn an_unreachable_server_fails_clearly_without_the_password() {
        // Guards: a dead server is a clear connection error that names the target, not the password.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let err =
            PgStore::connect(&format!("postgres://aw:hunter2@127.0.0.1:{port}/case")).unwrap_err();
        let msg = format!("{err}");
        assert!(matches!(err, StoreError::PgConnect { .. }), "{msg}");
        assert!(
            msg.contains("127.0.0.1") && !msg.contains("hunter2"),
            "{msg}"
        );
    }

    /// Runs one statement on `url` outside the store.
    fn admin(url: &str, sql: &str) {
        crate::pg::sql(url, sql);
    }
}
