//! `armswatch extract`: the listings found in a saved page, for building and debugging profiles
//! offline. Uses the same extraction code as the crawler.

use crate::cli::ExtractArgs;
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
    // A page with listing links is an index page; the extractor decides per page otherwise.
    let page = extract::extract_page(&html, &url, PageKind::Start, profile.as_ref());
    let mut out = std::io::stdout().lock();
    if let Some(w) = &page.wall {
        eprintln!("armswatch: this page is a {:?} wall: {}", w.kind, w.evidence);
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
