//! Where a saved page came from. A page read from a file (`armswatch extract saved.html`) has a
//! `file://` address, but its links point at the market: reading it as if it lived in a local
//! directory makes every card link "off-site". The page usually says where it was: a browser's
//! `saved from url` comment, a canonical link or `og:url`, a `<base href>`, or simply the host that
//! most of its absolute links point to. The page address found here is used in place of the file's,
//! so offline extraction reads the page as the crawler read it.

use super::links::sel;
use regex::Regex;
use scraper::{Html, Selector};
use std::collections::HashMap;
use std::sync::OnceLock;
use url::Url;

/// How the page address was found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SiteEvidence {
    /// The crawler fetched the page from this address.
    Fetched,
    /// A browser's `<!-- saved from url=... -->` (or SingleFile's `url:`) comment.
    SavedFrom,
    /// `<link rel="canonical">`.
    Canonical,
    /// `<meta property="og:url">`.
    OgUrl,
    /// `<base href>`.
    Base,
    /// The host most absolute links point to (the page's path is not known: it is taken to sit at
    /// the site's root).
    LinkHosts {
        host_links: usize,
        absolute_links: usize,
    },
    /// Nothing on the page says: links are read relative to the file.
    None,
}

/// The page address to read a page with, and why.
#[derive(Debug, Clone)]
pub struct Site {
    pub page_url: Url,
    pub evidence: SiteEvidence,
}

/// Bytes at the start of a page searched for a `saved from` comment.
const COMMENT_PRESCAN: usize = 4096;

fn web(u: &Url) -> bool {
    matches!(u.scheme(), "http" | "https") && u.host_str().is_some()
}

fn absolute(raw: &str) -> Option<Url> {
    Url::parse(raw.trim()).ok().filter(web)
}

/// The address a page is read with: `page_url` itself when it is a web address (the crawler
/// fetched it there), else the address the page gives (see the module documentation).
pub fn infer(html: &str, doc: &Html, page_url: &Url) -> Site {
    if web(page_url) {
        return Site {
            page_url: page_url.clone(),
            evidence: SiteEvidence::Fetched,
        };
    }
    let found = |u: Url, evidence| Site {
        page_url: u,
        evidence,
    };
    if let Some(u) = saved_from(html) {
        return found(u, SiteEvidence::SavedFrom);
    }
    static CANON: OnceLock<Selector> = OnceLock::new();
    static OG: OnceLock<Selector> = OnceLock::new();
    static BASE: OnceLock<Selector> = OnceLock::new();
    let first = |s: &Selector, attr: &str| {
        doc.select(s)
            .filter_map(|e| e.attr(attr))
            .find_map(absolute)
    };
    let canon =
        CANON.get_or_init(|| sel("link[rel~='canonical'][href], link[rel~='CANONICAL'][href]"));
    if let Some(u) = first(canon, "href") {
        return found(u, SiteEvidence::Canonical);
    }
    let og =
        OG.get_or_init(|| sel("meta[property='og:url'][content], meta[name='og:url'][content]"));
    if let Some(u) = first(og, "content") {
        return found(u, SiteEvidence::OgUrl);
    }
    if let Some(u) = first(BASE.get_or_init(|| sel("base[href]")), "href") {
        return found(u, SiteEvidence::Base);
    }
    if let Some((origin, host_links, absolute_links)) = majority_host(doc) {
        let file = page_url
            .path_segments()
            .and_then(|mut s| s.next_back())
            .unwrap_or("");
        if let Ok(u) = origin.join(file) {
            return found(
                u,
                SiteEvidence::LinkHosts {
                    host_links,
                    absolute_links,
                },
            );
        }
    }
    Site {
        page_url: page_url.clone(),
        evidence: SiteEvidence::None,
    }
}

/// `<!-- saved from url=(0043)http://... -->` (browsers) or `url: http://...` (SingleFile).
fn saved_from(html: &str) -> Option<Url> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)<!--\s*(?:saved from url=\(\d+\)\s*(\S+?)\s*-->|Page saved with SingleFile\s+url:\s*(\S+))")
            .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    });
    let mut end = html.len().min(COMMENT_PRESCAN);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let c = re.captures(&html[..end])?;
    absolute(c.get(1).or_else(|| c.get(2))?.as_str())
}

/// The origin most absolute links (anchors, forms, images, scripts, styles) point to: at least
/// three of them and more than half.
fn majority_host(doc: &Html) -> Option<(Url, usize, usize)> {
    static S: OnceLock<Selector> = OnceLock::new();
    let s = S.get_or_init(|| {
        sel("a[href], area[href], form[action], img[src], script[src], link[href]")
    });
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut total = 0usize;
    for el in doc.select(s) {
        let raw = ["href", "action", "src"]
            .iter()
            .find_map(|a| el.attr(a))
            .unwrap_or_default();
        if let Some(u) = absolute(raw) {
            total += 1;
            *counts.entry(u.origin().ascii_serialization()).or_default() += 1;
        }
    }
    let (origin, n) = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    if n >= 3 && n * 2 > total {
        Some((Url::parse(&format!("{origin}/")).ok()?, n, total))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(html: &str) -> Site {
        let doc = Html::parse_document(html);
        infer(
            html,
            &doc,
            &Url::parse("file:///tmp/saved/page.html").unwrap(),
        )
    }

    #[test]
    fn each_kind_of_evidence() {
        // Guards offline extraction: the saved page's own address replaces the file's.
        let s =
            site("<!DOCTYPE html>\n<!-- saved from url=(0026)http://m.onion/cat?id=4 -->\n<p>x");
        assert_eq!(
            (s.page_url.as_str(), s.evidence),
            ("http://m.onion/cat?id=4", SiteEvidence::SavedFrom)
        );
        let s = site("<link rel=canonical href='http://m.onion/c/1'><base href='http://x.onion/'>");
        assert_eq!(s.evidence, SiteEvidence::Canonical);
        assert_eq!(s.page_url.as_str(), "http://m.onion/c/1");
        let s = site("<meta property='og:url' content='http://m.onion/shop'>");
        assert_eq!(s.evidence, SiteEvidence::OgUrl);
        let s = site("<base href='http://m.onion/'><a href='/x'>x</a>");
        assert_eq!(
            (s.page_url.as_str(), s.evidence),
            ("http://m.onion/", SiteEvidence::Base)
        );
        let links = "<a href='http://m.onion/i/1'>a</a><a href='http://m.onion/i/2'>b</a>\
                     <img src='http://m.onion/p.png'><a href='http://other.example/'>o</a>";
        let s = site(links);
        assert_eq!(s.page_url.as_str(), "http://m.onion/page.html");
        assert!(matches!(
            s.evidence,
            SiteEvidence::LinkHosts {
                host_links: 3,
                absolute_links: 4
            }
        ));
    }

    #[test]
    fn no_evidence_keeps_the_file_and_a_fetched_page_keeps_its_address() {
        let s = site("<a href='listing.php?id=1'>x</a><a href='http://a.example/'>a</a>");
        assert_eq!(
            (s.page_url.as_str(), s.evidence),
            ("file:///tmp/saved/page.html", SiteEvidence::None)
        );
        let doc = Html::parse_document("<link rel=canonical href='http://m.onion/c/1'>");
        let u = Url::parse("http://127.0.0.1:8080/c/1").unwrap();
        let s = infer("", &doc, &u);
        assert_eq!((s.page_url, s.evidence), (u, SiteEvidence::Fetched));
    }
}
