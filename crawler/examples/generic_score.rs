//! Scores the generic extractor (no profile) against the profile extraction of the saved real
//! market pages in `../shared/html`, which serves as ground truth.
//!
//! Index pages: a ground-truth card counts as found when the generic extractor returns a card with
//! the same canonical URL, the same title (whitespace-insensitive) and the same price amount and
//! currency. Recall = found / ground-truth cards; precision = found / generic cards.
//! Listing pages: each field the profile extracts is compared with the generic guess.
//!
//! Run: `cargo run -p armswatch-crawler --example generic_score [-- --verbose]`

use armswatch_core::crawl::PageKind;
use armswatch_core::Listing;
use armswatch_crawler::extract::extract_page;
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

fn same_card(gt: &Listing, g: &Listing) -> bool {
    gt.url == g.url
        && norm(&gt.title) == norm(&g.title)
        && gt.currency == g.currency
        && match (gt.price_amount, g.price_amount) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            (None, None) => true,
            _ => false,
        }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let html_dir = root.join("../../shared/html");
    if !html_dir.is_dir() {
        return Err(format!("saved pages not found at {}", html_dir.display()).into());
    }
    let mut total = (0usize, 0usize, 0usize);
    let mut total_links = 0usize;
    println!("| page | ground-truth cards | generic cards | right title+price | recall | precision | generic cards that are listing links |");
    println!("|---|---|---|---|---|---|---|");
    let mut field_rows = Vec::new();
    for (file, market, url, kind) in PAGES {
        let html = std::fs::read_to_string(html_dir.join(file))?;
        let profile = Profile::load(&root.join(format!("../profiles/{market}.toml")))?;
        let url = Url::parse(url)?;
        let truth = extract_page(&html, &url, *kind, Some(&profile));
        let generic = extract_page(&html, &url, *kind, None);
        if *kind == PageKind::Index {
            let found = truth
                .listings
                .iter()
                .filter(|t| generic.listings.iter().any(|g| same_card(t, g)))
                .count();
            let (n_t, n_g) = (truth.listings.len(), generic.listings.len());
            let links = generic
                .listings
                .iter()
                .filter(|g| truth.listing_links.iter().any(|u| u.as_str() == g.url))
                .count();
            total = (total.0 + n_t, total.1 + n_g, total.2 + found);
            total_links += links;
            println!(
                "| {file} | {n_t} | {n_g} | {found} | {:.0} % | {:.0} % | {:.0} % |",
                100.0 * found as f64 / n_t.max(1) as f64,
                100.0 * found as f64 / n_g.max(1) as f64,
                100.0 * links as f64 / n_g.max(1) as f64
            );
            if verbose {
                for t in [truth.listings.first(), truth.listings.last()]
                    .into_iter()
                    .flatten()
                {
                    eprintln!("  TRUTH {t:?}");
                }
                eprintln!(
                    "  links: {} listing, {} pagination {:?}",
                    truth.listing_links.len(),
                    truth.pagination_links.len(),
                    truth
                        .pagination_links
                        .iter()
                        .take(3)
                        .map(|u| u.as_str())
                        .collect::<Vec<_>>()
                );
                for t in &truth.listings {
                    if !generic.listings.iter().any(|g| same_card(t, g)) {
                        let g = generic.listings.iter().find(|g| g.url == t.url);
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
                    if !truth.listings.iter().any(|t| t.url == g.url) {
                        eprintln!(
                            "  EXTRA {} {:?} {:?}{:?}",
                            g.url, g.title, g.price_amount, g.currency
                        );
                    }
                }
            }
        } else if let (Some(t), Some(g)) = (truth.listings.first(), generic.listings.first()) {
            let fields: [(&str, Option<String>, Option<String>); 6] = [
                ("title", Some(norm(&t.title)), Some(norm(&g.title))),
                (
                    "price",
                    t.price_amount.map(|a| format!("{a} {:?}", t.currency)),
                    g.price_amount.map(|a| format!("{a} {:?}", g.currency)),
                ),
                ("vendor", t.vendor.clone(), g.vendor.clone()),
                (
                    "ships_from",
                    t.ships_from.as_deref().map(norm),
                    g.ships_from.as_deref().map(norm),
                ),
                (
                    "ships_to",
                    t.ships_to.as_deref().map(norm),
                    g.ships_to.as_deref().map(norm),
                ),
                (
                    "description",
                    t.description.as_deref().map(norm),
                    g.description.as_deref().map(norm),
                ),
            ];
            let mut cells = Vec::new();
            for (name, tv, gv) in fields {
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
            field_rows.push(format!("| {file} | {} |", cells.join(" | ")));
        }
    }
    println!(
        "| **all index pages** | {} | {} | {} | {:.0} % | {:.0} % | {:.0} % |",
        total.0,
        total.1,
        total.2,
        100.0 * total.2 as f64 / total.0.max(1) as f64,
        100.0 * total.2 as f64 / total.1.max(1) as f64,
        100.0 * total_links as f64 / total.1.max(1) as f64
    );
    println!();
    println!("| listing page | title | price | vendor | ships from | ships to | description |");
    println!("|---|---|---|---|---|---|---|");
    for r in field_rows {
        println!("{r}");
    }
    Ok(())
}
