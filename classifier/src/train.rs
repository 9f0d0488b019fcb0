//! Training: [`ClassifierParams`] (validated hyper-parameters) `fit` into a [`Classifier`].
//!
//! Steps: seeded, label-stratified folds; hashed features of every listing (numbers reduced to their
//! shape); the vocabulary: every feature in at least `min_df` listings (or, with one bag and
//! `features_per_label`, each label's top features by chi²); tf-idf rows; a title-only copy of every
//! training row that has a description; then per bag (default 3, each validated on its own fold)
//! one L2-regularised logistic regression per label, fit by a linfa estimator ([`Solver`]:
//! linfa-ftrl over dense mini-batches by default, or linfa-logistic's L-BFGS on one dense matrix),
//! calibrated and thresholded on the bag's fold (`calibrate.rs`); the bags' calibrated
//! logits and thresholds are averaged into one linear model per label.
use crate::calibrate::{calibrate_label, logit};
use crate::features::{self, FeatureConfig, Vocabulary};
use crate::model::sigmoid;
use crate::model::{Classifier, LabelModel, TrainingMeta};
use crate::solver::fit_label;
use crate::{ClassifierError, Example};
use armswatch_core::{Label, LabelSet};
use linfa::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// How each label's logistic regression is fit. Both are linfa estimators on dense `f32` matrices;
/// both return weights that prediction applies sparsely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Solver {
    /// linfa-ftrl (FTRL-proximal, L2) over seeded, shuffled mini-batches of `ftrl_batch` rows for
    /// `ftrl_epochs` passes: memory grows with batch × features, time with rows × features, so it
    /// fits the whole feature space (about a minute for the shipped model on one core).
    Ftrl,
    /// linfa-logistic (L-BFGS, L2 `alpha`) on one dense matrix of all training rows × the label's
    /// features: the exact optimum, but memory and time grow with rows × features, so pair it with
    /// `features_per_label`.
    Lbfgs,
}

/// Hyper-parameters of the classifier; `fit` validates them first.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassifierParams {
    pub(crate) seed: u64,
    pub(crate) features: FeatureConfig,
    pub(crate) min_df: u32,
    pub(crate) features_per_label: Option<usize>,
    pub(crate) solver: Solver,
    pub(crate) alpha: f64,
    pub(crate) max_iterations: u64,
    pub(crate) ftrl_epochs: usize,
    pub(crate) ftrl_row_budget: usize,
    pub(crate) ftrl_alpha: f64,
    pub(crate) ftrl_batch: usize,
    pub(crate) ftrl_l2: f64,
    pub(crate) validation_fraction: f64,
    pub(crate) title_only_copies: bool,
    pub(crate) target_recall: f64,
    pub(crate) deployment_prevalence: f64,
    pub(crate) threshold_resamples: usize,
    pub(crate) bags: usize,
    pub(crate) label_target_recall: [Option<f64>; 4],
}

impl Default for ClassifierParams {
    fn default() -> Self {
        ClassifierParams {
            seed: 42,
            features: FeatureConfig::default(),
            min_df: 2,
            features_per_label: None,
            solver: Solver::Ftrl,
            alpha: 0.3,
            max_iterations: 300,
            ftrl_epochs: 10,
            ftrl_row_budget: 250_000,
            ftrl_alpha: 1.0,
            ftrl_batch: 32,
            ftrl_l2: 1.0,
            validation_fraction: 0.2,
            title_only_copies: true,
            target_recall: 0.85,
            deployment_prevalence: 0.01,
            threshold_resamples: 200,
            bags: 3,
            // Part and design: the project's goal for them is recall (>= 0.85 on real listings),
            // so their validation target leaves a margin for listings unlike the corpus.
            label_target_recall: [None, Some(0.9), None, Some(0.9)],
        }
    }
}

impl ClassifierParams {
    /// Seed of the train/validation split.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }
    /// How text becomes features.
    pub fn features(mut self, features: FeatureConfig) -> Self {
        self.features = features;
        self
    }
    /// A feature must occur in at least this many training listings to be selected.
    pub fn min_df(mut self, min_df: u32) -> Self {
        self.min_df = min_df;
        self
    }
    /// Keep only the `n` features with the highest chi² for each label (default: every feature in at
    /// least `min_df` training listings). Selection shrinks the model and the L-BFGS matrix but drops
    /// rare, telling words such as uncommon model names.
    /// Needs `bags(1)`: the bags of an averaged model share one vocabulary chosen without labels.
    pub fn features_per_label(mut self, n: usize) -> Self {
        self.features_per_label = Some(n);
        self
    }
    /// Every feature in at least `min_df` training listings, for every label (the default).
    pub fn all_features(mut self) -> Self {
        self.features_per_label = None;
        self
    }
    /// How each label's logistic regression is fit (default [`Solver::Ftrl`]).
    pub fn solver(mut self, solver: Solver) -> Self {
        self.solver = solver;
        self
    }
    /// L-BFGS: L2 regularisation strength (linfa-logistic `alpha`; scikit-learn's `C` is
    /// `1 / alpha`).
    pub fn alpha(mut self, alpha: f64) -> Self {
        self.alpha = alpha;
        self
    }
    /// L-BFGS: iteration limit per label.
    pub fn max_iterations(mut self, n: u64) -> Self {
        self.max_iterations = n;
        self
    }
    /// FTRL: passes over the training rows.
    pub fn ftrl_epochs(mut self, n: usize) -> Self {
        self.ftrl_epochs = n;
        self
    }
    /// FTRL: most row visits (training rows × passes) before passes stop being added; at least one
    /// pass is made (default 250,000: the shipped corpus gets all `ftrl_epochs` passes, a 100,000-row
    /// set one). Online learners need fewer passes the more rows they see, and each visit costs
    /// time in proportion to the number of features.
    pub fn ftrl_row_budget(mut self, n: usize) -> Self {
        self.ftrl_row_budget = n;
        self
    }
    /// FTRL: passes over `rows` training rows: `ftrl_epochs`, fewer if they would exceed
    /// `ftrl_row_budget`, at least one.
    pub(crate) fn ftrl_passes(&self, rows: usize) -> usize {
        (self.ftrl_row_budget / rows.max(1)).clamp(1, self.ftrl_epochs)
    }
    /// FTRL: learning rate (linfa-ftrl `alpha`).
    pub fn ftrl_alpha(mut self, a: f64) -> Self {
        self.ftrl_alpha = a;
        self
    }
    /// FTRL: rows per update (linfa-ftrl sums the gradient of a batch).
    pub fn ftrl_batch(mut self, n: usize) -> Self {
        self.ftrl_batch = n;
        self
    }
    /// FTRL: L2 penalty on the weights against the summed training loss (linfa-ftrl `l2_ratio`,
    /// in [0, 1]).
    pub fn ftrl_l2(mut self, l2: f64) -> Self {
        self.ftrl_l2 = l2;
        self
    }
    /// Share of the rows held out for calibration and thresholds.
    pub fn validation_fraction(mut self, f: f64) -> Self {
        self.validation_fraction = f;
        self
    }
    /// Also train on a title-only copy of every training row that has a description (default on).
    pub fn title_only_copies(mut self, on: bool) -> Self {
        self.title_only_copies = on;
        self
    }
    /// The validation recall each label's threshold must keep (labels without their own target,
    /// see `label_target_recall`).
    pub fn target_recall(mut self, r: f64) -> Self {
        self.target_recall = r;
        self
    }
    /// The validation recall `label`'s threshold must keep, instead of `target_recall` (by
    /// default part and design keep 0.9: their goal is recall).
    pub fn label_target_recall(mut self, label: Label, r: f64) -> Self {
        self.label_target_recall[label.index()] = Some(r);
        self
    }
    /// The validation recall target used for `label`.
    pub fn target_recall_for(&self, label: Label) -> f64 {
        self.label_target_recall[label.index()].unwrap_or(self.target_recall)
    }

    /// Each label's threshold is the median of the thresholds chosen on this many seeded bootstrap
    /// resamples of the validation split (and on the split itself; default 200); 0 uses the split
    /// alone. The cut that keeps the target recall depends on the few lowest-scoring validation
    /// positives; the median is steadier against the sample, though on the shipped corpus most of
    /// the threshold's spread comes from the split and the shuffle order (see `bags`).
    pub fn threshold_resamples(mut self, n: usize) -> Self {
        self.threshold_resamples = n;
        self
    }

    /// How many models to average (default 3): bag `b` trains on all validation folds but the
    /// `b`-th (see `validation_fraction`) with its own shuffle seed, is calibrated and thresholded on
    /// that fold, and the bags' calibrated logits and threshold logits are averaged into one linear
    /// model (prediction costs the same as one bag's). Averaging removes most of what one split
    /// and one shuffle order decide by chance; training takes `bags` times as long. At most the
    /// number of folds; 1 is a single model. Needs every feature (no `features_per_label`).
    pub fn bags(mut self, n: usize) -> Self {
        self.bags = n;
        self
    }

    /// The share of a market's listings expected to carry a label (default 1 %): calibration is
    /// shifted to it and validation negatives are weighted to match when choosing thresholds.
    pub fn deployment_prevalence(mut self, p: f64) -> Self {
        self.deployment_prevalence = p;
        self
    }

    /// Checks every hyper-parameter is in range.
    pub fn check(&self) -> Result<&Self, ClassifierError> {
        let bad = |name: &'static str, message: String| {
            Err(ClassifierError::InvalidParams { name, message })
        };
        let f = &self.features;
        if f.char_min > 0 && (f.char_min > f.char_max || f.char_max > 10) {
            return bad(
                "features.char_min/char_max",
                "need 0 < min <= max <= 10".into(),
            );
        }
        if !(f.title_weight.is_finite() && f.title_weight >= 1.0) {
            return bad("features.title_weight", format!("{} < 1", f.title_weight));
        }
        if !(f.words || f.bigrams || f.char_min > 0) {
            return bad("features", "no feature kind enabled".into());
        }
        if self.features_per_label == Some(0) {
            return bad("features_per_label", "must be positive".into());
        }
        if self.bags == 0 {
            return bad("bags", "must be positive".into());
        }
        if self.bags > 1 && self.features_per_label.is_some() {
            return bad(
                "bags",
                "averaging bags needs one vocabulary: use all features (no features_per_label)"
                    .into(),
            );
        }
        if self.ftrl_batch == 0 {
            return bad("ftrl_batch", "must be positive".into());
        }
        if !(0.0..=1.0).contains(&self.ftrl_l2) {
            return bad("ftrl_l2", format!("{} not in [0, 1]", self.ftrl_l2));
        }
        if !(self.alpha.is_finite() && self.alpha > 0.0) {
            return bad("alpha", format!("{} is not a positive number", self.alpha));
        }
        if !(self.ftrl_alpha.is_finite() && self.ftrl_alpha > 0.0) {
            return bad(
                "ftrl_alpha",
                format!("{} is not a positive number", self.ftrl_alpha),
            );
        }
        if self.ftrl_epochs == 0 {
            return bad("ftrl_epochs", "must be positive".into());
        }
        if self.max_iterations == 0 {
            return bad("max_iterations", "must be positive".into());
        }
        if !(self.validation_fraction > 0.05 && self.validation_fraction < 0.5) {
            return bad(
                "validation_fraction",
                format!("{} not in (0.05, 0.5)", self.validation_fraction),
            );
        }
        if !(self.deployment_prevalence > 0.0 && self.deployment_prevalence < 0.5) {
            return bad(
                "deployment_prevalence",
                format!("{} not in (0, 0.5)", self.deployment_prevalence),
            );
        }
        for r in std::iter::once(self.target_recall)
            .chain(self.label_target_recall.iter().flatten().copied())
        {
            if !(r > 0.0 && r <= 1.0) {
                return bad("target_recall", format!("{r} not in (0, 1]"));
            }
        }
        Ok(self)
    }

    /// Validates the parameters and fits a classifier on `examples`.
    pub fn fit(&self, examples: &[Example]) -> Result<Classifier, ClassifierError> {
        self.check()?;
        fit(self, examples)
    }
}

impl ParamGuard for ClassifierParams {
    type Checked = ClassifierParams;
    type Error = ClassifierError;
    fn check_ref(&self) -> Result<&Self::Checked, Self::Error> {
        self.check()
    }
    fn check(self) -> Result<Self::Checked, Self::Error> {
        ClassifierParams::check(&self)?;
        Ok(self)
    }
}

/// SplitMix64: a tiny deterministic generator for shuffles (no platform or crate-version drift).
pub(crate) struct SplitMix(pub u64);

impl SplitMix {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Splits indices `0..labels.len()` into `k` label-stratified parts (same label combination spread
/// evenly), deterministically from `seed`.
pub(crate) fn stratified_folds(labels: &[LabelSet], k: usize, seed: u64) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<Vec<Label>, Vec<usize>> = BTreeMap::new();
    for (i, l) in labels.iter().enumerate() {
        groups.entry(l.to_vec()).or_default().push(i);
    }
    let mut rng = SplitMix(seed);
    let mut folds = vec![Vec::new(); k];
    let mut next = 0usize;
    for (_, mut idx) in groups {
        rng.shuffle(&mut idx);
        for i in idx {
            folds[next % k].push(i);
            next += 1;
        }
    }
    for f in &mut folds {
        f.sort_unstable();
    }
    folds
}

/// Chi² of a binary feature against a binary label, from document counts.
fn chi2(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let n = a + b + c + d;
    let den = (a + b) * (c + d) * (a + c) * (b + d);
    if den == 0.0 {
        0.0
    } else {
        n * (a * d - b * c).powi(2) / den
    }
}

fn fit(p: &ClassifierParams, examples: &[Example]) -> Result<Classifier, ClassifierError> {
    let labels: Vec<LabelSet> = examples.iter().map(|e| e.labels).collect();
    for l in Label::ALL {
        let n = labels.iter().filter(|s| s.contains(l)).count();
        if n < 4 {
            return Err(ClassifierError::TrainingData {
                message: format!("label {l} has {n} positive rows, need at least 4"),
            });
        }
    }
    if examples.len() < 20 {
        return Err(ClassifierError::TrainingData {
            message: format!("{} rows, need at least 20", examples.len()),
        });
    }
    // Validation splits: k stratified folds, k ≈ 1 / validation_fraction; bag b validates on fold b.
    let k = (1.0 / p.validation_fraction).round().max(2.0) as usize;
    let folds = stratified_folds(&labels, k, p.seed);
    let bags = p.bags.min(k);
    let mut in_fold = vec![usize::MAX; examples.len()];
    for (f, idx) in folds.iter().enumerate() {
        for &i in idx {
            in_fold[i] = f;
        }
    }
    let train_of =
        |b: usize| -> Vec<usize> { (0..examples.len()).filter(|&i| in_fold[i] != b).collect() };

    let counts: Vec<Vec<(u64, f32)>> = examples
        .iter()
        .map(|e| features::hashed_counts(&p.features, &e.title, &e.description))
        .collect();
    // One vocabulary for every bag, so their weights can be averaged: with one bag it comes from
    // its training rows; with several, from all rows (document frequencies only, no labels: chi²
    // selection is refused with bags, see `check`).
    let vocab_rows: Vec<usize> = if bags > 1 {
        (0..examples.len()).collect()
    } else {
        train_of(0)
    };
    let (terms, idf, per_label) = select_features(p, examples, &counts, &vocab_rows)?;
    let vocab = Vocabulary::new(p.features.clone(), terms.clone(), idf.clone());
    let mut rows: Vec<Vec<(u32, f32)>> = counts.iter().map(|c| vocab.row_from_counts(c)).collect();
    tracing::debug!(vocabulary = terms.len(), bags, "features selected");
    // Title-only copies of the rows that have a description (used when they are training rows):
    // markets' index pages show titles alone, and the model must not need the description to
    // recognise an item.
    let mut copy_of: Vec<Option<usize>> = vec![None; examples.len()];
    let mut all_labels = labels.clone();
    if p.title_only_copies {
        for (i, e) in examples.iter().enumerate() {
            if !e.description.trim().is_empty() {
                rows.push(vocab.vectorize(&e.title, ""));
                all_labels.push(labels[i]);
                copy_of[i] = Some(rows.len() - 1);
            }
        }
    }

    // Per label: the sum over bags of the calibrated weights (Platt `a` × weights), of the
    // calibrated intercepts and of the thresholds' logits.
    let mut sum_w: Vec<BTreeMap<u32, f64>> = vec![BTreeMap::new(); 4];
    let mut sum_c = [0f64; 4];
    let mut sum_t = [0f64; 4];
    let mut single: Vec<Option<LabelModel>> = vec![None; 4];
    let mut meta_val = BTreeMap::new();
    let mut train_rows_bag0 = 0;
    let mut n_train = 0;
    let mut train_positives = BTreeMap::new();
    for (b, val_fold) in folds.iter().enumerate().take(bags.max(1)) {
        let orig_train = train_of(b);
        let val_idx = val_fold.clone();
        let mut train_idx = orig_train.clone();
        for &i in &orig_train {
            if let Some(c) = copy_of[i] {
                train_idx.push(c);
            }
        }
        if b == 0 {
            n_train = orig_train.len();
            train_rows_bag0 = train_idx.len();
            for l in Label::ALL {
                let n = orig_train
                    .iter()
                    .filter(|&&i| labels[i].contains(l))
                    .count();
                train_positives.insert(l, n);
            }
        }
        // The labels are independent: fit them on parallel threads (each fit is deterministic).
        let bag_p = p.clone().seed(p.seed.wrapping_add(b as u64));
        let fits: Vec<Result<LabelFit, ClassifierError>> = std::thread::scope(|s| {
            let handles: Vec<_> = Label::ALL
                .iter()
                .map(|&label| {
                    let (cols, rows, labels, train_idx, bag_p) = (
                        &per_label[label.index()],
                        &rows,
                        &all_labels,
                        &train_idx,
                        &bag_p,
                    );
                    s.spawn(move || fit_label(bag_p, label, cols, rows, labels, train_idx))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| match h.join() {
                    Ok(r) => r,
                    Err(panic) => std::panic::resume_unwind(panic),
                })
                .collect()
        });
        for (label, fitted) in Label::ALL.into_iter().zip(fits) {
            let (intercept, weights) = fitted?;
            let margin = |i: usize| -> f32 {
                let mut z = intercept;
                let mut wi = 0;
                // Both sorted by column: merge.
                for (col, x) in &rows[i] {
                    while wi < weights.len() && weights[wi].0 < *col {
                        wi += 1;
                    }
                    if wi < weights.len() && weights[wi].0 == *col {
                        z += weights[wi].1 * x;
                    }
                }
                z
            };
            let val_z: Vec<f32> = val_idx.iter().map(|&i| margin(i)).collect();
            let val_y: Vec<bool> = val_idx.iter().map(|&i| labels[i].contains(label)).collect();
            let (a, pb, threshold) = calibrate_label(
                &val_z,
                &val_y,
                p.deployment_prevalence,
                p.target_recall_for(label),
                p.threshold_resamples,
                bag_p.seed ^ (0x7468_7265_7368 + label.index() as u64),
            );
            if b == 0 {
                meta_val.insert(label, val_y.iter().filter(|y| **y).count());
            }
            tracing::debug!(%label, bag = b, a, b = pb, threshold, "label fitted");
            let li = label.index();
            if bags <= 1 {
                single[li] = Some(LabelModel {
                    label,
                    intercept,
                    weights,
                    platt_a: a,
                    platt_b: pb,
                    threshold,
                });
            } else {
                for (col, w) in &weights {
                    *sum_w[li].entry(*col).or_insert(0.0) += f64::from(a * w);
                }
                sum_c[li] += f64::from(a * intercept + pb);
                let t = f64::from(threshold).clamp(1e-6, 1.0 - 1e-6);
                sum_t[li] += logit(t);
            }
        }
    }
    let models: Vec<LabelModel> = Label::ALL
        .into_iter()
        .map(|label| {
            let li = label.index();
            if let Some(m) = single[li].take() {
                return m;
            }
            // The bags' calibrated logits, averaged: one linear model, already calibrated.
            let n = bags as f64;
            let weights: Vec<(u32, f32)> = sum_w[li]
                .iter()
                .map(|(c, w)| (*c, (w / n) as f32))
                .filter(|(_, w)| *w != 0.0)
                .collect();
            LabelModel {
                label,
                intercept: (sum_c[li] / n) as f32,
                weights,
                platt_a: 1.0,
                platt_b: 0.0,
                threshold: sigmoid((sum_t[li] / n) as f32),
            }
        })
        .collect();
    let meta = TrainingMeta {
        seed: p.seed,
        n_train,
        n_validation: folds[0].len(),
        train_positives,
        validation_positives: meta_val,
        target_recall: p.target_recall,
        label_target_recall: Label::ALL
            .into_iter()
            .filter_map(|l| p.label_target_recall[l.index()].map(|r| (l, r)))
            .collect(),
        deployment_prevalence: p.deployment_prevalence,
        threshold_resamples: p.threshold_resamples,
        bags: bags.max(1),
        reviewed: BTreeMap::new(),
        min_df: p.min_df,
        features_per_label: p.features_per_label,
        solver: p.solver,
        alpha: p.alpha,
        max_iterations: p.max_iterations,
        ftrl_alpha: p.ftrl_alpha,
        ftrl_l2: p.ftrl_l2,
        ftrl_batch: p.ftrl_batch,
        ftrl_epochs: p.ftrl_passes(train_rows_bag0),
        title_only_copies: p.title_only_copies,
    };
    Classifier::from_parts(p.features.clone(), terms, idf, models, meta)
        .map_err(|message| ClassifierError::TrainingData { message })
}

type Selection = (Vec<String>, Vec<f32>, Vec<Vec<u32>>);

/// A label's fitted intercept and sparse weights (by vocabulary column).
type LabelFit = (f32, Vec<(u32, f32)>);

/// Chooses each label's features by chi² over the training rows; returns the vocabulary (terms
/// sorted by name, with idf) and each label's columns.
fn select_features(
    p: &ClassifierParams,
    examples: &[Example],
    counts: &[Vec<(u64, f32)>],
    train_idx: &[usize],
) -> Result<Selection, ClassifierError> {
    // Document frequency overall and among each label's positives.
    let mut df: HashMap<u64, (u32, [u32; 4])> = HashMap::new();
    let mut n_pos = [0u32; 4];
    for &i in train_idx {
        let ls = examples[i].labels;
        for l in ls.iter() {
            n_pos[l.index()] += 1;
        }
        for (h, _) in &counts[i] {
            let e = df.entry(*h).or_insert((0, [0; 4]));
            e.0 += 1;
            for l in ls.iter() {
                e.1[l.index()] += 1;
            }
        }
    }
    let n = train_idx.len() as f64;
    let mut chosen: Vec<HashSet<u64>> = Vec::new();
    for l in 0..4 {
        let pos = f64::from(n_pos[l]);
        let mut scored: Vec<(f64, u64)> = df
            .iter()
            .filter(|(_, (d, _))| *d >= p.min_df)
            .map(|(h, (d, per))| {
                let a = f64::from(per[l]);
                let b = f64::from(*d) - a;
                (chi2(a, b, pos - a, n - pos - b), *h)
            })
            .collect();
        scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        chosen.push(
            scored
                .into_iter()
                .take(p.features_per_label.unwrap_or(usize::MAX))
                .map(|s| s.1)
                .collect(),
        );
    }
    let union: HashSet<u64> = chosen.iter().flatten().copied().collect();
    // Recover the names of the chosen hashes.
    let mut names: HashMap<u64, String> = HashMap::new();
    for &i in train_idx {
        if names.len() == union.len() {
            break;
        }
        let e = &examples[i];
        features::for_each_feature(&p.features, &e.title, &e.description, |name, _| {
            let h = features::fnv1a(name.as_bytes());
            if union.contains(&h) && !names.contains_key(&h) {
                names.insert(h, name.to_string());
            }
        });
    }
    let mut terms: Vec<(String, u64)> = names.into_iter().map(|(h, s)| (s, h)).collect();
    terms.sort();
    let col_of: HashMap<u64, u32> = terms
        .iter()
        .enumerate()
        .map(|(c, (_, h))| (*h, c as u32))
        .collect();
    let idf = terms
        .iter()
        .map(|(_, h)| features::smooth_idf(train_idx.len(), df.get(h).map_or(0, |d| d.0)))
        .collect();
    let per_label = chosen
        .iter()
        .map(|set| {
            let mut cols: Vec<u32> = set.iter().filter_map(|h| col_of.get(h).copied()).collect();
            cols.sort_unstable();
            cols
        })
        .collect();
    Ok((terms.into_iter().map(|t| t.0).collect(), idf, per_label))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ftrl_passes_stay_within_the_row_budget() {
        // Guards training time on large sets and that the shipped corpus keeps all its passes.
        let p = ClassifierParams::default();
        assert_eq!(p.ftrl_passes(21_000), 10);
        assert_eq!(p.ftrl_passes(60_000), 4);
        assert_eq!(p.ftrl_passes(136_000), 1);
        assert_eq!(p.ftrl_passes(5_000_000), 1);
        assert_eq!(p.clone().ftrl_row_budget(0).ftrl_passes(10), 1);
    }

    #[test]
    fn folds_are_stratified_and_deterministic() {
        // Guards fold balance and that the same seed gives the same split.
        let mut ls = vec![LabelSet::empty(); 90];
        for l in ls.iter_mut().take(10) {
            l.insert(Label::Firearm);
        }
        let f = stratified_folds(&ls, 5, 7);
        assert_eq!(f, stratified_folds(&ls, 5, 7));
        for fold in &f {
            assert_eq!(fold.len(), 18);
            assert_eq!(fold.iter().filter(|&&i| i < 10).count(), 2);
        }
    }

    #[test]
    fn bad_params_are_rejected() {
        // Guards parameter validation before any work is done.
        assert!(ClassifierParams::default().alpha(-1.0).check().is_err());
        assert!(ClassifierParams::default()
            .validation_fraction(0.9)
            .check()
            .is_err());
        assert!(ClassifierParams::default()
            .features_per_label(0)
            .check()
            .is_err());
        assert!(ClassifierParams::default().check().is_ok());
    }
}
