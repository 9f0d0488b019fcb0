//! The shared frontier with leases, against a real PostgreSQL cluster (`tests/common/pg.rs`): workers
//! are threads with stores (pools) of their own, as processes on other machines would be.

#[path = "../../tests/common/pg.rs"]
mod pg;
mod support;

use armswatch_core::crawl::{
    FetchedPage, FrontierEntry, FrontierState, FrontierUpdate, PageKind, PageOutcome,
};
use armswatch_core::{Label, Listing, Verdict};
use armswatch_store::{Claim, PgStore, Politeness, StoreError, WrittenListing};
use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use support::{market, no_entities};

const LEASE: Duration = Duration::from_secs(30);
const LEASE_MS: i64 = 30_000;

fn unlimited() -> Politeness {
    Politeness {
        concurrency: 1000,
        delay_ms: 0,
    }
}

/// A database with a run of market `demo` whose frontier holds `n` URLs; returns its URL and run.
fn seeded(test: &str, n: usize) -> Option<(String, i64)> {
    let cluster = pg::PgCluster::get()?;
    let url = cluster.fresh_db(test);
    let s = PgStore::connect_with(&url, 1).unwrap();
    let seeds: Vec<FrontierEntry> = (0..n)
        .map(|i| FrontierEntry::start(format!("http://demo.onion/item/{i}")))
        .collect();
    let run = s.begin_run(&market(), "direct", "{}", &seeds).unwrap();
    Some((url, run))
}

/// The page a worker fetched for `url`: one listing, the URL done.
fn fetched(url: &str) -> PageOutcome {
    PageOutcome {
        page: FetchedPage {
            requested_url: url.into(),
            final_url: url.into(),
            fetched_at: 1_700_000_000,
            http_status: 200,
            content_type: Some("text/html".into()),
            body: format!("<h1>{url}</h1>").into_bytes(),
            transport: "direct".into(),
            kind: PageKind::Listing,
            served_by: "http://demo.onion".into(),
        },
        listings: vec![Listing {
            url: url.into(),
            title: format!("Glock 19 at {url}"),
            ..Listing::default()
        }],
        new_entries: Vec::new(),
        refusals: Vec::new(),
        frontier: Some(FrontierUpdate {
            url: url.into(),
            state: FrontierState::Done,
            attempts: 1,
            error: None,
            failure: None,
        }),
    }
}

fn judge(written: &[WrittenListing<'_>]) -> Vec<(i64, Verdict)> {
    written
        .iter()
        .map(|w| {
            let scores: BTreeMap<Label, f32> = [(Label::Firearm, 0.9)].into_iter().collect();
            let v = Verdict {
                model_id: "test".into(),
                model_version: "t1".into(),
                scores,
                labels: vec![Label::Firearm],
                explain: Default::default(),
            };
            (w.id, v)
        })
        .collect()
}

/// One worker's loop: claim, "fetch" for `fetch`, record; until the frontier is exhausted. Counts
/// the fetches in flight across workers and logs each start.
#[allow(clippy::too_many_arguments)]
fn work(
    url: &str,
    run: i64,
    name: &str,
    politeness: Politeness,
    fetch: Duration,
    in_flight: &AtomicUsize,
    max_in_flight: &AtomicUsize,
    log: &Mutex<Vec<(String, String, i64)>>,
) {
    let s = PgStore::connect_with(url, 1).unwrap();
    loop {
        match s.claim(&market(), name, LEASE, politeness).unwrap() {
            Claim::Granted {
                entry,
                lease_until_ms,
            } => {
                let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                max_in_flight.fetch_max(now, Ordering::SeqCst);
                log.lock().unwrap().push((
                    entry.url.clone(),
                    name.to_string(),
                    lease_until_ms - LEASE_MS,
                ));
                std::thread::sleep(fetch);
                in_flight.fetch_sub(1, Ordering::SeqCst);
                s.record_claimed_page(
                    run,
                    &market(),
                    name,
                    &entry.url,
                    &fetched(&entry.url),
                    no_entities,
                    judge,
                )
                .unwrap();
            }
            Claim::Wait(d) => std::thread::sleep(d.min(Duration::from_millis(50))),
            Claim::Busy => std::thread::sleep(Duration::from_millis(10)),
            Claim::Exhausted => return,
        }
    }
}

/// Runs `workers` workers over the database; returns the (url, worker, start) log and the most
/// fetches seen in flight at once.
fn fleet(
    url: &str,
    run: i64,
    workers: usize,
    politeness: Politeness,
    fetch: Duration,
) -> (Vec<(String, String, i64)>, usize) {
    let in_flight = Arc::new(AtomicUsize::new(0));
    let max = Arc::new(AtomicUsize::new(0));
    let log = Arc::new(Mutex::new(Vec::new()));
    let handles: Vec<_> = (0..workers)
        .map(|i| {
            let (url, in_flight, max, log) =
                (url.to_string(), in_flight.clone(), max.clone(), log.clone());
            std::thread::spawn(move || {
                work(
                    &url,
                    run,
                    &format!("w{i}"),
                    politeness,
                    fetch,
                    &in_flight,
                    &max,
                    &log,
                )
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let log = log.lock().unwrap().clone();
    (log, max.load(Ordering::SeqCst))
}

#[test]
fn four_workers_take_every_url_once() {
    // Guards: concurrent claims never hand one URL to two workers; every page, listing and verdict
    // is stored once, and the run's counts add up.
    let Some((url, run)) = seeded("every_url_once", 120) else {
        return;
    };
    let (log, _) = fleet(&url, run, 4, unlimited(), Duration::ZERO);
    let urls: Vec<&String> = log.iter().map(|(u, _, _)| u).collect();
    let distinct: HashSet<&&String> = urls.iter().collect();
    assert_eq!(urls.len(), 120, "every URL claimed");
    assert_eq!(distinct.len(), 120, "no URL claimed twice");
    let workers: HashSet<&String> = log.iter().map(|(_, w, _)| w).collect();
    assert!(workers.len() > 1, "the work was shared: {workers:?}");
    let s = PgStore::connect(&url).unwrap();
    let counts = s.run(run).unwrap().unwrap().counts;
    assert_eq!((counts.pages_fetched, counts.listings_new), (120, 120));
    assert!(s.listings_needing_verdict("t1", 10).unwrap().is_empty());
    assert_eq!(
        s.frontier_counts(&market()).unwrap().get("done"),
        Some(&120)
    );
    assert!(s.leases(&market()).unwrap().is_empty());
}

#[test]
fn concurrency_holds_across_workers() {
    // Guards: a market's concurrency limit counts every worker's requests, not each worker's.
    let Some((url, run)) = seeded("concurrency", 24) else {
        return;
    };
    let politeness = Politeness {
        concurrency: 2,
        delay_ms: 0,
    };
    let (log, max) = fleet(&url, run, 5, politeness, Duration::from_millis(40));
    assert_eq!(log.len(), 24);
    assert!(max <= 2, "{max} requests in flight at once");
    assert_eq!(max, 2, "the limit was reached, not just respected");
}

#[test]
fn delay_holds_across_workers() {
    // Guards: a market's delay separates the starts of requests from different workers.
    let Some((url, run)) = seeded("delay", 8) else {
        return;
    };
    let politeness = Politeness {
        concurrency: 8,
        delay_ms: 150,
    };
    let (mut log, _) = fleet(&url, run, 4, politeness, Duration::ZERO);
    log.sort_by_key(|(_, _, t)| *t);
    for pair in log.windows(2) {
        // Claim times on the server's clock (the lease's expiry less its length): the clock the
        // delay is enforced on, whatever the workers' scheduling.
        let gap = pair[1].2 - pair[0].2;
        assert!(gap >= 150, "two starts {gap} ms apart");
    }
}

#[test]
fn a_dead_workers_lease_expires_and_its_page_is_not_duplicated() {
    // Guards: a worker that stops (killed, stalled) loses its URL to another worker once its lease
    // expires, and then cannot store its own copy; the reaper clears expired leases.
    let Some((url, run)) = seeded("lease_expiry", 1) else {
        return;
    };
    let a = PgStore::connect_with(&url, 1).unwrap();
    let b = PgStore::connect_with(&url, 1).unwrap();
    let m = market();
    let short = Duration::from_millis(300);
    let Claim::Granted { entry, .. } = a.claim(&m, "a", short, unlimited()).unwrap() else {
        panic!("a gets the URL")
    };
    assert_eq!(b.claim(&m, "b", short, unlimited()).unwrap(), Claim::Busy);
    assert_eq!(a.leases(&m).unwrap().len(), 1);
    std::thread::sleep(Duration::from_millis(400));
    assert_eq!(a.reap_expired_leases().unwrap(), vec![("a".to_string(), 1)]);
    assert!(a.reap_expired_leases().unwrap().is_empty(), "reaped once");
    let Claim::Granted { entry: again, .. } = b.claim(&m, "b", LEASE, unlimited()).unwrap() else {
        panic!("b takes over the expired URL")
    };
    assert_eq!(again.url, entry.url);
    let lost = a.record_claimed_page(
        run,
        &m,
        "a",
        &entry.url,
        &fetched(&entry.url),
        no_entities,
        judge,
    );
    assert!(
        matches!(lost, Err(StoreError::LeaseLost { .. })),
        "{lost:?}"
    );
    b.record_claimed_page(
        run,
        &m,
        "b",
        &again.url,
        &fetched(&again.url),
        no_entities,
        judge,
    )
    .unwrap();
    assert_eq!(b.run(run).unwrap().unwrap().counts.pages_fetched, 1);
    assert_eq!(
        b.claim(&m, "b", LEASE, unlimited()).unwrap(),
        Claim::Exhausted
    );
    assert!(!a.renew_lease(&m, "a", &entry.url, LEASE).unwrap());
}

#[test]
fn a_worker_dying_mid_write_leaves_nothing_half_stored() {
    // Guards: page, listings, verdicts and the frontier update are one transaction: a worker that
    // dies while writing (here: panics in the verdict step) stores none of them, and the URL is
    // claimed again.
    let Some((url, run)) = seeded("mid_write", 1) else {
        return;
    };
    let s = PgStore::connect_with(&url, 1).unwrap();
    let m = market();
    let Claim::Granted { entry, .. } = s.claim(&m, "w", LEASE, unlimited()).unwrap() else {
        panic!("a claim")
    };
    let died = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        s.record_claimed_page(
            run,
            &m,
            "w",
            &entry.url,
            &fetched(&entry.url),
            no_entities,
            |_: &[WrittenListing<'_>]| -> Vec<(i64, Verdict)> { panic!("killed mid-write") },
        )
    }));
    assert!(died.is_err());
    let r = s.run(run).unwrap().unwrap();
    assert_eq!(r.counts.pages_fetched, 0);
    assert!(s.listings_needing_verdict("t1", 10).unwrap().is_empty());
    assert!(s.page(1).unwrap().is_none());
    assert!(s.release_lease(&m, "w", &entry.url).unwrap());
    let Claim::Granted { entry: again, .. } = s.claim(&m, "w2", LEASE, unlimited()).unwrap() else {
        panic!("the URL is claimable again")
    };
    assert_eq!(again.url, entry.url);
    s.record_claimed_page(
        run,
        &m,
        "w2",
        &again.url,
        &fetched(&again.url),
        no_entities,
        judge,
    )
    .unwrap();
    assert_eq!(s.run(run).unwrap().unwrap().counts.pages_fetched, 1);
}
