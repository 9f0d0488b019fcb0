//! `armswatch flagged`: flagged listings, highest score first.

use crate::cli::FlaggedArgs;
use anyhow::{Context, Result};
use armswatch_core::{Label, MarketId};
use armswatch_store::{FlaggedQuery, FlaggedRow, Store};
use std::io::Write;
use std::process::ExitCode;

/// `armswatch flagged`.
pub fn run(a: FlaggedArgs) -> Result<ExitCode> {
    if !a.db.exists() {
        anyhow::bail!("no database at {}", a.db.display());
    }
    let store = Store::open(&a.db)?;
    let label = match &a.label {
        Some(l) => Some(l.parse::<Label>()?),
        None => None,
    };
    let q = FlaggedQuery {
        market: a.market.as_deref().map(MarketId::slug),
        label,
        min_score: a.min_score,
        limit: a.limit,
    };
    let rows = store.flagged(&q).context("querying flagged listings")?;
    print_rows(&rows, a.json)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints flagged rows as a table or JSON lines.
pub fn print_rows(rows: &[FlaggedRow], json: bool) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if json {
        for r in rows {
            let v = serde_json::json!({
                "listing_id": r.listing_id,
                "market": r.market.as_str(),
                "url": r.url,
                "title": r.title,
                "vendor": r.vendor,
                "price": r.price_text,
                "price_amount": r.price_amount,
                "currency": r.currency,
                "labels": r.verdict.labels,
                "scores": r.verdict.scores,
                "explain": r.verdict.explain,
                "model": format!("{}@{}", r.verdict.model_id, r.verdict.model_version),
                "first_seen": armswatch_store::rfc3339(r.first_seen),
                "last_seen": armswatch_store::rfc3339(r.last_seen),
            });
            writeln!(out, "{v}")?;
        }
        return Ok(());
    }
    if rows.is_empty() {
        writeln!(out, "no flagged listings")?;
        return Ok(());
    }
    writeln!(
        out,
        "{:>6}  {:<10} {:>5}  {:<22} {:<44} {:<16} VENDOR",
        "ID", "MARKET", "SCORE", "LABELS", "TITLE", "PRICE"
    )?;
    for r in rows {
        let labels: Vec<String> = r
            .verdict
            .labels
            .iter()
            .map(|l| {
                format!(
                    "{}:{:.2}",
                    short(*l),
                    r.verdict.scores.get(l).copied().unwrap_or(0.0)
                )
            })
            .collect();
        writeln!(
            out,
            "{:>6}  {:<10} {:>5.2}  {:<22} {:<44} {:<16} {}",
            r.listing_id,
            clip(r.market.as_str(), 10),
            r.verdict.max_score(),
            labels.join(" "),
            clip(&r.title, 44),
            clip(r.price_text.as_deref().unwrap_or("-"), 16),
            clip(r.vendor.as_deref().unwrap_or("-"), 20),
        )?;
        let mut why = Vec::new();
        for l in &r.verdict.labels {
            if let Some(terms) = r.verdict.explain.get(l) {
                let t: Vec<String> = terms
                    .iter()
                    .filter(|t| t.weight > 0.0)
                    .take(4)
                    .map(|t| format!("{:?}", t.term))
                    .collect();
                if !t.is_empty() {
                    why.push(format!("{}: {}", l, t.join(", ")));
                }
            }
        }
        if !why.is_empty() {
            writeln!(out, "{:>8}why {}", "", clip(&why.join("; "), 120))?;
        }
    }
    Ok(())
}

fn short(l: Label) -> &'static str {
    match l {
        Label::Firearm => "firearm",
        Label::Part => "part",
        Label::Ammunition => "ammo",
        Label::Design => "design",
    }
}

/// Cuts text to `n` characters (not bytes), on one line.
pub fn clip(s: &str, n: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        let mut t: String = one_line.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}
