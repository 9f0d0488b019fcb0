//! `armswatch status`: each market's state, counts and last crawl.

use crate::cli::StatusArgs;
use anyhow::Result;
use armswatch_store::{rfc3339, Store};
use std::io::Write;
use std::process::ExitCode;

/// `armswatch status`.
pub fn run(a: StatusArgs) -> Result<ExitCode> {
    if !a.db.exists() {
        anyhow::bail!("no database at {}", a.db.display());
    }
    let store = Store::open(&a.db)?;
    let markets = store.markets()?;
    let mut out = std::io::stdout().lock();
    if a.json {
        for m in &markets {
            let frontier = store.frontier_counts(&m.id)?;
            let v = serde_json::json!({
                "market": m.id.as_str(),
                "name": m.name,
                "base_url": m.base_url,
                "state": m.state.as_str(),
                "state_reason": m.state_reason,
                "state_page_id": m.state_page_id,
                "state_changed_at": m.state_changed_at.map(rfc3339),
                "pages": m.pages,
                "listings": m.listings,
                "flagged": m.flagged,
                "frontier": frontier,
                "last_run": m.last_run.as_ref().map(|r| serde_json::json!({
                    "id": r.id,
                    "status": r.status,
                    "transport": r.transport,
                    "started_at": rfc3339(r.started_at),
                    "finished_at": r.finished_at.map(rfc3339),
                    "pages_fetched": r.counts.pages_fetched,
                    "errors": r.counts.errors,
                })),
            });
            writeln!(out, "{v}")?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if markets.is_empty() {
        writeln!(out, "no markets yet")?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{:<14} {:<14} {:>6} {:>8} {:>7}  {:<28} PENDING",
        "MARKET", "STATE", "PAGES", "LISTINGS", "FLAGGED", "LAST CRAWL"
    )?;
    for m in &markets {
        let frontier = store.frontier_counts(&m.id)?;
        let last = m
            .last_run
            .as_ref()
            .map(|r| format!("{} {}", rfc3339(r.started_at), r.status))
            .unwrap_or_else(|| "-".into());
        writeln!(
            out,
            "{:<14} {:<14} {:>6} {:>8} {:>7}  {:<28} {}",
            m.id.as_str(),
            m.state.as_str(),
            m.pages,
            m.listings,
            m.flagged,
            last,
            frontier.get("pending").copied().unwrap_or(0),
        )?;
        if let Some(reason) = m
            .state_reason
            .as_deref()
            .filter(|_| m.state.as_str() != "ok")
        {
            writeln!(
                out,
                "{:>14} {}{}",
                "",
                crate::cmd::flagged::clip(reason, 100),
                m.state_page_id
                    .map(|p| format!(" (evidence: page {p})"))
                    .unwrap_or_default()
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
