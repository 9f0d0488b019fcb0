//! `armswatch stats`: counts, new and vanished listings, unique vendors, flagged share and prices,
//! grouped by market, label, vendor, week or month, as a table, CSV or JSON lines; `--chart` also
//! draws them as SVG.

use crate::cli::{StatsArgs, StatsByArg};
use crate::output::{Column, Printer, Row};
use anyhow::{bail, Context, Result};
use armswatch_core::Label;
use armswatch_store::stats::{aggregate, parse_date, Rates, StatsBy, StatsQuery, StatsRow};
use std::path::Path;
use std::process::ExitCode;

/// `armswatch stats`.
pub fn run(a: StatsArgs) -> Result<ExitCode> {
    let label = match &a.label {
        Some(l) => Some(l.parse::<Label>()?.as_str().to_string()),
        None => None,
    };
    let since = match &a.since {
        Some(s) => Some(
            parse_date(s).with_context(|| format!("--since {s:?}: expected a date YYYY-MM-DD"))?,
        ),
        None => None,
    };
    let rates = match &a.rates {
        Some(p) => Some(read_rates(p)?),
        None => None,
    };
    let mut by: Vec<StatsBy> =
        a.by.iter()
            .map(|b| match b {
                StatsByArg::Market => StatsBy::Market,
                StatsByArg::Label => StatsBy::Label,
                StatsByArg::Vendor => StatsBy::Vendor,
                StatsByArg::Week => StatsBy::Week,
                StatsByArg::Month => StatsBy::Month,
            })
            .collect();
    by.sort();
    by.dedup();
    if by.contains(&StatsBy::Week) && by.contains(&StatsBy::Month) {
        bail!("--by week and --by month exclude each other");
    }
    let store = a.db.open_case(false)?;
    let listings = store.stats_listings()?;
    let q = StatsQuery {
        by,
        label,
        since,
        rates,
    };
    let rows = aggregate(&listings, &q);
    if let Some(path) = &a.chart {
        let svg = crate::cmd::stats_chart::render(&listings, &q)?;
        std::fs::write(path, svg).with_context(|| format!("writing {}", path.display()))?;
        tracing::info!("chart written to {}", path.display());
    }
    let mut out = Printer::stdout(a.output.format()).when_empty("no listings");
    out.print_rows(rows.iter().map(Stat))?;
    out.finish::<Stat<'_>>()?;
    Ok(ExitCode::SUCCESS)
}

/// Reads a rate table: CSV lines `CURRENCY,RATE` (one unit of CURRENCY is worth RATE of the target);
/// a line `target,CODE` names the target (default USD); `#` starts a comment.
pub fn read_rates(path: &Path) -> Result<Rates> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut rates = Rates {
        target: "USD".into(),
        ..Rates::default()
    };
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let Some((k, v)) = line.split_once(',') else {
            bail!("{}:{}: expected CURRENCY,RATE", path.display(), i + 1);
        };
        let (k, v) = (k.trim(), v.trim());
        if k.eq_ignore_ascii_case("target") {
            rates.target = v.to_ascii_uppercase();
            continue;
        }
        if k.eq_ignore_ascii_case("currency") {
            continue; // a header line
        }
        let r: f64 = v
            .parse()
            .ok()
            .filter(|r: &f64| r.is_finite() && *r > 0.0)
            .with_context(|| {
                format!(
                    "{}:{}: rate {v:?} is not a positive number",
                    path.display(),
                    i + 1
                )
            })?;
        rates.per_unit.insert(k.to_ascii_uppercase(), r);
    }
    Ok(rates)
}

/// A stats row as printed (the JSON form is the row itself).
#[derive(serde::Serialize)]
#[serde(transparent)]
struct Stat<'a>(&'a StatsRow);

fn num(x: Option<f64>) -> String {
    x.map(|v| {
        let r = (v * 100.0).round() / 100.0;
        r.to_string()
    })
    .unwrap_or_default()
}

impl Row for Stat<'_> {
    fn columns() -> &'static [Column] {
        const C: &[Column] = &[
            Column::left("PERIOD", 8),
            Column::left("MARKET", 10),
            Column::left("LABEL", 10),
            Column::left("VENDOR", 18),
            Column::left("CURRENCY", 8),
            Column::right("LISTINGS", 8),
            Column::right("NEW", 5),
            Column::right("VANISHED", 8),
            Column::right("VENDORS", 7),
            Column::right("FLAGGED", 7),
            Column::right("FLAGGED_SHARE", 13),
            Column::right("PRICED", 6),
            Column::right("MEDIAN", 10),
            Column::right("MIN", 10),
            Column::right("MAX", 10),
            Column::left("PRICE_CURRENCY", 0),
        ];
        C
    }

    fn cells(&self) -> Vec<String> {
        let r = self.0;
        vec![
            r.period.clone(),
            r.market.clone(),
            r.label.clone(),
            r.vendor.clone(),
            r.currency.clone(),
            r.listings.to_string(),
            r.new.to_string(),
            r.vanished.to_string(),
            r.vendors.to_string(),
            r.flagged.to_string(),
            format!("{:.3}", r.flagged_share),
            r.priced.to_string(),
            num(r.price_median),
            num(r.price_min),
            num(r.price_max),
            r.price_currency.clone(),
        ]
    }
}
