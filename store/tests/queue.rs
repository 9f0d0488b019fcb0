//! The review queue, flagged listings, a listing's evidence and the decision chain, against both
//! backends: every test runs once on an in-memory SQLite store (`sqlite::…`) and once on a fresh
//! PostgreSQL database (`postgres::…`, see `tests/common/pg.rs`), and must see the same results.
//! (They were the SQLite store's unit tests; listings are numbered by the order they were
//! written, as the unit tests' ids were.)

#[macro_use]
#[path = "../../tests/common/pg.rs"]
mod pg;
mod support;

use armswatch_core::{Decision, Label, MarketId, ReviewState, TermWeight};
use armswatch_store::{
    CaseStore, FlaggedQuery, FlaggedRow, NewReview, QueuePosition, QueueQuery, QueueSort, Result,
    Review, GENESIS_HASH,
};
use std::ops::ControlFlow;
use support::*;

/// `n` listings ("Glock i", vendor `v{i % 3}`, listing 3 described "Ruger Mk IV, café
/// edition") on markets a (even i) and b (odd i), written in order of i; listing i has firearm
/// score i/(n+1), but the lowest-scoring third are parts at 0.6. Returns the ids in order of i.
fn store_with(s: &dyn CaseStore, n: usize) -> Vec<i64> {
    let (a, b) = (MarketId("a".into()), MarketId("b".into()));
    s.upsert_market(&b, None, None).unwrap();
    s.upsert_market(&a, None, None).unwrap();
    let (run_a, run_b) = (run_of(s, &a), run_of(s, &b));
    let mut ids = Vec::new();
    for i in 1..=n {
        let (m, run) = if i % 2 == 0 { (&a, run_a) } else { (&b, run_b) };
        let mut l = listing(&format!("http://x.onion/{i}"), &format!("Glock {i}"));
        l.vendor = Some(format!("v{}", i % 3));
        if i == 3 {
            l.description = Some("Ruger Mk IV, café edition".into());
        }
        let (_, w) = save(s, run, m, "http://x.onion/", b"x", &[l]);
        let f = i as f32 / (n + 1) as f32;
        let scores = if i <= n / 3 {
            [0.1, 0.6, 0.0, 0.0]
        } else {
            [f, 0.2, 0.0, 0.0]
        };
        let mut v = verdict("m", &scores);
        v.labels = if i <= n / 3 {
            vec![Label::Part]
        } else {
            vec![Label::Firearm]
        };
        s.save_verdicts(&[(w.to_classify[0], v)]).unwrap();
        ids.push(w.to_classify[0]);
    }
    ids
}

/// The number i of listing `id` of [`store_with`].
fn num(ids: &[i64], id: i64) -> i64 {
    ids.iter()
        .position(|x| *x == id)
        .expect("a listing of the case") as i64
        + 1
}

/// Every page of the queue, as listing numbers.
fn walk(s: &dyn CaseStore, ids: &[i64], q: &QueueQuery) -> Vec<i64> {
    let mut all = Vec::new();
    let mut at = QueuePosition::Start;
    loop {
        let page = s.queue(q, &at).unwrap();
        all.extend(page.rows.iter().map(|r| num(ids, r.listing_id)));
        match page.next {
            Some(k) => at = QueuePosition::After(k),
            None => return all,
        }
    }
}

fn paging_by_key_visits_every_row_once_in_order(s: &dyn CaseStore) {
    // Guards: for every sort, walking pages of 4 gives the same order as one big page, and
    // going back from a page gives the page before it.
    let ids = store_with(s, 23);
    for sort in QueueSort::ALL {
        let q = QueueQuery {
            sort,
            limit: 4,
            ..QueueQuery::default()
        };
        let walked = walk(s, &ids, &q);
        let one = s
            .queue(
                &QueueQuery {
                    limit: 100,
                    ..q.clone()
                },
                &QueuePosition::Start,
            )
            .unwrap();
        let expect: Vec<i64> = one.rows.iter().map(|r| num(&ids, r.listing_id)).collect();
        assert_eq!(walked, expect, "{sort:?}");
        assert_eq!(walked.len(), 23);
        let p1 = s.queue(&q, &QueuePosition::Start).unwrap();
        let p2 = s
            .queue(&q, &QueuePosition::After(p1.next.clone().unwrap()))
            .unwrap();
        let back = s
            .queue(&q, &QueuePosition::Before(p2.prev.clone().unwrap()))
            .unwrap();
        assert_eq!(back.rows, p1.rows, "{sort:?}");
        assert!(back.prev.is_none(), "{sort:?}");
    }
    let by_score = walk(s, &ids, &QueueQuery::default());
    assert_eq!(by_score[0], 23);
    let by_market = s
        .queue(
            &QueueQuery {
                sort: QueueSort::Market,
                ..QueueQuery::default()
            },
            &QueuePosition::Start,
        )
        .unwrap();
    assert_eq!(by_market.rows[0].market.as_str(), "a");
    let by_label = s
        .queue(
            &QueueQuery {
                sort: QueueSort::Label,
                limit: 100,
                ..QueueQuery::default()
            },
            &QueuePosition::Start,
        )
        .unwrap();
    assert_eq!(by_label.rows.last().unwrap().labels, vec![Label::Part]);
}

fn filters_and_search_narrow_the_queue(s: &dyn CaseStore) {
    // Guards: label, market, vendor, score range, state and full-text search each filter,
    // search ignores query syntax and accents, and a review moves a listing between states.
    let ids = store_with(s, 12);
    let pick = |q: QueueQuery| walk(s, &ids, &q);
    // Every filter also pages by key (small pages).
    for sort in QueueSort::ALL {
        let q = QueueQuery {
            sort,
            label: Some(Label::Firearm),
            market: Some(MarketId("a".into())),
            state: Some(ReviewState::Unreviewed),
            min_score: Some(0.1),
            max_score: Some(0.99),
            search: Some("glock".into()),
            limit: 1,
            ..Default::default()
        };
        assert_eq!(pick(q), vec![12, 10, 8, 6], "{sort:?}");
    }
    assert_eq!(
        pick(QueueQuery {
            label: Some(Label::Part),
            ..Default::default()
        })
        .len(),
        4
    );
    assert!(pick(QueueQuery {
        market: Some(MarketId("a".into())),
        ..Default::default()
    })
    .iter()
    .all(|i| i % 2 == 0));
    assert!(pick(QueueQuery {
        vendor: Some("v1".into()),
        ..Default::default()
    })
    .iter()
    .all(|i| i % 3 == 1));
    let ranged = pick(QueueQuery {
        min_score: Some(0.5),
        max_score: Some(0.7),
        ..Default::default()
    });
    // 1-4 are parts at 0.6; 7, 8, 9 firearms at 0.54, 0.62, 0.69.
    assert_eq!(ranged, vec![9, 8, 4, 3, 2, 1, 7]);
    assert_eq!(
        pick(QueueQuery {
            search: Some("CAFE ruger".into()),
            ..Default::default()
        }),
        vec![3]
    );
    let all3 = pick(QueueQuery {
        search: Some("cafe rug".into()),
        include_unflagged: true,
        ..Default::default()
    });
    assert_eq!(all3, vec![3]);
    assert!(pick(QueueQuery {
        search: Some("\" OR * NEAR(".into()),
        ..Default::default()
    })
    .is_empty());
    s.add_review(&NewReview {
        listing_id: ids[11],
        decision: Decision::Reject,
        note: String::new(),
        reviewer: "ana".into(),
        verdict_id: None,
    })
    .unwrap();
    assert_eq!(
        pick(QueueQuery {
            state: Some(ReviewState::Rejected),
            ..Default::default()
        }),
        vec![12]
    );
    assert!(!pick(QueueQuery {
        state: Some(ReviewState::Unreviewed),
        ..Default::default()
    })
    .contains(&12));
    assert_eq!(s.queue_state_counts().unwrap()[&ReviewState::Rejected], 1);
}

fn neighbours_follow_the_sort(s: &dyn CaseStore) {
    // Guards: previous/next of a listing are its neighbours in the queue order.
    let ids = store_with(s, 9);
    let id = |i: usize| ids[i - 1];
    let (prev, next) = s
        .queue_neighbours(&QueueQuery::default(), id(8))
        .unwrap()
        .unwrap();
    assert_eq!((prev, next), (Some(id(9)), Some(id(7))));
    let (prev, _) = s
        .queue_neighbours(&QueueQuery::default(), id(9))
        .unwrap()
        .unwrap();
    assert_eq!(prev, None);
    assert!(s
        .queue_neighbours(&QueueQuery::default(), 999)
        .unwrap()
        .is_none());
}

/// Three listings in `demo` and one in `other`; returns their ids.
fn store_with_listings(s: &dyn CaseStore) -> Vec<i64> {
    let mut ids = stored(
        s,
        "http://d/",
        b"x",
        &[
            listing("http://d/1", "Glock 19"),
            listing("http://d/2", "9mm ammo"),
            listing("http://d/3", "Socks"),
        ],
    );
    let other = MarketId("other".into());
    let run2 = run_of(s, &other);
    let (_, w2) = save(
        s,
        run2,
        &other,
        "http://o/",
        b"y",
        &[listing("http://o/1", "AR-15 lower")],
    );
    ids.extend(w2.to_classify);
    ids
}

/// The flagged rows of the default query narrowed by `narrow`.
fn flagged(s: &dyn CaseStore, narrow: impl FnOnce(&mut FlaggedQuery)) -> Vec<FlaggedRow> {
    let mut q = FlaggedQuery::default();
    narrow(&mut q);
    let mut rows = Vec::new();
    s.each_flagged(&q, &mut |r| {
        rows.push(r);
        ControlFlow::Continue(())
    })
    .unwrap();
    rows
}

/// The listing ids of `rows`, in order.
fn ids_of(rows: &[FlaggedRow]) -> Vec<i64> {
    rows.iter().map(|r| r.listing_id).collect()
}

fn flagged_orders_by_score_and_uses_latest_verdict_only(s: &dyn CaseStore) {
    // Guards: only the newest verdict of a listing counts, unflagged ones are left out, and rows
    // come highest score first.
    let ids = store_with_listings(s);
    let mut first = verdict("m1", &[0.95, 0.0, 0.0, 0.0]);
    first.explain.insert(
        Label::Firearm,
        vec![TermWeight {
            term: "glock".into(),
            weight: 2.5,
        }],
    );
    s.save_verdicts(&[
        (ids[0], first.clone()),
        (ids[1], verdict("m1", &[0.0, 0.0, 0.7, 0.0])),
        (ids[2], verdict("m1", &[0.9, 0.0, 0.0, 0.0])),
        (ids[3], verdict("m1", &[0.6, 0.8, 0.0, 0.0])),
    ])
    .unwrap();
    // A newer verdict clears listing 3 ("Socks"): it must drop out.
    s.save_verdicts(&[(ids[2], verdict("m2", &[0.1, 0.0, 0.0, 0.0]))])
        .unwrap();

    let all = flagged(s, |_| ());
    assert_eq!(ids_of(&all), vec![ids[0], ids[3], ids[1]]);
    assert_eq!(all[0].verdict, first);
    assert_eq!(all[0].title, "Glock 19");
    assert_eq!(all[0].price_amount, Some(650.0));
    let seen = s.listing(ids[0]).unwrap().unwrap().first_seen;
    assert_eq!((all[0].first_seen, all[0].last_seen), (seen, seen));
    assert_eq!(all[1].market.as_str(), "other");

    let demo = flagged(s, |q| q.market = Some(market()));
    assert_eq!(ids_of(&demo), vec![ids[0], ids[1]]);
    let firearms = flagged(s, |q| q.label = Some(Label::Firearm));
    assert_eq!(ids_of(&firearms), vec![ids[0], ids[3]]);
    let strong_firearms = flagged(s, |q| {
        q.label = Some(Label::Firearm);
        q.min_score = Some(0.9);
    });
    assert_eq!(strong_firearms.len(), 1);
    let strong = flagged(s, |q| q.min_score = Some(0.75));
    assert_eq!(strong.len(), 2);
    let top = flagged(s, |q| q.limit = Some(1));
    assert_eq!(top.len(), 1);

    // What `status` counts (the SQLite-only `counts()` is checked in the crate).
    let m = s.markets().unwrap();
    assert_eq!(m.len(), 2);
    assert!(m.iter().all(|m| m.last_run.is_some()));
    assert_eq!(
        (m[0].id.as_str(), m[0].listings, m[0].flagged, m[0].pages),
        ("demo", 3, 2, 1)
    );
    assert_eq!(
        (m[1].id.as_str(), m[1].listings, m[1].flagged, m[1].pages),
        ("other", 1, 1, 1)
    );
    assert_eq!(s.flagged_listing_ids().unwrap().len(), 3);
    assert_eq!(
        s.latest_verdict(ids[2])
            .unwrap()
            .unwrap()
            .verdict
            .model_version,
        "m2"
    );
}

fn listing_evidence_and_selections(s: &dyn CaseStore) {
    // Guards: latest verdict, page records, vendor's other listings and the export selections.
    let ids = stored(
        s,
        "http://demo.onion/1",
        b"<p>x</p>",
        &[
            listing("http://demo.onion/1", "Glock 19"),
            listing("http://demo.onion/2", "Glock 17"),
        ],
    );
    let (one, two) = (ids[0], ids[1]);
    s.save_verdicts(&[
        (one, verdict("a", &[0.2, 0.0, 0.0, 0.0])),
        (one, verdict("b", &[0.9, 0.0, 0.0, 0.0])),
        (two, verdict("b", &[0.1, 0.0, 0.0, 0.0])),
    ])
    .unwrap();
    let v = s.latest_verdict(one).unwrap().unwrap();
    assert_eq!(v.verdict.model_version, "b");
    assert_eq!(v.verdict.labels, vec![Label::Firearm]);
    let pages = s.listing_pages(one).unwrap();
    assert_eq!(pages.len(), 1);
    assert_eq!((pages[0].body_len, pages[0].sha256.len()), (8, 64));
    let others = s.same_vendor_listings("acme", one, 10).unwrap();
    assert_eq!(others.len(), 1);
    assert_eq!((others[0].listing_id, others[0].labels.len()), (two, 0));
    assert_eq!(s.flagged_listing_ids().unwrap(), vec![one]);
    s.add_review(&NewReview {
        listing_id: two,
        decision: Decision::Relabel {
            labels: vec![Label::Part],
        },
        note: String::new(),
        reviewer: "ana".into(),
        verdict_id: None,
    })
    .unwrap();
    assert_eq!(s.reviewed_listing_ids(None).unwrap(), vec![two]);
    assert_eq!(
        s.reviewed_listing_ids(Some(ReviewState::Relabelled))
            .unwrap(),
        vec![two]
    );
    assert!(s
        .reviewed_listing_ids(Some(ReviewState::Confirmed))
        .unwrap()
        .is_empty());
    assert_eq!(
        s.reviewed_listing_ids(Some(ReviewState::Unreviewed))
            .unwrap(),
        vec![one]
    );
}

fn decide(s: &dyn CaseStore, id: i64, d: Decision, who: &str) -> Result<Review> {
    s.add_review(&NewReview {
        listing_id: id,
        decision: d,
        note: "seen\u{7} twice".into(),
        reviewer: who.into(),
        verdict_id: None,
    })
}

fn decisions_append_and_chain(s: &dyn CaseStore) {
    // Guards: every decision is a new row chained to the previous one, with the verdict it
    // answered copied in, and the newest one sets the queue state.
    let ids = stored(
        s,
        "http://demo.onion/c",
        b"x",
        &[
            listing("http://demo.onion/1", "Glock 19"),
            listing("http://demo.onion/2", "Kush"),
        ],
    );
    let glock = ids[0];
    s.save_verdicts(&[
        (glock, verdict("m1", &[0.9, 0.1, 0.2, 0.0])),
        (ids[1], verdict("m1", &[0.1, 0.1, 0.1, 0.0])),
    ])
    .unwrap();
    let a = decide(s, glock, Decision::Confirm, "ana").unwrap();
    assert_eq!(a.prev_hash, GENESIS_HASH);
    assert_eq!(a.labels, vec![Label::Firearm]);
    assert_eq!(a.model_labels, vec![Label::Firearm]);
    assert_eq!(a.note, "seen twice");
    let b = decide(
        s,
        glock,
        Decision::Relabel {
            labels: vec![Label::Part],
        },
        "bo",
    )
    .unwrap();
    assert_eq!(b.prev_hash, a.hash);
    let hist = s.reviews_of(glock).unwrap();
    assert_eq!(hist, vec![a, b.clone()]);
    let report = s.verify_reviews().unwrap();
    assert!(report.is_intact(), "{report:?}");
    assert_eq!((report.reviews, report.head_hash), (2, b.hash));
    let reviewed = s.reviewed_listings(None).unwrap();
    assert_eq!(reviewed.len(), 1);
    assert_eq!(reviewed[0].state, ReviewState::Relabelled);
    assert_eq!(reviewed[0].labels, vec![Label::Part]);
}

on_both_backends!(
    paging_by_key_visits_every_row_once_in_order,
    filters_and_search_narrow_the_queue,
    neighbours_follow_the_sort,
    flagged_orders_by_score_and_uses_latest_verdict_only,
    listing_evidence_and_selections,
    decisions_append_and_chain,
);
