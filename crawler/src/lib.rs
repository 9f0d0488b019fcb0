//! The network side of armswatch, and the only crate that touches the network: transports (embedded
//! arti, a Tor SOCKS proxy, direct HTTP for clearnet markets and tests), the crawl engine (frontier,
//! politeness, retries, redirects, host policy), market profiles, and extraction of listings from
//! HTML.
//!
//! The engine persists nothing itself: it reports to a [`CrawlSink`](engine::CrawlSink), which the
//! binary implements over the store.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]
#![deny(clippy::print_stdout)]

pub mod browser;
pub mod engine;
pub mod entities;
pub mod extract;
pub mod mirror_list;
pub mod mirrors;
pub mod policy;
pub mod profile;
pub mod serve;
pub mod transport;
pub mod urlnorm;
