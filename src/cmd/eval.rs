//! `armswatch eval`: per-label precision, recall, F1, support, PR-AUC and the false-positive rate on
//! unlabeled rows, for the model on a labeled file or on the investigators' reviewed listings.

use crate::app;
use crate::cli::{EvalArgs, GlobalArgs};
use anyhow::{Context, Result};
use armswatch_classifier::{clear_examples, read_examples};
use std::io::Write;
use std::process::ExitCode;

/// `armswatch eval`.
pub fn run(g: &GlobalArgs, a: EvalArgs) -> Result<ExitCode> {
    let model = app::load_model(g)?;
    let (examples, skipped, source, reviewed) = if a.reviews {
        let db = a.db.as_ref().context("--reviews needs --db")?;
        let (examples, counts) = super::train::reviewed_examples(db)?;
        if examples.is_empty() {
            anyhow::bail!("{db} has no reviewed listings to score against");
        }
        (
            examples,
            0,
            format!("the reviewed listings of {db}"),
            Some(counts),
        )
    } else {
        let file = a
            .file
            .as_deref()
            .context("give a labeled file or --reviews --db PATH")?;
        let rows = read_examples(file)?;
        let examples = clear_examples(&rows);
        let skipped = rows.len() - examples.len();
        (examples, skipped, file.display().to_string(), None)
    };
    let progress = crate::progress::Progress::start("eval", "", 0);
    let report = armswatch_classifier::eval::evaluate_with(&model, &examples, a.use_category);
    drop(progress);
    let mut out = std::io::stdout().lock();
    if a.json {
        let mut v = serde_json::to_value(&report)?;
        if let Some(o) = v.as_object_mut() {
            o.insert("skipped_unclear".into(), skipped.into());
            o.insert("model_version".into(), model.model_version().into());
            if let Some(c) = &reviewed {
                o.insert("reviewed".into(), serde_json::to_value(c)?);
            }
        }
        writeln!(out, "{v}")?;
    } else {
        writeln!(
            out,
            "model {} version {} on {} ({} rows scored, {} unclear skipped)",
            model.model_id(),
            model.model_version(),
            source,
            examples.len(),
            skipped
        )?;
        if let Some(c) = &reviewed {
            let by: Vec<String> = c.iter().map(|(k, v)| format!("{v} {k}")).collect();
            writeln!(out, "reviews: {}", by.join(", "))?;
        }
        write!(out, "{report}")?;
    }
    Ok(ExitCode::SUCCESS)
}
