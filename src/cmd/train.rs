//! `armswatch train`: rebuild a model from labeled JSON lines, optionally with the investigators'
//! reviewed listings added, and write its model card beside it.

use crate::cli::TrainArgs;
use crate::db::DbTarget;
use anyhow::{Context, Result};
use armswatch_classifier::{clear_examples, read_examples, Classifier, ClassifierParams, Example};
use armswatch_core::LabelSet;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

/// The reviewed listings of a database as labelled examples (each listing's newest decision: the
/// reviewer's labels, none when rejected), and how many per review state.
pub fn reviewed_examples(db: &DbTarget) -> Result<(Vec<Example>, BTreeMap<String, usize>)> {
    let store = db.open_case(false)?;
    let reviewed = store
        .reviewed_listings(None)
        .context("reading reviewed listings")?;
    let mut counts = BTreeMap::new();
    let examples = reviewed
        .into_iter()
        .map(|r| {
            *counts.entry(r.state.as_str().to_string()).or_insert(0) += 1;
            Example {
                title: r.title,
                description: r.description.unwrap_or_default(),
                labels: r.labels.into_iter().collect::<LabelSet>(),
                // the store's reviewed rows carry no breadcrumb: the category block sees none
                category: String::new(),
            }
        })
        .collect();
    Ok((examples, counts))
}

/// The model card written beside a trained model (`OUT.md`).
fn card(
    model: &Classifier,
    a: &TrainArgs,
    rows: usize,
    reviewed: &BTreeMap<String, usize>,
) -> String {
    let t = model.training();
    let mut s = String::new();
    let _ = writeln!(s, "# Model card: {}\n", a.out.display());
    let _ = writeln!(
        s,
        "Model `{}` version `{}`, trained by armswatch {} with seed {}.\n",
        model.model_id(),
        model.model_version(),
        env!("CARGO_PKG_VERSION"),
        t.seed
    );
    let _ = writeln!(s, "## Training data\n");
    for d in &a.data {
        let _ = writeln!(s, "- `{}`", d.display());
    }
    let _ = writeln!(s, "- {rows} labelled rows from these files");
    let total: usize = reviewed.values().sum();
    if a.with_reviews {
        let by: Vec<String> = reviewed.iter().map(|(k, v)| format!("{v} {k}")).collect();
        let _ = writeln!(
            s,
            "- **{total} reviewed listings** from `{}` ({}): confirmed and relabelled ones with the \
             reviewer's labels, rejected ones as negatives",
            a.db.as_ref().map(ToString::to_string).unwrap_or_default(),
            if by.is_empty() { "none".to_string() } else { by.join(", ") }
        );
    } else {
        let _ = writeln!(s, "- no reviewed listings (trained without --with-reviews)");
    }
    let _ = writeln!(
        s,
        "\n{} training rows, {} validation rows. Positives per label (training / validation):\n",
        t.n_train, t.n_validation
    );
    for (l, n) in &t.train_positives {
        let v = t.validation_positives.get(l).copied().unwrap_or(0);
        let _ = writeln!(s, "- {l}: {n} / {v}");
    }
    let _ = writeln!(
        s,
        "\nThresholds keep validation recall >= {:.2}. Score it with `armswatch eval --model {}`.",
        t.target_recall,
        a.out.display()
    );
    s
}

/// `armswatch train`.
pub fn run(a: TrainArgs) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let params = ClassifierParams::default().seed(a.seed);
    let started = std::time::Instant::now();
    let mut examples = Vec::new();
    for p in &a.data {
        examples.extend(clear_examples(&read_examples(p)?));
    }
    let rows = examples.len();
    let mut reviewed = BTreeMap::new();
    if a.with_reviews {
        let db = a.db.as_ref().context("--with-reviews needs --db")?;
        let (more, counts) = reviewed_examples(db)?;
        if more.is_empty() {
            tracing::warn!("{db} has no reviewed listings: training on the files alone");
        }
        examples.extend(more);
        reviewed = counts;
    }
    tracing::info!(
        rows = examples.len(),
        reviewed = reviewed.values().sum::<usize>(),
        "training classifier"
    );
    // Training reports no steps: the bar is a spinner with the time spent (a periodic line off a
    // terminal), so a long run visibly keeps going.
    let progress = crate::progress::Progress::start("train", "", 0);
    let mut model = params.fit(&examples)?;
    drop(progress);
    if a.with_reviews {
        model = model.with_reviewed(reviewed.clone());
    }
    model
        .save(&a.out)
        .with_context(|| format!("writing the model to {}", a.out.display()))?;
    let card_path = {
        let mut s = a.out.as_os_str().to_owned();
        s.push(".md");
        std::path::PathBuf::from(s)
    };
    std::fs::write(&card_path, card(&model, &a, rows, &reviewed))
        .with_context(|| format!("writing the model card {}", card_path.display()))?;
    tracing::info!("trained in {:.1} s", started.elapsed().as_secs_f64());
    writeln!(
        out,
        "wrote {} (model {} version {}; {} reviewed listings) and its card {}",
        a.out.display(),
        model.model_id(),
        model.model_version(),
        reviewed.values().sum::<usize>(),
        card_path.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
