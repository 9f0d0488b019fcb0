//! Scores a model file on a labeled JSONL file (rows marked `unclear` are skipped).
//!
//! ```text
//! cargo run --release -p armswatch-classifier --example evaluate -- \
//!     --model models/armswatch-linear.model --data ../shared/data/real-dev.jsonl [--json] [--errors] \
//!     [--category]
//! ```
//! Prints a table (or, with `--json`, one JSON object); `--errors` also lists the misclassified rows.

use armswatch_classifier::{clear_examples, read_examples, Classifier};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let model = Classifier::load(get("--model").ok_or("--model FILE is required")?)?;
    let examples = clear_examples(&read_examples(
        get("--data").ok_or("--data FILE is required")?,
    )?);
    let use_category = args.iter().any(|a| a == "--category");
    let report = armswatch_classifier::eval::evaluate_with(&model, &examples, use_category);
    if args.iter().any(|a| a == "--json") {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!("{} {}", model.model_id(), model.model_version());
        println!("{report}");
    }
    if args.iter().any(|a| a == "--errors") {
        for e in &examples {
            let category = use_category.then_some(e.category.as_str());
            let v = model.predict_explained_with_category(&e.title, &e.description, category, 4);
            let got: armswatch_core::LabelSet = v.labels.iter().copied().collect();
            if got != e.labels {
                let top: Vec<String> = v
                    .explain
                    .iter()
                    .filter(|(l, _)| got.contains(**l) || e.labels.contains(**l))
                    .map(|(l, ts)| {
                        let t: Vec<String> = ts
                            .iter()
                            .map(|t| format!("{}={:.2}", t.term, t.weight))
                            .collect();
                        format!("{l}[{:.2}]: {}", v.scores[l], t.join(" "))
                    })
                    .collect();
                println!(
                    "want {:?} got {:?} | {} | {}",
                    e.labels.to_vec(),
                    got.to_vec(),
                    e.title,
                    top.join(" ; ")
                );
            }
        }
    }
    Ok(())
}
