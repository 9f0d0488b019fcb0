//! `armswatch train`: rebuild a model from labeled JSON lines.

use crate::cli::TrainArgs;
use anyhow::{Context, Result};
use armswatch_classifier::ClassifierParams;
use std::process::ExitCode;

/// `armswatch train`.
pub fn run(a: TrainArgs) -> Result<ExitCode> {
    let params = ClassifierParams::default().seed(a.seed);
    let started = std::time::Instant::now();
    let model = armswatch_classifier::train(&a.data, &params)?;
    model
        .save(&a.out)
        .with_context(|| format!("writing the model to {}", a.out.display()))?;
    tracing::info!("trained in {:.1} s", started.elapsed().as_secs_f64());
    println!(
        "wrote {} (model {} version {})",
        a.out.display(),
        model.model_id(),
        model.model_version()
    );
    Ok(ExitCode::SUCCESS)
}
