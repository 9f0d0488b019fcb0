//! The statistics chart (`armswatch stats --chart FILE.svg`): listings per period with one line per
//! label, and the price distribution of each label as box plots. Drawn with plotters' SVG backend
//! only: text is written as SVG `<text>` elements (XML-escaped by plotters), no font is loaded.
//! The review UI serves the same chart (`serve::charts`).

use anyhow::{anyhow, Result};
use armswatch_core::Label;
use armswatch_store::stats::{aggregate, StatsBy, StatsListing, StatsQuery};
use plotters::prelude::*;
use std::collections::BTreeMap;

/// One colour per label, in `Label::ALL` order.
const COLORS: [RGBColor; 4] = [
    RGBColor(0xc0, 0x39, 0x2b),
    RGBColor(0x27, 0x60, 0xa8),
    RGBColor(0x2e, 0x8b, 0x57),
    RGBColor(0x8e, 0x44, 0xad),
];

/// Renders the chart for the listings and query of `armswatch stats` (periods are weeks unless
/// `--by month`; `--label` keeps one label) and returns the SVG document.
pub fn render(listings: &[StatsListing], q: &StatsQuery) -> Result<String> {
    let period = if q.by.contains(&StatsBy::Month) {
        StatsBy::Month
    } else {
        StatsBy::Week
    };
    let labels: Vec<(Label, RGBColor)> = Label::ALL
        .into_iter()
        .zip(COLORS)
        .filter(|(l, _)| q.label.as_deref().is_none_or(|x| x == l.as_str()))
        .collect();
    let per_label = StatsQuery {
        by: vec![period, StatsBy::Label],
        label: q.label.clone(),
        since: q.since,
        rates: q.rates.clone(),
    };
    let rows = aggregate(listings, &per_label);
    let periods: Vec<String> = {
        let mut p: Vec<String> = rows.iter().map(|r| r.period.clone()).collect();
        p.sort();
        p.dedup();
        p
    };
    // label -> period -> listings
    let mut counts: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.currency == "all") {
        *counts
            .entry(r.label.as_str())
            .or_default()
            .entry(r.period.as_str())
            .or_default() += r.listings;
    }
    let (currency, prices) = price_samples(listings, q, &labels);
    // The currency is market text: escaped control, bidi and invisible characters (XML forbids
    // most control characters) and clipped; plotters escapes the XML syntax.
    let currency = crate::output::clip(&currency, 24).replace(['\u{fffe}', '\u{ffff}'], "\u{fffd}");

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (960, 760)).into_drawing_area();
        let err = |e: &dyn std::fmt::Display| anyhow!("drawing the chart: {e}");
        root.fill(&WHITE).map_err(|e| err(&e))?;
        let (top, bottom) = root.split_vertically(400);

        let max_count = counts
            .values()
            .flat_map(|m| m.values())
            .copied()
            .max()
            .unwrap_or(0)
            .max(1);
        let n = periods.len().max(1);
        let mut chart = ChartBuilder::on(&top)
            .caption(
                format!("Listings per {} by label", period_name(period)),
                ("sans-serif", 20),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d(0..n as i32, 0..(max_count as i32 + 1))
            .map_err(|e| err(&e))?;
        chart
            .configure_mesh()
            .x_labels(n.min(12))
            .x_label_formatter(&|i| {
                periods
                    .get(usize::try_from(*i).unwrap_or(usize::MAX))
                    .cloned()
                    .unwrap_or_default()
            })
            .y_desc("listings")
            .draw()
            .map_err(|e| err(&e))?;
        for (label, color) in &labels {
            let series: Vec<(i32, i32)> = periods
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let c = counts
                        .get(label.as_str())
                        .and_then(|m| m.get(p.as_str()))
                        .copied()
                        .unwrap_or(0);
                    (i as i32, c as i32)
                })
                .collect();
            let color = *color;
            chart
                .draw_series(LineSeries::new(series, color.stroke_width(2)))
                .map_err(|e| err(&e))?
                .label(label.as_str())
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], color));
        }
        chart
            .configure_series_labels()
            .border_style(BLACK)
            .background_style(WHITE.mix(0.8))
            .draw()
            .map_err(|e| err(&e))?;

        let max_price = prices
            .values()
            .flatten()
            .copied()
            .fold(0f32, f32::max)
            .max(1.0);
        let mut boxes = ChartBuilder::on(&bottom)
            .caption(
                format!(
                    "Price distribution by label ({})",
                    if currency.is_empty() {
                        "no prices"
                    } else {
                        currency.as_str()
                    }
                ),
                ("sans-serif", 20),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d(-1..labels.len() as i32, 0f32..max_price * 1.1)
            .map_err(|e| err(&e))?;
        boxes
            .configure_mesh()
            .x_labels(labels.len() + 2)
            .x_label_formatter(&|i| {
                usize::try_from(*i)
                    .ok()
                    .and_then(|i| labels.get(i))
                    .map(|(l, _)| l.as_str().to_string())
                    .unwrap_or_default()
            })
            .y_desc(currency.as_str())
            .draw()
            .map_err(|e| err(&e))?;
        for (i, (label, color)) in labels.iter().enumerate() {
            if let Some(v) = prices.get(label.as_str()).filter(|v| !v.is_empty()) {
                let quartiles = Quartiles::new(v);
                boxes
                    .draw_series(std::iter::once(
                        Boxplot::new_vertical(i as i32, &quartiles).style(*color),
                    ))
                    .map_err(|e| err(&e))?;
            }
        }
        root.present().map_err(|e| err(&e))?;
    }
    Ok(svg)
}

fn period_name(p: StatsBy) -> &'static str {
    if p == StatsBy::Month {
        "month"
    } else {
        "week"
    }
}

/// The current prices of each label's listings in one currency: the rate table's target
/// (converted) when there is one, else the currency most listings are priced in.
fn price_samples(
    listings: &[StatsListing],
    q: &StatsQuery,
    labels: &[(Label, RGBColor)],
) -> (String, BTreeMap<&'static str, Vec<f32>>) {
    let currency = match &q.rates {
        Some(r) => r.target.clone(),
        None => {
            let mut n: BTreeMap<&str, usize> = BTreeMap::new();
            for l in listings {
                if let Some(p) = l.prices.last() {
                    *n.entry(p.currency.as_str()).or_default() += 1;
                }
            }
            n.into_iter()
                .max_by_key(|(c, k)| (*k, std::cmp::Reverse(*c)))
                .map(|(c, _)| c.to_string())
                .unwrap_or_default()
        }
    };
    let mut out: BTreeMap<&'static str, Vec<f32>> = BTreeMap::new();
    for l in listings {
        if q.since.is_some_and(|s| l.last_seen < s) {
            continue;
        }
        let Some(p) = l.prices.last() else { continue };
        let amount = match &q.rates {
            Some(r) if !p.currency.eq_ignore_ascii_case(&r.target) => r
                .per_unit
                .get(&p.currency.to_ascii_uppercase())
                .map(|x| p.amount * x),
            _ if p.currency.eq_ignore_ascii_case(&currency) => Some(p.amount),
            _ => None,
        };
        let Some(amount) = amount else { continue };
        for (label, _) in labels {
            if l.labels.iter().any(|x| x == label.as_str()) {
                out.entry(label.as_str()).or_default().push(amount as f32);
            }
        }
    }
    (currency, out)
}
