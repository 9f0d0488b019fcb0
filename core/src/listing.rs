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

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
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
    /// The parsed amount, in `currency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_amount: Option<f64>,
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

    /// Sets `price_text`, and the amount and currency when the text parses.
    pub fn set_price(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        self.price_text = Some(text.to_string());
        if let Some(p) = crate::price::parse_price(text) {
            self.price_amount = Some(p.amount);
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
    fn set_price_keeps_text_and_parses() {
        let mut l = Listing::default();
        l.set_price("USD 650.00");
        assert_eq!(l.price_text.as_deref(), Some("USD 650.00"));
        assert_eq!(l.price_amount, Some(650.0));
        assert_eq!(l.currency.as_deref(), Some("USD"));
    }
}
