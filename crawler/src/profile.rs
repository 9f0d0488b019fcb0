//! Market profiles: one TOML file per market saying where to start, which links are listing pages
//! and which are pagination, the CSS selectors for listing fields, the session to send, and how
//! politely to crawl. See `profiles/example.toml` for every key, commented.

use serde::Deserialize;
use std::path::{Path, PathBuf};

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

/// A field selector: a CSS selector (text of the first match), or a table with an attribute to read
/// instead of the text, a regex whose first group is kept, and whether to join every match.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum FieldSelector {
    Css(String),
    Detailed {
        selector: String,
        #[serde(default)]
        attr: Option<String>,
        #[serde(default)]
        regex: Option<String>,
        #[serde(default)]
        all: bool,
    },
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
}

/// `[index]`: listing cards on index pages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexCards {
    /// Selector of one card.
    pub card: String,
    /// Selector of the card's link to the listing page (`a` by default).
    #[serde(default)]
    pub link: Option<String>,
    #[serde(flatten)]
    pub fields: FieldSelectors,
}

/// `[session]`: what an investigator pastes from a logged-in browser session.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// `Cookie` header value, e.g. `"session=abc; lang=en"`.
    #[serde(default)]
    pub cookie: Option<String>,
    /// Extra headers.
    #[serde(default)]
    pub headers: std::collections::BTreeMap<String, String>,
    /// User agent; defaults to Tor Browser's.
    #[serde(default)]
    pub user_agent: Option<String>,
}

/// `[rate]`: politeness and limits.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimits {
    /// Requests in flight at once to this market.
    #[serde(default = "d_concurrency")]
    pub concurrency: usize,
    /// Pause between requests, per worker, in milliseconds (with ±25 % jitter).
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
    /// Deepest link depth followed from a start URL.
    #[serde(default = "d_max_depth")]
    pub max_depth: u32,
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
    /// Reads and validates a profile file.
    pub fn load(path: &Path) -> Result<Profile, ProfileError> {
        let text = std::fs::read_to_string(path).map_err(|source| ProfileError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Profile::parse(&text, path)
    }

    /// Parses and validates profile text; `path` is used in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<Profile, ProfileError> {
        let profile: Profile = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            ProfileError::Invalid {
                path: path.to_path_buf(),
                line,
                field: None,
                message: e.message().to_string(),
            }
        })?;
        profile.validate(text, path)?;
        Ok(profile)
    }

    fn validate(&self, text: &str, path: &Path) -> Result<(), ProfileError> {
        crate::extract::validate_profile(self).map_err(|(field, message)| {
            let key = field.rsplit('.').next().unwrap_or(&field).to_string();
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with(&key))
                .map(|i| i + 1);
            ProfileError::Invalid {
                path: path.to_path_buf(),
                line,
                field: Some(field),
                message,
            }
        })
    }
}
