//! `armswatch verify EXPORT`: checks an evidence export against its manifest and prints each
//! record that fails as a row (index, kind, record id, URL, byte range, what is wrong).

use crate::cli::VerifyArgs;
use crate::evidence::verify::{verify, Problem};
use crate::output::{Column, Format, Printer, Row};
use anyhow::Result;
use serde::Serialize;
use std::process::ExitCode;

/// A failed check as a row; its JSON form is the report's.
#[derive(Serialize)]
#[serde(transparent)]
struct ProblemLine<'a>(&'a Problem);

impl Row for ProblemLine<'_> {
    fn columns() -> &'static [Column] {
        const C: &[Column] = &[
            Column::right("RECORD", 6),
            Column::left("KIND", 9),
            Column::left("ID", 47),
            Column::left("URL", 40),
            Column::left("BYTES", 21),
            Column::left("PROBLEM", 0),
        ];
        C
    }

    fn cells(&self) -> Vec<String> {
        match &self.0.record {
            None => vec![
                String::new(),
                "export".into(),
                String::new(),
                String::new(),
                String::new(),
                self.0.problem.clone(),
            ],
            Some(r) => vec![
                r.index.to_string(),
                r.kind.clone(),
                r.id.clone(),
                r.target.clone().unwrap_or_default(),
                format!("{}..{}", r.offset, r.offset + r.length),
                self.0.problem.clone(),
            ],
        }
    }
}

/// `armswatch verify`.
pub fn run(a: VerifyArgs) -> Result<ExitCode> {
    let report = verify(&a.export, a.manifest.as_deref())?;
    let mut out = Printer::stdout(if a.json { Format::Json } else { Format::Table });
    if a.json {
        out.object(&report)?;
    } else if report.is_ok() {
        out.note(&format!(
            "ok: {} ({}) {} records verified, sha256 {}",
            a.export.display(),
            report.format,
            report.records,
            report.export_sha256
        ))?;
    } else {
        out.print_rows(report.problems.iter().map(ProblemLine))?;
        out.note(&format!(
            "FAILED: {} problem(s) in {}",
            report.problems.len(),
            a.export.display()
        ))?;
    }
    out.finish::<ProblemLine>()?;
    Ok(if report.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
