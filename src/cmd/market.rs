//! `armswatch market session`: an investigator's fresh session cookie for a market behind a login
//! wall. The next crawl sends it and resumes the frontier the wall stopped.

use crate::cli::{MarketArgs, MarketCommand};
use anyhow::{bail, Result};
use armswatch_core::MarketId;
use armswatch_store::Store;
use std::process::ExitCode;

/// `armswatch market`.
pub fn run(a: MarketArgs) -> Result<ExitCode> {
    match a.command {
        MarketCommand::Session { market, cookie, db } => {
            let db = db.sqlite("market session")?;
            let cookie = cookie.trim();
            if cookie.is_empty() {
                bail!("--cookie is empty");
            }
            if cookie.chars().any(|c| c.is_control()) {
                bail!("--cookie holds a control character (a pasted line break?): give the Cookie header's value on one line");
            }
            if !db.exists() {
                bail!("no database at {}", db.display());
            }
            let store = Store::open(db)?;
            let id = MarketId::parse(&market)?;
            if store.market_state(&id)?.is_none() {
                bail!(
                    "no market {} in {} (see `armswatch status`)",
                    crate::output::sanitize(&market),
                    db.display()
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
    }
}
