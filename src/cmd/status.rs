//! `armswatch status`: each market's state, counts and last crawl.

use crate::cli::StatusArgs;
use crate::cmd::schedule::next_crawl;
use crate::daemon::timing::Cadence;
use crate::output::{Column, Printer, Row};
use anyhow::Result;
use armswatch_store::{rfc3339, FrontierProblem, MarketSummary, Refusal};
use serde::Serialize;
use std::collections::BTreeMap;
use std::process::ExitCode;

/// Failed and refused URLs, and refusals, listed per market (the newest); the table shows 3 and 1.
const PROBLEMS_SHOWN: usize = 10;

/// Stored crawl errors listed per market (the newest); the table shows 2.
const ERRORS_SHOWN: usize = 5;

/// `armswatch status`.
pub fn run(a: StatusArgs) -> Result<ExitCode> {
    let store = a.db.open_case(false)?;
    let mut out = Printer::stdout(a.output.format()).when_empty("no markets yet");
    for m in store.markets()? {
        let frontier = store.frontier_counts(&m.id)?;
        let problems = store.frontier_problems(&m.id, PROBLEMS_SHOWN)?;
        let refusals = store.recent_refusals(&m.id, PROBLEMS_SHOWN)?;
        let schedule = store.schedule(&m.id)?;
        let errors = store.recent_crawl_errors(&m.id, ERRORS_SHOWN)?;
        let since = m.last_run.as_ref().map(|r| r.started_at);
        let new_flagged = match since {
            Some(t) => store.flagged_since(&m.id, t)?,
            None => 0,
        };
        let failures = store.frontier_failure_counts(&m.id)?;
        let mut fetching = BTreeMap::new();
        for lease in store.leases(&m.id)? {
            *fetching.entry(lease.worker).or_insert(0) += 1;
        }
        let mut row = MarketStatus::new(m, frontier);
        row.fetching = fetching;
        row.problems = problems;
        row.failures = failures
            .into_iter()
            .map(|(kind, count)| FailureCount {
                kind: kind.as_str(),
                side: kind.side(),
                count,
            })
            .collect();
        row.refusals = refusals.into_iter().map(RefusalRow::from).collect();
        row.new_flagged = new_flagged;
        row.recent_errors = errors
            .into_iter()
            .map(|e| ErrorRow {
                at: rfc3339(e.at),
                kind: e.kind,
                run: e.run_id,
                message: e.message,
            })
            .collect();
        if let Some(s) = schedule {
            if s.paused {
                row.state = "paused".into();
            }
            row.next_crawl = next_crawl(&s).map(rfc3339);
            row.schedule = Some(ScheduleInfo {
                cadence: Cadence::describe(&s),
                paused: s.paused,
                failures: s.failures,
                backoff_until: s.backoff_until.map(rfc3339),
            });
        }
        out.row(&row)?;
    }
    out.finish::<MarketStatus>()?;
    Ok(ExitCode::SUCCESS)
}

/// One market as printed. `state` is `paused` when its schedule is paused, else the market's own
/// (ok, needs_session, blocked, down).
#[derive(Debug, Serialize)]
struct MarketStatus {
    market: String,
    name: Option<String>,
    base_url: Option<String>,
    state: String,
    /// When `armswatch run` crawls it next (none without a schedule or while paused).
    next_crawl: Option<String>,
    schedule: Option<ScheduleInfo>,
    /// Flagged listings first seen since the last crawl started.
    new_flagged: usize,
    /// The newest errors stored for the market (crawls that failed, walls, anomalies).
    recent_errors: Vec<ErrorRow>,
    state_reason: Option<String>,
    state_page_id: Option<i64>,
    state_changed_at: Option<String>,
    pages: usize,
    listings: usize,
    flagged: usize,
    frontier: BTreeMap<String, usize>,
    /// URLs being fetched now by each worker of a fleet (live leases; PostgreSQL only).
    fetching: BTreeMap<String, usize>,
    last_run: Option<LastRun>,
    /// Failed URLs by kind of failure (onion descriptor not found, introduction failed, timeout...)
    /// and whose side it is on (`market`, `tor`, `either`, `local`).
    failures: Vec<FailureCount>,
    /// The newest failed and refused frontier URLs with their errors.
    problems: Vec<FrontierProblem>,
    /// The newest URLs the host policy refused (off-site links, redirects, resources).
    refusals: Vec<RefusalRow>,
}

/// A market's schedule as printed.
#[derive(Debug, Serialize)]
struct ScheduleInfo {
    cadence: String,
    paused: bool,
    failures: u32,
    backoff_until: Option<String>,
}

/// A stored error as printed.
#[derive(Debug, Serialize)]
struct ErrorRow {
    at: String,
    kind: String,
    run: Option<i64>,
    message: String,
}

/// Failed URLs of one kind.
#[derive(Debug, Serialize)]
struct FailureCount {
    kind: &'static str,
    side: &'static str,
    count: usize,
}

/// A refused URL as printed.
#[derive(Debug, Serialize)]
struct RefusalRow {
    url: String,
    from_url: Option<String>,
    reason: String,
}

impl From<Refusal> for RefusalRow {
    fn from(r: Refusal) -> Self {
        RefusalRow {
            url: r.url,
            from_url: r.from_url,
            reason: r.reason,
        }
    }
}

/// The newest crawl run of a market.
#[derive(Debug, Serialize)]
struct LastRun {
    id: i64,
    status: String,
    transport: String,
    started_at: String,
    finished_at: Option<String>,
    pages_fetched: usize,
    errors: usize,
}

impl MarketStatus {
    fn new(m: MarketSummary, frontier: BTreeMap<String, usize>) -> Self {
        MarketStatus {
            market: m.id.0,
            name: m.name,
            base_url: m.base_url,
            state: m.state.as_str().to_string(),
            next_crawl: None,
            schedule: None,
            new_flagged: 0,
            recent_errors: Vec::new(),
            state_reason: m.state_reason,
            state_page_id: m.state_page_id,
            state_changed_at: m.state_changed_at.map(rfc3339),
            pages: m.pages,
            listings: m.listings,
            flagged: m.flagged,
            frontier,
            fetching: BTreeMap::new(),
            failures: Vec::new(),
            problems: Vec::new(),
            refusals: Vec::new(),
            last_run: m.last_run.map(|r| LastRun {
                id: r.id,
                status: r.status,
                transport: r.transport,
                started_at: rfc3339(r.started_at),
                finished_at: r.finished_at.map(rfc3339),
                pages_fetched: r.counts.pages_fetched,
                errors: r.counts.errors,
            }),
        }
    }
}

impl MarketStatus {
    /// `kind count (side)`, comma separated: `onion_descriptor_not_found 3 (market), timeout 1
    /// (either)`.
    fn failures_text(&self) -> String {
        self.failures
            .iter()
            .map(|f| format!("{} {} ({})", f.kind, f.count, f.side))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// `w1 2, w2 1`: URLs being fetched now, by worker.
    fn fetching_text(&self) -> String {
        self.fetching
            .iter()
            .map(|(w, n)| format!("{w} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Row for MarketStatus {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::left("MARKET", 14),
            Column::left("STATE", 14),
            Column::right("PAGES", 6),
            Column::right("LISTINGS", 8),
            Column::right("FLAGGED", 7),
            Column::right("NEW", 4),
            Column::left("LAST CRAWL", 32),
            Column::left("NEXT CRAWL", 20),
            Column::right("PENDING", 7),
            Column::left("NAME", 0).csv_only(),
            Column::left("BASE_URL", 0).csv_only(),
            Column::left("STATE_REASON", 0).csv_only(),
            Column::left("STATE_PAGE_ID", 0).csv_only(),
            Column::left("STATE_CHANGED_AT", 0).csv_only(),
            Column::left("LAST_RUN_ERRORS", 0).csv_only(),
            Column::left("FAILURES", 0).csv_only(),
            Column::left("FETCHING", 0).csv_only(),
        ];
        COLUMNS
    }

    fn cells(&self) -> Vec<String> {
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        vec![
            self.market.clone(),
            self.state.clone(),
            self.pages.to_string(),
            self.listings.to_string(),
            self.flagged.to_string(),
            self.new_flagged.to_string(),
            self.last_run
                .as_ref()
                .map(|r| format!("{} {}", r.started_at, r.status))
                .unwrap_or_default(),
            self.next_crawl.clone().unwrap_or_default(),
            self.frontier
                .get("pending")
                .copied()
                .unwrap_or(0)
                .to_string(),
            opt(&self.name),
            opt(&self.base_url),
            opt(&self.state_reason),
            self.state_page_id
                .map(|p| p.to_string())
                .unwrap_or_default(),
            opt(&self.state_changed_at),
            self.last_run
                .as_ref()
                .map(|r| r.errors.to_string())
                .unwrap_or_default(),
            self.failures_text(),
            self.fetching_text(),
        ]
    }

    /// Why a market is not `ok`, with the page that showed it; the newest failed URLs and the
    /// newest refusal.
    fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(reason) = self
            .state_reason
            .as_deref()
            .filter(|_| self.state != "ok" && self.state != "paused")
        {
            notes.push(format!(
                "{reason}{}",
                self.state_page_id
                    .map(|p| format!(" (evidence: page {p})"))
                    .unwrap_or_default()
            ));
        }
        if let Some(s) = self.schedule.as_ref().filter(|s| s.failures > 0) {
            notes.push(format!(
                "{} failed crawls in a row; backed off until {}",
                s.failures,
                s.backoff_until.as_deref().unwrap_or("-")
            ));
        }
        for e in self.recent_errors.iter().take(2) {
            notes.push(format!("error {} ({}): {}", e.at, e.kind, e.message));
        }
        if !self.fetching.is_empty() {
            notes.push(format!(
                "fetching now, URLs by worker: {}",
                self.fetching_text()
            ));
        }
        if !self.failures.is_empty() {
            notes.push(format!("failed URLs by cause: {}", self.failures_text()));
        }
        for p in self.problems.iter().take(3) {
            let kind = p.failure.map(|k| format!(" [{k}]")).unwrap_or_default();
            notes.push(format!("{} {}{kind}: {}", p.state, p.url, p.error));
        }
        if let Some(r) = self.refusals.first() {
            notes.push(format!("refused {}: {}", r.url, r.reason));
        }
        notes
    }
}
