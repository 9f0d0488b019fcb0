//! Extraction: from a fetched page's bytes to text, links, listings and wall detection.
//!
//! With a market profile, its link rules and CSS selectors decide; without one (or for the parts a
//! profile leaves out) the generic extractor reads the page from its structure: repeated cards on
//! index pages ([`cards`]), labelled fields on listing pages ([`page`]). Every page is also checked
//! for walls ([`wall`]), and every link and embedded resource is reported so the engine can prove
//! nothing off-site is fetched.
//!
//! Everything here is synchronous (`scraper::Html` is not `Send`); the engine calls it from
//! `spawn_blocking`. Build an [`Extractor`] once per market to compile the profile once.

mod card_fields;
mod cards;
mod chrome;
mod decode;
pub mod explain;
mod fields;
mod links;
mod nesting;
mod order_form;
mod page;
mod pattern;
mod runs;
mod site;
mod text;
pub mod vendor_link;
mod wall;

pub use decode::{charset_from_content_type, sniff_encoding};
pub use explain::{Explanation, GroupKind, GroupReport, SiteEvidence};
pub use links::canonical_url;
pub use text::{block_text, inline_text};

use crate::profile::{Profile, ProfileError};
use armswatch_core::crawl::PageKind;
use armswatch_core::price::{parse_amount, parse_price};
use armswatch_core::Listing;
use fields::{Compiled, Fields};
use links::{dedup, resolve, sel};
use nesting::OutOfTime;
use scraper::{ElementRef, Html, Selector};
use std::collections::HashSet;
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use url::Url;

/// How long one page may take to read before it is skipped (see [`PageExtract::skipped`]).
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(30);

/// A wall that stands between the crawler and the market.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WallKind {
    Login,
    Captcha,
    /// A DDoS-protection queue ("you are in queue", EndGame-style).
    Queue,
    /// "Down for maintenance", "seized" banners.
    Down,
}

impl WallKind {
    /// Stable name, as logged and printed.
    pub fn as_str(self) -> &'static str {
        match self {
            WallKind::Login => "login",
            WallKind::Captcha => "captcha",
            WallKind::Queue => "queue",
            WallKind::Down => "down",
        }
    }
}

/// What a page is blocked by, with the text that gave it away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wall {
    pub kind: WallKind,
    pub evidence: String,
}

/// Everything taken from one page.
#[derive(Debug, Clone, Default)]
pub struct PageExtract {
    pub listings: Vec<Listing>,
    /// Links to listing pages (absolute, canonical, any host: the engine applies the host policy).
    pub listing_links: Vec<Url>,
    /// Links to further index pages (pagination, categories).
    pub pagination_links: Vec<Url>,
    /// Targets of `<meta http-equiv="refresh">` on the market (a redirect done in HTML): the engine
    /// follows them as index pages, counting each as a redirect, so a chain of refreshes has the
    /// same cap as a chain of HTTP redirects.
    pub refresh_links: Vec<Url>,
    /// Every other link and embedded resource (img, script, iframe, css) on the page: never
    /// fetched, but checked by the engine so that off-site references can be recorded.
    pub other_links: Vec<Url>,
    pub wall: Option<Wall>,
    /// Why the page was not read (it took longer than the extractor's time limit): the page is
    /// still evidence to store, but nothing was taken from it.
    pub skipped: Option<String>,
    /// Elements moved up because the page nested deeper than the parser's cap (0 on real pages).
    pub flattened: usize,
}

/// Parses a page the way the extractor does: nesting deeper than the parser's cap flattened first,
/// so the cost stays linear in the page's size however deep it nests (html5ever alone takes time
/// growing with the square of the depth). For other readers of raw pages (entity scanning).
pub fn parse_html(html: &str) -> Html {
    let (flat, _) = nesting::flatten(html, nesting::MAX_DEPTH);
    Html::parse_document(&flat)
}

/// Decodes a page body to text: byte-order mark, HTTP charset, `<meta charset>`, then detection.
pub fn decode_html(body: &[u8], content_type: Option<&str>) -> String {
    decode::decode(body, content_type)
}

/// Extracts links, listings and walls from a page. With a profile, its rules and selectors are used;
/// without one, the generic extractor. (Compiles the profile on every call: use [`Extractor`] in
/// loops.)
pub fn extract_page(
    html: &str,
    page_url: &Url,
    kind: PageKind,
    profile: Option<&Profile>,
) -> PageExtract {
    let extractor = Extractor::new(profile).unwrap_or_else(|e| {
        tracing::warn!("{e}; using the generic extractor");
        Extractor::generic()
    });
    extractor.extract(html, page_url, kind)
}

/// A profile compiled for extraction (or none: the generic extractor). `Send + Sync`.
#[derive(Debug)]
pub struct Extractor {
    profile: Option<Compiled>,
    time_limit: Duration,
}

impl Extractor {
    /// Compiles a profile's selectors and regexes (this is how a profile is validated: the error
    /// names the file, line and field of the first one that does not compile); `None` gives the
    /// generic extractor.
    pub fn new(profile: Option<&Profile>) -> Result<Extractor, ProfileError> {
        let compiled = profile
            .map(|p| Compiled::new(p).map_err(|(field, message)| p.invalid_field(&field, &message)))
            .transpose()?;
        Ok(Extractor {
            profile: compiled,
            time_limit: DEFAULT_TIME_LIMIT,
        })
    }

    /// The generic extractor (no profile).
    pub fn generic() -> Extractor {
        Extractor {
            profile: None,
            time_limit: DEFAULT_TIME_LIMIT,
        }
    }

    /// Sets how long one page may take (default [`DEFAULT_TIME_LIMIT`]); a page past it is
    /// returned with [`PageExtract::skipped`] set and nothing else.
    pub fn with_time_limit(mut self, limit: Duration) -> Extractor {
        self.time_limit = limit;
        self
    }

    /// Extracts one page (see [`extract_page`]).
    pub fn extract(&self, html: &str, page_url: &Url, kind: PageKind) -> PageExtract {
        self.run(html, page_url, kind).0
    }

    /// Extracts one page and says why it read it so ([`Explanation`]): the page address used,
    /// every group of cards considered, their item-URL patterns and title slots, and why each was
    /// taken or left.
    pub fn explain(
        &self,
        html: &str,
        page_url: &Url,
        kind: PageKind,
    ) -> (PageExtract, Explanation) {
        self.run(html, page_url, kind)
    }

    fn run(&self, html: &str, page_url: &Url, kind: PageKind) -> (PageExtract, Explanation) {
        let deadline = Instant::now() + self.time_limit;
        let mut why = Explanation {
            page_url: page_url.to_string(),
            site: SiteEvidence::None,
            kind: "index".into(),
            profile_cards: false,
            flattened: 0,
            skipped: None,
            category: None,
            groups: Vec::new(),
        };
        let skipped = |what: &str, mut why: Explanation| {
            let reason = format!(
                "{what} took longer than the {:.0} s limit ({} bytes): stored, not read",
                self.time_limit.as_secs_f64(),
                html.len()
            );
            why.skipped = Some(reason.clone());
            let out = PageExtract {
                skipped: Some(reason),
                ..PageExtract::default()
            };
            (out, why)
        };
        let (flat, flattened) = nesting::flatten(html, nesting::MAX_DEPTH);
        why.flattened = flattened.moved;
        let Ok(doc) = nesting::parse(&flat, deadline) else {
            return skipped("parsing", why);
        };
        let site = site::infer(html, &doc, page_url);
        let page_url = &site.page_url;
        why.page_url = page_url.to_string();
        why.site = site.evidence.clone();
        let base = links::base_url(&doc, page_url);
        let page_canon = canonical_url(page_url);
        let p = self.profile.as_ref();
        let ignored = |u: &Url| {
            links::builtin_ignored(u)
                || p.is_some_and(|p| p.ignore_re.iter().any(|r| r.is_match(u.as_str())))
        };
        let mut out = PageExtract {
            wall: wall::detect(&doc, &base, &page_canon),
            flattened: flattened.moved,
            ..PageExtract::default()
        };

        let listing_rules = p.is_some_and(|p| !p.listing_re.is_empty() || p.listing_sel.is_some());
        let pagination_rules =
            p.is_some_and(|p| !p.pagination_re.is_empty() || p.pagination_sel.is_some());
        let in_listing_sel = selected_ids(&doc, p.and_then(|p| p.listing_sel.as_ref()));
        let in_pagination_sel = selected_ids(&doc, p.and_then(|p| p.pagination_sel.as_ref()));
        static A: OnceLock<Selector> = OnceLock::new();
        for a in doc.select(A.get_or_init(|| sel("a[href], area[href]"))) {
            let Some(url) = a.attr("href").and_then(|h| resolve(&base, h)) else {
                continue;
            };
            if ignored(&url) {
                out.other_links.push(url);
                continue;
            }
            let canon = canonical_url(&url);
            let is_listing = match p {
                Some(p) if listing_rules => rule_match(
                    &p.listing_re,
                    p.listing_sel.is_some(),
                    &in_listing_sel,
                    a,
                    &url,
                ),
                _ => links::looks_like_listing_url(&url) && links::same_site(&url, page_url),
            };
            if is_listing {
                out.listing_links.push(canon);
                continue;
            }
            let is_pagination = match p {
                Some(p) if pagination_rules => rule_match(
                    &p.pagination_re,
                    p.pagination_sel.is_some(),
                    &in_pagination_sel,
                    a,
                    &url,
                ),
                _ => {
                    links::same_site(&url, page_url)
                        && (links::is_pagination_anchor(a, &url)
                            || links::looks_like_index_url(&url))
                }
            };
            if is_pagination && canon != page_canon {
                out.pagination_links.push(canon);
            } else {
                out.other_links.push(url);
            }
        }

        let listing_page = kind == PageKind::Listing
            || (kind == PageKind::Start
                && listing_rules
                && p.is_some_and(|p| p.listing_re.iter().any(|r| r.is_match(page_canon.as_str()))));
        if listing_page {
            why.kind = "listing".into();
            let mut l = page::read_listing(&doc, &base, &page_canon);
            if let Some(p) = p {
                apply_fields(&p.listing, doc.root_element(), &mut l);
                if p.listing.listing_id.is_none() {
                    l.market_listing_id = id_from_url(&p.listing, &page_canon);
                }
            }
            let css = p.and_then(|p| p.vendor_link.as_deref());
            // The vendor's profile page, for the crawler to fetch as a vendor page.
            l.vendor_url = vendor_link::find(&doc, &base, l.vendor.as_deref(), css)
                .filter(|u| *u != page_canon)
                .map(|u| u.to_string());
            if !l.title.is_empty() {
                out.listings.push(l);
            }
        } else {
            let mut cards = match p.and_then(|p| p.index.as_ref().map(|ix| (p, ix))) {
                Some((p, ix)) => {
                    why.profile_cards = true;
                    profile_cards(&doc, &base, p, ix, &ignored)
                }
                None => {
                    let found = cards::find_cards(&doc, &base, page_url, &ignored, deadline)
                        .and_then(|f| {
                            if f.listings.is_empty() {
                                let mut cells =
                                    order_form::find_cells(&doc, &base, &page_canon, deadline)?;
                                cells.groups.extend(f.groups);
                                Ok(cells)
                            } else {
                                Ok(f)
                            }
                        });
                    match found {
                        Ok(f) => {
                            why.groups = f.groups;
                            f.listings
                        }
                        Err(OutOfTime) => return skipped("extraction", why),
                    }
                }
            };
            why.category = page::index_category(page::body(&doc), &base);
            for c in &mut cards {
                if c.category.is_none() {
                    c.category.clone_from(&why.category);
                }
            }
            if !listing_rules {
                let known: HashSet<String> =
                    out.listing_links.iter().map(|u| u.to_string()).collect();
                for c in &cards {
                    if !known.contains(&c.url) {
                        // Order-form cells (`page#item-x`) have no page of their own.
                        if let Some(u) = Url::parse(&c.url).ok().filter(|u| u.fragment().is_none())
                        {
                            out.listing_links.push(u);
                        }
                    }
                }
                let card_urls: HashSet<&str> = cards.iter().map(|c| c.url.as_str()).collect();
                out.pagination_links
                    .retain(|u| !card_urls.contains(u.as_str()));
            }
            out.listings = cards;
        }
        if Instant::now() > deadline {
            return skipped("extraction", why);
        }

        // A meta refresh to another page of the market is a redirect the crawler follows (as an
        // index page); one off the market stays among the other links, for the engine to refuse.
        for target in links::refresh_targets(&doc, &base) {
            let canon = canonical_url(&target);
            if links::same_site(&target, page_url) && canon != page_canon && !ignored(&target) {
                out.refresh_links.push(canon);
            }
        }
        out.other_links.extend(links::resources(&doc, &base));
        dedup(&mut out.listing_links);
        dedup(&mut out.pagination_links);
        dedup(&mut out.refresh_links);
        let refreshes: HashSet<&Url> = out.refresh_links.iter().collect();
        out.pagination_links.retain(|u| !refreshes.contains(u));
        let followed: HashSet<String> = out
            .listing_links
            .iter()
            .chain(&out.pagination_links)
            .chain(&out.refresh_links)
            .map(|u| u.to_string())
            .collect();
        out.other_links.retain(|u| !followed.contains(u.as_str()));
        dedup(&mut out.other_links);
        (out, why)
    }
}

/// Node ids of every element inside (or equal to) an element the selector matches.
fn selected_ids(doc: &Html, s: Option<&Selector>) -> HashSet<ego_tree::NodeId> {
    let mut ids = HashSet::new();
    if let Some(s) = s {
        for el in doc.select(s) {
            ids.extend(el.descendants().map(|n| n.id()));
        }
    }
    ids
}

/// A profile link rule: the regexes (if any) match the URL and the selector (if any) holds the link.
fn rule_match(
    res: &[regex::Regex],
    has_sel: bool,
    inside: &HashSet<ego_tree::NodeId>,
    a: ElementRef<'_>,
    url: &Url,
) -> bool {
    let by_re = res.is_empty() || res.iter().any(|r| r.is_match(url.as_str()));
    let by_sel = !has_sel || inside.contains(&a.id());
    by_re && by_sel
}

fn id_from_url(f: &Fields, url: &Url) -> Option<String> {
    let c = f.id_from_url.as_ref()?.captures(url.as_str())?;
    c.get(1)
        .or_else(|| c.get(0))
        .map(|m| m.as_str().to_string())
}

/// A currency written as a code, symbol or word, as its code.
fn currency_code(s: &str) -> String {
    parse_price(&format!("1 {s}"))
        .or_else(|| parse_price(&format!("{s}1")))
        .map(|p| p.currency)
        .unwrap_or_else(|| s.trim().to_uppercase())
}

/// Sets the listing fields a profile section configures (a configured field that finds nothing
/// leaves the field empty: the profile is trusted over the generic guess).
fn apply_fields(f: &Fields, scope: ElementRef<'_>, l: &mut Listing) {
    if let Some(field) = &f.title {
        l.title = field.read(scope, false).unwrap_or_default();
    }
    if let Some(field) = &f.price {
        l.price_text = None;
        l.price_amount = None;
        l.price_high = None;
        l.currency = None;
        if let Some(t) = field.read(scope, false) {
            l.set_price(&t);
            if l.price_amount.is_none() {
                l.price_amount = parse_amount(&t);
            }
        }
    }
    if let Some(field) = &f.currency {
        l.currency = field.read(scope, false).map(|c| currency_code(&c));
    }
    let set = |field: &Option<fields::Field>, slot: &mut Option<String>, block: bool| {
        if let Some(field) = field {
            *slot = field.read(scope, block);
        }
    };
    set(&f.vendor, &mut l.vendor, false);
    set(&f.category, &mut l.category, false);
    set(&f.description, &mut l.description, true);
    set(&f.ships_from, &mut l.ships_from, false);
    set(&f.ships_to, &mut l.ships_to, false);
    set(&f.listing_id, &mut l.market_listing_id, false);
}

/// Cards as the profile's `[index]` describes them.
fn profile_cards(
    doc: &Html,
    base: &Url,
    p: &Compiled,
    ix: &fields::Cards,
    ignored: &dyn Fn(&Url) -> bool,
) -> Vec<Listing> {
    static A: OnceLock<Selector> = OnceLock::new();
    let any_a = A.get_or_init(|| sel("a[href]"));
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for card in doc.select(&ix.card) {
        let candidates: Vec<ElementRef<'_>> = match &ix.link {
            Some(s) => card.select(s).collect(),
            None if card.value().name() == "a" => vec![card],
            None => card.select(any_a).collect(),
        };
        let link = candidates.into_iter().find_map(|a| {
            let u = resolve(base, a.attr("href")?)?;
            let ok = !ignored(&u)
                && (ix.link.is_some()
                    || p.listing_re.is_empty()
                    || p.listing_re.iter().any(|r| r.is_match(u.as_str())));
            ok.then_some((a, canonical_url(&u)))
        });
        let Some((a, url)) = link else { continue };
        if !seen.insert(url.to_string()) {
            continue;
        }
        let mut l = Listing {
            url: url.to_string(),
            title: inline_text(a),
            ..Listing::default()
        };
        apply_fields(&ix.fields, card, &mut l);
        if l.title.is_empty() {
            l.title = inline_text(a);
        }
        if l.market_listing_id.is_none() {
            l.market_listing_id =
                id_from_url(&ix.fields, &url).or_else(|| id_from_url(&p.listing, &url));
        }
        if !l.title.is_empty() {
            out.push(l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn extractor_can_be_shared_between_threads() {
        assert_send_sync::<Extractor>();
    }

    fn invalid(text: &str) -> (Option<usize>, Option<String>, String) {
        let p = Profile::parse(text, std::path::Path::new("profiles/bad.toml")).unwrap();
        match Extractor::new(Some(&p)) {
            Err(ProfileError::Invalid {
                line,
                field,
                message,
                path,
            }) => {
                assert_eq!(path, std::path::Path::new("profiles/bad.toml"));
                (line, field, message)
            }
            other => panic!("expected an invalid profile, got {other:?}"),
        }
    }

    #[test]
    fn bad_selector_and_regex_name_file_field_and_line() {
        // Guards profile validation by building the extractor: file, dotted field and line.
        let text = "[market]\nid = \"m\"\n[links]\nlisting = ['ok', '(']\n[listing]\ntitle = \"h1\"\nprice = \"div[\"\n";
        let (line, field, message) = invalid(text);
        assert_eq!(field.as_deref(), Some("links.listing[1]"), "{message}");
        assert_eq!(line, Some(4));
        let text = "[market]\nid = \"m\"\n[listing]\ntitle = \"h1\"\nprice = \"div[\"\n";
        let (line, field, _) = invalid(text);
        assert_eq!(field.as_deref(), Some("listing.price"));
        assert_eq!(line, Some(5));
        let text = "[market]\nid = \"m\"\n[index]\ncard = \"div\"\nprice = { selector = \"b\", regex = '[' }\n";
        let (line, field, _) = invalid(text);
        assert_eq!(field.as_deref(), Some("index.price.regex"));
        assert_eq!(line, Some(5));
    }

    #[test]
    fn generic_listing_page_uses_canonical_page_url() {
        let u = Url::parse("http://m.onion/item/9?b=1&a=2#x").unwrap();
        let e = extract_page(
            "<title>Rifle scope - M</title><h2>Rifle scope</h2><p>Price: $120</p>",
            &u,
            PageKind::Listing,
            None,
        );
        assert_eq!(e.listings.len(), 1);
        assert_eq!(e.listings[0].url, "http://m.onion/item/9?a=2&b=1");
        assert_eq!(e.listings[0].price_amount, Some(120.0));
    }

    #[test]
    fn links_are_sorted_into_listing_pagination_and_other() {
        let u = Url::parse("file:///tmp/m/index.html").unwrap();
        let html = "<link rel=stylesheet href=css/a.css><a href=listing.php?ls_id=4>x</a>\
                    <a href=index.html?page=2>2</a><a href=logout.php>Logout</a>\
                    <img src=http://tracker.example.com/p.gif><div style=\"background:url('bg.png')\"></div>";
        let e = extract_page(html, &u, PageKind::Index, None);
        assert_eq!(
            e.listing_links[0].as_str(),
            "file:///tmp/m/listing.php?ls_id=4"
        );
        assert_eq!(
            e.pagination_links[0].as_str(),
            "file:///tmp/m/index.html?page=2"
        );
        let other: Vec<&str> = e.other_links.iter().map(Url::as_str).collect();
        for want in [
            "file:///tmp/m/logout.php",
            "file:///tmp/m/css/a.css",
            "http://tracker.example.com/p.gif",
            "file:///tmp/m/bg.png",
        ] {
            assert!(other.contains(&want), "{want} missing from {other:?}");
        }
    }

    #[test]
    fn meta_refresh_on_the_market_is_followed_off_it_is_not() {
        // Guards redirect pages: a refresh to another page of the market is fetched (as an index
        // page); one to another host is only reported, for the engine to refuse.
        let u = Url::parse("http://m.onion/go").unwrap();
        let e = extract_page(
            "<meta http-equiv=refresh content='0; url=/home'><p>Redirecting</p>",
            &u,
            PageKind::Index,
            None,
        );
        assert!(e.wall.is_none() && e.pagination_links.is_empty());
        assert_eq!(e.refresh_links[0].as_str(), "http://m.onion/home");
        let e = extract_page(
            "<meta http-equiv=refresh content='0; url=http://mirror.example/'><p>Moved</p>",
            &u,
            PageKind::Index,
            None,
        );
        assert!(e.wall.is_none() && e.pagination_links.is_empty() && e.refresh_links.is_empty());
        assert!(e
            .other_links
            .iter()
            .any(|l| l.as_str() == "http://mirror.example/"));
    }
}
