//! `armswatch export`: evidence exports (WARC, CSV, JSON lines, MISP) with a manifest; with
//! `--research`, the research data set (`cmd::research`).

use crate::cli::ExportArgs;
use crate::evidence::{self, formats, Builder, ExportListing};
use crate::output::{Format, NoRows, Printer};
use anyhow::Result;
use armswatch_core::ReviewState;
use std::process::ExitCode;

/// `armswatch export`.
pub fn run(a: ExportArgs) -> Result<ExitCode> {
    if a.research {
        if !a.listing.is_empty() || a.flagged || a.reviewed {
            anyhow::bail!(
                "--research exports every listing: it takes no --listing, --flagged or --reviewed"
            );
        }
        return super::research::run(a);
    }
    let format = a.format.as_str();
    let Some(out_path) = a.out.clone() else {
        anyhow::bail!("an evidence export needs --out FILE (its manifest is written beside it)");
    };
    let store = a.db.open_case(false)?;
    let (ids, selection) = if !a.listing.is_empty() {
        let list: Vec<String> = a.listing.iter().map(i64::to_string).collect();
        (a.listing.clone(), format!("listings {}", list.join(",")))
    } else if a.flagged {
        (store.flagged_listing_ids()?, "flagged listings".to_string())
    } else {
        let state = a
            .state
            .as_deref()
            .map(str::parse::<ReviewState>)
            .transpose()?;
        let what = match state {
            Some(s) => format!("reviewed listings, {s}"),
            None => "reviewed listings".to_string(),
        };
        (store.reviewed_listing_ids(state)?, what)
    };
    let mut listings = Vec::with_capacity(ids.len());
    for id in &ids {
        match ExportListing::load(store.as_ref(), *id)? {
            Some(l) => listings.push(l),
            None => anyhow::bail!("no listing {id} in {}", a.db),
        }
    }
    let mut b = Builder::default();
    match format {
        "warc" => evidence::warc::write(store.as_ref(), &listings, &selection, &mut b)?,
        "csv" => formats::write_csv(&listings, &mut b)?,
        "jsonl" => formats::write_jsonl(&listings, &mut b)?,
        _ => formats::write_misp(&listings, &selection, &mut b)?,
    }
    let m = b.finish(&out_path, format, &selection, listings.len())?;
    // What was written, as lines of the shared printer (paths escaped like any text).
    let mut out = Printer::stdout(Format::Table);
    out.note(&format!(
        "wrote {} ({format}, {} listings, {} records, {} bytes)",
        out_path.display(),
        m.listings,
        m.records.len(),
        m.export_bytes
    ))?;
    out.note(&format!(
        "manifest {}",
        evidence::manifest_path(&out_path).display()
    ))?;
    out.note(&format!("export sha256 {}", m.export_sha256))?;
    out.finish::<NoRows>()?;
    if listings.is_empty() {
        tracing::warn!("the selection ({selection}) holds no listings: the export is empty");
    }
    Ok(ExitCode::SUCCESS)
}
