//! Properties of the parsers that read hostile input, checked on generated input in the normal
//! suite (the same targets run under libFuzzer in `fuzz/`): HTML extraction (generic and profile),
//! URL normalisation, prices, profiles, walls and the model file loader never panic, and keep their
//! invariants. Every crash a fuzzer found is a named regression test at the bottom.

mod common;

use armswatch_classifier::Classifier;
use armswatch_core::crawl::PageKind;
use armswatch_core::price::{find_price, parse_amount, parse_price};
use armswatch_crawler::extract::{decode_html, Extractor};
use armswatch_crawler::profile::Profile;
use armswatch_crawler::urlnorm::{normalize, resolve};
use proptest::prelude::*;
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::OnceLock;
use url::Url;

/// `cases` generated inputs per property; failures are shown, not written to the source tree.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn demo_extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| {
        let text = std::fs::read_to_string(common::repo().join("demo/profile.toml")).unwrap();
        let p = Profile::parse(&text, Path::new("demo/profile.toml")).unwrap();
        Extractor::new(Some(&p)).unwrap()
    })
}

fn generic() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::new(None).unwrap())
}

/// HTML-ish text: tags a market page has (cards, links, prices, forms, refreshes), entities,
/// control and bidi characters, broken markup.
fn html_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<div class=\"listing\">".to_string()),
        Just("</div>".to_string()),
        Just("<h1 class=\"listing-title\">".to_string()),
        Just("</h1>".to_string()),
        Just("<span class=\"listing-price\">USD 650.00</span>".to_string()),
        Just("<a href=\"/listing/12\">".to_string()),
        Just("<a href=\"/listings/page/3\">next</a>".to_string()),
        Just("<a href=\"http://other.example/x\">".to_string()),
        Just("</a>".to_string()),
        Just("<form><input type=password name=p>".to_string()),
        Just("<meta http-equiv=\"refresh\" content=\"0;url=/a\">".to_string()),
        Just("<meta http-equiv=refresh content=\"0;éé\">".to_string()),
        Just("<base href=\"/sub/\">".to_string()),
        Just("<title>Login</title>".to_string()),
        Just("captcha".to_string()),
        Just("you are in the queue".to_string()),
        Just("this market has been seized".to_string()),
        Just("&#27;]0;x&#7;&amp;&lt;&#x202e;".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<!--".to_string()),
        Just("<script>".to_string()),
        Just("€ 12,50 ฿0.01 1.200,00".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ]
}

fn html_doc() -> impl Strategy<Value = String> {
    prop::collection::vec(html_piece(), 0..40).prop_map(|v| v.concat())
}

/// URL-like text: schemes, hosts, ports, paths with dots and escapes, queries with session ids,
/// fragments.
fn url_text() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just("http"), Just("https"), Just("HTTP"), Just("ftp")],
        "[a-zA-Z0-9-]{1,12}(\\.[a-zA-Z0-9-]{1,8}){0,2}",
        prop::option::of(prop_oneof![
            Just(80u16),
            Just(443),
            Just(8080),
            any::<u16>()
        ]),
        "(/[a-zA-Z0-9%._~!$&'()*+,;=:@-]{0,8}){0,4}",
        prop::collection::vec(
            (
                prop_oneof![
                    Just("sid".to_string()),
                    Just("PHPSESSID".to_string()),
                    Just("page".to_string()),
                    "[a-z%+&=]{0,5}"
                ],
                "[a-zA-Z0-9%+ &=]{0,6}",
            ),
            0..4,
        ),
        prop::option::of("[a-z0-9]{0,6}"),
    )
        .prop_map(|(scheme, host, port, path, query, frag)| {
            let mut s = format!("{scheme}://{host}");
            if let Some(p) = port {
                s.push_str(&format!(":{p}"));
            }
            s.push_str(&path);
            if !query.is_empty() {
                let q: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
                s.push('?');
                s.push_str(&q.join("&"));
            }
            if let Some(f) = frag {
                s.push('#');
                s.push_str(&f);
            }
            s
        })
}

/// Thousands groups with `sep`: 1234567 -> "1,234,567".
fn grouped(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn url_normalisation_is_idempotent(s in url_text()) {
        // Guards: a normalised URL normalises to itself, has no fragment, no default port and no
        // session parameter, so one page has one frontier entry.
        if let Ok(u) = Url::parse(&s) {
            if let Some(n) = normalize(&u) {
                prop_assert_eq!(normalize(&n), Some(n.clone()));
                prop_assert!(n.fragment().is_none());
                prop_assert!(n.port() != Some(80) || n.scheme() != "http");
                for (k, _) in n.query_pairs() {
                    let k = k.to_ascii_lowercase();
                    prop_assert!(k != "sid" && k != "phpsessid", "{}", n);
                }
            }
        }
    }

    #[test]
    fn resolving_any_href_gives_a_normal_url(href in "\\PC{0,40}") {
        // Guards: any href on a page resolves to nothing or to a normalised http(s) URL.
        let base = Url::parse("http://market.onion/a/b?page=2").unwrap();
        if let Some(n) = resolve(&base, &href) {
            prop_assert!(n.scheme() == "http" || n.scheme() == "https");
            prop_assert_eq!(normalize(&n), Some(n.clone()));
        }
    }

    #[test]
    fn written_prices_read_back(units in 0u64..100_000_000, cents in 0u64..100, style in 0usize..6) {
        // Guards the price round trip: an amount written the ways markets write it parses back to
        // the same amount and currency.
        let (text, currency) = match style {
            0 => (format!("USD {}.{cents:02}", grouped(units, ',')), "USD"),
            1 => (format!("${units}.{cents:02}"), "USD"),
            2 => (format!("{},{cents:02} €", grouped(units, '.')), "EUR"),
            3 => (format!("£{}.{cents:02}", grouped(units, ',')), "GBP"),
            4 => (format!("{units}.{cents:02} EUR / 0.0041 BTC"), "EUR"),
            _ => (format!("Price: {}.{cents:02} USD", grouped(units, ',')), "USD"),
        };
        let want = units as f64 + cents as f64 / 100.0;
        let p = parse_price(&text);
        prop_assert!(p.is_some(), "{text:?} did not parse");
        let p = p.unwrap();
        prop_assert!((p.amount - want).abs() < 1e-6, "{text:?} -> {}", p.amount);
        prop_assert_eq!(p.currency.as_str(), currency);
    }

    #[test]
    fn crypto_prices_read_back(sats in 1u64..2_100_000_000_000_000, code in prop_oneof![Just("BTC"), Just("XMR")]) {
        // Guards: crypto amounts with up to eight decimals read back exactly.
        let amount = sats as f64 / 1e8;
        let text = format!("{amount:.8} {code}");
        let p = parse_price(&text).unwrap();
        prop_assert!((p.amount - amount).abs() <= amount * 1e-12, "{text:?} -> {}", p.amount);
        prop_assert_eq!(p.currency.as_str(), code);
    }

    #[test]
    fn any_price_text_is_safe(s in "\\PC{0,40}|[0-9.,$€ ]{0,400}|\\$[0-9]{300,400}|[0-9]{300,400} (BTC|XMR)") {
        // Guards: any text gives no price or a finite, non-negative one whose range lies on
        // character boundaries.
        if let Some(a) = parse_amount(&s) {
            prop_assert!(a.is_finite() && a >= 0.0, "{s:?} -> {a}");
        }
        if let Some((p, range)) = find_price(&s) {
            prop_assert!(p.amount.is_finite() && p.amount >= 0.0, "{s:?} -> {p:?}");
            prop_assert!(s.get(range).is_some());
        }
    }
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn extraction_never_panics(html in html_doc(), listing in any::<bool>()) {
        // Guards: the generic and the profile extractor take any page; listing URLs are absolute.
        let kind = if listing { PageKind::Listing } else { PageKind::Index };
        let url = Url::parse("http://127.0.0.1:8080/listings/page/2").unwrap();
        for e in [generic(), demo_extractor()] {
            let page = e.extract(&html, &url, kind);
            for l in &page.listings {
                prop_assert!(Url::parse(&l.url).is_ok(), "{:?}", l.url);
            }
        }
    }

    #[test]
    fn decoding_any_bytes_never_panics(body in prop::collection::vec(any::<u8>(), 0..600), ct in prop::option::of("[a-z/;= -]{0,30}")) {
        // Guards: charset sniffing and decoding take any bytes and any Content-Type.
        let html = decode_html(&body, ct.as_deref());
        let url = Url::parse("http://market.onion/").unwrap();
        let _ = generic().extract(&html, &url, PageKind::Index);
    }

    #[test]
    fn walls_on_small_pages_never_panic(title in "\\PC{0,30}", heading in "\\PC{0,30}", body in html_doc()) {
        // Guards wall detection on wall-shaped pages (a title, a heading, a login form).
        let html = format!(
            "<html><head><title>{title}</title></head><body><h1>{heading}</h1>\
             <form><input type=password>{body}</form></body></html>"
        );
        let url = Url::parse("http://market.onion/login").unwrap();
        let page = generic().extract(&html, &url, PageKind::Index);
        if let Some(w) = page.wall {
            prop_assert!(!w.kind.as_str().is_empty());
        }
    }

    #[test]
    fn profile_parsing_gives_a_profile_or_an_error(at in 0usize..2000, del in 0usize..20, insert in "\\PC{0,8}") {
        // Guards: a damaged profile (the demo's, with text cut out and put in anywhere) parses or
        // is refused with an error, never a panic.
        let text = std::fs::read_to_string(common::repo().join("demo/profile.toml")).unwrap();
        let mut a = at.min(text.len());
        while !text.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (a + del).min(text.len());
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        let damaged = format!("{}{insert}{}", &text[..a], &text[b..]);
        if let Ok(p) = Profile::parse(&damaged, Path::new("fuzz.toml")) {
            let _ = Extractor::new(Some(&p));
        }
    }

    #[test]
    fn any_text_as_a_profile_is_refused_or_parsed(text in "\\PC{0,200}") {
        // Guards: arbitrary text is not a panic in the profile parser.
        let _ = Profile::parse(&text, Path::new("fuzz.toml"));
    }
}

/// The shipped model file's bytes.
fn shipped_model() -> &'static [u8] {
    static M: OnceLock<Vec<u8>> = OnceLock::new();
    M.get_or_init(|| std::fs::read(common::repo().join("models/armswatch-linear.model")).unwrap())
}

/// A model file with `body` and its correct header checksum.
fn with_checksum(body: &[u8]) -> Vec<u8> {
    let mut b = format!(
        "ARMSWATCH-MODEL {} sha256:{}\n",
        armswatch_classifier::FORMAT_VERSION,
        hex::encode(Sha256::digest(body))
    )
    .into_bytes();
    b.extend_from_slice(body);
    b
}

proptest! {
    #![proptest_config(config(24))]

    #[test]
    fn damaged_model_files_are_refused_or_score_in_range(
        cut in 0usize..8_000_000,
        flips in prop::collection::vec((0usize..8_000_000, any::<u8>()), 0..4),
        fix_checksum in any::<bool>(),
    ) {
        // Guards the model loader: a truncated or bit-flipped file (with its checksum fixed up, so
        // the body parser sees it) is a clear error or a model whose scores are probabilities.
        let full = shipped_model();
        let nl = full.iter().position(|b| *b == b'\n').unwrap();
        let mut body = full[nl + 1..].to_vec();
        body.truncate(cut.max(1).min(body.len()));
        for (at, b) in flips {
            let n = body.len();
            body[at % n] = b;
        }
        let bytes = if fix_checksum { with_checksum(&body) } else {
            let mut b = full[..=nl].to_vec();
            b.extend_from_slice(&body);
            b
        };
        match Classifier::from_bytes(&bytes) {
            Ok(m) => {
                for s in m.scores("Glock 19 gen5", "9mm pistol") {
                    prop_assert!((0.0..=1.0).contains(&s), "score {s}");
                }
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn any_bytes_are_not_a_model(bytes in prop::collection::vec(any::<u8>(), 0..300), fix in any::<bool>()) {
        // Guards: random bytes, with or without a valid header, are refused without a panic.
        let bytes = if fix { with_checksum(&bytes) } else { bytes };
        let _ = Classifier::from_bytes(&bytes);
    }
}

// Regression tests: crashes found by the properties above and by `fuzz/`.

#[test]
fn meta_refresh_with_multibyte_content_does_not_panic() {
    // Guards the crash found by `extraction_never_panics` (issue 13, hole 8): the refresh parser
    // sliced "0;éé" inside a character.
    let url = Url::parse("http://market.onion/").unwrap();
    for content in ["0;éé", "0;é", "5; ürl=/x", "0,日本語"] {
        let html =
            format!("<html><head><meta http-equiv=refresh content=\"{content}\"></head></html>");
        let _ = generic().extract(&html, &url, PageKind::Index);
    }
}

#[test]
fn a_price_with_hundreds_of_digits_is_not_infinite() {
    // Guards: an amount too large for f64 is no price, not an infinite one.
    let digits = "9".repeat(400);
    assert_eq!(parse_amount(&digits), None);
    assert_eq!(parse_price(&format!("USD {digits}")), None);
    assert_eq!(parse_price(&format!("{digits} BTC")), None);
}
