//! One module per subcommand.

pub mod classify;
pub mod crawl;
pub mod demo;
pub mod demo_tor;
pub mod eval;
pub mod extract;
pub mod flagged;
pub mod status;
pub mod train;
