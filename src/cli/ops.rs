//! Arguments of the operations commands: schedules, the `run` daemon and its alerts, market
//! sessions and mirrors, watches and `doctor`.

use super::{at_least_one, MirrorsCommand};
use crate::output::FormatArgs;
use clap::{Args, Subcommand};
use std::path::PathBuf;

/// Scheduled crawls, kept in the database and run by `armswatch run`.
#[derive(Debug, Args)]
pub struct ScheduleArgs {
    #[command(subcommand)]
    pub command: ScheduleCommand,
}

#[derive(Debug, Subcommand)]
pub enum ScheduleCommand {
    /// Schedule a market's crawls: every interval (with random jitter), or on a cron expression.
    /// The profile is read again before each crawl, so edits apply without re-adding.
    Add(ScheduleAddArgs),
    /// Every schedule: market, profile, interval or cron, next crawl, back-off, paused.
    List {
        /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
        #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
        db: crate::db::DbTarget,
        #[command(flatten)]
        output: FormatArgs,
    },
    /// Remove a market's schedule (its data stays).
    Remove(ScheduleMarketArgs),
    /// Stop starting crawls of a market until `schedule resume`.
    Pause(ScheduleMarketArgs),
    /// Start crawling a paused market again.
    Resume(ScheduleMarketArgs),
}

/// `armswatch schedule add`.
#[derive(Debug, Args)]
pub struct ScheduleAddArgs {
    /// Market profile (TOML).
    #[arg(value_name = "PROFILE")]
    pub profile: PathBuf,
    /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
    #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
    pub db: crate::db::DbTarget,
    /// Crawl this often: a duration such as 6h, 90m, 1d, 30s.
    #[arg(
        long,
        value_name = "DURATION",
        required_unless_present = "cron",
        conflicts_with = "cron"
    )]
    pub every: Option<String>,
    /// Start each crawl up to this much later than due, at random (with --every), so crawls do
    /// not come at a recognisable rhythm.
    #[arg(long, value_name = "DURATION", requires = "every")]
    pub jitter: Option<String>,
    /// A cron expression in UTC (seconds field first: "0 0 */6 * * *"; five fields are taken as
    /// minute-first).
    #[arg(long, value_name = "EXPR")]
    pub cron: Option<String>,
    /// How to reach the market, as for `armswatch crawl --tor`.
    #[arg(long, value_name = "TRANSPORT")]
    pub tor: Option<String>,
    /// The market's address, overriding the profile's base_url.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Most pages per crawl (default: the profile's).
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    pub max_pages: Option<usize>,
    /// Per-request timeout in seconds (default: the profile's).
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout_secs: Option<u64>,
    /// Print the new schedule as JSON.
    #[arg(long)]
    pub json: bool,
}

/// A market whose schedule to change.
#[derive(Debug, Args)]
pub struct ScheduleMarketArgs {
    /// The market's id (as `schedule list` shows it).
    #[arg(value_name = "MARKET")]
    pub market: String,
    /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
    #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
    pub db: crate::db::DbTarget,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Run scheduled crawls: start each market's crawl when it is due (several markets at once, one
/// crawl per market), back off markets that are down, deliver alerts, and keep going until
/// SIGINT or SIGTERM. One daemon per database: a second is refused.
///
/// Schedules are read again on every tick, so `schedule add|pause|...` apply without a restart.
/// A crawl that was interrupted (a stop, a crash) is resumed where it stopped.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Database: a SQLite file (PATH or sqlite:PATH; one `run` at a time) or postgres://USER@HOST/DB
    /// (any number of `run --worker NAME` processes on any machines crawl it together).
    #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
    pub db: crate::db::DbTarget,
    /// Run what is due now (and deliver pending alerts), then exit: for cron and systemd timers.
    #[arg(long)]
    pub once: bool,
    /// Markets crawled at the same time.
    #[arg(long, default_value_t = 2, value_name = "N", value_parser = at_least_one)]
    pub max_parallel: usize,
    /// How often schedules are read again and due crawls looked for.
    #[arg(long, default_value = "10s", value_name = "DURATION")]
    pub tick: String,
    /// First wait after a failed crawl of a market; doubled after each further failure.
    #[arg(long, default_value = "5m", value_name = "DURATION")]
    pub backoff: String,
    /// Longest wait between crawls of a market that keeps failing.
    #[arg(long, default_value = "6h", value_name = "DURATION")]
    pub backoff_max: String,
    /// On SIGINT/SIGTERM, how long pages in flight may take to finish; after that they go back
    /// to the frontier unfinished (nothing is half-written either way).
    #[arg(long, default_value = "20s", value_name = "DURATION")]
    pub shutdown_grace: String,
    /// PostgreSQL only, required there: this worker's name in the fleet, unique per process
    /// (e.g. HOST-1). It holds this worker's leases on URLs and its roles; a worker restarted
    /// under its name first gives back what its previous process held.
    #[arg(long, value_name = "NAME")]
    pub worker: Option<String>,
    /// PostgreSQL only: how long a URL claimed by a worker (or a role such as starting a
    /// market's crawl) stays its own without renewal. A worker that dies hands its work on to the
    /// others after this.
    #[arg(long, default_value = "30s", value_name = "DURATION")]
    pub lease: String,
    #[command(flatten)]
    pub alerts: AlertArgs,
}

/// Where alerts go.
#[derive(Debug, Clone, Args)]
pub struct AlertArgs {
    /// Command run for each alert, through `sh -c`, with the alert as one JSON object on its
    /// standard input; a non-zero exit is retried later. armswatch itself makes no clearnet call:
    /// what the command does is the operator's choice.
    #[arg(long, value_name = "COMMAND", env = "ARMSWATCH_ALERT_COMMAND")]
    pub alert_command: Option<String>,
    /// Append each alert as one JSON line to this file.
    #[arg(long, value_name = "FILE.jsonl", env = "ARMSWATCH_ALERT_FILE")]
    pub alert_file: Option<PathBuf>,
    /// Also alert when a listing's best score reaches this (0..1), flagged or not.
    #[arg(long, value_name = "P")]
    pub alert_threshold: Option<f64>,
    /// Attempts per alert before it is given up (marked failed; `status` shows it).
    #[arg(long, default_value_t = 8, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub alert_attempts: u32,
    /// First wait before a failed alert is tried again; doubled after each further failure.
    #[arg(long, default_value = "30s", value_name = "DURATION")]
    pub alert_retry: String,
}

/// A market's settings kept in the database: the session a crawl sends to get past a login wall,
/// and its mirror addresses.
#[derive(Debug, Args)]
pub struct MarketArgs {
    #[command(subcommand)]
    pub command: MarketCommand,
}

#[derive(Debug, Subcommand)]
pub enum MarketCommand {
    /// Set the session cookie of a market (it overrides the profile's). A crawl stopped by a
    /// login wall continues where the wall stopped it on its next run.
    Session {
        /// The market's id.
        #[arg(value_name = "MARKET")]
        market: String,
        /// The Cookie header value, e.g. "session=abc123" (ARMSWATCH_COOKIE keeps it out of the
        /// shell history).
        #[arg(
            long,
            value_name = "COOKIE",
            env = "ARMSWATCH_COOKIE",
            hide_env_values = true
        )]
        cookie: String,
        /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
        #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
        db: crate::db::DbTarget,
    },
    /// A market's mirror onions: the crawl treats them as the same market and moves to one when
    /// the main address is down.
    Mirrors {
        #[command(subcommand)]
        command: MirrorsCommand,
    },
}

/// Watched vendors and terms: a listing that matches raises an alert in `armswatch run`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(subcommand)]
    pub command: WatchCommand,
}

#[derive(Debug, Subcommand)]
pub enum WatchCommand {
    /// Watch a vendor (its name, any market, case-insensitive) or a term (a regex on listing
    /// titles and descriptions, case-insensitive). Listings seen from now on are checked.
    Add {
        /// A vendor's name.
        #[arg(
            long,
            value_name = "NAME",
            required_unless_present = "term",
            conflicts_with = "term"
        )]
        vendor: Option<String>,
        /// A regular expression.
        #[arg(long, value_name = "REGEX")]
        term: Option<String>,
        /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
        #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
        db: crate::db::DbTarget,
        /// Print the new watch as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every watch.
    List {
        /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
        #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
        db: crate::db::DbTarget,
        #[command(flatten)]
        output: FormatArgs,
    },
    /// Stop watching (by id, as `watch list` shows it).
    Remove {
        #[arg(value_name = "ID")]
        id: i64,
        /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
        #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
        db: crate::db::DbTarget,
    },
}

/// Check that armswatch can work: the database (integrity, schema version, WAL), the model file,
/// the Tor path, each scheduled profile, free disk space, and the schedules. One line per check;
/// exit status 1 when a check fails.
#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Database: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST/DB.
    #[arg(long, value_name = "DB", env = crate::db::DB_ENV)]
    pub db: crate::db::DbTarget,
    /// The Tor path to check: arti (bootstrap embedded Tor), socks5h://HOST:PORT (the port
    /// answers and really is Tor), or direct (skip). Default: arti.
    #[arg(long, value_name = "TRANSPORT")]
    pub tor: Option<String>,
    /// Also check this profile (repeatable); scheduled profiles are always checked.
    #[arg(long, value_name = "FILE")]
    pub profile: Vec<PathBuf>,
    /// One JSON object per check instead of text.
    #[arg(long)]
    pub json: bool,
}
