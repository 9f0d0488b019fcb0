//! `armswatch run`: the daemon. Reads the schedules from the database on every tick, starts the
//! crawls that are due (markets in parallel up to `--max-parallel`, one crawl per market), records
//! each outcome in the schedule (next due time, failures in a row, back-off), raises and delivers
//! alerts, and on SIGINT/SIGTERM lets pages in flight finish before it exits. Interrupted crawls
//! resume on the next start; every SQLite call runs off the async workers.
//!
//! On PostgreSQL any number of `armswatch run --worker NAME` processes, on any machines, share the
//! work as one daemon ([`fleet`] says how: one worker starts and finishes each due crawl, all help
//! crawl it through leases, one raises and delivers alerts). On SQLite one daemon works alone: it
//! holds the database lock ([`lock`]).

pub mod alerts;
pub mod fleet;
pub mod lock;
pub mod timing;

use crate::app;
use crate::cli::{GlobalArgs, RunArgs};
use crate::cmd::schedule::{next_crawl, ScheduleOptions};
use crate::pipeline::{self, CrawlReport, TransportChoice};
use anyhow::{Context, Result};
use armswatch_classifier::Classifier;
use armswatch_core::MarketId;
use armswatch_crawler::transport::Transport;
use armswatch_store::{CrawlStore, OpsStore, Schedule, Store};
use fleet::{Fleet, Part};
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use timing::Cadence;
use tokio::sync::watch;
use tokio::task::JoinSet;

/// The daemon's settings, validated.
#[derive(Debug, Clone)]
pub struct DaemonConfig {
    pub once: bool,
    pub max_parallel: usize,
    pub tick: Duration,
    pub backoff_secs: u64,
    pub backoff_max_secs: u64,
    pub grace: Duration,
    pub arti_dir: PathBuf,
    pub alerts: alerts::AlertConfig,
}

/// `armswatch run`.
pub fn run(g: &GlobalArgs, a: RunArgs) -> Result<ExitCode> {
    let cfg = DaemonConfig {
        once: a.once,
        max_parallel: a.max_parallel,
        tick: Duration::from_millis(timing::parse_duration_ms(&a.tick).context("--tick")?)
            .max(Duration::from_millis(50)),
        backoff_secs: timing::parse_duration(&a.backoff)
            .context("--backoff")?
            .max(1),
        backoff_max_secs: timing::parse_duration(&a.backoff_max).context("--backoff-max")?,
        grace: Duration::from_secs(
            timing::parse_duration(&a.shutdown_grace).context("--shutdown-grace")?,
        ),
        arti_dir: app::data_dir(g)?.join("arti"),
        alerts: alerts::AlertConfig::from_args(&a.alerts)?,
    };
    let lease = Duration::from_millis(timing::parse_duration_ms(&a.lease).context("--lease")?);
    if let crate::db::DbTarget::Postgres(url) = &a.db {
        let worker = fleet::worker_name(a.worker.as_deref())?;
        fleet::check_lease(lease, cfg.tick)?;
        let pg = Arc::new(armswatch_store::PgStore::connect(url)?);
        let model = Arc::new(app::load_model(g)?);
        let fleet = Arc::new(Fleet {
            pg: pg.clone(),
            worker,
            lease,
        });
        let rt = app::runtime()?;
        let failed = rt.block_on(Daemon::new(pg, model, cfg, Some(fleet)).run())?;
        return Ok(if failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    let db = a.db.sqlite("run")?;
    if let Some(w) = &a.worker {
        anyhow::bail!(
            "--worker {} names a worker of a fleet sharing a PostgreSQL database (--db postgres://...); \
             on the SQLite file {} one `armswatch run` works alone (it holds the database lock): drop --worker",
            crate::output::sanitize(w),
            db.display()
        );
    }
    let lock = lock::acquire(db)?;
    tracing::debug!("holding the database lock {}", lock.path.display());
    let store = Arc::new(Store::open(db)?);
    let model = Arc::new(app::load_model(g)?);
    let rt = app::runtime()?;
    let failed = rt.block_on(Daemon::new(store, model, cfg, None).run())?;
    drop(lock);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Transports built so far (arti bootstraps once and is shared by every market).
type Transports = Arc<tokio::sync::Mutex<Vec<(TransportChoice, Arc<dyn Transport>)>>>;

/// What a finished crawl task hands back.
type CrawlResult = (MarketId, Result<CrawlReport>);

/// The daemon's state.
struct Daemon {
    store: Arc<dyn OpsStore>,
    model: Arc<Classifier>,
    cfg: DaemonConfig,
    /// Transports built so far (arti bootstraps once and is shared by every market).
    transports: Transports,
    /// This worker of a fleet sharing a PostgreSQL database, if it is one.
    fleet: Option<Arc<Fleet>>,
}

/// Runs blocking store work on tokio's blocking pool.
async fn db<T: Send + 'static>(
    store: &Arc<dyn OpsStore>,
    f: impl FnOnce(&dyn OpsStore) -> Result<T> + Send + 'static,
) -> Result<T> {
    let store = store.clone();
    tokio::task::spawn_blocking(move || f(store.as_ref()))
        .await
        .context("a database task panicked")?
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

impl Daemon {
    fn new(
        store: Arc<dyn OpsStore>,
        model: Arc<Classifier>,
        cfg: DaemonConfig,
        fleet: Option<Arc<Fleet>>,
    ) -> Daemon {
        Daemon {
            store,
            model,
            cfg,
            transports: Arc::new(tokio::sync::Mutex::new(Vec::new())),
            fleet,
        }
    }

    /// Runs until a signal (or, with `--once`, until what was due is done). Returns whether
    /// something failed (with `--once`: a crawl; always: nothing could be scheduled).
    async fn run(self) -> Result<bool> {
        let (stop_tx, stop_rx) = watch::channel(false);
        let signals = tokio::spawn(watch_signals(stop_tx));
        let mut stop = stop_rx.clone();
        let mut running: JoinSet<CrawlResult> = JoinSet::new();
        let mut in_flight: HashMap<tokio::task::Id, (MarketId, Part)> = HashMap::new();
        let mut any_failed = false;
        let mut helped = std::collections::HashSet::new();
        tracing::info!(
            "armswatch run: pid {}, up to {} markets at once{}{}",
            std::process::id(),
            self.cfg.max_parallel,
            if self.cfg.once { ", once" } else { "" },
            match &self.fleet {
                Some(f) => format!(", worker {} of a fleet, lease {:?}", f.worker, f.lease),
                None => String::new(),
            }
        );
        if let Some(f) = &self.fleet {
            f.start().await?;
        }
        let mut renew = tokio::time::interval(
            self.fleet
                .as_ref()
                .map_or(Duration::from_secs(3600), |f| f.lease / 3),
        );
        loop {
            if *stop.borrow() {
                break;
            }
            let mut started = self
                .start_due(&mut running, &mut in_flight, &stop_rx)
                .await?;
            if let Some(f) = &self.fleet {
                started += self
                    .help(f, &mut running, &mut in_flight, &mut helped, &stop_rx)
                    .await;
                f.reap().await;
            }
            self.alert_pass().await;
            if self.cfg.once && running.is_empty() && started == 0 {
                break;
            }
            tokio::select! {
                _ = renew.tick(), if self.fleet.is_some() => {
                    if let Some(f) = &self.fleet {
                        f.renew_roles(in_flight.values()).await;
                    }
                }
                () = tokio::time::sleep(self.cfg.tick), if !self.cfg.once || running.is_empty() => {}
                Some(joined) = running.join_next_with_id() => {
                    any_failed |= self.finished(joined, &mut in_flight, &mut helped).await;
                }
                _ = stop.changed() => {}
            }
        }
        if !running.is_empty() {
            tracing::info!(
                "stopping: waiting up to {}s for {} crawls to finish their pages in flight",
                self.cfg.grace.as_secs(),
                running.len()
            );
        }
        let deadline = tokio::time::Instant::now() + self.cfg.grace;
        while !running.is_empty() {
            match tokio::time::timeout_at(deadline, running.join_next_with_id()).await {
                Ok(Some(joined)) => {
                    any_failed |= self.finished(joined, &mut in_flight, &mut helped).await
                }
                Ok(None) => break,
                Err(_) => {
                    tracing::warn!(
                        "{} crawls still busy after the grace period: their pages in flight go back to the frontier",
                        running.len()
                    );
                    running.abort_all();
                    while running.join_next().await.is_some() {}
                    break;
                }
            }
        }
        if self.cfg.once {
            // Alerts for what the last crawls found go out before a one-shot run exits.
            self.alert_pass().await;
        }
        signals.abort();
        if let Some(f) = &self.fleet {
            f.stop().await;
        }
        tracing::info!("armswatch run: stopped");
        Ok(self.cfg.once && any_failed)
    }

    /// Starts the crawls that are due, up to the parallel limit. Returns how many started.
    async fn start_due(
        &self,
        running: &mut JoinSet<CrawlResult>,
        in_flight: &mut HashMap<tokio::task::Id, (MarketId, Part)>,
        stop: &watch::Receiver<bool>,
    ) -> Result<usize> {
        let schedules = match db(&self.store, |s| Ok(s.schedules()?)).await {
            Ok(s) => s,
            Err(e) => {
                tracing::error!("reading the schedules failed: {e:#}");
                return Ok(0);
            }
        };
        let at = now();
        let mut started = 0;
        for s in schedules {
            if running.len() >= self.cfg.max_parallel {
                break;
            }
            if in_flight.values().any(|(m, _)| *m == s.market) || !self.is_due(&s, at).await {
                continue;
            }
            // In a fleet the worker that takes the market's role starts (or resumes) its crawl,
            // once it checked, holding the role, that the schedule is still due.
            let s = match &self.fleet {
                Some(f) => match f.take_schedule(&s.market).await {
                    Some(fresh) if self.is_due(&fresh, now()).await => fresh,
                    Some(_) => {
                        f.release_schedule(&s.market).await;
                        continue;
                    }
                    None => continue,
                },
                None => s,
            };
            started += 1;
            self.spawn_crawl(running, in_flight, s, Part::Own, stop);
        }
        Ok(started)
    }

    /// Spawns the crawl of schedule `s`'s market: its own run, or helping another worker's.
    fn spawn_crawl(
        &self,
        running: &mut JoinSet<CrawlResult>,
        in_flight: &mut HashMap<tokio::task::Id, (MarketId, Part)>,
        s: Schedule,
        part: Part,
        stop: &watch::Receiver<bool>,
    ) {
        let store: Arc<dyn CrawlStore> = self.store.clone();
        let model = self.model.clone();
        let transports = self.transports.clone();
        let arti_dir = self.cfg.arti_dir.clone();
        let stop = stop.clone();
        let market = s.market.clone();
        let fleet = self.fleet.as_ref().map(|f| f.crawl(&self.model, part));
        let task = running.spawn(async move {
            let r = crawl_scheduled(store, model, transports, arti_dir, &s, stop, fleet).await;
            (s.market.clone(), r)
        });
        in_flight.insert(task.id(), (market, part));
    }

    /// Whether schedule `s` is due at `at`. A market stopped by a login wall waits for a new
    /// session cookie, and is due at once when one was set after the wall.
    async fn is_due(&self, s: &Schedule, at: i64) -> bool {
        if s.paused {
            return false;
        }
        let market = s.market.clone();
        let state = db(&self.store, move |st| {
            Ok((
                st.market_state_changed(&market)?,
                st.market_session(&market)?,
            ))
        })
        .await;
        let Ok((state, session)) = state else {
            return false;
        };
        if let Some((state, changed)) = state {
            if state == "needs_session" {
                let refreshed = matches!((session, changed), (Some((_, set)), Some(c)) if set >= c);
                return refreshed;
            }
        }
        next_crawl(s).is_some_and(|n| n <= at)
    }

    /// Records a finished crawl in its schedule; returns whether it failed.
    async fn finished(
        &self,
        joined: Result<(tokio::task::Id, CrawlResult), tokio::task::JoinError>,
        in_flight: &mut HashMap<tokio::task::Id, (MarketId, Part)>,
        helped: &mut std::collections::HashSet<i64>,
    ) -> bool {
        let (market, part, result) = match joined {
            Ok((id, (market, r))) => {
                let part = in_flight.remove(&id).map_or(Part::Own, |(_, p)| p);
                (market, part, r)
            }
            Err(e) => {
                // A panicked crawl: stored as the market's error and backed off like a failure.
                let Some((market, part)) = in_flight.remove(&e.id()) else {
                    return true;
                };
                let msg = if e.is_panic() {
                    format!(
                        "the crawl panicked: {}",
                        crate::output::sanitize(&format!("{e}"))
                    )
                } else {
                    "the crawl was cancelled".to_string()
                };
                (market, part, Err(anyhow::anyhow!(msg)))
            }
        };
        if let (Some(f), Part::Help(run)) = (&self.fleet, part) {
            // The worker that started the run finishes it and records the outcome.
            helped.insert(run);
            return f.helped(&market, run, &result);
        }
        if let Some(f) = &self.fleet {
            if !f.still_own(&market).await {
                return result.is_err();
            }
        }
        let cfg = self.cfg.clone();
        let m = market.clone();
        let outcome = db(&self.store, move |store| {
            record_outcome(store, &cfg, &m, result)
        })
        .await;
        if let Some(f) = &self.fleet {
            f.release_schedule(&market).await;
        }
        match outcome {
            Ok(failed) => failed,
            Err(e) => {
                tracing::error!("market {market}: recording the crawl's outcome failed: {e:#}");
                true
            }
        }
    }

    /// Raises and delivers alerts; failures are logged and retried on the next pass.
    async fn alert_pass(&self) {
        if !self.cfg.alerts.enabled() {
            return;
        }
        if let Some(f) = &self.fleet {
            if !f.take_role(fleet::ALERTS_ROLE).await {
                return;
            }
        }
        let cfg = self.cfg.alerts.clone();
        let r = db(&self.store, move |store| {
            alerts::raise(store, &cfg)?;
            alerts::deliver(store, &cfg)
        })
        .await;
        if let Err(e) = r {
            tracing::error!("alerts: {e:#}");
        }
    }
}

/// One scheduled crawl: the plan from the profile (read now), the transport, the crawl.
async fn crawl_scheduled(
    store: Arc<dyn CrawlStore>,
    model: Arc<Classifier>,
    transports: Transports,
    arti_dir: PathBuf,
    s: &Schedule,
    stop: watch::Receiver<bool>,
    fleet: Option<pipeline::FleetCrawl>,
) -> Result<CrawlReport> {
    let options: ScheduleOptions = serde_json::from_str(&s.options_json)
        .with_context(|| format!("bad options in the schedule of market {}", s.market))?;
    let plan = options.plan(&s.profile_path)?;
    if plan.market != s.market {
        anyhow::bail!(
            "the profile {} now names market {}, but it was scheduled as market {}: remove and add the schedule again",
            s.profile_path,
            plan.market,
            s.market
        );
    }
    let transport = {
        let mut cache = transports.lock().await;
        match cache.iter().find(|(c, _)| *c == plan.transport) {
            Some((_, t)) => t.clone(),
            None => {
                let t =
                    pipeline::build_transport(&plan.transport, arti_dir, None, false, true, None)
                        .await?;
                cache.push((plan.transport.clone(), t.clone()));
                t
            }
        }
    };
    match fleet {
        Some(f) => pipeline::crawl_market_fleet(transport, &plan, &model, Some(stop), &f).await,
        None => pipeline::crawl_market_until(store, transport, &plan, &model, Some(stop)).await,
    }
}

/// Updates the schedule of `market` after a crawl: success resets the failures; a failure (the
/// crawl could not run, no page answered, zero listings, a CAPTCHA or queue wall) counts one more
/// and backs the market off; a stopped crawl is due again at once (it resumes on restart).
/// Returns whether the crawl failed.
fn record_outcome(
    store: &dyn OpsStore,
    cfg: &DaemonConfig,
    market: &MarketId,
    result: Result<CrawlReport>,
) -> Result<bool> {
    let Some(s) = store.schedule(market)? else {
        return Ok(result.is_err());
    };
    let at = now();
    let cadence = Cadence::of(&s)?;
    let (failed, run_id) = match &result {
        Ok(r) if r.summary.stopped => {
            tracing::info!(
                "market {market}: crawl run {} stopped; it resumes on the next start",
                r.run_id
            );
            return Ok(false);
        }
        Ok(r) => {
            let blocked = r.summary.wall.is_some()
                && store
                    .market_state_changed(market)?
                    .is_some_and(|(st, _)| st == "blocked" || st == "down");
            (r.failed() || blocked, Some(r.run_id))
        }
        Err(e) => {
            let msg = format!("{e:#}");
            tracing::error!(
                "market {market}: crawl failed: {}",
                crate::redact::text(&msg)
            );
            store.add_crawl_error(market, None, "crawl", &msg)?;
            (true, None)
        }
    };
    if let Ok(r) = &result {
        tracing::info!(
            "market {market}: run {} done: {} pages, {} new listings, {} flagged{}",
            r.run_id,
            r.summary.pages_fetched,
            r.summary.listings_new,
            r.flagged,
            if failed { " (failed)" } else { "" }
        );
    }
    let next_at = cadence.next_after(at);
    if failed {
        let failures = s.failures.saturating_add(1);
        let wait = timing::backoff_secs(cfg.backoff_secs, cfg.backoff_max_secs, failures);
        let until = at.saturating_add(i64::try_from(wait).unwrap_or(i64::MAX));
        tracing::warn!(
            "market {market}: {failures} failed crawls in a row; backing off {}",
            timing::human(i64::try_from(wait).unwrap_or(i64::MAX))
        );
        store.schedule_done(market, next_at, failures, Some(until), run_id)?;
    } else {
        if s.failures > 0 {
            tracing::info!(
                "market {market}: crawled again after {} failures",
                s.failures
            );
        }
        store.schedule_done(market, next_at, 0, None, run_id)?;
    }
    Ok(failed)
}

/// Turns the first SIGINT or SIGTERM into a stop; a second one ends the process at once (pages in
/// flight stay in the frontier: nothing is half-written).
async fn watch_signals(stop: watch::Sender<bool>) {
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut int), Ok(mut term)) = (
        signal(SignalKind::interrupt()),
        signal(SignalKind::terminate()),
    ) else {
        tracing::error!("cannot listen for SIGINT/SIGTERM");
        return;
    };
    let mut seen = 0;
    loop {
        let name = tokio::select! {
            _ = int.recv() => "SIGINT",
            _ = term.recv() => "SIGTERM",
        };
        seen += 1;
        if seen == 1 {
            tracing::info!("{name}: stopping after the pages in flight (again to stop at once)");
            let _ = stop.send(true);
        } else {
            tracing::warn!("{name} again: stopping now; pages in flight go back to the frontier");
            std::process::exit(130);
        }
    }
}
