//! SQLite-only: the FTS5 plan test's fixture and FTS5 query text (the queue: tests/queue.rs).

use super::*;
use crate::test_support::*;

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
