//! One module per subcommand.

pub mod classify;
pub mod crawl;
pub mod demo;
pub mod demo_tor;
pub mod doctor;
pub mod eval;
pub mod export;
pub mod extract;
pub mod flagged;
pub mod listings;
pub mod market;
pub mod markets;
pub mod migrate;
pub mod research;
pub mod review;
pub mod schedule;
pub mod stats;
pub mod stats_chart;
pub mod status;
pub mod train;
pub mod vendors;
pub mod verify;
pub mod watch;
