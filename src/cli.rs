//! Command-line arguments (clap derive). Low-level flags live here; `cmd::*` turns them into
//! validated settings and real objects.

use crate::output::FormatArgs;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Watches darknet marketplaces for firearms trafficking: crawls markets (over Tor), tags listings
/// that offer a firearm, a part, ammunition or a design, and stores the evidence in SQLite for
/// review.
///
/// Use it for lawful investigation and research only.
#[derive(Debug, Parser)]
#[command(
    name = "armswatch",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// More log output on stderr (-v: debug, -vv: trace). RUST_LOG overrides.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Only errors on stderr.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Where armswatch keeps its data (demo database, arti state). Default:
    /// $ARMSWATCH_HOME, else $XDG_DATA_HOME/armswatch, else ~/.local/share/armswatch.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Model file to classify with (default: the model shipped inside the binary,
    /// models/armswatch-linear.model).
    #[arg(long, global = true, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Demo(DemoArgs),
    Crawl(CrawlArgs),
    Classify(ClassifyArgs),
    Flagged(FlaggedArgs),
    Status(StatusArgs),
    Extract(ExtractArgs),
    Train(TrainArgs),
    Eval(EvalArgs),
}

/// Run the whole pipeline on the bundled demo market: serve it on 127.0.0.1, crawl it, classify
/// every listing, store everything in SQLite, and print the flagged listings.
///
/// The demo market ("Hollow Pine Market") is fictional: firearms, parts, ammunition and designs
/// among hard negatives such as "AK-47" cannabis, airsoft and knives.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// SQLite database to write. Default: DATA_DIR/demo.db, recreated on each run.
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Serve the demo market as an onion service on a private Tor network on loopback (Debian's
    /// `tor` package) and crawl it through embedded arti: the real path, in about a minute.
    #[arg(long)]
    pub tor: bool,
    /// Print flagged listings as JSON lines instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Crawl a market: fetch its index and listing pages, extract listings, store pages and listings,
/// classify new and changed listings, and print a summary.
///
/// A crawl that dies resumes where it stopped when run again with the same database. Exit status
/// is 1 when no page could be fetched at all.
#[derive(Debug, Args)]
pub struct CrawlArgs {
    /// Market profile (TOML). Without one, --start is required and the generic extractor is used.
    #[arg(long, value_name = "FILE", required_unless_present = "start")]
    pub profile: Option<PathBuf>,
    /// Start URL (repeatable). With a profile, overrides its start URLs.
    #[arg(long, value_name = "URL")]
    pub start: Vec<String>,
    /// The market's address, overriding the profile's base_url (e.g. a new onion address).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// SQLite database (created if missing).
    #[arg(long, value_name = "PATH")]
    pub db: PathBuf,
    /// How to reach the market: `arti` (embedded Tor, the default for onion addresses),
    /// `socks5h://HOST:PORT` (a Tor SOCKS proxy: system tor 9050, Tor Browser 9150), or `direct`
    /// (clearnet markets and tests only; refused for onion addresses).
    #[arg(long, value_name = "TRANSPORT")]
    pub tor: Option<String>,
    /// Arti configuration file (arti's own TOML format), merged over armswatch's defaults: bridges,
    /// storage directories, a custom Tor network.
    #[arg(long, value_name = "FILE")]
    pub arti_config: Option<PathBuf>,
    /// Ask for fresh Tor circuits for this run.
    #[arg(long)]
    pub fresh_circuits: bool,
    /// Per-request timeout in seconds (default: profile, else 30 direct / 120 over Tor).
    #[arg(long, value_name = "SECS")]
    pub timeout_secs: Option<u64>,
    /// Most pages to fetch in this run (default: profile, else 10000).
    #[arg(long, value_name = "N")]
    pub max_pages: Option<usize>,
    /// Requests in flight at once (default: profile, else 2).
    #[arg(long, value_name = "N")]
    pub concurrency: Option<usize>,
    /// Start over instead of resuming an interrupted crawl of this market.
    #[arg(long)]
    pub restart: bool,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Classify listings from JSON lines: each input line is an object with at least `title`
/// (optionally `description` and any other fields); each output line is the same object with
/// `labels` (array of label names) and `scores` (label -> probability in 0..1) added.
#[derive(Debug, Args)]
pub struct ClassifyArgs {
    /// Input file, or - for standard input.
    #[arg(default_value = "-", value_name = "FILE")]
    pub input: String,
    /// Add `explain`: the top contributing terms per label.
    #[arg(long)]
    pub explain: bool,
    /// Terms per label with --explain.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub top_terms: usize,
}

/// List flagged listings, highest score first, with their labels, scores and the terms behind them.
#[derive(Debug, Args)]
pub struct FlaggedArgs {
    /// SQLite database.
    #[arg(long, value_name = "PATH")]
    pub db: PathBuf,
    /// Only this market.
    #[arg(long, value_name = "ID")]
    pub market: Option<String>,
    /// Only listings with this label (firearm, part, ammunition, design).
    #[arg(long, value_name = "LABEL")]
    pub label: Option<String>,
    /// Only listings whose best score is at least this.
    #[arg(long, value_name = "P")]
    pub min_score: Option<f32>,
    /// At most this many rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub output: FormatArgs,
}

/// Show each market's state (ok, needs_session, blocked, down), its counts and its last crawl.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// SQLite database.
    #[arg(long, value_name = "PATH")]
    pub db: PathBuf,
    #[command(flatten)]
    pub output: FormatArgs,
}

/// Print the listings found in a saved HTML page, for building and debugging profiles offline.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The saved page.
    #[arg(value_name = "FILE.html")]
    pub file: PathBuf,
    /// Market profile; without one the generic extractor is used.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// What the page is: one listing's page, an index (category, search) page, or auto: with a
    /// profile, a page matching its listing title selector is a listing page; without one, a page
    /// with several listing cards is an index page.
    #[arg(long, value_enum, default_value_t = PageKindArg::Auto)]
    pub kind: PageKindArg,
    /// The URL the page was saved from, to resolve relative links (default: the file's path).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    // JSON lines: title, price, currency, vendor, url, category, description; missing fields omitted.
    #[command(flatten)]
    pub output: FormatArgs,
}

/// Train a model from labeled JSON lines (fields `title`, `description`, `labels`; rows with
/// `unclear: true` are skipped). The same data and seed give an identical model file.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// Training files (JSONL).
    #[arg(long, required = true, num_args = 1.., value_name = "FILE.jsonl")]
    pub data: Vec<PathBuf>,
    /// Where to write the model file.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Random seed (validation split, shuffling).
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
}

/// Evaluate the model on labeled JSON lines: per-label precision, recall, F1, support, PR-AUC and
/// the false-positive rate on rows with no label. Rows with `unclear: true` are skipped.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Labeled file (JSONL with `labels`).
    #[arg(value_name = "FILE.jsonl")]
    pub file: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `--kind` of `armswatch extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PageKindArg {
    Auto,
    Listing,
    Index,
}
