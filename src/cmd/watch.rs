//! `armswatch watch add|list|remove`: vendors and terms whose listings raise alerts in
//! `armswatch run`.

use crate::cli::{WatchArgs, WatchCommand};
use crate::output::{Column, Format, Printer, Row};
use anyhow::{bail, Context, Result};
use armswatch_store::{rfc3339, Watch};
use serde::Serialize;
use std::process::ExitCode;

/// `armswatch watch`.
pub fn run(a: WatchArgs) -> Result<ExitCode> {
    match a.command {
        WatchCommand::Add {
            vendor,
            term,
            db,
            json,
        } => {
            let (kind, pattern) = match (vendor, term) {
                (Some(v), None) => ("vendor", v.trim().to_string()),
                (None, Some(t)) => {
                    regex::RegexBuilder::new(&t)
                        .case_insensitive(true)
                        .size_limit(1 << 20)
                        .build()
                        .with_context(|| format!("--term {t:?} is not a valid regex"))?;
                    ("term", t)
                }
                _ => bail!("give --vendor NAME or --term REGEX"),
            };
            if pattern.is_empty() {
                bail!("the {kind} to watch is empty");
            }
            let store = db.open_ops(true)?;
            let id = store.add_watch(kind, &pattern)?;
            let w = store
                .watches()?
                .into_iter()
                .find(|w| w.id == id)
                .context("the watch just added is missing")?;
            if json {
                let mut out = Printer::stdout(Format::Json);
                out.row(&WatchRow::from(w))?;
                out.finish::<WatchRow>()?;
            } else {
                println!(
                    "watch {id}: {kind} {}; listings seen from now on raise alerts in `armswatch run`",
                    crate::output::sanitize(&pattern)
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        WatchCommand::List { db, output } => {
            let store = db.open_ops_read()?;
            let mut out = Printer::stdout(output.format()).when_empty("no watches");
            for w in store.watches()? {
                out.row(&WatchRow::from(w))?;
            }
            out.finish::<WatchRow>()?;
            Ok(ExitCode::SUCCESS)
        }
        WatchCommand::Remove { id, db } => {
            let store = db.open_ops(false)?;
            if !store.remove_watch(id)? {
                bail!("no watch {id} (see `armswatch watch list`)");
            }
            println!("watch {id} removed");
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// One watch as printed.
#[derive(Debug, Serialize)]
struct WatchRow {
    id: i64,
    kind: String,
    pattern: String,
    created_at: String,
}

impl From<Watch> for WatchRow {
    fn from(w: Watch) -> Self {
        WatchRow {
            id: w.id,
            kind: w.kind,
            pattern: w.pattern,
            created_at: rfc3339(w.created_at),
        }
    }
}

impl Row for WatchRow {
    fn columns() -> &'static [Column] {
        const C: &[Column] = &[
            Column::right("ID", 4),
            Column::left("KIND", 6),
            Column::left("SINCE", 20),
            Column::left("PATTERN", 0),
        ];
        C
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.kind.clone(),
            self.created_at.clone(),
            self.pattern.clone(),
        ]
    }
}
