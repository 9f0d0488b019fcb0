//! `armswatch extract`: the listings found in a saved page, for building and debugging profiles
//! offline. Uses the same extraction code as the crawler; a saved page is read at the address it
//! gives (see `--url`), so the result equals what a crawl of that page would find. `--explain`
//! says why: the groups of cards considered, their item-URL patterns and title slots, and why each
//! was taken or left.

use crate::cli::{ExtractArgs, PageKindArg};
use crate::output::{sanitize, Column, Format, Printer, Row};
use anyhow::{Context, Result};
use armswatch_core::crawl::PageKind;
use armswatch_core::Listing;
use armswatch_crawler::extract::{self, Explanation, GroupKind, SiteEvidence};
use armswatch_crawler::profile::Profile;
use serde::Serialize;
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
    // Building the extractor validates the profile's selectors and regexes.
    let extractor = extract::Extractor::new(profile.as_ref())?;
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
    let kind = match a.kind {
        PageKindArg::Listing => PageKind::Listing,
        PageKindArg::Index => PageKind::Index,
        PageKindArg::Auto => guess_kind(&extractor, &html, &url, profile.as_ref()),
    };
    let (page, why) = extractor.explain(&html, &url, kind);
    if let Some(w) = &page.wall {
        eprintln!(
            "armswatch: this page is a {} wall: {}",
            w.kind.as_str(),
            sanitize(&w.evidence)
        );
    }
    if let Some(s) = &page.skipped {
        eprintln!("armswatch: {}", sanitize(s));
    }
    let format = a.output.format();
    if a.explain {
        match format {
            Format::Json => {
                let listings: Vec<Extracted<'_>> = page.listings.iter().map(Extracted).collect();
                let o = serde_json::json!({ "explanation": why, "listings": listings });
                let mut out = std::io::stdout().lock();
                writeln!(out, "{o}")?;
                return Ok(ExitCode::SUCCESS);
            }
            Format::Csv => print_explanation(&mut std::io::stderr().lock(), &why)?,
            Format::Table => {
                let mut out = std::io::stdout().lock();
                print_explanation(&mut out, &why)?;
                writeln!(out)?;
            }
        }
    }
    let mut out = Printer::stdout(format);
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
    if let Some(p) = l.price_high {
        m.serialize_entry("price_high", &p)?;
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
            Column::left("PRICE_HIGH", 0).csv_only(),
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
            l.price_high.map(|p| p.to_string()).unwrap_or_default(),
            opt(&l.category),
            opt(&l.market_listing_id),
            opt(&l.ships_from),
            opt(&l.ships_to),
            opt(&l.description),
        ]
    }
}

/// The explanation for people; market text (paths, titles, reasons quoting the page) escaped.
fn print_explanation(out: &mut impl Write, e: &Explanation) -> std::io::Result<()> {
    let how = match &e.site {
        SiteEvidence::Fetched => "the address given with --url".to_string(),
        SiteEvidence::SavedFrom => "the page's `saved from url` comment".to_string(),
        SiteEvidence::Canonical => "the page's canonical link".to_string(),
        SiteEvidence::OgUrl => "the page's og:url".to_string(),
        SiteEvidence::Base => "the page's <base href>".to_string(),
        SiteEvidence::LinkHosts {
            host_links,
            absolute_links,
        } => format!(
            "the host {host_links} of its {absolute_links} absolute links point to (its path is \
             unknown: taken as the site's root)"
        ),
        SiteEvidence::None => {
            "nothing on the page names its site: links are read relative to the file (pass --url)"
                .to_string()
        }
    };
    writeln!(out, "page      {}", sanitize(&e.page_url))?;
    writeln!(out, "          from {how}")?;
    let profile = if e.profile_cards {
        " (the profile's [index] cards)"
    } else {
        ""
    };
    writeln!(out, "kind      {}{profile}", e.kind)?;
    if let Some(c) = &e.category {
        writeln!(out, "category  {} (breadcrumb trail)", sanitize(c))?;
    }
    if e.flattened > 0 {
        writeln!(
            out,
            "nesting   {} elements nested too deep were moved up",
            e.flattened
        )?;
    }
    if let Some(s) = &e.skipped {
        writeln!(out, "skipped   {}", sanitize(s))?;
    }
    if e.kind == "listing" {
        return writeln!(out, "groups    none: a listing page is read field by field");
    }
    if e.groups.is_empty() && !e.profile_cards {
        writeln!(
            out,
            "groups    none: no two links of one URL pattern sit in repeated elements, and no \
             order form"
        )?;
    }
    for g in &e.groups {
        let kind = match g.kind {
            GroupKind::Cards => "cards",
            GroupKind::OrderForm => "order-form cells",
        };
        let mark = if g.taken {
            format!("[taken: {} listings]", g.listings)
        } else {
            "[left]".to_string()
        };
        writeln!(out, "{mark} {kind} at {}", sanitize(&g.path))?;
        if let Some(p) = &g.pattern {
            writeln!(out, "    pattern  {}", sanitize(p))?;
        }
        if let Some(t) = &g.title_slot {
            let ex = g
                .example
                .as_deref()
                .map(|x| format!(" (e.g. \"{}\")", crate::output::clip(x, 60)))
                .unwrap_or_default();
            writeln!(out, "    title    {}{ex}", sanitize(t))?;
        }
        writeln!(
            out,
            "    counts   {} members, {} priced, {} titled, {} distinct URLs, score {}",
            g.members, g.priced, g.titled, g.distinct_urls, g.score
        )?;
        writeln!(out, "    why      {}", sanitize(&g.reason))?;
    }
    Ok(())
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
