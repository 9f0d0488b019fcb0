//! Calibration and thresholds from validation margins: Platt scaling shifted to the share of
//! positives expected on a market, and the per-label threshold (best F1 at that share among cut
//! points keeping a target recall, median over bootstrap resamples of the validation rows).

use crate::folds::SplitMix;
use crate::math::{logit, sigmoid};

/// Calibrates one label from its validation margins `z` and truths `y`: Platt scaling, shifted from
/// the validation share of positives to `prevalence` (the share expected on a market), and the
/// threshold chosen with validation negatives weighted to match that share, keeping recall ≥
/// `target` ([`bootstrap_threshold`] with `resamples`, `seed`). Returns `(a, b, threshold)`.
pub(crate) fn calibrate_label(
    z: &[f32],
    y: &[bool],
    prevalence: f64,
    target: f64,
    resamples: usize,
    seed: u64,
) -> (f32, f32, f32) {
    let (a, b) = platt(z, y);
    let n_pos = y.iter().filter(|v| **v).count().max(1) as f64;
    let pi_val = n_pos / y.len().max(1) as f64;
    let b = if prevalence < pi_val {
        b + (logit(prevalence) - logit(pi_val)) as f32
    } else {
        b
    };
    let neg_weight = (pi_val / (1.0 - pi_val) / (prevalence / (1.0 - prevalence))).max(1.0);
    let probs: Vec<f32> = z.iter().map(|z| sigmoid(a * z + b)).collect();
    let threshold = bootstrap_threshold(&probs, y, target, neg_weight, resamples, seed);
    (a, b, threshold)
}

/// Platt scaling: fits `p = sigmoid(a * z + b)` to held-out margins by Newton's method on the
/// log-loss with Platt's smoothed targets.
pub(crate) fn platt(z: &[f32], y: &[bool]) -> (f32, f32) {
    let n_pos = y.iter().filter(|v| **v).count() as f64;
    let n_neg = y.len() as f64 - n_pos;
    let t_pos = (n_pos + 1.0) / (n_pos + 2.0);
    let t_neg = 1.0 / (n_neg + 2.0);
    let (mut a, mut b) = (1.0f64, 0.0f64);
    for _ in 0..100 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-9, 0.0, 1e-9);
        for (zi, yi) in z.iter().zip(y) {
            let zi = f64::from(*zi);
            let t = if *yi { t_pos } else { t_neg };
            let pi = 1.0 / (1.0 + (-(a * zi + b)).exp());
            let d = pi - t;
            let w = pi * (1.0 - pi);
            ga += d * zi;
            gb += d;
            haa += w * zi * zi;
            hab += w * zi;
            hbb += w;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-18 {
            break;
        }
        let da = (hbb * ga - hab * gb) / det;
        let db = (haa * gb - hab * ga) / det;
        a -= da;
        b -= db;
        if da.abs() + db.abs() < 1e-9 {
            break;
        }
    }
    if !(a.is_finite() && b.is_finite()) || a <= 0.0 {
        return (1.0, 0.0);
    }
    (a as f32, b as f32)
}

/// The median of [`choose_threshold`] over the validation split and `resamples` seeded bootstrap
/// resamples of it (rows drawn with replacement, same size).
pub(crate) fn bootstrap_threshold(
    probs: &[f32],
    y: &[bool],
    target: f64,
    neg_weight: f64,
    resamples: usize,
    seed: u64,
) -> f32 {
    let mut ts = vec![choose_threshold(probs, y, target, neg_weight)];
    let n = probs.len();
    if n > 0 {
        let mut rng = SplitMix(seed);
        let (mut bp, mut by) = (vec![0f32; n], vec![false; n]);
        for _ in 0..resamples {
            for k in 0..n {
                let i = (rng.next_u64() % n as u64) as usize;
                bp[k] = probs[i];
                by[k] = y[i];
            }
            ts.push(choose_threshold(&bp, &by, target, neg_weight));
        }
    }
    ts.sort_by(f32::total_cmp);
    ts[ts.len() / 2]
}

/// The threshold with the best F1 on the validation split with each negative counted `neg_weight`
/// times (F1 at the deployment prevalence), among cut points keeping recall ≥ `target`; when a range
/// of cut points ties, the midpoint of that range (a margin on both sides).
pub(crate) fn choose_threshold(probs: &[f32], y: &[bool], target: f64, neg_weight: f64) -> f32 {
    let mut order: Vec<usize> = (0..probs.len()).collect();
    order.sort_by(|a, b| probs[*b].total_cmp(&probs[*a]).then(a.cmp(b)));
    let n_pos = y.iter().filter(|v| **v).count();
    if n_pos == 0 {
        return 0.5;
    }
    let need = ((target * n_pos as f64) - 1e-9).ceil().max(1.0) as usize;
    // Cut after position j (top j+1 flagged); only cut where the next score is strictly lower.
    let (mut tp, mut fp) = (0usize, 0usize);
    let mut best: Option<(f64, usize, usize)> = None; // (weighted F1, first j, last j)
    for (j, &i) in order.iter().enumerate() {
        if y[i] {
            tp += 1;
        } else {
            fp += 1;
        }
        let next_lower = order.get(j + 1).is_none_or(|&k| probs[k] < probs[i]);
        if !next_lower || tp < need {
            continue;
        }
        let fn_ = n_pos - tp;
        let f1 = 2.0 * tp as f64 / (2.0 * tp as f64 + neg_weight * fp as f64 + fn_ as f64);
        match best {
            Some((bf, first, _)) if (f1 - bf).abs() < 1e-12 => best = Some((bf, first, j)),
            Some((bf, _, _)) if f1 <= bf => {}
            _ => best = Some((f1, j, j)),
        }
    }
    let Some((_, first, last)) = best else {
        return 0.5;
    };
    let upper = probs[order[first]];
    let lower = order.get(last + 1).map_or(0.0, |&k| probs[k]);
    let t = 0.5 * (upper + lower);
    // Never above the lowest score we meant to flag.
    t.min(upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threshold_sits_in_the_gap() {
        // Guards the midpoint rule when validation classes are separated.
        let probs = [0.95, 0.9, 0.8, 0.2, 0.1];
        let y = [true, true, true, false, false];
        let t = choose_threshold(&probs, &y, 0.95, 1.0);
        assert!((t - 0.5).abs() < 1e-6, "{t}");
    }

    #[test]
    fn threshold_keeps_target_recall() {
        // Guards that recall ≥ target is met even when classes overlap.
        let probs = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4];
        let y = [true, false, true, false, true, false];
        let t = choose_threshold(&probs, &y, 1.0, 1.0);
        assert!(t <= 0.5 && t > 0.4, "{t}");
    }

    #[test]
    fn bootstrap_threshold_is_deterministic_and_within_the_scores() {
        // Guards that the resampled median is reproducible from the seed, lies among the cut
        // points, and with no resamples is the plain rule.
        let probs: Vec<f32> = (0..200).map(|i| ((i * 37) % 200) as f32 / 200.0).collect();
        let y: Vec<bool> = probs
            .iter()
            .enumerate()
            .map(|(i, p)| *p > 0.6 || i % 17 == 0)
            .collect();
        let a = bootstrap_threshold(&probs, &y, 0.85, 3.0, 50, 9);
        let b = bootstrap_threshold(&probs, &y, 0.85, 3.0, 50, 9);
        assert_eq!(a.to_bits(), b.to_bits());
        assert!(a > 0.0 && a < 1.0, "{a}");
        let plain = choose_threshold(&probs, &y, 0.85, 3.0);
        assert_eq!(bootstrap_threshold(&probs, &y, 0.85, 3.0, 0, 9), plain);
    }

    #[test]
    fn platt_orders_and_calibrates() {
        // Guards that Platt scaling keeps the order and maps the boundary near the data's.
        let z = [-3.0, -2.0, -1.5, 1.0, 2.0, 3.0, -0.5, 0.5];
        let y = [false, false, false, true, true, true, false, true];
        let (a, b) = platt(&z, &y);
        assert!(a > 0.0);
        assert!(sigmoid(a * 3.0 + b) > 0.8 && sigmoid(a * -3.0 + b) < 0.2);
    }
}
