//! Shared vocabulary of armswatch: listings, labels, verdicts, market ids, prices and error kinds.
//!
//! This crate does no I/O. The crawler, classifier and store crates never depend on each other; they
//! meet here, and the `armswatch` binary wires them together.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]
#![deny(clippy::print_stdout)]

pub mod crawl;
pub mod entity;
pub mod error;
pub mod label;
pub mod listing;
pub mod price;
pub mod review;
pub mod vendor;
pub mod verdict;

pub use entity::{Entity, EntityKind, LinkStrength, PgpKey};
pub use error::{ErrorKind, HasKind};
pub use label::{Label, LabelSet, ParseLabelError};
pub use listing::{InvalidMarketId, Listing, MarketId};
pub use review::{Decision, ParseReviewStateError, ReviewState};
pub use verdict::{TermWeight, Verdict};
