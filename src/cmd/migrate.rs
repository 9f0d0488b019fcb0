//! `armswatch migrate`: brings an existing database's schema up to date, or copies a case from a
//! SQLite file into PostgreSQL and verifies the copy.

use crate::cli::MigrateArgs;
use crate::db::DbTarget;
use crate::output::{Column, Format, Printer, Row};
use anyhow::{Context, Result};
use armswatch_store::{pg_schema_version, schema_version, PgStore, Store, TableCheck};
use serde::Serialize;
use serde_json::json;
use std::process::ExitCode;

/// `armswatch migrate`.
pub fn run(a: MigrateArgs) -> Result<ExitCode> {
    if let (Some(from), Some(to)) = (&a.from, &a.to) {
        return copy(&a, from, to);
    }
    let Some(db) = &a.db else {
        anyhow::bail!("migrate needs --db (or ARMSWATCH_DB), or --from and --to");
    };
    // Opening read-write checks the database and applies the missing migrations.
    let version = match db {
        DbTarget::Sqlite(p) => {
            if !p.exists() {
                anyhow::bail!("no database at {}", p.display());
            }
            Store::open(p)?;
            schema_version()
        }
        DbTarget::Postgres(url) => {
            PgStore::connect(url)?;
            pg_schema_version()
        }
    };
    println!(
        "{}: schema version {version} (up to date)",
        crate::output::sanitize(&db.to_string())
    );
    Ok(ExitCode::SUCCESS)
}

/// A table on both sides, as printed.
#[derive(Serialize)]
#[serde(transparent)]
struct CheckLine(TableCheck);

impl Row for CheckLine {
    fn columns() -> &'static [Column] {
        const C: &[Column] = &[
            Column::left("TABLE", 20),
            Column::right("SOURCE", 8),
            Column::right("TARGET", 8),
            Column::left("SHA256", 16),
            Column::left("CHECK", 8),
        ];
        C
    }

    fn cells(&self) -> Vec<String> {
        let t = &self.0;
        vec![
            t.table.clone(),
            t.source_rows.to_string(),
            t.target_rows.to_string(),
            t.target_sha256.chars().take(16).collect(),
            if t.ok() { "same" } else { "MISMATCH" }.to_string(),
        ]
    }
}

/// `armswatch migrate --from sqlite:… --to postgres://…`.
fn copy(a: &MigrateArgs, from: &DbTarget, to: &DbTarget) -> Result<ExitCode> {
    let src_path = from.sqlite("migrate --from")?;
    let DbTarget::Postgres(url) = to else {
        anyhow::bail!("--to must be a PostgreSQL database (postgres://...), not {to}");
    };
    if !src_path.exists() {
        anyhow::bail!("no database at {}", src_path.display());
    }
    let src = Store::open_read_only(src_path)?;
    let dst = PgStore::connect(url)?;
    let copied = if a.verify_only {
        None
    } else {
        Some(
            dst.copy_from(&src, a.allow_non_empty)
                .with_context(|| format!("copying {from} into {to}"))?,
        )
    };
    let check = dst
        .verify_copy(&src)
        .with_context(|| format!("verifying {to} against {from}"))?;
    let ok = check.ok();
    let format = if a.json { Format::Json } else { Format::Table };
    let mut out = Printer::stdout(format);
    if a.json {
        out.object(&json!({
            "from": from.to_string(),
            "to": to.to_string(),
            "copied": copied,
            "check": check,
            "ok": ok,
        }))?;
    } else {
        out.print_rows(check.tables.iter().cloned().map(CheckLine))?;
        for t in copied.iter().flat_map(|c| &c.skipped_empty) {
            out.note(&format!("{t}: empty, not copied"))?;
        }
        out.note(&format!(
            "pages: {} bodies checked against their SHA-256, {} do not match{}",
            check.pages_checked,
            check.bad_pages.len(),
            if check.bad_pages.is_empty() {
                String::new()
            } else {
                format!(
                    " (page ids {})",
                    check
                        .bad_pages
                        .iter()
                        .take(20)
                        .map(i64::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        ))?;
        let (s, t) = (&check.source_reviews, &check.target_reviews);
        out.note(&format!(
            "reviews: {} in the source (head {}), {} in the target (head {}), target chain {}",
            s.reviews,
            s.head_hash,
            t.reviews,
            t.head_hash,
            if t.is_intact() {
                "intact".to_string()
            } else {
                format!("BROKEN at {} reviews", t.broken.len())
            }
        ))?;
        out.note(&if ok {
            format!(
                "{}: {from} copied into {to} and verified",
                if copied.is_some() { "ok" } else { "verified" }
            )
        } else {
            format!("MISMATCH: {to} is not a faithful copy of {from}")
        })?;
    }
    out.finish::<CheckLine>()?;
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
