//! The shipped model on real Agora listings (../shared/data/real-dev.jsonl, evaluation only; never
//! copied into the repository): precision and recall floors for firearm and ammunition, and the
//! false-positive rate on listings with no label. Skips (or, with `CI` set, fails) when the data is
//! missing.

use armswatch_classifier::{clear_examples, evaluate, read_examples, Classifier};
use armswatch_core::Label;
use std::path::PathBuf;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("classifier/ has a parent")
        .to_path_buf()
}

// Floors a listing or so below what the shipped model measures (see models/armswatch-linear.md):
// firearm precision 1.000, recall 0.926 (25 of 27), F1 0.962; ammunition precision 1.000, recall
// 1.000 (16 of 16), F1 1.000; false-positive rate 0.02 % (1 of 5,381). The F1 floors are the
// project's goal (0.95); the scikit-learn baseline trained on the same corpus reaches firearm F1
// 0.912 and ammunition F1 0.780, so they also hold the shipped model above it.
const FIREARM_PRECISION: f64 = 0.88;
const FIREARM_RECALL: f64 = 0.88;
const AMMO_PRECISION: f64 = 0.87;
const AMMO_RECALL: f64 = 0.87;
const FIREARM_MIN_F1: f64 = 0.95;
const AMMO_MIN_F1: f64 = 0.95;
const MAX_FALSE_POSITIVE_RATE: f64 = 0.002;

#[test]
fn shipped_model_meets_floors_on_real_dev() {
    // Guards the shipped model's measured quality on real listings against regressions.
    let data = repo().join("../shared/data/real-dev.jsonl");
    if !data.exists() {
        if std::env::var_os("CI").is_some() {
            panic!("CI is set but {} is missing", data.display());
        }
        // Past the harness's output capture: a skipped test says so although it passes.
        {
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED (the test passes without running): {} not found",
                data.display()
            );
        }
        return;
    }
    let model = Classifier::load(repo().join("models/armswatch-linear.model")).unwrap();
    let rows = clear_examples(&read_examples(&data).unwrap());
    let r = evaluate(&model, &rows);
    eprintln!("{r}");
    let fire = &r.labels[&Label::Firearm];
    let ammo = &r.labels[&Label::Ammunition];
    assert!(fire.precision >= FIREARM_PRECISION, "{r}");
    assert!(fire.recall >= FIREARM_RECALL, "{r}");
    assert!(ammo.precision >= AMMO_PRECISION, "{r}");
    assert!(ammo.recall >= AMMO_RECALL, "{r}");
    assert!(fire.f1 >= FIREARM_MIN_F1 && ammo.f1 >= AMMO_MIN_F1, "{r}");
    assert!(r.false_positive_rate <= MAX_FALSE_POSITIVE_RATE, "{r}");
}
