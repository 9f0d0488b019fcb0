//! `armswatch extract`: the listings found in a saved page, for building and debugging profiles
//! offline. Uses the same extraction code as the crawler.

use crate::cli::{ExtractArgs, PageKindArg};
use crate::output::{sanitize, Column, Printer, Row};
use anyhow::{Context, Result};
use armswatch_core::crawl::PageKind;
use armswatch_core::Listing;
use armswatch_crawler::extract;
use armswatch_crawler::profile::Profile;
use serde::Serialize;
use std::process::ExitCode;
use url::Url;

/// `armswatch extract`.
pub fn run(a: ExtractArgs) -> Result<ExitCode> {
    let body = std::fs::read(&a.file).with_context(|| format!("reading {}", a.file.display()))?;
    let profile = match &a.profile {
        Some(p) => Some(Profile::load(p)?),
        None => None,
    };
    let url = match &a.url {
        Some(u) => Url::parse(u).with_context(|| format!("invalid --url {u:?}"))?,
        None => {
            let abs = std::fs::canonicalize(&a.file)
                .with_context(|| format!("resolving {}", a.file.display()))?;
            Url::from_file_path(&abs)
                .map_err(|_| anyhow::anyhow!("cannot make a URL of {}", abs.display()))?
        }
    };
    let html = extract::decode_html(&body, None);
    let extractor = extract::Extractor::new(profile.as_ref())?;
    let kind = match a.kind {
        PageKindArg::Listing => PageKind::Listing,
        PageKindArg::Index => PageKind::Index,
        PageKindArg::Auto => guess_kind(&extractor, &html, &url, profile.as_ref()),
    };
    let page = extractor.extract(&html, &url, kind);
    if let Some(w) = &page.wall {
        eprintln!(
            "armswatch: this page is a {:?} wall: {}",
            w.kind,
            sanitize(&w.evidence)
        );
    }
    let mut out = Printer::stdout(a.output.format());
    for l in &page.listings {
        out.row(&Extracted(l))?;
    }
    out.note(&format!(
        "{} listings, {} listing links, {} pagination links",
        page.listings.len(),
        page.listing_links.len(),
        page.pagination_links.len()
    ))?;
    out.finish::<Extracted>()?;
    Ok(ExitCode::SUCCESS)
}

/// One extracted listing as printed; JSON leaves out missing fields.
#[derive(Debug, Serialize)]
struct Extracted<'a>(#[serde(serialize_with = "extracted_json")] &'a Listing);

fn extracted_json<S: serde::Serializer>(l: &&Listing, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(None)?;
    m.serialize_entry("title", &l.title)?;
    for (k, v) in [
        ("price", &l.price_text),
        ("currency", &l.currency),
        ("vendor", &l.vendor),
        ("category", &l.category),
        ("description", &l.description),
        ("ships_from", &l.ships_from),
        ("ships_to", &l.ships_to),
        ("listing_id", &l.market_listing_id),
    ] {
        if let Some(v) = v {
            m.serialize_entry(k, v)?;
        }
    }
    if let Some(p) = l.price_amount {
        m.serialize_entry("price_amount", &p)?;
    }
    m.serialize_entry("url", &l.url)?;
    m.end()
}

impl Row for Extracted<'_> {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::left("TITLE", 50),
            Column::left("PRICE", 22),
            Column::left("VENDOR", 18),
            Column::left("URL", 0),
            Column::left("CURRENCY", 0).csv_only(),
            Column::left("PRICE_AMOUNT", 0).csv_only(),
            Column::left("CATEGORY", 0).csv_only(),
            Column::left("LISTING_ID", 0).csv_only(),
            Column::left("SHIPS_FROM", 0).csv_only(),
            Column::left("SHIPS_TO", 0).csv_only(),
            Column::left("DESCRIPTION", 0).csv_only(),
        ];
        COLUMNS
    }

    fn cells(&self) -> Vec<String> {
        let l = self.0;
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        vec![
            l.title.clone(),
            opt(&l.price_text),
            opt(&l.vendor),
            l.url.clone(),
            opt(&l.currency),
            l.price_amount.map(|p| p.to_string()).unwrap_or_default(),
            opt(&l.category),
            opt(&l.market_listing_id),
            opt(&l.ships_from),
            opt(&l.ships_to),
            opt(&l.description),
        ]
    }
}

/// Whether a saved page is one listing's page or an index page: with a profile, a page where the
/// profile's listing title selector matches is a listing page; otherwise a page with several
/// listing cards is an index page.
fn guess_kind(
    extractor: &extract::Extractor,
    html: &str,
    url: &Url,
    profile: Option<&Profile>,
) -> PageKind {
    use armswatch_crawler::profile::FieldSelector;
    if let Some(sel) = profile.and_then(|p| p.listing.title.as_ref()) {
        let css = match sel {
            FieldSelector::Css(s) => s.as_str(),
            FieldSelector::Detailed(spec) => spec.selector.as_str(),
        };
        if let Ok(selector) = scraper::Selector::parse(css) {
            let doc = scraper::Html::parse_document(html);
            return if doc.select(&selector).next().is_some() {
                PageKind::Listing
            } else {
                PageKind::Index
            };
        }
    }
    if extractor.extract(html, url, PageKind::Index).listings.len() >= 2 {
        PageKind::Index
    } else {
        PageKind::Listing
    }
}
