//! Tor embedded in armswatch: an arti-client `TorClient` opens Tor streams to onion services, and
//! [`super::http1`] speaks HTTP/1.1 over them (TLS for `https` onions, the body decoded and capped),
//! keeping a market's streams alive for its next pages. Each answer carries the id of the circuit
//! it came over, so circuit isolation can be checked, not assumed.
//!
//! Configuration is loaded the way the `arti` binary loads it: armswatch's defaults (state and cache
//! in a directory under armswatch's data directory, never the user's home) with the user's `--arti-config` file
//! merged over them. Markets are kept apart by one `IsolationToken` per isolation key; tokens live
//! in memory only, so every process — every crawl run — starts on fresh circuits.
//!
//! Like the other transports this one never follows redirects, and it only fetches onion services:
//! a clearnet URL would leave Tor through an exit, which a market crawl never needs.

use super::http1::{error_chain, Opened, Pool};
use super::{FetchError, FetchRequest, FetchResponse, Transport};
use crate::policy::is_onion;
use armswatch_core::crawl::FailureKind;
use arti_client::config::BoolOrAuto;
use arti_client::{IsolationToken, StreamPrefs, TorClient, TorClientConfig};
use futures_util::future::BoxFuture;
use futures_util::StreamExt;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tor_config::{ConfigurationSource, ConfigurationSources};
use tor_proto::client::stream::ClientStreamCtrl;
use tor_rtcompat::PreferredRuntime;

/// How to start the embedded Tor client.
#[derive(Debug, Clone)]
pub struct ArtiSettings {
    /// Where arti keeps its state (guards) and cache (directory documents): `state/` and `cache/`
    /// in here. Normally armswatch's data directory + `arti/`, never the user's home.
    pub data_dir: PathBuf,
    /// A user arti configuration file (arti's TOML format) merged over armswatch's defaults.
    pub arti_config: Option<PathBuf>,
    /// Give up bootstrapping after this many seconds (offline, arti would retry forever).
    pub bootstrap_timeout_secs: u64,
    /// Promise of fresh circuits for this run. Isolation tokens and circuits live in memory only, so
    /// every process gets new ones whether or not this is set; it is recorded for the evidence log.
    pub fresh_circuits: bool,
    /// Keep a market's streams open for its next pages (HTTP keep-alive) instead of one Tor stream
    /// per page.
    pub keep_alive: bool,
    /// Highest onion-service proof-of-work effort to solve (`--max-pow-effort`); a connection whose
    /// puzzle asks for more is given up as [`FailureKind::OnionPowEffortTooHigh`]. `None`: arti's
    /// own cap (10000).
    pub max_pow_effort: Option<u32>,
}

/// The proof-of-work effort arti last started solving, in this process: fed by
/// [`pow_effort_seen`] (the binary's log layer reads arti's `beginning solve, Effort(N)`), watched by
/// every onion connection to log the effort and enforce `max_pow_effort`.
fn pow_channel() -> &'static tokio::sync::watch::Sender<u32> {
    static POW: std::sync::OnceLock<tokio::sync::watch::Sender<u32>> = std::sync::OnceLock::new();
    POW.get_or_init(|| tokio::sync::watch::channel(0).0)
}

/// Reports that arti started solving an onion service's proof-of-work puzzle at `effort`.
pub fn pow_effort_seen(effort: u32) {
    pow_channel().send_replace(effort);
}

/// The effort in one of arti's `tor_hsclient::pow` log messages (`beginning solve, Effort(120)`).
pub fn parse_pow_effort(message: &str) -> Option<u32> {
    let rest = message.strip_prefix("beginning solve")?;
    let start = rest.find("Effort(")? + "Effort(".len();
    let end = rest[start..].find(')')? + start;
    rest[start..end].trim().parse().ok()
}

/// Waits until arti starts solving at an effort above `max` (logging every effort it solves at)
/// and returns that effort; never returns otherwise.
async fn pow_above(host: &str, max: u32) -> u32 {
    let mut rx = pow_channel().subscribe();
    rx.borrow_and_update();
    loop {
        if rx.changed().await.is_err() {
            return std::future::pending().await;
        }
        let effort = *rx.borrow_and_update();
        tracing::info!(onion = %host, effort, max, "onion service proof-of-work: arti is solving the puzzle");
        if effort > max {
            return effort;
        }
    }
}

/// Why the embedded Tor client could not start.
#[derive(Debug, thiserror::Error)]
pub enum ArtiError {
    #[error("arti configuration {source_name}: {message}")]
    Config {
        source_name: String,
        message: String,
    },
    #[error("starting arti: {message}")]
    Start { message: String },
    #[error("arti did not bootstrap within {secs} s (last status: {status}); is Tor reachable?")]
    BootstrapTimeout { secs: u64, status: String },
    #[error("arti bootstrap failed: {message}")]
    Bootstrap { message: String },
}

impl armswatch_core::HasKind for ArtiError {
    fn kind(&self) -> armswatch_core::ErrorKind {
        use armswatch_core::ErrorKind;
        match self {
            ArtiError::Config { .. } => ErrorKind::Input,
            ArtiError::Start { .. } => ErrorKind::Local,
            ArtiError::BootstrapTimeout { .. } | ArtiError::Bootstrap { .. } => {
                ErrorKind::Transient
            }
        }
    }
}

/// Installs ring as rustls' process-wide crypto provider (arti's rustls runtime and tokio-rustls
/// need one). Calling it again, or after someone else installed one, is harmless.
pub fn install_rustls_provider() {
    // Err means a provider is already installed, which is all we need.
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// The embedded Tor client as a [`Transport`].
pub struct ArtiTransport {
    client: Arc<TorClient<PreferredRuntime>>,
    /// One isolation token per isolation key (market), created on first use.
    tokens: Mutex<HashMap<String, IsolationToken>>,
    pool: Pool,
    fresh_circuits: bool,
    max_pow_effort: Option<u32>,
}

impl ArtiTransport {
    /// Loads the configuration, starts arti and waits (at most `bootstrap_timeout_secs`) until it can
    /// build circuits, logging bootstrap progress at info level. Must run inside a tokio runtime.
    pub async fn bootstrap(settings: ArtiSettings) -> Result<ArtiTransport, ArtiError> {
        install_rustls_provider();
        let config = load_config(&settings.data_dir, settings.arti_config.as_deref())?;
        let runtime = PreferredRuntime::current().map_err(|e| ArtiError::Start {
            message: format!("no tokio runtime: {e}"),
        })?;
        let client = TorClient::with_runtime(runtime)
            .config(config)
            .create_unbootstrapped()
            .map_err(|e| ArtiError::Start {
                message: error_chain(&e),
            })?;

        let started = Instant::now();
        let mut events = client.bootstrap_events();
        let progress = tokio::spawn(async move {
            let mut last_percent = None;
            while let Some(status) = events.next().await {
                let percent = (status.as_frac() * 100.0).round() as u32;
                if last_percent != Some(percent) {
                    tracing::info!(percent, "arti bootstrap: {status}");
                    last_percent = Some(percent);
                }
            }
        });
        let secs = settings.bootstrap_timeout_secs;
        let outcome = tokio::time::timeout(Duration::from_secs(secs), client.bootstrap()).await;
        progress.abort();
        match outcome {
            Err(_) => {
                return Err(ArtiError::BootstrapTimeout {
                    secs,
                    status: client.bootstrap_status().to_string(),
                })
            }
            Ok(Err(e)) => {
                return Err(ArtiError::Bootstrap {
                    message: error_chain(&e),
                })
            }
            Ok(Ok(())) => {}
        }
        tracing::info!(
            elapsed_ms = started.elapsed().as_millis() as u64,
            fresh_circuits = settings.fresh_circuits,
            "arti bootstrapped"
        );
        Ok(ArtiTransport {
            client,
            tokens: Mutex::new(HashMap::new()),
            pool: Pool::new(settings.keep_alive),
            fresh_circuits: settings.fresh_circuits,
            max_pow_effort: settings.max_pow_effort,
        })
    }

    /// Whether this run was asked for fresh circuits (always true in effect; see [`ArtiSettings`]).
    pub fn fresh_circuits(&self) -> bool {
        self.fresh_circuits
    }

    fn stream_prefs(&self, isolation: &str) -> StreamPrefs {
        let token = {
            let mut tokens = self
                .tokens
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            *tokens
                .entry(isolation.to_string())
                .or_insert_with(IsolationToken::new)
        };
        let mut prefs = StreamPrefs::new();
        prefs.connect_to_onion_services(BoolOrAuto::Explicit(true));
        prefs.set_isolation(token);
        prefs
    }

    async fn fetch_inner<'a>(&'a self, req: &'a FetchRequest) -> Result<FetchResponse, FetchError> {
        let url = &req.url;
        let host = url.host_str().unwrap_or_default().to_string();
        if !matches!(url.scheme(), "http" | "https") {
            return Err(FetchError::Refused {
                url: url.to_string(),
                reason: format!("scheme `{}` is not http or https", url.scheme()),
            });
        }
        if !is_onion(&host) {
            return Err(FetchError::Refused {
                url: url.to_string(),
                reason: format!("{host} is not an onion address; the arti transport only fetches onion services"),
            });
        }
        let port = url.port_or_known_default().unwrap_or(80);
        let connect = || -> super::http1::Connect<'a> {
            Box::pin(async move {
                let prefs = self.stream_prefs(&req.isolation);
                tracing::debug!(%url, isolation = %req.isolation, "arti: opening stream");
                let max = self.max_pow_effort.unwrap_or(u32::MAX);
                let stream = tokio::select! {
                    r = self.client.connect_with_prefs((host.as_str(), port), &prefs) => {
                        r.map_err(|e| connect_error(url.as_str(), &host, &e))?
                    }
                    effort = pow_above(&host, max) => {
                        return Err(FetchError::Tor {
                            url: url.to_string(),
                            failure: FailureKind::OnionPowEffortTooHigh,
                            message: format!(
                                "onion service {host} asks for proof-of-work effort {effort}, \
                                 above --max-pow-effort {max}; not solved"
                            ),
                        });
                    }
                };
                let circuit = stream
                    .client_stream_ctrl()
                    .and_then(|c| c.tunnel())
                    .map(|t| t.unique_id().to_string());
                tracing::debug!(%url, isolation = %req.isolation, circuit = circuit.as_deref().unwrap_or("-"), "arti: stream open");
                Ok(Opened {
                    io: Box::new(stream),
                    circuit,
                })
            })
        };
        self.pool.fetch(req, connect).await
    }
}

impl Transport for ArtiTransport {
    fn name(&self) -> String {
        "arti".to_string()
    }

    fn is_tor(&self) -> bool {
        true
    }

    fn fetch<'a>(
        &'a self,
        req: &'a FetchRequest,
    ) -> BoxFuture<'a, Result<FetchResponse, FetchError>> {
        Box::pin(async move {
            let secs = req.timeout_secs;
            match tokio::time::timeout(Duration::from_secs(secs), self.fetch_inner(req)).await {
                Ok(r) => r,
                Err(_) => Err(FetchError::Timeout {
                    url: req.url.to_string(),
                    secs,
                }),
            }
        })
    }
}

/// armswatch's arti configuration: defaults (state and cache in `data_dir`) with `user_file` over
/// them.
pub fn load_config(
    data_dir: &Path,
    user_file: Option<&Path>,
) -> Result<TorClientConfig, ArtiError> {
    let mut sources = ConfigurationSources::new_empty();
    sources.push_source(
        ConfigurationSource::from_verbatim(default_config_toml(data_dir)),
        tor_config::sources::MustRead::MustRead,
    );
    let source_name = match user_file {
        Some(path) => {
            if !path.is_file() {
                return Err(ArtiError::Config {
                    source_name: path.display().to_string(),
                    message: "no such file".to_string(),
                });
            }
            sources.push_source(
                ConfigurationSource::from_path(path),
                tor_config::sources::MustRead::MustRead,
            );
            path.display().to_string()
        }
        None => "(armswatch defaults)".to_string(),
    };
    let config_error = |message: String| ArtiError::Config {
        source_name: source_name.clone(),
        message,
    };
    let tree = sources.load().map_err(|e| config_error(error_chain(&e)))?;
    tor_config::resolve::<TorClientConfig>(&tree).map_err(|e| config_error(error_chain(&e)))
}

/// armswatch's defaults in arti's TOML format: `data_dir/state` and `data_dir/cache`, as literal
/// paths (no `${HOME}` expansion).
fn default_config_toml(arti_dir: &Path) -> String {
    let literal = |p: PathBuf| {
        let mut t = toml::Table::new();
        t.insert(
            "literal".to_string(),
            toml::Value::String(p.to_string_lossy().into_owned()),
        );
        toml::Value::Table(t)
    };
    let mut storage = toml::Table::new();
    storage.insert("state_dir".to_string(), literal(arti_dir.join("state")));
    storage.insert("cache_dir".to_string(), literal(arti_dir.join("cache")));
    let mut root = toml::Table::new();
    root.insert("storage".to_string(), toml::Value::Table(storage));
    root.to_string()
}

/// Classifies a failure to open a Tor stream to `host`: whether retrying may help, and a message
/// that names the onion address.
fn connect_error(url: &str, host: &str, e: &arti_client::Error) -> FetchError {
    use arti_client::ErrorKind as K;
    let kind = arti_client::HasKind::kind(e);
    let chain = error_chain(e);
    let failure = match kind {
        K::OnionServiceNotFound => FailureKind::OnionDescriptorNotFound,
        K::OnionServiceAddressInvalid | K::InvalidStreamTarget => FailureKind::OnionAddressInvalid,
        K::OnionServiceMissingClientAuth | K::OnionServiceWrongClientAuth => {
            FailureKind::OnionClientAuth
        }
        K::ForbiddenStreamTarget => FailureKind::Refused,
        K::OnionServiceNotRunning => FailureKind::OnionIntroductionFailed,
        K::OnionServiceConnectionFailed
        | K::OnionServiceProtocolViolation
        | K::TorNetworkTimeout
        | K::RemoteNetworkTimeout => onion_stage(&chain).unwrap_or(match kind {
            K::TorNetworkTimeout | K::RemoteNetworkTimeout => FailureKind::Timeout,
            _ => FailureKind::OnionIntroductionFailed,
        }),
        K::RemoteConnectionRefused => FailureKind::Connection,
        _ => FailureKind::TorCircuit,
    };
    let what = match failure {
        FailureKind::OnionDescriptorNotFound => {
            "onion service descriptor not found (the service is down or the address is wrong)"
        }
        FailureKind::OnionAddressInvalid => "invalid onion address",
        FailureKind::OnionClientAuth => "the onion service requires client authorization",
        FailureKind::Refused => "arti refused the stream target",
        FailureKind::OnionIntroductionFailed => {
            "onion service introduction failed (the service is down or overloaded)"
        }
        FailureKind::OnionRendezvousFailed => "onion service rendezvous failed",
        FailureKind::Timeout => "Tor timed out reaching the onion service",
        FailureKind::Connection => "the onion service refused the connection",
        _ => "Tor circuit or stream failure",
    };
    FetchError::Tor {
        url: url.to_string(),
        failure,
        message: format!("{what}: {host} ({kind}: {chain})"),
    }
}

/// Which stage of an onion-service connection failed last, from arti's error text: the rendezvous
/// (circuit to the rendezvous point, its completion) or the introduction.
fn onion_stage(chain: &str) -> Option<FailureKind> {
    // arti's summary line names both stages; the attempts after it say which one failed.
    let text = chain
        .replace("using any Rendezvous Point / Introduction Point", "")
        .replace("using introduction point", "");
    let last = |needles: &[&str]| needles.iter().filter_map(|n| text.rfind(n)).max();
    let rendezvous = last(&["Rendezvous", "rendezvous"]);
    let intro = last(&["Introduction", "introduction", "INTRODUCE"]);
    match (rendezvous, intro) {
        (Some(r), Some(i)) if r > i => Some(FailureKind::OnionRendezvousFailed),
        (Some(_), None) => Some(FailureKind::OnionRendezvousFailed),
        (_, Some(_)) => Some(FailureKind::OnionIntroductionFailed),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use armswatch_core::HasKind;

    #[test]
    fn defaults_keep_arti_state_under_the_data_dir() {
        let dir = tempfile::tempdir().unwrap();
        let config = load_config(dir.path(), None).unwrap();
        let debug = format!("{config:?}");
        assert!(
            debug.contains(&dir.path().join("state").display().to_string()),
            "{debug}"
        );
        assert!(debug.contains(&dir.path().join("cache").display().to_string()));
    }

    #[test]
    fn user_file_is_merged_over_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("arti.toml");
        std::fs::write(&file, "[path_rules]\nipv4_subnet_family_prefix = 33\n").unwrap();
        let config = load_config(dir.path(), Some(&file)).unwrap();
        let debug = format!("{config:?}");
        assert!(debug.contains("ipv4_subnet_family_prefix: 33"), "{debug}");
        // The defaults' storage survives a user file that does not mention it.
        assert!(debug.contains(&dir.path().join("state").display().to_string()));
    }

    #[test]
    fn bad_user_file_is_an_input_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bad.toml");
        std::fs::write(&file, "[path_rules\n").unwrap();
        let err = load_config(dir.path(), Some(&file)).unwrap_err();
        assert_eq!(err.kind(), armswatch_core::ErrorKind::Input);
        assert!(err.to_string().contains("bad.toml"), "{err}");
        let missing = load_config(dir.path(), Some(&dir.path().join("missing.toml"))).unwrap_err();
        assert!(missing.to_string().contains("no such file"), "{missing}");
    }

    /// Guards the distinct onion failure kinds read from arti's error text: the stage that failed
    /// last wins, arti's summary line naming both stages is ignored.
    #[test]
    fn onion_stage_names_the_failed_stage() {
        let summary =
            "Unable to connect to hidden service using any Rendezvous Point / Introduction Point";
        assert_eq!(
            onion_stage(&format!(
                "{summary}: Attempt 1: Introduction point 0 reported error in its INTRODUCE_ACK"
            )),
            Some(FailureKind::OnionIntroductionFailed)
        );
        assert_eq!(
            onion_stage(&format!(
                "{summary}: Rendezvous at X using introduction point 1 took too long"
            )),
            Some(FailureKind::OnionRendezvousFailed)
        );
        assert_eq!(onion_stage(summary), None);
    }

    /// Guards the effort read from arti's solver log line, and nothing from other lines.
    #[test]
    fn pow_effort_is_read_from_arties_solver_message() {
        assert_eq!(parse_pow_effort("beginning solve, Effort(480)"), Some(480));
        assert_eq!(parse_pow_effort("solve complete, Ok(()) Effort(480)"), None);
        assert_eq!(parse_pow_effort("beginning solve, Effort(x)"), None);
    }

    /// Guards the cap: an effort above `max` ends the wait with that effort; efforts at or below
    /// it are only logged.
    #[tokio::test]
    async fn pow_effort_above_the_cap_is_reported() {
        let waiter = tokio::spawn(async { pow_above("x.onion", 100).await });
        tokio::time::sleep(Duration::from_millis(50)).await;
        pow_effort_seen(100);
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!waiter.is_finished(), "effort at the cap was refused");
        pow_effort_seen(800);
        let effort = tokio::time::timeout(Duration::from_secs(5), waiter)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(effort, 800);
    }

    /// Guards the solving path at a non-zero effort: arti's puzzle (tor-hscrypto v1, the crate
    /// arti-client's onion client runs) solved at effort 16 verifies as an onion service checks it,
    /// a proof claiming more effort than was spent is refused, and the effort arti logs when it
    /// starts that solve (its `Debug` of `Effort`) is the one read for `--max-pow-effort`.
    #[test]
    fn pow_puzzle_at_nonzero_effort_is_solved_verified_and_its_effort_read() {
        use tor_hscrypto::pow::v1::{Effort, Instance, Solution, SolverInput, Verifier};
        let instance = || Instance::new([0x5a; 32].into(), [0x17; 32].into());
        let effort = Effort::new(16);
        let solution = SolverInput::new(instance(), effort)
            .solve_with_nonce(&[0; 16].into())
            .run()
            .expect("solver runtime");
        assert_eq!(solution.effort(), effort);
        Verifier::new(instance())
            .check(&solution)
            .expect("service refused a solved puzzle");
        let inflated = Solution::try_from_bytes(
            solution.nonce().clone(),
            Effort::new(1_000_000),
            solution.seed_head(),
            &solution.proof_to_bytes(),
        )
        .unwrap();
        assert!(Verifier::new(instance()).check(&inflated).is_err());
        let other_service = Instance::new([0x5b; 32].into(), [0x17; 32].into());
        assert!(Verifier::new(other_service).check(&solution).is_err());

        let logged = format!("beginning solve, {effort:?}");
        assert_eq!(parse_pow_effort(&logged), Some(16), "{logged}");
    }

    #[tokio::test]
    async fn offline_bootstrap_times_out_with_a_clear_error() {
        // Nothing outside 127.0.0.1 is reachable in tests, so the default network never bootstraps.
        let dir = tempfile::tempdir().unwrap();
        let settings = ArtiSettings {
            data_dir: dir.path().to_path_buf(),
            arti_config: None,
            bootstrap_timeout_secs: 2,
            fresh_circuits: true,
            keep_alive: true,
            max_pow_effort: None,
        };
        let err = ArtiTransport::bootstrap(settings).await.err().unwrap();
        assert!(
            matches!(err, ArtiError::BootstrapTimeout { secs: 2, .. }),
            "{err}"
        );
        assert!(
            dir.path().join("state").exists(),
            "state not under the data dir"
        );
    }
}
