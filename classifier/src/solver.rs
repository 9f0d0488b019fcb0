//! The per-label solvers (see [`Solver`]): linfa-ftrl over seeded dense mini-batches (the default),
//! or linfa-logistic (L-BFGS) on one dense matrix of the training rows. Both see only the label's
//! columns and return sparse weights over vocabulary columns.

use crate::folds::SplitMix;
use crate::params::{ClassifierParams, Solver};
use crate::ClassifierError;
use armswatch_core::{Label, LabelSet};
use linfa::prelude::*;
use linfa_logistic::LogisticRegression;
use ndarray::{Array1, Array2};
use std::collections::HashMap;

/// Fits one label's logistic regression with the chosen solver.
pub(crate) fn fit_label(
    p: &ClassifierParams,
    label: Label,
    cols: &[u32],
    rows: &[Vec<(u32, f32)>],
    labels: &[LabelSet],
    train_idx: &[usize],
) -> Result<(f32, Vec<(u32, f32)>), ClassifierError> {
    match p.solver {
        Solver::Ftrl => fit_label_ftrl(p, label, cols, rows, labels, train_idx),
        Solver::Lbfgs => fit_label_lbfgs(p, label, cols, rows, labels, train_idx),
    }
}

/// Copies the chosen rows' values in `cols` into a dense matrix (one extra all-ones column when
/// `bias`).
fn dense_rows(
    local: &HashMap<u32, usize>,
    width: usize,
    rows: &[Vec<(u32, f32)>],
    idx: &[usize],
    bias: bool,
) -> Array2<f32> {
    let mut x = Array2::<f32>::zeros((idx.len(), width + usize::from(bias)));
    for (r, &i) in idx.iter().enumerate() {
        for (col, v) in &rows[i] {
            if let Some(j) = local.get(col) {
                x[[r, *j]] = *v;
            }
        }
        if bias {
            x[[r, width]] = 1.0;
        }
    }
    x
}

/// FTRL-proximal (linfa-ftrl) over seeded, shuffled dense mini-batches of `ftrl_batch` rows; the
/// intercept is the weight of an all-ones column.
fn fit_label_ftrl(
    p: &ClassifierParams,
    label: Label,
    cols: &[u32],
    rows: &[Vec<(u32, f32)>],
    labels: &[LabelSet],
    train_idx: &[usize],
) -> Result<(f32, Vec<(u32, f32)>), ClassifierError> {
    let local: HashMap<u32, usize> = cols.iter().enumerate().map(|(j, c)| (*c, j)).collect();
    let params = linfa_ftrl::Ftrl::<f32>::params()
        .alpha(p.ftrl_alpha as f32)
        .beta(1.0)
        .l1_ratio(0.0)
        .l2_ratio(p.ftrl_l2 as f32)
        .check()
        .map_err(|e| ClassifierError::Fit {
            label,
            message: e.to_string(),
        })?;
    let mut order = train_idx.to_vec();
    let mut rng = SplitMix(p.seed ^ (label.index() as u64 + 1));
    let mut model: Option<linfa_ftrl::Ftrl<f32>> = None;
    for _ in 0..p.ftrl_passes(train_idx.len()) {
        rng.shuffle(&mut order);
        for batch in order.chunks(p.ftrl_batch) {
            let x = dense_rows(&local, cols.len(), rows, batch, true);
            let y: Array1<bool> = batch.iter().map(|&i| labels[i].contains(label)).collect();
            let ds = Dataset::new(x, y);
            model = Some(
                params
                    .fit_with(model, &ds)
                    .map_err(|e| ClassifierError::Fit {
                        label,
                        message: e.to_string(),
                    })?,
            );
        }
    }
    let w = model.map(|m| m.get_weights()).unwrap_or_default();
    let intercept = w.get(cols.len()).copied().unwrap_or(0.0);
    let weights = cols
        .iter()
        .zip(w.iter())
        .filter(|(_, w)| **w != 0.0)
        .map(|(c, w)| (*c, *w))
        .collect();
    Ok((intercept, weights))
}

/// Fits one label's logistic regression with linfa-logistic on a dense matrix of the label's columns.
fn fit_label_lbfgs(
    p: &ClassifierParams,
    label: Label,
    cols: &[u32],
    rows: &[Vec<(u32, f32)>],
    labels: &[LabelSet],
    train_idx: &[usize],
) -> Result<(f32, Vec<(u32, f32)>), ClassifierError> {
    let local: HashMap<u32, usize> = cols.iter().enumerate().map(|(j, c)| (*c, j)).collect();
    let x = dense_rows(&local, cols.len(), rows, train_idx, false);
    let y: Array1<usize> = train_idx
        .iter()
        .map(|&i| usize::from(labels[i].contains(label)))
        .collect();
    let dataset = Dataset::new(x, y);
    let fitted = LogisticRegression::default()
        .alpha(p.alpha as f32)
        .max_iterations(p.max_iterations)
        .gradient_tolerance(1e-4)
        .fit(&dataset)
        .map_err(|e| ClassifierError::Fit {
            label,
            message: e.to_string(),
        })?;
    // linfa puts the more frequent class on the positive side; we want "has the label" there.
    let sign = if fitted.labels().pos.class == 1 {
        1.0
    } else {
        -1.0
    };
    let weights = cols
        .iter()
        .zip(fitted.params().iter())
        .filter(|(_, w)| **w != 0.0)
        .map(|(c, w)| (*c, sign * *w))
        .collect();
    Ok((sign * fitted.intercept(), weights))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::sigmoid;

    #[test]
    fn logistic_fit_matches_scikit_learn() {
        // Guards the linfa fit (sign, intercept, alpha = 1/C) against scikit-learn 1.5.2:
        // LogisticRegression(C=1.0, tol=1e-10).fit(X, y) gives coef [0.78642161, -0.55013117],
        // intercept -0.1749302, predict_proba([[0.6, 0.4]])[:, 1] = 0.51920812.
        let x = [
            [0.0, 1.0],
            [1.0, 0.0],
            [1.0, 1.0],
            [0.5, 0.2],
            [0.2, 0.9],
            [0.9, 0.1],
            [0.3, 0.3],
            [0.8, 0.7],
        ];
        let y = [false, true, true, true, false, true, false, false];
        let rows: Vec<Vec<(u32, f32)>> = x
            .iter()
            .map(|r| vec![(0, r[0] as f32), (1, r[1] as f32)])
            .collect();
        let labels: Vec<LabelSet> = y
            .iter()
            .map(|p| {
                let mut s = LabelSet::empty();
                if *p {
                    s.insert(Label::Firearm);
                }
                s
            })
            .collect();
        let p = ClassifierParams::default()
            .solver(Solver::Lbfgs)
            .alpha(1.0)
            .max_iterations(1000);
        let idx: Vec<usize> = (0..8).collect();
        let (b, w) = fit_label(&p, Label::Firearm, &[0, 1], &rows, &labels, &idx).unwrap();
        assert!((w[0].1 - 0.786_421_6).abs() < 1e-3, "{w:?}");
        assert!((w[1].1 + 0.550_131_2).abs() < 1e-3, "{w:?}");
        assert!((b + 0.174_930_2).abs() < 1e-3, "{b}");
        let prob = sigmoid(b + 0.6 * w[0].1 + 0.4 * w[1].1);
        assert!((prob - 0.519_208_1).abs() < 1e-3, "{prob}");
    }
}
