//! Command-line arguments (clap derive). Low-level flags live here; `cmd::*` turns them into
//! validated settings and real objects.

use crate::output::FormatArgs;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

mod ops;
pub use ops::*;

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
    /// Log line format on stderr: text, or json (one JSON object per line, for log collectors).
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Text, value_name = "FORMAT")]
    pub log_format: LogFormat,
    /// Write onion addresses and cookies to the log in full (by default they are scrubbed).
    #[arg(long, global = true)]
    pub unsafe_log: bool,
}

/// `--log-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Demo(DemoArgs),
    Crawl(CrawlArgs),
    Classify(ClassifyArgs),
    Flagged(FlaggedArgs),
    Status(StatusArgs),
    Extract(ExtractArgs),
    Migrate(MigrateArgs),
    Train(TrainArgs),
    Eval(EvalArgs),
    Markets(MarketsArgs),
    Vendors(VendorsArgs),
    Listings(ListingsArgs),
    Stats(StatsArgs),
    Export(ExportArgs),
    Serve(ServeArgs),
    #[command(subcommand)]
    Review(ReviewCommand),
    Verify(VerifyArgs),
    Schedule(ScheduleArgs),
    Run(RunArgs),
    Market(MarketArgs),
    Watch(WatchArgs),
    Doctor(DoctorArgs),
}

/// Markets found in crawled text: onion addresses that are no known market's.
#[derive(Debug, Args)]
pub struct MarketsArgs {
    #[command(subcommand)]
    pub command: MarketsCommand,
}

#[derive(Debug, Subcommand)]
pub enum MarketsCommand {
    /// Onion addresses (checksum-verified v3) seen in listings or pages that belong to no market
    /// in the database: candidates to add, most widely seen first.
    Candidates {
        /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
        #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
        db: crate::db::DbTarget,
        #[command(flatten)]
        output: FormatArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum MirrorsCommand {
    /// Import the mirrors of a PGP-signed mirror list (cleartext-signed, as markets publish them),
    /// only if its signature verifies against the market's public key; a bad signature is refused
    /// and nothing is imported.
    Add {
        /// Market id (as in its profile).
        market: String,
        /// The signed mirror list.
        #[arg(long, value_name = "FILE")]
        from_signed: PathBuf,
        /// The market's OpenPGP public key (armored).
        #[arg(long, value_name = "KEY.asc")]
        key: PathBuf,
        /// Database: a SQLite file (PATH or sqlite:PATH, created if missing) or
        /// postgres://USER@HOST/DB.
        #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
        db: crate::db::DbTarget,
    },
    /// The market's imported mirrors with the key that signed them.
    List {
        /// Market id.
        market: String,
        /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
        #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
        db: crate::db::DbTarget,
        #[command(flatten)]
        output: FormatArgs,
    },
}

/// Vendors per market and the links between vendors on different markets.
#[derive(Debug, Args)]
pub struct VendorsArgs {
    #[command(subcommand)]
    pub command: VendorsCommand,
}

#[derive(Debug, Subcommand)]
pub enum VendorsCommand {
    /// Every vendor per market: listings, flagged listings, PGP keys, linked vendors elsewhere.
    List {
        /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
        #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
        db: crate::db::DbTarget,
        /// Only vendors linked to a vendor on at least this many other markets.
        #[arg(long, default_value_t = 0, value_name = "N")]
        min_linked_markets: usize,
        /// Only vendors with at least one flagged listing.
        #[arg(long)]
        flagged: bool,
        #[command(flatten)]
        output: FormatArgs,
    },
    /// One vendor (by name, on every market): its records, linked identities on other markets with
    /// the evidence for each link, renames, PGP keys and listings.
    Show {
        /// The vendor's name as the market shows it.
        name: String,
        /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
        #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
        db: crate::db::DbTarget,
        /// One JSON document instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Links between vendors on different markets, one row per piece of evidence.
    Links {
        /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
        #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
        db: crate::db::DbTarget,
        /// Weakest link shown: `strong` (shared PGP key or crypto address) or `weak` (also shared
        /// handles, near-identical names with shared listing text).
        #[arg(long, default_value = "weak", value_name = "STRENGTH")]
        min_strength: String,
        #[command(flatten)]
        output: FormatArgs,
    },
    /// Vendor names that changed on a market (a listing's vendor field, or one profile page under
    /// two names).
    Renames {
        /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
        #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
        db: crate::db::DbTarget,
        #[command(flatten)]
        output: FormatArgs,
    },
}

/// A listing's history, and listings that vanished.
#[derive(Debug, Args)]
pub struct ListingsArgs {
    #[command(subcommand)]
    pub command: ListingsCommand,
}

#[derive(Debug, Subcommand)]
pub enum ListingsCommand {
    /// Every version of a listing (title, price, vendor and when each was seen), its price
    /// history, when it vanished and came back, and the entities found in it.
    History {
        /// The listing's id (as `armswatch flagged` shows it).
        id: i64,
        /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
        #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
        db: crate::db::DbTarget,
        #[command(flatten)]
        output: FormatArgs,
    },
    /// Listings currently marked vanished (missed by the last N finished crawls of their market).
    Vanished {
        /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
        #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
        db: crate::db::DbTarget,
        /// Only this market.
        #[arg(long, value_name = "ID")]
        market: Option<String>,
        #[command(flatten)]
        output: FormatArgs,
    },
}

/// Statistics for researchers: listing counts, new and vanished listings, unique vendors, flagged
/// share, and price median / min / max, grouped by market, label, vendor, week or month (ISO weeks,
/// UTC). Every group has a row for all currencies and one per currency; prices are converted to one
/// currency only with --rates.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
    #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
    pub db: crate::db::DbTarget,
    /// Group by (repeatable or comma-separated, e.g. --by week,label).
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "market",
        value_name = "DIM"
    )]
    pub by: Vec<StatsByArg>,
    /// Only listings with this label (firearm, part, ammunition, design).
    #[arg(long, value_name = "LABEL")]
    pub label: Option<String>,
    /// Only listings seen on or after this date (YYYY-MM-DD, UTC).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Exchange rates (CSV lines `CURRENCY,RATE`: what one unit is worth in the target currency;
    /// the first line may be `target,USD`). Never fetched: the user gives them.
    #[arg(long, value_name = "FILE.csv")]
    pub rates: Option<PathBuf>,
    /// Also draw an SVG chart: listings per period by label, and price distributions by label.
    #[arg(long, value_name = "FILE.svg")]
    pub chart: Option<PathBuf>,
    #[command(flatten)]
    pub output: FormatArgs,
}

/// `--by` of `armswatch stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsByArg {
    Market,
    Label,
    Vendor,
    Week,
    Month,
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
    /// Database: a SQLite file (PATH or sqlite:PATH, created if missing) or postgres://USER@HOST/DB.
    #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
    pub db: crate::db::DbTarget,
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
    /// Open a new connection (a new Tor stream) for every page instead of keeping a market's
    /// connections alive for its next pages (for comparison; slower over Tor).
    #[arg(long)]
    pub no_keep_alive: bool,
    /// Highest onion-service proof-of-work effort to solve (embedded arti): a market under load asks
    /// clients to solve a puzzle first; a connection asking for more than this fails as
    /// `onion_pow_effort_too_high` instead of burning CPU (default: arti's cap, 10000). Each effort
    /// solved is logged.
    #[arg(long, value_name = "EFFORT")]
    pub max_pow_effort: Option<u32>,
    /// Per-request timeout in seconds (default: profile, else 30 direct / 120 over Tor).
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout_secs: Option<u64>,
    /// Most pages to fetch in this run (default: profile, else 10000).
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    pub max_pages: Option<usize>,
    /// Requests in flight at once (default: profile, else 2).
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    pub concurrency: Option<usize>,
    /// Start over instead of resuming an interrupted crawl of this market.
    #[arg(long)]
    pub restart: bool,
    /// Mark a listing vanished (`vanished_at`) when this many finished crawls of its market in a
    /// row did not see it; it is marked back when it reappears.
    #[arg(long, default_value_t = 3, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub vanish_after: u32,
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
    /// Longest input line accepted, in bytes; a longer line stops with an error naming it.
    #[arg(long, default_value_t = 1 << 20, value_name = "BYTES")]
    pub max_line_bytes: usize,
    /// Also use the market category (`category`, else `category_raw`) through the model's optional
    /// category block; by default only the title and description are read.
    #[arg(long)]
    pub use_category: bool,
}

/// List flagged listings, highest score first, with their labels, scores and the terms behind them.
#[derive(Debug, Args)]
pub struct FlaggedArgs {
    /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
    #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
    pub db: crate::db::DbTarget,
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

/// Show each market's state (ok, needs_session, blocked, down, or paused when its schedule is),
/// its listing and flagged counts, flagged listings new since its last crawl, its last and next
/// crawl, its back-off and its most recent errors.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
    #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
    pub db: crate::db::DbTarget,
    #[command(flatten)]
    pub output: FormatArgs,
}

/// Bring a database's schema up to this armswatch's version (writes to it), or copy a case from
/// a SQLite file into PostgreSQL and verify the copy. Crawls bring the schema up on their own; the
/// read-only commands (`status`, `flagged`) refuse an older schema instead, so run this once on a
/// writable copy of an older evidence database.
#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// Database whose schema to bring up to date: a SQLite file (PATH or sqlite:PATH) or
    /// postgres://USER@HOST/DB. Not with --from/--to.
    #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
    pub db: Option<crate::db::DbTarget>,
    /// The SQLite case to copy (sqlite:PATH or PATH); needs --to.
    #[arg(long, value_name = "DB", requires = "to")]
    pub from: Option<crate::db::DbTarget>,
    /// The PostgreSQL database to copy it into (postgres://...), empty unless --allow-non-empty;
    /// the copy is verified (row counts and SHA-256 of every table, page bodies against their
    /// hashes, the review chain) and a mismatch exits with status 1.
    #[arg(long, value_name = "DB", requires = "from")]
    pub to: Option<crate::db::DbTarget>,
    /// Copy even when the target already holds rows (an id that clashes fails the whole copy,
    /// which leaves the target as it was).
    #[arg(long, requires = "from")]
    pub allow_non_empty: bool,
    /// Only verify an earlier copy of --from in --to; copy nothing.
    #[arg(long, requires = "from")]
    pub verify_only: bool,
    /// Print the summary as one JSON object.
    #[arg(long)]
    pub json: bool,
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
    /// The URL the page was saved from. Default: the address the page gives (a browser's
    /// `saved from url` comment, a canonical link, `og:url`, `<base href>`, or the host most of its
    /// links point to), else the file's path; the crawler reads the page the same way.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    // JSON lines: title, price, price_amount, price_high, currency, vendor, url, category,
    // description; missing fields omitted.
    #[command(flatten)]
    pub output: FormatArgs,
    /// Say why the page was read so: the page address used and how it was found, every group of
    /// repeated cards considered with its item-URL pattern, title slot and counts, and why each
    /// was taken or left. With JSON output, one object {"explanation": ..., "listings": [...]};
    /// with CSV, the explanation goes to stderr.
    #[arg(long)]
    pub explain: bool,
}

/// Train a model from labeled JSON lines (fields `title`, `description`, `labels`; rows with
/// `unclear: true` are skipped). The same data and seed give an identical model file.
///
/// With --with-reviews --db PATH, investigators' reviewed listings are added: confirmed and
/// relabelled ones with the labels the reviewer holds true, rejected ones as negatives (each
/// listing's newest decision, on the text of the version it was made on). The model's training
/// notes and the model card written beside it (OUT.md) record how many.
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
    /// Add the reviewed listings of --db to the training data.
    #[arg(long, requires = "db")]
    pub with_reviews: bool,
    /// The database whose reviews --with-reviews reads: a SQLite file (PATH or sqlite:PATH) or
    /// postgres://USER@HOST/DB.
    #[arg(long, value_name = "DB")]
    pub db: Option<crate::db::DbTarget>,
}

/// Evaluate the model on labeled JSON lines: per-label precision, recall, F1, support, PR-AUC and
/// the false-positive rate on rows with no label. Rows with `unclear: true` are skipped.
///
/// With --reviews --db PATH instead of a file: on the investigators' reviewed listings (the labels
/// of each listing's newest decision are the truth; rejected listings have none).
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Labeled file (JSONL with `labels`).
    #[arg(
        value_name = "FILE.jsonl",
        required_unless_present = "reviews",
        conflicts_with = "reviews"
    )]
    pub file: Option<PathBuf>,
    /// Score against the reviewed listings of --db.
    #[arg(long, requires = "db")]
    pub reviews: bool,
    /// The database whose reviews --reviews reads: a SQLite file (PATH or sqlite:PATH) or
    /// postgres://USER@HOST/DB.
    #[arg(long, value_name = "DB")]
    pub db: Option<crate::db::DbTarget>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also use the rows' market category (`category`, else `category_raw`) through the model's
    /// optional category block; by default only the title and description are read.
    #[arg(long)]
    pub use_category: bool,
}

/// Open the investigators' review workspace: a local web UI over the database with the queue of
/// flagged listings (sort, filter, search), each listing with its evidence, and decisions
/// (confirm, reject, relabel) with keyboard triage.
///
/// Prints an address with a random access token; every request needs it (a cookie after the
/// first visit). Listens on 127.0.0.1 unless --bind says otherwise.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
    #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
    pub db: crate::db::DbTarget,
    /// Address to listen on (port 0 picks a free port). Anything but loopback makes the UI
    /// reachable from other machines over plain HTTP: a warning is printed.
    #[arg(long, default_value = "127.0.0.1:8765", value_name = "ADDR:PORT")]
    pub bind: String,
    /// The reviewer's name, instead of asking in the browser.
    #[arg(long, value_name = "NAME", env = "ARMSWATCH_REVIEWER")]
    pub reviewer: Option<String>,
}

/// Review flagged listings from the terminal: the queue, a listing with its decision history, a
/// decision, and a check of the decision history's hash chain.
#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    List(ReviewListArgs),
    Show(ReviewShowArgs),
    Decide(ReviewDecideArgs),
    Verify(ReviewVerifyArgs),
}

/// The review queue: flagged listings with their scores, labels and review state.
#[derive(Debug, Args)]
pub struct ReviewListArgs {
    /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
    #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
    pub db: crate::db::DbTarget,
    /// Order: score, newest, market or label.
    #[arg(long, default_value = "score")]
    pub sort: String,
    /// Only this review state: unreviewed, confirmed, rejected, relabelled.
    #[arg(long, value_name = "STATE")]
    pub state: Option<String>,
    /// Only listings with this label (firearm, part, ammunition, design).
    #[arg(long, value_name = "LABEL")]
    pub label: Option<String>,
    /// Only this market.
    #[arg(long, value_name = "ID")]
    pub market: Option<String>,
    /// Only this vendor (exact name).
    #[arg(long, value_name = "NAME")]
    pub vendor: Option<String>,
    /// Only listings whose title, description or vendor contain these words.
    #[arg(long, value_name = "WORDS")]
    pub search: Option<String>,
    /// Lowest score.
    #[arg(long, value_name = "P")]
    pub min_score: Option<f32>,
    /// Highest score.
    #[arg(long, value_name = "P")]
    pub max_score: Option<f32>,
    /// Also listings the model did not flag.
    #[arg(long)]
    pub all: bool,
    /// At most this many rows (1-1000).
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: usize,
    #[command(flatten)]
    pub output: FormatArgs,
}

/// A listing with its newest verdict and every decision on it, oldest first.
#[derive(Debug, Args)]
pub struct ReviewShowArgs {
    /// Listing id.
    #[arg(value_name = "LISTING")]
    pub listing: i64,
    /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
    #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
    pub db: crate::db::DbTarget,
    /// One JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Record a decision on a listing: confirm (the model's labels are right), reject (none of the
/// labels apply) or relabel (these labels apply). Decisions are never overwritten: the newest counts.
#[derive(Debug, Args)]
pub struct ReviewDecideArgs {
    /// Listing id.
    #[arg(value_name = "LISTING")]
    pub listing: i64,
    /// confirm, reject or relabel.
    #[arg(value_name = "DECISION")]
    pub decision: String,
    /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
    #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
    pub db: crate::db::DbTarget,
    /// With relabel: the labels that apply, comma-separated (firearm,part,ammunition,design).
    #[arg(long, value_name = "LABELS", value_delimiter = ',')]
    pub labels: Vec<String>,
    /// A note kept with the decision.
    #[arg(long, default_value = "", value_name = "TEXT")]
    pub note: String,
    /// Who decides.
    #[arg(long, value_name = "NAME", env = "ARMSWATCH_REVIEWER")]
    pub reviewer: String,
    /// Print the recorded decision as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Check the decision history: every row's hash and its link to the row before. Exit status 1
/// names the rows that were edited, inserted or removed.
#[derive(Debug, Args)]
pub struct ReviewVerifyArgs {
    /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
    #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
    pub db: crate::db::DbTarget,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Export evidence, or a research data set.
///
/// Evidence (--listing, --flagged or --reviewed): the selected listings with their captured pages
/// (raw bytes, URL, UTC capture time, SHA-256, transport), verdicts and reviewers' decisions.
/// Writes OUT and OUT.manifest.json (each record's byte range and SHA-256, and the export's own
/// SHA-256) for `armswatch verify`. Formats: warc (ISO 28500: request, response and metadata
/// records per page, a metadata record per listing), csv (a row per listing), jsonl (an object per
/// listing), misp (one MISP event, core JSON format, tagged dark-web:topic="weapons" and
/// dark-web:motivation="marketplace-for-sale").
///
/// Research (--research): one row per listing with its labels, vendor links and entity counts, as
/// csv or jsonl. Personal data (vendor names, handles, e-mails, addresses, keys) is replaced by
/// salted hashes, in fields and in the text, unless --include-identifiers is given.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("selection").required(true).args(["listing", "flagged", "reviewed", "research"])))]
pub struct ExportArgs {
    /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
    #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
    pub db: crate::db::DbTarget,
    /// Evidence: these listings (repeatable, or comma-separated).
    #[arg(long, value_name = "ID", value_delimiter = ',', num_args = 1..)]
    pub listing: Vec<i64>,
    /// Evidence: every listing whose newest verdict is flagged.
    #[arg(long)]
    pub flagged: bool,
    /// Evidence: every reviewed listing (with --state: only those whose newest decision is in
    /// that state).
    #[arg(long)]
    pub reviewed: bool,
    /// With --reviewed: confirmed, rejected, relabelled (or unreviewed: flagged listings nobody
    /// decided on).
    #[arg(long, value_name = "STATE", requires = "reviewed")]
    pub state: Option<String>,
    /// The research export.
    #[arg(long)]
    pub research: bool,
    /// warc, csv, jsonl or misp (research: csv or jsonl).
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
    /// Research: keep vendor names, handles, e-mails, addresses and keys as they are.
    #[arg(long, requires = "research")]
    pub include_identifiers: bool,
    /// Research: salt for the hashes (keep it secret; the same salt gives the same hashes, so
    /// exports can be joined). Default: a random salt per export.
    #[arg(
        long,
        env = "ARMSWATCH_EXPORT_SALT",
        value_name = "TEXT",
        hide_env_values = true
    )]
    pub salt: Option<String>,
    /// The file to write (evidence: required, its manifest goes beside it; research: default
    /// standard output).
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// `--format` of `armswatch export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Warc,
    Csv,
    Jsonl,
    Misp,
}

impl ExportFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Warc => "warc",
            ExportFormat::Csv => "csv",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Misp => "misp",
        }
    }
}

/// Verify an export: the file's SHA-256 and every record's against the manifest beside it, and
/// each WARC record's own digests. Names each record that fails; exit status 1 when any does.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The export file.
    #[arg(value_name = "EXPORT")]
    pub export: PathBuf,
    /// The manifest (default: EXPORT.manifest.json).
    #[arg(long, value_name = "PATH")]
    pub manifest: Option<PathBuf>,
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

/// A count of at least 1 (`--max-pages`, `--concurrency`).
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("must be at least 1".to_string()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}
