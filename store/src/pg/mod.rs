//! The PostgreSQL backend: the same case as the SQLite file, in a PostgreSQL database that many
//! crawler workers and reviewers share.
//!
//! [`PgStore`] keeps the store's blocking API (every method takes `&self`, one transaction per
//! event): it owns a small tokio runtime of its own that drives the connections of a deadpool pool
//! of tokio-postgres clients, and each call waits for its statements on the caller's thread, so it
//! works from plain threads and from inside the binary's async tasks alike. TLS is rustls (ring,
//! Mozilla's roots) as `sslmode` in the URL asks (`prefer` by default, `require`, `disable`).
//!
//! The schema has versioned migrations of its own (`store/pg_migrations/`, recorded in
//! `armswatch_migrations`), applied under an advisory lock so that workers starting together migrate
//! once. Transactions that lose a deadlock or a serialization conflict to another worker are retried
//! whole.

mod case;
mod copy;
mod crawl;
mod fleet;
mod intel;
mod leases;
mod listings;
mod mirrors;
mod ops;
mod review;
mod status;
mod verdicts;

pub use copy::{CaseCheck, CopyReport, TableCheck, CASE_TABLES};
pub use fleet::RoleHolder;
pub use leases::{Claim, Lease, Politeness};

use crate::rows::RowError;
use crate::{Result, StoreError};
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Transaction};
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use tokio_postgres::error::SqlState;

/// The PostgreSQL schema migrations, oldest first. Append only: a released file is never edited.
const PG_MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_init",
        include_str!("../../pg_migrations/0001_init.sql"),
    ),
    (
        "0002_frontier_leases",
        include_str!("../../pg_migrations/0002_frontier_leases.sql"),
    ),
    (
        "0003_listing_price_high",
        include_str!("../../pg_migrations/0003_listing_price_high.sql"),
    ),
    (
        "0004_operations",
        include_str!("../../pg_migrations/0004_operations.sql"),
    ),
    (
        "0005_reviews",
        include_str!("../../pg_migrations/0005_reviews.sql"),
    ),
    (
        "0006_tor_failures_mirrors",
        include_str!("../../pg_migrations/0006_tor_failures_mirrors.sql"),
    ),
    (
        "0007_worker_roles",
        include_str!("../../pg_migrations/0007_worker_roles.sql"),
    ),
    (
        "0008_search_folds_accents",
        include_str!("../../pg_migrations/0008_search_folds_accents.sql"),
    ),
];

/// The advisory lock key that serialises schema migrations ('ARMS').
const MIGRATION_LOCK: i64 = 0x4152_4D53;

/// Connections in the pool unless the caller asks otherwise.
pub const DEFAULT_POOL_SIZE: usize = 8;

/// How often a transaction that lost a deadlock or serialization conflict is tried again.
const RETRIES: usize = 8;

/// The number of PostgreSQL schema migrations this build knows.
pub fn pg_schema_version() -> usize {
    PG_MIGRATIONS.len()
}

/// Whether `target` names a PostgreSQL database (`postgres://` or `postgresql://`).
pub fn is_postgres_url(target: &str) -> bool {
    target.starts_with("postgres://") || target.starts_with("postgresql://")
}

/// A PostgreSQL armswatch database: open it once and share it (`Arc<PgStore>`).
pub struct PgStore {
    /// Runs the connections; shut down in the background on drop (a runtime may not be dropped
    /// inside another one's async context).
    rt: Option<tokio::runtime::Runtime>,
    handle: tokio::runtime::Handle,
    pool: Pool,
    /// The URL without its password, for messages.
    target: String,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("target", &self.target)
            .finish_non_exhaustive()
    }
}

impl Drop for PgStore {
    fn drop(&mut self) {
        if let Some(rt) = self.rt.take() {
            rt.shutdown_background();
        }
    }
}

impl PgStore {
    /// Connects to the database at `url` (`postgres://user:password@host:port/db?sslmode=...`) with
    /// a pool of [`DEFAULT_POOL_SIZE`] connections and brings its schema up to date. Fails clearly
    /// when the server cannot be reached, the database holds another program's tables, or it was
    /// written by a newer armswatch.
    pub fn connect(url: &str) -> Result<PgStore> {
        PgStore::connect_with(url, DEFAULT_POOL_SIZE)
    }

    /// [`PgStore::connect`] with a pool of at most `pool_size` connections.
    #[tracing::instrument(level = "debug", skip_all, fields(target = %redact(url)))]
    pub fn connect_with(url: &str, pool_size: usize) -> Result<PgStore> {
        let target = redact(url);
        let mut config = tokio_postgres::Config::from_str(url).map_err(|e| StoreError::PgUrl {
            target: target.clone(),
            detail: e.to_string(),
        })?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(15));
        }
        if config.get_application_name().is_none() {
            config.application_name("armswatch");
        }
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("armswatch-pg")
            .enable_all()
            .build()
            .map_err(|e| StoreError::PgConnect {
                target: target.clone(),
                source: Box::new(e),
            })?;
        let manager = Manager::from_config(
            config,
            tls()?,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(pool_size.max(1))
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .wait_timeout(Some(Duration::from_secs(60)))
            .create_timeout(Some(Duration::from_secs(20)))
            .build()
            .map_err(|e| StoreError::PgConnect {
                target: target.clone(),
                source: Box::new(e),
            })?;
        let store = PgStore {
            handle: rt.handle().clone(),
            rt: Some(rt),
            pool,
            target,
        };
        store.block(store.migrate())?;
        Ok(store)
    }

    /// The database URL without its password.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// Runs `f` to completion on this thread, with the store's runtime as the context (the
    /// connections' tasks run there). Unconstrained by tokio's cooperative budget: called from
    /// inside a task of another runtime (the crawl's), `f` would otherwise inherit that task's
    /// spent budget, see every pool and channel as not ready and spin forever.
    fn block<F: std::future::Future>(&self, f: F) -> F::Output {
        let _guard = self.handle.enter();
        futures_executor::block_on(tokio::task::unconstrained(f))
    }

    /// A pooled connection.
    async fn client(&self) -> Result<deadpool_postgres::Object> {
        self.pool.get().await.map_err(|e| StoreError::PgConnect {
            target: self.target.clone(),
            source: Box::new(e),
        })
    }

    /// Maps a PostgreSQL error of operation `op` to a [`StoreError::PgQuery`].
    fn q(&self, op: &'static str) -> impl Fn(tokio_postgres::Error) -> StoreError + '_ {
        move |source| StoreError::PgQuery {
            target: self.target.clone(),
            op,
            source,
        }
    }

    /// A [`StoreError::BadValue`] for `column`.
    fn bad(&self, column: &'static str, detail: impl Into<String>) -> StoreError {
        StoreError::BadValue {
            path: PathBuf::from(&self.target),
            column,
            detail: detail.into(),
        }
    }

    /// A [`StoreError::Misuse`].
    fn misuse(&self, what: impl Into<String>) -> StoreError {
        StoreError::Misuse {
            path: PathBuf::from(&self.target),
            what: what.into(),
        }
    }

    /// Runs `f` in one transaction and commits it; a transaction that lost a deadlock or a
    /// serialization conflict to a concurrent one is rolled back and run again.
    fn write<T>(
        &self,
        op: &'static str,
        mut f: impl AsyncFnMut(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.block(async {
            let mut client = self.client().await?;
            let mut attempt = 0;
            loop {
                attempt += 1;
                let tx = client.transaction().await.map_err(self.q(op))?;
                let out = match f(&tx).await {
                    Ok(out) => tx.commit().await.map_err(self.q(op)).map(|()| out),
                    Err(e) => Err(e),
                };
                match out {
                    Err(e) if attempt < RETRIES && is_conflict(&e) => {
                        tracing::debug!(op, attempt, "transaction conflict; retrying");
                        continue;
                    }
                    other => return other,
                }
            }
        })
    }

    /// Runs query `sql` of operation `op` and decodes each row with `decode` (one of the decoders
    /// in `rows`, which the SQLite backend shares).
    pub(super) fn rows_of<T>(
        &self,
        op: &'static str,
        sql: &str,
        params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
        decode: impl Fn(&tokio_postgres::Row) -> std::result::Result<T, RowError<tokio_postgres::Error>>,
    ) -> Result<Vec<T>> {
        let rows = self.read(async |c| c.query(sql, params).await.map_err(self.q(op)))?;
        rows.iter()
            .map(|r| decode(r).map_err(|e| self.row_err(op, e)))
            .collect()
    }

    /// The store error of a row of operation `op` that did not decode.
    pub(super) fn row_err(
        &self,
        op: &'static str,
        e: RowError<tokio_postgres::Error>,
    ) -> StoreError {
        e.into_store(std::path::Path::new(&self.target), self.q(op))
    }

    /// Runs `f` on a pooled connection (reads).
    fn read<T>(&self, f: impl AsyncFnOnce(&deadpool_postgres::Object) -> Result<T>) -> Result<T> {
        self.block(async {
            let client = self.client().await?;
            f(&client).await
        })
    }

    /// Applies the migrations this build knows and the database lacks, in one transaction under
    /// an advisory lock. Refuses a database that holds tables but no armswatch schema, and one
    /// whose schema is newer than this build.
    async fn migrate(&self) -> Result<()> {
        let q = self.q("migrate schema");
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(&q)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await
            .map_err(&q)?;
        let ours: bool = tx
            .query_one(
                "SELECT to_regclass('armswatch_migrations') IS NOT NULL",
                &[],
            )
            .await
            .and_then(|r| r.try_get(0))
            .map_err(&q)?;
        if !ours {
            let others: i64 = tx
                .query_one(
                    "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'p')",
                    &[],
                )
                .await
                .and_then(|r| r.try_get(0))
                .map_err(&q)?;
            if others > 0 {
                return Err(StoreError::NotArmswatch {
                    path: PathBuf::from(&self.target),
                    detail: format!("its schema already holds {others} tables or views"),
                });
            }
            tx.batch_execute(
                "CREATE TABLE armswatch_migrations (
                     version    BIGINT PRIMARY KEY,
                     name       TEXT NOT NULL,
                     applied_at BIGINT NOT NULL
                 )",
            )
            .await
            .map_err(&q)?;
        }
        let current: i64 = tx
            .query_one(
                "SELECT coalesce(max(version), 0) FROM armswatch_migrations",
                &[],
            )
            .await
            .and_then(|r| r.try_get(0))
            .map_err(&q)?;
        let supported = pg_schema_version();
        if current > supported as i64 {
            return Err(StoreError::TooNew {
                path: PathBuf::from(&self.target),
                db_version: current,
                supported,
            });
        }
        for (i, (name, sql)) in PG_MIGRATIONS.iter().enumerate() {
            let version = i as i64 + 1;
            if version <= current {
                continue;
            }
            tracing::info!(version, name, "migrating PostgreSQL schema");
            tx.batch_execute(sql).await.map_err(&q)?;
            tx.execute(
                "INSERT INTO armswatch_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                &[&version, name, &crate::now()],
            )
            .await
            .map_err(&q)?;
        }
        tx.commit().await.map_err(&q)
    }

    /// The schema version recorded in the database.
    pub fn schema_version(&self) -> Result<usize> {
        self.read(async |c| {
            let v: i64 = c
                .query_one(
                    "SELECT coalesce(max(version), 0) FROM armswatch_migrations",
                    &[],
                )
                .await
                .and_then(|r| r.try_get(0))
                .map_err(self.q("read schema version"))?;
            Ok(usize::try_from(v).unwrap_or(0))
        })
    }

    /// Refreshes the planner's statistics of every table now (`ANALYZE`), as autovacuum does in
    /// time: after a bulk load, so that the first queries are planned on the loaded data.
    pub fn analyze(&self) -> Result<()> {
        self.read(async |c| c.batch_execute("ANALYZE").await.map_err(self.q("analyze")))
    }
}

/// Whether `e` is a deadlock or serialization failure, which running the transaction again cures.
fn is_conflict(e: &StoreError) -> bool {
    match e {
        StoreError::PgQuery { source, .. } => matches!(
            source.code(),
            Some(c) if *c == SqlState::T_R_DEADLOCK_DETECTED
                || *c == SqlState::T_R_SERIALIZATION_FAILURE
        ),
        _ => false,
    }
}

/// rustls with ring and Mozilla's root certificates; `sslmode` in the URL decides whether it is
/// used.
fn tls() -> Result<tokio_postgres_rustls::MakeRustlsConnect> {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| StoreError::PgConnect {
        target: "rustls".into(),
        source: Box::new(e),
    })?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// `url` with the password (in the user info or a `password=` parameter) replaced by `***`.
pub fn redact(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let authority = match authority.rsplit_once('@') {
        Some((user, host)) => match user.split_once(':') {
            Some((name, _)) => format!("{name}:***@{host}"),
            None => format!("{user}@{host}"),
        },
        None => authority.to_string(),
    };
    let tail: String = match tail.split_once('?') {
        Some((path, query)) => {
            let query: Vec<String> = query
                .split('&')
                .map(|kv| match kv.split_once('=') {
                    Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                    _ => kv.to_string(),
                })
                .collect();
            format!("{path}?{}", query.join("&"))
        }
        None => tail.to_string(),
    };
    if scheme.is_empty() {
        format!("{authority}{tail}")
    } else {
        format!("{scheme}://{authority}{tail}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_messages() {
        // Guards: a database URL in an error message or log carries no password.
        assert_eq!(
            redact("postgres://aw:s3cret@db.example:5432/case?sslmode=require"),
            "postgres://aw:***@db.example:5432/case?sslmode=require"
        );
        assert_eq!(
            redact("postgresql://db/case?user=aw&password=s3cret"),
            "postgresql://db/case?user=aw&password=***"
        );
        assert_eq!(redact("postgres://aw@db/case"), "postgres://aw@db/case");
        assert!(is_postgres_url("postgresql://db/x"));
        assert!(!is_postgres_url("case.db"));
    }

    #[test]
    fn a_bad_url_is_refused_before_any_connection() {
        // Guards: a malformed URL fails with a clear error naming it, without its password.
        let err = PgStore::connect("postgres://aw:pw@db/case?bogus_option=1").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("bad PostgreSQL database URL"), "{msg}");
        assert!(!msg.contains("pw"), "{msg}");
    }
}
