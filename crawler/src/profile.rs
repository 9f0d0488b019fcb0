//! Market profiles: one TOML file per market saying where to start, which links are listing pages
//! and which are pagination, the CSS selectors for listing fields, the session to send, and how
//! politely to crawl. See `profiles/example.toml` for every key, commented.
//!
//! This module only reads the TOML. The selectors and regexes are checked where they are used:
//! building an [`Extractor`](crate::extract::Extractor) compiles them once, and an error there
//! names this profile's file, line and field ([`Profile::invalid_field`]).

use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A parsed, validated market profile.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub market: MarketSection,
    #[serde(default)]
    pub links: LinkRules,
    /// Selectors for fields on a listing's own page.
    #[serde(default)]
    pub listing: FieldSelectors,
    /// Listing cards on index pages, for markets that show fields there too.
    #[serde(default)]
    pub index: Option<IndexCards>,
    #[serde(default)]
    pub session: Session,
    #[serde(default)]
    pub rate: RateLimits,
    /// The file and text the profile was read from, for error messages.
    #[serde(skip)]
    source: Option<Arc<Source>>,
}

#[derive(Debug)]
struct Source {
    path: PathBuf,
    text: String,
}

/// `[market]`: identity and where to start.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketSection {
    /// Short stable id (`demo`, `empire`).
    pub id: String,
    /// Human name.
    #[serde(default)]
    pub name: Option<String>,
    /// The market's address, e.g. `http://abcd...xyz.onion`. `--base-url` overrides it.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Start URLs, absolute or relative to `base_url`.
    #[serde(default = "default_start")]
    pub start: Vec<String>,
    /// Other hosts of the same market (mirrors). The start URLs' hosts are always allowed.
    #[serde(default)]
    pub hosts: Vec<String>,
}

fn default_start() -> Vec<String> {
    vec!["/".to_string()]
}

/// `[links]`: which links to follow. Patterns are regular expressions matched against the absolute
/// URL; selectors, when given, restrict which `<a>` elements are looked at.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkRules {
    #[serde(default)]
    pub listing: Vec<String>,
    #[serde(default)]
    pub pagination: Vec<String>,
    /// Links never to follow (logout, cart, delete, ...).
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub listing_selector: Option<String>,
    #[serde(default)]
    pub pagination_selector: Option<String>,
}

/// A field selector: a CSS selector (text of the first match), or a table that says more.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum FieldSelector {
    Css(String),
    Detailed(FieldSpec),
}

/// The detailed form of a field selector.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// CSS selector of the element(s) holding the value.
    pub selector: String,
    /// Read this attribute instead of the text.
    #[serde(default)]
    pub attr: Option<String>,
    /// A regex on the text; its first group (or the whole match) is kept. Matches that do not fit
    /// are skipped, so the first element whose text fits wins.
    #[serde(default)]
    pub regex: Option<String>,
    /// Keep every match, joined with `join`, instead of the first one.
    #[serde(default)]
    pub all: bool,
    /// Separator for `all` (default `", "`; `"\n"` for descriptions).
    #[serde(default)]
    pub join: Option<String>,
    /// Label mode: among the elements `selector` matches, the one whose own text is this label
    /// (case-insensitive, a trailing `:` ignored) names the field; the value is its next sibling
    /// element (`<td>Ships to</td><td>World Wide</td>`, `<label>Vendor</label><span>...`).
    #[serde(default)]
    pub label: Option<String>,
}

impl FieldSelector {
    /// The CSS selector, in either form.
    pub fn css(&self) -> &str {
        match self {
            FieldSelector::Css(s) => s,
            FieldSelector::Detailed(d) => &d.selector,
        }
    }
}

/// `[listing]`: selectors for listing fields.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSelectors {
    pub title: Option<FieldSelector>,
    pub price: Option<FieldSelector>,
    pub currency: Option<FieldSelector>,
    pub vendor: Option<FieldSelector>,
    pub category: Option<FieldSelector>,
    pub description: Option<FieldSelector>,
    pub ships_from: Option<FieldSelector>,
    pub ships_to: Option<FieldSelector>,
    pub listing_id: Option<FieldSelector>,
    /// A regex on the listing URL whose first group is the market's listing id.
    pub listing_id_from_url: Option<String>,
    /// (`[listing]` only) CSS selector of the link to the vendor's profile page, which the crawler
    /// then fetches as a vendor page. Without it, a link named like the vendor is used.
    #[serde(default)]
    pub vendor_link: Option<String>,
}

/// `[index]`: listing cards on index pages.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "IndexCardsToml")]
pub struct IndexCards {
    /// Selector of one card.
    pub card: String,
    /// Selector of the card's link to the listing page (`a` by default).
    pub link: Option<String>,
    /// The `[listing]` field keys, read inside each card.
    pub fields: FieldSelectors,
}

/// `[index]` as written: the card keys and the field keys side by side, unknown keys refused
/// (serde's `flatten` would let them through).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndexCardsToml {
    card: String,
    #[serde(default)]
    link: Option<String>,
    title: Option<FieldSelector>,
    price: Option<FieldSelector>,
    currency: Option<FieldSelector>,
    vendor: Option<FieldSelector>,
    category: Option<FieldSelector>,
    description: Option<FieldSelector>,
    ships_from: Option<FieldSelector>,
    ships_to: Option<FieldSelector>,
    listing_id: Option<FieldSelector>,
    listing_id_from_url: Option<String>,
}

impl From<IndexCardsToml> for IndexCards {
    fn from(t: IndexCardsToml) -> IndexCards {
        IndexCards {
            card: t.card,
            link: t.link,
            fields: FieldSelectors {
                title: t.title,
                price: t.price,
                currency: t.currency,
                vendor: t.vendor,
                category: t.category,
                description: t.description,
                ships_from: t.ships_from,
                ships_to: t.ships_to,
                listing_id: t.listing_id,
                listing_id_from_url: t.listing_id_from_url,
                vendor_link: None,
            },
        }
    }
}

/// `[session]`: what an investigator pastes from a logged-in browser session.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// `Cookie` header value, e.g. `"session=abc; lang=en"`.
    #[serde(default)]
    pub cookie: Option<String>,
    /// Extra headers; one named like a Tor Browser default replaces it, an empty value drops it.
    #[serde(default)]
    pub headers: std::collections::BTreeMap<String, String>,
    /// User agent; defaults to Tor Browser's.
    #[serde(default)]
    pub user_agent: Option<String>,
    /// `Accept-Language`; defaults to Tor Browser's (`en-US,en;q=0.5`).
    #[serde(default)]
    pub accept_language: Option<String>,
}

/// `[rate]`: politeness and limits.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimits {
    /// Requests in flight at once to this market.
    #[serde(default = "d_concurrency")]
    pub concurrency: usize,
    /// Least time between two requests to this market, in milliseconds (with ±25 % jitter),
    /// whatever the concurrency: one schedule per market.
    #[serde(default = "d_delay")]
    pub delay_ms: u64,
    /// Per-request timeout; when unset, 30 s direct and 120 s over Tor.
    #[serde(default)]
    pub timeout_secs: Option<u64>,
    /// Tries per URL for transient failures, with exponential backoff and jitter.
    #[serde(default = "d_retries")]
    pub max_attempts: u32,
    /// Largest page accepted, after decompression.
    #[serde(default = "d_max_bytes")]
    pub max_page_bytes: usize,
    /// Most pages fetched in one crawl run.
    #[serde(default = "d_max_pages")]
    pub max_pages: usize,
    /// Deepest link depth followed from a start URL, not counting pagination hops (links from a
    /// start or index page to another index page: "next", page numbers, categories).
    #[serde(default = "d_max_depth")]
    pub max_depth: u32,
    /// Most pagination hops followed from a start URL: a generous bound on "next" chains, so that
    /// a market generating endless index pages cannot keep the crawl busy forever.
    #[serde(default = "d_max_pagination_depth")]
    pub max_pagination_depth: u32,
    /// Most new URLs one page may add to the frontier; the rest are counted and not followed.
    #[serde(default = "d_max_links_per_page")]
    pub max_links_per_page: usize,
    /// Most index pages (pagination, meta refresh targets) of one URL pattern queued in one run: a
    /// pattern is the URL with letters and digits generalised (`/page/2` and `/page/3` are one),
    /// so a market generating endless index pages cannot keep the crawl busy.
    #[serde(default = "d_max_pages_per_pattern")]
    pub max_pages_per_pattern: usize,
}

impl RateLimits {
    /// Refuses settings a crawl cannot run with (zero timeouts, sizes, attempts and caps):
    /// (field, message).
    fn check(&self) -> Result<(), (String, String)> {
        let zero = [
            ("concurrency", self.concurrency == 0),
            ("timeout_secs", self.timeout_secs == Some(0)),
            ("max_attempts", self.max_attempts == 0),
            ("max_page_bytes", self.max_page_bytes == 0),
            ("max_pages", self.max_pages == 0),
            ("max_links_per_page", self.max_links_per_page == 0),
            ("max_pages_per_pattern", self.max_pages_per_pattern == 0),
        ];
        match zero.iter().find(|(_, z)| *z) {
            Some((name, _)) => Err((format!("rate.{name}"), format!("{name} must be at least 1"))),
            None => Ok(()),
        }
    }
}

fn d_concurrency() -> usize {
    2
}
fn d_delay() -> u64 {
    500
}
fn d_retries() -> u32 {
    4
}
fn d_max_bytes() -> usize {
    8 * 1024 * 1024
}
fn d_max_pages() -> usize {
    10_000
}
fn d_max_depth() -> u32 {
    50
}
fn d_max_pagination_depth() -> u32 {
    10_000
}
fn d_max_links_per_page() -> usize {
    2_000
}
fn d_max_pages_per_pattern() -> usize {
    5_000
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            concurrency: d_concurrency(),
            delay_ms: d_delay(),
            timeout_secs: None,
            max_attempts: d_retries(),
            max_page_bytes: d_max_bytes(),
            max_pages: d_max_pages(),
            max_depth: d_max_depth(),
            max_pagination_depth: d_max_pagination_depth(),
            max_links_per_page: d_max_links_per_page(),
            max_pages_per_pattern: d_max_pages_per_pattern(),
        }
    }
}

/// A profile that could not be read or is invalid; names the file, and the line and field when known.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("reading profile {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("invalid profile {path}{}: {message}", line.map(|l| format!(", line {l}")).unwrap_or_default())]
    Invalid {
        path: PathBuf,
        line: Option<usize>,
        /// The field, as a dotted path (`listing.title`), when known.
        field: Option<String>,
        message: String,
    },
}

impl armswatch_core::HasKind for ProfileError {
    fn kind(&self) -> armswatch_core::ErrorKind {
        armswatch_core::ErrorKind::Input
    }
}

impl Profile {
    /// Reads a profile file (see [`Profile::parse`]).
    pub fn load(path: &Path) -> Result<Profile, ProfileError> {
        let text = std::fs::read_to_string(path).map_err(|source| ProfileError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Profile::parse(&text, path)
    }

    /// Parses profile text; `path` is used in error messages. Selectors and regexes are checked
    /// when an extractor is built from the profile.
    pub fn parse(text: &str, path: &Path) -> Result<Profile, ProfileError> {
        let mut profile: Profile = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let message = e.message().to_string();
            ProfileError::Invalid {
                path: path.to_path_buf(),
                line,
                field: field_in_message(&message),
                message,
            }
        })?;
        profile.source = Some(Arc::new(Source {
            path: path.to_path_buf(),
            text: text.to_string(),
        }));
        profile.check()?;
        Ok(profile)
    }

    /// The checks that need no compiling: a valid id, usable rate limits, an absolute base URL.
    fn check(&self) -> Result<(), ProfileError> {
        armswatch_core::MarketId::parse(&self.market.id)
            .map(|_| ())
            .map_err(|e| ("market.id".to_string(), e.to_string()))
            .and_then(|()| self.rate.check())
            .and_then(|()| match &self.market.base_url {
                Some(base) => url::Url::parse(base).map(|_| ()).map_err(|e| {
                    (
                        "market.base_url".to_string(),
                        format!("not an absolute URL: {e}"),
                    )
                }),
                None => Ok(()),
            })
            .map_err(|(field, message)| self.invalid_field(&field, &message))
    }

    /// An error about one field (a dotted path such as `listing.title.regex` or
    /// `links.ignore[2]`), naming the profile's file and the line that sets the field.
    pub fn invalid_field(&self, field: &str, message: &str) -> ProfileError {
        let (path, line) = match &self.source {
            Some(s) => (s.path.clone(), locate_field(&s.text, field)),
            None => (PathBuf::from(format!("profile {}", self.market.id)), None),
        };
        ProfileError::Invalid {
            path,
            line,
            field: Some(field.to_string()),
            message: format!("{field}: {message}"),
        }
    }
}

/// The key a TOML error names ("unknown field `x`", "missing field `x`").
fn field_in_message(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    let name = &message[start..start + len];
    let is_field = message.contains("field");
    (is_field && !name.is_empty()).then(|| name.to_string())
}

/// The line (1-based) that sets a dotted field (`listing.title.regex`, `links.ignore[2]`): the
/// first line starting with the field's key inside its `[section]`.
fn locate_field(text: &str, field: &str) -> Option<usize> {
    let mut parts = field.split('.');
    let section = parts.next()?;
    let key = parts.next().unwrap_or(section);
    let key = key.split('[').next().unwrap_or(key);
    let header = format!("[{section}]");
    let mut in_section = false;
    let mut section_line = None;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with('[') && !t.starts_with("[[") {
            in_section = t.starts_with(&header);
            if in_section {
                section_line = Some(i + 1);
            }
            continue;
        }
        if in_section {
            let rest = t.strip_prefix(key).map(str::trim_start);
            if rest.is_some_and(|r| r.starts_with('=')) {
                return Some(i + 1);
            }
        }
    }
    section_line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invalid(text: &str) -> (Option<usize>, Option<String>, String) {
        match Profile::parse(text, Path::new("profiles/bad.toml")) {
            Err(ProfileError::Invalid {
                line,
                field,
                message,
                path,
            }) => {
                assert_eq!(path, Path::new("profiles/bad.toml"));
                (line, field, message)
            }
            other => panic!("expected an invalid profile, got {other:?}"),
        }
    }

    #[test]
    fn minimal_profile_gets_defaults() {
        let p = Profile::parse("[market]\nid = \"m\"\n", Path::new("m.toml")).unwrap();
        assert_eq!(p.market.start, vec!["/".to_string()]);
        assert_eq!(p.rate.concurrency, 2);
        assert!(p.index.is_none());
    }

    #[test]
    fn unknown_key_names_line_and_field() {
        let (line, field, _) = invalid("[market]\nid = \"m\"\n\n[links]\nlisitng = ['x']\n");
        assert_eq!(line, Some(5));
        assert_eq!(field.as_deref(), Some("lisitng"));
    }

    #[test]
    fn unknown_key_in_index_section_is_refused() {
        let (line, _, message) =
            invalid("[market]\nid = \"m\"\n[index]\ncard = \"div\"\ntitel = \"h4\"\n");
        assert_eq!(line, Some(5), "{message}");
    }

    #[test]
    fn missing_required_field() {
        let (_, field, message) = invalid("[market]\nname = \"m\"\n");
        assert_eq!(field.as_deref(), Some("id"), "{message}");
    }

    #[test]
    fn bad_toml_has_a_line() {
        let (line, _, _) = invalid("[market]\nid = \"m\"\nstart = [\n");
        assert!(line.is_some());
    }

    #[test]
    fn relative_base_url_is_refused() {
        let (line, field, _) = invalid("[market]\nid = \"m\"\nbase_url = \"/x\"\n");
        assert_eq!((line, field.as_deref()), (Some(3), Some("market.base_url")));
    }

    #[test]
    fn invalid_market_id_is_refused_not_rewritten() {
        // Guards hole 9: `Dream Market` is an error at load naming the field, never `dream-market`.
        let (line, field, message) = invalid("[market]\nid = \"Dream Market\"\n");
        assert_eq!(field.as_deref(), Some("market.id"));
        assert_eq!(line, Some(2));
        assert!(message.contains("invalid market id"), "{message}");
    }

    #[test]
    fn zero_rate_settings_are_refused_at_load() {
        // Guards hole 9: a zero timeout, page size or attempt count fails at load, not mid-crawl.
        for key in [
            "timeout_secs",
            "max_page_bytes",
            "max_attempts",
            "concurrency",
            "max_pages",
        ] {
            let (line, field, message) =
                invalid(&format!("[market]\nid = \"m\"\n[rate]\n{key} = 0\n"));
            assert_eq!(field.as_deref(), Some(format!("rate.{key}").as_str()));
            assert_eq!(line, Some(4), "{key}");
            assert!(message.contains("at least 1"), "{message}");
        }
    }

    #[test]
    fn error_message_names_the_file() {
        let err = Profile::parse("[market]\n", Path::new("profiles/x.toml")).unwrap_err();
        assert!(err.to_string().contains("profiles/x.toml"), "{err}");
    }
}
