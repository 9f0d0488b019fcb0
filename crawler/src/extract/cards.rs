//! The generic extractor's reading of index pages: finding listing cards with no profile.
//!
//! 1. Links on the page's own site are grouped by URL *template* (`/product/*`): items of one kind
//!    share one.
//! 2. For each link, its *region* is the largest ancestor that holds no other URL of the same
//!    template: the card (or table row) around it.
//! 3. Regions are grouped by template and by their tag-and-class path from `<body>`. A group whose
//!    members repeat (two or more), mostly carry a price, have a title and mostly distinct URLs is
//!    a set of cards.
//! 4. Groups are taken best first (more priced members, longer titles); a region or URL already
//!    taken is not taken again, which keeps vendor links (same cards, short names) and second
//!    copies of a card (a hidden "buy" dialog) out.
//!
//! The title is a heading in the card, else the card's longest link text to the item; the price
//! is found as on listing pages, ignoring the text of links (titles often contain numbers).

use super::links::{
    builtin_ignored, canonical_url, is_pagination_anchor, resolve, same_site, template,
};
use super::page::price_text;
use super::text::inline_text;
use armswatch_core::Listing;
use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node};
use std::collections::{HashMap, HashSet};
use url::Url;

struct Anchor<'a> {
    el: ElementRef<'a>,
    url: Url,
    tmpl: String,
}

/// Finds listing cards on a page. `ignore` says which URLs must not be read as items.
pub(crate) fn find_cards(
    doc: &Html,
    base: &Url,
    page_url: &Url,
    ignore: &dyn Fn(&Url) -> bool,
) -> Vec<Listing> {
    let body = super::page::body(doc);
    // Document order of every node, to sort cards and to break ties.
    let order: HashMap<NodeId, usize> = body
        .descendants()
        .enumerate()
        .map(|(i, n)| (n.id(), i))
        .collect();
    let page_canon = canonical_url(page_url);
    let mut anchors: Vec<Anchor<'_>> = Vec::new();
    for node in body.descendants() {
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        if el.value().name() != "a" {
            continue;
        }
        let Some(url) = el.attr("href").and_then(|h| resolve(base, h)) else {
            continue;
        };
        let url = canonical_url(&url);
        if !same_site(&url, page_url) || url == page_canon || builtin_ignored(&url) || ignore(&url)
        {
            continue;
        }
        if is_pagination_anchor(el, &url) || in_form_control(el) || is_media_url(&url) {
            continue;
        }
        let tmpl = template(&url);
        anchors.push(Anchor { el, url, tmpl });
    }

    // Distinct URLs per template, and per element: which URL of each template it holds (or many).
    let mut by_tmpl: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in anchors.iter().enumerate() {
        by_tmpl.entry(a.tmpl.as_str()).or_default().push(i);
    }
    struct Region<'a> {
        el: ElementRef<'a>,
        url: Url,
        anchors: Vec<usize>,
    }
    let mut groups: HashMap<(String, String), Vec<Region<'_>>> = HashMap::new();
    for (tmpl, idxs) in &by_tmpl {
        let distinct: HashSet<&str> = idxs.iter().map(|i| anchors[*i].url.as_str()).collect();
        if distinct.len() < 2 {
            continue;
        }
        // For each ancestor: the one URL of this template below it, or None when several.
        let mut holds: HashMap<NodeId, Option<&str>> = HashMap::new();
        for &i in idxs {
            let u = anchors[i].url.as_str();
            for anc in anchors[i].el.ancestors() {
                match holds.get(&anc.id()) {
                    None => {
                        holds.insert(anc.id(), Some(u));
                    }
                    Some(Some(v)) if *v != u => {
                        holds.insert(anc.id(), None);
                    }
                    _ => {}
                }
            }
        }
        let mut regions: HashMap<NodeId, Region<'_>> = HashMap::new();
        for &i in idxs {
            let mut region = anchors[i].el;
            while let Some(parent) = region.parent().and_then(ElementRef::wrap) {
                if parent.id() == body.id() || !matches!(holds.get(&parent.id()), Some(Some(_))) {
                    break;
                }
                region = parent;
            }
            regions
                .entry(region.id())
                .or_insert_with(|| Region {
                    el: region,
                    url: anchors[i].url.clone(),
                    anchors: Vec::new(),
                })
                .anchors
                .push(i);
        }
        for r in regions.into_values() {
            let key = (tmpl.to_string(), signature_path(r.el, body.id()));
            groups.entry(key).or_default().push(r);
        }
    }

    // Score each group.
    struct Scored<'a> {
        score: f64,
        members: Vec<(Region<'a>, String, Option<String>)>,
    }
    let mut scored: Vec<Scored<'_>> = Vec::new();
    for ((_, _), mut members) in groups {
        if members.len() < 2 {
            continue;
        }
        members.sort_by_key(|r| order.get(&r.el.id()).copied().unwrap_or(usize::MAX));
        let distinct: HashSet<&str> = members.iter().map(|r| r.url.as_str()).collect();
        let distinct_ratio = distinct.len() as f64 / members.len() as f64;
        let read: Vec<(Region<'_>, String, Option<String>)> = members
            .into_iter()
            .map(|r| {
                let title = card_title(r.el, &r.anchors, &anchors);
                let price = price_text(r.el);
                (r, title, price)
            })
            .collect();
        let n = read.len() as f64;
        let priced = read.iter().filter(|(_, _, p)| p.is_some()).count() as f64;
        let titled: Vec<usize> = read
            .iter()
            .map(|(_, t, _)| t.chars().count())
            .filter(|c| *c >= 3)
            .collect();
        if priced / n < 0.5
            || (titled.len() as f64) / n < 0.5
            || distinct_ratio < 0.7
            || priced < 2.0
        {
            continue;
        }
        let mean_title = titled.iter().sum::<usize>() as f64 / titled.len().max(1) as f64;
        // Items are usually linked more than once per card (image, title, button); vendors once.
        let links_per_card = read.iter().map(|(r, _, _)| r.anchors.len()).sum::<usize>() as f64 / n;
        let score = priced
            * (1.0 + mean_title.min(60.0) / 20.0)
            * distinct_ratio
            * (1.0 + links_per_card.min(3.0) / 10.0);
        scored.push(Scored {
            score,
            members: read,
        });
    }
    scored.sort_by(|a, b| b.score.total_cmp(&a.score));

    let mut taken_regions: HashSet<NodeId> = HashSet::new();
    let mut taken_urls: HashSet<String> = HashSet::new();
    let mut out: Vec<(usize, Listing)> = Vec::new();
    for g in scored {
        for (region, title, price) in g.members {
            // A card is a link and a price: a member without a price is some other row.
            if price.is_none()
                || title.chars().count() < 3
                || taken_urls.contains(region.url.as_str())
            {
                continue;
            }
            let clash = region
                .el
                .ancestors()
                .map(|a| a.id())
                .chain(std::iter::once(region.el.id()))
                .any(|id| taken_regions.contains(&id));
            if clash {
                continue;
            }
            taken_regions.insert(region.el.id());
            taken_urls.insert(region.url.to_string());
            let mut listing = Listing {
                url: region.url.to_string(),
                title,
                ..Listing::default()
            };
            if let Some(p) = price {
                listing.set_price(&p);
            }
            let pos = order.get(&region.el.id()).copied().unwrap_or(usize::MAX);
            out.push((pos, listing));
        }
    }
    out.sort_by_key(|(pos, _)| *pos);
    out.into_iter().map(|(_, c)| c).collect()
}

/// Links to pictures (full-size image viewers) are not items.
fn is_media_url(url: &Url) -> bool {
    let path = url.path().to_ascii_lowercase();
    let ext = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".svg"];
    ext.iter().any(|e| path.ends_with(e))
        || path.split('/').any(|seg| {
            matches!(
                seg,
                "image"
                    | "images"
                    | "img"
                    | "imgs"
                    | "uploads"
                    | "thumb"
                    | "thumbs"
                    | "media"
                    | "pics"
            )
        })
}

/// Whether an anchor is inside a `<select>` or a `<button>` (not a card link).
fn in_form_control(el: ElementRef<'_>) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| matches!(a.value().name(), "select" | "option" | "button" | "nav"))
}

/// `div.card>div.row` style path from `<body>` down to the element, classes sorted and with
/// digits dropped (alternating `row1`/`row2`), used to tell repeated structures apart.
fn signature_path(el: ElementRef<'_>, body: NodeId) -> String {
    let mut parts: Vec<String> = Vec::new();
    for node in std::iter::once(*el).chain(el.ancestors()) {
        if node.id() == body {
            break;
        }
        if let Node::Element(e) = node.value() {
            let mut classes: Vec<String> = e
                .classes()
                .map(|c| {
                    c.chars()
                        .filter(|ch| !ch.is_ascii_digit())
                        .collect::<String>()
                })
                .filter(|c| !c.is_empty() && !is_state_class(c))
                .collect();
            classes.sort();
            classes.dedup();
            parts.push(format!("{}.{}", e.name(), classes.join(".")));
        }
    }
    parts.reverse();
    parts.join(">")
}

/// Classes that vary between cards of one list: zebra striping, state, highlighting.
fn is_state_class(c: &str) -> bool {
    let c = c.to_ascii_lowercase();
    [
        "odd",
        "even",
        "alt",
        "gridrow",
        "gridalt",
        "active",
        "selected",
        "featured",
        "promoted",
        "highlight",
        "sponsored",
        "first",
        "last",
        "new",
        "hot",
        "sold",
    ]
    .iter()
    .any(|s| c == *s || c.ends_with(&format!("-{s}")) || c.ends_with(&format!("_{s}")))
}

/// A card's title: a heading that is (or holds, or sits in) a link to the item, else the longest
/// text among the card's links to the item, else an image's `alt`/`title`.
fn card_title(region: ElementRef<'_>, mine: &[usize], anchors: &[Anchor<'_>]) -> String {
    let is_heading =
        |e: ElementRef<'_>| matches!(e.value().name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
    for &i in mine {
        let a = anchors[i].el;
        let heading = a
            .descendent_elements()
            .find(|e| is_heading(*e))
            .or_else(|| {
                a.ancestors()
                    .take_while(|n| n.id() != region.id())
                    .filter_map(ElementRef::wrap)
                    .find(|e| is_heading(*e))
            });
        if let Some(h) = heading {
            let t = inline_text(h);
            if t.chars().count() >= 3 {
                return t;
            }
        }
    }
    let mut best = String::new();
    for &i in mine {
        let t = inline_text(anchors[i].el);
        if t.chars().count() > best.chars().count() && !is_action_text(&t) {
            best = t;
        }
    }
    if best.chars().count() >= 3 {
        return best;
    }
    for &i in mine {
        for img in anchors[i]
            .el
            .descendent_elements()
            .filter(|e| e.value().name() == "img")
        {
            if let Some(t) = img.attr("alt").or_else(|| img.attr("title")) {
                let t = t.trim();
                if t.chars().count() >= 3 {
                    return t.to_string();
                }
            }
        }
        if let Some(t) = anchors[i].el.attr("title") {
            if t.trim().chars().count() >= 3 {
                return t.trim().to_string();
            }
        }
    }
    best
}

/// Button-like link texts that are not titles.
fn is_action_text(t: &str) -> bool {
    let t = t.trim().to_lowercase();
    t.len() <= 20
        && [
            "buy",
            "buy now",
            "purchase",
            "view",
            "details",
            "more",
            "order",
            "order now",
            "add to cart",
            "read more",
            "view listing",
            "view item",
            "view full description",
            "see more",
            "show",
        ]
        .contains(&t.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cards(html: &str) -> Vec<Listing> {
        let doc = Html::parse_document(html);
        let u = Url::parse("http://m.onion/cat/1").unwrap();
        find_cards(&doc, &u, &u, &|_| false)
    }

    #[test]
    fn finds_repeated_cards_with_vendor_links() {
        let mut html = String::from("<body><div class=grid>");
        for i in 0..4 {
            html.push_str(&format!(
                "<div class='card item-{i}'><a href=/item/{i}><img src=/i/{i}.jpg></a>\
                 <h4><a href=/item/{i}>Pistol magazine model {i}</a></h4>\
                 <span>Price: {i}5.00 USD</span> by <a href=/vendor/v{i}>v{i}</a>\
                 <a href=/item/{i}>Buy now</a></div>"
            ));
        }
        html.push_str("</div><a href=/cat/1?page=2>2</a></body>");
        let c = cards(&html);
        assert_eq!(c.len(), 4);
        assert_eq!(c[0].title, "Pistol magazine model 0");
        assert_eq!(c[3].price_amount, Some(35.0));
        assert_eq!(c[3].url, "http://m.onion/item/3");
    }

    #[test]
    fn table_rows_are_cards_and_titles_with_numbers_do_not_give_prices() {
        let mut html = String::from("<body><table>");
        for i in 1..4 {
            html.push_str(&format!(
                "<tr><td><a href='/p?id={i}'>{i}0 $ value box of {i}9 rounds</a></td><td>{i}.50 EUR</td></tr>"
            ));
        }
        html.push_str("</table></body>");
        let c = cards(&html);
        assert_eq!(c.len(), 3);
        assert_eq!(c[1].price_amount, Some(2.5));
        assert_eq!(c[1].currency.as_deref(), Some("EUR"));
    }

    #[test]
    fn whole_card_links_in_a_list() {
        let mut html = String::from("<body><ul class=results>");
        for i in 1..6 {
            html.push_str(&format!(
                "<li class=result><a class=card href='/offer/{i}'><h3>Scope mount {i}x</h3>\
                 <div class=meta>{i}.5 XMR</div></a></li>"
            ));
        }
        html.push_str("</ul></body>");
        let c = cards(&html);
        assert_eq!(c.len(), 5);
        assert_eq!(c[4].title, "Scope mount 5x");
        assert_eq!(
            (c[4].price_amount, c[4].currency.as_deref()),
            (Some(5.5), Some("XMR"))
        );
    }

    #[test]
    fn menus_without_prices_are_not_cards() {
        let html = "<body><ul><li><a href=/c/1>Guns</a></li><li><a href=/c/2>Ammo</a></li><li><a href=/c/3>Parts</a></li></ul></body>";
        assert!(cards(html).is_empty());
    }
}
