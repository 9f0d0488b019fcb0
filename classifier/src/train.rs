//! Training: [`ClassifierParams`] (validated hyper-parameters) `fit` into a [`Classifier`].
//!
//! Steps: seeded, label-stratified folds, of which one (`validation_fraction` of the rows) is held
//! out for calibration and thresholds and the rest are the training rows; hashed features of every
//! listing (numbers reduced to their shape; lexicon hits); the vocabulary from the training rows
//! alone: every feature in at least `min_df` of them (or, with one bag and `features_per_label`,
//! each label's top features by chi²) with their idf; tf-idf rows; a title-only copy of every
//! training row that has a description; then per bag (default 3, each with its own shuffle order)
//! one L2-regularised logistic regression per label, fit by a linfa estimator ([`Solver`]:
//! linfa-ftrl over dense mini-batches by default, or linfa-logistic's L-BFGS on one dense matrix);
//! the bags' weights are averaged into one linear model per label, and that averaged model is
//! calibrated and thresholded on the held-out fold (`calibrate.rs`), which neither the vocabulary nor
//! any bag has seen.
use crate::calibrate::{calibrate_label, platt};
use crate::category::{choose_weight, CategoryModel};
use crate::features::{self, Vocabulary};
use crate::folds::stratified_folds;
use crate::lexicon::{Lexicon, LexiconSource};
use crate::math::chi2;
use crate::model::{Classifier, LabelModel, TrainingMeta};
use crate::params::ClassifierParams;
use crate::solver::fit_label;
use crate::{ClassifierError, Example};
use armswatch_core::{Label, LabelSet};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

impl ClassifierParams {
    /// Validates the parameters and fits a classifier on `examples`.
    pub fn fit(&self, examples: &[Example]) -> Result<Classifier, ClassifierError> {
        self.check()?;
        fit(self, examples)
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
    // k stratified folds, k ≈ 1 / validation_fraction: fold 0 calibrates, the others train.
    let k = (1.0 / p.validation_fraction).round().max(2.0) as usize;
    let folds = stratified_folds(&labels, k, p.seed);
    let val_idx: Vec<usize> = folds[0].clone();
    let mut train_idx: Vec<usize> = folds[1..].concat();
    train_idx.sort_unstable();
    let bags = p.bags.max(1);

    let (lexicon_src, lexicon) = if p.features.lexicon_weight > 0.0 {
        let src = LexiconSource::builtin();
        let lex = Lexicon::parse(&src).map_err(|message| ClassifierError::TrainingData {
            message: format!("lexicon: {message}"),
        })?;
        (Some(src), Some(Arc::new(lex)))
    } else {
        (None, None)
    };
    let counts: Vec<Vec<(u64, f32)>> = examples
        .iter()
        .map(|e| features::hashed_counts(&p.features, lexicon.as_deref(), &e.title, &e.description))
        .collect();
    // The vocabulary and idf come from the training rows only: nothing of the held-out fold.
    let (terms, idf, per_label) =
        select_features(p, lexicon.as_deref(), examples, &counts, &train_idx)?;
    let vocab = Vocabulary::new(p.features.clone(), terms.clone(), idf.clone())
        .with_lexicon(lexicon.clone());
    let mut rows: Vec<Vec<(u32, f32)>> = counts.iter().map(|c| vocab.row_from_counts(c)).collect();
    tracing::debug!(vocabulary = terms.len(), bags, "features selected");
    // Title-only copies of the training rows that have a description: markets' index pages show
    // titles alone, and the model must not need the description to recognise an item.
    let mut all_labels = labels.clone();
    let mut fit_idx = train_idx.clone();
    if p.title_only_copies {
        for &i in &train_idx {
            let e = &examples[i];
            if !e.description.trim().is_empty() {
                rows.push(vocab.vectorize(&e.title, ""));
                all_labels.push(labels[i]);
                fit_idx.push(rows.len() - 1);
            }
        }
    }

    // Per label: the sum over bags of the weights and intercepts.
    let mut sum_w: Vec<BTreeMap<u32, f64>> = vec![BTreeMap::new(); 4];
    let mut sum_c = [0f64; 4];
    for b in 0..bags {
        // The labels are independent: fit them on parallel threads (each fit is deterministic).
        let bag_p = p.clone().seed(p.seed.wrapping_add(b as u64));
        let fits: Vec<Result<LabelFit, ClassifierError>> = std::thread::scope(|s| {
            let handles: Vec<_> = Label::ALL
                .iter()
                .map(|&label| {
                    let (cols, rows, labels, fit_idx, bag_p) = (
                        &per_label[label.index()],
                        &rows,
                        &all_labels,
                        &fit_idx,
                        &bag_p,
                    );
                    s.spawn(move || fit_label(bag_p, label, cols, rows, labels, fit_idx))
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
            let li = label.index();
            for (col, w) in &weights {
                *sum_w[li].entry(*col).or_insert(0.0) += f64::from(*w);
            }
            sum_c[li] += f64::from(intercept);
            tracing::debug!(%label, bag = b, "label fitted");
        }
    }
    // The optional category block: counted on the training rows, weighted on the held-out fold.
    let mut category = p
        .category_block
        .then(|| CategoryModel::fit(examples, &train_idx));
    // The averaged model, calibrated and thresholded on the held-out fold.
    let n = bags as f64;
    let mut models = Vec::with_capacity(4);
    let mut val_positives = BTreeMap::new();
    for label in Label::ALL {
        let li = label.index();
        let weights: Vec<(u32, f32)> = sum_w[li]
            .iter()
            .map(|(c, w)| (*c, (w / n) as f32))
            .filter(|(_, w)| *w != 0.0)
            .collect();
        let intercept = (sum_c[li] / n) as f32;
        let mut dense: HashMap<u32, f32> = HashMap::with_capacity(weights.len());
        dense.extend(weights.iter().copied());
        let margin = |i: usize| -> f32 {
            intercept
                + rows[i]
                    .iter()
                    .map(|(c, x)| dense.get(c).map_or(0.0, |w| w * x))
                    .sum::<f32>()
        };
        let val_z: Vec<f32> = val_idx.iter().map(|&i| margin(i)).collect();
        let val_y: Vec<bool> = val_idx.iter().map(|&i| labels[i].contains(label)).collect();
        let (a, pb, threshold) = calibrate_label(
            &val_z,
            &val_y,
            p.deployment_prevalence,
            p.target_recall_for(label),
            p.threshold_resamples,
            p.seed ^ (0x7468_7265_7368 + li as u64),
        );
        val_positives.insert(label, val_y.iter().filter(|y| **y).count());
        if let Some(cat) = category.as_mut() {
            let with: Vec<usize> = (0..val_idx.len())
                .filter(|&k| !examples[val_idx[k]].category.trim().is_empty())
                .collect();
            let z: Vec<f32> = with.iter().map(|&k| val_z[k]).collect();
            let y: Vec<bool> = with.iter().map(|&k| val_y[k]).collect();
            let e: Vec<f32> = with
                .iter()
                .map(|&k| cat.evidence(&examples[val_idx[k]].category)[li])
                .collect();
            let (a0, b0) = platt(&z, &y);
            cat.weight[li] = choose_weight(&z, &e, &y, a0, b0);
        }
        tracing::debug!(%label, a, b = pb, threshold, "label calibrated");
        models.push(LabelModel {
            label,
            intercept,
            weights,
            platt_a: a,
            platt_b: pb,
            threshold,
        });
    }
    let train_positives = Label::ALL
        .into_iter()
        .map(|l| {
            (
                l,
                train_idx.iter().filter(|&&i| labels[i].contains(l)).count(),
            )
        })
        .collect();
    let meta = TrainingMeta {
        seed: p.seed,
        n_train: train_idx.len(),
        n_validation: val_idx.len(),
        train_positives,
        validation_positives: val_positives,
        target_recall: p.target_recall,
        label_target_recall: Label::ALL
            .into_iter()
            .filter_map(|l| p.label_target_recall[l.index()].map(|r| (l, r)))
            .collect(),
        deployment_prevalence: p.deployment_prevalence,
        threshold_resamples: p.threshold_resamples,
        bags,
        reviewed: BTreeMap::new(),
        min_df: p.min_df,
        features_per_label: p.features_per_label,
        solver: p.solver,
        alpha: p.alpha,
        max_iterations: p.max_iterations,
        ftrl_alpha: p.ftrl_alpha,
        ftrl_l2: p.ftrl_l2,
        ftrl_batch: p.ftrl_batch,
        ftrl_epochs: p.ftrl_passes(fit_idx.len()),
        title_only_copies: p.title_only_copies,
    };
    Classifier::from_parts(p.features.clone(), terms, idf, models, meta, lexicon_src)
        .map(|c| c.with_category(category))
        .map_err(|message| ClassifierError::TrainingData { message })
}

type Selection = (Vec<String>, Vec<f32>, Vec<Vec<u32>>);

/// A label's fitted intercept and sparse weights (by vocabulary column).
type LabelFit = (f32, Vec<(u32, f32)>);

/// Chooses each label's features by chi² over the training rows; returns the vocabulary (terms
/// sorted by name, with idf) and each label's columns.
fn select_features(
    p: &ClassifierParams,
    lexicon: Option<&Lexicon>,
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
        features::for_each_feature(&p.features, lexicon, &e.title, &e.description, |name, _| {
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

    fn ex(title: &str, labels: &[Label]) -> Example {
        Example {
            title: title.to_string(),
            description: String::new(),
            labels: labels.iter().copied().collect(),
            category: String::new(),
        }
    }

    #[test]
    fn vocabulary_and_idf_leave_out_the_held_out_fold() {
        // Guards that calibration rows add no feature to the vocabulary: a word that only the
        // held-out fold uses is not a column, while the same word in training rows is.
        let kinds = [
            ("glock pistol", Label::Firearm),
            ("9mm ammo box", Label::Ammunition),
            ("glock slide", Label::Part),
            ("gun stl files", Label::Design),
        ];
        let mut rows = Vec::new();
        for i in 0..40 {
            let (t, l) = kinds[i % 4];
            rows.push(ex(&format!("{t} n{}", i % 3), &[l]));
            rows.push(ex(&format!("kush {} grams", i % 5), &[]));
        }
        let p = ClassifierParams::default()
            .seed(11)
            .min_df(2)
            .bags(1)
            .threshold_resamples(0);
        let labels: Vec<LabelSet> = rows.iter().map(|e| e.labels).collect();
        let folds = stratified_folds(&labels, 5, 11);
        for &i in folds[0].iter().take(3) {
            rows[i].title.push_str(" zanzibarite");
        }
        let m = p.fit(&rows).unwrap();
        assert!(!m
            .vocabulary()
            .terms()
            .iter()
            .any(|t| t.contains("zanzibarite")));
        for &i in folds[1].iter().take(3) {
            rows[i].title.push_str(" zanzibarite");
        }
        let m = p.fit(&rows).unwrap();
        assert!(m.vocabulary().terms().iter().any(|t| t == "w:zanzibarite"));
        assert_eq!(m.training().n_validation, folds[0].len());
    }
}
