//! Errors of the store. Every error names the database file; `kind()` says whether the disk or
//! database failed (`Local`), the file is not one we can use (`Input`), or armswatch misused the store
//! (`Bug`).

use armswatch_core::{ErrorKind, HasKind};
use std::path::PathBuf;

/// A store failure, with the database path and the operation that failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or set up (permissions, missing directory, locked).
    #[error("cannot open database {path}")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// The directory for the database could not be created.
    #[error("cannot create directory for database {path}")]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file is not a SQLite database, or it is damaged.
    #[error("database {path} is corrupt or not a SQLite database ({op})")]
    Corrupt {
        path: PathBuf,
        op: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    /// The file is a SQLite database, but another program's.
    #[error("{path} is a SQLite database but not an armswatch one ({detail})")]
    NotArmswatch { path: PathBuf, detail: String },
    /// The database was written by a newer armswatch: its schema has migrations this binary lacks.
    #[error(
        "database {path} has schema version {db_version}, newer than this armswatch knows \
         ({supported}); upgrade armswatch"
    )]
    TooNew {
        path: PathBuf,
        db_version: i64,
        supported: usize,
    },
    /// The database has an older schema and was opened read-only: reading it needs a migration,
    /// which writes to it.
    #[error(
        "database {path} has schema version {db_version}, older than this armswatch reads \
         ({supported}); it must be migrated first, which writes to it: open a writable copy \
         read-write once (`armswatch migrate --db COPY`)"
    )]
    TooOld {
        path: PathBuf,
        db_version: i64,
        supported: usize,
    },
    /// Applying the schema migrations failed.
    #[error("cannot migrate database {path} to schema version {target}")]
    Migrate {
        path: PathBuf,
        target: usize,
        #[source]
        source: rusqlite_migration::Error,
    },
    /// A query failed.
    #[error("database {path}: {op} failed")]
    Query {
        path: PathBuf,
        op: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    /// Compressing or decompressing a page body failed.
    #[error("database {path}: cannot {op} the body of page {page_id}")]
    Codec {
        path: PathBuf,
        op: &'static str,
        page_id: i64,
        #[source]
        source: std::io::Error,
    },
    /// A stored page body no longer matches the SHA-256 recorded when it was fetched.
    #[error(
        "database {path}: page {page_id} body does not match its recorded SHA-256 \
         (recorded {recorded}, now {actual})"
    )]
    PageIntegrity {
        path: PathBuf,
        page_id: i64,
        recorded: String,
        actual: String,
    },
    /// A stored value could not be read back (unknown enum name, bad JSON).
    #[error("database {path}: bad value in {column}: {detail}")]
    BadValue {
        path: PathBuf,
        column: &'static str,
        detail: String,
    },
    /// A caller passed something the store cannot take (unknown run status, unknown listing id).
    #[error("database {path}: {what}")]
    Misuse { path: PathBuf, what: String },
    /// A request the store refuses: an unknown listing, an empty relabel, a blank reviewer.
    #[error("{what}")]
    Invalid { path: PathBuf, what: String },
    /// A PostgreSQL database URL that cannot be used.
    #[error("bad PostgreSQL database URL {target}: {detail}")]
    PgUrl { target: String, detail: String },
    /// No connection to the PostgreSQL server (refused, authentication, TLS, pool setup).
    #[error("cannot connect to PostgreSQL database {target}")]
    PgConnect {
        target: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A worker's lease on a frontier URL ended (it expired and another worker claimed the URL, or
    /// the URL was finished): what it fetched is not stored, the other worker's fetch counts.
    #[error("PostgreSQL database {target}: worker {worker} no longer holds the lease on {url}")]
    LeaseLost {
        target: String,
        worker: String,
        url: String,
    },
    /// A PostgreSQL statement failed.
    #[error("PostgreSQL database {target}: {op} failed")]
    PgQuery {
        target: String,
        op: &'static str,
        #[source]
        source: tokio_postgres::Error,
    },
    /// What was asked conflicts with what is stored (a schedule or watch added twice).
    #[error("database {path}: {what}")]
    Conflict { path: PathBuf, what: String },
}

impl StoreError {
    /// Whether a SQLite error means the file itself is damaged or not a database.
    pub(crate) fn is_corruption(e: &rusqlite::Error) -> bool {
        matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
        )
    }
}

impl HasKind for StoreError {
    fn kind(&self) -> ErrorKind {
        match self {
            StoreError::Open { .. } | StoreError::CreateDir { .. } | StoreError::Codec { .. } => {
                ErrorKind::Local
            }
            StoreError::Migrate { source, .. } => match source {
                rusqlite_migration::Error::RusqliteError { err, .. }
                    if StoreError::is_corruption(err) =>
                {
                    ErrorKind::Input
                }
                _ => ErrorKind::Local,
            },
            StoreError::Query { source, .. } => {
                if StoreError::is_corruption(source) {
                    ErrorKind::Input
                } else {
                    ErrorKind::Local
                }
            }
            StoreError::Corrupt { .. }
            | StoreError::NotArmswatch { .. }
            | StoreError::TooNew { .. }
            | StoreError::TooOld { .. }
            | StoreError::PageIntegrity { .. }
            | StoreError::BadValue { .. }
            | StoreError::Invalid { .. } => ErrorKind::Input,
            StoreError::Conflict { .. } => ErrorKind::Input,
            StoreError::Misuse { .. } => ErrorKind::Bug,
            StoreError::PgUrl { .. } => ErrorKind::Input,
            StoreError::LeaseLost { .. } => ErrorKind::Transient,
            StoreError::PgConnect { .. } | StoreError::PgQuery { .. } => ErrorKind::Local,
        }
    }
}

/// Shorthand for results of the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
