//! Fetching one frontier entry: the market's rate limiter, retries with backoff (or the market's
//! `Retry-After`), redirects checked against the host policy and capped, then extraction on a
//! blocking thread, where a panic is caught, logged with the URL and reported, never swallowed.

use super::limiter::MarketLimiter;
use super::{CrawlSettings, PageParser, MAX_REDIRECTS};
use crate::extract::{self, PageExtract};
use crate::mirrors::Mirrors;
use crate::policy::HostPolicy;
use crate::transport::{FetchError, FetchRequest, FetchResponse, Transport};
use crate::urlnorm;
use armswatch_core::crawl::{FailureKind, FetchedPage, FrontierEntry, PageKind};
use armswatch_core::HasKind;
use rand::Rng;
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use url::Url;

/// The longest `Retry-After` honoured: a market asking for more is given up on for this URL (the
/// answer is kept as the page) rather than holding the crawl for hours.
pub(super) const MAX_RETRY_AFTER: Duration = Duration::from_secs(300);

/// What every fetch task of one crawl shares.
pub(super) struct FetchContext {
    pub transport: Arc<dyn Transport>,
    pub policy: Arc<HostPolicy>,
    pub parser: Arc<dyn PageParser>,
    pub mirrors: Mirrors,
    pub settings: CrawlSettings,
    pub limiter: MarketLimiter,
    /// The entry was claimed from a shared frontier, whose claim kept the market's politeness for
    /// the first request: the local limiter paces only the retries.
    pub paced_by_claims: bool,
}

/// The outcome of fetching one frontier entry.
pub(super) struct Outcome {
    pub entry: FrontierEntry,
    pub attempts: u32,
    pub result: Result<Fetched, FetchFailure>,
}

pub(super) struct Fetched {
    pub page: FetchedPage,
    pub extract: PageExtract,
    /// A redirect target refused by the policy: (url, reason).
    pub refused_redirect: Option<(String, String)>,
    /// Redirects in the chain that ended at this page, the entry's own included.
    pub hops: u32,
    /// The panic message, when extraction panicked (the page is stored and marked failed).
    pub extract_panic: Option<String>,
}

pub(super) struct FetchFailure {
    pub message: String,
    pub refused: bool,
    pub kind: FailureKind,
}

/// Fetches one entry: retries for transient failures, redirects checked against the policy and
/// capped (meta refreshes that led here included), then extraction.
pub(super) async fn fetch_entry(ctx: Arc<FetchContext>, entry: FrontierEntry) -> Outcome {
    let mut attempts = entry.attempts;
    let result = fetch_inner(&ctx, &entry, &mut attempts).await;
    Outcome {
        entry,
        attempts,
        result,
    }
}

async fn fetch_inner(
    ctx: &FetchContext,
    entry: &FrontierEntry,
    attempts: &mut u32,
) -> Result<Fetched, FetchFailure> {
    let start = Url::parse(&entry.url).map_err(|e| FetchFailure {
        message: format!("{}: invalid URL: {e}", entry.url),
        refused: false,
        kind: FailureKind::Other,
    })?;
    if let Err(r) = ctx.policy.check(&start) {
        return Err(FetchFailure {
            message: r.reason,
            refused: true,
            kind: FailureKind::Refused,
        });
    }
    // `url` is canonical (on the market's main address); `served` is where it was fetched.
    let mut url = ctx.mirrors.canonical(&start);
    let mut refused_redirect = None;
    let mut hops = entry.redirect_hops;
    let (resp, served) = loop {
        let (resp, served) = fetch_via_mirrors(ctx, &url, attempts).await?;
        let Some(location) = resp
            .location
            .as_deref()
            .filter(|_| (300..400).contains(&resp.status))
        else {
            break (resp, served);
        };
        let Some(next) = urlnorm::resolve(&served, location) else {
            break (resp, served);
        };
        if let Err(r) = ctx.policy.check(&next) {
            // Keep the redirect answer itself as the page: it is the evidence.
            refused_redirect = Some((next.to_string(), r.reason));
            break (resp, served);
        }
        let next = ctx.mirrors.canonical(&next);
        hops += 1;
        if hops > MAX_REDIRECTS {
            return Err(FetchFailure {
                message: format!(
                    "{}: more than {MAX_REDIRECTS} redirects (HTTP and meta refresh)",
                    entry.url
                ),
                refused: false,
                kind: FailureKind::Other,
            });
        }
        url = next;
    };
    let page = FetchedPage {
        requested_url: entry.url.clone(),
        final_url: url.to_string(),
        fetched_at: unix_now(),
        http_status: resp.status,
        content_type: resp.content_type.clone(),
        body: resp.body,
        transport: ctx.transport.name(),
        kind: entry.kind,
        served_by: served.origin().ascii_serialization(),
    };
    let (extract, extract_panic) =
        extract_blocking(&page, &url, entry.kind, ctx.parser.clone()).await;
    Ok(Fetched {
        page,
        extract,
        refused_redirect,
        hops,
        extract_panic,
    })
}

/// Fetches `url` (canonical) through the market's address in use, moving to a mirror when that
/// address is down; returns the answer and the URL actually fetched.
async fn fetch_via_mirrors(
    ctx: &FetchContext,
    url: &Url,
    attempts: &mut u32,
) -> Result<(FetchResponse, Url), FetchFailure> {
    let (mut index, mut routed) = ctx.mirrors.route(url);
    loop {
        match fetch_with_retries(ctx, &routed, attempts).await {
            Ok(resp) => {
                ctx.mirrors.succeeded(index);
                return Ok((resp, routed));
            }
            Err(failure) => match ctx.mirrors.failed(index, failure.kind) {
                Some(next) if next != index => {
                    tracing::info!(
                        url = %url,
                        failed = %routed,
                        "{}; trying mirror {}",
                        failure.message,
                        ctx.mirrors.origin_text(next).unwrap_or_default()
                    );
                    (index, routed) = ctx.mirrors.route(url);
                }
                _ => return Err(failure),
            },
        }
    }
}

/// Extracts a page on a blocking thread. A panic there (a bug met by hostile market input) is
/// logged with the URL and returned, so the page is marked and the crawl goes on.
async fn extract_blocking(
    page: &FetchedPage,
    url: &Url,
    kind: PageKind,
    parser: Arc<dyn PageParser>,
) -> (PageExtract, Option<String>) {
    if !is_html(page)
        || page.http_status >= 400 && page.http_status != 403 && page.http_status != 503
    {
        return (PageExtract::default(), None);
    }
    let body = page.body.clone();
    let ct = page.content_type.clone();
    let page_url = url.clone();
    let joined = tokio::task::spawn_blocking(move || {
        let html = extract::decode_html(&body, ct.as_deref());
        parser.parse(&html, &page_url, kind)
    })
    .await;
    match joined {
        Ok(x) => (x, None),
        Err(e) => {
            let message = join_error_message(e);
            tracing::error!(
                url = %url,
                "extraction panicked: {message}; the page is stored and marked failed, the crawl goes on"
            );
            (PageExtract::default(), Some(message))
        }
    }
}

/// The message of a panicked (or cancelled) task.
pub(super) fn join_error_message(e: tokio::task::JoinError) -> String {
    if !e.is_panic() {
        return e.to_string();
    }
    let payload = e.into_panic();
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-text payload".to_string()
    }
}

fn is_html(page: &FetchedPage) -> bool {
    match &page.content_type {
        Some(ct) => {
            let ct = ct.to_ascii_lowercase();
            ct.contains("html") || ct.contains("xml") || ct.starts_with("text/plain")
        }
        None => true,
    }
}

/// Whether an HTTP status is worth retrying: 429 and 5xx but 501.
fn retry_status(status: u16) -> bool {
    status == 429 || (500..600).contains(&status) && status != 501
}

async fn fetch_with_retries(
    ctx: &FetchContext,
    url: &Url,
    attempts: &mut u32,
) -> Result<FetchResponse, FetchFailure> {
    let s = &ctx.settings;
    let req = FetchRequest {
        url: url.clone(),
        headers: s.headers.clone(),
        isolation: s.isolation.clone(),
        timeout_secs: s.timeout_secs,
        max_page_bytes: s.max_page_bytes,
    };
    let mut tries = 0u32;
    loop {
        if tries > 0 || !ctx.paced_by_claims {
            ctx.limiter.acquire().await;
        }
        tries += 1;
        *attempts += 1;
        match ctx.transport.fetch(&req).await {
            Ok(resp) if !retry_status(resp.status) || tries >= s.max_attempts => return Ok(resp),
            Ok(resp) => {
                let asked = resp
                    .retry_after
                    .as_deref()
                    .and_then(|v| parse_retry_after(v, SystemTime::now()));
                match asked {
                    Some(wait) if wait > MAX_RETRY_AFTER => {
                        tracing::warn!(
                            "{url}: HTTP {} asks to retry after {} s (more than {} s): giving up on this URL",
                            resp.status,
                            wait.as_secs(),
                            MAX_RETRY_AFTER.as_secs()
                        );
                        return Ok(resp);
                    }
                    Some(wait) => {
                        tracing::debug!(
                            "{url}: HTTP {}, market asks to wait {wait:?}",
                            resp.status
                        );
                        ctx.limiter.pause_for(wait);
                    }
                    None => {
                        tracing::debug!("{url}: HTTP {}, retrying", resp.status);
                        tokio::time::sleep(backoff(s.backoff_base_ms, tries)).await;
                    }
                }
            }
            Err(e) if e.kind().is_retryable() && tries < s.max_attempts => {
                tracing::debug!("{e:#}, retrying");
                tokio::time::sleep(backoff(s.backoff_base_ms, tries)).await;
            }
            Err(e) => {
                let refused = matches!(e, FetchError::Refused { .. });
                let message = if tries > 1 {
                    format!("{e} (after {tries} attempts)")
                } else {
                    e.to_string()
                };
                return Err(FetchFailure {
                    message,
                    refused,
                    kind: e.failure(),
                });
            }
        }
    }
}

/// A `Retry-After` value: delay seconds or an HTTP date (a date in the past is no wait).
pub(super) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let v = value.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(v).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// Exponential backoff with full jitter: uniformly up to `base * 2^(try-1)`, at most 60 s.
pub fn backoff(base_ms: u64, tries: u32) -> Duration {
    let cap = base_ms
        .saturating_mul(1u64 << tries.saturating_sub(1).min(16))
        .min(60_000);
    let ms = if cap == 0 {
        0
    } else {
        rand::rng().random_range(cap / 2..=cap)
    };
    Duration::from_millis(ms)
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        // Guards the retry schedule: doubling per try, jittered down to half, never over 60 s.
        for t in 1..5 {
            let d = backoff(100, t).as_millis() as u64;
            let cap = 100 * (1 << (t - 1));
            assert!(d >= cap / 2 && d <= cap, "try {t}: {d}");
        }
        assert!(backoff(1000, 30).as_millis() <= 60_000);
        assert_eq!(backoff(0, 3), Duration::ZERO);
    }

    #[test]
    fn retry_after_takes_seconds_and_dates() {
        // Guards Retry-After parsing: both forms of RFC 9110, a past date waits not at all.
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(
            parse_retry_after(" 120 ", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now),
            Some(Duration::from_secs(0))
        );
        let later = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_700);
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", later),
            Some(Duration::from_secs(77))
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-5", now), None);
    }
}
