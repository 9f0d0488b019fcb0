//! The charts page of the review UI: the same chart as `armswatch stats --chart` (listings per
//! week or month by label, price distributions by label) and the per-label numbers behind it.
//!
//! The chart is served by the UI itself as an SVG image (`img-src 'self'` of the page's policy);
//! the SVG response has its own policy (sandboxed, nothing loads, no script), so even opened on its
//! own it runs nothing. Market text that reaches the chart (a currency) is made safe for a terminal
//! by the chart code and XML-escaped by plotters; in the page it is escaped by askama.

use super::views::{blocking, options, render, Opt, Shared};
use super::AppError;
use armswatch_core::Label;
use armswatch_store::stats::{aggregate, parse_date, StatsBy, StatsQuery};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// The policy of the chart image: nothing loads and nothing runs, even when opened directly.
pub const SVG_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; sandbox; \
                           frame-ancestors 'none'";

/// The chart's URL parameters (the `stats --chart` options). Empty values count as absent.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ChartParams {
    /// `week` (default) or `month`.
    pub by: Option<String>,
    pub label: Option<String>,
    /// `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Any value: the image is sent as a file download.
    pub download: Option<String>,
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl ChartParams {
    /// The statistics query, validated (the same meaning as `stats --by ... --label ... --since`).
    pub fn query(&self, by_label: bool) -> Result<StatsQuery, String> {
        let period = match given(&self.by) {
            None | Some("week") => StatsBy::Week,
            Some("month") => StatsBy::Month,
            Some(other) => return Err(format!("by must be week or month, not {other:?}")),
        };
        let label = given(&self.label)
            .map(|l| l.parse::<Label>().map(|l| l.as_str().to_string()))
            .transpose()
            .map_err(|e| e.to_string())?;
        let since = given(&self.since)
            .map(|s| {
                parse_date(s).ok_or_else(|| format!("since must be a date YYYY-MM-DD, not {s:?}"))
            })
            .transpose()?;
        Ok(StatsQuery {
            by: if by_label {
                vec![StatsBy::Label]
            } else {
                vec![period]
            },
            label,
            since,
            rates: None,
        })
    }

    /// The parameters as a query string (without `download`), for the image's address.
    fn encode(&self) -> String {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("by", &self.by),
            ("label", &self.label),
            ("since", &self.since),
        ] {
            if let Some(v) = given(v) {
                q.append_pair(k, v);
            }
        }
        q.finish()
    }
}

/// One line of the per-label table.
struct StatView {
    label: String,
    currency: String,
    listings: usize,
    new: usize,
    vanished: usize,
    vendors: usize,
    flagged: usize,
    priced: usize,
    median: String,
    min: String,
    max: String,
}

fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "-".into(), |v| format!("{v:.2}"))
}

#[derive(Template)]
#[template(path = "charts.html")]
struct ChartsTpl {
    periods: Vec<Opt>,
    labels: Vec<Opt>,
    since: String,
    image: String,
    download: String,
    rows: Vec<StatView>,
}

/// `GET /charts`: the chart and the numbers by label.
pub async fn page(State(st): Shared, Query(p): Query<ChartParams>) -> Result<Response, AppError> {
    let by_label = p.query(true).map_err(AppError::bad_request)?;
    let rows = blocking(move || {
        let listings = st.store.stats_listings()?;
        Ok(aggregate(&listings, &by_label))
    })
    .await?;
    let rows = rows
        .into_iter()
        .map(|r| StatView {
            label: if r.label.is_empty() {
                "unlabelled".into()
            } else {
                r.label
            },
            currency: r.currency,
            listings: r.listings,
            new: r.new,
            vanished: r.vanished,
            vendors: r.vendors,
            flagged: r.flagged,
            priced: r.priced,
            median: num(r.price_median),
            min: num(r.price_min),
            max: num(r.price_max),
        })
        .collect();
    let mut labels = vec![("", "all labels".to_string())];
    for l in Label::ALL {
        labels.push((l.as_str(), l.as_str().to_string()));
    }
    let periods = [("week", "week".to_string()), ("month", "month".to_string())];
    let q = p.encode();
    let t = ChartsTpl {
        periods: options(given(&p.by).unwrap_or("week"), &periods),
        labels: options(&given(&p.label).unwrap_or("").to_ascii_lowercase(), &labels),
        since: given(&p.since).unwrap_or("").to_string(),
        image: format!("/charts/chart.svg?{q}"),
        download: format!("/charts/chart.svg?{q}&download=1"),
        rows,
    };
    render(&t)
}

/// `GET /charts/chart.svg`: the chart of `stats --chart`, as an image.
pub async fn svg(State(st): Shared, Query(p): Query<ChartParams>) -> Result<Response, AppError> {
    let q = p.query(false).map_err(AppError::bad_request)?;
    let svg = blocking(move || {
        let listings = st.store.stats_listings()?;
        Ok(crate::cmd::stats_chart::render(&listings, &q)?)
    })
    .await?;
    let mut res = svg.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/svg+xml; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(SVG_CSP),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static(if p.download.is_some() {
            "attachment; filename=\"armswatch-chart.svg\""
        } else {
            "inline; filename=\"armswatch-chart.svg\""
        }),
    );
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_parameters_are_checked_and_kept() {
        // Guards the chart's options: week/month and a real label only, a date for since; the
        // image address carries them (escaped) and never the download flag.
        let p = ChartParams {
            by: Some("month".into()),
            label: Some("Firearm".into()),
            since: Some("2025-01-01".into()),
            download: Some("1".into()),
        };
        let q = p.query(false).unwrap();
        assert_eq!(q.by, vec![StatsBy::Month]);
        assert_eq!(q.label.as_deref(), Some("firearm"));
        assert!(q.since.is_some());
        assert_eq!(p.encode(), "by=month&label=Firearm&since=2025-01-01");
        for bad in [
            ChartParams {
                by: Some("day".into()),
                ..Default::default()
            },
            ChartParams {
                label: Some("drugs".into()),
                ..Default::default()
            },
            ChartParams {
                since: Some("yesterday".into()),
                ..Default::default()
            },
        ] {
            assert!(bad.query(false).is_err(), "{bad:?}");
        }
        let odd = ChartParams {
            since: Some("\"><script>".into()),
            ..Default::default()
        };
        assert_eq!(odd.encode(), "since=%22%3E%3Cscript%3E");
    }
}
