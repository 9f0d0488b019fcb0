//! Scoring a classifier on labeled listings: per-label precision, recall, F1, counts and average
//! precision (PR-AUC), and the false-positive rate on listings with no label; plus k-fold
//! cross-validation. Every proportion comes with a 95 % confidence interval: Wilson intervals for
//! precision, recall and the false-positive rate, a seeded percentile bootstrap over the rows for F1
//! and average precision (with 27 positives one listing moves recall by four points: the interval says how far to trust it).

use crate::folds::{stratified_folds, SplitMix};
use crate::{Classifier, ClassifierError, ClassifierParams, Example};
use armswatch_core::{Label, LabelSet};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// One label's scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelMetrics {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Rows that truly carry the label (tp + fn).
    pub support: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Average precision over the score ranking (as scikit-learn's `average_precision_score`).
    pub average_precision: f64,
    /// 95 % Wilson interval of the precision (tp of tp + fp).
    pub precision_ci: [f64; 2],
    /// 95 % Wilson interval of the recall (tp of tp + fn).
    pub recall_ci: [f64; 2],
    /// 95 % percentile-bootstrap interval of F1 (rows resampled, [`BOOTSTRAP_RESAMPLES`] times).
    pub f1_ci: [f64; 2],
    /// 95 % percentile-bootstrap interval of the average precision (rows resampled as for F1).
    pub average_precision_ci: [f64; 2],
}

/// Scores over a set of listings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalReport {
    pub rows: usize,
    /// Rows with no true label.
    pub rows_without_label: usize,
    /// Rows with no true label that were given at least one label.
    pub false_positive_rows: usize,
    /// `false_positive_rows / rows_without_label`.
    pub false_positive_rate: f64,
    /// 95 % Wilson interval of the false-positive rate.
    pub false_positive_rate_ci: [f64; 2],
    pub labels: BTreeMap<Label, LabelMetrics>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Resamples behind each bootstrap interval.
pub const BOOTSTRAP_RESAMPLES: usize = 2_000;
/// The normal quantile of a two-sided 95 % interval.
const Z95: f64 = 1.959_963_984_540_054;

/// The 95 % Wilson score interval of `k` successes in `n` trials (`[0, 1]` when `n` is 0).
pub fn wilson(k: usize, n: usize) -> [f64; 2] {
    if n == 0 {
        return [0.0, 1.0];
    }
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = Z95 * Z95;
    let den = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / den;
    let half = Z95 / den * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    [(centre - half).max(0.0), (centre + half).min(1.0)]
}

fn f1_of(tp: usize, fp: usize, fn_: usize) -> f64 {
    if tp == 0 {
        0.0
    } else {
        2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
    }
}

/// 95 % percentile-bootstrap intervals of each label's F1: the rows are drawn with replacement
/// `resamples` times (seeded, so the interval is reproducible).
pub fn bootstrap_f1(
    predicted: &[LabelSet],
    truth: &[LabelSet],
    resamples: usize,
    seed: u64,
) -> [[f64; 2]; 4] {
    let n = truth.len();
    let mut out = [[0.0, 0.0]; 4];
    if n == 0 || resamples == 0 {
        return out;
    }
    // Only rows that count for some label matter; the others are drawn and ignored.
    let mut rng = SplitMix(seed);
    let mut f1s: Vec<[f64; 4]> = Vec::with_capacity(resamples);
    for _ in 0..resamples {
        let mut c = [[0usize; 3]; 4];
        for _ in 0..n {
            let i = (rng.next_u64() % n as u64) as usize;
            let (p, t) = (predicted[i], truth[i]);
            for label in Label::ALL {
                match (p.contains(label), t.contains(label)) {
                    (true, true) => c[label.index()][0] += 1,
                    (true, false) => c[label.index()][1] += 1,
                    (false, true) => c[label.index()][2] += 1,
                    (false, false) => {}
                }
            }
        }
        f1s.push(c.map(|[tp, fp, fn_]| f1_of(tp, fp, fn_)));
    }
    percentiles(&f1s, &mut out);
    out
}

/// Average precision: Σ (Rₙ − Rₙ₋₁) Pₙ over the distinct score thresholds, highest first.
pub fn average_precision(scores: &[f32], truth: &[bool]) -> f64 {
    let order = descending(scores);
    weighted_average_precision(&order, scores, truth, &vec![1; scores.len()])
}

/// Row indices by score, highest first.
fn descending(scores: &[f32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|a, b| scores[*b].total_cmp(&scores[*a]));
    order
}

/// Average precision with row `i` counted `weight[i]` times (a bootstrap resample), walking the
/// rows in `order` (by score, highest first) so that a resample needs no sort.
fn weighted_average_precision(
    order: &[usize],
    scores: &[f32],
    truth: &[bool],
    weight: &[u32],
) -> f64 {
    let n_pos: u64 = order
        .iter()
        .filter(|&&i| truth[i])
        .map(|&i| u64::from(weight[i]))
        .sum();
    if n_pos == 0 {
        return 0.0;
    }
    let (mut tp, mut fp, mut ap, mut prev_recall) = (0u64, 0u64, 0.0, 0.0);
    for (j, &i) in order.iter().enumerate() {
        if truth[i] {
            tp += u64::from(weight[i]);
        } else {
            fp += u64::from(weight[i]);
        }
        let last_of_tie = order.get(j + 1).is_none_or(|&k| scores[k] != scores[i]);
        if last_of_tie && tp + fp > 0 {
            let recall = tp as f64 / n_pos as f64;
            ap += (recall - prev_recall) * (tp as f64 / (tp + fp) as f64);
            prev_recall = recall;
        }
    }
    ap
}

/// 95 % percentile-bootstrap intervals of each label's average precision: the rows are drawn with
/// replacement `resamples` times (seeded); a resample is a count per row, so the one sort per label
/// serves every resample.
pub fn bootstrap_average_precision(
    scores: &[[f32; 4]],
    truth: &[LabelSet],
    resamples: usize,
    seed: u64,
) -> [[f64; 2]; 4] {
    let n = truth.len();
    let mut out = [[0.0, 0.0]; 4];
    if n == 0 || resamples == 0 {
        return out;
    }
    let per_label: Vec<(Vec<f32>, Vec<bool>, Vec<usize>)> = Label::ALL
        .iter()
        .map(|label| {
            let s: Vec<f32> = scores.iter().map(|s| s[label.index()]).collect();
            let y: Vec<bool> = truth.iter().map(|t| t.contains(*label)).collect();
            let order = descending(&s);
            (s, y, order)
        })
        .collect();
    let mut rng = SplitMix(seed);
    let mut aps: Vec<[f64; 4]> = Vec::with_capacity(resamples);
    let mut weight = vec![0u32; n];
    for _ in 0..resamples {
        weight.iter_mut().for_each(|w| *w = 0);
        for _ in 0..n {
            weight[(rng.next_u64() % n as u64) as usize] += 1;
        }
        let mut ap = [0.0; 4];
        for (slot, (s, y, order)) in ap.iter_mut().zip(&per_label) {
            *slot = weighted_average_precision(order, s, y, &weight);
        }
        aps.push(ap);
    }
    percentiles(&aps, &mut out);
    out
}

/// The 2.5 % and 97.5 % percentiles of each of the four columns.
fn percentiles(samples: &[[f64; 4]], out: &mut [[f64; 2]; 4]) {
    for (l, slot) in out.iter_mut().enumerate() {
        let mut v: Vec<f64> = samples.iter().map(|f| f[l]).collect();
        v.sort_by(f64::total_cmp);
        let at = |q: f64| v[((q * (v.len() - 1) as f64).round() as usize).min(v.len() - 1)];
        *slot = [at(0.025), at(0.975)];
    }
}

/// Scores per-row predictions: `scores[i]` in [`Label::ALL`] order and `predicted[i]` against
/// `truth[i]`.
pub fn report(scores: &[[f32; 4]], predicted: &[LabelSet], truth: &[LabelSet]) -> EvalReport {
    let mut labels = BTreeMap::new();
    let f1_cis = bootstrap_f1(predicted, truth, BOOTSTRAP_RESAMPLES, 0xc1f1);
    let ap_cis = bootstrap_average_precision(scores, truth, BOOTSTRAP_RESAMPLES, 0xa9c1);
    for label in Label::ALL {
        let l = label.index();
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for (p, t) in predicted.iter().zip(truth) {
            match (p.contains(label), t.contains(label)) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                (false, false) => {}
            }
        }
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = f1_of(tp, fp, fn_);
        let s: Vec<f32> = scores.iter().map(|s| s[l]).collect();
        let y: Vec<bool> = truth.iter().map(|t| t.contains(label)).collect();
        labels.insert(
            label,
            LabelMetrics {
                tp,
                fp,
                fn_,
                support: tp + fn_,
                precision,
                recall,
                f1,
                average_precision: average_precision(&s, &y),
                precision_ci: wilson(tp, tp + fp),
                recall_ci: wilson(tp, tp + fn_),
                f1_ci: f1_cis[l],
                average_precision_ci: ap_cis[l],
            },
        );
    }
    let rows_without_label = truth.iter().filter(|t| t.is_empty()).count();
    let false_positive_rows = predicted
        .iter()
        .zip(truth)
        .filter(|(p, t)| t.is_empty() && !p.is_empty())
        .count();
    EvalReport {
        rows: truth.len(),
        rows_without_label,
        false_positive_rows,
        false_positive_rate: ratio(false_positive_rows, rows_without_label),
        false_positive_rate_ci: wilson(false_positive_rows, rows_without_label),
        labels,
    }
}

/// Classifies every example (title and description only) and scores the verdicts against the true
/// labels.
pub fn evaluate(model: &Classifier, examples: &[Example]) -> EvalReport {
    evaluate_with(model, examples, false)
}

/// As [`evaluate`]; with `use_category`, each example's market category goes through the model's
/// optional category block.
pub fn evaluate_with(model: &Classifier, examples: &[Example], use_category: bool) -> EvalReport {
    let mut scores = Vec::with_capacity(examples.len());
    let mut predicted = Vec::with_capacity(examples.len());
    for e in examples {
        let category = use_category.then_some(e.category.as_str());
        let s = model.scores_with_category(&e.title, &e.description, category);
        let mut set = LabelSet::empty();
        for (m, p) in model.label_models().iter().zip(s) {
            if p >= m.threshold {
                set.insert(m.label);
            }
        }
        scores.push(s);
        predicted.push(set);
    }
    let truth: Vec<LabelSet> = examples.iter().map(|e| e.labels).collect();
    report(&scores, &predicted, &truth)
}

/// k-fold cross-validation: trains on k−1 label-stratified folds, predicts the held-out fold, and
/// scores all out-of-fold predictions together.
pub fn cross_validate(
    params: &ClassifierParams,
    examples: &[Example],
    k: usize,
) -> Result<EvalReport, ClassifierError> {
    if k < 2 {
        return Err(ClassifierError::InvalidParams {
            name: "folds",
            message: format!("{k} folds, need at least 2"),
        });
    }
    let truth: Vec<LabelSet> = examples.iter().map(|e| e.labels).collect();
    let folds = stratified_folds(&truth, k, params.seed ^ 0x5eed);
    let mut scores = vec![[0.0f32; 4]; examples.len()];
    let mut predicted = vec![LabelSet::empty(); examples.len()];
    for (f, held) in folds.iter().enumerate() {
        let held_set: std::collections::HashSet<usize> = held.iter().copied().collect();
        let train: Vec<Example> = (0..examples.len())
            .filter(|i| !held_set.contains(i))
            .map(|i| examples[i].clone())
            .collect();
        let model = params.fit(&train)?;
        tracing::debug!(fold = f, "cross-validation fold trained");
        for &i in held {
            let e = &examples[i];
            let v = model.predict(&e.title, &e.description);
            scores[i] = model.scores(&e.title, &e.description);
            predicted[i] = v.labels.into_iter().collect();
        }
    }
    Ok(report(&scores, &predicted, &truth))
}

/// `0.926 [0.766, 0.979]`
fn with_ci(x: f64, ci: [f64; 2]) -> String {
    format!("{x:.3} [{:.3}, {:.3}]", ci[0], ci[1])
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<11} {:>5} {:>5} {:>5} {:>7} {:>21} {:>21} {:>21} {:>21}",
            "label",
            "tp",
            "fp",
            "fn",
            "support",
            "precision [95% CI]",
            "recall [95% CI]",
            "f1 [95% CI]",
            "pr_auc [95% CI]"
        )?;
        for (label, m) in &self.labels {
            writeln!(
                f,
                "{:<11} {:>5} {:>5} {:>5} {:>7} {:>21} {:>21} {:>21} {:>21}",
                label.as_str(),
                m.tp,
                m.fp,
                m.fn_,
                m.support,
                with_ci(m.precision, m.precision_ci),
                with_ci(m.recall, m.recall_ci),
                with_ci(m.f1, m.f1_ci),
                with_ci(m.average_precision, m.average_precision_ci)
            )?;
        }
        write!(
            f,
            "rows {}; rows without a label {}; flagged among them {} (false-positive rate {:.2}%, \
             95% CI {:.2}-{:.2}%)",
            self.rows,
            self.rows_without_label,
            self.false_positive_rows,
            100.0 * self.false_positive_rate,
            100.0 * self.false_positive_rate_ci[0],
            100.0 * self.false_positive_rate_ci[1]
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_precision_matches_scikit_learn() {
        // Guards AP against sklearn.metrics.average_precision_score([1,0,1,1,0],[.9,.8,.7,.3,.2]) =
        // 0.8055555555555556.
        let ap = average_precision(
            &[0.9, 0.8, 0.7, 0.3, 0.2],
            &[true, false, true, true, false],
        );
        assert!((ap - 0.805_555_555_555_555_6).abs() < 1e-12, "{ap}");
    }

    #[test]
    fn counts_precision_recall_and_false_positive_rate() {
        // Guards the confusion counts and the no-label false-positive rate.
        let fire: LabelSet = [Label::Firearm].into_iter().collect();
        let none = LabelSet::empty();
        let truth = [fire, fire, none, none];
        let pred = [fire, none, fire, none];
        let r = report(&[[0.0; 4]; 4], &pred, &truth);
        let m = &r.labels[&Label::Firearm];
        assert_eq!((m.tp, m.fp, m.fn_, m.support), (1, 1, 1, 2));
        assert!((m.f1 - 0.5).abs() < 1e-12);
        assert_eq!(r.false_positive_rows, 1);
        assert!((r.false_positive_rate - 0.5).abs() < 1e-12);
        assert!(r.to_string().contains("firearm"));
        assert_eq!(m.precision_ci, wilson(1, 2));
        assert!(m.f1_ci[0] <= m.f1 && m.f1 <= m.f1_ci[1]);
    }

    #[test]
    fn wilson_matches_the_textbook_values() {
        // Guards the interval against statsmodels' proportion_confint(25, 27, method="wilson") =
        // (0.7664, 0.9795) and the edge cases (no trials, all successes).
        let [lo, hi] = wilson(25, 27);
        assert!(
            (lo - 0.7664).abs() < 1e-3 && (hi - 0.9795).abs() < 1e-3,
            "{lo} {hi}"
        );
        assert_eq!(wilson(0, 0), [0.0, 1.0]);
        let [lo, hi] = wilson(16, 16);
        assert!(hi == 1.0 && (lo - 0.8059).abs() < 1e-3, "{lo}");
    }

    #[test]
    fn bootstrap_f1_is_seeded_and_brackets_the_estimate() {
        // Guards reproducibility of the F1 interval and that it widens with fewer positives.
        let fire: LabelSet = [Label::Firearm].into_iter().collect();
        let none = LabelSet::empty();
        let mut truth = vec![none; 200];
        let mut pred = vec![none; 200];
        for i in 0..20 {
            truth[i] = fire;
            pred[i] = if i < 17 { fire } else { none };
        }
        pred[100] = fire;
        let a = bootstrap_f1(&pred, &truth, 500, 3);
        assert_eq!(a, bootstrap_f1(&pred, &truth, 500, 3));
        let f1 = f1_of(17, 1, 3);
        assert!(a[0][0] < f1 && f1 < a[0][1], "{a:?} {f1}");
        assert!(a[0][1] - a[0][0] > 0.05);
    }

    #[test]
    fn bootstrap_average_precision_is_seeded_and_brackets_the_estimate() {
        // Guards the PR-AUC interval: reproducible, around the point value, and a resample equal to
        // the data (every weight 1) gives the plain average precision.
        let fire: LabelSet = [Label::Firearm].into_iter().collect();
        let none = LabelSet::empty();
        let mut truth = vec![none; 200];
        let mut scores = vec![[0.0f32; 4]; 200];
        for (i, s) in scores.iter_mut().enumerate() {
            s[0] = ((i * 37) % 200) as f32 / 200.0;
        }
        for i in 0..20 {
            truth[i] = fire;
            scores[i][0] = if i < 15 { 0.9 + i as f32 / 1000.0 } else { 0.5 };
        }
        let s0: Vec<f32> = scores.iter().map(|s| s[0]).collect();
        let y0: Vec<bool> = truth.iter().map(|t| t.contains(Label::Firearm)).collect();
        let ap = average_precision(&s0, &y0);
        let order = descending(&s0);
        assert_eq!(
            weighted_average_precision(&order, &s0, &y0, &vec![1; 200]),
            ap
        );
        let a = bootstrap_average_precision(&scores, &truth, 500, 5);
        assert_eq!(a, bootstrap_average_precision(&scores, &truth, 500, 5));
        assert!(a[0][0] < ap && ap < a[0][1], "{a:?} {ap}");
        assert_eq!(
            a[1],
            [0.0, 0.0],
            "no part positives: AP 0 in every resample"
        );
    }
}
