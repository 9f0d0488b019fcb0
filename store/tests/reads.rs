//! What the review UI, evidence exports and the reading commands (`flagged`, `listings`, `stats`,
//! `vendors`, `research`, `markets candidates`) read through [`CaseStore`], against both backends:
//! each test runs on an in-memory SQLite store (`sqlite::…`) and on a fresh database of a real
//! PostgreSQL cluster (`postgres::…`, see `tests/common/pg.rs`), and one test builds the same case
//! in both and requires every read to return the same records.

#[macro_use]
#[path = "../../tests/common/pg.rs"]
mod pg;
mod support;

use armswatch_core::crawl::{
    FetchedPage, FrontierEntry, FrontierState, FrontierUpdate, PageKind, PageOutcome,
};
use armswatch_core::{
    Decision, Entity, EntityKind, Label, Listing, MarketId, PgpKey, ReviewState, Verdict,
};
use armswatch_store::{
    CaseStore, FlaggedQuery, NewReview, QueueQuery, RunCounts, Sighting, WrittenListing,
};
use std::ops::ControlFlow;

const FP: &str = "0123456789ABCDEF0123456789ABCDEF01234567";
const ONION: &str = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion";

/// A verdict of model version `v1`: firearm score `firearm`, ammunition score `ammo`, 0.01 for
/// the other labels.
fn verdict(firearm: f32, ammo: f32) -> Verdict {
    support::verdict("v1", &[firearm, 0.01, ammo, 0.01])
}

fn listing(url: &str, title: &str, vendor: &str, price: &str) -> Listing {
    let mut l = Listing {
        url: url.into(),
        title: title.into(),
        description: Some(format!("{title}, described")),
        vendor: Some(vendor.into()),
        vendor_url: Some(format!("http://m.onion/vendor/{vendor}")),
        ..Listing::default()
    };
    l.set_price(price);
    l
}

/// One crawl of market `m` at time `at`: one page carrying `listings`; the vendor `acme`'s
/// listings carry a PGP fingerprint, and every page mentions an onion no market has.
fn crawl(s: &dyn CaseStore, m: &MarketId, at: i64, listings: Vec<Listing>) -> i64 {
    let run = s
        .begin_run(
            m,
            "direct",
            "{}",
            &[FrontierEntry::start("http://m.onion/")],
        )
        .unwrap();
    let o = PageOutcome {
        page: FetchedPage {
            requested_url: "http://m.onion/".into(),
            final_url: "http://m.onion/".into(),
            fetched_at: at,
            http_status: 200,
            content_type: Some("text/html".into()),
            body: format!("<p>crawl at {at}</p>").into_bytes(),
            transport: "direct".into(),
            kind: PageKind::Listing,
            served_by: "http://m.onion".into(),
        },
        listings,
        new_entries: Vec::new(),
        refusals: Vec::new(),
        frontier: Some(FrontierUpdate {
            url: "http://m.onion/".into(),
            state: FrontierState::Done,
            attempts: 1,
            error: None,
            failure: None,
        }),
    };
    let mut entities = |page: i64, written: &[WrittenListing<'_>]| -> Vec<Sighting> {
        let mut out = vec![Sighting {
            entity: Entity {
                kind: EntityKind::Onion,
                value: ONION.into(),
                raw: ONION.into(),
                offset: 3,
                pgp: None,
            },
            url: "http://m.onion/".into(),
            listing: None,
            vendor: None,
            field: "page",
            page_id: Some(page),
        }];
        for w in written {
            if w.listing.vendor.as_deref() == Some("acme") {
                out.push(Sighting {
                    entity: Entity {
                        kind: EntityKind::PgpFingerprint,
                        value: FP.into(),
                        raw: FP.into(),
                        offset: 0,
                        pgp: Some(PgpKey {
                            fingerprint: FP.into(),
                            key_id: FP[24..].into(),
                            algorithm: "EdDSALegacy".into(),
                            created_at: 1_600_000_000,
                            user_ids: vec!["Acme <acme@example.org>".into()],
                            self_signed: true,
                            armored: "-----BEGIN PGP PUBLIC KEY BLOCK-----".into(),
                        }),
                    },
                    url: w.listing.url.clone(),
                    listing: Some((w.id, w.version)),
                    vendor: w.listing.vendor.clone(),
                    field: "description",
                    page_id: Some(page),
                });
            }
        }
        out
    };
    s.record_page(run, m, &o, &mut entities).unwrap();
    let pending: Vec<(i64, Verdict)> = s
        .listings_needing_verdict("v1", 100)
        .unwrap()
        .into_iter()
        .map(|(id, l)| {
            let v = if l.title.contains("Ammo") {
                verdict(0.1, 0.8)
            } else if l.title.contains("Knife") {
                verdict(0.1, 0.1)
            } else {
                verdict(0.9, 0.2)
            };
            (id, v)
        })
        .collect();
    s.save_verdicts(&pending).unwrap();
    s.finish_run(run, "finished", RunCounts::default()).unwrap();
    run
}

/// Two markets: on `a`, `acme` sells a Glock (price changes, then the vendor is renamed to
/// `acme_arms`), ammunition and a knife; on `b`, `acme` sells a Glock. The knife vanishes. One
/// decision confirms the Glock. Returns the ids of (glock, ammo, knife, glock on b).
fn case(s: &dyn CaseStore) -> (i64, i64, i64, i64) {
    let (a, b) = (MarketId("a".into()), MarketId("b".into()));
    s.upsert_market(&a, Some("A"), Some("http://m.onion/"))
        .unwrap();
    let glock = listing("http://m.onion/1", "Glock 19", "acme", "USD 650");
    let ammo = listing("http://m.onion/2", "Ammo 9mm", "acme", "USD 30");
    let knife = listing("http://m.onion/3", "Knife", "blade", "EUR 20");
    crawl(s, &a, 100, vec![glock.clone(), ammo.clone(), knife]);
    let mut cheaper = glock.clone();
    cheaper.set_price("USD 600");
    crawl(s, &a, 200, vec![cheaper.clone(), ammo.clone()]);
    let mut renamed = cheaper;
    renamed.vendor = Some("acme_arms".into());
    let run3 = crawl(s, &a, 300, vec![renamed, ammo]);
    assert_eq!(s.mark_vanished(&a, 1, run3).unwrap(), 1);
    crawl(
        s,
        &b,
        400,
        vec![listing("http://n.onion/1", "Glock 17", "acme", "USD 700")],
    );
    let ids: Vec<i64> = s
        .queue(
            &QueueQuery {
                include_unflagged: true,
                limit: 100,
                ..QueueQuery::default()
            },
            &armswatch_store::QueuePosition::Start,
        )
        .unwrap()
        .rows
        .iter()
        .map(|r| r.listing_id)
        .collect();
    let find = |t: &str| {
        ids.iter()
            .copied()
            .find(|id| s.listing(*id).unwrap().unwrap().listing.title == t)
            .unwrap()
    };
    let out = (
        find("Glock 19"),
        find("Ammo 9mm"),
        find("Knife"),
        find("Glock 17"),
    );
    s.add_review(&NewReview {
        listing_id: out.0,
        decision: Decision::Confirm,
        note: "seen".into(),
        reviewer: "ana".into(),
        verdict_id: None,
    })
    .unwrap();
    out
}

fn detail_and_export_reads(s: &dyn CaseStore) {
    // Guards: a listing's pages (with hashes), earlier versions, the vendor's other listings,
    // queue neighbours and the export selections read the same case on either backend.
    let (glock, ammo, knife, glock_b) = case(s);
    let pages = s.listing_pages(glock).unwrap();
    assert_eq!(pages.len(), 3, "{pages:?}");
    assert!(pages.windows(2).all(|w| w[0].fetched_at <= w[1].fetched_at));
    assert_eq!(pages[0].sha256.len(), 64);
    assert_eq!(pages[0].kind, PageKind::Listing);
    let body = s.page(pages[0].id).unwrap().unwrap();
    assert_eq!(body.sha256, pages[0].sha256);
    assert!(s.page_listings(pages[0].id).unwrap().contains(&glock));
    let versions = s.listing_versions(glock).unwrap();
    assert_eq!(
        versions
            .iter()
            .map(|v| (v.version, v.listing.price_amount))
            .collect::<Vec<_>>(),
        [(1, Some(650.0)), (2, Some(600.0))]
    );
    let same = s.same_vendor_listings("acme", ammo, 10).unwrap();
    assert_eq!(same[0].listing_id, glock_b, "highest score first: {same:?}");
    assert_eq!(same[0].labels, [Label::Firearm]);
    assert_eq!(s.flagged_listing_ids().unwrap().len(), 3);
    assert!(!s.flagged_listing_ids().unwrap().contains(&knife));
    assert_eq!(s.reviewed_listing_ids(None).unwrap(), [glock]);
    assert_eq!(
        s.reviewed_listing_ids(Some(ReviewState::Confirmed))
            .unwrap(),
        [glock]
    );
    // what train --with-reviews and eval --reviews learn from: the decision with its content
    let reviewed = s.reviewed_listings(None).unwrap();
    assert_eq!(reviewed.len(), 1, "{reviewed:?}");
    assert_eq!(
        (
            reviewed[0].listing_id,
            reviewed[0].state,
            reviewed[0].title.as_str()
        ),
        (glock, ReviewState::Confirmed, "Glock 19")
    );
    assert!(s
        .reviewed_listings(Some(ReviewState::Rejected))
        .unwrap()
        .is_empty());
    let mut unreviewed = s
        .reviewed_listing_ids(Some(ReviewState::Unreviewed))
        .unwrap();
    unreviewed.sort();
    let mut want = vec![ammo, glock_b];
    want.sort();
    assert_eq!(unreviewed, want);
    let (prev, next) = s
        .queue_neighbours(&QueueQuery::default(), glock)
        .unwrap()
        .unwrap();
    assert!(prev.is_some() && next.is_some(), "{prev:?} {next:?}");
    assert_eq!(
        s.queue_neighbours(&QueueQuery::default(), 999_999).unwrap(),
        None
    );
}

fn flagged_and_vanished_reads(s: &dyn CaseStore) {
    // Guards: `flagged` streams highest score first with its filters and stops when told;
    // `listings vanished` lists the listing that vanished.
    let (_, ammo, knife, _) = case(s);
    let mut rows = Vec::new();
    let n = s
        .each_flagged(&FlaggedQuery::default(), &mut |r| {
            rows.push(r);
            ControlFlow::Continue(())
        })
        .unwrap();
    assert_eq!(n, 3);
    assert!(rows
        .windows(2)
        .all(|w| w[0].verdict.max_score() >= w[1].verdict.max_score()));
    let mut ammo_only = Vec::new();
    s.each_flagged(
        &FlaggedQuery {
            label: Some(Label::Ammunition),
            market: Some(MarketId("a".into())),
            ..FlaggedQuery::default()
        },
        &mut |r| {
            ammo_only.push(r.listing_id);
            ControlFlow::Continue(())
        },
    )
    .unwrap();
    assert_eq!(ammo_only, [ammo]);
    let mut calls = 0;
    let took = s
        .each_flagged(&FlaggedQuery::default(), &mut |_| {
            calls += 1;
            ControlFlow::Break(())
        })
        .unwrap();
    assert_eq!((calls, took), (1, 0));
    let vanished = s.vanished_listings(None).unwrap();
    assert_eq!(vanished.len(), 1);
    assert_eq!(vanished[0].listing_id, knife);
    assert!(s
        .vanished_listings(Some(&MarketId("b".into())))
        .unwrap()
        .is_empty());
}

fn statistics_and_vendor_reads(s: &dyn CaseStore) {
    // Guards: statistics see labels, flags and every version's price; vendors are counted per
    // market with their PGP fingerprints, the rename is found, keys and candidate markets read.
    let (glock, ..) = case(s);
    let stats = s.stats_listings().unwrap();
    assert_eq!(stats.len(), 4);
    let g = stats.iter().find(|l| l.id == glock).unwrap();
    assert_eq!(g.labels, ["firearm"]);
    assert!(g.flagged);
    assert_eq!(
        g.prices.iter().map(|p| p.amount).collect::<Vec<_>>(),
        [650.0, 600.0, 600.0]
    );
    let vendors = s.vendors(None).unwrap();
    let names: Vec<(String, String)> = vendors
        .iter()
        .map(|v| (v.market.to_string(), v.name.clone()))
        .collect();
    assert_eq!(
        names,
        [
            ("a".to_string(), "acme".to_string()),
            ("a".into(), "acme_arms".into()),
            ("a".into(), "blade".into()),
            ("b".into(), "acme".into()),
        ]
    );
    assert_eq!(vendors[3].pgp_fingerprints, [FP]);
    assert_eq!(vendors[2].vanished, 1);
    assert_eq!(s.vendors(Some("acme")).unwrap().len(), 2);
    let renames = s.vendor_renames().unwrap();
    assert!(
        renames
            .iter()
            .any(|r| r.old_name == "acme" && r.new_name == "acme_arms"),
        "{renames:?}"
    );
    let listings = s.vendor_listings(&MarketId("a".into()), "acme").unwrap();
    assert_eq!(listings.len(), 1, "{listings:?}");
    assert_eq!(listings[0].labels, ["ammunition"]);
    let (entities, texts) = s.vendor_link_inputs().unwrap();
    assert!(entities.iter().all(|e| e.kind != EntityKind::Onion));
    assert!(entities.iter().any(|e| e.value == FP));
    assert_eq!(texts.len(), 4);
    let key = s.pgp_key(FP).unwrap().unwrap();
    assert_eq!(key.user_ids, ["Acme <acme@example.org>"]);
    assert!(s.pgp_key("00").unwrap().is_none());
    let candidates = s.candidate_markets().unwrap();
    assert_eq!(candidates.len(), 1);
    assert_eq!(candidates[0].onion, ONION);
    assert_eq!(candidates[0].found_on, ["a", "b"]);
}

on_both_backends!(
    detail_and_export_reads,
    flagged_and_vanished_reads,
    statistics_and_vendor_reads,
);

#[test]
fn postgres_reads_equal_sqlite_reads() {
    // Guards: the same case built in both backends reads back as the same records, field for
    // field and in the same order, through every read of the review UI and the reading commands.
    let Some(cluster) = pg::PgCluster::get() else {
        return;
    };
    let lite = armswatch_store::Store::open_in_memory().unwrap();
    let url = cluster.fresh_db("postgres_reads_equal_sqlite_reads");
    let pg = armswatch_store::PgStore::connect_with(&url, 2).unwrap();
    let ids = case(&lite);
    assert_eq!(case(&pg), ids);
    fn all(s: &dyn CaseStore, ids: (i64, i64, i64, i64)) -> Vec<String> {
        let mut out = Vec::new();
        for id in [ids.0, ids.1, ids.2, ids.3] {
            out.push(format!("{:?}", s.listing_pages(id).unwrap()));
            out.push(format!("{:?}", s.listing_versions(id).unwrap()));
            out.push(format!(
                "{:?}",
                s.queue_neighbours(&QueueQuery::default(), id)
            ));
        }
        out.push(format!("{:?}", s.page_listings(1).unwrap()));
        out.push(format!("{:?}", s.same_vendor_listings("acme", 0, 10)));
        out.push(format!("{:?}", s.flagged_listing_ids()));
        for st in [
            None,
            Some(ReviewState::Confirmed),
            Some(ReviewState::Unreviewed),
        ] {
            out.push(format!("{:?}", s.reviewed_listing_ids(st)));
            out.push(format!("{:?}", s.reviewed_listings(st)));
        }
        let mut flagged = Vec::new();
        s.each_flagged(&FlaggedQuery::default(), &mut |r| {
            flagged.push(r);
            ControlFlow::Continue(())
        })
        .unwrap();
        out.push(format!("{flagged:?}"));
        out.push(format!("{:?}", s.vanished_listings(None)));
        out.push(format!("{:?}", s.stats_listings()));
        out.push(format!("{:?}", s.vendors(None)));
        out.push(format!("{:?}", s.vendor_entities()));
        out.push(format!("{:?}", s.vendor_link_inputs()));
        out.push(format!(
            "{:?}",
            s.vendor_listings(&MarketId("a".into()), "acme")
        ));
        out.push(format!("{:?}", s.vendor_renames()));
        out.push(format!("{:?}", s.pgp_key(FP)));
        out.push(format!("{:?}", s.candidate_markets()));
        out
    }
    let (a, b) = (all(&lite, ids), all(&pg, ids));
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(clock_free(x), clock_free(y));
    }
}

/// `s` with the store's own clock readings (unix times after 2023, such as when a listing version
/// was stored) replaced by `T`: the two cases were built a moment apart.
fn clock_free(s: &str) -> String {
    let mut out = String::new();
    let mut digits = String::new();
    for c in s.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        match digits.parse::<i64>() {
            Ok(n) if digits.len() == 10 && n > 1_700_000_000 => out.push('T'),
            _ => out.push_str(&digits),
        }
        digits.clear();
        out.push(c);
    }
    out.pop();
    out
}
