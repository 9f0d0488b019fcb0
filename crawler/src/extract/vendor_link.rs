//! The link from a listing page to its vendor's profile page, so the crawler can fetch the profile
//! (where vendors put their PGP key, addresses and contacts).
//!
//! With a profile, `[listing] vendor_link` is a CSS selector of the anchor. Without one: an anchor
//! whose text is the listing's vendor name, preferring one whose URL looks like a profile
//! (`/vendor/NAME`, `/user/NAME`, `?seller=NAME`, ...); else a profile-shaped URL that carries the
//! vendor's name.

use regex::Regex;
use scraper::{ElementRef, Html, Selector};
use std::sync::OnceLock;
use url::Url;

fn profile_url_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)(/(vendor|vendors|seller|sellers|user|users|u|profile|shop|store|member|m)/[^/?#]+|[?&](vendor|seller|user|u_id|uid|member|username|vendor_id|seller_id)=[^&]+)")
            .expect("valid regex")
    })
}

fn anchors() -> &'static Selector {
    static S: OnceLock<Selector> = OnceLock::new();
    S.get_or_init(|| Selector::parse("a[href]").expect("valid selector"))
}

/// Checks a profile's `vendor_link` selector; the error is the parser's message.
pub fn check_selector(css: &str) -> Result<(), String> {
    Selector::parse(css).map(|_| ()).map_err(|e| e.to_string())
}

/// The vendor's profile page linked from a listing page, as a canonical URL.
pub(crate) fn find(
    doc: &Html,
    base: &Url,
    vendor: Option<&str>,
    selector: Option<&str>,
) -> Option<Url> {
    let resolve = |a: ElementRef<'_>| {
        let href = a.value().attr("href")?;
        let u = base.join(href.trim()).ok()?;
        // A saved page that does not say where it came from links to files beside it.
        (matches!(u.scheme(), "http" | "https") || u.scheme() == base.scheme())
            .then(|| super::canonical_url(&u))
    };
    if let Some(css) = selector {
        let s = Selector::parse(css).ok()?;
        let a = doc.select(&s).next()?;
        let a = if a.value().name() == "a" {
            a
        } else {
            a.select(anchors()).next()?
        };
        return resolve(a);
    }
    let vendor = vendor?.trim();
    if vendor.is_empty() {
        return None;
    }
    let named = |a: &ElementRef<'_>| {
        let text = super::inline_text(*a);
        let text = text.split(['(', '[']).next().unwrap_or("").trim();
        text.eq_ignore_ascii_case(vendor)
    };
    let shaped = |a: &ElementRef<'_>| {
        a.value()
            .attr("href")
            .is_some_and(|h| profile_url_re().is_match(h))
    };
    let all: Vec<ElementRef<'_>> = doc.select(anchors()).collect();
    let lower = vendor.to_lowercase();
    all.iter()
        .find(|a| named(a) && shaped(a))
        .or_else(|| all.iter().find(|a| named(a)))
        .or_else(|| {
            all.iter().find(|a| {
                shaped(a)
                    && a.value()
                        .attr("href")
                        .is_some_and(|h| h.to_lowercase().contains(&lower))
            })
        })
        .and_then(|a| resolve(*a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find_in(html: &str, vendor: Option<&str>, css: Option<&str>) -> Option<String> {
        let doc = Html::parse_document(html);
        let base = Url::parse("http://m.onion/listing/7").unwrap();
        find(&doc, &base, vendor, css).map(|u| u.to_string())
    }

    #[test]
    fn generic_prefers_named_profile_link() {
        // Guards: the anchor named like the vendor with a profile-shaped URL wins over others.
        let html = r#"<a href="/user/me">me</a><a href="/search?q=IronWorks">IronWorks</a>
                      <a href="/vendor/ironworks">IronWorks (99%)</a>"#;
        assert_eq!(
            find_in(html, Some("IronWorks"), None).as_deref(),
            Some("http://m.onion/vendor/ironworks")
        );
        assert_eq!(
            find_in(
                r#"<a href="/u/ironworks">profile</a>"#,
                Some("IronWorks"),
                None
            )
            .as_deref(),
            Some("http://m.onion/u/ironworks")
        );
        assert_eq!(find_in(html, None, None), None);
        assert_eq!(
            find_in(r#"<a href="/vendor/x">Other</a>"#, Some("IronWorks"), None),
            None
        );
    }

    #[test]
    fn profile_selector_is_used_as_given() {
        // Guards: `[listing] vendor_link` picks the anchor (or the first anchor inside it).
        let html = r#"<div class="seller"><a href="/shop/42">shop</a></div>"#;
        assert_eq!(
            find_in(html, None, Some("div.seller")).as_deref(),
            Some("http://m.onion/shop/42")
        );
        assert!(check_selector("div[").is_err());
    }
}
