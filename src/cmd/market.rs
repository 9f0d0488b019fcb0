//! `armswatch market session|mirrors`: a market's settings kept in the database. `session`: an
//! investigator's fresh session cookie for a market behind a login wall (the next crawl sends it
//! and resumes the frontier the wall stopped). `mirrors add|list`: its mirror onions, imported only
//! from a list the market signed (verified with its public key, pure-Rust OpenPGP).

use crate::cli::{MarketArgs, MarketCommand, MirrorsCommand};
use crate::output::{Column, Printer, Row};
use anyhow::{bail, Context, Result};
use armswatch_core::MarketId;
use armswatch_crawler::mirror_list::verify_mirror_list;
use armswatch_store::{rfc3339, MarketMirror};
use serde::Serialize;
use std::process::ExitCode;

/// Largest mirror list or key file read (both are a few kilobytes in practice).
const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// `armswatch market`.
pub fn run(a: MarketArgs) -> Result<ExitCode> {
    match a.command {
        MarketCommand::Session { market, cookie, db } => {
            let cookie = cookie.trim();
            if cookie.is_empty() {
                bail!("--cookie is empty");
            }
            if cookie.chars().any(|c| c.is_control()) {
                bail!("--cookie holds a control character (a pasted line break?): give the Cookie header's value on one line");
            }
            let store = db.open_case(true)?;
            let id = MarketId::parse(&market)?;
            if !store.markets()?.iter().any(|m| m.id == id) {
                bail!(
                    "no market {} in {db} (see `armswatch status`)",
                    crate::output::sanitize(&market),
                );
            }
            store.set_market_session(&id, cookie)?;
            let resume = store.unfinished_run(&id)?;
            match resume {
                Some(run) => println!(
                    "session of market {id} saved; its next crawl resumes run {run} where it stopped"
                ),
                None => println!("session of market {id} saved; its next crawl sends it"),
            }
            Ok(ExitCode::SUCCESS)
        }
        MarketCommand::Mirrors { command } => match command {
            MirrorsCommand::Add {
                market,
                from_signed,
                key,
                db,
            } => {
                let market = MarketId::parse(&market).map_err(|e| anyhow::anyhow!("{e}"))?;
                let signed = read_text(&from_signed)?;
                let key_text = read_text(&key)?;
                let list = verify_mirror_list(&signed, &key_text)
                    .with_context(|| format!("refused {}", from_signed.display()))?;
                let store = db.open_crawl()?;
                let added =
                    store.add_market_mirrors(&market, &list.origins, &list.signer, &list.sha256)?;
                println!(
                    "signature by {} verified; {} mirror(s) listed, {added} new for market {market}",
                    list.signer,
                    list.origins.len()
                );
                for o in &list.origins {
                    println!("  {o}");
                }
                Ok(ExitCode::SUCCESS)
            }
            MirrorsCommand::List { market, db, output } => {
                let market = MarketId::parse(&market).map_err(|e| anyhow::anyhow!("{e}"))?;
                let store = db.open_case(false)?;
                let mut out = Printer::stdout(output.format())
                    .when_empty("no mirrors imported for this market");
                for m in store.market_mirrors(&market)? {
                    out.row(&MirrorRow::from(m))?;
                }
                out.finish::<MirrorRow>()?;
                Ok(ExitCode::SUCCESS)
            }
        },
    }
}

fn read_text(path: &std::path::Path) -> Result<String> {
    let meta = std::fs::metadata(path).with_context(|| format!("reading {}", path.display()))?;
    if meta.len() > MAX_FILE_BYTES {
        anyhow::bail!(
            "{} is larger than {MAX_FILE_BYTES} bytes; not a mirror list or key",
            path.display()
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    String::from_utf8(bytes).with_context(|| format!("{} is not UTF-8 text", path.display()))
}

#[derive(Debug, Serialize)]
struct MirrorRow {
    origin: String,
    signer: String,
    list_sha256: String,
    added_at: String,
}

impl From<MarketMirror> for MirrorRow {
    fn from(m: MarketMirror) -> Self {
        MirrorRow {
            origin: m.origin,
            signer: m.signer,
            list_sha256: m.list_sha256,
            added_at: rfc3339(m.added_at),
        }
    }
}

impl Row for MirrorRow {
    fn columns() -> &'static [Column] {
        const C: &[Column] = &[
            Column::left("MIRROR", 64),
            Column::left("SIGNED BY", 40),
            Column::left("ADDED", 20),
            Column::left("LIST_SHA256", 0).csv_only(),
        ];
        C
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.origin.clone(),
            self.signer.clone(),
            self.added_at.clone(),
            self.list_sha256.clone(),
        ]
    }
}
