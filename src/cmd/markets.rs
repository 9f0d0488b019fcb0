//! `armswatch markets candidates`: onion addresses seen in market text that are no known market's.

use crate::cli::{MarketsArgs, MarketsCommand};
use crate::output::{Column, Printer, Row};
use anyhow::Result;
use armswatch_store::{rfc3339, CandidateMarket};
use serde::Serialize;
use std::process::ExitCode;

/// `armswatch markets`.
pub fn run(a: MarketsArgs) -> Result<ExitCode> {
    match a.command {
        MarketsCommand::Candidates { db, output } => {
            let store = db.open_case(false)?;
            let mut out =
                Printer::stdout(output.format()).when_empty("no candidate markets found yet");
            for c in store.candidate_markets()? {
                out.row(&Candidate::from(c))?;
            }
            out.finish::<Candidate>()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[derive(Debug, Serialize)]
struct Candidate {
    onion: String,
    found_on: Vec<String>,
    sightings: usize,
    example_url: String,
    first_seen: String,
    last_seen: String,
}

impl From<CandidateMarket> for Candidate {
    fn from(c: CandidateMarket) -> Self {
        Candidate {
            onion: c.onion,
            found_on: c.found_on,
            sightings: c.sightings,
            example_url: c.example_url,
            first_seen: rfc3339(c.first_seen),
            last_seen: rfc3339(c.last_seen),
        }
    }
}

impl Row for Candidate {
    fn columns() -> &'static [Column] {
        const C: &[Column] = &[
            Column::left("ONION", 62),
            Column::left("FOUND ON", 20),
            Column::right("SEEN", 5),
            Column::left("LAST SEEN", 20),
            Column::left("FIRST_SEEN", 0).csv_only(),
            Column::left("EXAMPLE URL", 0),
        ];
        C
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.onion.clone(),
            self.found_on.join(" "),
            self.sightings.to_string(),
            self.last_seen.clone(),
            self.first_seen.clone(),
            self.example_url.clone(),
        ]
    }
}
