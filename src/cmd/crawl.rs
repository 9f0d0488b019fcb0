//! `armswatch crawl`: settings from the profile and flags, the transport, a resumable crawl run,
//! then verdicts for new and changed listings.

use crate::app;
use crate::cli::{CrawlArgs, GlobalArgs};
use crate::sink::StoreSink;
use anyhow::{bail, Context, Result};
use armswatch_classifier::Classifier;
use armswatch_core::crawl::{FrontierEntry, PageKind};
use armswatch_core::MarketId;
use armswatch_crawler::engine::{self, CrawlSettings, CrawlSummary, DEFAULT_USER_AGENT};
use armswatch_crawler::policy::HostPolicy;
use armswatch_crawler::profile::Profile;
use armswatch_crawler::transport::direct::ReqwestTransport;
use armswatch_crawler::transport::Transport;
use armswatch_crawler::urlnorm;
use armswatch_store::{RunCounts, Store};
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
    /// (crawling a clearnet market without Tor must be asked for with `--tor direct`).
    pub fn parse(flag: Option<&str>, start: &[Url]) -> Result<TransportChoice> {
        match flag {
            Some("arti") => Ok(TransportChoice::Arti),
            Some("direct") => Ok(TransportChoice::Direct),
            Some(s) if s.starts_with("socks5h://") => Ok(TransportChoice::Socks(s.to_string())),
            Some(s) if s.starts_with("socks") => bail!(
                "--tor {s}: only socks5h:// proxies are accepted (with socks5:// the onion address would be resolved locally, outside Tor)"
            ),
            Some(s) => bail!("--tor {s}: expected arti, direct or socks5h://HOST:PORT"),
            None => {
                if start.iter().all(is_onion) {
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

fn is_onion(u: &Url) -> bool {
    u.host_str().is_some_and(|h| h.ends_with(".onion"))
}

/// Everything one crawl needs, validated.
pub struct CrawlPlan {
    pub market: MarketId,
    pub name: Option<String>,
    pub base_url: Option<String>,
    pub start: Vec<Url>,
    pub profile: Option<Arc<Profile>>,
    pub transport: TransportChoice,
    pub settings: CrawlSettings,
    pub extra_hosts: Vec<String>,
    pub restart: bool,
    /// Finished crawls in a row that must miss a listing before it is marked vanished.
    pub vanish_after: u32,
}

impl CrawlPlan {
    /// Builds the plan from the command line.
    pub fn from_args(a: &CrawlArgs) -> Result<CrawlPlan> {
        let profile = match &a.profile {
            Some(p) => Some(Arc::new(Profile::load(p)?)),
            None => None,
        };
        CrawlPlan::new(
            profile,
            a.base_url.as_deref(),
            &a.start,
            a.tor.as_deref(),
            a,
        )
    }

    /// Builds the plan from a profile (or none), a base URL override and flags.
    pub fn new(
        profile: Option<Arc<Profile>>,
        base_url: Option<&str>,
        start_flags: &[String],
        tor: Option<&str>,
        a: &CrawlArgs,
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
        let transport = TransportChoice::parse(tor, &start)?;
        let market = match &profile {
            Some(p) => MarketId::slug(&p.market.id),
            None => MarketId::slug(start[0].host_str().unwrap_or("market")),
        };
        let rate = profile.as_ref().map(|p| p.rate.clone()).unwrap_or_default();
        let default_timeout = if transport.is_tor() { 120 } else { 30 };
        let mut headers = vec![(
            "User-Agent".to_string(),
            profile
                .as_ref()
                .and_then(|p| p.session.user_agent.clone())
                .unwrap_or_else(|| DEFAULT_USER_AGENT.to_string()),
        )];
        headers.push((
            "Accept".into(),
            "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8".into(),
        ));
        headers.push(("Accept-Language".into(), "en-US,en;q=0.5".into()));
        if let Some(p) = &profile {
            if let Some(c) = &p.session.cookie {
                headers.push(("Cookie".into(), c.clone()));
            }
            for (k, v) in &p.session.headers {
                headers.push((k.clone(), v.clone()));
            }
        }
        let settings = CrawlSettings {
            isolation: market.to_string(),
            profile: profile.clone(),
            concurrency: a.concurrency.unwrap_or(rate.concurrency).max(1),
            delay_ms: rate.delay_ms,
            timeout_secs: a
                .timeout_secs
                .or(rate.timeout_secs)
                .unwrap_or(default_timeout),
            max_attempts: rate.max_attempts.max(1),
            max_page_bytes: rate.max_page_bytes,
            max_pages: a.max_pages.unwrap_or(rate.max_pages),
            max_depth: rate.max_depth,
            max_pagination_depth: rate.max_pagination_depth,
            backoff_base_ms: if transport.is_tor() { 2000 } else { 500 },
            headers,
        };
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
            transport,
            settings,
            extra_hosts,
            restart: a.restart,
            vanish_after: a.vanish_after,
        })
    }
}

/// Builds the transport the plan asks for.
pub async fn build_transport(
    choice: &TransportChoice,
    arti_data_dir: PathBuf,
    arti_config: Option<PathBuf>,
    fresh_circuits: bool,
) -> Result<Arc<dyn Transport>> {
    Ok(match choice {
        TransportChoice::Direct => Arc::new(ReqwestTransport::direct()?),
        TransportChoice::Socks(url) => Arc::new(
            armswatch_crawler::transport::socks::SocksTransport::new(url)?,
        ),
        TransportChoice::Arti => {
            let settings = armswatch_crawler::transport::arti::ArtiSettings {
                data_dir: arti_data_dir,
                arti_config,
                bootstrap_timeout_secs: 180,
                fresh_circuits,
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
}

/// Runs (or resumes) a crawl of one market into the store, then classifies what is new.
pub async fn crawl_market(
    store: Arc<Store>,
    transport: Arc<dyn Transport>,
    plan: &CrawlPlan,
    model: &Classifier,
) -> Result<CrawlReport> {
    store.upsert_market(&plan.market, plan.name.as_deref(), plan.base_url.as_deref())?;
    let settings_json = serde_json::json!({
        "start": plan.start.iter().map(Url::as_str).collect::<Vec<_>>(),
        "concurrency": plan.settings.concurrency,
        "delay_ms": plan.settings.delay_ms,
        "timeout_secs": plan.settings.timeout_secs,
        "max_pages": plan.settings.max_pages,
        "max_depth": plan.settings.max_depth,
        "max_pagination_depth": plan.settings.max_pagination_depth,
        "generic_extractor": plan.profile.is_none(),
    })
    .to_string();
    let resume = if plan.restart {
        if let Some(old) = store.unfinished_run(&plan.market)? {
            store.finish_run(old, "interrupted", RunCounts::default())?;
        }
        None
    } else {
        store.unfinished_run(&plan.market)?
    };
    let (run_id, resumed) = match resume {
        Some(id) => {
            tracing::info!(
                "resuming the interrupted crawl run {id} of market {}",
                plan.market
            );
            (id, true)
        }
        None => {
            let id = store.start_run(&plan.market, &transport.name(), &settings_json)?;
            store.frontier_reset(&plan.market)?;
            let seeds: Vec<FrontierEntry> = plan
                .start
                .iter()
                .map(|u| FrontierEntry {
                    url: u.to_string(),
                    kind: PageKind::Start,
                    depth: 0,
                    pagination_depth: 0,
                    attempts: 0,
                })
                .collect();
            store.frontier_add(&plan.market, id, &seeds)?;
            (id, false)
        }
    };
    let policy = Arc::new(HostPolicy::new(
        plan.start.iter(),
        plan.extra_hosts.iter().map(String::as_str),
        transport.is_tor(),
    ));
    let sink = Arc::new(StoreSink {
        store: store.clone(),
        market: plan.market.clone(),
        run_id,
    });
    tracing::info!(
        "crawling market {} from {} via {}",
        plan.market,
        plan.start[0],
        transport.name()
    );
    let summary = engine::crawl(transport, policy, sink, plan.settings.clone()).await?;
    let status = if summary.wall.is_some() {
        "interrupted"
    } else if summary.pages_fetched == 0 {
        "failed"
    } else {
        "finished"
    };
    let mut vanished = 0;
    if !summary.budget_exhausted {
        store.finish_run(run_id, status, RunCounts::default())?;
        if status == "finished" {
            vanished = store.mark_vanished(&plan.market, plan.vanish_after as usize, run_id)?;
        }
    }
    let (classified, flagged) = classify_pending(&store, model)?;
    Ok(CrawlReport {
        market: plan.market.clone(),
        run_id,
        resumed,
        summary,
        flagged,
        classified,
        vanished,
    })
}

/// Gives every listing without a verdict from this model one; returns (classified, flagged).
pub fn classify_pending(store: &Store, model: &Classifier) -> Result<(usize, usize)> {
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
                let v =
                    model.predict_explained(&l.title, l.description.as_deref().unwrap_or(""), 5);
                (*id, v)
            })
            .collect();
        classified += verdicts.len();
        flagged += verdicts.iter().filter(|(_, v)| v.is_flagged()).count();
        store.save_verdicts(&verdicts)?;
    }
    Ok((classified, flagged))
}

/// Prints a crawl summary on stdout.
pub fn print_report(r: &CrawlReport, json: bool) -> Result<()> {
    use crate::output::sanitize;
    use std::io::Write;
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
            "classified": r.classified,
            "flagged": r.flagged,
            "vanished": r.vanished,
            "wall": s.wall,
            "budget_exhausted": s.budget_exhausted,
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
    if s.budget_exhausted {
        writeln!(out, "  page budget spent; run again to continue")?;
    }
    for e in &s.errors {
        writeln!(out, "  error: {}", sanitize(e))?;
    }
    Ok(())
}

/// `armswatch crawl`.
pub fn run(g: &GlobalArgs, a: CrawlArgs) -> Result<ExitCode> {
    let plan = CrawlPlan::from_args(&a)?;
    let model = app::load_model(g)?;
    let store = Arc::new(Store::open(&a.db)?);
    let rt = app::runtime()?;
    let report = rt.block_on(async {
        let arti_dir = app::data_dir(g)?.join("arti");
        let transport = build_transport(
            &plan.transport,
            arti_dir,
            a.arti_config.clone(),
            a.fresh_circuits,
        )
        .await?;
        crawl_market(store, transport, &plan, &model).await
    })?;
    print_report(&report, a.json)?;
    if report.summary.pages_fetched == 0 {
        eprintln!(
            "armswatch: no page of market {} could be fetched",
            report.market
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
