//! The fields of listing cards, read once a group of cards is known: the title, chosen for the
//! whole group, and the vendor of each card.
//!
//! **Title.** Every text-bearing element of a card (its links to the item, headings, named spans,
//! table cells, an image's `alt`) is a candidate, keyed by its *slot*: its tag-and-class path inside
//! the card and its rank among elements with that path. The slot that works as a title across the
//! group wins: present in most cards, different in each (a "Buy" button or a "Vendor:" line reads
//! the same everywhere), inside the link to the item or named like a title, not a vendor line, and
//! of title length. Texts that are only a price, a price with button words ("Buy now · 0.04 BTC"),
//! or a button word are never titles.
//!
//! **Vendor.** A "by / sold by / vendor / seller" cue in the card, else a link in the card to a
//! vendor-like address (`/vendor/x`, `/store/x`, `profile.php?u=x`).

use super::links::{canonical_url, re, resolve};
use super::text::{inline_text, inline_text_skipping};
use armswatch_core::price::find_price;
use ego_tree::NodeId;
use regex::Regex;
use scraper::{ElementRef, Node};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use url::Url;

/// Most elements of one card looked at for titles.
const MAX_CANDIDATES: usize = 200;

/// One possible title in one card.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// The slot: path inside the card and rank.
    pub slot: String,
    pub text: String,
    /// Inside (or is) a link to the card's item.
    pub item_link: bool,
    /// Inside (or is) a link to something else (a vendor, a category).
    pub other_link: bool,
    /// A heading, or named like a title (`title`, `name`, `subject` in its class or id).
    pub named: bool,
}

/// The slot chosen as the title of a group, and what it scored.
#[derive(Debug, Clone)]
pub(crate) struct TitleSlot {
    pub slot: String,
    pub score: f64,
}

fn class_part(e: &scraper::node::Element) -> String {
    let mut classes: Vec<String> = e
        .classes()
        .map(|c| {
            c.chars()
                .filter(|ch| !ch.is_ascii_digit())
                .collect::<String>()
        })
        .filter(|c| !c.is_empty() && !super::chrome::is_state_class(c))
        .collect();
    classes.sort();
    classes.dedup();
    if classes.is_empty() {
        e.name().to_string()
    } else {
        format!("{}.{}", e.name(), classes.join("."))
    }
}

fn is_named(el: ElementRef<'_>) -> bool {
    let v = el.value();
    matches!(v.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
        || v.attr("class").into_iter().chain(v.attr("id")).any(|s| {
            let s = s.to_ascii_lowercase();
            (s.contains("title") || s.contains("name") || s.contains("subject"))
                && !s.contains("vendor")
                && !s.contains("seller")
                && !s.contains("user")
        })
}

/// The title candidates of one card. `item` is the card's item URL (`None` for order-form cells,
/// which have no link).
/// Nodes in `skip` (the rows of a list nested in the card) are left out.
pub(crate) fn candidates(
    region: ElementRef<'_>,
    item: Option<&str>,
    base: &Url,
    skip: &HashSet<NodeId>,
) -> Vec<Candidate> {
    struct Walk<'b> {
        item: Option<&'b str>,
        base: &'b Url,
        skip: &'b HashSet<NodeId>,
        out: Vec<Candidate>,
        ranks: HashMap<String, usize>,
        seen: usize,
    }
    fn visit(
        w: &mut Walk<'_>,
        el: ElementRef<'_>,
        path: &str,
        item_link: bool,
        other_link: bool,
        depth: usize,
    ) {
        for child in el.children() {
            if w.seen >= MAX_CANDIDATES || depth > 64 {
                return;
            }
            let Some(c) = ElementRef::wrap(child) else {
                continue;
            };
            if w.skip.contains(&c.id()) {
                continue;
            }
            let v = c.value();
            if super::text::is_invisible(v.name())
                || matches!(
                    v.name(),
                    "select" | "option" | "button" | "textarea" | "input"
                )
            {
                continue;
            }
            w.seen += 1;
            let path = format!("{path}>{}", class_part(v));
            // The element's rank among the card's elements with the same path: its slot.
            let rank = {
                let r = w.ranks.entry(path.clone()).or_default();
                *r += 1;
                *r - 1
            };
            let (mut in_item, mut in_other) = (item_link, other_link);
            let mut is_link = false;
            if v.name() == "a" {
                if let Some(u) = v.attr("href").and_then(|h| resolve(w.base, h)) {
                    is_link = true;
                    let same = w.item.is_some_and(|i| canonical_url(&u).as_str() == i);
                    in_item |= same;
                    in_other |= !same;
                }
            }
            let own_text = c
                .children()
                .any(|n| matches!(n.value(), Node::Text(t) if !t.trim().is_empty()));
            let heading = is_named(c);
            let push = |w: &mut Walk<'_>, suffix: &str, text: String| {
                w.out.push(Candidate {
                    slot: format!("{path}#{rank}{suffix}"),
                    text,
                    item_link: in_item,
                    other_link: in_other,
                    named: heading,
                });
            };
            if own_text || heading || (is_link && in_item) {
                let text = inline_text_skipping(c, w.skip);
                if !text.is_empty() {
                    push(w, "", text);
                }
            }
            if v.name() == "img" && in_item {
                if let Some(alt) = v.attr("alt").or_else(|| v.attr("title")) {
                    let alt = alt.trim();
                    if !alt.is_empty() {
                        push(w, "@alt", alt.to_string());
                    }
                }
            }
            if is_link && in_item {
                if let Some(t) = v.attr("title").map(str::trim).filter(|t| !t.is_empty()) {
                    push(w, "@title", t.to_string());
                }
            }
            visit(w, c, &path, in_item, in_other, depth + 1);
        }
    }
    let mut w = Walk {
        item,
        base,
        skip,
        out: Vec::new(),
        ranks: HashMap::new(),
        seen: 0,
    };
    // The card itself can be the link (a card whose one link wraps everything).
    let region_is_item = region.value().name() == "a"
        && item.is_some()
        && region
            .value()
            .attr("href")
            .and_then(|h| resolve(base, h))
            .is_some_and(|u| Some(canonical_url(&u).as_str()) == item);
    if region_is_item
        || region
            .children()
            .any(|n| matches!(n.value(), Node::Text(t) if !t.trim().is_empty()))
    {
        let text = inline_text_skipping(region, skip);
        if !text.is_empty() {
            w.out.push(Candidate {
                slot: "self#0".into(),
                text,
                item_link: region_is_item,
                other_link: false,
                named: is_named(region),
            });
        }
    }
    visit(&mut w, region, "", region_is_item, false, 0);
    w.out
}

/// Words that carry no title: buttons, price cues, currency words.
fn filler(word: &str) -> bool {
    matches!(
        word,
        "buy"
            | "now"
            | "view"
            | "details"
            | "detail"
            | "more"
            | "order"
            | "add"
            | "to"
            | "cart"
            | "price"
            | "cost"
            | "from"
            | "for"
            | "only"
            | "purchase"
            | "see"
            | "show"
            | "read"
            | "listing"
            | "item"
            | "offer"
            | "usd"
            | "eur"
            | "gbp"
            | "btc"
            | "xmr"
            | "ltc"
            | "each"
            | "per"
            | "incl"
            | "shipping"
            | "free"
            | "approx"
            | "ca"
            | "prix"
            | "preis"
            | "kaufen"
            | "acheter"
            | "купить"
            | "цена"
    )
}

/// Whether a text can be a title: 3 to 200 characters with at least three letters that are not
/// a price, a price cue or a button word.
pub(crate) fn title_ok(text: &str) -> bool {
    let n = text.chars().count();
    if !(3..=200).contains(&n) || is_action_text(text) {
        return false;
    }
    let mut rest = text.to_string();
    while let Some((_, span)) = find_price(&rest) {
        rest.replace_range(span, " ");
    }
    let letters: usize = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !filler(&w.to_lowercase()))
        .map(|w| w.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    // A calibre and a model code ("5.56x45 M855") name an item with few letters.
    let words = rest.split_whitespace().count();
    letters >= 3 || (letters >= 2 && words >= 2 && n >= 6)
}

/// Button-like link texts that are not titles.
pub(crate) fn is_action_text(t: &str) -> bool {
    let t = t.trim().to_lowercase();
    t.chars().count() <= 24
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
            "view offer",
            "view full description",
            "see more",
            "show",
            "more info",
            "info",
            "open",
            "go",
            "select",
            "choose",
            "bid",
            "message",
            "contact",
            "report",
            "sponsored",
            "featured",
            "new",
            "hot",
            "sale",
            "kaufen",
            "acheter",
            "купить",
            "подробнее",
        ]
        .contains(&t.trim_end_matches(['»', '›', '>', '.', ' ']).trim())
}

fn vendor_line(text: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        re(r"(?i)^\s*(sold by|by|vendor|seller|verkäufer|vendeur|продавец|shop|store)\b")
    })
    .is_match(text)
}

/// How well a candidate text reads as a title, before looking at the group.
fn own_score(c: &Candidate) -> f64 {
    let mut bonus = 0.0;
    if c.item_link {
        bonus += 1.0;
    }
    if c.named {
        bonus += 0.7;
    }
    if c.other_link {
        bonus -= 1.0;
    }
    if vendor_line(&c.text) {
        bonus -= 1.0;
    }
    if find_price(&c.text).is_some() {
        bonus -= 0.6;
    }
    f64::max(1.0 + bonus, 0.05)
}

fn length_factor(mean_chars: f64) -> f64 {
    0.5 + 0.5 * mean_chars.min(60.0) / 60.0
}

/// Chooses the title slot of a group of cards (each card's candidates, in card order).
pub(crate) fn choose_title(cards: &[&[Candidate]]) -> Option<TitleSlot> {
    struct Acc {
        texts: Vec<String>,
        own: f64,
    }
    let mut slots: HashMap<&str, Acc> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for card in cards {
        let mut in_card = HashSet::new();
        for c in card.iter() {
            if !title_ok(&c.text) || !in_card.insert(c.slot.as_str()) {
                continue;
            }
            let acc = slots.entry(c.slot.as_str()).or_insert_with(|| {
                order.push(c.slot.as_str());
                Acc {
                    texts: Vec::new(),
                    own: 0.0,
                }
            });
            acc.texts.push(c.text.to_lowercase());
            acc.own += own_score(c);
        }
    }
    let n = cards.len().max(1) as f64;
    let mut best: Option<TitleSlot> = None;
    for slot in order {
        let acc = &slots[slot];
        let k = acc.texts.len() as f64;
        let distinct = acc.texts.iter().collect::<HashSet<_>>().len() as f64;
        let mean_chars = acc.texts.iter().map(|t| t.chars().count()).sum::<usize>() as f64 / k;
        // One card alone says nothing about sameness across cards.
        let distinct_ratio = if cards.len() < 2 { 1.0 } else { distinct / k };
        let score = (k / n) * distinct_ratio * (acc.own / k) * length_factor(mean_chars);
        if best.as_ref().is_none_or(|b| score > b.score) {
            best = Some(TitleSlot {
                slot: slot.to_string(),
                score,
            });
        }
    }
    best
}

/// A card's title: the group's slot when this card has a good text there, else its own best.
pub(crate) fn card_title(card: &[Candidate], slot: Option<&TitleSlot>) -> String {
    if let Some(s) = slot {
        if let Some(c) = card.iter().find(|c| c.slot == s.slot && title_ok(&c.text)) {
            return c.text.clone();
        }
    }
    card.iter()
        .filter(|c| title_ok(&c.text))
        .max_by(|a, b| {
            let sa = own_score(a) * length_factor(a.text.chars().count() as f64);
            let sb = own_score(b) * length_factor(b.text.chars().count() as f64);
            sa.total_cmp(&sb)
        })
        .map(|c| c.text.clone())
        .unwrap_or_default()
}

/// Addresses of vendor pages.
pub(crate) fn vendor_url_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        re(r"(?i)(/(vendor|vendors|seller|sellers|user|users|u|profile|shop|store|member|m|v|@)/[^/?#]+/?$|/(vendor|seller|user|profile|member|store|shop)s?(\.php|\.html?|\.aspx?)?\?|[?&](vendor|seller|user|u|u_id|uid|member|username|vendor_id|seller_id)=[^&]+)")
    })
}

/// A vendor's display text, without a trailing rating: "north_armory (4.9)" -> "north_armory".
pub(crate) fn clean_vendor(s: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| re(r"\s*[\(\[★☆].*$"));
    let v = r.replace(s.trim(), "").trim().to_string();
    let ok = !v.is_empty()
        && v.chars().count() <= 40
        && v.chars().any(char::is_alphabetic)
        && !is_action_text(&v)
        && find_price(&v).is_none();
    ok.then_some(v)
}

/// The vendor named in a card: after a cue, else the text of a link to a vendor page.
pub(crate) fn card_vendor(
    region: ElementRef<'_>,
    item: Option<&str>,
    base: &Url,
    skip: &HashSet<NodeId>,
) -> Option<String> {
    static CUE: OnceLock<Regex> = OnceLock::new();
    let cue = CUE.get_or_init(|| {
        re(r"(?i)^\s*(?:sold by|by|vendor|seller|verkäufer|vendeur|продавец)\s*[:\-]?\s*(\S.*)?$")
    });
    let mut scanned = 0usize;
    for el in std::iter::once(region)
        .chain(region.descendent_elements())
        .filter(|e| !skip.contains(&e.id()))
    {
        scanned += 1;
        if scanned > MAX_CANDIDATES {
            break;
        }
        let own: String = el
            .children()
            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
            .collect();
        if !cue.is_match(&own) {
            continue;
        }
        // "by <a>name</a>", "seller: <b>name</b>", or "by name" in plain text.
        let text = inline_text_skipping(el, skip);
        if let Some(rest) = cue.captures(&text).and_then(|c| c.get(1)) {
            let name = rest
                .as_str()
                .split(['·', '|', '•', ','])
                .next()
                .unwrap_or_default();
            let name = name.split_whitespace().next().unwrap_or_default();
            if let Some(v) = clean_vendor(name) {
                return Some(v);
            }
        }
    }
    let mut scanned = 0usize;
    for a in region
        .descendent_elements()
        .filter(|e| e.value().name() == "a")
    {
        scanned += 1;
        if scanned > MAX_CANDIDATES {
            break;
        }
        let Some(u) = a.attr("href").and_then(|h| resolve(base, h)) else {
            continue;
        };
        let canon = canonical_url(&u);
        if Some(canon.as_str()) == item || !vendor_url_re().is_match(canon.as_str()) {
            continue;
        }
        if let Some(v) = clean_vendor(&inline_text(a)) {
            return Some(v);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn cards_of(html: &str, css: &str) -> Vec<Vec<Candidate>> {
        let doc = Html::parse_document(html);
        let base = Url::parse("http://m.onion/").unwrap();
        doc.select(&Selector::parse(css).unwrap())
            .map(|card| {
                let item = card
                    .select(&Selector::parse("a[href]").unwrap())
                    .next()
                    .and_then(|a| resolve(&base, a.attr("href").unwrap()))
                    .map(|u| canonical_url(&u).to_string());
                candidates(card, item.as_deref(), &base, &HashSet::new())
            })
            .collect()
    }

    fn titles(html: &str, css: &str) -> Vec<String> {
        let cards = cards_of(html, css);
        let refs: Vec<&[Candidate]> = cards.iter().map(Vec::as_slice).collect();
        let slot = choose_title(&refs);
        cards.iter().map(|c| card_title(c, slot.as_ref())).collect()
    }

    #[test]
    fn a_wide_price_button_is_not_the_title() {
        // Guards per-group titles: the short title link wins over a longer "Buy · price" link.
        let mut html = String::new();
        for (i, t) in ["CZ 75 B", "HK VP9", "Glock 26"].iter().enumerate() {
            html.push_str(&format!(
                "<div class=card><a class=t href=/item/{i}>{t}</a><p>Vendor: <a href=/vendor/v{i}>v{i}</a></p>\
                 <a class=btn href=/item/{i}>Buy now &middot; 0.04{i} BTC (&asymp; $2,4{i}0)</a></div>"
            ));
        }
        assert_eq!(titles(&html, "div.card"), ["CZ 75 B", "HK VP9", "Glock 26"]);
    }

    #[test]
    fn a_card_that_is_one_link_takes_its_name_span() {
        let mut html = String::new();
        for (i, t) in ["Trijicon ACOG", "EOTech EXPS3"].iter().enumerate() {
            html.push_str(&format!(
                "<a class=tile href=/p/x-{i}><span class=tile-name>{t}</span><span class=tile-price>€ 6{i}0,00</span>\
                 <span>by opticsden</span></a>"
            ));
        }
        assert_eq!(titles(&html, "a.tile"), ["Trijicon ACOG", "EOTech EXPS3"]);
    }

    #[test]
    fn prices_and_buttons_are_never_titles() {
        for t in [
            "$120 - $180",
            "Price: 0.0071 BTC",
            "Buy now · 0.0412 BTC",
            "View",
            "€ 640,00",
            "12",
        ] {
            assert!(!title_ok(t), "{t}");
        }
        for t in ["CZ 75 B", "10 $ value box of 50 rounds", "Glock 26"] {
            assert!(title_ok(t), "{t}");
        }
    }

    #[test]
    fn vendors_from_cues_and_links() {
        let doc = Html::parse_document(
            "<div id=a><a href=/i/1>x</a><div>seller: <b>grayheron</b> &middot; <em>0.85 XMR</em></div></div>\
             <div id=b><a href=/i/2>y</a><a href='/profile.php?u=north_armory'>north_armory</a> (4.9)</div>\
             <div id=c><a href=/store/kestrel/item/9f3a>AK</a><a href=/store/kestrel>kestrel</a></div>",
        );
        let base = Url::parse("http://m.onion/").unwrap();
        let v = |id: &str, item: &str| {
            let el = doc.select(&Selector::parse(id).unwrap()).next().unwrap();
            card_vendor(el, Some(item), &base, &HashSet::new())
        };
        assert_eq!(v("#a", "http://m.onion/i/1").as_deref(), Some("grayheron"));
        assert_eq!(
            v("#b", "http://m.onion/i/2").as_deref(),
            Some("north_armory")
        );
        assert_eq!(
            v("#c", "http://m.onion/store/kestrel/item/9f3a").as_deref(),
            Some("kestrel")
        );
    }
}
