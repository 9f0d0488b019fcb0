//! Wiring shared by the subcommands: logging, the data directory, the model, dispatch.

use crate::cli::{Cli, Command, GlobalArgs, LogFormat};
use anyhow::{Context, Result};
use armswatch_classifier::Classifier;
use std::path::PathBuf;
use std::process::ExitCode;

/// The model shipped with armswatch, built into the binary so it works from any directory.
const SHIPPED_MODEL: &[u8] = include_bytes!("../models/armswatch-linear.model");

/// Logs go to stderr through `tracing`; results go to stdout. Onion addresses and cookies are
/// scrubbed from every line unless `--unsafe-log`; `--log-format json` writes one JSON object per
/// line; on a terminal, progress bars are drawn under the log lines.
pub fn init_logging(g: &GlobalArgs) {
    use crate::redact::Redacting;
    use std::io::IsTerminal;
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    use tracing_subscriber::Layer;
    crate::redact::set_unsafe(g.unsafe_log);
    let default = if g.quiet {
        "error"
    } else {
        match g.verbose {
            // Arti's own crates log circuit-building noise at warn on small or private networks;
            // armswatch reports bootstrap progress and fetch failures itself. -v shows it all.
            0 => "info,rusqlite_migration=warn,arti_client=error,tor_guardmgr=error,tor_chanmgr=error,tor_circmgr=error,tor_dirmgr=error,tor_hsclient=error,tor_proto=error,tor_netdir=error,tor_relay_selection=error,tor_memquota=error,tor_rtcompat=error,tor_persist=error,tor_dirclient=error",
            1 => "debug,hyper=info,reqwest=info,html5ever=info,selectors=info",
            _ => "trace",
        }
    };
    let filter = || {
        tracing_subscriber::EnvFilter::try_from_default_env()
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default))
    };
    match g.log_format {
        LogFormat::Json => {
            let fmt = tracing_subscriber::fmt::layer()
                .json()
                .with_writer(Redacting(std::io::stderr))
                .with_filter(filter());
            let _ = tracing_subscriber::registry()
                .with(fmt)
                .with(pow_layer())
                .try_init();
        }
        LogFormat::Text if std::io::stderr().is_terminal() && !g.quiet => {
            let bars = tracing_indicatif::IndicatifLayer::new();
            let fmt = tracing_subscriber::fmt::layer()
                .with_target(false)
                .with_writer(Redacting(bars.get_stderr_writer()))
                .with_filter(filter());
            let ok = tracing_subscriber::registry()
                .with(fmt)
                .with(bars.with_filter(tracing_indicatif::filter::IndicatifFilter::new(false)))
                .with(pow_layer())
                .try_init()
                .is_ok();
            crate::progress::enable_bars(ok);
        }
        LogFormat::Text => {
            let fmt = tracing_subscriber::fmt::layer()
                .with_ansi(std::io::stderr().is_terminal())
                .with_writer(Redacting(std::io::stderr))
                .with_target(false)
                .with_filter(filter());
            let _ = tracing_subscriber::registry()
                .with(fmt)
                .with(pow_layer())
                .try_init();
        }
    }
}

/// arti's onion proof-of-work solver says at debug level which effort it solves at; this layer
/// sees those lines whatever the log level, for the effort log and --max-pow-effort.
fn pow_layer<S>(
) -> tracing_subscriber::filter::Filtered<PowEffortLayer, tracing_subscriber::filter::Targets, S>
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
{
    use tracing_subscriber::Layer;
    PowEffortLayer.with_filter(
        tracing_subscriber::filter::Targets::new()
            .with_target("tor_hsclient::pow", tracing::Level::DEBUG),
    )
}

/// Passes the effort of each onion proof-of-work arti starts solving to the arti transport.
struct PowEffortLayer;

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for PowEffortLayer {
    fn on_event(
        &self,
        event: &tracing::Event<'_>,
        _ctx: tracing_subscriber::layer::Context<'_, S>,
    ) {
        struct Message(String);
        impl tracing::field::Visit for Message {
            fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
                if field.name() == "message" {
                    self.0 = format!("{value:?}");
                }
            }
        }
        let mut m = Message(String::new());
        event.record(&mut m);
        if let Some(effort) = armswatch_crawler::transport::arti::parse_pow_effort(&m.0) {
            armswatch_crawler::transport::arti::pow_effort_seen(effort);
        }
    }
}

/// Runs one subcommand.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let g = cli.global;
    match cli.command {
        Command::Demo(a) => crate::cmd::demo::run(&g, a),
        Command::Crawl(a) => crate::cmd::crawl::run(&g, a),
        Command::Classify(a) => crate::cmd::classify::run(&g, a),
        Command::Flagged(a) => crate::cmd::flagged::run(a),
        Command::Status(a) => crate::cmd::status::run(a),
        Command::Extract(a) => crate::cmd::extract::run(a),
        Command::Migrate(a) => crate::cmd::migrate::run(a),
        Command::Train(a) => crate::cmd::train::run(a),
        Command::Eval(a) => crate::cmd::eval::run(&g, a),
        Command::Markets(a) => crate::cmd::markets::run(a),
        Command::Vendors(a) => crate::cmd::vendors::run(a),
        Command::Listings(a) => crate::cmd::listings::run(a),
        Command::Stats(a) => crate::cmd::stats::run(a),
        Command::Export(a) => crate::cmd::export::run(a),
        Command::Serve(a) => crate::serve::run(a),
        Command::Review(c) => crate::cmd::review::run(c),
        Command::Verify(a) => crate::cmd::verify::run(a),
        Command::Schedule(a) => crate::cmd::schedule::run(a),
        Command::Run(a) => crate::daemon::run(&g, a),
        Command::Market(a) => crate::cmd::market::run(a),
        Command::Watch(a) => crate::cmd::watch::run(a),
        Command::Doctor(a) => crate::cmd::doctor::run(&g, a),
    }
}

/// A multi-threaded tokio runtime for the network commands.
pub fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}

/// armswatch's data directory (created if missing).
pub fn data_dir(g: &GlobalArgs) -> Result<PathBuf> {
    let dir = if let Some(d) = &g.data_dir {
        d.clone()
    } else if let Some(d) = std::env::var_os("ARMSWATCH_HOME") {
        PathBuf::from(d)
    } else if let Some(d) = std::env::var_os("XDG_DATA_HOME") {
        PathBuf::from(d).join("armswatch")
    } else if let Some(h) = std::env::var_os("HOME") {
        PathBuf::from(h).join(".local/share/armswatch")
    } else {
        PathBuf::from(".armswatch")
    };
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("creating the data directory {}", dir.display()))?;
    Ok(dir)
}

/// The model to classify with: `--model FILE`, else the shipped one.
pub fn load_model(g: &GlobalArgs) -> Result<Classifier> {
    match &g.model {
        Some(p) => Classifier::load(p).with_context(|| format!("loading model {}", p.display())),
        None => Classifier::from_bytes(SHIPPED_MODEL).context("loading the shipped model"),
    }
}

/// Whether an error is a closed stdout (`armswatch flagged | head`): not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
