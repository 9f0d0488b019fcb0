//! The crawl-classify-store path, one for every command that crawls (`crawl`, `demo`, `demo --tor`):
//! a validated [`CrawlPlan`] from a profile and options, the transport it asks for, a fresh or
//! resumed crawl run into the store, and verdicts for what is new. Commands only gather their
//! options and print the [`CrawlReport`].

use crate::sink::StoreSink;
use anyhow::{bail, Context, Result};
use armswatch_classifier::Classifier;
use armswatch_core::crawl::FrontierEntry;
use armswatch_core::MarketId;
use armswatch_crawler::engine::{self, CrawlSettings, CrawlSummary};
use armswatch_crawler::extract::Extractor;
use armswatch_crawler::policy::{is_onion, HostPolicy};
use armswatch_crawler::profile::Profile;
use armswatch_crawler::transport::direct::DirectTransport;
use armswatch_crawler::transport::Transport;
use armswatch_crawler::urlnorm;
use armswatch_store::{CrawlStore, RunCounts};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use url::Url;

/// How the market is reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportChoice {
    Arti,
    Socks(String),
    Direct,
}

impl TransportChoice {
    /// Parses `--tor`; with no flag, onion markets get arti and clearnet markets are refused
    /// (crawling a clearnet market without Tor must be asked for with `--tor direct`), and
    /// `--tor direct` is refused for onion start URLs (it could not reach them, and trying would
    /// hand the address to a DNS resolver).
    pub fn parse(flag: Option<&str>, start: &[Url]) -> Result<TransportChoice> {
        let onion = |u: &Url| u.host_str().is_some_and(is_onion);
        match flag {
            Some("arti") => Ok(TransportChoice::Arti),
            Some("direct") => match start.iter().find(|u| onion(u)) {
                Some(u) => bail!(
                    "--tor direct cannot crawl the onion address {}: onion services are only reachable through Tor (use --tor arti or --tor socks5h://HOST:PORT)",
                    u.host_str().unwrap_or_default()
                ),
                None => Ok(TransportChoice::Direct),
            },
            Some(s) if s.starts_with("socks5h://") => Ok(TransportChoice::Socks(s.to_string())),
            Some(s) if s.starts_with("socks") => bail!(
                "--tor {s}: only socks5h:// proxies are accepted (with socks5:// the onion address would be resolved locally, outside Tor)"
            ),
            Some(s) => bail!("--tor {s}: expected arti, direct or socks5h://HOST:PORT"),
            None => {
                if start.iter().all(onion) {
                    Ok(TransportChoice::Arti)
                } else {
                    bail!("the start URL is not an onion address: pass --tor direct to crawl a clearnet market without Tor, or --tor arti / --tor socks5h://HOST:PORT to go through Tor")
                }
            }
        }
    }

    fn is_tor(&self) -> bool {
        !matches!(self, TransportChoice::Direct)
    }
}

/// Options a command may set over the profile.
#[derive(Debug, Clone)]
pub struct PlanOptions {
    /// `--tor`: `arti`, `direct` or `socks5h://HOST:PORT`.
    pub tor: Option<String>,
    pub timeout_secs: Option<u64>,
    pub max_pages: Option<usize>,
    pub concurrency: Option<usize>,
    /// Start over instead of resuming an interrupted run.
    pub restart: bool,
    /// Finished crawls in a row that must miss a listing before it is marked vanished.
    pub vanish_after: u32,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            tor: None,
            timeout_secs: None,
            max_pages: None,
            concurrency: None,
            restart: false,
            vanish_after: 3,
        }
    }
}

impl PlanOptions {
    /// Only the transport set (`arti`, `direct`, `socks5h://...`), as the demos use.
    pub fn with_tor(tor: &str) -> PlanOptions {
        PlanOptions {
            tor: Some(tor.to_string()),
            ..PlanOptions::default()
        }
    }
}

/// Everything one crawl needs, validated.
pub struct CrawlPlan {
    pub market: MarketId,
    pub name: Option<String>,
    pub base_url: Option<String>,
    pub start: Vec<Url>,
    pub profile: Option<Arc<Profile>>,
    /// The profile compiled once (building it validated its selectors and regexes), or the
    /// generic extractor.
    pub extractor: Arc<Extractor>,
    pub transport: TransportChoice,
    pub settings: CrawlSettings,
    pub extra_hosts: Vec<String>,
    pub restart: bool,
    /// Finished crawls in a row that must miss a listing before it is marked vanished.
    pub vanish_after: u32,
}

impl CrawlPlan {
    /// Builds the plan from a profile (or none), a base URL override, start URLs and options.
    pub fn new(
        profile: Option<Arc<Profile>>,
        base_url: Option<&str>,
        start_flags: &[String],
        o: &PlanOptions,
    ) -> Result<CrawlPlan> {
        let base_url = base_url
            .map(str::to_string)
            .or_else(|| profile.as_ref().and_then(|p| p.market.base_url.clone()));
        let base = match &base_url {
            Some(b) => Some(Url::parse(b).with_context(|| format!("invalid base URL {b:?}"))?),
            None => None,
        };
        let raw_start: Vec<String> = if !start_flags.is_empty() {
            start_flags.to_vec()
        } else if let Some(p) = &profile {
            p.market.start.clone()
        } else {
            Vec::new()
        };
        let mut start = Vec::new();
        for s in &raw_start {
            let u = match (&base, Url::parse(s)) {
                (_, Ok(u)) => u,
                (Some(b), Err(_)) => b
                    .join(s)
                    .with_context(|| format!("invalid start URL {s:?}"))?,
                (None, Err(e)) => bail!(
                    "start URL {s:?} is relative but there is no base URL (set market.base_url in the profile or pass --base-url): {e}"
                ),
            };
            start.push(
                urlnorm::normalize(&u).with_context(|| format!("start URL {u} is not http(s)"))?,
            );
        }
        if start.is_empty() {
            bail!("nothing to crawl: give --start URL or a profile with start URLs");
        }
        let transport = TransportChoice::parse(o.tor.as_deref(), &start)?;
        // Building the extractor validates the profile's selectors and regexes, before anything
        // is fetched or written.
        let extractor = Arc::new(Extractor::new(profile.as_deref())?);
        let market = match &profile {
            Some(p) => MarketId::parse(&p.market.id)?,
            None => {
                MarketId::from_host_port(start[0].host_str().unwrap_or("market"), start[0].port())
            }
        };
        let rate = profile.as_ref().map(|p| p.rate.clone()).unwrap_or_default();
        let default_timeout = if transport.is_tor() { 120 } else { 30 };
        let settings = CrawlSettings {
            isolation: market.to_string(),
            profile: profile.clone(),
            concurrency: o.concurrency.unwrap_or(rate.concurrency),
            delay_ms: rate.delay_ms,
            timeout_secs: o
                .timeout_secs
                .or(rate.timeout_secs)
                .unwrap_or(default_timeout),
            max_attempts: rate.max_attempts,
            max_page_bytes: rate.max_page_bytes,
            max_pages: o.max_pages.unwrap_or(rate.max_pages),
            max_links_per_page: rate.max_links_per_page,
            max_pages_per_pattern: rate.max_pages_per_pattern,
            max_depth: rate.max_depth,
            max_pagination_depth: rate.max_pagination_depth,
            backoff_base_ms: if transport.is_tor() { 2000 } else { 500 },
            headers: headers(profile.as_deref()),
            addresses: Vec::new(),
        };
        settings
            .validate()
            .map_err(|e| anyhow::anyhow!("invalid crawl settings: {e}"))?;
        let extra_hosts = profile
            .as_ref()
            .map(|p| p.market.hosts.clone())
            .unwrap_or_default();
        Ok(CrawlPlan {
            market,
            name: profile.as_ref().and_then(|p| p.market.name.clone()),
            base_url: base_url.or_else(|| Some(start[0].origin().ascii_serialization())),
            start,
            profile,
            extractor,
            transport,
            settings,
            extra_hosts,
            restart: o.restart,
            vanish_after: o.vanish_after,
        })
    }
}

/// The headers sent with every request: Tor Browser's, changed by the profile's session.
fn headers(profile: Option<&Profile>) -> Vec<(String, String)> {
    armswatch_crawler::browser::request_headers(profile.map(|p| &p.session))
}

/// Builds the transport the plan asks for.
pub async fn build_transport(
    choice: &TransportChoice,
    arti_data_dir: PathBuf,
    arti_config: Option<PathBuf>,
    fresh_circuits: bool,
    keep_alive: bool,
    max_pow_effort: Option<u32>,
) -> Result<Arc<dyn Transport>> {
    Ok(match choice {
        TransportChoice::Direct => Arc::new(DirectTransport::with_keep_alive(keep_alive)),
        TransportChoice::Socks(url) => Arc::new(
            armswatch_crawler::transport::socks::SocksTransport::new(url, keep_alive)?,
        ),
        TransportChoice::Arti => {
            let settings = armswatch_crawler::transport::arti::ArtiSettings {
                data_dir: arti_data_dir,
                arti_config,
                bootstrap_timeout_secs: 180,
                fresh_circuits,
                keep_alive,
                max_pow_effort,
            };
            Arc::new(armswatch_crawler::transport::arti::ArtiTransport::bootstrap(settings).await?)
        }
    })
}

/// What one crawl run did, for printing and exit codes.
pub struct CrawlReport {
    pub market: MarketId,
    pub run_id: i64,
    pub resumed: bool,
    pub summary: CrawlSummary,
    pub flagged: usize,
    pub classified: usize,
    /// Listings newly marked vanished after this crawl.
    pub vanished: usize,
    /// Why a crawl that answered is still an error (zero listings where the last crawl found
    /// many).
    pub anomaly: Option<String>,
}

impl CrawlReport {
    /// Whether the run reached the market at all: some page answered, or a wall stood in front.
    pub fn reached_market(&self) -> bool {
        self.summary.pages_ok > 0 || self.summary.wall.is_some()
    }

    /// Whether the crawl failed: no page answered, or it saw no listing where the last saw many.
    /// A crawl stopped before its first page is not a failure.
    pub fn failed(&self) -> bool {
        self.anomaly.is_some() || (!self.reached_market() && !self.summary.stopped)
    }

    /// Prints the summary on stdout: a few aligned lines, or one JSON object with `json`.
    pub fn print(&self, json: bool) -> Result<()> {
        use crate::output::sanitize;
        use std::io::Write;
        let r = self;
        let mut out = std::io::stdout().lock();
        let s = &r.summary;
        if json {
            let v = serde_json::json!({
                "market": r.market.as_str(),
                "run": r.run_id,
                "resumed": r.resumed,
                "pages_fetched": s.pages_fetched,
                "pages_failed": s.pages_failed,
                "listings_new": s.listings_new,
                "listings_changed": s.listings_changed,
                "listings_unchanged": s.listings_unchanged,
                "refused": s.refused,
                "depth_limited": s.depth_limited,
                "pagination_limited": s.pagination_limited,
                "pattern_limited": s.pattern_limited,
                "redirect_limited": s.redirect_limited,
                "links_capped": s.links_capped,
                "pages_ok": s.pages_ok,
                "panics": s.panics,
                "down": s.down,
                "classified": r.classified,
                "flagged": r.flagged,
                "vanished": r.vanished,
                "wall": s.wall,
                "budget_exhausted": s.budget_exhausted,
                "stopped": s.stopped,
                "anomaly": r.anomaly,
                "errors": s.errors,
            });
            writeln!(out, "{v}")?;
            return Ok(());
        }
        writeln!(
            out,
            "market {}  run {}{}",
            r.market,
            r.run_id,
            if r.resumed { " (resumed)" } else { "" }
        )?;
        writeln!(out, "  pages fetched      {}", s.pages_fetched)?;
        writeln!(out, "  pages failed       {}", s.pages_failed)?;
        writeln!(
            out,
            "  listings           {} new, {} changed, {} unchanged",
            s.listings_new, s.listings_changed, s.listings_unchanged
        )?;
        writeln!(
            out,
            "  classified         {} ({} flagged)",
            r.classified, r.flagged
        )?;
        if r.vanished > 0 {
            writeln!(out, "  vanished           {} listings", r.vanished)?;
        }
        writeln!(out, "  refused URLs       {}", s.refused)?;
        if let Some(w) = &s.wall {
            writeln!(out, "  stopped by a wall  {}", sanitize(w))?;
        }
        if s.depth_limited > 0 {
            writeln!(
                out,
                "  not followed       {} URLs deeper than max_depth (raise [rate] max_depth)",
                s.depth_limited
            )?;
        }
        if s.pagination_limited > 0 {
            writeln!(
                out,
                "  not followed       {} URLs past max_pagination_depth (raise [rate] max_pagination_depth)",
                s.pagination_limited
            )?;
        }
        if s.pattern_limited > 0 {
            writeln!(
                out,
                "  not followed       {} index pages past max_pages_per_pattern (raise [rate] max_pages_per_pattern)",
                s.pattern_limited
            )?;
        }
        if s.redirect_limited > 0 {
            writeln!(
                out,
                "  not followed       {} meta refreshes past the redirect cap",
                s.redirect_limited
            )?;
        }
        if s.links_capped > 0 {
            writeln!(
                out,
                "  not followed       {} links past max_links_per_page (raise [rate] max_links_per_page)",
                s.links_capped
            )?;
        }
        if s.panics > 0 {
            writeln!(
                out,
                "  internal errors    {} pages (logged with their URL, marked failed)",
                s.panics
            )?;
        }
        if let Some(d) = &s.down {
            writeln!(out, "  market down        {}", sanitize(d))?;
        }
        if s.budget_exhausted {
            writeln!(out, "  page budget spent; run again to continue")?;
        }
        if s.stopped {
            writeln!(out, "  stopped; run again to continue")?;
        }
        if let Some(a) = &r.anomaly {
            writeln!(out, "  error: {}", sanitize(a))?;
        }
        for e in &s.errors {
            writeln!(out, "  error: {}", sanitize(e))?;
        }
        Ok(())
    }

    /// 1 when no page of the market answered (the market is marked down) or the crawl saw no
    /// listing where the last saw many, else success.
    pub fn exit_code(&self) -> ExitCode {
        let report = self;
        if let Some(a) = &report.anomaly {
            eprintln!(
                "armswatch: market {}: {}",
                crate::redact::text(report.market.as_str()),
                crate::output::sanitize(a)
            );
            return ExitCode::from(1);
        }
        if !report.failed() {
            return ExitCode::SUCCESS;
        }
        eprintln!(
            "armswatch: no page of market {} answered; it is marked down ({})",
            crate::redact::text(report.market.as_str()),
            crate::redact::text(&crate::output::sanitize(
                report
                    .summary
                    .errors
                    .first()
                    .map(String::as_str)
                    .unwrap_or("nothing was fetched")
            ))
        );
        ExitCode::from(1)
    }
}

/// Runs (or resumes) a crawl of one market into the store, then classifies what is new.
pub async fn crawl_market(
    store: Arc<dyn CrawlStore>,
    transport: Arc<dyn Transport>,
    plan: &CrawlPlan,
    model: &Classifier,
) -> Result<CrawlReport> {
    crawl_market_until(store, transport, plan, model, None).await
}

/// The fewest listings a crawl must have seen for a later crawl that sees none to be an error.
pub const ANOMALY_MIN_LISTINGS: usize = 5;

/// [`crawl_market`] that stops when `stop` turns true: pages in flight are finished, the rest of
/// the frontier stays pending, and the run stays open so the next crawl resumes it.
pub async fn crawl_market_until(
    store: Arc<dyn CrawlStore>,
    transport: Arc<dyn Transport>,
    plan: &CrawlPlan,
    model: &Classifier,
    stop: Option<tokio::sync::watch::Receiver<bool>>,
) -> Result<CrawlReport> {
    crawl_market_inner(store, transport, plan, model, stop, None).await
}

/// [`crawl_market_until`] by one worker of a fleet sharing a PostgreSQL database: the market's
/// frontier is crawled through leases ([`engine::crawl_shared`]), together with the other workers.
/// With [`FleetCrawl::help_run`] the worker only helps with that open run (claims and records its
/// URLs, finishes nothing); without, it starts or resumes the market's run and, once the shared
/// frontier is exhausted, finishes it by what the whole fleet fetched.
pub async fn crawl_market_fleet(
    transport: Arc<dyn Transport>,
    plan: &CrawlPlan,
    model: &Classifier,
    stop: Option<tokio::sync::watch::Receiver<bool>>,
    fleet: &FleetCrawl,
) -> Result<CrawlReport> {
    let store: Arc<dyn CrawlStore> = fleet.pg.clone();
    crawl_market_inner(store, transport, plan, model, stop, Some(fleet)).await
}

/// A crawl by one worker of a fleet (see [`crawl_market_fleet`]).
pub struct FleetCrawl {
    pub pg: Arc<armswatch_store::PgStore>,
    /// This worker's name, unique in the fleet: it holds the leases.
    pub worker: String,
    /// How long a claimed URL is held without renewal.
    pub lease: std::time::Duration,
    /// Gives the verdicts of new and changed listings in the page's own transaction.
    pub model: Arc<Classifier>,
    /// Help with this open run instead of starting or resuming the market's run.
    pub help_run: Option<i64>,
}

async fn crawl_market_inner(
    store: Arc<dyn CrawlStore>,
    transport: Arc<dyn Transport>,
    plan: &CrawlPlan,
    model: &Classifier,
    stop: Option<tokio::sync::watch::Receiver<bool>>,
    fleet: Option<&FleetCrawl>,
) -> Result<CrawlReport> {
    let s = &plan.settings;
    let settings_json = serde_json::json!({
        "start": plan.start.iter().map(Url::as_str).collect::<Vec<_>>(),
        "concurrency": s.concurrency,
        "delay_ms": s.delay_ms,
        "timeout_secs": s.timeout_secs,
        "max_pages": s.max_pages,
        "max_depth": s.max_depth,
        "max_pagination_depth": s.max_pagination_depth,
        "max_links_per_page": s.max_links_per_page,
        "max_pages_per_pattern": s.max_pages_per_pattern,
        "generic_extractor": plan.profile.is_none(),
    })
    .to_string();
    let (run_id, resumed, session) = {
        let store = store.clone();
        let market = plan.market.clone();
        let name = plan.name.clone();
        let base_url = plan.base_url.clone();
        let restart = plan.restart;
        let transport_name = transport.name();
        let help_run = fleet.and_then(|f| f.help_run);
        let seeds: Vec<FrontierEntry> = plan
            .start
            .iter()
            .map(|u| FrontierEntry::start(u.as_str()))
            .collect();
        crate::sink::blocking(move || -> Result<(i64, bool, Option<String>)> {
            if let Some(run) = help_run {
                return Ok((run, true, store.market_session(&market)?.map(|(c, _)| c)));
            }
            store.upsert_market(&market, name.as_deref(), base_url.as_deref())?;
            let resume = if restart {
                if let Some(old) = store.unfinished_run(&market)? {
                    store.finish_run(old, "interrupted", RunCounts::default())?;
                }
                None
            } else {
                store.unfinished_run(&market)?
            };
            let session = store.market_session(&market)?.map(|(c, _)| c);
            Ok(match resume {
                Some(id) => {
                    tracing::info!("resuming the interrupted crawl run {id} of market {market}");
                    (id, true, session)
                }
                None => {
                    let id = store.begin_run(&market, &transport_name, &settings_json, &seeds)?;
                    (id, false, session)
                }
            })
        })?
    };
    let mut settings = plan.settings.clone();
    if let Some(cookie) = session {
        // The session an investigator set with `armswatch market session` overrides the profile's.
        settings
            .headers
            .retain(|(k, _)| !k.eq_ignore_ascii_case("cookie"));
        settings.headers.push(("Cookie".into(), cookie));
    }
    // The profile's mirrors, then those imported from signed lists.
    let mut hosts = plan.extra_hosts.clone();
    for m in crate::sink::blocking(|| store.market_mirrors(&plan.market))? {
        if !hosts.contains(&m.origin) {
            hosts.push(m.origin);
        }
    }
    let policy = Arc::new(HostPolicy::new(
        plan.start.iter(),
        hosts.iter().map(String::as_str),
        transport.is_tor(),
    ));
    let pending = crate::sink::blocking(|| store.frontier_counts(&plan.market))?
        .get("pending")
        .copied()
        .unwrap_or(0);
    if !hosts.is_empty() {
        settings.addresses = std::iter::once(plan.start[0].to_string())
            .chain(hosts)
            .collect();
    }
    let sink = Arc::new(StoreSink {
        store: store.clone(),
        market: plan.market.clone(),
        run_id,
        progress: fleet.is_none().then(|| {
            crate::progress::Progress::start(
                &format!("crawl {}", plan.market),
                "pages",
                pending as u64,
            )
        }),
    });
    tracing::info!(
        "crawling market {} from {} via {}",
        plan.market,
        crate::redact::url(plan.start[0].as_str()),
        transport.name()
    );
    let mut summary = match (fleet, stop) {
        (Some(f), stop) => {
            let leased = Arc::new(crate::sink::LeasedSink::new(
                sink,
                f.pg.clone(),
                &f.worker,
                f.lease,
                f.model.clone(),
                armswatch_store::Politeness {
                    concurrency: settings.concurrency,
                    delay_ms: settings.delay_ms,
                },
            ));
            let parser = plan.extractor.clone();
            engine::crawl_shared(transport, policy, leased, settings, parser, stop).await?
        }
        (None, Some(stop)) => {
            let parser = plan.extractor.clone();
            engine::crawl_until(transport, policy, sink, settings, parser, stop).await?
        }
        (None, None) => {
            engine::crawl_with(transport, policy, sink, settings, plan.extractor.clone()).await?
        }
    };
    if let Some(f) = fleet {
        if f.help_run.is_some() {
            return Ok(CrawlReport {
                market: plan.market.clone(),
                run_id,
                resumed,
                summary,
                flagged: 0,
                classified: 0,
                vanished: 0,
                anomaly: None,
            });
        }
        // The run is finished by what the whole fleet fetched, not this worker alone.
        let record = crate::sink::blocking(|| store.run(run_id))?;
        let fleet_ok = record.map_or(0, |r| {
            r.counts.pages_fetched.saturating_sub(r.counts.errors)
        });
        if fleet_ok > 0 {
            summary.pages_ok = summary.pages_ok.max(fleet_ok);
            summary.down = None;
        } else if let Some(reason) = summary.down.clone().filter(|_| !summary.stopped) {
            tracing::warn!("market down: {reason}");
            crate::sink::blocking(|| {
                store.set_market_state(
                    &plan.market,
                    armswatch_core::crawl::MarketState::Down,
                    &reason,
                    None,
                )
            })?;
        }
    }
    let store2 = store.clone();
    let market = plan.market.clone();
    let vanish_after = plan.vanish_after as usize;
    let summary2 = summary.clone();
    let (vanished, anomaly) = crate::sink::blocking(move || -> Result<(usize, Option<String>)> {
        finish_run(store2.as_ref(), &market, run_id, vanish_after, &summary2)
    })?;
    let (classified, flagged) = crate::sink::blocking(|| classify_pending(store.as_ref(), model))?;
    Ok(CrawlReport {
        market: plan.market.clone(),
        run_id,
        resumed,
        summary,
        flagged,
        classified,
        vanished,
        anomaly,
    })
}

/// Ends a crawl run in the store by what the crawl did: a stopped or budget-limited run stays open
/// (the next crawl resumes it), a walled one waits for the wall to go, a run in which no page
/// answered failed, and a run that saw no listing where the previous one saw many failed too (the
/// anomaly is returned and stored as an error, and nothing is marked vanished). Returns the
/// listings marked vanished and the anomaly.
fn finish_run(
    store: &dyn CrawlStore,
    market: &MarketId,
    run_id: i64,
    vanish_after: usize,
    summary: &CrawlSummary,
) -> Result<(usize, Option<String>)> {
    if summary.stopped || summary.budget_exhausted {
        return Ok((0, None));
    }
    if let Some(wall) = &summary.wall {
        store.mark_run_walled(run_id)?;
        store.add_crawl_error(market, Some(run_id), "wall", wall)?;
        return Ok((0, None));
    }
    if summary.pages_ok == 0 {
        store.finish_run(run_id, "failed", RunCounts::default())?;
        let why = summary
            .down
            .clone()
            .unwrap_or_else(|| "the crawl fetched zero pages".into());
        store.add_crawl_error(
            market,
            Some(run_id),
            "down",
            &format!("{why}: the market may be down, or Tor is down"),
        )?;
        return Ok((0, None));
    }
    // Counted by the run's pages, not by time: a crawl right after another one must not count
    // what the other saw in the same second.
    let seen = store.listings_seen_in_run(run_id)?;
    store.set_run_listings_seen(run_id, seen)?;
    if seen == 0 {
        if let Some((prev, prev_seen)) = store.previous_finished_run(market, run_id)? {
            if prev_seen >= ANOMALY_MIN_LISTINGS {
                let msg = format!(
                    "the crawl found zero listings where the last crawl (run {prev}) found {prev_seen}: the market's layout may have changed, or Tor is down"
                );
                tracing::error!("market {market}: {msg}");
                store.finish_run(run_id, "failed", RunCounts::default())?;
                store.add_crawl_error(market, Some(run_id), "anomaly", &msg)?;
                return Ok((0, Some(msg)));
            }
        }
    }
    store.finish_run(run_id, "finished", RunCounts::default())?;
    let vanished = store.mark_vanished(market, vanish_after, run_id)?;
    Ok((vanished, None))
}

/// Gives every listing without a verdict from this model one; returns (classified, flagged).
pub fn classify_pending(store: &dyn CrawlStore, model: &Classifier) -> Result<(usize, usize)> {
    let mut classified = 0;
    let mut flagged = 0;
    loop {
        let batch = store.listings_needing_verdict(model.model_version(), 500)?;
        if batch.is_empty() {
            break;
        }
        let verdicts: Vec<_> = batch
            .iter()
            .map(|(id, l)| {
                // Crawled listings carry the market's breadcrumb: the optional category block.
                let v = model.predict_explained_with_category(
                    &l.title,
                    l.description.as_deref().unwrap_or(""),
                    l.category.as_deref(),
                    5,
                );
                (*id, v)
            })
            .collect();
        classified += verdicts.len();
        flagged += verdicts.iter().filter(|(_, v)| v.is_flagged()).count();
        store.save_verdicts(&verdicts)?;
    }
    Ok((classified, flagged))
}

#[cfg(test)]
mod tests;
