//! Offline extraction equals crawl-time extraction on every fixture layout
//! (`crawler/tests/fixtures/layouts/`, fictional markets): `armswatch extract saved.html` (no
//! `--url`) against the same page served on 127.0.0.1 (the market's address in the page rewritten
//! to the server's, as a saved page carries absolute links to the market it was saved from) and
//! read as the crawler reads it: fetched over HTTP by the direct transport, decoded with the
//! server's charset, extracted at its fetched address as a start page. Where the market has no
//! listing pages (an order form), the crawler stores the cards themselves: there `armswatch crawl`
//! runs end to end and the stored listings are compared. The same holds for every saved real
//! market page in `../shared/html` (read at test time, never copied here; missing fails under CI):
//! each is read from its file and as fetched from its market's address on 127.0.0.1. Also: a
//! profile whose selector does not compile is refused before anything is fetched, naming file,
//! line and field.

mod common;

use armswatch_core::crawl::PageKind;
use armswatch_core::Listing;
use armswatch_crawler::extract::{decode_html, Extractor};
use armswatch_crawler::serve::StaticSite;
use armswatch_crawler::transport::direct::DirectTransport;
use armswatch_crawler::transport::{FetchRequest, Transport};
use armswatch_store::Store;
use common::{armswatch, armswatch_ok, repo, shared};
use serde_json::Value;
use std::path::{Path, PathBuf};
use url::Url;

fn layouts() -> PathBuf {
    repo().join("crawler/tests/fixtures/layouts")
}

/// Where a static site serves a URL path from.
fn file_for(dir: &Path, path: &str) -> PathBuf {
    let rel = path.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        dir.join(rel).join("index.html")
    } else if rel.ends_with(".html") {
        dir.join(rel)
    } else {
        dir.join(format!("{rel}.html"))
    }
}

/// The listing fields compared, as JSON (the URL's origin replaced by `origin`).
fn fields(l: &Value, from: &str, to: &str) -> Value {
    let mut o = l.clone();
    if let Some(u) = o.get("url").and_then(Value::as_str) {
        o["url"] = Value::String(u.replacen(from, to, 1));
    }
    o
}

#[test]
fn offline_extraction_equals_crawl_time_extraction_on_every_layout() {
    let data = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site_dir = data.path().join("site");
    std::fs::create_dir_all(&site_dir).unwrap();
    let site = rt.block_on(StaticSite::start(site_dir.clone(), 0)).unwrap();
    let local = site.base_url();
    let mut names: Vec<String> = std::fs::read_dir(layouts())
        .unwrap()
        .filter_map(|e| {
            let n = e.unwrap().file_name().into_string().unwrap();
            n.strip_suffix(".html").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 8);
    let mut crawled_markets = 0;
    for name in names {
        let fixture = layouts().join(format!("{name}.html"));
        let offline: Value = serde_json::from_str(&armswatch_ok(
            data.path(),
            &[
                "extract",
                fixture.to_str().unwrap(),
                "--kind",
                "index",
                "--json",
                "--explain",
            ],
        ))
        .unwrap();
        let page = Url::parse(offline["explanation"]["page_url"].as_str().unwrap()).unwrap();
        assert!(
            matches!(page.scheme(), "http" | "https"),
            "{name}: the page should say where it was saved from, got {page}"
        );
        let market = page.origin().ascii_serialization();
        // Serve the page where the crawler will ask for it, pointing at this server.
        let html = std::fs::read_to_string(&fixture)
            .unwrap()
            .replace(&market, &local);
        let target = file_for(&site_dir, page.path());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, html).unwrap();
        let mut start = format!("{local}{}", page.path());
        if let Some(q) = page.query() {
            start = format!("{start}?{q}");
        }
        let want: Vec<Value> = offline["listings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| fields(l, &market, &local))
            .collect();
        assert!(!want.is_empty(), "{name}: nothing offline");

        // As the crawler reads it.
        let url = Url::parse(&start).unwrap();
        let resp = rt
            .block_on(DirectTransport::new().fetch(&FetchRequest {
                url: url.clone(),
                headers: Vec::new(),
                isolation: "layouts".into(),
                timeout_secs: 30,
                max_page_bytes: 8 << 20,
            }))
            .unwrap();
        assert_eq!(resp.status, 200, "{name}");
        let html = decode_html(&resp.body, resp.content_type.as_deref());
        let page = Extractor::generic().extract(&html, &url, PageKind::Start);
        compare(&name, "crawl-time extraction", &page.listings, &want);

        // A market without listing pages: the crawl stores the cards themselves.
        if page.listing_links.is_empty() {
            let db = data.path().join(format!("{name}.db"));
            let out = armswatch(
                data.path(),
                &[
                    "crawl",
                    "--start",
                    &start,
                    "--db",
                    db.to_str().unwrap(),
                    "--tor",
                    "direct",
                    "--max-pages",
                    "1",
                ],
            );
            assert!(
                out.status.success(),
                "{name}: crawl failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let store = Store::open(&db).unwrap();
            let mut stored = Vec::new();
            for id in 1.. {
                let Some(l) = store.listing(id).unwrap() else {
                    break;
                };
                stored.push(l.listing);
            }
            compare(&name, "stored by a crawl", &stored, &want);
            crawled_markets += 1;
        }
    }
    assert!(
        crawled_markets >= 1,
        "the order-form fixture is crawled end to end"
    );
}

/// Listings read at crawl time against the offline ones (as `extract --json` writes them).
fn compare(name: &str, what: &str, got: &[Listing], want: &[Value]) {
    assert_eq!(got.len(), want.len(), "{name}: {what}");
    for (c, w) in got.iter().zip(want) {
        let w_num = |k: &str| w.get(k).and_then(Value::as_f64);
        let w_str = |k: &str| w.get(k).and_then(Value::as_str).map(str::to_string);
        let at = format!("{name}: {what}: {}", c.url);
        assert_eq!(Some(c.url.clone()), w_str("url"), "{at}");
        assert_eq!(Some(c.title.clone()), w_str("title"), "{at}");
        assert_eq!(c.price_text, w_str("price"), "{at}");
        assert_eq!(c.price_amount, w_num("price_amount"), "{at}");
        assert_eq!(c.price_high, w_num("price_high"), "{at}");
        assert_eq!(c.currency, w_str("currency"), "{at}");
        assert_eq!(c.vendor, w_str("vendor"), "{at}");
        assert_eq!(c.category, w_str("category"), "{at}");
        assert_eq!(c.description, w_str("description"), "{at}");
    }
}

/// The saved real pages: (file, the address the market served it from, what the crawler took it for).
const SAVED: &[(&str, &str, PageKind)] = &[
    (
        "apollon_category_index_0.html",
        "http://apollonxilywevef.onion/home.php",
        PageKind::Index,
    ),
    (
        "apollon_listing_0.html",
        "http://apollonxilywevef.onion/listing.php?ls_id=83163",
        PageKind::Listing,
    ),
    (
        "cryptonia_category_index_0.html",
        "http://cryptonia.onion/products",
        PageKind::Index,
    ),
    (
        "cryptonia_listing_0.html",
        "http://cryptonia.onion/product/19926843",
        PageKind::Listing,
    ),
    (
        "cypher_drugs_category.html",
        "http://xtzqxvmi6p7hul6i.onion/category/f4cc5410-3cf8-11ea-88bb-2f78883d918a",
        PageKind::Index,
    ),
    (
        "dream_listing_0.html",
        "http://dream.onion/viewProduct?offer=332845.853310",
        PageKind::Listing,
    ),
    (
        "dream_listing_4.html",
        "http://dream.onion/viewProduct?offer=4",
        PageKind::Listing,
    ),
    (
        "empire_listing_0.html",
        "http://empiremktxgjovhm.onion/product/23527/49/141395",
        PageKind::Listing,
    ),
    (
        "empire_listing_1.html",
        "http://empiremktxgjovhm.onion/product/35599/50/151979",
        PageKind::Listing,
    ),
    (
        "empire_listing_10.html",
        "http://empiremktxgjovhm.onion/product/69440/88/318368",
        PageKind::Listing,
    ),
    (
        "hansa_category_105.html",
        "http://hansamkt2rr6nfg3.onion/category/105/",
        PageKind::Index,
    ),
    (
        "hansa_listing_56750.html",
        "http://hansamkt2rr6nfg3.onion/listing/56750/",
        PageKind::Listing,
    ),
    (
        "whitehouse_market_page0.html",
        "http://whitehouse.onion/welcome",
        PageKind::Start,
    ),
];

/// A link as compared between readings: path, query and fragment; a `file://` link (a saved page
/// that does not say where it was) relative to the page file's directory, as a market path; the
/// page's own path (a query-only link resolves to the file's name offline) as `own`, the market's.
fn link_key(u: &str, page: &Url, own: &str) -> String {
    let Ok(u) = Url::parse(u) else {
        return u.to_string();
    };
    let mut k = u.path().to_string();
    if k == page.path() {
        k = own.to_string();
    } else if u.scheme() == "file" {
        let dir = page
            .join(".")
            .map(|d| d.path().to_string())
            .unwrap_or_default();
        if let Some(rel) = k.strip_prefix(&dir) {
            k = format!("/{rel}");
        }
    }
    if let Some(q) = u.query() {
        k = format!("{k}?{q}");
    }
    if let Some(f) = u.fragment() {
        k = format!("{k}#{f}");
    }
    k
}

/// Guards #14's "offline equals crawl time" on real markup: every saved market page gives the
/// same listings (every field; links compared by path) and the same listing links read from its
/// file as fetched over HTTP from its market's address.
#[test]
fn offline_extraction_equals_crawl_time_extraction_on_every_saved_page() {
    let Some(dir) = shared("html") else { return };
    let data = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site_dir = data.path().join("site");
    std::fs::create_dir_all(&site_dir).unwrap();
    let site = rt.block_on(StaticSite::start(site_dir.clone(), 0)).unwrap();
    let local = site.base_url();
    let local = local.trim_end_matches('/');
    let mut saved: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().into_string().ok())
        .filter(|n| n.ends_with(".html"))
        .collect();
    saved.sort();
    let listed: Vec<&str> = SAVED.iter().map(|s| s.0).collect();
    assert_eq!(saved, listed, "every saved page is read here");
    let mut cards = 0;
    for (name, market_url, kind) in SAVED {
        let path = dir.join(name);
        let body = std::fs::read(&path).unwrap();
        let file_url = Url::from_file_path(path.canonicalize().unwrap()).unwrap();
        let offline = Extractor::generic().extract(&decode_html(&body, None), &file_url, *kind);

        let market_url = Url::parse(market_url).unwrap();
        let market = market_url.origin().ascii_serialization();
        let html = String::from_utf8_lossy(&body).replace(&market, local);
        let target = file_for(&site_dir, market_url.path());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, html).unwrap();
        let url = Url::parse(&market_url.as_str().replacen(&market, local, 1)).unwrap();
        let resp = rt
            .block_on(DirectTransport::new().fetch(&FetchRequest {
                url: url.clone(),
                headers: Vec::new(),
                isolation: "saved".into(),
                timeout_secs: 30,
                max_page_bytes: 8 << 20,
            }))
            .unwrap();
        assert_eq!(resp.status, 200, "{name}");
        let html = decode_html(&resp.body, resp.content_type.as_deref());
        let crawled = Extractor::generic().extract(&html, &url, *kind);

        let keys = |e: &[Url], page: &Url| -> Vec<String> {
            e.iter()
                .map(|u| link_key(u.as_str(), page, url.path()))
                .collect()
        };
        assert_eq!(
            keys(&offline.listing_links, &file_url),
            keys(&crawled.listing_links, &url),
            "{name}: listing links"
        );
        assert_eq!(
            offline.listings.len(),
            crawled.listings.len(),
            "{name}: listings"
        );
        for (o, c) in offline.listings.iter().zip(&crawled.listings) {
            let at = format!("{name}: {}", c.url);
            // A listing page's own address is the page's: the file's offline (the market's query
            // is not in the file), the market's at crawl time.
            if *kind != PageKind::Listing {
                assert_eq!(
                    link_key(&o.url, &file_url, url.path()),
                    link_key(&c.url, &url, url.path()),
                    "{at}"
                );
            }
            let strip = |l: &Listing| Listing {
                url: String::new(),
                vendor_url: None,
                ..l.clone()
            };
            assert_eq!(strip(o), strip(c), "{at}");
            assert_eq!(
                o.vendor_url
                    .as_deref()
                    .map(|u| link_key(u, &file_url, url.path())),
                c.vendor_url
                    .as_deref()
                    .map(|u| link_key(u, &url, url.path())),
                "{at}"
            );
        }
        cards += crawled.listings.len();
    }
    assert!(
        cards >= 98,
        "the saved index pages' cards are read: {cards}"
    );
}

/// Guards #14 Deliver 5: `extract --explain` tells an operator, before the listings, where the page
/// was taken to be and why, each group's item-URL pattern and title slot, and why it was taken or
/// left (a cross-sell strip, a vendor-link group, the navigation bar).
#[test]
fn extract_explain_says_why_each_group_was_taken_or_left() {
    let data = tempfile::tempdir().unwrap();
    let fixture = layouts().join("grid3.html");
    let out = armswatch_ok(
        data.path(),
        &["extract", fixture.to_str().unwrap(), "--explain"],
    );
    let (why, table) = out.split_once("TITLE").expect("explanation then the table");
    for want in [
        "page      http://quartermastr5yz.onion/",
        "absolute links point to",
        "[taken: 12 listings]",
        "pattern  http://quartermastr5yz.onion/item/{uuid}",
        "title    ",
        "a cross-sell or featured strip",
        "12 cards link to only 3 URLs",
        "inside page chrome",
    ] {
        assert!(why.contains(want), "missing {want:?} in:\n{why}");
    }
    assert!(
        table.contains("CZ 75 B") && table.contains("12 listings"),
        "{table}"
    );
}

/// Guards hole 10's single validation: a bad selector is found by building the extractor, before
/// any network or database work, and the error names the file, line and field.
#[test]
fn a_profile_with_a_bad_selector_is_refused_up_front() {
    let data = tempfile::tempdir().unwrap();
    let profile = data.path().join("bad.toml");
    std::fs::write(
        &profile,
        "[market]\nid = \"bad\"\nbase_url = \"http://127.0.0.1:9/\"\n\n[listing]\ntitle = \"h1[\"\n",
    )
    .unwrap();
    let db = data.path().join("x.db");
    for args in [
        vec![
            "crawl",
            "--profile",
            profile.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
            "--tor",
            "direct",
        ],
        vec![
            "extract",
            "--profile",
            profile.to_str().unwrap(),
            profile.to_str().unwrap(),
        ],
    ] {
        let out = armswatch(data.path(), &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(
            err.contains("bad.toml") && err.contains("line 6") && err.contains("listing.title"),
            "{args:?}: {err}"
        );
    }
    assert!(!db.exists(), "nothing is written for a refused profile");
}
