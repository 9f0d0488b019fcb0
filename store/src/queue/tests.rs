use super::*;
use crate::test_support::*;
use crate::{CaseStore, NewReview};
use armswatch_core::Decision;

/// A store with `n` listings; listing i has firearm score i/(n+1) (all flagged but the
/// lowest-scoring third get part instead), first seen at i, market a or b by parity.
pub(crate) fn store_with(n: usize) -> Store {
    let (s, run) = store_with_run();
    s.upsert_market(&MarketId("b".into()), None, None).unwrap();
    s.upsert_market(&MarketId("a".into()), None, None).unwrap();
    for i in 1..=n {
        let m = MarketId(if i % 2 == 0 { "a" } else { "b" }.into());
        let p = s
            .save_page(run, &m, &page("http://x.onion/", b"x"))
            .unwrap();
        let mut l = listing(&format!("http://x.onion/{i}"), &format!("Glock {i}"));
        l.vendor = Some(format!("v{}", i % 3));
        if i == 3 {
            l.description = Some("Ruger Mk IV, café edition".into());
        }
        let w = s.save_listings(&m, p, i as i64, &[l]).unwrap();
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
    }
    s
}

fn walk(s: &Store, q: &QueueQuery) -> Vec<i64> {
    let mut all = Vec::new();
    let mut at = QueuePosition::Start;
    loop {
        let page = s.queue(q, &at).unwrap();
        all.extend(page.rows.iter().map(|r| r.listing_id));
        match page.next {
            Some(k) => at = QueuePosition::After(k),
            None => return all,
        }
    }
}

#[test]
fn paging_by_key_visits_every_row_once_in_order() {
    // Guards: for every sort, walking pages of 4 gives the same order as one big page, and
    // going back from a page gives the page before it.
    let s = store_with(23);
    for sort in QueueSort::ALL {
        let q = QueueQuery {
            sort,
            limit: 4,
            ..QueueQuery::default()
        };
        let walked = walk(&s, &q);
        let one = s
            .queue(
                &QueueQuery {
                    limit: 100,
                    ..q.clone()
                },
                &QueuePosition::Start,
            )
            .unwrap();
        let expect: Vec<i64> = one.rows.iter().map(|r| r.listing_id).collect();
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
    let by_score = walk(&s, &QueueQuery::default());
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

#[test]
fn filters_and_search_narrow_the_queue() {
    // Guards: label, market, vendor, score range, state and full-text search each filter,
    // search ignores FTS syntax and accents, and a review moves a listing between states.
    let s = store_with(12);
    let ids = |q: QueueQuery| walk(&s, &q);
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
        assert_eq!(ids(q), vec![12, 10, 8, 6], "{sort:?}");
    }
    assert_eq!(
        ids(QueueQuery {
            label: Some(Label::Part),
            ..Default::default()
        })
        .len(),
        4
    );
    assert!(ids(QueueQuery {
        market: Some(MarketId("a".into())),
        ..Default::default()
    })
    .iter()
    .all(|i| i % 2 == 0));
    assert!(ids(QueueQuery {
        vendor: Some("v1".into()),
        ..Default::default()
    })
    .iter()
    .all(|i| i % 3 == 1));
    let ranged = ids(QueueQuery {
        min_score: Some(0.5),
        max_score: Some(0.7),
        ..Default::default()
    });
    // 1-4 are parts at 0.6; 7, 8, 9 firearms at 0.54, 0.62, 0.69.
    assert_eq!(ranged, vec![9, 8, 4, 3, 2, 1, 7]);
    assert_eq!(
        ids(QueueQuery {
            search: Some("CAFE ruger".into()),
            ..Default::default()
        }),
        vec![3]
    );
    let all3 = ids(QueueQuery {
        search: Some("cafe rug".into()),
        include_unflagged: true,
        ..Default::default()
    });
    assert_eq!(all3, vec![3]);
    assert!(ids(QueueQuery {
        search: Some("\" OR * NEAR(".into()),
        ..Default::default()
    })
    .is_empty());
    s.add_review(&NewReview {
        listing_id: 12,
        decision: Decision::Reject,
        note: String::new(),
        reviewer: "ana".into(),
        verdict_id: None,
    })
    .unwrap();
    assert_eq!(
        ids(QueueQuery {
            state: Some(ReviewState::Rejected),
            ..Default::default()
        }),
        vec![12]
    );
    assert!(!ids(QueueQuery {
        state: Some(ReviewState::Unreviewed),
        ..Default::default()
    })
    .contains(&12));
    assert_eq!(s.queue_state_counts().unwrap()[&ReviewState::Rejected], 1);
}

#[test]
fn neighbours_follow_the_sort() {
    // Guards: previous/next of a listing are its neighbours in the queue order.
    let s = store_with(9);
    let (prev, next) = s
        .queue_neighbours(&QueueQuery::default(), 8)
        .unwrap()
        .unwrap();
    assert_eq!((prev, next), (Some(9), Some(7)));
    let (prev, _) = s
        .queue_neighbours(&QueueQuery::default(), 9)
        .unwrap()
        .unwrap();
    assert_eq!(prev, None);
    assert!(s
        .queue_neighbours(&QueueQuery::default(), 999)
        .unwrap()
        .is_none());
}

#[test]
fn keys_round_trip_through_text() {
    // Guards: a cursor in a URL comes back as the same key; garbage is refused.
    let k = QueueKey {
        listing_id: 7,
        max_score: 0.123_456_789,
        first_seen: -5,
        market: "dé mo".into(),
        top_label: 4,
    };
    assert_eq!(QueueKey::decode(&k.encode()), Some(k));
    assert_eq!(QueueKey::decode("1.zz.3.4.00"), None);
    assert_eq!(
        fts_query("ak-47 \"x\""),
        Some("\"ak\"* \"47\"* \"x\"*".into())
    );
}
