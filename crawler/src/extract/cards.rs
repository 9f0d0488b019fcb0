//! The generic extractor's reading of index pages: finding listing cards with no profile.
//!
//! 1. Links on the page's own site are grouped by item-URL *pattern* ([`super::pattern`]:
//!    `/store/{name}/item/{hex}`): items of one kind share one.
//! 2. For each link, its *region* is the largest ancestor that holds no other URL of the same
//!    pattern: the card (or table row) around it.
//! 3. Regions are grouped by pattern and by their tag-and-class path from `<body>`. A group whose
//!    members repeat (two or more), mostly carry a price and a title, have mostly distinct URLs and
//!    do not sit in page chrome (header, navigation, menus, wallet widgets) is a set of cards.
//! 4. Groups are taken best first (more priced members, longer titles). A region or URL already
//!    taken is not taken again, which keeps vendor links and second copies of a card out, and a
//!    group that mostly repeats items already taken is a cross-sell or "featured" strip: left out.
//! 5. A lone region of a taken group's pattern and shape (a sponsored row in a box of its own) is
//!    a card too.
//!
//! The title is chosen once per group ([`super::card_fields`]); the price is found as on listing
//! pages; the vendor from a "by / vendor" cue or a vendor link in the card.

use super::card_fields::{self, Candidate, TitleSlot};
use super::chrome::Chrome;
use super::chrome::{is_state_class, signature_path};
use super::explain::{GroupKind, GroupReport};
use super::links::{builtin_ignored, canonical_url, is_pagination_anchor, resolve, same_site};
use super::nesting::OutOfTime;
use super::page::price_text_skipping;
use super::pattern::Patterns;
use super::runs;
use armswatch_core::Listing;
use ego_tree::NodeId;
use scraper::{ElementRef, Html};
use std::collections::{HashMap, HashSet};
use std::time::Instant;
use url::Url;

/// The cards of a page and the groups considered.
pub(crate) struct Found {
    pub listings: Vec<Listing>,
    pub groups: Vec<GroupReport>,
}

struct Anchor<'a> {
    el: ElementRef<'a>,
    url: Url,
    tmpl: String,
}

struct Region<'a> {
    el: ElementRef<'a>,
    url: Url,
    anchors: Vec<usize>,
}

struct Member<'a> {
    region: Region<'a>,
    price: Option<String>,
    cands: Vec<Candidate>,
    title: String,
    vendor: Option<String>,
}

struct Group<'a> {
    tmpl: String,
    members: Vec<Member<'a>>,
    slot: Option<TitleSlot>,
    report: GroupReport,
    /// Lone regions taken with the group.
    lone: usize,
    /// A list nested in another group's cards.
    nested: bool,
}

/// What reading a group needs from the page.
struct Ctx<'p> {
    base: &'p Url,
    patterns: &'p Patterns,
    body: NodeId,
    order: &'p HashMap<NodeId, usize>,
    /// Every candidate link on the page.
    links: &'p HashSet<NodeId>,
}

/// Cuts the links of one pattern into regions, groups them by path and reads each group (lone
/// regions go to `singles`).
#[allow(clippy::too_many_arguments)]
fn read_pattern<'a>(
    tmpl: &str,
    idxs: &[usize],
    anchors: &[Anchor<'a>],
    ctx: &Ctx<'_>,
    skip: &HashSet<NodeId>,
    chrome: &mut Chrome,
    groups: &mut Vec<Group<'a>>,
    singles: &mut Vec<(String, Region<'a>)>,
) {
    let mut by_path: HashMap<String, Vec<Region<'a>>> = HashMap::new();
    for r in regions(idxs, anchors, ctx.body) {
        by_path
            .entry(signature_path(r.el, ctx.body))
            .or_default()
            .push(r);
    }
    let mut paths: Vec<String> = by_path.keys().cloned().collect();
    paths.sort();
    for path in paths {
        let mut regions = by_path.remove(&path).unwrap_or_default();
        if regions.len() < 2 {
            singles.extend(regions.pop().map(|r| (tmpl.to_string(), r)));
            continue;
        }
        regions.sort_by_key(|r| ctx.order.get(&r.el.id()).copied().unwrap_or(usize::MAX));
        groups.push(read_group(
            tmpl.to_string(),
            path,
            regions,
            ctx,
            skip,
            chrome,
        ));
    }
}

/// Finds listing cards on a page. `ignore` says which URLs must not be read as items.
pub(crate) fn find_cards(
    doc: &Html,
    base: &Url,
    page_url: &Url,
    ignore: &dyn Fn(&Url) -> bool,
    deadline: Instant,
) -> Result<Found, OutOfTime> {
    let body = super::page::body(doc);
    // Document order of every node, to sort cards and to break ties.
    let order: HashMap<NodeId, usize> = body
        .descendants()
        .enumerate()
        .map(|(i, n)| (n.id(), i))
        .collect();
    let pos = |id: NodeId| order.get(&id).copied().unwrap_or(usize::MAX);
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
        anchors.push(Anchor {
            el,
            url,
            tmpl: String::new(),
        });
    }
    let patterns = {
        let urls: Vec<&Url> = anchors.iter().map(|a| &a.url).collect();
        Patterns::new(&urls)
    };
    for (a, k) in anchors.iter_mut().zip(&patterns.keys) {
        a.tmpl = k.clone();
    }
    check(deadline)?;

    let mut by_tmpl: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in anchors.iter().enumerate() {
        by_tmpl.entry(a.tmpl.as_str()).or_default().push(i);
    }
    let no_skip: HashSet<NodeId> = HashSet::new();
    let link_ids: HashSet<NodeId> = anchors.iter().map(|a| a.el.id()).collect();
    let mut chrome = Chrome::new(&link_ids);
    let mut groups: Vec<Group<'_>> = Vec::new();
    let mut singles: Vec<(String, Region<'_>)> = Vec::new();
    let mut tmpls: Vec<&str> = by_tmpl.keys().copied().collect();
    tmpls.sort_unstable();
    for tmpl in &tmpls {
        let idxs = &by_tmpl[tmpl];
        let distinct: HashSet<&str> = idxs.iter().map(|i| anchors[*i].url.as_str()).collect();
        if distinct.len() < 2 {
            continue;
        }
        check(deadline)?;
        let ctx = Ctx {
            base,
            patterns: &patterns,
            body: body.id(),
            order: &order,
            links: &link_ids,
        };
        read_pattern(
            tmpl,
            idxs,
            &anchors,
            &ctx,
            &no_skip,
            &mut chrome,
            &mut groups,
            &mut singles,
        );
    }
    check(deadline)?;

    // Lists nested in the cards of another group ("also available" rows): they are left out, and
    // that group's cards are read again without them, as large as the card around each link.
    let nested = find_sublists(&groups);
    let mut skips: HashMap<String, HashSet<NodeId>> = HashMap::new();
    for (a, reason) in &nested {
        let tmpl = groups[*a].tmpl.clone();
        let skip = skips.entry(tmpl.clone()).or_default();
        for m in &groups[*a].members {
            skip.extend(m.region.el.descendants().map(|n| n.id()));
        }
        // A card with a single nested row gave that row a larger region; the row element is
        // still of the list's shape.
        let row_path = groups[*a].report.path.clone();
        for &i in &by_tmpl[tmpl.as_str()] {
            let link = anchors[i].el;
            if skip.contains(&link.id()) {
                continue;
            }
            let row = link
                .ancestors()
                .take(8)
                .filter_map(ElementRef::wrap)
                .find(|x| signature_path(*x, body.id()) == row_path);
            if let Some(row) = row {
                skip.extend(row.descendants().map(|n| n.id()));
            }
        }
        groups[*a].report.reason.clone_from(reason);
        groups[*a].nested = true;
    }
    let mut redo: Vec<&String> = skips.keys().collect();
    redo.sort();
    for tmpl in redo {
        let skip = &skips[tmpl];
        groups.retain(|g| g.tmpl != *tmpl || g.nested);
        singles.retain(|(t, _)| t != tmpl);
        let idxs: Vec<usize> = by_tmpl[tmpl.as_str()]
            .iter()
            .copied()
            .filter(|i| !skip.contains(&anchors[*i].el.id()))
            .collect();
        let ctx = Ctx {
            base,
            patterns: &patterns,
            body: body.id(),
            order: &order,
            links: &link_ids,
        };
        read_pattern(
            tmpl,
            &idxs,
            &anchors,
            &ctx,
            skip,
            &mut chrome,
            &mut groups,
            &mut singles,
        );
    }
    check(deadline)?;
    // Open groups best first; groups already refused keep their place at the end.
    groups.sort_by(|a, b| {
        let open = |g: &Group<'_>| g.report.reason.is_empty();
        open(b)
            .cmp(&open(a))
            .then(b.report.score.total_cmp(&a.report.score))
            .then(a.report.path.cmp(&b.report.path))
    });

    let mut taken_regions: HashSet<NodeId> = HashSet::new();
    let mut taken_urls: HashSet<String> = HashSet::new();
    let mut out: Vec<(usize, Listing)> = Vec::new();
    let clash = |el: ElementRef<'_>, taken: &HashSet<NodeId>| {
        std::iter::once(el.id())
            .chain(el.ancestors().map(|a| a.id()))
            .any(|id| taken.contains(&id))
    };
    let mut first_taken = true;
    for g in &mut groups {
        if !g.report.reason.is_empty() {
            continue;
        }
        let eligible: Vec<usize> = (0..g.members.len())
            .filter(|&i| {
                let m = &g.members[i];
                m.price.is_some()
                    && card_fields::title_ok(&m.title)
                    && !clash(m.region.el, &taken_regions)
            })
            .collect();
        let repeats = eligible
            .iter()
            .filter(|&&i| taken_urls.contains(g.members[i].region.url.as_str()))
            .count();
        if !taken_urls.is_empty() && repeats * 2 >= eligible.len() {
            g.report.reason = format!(
                "repeats items of a better group ({repeats} of {}): a cross-sell or featured strip",
                eligible.len()
            );
            continue;
        }
        for i in eligible {
            let m = &g.members[i];
            if !taken_urls.insert(m.region.url.to_string()) {
                continue;
            }
            taken_regions.insert(m.region.el.id());
            out.push((pos(m.region.el.id()), listing(m)));
            g.report.listings += 1;
        }
        if g.report.listings == 0 {
            g.report.reason = "every member was taken by a better group".into();
            continue;
        }
        g.report.taken = true;
        g.report.reason = if first_taken {
            "the best group: repeated cards with prices and titles".into()
        } else {
            "another group of repeated cards with prices and titles".into()
        };
        first_taken = false;
    }

    // Lone cards of a taken group's pattern and shape (a sponsored row in a box of its own).
    singles.sort_by_key(|(_, r)| pos(r.el.id()));
    for (tmpl, mut region) in singles {
        let skip = skips.get(&tmpl).unwrap_or(&no_skip);
        let Some(g) = groups.iter_mut().find(|g| g.report.taken && g.tmpl == tmpl) else {
            continue;
        };
        // A lone region is as large as its box; the card is the element of the group's shape
        // between its link and the box.
        let link = anchors[region.anchors[0]].el;
        let Some(card) = link
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take_while(|a| a.id() != region.el.parent().map_or(body.id(), |p| p.id()))
            .find(|a| same_shape(g.members[0].region.el, *a))
        else {
            continue;
        };
        region.el = card;
        if taken_urls.contains(region.url.as_str())
            || clash(region.el, &taken_regions)
            || chrome.of(region.el).is_some()
        {
            continue;
        }
        let Some(price) = price_text_skipping(region.el, skip) else {
            continue;
        };
        let cands = card_fields::candidates(region.el, Some(region.url.as_str()), base, skip);
        let Some(slot) = g
            .slot
            .as_ref()
            .filter(|s| cands.iter().any(|c| c.slot == s.slot))
        else {
            continue;
        };
        let title = card_fields::card_title(&cands, Some(slot));
        if !card_fields::title_ok(&title) {
            continue;
        }
        taken_urls.insert(region.url.to_string());
        taken_regions.insert(region.el.id());
        let m = Member {
            vendor: card_fields::card_vendor(region.el, Some(region.url.as_str()), base, skip),
            region,
            price: Some(price),
            cands,
            title,
        };
        out.push((pos(m.region.el.id()), listing(&m)));
        g.report.listings += 1;
        g.lone += 1;
    }
    for g in &mut groups {
        if g.lone > 0 {
            g.report.reason = format!(
                "{}, and {} lone card(s) of the same shape (a sponsored row)",
                g.report.reason, g.lone
            );
        }
    }
    out.sort_by_key(|(p, _)| *p);
    groups.sort_by(|a, b| {
        b.report
            .taken
            .cmp(&a.report.taken)
            .then(b.report.score.total_cmp(&a.report.score))
    });
    Ok(Found {
        listings: out.into_iter().map(|(_, l)| l).collect(),
        groups: groups.into_iter().map(|g| g.report).collect(),
    })
}

fn check(deadline: Instant) -> Result<(), OutOfTime> {
    if Instant::now() > deadline {
        Err(OutOfTime)
    } else {
        Ok(())
    }
}

/// For each link of one pattern, its region: the largest ancestor holding no other URL of the
/// pattern. Links of one URL in one region share it.
fn regions<'a>(idxs: &[usize], anchors: &[Anchor<'a>], body: NodeId) -> Vec<Region<'a>> {
    // For each ancestor: the one URL of this pattern below it, or None when several.
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
    let mut out: HashMap<NodeId, Region<'a>> = HashMap::new();
    for &i in idxs {
        let mut region = anchors[i].el;
        while let Some(parent) = region.parent().and_then(ElementRef::wrap) {
            if parent.id() == body || !matches!(holds.get(&parent.id()), Some(Some(_))) {
                break;
            }
            region = parent;
        }
        out.entry(region.id())
            .or_insert_with(|| Region {
                el: region,
                url: anchors[i].url.clone(),
                anchors: Vec::new(),
            })
            .anchors
            .push(i);
    }
    out.into_values().collect()
}

/// Reads a group's members, chooses its title slot, scores it, or says why it is not a card group.
fn read_group<'a>(
    tmpl: String,
    path: String,
    regions: Vec<Region<'a>>,
    ctx: &Ctx<'_>,
    skip: &HashSet<NodeId>,
    chrome: &mut Chrome,
) -> Group<'a> {
    let base = ctx.base;
    let n = regions.len();
    let in_chrome: Vec<String> = regions.iter().filter_map(|r| chrome.of(r.el)).collect();
    let mut members: Vec<Member<'a>> = regions
        .into_iter()
        .map(|r| Member {
            price: price_text_skipping(r.el, skip)
                .or_else(|| runs::sibling_price(r.el, ctx.links, skip)),
            cands: card_fields::candidates(r.el, Some(r.url.as_str()), base, skip),
            vendor: card_fields::card_vendor(r.el, Some(r.url.as_str()), base, skip),
            region: r,
            title: String::new(),
        })
        .collect();
    if members.iter().any(|m| m.price.is_none()) {
        // Cards written as bare text after their link.
        members.sort_by_key(|m| ctx.order.get(&m.region.el.id()).copied());
        let els: Vec<ElementRef<'_>> = members.iter().map(|m| m.region.el).collect();
        for (m, f) in members
            .iter_mut()
            .zip(runs::read(&els, skip).unwrap_or_default())
        {
            m.price = m.price.take().or(f.price);
            m.vendor = m.vendor.take().or(f.vendor);
        }
    }
    let cand_lists: Vec<&[Candidate]> = members.iter().map(|m| m.cands.as_slice()).collect();
    let slot = card_fields::choose_title(&cand_lists);
    for m in &mut members {
        m.title = card_fields::card_title(&m.cands, slot.as_ref());
    }
    let distinct: HashSet<&str> = members.iter().map(|m| m.region.url.as_str()).collect();
    let distinct_ratio = distinct.len() as f64 / n as f64;
    let priced = members.iter().filter(|m| m.price.is_some()).count();
    let titled: Vec<usize> = members
        .iter()
        .filter(|m| card_fields::title_ok(&m.title))
        .map(|m| m.title.chars().count())
        .collect();
    let mean_title = titled.iter().sum::<usize>() as f64 / titled.len().max(1) as f64;
    // Items are usually linked more than once per card (image, title, button); vendors once.
    let links_per_card = members
        .iter()
        .map(|m| m.region.anchors.len())
        .sum::<usize>() as f64
        / n as f64;
    let score = priced as f64
        * (1.0 + mean_title.min(60.0) / 20.0)
        * distinct_ratio
        * (1.0 + links_per_card.min(3.0) / 10.0);
    let reason = if in_chrome.len() * 2 > n {
        format!("inside page chrome: {}", in_chrome[0])
    } else if priced < 2 || priced * 2 < n {
        format!("only {priced} of {n} have a price")
    } else if titled.len() * 2 < n {
        format!("only {} of {n} have a title", titled.len())
    } else if distinct_ratio < 0.7 {
        format!("{n} cards link to only {} URLs", distinct.len())
    } else {
        String::new()
    };
    let report = GroupReport {
        kind: GroupKind::Cards,
        pattern: Some(ctx.patterns.display(&tmpl)),
        path,
        members: n,
        priced,
        titled: titled.len(),
        distinct_urls: distinct.len(),
        score: (score * 100.0).round() / 100.0,
        title_slot: slot.as_ref().map(|s| s.slot.clone()),
        listings: 0,
        taken: false,
        reason,
        example: members
            .iter()
            .map(|m| m.title.clone())
            .find(|t| !t.is_empty()),
    };
    Group {
        tmpl,
        members,
        slot,
        report,
        lone: 0,
        nested: false,
    }
}

/// Leaves out lists nested in the cards of another group of the same pattern ("also available"
/// variants, a vendor's other items): in most of the cards around their rows there is exactly one
/// member of the other group and, on average, more than one of theirs. The rows are still listing
/// links; they are not the page's cards.
fn find_sublists(groups: &[Group<'_>]) -> Vec<(usize, String)> {
    // For each group, how many of its members lie below each element.
    let below: Vec<HashMap<NodeId, usize>> = groups
        .iter()
        .map(|g| {
            let mut m: HashMap<NodeId, usize> = HashMap::new();
            for mem in &g.members {
                for a in std::iter::once(*mem.region.el).chain(mem.region.el.ancestors()) {
                    *m.entry(a.id()).or_default() += 1;
                }
            }
            m
        })
        .collect();
    let mut verdicts: Vec<(usize, String)> = Vec::new();
    for (ai, a) in groups.iter().enumerate() {
        for (bi, b) in groups.iter().enumerate() {
            if ai == bi || a.tmpl != b.tmpl {
                continue;
            }
            // The card around each of A's members: the nearest ancestor holding a B member.
            let mut cards: HashMap<NodeId, (usize, usize)> = HashMap::new();
            for m in &a.members {
                let card = m
                    .region
                    .el
                    .ancestors()
                    .find(|x| below[bi].contains_key(&x.id()));
                if let Some(x) = card {
                    let counts = (
                        below[ai].get(&x.id()).copied().unwrap_or(0),
                        below[bi].get(&x.id()).copied().unwrap_or(0),
                    );
                    cards.insert(x.id(), counts);
                }
            }
            let one_b = cards.values().filter(|(_, nb)| *nb == 1).count();
            let a_in_cards: usize = cards
                .values()
                .filter(|(_, nb)| *nb == 1)
                .map(|(na, _)| na)
                .sum();
            if cards.len() >= 2
                && one_b * 5 >= cards.len() * 4
                && a_in_cards * 5 >= a.members.len() * 4
                && a_in_cards * 2 >= one_b * 3
            {
                verdicts.push((
                    ai,
                    format!(
                        "a list inside the cards of another group ({} rows in {} cards at {}): variants or related items",
                        a_in_cards, one_b, b.report.path
                    ),
                ));
                break;
            }
        }
    }
    verdicts
}

fn listing(m: &Member<'_>) -> Listing {
    let mut l = Listing {
        url: m.region.url.to_string(),
        title: m.title.clone(),
        vendor: m.vendor.clone(),
        ..Listing::default()
    };
    if let Some(p) = &m.price {
        l.set_price(p);
    }
    l
}

/// Whether a lone region looks like the members of a group: same element, same classes, and it
/// holds the group's title slot (checked by the caller).
fn same_shape(member: ElementRef<'_>, lone: ElementRef<'_>) -> bool {
    let a = member.value();
    let b = lone.value();
    let classes = |e: &scraper::node::Element| {
        let mut c: Vec<String> = e
            .classes()
            .map(|c| c.to_ascii_lowercase())
            .filter(|c| !is_state_class(c))
            .collect();
        c.sort();
        c
    };
    a.name() == b.name() && classes(a) == classes(b)
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
        .any(|a| matches!(a.value().name(), "select" | "option" | "button"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn cards(html: &str) -> Vec<Listing> {
        let doc = Html::parse_document(html);
        let u = Url::parse("http://m.onion/cat/1").unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        find_cards(&doc, &u, &u, &|_| false, deadline)
            .unwrap()
            .listings
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
        assert_eq!(c[3].vendor.as_deref(), Some("v3"));
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
    fn cards_split_over_sibling_elements() {
        // Guards two-element cards: a <dt> title with its <dd> price, a title row and a price row.
        let mut html = String::from("<body><dl>");
        for i in 1..4 {
            html.push_str(&format!(
                "<dt><a href=/offer/{i}>Holster model {i}</a></dt><dd>{i}5 EUR, ships EU</dd>"
            ));
        }
        html.push_str("</dl><table>");
        for i in 5..8 {
            html.push_str(&format!(
                "<tr><td><a href=/offer/{i}>Sling model {i}</a></td></tr><tr><td>${i}0</td></tr>"
            ));
        }
        html.push_str("</table></body>");
        let c = cards(&html);
        assert_eq!(c.len(), 6, "{c:?}");
        assert_eq!(
            (c[0].price_amount, c[0].currency.as_deref()),
            (Some(15.0), Some("EUR"))
        );
        assert_eq!(
            (c[5].title.as_str(), c[5].price_amount),
            ("Sling model 7", Some(70.0))
        );
    }

    #[test]
    fn menus_without_prices_are_not_cards() {
        let html = "<body><ul><li><a href=/c/1>Guns</a></li><li><a href=/c/2>Ammo</a></li><li><a href=/c/3>Parts</a></li></ul></body>";
        assert!(cards(html).is_empty());
    }

    #[test]
    fn priced_menu_items_in_the_header_are_not_cards() {
        // Guards header widgets: a "featured" dropdown with prices is dropped, the cards stay.
        let mut html = String::from(
            "<body><div class=topbar><ul class=dropdown-menu>\
             <li><a href=/item/90>Featured drum mag &mdash; $140</a></li>\
             <li><a href=/item/91>Featured red dot &mdash; $210</a></li></ul></div><div class=list>",
        );
        for i in 1..5 {
            html.push_str(&format!(
                "<div class=row><a href=/item/{i}>Rifle part number {i}</a> <b>${i}0</b></div>"
            ));
        }
        html.push_str("</div></body>");
        let c = cards(&html);
        assert_eq!(c.len(), 4, "{c:?}");
        assert!(c.iter().all(|l| !l.title.contains("Featured")));
    }
}
