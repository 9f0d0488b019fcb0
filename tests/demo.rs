//! The whole pipeline on the bundled demo market: serve, crawl, extract, classify, store, report.

mod common;

use common::{armswatch_ok, repo};
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

fn expected() -> serde_json::Value {
    let text = std::fs::read_to_string(repo().join("demo/expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Guards the end-to-end slice: listings stored once, pages hashed, verdicts for every listing,
/// the flagged table printed, hard negatives not flagged, most positives found.
#[test]
fn demo_crawls_classifies_and_stores_the_market() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("demo.db");
    let stdout = armswatch_ok(tmp.path(), &["demo", "--db", db.to_str().unwrap()]);
    assert!(stdout.contains("SCORE"), "no flagged table:\n{stdout}");

    let exp = expected();
    let listings = exp["listings"].as_object().unwrap();
    let conn = Connection::open(&db).unwrap();

    // Every listing stored exactly once, with its title.
    let mut stored: BTreeMap<String, (i64, String)> = BTreeMap::new();
    let mut stmt = conn
        .prepare("SELECT id, market_listing_id, title FROM listings")
        .unwrap();
    for row in stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .unwrap()
    {
        let (id, mid, title) = row.unwrap();
        let mid = mid.expect("listing id extracted");
        assert!(
            stored.insert(mid.clone(), (id, title)).is_none(),
            "listing {mid} stored twice"
        );
    }
    assert_eq!(stored.len(), listings.len());
    for (id, l) in listings {
        assert_eq!(stored[id].1, l["title"].as_str().unwrap(), "title of {id}");
    }

    // Pages: the stored hash is the SHA-256 of the raw body.
    let mut stmt = conn.prepare("SELECT body_zstd, sha256 FROM pages").unwrap();
    let pages: Vec<(Vec<u8>, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        pages.len() as u64,
        exp["pages"]["crawl_total"].as_u64().unwrap()
    );
    for (z, sha) in &pages {
        let body = zstd::decode_all(&z[..]).unwrap();
        assert_eq!(hex::encode(Sha256::digest(&body)), *sha);
    }

    // A verdict for every listing; hard negatives not flagged; positives mostly flagged.
    let mut flagged: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    let mut stmt = conn
        .prepare("SELECT listing_id, labels_json FROM verdicts")
        .unwrap();
    for row in stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
    {
        let (id, labels) = row.unwrap();
        let labels: BTreeSet<String> = serde_json::from_str(&labels).unwrap();
        flagged.insert(id, labels);
    }
    assert_eq!(flagged.len(), listings.len(), "every listing has a verdict");
    let (mut pos, mut found) = (0, 0);
    for (mid, l) in listings {
        let got = &flagged[&stored[mid].0];
        let want: BTreeSet<String> = l["labels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        if l["hard_negative"].as_bool().unwrap() {
            assert!(
                got.is_empty(),
                "hard negative {mid} {:?} flagged {got:?}",
                l["title"]
            );
        }
        if !want.is_empty() {
            pos += 1;
            if !got.is_empty() {
                found += 1;
            }
        }
    }
    assert!(
        found * 10 >= pos * 9,
        "only {found} of {pos} positives flagged"
    );
}
