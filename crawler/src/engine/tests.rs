//! Engine tests over a scripted transport and the in-memory sink: no sockets, tokio's clock paused,
//! so retries, Retry-After waits and timeouts run in milliseconds.

use super::*;

/// Settings for tests: no delays, one try.
pub(super) fn settings(max_depth: u32, max_pagination_depth: u32) -> CrawlSettings {
    CrawlSettings {
        isolation: "m".into(),
        profile: None,
        concurrency: 1,
        delay_ms: 0,
        timeout_secs: 1,
        max_attempts: 1,
        max_page_bytes: 1,
        max_pages: 1,
        max_links_per_page: 100,
        max_pages_per_pattern: 100,
        max_depth,
        max_pagination_depth,
        backoff_base_ms: 0,
        headers: Vec::new(),
        addresses: Vec::new(),
    }
}

use crate::transport::{FetchError, FetchRequest, FetchResponse};
use futures_util::future::BoxFuture;
use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;
use tokio::time::Instant;

const BASE: &str = "http://m.test";

/// One scripted answer.
#[derive(Debug, Clone)]
enum Answer {
    Html(&'static str),
    Status(u16, Option<&'static str>),
    Redirect(&'static str),
    Timeout,
    Panic,
}

/// A transport answering from a script: per path, answers in order, the last one repeated.
#[derive(Default)]
struct Script {
    routes: Mutex<std::collections::HashMap<String, VecDeque<Answer>>>,
    calls: Mutex<Vec<(String, Instant)>>,
}

impl Script {
    fn new(routes: &[(&str, &[Answer])]) -> Arc<Script> {
        let s = Script::default();
        for (path, answers) in routes {
            s.routes
                .lock()
                .unwrap()
                .insert(path.to_string(), answers.iter().cloned().collect());
        }
        Arc::new(s)
    }

    fn calls(&self, path: &str) -> Vec<Instant> {
        self.calls
            .lock()
            .unwrap()
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, t)| *t)
            .collect()
    }

    fn total_calls(&self) -> usize {
        self.calls.lock().unwrap().len()
    }
}

impl Transport for Script {
    fn name(&self) -> String {
        "script".into()
    }

    fn is_tor(&self) -> bool {
        false
    }

    fn fetch<'a>(
        &'a self,
        req: &'a FetchRequest,
    ) -> BoxFuture<'a, Result<FetchResponse, FetchError>> {
        Box::pin(async move {
            let path = req.url.path().to_string();
            self.calls
                .lock()
                .unwrap()
                .push((path.clone(), Instant::now()));
            let answer = {
                let mut routes = self.routes.lock().unwrap();
                match routes.get_mut(&path) {
                    Some(q) if q.len() > 1 => q.pop_front(),
                    Some(q) => q.front().cloned(),
                    None => None,
                }
            };
            let resp = |status, body: &str, location: Option<&str>, retry: Option<&str>| {
                Ok(FetchResponse {
                    status,
                    content_type: Some("text/html; charset=utf-8".into()),
                    location: location.map(str::to_string),
                    retry_after: retry.map(str::to_string),
                    body: body.as_bytes().to_vec(),
                    circuit: None,
                })
            };
            match answer {
                None => resp(404, "not found", None, None),
                Some(Answer::Html(h)) => resp(200, h, None, None),
                Some(Answer::Status(s, retry)) => resp(s, "busy", None, retry),
                Some(Answer::Redirect(to)) => resp(302, "", Some(to), None),
                Some(Answer::Timeout) => {
                    tokio::time::sleep(Duration::from_secs(req.timeout_secs)).await;
                    Err(FetchError::Timeout {
                        url: req.url.to_string(),
                        secs: req.timeout_secs,
                    })
                }
                Some(Answer::Panic) => panic!("transport bug on {path}"),
            }
        })
    }
}

fn base_settings() -> CrawlSettings {
    CrawlSettings {
        max_attempts: 3,
        max_page_bytes: 1 << 20,
        max_pages: 1000,
        timeout_secs: 10,
        backoff_base_ms: 1000,
        ..settings(50, 1000)
    }
}

fn url(path: &str) -> String {
    format!("{BASE}{path}")
}

/// Crawls from `/` with the generic extractor; returns the summary and the sink.
async fn run(script: Arc<Script>, s: CrawlSettings) -> (CrawlSummary, Arc<MemorySink>) {
    run_with(script, s, Arc::new(Extractor::new(None).unwrap())).await
}

async fn run_with(
    script: Arc<Script>,
    s: CrawlSettings,
    parser: Arc<dyn PageParser>,
) -> (CrawlSummary, Arc<MemorySink>) {
    let start = Url::parse(&url("/")).unwrap();
    let policy = Arc::new(HostPolicy::new([&start], [], false));
    let sink = Arc::new(MemorySink::new([FrontierEntry::start(url("/"))]));
    let summary = crawl_with(script, policy, sink.clone(), s, parser)
        .await
        .unwrap();
    (summary, sink)
}

fn state(sink: &MemorySink, path: &str) -> (FrontierState, Option<String>) {
    let e = sink.entry(&url(path)).expect("in the frontier");
    (e.state, e.error)
}

const PAGE: &str =
    "<html><body><h1>Market</h1><p>Welcome to the market, browse the categories.</p></body></html>";

/// A parser that returns fixed links for `/` and panics on any URL containing `boom`.
struct Links {
    listing: Vec<String>,
    pagination: Vec<String>,
    other: Vec<String>,
}

impl PageParser for Links {
    fn parse(&self, _html: &str, url: &Url, _kind: PageKind) -> PageExtract {
        assert!(!url.path().contains("boom"), "parser bug on {url}");
        if url.path() != "/" {
            return PageExtract::default();
        }
        let urls = |v: &[String]| v.iter().map(|u| Url::parse(u).unwrap()).collect();
        PageExtract {
            listing_links: urls(&self.listing),
            pagination_links: urls(&self.pagination),
            other_links: urls(&self.other),
            ..PageExtract::default()
        }
    }
}

#[tokio::test(start_paused = true)]
async fn a_429_with_retry_after_is_waited_out_then_the_page_is_stored() {
    // Guards Retry-After: the market's wait is honoured (30 s on the paused clock), then the page
    // is fetched and stored once.
    let script = Script::new(&[("/", &[Answer::Status(429, Some("30")), Answer::Html(PAGE)])]);
    let (summary, sink) = run(script.clone(), base_settings()).await;
    let calls = script.calls("/");
    assert_eq!(calls.len(), 2);
    assert!(
        calls[1] - calls[0] >= Duration::from_secs(30),
        "{:?}",
        calls[1] - calls[0]
    );
    assert_eq!((summary.pages_ok, summary.pages_failed), (1, 0));
    assert_eq!(state(&sink, "/").0, FrontierState::Done);
    assert_eq!(sink.pages().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_market_answering_only_503_is_marked_down_with_the_evidence() {
    // Guards hole 4: retries spent, the 503 page is stored, the URL failed, the market down with
    // the error and the page as evidence.
    let script = Script::new(&[("/", &[Answer::Status(503, None)])]);
    let (summary, sink) = run(script.clone(), base_settings()).await;
    assert_eq!(script.calls("/").len(), 3);
    assert_eq!(summary.pages_ok, 0);
    let (st, err) = state(&sink, "/");
    assert_eq!(
        (st, err.as_deref()),
        (FrontierState::Failed, Some("HTTP 503"))
    );
    let states = sink.market_states();
    let (last, reason, page) = states.last().unwrap();
    assert_eq!(*last, MarketState::Down);
    assert!(reason.contains("HTTP 503"), "{reason}");
    assert_eq!(*page, Some(1));
    assert!(summary.down.is_some());
}

#[tokio::test(start_paused = true)]
async fn timeouts_are_retried_then_the_url_fails_and_the_market_is_down() {
    // Guards timeouts: retried with backoff up to max_attempts, then failed with the count.
    let script = Script::new(&[("/", &[Answer::Timeout])]);
    let real = std::time::Instant::now();
    let (summary, sink) = run(script.clone(), base_settings()).await;
    assert_eq!(script.calls("/").len(), 3);
    let (st, err) = state(&sink, "/");
    assert_eq!(st, FrontierState::Failed);
    let err = err.unwrap();
    assert!(
        err.contains("timed out") && err.contains("after 3 attempts"),
        "{err}"
    );
    assert!(summary.down.is_some());
    assert!(
        real.elapsed() < Duration::from_secs(5),
        "the clock is paused"
    );
}

#[tokio::test(start_paused = true)]
async fn a_5xx_then_success_is_retried_after_a_backoff() {
    // Guards the retry schedule: a 502 is retried after a backoff, not immediately.
    let script = Script::new(&[("/", &[Answer::Status(502, None), Answer::Html(PAGE)])]);
    let (summary, _) = run(script.clone(), base_settings()).await;
    let calls = script.calls("/");
    assert!(calls[1] - calls[0] >= Duration::from_millis(500));
    assert_eq!(summary.pages_ok, 1);
}

#[tokio::test(start_paused = true)]
async fn redirect_loops_are_capped_and_other_ports_refused() {
    // Guards redirects: a loop fails after MAX_REDIRECTS; a redirect to another port of the same
    // host is refused (hole 2) and the redirect answer kept as the page.
    let links = Links {
        listing: vec![url("/loop"), url("/off")],
        pagination: vec![],
        other: vec![],
    };
    let script = Script::new(&[
        ("/", &[Answer::Html(PAGE)]),
        ("/loop", &[Answer::Redirect("/loop2")]),
        ("/loop2", &[Answer::Redirect("/loop")]),
        ("/off", &[Answer::Redirect("http://m.test:8081/x")]),
    ]);
    let (_, sink) = run_with(script.clone(), base_settings(), Arc::new(links)).await;
    let (st, err) = state(&sink, "/loop");
    assert_eq!(st, FrontierState::Failed);
    assert!(err.unwrap().contains("more than 5 redirects"));
    assert_eq!(
        script.calls("/loop").len() + script.calls("/loop2").len(),
        6
    );
    assert_eq!(state(&sink, "/off").0, FrontierState::Done);
    let refused = sink.refusals();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].0, "http://m.test:8081/x");
    assert!(sink.pages().iter().all(|p| !p.final_url.contains(":8081")));
}

#[tokio::test(start_paused = true)]
async fn a_meta_refresh_chain_counts_as_redirects() {
    // Guards hole 1: a page refreshing to a new URL each time stops after MAX_REDIRECTS hops, the
    // last page marked failed with the reason, instead of crawling forever.
    let pages: Vec<String> = (0..20)
        .map(|i| {
            format!(
                "<html><head><meta http-equiv=refresh content='0; url=/{}'></head><body><p>Redirecting you to the market now.</p></body></html>",
                "a".repeat(i + 1)
            )
        })
        .collect();
    // Page i is served at `/` followed by i letters a, and refreshes to i + 1 letters.
    let routes: Vec<(String, Vec<Answer>)> = pages
        .into_iter()
        .enumerate()
        .map(|(i, p)| (format!("/{}", "a".repeat(i)), vec![Answer::Html(p.leak())]))
        .collect();
    let refs: Vec<(&str, &[Answer])> = routes
        .iter()
        .map(|(p, a)| (p.as_str(), a.as_slice()))
        .collect();
    let script = Script::new(&refs);
    let (summary, sink) = run(script.clone(), base_settings()).await;
    assert_eq!(script.total_calls(), 1 + MAX_REDIRECTS as usize);
    assert_eq!(summary.redirect_limited, 1);
    let (st, err) = state(&sink, "/aaaaa");
    assert_eq!(st, FrontierState::Failed);
    assert!(err.unwrap().contains("meta refresh"));
}

#[tokio::test(start_paused = true)]
async fn a_login_wall_stops_the_crawl_and_leaves_the_url_pending() {
    // Guards walls: the page is evidence, the market needs a session, the URL is fetched again later.
    let wall = "<html><body><h1>Login</h1><form method=post><input name=user><input type=password name=pass><button>Sign in</button></form></body></html>";
    let script = Script::new(&[("/", &[Answer::Html(wall)])]);
    let (summary, sink) = run(script, base_settings()).await;
    assert!(summary.wall.is_some());
    assert!(summary.down.is_none(), "a wall is not a dead market");
    assert_eq!(state(&sink, "/").0, FrontierState::Pending);
    let states = sink.market_states();
    assert_eq!(
        states.last().map(|s| (s.0, s.2)),
        Some((MarketState::NeedsSession, Some(1)))
    );
}

#[tokio::test(start_paused = true)]
async fn a_panic_in_extraction_is_marked_and_the_crawl_goes_on() {
    // Guards hole 8: no silent panic. The page is stored, its URL failed with the panic message,
    // the other pages crawled.
    let links = Links {
        listing: vec![url("/boom"), url("/fine")],
        pagination: vec![],
        other: vec![],
    };
    let script = Script::new(&[
        ("/", &[Answer::Html(PAGE)]),
        ("/boom", &[Answer::Html(PAGE)]),
        ("/fine", &[Answer::Html(PAGE)]),
    ]);
    let (summary, sink) = run_with(script, base_settings(), Arc::new(links)).await;
    let (st, err) = state(&sink, "/boom");
    assert_eq!(st, FrontierState::Failed);
    assert!(err.unwrap().contains("extraction panicked: parser bug"));
    assert_eq!(state(&sink, "/fine").0, FrontierState::Done);
    assert_eq!(summary.panics, 1);
    assert_eq!(sink.pages().len(), 3);
}

#[tokio::test(start_paused = true)]
async fn a_panicking_fetch_task_is_marked_with_its_url() {
    // Guards hole 8 at the task level: a panic outside extraction still names the URL.
    let links = Links {
        listing: vec![url("/panic"), url("/fine")],
        pagination: vec![],
        other: vec![],
    };
    let script = Script::new(&[
        ("/", &[Answer::Html(PAGE)]),
        ("/panic", &[Answer::Panic]),
        ("/fine", &[Answer::Html(PAGE)]),
    ]);
    let (summary, sink) = run_with(script, base_settings(), Arc::new(links)).await;
    let (st, err) = state(&sink, "/panic");
    assert_eq!(st, FrontierState::Failed);
    assert!(err.unwrap().contains("transport bug on /panic"));
    assert_eq!(state(&sink, "/fine").0, FrontierState::Done);
    assert_eq!(summary.panics, 1);
}

#[tokio::test(start_paused = true)]
async fn frontier_growth_is_capped_per_page_and_refusals_recorded_once() {
    // Guards hole 9: 10,000 links on a page add at most max_links_per_page entries; off-site links
    // are recorded once each, at most 200 per page.
    let links = Links {
        listing: (0..10_000).map(|i| url(&format!("/item/{i}"))).collect(),
        pagination: vec![],
        other: (0..500)
            .map(|i| format!("http://evil{i}.example/"))
            .chain((0..500).map(|i| format!("http://evil{i}.example/")))
            .collect(),
    };
    let script = Script::new(&[("/", &[Answer::Html(PAGE)])]);
    let s = CrawlSettings {
        max_links_per_page: 100,
        max_pages: 1,
        ..base_settings()
    };
    let (summary, sink) = run_with(script, s, Arc::new(links)).await;
    assert_eq!(sink.frontier().len(), 1 + 100);
    assert_eq!(summary.links_capped, 9_900);
    assert_eq!(summary.refused, 500);
    assert_eq!(sink.refusals().len(), 200);
}

#[tokio::test(start_paused = true)]
async fn index_pages_per_url_pattern_are_capped() {
    // Guards hole 1's second half: a market generating endless index pages of one shape is cut at
    // max_pages_per_pattern per run.
    let links = Links {
        listing: vec![],
        pagination: (0..50).map(|i| url(&format!("/p/{i}"))).collect(),
        other: vec![],
    };
    let script = Script::new(&[("/", &[Answer::Html(PAGE)])]);
    let s = CrawlSettings {
        max_pages_per_pattern: 10,
        ..base_settings()
    };
    let (summary, sink) = run_with(script, s, Arc::new(links)).await;
    assert_eq!(sink.frontier().len(), 1 + 10);
    assert_eq!(summary.pattern_limited, 40);
}

#[tokio::test(start_paused = true)]
async fn one_rate_limiter_spaces_requests_whatever_the_concurrency() {
    // Guards hole 9: with 4 workers and a 1 s delay, requests still start about 1 s apart.
    let links = Links {
        listing: (0..8).map(|i| url(&format!("/item/{i}"))).collect(),
        pagination: vec![],
        other: vec![],
    };
    let script = Script::new(&[("/", &[Answer::Html(PAGE)])]);
    let s = CrawlSettings {
        concurrency: 4,
        delay_ms: 1000,
        ..base_settings()
    };
    run_with(script.clone(), s, Arc::new(links)).await;
    let mut times: Vec<Instant> = script.calls.lock().unwrap().iter().map(|c| c.1).collect();
    times.sort();
    assert_eq!(times.len(), 9);
    for w in times.windows(2) {
        assert!(
            w[1] - w[0] >= Duration::from_millis(750),
            "{:?}",
            w[1] - w[0]
        );
    }
}

#[tokio::test]
async fn zero_settings_are_refused_before_any_request() {
    // Guards hole 9: a zero timeout, page size or attempt count is an error naming it.
    for (name, s) in [
        (
            "timeout_secs",
            CrawlSettings {
                timeout_secs: 0,
                ..base_settings()
            },
        ),
        (
            "max_page_bytes",
            CrawlSettings {
                max_page_bytes: 0,
                ..base_settings()
            },
        ),
        (
            "max_attempts",
            CrawlSettings {
                max_attempts: 0,
                ..base_settings()
            },
        ),
    ] {
        let script = Script::new(&[]);
        let start = Url::parse(&url("/")).unwrap();
        let policy = Arc::new(HostPolicy::new([&start], [], false));
        let sink = Arc::new(MemorySink::new([FrontierEntry::start(url("/"))]));
        let parser = Arc::new(Extractor::new(None).unwrap());
        let err = crawl_with(script.clone(), policy, sink, s, parser)
            .await
            .unwrap_err();
        assert!(err.to_string().contains(name), "{err}");
        assert_eq!(script.total_calls(), 0);
    }
}

#[tokio::test(start_paused = true)]
async fn a_stop_finishes_pages_in_flight_and_leaves_the_rest_pending() {
    // Guards the daemon's clean shutdown: after a stop nothing new starts, what was fetched is
    // recorded whole, the rest stays pending for the next run, and the market is not marked down.
    let script = Script::new(&[("/", &[Answer::Html(PAGE)]), ("/a", &[Answer::Timeout])]);
    let parser = Arc::new(Links {
        listing: vec![url("/a"), url("/b"), url("/c")],
        pagination: Vec::new(),
        other: Vec::new(),
    });
    let start = Url::parse(&url("/")).unwrap();
    let policy = Arc::new(HostPolicy::new([&start], [], false));
    let sink = Arc::new(MemorySink::new([FrontierEntry::start(url("/"))]));
    let (tx, rx) = tokio::sync::watch::channel(false);
    let s = base_settings();
    let crawl = tokio::spawn({
        let sink = sink.clone();
        async move { crawl_until(script, policy, sink, s, parser, rx).await }
    });
    // The root page is fetched at once; /a then hangs until its 10 s timeout.
    tokio::time::sleep(Duration::from_secs(1)).await;
    tx.send(true).unwrap();
    let summary = crawl.await.unwrap().unwrap();
    assert!(summary.stopped);
    assert_eq!(summary.down, None);
    assert_eq!(state(&sink, "/").0, FrontierState::Done);
    for p in ["/b", "/c"] {
        assert_eq!(state(&sink, p).0, FrontierState::Pending, "{p}");
    }
}

mod shared;
