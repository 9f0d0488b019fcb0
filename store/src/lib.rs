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

mod backend;
mod detail;
mod entities;
mod error;
mod frontier;
mod listings;
mod markets;
mod pages;
mod pg;
mod presence;
mod queue;
mod queue_search;
mod record;
mod reviews;
pub mod stats;
mod vendors;
mod verdicts;

pub use backend::{open_target, CrawlStore, EntityFinder, VerdictFinder};
pub use detail::{PageMeta, SameVendorListing, StoredVerdict};
pub use entities::{CandidateMarket, EntityRow, Sighting};
pub use error::{Result, StoreError};
pub use listings::{content_sha256, ListingVersion, StoredListing};
pub use markets::{MarketSummary, RunCounts, RunRecord, RUN_STATUSES};
pub use pages::{Refusal, StoredPage};
pub use pg::{
    is_postgres_url, pg_schema_version, redact, Claim, Lease, PgStore, Politeness,
    DEFAULT_POOL_SIZE,
};
pub use presence::{PresenceEvent, VanishedListing};
pub use queue::{fts_query, QueueKey, QueuePage, QueuePosition, QueueQuery, QueueRow, QueueSort};
pub use record::{FrontierProblem, WrittenListing};
pub use reviews::{
    check_reviewer, BrokenReview, ChainReport, NewReview, Review, ReviewedListing, GENESIS_HASH,
    MAX_NOTE_CHARS, MAX_REVIEWER_CHARS,
};
pub use vendors::{VendorListing, VendorRecord, VendorRename};
pub use verdicts::{FlaggedQuery, FlaggedRow, MarketLabelCount, StoreCounts};

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
mod tests {
    use super::*;
    use armswatch_core::HasKind;

    #[test]
    fn migrations_are_valid() {
        // Guards: the embedded migration list is well-formed SQL that applies cleanly.
        migrations().validate().unwrap();
        assert_eq!(schema_version(), 7);
    }

    #[test]
    fn in_memory_store_has_schema_and_is_empty() {
        // Guards: open_in_memory applies the migrations and starts with nothing stored.
        let s = Store::open_in_memory().unwrap();
        assert_eq!(s.path(), Path::new(":memory:"));
        assert_eq!(s.counts().unwrap(), StoreCounts::default());
    }

    #[test]
    fn reopen_is_idempotent_and_keeps_data() {
        // Guards: opening an up-to-date file again neither re-migrates nor loses rows; WAL is on.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/armswatch.db");
        {
            let s = Store::open(&path).unwrap();
            s.upsert_market(&test_support::market(), Some("Demo"), None)
                .unwrap();
        }
        let s = Store::open(&path).unwrap();
        assert_eq!(s.path(), path);
        assert_eq!(s.counts().unwrap().markets, 1);
        let (mode, fk, version): (String, i64, i64) = s
            .read(|c| {
                Ok(c.query_row(
                    "SELECT (SELECT journal_mode FROM pragma_journal_mode),
                            (SELECT foreign_keys FROM pragma_foreign_keys),
                            (SELECT user_version FROM pragma_user_version)",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .unwrap())
            })
            .unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(fk, 1);
        assert_eq!(version, schema_version() as i64);
    }

    #[test]
    fn version_1_frontier_migrates_and_resumes() {
        // Guards migration 0002: a crawl interrupted under schema 1 keeps its pending frontier, and
        // its entries count every link toward the depth limit, as they did when added.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        {
            let mut c = Connection::open(&path).unwrap();
            Migrations::from_slice(&MIGRATION_LIST[..1])
                .to_latest(&mut c)
                .unwrap();
            c.execute_batch(
                "INSERT INTO markets (id, created_at) VALUES ('demo', 0);
                 INSERT INTO frontier (market_id, url, kind, depth, updated_at)
                 VALUES ('demo', 'http://demo.onion/c?page=7', 'index', 7, 0);",
            )
            .unwrap();
        }
        let s = Store::open(&path).unwrap();
        let pending = s.frontier_pending(&test_support::market(), 10).unwrap();
        assert_eq!(pending.len(), 1);
        assert_eq!(
            (pending[0].depth, pending[0].pagination_depth),
            (7, 0),
            "{pending:?}"
        );
        assert_eq!(pending[0].link_depth(), 7);
    }

    #[test]
    fn too_new_database_is_refused_clearly() {
        // Guards: a database from a newer armswatch is not touched and the error says so.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        drop(Store::open(&path).unwrap());
        let c = Connection::open(&path).unwrap();
        c.execute_batch("PRAGMA user_version = 99").unwrap();
        drop(c);
        let err = Store::open(&path).unwrap_err();
        assert!(
            matches!(err, StoreError::TooNew { db_version: 99, .. }),
            "{err:?}"
        );
        assert_eq!(err.kind(), armswatch_core::ErrorKind::Input);
        let msg = err.to_string();
        assert!(msg.contains("new.db") && msg.contains("99"), "{msg}");
    }

    #[test]
    fn garbage_file_is_refused_clearly() {
        // Guards: a file that is not SQLite gives a Corrupt error naming the file, kind Input.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("garbage.db");
        std::fs::write(&path, vec![0x5a_u8; 8192]).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
        assert_eq!(err.kind(), armswatch_core::ErrorKind::Input);
        assert!(err.to_string().contains("garbage.db"), "{err}");
    }

    #[test]
    fn foreign_database_is_refused() {
        // Guards: another program's SQLite file is not migrated into an armswatch database.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.db");
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE notes (body TEXT)").unwrap();
        drop(c);
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::NotArmswatch { .. }), "{err:?}");
        assert_eq!(err.kind(), armswatch_core::ErrorKind::Input);
    }

    fn sha256_of(path: &Path) -> String {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(std::fs::read(path).unwrap()))
    }

    /// An armswatch database with one market, in rollback-journal mode (as a copy made with the
    /// `sqlite3` shell's `.backup` is), so that a WAL switch would show in its header.
    fn rollback_mode_db(path: &Path) {
        let s = Store::open(path).unwrap();
        s.upsert_market(&test_support::market(), Some("Demo"), None)
            .unwrap();
        drop(s);
        let c = Connection::open(path).unwrap();
        let _: String = c
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
            .unwrap();
    }

    #[test]
    fn refused_databases_are_left_byte_for_byte() {
        // Guards hole 6 (issue 13): opening another program's database, a newer armswatch's or a
        // garbage file, read-write or read-only, fails and changes not one byte (no WAL switch).
        let dir = tempfile::tempdir().unwrap();
        let foreign = dir.path().join("foreign.db");
        Connection::open(&foreign)
            .unwrap()
            .execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');")
            .unwrap();
        let other_app = dir.path().join("other-app.db");
        Connection::open(&other_app)
            .unwrap()
            .execute_batch("PRAGMA application_id = 7; PRAGMA user_version = 3;")
            .unwrap();
        let too_new = dir.path().join("too-new.db");
        rollback_mode_db(&too_new);
        Connection::open(&too_new)
            .unwrap()
            .execute_batch("PRAGMA user_version = 99")
            .unwrap();
        let garbage = dir.path().join("garbage.db");
        std::fs::write(&garbage, vec![0x5a_u8; 8192]).unwrap();
        for path in [&foreign, &other_app, &too_new, &garbage] {
            let before = sha256_of(path);
            let e1 = Store::open(path).unwrap_err();
            let e2 = Store::open_read_only(path).unwrap_err();
            assert_eq!(sha256_of(path), before, "{} changed", path.display());
            for e in [e1, e2] {
                assert_eq!(e.kind(), armswatch_core::ErrorKind::Input, "{e:?}");
            }
            let wal = PathBuf::from(format!("{}-wal", path.display()));
            assert!(!wal.exists(), "{} got a WAL", path.display());
        }
    }

    #[test]
    fn read_only_open_reads_a_read_only_copy_without_writing() {
        // Guards hole 6: status/flagged open an evidence copy (0444 file in a 0555 directory)
        // read-only: it reads, refuses writes, and neither the file nor its journal mode changes.
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let ro = dir.path().join("evidence");
        std::fs::create_dir(&ro).unwrap();
        let path = ro.join("case.db");
        rollback_mode_db(&path);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        let before = sha256_of(&path);
        {
            let s = Store::open_read_only(&path).unwrap();
            assert_eq!(s.counts().unwrap().markets, 1);
            assert_eq!(s.markets().unwrap()[0].id, test_support::market());
            assert!(s.flagged(&FlaggedQuery::default()).unwrap().is_empty());
            assert!(s
                .upsert_market(&test_support::market(), None, None)
                .is_err());
            let mode: String = s
                .read(|c| {
                    Ok(c.query_row("PRAGMA journal_mode", [], |r| r.get(0))
                        .unwrap())
                })
                .unwrap();
            assert_eq!(mode, "delete");
        }
        assert_eq!(sha256_of(&path), before);
        let names: Vec<_> = std::fs::read_dir(&ro)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("case.db")]);
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[test]
    fn read_only_open_falls_back_to_immutable_where_nothing_can_be_created() {
        // Guards: a WAL-mode copy whose shared-memory file cannot be created (read-only media;
        // here its name is taken by a directory) still opens read-only, as immutable.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wal.db");
        {
            let s = Store::open(&path).unwrap();
            s.upsert_market(&test_support::market(), Some("Demo"), None)
                .unwrap();
        }
        std::fs::create_dir(dir.path().join("wal.db-shm")).unwrap();
        let before = sha256_of(&path);
        let s = Store::open_read_only(&path).unwrap();
        assert_eq!(s.counts().unwrap().markets, 1);
        drop(s);
        assert_eq!(sha256_of(&path), before);
    }

    #[test]
    fn read_only_open_refuses_an_older_schema_clearly() {
        // Guards: a read-only open of an older schema says it needs a migration, and writes nothing.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        {
            let mut c = Connection::open(&path).unwrap();
            Migrations::from_slice(&MIGRATION_LIST[..1])
                .to_latest(&mut c)
                .unwrap();
        }
        let before = sha256_of(&path);
        let err = Store::open_read_only(&path).unwrap_err();
        assert!(
            matches!(err, StoreError::TooOld { db_version: 1, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("migrate"), "{err}");
        assert_eq!(sha256_of(&path), before);
        let empty = dir.path().join("empty.db");
        std::fs::write(&empty, b"").unwrap();
        assert!(matches!(
            Store::open_read_only(&empty).unwrap_err(),
            StoreError::NotArmswatch { .. }
        ));
        assert!(Store::open_read_only(&dir.path().join("missing.db")).is_err());
        assert!(!dir.path().join("missing.db").exists());
    }

    #[test]
    fn version_3_verdicts_migrate_to_the_latest_verdict_pointer() {
        // Guards migration 0004: listings get their newest verdict and flag score from existing
        // verdicts, so the flagged list and counts of an old database stay the same.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v3.db");
        {
            let mut c = Connection::open(&path).unwrap();
            Migrations::from_slice(&MIGRATION_LIST[..3])
                .to_latest(&mut c)
                .unwrap();
            c.execute_batch(
                "INSERT INTO markets (id, created_at) VALUES ('demo', 0);
                 INSERT INTO listings (id, market_id, canonical_url, title, content_sha256,
                     first_seen, last_seen, version_first_seen)
                 VALUES (1, 'demo', 'http://d/1', 'Glock', 'x', 0, 0, 0),
                        (2, 'demo', 'http://d/2', 'Socks', 'y', 0, 0, 0);
                 INSERT INTO verdicts (id, listing_id, listing_version, model_id, model_version,
                     scores_json, labels_json, explain_json, max_score, flagged, created_at)
                 VALUES (1, 1, 1, 'm', 'a', '{\"firearm\":0.4}', '[]', '{}', 0.4, 0, 0),
                        (2, 1, 1, 'm', 'b', '{\"firearm\":0.9}', '[\"firearm\"]', '{}', 0.9, 1, 0),
                        (3, 2, 1, 'm', 'a', '{\"firearm\":0.8}', '[\"firearm\"]', '{}', 0.8, 1, 0),
                        (4, 2, 1, 'm', 'b', '{\"firearm\":0.1}', '[]', '{}', 0.1, 0, 0);",
            )
            .unwrap();
        }
        let s = Store::open(&path).unwrap();
        let flagged = s.flagged(&FlaggedQuery::default()).unwrap();
        assert_eq!(flagged.len(), 1);
        assert_eq!((flagged[0].listing_id, flagged[0].verdict_id), (1, 2));
        assert_eq!(s.counts().unwrap().flagged, 1);
        assert_eq!(s.markets().unwrap()[0].flagged, 1);
    }

    #[test]
    fn two_handles_share_one_file() {
        // Guards: a reader (e.g. `armswatch flagged`) sees a running crawl's commits through WAL.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.db");
        let writer = Store::open(&path).unwrap();
        let reader = Store::open(&path).unwrap();
        let run = writer
            .start_run(&test_support::market(), "direct", "{}")
            .unwrap();
        assert_eq!(
            reader.unfinished_run(&test_support::market()).unwrap(),
            Some(run)
        );
        assert_eq!(reader.counts().unwrap().runs, 1);
    }

    #[test]
    fn rfc3339_formats_utc() {
        // Guards: stored unix seconds read back as RFC 3339 UTC.
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_700_000_000), "2023-11-14T22:13:20Z");
    }

    #[test]
    fn store_is_send_and_sync() {
        // Guards: the binary can share one Store across threads.
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Store>();
    }
}
