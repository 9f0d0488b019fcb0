//! Trains the shipped model and reports cross-validated metrics.
//!
//! ```text
//! cargo run --release -p armswatch-classifier --example train -- \
//!     --data classifier/corpus/corpus.jsonl --out models/armswatch-linear.model [--cv 5] \
//!     [--seed 42] [--target-recall 0.85] [--ftrl-alpha 1] [--ftrl-l2 1] [--ftrl-batch 32] \
//!     [--ftrl-epochs 10] [--ftrl-row-budget 250000] [--title-only-copies true] [--number-shapes true] \
//!     [--lbfgs --features-per-label 3000 --alpha 0.1]
//! ```
//! Without options it builds exactly the shipped model (the defaults of `ClassifierParams`).
//! Prints the training time, the model version and (with `--cv K`) a K-fold table and JSON;
//! `--cv-only` skips fitting the full model.

use armswatch_classifier::{clear_examples, cross_validate, read_examples, ClassifierParams};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let data = get("--data").ok_or("--data FILE is required")?;
    let mut params = ClassifierParams::default();
    if let Some(a) = get("--alpha") {
        params = params.alpha(a.parse()?);
    }
    if let Some(k) = get("--features-per-label") {
        params = params.features_per_label(k.parse()?);
    }
    if let Some(s) = get("--seed") {
        params = params.seed(s.parse()?);
    }
    if args.iter().any(|a| a == "--lbfgs") {
        params = params.solver(armswatch_classifier::Solver::Lbfgs);
    }
    if let Some(a) = get("--ftrl-alpha") {
        params = params.ftrl_alpha(a.parse()?);
    }
    if let Some(v) = get("--title-only-copies") {
        params = params.title_only_copies(v.parse()?);
    }
    if let Some(n) = get("--ftrl-batch") {
        params = params.ftrl_batch(n.parse()?);
    }
    if let Some(n) = get("--ftrl-l2") {
        params = params.ftrl_l2(n.parse()?);
    }
    if let Some(n) = get("--ftrl-row-budget") {
        params = params.ftrl_row_budget(n.parse()?);
    }
    if let Some(n) = get("--ftrl-epochs") {
        params = params.ftrl_epochs(n.parse()?);
    }
    if let Some(v) = get("--prevalence") {
        params = params.deployment_prevalence(v.parse()?);
    }
    if let Some(v) = get("--min-df") {
        params = params.min_df(v.parse()?);
    }
    let mut features = armswatch_classifier::FeatureConfig::default();
    if let Some(v) = get("--description-chars") {
        features.description_chars = v.parse()?;
    }
    if let Some(v) = get("--block-norm") {
        features.block_norm = v.parse()?;
    }
    if let Some(v) = get("--number-shapes") {
        features.number_shapes = v.parse()?;
    }
    if let Some(v) = get("--stop-words") {
        features.stop_words = v.parse()?;
    }
    if let Some(v) = get("--unicode-fold") {
        features.unicode_fold = v.parse()?;
    }
    if let Some(v) = get("--lexicon-weight") {
        features.lexicon_weight = v.parse()?;
    }
    if let Some(v) = get("--measures") {
        features.measures = v.parse()?;
    }
    if let Some(v) = get("--char-min") {
        features.char_min = v.parse()?;
    }
    params = params.features(features);
    for label in armswatch_core::Label::ALL {
        if let Some(r) = get(&format!("--target-recall-{label}")) {
            params = params.label_target_recall(label, r.parse()?);
        }
    }
    if let Some(n) = get("--bags") {
        params = params.bags(n.parse()?);
    }
    if let Some(n) = get("--threshold-resamples") {
        params = params.threshold_resamples(n.parse()?);
    }
    if let Some(r) = get("--target-recall") {
        params = params.target_recall(r.parse()?);
    }
    let examples = clear_examples(&read_examples(&data)?);
    println!("rows: {}", examples.len());
    if !args.iter().any(|a| a == "--cv-only") {
        let t = Instant::now();
        let model = params.fit(&examples)?;
        println!(
            "trained in {:.1} s: {} {} ({} features)",
            t.elapsed().as_secs_f64(),
            model.model_id(),
            model.model_version(),
            model.vocabulary().len()
        );
        for m in model.label_models() {
            println!(
                "  {:<11} threshold {:.3}  platt a={:.3} b={:.3}  non-zero weights {}",
                m.label.as_str(),
                m.threshold,
                m.platt_a,
                m.platt_b,
                m.weights.len()
            );
        }
        if let Some(out) = get("--out") {
            model.save(&out)?;
            println!("wrote {out}");
        }
    }
    if let Some(k) = get("--cv") {
        let t = Instant::now();
        let report = cross_validate(&params, &examples, k.parse()?)?;
        println!(
            "{k}-fold cross-validation ({:.1} s):",
            t.elapsed().as_secs_f64()
        );
        println!("{report}");
        println!("{}", serde_json::to_string(&report)?);
    }
    Ok(())
}
