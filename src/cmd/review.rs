//! `armswatch review list|show|decide|verify`: the review queue, a listing's decision history,
//! recording a decision, and checking the history's hash chain, from the terminal.

use crate::cli::{
    ReviewCommand, ReviewDecideArgs, ReviewListArgs, ReviewShowArgs, ReviewVerifyArgs,
};
use crate::db::DbTarget;
use crate::output::{Column, Format, Printer, Row};
use anyhow::{Context, Result};
use armswatch_core::{Decision, Label, MarketId, ReviewState};
use armswatch_store::{
    rfc3339, BrokenReview, CaseStore, NewReview, QueuePosition, QueueQuery, QueueRow, Review,
};
use serde::{Serialize, Serializer};
use serde_json::json;
use std::process::ExitCode;
use std::sync::Arc;

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
fn open(db: &DbTarget) -> Result<Arc<dyn CaseStore>> {
    db.open_case(true)
}

/// Opens the database read-only (list, show, verify never write a SQLite file).
fn open_read(db: &DbTarget) -> Result<Arc<dyn CaseStore>> {
    db.open_case(false)
}

/// The `--json` switch of show, decide and verify: one JSON object, or a table.
fn format_of(json: bool) -> Format {
    if json {
        Format::Json
    } else {
        Format::Table
    }
}

fn labels(ls: &[Label]) -> String {
    if ls.is_empty() {
        "none".into()
    } else {
        ls.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(",")
    }
}

/// A queue row as `review list` prints it; its JSON form is the store's row.
#[derive(Serialize)]
#[serde(transparent)]
struct QueueLine(QueueRow);

impl Row for QueueLine {
    fn columns() -> &'static [Column] {
        const C: &[Column] = &[
            Column::right("ID", 7),
            Column::right("SCORE", 5),
            Column::left("LABELS", 24),
            Column::left("STATE", 11),
            Column::left("MARKET", 10),
            Column::left("TITLE", 44),
            Column::left("VENDOR", 24),
            Column::left("PRICE", 0).csv_only(),
            Column::left("FIRST_SEEN", 0).csv_only(),
            Column::left("URL", 0).csv_only(),
        ];
        C
    }

    fn cells(&self) -> Vec<String> {
        let r = &self.0;
        vec![
            r.listing_id.to_string(),
            format!("{:.2}", r.max_score),
            labels(&r.labels),
            r.state.as_str().to_string(),
            r.market.as_str().to_string(),
            r.title.clone(),
            r.vendor.clone().unwrap_or_default(),
            r.price_text.clone().unwrap_or_default(),
            rfc3339(r.first_seen),
            r.url.clone(),
        ]
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
    let more = page.next.is_some();
    let mut out = Printer::stdout(a.output.format()).when_empty("no listings match");
    out.print_rows(page.rows.into_iter().map(QueueLine))?;
    if more {
        out.note("(more: raise --limit or narrow the filters)")?;
    }
    out.finish::<QueueLine>()?;
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

/// A decision as `review show` and `review decide` print it.
struct ReviewLine<'a>(&'a Review);

impl Serialize for ReviewLine<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        review_json(self.0).serialize(s)
    }
}

impl Row for ReviewLine<'_> {
    fn columns() -> &'static [Column] {
        const C: &[Column] = &[
            Column::right("REVIEW", 6),
            Column::right("LISTING", 7),
            Column::left("DECIDED (UTC)", 20),
            Column::left("STATE", 11),
            Column::left("LABELS", 24),
            Column::left("REVIEWER", 20),
            Column::left("NOTE", 60),
            Column::left("VERDICT", 0).csv_only(),
            Column::left("HASH", 0).csv_only(),
            Column::left("PREV_HASH", 0).csv_only(),
        ];
        C
    }

    fn cells(&self) -> Vec<String> {
        let r = self.0;
        vec![
            r.id.to_string(),
            r.listing_id.to_string(),
            rfc3339(r.decided_at),
            r.state.as_str().to_string(),
            labels(&r.labels),
            r.reviewer.clone(),
            r.note.clone(),
            r.verdict_id.map(|v| v.to_string()).unwrap_or_default(),
            r.hash.clone(),
            r.prev_hash.clone(),
        ]
    }
}

/// A review row that does not check out, as `review verify` and `review show` print it.
#[derive(Serialize)]
#[serde(transparent)]
struct BrokenLine<'a>(&'a BrokenReview);

impl Row for BrokenLine<'_> {
    fn columns() -> &'static [Column] {
        const C: &[Column] = &[
            Column::right("REVIEW", 6),
            Column::right("LISTING", 7),
            Column::left("PROBLEM", 0),
        ];
        C
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.0.review_id.to_string(),
            self.0.listing_id.to_string(),
            self.0.problem.clone(),
        ]
    }
}

fn show(a: ReviewShowArgs) -> Result<ExitCode> {
    let store = open_read(&a.db)?;
    let Some(l) = store.listing(a.listing)? else {
        anyhow::bail!("no listing {} in {}", a.listing, a.db);
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
    let mut out = Printer::stdout(format_of(a.json)).when_empty("no decisions yet");
    if a.json {
        out.object(&json!({
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
        }))?;
        out.finish::<ReviewLine>()?;
        return Ok(ExitCode::SUCCESS);
    }
    // The listing as notes (escaped, one line each), then its decisions as rows.
    let clip = crate::output::clip;
    out.note(&format!(
        "listing {}  [{}]  {}",
        l.id,
        l.market,
        clip(&l.listing.title, 100)
    ))?;
    out.note(&format!(
        "  vendor   {}",
        clip(l.listing.vendor.as_deref().unwrap_or("-"), 60)
    ))?;
    out.note(&format!(
        "  price    {}",
        clip(l.listing.price_text.as_deref().unwrap_or("-"), 60)
    ))?;
    out.note(&format!("  url      {}", clip(&l.listing.url, 120)))?;
    out.note(&format!(
        "  seen     {} .. {} (version {})",
        rfc3339(l.first_seen),
        rfc3339(l.last_seen),
        l.version
    ))?;
    match &verdict {
        Some(v) => {
            let scores: Vec<String> = v
                .verdict
                .scores
                .iter()
                .map(|(l, s)| format!("{l}:{s:.2}"))
                .collect();
            out.note(&format!(
                "  verdict  {} ({}) labels {}",
                v.id,
                clip(&v.verdict.model_version, 40),
                labels(&v.verdict.labels)
            ))?;
            out.note(&format!("  scores   {}", scores.join(" ")))?;
        }
        None => out.note("  verdict  none")?,
    }
    out.note(&format!("  state    {state}"))?;
    out.note("")?;
    out.print_rows(history.iter().map(ReviewLine))?;
    if !broken.is_empty() {
        let mut tampered = Printer::stdout(Format::Table);
        tampered.note("")?;
        tampered.note("TAMPERED: these decisions on the listing do not verify")?;
        tampered.print_rows(broken.iter().copied().map(BrokenLine))?;
        out.finish::<ReviewLine>()?;
        tampered.finish::<BrokenLine>()?;
    } else {
        out.finish::<ReviewLine>()?;
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
    let mut out = Printer::stdout(format_of(a.json));
    out.row(&ReviewLine(&r))?;
    out.finish::<ReviewLine>()?;
    Ok(ExitCode::SUCCESS)
}

fn verify(a: ReviewVerifyArgs) -> Result<ExitCode> {
    let store = open_read(&a.db)?;
    let report = store.verify_reviews()?;
    let mut out = Printer::stdout(format_of(a.json));
    if a.json {
        out.object(&json!({
            "reviews": report.reviews,
            "intact": report.is_intact(),
            "head_hash": report.head_hash,
            "broken": report.broken,
        }))?;
    } else {
        out.print_rows(report.broken.iter().map(BrokenLine))?;
        if report.is_intact() {
            out.note(&format!(
                "{} reviews, chain intact; head {}",
                report.reviews, report.head_hash
            ))?;
        } else {
            out.note(&format!(
                "{} of {} reviews do not verify",
                report.broken.len(),
                report.reviews
            ))?;
        }
    }
    out.finish::<BrokenLine>()?;
    Ok(if report.is_intact() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(reviewer: &str, note: &str) -> Review {
        Review {
            id: 1,
            listing_id: 7,
            listing_version: 1,
            verdict_id: Some(3),
            model_id: None,
            model_version: None,
            model_labels: vec![Label::Firearm],
            model_scores: Default::default(),
            state: ReviewState::Relabelled,
            labels: vec![Label::Part],
            note: note.into(),
            reviewer: reviewer.into(),
            decided_at: 1_764_000_000,
            prev_hash: "0".repeat(64),
            hash: "f".repeat(64),
        }
    }

    #[test]
    fn decisions_reach_the_terminal_escaped() {
        // Guards: a reviewer's name or note (free text, maybe pasted from a market) goes through
        // the shared printer: escape sequences, bells, carriage returns and bidi overrides never
        // reach the terminal raw, in the table or in JSON.
        let r = review("eve\u{1b}]0;x\u{7}", "a\u{1b}[31mred\r\nb\u{202e}c");
        for format in [Format::Table, Format::Csv, Format::Json] {
            let mut buf = Vec::new();
            let mut p = Printer::new(format, &mut buf);
            p.row(&ReviewLine(&r)).unwrap();
            p.finish::<ReviewLine>().unwrap();
            let out = String::from_utf8(buf).unwrap();
            assert!(
                !out.chars()
                    .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
                "{format:?}: {out:?}"
            );
            assert!(out.contains("red") && out.contains("relabelled"), "{out}");
        }
    }
}
