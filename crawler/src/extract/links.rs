//! Links and embedded resources: resolving them against the page (and `<base href>`), canonical
//! listing URLs, the built-in never-follow rules, and the structural cues the generic extractor uses
//! to tell pagination, category and listing links apart.

use super::text::inline_text;
use regex::Regex;
use scraper::{ElementRef, Html, Selector};
use std::collections::HashSet;
use std::sync::OnceLock;
use url::Url;

pub(crate) fn sel(css: &'static str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| unreachable!("static selector {css}: {e}"))
}

pub(crate) fn re(pattern: &'static str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| unreachable!("static regex {pattern}: {e}"))
}

/// The canonical form of a URL: no fragment, query parameters sorted (their encoding untouched),
/// no empty `?`. Listing URLs are always given in this form.
pub fn canonical_url(url: &Url) -> Url {
    // http(s) URLs get the crawler's normalisation, so listing URLs and frontier URLs agree.
    if let Some(u) = crate::urlnorm::normalize(url) {
        return u;
    }
    let mut u = url.clone();
    u.set_fragment(None);
    if let Some(q) = u.query() {
        let mut parts: Vec<&str> = q.split('&').filter(|p| !p.is_empty()).collect();
        parts.sort_unstable();
        parts.dedup();
        let joined = parts.join("&");
        u.set_query(if joined.is_empty() {
            None
        } else {
            Some(&joined)
        });
    }
    u
}

/// The URL relative links resolve against: `<base href>` when present, else the page URL.
pub(crate) fn base_url(doc: &Html, page_url: &Url) -> Url {
    static BASE: OnceLock<Selector> = OnceLock::new();
    let s = BASE.get_or_init(|| sel("base[href]"));
    doc.select(s)
        .next()
        .and_then(|b| b.attr("href"))
        .and_then(|h| page_url.join(h.trim()).ok())
        .unwrap_or_else(|| page_url.clone())
}

/// Resolves an attribute value to an absolute URL without fragment; `None` for scripts, mail,
/// inline data and empty or fragment-only references.
pub(crate) fn resolve(base: &Url, raw: &str) -> Option<Url> {
    let raw = raw.trim();
    if raw.is_empty() || raw.starts_with('#') {
        return None;
    }
    let lower = raw.get(..11).unwrap_or(raw).to_ascii_lowercase();
    if ["javascript:", "mailto:", "data:", "tel:", "about:"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return None;
    }
    let mut u = base.join(raw).ok()?;
    u.set_fragment(None);
    Some(u)
}

/// Links an unattended crawler must never follow: they log out, change state or cost money.
pub(crate) fn builtin_ignored(url: &Url) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = RE.get_or_init(|| {
        re(r"(?i)(log_?out|sign_?out|log-out|sign-out|/exit\b|[/?&=_]cart\b|add_?to_?cart|checkout|/buy\b|purchase|/order/new|\bdelete\b|\bremove\b|/cancel\b|withdraw|[?&]logout)")
    });
    r.is_match(url.as_str())
}

/// Every embedded resource (images, scripts, styles, frames, form targets, meta refresh, CSS `url()`).
pub(crate) fn resources(doc: &Html, base: &Url) -> Vec<Url> {
    static SELS: OnceLock<Vec<(Selector, &'static str)>> = OnceLock::new();
    let sels = SELS.get_or_init(|| {
        [
            ("img[src]", "src"),
            ("script[src]", "src"),
            ("link[href]", "href"),
            ("iframe[src]", "src"),
            ("frame[src]", "src"),
            ("embed[src]", "src"),
            ("object[data]", "data"),
            ("source[src]", "src"),
            ("video[src]", "src"),
            ("video[poster]", "poster"),
            ("audio[src]", "src"),
            ("track[src]", "src"),
            ("input[src]", "src"),
            ("form[action]", "action"),
            ("button[formaction]", "formaction"),
            ("input[formaction]", "formaction"),
            ("[background]", "background"),
        ]
        .into_iter()
        .map(|(css, attr)| (sel(css), attr))
        .collect()
    });
    let mut out = Vec::new();
    for (s, attr) in sels {
        for el in doc.select(s) {
            if let Some(u) = el.attr(attr).and_then(|v| resolve(base, v)) {
                out.push(u);
            }
        }
    }
    static SRCSET: OnceLock<Selector> = OnceLock::new();
    for el in doc.select(SRCSET.get_or_init(|| sel("[srcset]"))) {
        for candidate in el.attr("srcset").unwrap_or_default().split(',') {
            if let Some(u) = candidate
                .split_whitespace()
                .next()
                .and_then(|v| resolve(base, v))
            {
                out.push(u);
            }
        }
    }
    out.extend(refresh_targets(doc, base));
    static STYLED: OnceLock<Selector> = OnceLock::new();
    for el in doc.select(STYLED.get_or_init(|| sel("[style]"))) {
        css_urls(el.attr("style").unwrap_or_default(), base, &mut out);
    }
    static STYLE: OnceLock<Selector> = OnceLock::new();
    for el in doc.select(STYLE.get_or_init(|| sel("style"))) {
        css_urls(&el.text().collect::<String>(), base, &mut out);
    }
    out
}

/// The targets of the page's `<meta http-equiv="refresh" content="N; url=...">` tags.
pub(crate) fn refresh_targets(doc: &Html, base: &Url) -> Vec<Url> {
    static REFRESH: OnceLock<Selector> = OnceLock::new();
    doc.select(REFRESH.get_or_init(|| sel("meta[http-equiv][content]")))
        .filter(|el| {
            el.attr("http-equiv")
                .is_some_and(|v| v.eq_ignore_ascii_case("refresh"))
        })
        .filter_map(|el| {
            refresh_target(el.attr("content").unwrap_or_default()).and_then(|t| resolve(base, &t))
        })
        .collect()
}

/// The URL of a `<meta http-equiv="refresh" content="5; url=...">`. Works on characters, never
/// byte offsets: the content is market text and may hold anything.
pub(crate) fn refresh_target(content: &str) -> Option<String> {
    let (_, rest) = content
        .split_once(';')
        .or_else(|| content.split_once(','))?;
    let rest = rest.trim();
    // `get`: the content is market text, its fourth byte may be inside a character ("0;éé").
    let value = if rest.len() > 3 && rest.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("url")) {
        rest[3..].trim_start().strip_prefix('=')?.trim()
    } else {
        rest
    };
    let value = value.trim_matches(|c| c == '"' || c == '\'').trim();
    (!value.is_empty()).then(|| value.to_string())
}

fn css_urls(css: &str, base: &Url, out: &mut Vec<Url>) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = RE
        .get_or_init(|| re(r#"(?i)url\(\s*["']?([^"')]+?)["']?\s*\)|@import\s+["']([^"']+)["']"#));
    for c in r.captures_iter(css) {
        if let Some(u) = c
            .get(1)
            .or_else(|| c.get(2))
            .and_then(|m| resolve(base, m.as_str()))
        {
            out.push(u);
        }
    }
}

/// Keeps the first occurrence of each URL.
pub(crate) fn dedup(urls: &mut Vec<Url>) {
    let mut seen = HashSet::new();
    urls.retain(|u| seen.insert(u.as_str().to_string()));
}

/// Whether two URLs are on the same site: the same origin (scheme, host and port), or both files.
pub(crate) fn same_site(a: &Url, b: &Url) -> bool {
    if a.scheme() == "file" || b.scheme() == "file" {
        return a.scheme() == b.scheme() && a.host_str() == b.host_str();
    }
    same_origin(a, b)
}

/// Whether two URLs share an origin: scheme, host and port (a default port counted as given).
pub(crate) fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
}

/// Words in a URL that say "one item for sale".
pub(crate) fn looks_like_listing_url(url: &Url) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = RE.get_or_init(|| {
        re(r"(?i)(/(listings?|products?|items?|offers?|viewproduct|view_product|viewlisting|view_listing|goods|p)/[^/?#]*\d[^/?#]*/?$|[?&](ls_id|listing_id|listing|product_id|productid|pid|offer|offer_id|item_id|itemid|lid)=[^&]+|/(viewproduct|listing|product|item|offer)(\.php|\.html?)?\?)")
    });
    r.is_match(url.as_str())
}

/// Words in a URL that say "a list of items" (categories, pagination, search).
pub(crate) fn looks_like_index_url(url: &Url) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = RE.get_or_init(|| {
        re(r"(?i)(/(categor(y|ies)|cat|c|browse|section|subcategory|shop)(/|$)|[?&](category|cat|cid|c|sc|subcat|subcategory|catid|category_id|page|p|pg|pagenum|offset|start)=[^&]*|/page/\d+)")
    });
    r.is_match(url.as_str())
}

/// Whether an anchor looks like a pagination control: `rel=next/prev`, "next", "»", a page
/// number inside a pager, or a page-number URL.
pub(crate) fn is_pagination_anchor(a: ElementRef<'_>, url: &Url) -> bool {
    if let Some(rel) = a.attr("rel") {
        let rel = rel.to_ascii_lowercase();
        if rel
            .split_whitespace()
            .any(|r| r == "next" || r == "prev" || r == "previous")
        {
            return true;
        }
    }
    let text = inline_text(a).to_lowercase();
    let label = a
        .attr("aria-label")
        .or_else(|| a.attr("title"))
        .unwrap_or_default()
        .to_lowercase();
    static WORDS: OnceLock<Regex> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        re(r"^(next|next page|previous|prev|previous page|first|last|older|newer|»|«|›|‹|>|<|>>|<<|→|←|»»|««|next\s*[»›>→]|[«‹<←]\s*prev(ious)?|\d{1,4}\s*[»›]|)$")
    });
    let text_trim = text.trim();
    if !text_trim.is_empty() && words.is_match(text_trim) {
        return true;
    }
    if label.starts_with("next") || label.starts_with("previous") || label.contains("page") {
        return true;
    }
    static PAGE_URL: OnceLock<Regex> = OnceLock::new();
    let page_url = PAGE_URL
        .get_or_init(|| re(r"(?i)([?&](page|p|pg|pagenum|offset|start)=\d+|/page/\d+|/\d+/?$)"));
    let numeric = !text_trim.is_empty()
        && text_trim.len() <= 4
        && text_trim.chars().all(|c| c.is_ascii_digit());
    if numeric && (page_url.is_match(url.as_str()) || in_pager(a)) {
        return true;
    }
    // An arrow icon with no text inside a pager.
    text_trim.is_empty() && in_pager(a)
}

/// Whether an element sits inside something named like a pager.
fn in_pager(el: ElementRef<'_>) -> bool {
    el.ancestors()
        .take(4)
        .filter_map(ElementRef::wrap)
        .any(|anc| {
            let v = anc.value();
            v.attr("class").into_iter().chain(v.attr("id")).any(|s| {
                let s = s.to_ascii_lowercase();
                s.contains("pagination")
                    || s.contains("pager")
                    || s.contains("paging")
                    || s.contains("page-")
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_sorts_query_and_drops_fragment() {
        let u = Url::parse("http://x.onion/l?b=2&a=1#top").unwrap();
        assert_eq!(canonical_url(&u).as_str(), "http://x.onion/l?a=1&b=2");
        let u = Url::parse("http://x.onion/l?").unwrap();
        assert_eq!(canonical_url(&u).as_str(), "http://x.onion/l");
    }

    #[test]
    fn refresh_targets() {
        assert_eq!(
            refresh_target("5; url=/queue?x=1").as_deref(),
            Some("/queue?x=1")
        );
        assert_eq!(
            refresh_target("0;URL='http://a.onion/'").as_deref(),
            Some("http://a.onion/")
        );
        assert_eq!(refresh_target("30"), None);
        // Guards hole 8: multi-byte characters right after the `;` (this used to panic).
        assert_eq!(refresh_target("0;éé").as_deref(), Some("éé"));
        assert_eq!(refresh_target("0; é").as_deref(), Some("é"));
        assert_eq!(refresh_target("0;ur€=x").as_deref(), Some("ur€=x"));
    }

    #[test]
    fn dangerous_links_are_ignored() {
        for u in [
            "http://m.onion/index/logout",
            "http://m.onion/cart",
            "http://m.onion/x?action=delete&id=1",
        ] {
            assert!(builtin_ignored(&Url::parse(u).unwrap()), "{u}");
        }
        assert!(!builtin_ignored(
            &Url::parse("http://m.onion/product/12").unwrap()
        ));
    }

    #[test]
    fn file_urls_resolve_relative_links() {
        let base = Url::parse("file:///tmp/pages/cat.html").unwrap();
        assert_eq!(
            resolve(&base, "listing.php?ls_id=3").unwrap().as_str(),
            "file:///tmp/pages/listing.php?ls_id=3"
        );
        assert!(resolve(&base, "javascript:void(0)").is_none());
    }
}
