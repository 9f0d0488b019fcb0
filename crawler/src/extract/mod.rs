//! Extraction: from a fetched page's bytes to text, links, listings and wall detection.
//! (Interface fixed here; the implementation is being written.)

use crate::profile::Profile;
use armswatch_core::crawl::PageKind;
use armswatch_core::Listing;
use url::Url;

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
    /// Links to listing pages (absolute, any host: the engine applies the host policy).
    pub listing_links: Vec<Url>,
    /// Links to further index pages (pagination, categories).
    pub pagination_links: Vec<Url>,
    /// Every other link and embedded resource (img, script, iframe, css) on the page: never
    /// fetched, but checked by the engine so that off-site references can be recorded.
    pub other_links: Vec<Url>,
    pub wall: Option<Wall>,
}

/// Decodes a page body to text: HTTP charset, then `<meta charset>`, then detection.
pub fn decode_html(body: &[u8], content_type: Option<&str>) -> String {
    todo!()
}

/// Extracts links, listings and walls from a page. With a profile, its rules and selectors are used;
/// without one, the generic extractor.
pub fn extract_page(html: &str, page_url: &Url, kind: PageKind, profile: Option<&Profile>) -> PageExtract {
    todo!()
}

/// Checks a profile's regexes and selectors; on error returns (dotted field path, message).
pub fn validate_profile(profile: &Profile) -> Result<(), (String, String)> {
    Ok(())
}
