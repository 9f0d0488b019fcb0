//! Cards spread over sibling nodes instead of one element each.
//!
//! A card written as two elements side by side (`<dt>` title, `<dd>` price; a title row and a
//! price row) takes the price from the next sibling elements ([`sibling_price`]).
//!
//! Small shops and old-style markets list items one after another in a single parent, with no
//! element per item: `<a href=/item?i=1><b>Glock 17</b></a><br>Price: 650 USD · Seller: <a>x</a><hr>`.
//! The link is then the whole card region, and its price and vendor sit in the text that follows
//! it, up to the next item's link or a rule ([`read`]). That run is read only when every member of
//! the group is an inline element and no price stands before the first member (prices written
//! before their titles would otherwise be given to the previous item).

use super::card_fields::clean_vendor;
use super::links::re;
use super::page::price_text_skipping;
use super::text::{inline_text_skipping, is_block};
use armswatch_core::price::find_price;
use ego_tree::NodeId;
use regex::Regex;
use scraper::{ElementRef, Node};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Most sibling nodes read after a member.
const MAX_RUN_NODES: usize = 24;
/// Most characters of text read after a member.
const MAX_RUN_CHARS: usize = 400;

/// What a run of bare text after a card's link gives.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct RunFields {
    pub price: Option<String>,
    pub vendor: Option<String>,
}

/// For members given in document order (`regions`), the price and vendor in the text after each;
/// `None` when the group is not written as bare text (a member is a block element, or a price
/// stands before the first member).
pub(crate) fn read(regions: &[ElementRef<'_>], skip: &HashSet<NodeId>) -> Option<Vec<RunFields>> {
    let first = regions.first()?;
    if regions.iter().any(|r| is_block(r.value().name())) {
        return None;
    }
    let members: HashSet<NodeId> = regions.iter().map(|r| r.id()).collect();
    let before = run(first.prev_siblings(), &members, skip);
    if find_price(&before).is_some() {
        return None;
    }
    Some(
        regions
            .iter()
            .map(|r| {
                let text = run(r.next_siblings(), &members, skip);
                RunFields {
                    price: find_price(&text).map(|(_, span)| text[span].to_string()),
                    vendor: vendor_in(&text),
                }
            })
            .collect(),
    )
}

/// A card written as two elements side by side (`<dt>` title, `<dd>` price; a title row and a
/// price row): the price in one of the next two sibling elements that hold no link of their own.
pub(crate) fn sibling_price(
    el: ElementRef<'_>,
    links: &HashSet<NodeId>,
    skip: &HashSet<NodeId>,
) -> Option<String> {
    for sib in el.next_siblings().filter_map(ElementRef::wrap).take(2) {
        if skip.contains(&sib.id()) || sib.descendants().any(|n| links.contains(&n.id())) {
            return None;
        }
        if let Some(p) = price_text_skipping(sib, skip) {
            return Some(p);
        }
    }
    None
}

/// The text of sibling nodes up to the next member, a rule, or the bounds.
fn run<'a>(
    siblings: impl Iterator<Item = ego_tree::NodeRef<'a, Node>>,
    members: &HashSet<NodeId>,
    skip: &HashSet<NodeId>,
) -> String {
    let mut out = String::new();
    for node in siblings.take(MAX_RUN_NODES) {
        if let Some(t) = node.value().as_text() {
            out.push_str(t);
        } else if let Some(el) = ElementRef::wrap(node) {
            let ends = members.contains(&el.id())
                || skip.contains(&el.id())
                || el.value().name() == "hr"
                || el.descendants().any(|d| members.contains(&d.id()));
            if ends {
                break;
            }
            out.push(' ');
            out.push_str(&inline_text_skipping(el, skip));
            out.push(' ');
        }
        if out.len() > MAX_RUN_CHARS {
            break;
        }
    }
    out
}

/// "Seller: name", "Vendor - name", "sold by name" in a run of text.
fn vendor_in(text: &str) -> Option<String> {
    static CUE: OnceLock<Regex> = OnceLock::new();
    let cue = CUE.get_or_init(|| {
        re(r"(?i)(?:\bsold by\s*:?|\b(?:vendor|seller|verkäufer|vendeur|продавец)\s*[:\-])\s*([^\s·|•,]+)")
    });
    cue.captures(text)
        .and_then(|c| c.get(1))
        .and_then(|m| clean_vendor(m.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn fields(html: &str) -> Option<Vec<RunFields>> {
        let doc = Html::parse_document(html);
        let s = Selector::parse("a.i").unwrap();
        let regions: Vec<ElementRef<'_>> = doc.select(&s).collect();
        read(&regions, &HashSet::new())
    }

    #[test]
    fn price_and_vendor_follow_each_link_up_to_the_next() {
        // Guards flat lists: each item's price and seller are the text after its own link.
        let got = fields(
            "<div><a class=i href=/i/1>Glock 17</a><br>Price: 650 USD · Seller: <a href=/s/x>gunrunner</a><hr>\
             <a class=i href=/i/2>Ruger 10/22</a><br>Price: 400 USD<hr></div>",
        )
        .unwrap();
        assert_eq!(got[0].price.as_deref(), Some("650 USD"));
        assert_eq!(got[0].vendor.as_deref(), Some("gunrunner"));
        assert_eq!(got[1].price.as_deref(), Some("400 USD"));
        assert_eq!(got[1].vendor, None);
    }

    #[test]
    fn prices_before_titles_and_block_cards_are_not_read_as_runs() {
        // Guards against giving each item the next item's price, and against reading past a
        // block card into whatever follows the grid.
        assert!(
            fields("<div>$10 <a class=i href=/i/1>A</a> $20 <a class=i href=/i/2>B</a></div>")
                .is_none()
        );
        assert!(fields("<div><p><a class=i href=/i/1>A</a></p></div>").is_some());
        let blocks = "<div><div class=c><a class=i href=/i/1>A</a></div></div>";
        let doc = Html::parse_document(blocks);
        let s = Selector::parse("div.c").unwrap();
        let regions: Vec<ElementRef<'_>> = doc.select(&s).collect();
        assert!(read(&regions, &HashSet::new()).is_none());
    }
}
