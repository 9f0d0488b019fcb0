//! `armswatch schedule add|list|remove|pause|resume`: the schedules `armswatch run` follows, kept
//! in the database.

use crate::cli::{ScheduleAddArgs, ScheduleArgs, ScheduleCommand, ScheduleMarketArgs};
use crate::daemon::timing::{self, Cadence};
use crate::output::{Column, Format, Printer, Row};
use crate::pipeline::{CrawlPlan, PlanOptions};
use anyhow::{bail, Context, Result};
use armswatch_core::MarketId;
use armswatch_crawler::profile::Profile;
use armswatch_store::{rfc3339, NewSchedule, OpsStore, Schedule};
use serde::{Deserialize, Serialize};
use std::process::ExitCode;
use std::sync::Arc;

/// Crawl options a schedule sets over its profile (stored as JSON).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleOptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_pages: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_secs: Option<u64>,
}

impl ScheduleOptions {
    /// The crawl plan of a scheduled market: its profile, read now, and these options.
    pub fn plan(&self, profile_path: &str) -> Result<CrawlPlan> {
        let profile = Arc::new(
            Profile::load(std::path::Path::new(profile_path))
                .with_context(|| format!("loading the scheduled profile {profile_path}"))?,
        );
        let o = PlanOptions {
            tor: self.tor.clone(),
            timeout_secs: self.timeout_secs,
            max_pages: self.max_pages,
            ..PlanOptions::default()
        };
        CrawlPlan::new(Some(profile), self.base_url.as_deref(), &[], &o)
    }
}

/// `armswatch schedule`.
pub fn run(a: ScheduleArgs) -> Result<ExitCode> {
    match a.command {
        ScheduleCommand::Add(a) => add(a),
        ScheduleCommand::List { db, output } => {
            let store = db.open_ops_read()?;
            let mut out = Printer::stdout(output.format()).when_empty(
                "no schedules (add one with `armswatch schedule add PROFILE --every 6h`)",
            );
            for s in store.schedules()? {
                out.row(&ScheduleRow::from(&s))?;
            }
            out.finish::<ScheduleRow>()?;
            Ok(ExitCode::SUCCESS)
        }
        ScheduleCommand::Remove(m) => change(m, "removed", |s, id| s.remove_schedule(id)),
        ScheduleCommand::Pause(m) => change(m, "paused", |s, id| s.set_schedule_paused(id, true)),
        ScheduleCommand::Resume(m) => {
            change(m, "resumed", |s, id| s.set_schedule_paused(id, false))
        }
    }
}

fn add(a: ScheduleAddArgs) -> Result<ExitCode> {
    let path = std::path::absolute(&a.profile)
        .with_context(|| format!("resolving {}", a.profile.display()))?;
    let path_str = path
        .to_str()
        .with_context(|| format!("the profile path {} is not UTF-8", path.display()))?
        .to_string();
    let options = ScheduleOptions {
        tor: a.tor.clone(),
        base_url: a.base_url.clone(),
        max_pages: a.max_pages,
        timeout_secs: a.timeout_secs,
    };
    let (every_secs, jitter_secs, cron) = match (&a.every, &a.cron) {
        (Some(e), None) => {
            let every = timing::parse_duration(e)?;
            if every == 0 {
                bail!("--every must be longer than 0s");
            }
            let jitter = match &a.jitter {
                Some(j) => timing::parse_duration(j)?,
                None => 0,
            };
            (Some(i64::try_from(every)?), i64::try_from(jitter)?, None)
        }
        (None, Some(c)) => {
            timing::parse_cron(c)?;
            (None, 0, Some(c.trim().to_string()))
        }
        _ => bail!("give either --every DURATION or --cron EXPR"),
    };
    // Everything a crawl would refuse is refused now: the profile, the transport, the settings.
    let plan = options.plan(&path_str)?;
    let db = &a.db;
    let store = db.open_ops(true)?;
    store.upsert_market(&plan.market, plan.name.as_deref(), plan.base_url.as_deref())?;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let new = NewSchedule {
        market: plan.market.clone(),
        profile_path: path_str,
        every_secs,
        jitter_secs,
        cron,
        options_json: serde_json::to_string(&options)?,
        next_at: now,
    };
    store.add_schedule(&new)?;
    let s = store
        .schedule(&plan.market)?
        .context("the schedule just added is missing")?;
    let row = ScheduleRow::from(&s);
    if a.json {
        let mut out = Printer::stdout(Format::Json);
        out.row(&row)?;
        out.finish::<ScheduleRow>()?;
    } else {
        println!(
            "scheduled market {} ({}); first crawl due now: start `armswatch run --db {}`",
            crate::output::sanitize(&row.market),
            row.cadence,
            db
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Removes, pauses or resumes one market's schedule.
fn change(
    m: ScheduleMarketArgs,
    done: &str,
    f: impl FnOnce(&dyn OpsStore, &MarketId) -> armswatch_store::Result<bool>,
) -> Result<ExitCode> {
    let store = m.db.open_ops(false)?;
    let id = MarketId::parse(&m.market)?;
    if !f(store.as_ref(), &id)? {
        bail!(
            "market {} has no schedule (see `armswatch schedule list`)",
            crate::output::sanitize(&m.market)
        );
    }
    if m.json {
        let v = serde_json::json!({"market": id.as_str(), "result": done});
        println!("{v}");
    } else {
        println!("schedule of market {} {done}", id.as_str());
    }
    Ok(ExitCode::SUCCESS)
}

/// One schedule as printed.
#[derive(Debug, Serialize)]
pub struct ScheduleRow {
    pub market: String,
    pub cadence: String,
    pub every_secs: Option<i64>,
    pub jitter_secs: i64,
    pub cron: Option<String>,
    pub paused: bool,
    pub next_crawl: Option<String>,
    pub failures: u32,
    pub backoff_until: Option<String>,
    pub last_run: Option<i64>,
    pub profile: String,
    pub options: serde_json::Value,
}

impl From<&Schedule> for ScheduleRow {
    fn from(s: &Schedule) -> Self {
        ScheduleRow {
            market: s.market.as_str().to_string(),
            cadence: Cadence::describe(s),
            every_secs: s.every_secs,
            jitter_secs: s.jitter_secs,
            cron: s.cron.clone(),
            paused: s.paused,
            next_crawl: next_crawl(s).map(rfc3339),
            failures: s.failures,
            backoff_until: s.backoff_until.map(rfc3339),
            last_run: s.last_run_id,
            profile: s.profile_path.clone(),
            options: serde_json::from_str(&s.options_json).unwrap_or(serde_json::Value::Null),
        }
    }
}

/// When the next crawl of a schedule is due: none while paused; never before its back-off ends.
pub fn next_crawl(s: &Schedule) -> Option<i64> {
    if s.paused {
        return None;
    }
    Some(s.next_at.max(s.backoff_until.unwrap_or(i64::MIN)))
}

impl Row for ScheduleRow {
    fn columns() -> &'static [Column] {
        const C: &[Column] = &[
            Column::left("MARKET", 14),
            Column::left("WHEN", 26),
            Column::left("NEXT CRAWL", 20),
            Column::left("STATE", 8),
            Column::right("FAILURES", 8),
            Column::left("BACKOFF_UNTIL", 0).csv_only(),
            Column::left("PROFILE", 0),
        ];
        C
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.market.clone(),
            self.cadence.clone(),
            self.next_crawl.clone().unwrap_or_default(),
            if self.paused {
                "paused".into()
            } else if self.backoff_until.is_some() {
                "backoff".into()
            } else {
                "active".into()
            },
            self.failures.to_string(),
            self.backoff_until.clone().unwrap_or_default(),
            self.profile.clone(),
        ]
    }
}
