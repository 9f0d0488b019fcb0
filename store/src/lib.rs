//! The store of armswatch: markets, crawl runs, the crawl frontier, raw pages (the evidence),
//! refused URLs, listings with their history, and verdicts.
//!
//! Two backends: [`Store`], one SQLite file (the default, described below), and [`PgStore`], a
//! PostgreSQL database shared by many crawler workers and reviewers, with a shared frontier of leased
//! URLs (`pg::leases`). [`CrawlStore`] is the interface of a crawl that both implement;
//! [`open_target`] opens either from a `--db` value.
//!
//! One [`Store`] wraps one connection behind a mutex, so it is `Send + Sync` and every method takes
//! `&self`; the async binary calls it from `spawn_blocking`. Opening applies the numbered, append-only
//! migrations in `store/migrations/` (WAL mode, foreign keys on). Every write runs in one transaction;
//! batch writes take slices. Times are unix seconds, UTC; [`rfc3339`] formats them.
//!
//! The flow of one crawl and classification:
//!
//! ```
//! use armswatch_core::crawl::{FetchedPage, PageKind};
//! use armswatch_core::{Label, Listing, MarketId, Verdict};
//! use armswatch_store::{FlaggedQuery, RunCounts, Store};
//!
//! let store = Store::open_in_memory()?;
//! let market = MarketId::slug("demo");
//! store.upsert_market(&market, Some("Demo"), Some("http://demo.onion/"))?;
//! let run = store.start_run(&market, "direct", "{}")?;
//! let page = FetchedPage {
//!     requested_url: "http://demo.onion/item/1".into(),
//!     final_url: "http://demo.onion/item/1".into(),
//!     fetched_at: 1_700_000_000,
//!     http_status: 200,
//!     content_type: Some("text/html".into()),
//!     body: b"<html>Glock 19</html>".to_vec(),
//!     transport: "direct".into(),
//!     kind: PageKind::Listing,
//!     served_by: "http://demo.onion".into(),
//! };
//! let page_id = store.save_page(run, &market, &page)?;
//! let listing = Listing { url: page.final_url.clone(), title: "Glock 19".into(), ..Listing::default() };
//! let written = store.save_listings(&market, page_id, page.fetched_at, &[listing])?;
//! let verdict = Verdict {
//!     model_id: "armswatch-linear".into(),
//!     model_version: "abc123".into(),
//!     scores: [(Label::Firearm, 0.97)].into_iter().collect(),
//!     labels: vec![Label::Firearm],
//!     explain: Default::default(),
//! };
//! store.save_verdicts(&[(written.to_classify[0], verdict)])?;
//! let counts = RunCounts { pages_fetched: 1, listings_new: written.new, ..RunCounts::default() };
//! store.finish_run(run, "finished", counts)?;
//! let flagged = store.flagged(&FlaggedQuery::default())?;
//! assert_eq!(flagged[0].title, "Glock 19");
//! # Ok::<(), armswatch_store::StoreError>(())
//! ```
#![cfg_attr(not(test), deny(clippy::unwrap_used))]
#![deny(clippy::print_stdout)]

mod alerts;
mod backend;
mod detail;
mod entities;
mod error;
mod frontier;
mod health;
mod listings;
mod markets;
mod mirrors;
mod ops;
mod pages;
mod pg;
mod presence;
mod queue;
mod queue_search;
mod record;
mod reviews;
mod rows;
mod schedules;
pub mod stats;
mod vendors;
mod verdicts;

pub use alerts::{AlertListing, AlertQuery, AlertRecord, NewAlert, Watch};
pub use backend::{open_target, CaseStore, CrawlStore, EntityFinder, VerdictFinder};
pub use detail::{PageMeta, SameVendorListing, StoredVerdict};
pub use entities::{CandidateMarket, EntityRow, Sighting};
pub use error::{Result, StoreError};
pub use health::Health;
pub use listings::{content_sha256, ListingVersion, StoredListing};
pub use markets::{MarketSummary, RunCounts, RunRecord, RUN_STATUSES};
pub use mirrors::MarketMirror;
pub use ops::OpsStore;
pub use pages::{Refusal, StoredPage};
pub use pg::{
    is_postgres_url, pg_schema_version, redact, CaseCheck, Claim, CopyReport, Lease, PgStore,
    Politeness, RoleHolder, TableCheck, CASE_TABLES, DEFAULT_POOL_SIZE,
};
pub use presence::{PresenceEvent, VanishedListing};
pub use queue::{fts_query, QueueKey, QueuePage, QueuePosition, QueueQuery, QueueRow, QueueSort};
pub use record::{FrontierProblem, WrittenListing};
pub use reviews::{
    check_reviewer, BrokenReview, ChainReport, NewReview, Review, ReviewedListing, GENESIS_HASH,
    MAX_NOTE_CHARS, MAX_REVIEWER_CHARS,
};
pub use schedules::{CrawlErrorRecord, NewSchedule, Schedule};
pub use vendors::{VendorListing, VendorRecord, VendorRename};
pub use verdicts::{FlaggedQuery, FlaggedRow, MarketLabelCount, StoreCounts};

use rows::RowError;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::{Migrations, M};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// The schema migrations, oldest first. Append only: a released file is never edited.
const MIGRATION_LIST: &[M<'static>] = &[
    M::up(include_str!("../migrations/0001_init.sql")),
    M::up(include_str!(
        "../migrations/0002_frontier_pagination_depth.sql"
    )),
    M::up(include_str!(
        "../migrations/0003_entities_vendors_presence.sql"
    )),
    M::up(include_str!(
        "../migrations/0004_latest_verdict_on_listings.sql"
    )),
    M::up(include_str!(
        "../migrations/0005_redirect_hops_refusal_dedup.sql"
    )),
    M::up(include_str!("../migrations/0006_reviews.sql")),
    M::up(include_str!("../migrations/0007_listing_price_high.sql")),
    M::up(include_str!("../migrations/0008_operations.sql")),
    M::up(include_str!("../migrations/0009_tor_failures_mirrors.sql")),
];

/// `PRAGMA application_id` of an armswatch database ('ARMS'), set by the first migration.
const APPLICATION_ID: i64 = 0x4152_4D53;

/// How long a write waits for another connection's lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The path reported for in-memory databases.
const MEMORY_PATH: &str = ":memory:";

fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATION_LIST)
}

/// The number of schema migrations this build knows: the newest schema version it can open.
pub fn schema_version() -> usize {
    MIGRATION_LIST.len()
}

/// Formats unix seconds as RFC 3339 in UTC (`2024-05-01T12:00:00Z`); out-of-range values come back
/// as `@<seconds>`.
pub fn rfc3339(unix_secs: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix_secs)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| format!("@{unix_secs}"))
}

/// The current time, unix seconds UTC.
pub(crate) fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// The armswatch database: open it once and share it (`Arc<Store>`).
#[derive(Debug)]
pub struct Store {
    conn: Mutex<Connection>,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, creating its directory, and brings its
    /// schema up to date. Fails with a clear error when the file is not a SQLite database, is
    /// another program's database, or was written by a newer armswatch; a refused file is left
    /// byte for byte as it was (the checks only read, WAL mode and migrations come after them).
    #[tracing::instrument(level = "debug", skip_all, fields(path = %path.display()))]
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: path.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Store::setup(conn, path.to_path_buf())
    }

    /// Opens an existing database for reading only, for the commands that only read (`status`,
    /// `flagged`): nothing is ever written, not even the journal mode, so it works on a read-only
    /// evidence copy (a file on read-only media, or `chmod 0444` in a read-only directory) and
    /// beside a running crawl. The schema must be this armswatch's: an older one is refused with
    /// [`StoreError::TooOld`] (migrating would write), a newer one with [`StoreError::TooNew`].
    #[tracing::instrument(level = "debug", skip_all, fields(path = %path.display()))]
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let open = |immutable: bool| {
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI;
            let conn = if immutable {
                Connection::open_with_flags(immutable_uri(path), flags)
            } else {
                Connection::open_with_flags(path, flags)
            };
            let conn = conn.map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source,
            })?;
            let header = Store::inspect(&conn, path)?;
            Ok((conn, header))
        };
        let (conn, header) = match open(false) {
            // A WAL database whose shared-memory file cannot be created (a read-only directory or
            // medium): nobody can write it, so reading it as immutable is exact.
            Err(StoreError::Open { source, .. }) | Err(StoreError::Corrupt { source, .. })
                if is_cant_open(&source) =>
            {
                tracing::debug!("read-only location: opening the database as immutable");
                open(true)?
            }
            other => other?,
        };
        header.check(path, false)?;
        conn.execute_batch("PRAGMA query_only = ON;")
            .map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(Store {
            conn: Mutex::new(conn),
            path: path.to_path_buf(),
        })
    }

    /// Opens a fresh in-memory database with the full schema, for tests and dry runs.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: PathBuf::from(MEMORY_PATH),
            source,
        })?;
        Store::setup(conn, PathBuf::from(MEMORY_PATH))
    }

    /// The database file's path (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads what the checks need, writing nothing. The first read parses the file header: a
    /// garbage file fails here.
    fn inspect(conn: &Connection, path: &Path) -> Result<Header> {
        let fail = |op: &'static str, source: rusqlite::Error| {
            if StoreError::is_corruption(&source) {
                StoreError::Corrupt {
                    path: path.to_path_buf(),
                    op,
                    source,
                }
            } else {
                StoreError::Open {
                    path: path.to_path_buf(),
                    source,
                }
            }
        };
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| fail("set busy timeout", e))?;
        let user_version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| fail("read schema version", e))?;
        let app_id: i64 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|e| fail("read application id", e))?;
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'",
                [],
                |r| r.get(0),
            )
            .map_err(|e| fail("read schema", e))?;
        Ok(Header {
            user_version,
            app_id,
            tables,
        })
    }

    fn setup(mut conn: Connection, path: PathBuf) -> Result<Store> {
        // Check first, write after: a refused file must come out unchanged.
        let header = Store::inspect(&conn, &path)?;
        header.check(&path, true)?;
        let fail = |op: &'static str, source: rusqlite::Error| {
            if StoreError::is_corruption(&source) {
                StoreError::Corrupt {
                    path: path.clone(),
                    op,
                    source,
                }
            } else {
                StoreError::Open {
                    path: path.clone(),
                    source,
                }
            }
        };
        let _mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| fail("set WAL mode", e))?;
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")
            .map_err(|e| fail("set pragmas", e))?;
        let supported = schema_version();
        if header.user_version < supported as i64 {
            tracing::info!(
                from = header.user_version,
                to = supported,
                "migrating database schema"
            );
        }
        migrations()
            .to_latest(&mut conn)
            .map_err(|source| StoreError::Migrate {
                path: path.clone(),
                target: supported,
                source,
            })?;
        Ok(Store {
            conn: Mutex::new(conn),
            path,
        })
    }

    /// The connection. A panic while holding it cannot leave a transaction half-done (rusqlite
    /// rolls back on drop), so a poisoned lock is safe to take over.
    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Maps a SQLite error of operation `op` to a [`StoreError::Query`].
    fn q(&self, op: &'static str) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |source| StoreError::Query {
            path: self.path.clone(),
            op,
            source,
        }
    }

    /// A [`StoreError::BadValue`] for `column`.
    fn bad(&self, column: &'static str, detail: impl Into<String>) -> StoreError {
        StoreError::BadValue {
            path: self.path.clone(),
            column,
            detail: detail.into(),
        }
    }

    /// A [`StoreError::Misuse`].
    fn misuse(&self, what: impl Into<String>) -> StoreError {
        StoreError::Misuse {
            path: self.path.clone(),
            what: what.into(),
        }
    }

    /// Runs `f` in one immediate (write-locking) transaction and commits it.
    fn write<T>(
        &self,
        op: &'static str,
        f: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(self.q(op))?;
        let out = f(&tx)?;
        tx.commit().map_err(self.q(op))?;
        Ok(out)
    }

    /// Runs `f` on the connection (reads).
    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.conn();
        f(&conn)
    }

    /// Runs query `sql` of operation `op` and decodes each row with `decode` (one of the
    /// decoders in `rows`, which the PostgreSQL backend shares).
    fn rows_of<T>(
        &self,
        op: &'static str,
        sql: &str,
        params: impl rusqlite::Params,
        decode: impl Fn(&rusqlite::Row<'_>) -> std::result::Result<T, RowError<rusqlite::Error>>,
    ) -> Result<Vec<T>> {
        let q = self.q(op);
        self.read(|c| {
            let mut st = c.prepare_cached(sql).map_err(&q)?;
            let mut rows = st.query(params).map_err(&q)?;
            let mut out = Vec::new();
            while let Some(r) = rows.next().map_err(&q)? {
                out.push(decode(r).map_err(|e| e.into_store(&self.path, &q))?);
            }
            Ok(out)
        })
    }
}

/// What [`Store::inspect`] read from a database before anything is written.
struct Header {
    user_version: i64,
    app_id: i64,
    /// Tables, indexes, views and triggers (not SQLite's own).
    tables: i64,
}

impl Header {
    /// Refuses another program's database, a newer armswatch's, and (when it cannot be migrated)
    /// an older one or an empty file.
    fn check(&self, path: &Path, can_migrate: bool) -> Result<()> {
        let path = || path.to_path_buf();
        if self.user_version == 0 && self.tables > 0 {
            return Err(StoreError::NotArmswatch {
                path: path(),
                detail: format!("it already holds {} tables or indexes", self.tables),
            });
        }
        if self.user_version > 0 && self.app_id != APPLICATION_ID {
            return Err(StoreError::NotArmswatch {
                path: path(),
                detail: format!("application id {:#x}", self.app_id),
            });
        }
        let supported = schema_version();
        if self.user_version > supported as i64 {
            return Err(StoreError::TooNew {
                path: path(),
                db_version: self.user_version,
                supported,
            });
        }
        if !can_migrate && self.user_version == 0 {
            return Err(StoreError::NotArmswatch {
                path: path(),
                detail: "it is empty".into(),
            });
        }
        if !can_migrate && self.user_version < supported as i64 {
            return Err(StoreError::TooOld {
                path: path(),
                db_version: self.user_version,
                supported,
            });
        }
        Ok(())
    }
}

/// Whether opening failed because a file (the WAL's shared memory) cannot be created or opened.
fn is_cant_open(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
    )
}

/// A `file:` URI for `path` with `immutable=1`: SQLite reads it without locks or shared memory.
fn immutable_uri(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(abs.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = abs.to_string_lossy().into_owned().into_bytes();
    for b in bytes {
        if b.is_ascii() && !matches!(b, b'%' | b'?' | b'#') {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Converts a count column to `usize` (counts are never negative).
pub(crate) fn to_usize(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Fixtures shared by the unit tests: a store with a market and a run, pages and listings.
    use super::*;
    use armswatch_core::crawl::{FetchedPage, PageKind};
    use armswatch_core::{Label, Listing, MarketId, Verdict};

    pub fn market() -> MarketId {
        MarketId("demo".into())
    }

    /// An in-memory store with market `demo` and one running crawl.
    pub fn store_with_run() -> (Store, i64) {
        let s = Store::open_in_memory().unwrap();
        s.upsert_market(&market(), Some("Demo"), Some("http://demo.onion/"))
            .unwrap();
        let run = s.start_run(&market(), "direct", "{}").unwrap();
        (s, run)
    }

    pub fn page(url: &str, body: &[u8]) -> FetchedPage {
        FetchedPage {
            requested_url: url.into(),
            final_url: url.into(),
            fetched_at: 1_700_000_000,
            http_status: 200,
            content_type: Some("text/html; charset=utf-8".into()),
            body: body.to_vec(),
            transport: "direct".into(),
            kind: PageKind::Listing,
            served_by: "http://demo.onion".into(),
        }
    }

    /// A verdict from model version `model_version` with scores in `Label::ALL` order; labels are
    /// the scores of at least 0.5.
    pub fn verdict(model_version: &str, scores: &[f32; 4]) -> Verdict {
        let scores: std::collections::BTreeMap<Label, f32> =
            Label::ALL.into_iter().zip(scores.iter().copied()).collect();
        let labels = scores
            .iter()
            .filter(|(_, s)| **s >= 0.5)
            .map(|(l, _)| *l)
            .collect();
        Verdict {
            model_id: "test-model".into(),
            model_version: model_version.into(),
            scores,
            labels,
            explain: Default::default(),
        }
    }

    pub fn listing(url: &str, title: &str) -> Listing {
        let mut l = Listing {
            url: url.into(),
            title: title.into(),
            description: Some(format!("{title}, described")),
            vendor: Some("acme".into()),
            ..Listing::default()
        };
        l.set_price("USD 650.00");
        l
    }
}

#[cfg(test)]
mod tests;
