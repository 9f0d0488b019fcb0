//! Scores the generic extractor (no profile) against the profile extraction of the saved real
//! market pages in `../shared/html`, which serves as ground truth, and against the expected output
//! of the hand-written fixture layouts in `crawler/tests/fixtures/layouts`.
//!
//! Each page is read twice: *with URL* (the address the crawler fetched it from) and *offline*
//! (a `file://` address and nothing else, as `armswatch extract saved.html` reads it).
//! Index pages: a ground-truth card counts as found when the generic extractor returns a card with
//! the same URL (its path and query; an offline page whose site cannot be known gives `file://`
//! URLs, compared relative to the file's directory), the same title (whitespace-insensitive) and
//! the same price amount and currency. Recall = found / ground-truth cards; precision = found /
//! generic cards. Listing pages: each field the profile extracts is compared with the generic
//! guess, with the URL and offline.
//!
//! Run: `cargo run -p armswatch-crawler --example generic_score [-- --verbose]`

use armswatch_core::crawl::PageKind;
use armswatch_core::Listing;
use armswatch_crawler::extract::{extract_page, PageExtract};
use armswatch_crawler::profile::Profile;
use std::path::PathBuf;
use url::Url;

/// (saved page, profile, URL the page was fetched from, kind)
const PAGES: &[(&str, &str, &str, PageKind)] = &[
    (
        "apollon_category_index_0.html",
        "apollon",
        "http://apollonxilywevef.onion/home.php",
        PageKind::Index,
    ),
    (
        "cryptonia_category_index_0.html",
        "cryptonia",
        "http://cryptonia.onion/products",
        PageKind::Index,
    ),
    (
        "cypher_drugs_category.html",
        "cypher",
        "http://xtzqxvmi6p7hul6i.onion/category/f4cc5410-3cf8-11ea-88bb-2f78883d918a",
        PageKind::Index,
    ),
    (
        "hansa_category_105.html",
        "hansa",
        "http://hansamkt2rr6nfg3.onion/category/105/",
        PageKind::Index,
    ),
    (
        "apollon_listing_0.html",
        "apollon",
        "http://apollonxilywevef.onion/listing.php?ls_id=83163",
        PageKind::Listing,
    ),
    (
        "cryptonia_listing_0.html",
        "cryptonia",
        "http://cryptonia.onion/product/19926843",
        PageKind::Listing,
    ),
    (
        "dream_listing_0.html",
        "dream",
        "http://dream.onion/viewProduct?offer=332845.853310",
        PageKind::Listing,
    ),
    (
        "dream_listing_4.html",
        "dream",
        "http://dream.onion/viewProduct?offer=4",
        PageKind::Listing,
    ),
    (
        "empire_listing_0.html",
        "empire",
        "http://empiremktxgjovhm.onion/product/23527/49/141395",
        PageKind::Listing,
    ),
    (
        "empire_listing_1.html",
        "empire",
        "http://empiremktxgjovhm.onion/product/35599/50/151979",
        PageKind::Listing,
    ),
    (
        "empire_listing_10.html",
        "empire",
        "http://empiremktxgjovhm.onion/product/69440/88/318368",
        PageKind::Listing,
    ),
    (
        "hansa_listing_56750.html",
        "hansa",
        "http://hansamkt2rr6nfg3.onion/listing/56750/",
        PageKind::Listing,
    ),
];

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A listing URL as compared: path and query (and fragment, for order-form cells); a `file://`
/// URL relative to the directory of the page file.
fn url_key(u: &str, page: &Url) -> String {
    let Ok(u) = Url::parse(u) else {
        return u.to_string();
    };
    if u.scheme() == "file" {
        let dir = page
            .join(".")
            .map(|d| d.path().to_string())
            .unwrap_or_default();
        // Links relative to the page sit in its directory; root-relative ones at the file root.
        let mut k = match u.path().strip_prefix(&dir) {
            Some(rel) => format!("/{rel}"),
            None => u.path().to_string(),
        };
        if let Some(q) = u.query() {
            k.push('?');
            k.push_str(q);
        }
        return k;
    }
    let mut k = u.path().to_string();
    if let Some(q) = u.query() {
        k.push('?');
        k.push_str(q);
    }
    if let Some(f) = u.fragment() {
        k.push('#');
        k.push_str(f);
    }
    k
}

fn same_card(gt: &Listing, g: &Listing, page: &Url) -> bool {
    url_key(&gt.url, page) == url_key(&g.url, page)
        && norm(&gt.title) == norm(&g.title)
        && gt.currency == g.currency
        && match (gt.price_amount, g.price_amount) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            (None, None) => true,
            _ => false,
        }
}

/// (truth cards, generic cards, found)
fn score(truth: &[Listing], generic: &PageExtract, page: &Url) -> (usize, usize, usize) {
    let found = truth
        .iter()
        .filter(|t| generic.listings.iter().any(|g| same_card(t, g, page)))
        .count();
    (truth.len(), generic.listings.len(), found)
}

fn pct(a: usize, b: usize) -> String {
    format!("{:.0} %", 100.0 * a as f64 / b.max(1) as f64)
}

#[derive(Default)]
struct Totals {
    with_url: (usize, usize, usize),
    offline: (usize, usize, usize),
}

impl Totals {
    fn add(&mut self, w: (usize, usize, usize), o: (usize, usize, usize)) {
        self.with_url = (
            self.with_url.0 + w.0,
            self.with_url.1 + w.1,
            self.with_url.2 + w.2,
        );
        self.offline = (
            self.offline.0 + o.0,
            self.offline.1 + o.1,
            self.offline.2 + o.2,
        );
    }

    fn row(&self, label: &str) -> String {
        let (w, o) = (self.with_url, self.offline);
        format!(
            "| **{label}** | {} | {} | {} | {} | {} | {} | {} | {} |",
            w.0,
            w.1,
            pct(w.2, w.0),
            pct(w.2, w.1),
            o.1,
            pct(o.2, o.0),
            pct(o.2, o.1),
            if w == o { "yes" } else { "no" }
        )
    }
}

const HEADER: &str = "| page | truth cards | generic cards (URL) | recall (URL) | precision (URL) | generic cards (offline) | recall (offline) | precision (offline) | same |\n|---|---|---|---|---|---|---|---|---|";

fn row(file: &str, w: (usize, usize, usize), o: (usize, usize, usize)) -> String {
    format!(
        "| {file} | {} | {} | {} | {} | {} | {} | {} | {} |",
        w.0,
        w.1,
        pct(w.2, w.0),
        pct(w.2, w.1),
        o.1,
        pct(o.2, o.0),
        pct(o.2, o.1),
        if w == o { "yes" } else { "no" }
    )
}

fn verbose_misses(truth: &[Listing], generic: &PageExtract, page: &Url) {
    for t in truth {
        if !generic.listings.iter().any(|g| same_card(t, g, page)) {
            let g = generic
                .listings
                .iter()
                .find(|g| url_key(&g.url, page) == url_key(&t.url, page));
            eprintln!(
                "  MISS {} {:?} {:?}{:?}\n    got {:?}",
                t.url,
                t.title,
                t.price_amount,
                t.currency,
                g.map(|g| (&g.title, g.price_amount, &g.currency))
            );
        }
    }
    for g in &generic.listings {
        if !truth
            .iter()
            .any(|t| url_key(&t.url, page) == url_key(&g.url, page))
        {
            eprintln!(
                "  EXTRA {} {:?} {:?}{:?}",
                g.url, g.title, g.price_amount, g.currency
            );
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let html_dir = root.join("../../shared/html");
    if !html_dir.is_dir() {
        return Err(format!("saved pages not found at {}", html_dir.display()).into());
    }
    println!("Saved real pages (ground truth: the market's profile):\n\n{HEADER}");
    let mut totals = Totals::default();
    let mut field_rows = Vec::new();
    for (file, market, url, kind) in PAGES {
        let html = std::fs::read_to_string(html_dir.join(file))?;
        let profile = Profile::load(&root.join(format!("../profiles/{market}.toml")))?;
        let url = Url::parse(url)?;
        let file_url =
            Url::from_file_path(html_dir.canonicalize()?.join(file)).map_err(|_| "file URL")?;
        let truth = extract_page(&html, &url, *kind, Some(&profile));
        let generic = extract_page(&html, &url, *kind, None);
        let offline = extract_page(&html, &file_url, *kind, None);
        if *kind == PageKind::Index {
            let w = score(&truth.listings, &generic, &url);
            let o = score(&truth.listings, &offline, &file_url);
            totals.add(w, o);
            println!("{}", row(file, w, o));
            if verbose {
                eprintln!("{file} with URL:");
                verbose_misses(&truth.listings, &generic, &url);
                eprintln!("{file} offline:");
                verbose_misses(&truth.listings, &offline, &file_url);
            }
        } else if let (Some(t), Some(g)) = (truth.listings.first(), generic.listings.first()) {
            let fields = |l: &Listing| -> [(&'static str, Option<String>); 6] {
                [
                    ("title", Some(norm(&l.title))),
                    (
                        "price",
                        l.price_amount.map(|a| format!("{a} {:?}", l.currency)),
                    ),
                    ("vendor", l.vendor.clone()),
                    ("ships_from", l.ships_from.as_deref().map(norm)),
                    ("ships_to", l.ships_to.as_deref().map(norm)),
                    ("description", l.description.as_deref().map(norm)),
                ]
            };
            let mut cells = Vec::new();
            for ((name, tv), (_, gv)) in fields(t).into_iter().zip(fields(g)) {
                let cell = match (&tv, &gv) {
                    (None, _) => "–".to_string(),
                    (Some(a), Some(b)) if a == b => "✓".to_string(),
                    (Some(a), Some(b))
                        if name == "description"
                            && (a.contains(b.as_str()) || b.contains(a.as_str())) =>
                    {
                        "≈".to_string()
                    }
                    _ => "✗".to_string(),
                };
                if verbose && cell == "✗" {
                    eprintln!("  {file} {name}: truth {tv:?} generic {gv:?}");
                }
                cells.push(cell);
            }
            let same_offline = offline
                .listings
                .first()
                .is_some_and(|o| fields(o) == fields(g));
            cells.push(if same_offline { "yes" } else { "no" }.to_string());
            field_rows.push(format!("| {file} | {} |", cells.join(" | ")));
        }
    }
    println!("{}", totals.row("all index pages"));
    println!();
    println!("| listing page | title | price | vendor | ships from | ships to | description | offline same |");
    println!("|---|---|---|---|---|---|---|---|");
    for r in field_rows {
        println!("{r}");
    }

    // The fixture layouts: expected output written by hand.
    let fixtures = root.join("tests/fixtures/layouts");
    let mut names: Vec<String> = std::fs::read_dir(&fixtures)?
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .into_string()
                .ok()?
                .strip_suffix(".html")
                .map(str::to_string)
        })
        .collect();
    names.sort();
    println!("\nFixture layouts (ground truth: `<name>.expected.jsonl`; \"with URL\" is the address the page gives):\n\n{HEADER}");
    let mut totals = Totals::default();
    for name in names {
        let path = fixtures.join(format!("{name}.html"));
        let html = std::fs::read_to_string(&path)?;
        let truth: Vec<Listing> =
            std::fs::read_to_string(fixtures.join(format!("{name}.expected.jsonl")))?
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(serde_json::from_str)
                .collect::<Result<_, _>>()?;
        let file_url = Url::from_file_path(path.canonicalize()?).map_err(|_| "file URL")?;
        let offline = extract_page(&html, &file_url, PageKind::Index, None);
        // The page's own address, as a crawler would have fetched it.
        let (_, why) = armswatch_crawler::extract::Extractor::generic().explain(
            &html,
            &file_url,
            PageKind::Index,
        );
        let url = Url::parse(&why.page_url)?;
        let generic = extract_page(&html, &url, PageKind::Index, None);
        let w = score(&truth, &generic, &url);
        let o = score(&truth, &offline, &file_url);
        totals.add(w, o);
        println!("{}", row(&name, w, o));
        if verbose {
            eprintln!("{name}:");
            verbose_misses(&truth, &generic, &url);
        }
    }
    println!("{}", totals.row("all fixtures"));
    Ok(())
}
