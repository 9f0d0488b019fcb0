//! Scores model files on the per-class probe sets (`classifier/probes/*.jsonl`: hand-written for
//! the error classes of issue #14, never trained on) and prints a markdown table: per class and
//! model, listings whose label set is exactly right, positives found and negatives left alone.
//!
//! ```text
//! cargo run --release -p armswatch-classifier --example probes -- \
//!     --probes classifier/probes MODEL_BEFORE MODEL_AFTER ...
//! ```

use armswatch_classifier::{clear_examples, read_examples, Classifier};
use armswatch_core::LabelSet;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .iter()
        .position(|a| a == "--probes")
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_else(|| "classifier/probes".into());
    let models: Vec<(String, Classifier)> = args
        .iter()
        .filter(|a| a.ends_with(".model"))
        .map(|p| Ok((p.clone(), Classifier::load(p)?)))
        .collect::<Result<_, Box<dyn std::error::Error>>>()?;
    let mut files: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    println!(
        "| probe set | rows | model | exactly right | positives found | negatives left alone |"
    );
    println!("|---|---:|---|---:|---:|---:|");
    for f in files {
        let rows = clear_examples(&read_examples(&f)?);
        let name = f
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        for (path, m) in &models {
            let (mut exact, mut pos, mut pos_ok, mut neg, mut neg_ok) = (0, 0, 0, 0, 0);
            for e in &rows {
                let got: LabelSet = m
                    .predict(&e.title, &e.description)
                    .labels
                    .into_iter()
                    .collect();
                exact += usize::from(got == e.labels);
                if e.labels.is_empty() {
                    neg += 1;
                    neg_ok += usize::from(got.is_empty());
                } else {
                    pos += 1;
                    pos_ok += usize::from(e.labels.iter().all(|l| got.contains(l)));
                }
            }
            println!(
                "| {name} | {} | {} ({}) | {exact}/{} | {pos_ok}/{pos} | {neg_ok}/{neg} |",
                rows.len(),
                path,
                m.model_version(),
                rows.len()
            );
        }
    }
    Ok(())
}
