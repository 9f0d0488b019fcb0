//! Speed of the classifier: predict throughput on one core and training time, on listings
//! resampled from a corpus.
//!
//! ```text
//! cargo run --release -p armswatch-classifier --example bench -- \
//!     --data classifier/corpus/corpus.jsonl --model models/armswatch-linear.model \
//!     [--listings 100000] [--train-listings 100000] [--train-corpus] [--as-is]
//! ```
//! With `--as-is` the rows of `--data` are the sample itself (predicted, and trained on with
//! `--train-listings N` > 0) instead of a resample. Prints one JSON object.
//! `bench/classifier_speed.sh` runs this and scikit-learn side by side on the same rows.

use armswatch_classifier::{clear_examples, read_examples, Classifier, ClassifierParams, Example};
use std::time::Instant;

/// The same SplitMix64 step the crate uses, for a seeded resample.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn resample(examples: &[Example], n: usize, seed: u64) -> Vec<Example> {
    let mut s = seed;
    (0..n)
        .map(|_| examples[(splitmix(&mut s) % examples.len() as u64) as usize].clone())
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let data = get("--data").ok_or("--data FILE is required")?;
    let model = Classifier::load(get("--model").ok_or("--model FILE is required")?)?;
    let n: usize = get("--listings").map_or(Ok(100_000), |s| s.parse())?;
    let n_train: usize = get("--train-listings").map_or(Ok(0), |s| s.parse())?;
    let corpus = clear_examples(&read_examples(&data)?);
    let as_is = args.iter().any(|a| a == "--as-is");
    let sample = if as_is {
        corpus.clone()
    } else {
        resample(&corpus, n, 7)
    };
    let n = sample.len();
    let chars: usize = sample
        .iter()
        .map(|e| e.title.len() + e.description.len())
        .sum();

    // Warm up, then time predict over the whole sample on this thread.
    for e in sample.iter().take(1000) {
        std::hint::black_box(model.predict(&e.title, &e.description));
    }
    let t = Instant::now();
    let mut flagged = 0usize;
    for e in &sample {
        flagged += usize::from(model.predict(&e.title, &e.description).is_flagged());
    }
    let predict_secs = t.elapsed().as_secs_f64();

    let mut out = serde_json::json!({
        "model_version": model.model_version(),
        "predict": {
            "listings": n,
            "mean_chars": chars as f64 / n as f64,
            "secs": predict_secs,
            "listings_per_sec": n as f64 / predict_secs,
            "flagged": flagged,
        }
    });
    if args.iter().any(|a| a == "--train-corpus") {
        let t = Instant::now();
        ClassifierParams::default().fit(&corpus)?;
        out["train_corpus"] =
            serde_json::json!({"listings": corpus.len(), "secs": t.elapsed().as_secs_f64()});
    }
    if n_train > 0 {
        let big = if as_is {
            corpus.clone()
        } else {
            resample(&corpus, n_train, 11)
        };
        let n_train = big.len();
        let t = Instant::now();
        ClassifierParams::default().fit(&big)?;
        out["train_resampled"] =
            serde_json::json!({"listings": n_train, "secs": t.elapsed().as_secs_f64()});
    }
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}
