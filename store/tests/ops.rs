//! Schedules, watches and alerts ([`OpsStore`]) against both backends: every test runs once on an
//! in-memory SQLite store and once on a fresh PostgreSQL database (`tests/common/pg.rs`), and must
//! see the same results; the fleet's roles (PostgreSQL only) at the end.

#[macro_use]
#[path = "../../tests/common/pg.rs"]
mod pg;
mod support;

use armswatch_core::crawl::{FetchedPage, FrontierEntry, PageKind, PageOutcome};
use armswatch_core::{Listing, MarketId};
use armswatch_store::{AlertQuery, NewAlert, NewSchedule, OpsStore};
use std::time::Duration;
use support::{no_entities, verdict};

fn new_schedule(market: &str, profile: &str) -> NewSchedule {
    NewSchedule {
        market: MarketId::slug(market),
        profile_path: profile.into(),
        every_secs: Some(3600),
        jitter_secs: 0,
        cron: None,
        options_json: "{}".into(),
        next_at: 100,
    }
}

fn schedules_are_added_refused_twice_paused_done_and_removed(s: &dyn OpsStore) {
    // Guards `schedule add|list|pause|resume|remove` and the daemon's bookkeeping on both backends.
    let a = MarketId::slug("alpha");
    s.add_schedule(&new_schedule("alpha", "/p/alpha.toml"))
        .unwrap();
    s.add_schedule(&new_schedule("beta", "/p/beta.toml"))
        .unwrap();
    let err = s
        .add_schedule(&new_schedule("alpha", "/p/other.toml"))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("market alpha is already scheduled"),
        "{err}"
    );
    let err = s
        .add_schedule(&new_schedule("gamma", "/p/beta.toml"))
        .unwrap_err();
    assert!(err.to_string().contains("already scheduled"), "{err}");
    assert!(
        err.to_string().contains("market beta"),
        "names the holder: {err}"
    );
    let all = s.schedules().unwrap();
    assert_eq!(
        all.iter().map(|s| s.market.as_str()).collect::<Vec<_>>(),
        ["alpha", "beta"]
    );
    assert!(s.set_schedule_paused(&a, true).unwrap());
    assert!(s.schedule(&a).unwrap().unwrap().paused);
    assert!(s.set_schedule_paused(&a, false).unwrap());
    s.schedule_done(&a, 500, 2, Some(400), None).unwrap();
    let got = s.schedule(&a).unwrap().unwrap();
    assert_eq!(
        (got.paused, got.next_at, got.failures, got.backoff_until),
        (false, 500, 2, Some(400))
    );
    assert_eq!(
        s.market_state_changed(&a).unwrap().map(|(st, _)| st),
        Some("ok".to_string())
    );
    assert!(s.remove_schedule(&a).unwrap());
    assert!(!s.remove_schedule(&a).unwrap());
    assert!(!s.set_schedule_paused(&a, true).unwrap());
    assert_eq!(s.schedules().unwrap().len(), 1);
}

fn watches_and_alerts_are_recorded_once_and_delivery_moves(s: &dyn OpsStore) {
    // Guards watches and the alert queue on both backends: a watch twice is refused, listings to
    // alert on are found by query, an alert key is recorded once, and delivery state moves.
    let id = s.add_watch("vendor", "gunsmith").unwrap();
    let err = s.add_watch("vendor", "gunsmith").unwrap_err();
    assert!(err.to_string().contains("already watched"), "{err}");
    assert_eq!(s.watches().unwrap().len(), 1);
    assert!(s.add_watch("nonsense", "x").is_err());
    let t = s.watches().unwrap()[0].scanned_until;
    s.set_watch_scanned(id, t + 50).unwrap();
    s.set_watch_scanned(id, t + 10).unwrap();
    let scanned = s.watches().unwrap()[0].scanned_until;
    assert_eq!(scanned, t + 50, "never moves back");

    let m = MarketId("m".into());
    let run = s
        .begin_run(
            &m,
            "direct",
            "{}",
            &[FrontierEntry::start("http://m.onion/")],
        )
        .unwrap();
    let listing = Listing {
        url: "http://m.onion/l/1".into(),
        title: "Glock 19".into(),
        vendor: Some("gunsmith".into()),
        ..Listing::default()
    };
    let outcome = PageOutcome {
        page: FetchedPage {
            requested_url: "http://m.onion/".into(),
            final_url: "http://m.onion/".into(),
            fetched_at: 1,
            http_status: 200,
            content_type: Some("text/html".into()),
            body: b"<html></html>".to_vec(),
            transport: "direct".into(),
            kind: PageKind::Listing,
            served_by: "http://m.onion".into(),
        },
        listings: vec![listing],
        new_entries: Vec::new(),
        refusals: Vec::new(),
        frontier: None,
    };
    let (_, w) = s.record_page(run, &m, &outcome, &mut no_entities).unwrap();
    let lid = w.to_classify[0];
    s.save_verdicts(&[(lid, verdict("v1", &[0.9, 0.0, 0.0, 0.0]))])
        .unwrap();
    let flagged = s.alert_listings(AlertQuery::NewlyFlagged).unwrap();
    assert_eq!(flagged.len(), 1);
    assert!(flagged[0].flagged && flagged[0].vendor.as_deref() == Some("gunsmith"));
    assert_eq!(
        s.alert_listings(AlertQuery::ScoreAtLeast(0.8))
            .unwrap()
            .len(),
        1
    );
    assert!(s
        .alert_listings(AlertQuery::ScoreAtLeast(0.95))
        .unwrap()
        .is_empty());
    assert_eq!(
        s.alert_listings(AlertQuery::VersionSince(0)).unwrap().len(),
        1
    );
    assert!(s
        .alert_listings(AlertQuery::VersionSince(i64::MAX / 2))
        .unwrap()
        .is_empty());

    let a = NewAlert {
        dedup_key: format!("flagged:{lid}"),
        kind: "flagged".into(),
        listing_id: Some(lid),
        watch_id: None,
        payload_json: "{}".into(),
    };
    assert_eq!(s.insert_alerts(std::slice::from_ref(&a)).unwrap(), 1);
    assert_eq!(s.insert_alerts(&[a]).unwrap(), 0);
    assert!(s
        .alert_listings(AlertQuery::NewlyFlagged)
        .unwrap()
        .is_empty());
    let far = i64::MAX / 4;
    let due = s.due_alerts(far, 10).unwrap();
    assert_eq!(due.len(), 1);
    s.alert_file_written(due[0].id).unwrap();
    s.alert_attempt(due[0].id, Some("exit 1"), Some(far + 100))
        .unwrap();
    assert!(s.due_alerts(far, 10).unwrap().is_empty());
    let retried = s.due_alerts(far + 200, 10).unwrap();
    assert_eq!(retried[0].attempts, 1);
    assert!(retried[0].file_written_at.is_some());
    s.alert_attempt(due[0].id, None, None).unwrap();
    assert!(s.due_alerts(far + 200, 10).unwrap().is_empty(), "delivered");
    assert_eq!(s.alert_counts().unwrap(), vec![("delivered".into(), 1)]);
    assert_eq!(s.recent_alerts(5).unwrap()[0].state, "delivered");
    assert!(s.remove_watch(id).unwrap());
    assert!(!s.remove_watch(id).unwrap());
}

fn a_paused_schedule_stays_paused_through_done_and_goes_with_remove(s: &dyn OpsStore) {
    // Guards the schedule's life cycle as the daemon and `schedule` see it: recording a crawl's
    // end keeps a pause, and a removed schedule can be neither removed nor paused again.
    let m = MarketId::slug("alpha");
    s.add_schedule(&new_schedule("alpha", "/p/alpha.toml"))
        .unwrap();
    assert!(s.set_schedule_paused(&m, true).unwrap());
    s.schedule_done(&m, 500, 2, Some(450), None).unwrap();
    let got = s.schedule(&m).unwrap().unwrap();
    assert!(got.paused);
    assert_eq!(
        (got.next_at, got.failures, got.backoff_until),
        (500, 2, Some(450))
    );
    assert!(s.remove_schedule(&m).unwrap());
    assert!(!s.remove_schedule(&m).unwrap());
    assert!(!s.set_schedule_paused(&m, false).unwrap());
}

on_both_backends!(
    schedules_are_added_refused_twice_paused_done_and_removed,
    a_paused_schedule_stays_paused_through_done_and_goes_with_remove,
    watches_and_alerts_are_recorded_once_and_delivery_moves,
);

#[test]
fn a_role_is_held_by_one_live_worker_and_passes_on_when_its_lease_expires() {
    // Guards the fleet's roles: a second worker cannot take a live role, the holder renews it, a
    // lapsed one is taken over, and a worker's release gives back its roles and leases.
    let Some(cluster) = pg::PgCluster::get() else {
        return;
    };
    let s = armswatch_store::PgStore::connect_with(&cluster.fresh_db("roles"), 2).unwrap();
    let short = Duration::from_millis(300);
    assert!(s.claim_role("schedule:a", "w1", short).unwrap());
    assert!(!s.claim_role("schedule:a", "w2", short).unwrap());
    assert!(s.claim_role("schedule:a", "w1", short).unwrap(), "renewed");
    assert_eq!(s.role_holders().unwrap()[0].worker, "w1");
    std::thread::sleep(Duration::from_millis(400));
    assert!(s.role_holders().unwrap().is_empty(), "lapsed");
    assert!(
        s.claim_role("schedule:a", "w2", short).unwrap(),
        "taken over"
    );
    assert!(!s.release_role("schedule:a", "w1").unwrap());
    assert!(s
        .claim_role("alerts", "w2", Duration::from_secs(30))
        .unwrap());
    let m = MarketId("m".into());
    s.begin_run(
        &m,
        "direct",
        "{}",
        &[FrontierEntry::start("http://m.onion/")],
    )
    .unwrap();
    let politeness = armswatch_store::Politeness {
        concurrency: 1,
        delay_ms: 0,
    };
    let claim = s
        .claim(&m, "w2", Duration::from_secs(30), politeness)
        .unwrap();
    assert!(matches!(claim, armswatch_store::Claim::Granted { .. }));
    assert_eq!(s.release_worker("w2").unwrap(), 1);
    assert!(s.role_holders().unwrap().is_empty());
    assert!(s.leases(&m).unwrap().is_empty());
}
