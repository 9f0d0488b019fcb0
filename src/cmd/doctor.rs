//! `armswatch doctor`: checks that armswatch can work, one line per check: the database
//! (integrity, schema version, WAL), the daemon, the model, the Tor path (arti bootstraps, or the
//! SOCKS port answers and really is Tor), each profile (parses, selectors compile), free disk
//! space, the schedules, the markets and the alerts. Exit status 1 when a check fails. On
//! PostgreSQL the database check is the connection and schema, the daemon check lists the live
//! workers of the fleet by their roles, and free disk space is the server's business.

use crate::app;
use crate::cli::{DoctorArgs, GlobalArgs};
use crate::cmd::schedule::{next_crawl, ScheduleOptions};
use crate::daemon::{lock, timing::Cadence};
use crate::output::sanitize;
use crate::pipeline::{self, TransportChoice};
use anyhow::Result;
use armswatch_crawler::extract::Extractor;
use armswatch_crawler::profile::Profile;
use armswatch_store::{rfc3339, schema_version, CaseStore, OpsStore, PgStore, Store};
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Free space below this is a failure; below [`DISK_WARN`] a warning.
const DISK_FAIL: u64 = 100 << 20;
const DISK_WARN: u64 = 1 << 30;

/// How long the SOCKS checks wait for an answer.
const SOCKS_TIMEOUT: Duration = Duration::from_secs(10);

/// The database, as the reads of `status` and as the operations store.
type Stores = (Arc<dyn CaseStore>, Arc<dyn OpsStore>);

/// One check's result.
#[derive(Debug, Serialize)]
struct Check {
    check: String,
    /// `ok`, `warn` or `fail`.
    status: &'static str,
    detail: String,
}

#[derive(Default)]
struct Checks(Vec<Check>);

impl Checks {
    fn add(&mut self, check: impl Into<String>, status: &'static str, detail: impl Into<String>) {
        self.0.push(Check {
            check: check.into(),
            status,
            detail: detail.into(),
        });
    }
    fn ok(&mut self, c: impl Into<String>, d: impl Into<String>) {
        self.add(c, "ok", d);
    }
    fn warn(&mut self, c: impl Into<String>, d: impl Into<String>) {
        self.add(c, "warn", d);
    }
    fn fail(&mut self, c: impl Into<String>, d: impl Into<String>) {
        self.add(c, "fail", d);
    }
}

/// `armswatch doctor`.
pub fn run(g: &GlobalArgs, a: DoctorArgs) -> Result<ExitCode> {
    let mut c = Checks::default();
    let (store, daemon): (Option<Stores>, bool) = match &a.db {
        crate::db::DbTarget::Sqlite(db) => {
            let store = check_database(&mut c, db).map(Arc::new);
            let daemon = lock::holder(db);
            match daemon {
                Some(pid) => c.ok("daemon", format!("armswatch run is running (pid {pid})")),
                None => c.ok("daemon", "no armswatch run holds this database"),
            }
            let store = store.map(|s| (s.clone() as Arc<dyn CaseStore>, s as Arc<dyn OpsStore>));
            (store, daemon.is_some())
        }
        crate::db::DbTarget::Postgres(url) => match check_postgres(&mut c, url) {
            Some((pg, daemon)) => (
                Some((pg.clone() as Arc<dyn CaseStore>, pg as Arc<dyn OpsStore>)),
                daemon,
            ),
            None => (None, false),
        },
    };
    match app::load_model(g) {
        Ok(m) => c.ok(
            "model",
            format!("{} version {}", m.model_id(), m.model_version()),
        ),
        Err(e) => c.fail("model", format!("{e:#}")),
    }
    let schedules = match &store {
        Some((_, s)) => s.schedules().unwrap_or_else(|e| {
            c.fail("schedules", format!("{e:#}"));
            Vec::new()
        }),
        None => Vec::new(),
    };
    // Profiles: the scheduled ones and the ones given.
    let mut transports: Vec<TransportChoice> = Vec::new();
    for s in &schedules {
        let name = format!("profile {}", s.market);
        let opts: ScheduleOptions = match serde_json::from_str(&s.options_json) {
            Ok(o) => o,
            Err(e) => {
                c.fail(name, format!("bad schedule options: {e}"));
                continue;
            }
        };
        match check_profile(Path::new(&s.profile_path)).and_then(|()| opts.plan(&s.profile_path)) {
            Ok(plan) => {
                c.ok(
                    name,
                    format!("{}: parses, selectors compile", s.profile_path),
                );
                if !transports.contains(&plan.transport) {
                    transports.push(plan.transport);
                }
            }
            Err(e) => c.fail(name, format!("{}: {e:#}", s.profile_path)),
        }
    }
    for p in &a.profile {
        let name = format!("profile {}", p.display());
        match check_profile(p) {
            Ok(()) => c.ok(name, "parses, selectors compile"),
            Err(e) => c.fail(name, format!("{e:#}")),
        }
    }
    if let Some(t) = &a.tor {
        transports = vec![match t.as_str() {
            "arti" => TransportChoice::Arti,
            "direct" => TransportChoice::Direct,
            s if s.starts_with("socks5h://") => TransportChoice::Socks(s.to_string()),
            s => anyhow::bail!("--tor {s}: expected arti, direct or socks5h://HOST:PORT"),
        }];
    } else if transports.is_empty() {
        transports.push(TransportChoice::Arti);
    }
    let rt = app::runtime()?;
    for t in &transports {
        check_tor(&mut c, &rt, g, t);
    }
    if let crate::db::DbTarget::Sqlite(db) = &a.db {
        check_disk(&mut c, db);
    }
    if let Some((case, ops)) = &store {
        check_schedules(&mut c, daemon, &schedules);
        check_markets_and_alerts(&mut c, case.as_ref(), ops.as_ref());
    }
    let failed = c.0.iter().any(|x| x.status == "fail");
    let mut out = std::io::stdout().lock();
    use std::io::Write;
    for x in &c.0 {
        if a.json {
            writeln!(out, "{}", serde_json::to_string(x)?)?;
        } else {
            writeln!(
                out,
                "{:<5} {:<22} {}",
                x.status,
                sanitize(&x.check),
                sanitize(&x.detail)
            )?;
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn check_database(c: &mut Checks, db: &Path) -> Option<Store> {
    if !db.exists() {
        c.fail("database", format!("no database at {}", db.display()));
        return None;
    }
    let store = match Store::open_read_only(db) {
        Ok(s) => s,
        Err(e) => {
            c.fail("database", format!("{e:#}"));
            return None;
        }
    };
    match store.health() {
        Ok(h) => {
            if h.sound() {
                c.ok("database integrity", "quick_check ok");
            } else {
                c.fail("database integrity", h.integrity.join("; "));
            }
            if h.schema_version == schema_version() as i64 {
                c.ok("database schema", format!("version {}", h.schema_version));
            } else {
                c.fail(
                    "database schema",
                    format!(
                        "version {}, this armswatch uses {}: run `armswatch migrate`",
                        h.schema_version,
                        schema_version()
                    ),
                );
            }
            if h.journal_mode == "wal" {
                c.ok("database WAL", "journal_mode wal");
            } else {
                c.warn(
                    "database WAL",
                    format!(
                        "journal_mode {} (a crawl or `armswatch migrate` sets wal)",
                        h.journal_mode
                    ),
                );
            }
        }
        Err(e) => c.fail("database integrity", format!("{e:#}")),
    }
    Some(store)
}

/// A PostgreSQL database: connects (applying this build's migrations) and has this build's
/// schema; the live workers of the fleet by their roles. Returns the store and whether a worker
/// is live.
fn check_postgres(c: &mut Checks, url: &str) -> Option<(Arc<PgStore>, bool)> {
    let pg = match PgStore::connect(url) {
        Ok(pg) => Arc::new(pg),
        Err(e) => {
            c.fail("database", format!("{e:#}"));
            return None;
        }
    };
    match pg.schema_version() {
        Ok(v) if v == armswatch_store::pg_schema_version() => {
            c.ok("database schema", format!("PostgreSQL, version {v}"))
        }
        Ok(v) => c.fail(
            "database schema",
            format!(
                "PostgreSQL, version {v}, this armswatch uses {}",
                armswatch_store::pg_schema_version()
            ),
        ),
        Err(e) => c.fail("database schema", format!("{e:#}")),
    }
    let live = match pg.role_holders() {
        Ok(holders) if holders.is_empty() => {
            c.ok(
                "daemon",
                "no `armswatch run --worker` holds a role (no fleet worker is busy or leading)",
            );
            false
        }
        Ok(holders) => {
            let text: Vec<String> = holders
                .iter()
                .map(|h| format!("{} ({})", h.worker, h.role))
                .collect();
            c.ok("daemon", format!("fleet workers: {}", text.join(", ")));
            true
        }
        Err(e) => {
            c.fail("daemon", format!("{e:#}"));
            false
        }
    };
    Some((pg, live))
}

/// A profile parses and its selectors compile.
fn check_profile(p: &Path) -> Result<()> {
    let profile = Profile::load(p)?;
    Extractor::new(Some(&profile))?;
    Ok(())
}

fn check_tor(c: &mut Checks, rt: &tokio::runtime::Runtime, g: &GlobalArgs, t: &TransportChoice) {
    match t {
        TransportChoice::Direct => c.ok("tor", "direct (no Tor): nothing to check"),
        TransportChoice::Socks(url) => match rt.block_on(check_socks(url)) {
            Ok(d) => c.ok("tor", d),
            Err(e) => c.fail("tor", format!("{url}: {e:#}")),
        },
        TransportChoice::Arti => {
            let dir = match app::data_dir(g) {
                Ok(d) => d.join("arti"),
                Err(e) => return c.fail("tor", format!("{e:#}")),
            };
            match rt.block_on(pipeline::build_transport(t, dir, None, false, true, None)) {
                Ok(_) => c.ok("tor", "embedded arti bootstrapped"),
                Err(e) => c.fail("tor", format!("embedded arti: {e:#}")),
            }
        }
    }
}

/// The SOCKS port accepts a SOCKS5 greeting, and answers an HTTP request the way only Tor does
/// ("Tor is not an HTTP Proxy"). Nothing leaves the machine.
async fn check_socks(url: &str) -> Result<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;
    let u = url::Url::parse(url)?;
    let host = u.host_str().unwrap_or("127.0.0.1").to_string();
    let port = u.port().unwrap_or(9050);
    let connect = || tokio::time::timeout(SOCKS_TIMEOUT, TcpStream::connect((host.as_str(), port)));
    let mut s = connect()
        .await
        .map_err(|_| anyhow::anyhow!("no answer within {}s", SOCKS_TIMEOUT.as_secs()))??;
    s.write_all(&[5, 1, 0]).await?;
    let mut reply = [0u8; 2];
    tokio::time::timeout(SOCKS_TIMEOUT, s.read_exact(&mut reply))
        .await
        .map_err(|_| anyhow::anyhow!("no SOCKS5 answer within {}s", SOCKS_TIMEOUT.as_secs()))?
        .map_err(|e| anyhow::anyhow!("not a SOCKS5 proxy ({e})"))?;
    if reply != [5, 0] {
        anyhow::bail!("not a SOCKS5 proxy without authentication (answered {reply:?})");
    }
    drop(s);
    let mut s = connect()
        .await
        .map_err(|_| anyhow::anyhow!("no answer within {}s", SOCKS_TIMEOUT.as_secs()))??;
    s.write_all(b"GET / HTTP/1.0\r\n\r\n").await?;
    let mut buf = Vec::new();
    let _ = tokio::time::timeout(SOCKS_TIMEOUT, s.take(4096).read_to_end(&mut buf)).await;
    if String::from_utf8_lossy(&buf).contains("Tor is not an HTTP Proxy") {
        Ok(format!("{host}:{port} is a Tor SOCKS port"))
    } else {
        anyhow::bail!("{host}:{port} speaks SOCKS5 but does not identify as Tor")
    }
}

fn check_disk(c: &mut Checks, db: &Path) {
    let dir = db
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(cpath) = std::ffi::CString::new(dir.as_os_str().as_encoded_bytes()) else {
        return c.warn("disk", "the database path holds a NUL byte");
    };
    // SAFETY: statvfs fills a zeroed C struct for a NUL-terminated path.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(cpath.as_ptr(), &mut st) } != 0 {
        return c.warn(
            "disk",
            format!(
                "cannot read free space of {}: {}",
                dir.display(),
                std::io::Error::last_os_error()
            ),
        );
    }
    let free = (st.f_bavail as u64).saturating_mul(st.f_frsize as u64);
    let text = format!("{} MiB free in {}", free >> 20, dir.display());
    if free < DISK_FAIL {
        c.fail("disk", text);
    } else if free < DISK_WARN {
        c.warn("disk", text);
    } else {
        c.ok("disk", text);
    }
}

fn check_schedules(c: &mut Checks, daemon: bool, schedules: &[armswatch_store::Schedule]) {
    if schedules.is_empty() {
        c.warn(
            "schedules",
            "none (add one with `armswatch schedule add PROFILE --every 6h`)",
        );
        return;
    }
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    for s in schedules {
        let name = format!("schedule {}", s.market);
        if let Err(e) = Cadence::of(s) {
            c.fail(name, format!("{e:#}"));
            continue;
        }
        let when = Cadence::describe(s);
        if s.paused {
            c.warn(name, format!("{when}: paused"));
        } else if s.failures > 0 {
            c.warn(
                name,
                format!(
                    "{when}: {} failed crawls in a row, backed off until {}",
                    s.failures,
                    s.backoff_until.map(rfc3339).unwrap_or_default()
                ),
            );
        } else {
            let next = next_crawl(s).unwrap_or(now);
            // Overdue by more than a minute while a daemon runs: the queue is stalled.
            if daemon && next + 60 < now {
                c.warn(name, format!("{when}: overdue since {}", rfc3339(next)));
            } else {
                c.ok(name, format!("{when}, next crawl {}", rfc3339(next)));
            }
        }
    }
}

fn check_markets_and_alerts(c: &mut Checks, case: &dyn CaseStore, store: &dyn OpsStore) {
    if let Ok(markets) = case.markets() {
        for m in markets {
            let name = format!("market {}", m.id);
            let reason = m.state_reason.unwrap_or_default();
            match m.state.as_str() {
                "ok" => {
                    let last = m
                        .last_run
                        .map(|r| format!("last crawl {} {}", rfc3339(r.started_at), r.status))
                        .unwrap_or_else(|| "never crawled".into());
                    c.ok(name, last);
                }
                st => c.warn(name, format!("{st}: {reason}")),
            }
        }
    }
    match store.alert_counts() {
        Ok(counts) => {
            let get = |s: &str| {
                counts
                    .iter()
                    .find(|(k, _)| k == s)
                    .map(|(_, n)| *n)
                    .unwrap_or(0)
            };
            let text = format!(
                "{} delivered, {} pending, {} failed",
                get("delivered"),
                get("pending"),
                get("failed")
            );
            if get("failed") > 0 {
                c.fail(
                    "alerts",
                    format!("{text} (delivery gave up: check the alert command)"),
                );
            } else {
                c.ok("alerts", text);
            }
        }
        Err(e) => c.fail("alerts", format!("{e:#}")),
    }
}
