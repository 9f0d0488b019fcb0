//! Progress of long jobs (crawl, train, eval, export). On a terminal: an indicatif bar tied to a
//! tracing span (tracing-indicatif keeps log lines from tearing it). Otherwise (a pipe, a file,
//! journald): a plain log line every [`PLAIN_EVERY`], and one at the end.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};
use tracing_indicatif::span_ext::IndicatifSpanExt;

/// How often the plain progress line is written when stderr is not a terminal.
pub const PLAIN_EVERY: Duration = Duration::from_secs(10);

/// Whether bars are drawn (stderr is a terminal and logging is text, not quiet); set once by
/// `init_logging`.
static BARS: AtomicBool = AtomicBool::new(false);

/// Draw bars from now on.
pub fn enable_bars(on: bool) {
    BARS.store(on, Ordering::Relaxed);
}

struct Shared {
    name: String,
    unit: &'static str,
    pos: AtomicU64,
    len: AtomicU64,
    done: Mutex<bool>,
    wake: Condvar,
    started: Instant,
}

/// One job's progress. Cheap to clone; the job ends when the last clone is dropped or
/// [`Progress::finish`] is called.
#[derive(Clone)]
pub struct Progress {
    shared: Arc<Shared>,
    span: Option<tracing::Span>,
    _ender: Arc<Ender>,
}

/// Ends the plain reporter thread when the last [`Progress`] goes.
struct Ender(Arc<Shared>);

impl Drop for Ender {
    fn drop(&mut self) {
        let mut d = self.0.done.lock().unwrap_or_else(|e| e.into_inner());
        *d = true;
        self.0.wake.notify_all();
    }
}

impl Progress {
    /// Starts reporting job `name` counting `unit`s, out of `len` when known (0: unknown); with an
    /// empty `unit` only the time spent is shown.
    pub fn start(name: &str, unit: &'static str, len: u64) -> Progress {
        let shared = Arc::new(Shared {
            name: name.to_string(),
            unit,
            pos: AtomicU64::new(0),
            len: AtomicU64::new(len),
            done: Mutex::new(false),
            wake: Condvar::new(),
            started: Instant::now(),
        });
        let span = if BARS.load(Ordering::Relaxed) {
            let span = tracing::info_span!("progress", indicatif.pb_show = tracing::field::Empty);
            let template = if len > 0 {
                "{msg} [{bar:30}] {pos}/{len} {per_sec} eta {eta}"
            } else if unit.is_empty() {
                "{spinner} {msg} {elapsed}"
            } else {
                "{spinner} {msg} {pos} {per_sec} {elapsed}"
            };
            if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
                span.pb_set_style(&style.progress_chars("=> "));
            }
            if len > 0 {
                span.pb_set_length(len);
            }
            span.pb_set_message(&if unit.is_empty() {
                name.to_string()
            } else {
                format!("{name} ({unit})")
            });
            span.pb_start();
            Some(span)
        } else {
            let s = shared.clone();
            std::thread::Builder::new()
                .name("progress".into())
                .spawn(move || plain_reporter(&s))
                .ok();
            None
        };
        Progress {
            _ender: Arc::new(Ender(shared.clone())),
            shared,
            span,
        }
    }

    /// `n` more units done.
    pub fn inc(&self, n: u64) {
        self.shared.pos.fetch_add(n, Ordering::Relaxed);
        if let Some(s) = &self.span {
            s.pb_inc(n);
        }
    }

    /// `n` more units to do (a crawl finds more URLs as it goes).
    pub fn inc_len(&self, n: u64) {
        self.shared.len.fetch_add(n, Ordering::Relaxed);
        if let Some(s) = &self.span {
            s.pb_inc_length(n);
        }
    }
}

/// Writes `name: pos/len unit (rate)` every [`PLAIN_EVERY`] until the job ends, then once more.
fn plain_reporter(s: &Shared) {
    let mut done = s.done.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let (d, timeout) = s
            .wake
            .wait_timeout(done, PLAIN_EVERY)
            .unwrap_or_else(|e| e.into_inner());
        done = d;
        if *done || timeout.timed_out() {
            let pos = s.pos.load(Ordering::Relaxed);
            let len = s.len.load(Ordering::Relaxed);
            let secs = s.started.elapsed().as_secs_f64().max(0.001);
            let of = if len > 0 {
                format!("/{len}")
            } else {
                String::new()
            };
            let state = if *done { "done" } else { "progress" };
            if s.unit.is_empty() {
                tracing::info!("{} {state}: {:.0}s", s.name, secs);
            } else {
                tracing::info!(
                    "{} {state}: {pos}{of} {} ({:.1}/s, {:.0}s)",
                    s.name,
                    s.unit,
                    pos as f64 / secs,
                    secs
                );
            }
        }
        if *done {
            return;
        }
    }
}
