//! `armswatch extract`: the listings found in a saved page, for building and debugging profiles
//! offline. Uses the same extraction code as the crawler.

use crate::cli::{ExtractArgs, PageKindArg};
use anyhow::{Context, Result};
use armswatch_core::crawl::PageKind;
use armswatch_crawler::extract;
use armswatch_crawler::profile::Profile;
use std::io::Write;
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
    let extractor = extract::Extractor::new(profile.as_ref())
        .map_err(|(field, message)| anyhow::anyhow!("profile field {field}: {message}"))?;
    let kind = match a.kind {
        PageKindArg::Listing => PageKind::Listing,
        PageKindArg::Index => PageKind::Index,
        PageKindArg::Auto => guess_kind(&extractor, &html, &url, profile.as_ref()),
    };
    let page = extractor.extract(&html, &url, kind);
    let mut out = std::io::stdout().lock();
    if let Some(w) = &page.wall {
        eprintln!(
            "armswatch: this page is a {:?} wall: {}",
            w.kind, w.evidence
        );
    }
    for l in &page.listings {
        if a.json {
            let mut o = serde_json::Map::new();
            o.insert("title".into(), l.title.clone().into());
            let mut put = |k: &str, v: &Option<String>| {
                if let Some(v) = v {
                    o.insert(k.into(), v.clone().into());
                }
            };
            put("price", &l.price_text);
            put("currency", &l.currency);
            put("vendor", &l.vendor);
            put("category", &l.category);
            put("description", &l.description);
            put("ships_from", &l.ships_from);
            put("ships_to", &l.ships_to);
            put("listing_id", &l.market_listing_id);
            if let Some(p) = l.price_amount {
                o.insert("price_amount".into(), p.into());
            }
            o.insert("url".into(), l.url.clone().into());
            writeln!(out, "{}", serde_json::Value::Object(o))?;
        } else {
            writeln!(
                out,
                "{:<50} {:<22} {:<18} {}",
                crate::cmd::flagged::clip(&l.title, 50),
                crate::cmd::flagged::clip(l.price_text.as_deref().unwrap_or("-"), 22),
                crate::cmd::flagged::clip(l.vendor.as_deref().unwrap_or("-"), 18),
                l.url
            )?;
        }
    }
    if !a.json {
        writeln!(
            out,
            "{} listings, {} listing links, {} pagination links",
            page.listings.len(),
            page.listing_links.len(),
            page.pagination_links.len()
        )?;
    }
    Ok(ExitCode::SUCCESS)
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
