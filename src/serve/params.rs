//! The queue's filters as URL parameters: parsed into a [`QueueQuery`], and written back into
//! links (`ctx`) so that a listing's page, its decisions and next/previous keep the queue's order.

use armswatch_core::{Label, MarketId, ReviewState};
use armswatch_store::{QueueKey, QueuePosition, QueueQuery, QueueSort};
use serde::Deserialize;

/// The queue's URL parameters. Empty values (from an untouched form field) count as absent.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct QueueParams {
    pub sort: Option<String>,
    pub label: Option<String>,
    pub market: Option<String>,
    pub vendor: Option<String>,
    pub state: Option<String>,
    pub min: Option<String>,
    pub max: Option<String>,
    pub q: Option<String>,
    pub all: Option<String>,
    pub n: Option<String>,
    pub after: Option<String>,
    pub before: Option<String>,
    /// A listing whose decision was just saved (shown as a notice).
    pub saved: Option<i64>,
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn score(v: &Option<String>, what: &str) -> Result<Option<f32>, String> {
    match given(v) {
        None => Ok(None),
        Some(s) => match s.parse::<f32>() {
            Ok(x) if (0.0..=1.0).contains(&x) => Ok(Some(x)),
            _ => Err(format!(
                "{what} score must be a number from 0 to 1, not {s:?}"
            )),
        },
    }
}

impl QueueParams {
    /// The filters and sort, validated.
    pub fn query(&self) -> Result<QueueQuery, String> {
        Ok(QueueQuery {
            sort: match given(&self.sort) {
                Some(s) => s.parse()?,
                None => QueueSort::Score,
            },
            label: given(&self.label)
                .map(|l| l.parse::<Label>().map_err(|e| e.to_string()))
                .transpose()?,
            market: given(&self.market).map(MarketId::slug),
            vendor: given(&self.vendor).map(str::to_string),
            state: given(&self.state)
                .map(|s| s.parse::<ReviewState>().map_err(|e| e.to_string()))
                .transpose()?,
            min_score: score(&self.min, "the lowest")?,
            max_score: score(&self.max, "the highest")?,
            search: given(&self.q).map(str::to_string),
            include_unflagged: given(&self.all).is_some(),
            limit: match given(&self.n) {
                None => 50,
                Some(n) => n
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=500).contains(n))
                    .ok_or_else(|| format!("rows per page must be 1 to 500, not {n:?}"))?,
            },
        })
    }

    /// Where the page starts.
    pub fn position(&self) -> Result<QueuePosition, String> {
        let bad = |s: &str| format!("bad page position {s:?}");
        if let Some(a) = given(&self.after) {
            return QueueKey::decode(a)
                .map(QueuePosition::After)
                .ok_or_else(|| bad(a));
        }
        if let Some(b) = given(&self.before) {
            return QueueKey::decode(b)
                .map(QueuePosition::Before)
                .ok_or_else(|| bad(b));
        }
        Ok(QueuePosition::Start)
    }

    /// The filters and sort as a URL query (without the page position), for links.
    pub fn ctx(&self) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("sort", &self.sort),
            ("label", &self.label),
            ("market", &self.market),
            ("vendor", &self.vendor),
            ("state", &self.state),
            ("min", &self.min),
            ("max", &self.max),
            ("q", &self.q),
            ("all", &self.all),
            ("n", &self.n),
        ] {
            if let Some(v) = given(v) {
                s.append_pair(k, v);
            }
        }
        s.finish()
    }

    /// Parses a `ctx` string back.
    pub fn from_ctx(ctx: &str) -> QueueParams {
        let mut p = QueueParams::default();
        for (k, v) in url::form_urlencoded::parse(ctx.as_bytes()) {
            let v = Some(v.into_owned());
            match k.as_ref() {
                "sort" => p.sort = v,
                "label" => p.label = v,
                "market" => p.market = v,
                "vendor" => p.vendor = v,
                "state" => p.state = v,
                "min" => p.min = v,
                "max" => p.max = v,
                "q" => p.q = v,
                "all" => p.all = v,
                "n" => p.n = v,
                _ => {}
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_round_trip_through_ctx() {
        // Guards: the queue context survives a trip through a link or a hidden form field.
        let p = QueueParams {
            sort: Some("market".into()),
            label: Some("part".into()),
            q: Some("glock & <b>".into()),
            min: Some("0.5".into()),
            vendor: Some(" ".into()),
            ..QueueParams::default()
        };
        let back = QueueParams::from_ctx(&p.ctx());
        assert_eq!(back.query().unwrap(), p.query().unwrap());
        assert_eq!(back.query().unwrap().search.as_deref(), Some("glock & <b>"));
        assert_eq!(back.query().unwrap().vendor, None);
    }

    #[test]
    fn bad_filters_are_explained() {
        // Guards: a bad score, label, state or page size is an error message, not a panic.
        let bad = |p: QueueParams| p.query().unwrap_err();
        assert!(bad(QueueParams {
            min: Some("2".into()),
            ..Default::default()
        })
        .contains("0 to 1"));
        assert!(bad(QueueParams {
            label: Some("gun".into()),
            ..Default::default()
        })
        .contains("gun"));
        assert!(bad(QueueParams {
            state: Some("x".into()),
            ..Default::default()
        })
        .contains("x"));
        assert!(bad(QueueParams {
            n: Some("0".into()),
            ..Default::default()
        })
        .contains("1 to 500"));
        let p = QueueParams {
            after: Some("junk".into()),
            ..Default::default()
        };
        assert!(p.position().is_err());
    }
}
