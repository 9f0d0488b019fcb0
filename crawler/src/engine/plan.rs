//! From a fetched page's links to frontier entries, under every limit that keeps a hostile market
//! from growing the crawl without end: the host policy, the depth limits, the redirect cap on meta
//! refresh chains, a cap on new links per page, and a cap on index pages per URL pattern.

use super::fetch::Fetched;
use super::{CrawlError, CrawlSettings, CrawlSink, CrawlSummary, MAX_REDIRECTS};
use crate::mirrors::Mirrors;
use crate::policy::HostPolicy;
use crate::urlnorm;
use armswatch_core::crawl::{FrontierEntry, PageKind};
use std::collections::{HashMap, HashSet};
use url::Url;

/// Most refused URLs recorded per page (the rest are counted).
const MAX_REFUSALS_PER_PAGE: usize = 200;
/// Most URLs remembered per run to count each kept-out or refused URL once; past it, a URL may be
/// counted twice (memory stays bounded on huge markets).
const MAX_REMEMBERED: usize = 100_000;

/// What the crawl remembers across pages to apply its limits.
#[derive(Debug, Default)]
pub(super) struct Limits {
    /// URLs kept out by a limit, counted once each.
    kept_out: HashSet<String>,
    /// URLs refused, counted once each.
    refused: HashSet<String>,
    /// New index pages queued per URL pattern in this run.
    patterns: HashMap<String, usize>,
}

/// What one page adds to the frontier and the refusals.
#[derive(Debug, Default)]
pub(super) struct LinkPlan {
    pub new_entries: Vec<FrontierEntry>,
    pub refusals: Vec<(String, String)>,
    /// Why the page's URL is marked failed even though it was stored (a refresh chain too long).
    pub error: Option<String>,
}

/// Which limit keeps an entry out of the frontier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Limit {
    /// `max_depth`: too many links that are not pagination hops.
    Depth,
    /// `max_pagination_depth`: too long a chain of pagination hops.
    Pagination,
}

/// The frontier entry for a link of `kind` found on `from`'s page. Every link adds one to `depth`,
/// which orders the crawl breadth first, so listings found on a page are fetched before the pages
/// its "next" links lead to. A pagination hop (an index link on a start or index page) also adds
/// one to `pagination_depth`, which keeps it out of the depth limit. A meta refresh target keeps
/// the chain's redirect count (`hops`, plus one for the refresh); other links start at zero.
pub(super) fn child_entry(
    from: &FrontierEntry,
    url: String,
    kind: PageKind,
    refresh_hops: Option<u32>,
) -> FrontierEntry {
    let pagination_hop =
        refresh_hops.is_none() && kind == PageKind::Index && from.kind != PageKind::Listing;
    FrontierEntry {
        url,
        kind,
        depth: from.depth.saturating_add(1),
        pagination_depth: from
            .pagination_depth
            .saturating_add(u32::from(pagination_hop)),
        redirect_hops: refresh_hops.map_or(0, |h| h.saturating_add(1)),
        attempts: 0,
    }
}

/// Checks an entry against the settings' depth limits.
pub(super) fn depth_limit(settings: &CrawlSettings, e: &FrontierEntry) -> Option<Limit> {
    if e.link_depth() > settings.max_depth {
        Some(Limit::Depth)
    } else if e.pagination_depth > settings.max_pagination_depth {
        Some(Limit::Pagination)
    } else {
        None
    }
}

/// A URL's pattern: its origin and path with every run of letters as `a` and of digits as `9`
/// (`/a`, `/aa`, `/aaa` are one pattern; so are `/page/2` and `/page/3`), and its sorted query keys.
pub(super) fn url_pattern(url: &Url) -> String {
    let mut out = String::new();
    out.push_str(url.scheme());
    out.push_str("://");
    out.push_str(url.host_str().unwrap_or(""));
    if let Some(p) = url.port() {
        out.push_str(&format!(":{p}"));
    }
    let mut last = None;
    for c in url.path().chars() {
        let class = if c.is_alphabetic() {
            'a'
        } else if c.is_ascii_digit() {
            '9'
        } else {
            c
        };
        if !(Some(class) == last && (class == 'a' || class == '9')) {
            out.push(class);
        }
        last = Some(class);
    }
    let mut keys: Vec<String> = url.query_pairs().map(|(k, _)| k.into_owned()).collect();
    keys.sort();
    keys.dedup();
    if !keys.is_empty() {
        out.push('?');
        out.push_str(&keys.join("&"));
    }
    out
}

fn remember(set: &mut HashSet<String>, url: &str) -> bool {
    if set.contains(url) {
        return false;
    }
    if set.len() < MAX_REMEMBERED {
        set.insert(url.to_string());
    }
    true
}

/// Plans what a fetched page adds: allowed links become frontier entries (within the limits),
/// refused ones are listed for recording; `vendor_pages` are the profile pages of the vendors of
/// the page's listings, fetched for their keys and contacts. Counts everything kept out in
/// `summary`.
#[allow(clippy::too_many_arguments)]
pub(super) fn plan_links(
    sink: &dyn CrawlSink,
    policy: &HostPolicy,
    mirrors: &Mirrors,
    settings: &CrawlSettings,
    entry: &FrontierEntry,
    fetched: &Fetched,
    vendor_pages: &[Url],
    limits: &mut Limits,
    summary: &mut CrawlSummary,
) -> Result<LinkPlan, CrawlError> {
    let ex = &fetched.extract;
    let mut plan = LinkPlan::default();
    let mut refused_here = 0usize;
    let mut refuse = |plan: &mut LinkPlan, url: &Url, reason: String| {
        if remember(&mut limits.refused, url.as_str()) {
            summary.refused += 1;
        }
        refused_here += 1;
        if refused_here <= MAX_REFUSALS_PER_PAGE {
            plan.refusals.push((url.to_string(), reason));
        }
    };
    if let Some((url, reason)) = &fetched.refused_redirect {
        if let Ok(u) = Url::parse(url) {
            refuse(&mut plan, &u, reason.clone());
        }
    }
    let mut seen = HashSet::new();
    let mut candidates = Vec::new();
    let links = ex
        .refresh_links
        .iter()
        .map(|u| (u, PageKind::Index, true))
        .chain(
            ex.listing_links
                .iter()
                .map(|u| (u, PageKind::Listing, false)),
        )
        .chain(
            ex.pagination_links
                .iter()
                .map(|u| (u, PageKind::Index, false)),
        )
        .chain(vendor_pages.iter().map(|u| (u, PageKind::Vendor, false)));
    for (url, kind, refresh) in links {
        let Some(url) = urlnorm::normalize(url) else {
            continue;
        };
        // A link to a mirror is the same market's page: kept on the canonical address.
        let url = mirrors.canonical(&url);
        if !seen.insert(url.to_string()) {
            continue;
        }
        if let Err(r) = policy.check(&url) {
            refuse(&mut plan, &url, r.reason);
            continue;
        }
        if refresh && fetched.hops >= MAX_REDIRECTS {
            summary.redirect_limited += 1;
            plan.error = Some(format!(
                "meta refresh to {url} not followed: more than {MAX_REDIRECTS} redirects (HTTP and meta refresh) in a chain"
            ));
            tracing::warn!("{}: {}", entry.url, plan.error.as_deref().unwrap_or(""));
            continue;
        }
        let child = child_entry(
            entry,
            url.to_string(),
            kind,
            refresh.then_some(fetched.hops),
        );
        if let Some(limit) = depth_limit(settings, &child) {
            if remember(&mut limits.kept_out, &child.url)
                && !sink
                    .frontier_contains(&child.url)
                    .map_err(CrawlError::Sink)?
            {
                tracing::debug!(url = %child.url, ?limit, "past a depth limit, not followed");
                match limit {
                    Limit::Depth => summary.depth_limited += 1,
                    Limit::Pagination => summary.pagination_limited += 1,
                }
            }
            continue;
        }
        candidates.push((child, url));
    }
    if candidates.len() > settings.max_links_per_page {
        let extra = candidates.len() - settings.max_links_per_page;
        summary.links_capped += extra;
        tracing::warn!(
            "{}: {} links, only the first {} followed (max_links_per_page)",
            entry.url,
            candidates.len(),
            settings.max_links_per_page
        );
        candidates.truncate(settings.max_links_per_page);
    }
    for (child, url) in candidates {
        if child.kind == PageKind::Index
            && !sink
                .frontier_contains(&child.url)
                .map_err(CrawlError::Sink)?
        {
            let pattern = url_pattern(&url);
            let n = limits.patterns.entry(pattern).or_insert(0);
            if *n >= settings.max_pages_per_pattern {
                if remember(&mut limits.kept_out, &child.url) {
                    summary.pattern_limited += 1;
                }
                continue;
            }
            *n += 1;
        }
        plan.new_entries.push(child);
    }
    // Other links and embedded resources are never fetched; off-site ones are recorded.
    for url in &ex.other_links {
        let Some(url) = urlnorm::normalize(url) else {
            continue;
        };
        if seen.insert(url.to_string()) {
            if let Err(r) = policy.check(&url) {
                refuse(&mut plan, &url, r.reason);
            }
        }
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: PageKind, depth: u32, pagination_depth: u32) -> FrontierEntry {
        FrontierEntry {
            kind,
            depth,
            pagination_depth,
            ..FrontierEntry::start("http://m.onion/x")
        }
    }

    #[test]
    fn pagination_hops_order_the_crawl_but_do_not_count_toward_max_depth() {
        // Guards the depth rule: every link adds to `depth` (so a page's listings, one link away,
        // are queued no later than its "next" page), only index-to-index links add to
        // `pagination_depth`, and max_depth sees the difference.
        let url = || "http://m.onion/y".to_string();
        let page5 = entry(PageKind::Index, 5, 5);
        let next = child_entry(&page5, url(), PageKind::Index, None);
        let listing = child_entry(&page5, url(), PageKind::Listing, None);
        assert_eq!((next.depth, next.pagination_depth), (6, 6));
        assert_eq!((listing.depth, listing.pagination_depth), (6, 5));
        assert_eq!((next.link_depth(), listing.link_depth()), (0, 1));
        let start = entry(PageKind::Start, 0, 0);
        assert_eq!(
            child_entry(&start, url(), PageKind::Index, None).pagination_depth,
            1
        );
        // An index link on a listing page ("back to the category") is an ordinary link.
        let from_listing = child_entry(&listing, url(), PageKind::Index, None);
        assert_eq!((from_listing.depth, from_listing.link_depth()), (7, 2));

        let s = super::super::tests::settings(1, 6);
        assert_eq!(depth_limit(&s, &next), None);
        assert_eq!(depth_limit(&s, &listing), None);
        assert_eq!(depth_limit(&s, &from_listing), Some(Limit::Depth));
        let page7 = child_entry(&next, url(), PageKind::Index, None);
        assert_eq!(depth_limit(&s, &page7), Some(Limit::Pagination));
    }

    #[test]
    fn a_refresh_target_carries_the_chain_of_redirects() {
        // Guards hole 1: a meta refresh adds a redirect to the chain, a plain link starts a new one.
        let from = FrontierEntry {
            redirect_hops: 2,
            ..entry(PageKind::Index, 3, 1)
        };
        let refreshed = child_entry(&from, "http://m.onion/aa".into(), PageKind::Index, Some(4));
        assert_eq!(refreshed.redirect_hops, 5);
        assert_eq!(
            refreshed.pagination_depth, 1,
            "a refresh is not a pagination hop"
        );
        let linked = child_entry(&from, "http://m.onion/b".into(), PageKind::Index, None);
        assert_eq!(linked.redirect_hops, 0);
    }

    #[test]
    fn url_patterns_merge_generated_names() {
        // Guards the per-pattern cap: trap URLs share a pattern, different sections do not.
        let p = |s: &str| url_pattern(&Url::parse(s).unwrap());
        assert_eq!(p("http://m.onion/a"), p("http://m.onion/aaaa"));
        assert_eq!(
            p("http://m.onion/page/2?b=1&a=2"),
            p("http://m.onion/page/31?a=9&b=1")
        );
        assert_ne!(p("http://m.onion/page/2"), p("http://m.onion/page/2/x"));
        assert_ne!(p("http://m.onion:81/a"), p("http://m.onion/a"));
        assert_ne!(p("http://m.onion/c?page=1"), p("http://m.onion/c?sort=1"));
    }
}
