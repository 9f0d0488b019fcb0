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

// Floors measured with the shipped model (see models/armswatch-linear.md), a little below the
// measured values.
// Measured: firearm precision 0.800, recall 0.593; ammunition precision 0.400, recall 0.500;
// false-positive rate 0.26 %.
const FIREARM_PRECISION: f64 = 0.8;
const FIREARM_RECALL: f64 = 0.6;
const AMMO_PRECISION: f64 = 0.75;
const AMMO_RECALL: f64 = 0.6;
const MAX_FALSE_POSITIVE_RATE: f64 = 0.003;

#[test]
fn shipped_model_meets_floors_on_real_dev() {
    // Guards the shipped model's measured quality on real listings against regressions.
    let data = repo().join("../shared/data/real-dev.jsonl");
    if !data.exists() {
        if std::env::var_os("CI").is_some() {
            panic!("CI is set but {} is missing", data.display());
        }
        eprintln!("skipping: {} not found", data.display());
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
    assert!(r.false_positive_rate <= MAX_FALSE_POSITIVE_RATE, "{r}");
}
