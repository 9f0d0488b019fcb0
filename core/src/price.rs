//! Prices as markets write them: "USD 650.00", "$1,200", "1.200,00 €", "0.0123 BTC",
//! "USD 95.00 / 0.0041 BTC", "2.5 XMR". The first amount with a recognisable currency wins; the
//! original text is always kept by the caller.

use serde::{Deserialize, Serialize};

/// A parsed price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Price {
    pub amount: f64,
    /// Upper-case code: USD, EUR, GBP, AUD, CAD, CHF, RUB, BTC, XMR, LTC, ETH, BCH.
    pub currency: String,
}

const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "AUD", "CAD", "CHF", "RUB", "BTC", "XMR", "LTC", "ETH", "BCH", "ZEC", "DASH",
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
    normalised.trim_matches('.').parse::<f64>().ok()
}

#[derive(Debug)]
enum Tok {
    Num(String),
    Cur(&'static str),
}

fn tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(code) = symbol_code(c) {
            out.push(Tok::Cur(code));
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || ((chars[i] == '.' || chars[i] == ',' || chars[i] == '\u{a0}' || chars[i] == ' ')
                        && i + 1 < chars.len()
                        && chars[i + 1].is_ascii_digit()
                        && (chars[i] != ' ' && chars[i] != '\u{a0}' || thousand_group(&chars, i + 1))))
            {
                i += 1;
            }
            let n: String = chars[start..i].iter().filter(|c| !c.is_whitespace()).collect();
            out.push(Tok::Num(n));
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && (chars[i].is_alphabetic() || chars[i] == '$') {
                i += 1;
            }
            let w: String = chars[start..i].iter().collect();
            if let Some(code) = word_code(&w) {
                out.push(Tok::Cur(code));
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
    let digits = chars[at..].iter().take_while(|c| c.is_ascii_digit()).count();
    digits == 3
}

/// Parses the first amount that has a currency next to it (before or after). A bare number with no
/// currency anywhere in the text is not a price.
pub fn parse_price(text: &str) -> Option<Price> {
    let toks = tokens(text);
    for (i, t) in toks.iter().enumerate() {
        if let Tok::Num(n) = t {
            let before = i.checked_sub(1).and_then(|j| match &toks[j] {
                Tok::Cur(c) => Some(*c),
                _ => None,
            });
            let after = match toks.get(i + 1) {
                Some(Tok::Cur(c)) => Some(*c),
                _ => None,
            };
            // "USD 95.00 / 0.0041 BTC": the currency before wins when both sides have one.
            if let Some(cur) = before.or(after) {
                let amount = parse_amount(n)?;
                return Some(Price {
                    amount,
                    currency: cur.to_string(),
                });
            }
        }
    }
    None
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
    fn no_currency_is_no_price() {
        assert_eq!(p("50 rounds"), None);
        assert_eq!(p(""), None);
    }
}
