//! Prices as markets write them: "USD 650.00", "$1,200", "1.200,00 €", "0.0123 BTC",
//! "USD 95.00 / 0.0041 BTC", "2.5 XMR", "฿0.01", "€ 12,50", "1,234.56 USD". The first amount with a
//! recognisable currency right next to it (only spaces or a colon between) wins; the original text
//! is always kept by the caller. A range ("$120 - $180", "120-180 USD", "from €45 to €60") keeps
//! both ends: the low one as the amount, the high one in [`Price::high`].

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A parsed price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Price {
    pub amount: f64,
    /// Upper-case code: USD, EUR, GBP, AUD, CAD, CHF, RUB, BTC, XMR, LTC, ETH, BCH.
    pub currency: String,
    /// The high end of a price range (`amount` is the low end); `None` for a single price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
}

const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "AUD", "CAD", "CHF", "RUB", "BTC", "XMR", "LTC", "ETH", "BCH", "ZEC",
    "DASH", "USDT",
];

fn symbol_code(c: char) -> Option<&'static str> {
    match c {
        '$' => Some("USD"),
        '€' => Some("EUR"),
        '£' => Some("GBP"),
        '₽' => Some("RUB"),
        '฿' | '₿' => Some("BTC"),
        'ɱ' => Some("XMR"),
        _ => None,
    }
}

fn word_code(w: &str) -> Option<&'static str> {
    let up = w.to_ascii_uppercase();
    if let Some(c) = CODES.iter().find(|c| **c == up) {
        return Some(c);
    }
    match up.as_str() {
        "US$" | "DOLLAR" | "DOLLARS" => Some("USD"),
        "EURO" | "EUROS" => Some("EUR"),
        "XBT" | "BITCOIN" => Some("BTC"),
        "MONERO" => Some("XMR"),
        "RUR" | "РУБ" => Some("RUB"),
        _ => None,
    }
}

/// Parses a number written with `,` or `.` as thousands or decimal separators.
pub fn parse_amount(raw: &str) -> Option<f64> {
    let s: String = raw
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    if !s.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let last_dot = s.rfind('.');
    let last_comma = s.rfind(',');
    let normalised = match (last_dot, last_comma) {
        (Some(d), Some(c)) if c > d => s.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => s.replace(',', ""),
        (None, Some(c)) => {
            let decimals = s.len() - c - 1;
            if s.matches(',').count() == 1 && decimals != 3 {
                s.replace(',', ".")
            } else {
                s.replace(',', "")
            }
        }
        (Some(d), None) => {
            let decimals = s.len() - d - 1;
            if s.matches('.').count() > 1 || (decimals == 3 && !s.starts_with("0.") && d <= 3) {
                // "1.200" with a thousands dot; but "0.123" is a small decimal amount.
                if s.matches('.').count() > 1 || decimals == 3 {
                    s.replace('.', "")
                } else {
                    s
                }
            } else {
                s
            }
        }
        (None, None) => s,
    };
    // More digits than an f64 holds parse as infinity: that is no price.
    normalised
        .trim_matches('.')
        .parse::<f64>()
        .ok()
        .filter(|a| a.is_finite())
}

#[derive(Debug)]
enum Tok {
    Num(String),
    Cur(&'static str),
}

/// A token and the byte range of the text it came from.
type Spanned = (Tok, Range<usize>);

fn tokens(text: &str) -> Vec<Spanned> {
    let mut out = Vec::new();
    let indexed: Vec<(usize, char)> = text.char_indices().collect();
    let chars: Vec<char> = indexed.iter().map(|(_, c)| *c).collect();
    let byte_at = |i: usize| indexed.get(i).map(|(b, _)| *b).unwrap_or(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(code) = symbol_code(c) {
            out.push((Tok::Cur(code), byte_at(i)..byte_at(i + 1)));
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || ((chars[i] == '.'
                        || chars[i] == ','
                        || chars[i] == '\u{a0}'
                        || chars[i] == ' ')
                        && i + 1 < chars.len()
                        && chars[i + 1].is_ascii_digit()
                        && (chars[i] != ' ' && chars[i] != '\u{a0}'
                            || thousand_group(&chars, i + 1))))
            {
                i += 1;
            }
            let n: String = chars[start..i]
                .iter()
                .filter(|c| !c.is_whitespace())
                .collect();
            out.push((Tok::Num(n), byte_at(start)..byte_at(i)));
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && (chars[i].is_alphabetic() || chars[i] == '$') {
                i += 1;
            }
            let w: String = chars[start..i].iter().collect();
            if let Some(code) = word_code(&w) {
                out.push((Tok::Cur(code), byte_at(start)..byte_at(i)));
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Whether `chars[at..]` starts with exactly three digits followed by a non-digit (a thousands group
/// after a space, as in "1 200,00 €").
fn thousand_group(chars: &[char], at: usize) -> bool {
    let digits = chars[at..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    digits == 3
}

/// Crypto currencies are written with many decimals: "1.234 BTC" is one and a bit bitcoin, never
/// twelve hundred.
fn is_crypto(code: &str) -> bool {
    matches!(code, "BTC" | "XMR" | "LTC" | "ETH" | "BCH" | "ZEC" | "DASH")
}

/// Whether a currency token is glued to the number or separated by spaces only (not by words or
/// other punctuation such as "/" in "USD 95.00 / 0.0041 BTC").
fn adjacent(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    let (first, second) = if a.start < b.start { (a, b) } else { (b, a) };
    text.get(first.end..second.start).is_some_and(|gap| {
        // "12,- €", "12.– EUR": a dash for "no cents" after the amount.
        let gap = [",-", ",–", ".-", ".–", ",--"]
            .iter()
            .find_map(|d| gap.strip_prefix(d))
            .unwrap_or(gap);
        gap.chars().all(|c| c.is_whitespace() || c == ':') && gap.chars().count() <= 3
    })
}

/// Whether the text between two amounts says "to": a dash, a tilde, "to", "bis", "à", "до".
fn range_gap(gap: &str) -> bool {
    let g = gap.trim();
    matches!(
        g,
        "-" | "–" | "—" | "~" | "to" | "bis" | "à" | "a" | "до" | "-&gt;"
    ) || g.eq_ignore_ascii_case("to")
}

/// An amount in a currency: crypto amounts are read with many decimals ("1.234 BTC" is one and a
/// bit bitcoin, never twelve hundred).
fn amount_in(n: &str, cur: &str) -> Option<f64> {
    if is_crypto(cur) {
        let single_separator = n.matches(['.', ',']).count() <= 1;
        single_separator
            .then(|| n.replace(',', ".").parse::<f64>().ok())
            .flatten()
            .filter(|a| a.is_finite())
            .or_else(|| parse_amount(n))
    } else {
        parse_amount(n)
    }
}

/// Finds the first amount written next to a currency (before or after it), with the byte range of
/// the amount and currency in `text`. A range around it ("$120 - $180", "120 - 180 USD") is read
/// whole: the span covers both ends.
pub fn find_price(text: &str) -> Option<(Price, Range<usize>)> {
    let toks = tokens(text);
    for (i, (t, span)) in toks.iter().enumerate() {
        let Tok::Num(n) = t else { continue };
        let before = i.checked_sub(1).and_then(|j| match &toks[j] {
            (Tok::Cur(c), s) if adjacent(text, s, span) => Some((*c, s.clone())),
            _ => None,
        });
        let after = match toks.get(i + 1) {
            Some((Tok::Cur(c), s)) if adjacent(text, span, s) => Some((*c, s.clone())),
            _ => None,
        };
        // "USD 95.00 / 0.0041 BTC": the currency before wins when both sides have one.
        let cur_before = before.is_some();
        let Some((cur, cur_span)) = before.or(after) else {
            continue;
        };
        let amount = amount_in(n, cur)?;
        let mut range = span.start.min(cur_span.start)..span.end.max(cur_span.end);
        let mut price = Price {
            amount,
            currency: cur.to_string(),
            high: None,
        };
        // Forward, from a currency written first: "$120 - $180", "$120-180", "from €45 to €60".
        let next = if cur_before { i + 1 } else { i + 2 };
        let mut k = next;
        let mut high_cur = None;
        if let Some((Tok::Cur(c), s)) = toks.get(k) {
            if *c == cur && text.get(range.end..s.start).is_some_and(range_gap) {
                high_cur = Some(s.clone());
                k += 1;
            }
        }
        if let Some((Tok::Num(h), hs)) = toks.get(k) {
            let gap_ok = match &high_cur {
                Some(s) => text
                    .get(s.end..hs.start)
                    .is_some_and(|g| g.trim().is_empty()),
                None => text.get(range.end..hs.start).is_some_and(range_gap),
            };
            // A currency after the high number must be the same one ("$1 - 2 EUR" is not a range).
            let trailing = match toks.get(k + 1) {
                Some((Tok::Cur(c), s)) if adjacent(text, hs, s) => Some((*c, s.clone())),
                _ => None,
            };
            let same_cur = trailing.as_ref().is_none_or(|(c, _)| *c == cur);
            if gap_ok && same_cur && (cur_before || high_cur.is_some()) {
                if let Some(high) = amount_in(h, cur).filter(|h| *h > amount) {
                    price.high = Some(high);
                    range.end = trailing.map_or(hs.end, |(_, s)| s.end);
                }
            }
        }
        // Backward: "120 - 180 USD", "0.01-0.02 BTC": a bare number and a "to" before this one.
        if price.high.is_none() && !cur_before {
            if let Some((Tok::Num(l), ls)) = i.checked_sub(1).and_then(|j| toks.get(j)) {
                if text.get(ls.end..span.start).is_some_and(range_gap) {
                    if let Some(low) = amount_in(l, cur).filter(|l| *l < amount) {
                        price.high = Some(amount);
                        price.amount = low;
                        range.start = ls.start;
                    }
                }
            }
        }
        return Some((price, range));
    }
    None
}

/// Parses the first amount that has a currency next to it (before or after). A bare number with no
/// currency anywhere in the text is not a price.
pub fn parse_price(text: &str) -> Option<Price> {
    find_price(text).map(|(p, _)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<(f64, String)> {
        parse_price(s).map(|p| (p.amount, p.currency))
    }

    #[test]
    fn market_price_formats() {
        assert_eq!(p("USD 650.00"), Some((650.0, "USD".into())));
        assert_eq!(p("$1,200"), Some((1200.0, "USD".into())));
        assert_eq!(p("1.200,00 €"), Some((1200.0, "EUR".into())));
        assert_eq!(p("0.0123 BTC"), Some((0.0123, "BTC".into())));
        assert_eq!(p("USD 95.00 / 0.0041 BTC"), Some((95.0, "USD".into())));
        assert_eq!(p("2.5 XMR"), Some((2.5, "XMR".into())));
        assert_eq!(p("£45"), Some((45.0, "GBP".into())));
        assert_eq!(p("1 200,50 EUR"), Some((1200.5, "EUR".into())));
        assert_eq!(p("Price: 12.99 usd"), Some((12.99, "USD".into())));
    }

    #[test]
    fn more_market_formats() {
        assert_eq!(p("฿0.01"), Some((0.01, "BTC".into())));
        assert_eq!(p("€ 12,50"), Some((12.5, "EUR".into())));
        assert_eq!(p("1,234.56 USD"), Some((1234.56, "USD".into())));
        assert_eq!(p("1.234 BTC"), Some((1.234, "BTC".into())));
        assert_eq!(p("1.200 €"), Some((1200.0, "EUR".into())));
        assert_eq!(p("From: 53.25 $ - Cocaine"), Some((53.25, "USD".into())));
        assert_eq!(
            p("Sale Price : 14.03 USD / 0.0015 BTC"),
            Some((14.03, "USD".into()))
        );
        assert_eq!(p("฿0.00387 ($41.6)"), Some((0.00387, "BTC".into())));
        assert_eq!(
            p("Buy 4  For 131.25 USD/Ounce"),
            Some((131.25, "USD".into()))
        );
        assert_eq!(p("US $12"), Some((12.0, "USD".into())));
        assert_eq!(p("12 500 ₽"), Some((12500.0, "RUB".into())));
        assert_eq!(p("45,- €"), Some((45.0, "EUR".into())));
        assert_eq!(p("120 USDT"), Some((120.0, "USDT".into())));
    }

    #[test]
    fn currency_must_be_next_to_the_number() {
        assert_eq!(p("Bitcoin accepted, 30 rounds"), None);
        assert_eq!(p("USD rates: 1 box of 50"), None);
    }

    #[test]
    fn find_price_reports_the_span() {
        let text = "Sale Price : 14.03 USD / 0.0015 BTC";
        let (price, span) = find_price(text).unwrap();
        assert_eq!(&text[span], "14.03 USD");
        assert_eq!(price.amount, 14.03);
    }

    #[test]
    fn ranges_keep_both_ends() {
        // Guards price ranges: low end as the amount, high end kept, the span covers both.
        let r = |s: &str| {
            find_price(s).map(|(p, span)| (p.amount, p.high, p.currency, s[span].to_string()))
        };
        assert_eq!(
            r("$120 - $180"),
            Some((120.0, Some(180.0), "USD".into(), "$120 - $180".into()))
        );
        assert_eq!(
            r("cost 120-180 USD"),
            Some((120.0, Some(180.0), "USD".into(), "120-180 USD".into()))
        );
        assert_eq!(
            r("from €45.00 to €60.00"),
            Some((45.0, Some(60.0), "EUR".into(), "€45.00 to €60.00".into()))
        );
        assert_eq!(
            r("0.01 - 0.02 BTC"),
            Some((0.01, Some(0.02), "BTC".into(), "0.01 - 0.02 BTC".into()))
        );
        assert_eq!(
            r("$5-10"),
            Some((5.0, Some(10.0), "USD".into(), "$5-10".into()))
        );
        // Not ranges: two currencies, a slash, a falling pair, a quantity before a price.
        assert_eq!(r("USD 95.00 / 0.0041 BTC").map(|x| x.1), Some(None));
        assert_eq!(r("$1 - 2 EUR").map(|x| x.1), Some(None));
        assert_eq!(r("$180 - $120").map(|x| x.1), Some(None));
        assert_eq!(r("Qty 1 - $45.00").map(|x| (x.0, x.1)), Some((45.0, None)));
        assert_eq!(r("From: 53.25 $ - Cocaine").map(|x| x.1), Some(None));
    }

    #[test]
    fn no_currency_is_no_price() {
        assert_eq!(p("50 rounds"), None);
        assert_eq!(p(""), None);
    }
}
