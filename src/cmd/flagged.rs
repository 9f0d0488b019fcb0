//! `armswatch flagged`: flagged listings, highest score first.

use crate::cli::FlaggedArgs;
use crate::output::{Column, Format, Printer, Row};
use anyhow::{Context, Result};
use armswatch_core::{Label, MarketId, TermWeight};
use armswatch_store::{rfc3339, FlaggedQuery, FlaggedRow};
use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::process::ExitCode;

/// `armswatch flagged`.
pub fn run(a: FlaggedArgs) -> Result<ExitCode> {
    let store = a.db.open_case(false)?;
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
    // Rows stream from the database to stdout one at a time; the first failed write stops them.
    let mut out = Printer::stdout(a.output.format()).when_empty("no flagged listings");
    let mut failed: Option<anyhow::Error> = None;
    store
        .each_flagged(&q, &mut |r| match out.row(&Flagged::from(r)) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                failed = Some(e.into());
                ControlFlow::Break(())
            }
        })
        .context("listing flagged listings")?;
    if let Some(e) = failed {
        return Err(e);
    }
    out.finish::<Flagged>()?;
    Ok(ExitCode::SUCCESS)
}

/// Prints flagged rows as a table or JSON lines (the demo's output).
pub fn print_rows(rows: &[FlaggedRow], json: bool) -> Result<()> {
    let format = if json { Format::Json } else { Format::Table };
    print(rows.iter().cloned(), format)
}

/// Prints flagged rows in `format`, as they come.
pub fn print(rows: impl IntoIterator<Item = FlaggedRow>, format: Format) -> Result<()> {
    let mut out = Printer::stdout(format).when_empty("no flagged listings");
    out.print_rows(rows.into_iter().map(Flagged::from))?;
    out.finish::<Flagged>()?;
    Ok(())
}

/// One flagged listing as printed: JSON keys, table and CSV columns.
#[derive(Debug, Serialize)]
pub struct Flagged {
    listing_id: i64,
    market: MarketId,
    url: String,
    title: String,
    vendor: Option<String>,
    price: Option<String>,
    price_amount: Option<f64>,
    currency: Option<String>,
    labels: Vec<Label>,
    scores: BTreeMap<Label, f32>,
    explain: BTreeMap<Label, Vec<TermWeight>>,
    model: String,
    first_seen: String,
    last_seen: String,
    #[serde(skip)]
    max_score: f32,
}

impl From<FlaggedRow> for Flagged {
    fn from(r: FlaggedRow) -> Self {
        Flagged {
            max_score: r.verdict.max_score(),
            listing_id: r.listing_id,
            market: r.market,
            url: r.url,
            title: r.title,
            vendor: r.vendor,
            price: r.price_text,
            price_amount: r.price_amount,
            currency: r.currency,
            model: format!("{}@{}", r.verdict.model_id, r.verdict.model_version),
            labels: r.verdict.labels,
            scores: r.verdict.scores,
            explain: r.verdict.explain,
            first_seen: rfc3339(r.first_seen),
            last_seen: rfc3339(r.last_seen),
        }
    }
}

impl Row for Flagged {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::right("ID", 6),
            Column::left("MARKET", 10),
            Column::right("SCORE", 5),
            Column::left("LABELS", 22),
            Column::left("TITLE", 44),
            Column::left("PRICE", 16),
            Column::left("VENDOR", 20),
            Column::left("URL", 0).csv_only(),
            Column::left("FIRST_SEEN", 0).csv_only(),
            Column::left("LAST_SEEN", 0).csv_only(),
            Column::left("MODEL", 0).csv_only(),
        ];
        COLUMNS
    }

    fn cells(&self) -> Vec<String> {
        let labels: Vec<String> = self
            .labels
            .iter()
            .map(|l| {
                let score = self.scores.get(l).copied().unwrap_or(0.0);
                format!("{}:{score:.2}", short(*l))
            })
            .collect();
        vec![
            self.listing_id.to_string(),
            self.market.to_string(),
            format!("{:.2}", self.max_score),
            labels.join(" "),
            self.title.clone(),
            self.price.clone().unwrap_or_default(),
            self.vendor.clone().unwrap_or_default(),
            self.url.clone(),
            self.first_seen.clone(),
            self.last_seen.clone(),
            self.model.clone(),
        ]
    }

    /// Why: the strongest positive terms of each label.
    fn notes(&self) -> Vec<String> {
        let mut why = Vec::new();
        for l in &self.labels {
            if let Some(terms) = self.explain.get(l) {
                let t: Vec<String> = terms
                    .iter()
                    .filter(|t| t.weight > 0.0)
                    .take(4)
                    .map(|t| match t.term.starts_with('"') {
                        true => t.term.clone(),
                        false => format!("\"{}\"", t.term),
                    })
                    .collect();
                if !t.is_empty() {
                    why.push(format!("{}: {}", l, t.join(", ")));
                }
            }
        }
        if why.is_empty() {
            Vec::new()
        } else {
            vec![format!("why {}", why.join("; "))]
        }
    }
}

fn short(l: Label) -> &'static str {
    match l {
        Label::Firearm => "firearm",
        Label::Part => "part",
        Label::Ammunition => "ammo",
        Label::Design => "design",
    }
}
