//! The fitted [`Classifier`]: a one-vs-rest linear model per label over a selected sparse feature
//! space, with Platt calibration and a per-label threshold; and its model file.
//!
//! Model file: one header line `ARMSWATCH-MODEL <format version> sha256:<hex of the body>` and then a
//! JSON body (model id, feature config, vocabulary with idf, per-label weights, calibration,
//! thresholds, training metadata). Writing is deterministic, so the same data and seed give a
//! byte-identical file; the model version is the first 12 hex digits of the whole file's SHA-256.
//! Prediction is sparse: a dot product over the row's non-zero features.

use crate::category::CategoryModel;
use crate::features::{FeatureConfig, Vocabulary};
use crate::lexicon::{Lexicon, LexiconSource};
use crate::math::sigmoid;
use crate::params::Solver;
use crate::ClassifierError;
use armswatch_core::{Label, TermWeight, Verdict};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// The id every model of this kind carries.
pub const MODEL_ID: &str = "armswatch-linear";
/// The model file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;
const MAGIC: &str = "ARMSWATCH-MODEL";

/// One label's linear model, calibration and threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelModel {
    pub label: Label,
    pub intercept: f32,
    /// Non-zero coefficients as (column, coefficient), sorted by column.
    pub weights: Vec<(u32, f32)>,
    /// Platt scaling: probability = sigmoid(platt_a * margin + platt_b).
    pub platt_a: f32,
    pub platt_b: f32,
    /// Calibrated probability at or above which the label is given.
    pub threshold: f32,
}

/// What the model was trained on and how; kept in the file for the model card and audits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingMeta {
    pub seed: u64,
    pub n_train: usize,
    pub n_validation: usize,
    /// Positives per label in the training split.
    pub train_positives: BTreeMap<Label, usize>,
    /// Positives per label in the validation split.
    pub validation_positives: BTreeMap<Label, usize>,
    /// The recall each threshold was chosen to keep on the validation split.
    pub target_recall: f64,
    /// Labels whose threshold kept their own validation recall instead (written only when any).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub label_target_recall: BTreeMap<Label, f64>,
    /// The share of positives the calibration and thresholds assume on a market.
    pub deployment_prevalence: f64,
    pub min_df: u32,
    /// Features kept per label by chi² (`None`: all in at least `min_df` training listings).
    pub features_per_label: Option<usize>,
    /// The solver (models written before the field existed were fit with L-BFGS).
    #[serde(default = "lbfgs")]
    pub solver: Solver,
    /// L-BFGS: L2 regularisation strength (linfa-logistic `alpha`, = 1/C in scikit-learn).
    pub alpha: f64,
    /// L-BFGS: iteration limit.
    pub max_iterations: u64,
    /// FTRL: learning rate.
    #[serde(default)]
    pub ftrl_alpha: f64,
    /// FTRL: L2 penalty.
    #[serde(default)]
    pub ftrl_l2: f64,
    /// FTRL: rows per update.
    #[serde(default)]
    pub ftrl_batch: usize,
    /// FTRL: passes made over the training rows (`ftrl_epochs`, or fewer under `ftrl_row_budget`).
    #[serde(default)]
    pub ftrl_epochs: usize,
    /// Whether title-only copies of the training rows with a description were added.
    #[serde(default)]
    pub title_only_copies: bool,
    /// Bootstrap resamples of the validation split whose median threshold was kept (0: the split
    /// alone, as in models written before the field existed).
    /// (Written only when not 0, so default-trained files stay as they were.)
    #[serde(default, skip_serializing_if = "is_zero")]
    pub threshold_resamples: usize,
    /// Models averaged into this one (see `ClassifierParams::bags`; 1 in older model files; written
    /// only when not 1).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub bags: usize,
    /// Investigators' reviewed listings among the training rows (`armswatch train --with-reviews`),
    /// by review state (confirmed, relabelled, rejected); written only when any, so models trained
    /// without reviews stay byte for byte as they were.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reviewed: BTreeMap<String, usize>,
}

fn one() -> usize {
    1
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

fn lbfgs() -> Solver {
    Solver::Lbfgs
}

/// The serialised form of a model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ModelBody {
    model_id: String,
    format_version: u32,
    features: FeatureConfig,
    terms: Vec<String>,
    idf: Vec<f32>,
    labels: Vec<LabelModel>,
    training: TrainingMeta,
    /// The lexicon the `x:` features come from (absent when the model uses none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lexicon: Option<LexiconSource>,
    /// The optional market-category block (absent in older files and when trained without it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    category: Option<CategoryModel>,
}

/// A fitted multi-label classifier. Cheap to share between threads (`Send + Sync`).
#[derive(Debug, Clone)]
pub struct Classifier {
    body: ModelBody,
    vocab: Vocabulary,
    /// Coefficients by column, four per column in [`Label::ALL`] order.
    dense: Vec<[f32; 4]>,
    version: String,
}

impl Classifier {
    /// Assembles a classifier from its parts (used by training and loading) and checks they agree.
    pub(crate) fn from_parts(
        features: FeatureConfig,
        terms: Vec<String>,
        idf: Vec<f32>,
        labels: Vec<LabelModel>,
        training: TrainingMeta,
        lexicon: Option<LexiconSource>,
    ) -> Result<Classifier, String> {
        let body = ModelBody {
            model_id: MODEL_ID.to_string(),
            format_version: FORMAT_VERSION,
            features,
            terms,
            idf,
            labels,
            training,
            lexicon,
            category: None,
        };
        Self::from_body(body)
    }

    fn from_body(body: ModelBody) -> Result<Classifier, String> {
        if body.terms.len() != body.idf.len() {
            return Err(format!(
                "{} terms but {} idf values",
                body.terms.len(),
                body.idf.len()
            ));
        }
        let order: Vec<Label> = body.labels.iter().map(|m| m.label).collect();
        if order != Label::ALL {
            return Err(format!("labels {order:?}, expected {:?}", Label::ALL));
        }
        let mut dense = vec![[0.0f32; 4]; body.terms.len()];
        for m in &body.labels {
            let all_finite = m.intercept.is_finite()
                && m.platt_a.is_finite()
                && m.platt_b.is_finite()
                && m.threshold.is_finite();
            if !all_finite {
                return Err(format!("label {}: non-finite parameter", m.label));
            }
            for (col, w) in &m.weights {
                let slot = dense
                    .get_mut(*col as usize)
                    .ok_or_else(|| format!("label {}: column {col} out of range", m.label))?;
                slot[m.label.index()] = *w;
            }
        }
        let lexicon = match (&body.lexicon, body.features.lexicon_weight > 0.0) {
            (Some(src), true) => Some(Arc::new(
                Lexicon::parse(src).map_err(|e| format!("lexicon: {e}"))?,
            )),
            (None, true) => return Err("lexicon features but no lexicon in the file".into()),
            (_, false) => None,
        };
        let vocab = Vocabulary::new(body.features.clone(), body.terms.clone(), body.idf.clone())
            .with_lexicon(lexicon);
        if vocab.has_collision() {
            return Err("two vocabulary terms share a hash".to_string());
        }
        let mut c = Classifier {
            body,
            vocab,
            dense,
            version: String::new(),
        };
        let bytes = c.to_bytes();
        c.version = hex::encode(Sha256::digest(&bytes))[..12].to_string();
        Ok(c)
    }

    /// Records in the model's training notes how many reviewed listings it was trained on (by
    /// review state). The model's version changes with it, as with any change to the file.
    pub fn with_reviewed(mut self, reviewed: BTreeMap<String, usize>) -> Classifier {
        self.body.training.reviewed = reviewed;
        let bytes = self.to_bytes();
        self.version = hex::encode(Sha256::digest(&bytes))[..12].to_string();
        self
    }

    /// The classifier with a category block (or none), its version recomputed.
    pub(crate) fn with_category(mut self, category: Option<CategoryModel>) -> Classifier {
        self.body.category = category;
        self.version = hex::encode(Sha256::digest(self.to_bytes()))[..12].to_string();
        self
    }

    /// The category block, when the model has one.
    pub fn category_model(&self) -> Option<&CategoryModel> {
        self.body.category.as_ref()
    }

    /// Reads a model file.
    pub fn load(path: impl AsRef<Path>) -> Result<Classifier, ClassifierError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| ClassifierError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&bytes, &path.display().to_string())
    }

    /// Reads a model from the bytes of a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Classifier, ClassifierError> {
        Self::parse(bytes, "<bytes>")
    }

    fn parse(bytes: &[u8], origin: &str) -> Result<Classifier, ClassifierError> {
        let bad = |message: String| ClassifierError::BadModel {
            origin: origin.to_string(),
            message,
        };
        let nl = bytes
            .iter()
            .position(|b| *b == b'\n')
            .ok_or_else(|| bad("no header line (empty or truncated file?)".into()))?;
        let header = std::str::from_utf8(&bytes[..nl])
            .map_err(|_| bad("header is not text: not an armswatch model file".into()))?;
        let mut parts = header.split(' ');
        if parts.next() != Some(MAGIC) {
            return Err(bad(format!(
                "header does not start with {MAGIC}: not an armswatch model file"
            )));
        }
        let version: u32 = parts
            .next()
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| bad("header has no format version".into()))?;
        if version != FORMAT_VERSION {
            return Err(bad(format!(
                "format version {version}, this build reads version {FORMAT_VERSION}"
            )));
        }
        let want = parts
            .next()
            .and_then(|s| s.strip_prefix("sha256:"))
            .ok_or_else(|| bad("header has no sha256 checksum".into()))?;
        let body_bytes = &bytes[nl + 1..];
        let got = hex::encode(Sha256::digest(body_bytes));
        if got != want {
            return Err(bad(format!(
                "checksum mismatch (file is corrupt or truncated): header says {want}, body is {got}"
            )));
        }
        let body: ModelBody =
            serde_json::from_slice(body_bytes).map_err(|e| bad(format!("bad body: {e}")))?;
        if body.model_id != MODEL_ID || body.format_version != FORMAT_VERSION {
            return Err(bad(format!(
                "body is {} v{}, expected {MODEL_ID} v{FORMAT_VERSION}",
                body.model_id, body.format_version
            )));
        }
        let mut c = Self::from_body(body).map_err(bad)?;
        // The version names the file as it is on disk.
        c.version = hex::encode(Sha256::digest(bytes))[..12].to_string();
        Ok(c)
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serialising plain structs with Vec fields cannot fail.
        let body = serde_json::to_vec(&self.body).unwrap_or_default();
        let mut out = format!(
            "{MAGIC} {FORMAT_VERSION} sha256:{}\n",
            hex::encode(Sha256::digest(&body))
        )
        .into_bytes();
        out.extend_from_slice(&body);
        out
    }

    /// Writes the model file.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), ClassifierError> {
        let path = path.as_ref();
        std::fs::write(path, self.to_bytes()).map_err(|source| ClassifierError::Write {
            path: path.to_path_buf(),
            source,
        })
    }

    /// The model's id (`armswatch-linear`).
    pub fn model_id(&self) -> &str {
        &self.body.model_id
    }

    /// The first 12 hex digits of the model file's SHA-256.
    pub fn model_version(&self) -> &str {
        &self.version
    }

    /// The per-label models, in [`Label::ALL`] order.
    pub fn label_models(&self) -> &[LabelModel] {
        &self.body.labels
    }

    /// Training metadata.
    pub fn training(&self) -> &TrainingMeta {
        &self.body.training
    }

    /// The vocabulary (selected features).
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocab
    }

    /// Raw margins (before calibration) for the four labels of a sparse row.
    pub(crate) fn margins(&self, row: &[(u32, f32)]) -> [f32; 4] {
        let mut z = [0.0f32; 4];
        for (col, x) in row {
            let w = &self.dense[*col as usize];
            for l in 0..4 {
                z[l] += w[l] * x;
            }
        }
        for (l, m) in self.body.labels.iter().enumerate() {
            z[l] += m.intercept;
        }
        z
    }

    /// Calibrated probabilities for the four labels, in [`Label::ALL`] order.
    pub fn scores(&self, title: &str, description: &str) -> [f32; 4] {
        let row = self.vocab.vectorize(title, description);
        self.calibrate(self.margins(&row))
    }

    /// As [`Classifier::scores`], with the market category's evidence added when the model has a
    /// category block and `category` is given and not empty.
    pub fn scores_with_category(
        &self,
        title: &str,
        description: &str,
        category: Option<&str>,
    ) -> [f32; 4] {
        let row = self.vocab.vectorize(title, description);
        let mut z = self.margins(&row);
        self.add_category(&mut z, category);
        self.calibrate(z)
    }

    fn add_category(&self, z: &mut [f32; 4], category: Option<&str>) {
        if let (Some(m), Some(c)) = (&self.body.category, category) {
            for (z, c) in z.iter_mut().zip(m.margin(c)) {
                *z += c;
            }
        }
    }

    fn calibrate(&self, z: [f32; 4]) -> [f32; 4] {
        let mut p = [0.0f32; 4];
        for (l, m) in self.body.labels.iter().enumerate() {
            p[l] = sigmoid(m.platt_a * z[l] + m.platt_b);
        }
        p
    }

    fn verdict(&self, p: [f32; 4]) -> Verdict {
        let mut scores = BTreeMap::new();
        let mut labels = Vec::new();
        for (l, m) in self.body.labels.iter().enumerate() {
            scores.insert(m.label, p[l]);
            if p[l] >= m.threshold {
                labels.push(m.label);
            }
        }
        Verdict {
            model_id: self.body.model_id.clone(),
            model_version: self.version.clone(),
            scores,
            labels,
            explain: BTreeMap::new(),
        }
    }

    /// Scores all four labels and gives those at or above their threshold; no explanation.
    pub fn predict(&self, title: &str, description: &str) -> Verdict {
        self.verdict(self.scores(title, description))
    }

    /// As [`Classifier::predict`], with the market category (see [`Classifier::scores_with_category`]).
    pub fn predict_with_category(
        &self,
        title: &str,
        description: &str,
        category: Option<&str>,
    ) -> Verdict {
        self.verdict(self.scores_with_category(title, description, category))
    }

    /// As [`Classifier::predict`], and fills `explain` with the `top_k` terms per label with the largest
    /// contribution (coefficient × feature value), positive or negative.
    pub fn predict_explained(&self, title: &str, description: &str, top_k: usize) -> Verdict {
        self.predict_explained_with_category(title, description, None, top_k)
    }

    /// As [`Classifier::predict_explained`], with the market category; its contribution shows as
    /// a term of its own (`category "Weapons/Lethal firearms"`).
    pub fn predict_explained_with_category(
        &self,
        title: &str,
        description: &str,
        category: Option<&str>,
        top_k: usize,
    ) -> Verdict {
        let row = self.vocab.vectorize(title, description);
        let mut z = self.margins(&row);
        self.add_category(&mut z, category);
        let cat_margin = match (&self.body.category, category) {
            (Some(m), Some(c)) => m.margin(c),
            _ => [0.0; 4],
        };
        let mut v = self.verdict(self.calibrate(z));
        for label in Label::ALL {
            let l = label.index();
            let mut contrib: Vec<(u32, f32)> = row
                .iter()
                .map(|(col, x)| (*col, self.dense[*col as usize][l] * x))
                .filter(|(_, c)| *c != 0.0)
                .collect();
            contrib.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
            let mut terms: Vec<TermWeight> = contrib
                .into_iter()
                .map(|(col, weight)| TermWeight {
                    term: display_term(&self.vocab.terms()[col as usize]),
                    weight,
                })
                .collect();
            if cat_margin[l] != 0.0 {
                terms.push(TermWeight {
                    term: format!("category \"{}\"", category.unwrap_or_default()),
                    weight: cat_margin[l],
                });
                terms.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
            }
            terms.truncate(top_k);
            v.explain.insert(label, terms);
        }
        v
    }
}

/// Turns a feature name into something an investigator can read: `glock`, `title:glock`,
/// `"glock 19"`, `chars:<gl`, `lexicon:maker+model` ([`crate::readable`] makes them sentences).
pub fn display_term(name: &str) -> String {
    if let Some(w) = name.strip_prefix("w:") {
        w.to_string()
    } else if let Some(w) = name.strip_prefix("t:") {
        format!("title:{w}")
    } else if let Some(b) = name.strip_prefix("b:") {
        format!("\"{b}\"")
    } else if let Some(c) = name.strip_prefix("c:") {
        format!("chars:{c}")
    } else if let Some(x) = name.strip_prefix("x:") {
        format!("lexicon:{x}")
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-built model: "glock" pushes firearm, "kush" pushes it down.
    pub(crate) fn tiny() -> Classifier {
        let terms = vec!["w:glock".to_string(), "w:kush".to_string()];
        let labels = Label::ALL
            .iter()
            .map(|l| LabelModel {
                label: *l,
                intercept: -2.0,
                weights: if *l == Label::Firearm {
                    vec![(0, 6.0), (1, -4.0)]
                } else {
                    vec![]
                },
                platt_a: 1.0,
                platt_b: 0.0,
                threshold: 0.5,
            })
            .collect();
        let meta = TrainingMeta {
            seed: 1,
            n_train: 0,
            n_validation: 0,
            train_positives: BTreeMap::new(),
            validation_positives: BTreeMap::new(),
            target_recall: 0.95,
            label_target_recall: BTreeMap::new(),
            deployment_prevalence: 0.01,
            min_df: 1,
            features_per_label: Some(2),
            solver: Solver::Lbfgs,
            alpha: 1.0,
            max_iterations: 1,
            ftrl_alpha: 0.0,
            ftrl_l2: 0.0,
            ftrl_batch: 0,
            ftrl_epochs: 0,
            title_only_copies: false,
            threshold_resamples: 0,
            bags: 1,
            reviewed: BTreeMap::new(),
        };
        Classifier::from_parts(
            FeatureConfig {
                lexicon_weight: 0.0,
                ..FeatureConfig::default()
            },
            terms,
            vec![1.0, 1.0],
            labels,
            meta,
            None,
        )
        .unwrap()
    }

    #[test]
    fn predicts_and_explains_sparsely() {
        // Guards scoring, thresholding and the explanation terms of a known model.
        let c = tiny();
        let v = c.predict_explained("Glock", "", 3);
        assert_eq!(v.labels, vec![Label::Firearm]);
        assert!((v.scores[&Label::Firearm] - sigmoid(4.0)).abs() < 1e-6);
        assert_eq!(v.explain[&Label::Firearm][0].term, "glock");
        assert!(c.predict("AK-47 kush", "").labels.is_empty());
        assert!(c.predict("", "").labels.is_empty());
    }

    #[test]
    fn file_round_trips_byte_for_byte() {
        // Guards save/load: the same model gives the same bytes and version.
        let c = tiny();
        let bytes = c.to_bytes();
        let back = Classifier::from_bytes(&bytes).unwrap();
        assert_eq!(back.to_bytes(), bytes);
        assert_eq!(back.model_version(), c.model_version());
        assert_eq!(c.model_version().len(), 12);
        assert_eq!(c.model_id(), MODEL_ID);
    }

    #[test]
    fn corrupt_truncated_and_wrong_version_files_are_rejected() {
        // Guards the clear errors for damaged or foreign model files.
        let bytes = tiny().to_bytes();
        let msg = |b: &[u8]| Classifier::from_bytes(b).unwrap_err().to_string();
        assert!(msg(&bytes[..bytes.len() - 10]).contains("checksum mismatch"));
        assert!(msg(&bytes[..10]).contains("no header line"));
        assert!(msg(b"").contains("no header line"));
        let mut flipped = bytes.clone();
        let last = flipped.len() - 5;
        flipped[last] ^= 0x01;
        assert!(msg(&flipped).contains("checksum mismatch"));
        let text = String::from_utf8(bytes.clone()).unwrap();
        let v2 = text.replacen("ARMSWATCH-MODEL 1 ", "ARMSWATCH-MODEL 2 ", 1);
        assert!(msg(v2.as_bytes()).contains("format version 2"));
        assert!(msg(b"{\"json\": true}\n{}").contains("not an armswatch model file"));
    }

    #[test]
    fn classifier_is_send_and_sync() {
        // Guards that one loaded model can serve many threads.
        fn check<T: Send + Sync>() {}
        check::<Classifier>();
    }
}
