//! Labels darknet-market listings as offering a firearm, part, ammunition or design (multi-label),
//! from the listing's title and description only.
//!
//! The model ([`Classifier`]) is one-vs-rest logistic regression over sparse text features (obfuscation-
//! aware normalisation, number shapes, words, word pairs, character n-grams, title-marked words), fit
//! per label by a linfa estimator (linfa-ftrl over dense mini-batches of the whole feature space by
//! default; linfa-logistic L-BFGS on a chi²-selected space on request), calibrated with Platt scaling
//! and thresholded per label on a held-out split. [`ClassifierParams`] are validated and then `fit` into a [`Classifier`]; the model file is
//! deterministic and checksummed. Prediction is sparse and needs no dense matrices.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]
#![deny(clippy::print_stdout)]

mod calibrate;
pub mod category;
pub mod data;
pub mod error;
pub mod eval;
pub mod features;
mod folds;
pub mod lexicon;
mod math;
pub mod model;
pub mod params;
pub mod readable;
pub mod solver;
pub mod text;
pub mod train;

pub use category::CategoryModel;
pub use data::{clear_examples, read_examples, Example, ExampleRow};
pub use error::ClassifierError;
pub use eval::{cross_validate, evaluate, EvalReport, LabelMetrics};
pub use features::FeatureConfig;
pub use lexicon::{Lexicon, LexiconSource};
pub use model::{Classifier, LabelModel, TrainingMeta, FORMAT_VERSION, MODEL_ID};
pub use params::{ClassifierParams, Solver};
pub use readable::{readable_term, readable_terms, ReadableTerm};

use std::path::Path;

/// Reads JSONL training files (rows marked `unclear` are skipped) and fits a classifier on them.
pub fn train<P: AsRef<Path>>(
    paths: &[P],
    params: &ClassifierParams,
) -> Result<Classifier, ClassifierError> {
    let mut examples = Vec::new();
    for p in paths {
        examples.extend(clear_examples(&read_examples(p)?));
    }
    tracing::info!(rows = examples.len(), "training classifier");
    params.fit(&examples)
}
