//! The review workspace and status reads ([`CaseStore`]) against both backends: every test here
//! runs once on an in-memory SQLite store (`sqlite::…`) and once on a fresh database of a real
//! PostgreSQL cluster (`postgres::…`, see `tests/common/pg.rs`), and must see the same results.

#[macro_use]
#[path = "../../tests/common/pg.rs"]
mod pg;
mod support;

use armswatch_core::crawl::{
    FailureKind, FetchedPage, FrontierEntry, FrontierState, FrontierUpdate, PageKind, PageOutcome,
};
use armswatch_core::{
    Decision, ErrorKind, HasKind, Label, Listing, MarketId, ReviewState, Verdict,
};
use armswatch_store::{CaseStore, NewReview, QueuePosition, QueueQuery, QueueSort, GENESIS_HASH};
use support::{no_entities, verdict};

/// Markets `a` and `b` with `n` listings (i in 1..=n, market `a` for even i), each with a verdict:
/// firearm score i/(n+1) (flagged from 0.5), first seen at i; listing 3's description says
/// "Ruger Mk IV". Returns the listing ids in order of i.
fn case(s: &dyn CaseStore, n: usize) -> Vec<i64> {
    let mut ids = Vec::new();
    for i in 1..=n {
        let m = MarketId(if i % 2 == 0 { "a" } else { "b" }.into());
        let run = s
            .begin_run(
                &m,
                "direct",
                "{}",
                &[FrontierEntry::start("http://x.onion/")],
            )
            .unwrap();
        let url = format!("http://x.onion/{i}");
        let mut l = Listing {
            url: url.clone(),
            title: format!("Glock {i}"),
            vendor: Some(format!("v{}", i % 3)),
            ..Listing::default()
        };
        if i == 3 {
            l.description = Some("Ruger Mk IV, blued".into());
        }
        let o = PageOutcome {
            page: FetchedPage {
                requested_url: url.clone(),
                final_url: url.clone(),
                fetched_at: i as i64,
                http_status: 200,
                content_type: Some("text/html".into()),
                body: format!("<p>{i}</p>").into_bytes(),
                transport: "direct".into(),
                kind: PageKind::Listing,
                served_by: "http://x.onion".into(),
            },
            listings: vec![l],
            new_entries: Vec::new(),
            refusals: vec![(format!("http://evil.example/{i}"), "off-site".into())],
            frontier: Some(FrontierUpdate {
                url: "http://x.onion/".into(),
                state: if i == 1 {
                    FrontierState::Failed
                } else {
                    FrontierState::Done
                },
                attempts: 1,
                error: (i == 1).then(|| "timed out".to_string()),
                failure: (i == 1).then_some(FailureKind::Timeout),
            }),
        };
        s.record_page(run, &m, &o, &mut no_entities).unwrap();
        let id = s
            .listings_needing_verdict("v1", 10)
            .unwrap()
            .into_iter()
            .map(|(id, _)| id)
            .next()
            .unwrap();
        let f = i as f32 / (n + 1) as f32;
        s.save_verdicts(&[(id, verdict("v1", &[f, 0.2, 0.0, 0.0]))])
            .unwrap();
        ids.push(id);
    }
    ids
}

fn decide(s: &dyn CaseStore, listing_id: i64, decision: Decision, who: &str) -> i64 {
    s.add_review(&NewReview {
        listing_id,
        decision,
        note: "looked at the page\u{1b}[31m".into(),
        reviewer: who.into(),
        verdict_id: None,
    })
    .unwrap()
    .id
}

fn decisions_form_one_verified_chain(s: &dyn CaseStore) {
    // Guards: decisions are appended to one SHA-256 chain with the verdict they answered, the
    // newest counts in the queue, and bad decisions are refused without a row.
    let ids = case(s, 4);
    assert_eq!(s.verify_reviews().unwrap().head_hash, GENESIS_HASH);
    let r1 = decide(s, ids[3], Decision::Confirm, "ana");
    let r2 = decide(
        s,
        ids[3],
        Decision::Relabel {
            labels: vec![Label::Part],
        },
        "bo",
    );
    assert_eq!((r1, r2), (1, 2));
    let history = s.reviews_of(ids[3]).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].prev_hash, GENESIS_HASH);
    assert_eq!(history[1].prev_hash, history[0].hash);
    assert_eq!(history[0].model_labels, vec![Label::Firearm]);
    assert_eq!(history[1].labels, vec![Label::Part]);
    assert_eq!(history[0].note, "looked at the page[31m");
    let v = s.latest_verdict(ids[3]).unwrap().unwrap();
    assert_eq!(history[0].verdict_id, Some(v.id));
    assert_eq!(v.verdict.labels, vec![Label::Firearm]);
    let report = s.verify_reviews().unwrap();
    assert!(report.is_intact() && report.reviews == 2, "{report:?}");
    assert_eq!(report.head_hash, history[1].hash);
    let bad = |d: Decision, who: &str, verdict_id: Option<i64>| {
        s.add_review(&NewReview {
            listing_id: ids[0],
            decision: d,
            note: String::new(),
            reviewer: who.into(),
            verdict_id,
        })
        .unwrap_err()
        .to_string()
    };
    assert!(bad(Decision::Relabel { labels: vec![] }, "ana", None).contains("at least one label"));
    assert!(bad(Decision::Confirm, " ", None).contains("empty"));
    assert!(bad(Decision::Confirm, "ana", Some(v.id)).contains("not a verdict of listing"));
    let unknown = s
        .add_review(&NewReview {
            listing_id: 99_999,
            decision: Decision::Reject,
            note: String::new(),
            reviewer: "ana".into(),
            verdict_id: None,
        })
        .unwrap_err();
    assert!(
        unknown.to_string().contains("no listing 99999"),
        "{unknown}"
    );
    assert_eq!(unknown.kind(), ErrorKind::Input);
    assert_eq!(s.verify_reviews().unwrap().reviews, 2);
    let states = s.queue_state_counts().unwrap();
    assert_eq!(states[&ReviewState::Relabelled], 1);
    assert_eq!(states[&ReviewState::Unreviewed], 1);
}

fn the_queue_sorts_filters_searches_and_pages(s: &dyn CaseStore) {
    // Guards: the queue's orders, filters, search and key paging agree on both backends.
    let ids = case(s, 9);
    let walk = |q: &QueueQuery| -> Vec<i64> {
        let mut out = Vec::new();
        let mut at = QueuePosition::Start;
        loop {
            let page = s.queue(q, &at).unwrap();
            out.extend(page.rows.iter().map(|r| r.listing_id));
            match page.next {
                Some(k) => at = QueuePosition::After(k),
                None => return out,
            }
        }
    };
    let flagged: Vec<i64> = ids[4..].iter().rev().copied().collect();
    let q = QueueQuery {
        limit: 2,
        ..QueueQuery::default()
    };
    assert_eq!(walk(&q), flagged);
    let all = QueueQuery {
        include_unflagged: true,
        limit: 4,
        ..QueueQuery::default()
    };
    assert_eq!(walk(&all), ids.iter().rev().copied().collect::<Vec<_>>());
    // Back from the second page is the first page.
    let first = s.queue(&q, &QueuePosition::Start).unwrap();
    let second = s
        .queue(&q, &QueuePosition::After(first.next.clone().unwrap()))
        .unwrap();
    let back = s
        .queue(&q, &QueuePosition::Before(second.prev.clone().unwrap()))
        .unwrap();
    assert_eq!(back.rows, first.rows);
    let by_market = walk(&QueueQuery {
        sort: QueueSort::Market,
        include_unflagged: true,
        limit: 3,
        ..QueueQuery::default()
    });
    assert_eq!(by_market, [8, 6, 4, 2, 9, 7, 5, 3, 1].map(|i| ids[i - 1]));
    let newest = walk(&QueueQuery {
        sort: QueueSort::Newest,
        market: Some(MarketId("a".into())),
        include_unflagged: true,
        ..QueueQuery::default()
    });
    assert_eq!(newest, [8, 6, 4, 2].map(|i| ids[i - 1]));
    let vendor = walk(&QueueQuery {
        vendor: Some("v0".into()),
        include_unflagged: true,
        min_score: Some(0.2),
        ..QueueQuery::default()
    });
    assert_eq!(vendor, [9, 6, 3].map(|i| ids[i - 1]));
    let search = |text: &str| {
        walk(&QueueQuery {
            search: Some(text.into()),
            include_unflagged: true,
            ..QueueQuery::default()
        })
    };
    assert_eq!(search("rug mk"), [ids[2]]);
    assert_eq!(search("GLOCK 7"), [ids[6]]);
    assert!(search("glock nothing").is_empty());
    assert!(search("&|!").is_empty());
    let row = &s.queue(&q, &QueuePosition::Start).unwrap().rows[0];
    assert_eq!(row.labels, vec![Label::Firearm]);
    assert_eq!(row.scores[&Label::Part], 0.2);
    assert_eq!(row.title, "Glock 9");
    assert_eq!(s.queue_key(ids[8]).unwrap().unwrap(), row.key);
    assert!(s.queue_key(99_999).unwrap().is_none());
}

fn search_folds_accents_and_case(s: &dyn CaseStore) {
    // Guards: review search matches across accents and case both ways, as SQLite's unicode61 remove_diacritics tokenizer does, on both backends.
    let m = MarketId("a".into());
    let run = s.begin_run(&m, "direct", "{}", &[]).unwrap();
    let listing = |i: usize, title: &str, description: &str, vendor: &str| Listing {
        url: format!("http://x.onion/{i}"),
        title: title.into(),
        description: Some(description.into()),
        vendor: Some(vendor.into()),
        ..Listing::default()
    };
    let o = PageOutcome {
        page: FetchedPage {
            requested_url: "http://x.onion/".into(),
            final_url: "http://x.onion/".into(),
            fetched_at: 1,
            http_status: 200,
            content_type: Some("text/html".into()),
            body: b"<p>x</p>".to_vec(),
            transport: "direct".into(),
            kind: PageKind::Index,
            served_by: "http://x.onion".into(),
        },
        listings: vec![
            listing(1, "Glöck 17 Gen5", "neuve", "armurier"),
            listing(2, "Pistolet CRÈME", "livraison Mañana", "Zoë"),
            listing(3, "glock 19", "plain ascii", "vendor"),
        ],
        new_entries: Vec::new(),
        refusals: Vec::new(),
        frontier: None,
    };
    let (_, w) = s.record_page(run, &m, &o, &mut no_entities).unwrap();
    let ids = w.to_classify.clone();
    let verdicts: Vec<(i64, Verdict)> = ids
        .iter()
        .map(|id| (*id, verdict("v1", &[0.9, 0.0, 0.0, 0.0])))
        .collect();
    s.save_verdicts(&verdicts).unwrap();
    let search = |text: &str| -> Vec<i64> {
        let mut found: Vec<i64> = s
            .queue(
                &QueueQuery {
                    search: Some(text.into()),
                    include_unflagged: true,
                    ..QueueQuery::default()
                },
                &QueuePosition::Start,
            )
            .unwrap()
            .rows
            .iter()
            .map(|r| r.listing_id)
            .collect();
        found.sort_unstable();
        found
    };
    assert_eq!(search("glock"), [ids[0], ids[2]]);
    assert_eq!(search("GLÖCK 17"), [ids[0]]);
    assert_eq!(search("glöck 19"), [ids[2]]);
    assert_eq!(search("creme"), [ids[1]]);
    assert_eq!(search("crème"), [ids[1]]);
    assert_eq!(search("MANANA zoe"), [ids[1]]);
    assert_eq!(search("zoë"), [ids[1]]);
    assert_eq!(search("neuvé gen"), [ids[0]]);
    assert!(search("glöckner").is_empty());
    // Letters that folding on PostgreSQL turns into tsquery syntax (U+0149 is "'n", U+02BC "'")
    // stay plain words: the search answers, it does not fail.
    for odd in ["\u{149}", "glock \u{2bc}"] {
        let q = QueueQuery {
            search: Some(odd.into()),
            include_unflagged: true,
            ..QueueQuery::default()
        };
        assert!(s.queue(&q, &QueuePosition::Start).is_ok(), "{odd:?}");
    }
}

fn status_reads_markets_problems_and_refusals(s: &dyn CaseStore) {
    // Guards: what `armswatch status` shows is the same on both backends.
    case(s, 4);
    let markets = s.markets().unwrap();
    let summary: Vec<(String, usize, usize, usize)> = markets
        .iter()
        .map(|m| (m.id.0.clone(), m.pages, m.listings, m.flagged))
        .collect();
    assert_eq!(
        summary,
        [("a".to_string(), 2, 2, 1), ("b".to_string(), 2, 2, 1)]
    );
    assert!(markets.iter().all(|m| m.last_run.is_some()));
    let b = MarketId("b".into());
    let problems = s.frontier_problems(&b, 10).unwrap();
    assert!(
        problems.is_empty(),
        "a later run redid the URL: {problems:?}"
    );
    let refusals = s.recent_refusals(&b, 1).unwrap();
    assert_eq!(refusals.len(), 1);
    assert_eq!(refusals[0].url, "http://evil.example/3");
}

fn crawl_errors_come_newest_first_and_sessions_round_trip(s: &dyn CaseStore) {
    // Guards what `status` shows (newest errors first) and the session override.
    let m = MarketId::slug("alpha");
    s.add_crawl_error(&m, None, "down", "first").unwrap();
    s.add_crawl_error(&m, None, "anomaly", "second").unwrap();
    let e = s.recent_crawl_errors(&m, 1).unwrap();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].message, "second");
    assert_eq!(s.recent_crawl_errors(&m, 5).unwrap()[1].message, "first");
    assert_eq!(s.market_session(&m).unwrap(), None);
    s.set_market_session(&m, "sid=1").unwrap();
    s.set_market_session(&m, "sid=2").unwrap();
    assert_eq!(s.market_session(&m).unwrap().unwrap().0, "sid=2");
}

/// Four reviewers, each with a connection (a process) of their own, decide on the same listings at
/// the same moment, 25 decisions each: every decision is stored once and the chain stays one chain.
fn reviewers_at_once(open: impl Fn() -> Box<dyn CaseStore> + Sync) {
    let ids = case(&*open(), 10);
    let who = ["ana", "bo", "cy", "di"];
    let start = std::sync::Barrier::new(who.len());
    let mut stored: Vec<i64> = std::thread::scope(|scope| {
        let handles: Vec<_> = who
            .iter()
            .map(|name| {
                let (open, ids, start) = (&open, &ids, &start);
                scope.spawn(move || {
                    let s = open();
                    start.wait();
                    (0..25)
                        .map(|i| {
                            let d = if i % 2 == 0 {
                                Decision::Confirm
                            } else {
                                Decision::Reject
                            };
                            decide(&*s, ids[i % ids.len()], d, name)
                        })
                        .collect::<Vec<i64>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    stored.sort();
    assert_eq!(
        stored,
        (1..=100).collect::<Vec<i64>>(),
        "one id per decision"
    );
    let s = open();
    let report = s.verify_reviews().unwrap();
    assert!(report.is_intact() && report.reviews == 100, "{report:?}");
    for (i, id) in ids.iter().enumerate() {
        let history = s.reviews_of(*id).unwrap();
        assert_eq!(history.len(), if i < 5 { 12 } else { 8 }, "listing {i}");
    }
}

#[test]
fn sqlite_reviewers_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.db");
    reviewers_at_once(|| Box::new(armswatch_store::Store::open(&path).unwrap()));
}

#[test]
fn postgres_reviewers_at_once() {
    let Some(cluster) = pg::PgCluster::get() else {
        return;
    };
    let url = cluster.fresh_db("reviewers_at_once");
    reviewers_at_once(|| Box::new(armswatch_store::PgStore::connect_with(&url, 1).unwrap()));
}

on_both_backends!(
    crawl_errors_come_newest_first_and_sessions_round_trip,
    decisions_form_one_verified_chain,
    the_queue_sorts_filters_searches_and_pages,
    status_reads_markets_problems_and_refusals,
    search_folds_accents_and_case,
);
