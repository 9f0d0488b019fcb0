//! Why the generic extractor read a page as it did: the page address it used and how it found it,
//! every group of repeated cards it considered with the item-URL pattern, the title slot and the
//! figures behind its decision, and why each group was taken or left. `armswatch extract --explain`
//! prints it, so that an operator sees why a new market's layout fails before writing a profile.

pub use super::site::SiteEvidence;
use serde::Serialize;

/// The reading of one page.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    /// The address the page was read with (see [`SiteEvidence`]).
    pub page_url: String,
    pub site: SiteEvidence,
    /// `index` or `listing`.
    pub kind: String,
    /// Whether a profile's `[index]` cards were used instead of the generic card finder.
    pub profile_cards: bool,
    /// Elements moved up because the page nested too deep (0 on real pages).
    pub flattened: usize,
    pub skipped: Option<String>,
    /// The category given to the page's listings (from its breadcrumb trail).
    pub category: Option<String>,
    /// Every group considered, taken groups first, then by score.
    pub groups: Vec<GroupReport>,
}

/// What kind of repeated element a group is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// Cards around links of one URL pattern.
    Cards,
    /// Product cells of an order form (a quantity box each, no link per item).
    OrderForm,
}

/// One group of repeated elements and what became of it.
#[derive(Debug, Clone, Serialize)]
pub struct GroupReport {
    pub kind: GroupKind,
    /// The item-URL pattern (`http://m.onion/store/{name}/item/{hex}`); none for order forms.
    pub pattern: Option<String>,
    /// Tag-and-class path of the card element from `<body>`.
    pub path: String,
    pub members: usize,
    /// Members with a price.
    pub priced: usize,
    /// Members with a title.
    pub titled: usize,
    pub distinct_urls: usize,
    pub score: f64,
    /// Where the titles come from, inside each card (`>div.card-body>a.title#0`).
    pub title_slot: Option<String>,
    /// Listings taken from the group.
    pub listings: usize,
    pub taken: bool,
    /// Why the group was taken or left.
    pub reason: String,
    /// The first member's title (or text), to recognise the group.
    pub example: Option<String>,
}
