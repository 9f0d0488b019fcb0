//! The engine on a shared frontier ([`crawl_shared`]): workers claiming from one in-memory frontier
//! with leases, on tokio's paused clock.

use super::*;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Leases over one [`MemorySink`] shared by several workers; the market's concurrency is the
/// number of leases held by all of them.
struct Leases {
    sink: Arc<MemorySink>,
    held: Mutex<HashMap<String, &'static str>>,
    concurrency: usize,
    most_held: AtomicUsize,
}

/// One worker's view of [`Leases`].
struct Worker {
    leases: Arc<Leases>,
    name: &'static str,
    /// URLs whose lease this worker loses to another worker before it records them (the other
    /// worker stores the page).
    lose: Vec<String>,
    renewals: AtomicUsize,
}

impl Worker {
    fn new(leases: &Arc<Leases>, name: &'static str, lose: &[&str]) -> Arc<Worker> {
        Arc::new(Worker {
            leases: leases.clone(),
            name,
            lose: lose.iter().map(|p| url(p)).collect(),
            renewals: AtomicUsize::new(0),
        })
    }
}

impl CrawlSink for Worker {
    fn frontier_contains(&self, url: &str) -> Result<bool, SinkError> {
        self.leases.sink.frontier_contains(url)
    }
    fn frontier_pending(&self, limit: usize) -> Result<Vec<FrontierEntry>, SinkError> {
        self.leases.sink.frontier_pending(limit)
    }
    fn record_page(
        &self,
        o: &PageOutcome,
    ) -> Result<(i64, armswatch_core::crawl::ListingWrite), SinkError> {
        self.leases.sink.record_page(o)
    }
    fn record_failure(&self, u: &FrontierUpdate) -> Result<(), SinkError> {
        self.leases.sink.record_failure(u)
    }
    fn set_market_state(
        &self,
        state: MarketState,
        reason: &str,
        page_id: Option<i64>,
    ) -> Result<(), SinkError> {
        self.leases.sink.set_market_state(state, reason, page_id)
    }
}

impl SharedFrontier for Worker {
    fn claim(&self) -> Result<Claimed, SinkError> {
        let mut held = self.leases.held.lock().unwrap();
        let free: Vec<FrontierEntry> = self
            .leases
            .sink
            .frontier_pending(1000)?
            .into_iter()
            .filter(|e| !held.contains_key(&e.url))
            .collect();
        let Some(entry) = free.into_iter().next() else {
            return Ok(if held.is_empty() {
                Claimed::Exhausted
            } else {
                Claimed::Busy
            });
        };
        if held.len() >= self.leases.concurrency {
            return Ok(Claimed::Wait(Duration::from_millis(10)));
        }
        held.insert(entry.url.clone(), self.name);
        self.leases
            .most_held
            .fetch_max(held.len(), Ordering::SeqCst);
        Ok(Claimed::Granted(entry))
    }
    fn lease(&self) -> Duration {
        Duration::from_secs(3)
    }
    fn renew(&self, _url: &str) -> Result<bool, SinkError> {
        self.renewals.fetch_add(1, Ordering::SeqCst);
        Ok(true)
    }
    fn release(&self, url: &str) -> Result<(), SinkError> {
        self.leases.held.lock().unwrap().remove(url);
        Ok(())
    }
    fn record_claimed_page(
        &self,
        claimed_url: &str,
        o: &PageOutcome,
    ) -> Result<Option<(i64, armswatch_core::crawl::ListingWrite)>, SinkError> {
        let r = self.leases.sink.record_page(o)?;
        self.leases.held.lock().unwrap().remove(claimed_url);
        Ok((!self.lose.iter().any(|u| u == claimed_url)).then_some(r))
    }
    fn record_claimed_failure(&self, u: &FrontierUpdate) -> Result<bool, SinkError> {
        self.leases.sink.record_failure(u)?;
        self.leases.held.lock().unwrap().remove(&u.url);
        Ok(!self.lose.contains(&u.url))
    }
}

/// The script answering after half a second, like a market over Tor.
struct Slow(Arc<Script>);

impl Transport for Slow {
    fn name(&self) -> String {
        "slow".into()
    }
    fn is_tor(&self) -> bool {
        false
    }
    fn fetch<'a>(
        &'a self,
        req: &'a FetchRequest,
    ) -> BoxFuture<'a, Result<FetchResponse, FetchError>> {
        Box::pin(async move {
            tokio::time::sleep(Duration::from_millis(500)).await;
            self.0.fetch(req).await
        })
    }
}

fn market(listings: usize, concurrency: usize) -> (Arc<Script>, Arc<Leases>, Arc<Links>) {
    let paths: Vec<String> = (1..=listings).map(|i| format!("/l/{i}")).collect();
    let mut routes: Vec<(&str, &[Answer])> = vec![("/", &[Answer::Html(PAGE)])];
    for p in &paths {
        routes.push((p.as_str(), &[Answer::Html(PAGE)]));
    }
    let script = Script::new(&routes);
    let leases = Arc::new(Leases {
        sink: Arc::new(MemorySink::new([FrontierEntry::start(url("/"))])),
        held: Mutex::new(HashMap::new()),
        concurrency,
        most_held: AtomicUsize::new(0),
    });
    let links = Arc::new(Links {
        listing: paths.iter().map(|p| url(p)).collect(),
        pagination: Vec::new(),
        other: Vec::new(),
    });
    (script, leases, links)
}

async fn crawl_as(
    script: &Arc<Script>,
    worker: Arc<Worker>,
    links: &Arc<Links>,
    s: CrawlSettings,
) -> CrawlSummary {
    let start = Url::parse(&url("/")).unwrap();
    let policy = Arc::new(HostPolicy::new([&start], [], false));
    let slow = Arc::new(Slow(script.clone()));
    crawl_shared(slow, policy, worker, s, links.clone(), None)
        .await
        .unwrap()
}

#[tokio::test(start_paused = true)]
async fn two_workers_share_one_frontier_each_url_fetched_once_within_the_concurrency() {
    // Guards the shared mode: work comes from claims, both workers take part, no URL is fetched
    // twice, the fleet's concurrency holds, and both stop once the frontier is exhausted.
    // The fleet allows 2 requests at once, each worker 1 of its own: both must take part.
    let (script, leases, links) = market(12, 2);
    let s = CrawlSettings {
        concurrency: 1,
        ..base_settings()
    };
    let (a, b) = tokio::join!(
        crawl_as(&script, Worker::new(&leases, "a", &[]), &links, s.clone()),
        crawl_as(&script, Worker::new(&leases, "b", &[]), &links, s),
    );
    assert_eq!(script.total_calls(), 13, "each URL once");
    assert_eq!(a.pages_fetched + b.pages_fetched, 13);
    assert!(a.pages_fetched > 0 && b.pages_fetched > 0, "{a:?} {b:?}");
    assert_eq!(leases.most_held.load(Ordering::SeqCst), 2);
    assert!(leases
        .sink
        .frontier()
        .iter()
        .all(|e| e.state == FrontierState::Done));
}

#[tokio::test(start_paused = true)]
async fn a_page_whose_lease_was_lost_is_dropped_and_the_crawl_goes_on() {
    // Guards LeaseLost: the page is not counted (another worker's fetch counts), the crawl does
    // not fail, and the rest of the frontier is crawled.
    let (script, leases, links) = market(3, 1);
    let w = Worker::new(&leases, "a", &["/l/2"]);
    let summary = crawl_as(&script, w, &links, base_settings()).await;
    assert_eq!(summary.leases_lost, 1);
    assert_eq!(summary.pages_fetched, 3);
    assert_eq!(leases.sink.pages().len(), 4, "the other worker stored /l/2");
}

#[tokio::test(start_paused = true)]
async fn a_long_fetch_renews_its_lease() {
    // Guards renewal: a fetch that outlasts the lease (3 s) renews it every second or so.
    let script = Script::new(&[("/", &[Answer::Timeout])]);
    let leases = Arc::new(Leases {
        sink: Arc::new(MemorySink::new([FrontierEntry::start(url("/"))])),
        held: Mutex::new(HashMap::new()),
        concurrency: 1,
        most_held: AtomicUsize::new(0),
    });
    let w = Worker::new(&leases, "a", &[]);
    let s = CrawlSettings {
        max_attempts: 1,
        timeout_secs: 10,
        ..base_settings()
    };
    let links = Arc::new(Links {
        listing: Vec::new(),
        pagination: Vec::new(),
        other: Vec::new(),
    });
    let summary = crawl_as(&script, w.clone(), &links, s).await;
    assert_eq!(summary.pages_failed, 1);
    let n = w.renewals.load(Ordering::SeqCst);
    assert!((9..=10).contains(&n), "{n} renewals in 10 s");
}
