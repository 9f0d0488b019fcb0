//! `armswatch eval`: per-label precision, recall, F1, support, PR-AUC and the false-positive rate on
//! unlabeled rows, for the model on a labeled file.

use crate::app;
use crate::cli::{EvalArgs, GlobalArgs};
use anyhow::Result;
use armswatch_classifier::{clear_examples, evaluate, read_examples};
use std::process::ExitCode;

/// `armswatch eval`.
pub fn run(g: &GlobalArgs, a: EvalArgs) -> Result<ExitCode> {
    let model = app::load_model(g)?;
    let rows = read_examples(&a.file)?;
    let examples = clear_examples(&rows);
    let skipped = rows.len() - examples.len();
    let report = evaluate(&model, &examples);
    if a.json {
        let mut v = serde_json::to_value(&report)?;
        if let Some(o) = v.as_object_mut() {
            o.insert("skipped_unclear".into(), skipped.into());
            o.insert("model_version".into(), model.model_version().into());
        }
        println!("{v}");
    } else {
        println!(
            "model {} version {} on {} ({} rows scored, {} unclear skipped)",
            model.model_id(),
            model.model_version(),
            a.file.display(),
            examples.len(),
            skipped
        );
        print!("{report}");
    }
    Ok(ExitCode::SUCCESS)
}
