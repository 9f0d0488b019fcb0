//! Copying a case from a SQLite file into PostgreSQL (`armswatch migrate --from --to`) and
//! verifying the copy.
//!
//! Every table of the case is copied with its ids (markets, runs, the frontier, pages with their
//! raw compressed bodies and SHA-256, refusals, listings with their versions and pages, verdicts,
//! entities, keys, presence events, the reviews with their hash chain, and the operations tables:
//! schedules, crawl errors, market sessions, watches and alerts), in one PostgreSQL
//! transaction read from one SQLite snapshot, by binary `COPY`: a copy that fails leaves the target
//! as it was. Derived tables (the review queue, full-text indexes) are rebuilt by the target's
//! triggers. A table of the source this build does not know is refused when it holds rows, so
//! nothing is dropped silently.
//!
//! The check reads both sides again: per table the row count and a SHA-256 over every row's
//! values (order-independent, each value typed), every target page body against its SHA-256, and
//! the review chain on both sides with the same head.

use super::PgStore;
use crate::pages::sha256_hex;
use crate::{ChainReport, Result, Store, StoreError};
use rusqlite::types::Value;
use sha2::{Digest, Sha256};
use tokio_postgres::binary_copy::BinaryCopyInWriter;
use tokio_postgres::types::{ToSql, Type};
use tokio_postgres::Transaction;

/// The tables of a case in the order they are copied (each after those it references).
pub const CASE_TABLES: &[&str] = &[
    "markets",
    "crawl_runs",
    "pages",
    "market_state_history",
    "frontier",
    "refusals",
    "listings",
    "listing_versions",
    "listing_pages",
    "verdicts",
    "verdict_labels",
    "entities",
    "entity_sightings",
    "pgp_keys",
    "listing_presence",
    "reviews",
    "schedules",
    "crawl_errors",
    "market_sessions",
    "market_mirrors",
    "watches",
    "alerts",
];

/// SQLite tables rebuilt on the target from the copied rows (or SQLite's own), never copied.
fn derived(table: &str) -> bool {
    table == "review_queue" || table.starts_with("listings_fts") || table.starts_with("sqlite_")
}

/// Rows read from SQLite and written per round.
const CHUNK: i64 = 256;

/// How many rows of each table were copied.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CopyReport {
    pub tables: Vec<(String, usize)>,
    /// Source tables this build does not copy; all of them empty.
    pub skipped_empty: Vec<String>,
}

/// One table on both sides.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TableCheck {
    pub table: String,
    pub source_rows: usize,
    pub target_rows: usize,
    pub source_sha256: String,
    pub target_sha256: String,
}

impl TableCheck {
    /// Same rows on both sides.
    pub fn ok(&self) -> bool {
        self.source_rows == self.target_rows && self.source_sha256 == self.target_sha256
    }
}

/// The check of a copied case.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CaseCheck {
    pub tables: Vec<TableCheck>,
    /// Target pages whose body was decompressed and hashed.
    pub pages_checked: usize,
    /// Target pages whose body does not match its SHA-256 or length.
    pub bad_pages: Vec<i64>,
    pub source_reviews: ChainReport,
    pub target_reviews: ChainReport,
}

impl CaseCheck {
    /// Every table the same, every page body intact, the review chain intact on the target with
    /// the source's head.
    pub fn ok(&self) -> bool {
        self.tables.iter().all(TableCheck::ok)
            && self.bad_pages.is_empty()
            && self.target_reviews.is_intact()
            && self.target_reviews.reviews == self.source_reviews.reviews
            && self.target_reviews.head_hash == self.source_reviews.head_hash
    }
}

/// How a column is typed on PostgreSQL; SQLite values are read into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Float,
    Bool,
    Text,
    Bytes,
}

impl Kind {
    fn of(data_type: &str) -> Option<Kind> {
        Some(match data_type {
            "bigint" | "integer" | "smallint" => Kind::Int,
            "double precision" | "real" => Kind::Float,
            "boolean" => Kind::Bool,
            "text" | "character varying" => Kind::Text,
            "bytea" => Kind::Bytes,
            _ => return None,
        })
    }

    fn pg_type(self) -> Type {
        match self {
            Kind::Int => Type::INT8,
            Kind::Float => Type::FLOAT8,
            Kind::Bool => Type::BOOL,
            Kind::Text => Type::TEXT,
            Kind::Bytes => Type::BYTEA,
        }
    }
}

/// A value in its PostgreSQL type, as copied and as hashed.
#[derive(Debug, Clone, PartialEq)]
enum Canon {
    Null(Kind),
    Int(i64),
    Float(f64),
    Bool(bool),
    Text(String),
    Bytes(Vec<u8>),
}

impl Canon {
    /// A SQLite value as `kind`; `None` when it does not fit.
    fn from_sqlite(kind: Kind, v: Value) -> Option<Canon> {
        Some(match (kind, v) {
            (k, Value::Null) => Canon::Null(k),
            (Kind::Int, Value::Integer(i)) => Canon::Int(i),
            (Kind::Float, Value::Real(f)) => Canon::Float(f),
            (Kind::Float, Value::Integer(i)) => Canon::Float(i as f64),
            (Kind::Bool, Value::Integer(0)) => Canon::Bool(false),
            (Kind::Bool, Value::Integer(1)) => Canon::Bool(true),
            (Kind::Text, Value::Text(s)) => Canon::Text(s),
            (Kind::Bytes, Value::Blob(b)) => Canon::Bytes(b),
            _ => return None,
        })
    }

    /// Column `i` of a PostgreSQL row, read as `kind`.
    fn from_pg(
        kind: Kind,
        r: &tokio_postgres::Row,
        i: usize,
    ) -> Result<Canon, tokio_postgres::Error> {
        Ok(match kind {
            Kind::Int => r.try_get::<_, Option<i64>>(i)?.map(Canon::Int),
            Kind::Float => r.try_get::<_, Option<f64>>(i)?.map(Canon::Float),
            Kind::Bool => r.try_get::<_, Option<bool>>(i)?.map(Canon::Bool),
            Kind::Text => r.try_get::<_, Option<String>>(i)?.map(Canon::Text),
            Kind::Bytes => r.try_get::<_, Option<Vec<u8>>>(i)?.map(Canon::Bytes),
        }
        .unwrap_or(Canon::Null(kind)))
    }

    fn to_sql(&self) -> Box<dyn ToSql + Sync + Send> {
        match self.clone() {
            Canon::Null(Kind::Int) => Box::new(None::<i64>),
            Canon::Null(Kind::Float) => Box::new(None::<f64>),
            Canon::Null(Kind::Bool) => Box::new(None::<bool>),
            Canon::Null(Kind::Text) => Box::new(None::<String>),
            Canon::Null(Kind::Bytes) => Box::new(None::<Vec<u8>>),
            Canon::Int(i) => Box::new(i),
            Canon::Float(f) => Box::new(f),
            Canon::Bool(b) => Box::new(b),
            Canon::Text(s) => Box::new(s),
            Canon::Bytes(b) => Box::new(b),
        }
    }

    /// Feeds the value, tagged by type and length-prefixed, to a row hash.
    fn hash_into(&self, h: &mut Sha256) {
        match self {
            Canon::Null(_) => h.update([0]),
            Canon::Int(i) => {
                h.update([1]);
                h.update(i.to_le_bytes());
            }
            Canon::Float(f) => {
                h.update([2]);
                h.update(f.to_bits().to_le_bytes());
            }
            Canon::Bool(b) => h.update([3, u8::from(*b)]),
            Canon::Text(s) => {
                h.update([4]);
                h.update((s.len() as u64).to_le_bytes());
                h.update(s.as_bytes());
            }
            Canon::Bytes(b) => {
                h.update([5]);
                h.update((b.len() as u64).to_le_bytes());
                h.update(b);
            }
        }
    }
}

/// The columns of one table: the SQLite expression read, the PostgreSQL column written, its kind.
struct Columns {
    sqlite: Vec<String>,
    pg: Vec<String>,
    kinds: Vec<Kind>,
}

/// Order-independent digest of rows: SHA-256 over the sorted row hashes.
#[derive(Default)]
struct TableDigest {
    rows: Vec<[u8; 32]>,
}

impl TableDigest {
    fn push(&mut self, row: &[Canon]) {
        let mut h = Sha256::new();
        for v in row {
            v.hash_into(&mut h);
        }
        self.rows.push(h.finalize().into());
    }

    fn finish(mut self) -> (usize, String) {
        self.rows.sort_unstable();
        let mut h = Sha256::new();
        for r in &self.rows {
            h.update(r);
        }
        (self.rows.len(), hex::encode(h.finalize()))
    }
}

impl PgStore {
    /// Rows in the case tables of this database (0 for an empty target).
    pub fn case_rows(&self) -> Result<usize> {
        let q = self.q("count case rows");
        let sql = CASE_TABLES
            .iter()
            .map(|t| format!("(SELECT count(*) FROM {t})"))
            .collect::<Vec<_>>()
            .join(" + ");
        self.read(async |c| {
            let n: i64 = c
                .query_one(&format!("SELECT {sql}"), &[])
                .await
                .and_then(|r| r.try_get(0))
                .map_err(&q)?;
            Ok(super::crawl::usize_of(n))
        })
    }

    /// The SQLite and PostgreSQL columns of `table`: every SQLite column must exist here (else
    /// its data would be lost); the frontier's rowid is its `seq`.
    async fn columns(
        &self,
        c: &tokio_postgres::Client,
        src: &Store,
        table: &str,
    ) -> Result<Columns> {
        let q = self.q("read table columns");
        let pg: Vec<(String, String)> = c
            .query(
                "SELECT column_name::text, data_type::text FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = $1
                 ORDER BY ordinal_position",
                &[&table],
            )
            .await
            .map_err(&q)?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect::<Result<_, tokio_postgres::Error>>()
            .map_err(&q)?;
        let names = src.table_columns(table)?;
        let mut cols = Columns {
            sqlite: Vec::new(),
            pg: Vec::new(),
            kinds: Vec::new(),
        };
        if table == "frontier" {
            cols.sqlite.push("rowid".into());
            cols.pg.push("seq".into());
            cols.kinds.push(Kind::Int);
        }
        for name in names {
            let Some((_, ty)) = pg.iter().find(|(n, _)| *n == name) else {
                return Err(self.invalid(format!(
                    "column {table}.{name} of the SQLite case has no place in this PostgreSQL \
                     schema (a newer SQLite schema than this build copies)"
                )));
            };
            let kind = Kind::of(ty)
                .ok_or_else(|| self.misuse(format!("{table}.{name}: unexpected type {ty}")))?;
            cols.sqlite.push(format!("\"{name}\""));
            cols.pg.push(format!("\"{name}\""));
            cols.kinds.push(kind);
        }
        Ok(cols)
    }

    /// Copies the case in SQLite file `src` into this database (see the module docs). Refuses a
    /// target that already holds case rows unless `allow_non_empty`; then an id that clashes
    /// fails the copy and leaves the target as it was.
    pub fn copy_from(&self, src: &Store, allow_non_empty: bool) -> Result<CopyReport> {
        let existing = self.case_rows()?;
        if existing > 0 && !allow_non_empty {
            return Err(self.invalid(format!(
                "the target already holds a case ({existing} rows): copy into an empty database"
            )));
        }
        let mut skipped_empty = Vec::new();
        for (table, rows) in src.table_sizes()? {
            if CASE_TABLES.contains(&table.as_str()) || derived(&table) {
                continue;
            }
            if rows > 0 {
                return Err(self.invalid(format!(
                    "table {table} of {} holds {rows} rows this build cannot copy",
                    src.path().display()
                )));
            }
            skipped_empty.push(table);
        }
        let report = src.snapshot(|| {
            self.write("copy case", async |tx| {
                let mut tables = Vec::new();
                for table in CASE_TABLES {
                    let n = self.copy_table(tx, src, table).await?;
                    tables.push((table.to_string(), n));
                    if *table == "pages" {
                        // Markets were copied without their state page (pages did not exist yet).
                        for (id, page) in src.market_state_pages()? {
                            tx.execute(
                                "UPDATE markets SET state_page_id = $2 WHERE id = $1",
                                &[&id, &page],
                            )
                            .await
                            .map_err(self.q("copy market state pages"))?;
                        }
                    }
                }
                // Identities continue after the copied ids.
                let q = self.q("advance identities");
                let ids = tx
                    .query(
                        "SELECT table_name::text, column_name::text FROM information_schema.columns
                         WHERE table_schema = current_schema() AND is_identity = 'YES'",
                        &[],
                    )
                    .await
                    .map_err(&q)?;
                for r in ids {
                    let (t, c): (String, String) =
                        (r.try_get(0).map_err(&q)?, r.try_get(1).map_err(&q)?);
                    tx.execute(
                        &format!(
                            "SELECT setval(pg_get_serial_sequence($1, $2), max(\"{c}\"))
                             FROM \"{t}\" HAVING max(\"{c}\") IS NOT NULL"
                        ),
                        &[&t, &c],
                    )
                    .await
                    .map_err(&q)?;
                }
                Ok(CopyReport {
                    tables,
                    skipped_empty: skipped_empty.clone(),
                })
            })
        })?;
        Ok(report)
    }

    /// Copies one table by binary COPY, in chunks read in key order; returns the rows copied.
    async fn copy_table(&self, tx: &Transaction<'_>, src: &Store, table: &str) -> Result<usize> {
        let cols = self.columns(tx.client(), src, table).await?;
        let q = self.q("copy rows");
        let sink = tx
            .copy_in(&format!(
                "COPY {table} ({}) FROM STDIN BINARY",
                cols.pg.join(", ")
            ))
            .await
            .map_err(&q)?;
        let types: Vec<Type> = cols.kinds.iter().map(|k| k.pg_type()).collect();
        let mut writer = std::pin::pin!(BinaryCopyInWriter::new(sink, &types));
        let keys = src.key_columns(table)?;
        let mut after: Option<Vec<Value>> = None;
        let mut copied = 0;
        loop {
            let chunk = src.rows_after(table, &cols, &keys, after.as_deref(), CHUNK)?;
            let Some((last, _)) = chunk.last() else {
                break;
            };
            after = Some(last.clone());
            for (_, row) in &chunk {
                let mut row = row.clone();
                if table == "markets" {
                    // state_page_id is set once the pages are in.
                    for (i, name) in cols.pg.iter().enumerate() {
                        if name == "\"state_page_id\"" {
                            row[i] = Canon::Null(Kind::Int);
                        }
                    }
                }
                let values: Vec<Box<dyn ToSql + Sync + Send>> =
                    row.iter().map(Canon::to_sql).collect();
                let refs: Vec<&(dyn ToSql + Sync)> = values
                    .iter()
                    .map(|b| b.as_ref() as &(dyn ToSql + Sync))
                    .collect();
                writer.as_mut().write(&refs).await.map_err(&q)?;
                copied += 1;
            }
        }
        writer.finish().await.map_err(&q)?;
        Ok(copied)
    }

    /// Checks this database against the SQLite case `src` (see the module docs).
    pub fn verify_copy(&self, src: &Store) -> Result<CaseCheck> {
        let mut tables = Vec::new();
        for table in CASE_TABLES {
            let (cols, target) = self.block(async {
                let mut client = self.client().await?;
                let cols = self.columns(&client, src, table).await?;
                let q = self.q("digest table");
                let tx = client.transaction().await.map_err(&q)?;
                let portal = tx
                    .bind(&format!("SELECT {} FROM {table}", cols.pg.join(", ")), &[])
                    .await
                    .map_err(&q)?;
                let mut digest = TableDigest::default();
                loop {
                    let rows = tx.query_portal(&portal, 256).await.map_err(&q)?;
                    if rows.is_empty() {
                        break;
                    }
                    for r in &rows {
                        let row = cols
                            .kinds
                            .iter()
                            .enumerate()
                            .map(|(i, k)| Canon::from_pg(*k, r, i))
                            .collect::<Result<Vec<_>, _>>()
                            .map_err(&q)?;
                        digest.push(&row);
                    }
                }
                tx.commit().await.map_err(&q)?;
                Ok::<_, StoreError>((cols, digest.finish()))
            })?;
            let source = src.table_digest(table, &cols)?;
            tables.push(TableCheck {
                table: table.to_string(),
                source_rows: source.0,
                target_rows: target.0,
                source_sha256: source.1,
                target_sha256: target.1,
            });
        }
        let (pages_checked, bad_pages) = self.check_page_bodies()?;
        Ok(CaseCheck {
            tables,
            pages_checked,
            bad_pages,
            source_reviews: src.verify_reviews()?,
            target_reviews: self.verify_reviews()?,
        })
    }

    /// Decompresses every page body and checks its length and SHA-256; returns the pages checked
    /// and those that fail.
    fn check_page_bodies(&self) -> Result<(usize, Vec<i64>)> {
        let q = self.q("check page bodies");
        let mut after = i64::MIN;
        let mut checked = 0;
        let mut bad = Vec::new();
        loop {
            let rows = self.read(async |c| {
                c.query(
                    "SELECT id, body_zstd, body_len, sha256 FROM pages WHERE id > $1
                     ORDER BY id LIMIT 64",
                    &[&after],
                )
                .await
                .map_err(&q)
            })?;
            if rows.is_empty() {
                break;
            }
            for r in rows {
                let id: i64 = r.try_get(0).map_err(&q)?;
                let z: Vec<u8> = r.try_get(1).map_err(&q)?;
                let len: i64 = r.try_get(2).map_err(&q)?;
                let sha: String = r.try_get(3).map_err(&q)?;
                let intact = zstd::stream::decode_all(z.as_slice())
                    .is_ok_and(|body| body.len() as i64 == len && sha256_hex(&body) == sha);
                if !intact {
                    bad.push(id);
                }
                checked += 1;
                after = id;
            }
        }
        Ok((checked, bad))
    }
}

impl Store {
    /// The column names of `table`, in order.
    fn table_columns(&self, table: &str) -> Result<Vec<String>> {
        let q = self.q("read table columns");
        self.read(|c| {
            let mut st = c
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .map_err(&q)?;
            let names = st
                .query_map([], |r| r.get(0))
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<String>>>()
                .map_err(&q)?;
            Ok(names)
        })
    }

    /// Every table of the file with its row count.
    fn table_sizes(&self) -> Result<Vec<(String, usize)>> {
        let q = self.q("count tables");
        let names: Vec<String> = self.read(|c| {
            let mut st = c
                .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
                .map_err(&q)?;
            let names = st
                .query_map([], |r| r.get(0))
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<String>>>()
                .map_err(&q)?;
            Ok(names)
        })?;
        let mut out = Vec::new();
        for name in names {
            if derived(&name) {
                continue;
            }
            let n: i64 = self.read(|c| {
                c.query_row(&format!("SELECT count(*) FROM \"{name}\""), [], |r| {
                    r.get(0)
                })
                .map_err(&q)
            })?;
            out.push((name, crate::to_usize(n)));
        }
        Ok(out)
    }

    /// Runs `f` inside one read transaction, so every read it makes sees one snapshot.
    fn snapshot<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        // The connection is taken per read, so the snapshot is a BEGIN..COMMIT around them.
        let q = self.q("read snapshot");
        self.read(|c| c.execute_batch("BEGIN").map_err(&q))?;
        let out = f();
        self.read(|c| c.execute_batch("COMMIT").map_err(&q))?;
        out
    }

    /// The columns rows of `table` are read in order of: its rowid, or the primary key of a
    /// WITHOUT ROWID table.
    fn key_columns(&self, table: &str) -> Result<Vec<String>> {
        let q = self.q("read table keys");
        self.read(|c| {
            if c.prepare(&format!("SELECT rowid FROM \"{table}\" LIMIT 0"))
                .is_ok()
            {
                return Ok(vec!["rowid".to_string()]);
            }
            let mut st = c
                .prepare(&format!(
                    "SELECT name FROM pragma_table_info('{table}') WHERE pk > 0 ORDER BY pk"
                ))
                .map_err(&q)?;
            let names = st
                .query_map([], |r| r.get::<_, String>(0))
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            Ok(names.into_iter().map(|n| format!("\"{n}\"")).collect())
        })
    }

    /// Up to `limit` rows of `table` after key `after` (in the order of `keys`), as `cols` types
    /// them, each with its key.
    fn rows_after(
        &self,
        table: &str,
        cols: &Columns,
        keys: &[String],
        after: Option<&[Value]>,
        limit: i64,
    ) -> Result<Vec<(Vec<Value>, Vec<Canon>)>> {
        let q = self.q("read rows to copy");
        let k = keys.len();
        let key_list = keys.join(", ");
        let cond = match after {
            None => String::new(),
            Some(_) => format!(
                "WHERE ({key_list}) > ({})",
                (1..=k)
                    .map(|i| format!("?{i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let raw: Vec<(Vec<Value>, Vec<Value>)> = self.read(|c| {
            let mut st = c
                .prepare_cached(&format!(
                    "SELECT {key_list}, {} FROM \"{table}\" {cond} ORDER BY {key_list} LIMIT {limit}",
                    cols.sqlite.join(", ")
                ))
                .map_err(&q)?;
            let n = cols.sqlite.len();
            let params: Vec<&dyn rusqlite::ToSql> = after
                .unwrap_or(&[])
                .iter()
                .map(|v| v as &dyn rusqlite::ToSql)
                .collect();
            let rows = st
                .query_map(params.as_slice(), |r| {
                    let key = (0..k).map(|i| r.get::<_, Value>(i)).collect::<rusqlite::Result<_>>()?;
                    let v = (0..n)
                        .map(|i| r.get::<_, Value>(k + i))
                        .collect::<rusqlite::Result<_>>()?;
                    Ok((key, v))
                })
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            Ok(rows)
        })?;
        raw.into_iter()
            .map(|(key, vals)| {
                let rowid = format!("{key:?}");
                let row = vals
                    .into_iter()
                    .zip(&cols.kinds)
                    .zip(&cols.pg)
                    .map(|((v, k), name)| {
                        Canon::from_sqlite(*k, v).ok_or_else(|| StoreError::Invalid {
                            path: self.path.clone(),
                            what: format!(
                                "{table}.{name} of the row with key {rowid} does not fit {k:?}"
                            ),
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
                Ok((key, row))
            })
            .collect()
    }

    /// The row count and digest of `table` (see [`TableDigest`]).
    fn table_digest(&self, table: &str, cols: &Columns) -> Result<(usize, String)> {
        let mut digest = TableDigest::default();
        let keys = self.key_columns(table)?;
        let mut after: Option<Vec<Value>> = None;
        loop {
            let chunk = self.rows_after(table, cols, &keys, after.as_deref(), CHUNK)?;
            let Some((last, _)) = chunk.last() else {
                break;
            };
            after = Some(last.clone());
            for (_, row) in &chunk {
                digest.push(row);
            }
        }
        Ok(digest.finish())
    }

    /// Markets whose state points at a page: (market id, page id).
    fn market_state_pages(&self) -> Result<Vec<(String, i64)>> {
        let q = self.q("read market state pages");
        self.read(|c| {
            let mut st = c
                .prepare("SELECT id, state_page_id FROM markets WHERE state_page_id IS NOT NULL")
                .map_err(&q)?;
            let rows = st
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            Ok(rows)
        })
    }
}
