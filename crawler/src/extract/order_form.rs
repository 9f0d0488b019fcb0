//! Order forms: single-vendor shops that show their goods as cells of one form (a name, spec lines,
//! a price, a quantity box) with no page per item. Each cell is a listing; as it has no address of
//! its own, its URL is the page's plus a stable fragment taken from the quantity box's name
//! (`qty[g17]` -> `#item-g17`), else from the cell's id, else from its title.
//!
//! A cell is the largest element around a quantity box that holds no other quantity box; cells are
//! grouped by their tag-and-class path like cards, and a group needs two or more cells, mostly
//! priced and titled, outside page chrome.

use super::card_fields::{self, Candidate};
use super::cards::Found;
use super::chrome::{chrome_label, signature_path};
use super::explain::{GroupKind, GroupReport};
use super::links::re;
use super::nesting::OutOfTime;
use super::page::price_text;
use super::text::{block_text, inline_text};
use armswatch_core::Listing;
use ego_tree::NodeId;
use regex::Regex;
use scraper::{ElementRef, Html};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use std::time::Instant;
use url::Url;

fn qty_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| re(r"(?i)(qty|quant|amount|count|menge|anzahl|units|pieces|pcs|кол)"))
}

/// A box where a buyer enters how many of an item they want.
fn is_quantity_control(el: ElementRef<'_>) -> bool {
    let v = el.value();
    let named = v
        .attr("name")
        .into_iter()
        .chain(v.attr("id"))
        .any(|s| qty_re().is_match(s));
    match v.name() {
        "input" => {
            let ty = v.attr("type").unwrap_or("text").trim().to_ascii_lowercase();
            match ty.as_str() {
                "number" => true,
                "text" | "tel" | "" => named,
                _ => false,
            }
        }
        "select" => {
            named || {
                let values: Vec<&str> = el
                    .descendent_elements()
                    .filter(|o| o.value().name() == "option")
                    .map(|o| o.value().attr("value").unwrap_or("").trim())
                    .collect();
                values.len() >= 3
                    && values
                        .iter()
                        .all(|x| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit()))
            }
        }
        _ => false,
    }
}

/// The fragment key of a cell: from the quantity box's name or id, the cell's id, or the title.
fn cell_key(control: ElementRef<'_>, cell: ElementRef<'_>, title: &str) -> String {
    let clean = |s: &str| -> String {
        let inner = match (s.find('['), s.rfind(']')) {
            (Some(a), Some(b)) if b > a + 1 => &s[a + 1..b],
            _ => s,
        };
        let stripped = qty_re().replace_all(inner, "");
        let key: String = stripped
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        key.trim_matches(['-', '_']).chars().take(64).collect()
    };
    for raw in [
        control.value().attr("name"),
        control.value().attr("id"),
        cell.value().attr("id"),
    ]
    .into_iter()
    .flatten()
    {
        let k = clean(raw);
        if !k.is_empty() {
            return k;
        }
    }
    let slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    slug.split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .take(64)
        .collect()
}

/// The cell's lines that are not its title, its price or a form control's label.
fn description(cell: ElementRef<'_>, title: &str, price: Option<&str>) -> Option<String> {
    let mut lines: Vec<String> = Vec::new();
    for child in cell.children().filter_map(ElementRef::wrap) {
        let text = inline_text(child);
        let has_control = child
            .descendent_elements()
            .chain(std::iter::once(child))
            .any(|e| matches!(e.value().name(), "input" | "select" | "textarea" | "button"));
        if text.is_empty()
            || text == title
            || has_control
            || price.is_some_and(|p| text.contains(p))
            || super::text::is_invisible(child.value().name())
        {
            continue;
        }
        lines.extend(block_text(child).lines().map(str::to_string));
    }
    let d = lines.join("\n");
    (!d.trim().is_empty()).then_some(d)
}

/// Finds order-form cells on a page whose address is `page_url` (canonical).
pub(crate) fn find_cells(
    doc: &Html,
    base: &Url,
    page_url: &Url,
    deadline: Instant,
) -> Result<Found, OutOfTime> {
    let body = super::page::body(doc);
    let controls: Vec<ElementRef<'_>> = body
        .descendent_elements()
        .filter(|e| is_quantity_control(*e))
        .collect();
    let mut count: HashMap<NodeId, usize> = HashMap::new();
    for c in &controls {
        for a in c.ancestors() {
            *count.entry(a.id()).or_default() += 1;
        }
    }
    let mut groups: HashMap<String, Vec<(ElementRef<'_>, ElementRef<'_>)>> = HashMap::new();
    let mut seen = HashSet::new();
    for c in &controls {
        let mut cell = *c;
        while let Some(p) = cell.parent().and_then(ElementRef::wrap) {
            if p.id() == body.id() || count.get(&p.id()).copied().unwrap_or(0) != 1 {
                break;
            }
            cell = p;
        }
        if cell.id() == c.id() || !seen.insert(cell.id()) {
            continue;
        }
        groups
            .entry(signature_path(cell, body.id()))
            .or_default()
            .push((*c, cell));
    }
    if Instant::now() > deadline {
        return Err(OutOfTime);
    }
    let mut found = Found {
        listings: Vec::new(),
        groups: Vec::new(),
    };
    let mut keys_used: HashSet<String> = HashSet::new();
    let mut paths: Vec<String> = groups.keys().cloned().collect();
    paths.sort();
    for path in paths {
        let cells = &groups[&path];
        let n = cells.len();
        if n < 2 {
            continue;
        }
        let prices: Vec<Option<String>> = cells.iter().map(|(_, cell)| price_text(*cell)).collect();
        let cands: Vec<Vec<Candidate>> = cells
            .iter()
            .map(|(_, cell)| card_fields::candidates(*cell, None, base, &HashSet::new()))
            .collect();
        let refs: Vec<&[Candidate]> = cands.iter().map(Vec::as_slice).collect();
        let slot = card_fields::choose_title(&refs);
        let titles: Vec<String> = cands
            .iter()
            .map(|c| card_fields::card_title(c, slot.as_ref()))
            .collect();
        let priced = prices.iter().filter(|p| p.is_some()).count();
        let titled = titles.iter().filter(|t| card_fields::title_ok(t)).count();
        let chrome = cells[0]
            .1
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find_map(chrome_label);
        let mean_title = titles.iter().map(|t| t.chars().count()).sum::<usize>() as f64 / n as f64;
        let mut report = GroupReport {
            kind: GroupKind::OrderForm,
            pattern: None,
            path: path.clone(),
            members: n,
            priced,
            titled,
            distinct_urls: 0,
            score: ((priced as f64 * (1.0 + mean_title.min(60.0) / 20.0)) * 100.0).round() / 100.0,
            title_slot: slot.as_ref().map(|s| s.slot.clone()),
            listings: 0,
            taken: false,
            reason: String::new(),
            example: titles.first().cloned(),
        };
        report.reason = if let Some(c) = chrome {
            format!("inside page chrome: {c}")
        } else if priced < 2 || priced * 2 < n {
            format!("only {priced} of {n} cells have a price")
        } else if titled * 2 < n {
            format!("only {titled} of {n} cells have a name")
        } else {
            String::new()
        };
        if report.reason.is_empty() {
            for (i, (control, cell)) in cells.iter().enumerate() {
                let (Some(price), true) = (&prices[i], card_fields::title_ok(&titles[i])) else {
                    continue;
                };
                let mut key = format!("item-{}", cell_key(*control, *cell, &titles[i]));
                let stem = key.clone();
                let mut k = 2;
                while !keys_used.insert(key.clone()) {
                    key = format!("{stem}-{k}");
                    k += 1;
                }
                let mut url = page_url.clone();
                url.set_fragment(Some(&key));
                let mut l = Listing {
                    url: url.to_string(),
                    title: titles[i].clone(),
                    description: description(*cell, &titles[i], Some(price)),
                    ..Listing::default()
                };
                l.set_price(price);
                found.listings.push(l);
                report.listings += 1;
            }
            report.taken = report.listings > 0;
            report.reason = if report.taken {
                "order-form cells with a quantity box, a price and a name, no link per item".into()
            } else {
                "no cell has both a price and a name".into()
            };
        }
        found.groups.push(report);
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn cells(html: &str) -> Found {
        let doc = Html::parse_document(html);
        let u = Url::parse("http://shop.onion/order.php").unwrap();
        find_cells(&doc, &u, &u, Instant::now() + Duration::from_secs(60)).unwrap()
    }

    #[test]
    fn each_cell_of_an_order_form_is_a_listing() {
        // Guards order-form shops: no link per item, one listing per cell, a stable fragment.
        let f = cells(
            "<form><table>\
             <tr><th>Item</th><th>Price</th><th>Qty</th></tr>\
             <tr><td><b>Glock 17</b></td><td>9mm, new</td><td>$ 890</td><td><select name=amount_g17><option>0<option>1</select></td></tr>\
             <tr><td><b>Ammo 9mm x50</b></td><td>FMJ</td><td>$ 35</td><td><select name=amount_ammo50><option>0<option>1</select></td></tr>\
             </table></form>",
        );
        assert_eq!(f.listings.len(), 2, "{:?}", f.groups);
        assert_eq!(f.listings[0].url, "http://shop.onion/order.php#item-g17");
        assert_eq!(f.listings[0].title, "Glock 17");
        assert_eq!(f.listings[0].price_amount, Some(890.0));
        assert_eq!(f.listings[1].description.as_deref(), Some("FMJ"));
    }

    #[test]
    fn a_search_box_is_not_an_order_form() {
        let f = cells("<form><input name=q><input type=submit value=Search></form><p>$5</p>");
        assert!(f.listings.is_empty());
    }
}
