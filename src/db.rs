//! `--db`: the database a command works on, a SQLite file (`PATH` or `sqlite:PATH`, the default
//! kind) or a PostgreSQL database (`postgres://…`), also taken from `ARMSWATCH_DB`.

use anyhow::Result;
use armswatch_store::{is_postgres_url, redact, CaseStore, CrawlStore, OpsStore, PgStore, Store};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The environment variable a `--db` left out is read from.
pub const DB_ENV: &str = "ARMSWATCH_DB";

/// A `--db` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbTarget {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL URL (with its password, if it has one: never print it, print the target).
    Postgres(String),
}

impl std::str::FromStr for DbTarget {
    type Err = String;
    fn from_str(s: &str) -> Result<DbTarget, String> {
        if is_postgres_url(s) {
            return Ok(DbTarget::Postgres(s.to_string()));
        }
        let path = s.strip_prefix("sqlite:").unwrap_or(s);
        if path.is_empty() {
            return Err(
                "the database is empty (expected PATH, sqlite:PATH or postgres://...)".into(),
            );
        }
        Ok(DbTarget::Sqlite(PathBuf::from(path)))
    }
}

/// The file's path, or the URL without its password.
impl std::fmt::Display for DbTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbTarget::Sqlite(p) => write!(f, "{}", p.display()),
            DbTarget::Postgres(url) => f.write_str(&redact(url)),
        }
    }
}

impl DbTarget {
    /// The SQLite file of `armswatch {command}`, which reads a SQLite file only (`migrate
    /// --from`); a PostgreSQL database is refused.
    pub fn sqlite(&self, command: &str) -> Result<&Path> {
        match self {
            DbTarget::Sqlite(p) => Ok(p),
            DbTarget::Postgres(_) => anyhow::bail!(
                "`armswatch {command}` takes a SQLite database only, not PostgreSQL ({self})"
            ),
        }
    }

    /// Opens the database for a crawl: a SQLite file is created if missing.
    pub fn open_crawl(&self) -> Result<Arc<dyn CrawlStore>> {
        Ok(match self {
            DbTarget::Sqlite(p) => Arc::new(Store::open(p)?),
            DbTarget::Postgres(url) => Arc::new(PgStore::connect(url)?),
        })
    }

    /// Opens the database for the operations commands (`run`, `schedule`, `watch`): a SQLite
    /// file must exist unless `create`.
    pub fn open_ops(&self, create: bool) -> Result<Arc<dyn OpsStore>> {
        Ok(match self {
            DbTarget::Sqlite(p) => {
                if !create && !p.exists() {
                    anyhow::bail!("no database at {}", p.display());
                }
                Arc::new(Store::open(p)?)
            }
            DbTarget::Postgres(url) => Arc::new(PgStore::connect(url)?),
        })
    }

    /// Opens an existing database to read schedules, watches and alerts (a SQLite file
    /// read-only).
    pub fn open_ops_read(&self) -> Result<Arc<dyn OpsStore>> {
        Ok(match self {
            DbTarget::Sqlite(p) => {
                if !p.exists() {
                    anyhow::bail!("no database at {}", p.display());
                }
                Arc::new(Store::open_read_only(p)?)
            }
            DbTarget::Postgres(url) => Arc::new(PgStore::connect(url)?),
        })
    }

    /// Opens a case that must exist; a SQLite file read-only unless `write` (so reading works on
    /// a read-only evidence copy).
    pub fn open_case(&self, write: bool) -> Result<Arc<dyn CaseStore>> {
        Ok(match self {
            DbTarget::Sqlite(p) => {
                if !p.exists() {
                    anyhow::bail!("no database at {}", p.display());
                }
                if write {
                    Arc::new(Store::open(p)?)
                } else {
                    Arc::new(Store::open_read_only(p)?)
                }
            }
            DbTarget::Postgres(url) => Arc::new(PgStore::connect(url)?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_path_stays_sqlite() {
        // Guards: `--db case.db` keeps meaning the SQLite file; `sqlite:` and postgres URLs are
        // told apart, and a URL's password never reaches a message.
        assert_eq!(
            "case.db".parse::<DbTarget>().unwrap(),
            DbTarget::Sqlite("case.db".into())
        );
        assert_eq!(
            "sqlite:/x/case.db".parse::<DbTarget>().unwrap(),
            DbTarget::Sqlite("/x/case.db".into())
        );
        let pg: DbTarget = "postgres://aw:s3cret@db/case".parse().unwrap();
        assert!(matches!(pg, DbTarget::Postgres(_)));
        assert_eq!(pg.to_string(), "postgres://aw:***@db/case");
        let err = pg.sqlite("migrate --from").unwrap_err().to_string();
        assert!(
            err.contains("armswatch migrate --from") && err.contains("SQLite database only"),
            "{err}"
        );
        assert!(!err.contains("s3cret"), "{err}");
        assert!("sqlite:".parse::<DbTarget>().is_err());
    }
}
