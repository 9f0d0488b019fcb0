//! `armswatch verify EXPORT`: checks an evidence export against its manifest.

use crate::cli::VerifyArgs;
use crate::evidence::verify::verify;
use anyhow::Result;
use std::io::Write;
use std::process::ExitCode;

/// `armswatch verify`.
pub fn run(a: VerifyArgs) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let report = verify(&a.export, a.manifest.as_deref())?;
    if a.json {
        writeln!(out, "{}", serde_json::to_string(&report)?)?;
    } else {
        for p in &report.problems {
            writeln!(out, "BROKEN {}", p.describe())?;
        }
        if report.is_ok() {
            writeln!(
                out,
                "ok: {} ({}) {} records verified, sha256 {}",
                a.export.display(),
                report.format,
                report.records,
                report.export_sha256
            )?;
        } else {
            writeln!(
                out,
                "FAILED: {} problem(s) in {}",
                report.problems.len(),
                a.export.display()
            )?;
        }
    }
    Ok(if report.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
