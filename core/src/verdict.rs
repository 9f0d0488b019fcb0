//! A verdict: one model's scores, labels and explanation for one listing.

use crate::Label;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A term that pushed a label's score up (positive weight) or down (negative).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermWeight {
    pub term: String,
    pub weight: f32,
}

/// A model's judgement of a listing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// The model's id (e.g. `armswatch-linear`).
    pub model_id: String,
    /// The model's version: the SHA-256 prefix of its file, so two files never share one.
    pub model_version: String,
    /// Probability in 0..1 for every label.
    pub scores: BTreeMap<Label, f32>,
    /// Labels whose score reached the model's threshold for that label.
    pub labels: Vec<Label>,
    /// Top contributing terms per label (may be empty when not asked for).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub explain: BTreeMap<Label, Vec<TermWeight>>,
}

impl Verdict {
    /// Whether any label was given.
    pub fn is_flagged(&self) -> bool {
        !self.labels.is_empty()
    }

    /// The highest score over all labels.
    pub fn max_score(&self) -> f32 {
        self.scores.values().copied().fold(0.0, f32::max)
    }
}
