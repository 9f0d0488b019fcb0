//! Listings, their versions, entities, vendors and presence as a crawl writes them, against both
//! backends: every test runs once on an in-memory SQLite store (`sqlite::…`) and once on a fresh
//! PostgreSQL database (`postgres::…`, see `tests/common/pg.rs`), and must see the same results.
//! (They were the SQLite store's unit tests; times come from the store's clock, so a test that
//! needs two times sleeps into the next second between writes.)

#[macro_use]
#[path = "../../tests/common/pg.rs"]
mod pg;
mod support;

use armswatch_core::crawl::ListingWrite;
use armswatch_core::{Entity, EntityKind, Listing};
use armswatch_store::{content_sha256, CaseStore, RunCounts, Sighting, WrittenListing};
use support::*;

/// Crawl `run` of market `demo` stores `listings` on page `url` with body `body`: the page's id
/// and what storing the listings did.
fn put(
    s: &dyn CaseStore,
    run: i64,
    url: &str,
    body: &[u8],
    listings: &[Listing],
) -> (i64, ListingWrite) {
    save(s, run, &market(), url, body, listings)
}

/// A crawl of `demo` that has stored listing `Glock 19` alone on page `http://d/1` (body `one`):
/// the run, the listing, the listing's id and the page's id.
fn glock_alone(s: &dyn CaseStore) -> (i64, Listing, i64, i64) {
    let run = run(s);
    let a = listing("http://d/1", "Glock 19");
    let (page, w) = put(s, run, "http://d/1", b"one", std::slice::from_ref(&a));
    (run, a, w.to_classify[0], page)
}

fn price_ranges_round_trip_and_old_hashes_stay(s: &dyn CaseStore) {
    // Guards the price_high column: a range is stored and read back whole, a changed high end
    // is a new version, and a listing without a range hashes as it did before the column.
    let a = listing("http://d/1", "Glock 19");
    assert_eq!(
        content_sha256(&a),
        "d033e173bb19f03702fd0c46339ed4dd33a42054a49c5717ba59a006f152c6e7"
    );
    let run = run(s);
    let mut r = listing("http://d/2", "Sig slide");
    r.set_price("$120 - $180");
    let (_, w) = put(s, run, "http://d/", b"x", &[r.clone()]);
    let id = w.to_classify[0];
    let back = s.listing(id).unwrap().unwrap().listing;
    assert_eq!(
        (back.price_amount, back.price_high),
        (Some(120.0), Some(180.0))
    );
    assert_eq!(back, r);
    r.set_price("$120 - $190");
    let (_, w) = put(s, run, "http://d/", b"x", &[r]);
    assert_eq!(w.changed, 1);
    let old = s.listing_versions(id).unwrap();
    assert_eq!(old[0].listing.price_high, Some(180.0));
}

fn new_listings_are_inserted_and_deduplicated(s: &dyn CaseStore) {
    // Guards: first sighting inserts version 1; the same URL twice in a batch is one listing.
    let run = run(s);
    let a = listing("http://d/1", "Glock 19");
    let (p, w) = put(
        s,
        run,
        "http://d/",
        b"x",
        &[a.clone(), listing("http://d/2", "Ammo"), a.clone()],
    );
    assert_eq!((w.new, w.changed, w.unchanged), (2, 0, 1));
    assert_eq!(w.to_classify.len(), 2);
    let got = s.listing(w.to_classify[0]).unwrap().unwrap();
    assert_eq!(got.listing, a);
    assert_eq!(got.version, 1);
    assert_eq!(got.first_seen, got.last_seen);
    assert_eq!(got.version_first_seen, got.first_seen);
    assert_eq!(got.page_ids, vec![p]);
    assert!(s.listing(9999).unwrap().is_none());
}

fn unchanged_listing_moves_only_last_seen(s: &dyn CaseStore) {
    // Guards: seeing identical content again touches last_seen and the page link, nothing else.
    let (run, a, id, p1) = glock_alone(s);
    let before = s.listing(id).unwrap().unwrap();
    next_second();
    let (p2, w) = put(s, run, "http://d/1", b"two", std::slice::from_ref(&a));
    assert_eq!((w.new, w.changed, w.unchanged), (0, 0, 1));
    assert!(w.to_classify.is_empty());
    let after = s.listing(id).unwrap().unwrap();
    assert!(after.last_seen > before.last_seen, "{before:?} {after:?}");
    assert_eq!(after.page_ids, vec![p1, p2]);
    assert_eq!(
        (
            after.first_seen,
            after.version,
            after.version_first_seen,
            &after.content_sha256,
            &after.listing
        ),
        (
            before.first_seen,
            before.version,
            before.version_first_seen,
            &before.content_sha256,
            &before.listing
        )
    );
    assert!(s.listing_versions(id).unwrap().is_empty());
}

fn changed_listing_keeps_old_version(s: &dyn CaseStore) {
    // Guards: changed content bumps the version, keeps the old content with its times, and asks
    // for a new verdict.
    let (run, a, id, _) = glock_alone(s);
    let t1 = s.listing(id).unwrap().unwrap().first_seen;
    next_second();
    put(s, run, "http://d/1", b"one", std::slice::from_ref(&a));
    let t2 = s.listing(id).unwrap().unwrap().last_seen;
    assert!(t2 > t1);
    next_second();
    let mut b = a.clone();
    b.set_price("USD 700.00");
    let (_, w) = put(s, run, "http://d/1", b"one", &[b.clone()]);
    assert_eq!((w.new, w.changed, w.to_classify.clone()), (0, 1, vec![id]));

    let cur = s.listing(id).unwrap().unwrap();
    assert_eq!(cur.listing, b);
    let t3 = cur.last_seen;
    assert!(t3 > t2);
    assert_eq!(
        (
            cur.version,
            cur.first_seen,
            cur.last_seen,
            cur.version_first_seen
        ),
        (2, t1, t3, t3)
    );
    let old = s.listing_versions(id).unwrap();
    assert_eq!(old.len(), 1);
    assert_eq!(old[0].version, 1);
    assert_eq!(old[0].listing, a);
    assert_eq!((old[0].first_seen, old[0].last_seen), (t1, t2));
    assert_eq!(old[0].content_sha256, content_sha256(&a));
}

fn needing_verdict_follows_versions(s: &dyn CaseStore) {
    // Guards: a listing needs a verdict per model version, and again after its content changes.
    let (run, a, id, _) = glock_alone(s);
    let need = s.listings_needing_verdict("m1", 10).unwrap();
    assert_eq!(need, vec![(id, a.clone())]);
    s.save_verdicts(&[(id, verdict("m1", &[0.9, 0.1, 0.0, 0.0]))])
        .unwrap();
    assert!(s.listings_needing_verdict("m1", 10).unwrap().is_empty());
    assert_eq!(s.listings_needing_verdict("m2", 10).unwrap().len(), 1);
    let mut b = a.clone();
    b.title = "Glock 19 Gen 5".into();
    put(s, run, "http://d/1", b"one", &[b.clone()]);
    assert_eq!(s.listings_needing_verdict("m1", 10).unwrap(), vec![(id, b)]);
    assert!(s.listings_needing_verdict("m1", 0).unwrap().is_empty());
}

fn sighting(kind: EntityKind, value: &str, url: &str, vendor: Option<&str>) -> Sighting {
    Sighting {
        entity: Entity {
            kind,
            value: value.into(),
            raw: value.into(),
            offset: 3,
            pgp: None,
        },
        url: url.into(),
        listing: None,
        vendor: vendor.map(str::to_string),
        field: "page",
        page_id: None,
    }
}

fn sightings_are_idempotent_and_move_last_seen(s: &dyn CaseStore) {
    // Guards: storing the same place twice keeps one row and moves last_seen; a listing's
    // entities come back with their version and field.
    let run = run(s);
    let l = listing("http://d/1", "Glock");
    let mut first: Option<(i64, i64)> = None;
    let mut find = |page_id: i64, w: &[WrittenListing<'_>]| -> Vec<Sighting> {
        // The listing's id and first page, as the first write gave them.
        let (id, p) = *first.get_or_insert_with(|| (w[0].id, page_id));
        let mut a = sighting(EntityKind::Telegram, "gunsmith", "http://d/1", Some("acme"));
        a.listing = Some((id, 1));
        a.field = "description";
        a.page_id = Some(p);
        vec![a]
    };
    let (_, w) = save_with(
        s,
        run,
        &market(),
        "http://d/1",
        b"x",
        std::slice::from_ref(&l),
        &mut find,
    );
    let id = w.to_classify[0];
    let t1 = s.listing_entities(id).unwrap()[0].first_seen;
    next_second();
    save_with(s, run, &market(), "http://d/1", b"x", &[l], &mut find);
    let rows = s.listing_entities(id).unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].last_seen > t1, "{rows:?}");
    assert_eq!((rows[0].first_seen, rows[0].listing_version), (t1, 1));
    assert_eq!(rows[0].field, "description");
    assert_eq!(s.vendor_entities().unwrap().len(), 1);
}

fn unknown_onions_are_candidates(s: &dyn CaseStore) {
    // Guards: onion addresses of known markets are not candidates; others are, with where seen.
    let run = run(s);
    let known = "http://demo.onion/";
    s.upsert_market(&market(), Some("Demo"), Some(known))
        .unwrap();
    let mut find = |_: i64, _: &[WrittenListing<'_>]| {
        vec![
            sighting(EntityKind::Onion, "demo.onion", "http://demo.onion/", None),
            sighting(
                EntityKind::Onion,
                "other.onion",
                "http://demo.onion/a",
                None,
            ),
            sighting(
                EntityKind::Onion,
                "other.onion",
                "http://demo.onion/b",
                None,
            ),
        ]
    };
    save_with(
        s,
        run,
        &market(),
        "http://demo.onion/",
        b"x",
        &[],
        &mut find,
    );
    let c = s.candidate_markets().unwrap();
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].onion, "other.onion");
    assert_eq!(
        (c[0].sightings, c[0].found_on.clone()),
        (2, vec!["demo".into()])
    );
}

fn vendor_records_and_renames_come_from_listings(s: &dyn CaseStore) {
    // Guards: a vendor record counts its listings; a vendor field that changes between versions
    // of a listing is a rename with the time the new name appeared.
    let run = run(s);
    let mut a = listing("http://d/1", "Glock 19");
    a.vendor_url = Some("http://d/vendor/acme".into());
    let (_, w) = put(
        s,
        run,
        "http://d/1",
        b"x",
        &[a.clone(), listing("http://d/2", "Ammo")],
    );
    let v = s.vendors(None).unwrap();
    assert_eq!(v.len(), 1);
    assert_eq!((v[0].name.as_str(), v[0].listings), ("acme", 2));
    assert_eq!(v[0].profile_url.as_deref(), Some("http://d/vendor/acme"));
    assert_eq!(
        s.vendor_for_url(&market(), "http://d/vendor/acme").unwrap(),
        Some("acme".into())
    );
    let id = w.to_classify[0];
    let t1 = s.listing(id).unwrap().unwrap().first_seen;
    next_second();
    let mut b = a.clone();
    b.vendor = Some("acme_arms".into());
    put(s, run, "http://d/1", b"x", &[b]);
    let renamed_at = s.listing(id).unwrap().unwrap().version_first_seen;
    assert!(renamed_at > t1);
    let r = s.vendor_renames().unwrap();
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(
        (r[0].old_name.as_str(), r[0].new_name.as_str(), r[0].at),
        ("acme", "acme_arms", renamed_at)
    );
    assert_eq!(s.vendor_listings(&market(), "acme").unwrap().len(), 1);
}

fn vanishes_after_n_missed_crawls_and_comes_back(s: &dyn CaseStore) {
    // Guards: a listing missed by 2 finished crawls is vanished at the first one's start; it is
    // not marked earlier, and seeing it again clears it with a `reappeared` event.
    let m = market();
    let run1 = run(s);
    let (_, w) = put(
        s,
        run1,
        "http://d/",
        b"1",
        &[
            listing("http://d/1", "Glock"),
            listing("http://d/2", "Ammo"),
        ],
    );
    let (gone, kept) = (w.to_classify[0], w.to_classify[1]);
    s.finish_run(run1, "finished", RunCounts::default())
        .unwrap();
    let mut runs = Vec::new();
    for i in 0..2 {
        let r = run_of(s, &m);
        put(s, r, "http://d/", b"2", &[listing("http://d/2", "Ammo")]);
        s.finish_run(r, "finished", RunCounts::default()).unwrap();
        if i == 0 {
            assert_eq!(s.mark_vanished(&m, 2, r).unwrap(), 0);
        }
        runs.push(r);
    }
    assert_eq!(s.mark_vanished(&m, 2, runs[1]).unwrap(), 1);
    assert_eq!(s.mark_vanished(&m, 2, runs[1]).unwrap(), 0);
    let l = s.listing(gone).unwrap().unwrap();
    let second_run_start = s.run(runs[0]).unwrap().unwrap().started_at;
    assert_eq!(l.vanished_at, Some(second_run_start));
    assert!(s.listing(kept).unwrap().unwrap().vanished_at.is_none());
    assert_eq!(s.vanished_listings(None).unwrap().len(), 1);

    let r = run_of(s, &m);
    let (_, w) = put(s, r, "http://d/", b"3", &[listing("http://d/1", "Glock")]);
    assert_eq!(w.reappeared, 1);
    assert!(s.listing(gone).unwrap().unwrap().vanished_at.is_none());
    let ev: Vec<String> = s
        .listing_presence(gone)
        .unwrap()
        .into_iter()
        .map(|e| e.event)
        .collect();
    assert_eq!(ev, vec!["vanished", "reappeared"]);
    assert!(s.mark_vanished(&m, 0, r).is_err());
}

on_both_backends!(
    price_ranges_round_trip_and_old_hashes_stay,
    new_listings_are_inserted_and_deduplicated,
    unchanged_listing_moves_only_last_seen,
    changed_listing_keeps_old_version,
    needing_verdict_follows_versions,
    sightings_are_idempotent_and_move_last_seen,
    unknown_onions_are_candidates,
    vendor_records_and_renames_come_from_listings,
    vanishes_after_n_missed_crawls_and_comes_back,
);
