//! A fleet of `armswatch run --db postgres://... --worker NAME` processes, on one machine or many,
//! working as one daemon. Nothing but the database is shared: no worker talks to another.
//!
//! - **A due crawl is started once.** Every worker reads the schedules on each tick. A worker that
//!   finds a market due takes the market's role `schedule:MARKET` (a row in `worker_roles` held
//!   until a lease expires, server clock), reads the schedule again and, if it is still due,
//!   starts the market's crawl run (or resumes its unfinished one). While it crawls it renews the
//!   role every third of the lease. Other workers cannot take the role meanwhile.
//! - **Every worker helps.** A worker with room (`--max-parallel`) joins the open run of every
//!   market whose role another live worker holds, and crawls it through leases on the shared
//!   frontier ([`armswatch_crawler::engine::crawl_shared`]): URLs are claimed one at a time, the
//!   market's concurrency and delay hold for the whole fleet, and each page is stored with its
//!   listings and verdicts in one transaction that checks the lease.
//! - **The run is finished once.** The role holder's crawl ends when the shared frontier is
//!   exhausted (nothing pending, nothing leased by anyone). It then finishes the run by what the
//!   whole fleet fetched, records the outcome in the schedule (next due time, failures, back-off),
//!   and gives the role back. Helpers finish nothing.
//! - **Alerts once.** Only the worker holding the `alerts` role (taken or renewed on each pass)
//!   raises and delivers alerts; alert keys are unique besides.
//! - **A worker that dies** (SIGKILL, a lost machine) loses nothing: its URL leases expire and
//!   other workers claim the URLs again (what it fetched but did not commit is fetched again; a
//!   page it commits after its lease was taken over is refused; each worker's tick clears expired
//!   leases and logs whose they were); its roles expire and another worker takes the market's
//!   role, resumes the unfinished run and finishes it. A worker started again under the same name
//!   first gives back everything its previous process held.
//! - **SIGINT/SIGTERM**: pages in flight are fetched and stored, nothing new is claimed, and the
//!   worker gives back its leases and roles before it exits; an interrupted run stays open and the
//!   next worker to find the market due resumes it.

use super::{CrawlResult, Daemon};
use crate::pipeline::FleetCrawl;
use anyhow::{bail, Context, Result};
use armswatch_classifier::Classifier;
use armswatch_core::MarketId;
use armswatch_store::{PgStore, Schedule};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinSet;

/// The role of the worker that raises and delivers alerts.
pub const ALERTS_ROLE: &str = "alerts";

/// The shortest lease `--lease` takes: renewals and claims must fit in it comfortably.
const MIN_LEASE: Duration = Duration::from_secs(1);

fn schedule_role(market: &MarketId) -> String {
    format!("schedule:{market}")
}

/// A worker's part in a market's crawl.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// It started or resumed the run: it finishes it and records the schedule's outcome.
    Own,
    /// It helps with this open run of another worker's.
    Help(i64),
}

/// This worker of the fleet.
pub struct Fleet {
    pub pg: Arc<PgStore>,
    pub worker: String,
    pub lease: Duration,
}

/// Checks `--worker`: required on PostgreSQL, a short name of letters, digits, `.`, `_`, `-`.
pub fn worker_name(name: Option<&str>) -> Result<String> {
    let Some(name) = name else {
        bail!(
            "armswatch run on PostgreSQL needs --worker NAME, unique per process (e.g. --worker $(hostname)-1): \
             workers sharing the database claim URLs and roles under their names"
        );
    };
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if !ok {
        bail!(
            "--worker {}: a worker name is 1 to 64 letters, digits, '.', '_' or '-'",
            crate::output::sanitize(name)
        );
    }
    Ok(name.to_string())
}

/// Checks `--lease` against the tick.
pub fn check_lease(lease: Duration, tick: Duration) -> Result<()> {
    if lease < MIN_LEASE {
        bail!("--lease must be at least {}s", MIN_LEASE.as_secs());
    }
    if tick >= lease {
        bail!(
            "--tick ({tick:?}) must be shorter than --lease ({lease:?}): the alerts role is renewed on each tick"
        );
    }
    Ok(())
}

impl Fleet {
    /// Runs blocking store work on tokio's blocking pool.
    async fn pg<T: Send + 'static>(
        &self,
        f: impl FnOnce(&PgStore) -> armswatch_store::Result<T> + Send + 'static,
    ) -> Result<T> {
        let pg = self.pg.clone();
        Ok(tokio::task::spawn_blocking(move || f(&pg))
            .await
            .context("a database task panicked")??)
    }

    /// At start: gives back what a previous process of this worker's name held (it died).
    pub async fn start(&self) -> Result<()> {
        let w = self.worker.clone();
        let n = self.pg(move |pg| pg.release_worker(&w)).await?;
        if n > 0 {
            tracing::info!(
                "worker {}: gave back {n} URL leases its previous process held",
                self.worker
            );
        }
        Ok(())
    }

    /// Clears the URL leases that expired (their workers died or stalled) and says whose they
    /// were: claims pass over expired leases anyway, so this is the operator's sign that a worker
    /// stopped renewing. Every worker does it on each tick; one of them finds the rows.
    pub async fn reap(&self) {
        match self.pg(PgStore::reap_expired_leases).await {
            Ok(lost) => {
                for (worker, n) in lost {
                    tracing::warn!(
                        "worker {}: {n} URL leases expired (it died or stalled); their URLs are claimable again",
                        crate::output::sanitize(&worker)
                    );
                }
            }
            Err(e) => tracing::warn!("clearing expired leases failed: {e:#}"),
        }
    }

    /// At exit: gives back every lease and role.
    pub async fn stop(&self) {
        let w = self.worker.clone();
        if let Err(e) = self.pg(move |pg| pg.release_worker(&w)).await {
            tracing::warn!("giving back this worker's leases failed (they expire): {e:#}");
        }
    }

    /// Takes or renews `role`; false when another live worker holds it (or the database failed).
    pub async fn take_role(&self, role: &str) -> bool {
        let (r, w, lease) = (role.to_string(), self.worker.clone(), self.lease);
        match self.pg(move |pg| pg.claim_role(&r, &w, lease)).await {
            Ok(held) => held,
            Err(e) => {
                tracing::warn!("taking the role {role} failed: {e:#}");
                false
            }
        }
    }

    /// Takes the role of `market`'s crawl; returns its schedule read afresh under the role.
    pub async fn take_schedule(&self, market: &MarketId) -> Option<Schedule> {
        if !self.take_role(&schedule_role(market)).await {
            return None;
        }
        let m = market.clone();
        match self.pg(move |pg| pg.schedule(&m)).await {
            Ok(Some(s)) => Some(s),
            Ok(None) => {
                self.release_schedule(market).await;
                None
            }
            Err(e) => {
                tracing::warn!("market {market}: reading its schedule failed: {e:#}");
                self.release_schedule(market).await;
                None
            }
        }
    }

    /// Gives the role of `market`'s crawl back.
    pub async fn release_schedule(&self, market: &MarketId) {
        let (r, w) = (schedule_role(market), self.worker.clone());
        if let Err(e) = self.pg(move |pg| pg.release_role(&r, &w)).await {
            tracing::warn!("market {market}: giving its role back failed (it expires): {e:#}");
        }
    }

    /// Whether this worker still holds the role of `market`'s crawl (renewing it): a worker that
    /// stalled past its lease may have been replaced, and then the other one finishes the run.
    pub async fn still_own(&self, market: &MarketId) -> bool {
        let held = self.take_role(&schedule_role(market)).await;
        if !held {
            tracing::warn!(
                "market {market}: another worker took over this crawl (this worker's role lapsed); it finishes the run"
            );
        }
        held
    }

    /// Renews the roles of the crawls this worker started.
    pub async fn renew_roles<'a>(&self, parts: impl Iterator<Item = &'a (MarketId, Part)>) {
        let own: Vec<MarketId> = parts
            .filter(|(_, p)| *p == Part::Own)
            .map(|(m, _)| m.clone())
            .collect();
        for m in own {
            if !self.take_role(&schedule_role(&m)).await {
                tracing::warn!("market {m}: lost the role of its crawl to another worker");
            }
        }
    }

    /// The crawl settings of this worker for `part`.
    pub fn crawl(&self, model: &Arc<Classifier>, part: Part) -> FleetCrawl {
        FleetCrawl {
            pg: self.pg.clone(),
            worker: self.worker.clone(),
            lease: self.lease,
            model: model.clone(),
            help_run: match part {
                Part::Own => None,
                Part::Help(run) => Some(run),
            },
        }
    }

    /// Logs a helper's crawl; returns whether it failed.
    pub fn helped(
        &self,
        market: &MarketId,
        run: i64,
        result: &Result<crate::pipeline::CrawlReport>,
    ) -> bool {
        match result {
            Ok(r) => {
                tracing::info!(
                    "market {market}: helped with run {run}: {} pages, {} new listings{}",
                    r.summary.pages_fetched,
                    r.summary.listings_new,
                    if r.summary.leases_lost > 0 {
                        format!(", {} pages dropped (lease lost)", r.summary.leases_lost)
                    } else {
                        String::new()
                    }
                );
                false
            }
            Err(e) => {
                tracing::error!(
                    "market {market}: helping with run {run} failed: {}",
                    crate::redact::text(&format!("{e:#}"))
                );
                true
            }
        }
    }
}

impl Daemon {
    /// Joins the open runs of markets whose crawl another live worker started, up to the parallel
    /// limit; a run this worker already helped until its frontier was exhausted is not joined
    /// again. Returns how many it joined.
    pub(super) async fn help(
        &self,
        f: &Fleet,
        running: &mut JoinSet<CrawlResult>,
        in_flight: &mut HashMap<tokio::task::Id, (MarketId, Part)>,
        helped: &mut HashSet<i64>,
        stop: &watch::Receiver<bool>,
    ) -> usize {
        if running.len() >= self.cfg.max_parallel {
            return 0;
        }
        let found = f
            .pg(|pg| {
                let holders = pg.role_holders()?;
                let schedules = pg.schedules()?;
                let mut open = Vec::new();
                for h in holders {
                    let Some(m) = h.role.strip_prefix("schedule:") else {
                        continue;
                    };
                    let Some(s) = schedules.iter().find(|s| s.market.as_str() == m) else {
                        continue;
                    };
                    if let Some(run) = pg.unfinished_run(&s.market)? {
                        open.push((h.worker, s.clone(), run));
                    }
                }
                Ok(open)
            })
            .await;
        let open = match found {
            Ok(o) => o,
            Err(e) => {
                tracing::warn!("looking for crawls to help with failed: {e:#}");
                return 0;
            }
        };
        let mut joined = 0;
        for (holder, s, run) in open {
            if running.len() >= self.cfg.max_parallel {
                break;
            }
            if holder == f.worker
                || s.paused
                || helped.contains(&run)
                || in_flight.values().any(|(m, _)| *m == s.market)
            {
                continue;
            }
            tracing::info!(
                "market {}: helping worker {holder} with run {run}",
                s.market
            );
            self.spawn_crawl(running, in_flight, s, Part::Help(run), stop);
            joined += 1;
        }
        joined
    }
}
