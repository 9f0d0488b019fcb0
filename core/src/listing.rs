//! A listing: an item for sale, parsed from one or more pages of a market.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A market's stable id: a short slug such as `demo` or `empire`, chosen by the operator in the
/// market profile (or derived from the start URL's host when there is no profile).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MarketId(pub String);

impl MarketId {
    /// Makes a market id from any text: lower-case ASCII letters, digits, `-` and `_`, at most 64
    /// characters; everything else becomes `-`.
    pub fn slug(s: &str) -> MarketId {
        let mut out: String = s
            .trim()
            .chars()
            .map(|c| {
                let c = c.to_ascii_lowercase();
                if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .take(64)
            .collect();
        if out.is_empty() {
            out.push_str("market");
        }
        MarketId(out)
    }

    /// Checks an id an operator chose (a profile's `market.id`): 1 to 64 characters, lower-case ASCII
    /// letters, digits, `-` and `_`, starting with a letter or digit. An invalid id is refused, never
    /// rewritten: a rewritten id could silently merge two markets or split one.
    pub fn parse(s: &str) -> Result<MarketId, InvalidMarketId> {
        let bad = |why: &str| InvalidMarketId {
            id: s.chars().take(80).collect(),
            why: why.to_string(),
        };
        if s.is_empty() {
            return Err(bad("it is empty"));
        }
        if s.len() > MAX_ID_LEN {
            return Err(bad("it is longer than 64 characters"));
        }
        if let Some(c) = s
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_'))
        {
            return Err(bad(&format!(
                "{c:?} is not allowed (use lower-case ASCII letters, digits, `-` and `_`)"
            )));
        }
        if s.starts_with(['-', '_']) {
            return Err(bad("it must start with a letter or a digit"));
        }
        Ok(MarketId(s.to_string()))
    }

    /// The id of a market known only by its start URL's host and port: the host with dots as `-`,
    /// and the port when it is not the scheme's default (`127-0-0-1-8080`), so that two markets on
    /// two ports of one host never share an id (nor a frontier). An onion address too long to fit
    /// beside its port loses its `.onion` suffix.
    pub fn from_host_port(host: &str, port: Option<u16>) -> MarketId {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        let suffix = port.map(|p| format!("-{p}")).unwrap_or_default();
        let mut base = MarketId::slug(&host).0;
        if base.len() + suffix.len() > MAX_ID_LEN {
            if let Some(short) = base.strip_suffix("-onion") {
                base = short.to_string();
            }
            base.truncate(MAX_ID_LEN - suffix.len());
        }
        MarketId(format!("{base}{suffix}"))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The longest market id.
const MAX_ID_LEN: usize = 64;

/// A market id that [`MarketId::parse`] refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid market id {id:?}: {why}")]
pub struct InvalidMarketId {
    pub id: String,
    pub why: String,
}

impl fmt::Display for MarketId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A listing as extracted from a market page. Every field but `url` and `title` may be missing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    /// Canonical URL of the listing page (normalised: no fragment, sorted query).
    pub url: String,
    /// The market's own id for the listing, if the page shows one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market_listing_id: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    /// The vendor's profile page linked from the listing (absolute URL), when the market shows one.
    /// Not part of the listing's content: a changed link is no new version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_url: Option<String>,
    /// The price as the market wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_text: Option<String>,
    /// The parsed amount, in `currency` (the low end of a range).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_amount: Option<f64>,
    /// The high end when the price is a range ("$120 - $180"), in `currency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_high: Option<f64>,
    /// ISO-like currency code: USD, EUR, GBP, BTC, XMR, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ships_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ships_to: Option<String>,
}

impl Listing {
    /// The text a classifier reads: title, category and description.
    pub fn text(&self) -> String {
        let mut s = self.title.clone();
        for part in [&self.category, &self.description].into_iter().flatten() {
            s.push('\n');
            s.push_str(part);
        }
        s
    }

    /// Sets `price_text`, and the amount (both ends of a range) and currency when the text parses.
    pub fn set_price(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        self.price_text = Some(text.to_string());
        if let Some(p) = crate::price::parse_price(text) {
            self.price_amount = Some(p.amount);
            self.price_high = p.high;
            self.currency = Some(p.currency);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_is_safe() {
        assert_eq!(MarketId::slug("Dream Market!").as_str(), "dream-market-");
        assert_eq!(MarketId::slug("").as_str(), "market");
    }

    #[test]
    fn parse_refuses_instead_of_rewriting() {
        // Guards hole 9: an invalid operator id is an error naming the character, not a new id.
        assert_eq!(MarketId::parse("dream_2").unwrap().as_str(), "dream_2");
        for bad in ["", "Dream", "dream market", "-x", "é", &"a".repeat(65)] {
            assert!(MarketId::parse(bad).is_err(), "{bad:?}");
        }
        let e = MarketId::parse("dream/market").unwrap_err().to_string();
        assert!(e.contains("'/'"), "{e}");
    }

    #[test]
    fn ids_from_host_keep_the_port_apart() {
        // Guards hole 2: two markets on two ports of one host get two ids; onions keep their port.
        let a = MarketId::from_host_port("127.0.0.1", Some(8080));
        let b = MarketId::from_host_port("127.0.0.1", Some(8081));
        assert_eq!(a.as_str(), "127-0-0-1-8080");
        assert_ne!(a, b);
        assert_eq!(
            MarketId::from_host_port("M.onion", None).as_str(),
            "m-onion"
        );
        let onion = format!("{}.onion", "a".repeat(56));
        let id = MarketId::from_host_port(&onion, Some(8080));
        assert!(
            id.as_str().ends_with("-8080") && id.as_str().len() <= 64,
            "{id}"
        );
        assert!(MarketId::parse(id.as_str()).is_ok());
    }

    #[test]
    fn set_price_keeps_text_and_parses() {
        let mut l = Listing::default();
        l.set_price("USD 650.00");
        assert_eq!(l.price_text.as_deref(), Some("USD 650.00"));
        assert_eq!(l.price_amount, Some(650.0));
        assert_eq!(l.currency.as_deref(), Some("USD"));
    }
}
