//! The generic extractor's reading of a single listing page, with no market profile: title, price,
//! vendor, description, category and shipping, from cues any market page carries (the `<title>`,
//! headings, "price"/"sold by"/"ships from" labels, vendor-profile links, description blocks).

use super::links::{re, resolve, sel};
use super::text::{block_text, inline_text, inline_text_skipping, is_block, is_invisible};
use armswatch_core::price::find_price;
use armswatch_core::Listing;
use ego_tree::NodeId;
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use std::collections::HashSet;
use std::sync::OnceLock;
use url::Url;

/// Longest value kept for short fields (vendor, ships from/to, category).
const MAX_SHORT: usize = 120;
/// Most nodes in an element read as a "Description" heading.
const MAX_HEADING_NODES: usize = 64;

/// Reads a listing page. `page_url` is the listing's canonical URL.
pub(crate) fn read_listing(doc: &Html, base: &Url, page_url: &Url) -> Listing {
    let mut l = Listing {
        url: page_url.to_string(),
        ..Listing::default()
    };
    let body = body(doc);
    let (title, title_el) = title(doc, base, page_url);
    l.title = title;
    if let Some(price) = price_text(body) {
        l.set_price(&price);
    }
    l.vendor = vendor(body, base, title_el);
    l.description = description(body);
    l.category = category(body, base, &l.title);
    l.ships_from = cue_value(body, ships_from_re());
    l.ships_to = cue_value(body, ships_to_re());
    if let Some(from) = l.ships_from.clone() {
        if let Some((a, b)) = split_route(&from) {
            l.ships_from = Some(a);
            if l.ships_to.is_none() {
                l.ships_to = Some(b);
            }
        }
    }
    l
}

pub(crate) fn body(doc: &Html) -> ElementRef<'_> {
    static S: OnceLock<Selector> = OnceLock::new();
    doc.select(S.get_or_init(|| sel("body")))
        .next()
        .unwrap_or_else(|| doc.root_element())
}

/// "United States → Worldwide" written in one field.
fn split_route(s: &str) -> Option<(String, String)> {
    ["→", "->", "=>", "⇒"].iter().find_map(|arrow| {
        let (a, b) = s.split_once(arrow)?;
        let (a, b) = (a.trim(), b.trim());
        (!a.is_empty() && !b.is_empty()).then(|| (a.to_string(), b.to_string()))
    })
}

/// Strips the market's name from a `<title>`: "Market - Item", "Item :: Market", "Item | Shop".
fn strip_site_name(title: &str) -> String {
    static SEP: OnceLock<Regex> = OnceLock::new();
    let sep = SEP.get_or_init(|| re(r"\s+(-|–|—|\||::|»)\s+"));
    let parts: Vec<&str> = sep.split(title).collect();
    if parts.len() < 2 {
        return title.trim().to_string();
    }
    let is_site = |p: &str| {
        let p = p.to_lowercase();
        ["market", "shop", "store", "bazaar", "home", "welcome"]
            .iter()
            .any(|w| p.contains(w))
            && p.split_whitespace().count() <= 3
    };
    let mut keep: Vec<&str> = parts.clone();
    if keep.last().is_some_and(|p| is_site(p)) {
        keep.pop();
    } else if keep.first().is_some_and(|p| is_site(p)) {
        keep.remove(0);
    }
    // Re-join with the original separator text between kept parts.
    let first = keep.first().copied().unwrap_or(title);
    let last = keep.last().copied().unwrap_or(title);
    let start = first.as_ptr() as usize - title.as_ptr() as usize;
    let end = last.as_ptr() as usize - title.as_ptr() as usize + last.len();
    title.get(start..end).unwrap_or(title).trim().to_string()
}

/// Whether an element sits in page chrome (navigation, header, footer, menus, selects).
fn in_chrome(el: ElementRef<'_>) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| {
        let v = a.value();
        matches!(
            v.name(),
            "nav" | "header" | "footer" | "select" | "option" | "button"
        ) || v.attr("class").is_some_and(|c| {
            let c = c.to_ascii_lowercase();
            c.contains("navbar")
                || c.contains("dropdown")
                || c.contains("menu")
                || c.contains("sidebar")
        })
    })
}

/// The listing's title and the element it came from. Candidates: `og:title`, headings, elements
/// named "title", links to the page itself; the longest one that the `<title>` contains wins,
/// else the first `h1`/`h2` outside page chrome, else the `<title>` without the market's name.
fn title<'a>(doc: &'a Html, base: &Url, page_url: &Url) -> (String, Option<ElementRef<'a>>) {
    static T: OnceLock<Selector> = OnceLock::new();
    static OG: OnceLock<Selector> = OnceLock::new();
    static CANDS: OnceLock<Selector> = OnceLock::new();
    let page_title = doc
        .select(T.get_or_init(|| sel("title")))
        .next()
        .map(inline_text)
        .unwrap_or_default();
    let og =
        doc.select(OG.get_or_init(|| {
            sel("meta[property='og:title'][content], meta[name='title'][content]")
        }))
        .next()
        .and_then(|m| m.attr("content"))
        .map(|s| s.trim().to_string())
        .filter(|s| s.len() >= 3);
    let lower_title = page_title.to_lowercase();
    let mut best: Option<(String, ElementRef<'a>)> = None;
    let mut first_heading: Option<(String, ElementRef<'a>)> = None;
    let cands =
        CANDS.get_or_init(|| sel("h1, h2, h3, h4, [class*='title'], [id*='title'], a[href]"));
    for el in doc.select(cands) {
        let name = el.value().name();
        if name == "a" {
            let self_link = el
                .attr("href")
                .and_then(|h| resolve(base, h))
                .is_some_and(|u| super::links::canonical_url(&u) == *page_url);
            if !self_link {
                continue;
            }
        }
        if name == "title" || in_chrome(el) {
            continue;
        }
        let text = inline_text(el);
        let chars = text.chars().count();
        if !(3..=300).contains(&chars) {
            continue;
        }
        let is_heading = matches!(name, "h1" | "h2");
        // A heading that is just a link home is the site's logo.
        let logo = el
            .select(&sel_a())
            .next()
            .and_then(|a| a.attr("href"))
            .is_some_and(|h| {
                h == "/" || h == "./" || h.ends_with("/home") || h.ends_with("index.php")
            });
        if is_heading && !logo && first_heading.is_none() {
            first_heading = Some((text.clone(), el));
        }
        let contained = lower_title.contains(&text.to_lowercase());
        if contained
            && !logo
            && (chars >= 8 || chars * 3 >= lower_title.len())
            && best.as_ref().is_none_or(|(b, _)| b.len() < text.len())
        {
            best = Some((text, el));
        }
    }
    if let Some((t, el)) = best.or(first_heading) {
        return (t, Some(el));
    }
    if let Some(og) = og {
        return (og, None);
    }
    (strip_site_name(&page_title), None)
}

fn sel_a() -> Selector {
    sel("a[href]")
}

fn price_cue() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| re(r"(?i)\bprice\b|\bcost\b|\bprix\b|\bpreis\b|\bцена\b"))
}

/// The price text inside `scope`: first in elements named "price", then after a "price" cue, then
/// the first amount-with-currency outside links, then anywhere. Prices in page chrome (exchange
/// rate tickers, menus, shipping selects) are skipped.
pub(crate) fn price_text(scope: ElementRef<'_>) -> Option<String> {
    price_text_skipping(scope, &HashSet::new())
}

/// [`price_text`] with the nodes in `skip` (and below them: every such node must be in the set)
/// left out: the rows of a list nested in a card.
pub(crate) fn price_text_skipping(scope: ElementRef<'_>, skip: &HashSet<NodeId>) -> Option<String> {
    let mut candidates: Vec<ElementRef<'_>> = Vec::new();
    for el in scope.descendent_elements() {
        if skip.contains(&el.id()) {
            continue;
        }
        let v = el.value();
        if is_invisible(v.name()) || matches!(v.name(), "select" | "option") {
            continue;
        }
        let named = v
            .attr("class")
            .into_iter()
            .chain(v.attr("id"))
            .any(|s| s.to_ascii_lowercase().contains("price"));
        if named {
            candidates.push(el);
        }
    }
    for el in candidates {
        if let Some(t) = price_in(&inline_text(el)) {
            return Some(t);
        }
    }
    // Text after a "price" cue, in the cue's element or its block.
    for el in scope.descendent_elements() {
        if skip.contains(&el.id()) {
            continue;
        }
        let own: String = el
            .children()
            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
            .collect();
        if !price_cue().is_match(&own) || in_select(el) {
            continue;
        }
        let mut holder = Some(el);
        for _ in 0..3 {
            let Some(h) = holder else { break };
            let text = inline_text_skipping(h, skip);
            if let Some(m) = price_cue().find(&text) {
                if let Some(t) = price_in(&text[m.end()..]) {
                    return Some(t);
                }
            }
            if is_block(h.value().name()) {
                break;
            }
            holder = h.parent().and_then(ElementRef::wrap);
        }
        if let Some(next) = el
            .next_siblings()
            .find_map(ElementRef::wrap)
            .filter(|n| !skip.contains(&n.id()))
        {
            if let Some(t) = price_in(&inline_text(next)) {
                return Some(t);
            }
        }
    }
    price_in(&text_without_links_skipping(scope, skip))
        .or_else(|| {
            // Only in a choice of quantities: the first option's price, read option by option
            // ("50 rounds - $25", "500 rounds - $220" must not run together).
            static OPTIONS: OnceLock<Selector> = OnceLock::new();
            scope
                .select(OPTIONS.get_or_init(|| sel("option")))
                .filter(|o| !skip.contains(&o.id()))
                .find_map(|o| price_in(&inline_text(o)))
        })
        .or_else(|| price_in(&inline_text_skipping(scope, skip)))
}

fn in_select(el: ElementRef<'_>) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| matches!(a.value().name(), "select" | "option" | "script" | "style"))
}

/// The amount-with-currency found in `text`, as written there.
fn price_in(text: &str) -> Option<String> {
    find_price(text).map(|(_, span)| text[span].to_string())
}

/// The scope's text without the text of links, selects and scripts (titles often hold numbers).
fn text_without_links_skipping(scope: ElementRef<'_>, skip: &HashSet<NodeId>) -> String {
    let mut out = String::new();
    fn walk(el: ElementRef<'_>, out: &mut String, depth: usize, skip: &HashSet<NodeId>) {
        if depth > super::text::MAX_DEPTH {
            return;
        }
        for c in el.children() {
            if skip.contains(&c.id()) {
                continue;
            }
            match c.value() {
                Node::Text(t) => {
                    out.push_str(t);
                }
                Node::Element(e) => {
                    if matches!(e.name(), "a" | "select" | "option" | "button")
                        || is_invisible(e.name())
                    {
                        out.push(' ');
                        continue;
                    }
                    if let Some(ce) = ElementRef::wrap(c) {
                        out.push(' ');
                        walk(ce, out, depth + 1, skip);
                        out.push(' ');
                    }
                }
                _ => {}
            }
        }
    }
    walk(scope, &mut out, 0, skip);
    super::text::collapse(&out)
}

fn vendor_url_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        re(r"(?i)(/(vendor|vendors|seller|sellers|user|users|u|profile|shop|store|member|m)/[^/?#]+|[?&](vendor|seller|user|u_id|uid|member|username|vendor_id|seller_id)=[^&]+)")
    })
}

/// A vendor's display text, without trailing ratings: "DrParagon (100%)" -> "DrParagon".
fn clean_vendor(s: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| re(r"\s*[\(\[].*$"));
    let v = r.replace(s.trim(), "").trim().to_string();
    (!v.is_empty() && v.chars().count() <= 64).then_some(v)
}

/// The vendor: the link after a "sold by / vendor / seller" cue, else the first vendor-profile link
/// after the title (links before it are usually the logged-in user's own).
fn vendor(body: ElementRef<'_>, base: &Url, title_el: Option<ElementRef<'_>>) -> Option<String> {
    static CUE: OnceLock<Regex> = OnceLock::new();
    let cue =
        CUE.get_or_init(|| re(r"(?i)^\s*(sold by|vendor|seller|vendeur|verkäufer|продавец)\s*:?"));
    for el in body.descendent_elements() {
        let own: String = el
            .children()
            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
            .collect();
        if !cue.is_match(&own) || in_chrome(el) {
            continue;
        }
        // The link inside the cue's element, or in the elements right after it.
        let mut scopes = vec![el];
        scopes.extend(el.next_siblings().filter_map(ElementRef::wrap).take(2));
        for s in scopes {
            if let Some(a) = s
                .select(&sel_a())
                .next()
                .or_else(|| (s.value().name() == "a").then_some(s))
            {
                if let Some(v) = clean_vendor(&inline_text(a)) {
                    return Some(v);
                }
            }
        }
    }
    let title_id = title_el.map(|t| t.id());
    let mut after_title = title_id.is_none();
    for node in body.descendants() {
        if Some(node.id()) == title_id {
            after_title = true;
        }
        let Some(a) = ElementRef::wrap(node) else {
            continue;
        };
        if a.value().name() != "a" || !after_title || in_chrome(a) {
            continue;
        }
        let Some(u) = a.attr("href").and_then(|h| resolve(base, h)) else {
            continue;
        };
        if vendor_url_re().is_match(u.as_str()) {
            let text = inline_text(a);
            if text.to_lowercase().starts_with("my ") {
                continue;
            }
            if let Some(v) = clean_vendor(&text) {
                return Some(v);
            }
        }
    }
    None
}

/// The description: an element named "description", else the block after a "Description" heading
/// or tab, else the biggest block of running text.
fn description(body: ElementRef<'_>) -> Option<String> {
    for el in body.descendent_elements() {
        let v = el.value();
        if v.name() == "a" || v.name() == "meta" || is_invisible(v.name()) {
            continue;
        }
        let named = v.attr("id").into_iter().chain(v.attr("class")).any(|s| {
            let s = s.to_ascii_lowercase();
            s.contains("desc") && !s.contains("tab")
        });
        if named {
            let t = block_text(el);
            if t.chars().count() >= 20 {
                return Some(t);
            }
        }
    }
    static HEAD: OnceLock<Regex> = OnceLock::new();
    let head = HEAD
        .get_or_init(|| re(r"(?i)^(product |item |listing |offer )?(description|details)\s*:?$"));
    for el in body.descendent_elements() {
        // A heading is small: elements holding more than a few nodes are not read (reading every
        // element's whole text would cost the square of the page's nesting).
        if el.value().name() == "a" || el.descendants().nth(MAX_HEADING_NODES).is_some() {
            continue;
        }
        let text = inline_text(el);
        if text.len() > 40 || !head.is_match(&text) || in_chrome(el) {
            continue;
        }
        for next in el.next_siblings().filter_map(ElementRef::wrap).take(3) {
            let t = block_text(next);
            if t.chars().count() >= 20 {
                return Some(t);
            }
        }
    }
    largest_block(body).map(block_text)
}

/// The block element with the most text of its own (not counting text in nested blocks or links).
fn largest_block(body: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let mut best: Option<(usize, ElementRef<'_>)> = None;
    for el in body.descendent_elements() {
        let name = el.value().name();
        if !is_block(name) {
            continue;
        }
        let mut own = 0usize;
        let mut stack: Vec<ElementRef<'_>> = vec![el];
        while let Some(e) = stack.pop() {
            for c in e.children() {
                match c.value() {
                    Node::Text(t) => own += t.trim().chars().count(),
                    Node::Element(ce)
                        if !is_block(ce.name()) && ce.name() != "a" && !is_invisible(ce.name()) =>
                    {
                        if let Some(w) = ElementRef::wrap(c) {
                            stack.push(w);
                        }
                    }
                    _ => {}
                }
            }
        }
        if own >= 40 && best.is_none_or(|(n, _)| own > n) && !in_chrome(el) {
            best = Some((own, el));
        }
    }
    best.map(|(_, e)| e)
}

/// The category of a listing page: its breadcrumb trail without the home crumb and without the
/// item itself at the end, else a "Category" cue.
fn category(body: ElementRef<'_>, base: &Url, title: &str) -> Option<String> {
    if let Some(mut parts) = trail(body, base) {
        let t = title.trim().to_lowercase();
        if parts.last().is_some_and(|p| {
            let p = p.to_lowercase();
            !t.is_empty() && (p == t || t.starts_with(&p) || p.starts_with(&t))
        }) {
            parts.pop();
        }
        if !parts.is_empty() {
            return Some(parts.join(" > "));
        }
    }
    static CUE: OnceLock<Regex> = OnceLock::new();
    cue_value(
        body,
        CUE.get_or_init(|| re(r"(?i)^\s*(category|categories|catégorie|kategorie)\s*:?")),
    )
}

/// The category of an index page: its breadcrumb trail, with the home crumb dropped and the current
/// page (often plain text at the end) kept: "Home > Weapons > Handguns" -> "Weapons > Handguns".
/// A trail is an element named like one (`breadcrumb`, `crumbs`, `trail`, schema.org
/// `BreadcrumbList`) or one that starts with "Path:" / "You are here:".
pub(crate) fn index_category(body: ElementRef<'_>, base: &Url) -> Option<String> {
    trail(body, base).map(|parts| parts.join(" > "))
}

/// The crumbs of the page's breadcrumb trail (see [`index_category`]), home crumbs dropped.
fn trail(body: ElementRef<'_>, base: &Url) -> Option<Vec<String>> {
    static BC: OnceLock<Selector> = OnceLock::new();
    static CUE: OnceLock<Regex> = OnceLock::new();
    let bc = BC.get_or_init(|| {
        sel("[class*='breadcrumb' i], [id*='breadcrumb' i], [class*='crumbs' i], [class~='trail' i], \
             [itemtype*='BreadcrumbList'], nav[aria-label*='readcrumb' i]")
    });
    let cue = CUE.get_or_init(|| re(r"(?i)^\s*(path|you are here|location|navigation)\s*:"));
    let trail = body.select(bc).next().or_else(|| {
        body.descendent_elements().find(|el| {
            let own: String = el
                .children()
                .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                .collect();
            cue.is_match(&own) && el.select(&sel_a()).next().is_some()
        })
    })?;
    let home = |t: &str, href: Option<&str>| {
        let t = t.trim().to_lowercase();
        let root = href.and_then(|h| resolve(base, h)).is_some_and(|u| {
            let p = u.path();
            u.query().is_none()
                && (p == "/"
                    || p.ends_with("/index.php")
                    || p.ends_with("/index.html")
                    || p.ends_with("/home"))
        });
        root || matches!(
            t.as_str(),
            "home"
                | "start"
                | "index"
                | "main"
                | "startseite"
                | "accueil"
                | "inicio"
                | "главная"
                | "market"
                | "shop home"
        )
    };
    // The crumbs: links, text-only elements and bare text between them, in order.
    enum Crumb<'a> {
        El(ElementRef<'a>),
        Text(String),
    }
    fn leaves<'a>(el: ElementRef<'a>, out: &mut Vec<Crumb<'a>>, depth: usize) {
        for c in el.children() {
            if let Some(t) = c.value().as_text() {
                out.push(Crumb::Text(t.to_string()));
                continue;
            }
            let Some(c) = ElementRef::wrap(c) else {
                continue;
            };
            if depth > 16 || is_invisible(c.value().name()) {
                continue;
            }
            let has_el_children = c.children().any(|n| n.value().is_element());
            if c.value().name() == "a" || !has_el_children {
                out.push(Crumb::El(c));
            } else {
                leaves(c, out, depth + 1);
            }
        }
    }
    let mut items = Vec::new();
    leaves(trail, &mut items, 0);
    let mut parts: Vec<String> = Vec::new();
    static SEP: OnceLock<Regex> = OnceLock::new();
    let sep = SEP.get_or_init(|| re(r"\s*(?:›|»|>|/|\||→|::|‹|<|·)\s*"));
    for item in &items {
        let (texts, href): (Vec<String>, Option<&str>) = match item {
            Crumb::El(el) => (vec![inline_text(*el)], el.attr("href")),
            Crumb::Text(t) => (
                sep.split(&cue.replace(t.trim(), ""))
                    .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect(),
                None,
            ),
        };
        for text in texts {
            let text = cue.replace(&text, "").trim().to_string();
            let is_sep = text.chars().all(|c| !c.is_alphanumeric());
            if text.is_empty() || is_sep || text.chars().count() > MAX_SHORT {
                continue;
            }
            // The trail's first crumb(s): the home page or the market's name.
            if parts.is_empty() && home(&text, href) {
                continue;
            }
            parts.push(text);
        }
    }
    (!parts.is_empty()).then_some(parts)
}

fn ships_from_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| re(r"(?i)^\s*(ships? from|shipping from|shipped from|origin country|country of origin|origin|sends? from|dispatch(ed)? from)\s*:?"))
}

fn ships_to_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| re(r"(?i)^\s*(ships? to|shipping to|ships worldwide to|destination|deliver(s|y)? to|ship destinations?)\s*:?"))
}

/// The value written after a label: in the label's own element after the cue, else the next
/// sibling element, else the rest of the parent's text.
fn cue_value(body: ElementRef<'_>, cue: &Regex) -> Option<String> {
    for el in body.descendent_elements() {
        let own: String = el
            .children()
            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
            .collect();
        let own = super::text::collapse(&own);
        if cue.find(&own).is_none() || in_select(el) {
            continue;
        }
        // Climb from the label to its block: the value is the text after the cue, or the element
        // right after the label (`<td>Ships to</td><td>Worldwide</td>`).
        let mut holder = el;
        for _ in 0..3 {
            if is_form_control(holder) {
                break;
            }
            let text = inline_text(holder);
            if let Some(m) = cue.find(&text) {
                let rest = text[m.end()..].trim().trim_start_matches(':').trim();
                if !rest.is_empty() {
                    match short(rest) {
                        Some(v) => return Some(v),
                        None => break,
                    }
                }
            }
            if let Some(next) = holder.next_siblings().find_map(ElementRef::wrap) {
                // A label for a search form's control is not a value.
                if is_form_control(next) {
                    break;
                }
                let t = inline_text(next);
                if !t.is_empty() {
                    match short(&t) {
                        Some(v) => return Some(v),
                        None => break,
                    }
                }
            }
            if is_block(holder.value().name()) && holder.value().name() != "td" {
                break;
            }
            match holder.parent().and_then(ElementRef::wrap) {
                Some(p) => holder = p,
                None => break,
            }
        }
    }
    None
}

/// A form control, or an element holding one.
fn is_form_control(el: ElementRef<'_>) -> bool {
    let control =
        |e: ElementRef<'_>| matches!(e.value().name(), "select" | "input" | "textarea" | "button");
    control(el) || el.descendent_elements().any(control)
}

fn short(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s.chars().count() <= MAX_SHORT).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(html: &str) -> Listing {
        let doc = Html::parse_document(html);
        let u = Url::parse("http://m.onion/item/7").unwrap();
        read_listing(&doc, &u, &u)
    }

    #[test]
    fn reads_labelled_fields() {
        let l = read(
            "<title>Glock 19 Gen5 - Some Market</title><body><h1><a href=/>SOME MARKET</a></h1>\
             <h2>Glock 19 Gen5</h2><dl><dt>Price</dt><dd>USD 650.00</dd><dt>Sold by</dt>\
             <dd><a href=/vendor/ironman>ironman (98%)</a></dd><dt>Ships from</dt><dd>Germany</dd>\
             <dt>Ships to</dt><dd>Europe</dd></dl><div id=description>Brand new, two magazines, \
             original box.</div></body>",
        );
        assert_eq!(l.title, "Glock 19 Gen5");
        assert_eq!(
            (l.price_amount, l.currency.as_deref()),
            (Some(650.0), Some("USD"))
        );
        assert_eq!(l.vendor.as_deref(), Some("ironman"));
        assert_eq!(l.ships_from.as_deref(), Some("Germany"));
        assert_eq!(l.ships_to.as_deref(), Some("Europe"));
        assert_eq!(
            l.description.as_deref(),
            Some("Brand new, two magazines, original box.")
        );
    }

    #[test]
    fn listing_category_leaves_out_the_market_and_the_item() {
        // Guards the category the classifier reads: no market name, no item title, plain-text
        // crumbs kept.
        let l = read(
            "<body><div class=breadcrumb><a href=/>Ironvale</a> &rsaquo; <a href=/c/weapons>Weapons</a> \
             &rsaquo; <span>Handguns</span> &rsaquo; Glock 19 Gen 5</div><h1>Glock 19 Gen 5</h1>\
             <p>Price: USD 650</p></body>",
        );
        assert_eq!(l.category.as_deref(), Some("Weapons > Handguns"));
    }

    #[test]
    fn title_falls_back_to_page_title_without_market_name() {
        let l = read("<title>AK-47 parts kit - Black Market</title><body><p>x</p></body>");
        assert_eq!(l.title, "AK-47 parts kit");
    }

    #[test]
    fn route_in_one_field_is_split() {
        let l = read("<body><h2>x item</h2><div><label>Ships from:</label><div>United States &rarr; Worldwide</div></div></body>");
        assert_eq!(l.ships_from.as_deref(), Some("United States"));
        assert_eq!(l.ships_to.as_deref(), Some("Worldwide"));
    }
}
