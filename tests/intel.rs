//! Intelligence for researchers against two fixture markets on 127.0.0.1: entities from listings
//! and vendor pages, cross-market vendor links (strong and weak, with evidence), candidate markets,
//! a listing's versions and price history, vanished and reappearing listings, statistics in three
//! formats against a hand count, the SVG chart, and the anonymised research export.

mod common;

use armswatch_crawler::serve::StaticSite;
use common::{armswatch, armswatch_ok, repo};
use std::path::{Path, PathBuf};

/// The PGP key both fixture vendors show (made for the unit tests; see its README).
fn key_block() -> String {
    std::fs::read_to_string(repo().join("crawler/src/entities/testdata/fixture-ed25519.asc"))
        .unwrap()
}
const KEY_FPR: &str = "87036DB8A538FA7133F3FBA26D12C5544775F104";
const BTC: &str = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2";
const CANDIDATE: &str = "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion";

fn listing_html(title: &str, vendor: &str, price: &str, description: &str) -> String {
    format!(
        "<html><body><h1 class=\"title\">{title}</h1>\
         <p>Sold by <a class=\"vendor\" href=\"/vendor/{}\">{vendor}</a></p>\
         <div class=\"price\">{price}</div><div class=\"description\"><p>{description}</p></div>\
         </body></html>",
        vendor.to_lowercase()
    )
}

fn vendor_html(vendor: &str, extra: &str) -> String {
    format!(
        "<html><body><h1>{vendor}</h1><p>{extra}</p><pre>{}</pre></body></html>",
        key_block()
    )
}

/// Writes `DIR/rel.html`, served at `/rel`.
fn write(dir: &Path, rel: &str, body: &str) {
    let rel = rel.strip_suffix(".html").unwrap_or(rel);
    let p = dir.join(format!("{rel}.html"));
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, body).unwrap();
}

fn index(dir: &Path, ids: &[u32]) {
    let links: String = ids
        .iter()
        .map(|i| format!("<li><a href=\"/listing/{i}\">item {i}</a></li>"))
        .collect();
    write(
        dir,
        "index.html",
        &format!("<html><body><ul>{links}</ul></body></html>"),
    );
}

/// Market alpha: IronWorks (key + BTC on the profile page) and Copper (a Telegram handle).
fn alpha(dir: &Path) {
    index(dir, &[1, 2, 3]);
    write(
        dir,
        "listing/1",
        &listing_html(
            "Glock 19 Gen 5 pistol",
            "IronWorks",
            "USD 650.00",
            "Brand new Glock 19 gen 5 with two magazines, shipped in parts from the EU.",
        ),
    );
    write(
        dir,
        "listing/2",
        &listing_html(
            "9mm ammunition 500 rounds",
            "IronWorks",
            "USD 200.00",
            &format!("Factory 9mm FMJ, 500 rounds. Mirror: {CANDIDATE}"),
        ),
    );
    write(
        dir,
        "listing/3",
        &listing_html(
            "AR-15 lower receiver",
            "Copper",
            "USD 400.00",
            "Stripped lower, unserialized. Telegram: @copper_guy for questions.",
        ),
    );
    write(
        dir,
        "vendor/ironworks",
        &vendor_html("IronWorks", &format!("Pay BTC {BTC} only.")),
    );
    write(
        dir,
        "vendor/copper",
        "<html><body><h1>Copper</h1></body></html>",
    );
}

/// Market bravo: Iron_Works (same key and BTC) and CopperKing (same Telegram handle only).
fn bravo(dir: &Path) {
    index(dir, &[10, 11]);
    write(
        dir,
        "listing/10",
        &listing_html(
            "Beretta 92 FS",
            "Iron_Works",
            "USD 900.00",
            "Italian made Beretta 92 FS with one magazine.",
        ),
    );
    write(
        dir,
        "listing/11",
        &listing_html(
            "Glock 17 slide",
            "CopperKing",
            "USD 150.00",
            "OEM slide. Contact telegram: @Copper_Guy",
        ),
    );
    write(
        dir,
        "vendor/iron_works",
        &vendor_html("Iron_Works", &format!("BTC: {BTC}")),
    );
    write(
        dir,
        "vendor/copperking",
        "<html><body><h1>CopperKing</h1></body></html>",
    );
}

fn profile(dir: &Path, id: &str) -> PathBuf {
    let p = dir.join(format!("{id}.toml"));
    std::fs::write(
        &p,
        format!(
            "[market]\nid = \"{id}\"\nstart = [\"/\"]\n\n[links]\nlisting = ['/listing/\\d+$']\n\n\
             [listing]\ntitle = \"h1.title\"\nprice = \".price\"\nvendor = \"a.vendor\"\n\
             description = \".description\"\nvendor_link = \"a.vendor\"\n\n[rate]\ndelay_ms = 0\n"
        ),
    )
    .unwrap();
    p
}

struct Market {
    _rt: tokio::runtime::Runtime,
    site: StaticSite,
    dir: PathBuf,
    profile: PathBuf,
}

fn market(root: &Path, id: &str, fill: fn(&Path)) -> Market {
    let dir = root.join(id);
    fill(&dir);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site = rt.block_on(StaticSite::start(dir.clone(), 0)).unwrap();
    Market {
        _rt: rt,
        site,
        profile: profile(root, id),
        dir,
    }
}

fn crawl(data: &Path, db: &Path, m: &Market) -> serde_json::Value {
    let base = format!("http://{}/", m.site.addr());
    let out = armswatch_ok(
        data,
        &[
            "crawl",
            "--profile",
            m.profile.to_str().unwrap(),
            "--base-url",
            &base,
            "--db",
            db.to_str().unwrap(),
            "--tor",
            "direct",
            "--vanish-after",
            "2",
            "--json",
        ],
    );
    serde_json::from_str(out.trim()).unwrap()
}

fn jsonl(s: &str) -> Vec<serde_json::Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn two_markets_give_entities_links_history_stats_chart_and_export() {
    // Guards the whole of issue 15 end to end on real crawls of two fixture markets.
    let tmp = tempfile::tempdir().unwrap();
    let (data, db) = (tmp.path().join("data"), tmp.path().join("intel.db"));
    let dbs = db.to_str().unwrap();
    let a = market(tmp.path(), "alpha", alpha);
    let b = market(tmp.path(), "bravo", bravo);
    crawl(&data, &db, &a);
    crawl(&data, &db, &b);

    // Strong link: the key block and BTC address on both vendor pages; with the evidence.
    let csv = armswatch_ok(
        &data,
        &[
            "vendors",
            "links",
            "--db",
            dbs,
            "--min-strength",
            "strong",
            "--format",
            "csv",
        ],
    );
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("LINK,MARKET_A,VENDOR_A"), "{csv}");
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("pgp_fingerprint") && l.contains(KEY_FPR)),
        "{csv}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains(",bitcoin,") && l.contains(BTC)),
        "{csv}"
    );
    assert!(lines[1..]
        .iter()
        .all(|l| l.starts_with("strong,alpha,IronWorks,bravo,Iron_Works")));
    assert!(
        !csv.contains("copper"),
        "a handle alone is no strong link: {csv}"
    );
    // Weak link: only the shared Telegram handle.
    let all = jsonl(&armswatch_ok(
        &data,
        &["vendors", "links", "--db", dbs, "--json"],
    ));
    let weak: Vec<_> = all
        .iter()
        .filter(|r| r["link_strength"] == "weak")
        .collect();
    assert_eq!(weak.len(), 1, "{all:?}");
    assert_eq!(
        (
            &weak[0]["vendor_a"],
            &weak[0]["vendor_b"],
            &weak[0]["evidence"],
            &weak[0]["value"]
        ),
        (
            &serde_json::json!("Copper"),
            &serde_json::json!("CopperKing"),
            &serde_json::json!("telegram"),
            &serde_json::json!("copper_guy")
        )
    );
    let show: serde_json::Value = serde_json::from_str(&armswatch_ok(
        &data,
        &["vendors", "show", "IronWorks", "--db", dbs, "--json"],
    ))
    .unwrap();
    assert_eq!(show["links"][0]["strength"], "strong");
    assert_eq!(show["links"][0]["b"]["name"], "Iron_Works");
    assert_eq!(show["pgp_keys"][0]["fingerprint"], KEY_FPR);
    assert_eq!(show["pgp_keys"][0]["key_id"], "6D12C5544775F104");
    assert!(
        show["listings"][0][1].as_array().unwrap().len() == 2,
        "{show}"
    );
    let text = armswatch_ok(&data, &["vendors", "show", "IronWorks", "--db", dbs]);
    assert!(
        text.contains("strong link") && text.contains(KEY_FPR),
        "{text}"
    );

    // Candidate market: the onion address in a listing, no known market's.
    let cands = jsonl(&armswatch_ok(
        &data,
        &["markets", "candidates", "--db", dbs, "--json"],
    ));
    assert_eq!(cands.len(), 1, "{cands:?}");
    assert_eq!(cands[0]["onion"], CANDIDATE);

    // An edited listing gets a version with its price change; a removed one vanishes after two
    // finished crawls without it and comes back when it reappears.
    let l2 = std::fs::read_to_string(a.dir.join("listing/2.html")).unwrap();
    std::fs::write(
        a.dir.join("listing/2.html"),
        l2.replace("USD 200.00", "USD 180.00"),
    )
    .unwrap();
    let l3 = std::fs::read_to_string(a.dir.join("listing/3.html")).unwrap();
    std::fs::remove_file(a.dir.join("listing/3.html")).unwrap();
    index(&a.dir, &[1, 2]);
    let r = crawl(&data, &db, &a);
    assert_eq!(
        (r["listings_changed"].as_u64(), r["vanished"].as_u64()),
        (Some(1), Some(0))
    );
    let r = crawl(&data, &db, &a);
    assert_eq!(r["vanished"], 1, "{r}");
    let vanished = jsonl(&armswatch_ok(
        &data,
        &["listings", "vanished", "--db", dbs, "--json"],
    ));
    assert_eq!(vanished.len(), 1);
    assert_eq!(vanished[0]["title"], "AR-15 lower receiver");
    let gone_id = vanished[0]["listing_id"].as_i64().unwrap().to_string();

    let id2 = {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.query_row(
            "SELECT id FROM listings WHERE canonical_url LIKE '%/listing/2'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
        .to_string()
    };
    let hist = jsonl(&armswatch_ok(
        &data,
        &["listings", "history", &id2, "--db", dbs, "--json"],
    ));
    assert_eq!(hist.len(), 2, "{hist:?}");
    assert_eq!(
        (
            hist[0]["price_amount"].as_f64(),
            hist[1]["price_amount"].as_f64()
        ),
        (Some(200.0), Some(180.0))
    );
    assert_eq!(hist[1]["changed"], serde_json::json!(["price"]));
    assert!(
        hist[0]["entities"].to_string().contains(CANDIDATE),
        "{hist:?}"
    );

    // Statistics by market in three formats agree with each other and with a hand count:
    // alpha 3 listings (3 new, 1 vanished, 2 vendors), bravo 2 (2 new, 0 vanished, 2 vendors).
    let table = armswatch_ok(&data, &["stats", "--db", dbs, "--by", "market"]);
    let csv = armswatch_ok(
        &data,
        &["stats", "--db", dbs, "--by", "market", "--format", "csv"],
    );
    let json = jsonl(&armswatch_ok(
        &data,
        &["stats", "--db", dbs, "--by", "market", "--json"],
    ));
    let hand = [("alpha", 3, 3, 1, 2), ("bravo", 2, 2, 0, 2)];
    let from_json: Vec<(String, u64, u64, u64, u64, u64)> = json
        .iter()
        .filter(|r| r["currency"] == "all")
        .map(|r| {
            (
                r["market"].as_str().unwrap().to_string(),
                r["listings"].as_u64().unwrap(),
                r["new"].as_u64().unwrap(),
                r["vanished"].as_u64().unwrap(),
                r["vendors"].as_u64().unwrap(),
                r["flagged"].as_u64().unwrap(),
            )
        })
        .collect();
    let csv_rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let from_csv: Vec<(String, u64, u64, u64, u64, u64)> = csv_rows
        .iter()
        .filter(|r| r[4] == "all")
        .map(|r| {
            let n = |i: usize| r[i].parse::<u64>().unwrap();
            (r[1].to_string(), n(5), n(6), n(7), n(8), n(9))
        })
        .collect();
    let from_table: Vec<(String, u64, u64, u64, u64, u64)> = table
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|c| c[4] == "all")
        .map(|c| {
            let n = |i: usize| c[i].parse::<u64>().unwrap();
            (c[1].to_string(), n(5), n(6), n(7), n(8), n(9))
        })
        .collect();
    assert_eq!(from_json, from_csv);
    assert_eq!(from_json, from_table);
    let counts: Vec<_> = from_json
        .iter()
        .map(|r| (r.0.as_str(), r.1, r.2, r.3, r.4))
        .collect();
    assert_eq!(counts, hand.to_vec());
    let usd: Vec<_> = json
        .iter()
        .filter(|r| r["market"] == "bravo" && r["currency"] == "USD")
        .collect();
    assert_eq!(
        (usd[0]["price_min"].as_f64(), usd[0]["price_max"].as_f64()),
        (Some(150.0), Some(900.0))
    );
    assert_eq!(usd[0]["price_median"].as_f64(), Some(525.0));

    // The chart parses as SVG and has one line series per label (4 colours, 4 legend entries).
    let chart = tmp.path().join("chart.svg");
    armswatch_ok(
        &data,
        &[
            "stats",
            "--db",
            dbs,
            "--by",
            "week",
            "--chart",
            chart.to_str().unwrap(),
            "--format",
            "csv",
        ],
    );
    let svg = std::fs::read_to_string(&chart).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("the chart is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let strokes: std::collections::BTreeSet<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("polyline"))
        .filter_map(|n| n.attribute("stroke"))
        .filter(|s| *s != "#000000") // axes
        .collect();
    assert_eq!(strokes.len(), 4, "{strokes:?}");
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(|t| t.trim().to_string()))
        .collect();
    for label in ["firearm", "part", "ammunition", "design"] {
        assert!(
            texts.iter().any(|t| t == label),
            "no legend for {label}: {texts:?}"
        );
    }

    // The research export hashes personal data unless asked not to.
    let rows = jsonl(&armswatch_ok(
        &data,
        &["export", "--db", dbs, "--research", "--salt", "s1"],
    ));
    assert_eq!(rows.len(), 5);
    let dump = serde_json::to_string(&rows).unwrap();
    assert!(
        !dump.contains("copper_guy") && !dump.contains("IronWorks"),
        "{dump}"
    );
    let copper = rows
        .iter()
        .find(|r| r["title"] == "AR-15 lower receiver")
        .unwrap();
    assert!(copper["vendor"].as_str().unwrap().starts_with("vendor:"));
    assert_eq!(copper["entity_counts"]["telegram"], 1);
    assert_eq!(copper["weak_links"], 1);
    let again = armswatch_ok(
        &data,
        &["export", "--db", dbs, "--research", "--salt", "s1"],
    );
    assert_eq!(jsonl(&again), rows, "the same salt gives the same hashes");
    let plain = armswatch_ok(
        &data,
        &[
            "export",
            "--db",
            dbs,
            "--research",
            "--include-identifiers",
            "--format",
            "csv",
        ],
    );
    assert!(plain.contains("copper_guy") && plain.contains("IronWorks"));
    assert_eq!(plain.lines().count(), 6);

    // The removed listing comes back.
    std::fs::write(a.dir.join("listing/3.html"), l3).unwrap();
    index(&a.dir, &[1, 2, 3]);
    crawl(&data, &db, &a);
    assert!(jsonl(&armswatch_ok(
        &data,
        &["listings", "vanished", "--db", dbs, "--json"]
    ))
    .is_empty());
    let table = armswatch_ok(&data, &["listings", "history", &gone_id, "--db", dbs]);
    assert!(
        table.contains("vanished at") && table.contains("reappeared at"),
        "{table}"
    );
    let out = armswatch(&data, &["vendors", "show", "Nobody", "--db", dbs]);
    assert_eq!(out.status.code(), Some(2));
}
