//! `armswatch review list|show|decide|verify`: the review queue, a listing's decision history,
//! recording a decision, and checking the history's hash chain, from the terminal.

use crate::cli::{
    ReviewCommand, ReviewDecideArgs, ReviewListArgs, ReviewShowArgs, ReviewVerifyArgs,
};
use anyhow::{Context, Result};
use armswatch_core::{Decision, Label, MarketId, ReviewState};
use armswatch_store::{rfc3339, NewReview, QueuePosition, QueueQuery, Review, Store};
use serde_json::json;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// `armswatch review ...`.
pub fn run(c: ReviewCommand) -> Result<ExitCode> {
    match c {
        ReviewCommand::List(a) => list(a),
        ReviewCommand::Show(a) => show(a),
        ReviewCommand::Decide(a) => decide(a),
        ReviewCommand::Verify(a) => verify(a),
    }
}

/// Opens the database to write a decision.
fn open(db: &Path) -> Result<Store> {
    if !db.exists() {
        anyhow::bail!("no database at {}", db.display());
    }
    Ok(Store::open(db)?)
}

/// Opens the database read-only (list, show, verify never write).
fn open_read(db: &Path) -> Result<Store> {
    super::markets::open_existing(db)
}

/// Market text on a terminal, on one line (the shared printer's escaping: control, bidi and
/// invisible characters never reach the terminal raw).
pub fn clean(s: &str) -> String {
    crate::output::sanitize(s)
}

fn clip(s: &str, n: usize) -> String {
    crate::output::clip(s, n)
}

fn labels(ls: &[Label]) -> String {
    if ls.is_empty() {
        "none".into()
    } else {
        ls.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(",")
    }
}

fn list(a: ReviewListArgs) -> Result<ExitCode> {
    let store = open_read(&a.db)?;
    let check = |p: Option<f32>, what: &str| -> Result<Option<f32>> {
        match p {
            Some(x) if !(0.0..=1.0).contains(&x) => {
                anyhow::bail!("--{what} must be from 0 to 1, not {x}")
            }
            p => Ok(p),
        }
    };
    if !(1..=1000).contains(&a.limit) {
        anyhow::bail!("--limit must be from 1 to 1000, not {}", a.limit);
    }
    let q = QueueQuery {
        sort: a.sort.parse().map_err(|e: String| anyhow::anyhow!(e))?,
        label: a.label.as_deref().map(str::parse::<Label>).transpose()?,
        market: a.market.as_deref().map(MarketId::slug),
        vendor: a.vendor.clone(),
        state: a
            .state
            .as_deref()
            .map(str::parse::<ReviewState>)
            .transpose()?,
        min_score: check(a.min_score, "min-score")?,
        max_score: check(a.max_score, "max-score")?,
        search: a.search.clone(),
        include_unflagged: a.all,
        limit: a.limit,
    };
    let page = store
        .queue(&q, &QueuePosition::Start)
        .context("reading the review queue")?;
    let mut out = std::io::stdout().lock();
    if a.json {
        for r in &page.rows {
            writeln!(out, "{}", serde_json::to_string(r)?)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if page.rows.is_empty() {
        writeln!(out, "no listings match")?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{:>7}  {:>5}  {:<24} {:<11} {:<10} {:<44} VENDOR",
        "ID", "SCORE", "LABELS", "STATE", "MARKET", "TITLE"
    )?;
    for r in &page.rows {
        writeln!(
            out,
            "{:>7}  {:>5.2}  {:<24} {:<11} {:<10} {:<44} {}",
            r.listing_id,
            r.max_score,
            labels(&r.labels),
            r.state.as_str(),
            clip(r.market.as_str(), 10),
            clip(&r.title, 44),
            clip(r.vendor.as_deref().unwrap_or("-"), 24)
        )?;
    }
    if page.next.is_some() {
        writeln!(out, "(more: raise --limit or narrow the filters)")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn review_json(r: &Review) -> serde_json::Value {
    json!({
        "review_id": r.id,
        "listing_id": r.listing_id,
        "listing_version": r.listing_version,
        "state": r.state,
        "labels": r.labels,
        "note": r.note,
        "reviewer": r.reviewer,
        "decided_at": rfc3339(r.decided_at),
        "verdict_id": r.verdict_id,
        "model": r.model_id.as_ref().map(|m| format!("{m}@{}", r.model_version.as_deref().unwrap_or(""))),
        "model_labels": r.model_labels,
        "model_scores": r.model_scores,
        "prev_hash": r.prev_hash,
        "hash": r.hash,
    })
}

fn show(a: ReviewShowArgs) -> Result<ExitCode> {
    let store = open_read(&a.db)?;
    let Some(l) = store.listing(a.listing)? else {
        anyhow::bail!("no listing {} in {}", a.listing, a.db.display());
    };
    let verdict = store.latest_verdict(a.listing)?;
    let history = store.reviews_of(a.listing)?;
    let chain = store.verify_reviews()?;
    let broken: Vec<_> = chain
        .broken
        .iter()
        .filter(|b| b.listing_id == a.listing)
        .collect();
    let state = history.last().map_or(ReviewState::Unreviewed, |r| r.state);
    let mut out = std::io::stdout().lock();
    if a.json {
        let v = json!({
            "listing_id": l.id,
            "market": l.market.as_str(),
            "url": l.listing.url,
            "title": l.listing.title,
            "description": l.listing.description,
            "vendor": l.listing.vendor,
            "price": l.listing.price_text,
            "version": l.version,
            "first_seen": rfc3339(l.first_seen),
            "last_seen": rfc3339(l.last_seen),
            "state": state,
            "verdict": verdict.as_ref().map(|v| json!({
                "verdict_id": v.id,
                "model": format!("{}@{}", v.verdict.model_id, v.verdict.model_version),
                "labels": v.verdict.labels,
                "scores": v.verdict.scores,
                "listing_version": v.listing_version,
            })),
            "reviews": history.iter().map(review_json).collect::<Vec<_>>(),
            "history_intact": broken.is_empty(),
            "broken_reviews": broken,
        });
        writeln!(out, "{v}")?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "listing {}  [{}]  {}",
        l.id,
        l.market,
        clip(&l.listing.title, 100)
    )?;
    writeln!(
        out,
        "  vendor   {}",
        clip(l.listing.vendor.as_deref().unwrap_or("-"), 60)
    )?;
    writeln!(
        out,
        "  price    {}",
        clip(l.listing.price_text.as_deref().unwrap_or("-"), 60)
    )?;
    writeln!(out, "  url      {}", clip(&l.listing.url, 120))?;
    writeln!(
        out,
        "  seen     {} .. {} (version {})",
        rfc3339(l.first_seen),
        rfc3339(l.last_seen),
        l.version
    )?;
    match &verdict {
        Some(v) => {
            let scores: Vec<String> = v
                .verdict
                .scores
                .iter()
                .map(|(l, s)| format!("{l}:{s:.2}"))
                .collect();
            writeln!(
                out,
                "  verdict  {} ({}) labels {}",
                v.id,
                v.verdict.model_version,
                labels(&v.verdict.labels)
            )?;
            writeln!(out, "  scores   {}", scores.join(" "))?;
        }
        None => writeln!(out, "  verdict  none")?,
    }
    writeln!(out, "  state    {state}")?;
    if history.is_empty() {
        writeln!(out, "  no decisions yet")?;
    }
    for r in &history {
        writeln!(
            out,
            "  #{:<5} {}  {:<11} {:<24} by {}{}",
            r.id,
            rfc3339(r.decided_at),
            r.state.as_str(),
            labels(&r.labels),
            clip(&r.reviewer, 40),
            if r.note.is_empty() {
                String::new()
            } else {
                format!(": {}", clip(&r.note, 80))
            }
        )?;
    }
    for b in &broken {
        writeln!(out, "  TAMPERED review {}: {}", b.review_id, b.problem)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn decide(a: ReviewDecideArgs) -> Result<ExitCode> {
    let store = open(&a.db)?;
    let picked = a
        .labels
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.parse::<Label>())
        .collect::<Result<Vec<_>, _>>()?;
    let decision = match a.decision.parse::<ReviewState>()? {
        ReviewState::Confirmed => Decision::Confirm,
        ReviewState::Rejected => Decision::Reject,
        ReviewState::Relabelled => Decision::Relabel {
            labels: picked.clone(),
        },
        ReviewState::Unreviewed => {
            anyhow::bail!("a decision is confirm, reject or relabel (decisions are never undone: record a new one)")
        }
    };
    if !picked.is_empty() && !matches!(decision, Decision::Relabel { .. }) {
        anyhow::bail!("--labels goes with relabel only");
    }
    let r = store.add_review(&NewReview {
        listing_id: a.listing,
        decision,
        note: a.note,
        reviewer: a.reviewer,
        verdict_id: None,
    })?;
    let mut out = std::io::stdout().lock();
    if a.json {
        writeln!(out, "{}", review_json(&r))?;
    } else {
        writeln!(
            out,
            "review {}: listing {} {} ({}) by {} at {}",
            r.id,
            r.listing_id,
            r.state,
            labels(&r.labels),
            clean(&r.reviewer),
            rfc3339(r.decided_at)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn verify(a: ReviewVerifyArgs) -> Result<ExitCode> {
    let store = open_read(&a.db)?;
    let report = store.verify_reviews()?;
    let mut out = std::io::stdout().lock();
    if a.json {
        writeln!(
            out,
            "{}",
            json!({
                "reviews": report.reviews,
                "intact": report.is_intact(),
                "head_hash": report.head_hash,
                "broken": report.broken,
            })
        )?;
    } else {
        for b in &report.broken {
            writeln!(
                out,
                "review {} (listing {}): {}",
                b.review_id, b.listing_id, b.problem
            )?;
        }
        if report.is_intact() {
            writeln!(
                out,
                "{} reviews, chain intact; head {}",
                report.reviews, report.head_hash
            )?;
        } else {
            writeln!(
                out,
                "{} of {} reviews do not verify",
                report.broken.len(),
                report.reviews
            )?;
        }
    }
    Ok(if report.is_intact() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_loses_control_characters() {
        // Guards: escape sequences, bells, carriage returns and bidi overrides never reach the
        // terminal raw.
        let out = clean("a\u{1b}[31mred\u{7}\r\nb\u{202e}c");
        assert!(
            !out.chars().any(|c| c.is_control() || c == '\u{202e}'),
            "{out:?}"
        );
        assert!(out.contains("red") && out.contains('c'));
    }
}
