//! Alerts: new flagged listings, listings whose best score reaches `--alert-threshold`, and
//! listings of watched vendors or matching watched terms. Each event is recorded once in the
//! database (a unique key per listing and kind, or per listing and watch), then delivered: one JSON
//! line appended to the alerts file, and the hook command run with the JSON on its stdin. A failed
//! command is retried with a growing wait; a delivered alert is never sent again, also after a
//! restart. The payload carries the alert's `id`, so a receiver can drop the one duplicate a crash
//! between "command succeeded" and "recorded as delivered" could cause.

use crate::cli::AlertArgs;
use crate::daemon::timing;
use anyhow::{Context, Result};
use armswatch_store::{rfc3339, AlertListing, AlertQuery, AlertRecord, NewAlert, OpsStore, Watch};
use regex::RegexBuilder;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long a hook command may run before it is killed and the attempt counted failed.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

/// Alerts delivered per pass at most (the rest wait for the next tick).
const PER_PASS: usize = 200;

/// Where alerts go and how they are retried.
#[derive(Debug, Clone, Default)]
pub struct AlertConfig {
    pub command: Option<String>,
    pub file: Option<PathBuf>,
    pub threshold: Option<f64>,
    pub attempts: u32,
    pub retry_secs: u64,
}

impl AlertConfig {
    /// From `armswatch run`'s flags.
    pub fn from_args(a: &AlertArgs) -> Result<AlertConfig> {
        if let Some(t) = a.alert_threshold {
            if !(0.0..=1.0).contains(&t) {
                anyhow::bail!("--alert-threshold {t}: expected a score between 0 and 1");
            }
        }
        Ok(AlertConfig {
            command: a.alert_command.clone().filter(|c| !c.trim().is_empty()),
            file: a.alert_file.clone(),
            threshold: a.alert_threshold,
            attempts: a.alert_attempts,
            retry_secs: timing::parse_duration(&a.alert_retry)
                .context("--alert-retry")?
                .max(1),
        })
    }

    /// Whether alerts go anywhere (without a command or a file none are raised).
    pub fn enabled(&self) -> bool {
        self.command.is_some() || self.file.is_some()
    }
}

/// The JSON an alert carries (its `id` is added when it is delivered).
fn payload(kind: &str, l: &AlertListing, watch: Option<&Watch>) -> String {
    let parse = |s: &Option<String>| {
        s.as_deref()
            .and_then(|j| serde_json::from_str::<serde_json::Value>(j).ok())
            .unwrap_or(serde_json::Value::Null)
    };
    serde_json::json!({
        "kind": kind,
        "market": l.market.as_str(),
        "listing_id": l.listing_id,
        "listing_version": l.version,
        "url": l.url,
        "title": l.title,
        "vendor": l.vendor,
        "price": l.price_text,
        "currency": l.currency,
        "flagged": l.flagged,
        "max_score": l.max_score,
        "labels": parse(&l.labels_json),
        "scores": parse(&l.scores_json),
        "first_seen": rfc3339(l.first_seen),
        "watch": watch.map(|w| serde_json::json!({"id": w.id, "kind": w.kind, "pattern": w.pattern})),
    })
    .to_string()
}

/// Finds new alert events and records them (each once). Returns how many were new.
pub fn raise(store: &dyn OpsStore, cfg: &AlertConfig) -> Result<usize> {
    let mut alerts = Vec::new();
    for l in store.alert_listings(AlertQuery::NewlyFlagged)? {
        alerts.push(NewAlert {
            dedup_key: format!("flagged:{}", l.listing_id),
            kind: "flagged".into(),
            listing_id: Some(l.listing_id),
            watch_id: None,
            payload_json: payload("flagged", &l, None),
        });
    }
    if let Some(t) = cfg.threshold {
        for l in store.alert_listings(AlertQuery::ScoreAtLeast(t))? {
            alerts.push(NewAlert {
                dedup_key: format!("score:{}", l.listing_id),
                kind: "score".into(),
                listing_id: Some(l.listing_id),
                watch_id: None,
                payload_json: payload("score", &l, None),
            });
        }
    }
    let scan_started = time::OffsetDateTime::now_utc().unix_timestamp();
    let watches = store.watches()?;
    for w in &watches {
        let matcher = match watch_matcher(w) {
            Ok(m) => m,
            Err(e) => {
                tracing::error!("watch {}: {e:#}", w.id);
                continue;
            }
        };
        for l in store.alert_listings(AlertQuery::VersionSince(w.scanned_until))? {
            if matcher(&l) {
                alerts.push(NewAlert {
                    dedup_key: format!("watch:{}:{}", w.id, l.listing_id),
                    kind: w.kind.clone(),
                    listing_id: Some(l.listing_id),
                    watch_id: Some(w.id),
                    payload_json: payload(&w.kind, &l, Some(w)),
                });
            }
        }
    }
    let n = store.insert_alerts(&alerts)?;
    // Versions first seen in the same second as this scan may still be written: look at that
    // second again next time (the unique keys drop what was seen twice).
    for w in &watches {
        store.set_watch_scanned(w.id, scan_started)?;
    }
    if n > 0 {
        tracing::info!("{n} new alerts");
    }
    Ok(n)
}

/// Whether a listing matches a watch.
type Matcher = Box<dyn Fn(&AlertListing) -> bool>;

/// What a watch matches: a vendor's name (case-insensitive, exact), or a term (regex,
/// case-insensitive) in a title or description.
fn watch_matcher(w: &Watch) -> Result<Matcher> {
    match w.kind.as_str() {
        "vendor" => {
            let name = w.pattern.to_lowercase();
            Ok(Box::new(move |l| {
                l.vendor
                    .as_deref()
                    .is_some_and(|v| v.trim().to_lowercase() == name)
            }))
        }
        _ => {
            let re = RegexBuilder::new(&w.pattern)
                .case_insensitive(true)
                .size_limit(1 << 20)
                .build()
                .with_context(|| format!("bad regex {:?}", w.pattern))?;
            Ok(Box::new(move |l| {
                re.is_match(&l.title) || l.description.as_deref().is_some_and(|d| re.is_match(d))
            }))
        }
    }
}

/// Delivers the alerts that are due. Returns how many were delivered.
pub fn deliver(store: &dyn OpsStore, cfg: &AlertConfig) -> Result<usize> {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let mut delivered = 0;
    for a in store.due_alerts(now, PER_PASS)? {
        let line = with_id(&a);
        let result = deliver_one(store, cfg, &a, &line);
        match result {
            Ok(()) => {
                store.alert_attempt(a.id, None, None)?;
                delivered += 1;
            }
            Err(e) => {
                let attempts = a.attempts + 1;
                let msg = format!("{e:#}");
                let retry_at = (attempts < cfg.attempts).then(|| {
                    let wait = timing::backoff_secs(cfg.retry_secs, 3600, attempts);
                    now + i64::try_from(wait).unwrap_or(3600)
                });
                match retry_at {
                    Some(t) => tracing::warn!(
                        "alert {}: delivery attempt {attempts} failed ({msg}); retrying at {}",
                        a.id,
                        rfc3339(t)
                    ),
                    None => tracing::error!(
                        "alert {}: delivery failed {attempts} times ({msg}); giving up",
                        a.id
                    ),
                }
                store.alert_attempt(a.id, Some(&msg), retry_at)?;
            }
        }
    }
    Ok(delivered)
}

/// The stored payload with the alert's id and time.
fn with_id(a: &AlertRecord) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(&a.payload_json).unwrap_or(serde_json::Value::Null);
    if let Some(o) = v.as_object_mut() {
        o.insert("id".into(), a.id.into());
        o.insert("alerted_at".into(), rfc3339(a.created_at).into());
    }
    v.to_string()
}

fn deliver_one(store: &dyn OpsStore, cfg: &AlertConfig, a: &AlertRecord, line: &str) -> Result<()> {
    if let (Some(path), None) = (&cfg.file, a.file_written_at) {
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .with_context(|| format!("opening the alerts file {}", path.display()))?;
        f.write_all(format!("{line}\n").as_bytes())
            .and_then(|()| f.sync_data())
            .with_context(|| format!("writing the alerts file {}", path.display()))?;
        store.alert_file_written(a.id)?;
    }
    if let Some(cmd) = &cfg.command {
        run_hook(cmd, line, a.id)?;
    }
    Ok(())
}

/// Runs the hook command through `sh -c` with `payload` on stdin; fails on a non-zero exit, a
/// signal or the timeout.
fn run_hook(cmd: &str, payload: &str, id: i64) -> Result<()> {
    use std::process::{Command, Stdio};
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .env("ARMSWATCH_ALERT_ID", id.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .context("starting the alert command")?;
    if let Some(mut stdin) = child.stdin.take() {
        // A command that does not read its input is not an error.
        let _ = stdin.write_all(payload.as_bytes());
    }
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            if status.success() {
                return Ok(());
            }
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                use std::io::Read;
                let _ = e.by_ref().take(500).read_to_string(&mut err);
            }
            anyhow::bail!(
                "the alert command exited with {status}{}",
                if err.trim().is_empty() {
                    String::new()
                } else {
                    format!(": {}", crate::output::sanitize(err.trim()))
                }
            );
        }
        if started.elapsed() > COMMAND_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            anyhow::bail!(
                "the alert command ran longer than {}s and was killed",
                COMMAND_TIMEOUT.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
