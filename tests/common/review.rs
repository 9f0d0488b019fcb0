//! A review database for the review, export and browser tests: hostile listings (XSS payloads in
//! title, description, vendor, currency and explanation terms), captured pages with scripts, verdicts.
#![allow(dead_code)]

use armswatch_core::crawl::{FetchedPage, PageKind};
use armswatch_core::{Label, Listing, MarketId, TermWeight, Verdict};
use armswatch_store::Store;
use std::collections::BTreeMap;
use std::path::Path;

/// Script, event-handler, `javascript:` URL, SVG, CSS-injection, mXSS and template-syntax
/// payloads. Each one that runs calls `alert` and marks the document (`data-pwned`).
pub fn xss_payloads() -> Vec<String> {
    let js = |n: usize| format!("alert('x{n}');document.documentElement.dataset.pwned='x{n}'");
    let mut p = vec![
        format!("<script>{}</script>", js(1)),
        format!("<img src=x onerror=\"{}\">", js(2)),
        format!("<svg onload=\"{}\">", js(3)),
        format!("<svg><script>{}</script></svg>", js(4)),
        format!("\"><script>{}</script>", js(5)),
        format!("'><img src=x onerror=\"{}\">", js(6)),
        format!("<a id=x7 href=\"javascript:{}\">click</a>", js(7)),
        format!("javascript:{}", js(8)),
        format!("<iframe src=\"javascript:{}\"></iframe>", js(9)),
        format!("<body onload=\"{}\">", js(10)),
        format!("<details open ontoggle=\"{}\">", js(11)),
        format!("<input autofocus onfocus=\"{}\">", js(12)),
        "<style>@import 'http://127.0.0.1:9/x13.css'; body{background:red}</style>".to_string(),
        "<div style=\"background:url(javascript:alert('x14'))\">x14</div>".to_string(),
        "<div style=\"width: expression(alert('x15'))\">x15</div>".to_string(),
        "{{7*7}}{{constructor.constructor('alert(16)')()}}".to_string(),
        format!("${{{}}}", js(17)),
        "{% if true %}{{ 7*7 }}{% endif %}{{ alert('x18') }}".to_string(),
        format!("<math><mtext><table><mglyph><style><img src=x onerror=\"{}\">", js(19)),
        format!("<object data=\"javascript:{}\"></object>", js(20)),
        format!("<embed src=\"data:text/html,<script>{}</script>\">", js(21)),
        format!("</textarea><script>{}</script>", js(22)),
        format!("</title><script>{}</script>", js(23)),
        format!("<meta http-equiv=\"refresh\" content=\"0;url=javascript:{}\">", js(24)),
        "<base href=\"javascript:alert('x25')//\">".to_string(),
        format!("<marquee onstart=\"{}\">x26</marquee>", js(26)),
        format!("<video><source onerror=\"{}\"></video>", js(27)),
        format!("<svg><animate onbegin=\"{}\" attributeName=x dur=1s>", js(28)),
        format!("<x onmouseover=\"{}\" style=\"display:block;position:fixed;top:0;left:0;width:100%;height:100%\">x29</x>", js(29)),
        format!("\u{2028}<script>{}</script>\u{1b}[31m", js(30)),
    ];
    p.truncate(30);
    p
}

/// The currency of the hostile listings (the chart's captions show the most common currency):
/// an escape character, closing SVG text and a script.
pub const CHART_CURRENCY: &str =
    "\u{1b}</text><script>alert('cur');document.documentElement.dataset.pwned='cur'</script>";

/// A captured page that would run a script, load remote images and refresh away if rendered live;
/// `beacon` is a loopback address that must never be contacted.
pub fn scripted_page(beacon: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Glock 19 - Hollow Pine</title>\
         <meta http-equiv=\"refresh\" content=\"1;url={beacon}/refresh\">\
         <link rel=\"stylesheet\" href=\"{beacon}/css\"></head>\
         <body onload=\"alert('page-onload')\"><h1>Glock 19 Gen 5, 9mm</h1>\
         <script>alert('page-script');document.documentElement.dataset.pwned='page';\
         new Image().src='{beacon}/script';</script>\
         <img src=\"{beacon}/img\" onerror=\"alert('page-img')\">\
         <a id=\"buy\" href=\"{beacon}/buy\">buy now</a>\
         <form action=\"{beacon}/form\"><input name=q><button id=\"go\">go</button></form>\
         <iframe src=\"{beacon}/frame\"></iframe>\
         <p style=\"background:url({beacon}/bg)\">Ships worldwide.</p></body></html>"
    )
}

/// The ids a fixture database holds.
pub struct Fixture {
    /// Ordinary flagged listings, highest score first: firearm, part, ammunition.
    pub plain: Vec<i64>,
    /// Listings carrying the XSS payloads.
    pub hostile: Vec<i64>,
    /// The page with the script.
    pub scripted_page: i64,
}

fn verdict(scores: [f32; 4], labels: &[Label], explain: &[(Label, &str, f32)]) -> Verdict {
    let mut ex: BTreeMap<Label, Vec<TermWeight>> = BTreeMap::new();
    for (l, t, w) in explain {
        ex.entry(*l).or_default().push(TermWeight {
            term: t.to_string(),
            weight: *w,
        });
    }
    Verdict {
        model_id: "armswatch-linear".into(),
        model_version: "fixture00001".into(),
        scores: Label::ALL.into_iter().zip(scores).collect(),
        labels: labels.to_vec(),
        explain: ex,
    }
}

/// Builds the fixture database at `path`. `beacon` goes into the scripted page.
pub fn build(path: &Path, beacon: &str) -> Fixture {
    let s = Store::open(path).unwrap();
    let m = MarketId("hollow".into());
    s.upsert_market(&m, Some("Hollow Pine"), Some("http://hollowpine.onion/"))
        .unwrap();
    let run = s.start_run(&m, "arti", "{}").unwrap();
    let page = |url: &str, body: String, at: i64| {
        s.save_page(
            run,
            &m,
            &FetchedPage {
                requested_url: url.into(),
                final_url: url.into(),
                fetched_at: at,
                http_status: 200,
                content_type: Some("text/html; charset=utf-8".into()),
                body: body.into_bytes(),
                transport: "arti".into(),
                kind: PageKind::Listing,
                served_by: "http://demo.onion".into(),
            },
        )
        .unwrap()
    };
    let mut fixture = Fixture {
        plain: Vec::new(),
        hostile: Vec::new(),
        scripted_page: 0,
    };
    let plain = [
        (
            "Glock 19 Gen 5 pistol 9mm",
            "Clean Glock 19, two mags, ships EU",
            "GreyFox",
            [0.97, 0.05, 0.02, 0.0],
            vec![Label::Firearm],
        ),
        (
            "AR-15 bolt carrier group",
            "Full-auto BCG, nitride",
            "GreyFox",
            [0.30, 0.93, 0.01, 0.0],
            vec![Label::Part],
        ),
        (
            "9mm FMJ 115gr, 200 rds",
            "Brass cased, boxed",
            "AmmoKing",
            [0.10, 0.02, 0.91, 0.0],
            vec![Label::Ammunition],
        ),
    ];
    for (i, (title, desc, vendor, scores, labels)) in plain.into_iter().enumerate() {
        let url = format!("http://hollowpine.onion/item/{i}");
        let body = if i == 0 {
            scripted_page(beacon)
        } else {
            format!("<html><body><h1>{title}</h1><p>{desc}</p></body></html>")
        };
        let p = page(&url, body, 1_764_000_000 + i as i64);
        if i == 0 {
            fixture.scripted_page = p;
        }
        let mut l = Listing {
            url: url.clone(),
            title: title.into(),
            description: Some(desc.into()),
            vendor: Some(vendor.into()),
            ..Listing::default()
        };
        l.set_price("USD 650.00");
        let w = s
            .save_listings(&m, p, 1_764_000_000 + i as i64, &[l])
            .unwrap();
        let id = w.to_classify[0];
        s.save_verdicts(&[(
            id,
            verdict(
                scores,
                &labels,
                &[
                    (labels[0], "title:glock", 1.2),
                    (labels[0], "\"#3 rds\"", 0.8),
                    (labels[0], "chars:<glo", 0.5),
                ],
            ),
        )])
        .unwrap();
        fixture.plain.push(id);
    }
    for (i, payload) in xss_payloads().into_iter().enumerate() {
        let url = format!("http://hollowpine.onion/x/{i}?q=\"><script>alert(1)</script>");
        let p = page(
            &url,
            format!("<html><body>{payload}</body></html>"),
            1_764_100_000 + i as i64,
        );
        let l = Listing {
            url,
            title: format!("Pistol {i} {payload}"),
            description: Some(format!("Description {payload} end")),
            vendor: Some(format!("v{i}{payload}")),
            category: Some(payload.clone()),
            ships_from: Some(payload.clone()),
            price_text: Some(payload.clone()),
            // The currency most listings are priced in: it reaches the chart's captions.
            price_amount: Some(100.0 + i as f64),
            currency: Some(CHART_CURRENCY.to_string()),
            ..Listing::default()
        };
        let w = s
            .save_listings(&m, p, 1_764_100_000 + i as i64, &[l])
            .unwrap();
        let id = w.to_classify[0];
        s.save_verdicts(&[(
            id,
            verdict(
                [0.6, 0.1, 0.0, 0.0],
                &[Label::Firearm],
                &[
                    (Label::Firearm, payload.as_str(), 0.9),
                    (Label::Firearm, "w:<script>", -0.3),
                ],
            ),
        )])
        .unwrap();
        fixture.hostile.push(id);
    }
    s.finish_run(run, "finished", Default::default()).unwrap();
    fixture
}

/// A running `armswatch serve`, stopped on drop.
pub struct Serve {
    child: std::process::Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// The address with `?token=...`.
    pub url: String,
    pub token: String,
}

impl Serve {
    /// Starts `armswatch serve --db DB --bind 127.0.0.1:0` with `extra` arguments and waits for its
    /// address line.
    pub fn start(db: &Path, extra: &[&str]) -> Serve {
        use std::io::BufRead;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_armswatch"))
            .args(["serve", "--db"])
            .arg(db)
            .args(["--bind", "127.0.0.1:0"])
            .args(extra)
            .env_remove("ARMSWATCH_REVIEWER")
            .env_remove("RUST_LOG")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("starting armswatch serve");
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut line)
            .unwrap();
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        let (base, token) = url.split_once("/?token=").unwrap();
        Serve {
            base: base.to_string(),
            token: token.to_string(),
            url,
            child,
        }
    }

    /// The token cookie's name.
    pub fn cookie(&self) -> String {
        format!("armswatch_token_{}", self.base.rsplit(':').next().unwrap())
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A raw HTTP/1.1 request to `base` (no client library: status, headers and body as sent).
pub fn http(
    base: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, Vec<(String, String)>, String) {
    use std::io::{Read, Write};
    let addr = base.trim_start_matches("http://");
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    s.write_all(req.as_bytes()).unwrap();
    let mut raw = Vec::new();
    // A server that answers before reading a body may reset the connection after its answer.
    if let Err(e) = s.read_to_end(&mut raw) {
        assert!(!raw.is_empty(), "no answer from {base}{path}: {e}");
    }
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status: u16 = lines
        .next()
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    (status, headers, body.to_string())
}

/// A header's value.
pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}
