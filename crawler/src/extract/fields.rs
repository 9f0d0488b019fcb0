//! A market profile compiled for use: its regexes and CSS selectors parsed once, and the code that
//! reads a field's value out of a page or a card with them. Compiling is how a profile's selectors
//! and regexes are validated: the first one that does not parse is reported with its dotted field
//! path.

use super::text::{block_text, inline_text};
use crate::profile::{FieldSelector, FieldSelectors, Profile};
use regex::Regex;
use scraper::{ElementRef, Selector};

/// A field selector, compiled.
#[derive(Debug)]
pub(crate) struct Field {
    selector: Selector,
    attr: Option<String>,
    regex: Option<Regex>,
    all: bool,
    join: Option<String>,
    label: Option<String>,
}

/// The selectors of `[listing]` or `[index]`, compiled.
#[derive(Debug, Default)]
pub(crate) struct Fields {
    pub title: Option<Field>,
    pub price: Option<Field>,
    pub currency: Option<Field>,
    pub vendor: Option<Field>,
    pub category: Option<Field>,
    pub description: Option<Field>,
    pub ships_from: Option<Field>,
    pub ships_to: Option<Field>,
    pub listing_id: Option<Field>,
    pub id_from_url: Option<Regex>,
}

/// `[index]`, compiled.
#[derive(Debug)]
pub(crate) struct Cards {
    pub card: Selector,
    pub link: Option<Selector>,
    pub fields: Fields,
}

/// A whole profile, compiled.
#[derive(Debug)]
pub(crate) struct Compiled {
    pub listing_re: Vec<Regex>,
    pub pagination_re: Vec<Regex>,
    pub ignore_re: Vec<Regex>,
    pub listing_sel: Option<Selector>,
    pub pagination_sel: Option<Selector>,
    pub listing: Fields,
    pub index: Option<Cards>,
    /// `[listing] vendor_link`: the anchor to the vendor's profile page (validated CSS).
    pub vendor_link: Option<String>,
}

/// A compile error: (dotted field path, message).
pub(crate) type FieldError = (String, String);

fn css(path: &str, s: &str) -> Result<Selector, FieldError> {
    Selector::parse(s).map_err(|e| (path.to_string(), format!("bad CSS selector {s:?}: {e}")))
}

fn regex(path: &str, s: &str) -> Result<Regex, FieldError> {
    Regex::new(s).map_err(|e| (path.to_string(), format!("bad regex {s:?}: {e}")))
}

fn regexes(path: &str, list: &[String]) -> Result<Vec<Regex>, FieldError> {
    list.iter()
        .enumerate()
        .map(|(i, s)| regex(&format!("{path}[{i}]"), s))
        .collect()
}

fn field(path: &str, f: &Option<FieldSelector>) -> Result<Option<Field>, FieldError> {
    let Some(f) = f else { return Ok(None) };
    Ok(Some(match f {
        FieldSelector::Css(s) => Field {
            selector: css(path, s)?,
            attr: None,
            regex: None,
            all: false,
            join: None,
            label: None,
        },
        FieldSelector::Detailed(d) => {
            let regex = match &d.regex {
                Some(r) => {
                    let compiled = regex(&format!("{path}.regex"), r)?;
                    Some(compiled)
                }
                None => None,
            };
            Field {
                selector: css(&format!("{path}.selector"), &d.selector)?,
                attr: d.attr.clone(),
                regex,
                all: d.all,
                join: d.join.clone(),
                label: d.label.as_deref().map(normalise_label),
            }
        }
    }))
}

fn fields(section: &str, f: &FieldSelectors) -> Result<Fields, FieldError> {
    let p = |name: &str| format!("{section}.{name}");
    Ok(Fields {
        title: field(&p("title"), &f.title)?,
        price: field(&p("price"), &f.price)?,
        currency: field(&p("currency"), &f.currency)?,
        vendor: field(&p("vendor"), &f.vendor)?,
        category: field(&p("category"), &f.category)?,
        description: field(&p("description"), &f.description)?,
        ships_from: field(&p("ships_from"), &f.ships_from)?,
        ships_to: field(&p("ships_to"), &f.ships_to)?,
        listing_id: field(&p("listing_id"), &f.listing_id)?,
        id_from_url: f
            .listing_id_from_url
            .as_deref()
            .map(|r| regex(&p("listing_id_from_url"), r))
            .transpose()?,
    })
}

impl Compiled {
    /// Compiles (and so validates) a profile.
    pub fn new(p: &Profile) -> Result<Compiled, FieldError> {
        let l = &p.links;
        let index = match &p.index {
            Some(ix) => {
                if ix.card.trim().is_empty() {
                    return Err(("index.card".into(), "must not be empty".into()));
                }
                Some(Cards {
                    card: css("index.card", &ix.card)?,
                    link: ix
                        .link
                        .as_deref()
                        .map(|s| css("index.link", s))
                        .transpose()?,
                    fields: fields("index", &ix.fields)?,
                })
            }
            None => None,
        };
        Ok(Compiled {
            listing_re: regexes("links.listing", &l.listing)?,
            pagination_re: regexes("links.pagination", &l.pagination)?,
            ignore_re: regexes("links.ignore", &l.ignore)?,
            listing_sel: l
                .listing_selector
                .as_deref()
                .map(|s| css("links.listing_selector", s))
                .transpose()?,
            pagination_sel: l
                .pagination_selector
                .as_deref()
                .map(|s| css("links.pagination_selector", s))
                .transpose()?,
            listing: fields("listing", &p.listing)?,
            index,
            vendor_link: match &p.listing.vendor_link {
                Some(s) => {
                    css("listing.vendor_link", s)?;
                    Some(s.clone())
                }
                None => None,
            },
        })
    }
}

/// Lower-case, trimmed, without a trailing colon: how labels are compared.
fn normalise_label(s: &str) -> String {
    s.trim().trim_end_matches(':').trim().to_lowercase()
}

impl Field {
    /// Reads the field inside `scope` (descendants only). `block` keeps lines (descriptions).
    pub fn read(&self, scope: ElementRef<'_>, block: bool) -> Option<String> {
        let mut values: Vec<String> = Vec::new();
        for matched in scope.select(&self.selector) {
            let el = match &self.label {
                Some(label) => {
                    if normalise_label(&inline_text(matched)) != *label {
                        continue;
                    }
                    match matched.next_siblings().find_map(ElementRef::wrap) {
                        Some(next) => next,
                        None => continue,
                    }
                }
                None => matched,
            };
            let raw = match &self.attr {
                Some(a) => match el.attr(a) {
                    Some(v) => v.trim().to_string(),
                    None => continue,
                },
                None if block => block_text(el),
                None => inline_text(el),
            };
            let value = match &self.regex {
                Some(r) => match r.captures(&raw) {
                    Some(c) => c
                        .get(1)
                        .or_else(|| c.get(0))
                        .map(|m| m.as_str().trim().to_string())
                        .unwrap_or_default(),
                    None => continue,
                },
                None => raw,
            };
            if value.is_empty() {
                continue;
            }
            values.push(value);
            if !self.all {
                break;
            }
        }
        if values.is_empty() {
            return None;
        }
        let default_join = if block { "\n" } else { ", " };
        Some(values.join(self.join.as_deref().unwrap_or(default_join)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::FieldSpec;
    use scraper::Html;

    fn spec(selector: &str) -> FieldSpec {
        FieldSpec {
            selector: selector.into(),
            attr: None,
            regex: None,
            all: false,
            join: None,
            label: None,
        }
    }

    fn read(html: &str, f: FieldSpec) -> Option<String> {
        let doc = Html::parse_document(html);
        let compiled = field("t", &Some(FieldSelector::Detailed(f)))
            .unwrap()
            .unwrap();
        compiled.read(doc.root_element(), false)
    }

    #[test]
    fn label_mode_reads_the_next_sibling() {
        let html = "<table><tr><td>Vendor</td><td>x</td></tr><tr><td>Ships To:</td><td> World  Wide </td></tr></table>";
        let f = FieldSpec {
            label: Some("ships to".into()),
            ..spec("td")
        };
        assert_eq!(read(html, f).as_deref(), Some("World Wide"));
    }

    #[test]
    fn regex_skips_non_matching_elements_and_keeps_group() {
        let html = "<small>Sold: 17</small><small>Origin Country : United States</small>";
        let f = FieldSpec {
            regex: Some(r"Origin Country\s*:\s*(.+)".into()),
            ..spec("small")
        };
        assert_eq!(read(html, f).as_deref(), Some("United States"));
    }

    #[test]
    fn attr_and_all_with_join() {
        let html = "<a class=c href=/c/1>A</a><a class=c href=/c/2>B</a>";
        let f = FieldSpec {
            all: true,
            join: Some(" > ".into()),
            ..spec("a.c")
        };
        assert_eq!(read(html, f).as_deref(), Some("A > B"));
        let f = FieldSpec {
            attr: Some("href".into()),
            regex: Some(r"/c/(\d+)".into()),
            ..spec("a.c")
        };
        assert_eq!(read(html, f).as_deref(), Some("1"));
    }

    #[test]
    fn bad_selector_names_the_field() {
        let f = FieldSpec {
            regex: Some("(".into()),
            ..spec("p")
        };
        let err = field("listing.title", &Some(FieldSelector::Detailed(f))).unwrap_err();
        assert_eq!(err.0, "listing.title.regex");
        let err = field("listing.price", &Some(FieldSelector::Css("p[".into()))).unwrap_err();
        assert_eq!(err.0, "listing.price");
    }
}
