//! The market category (a breadcrumb such as "Weapons/Lethal firearms") as an optional, separately
//! weighted block of evidence. The text model never sees it: the category adds `weight × evidence`
//! to a label's margin, where the evidence is the mean log-likelihood ratio of the category's words
//! and word pairs (from the training rows that have a category, add-one smoothed) and the weight is
//! chosen per label on the held-out fold. A listing without a category scores exactly as the
//! text model alone does, so the project's goals (title and description only) are measured
//! without it, and the with-category figures are reported beside them.

use crate::text;
use crate::Example;
use armswatch_core::Label;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The most a category can move a margin, before its weight.
const MAX_EVIDENCE: f32 = 4.0;
/// A category word must occur in this many training rows to count.
const MIN_ROWS: u32 = 3;

/// Category evidence per label, stored in the model file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryModel {
    /// Category words and word pairs with their log-likelihood ratio per label ([`Label::ALL`] order).
    pub tokens: BTreeMap<String, [f32; 4]>,
    /// How much of the evidence each label takes (0 = ignored).
    pub weight: [f32; 4],
}

/// The words and word pairs of a category, each once, in order.
pub fn category_terms(category: &str) -> Vec<String> {
    let toks = text::tokenize_unicode(category);
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let pairs = toks.windows(2).map(|w| format!("{} {}", w[0], w[1]));
    for t in toks.iter().cloned().chain(pairs) {
        if seen.insert(t.clone()) {
            out.push(t);
        }
    }
    out
}

impl CategoryModel {
    /// Counts category terms over the training rows that have a category; weights start at 0.
    pub fn fit(examples: &[Example], train_idx: &[usize]) -> CategoryModel {
        let mut totals = [[0u32; 2]; 4]; // per label: [positives, negatives] with a category
        let mut counts: BTreeMap<String, (u32, [[u32; 2]; 4])> = BTreeMap::new();
        for &i in train_idx {
            let e = &examples[i];
            if e.category.trim().is_empty() {
                continue;
            }
            for l in Label::ALL {
                totals[l.index()][usize::from(!e.labels.contains(l))] += 1;
            }
            for t in category_terms(&e.category) {
                let c = counts.entry(t).or_insert((0, [[0; 2]; 4]));
                c.0 += 1;
                for l in Label::ALL {
                    c.1[l.index()][usize::from(!e.labels.contains(l))] += 1;
                }
            }
        }
        let tokens = counts
            .into_iter()
            .filter(|(_, (n, _))| *n >= MIN_ROWS)
            .map(|(t, (_, c))| {
                let mut llr = [0f32; 4];
                for l in 0..4 {
                    let p = (f64::from(c[l][0]) + 1.0) / (f64::from(totals[l][0]) + 2.0);
                    let q = (f64::from(c[l][1]) + 1.0) / (f64::from(totals[l][1]) + 2.0);
                    llr[l] = (p / q).ln() as f32;
                }
                (t, llr)
            })
            .collect();
        CategoryModel {
            tokens,
            weight: [0.0; 4],
        }
    }

    /// The mean log-likelihood ratio of the category's known terms per label, clipped to ±4; zeros
    /// when the category is empty or unknown.
    pub fn evidence(&self, category: &str) -> [f32; 4] {
        let mut sum = [0f32; 4];
        let mut n = 0;
        for t in category_terms(category) {
            if let Some(llr) = self.tokens.get(&t) {
                for l in 0..4 {
                    sum[l] += llr[l];
                }
                n += 1;
            }
        }
        if n == 0 {
            return [0.0; 4];
        }
        sum.map(|s| (s / n as f32).clamp(-MAX_EVIDENCE, MAX_EVIDENCE))
    }

    /// What the category adds to each label's margin.
    pub fn margin(&self, category: &str) -> [f32; 4] {
        let e = self.evidence(category);
        [0, 1, 2, 3].map(|l| self.weight[l] * e[l])
    }
}

/// The weight (from a small grid) that minimises the log-loss of `sigmoid(a · (z + w · e) + b)` on
/// the held-out rows that have a category.
pub(crate) fn choose_weight(z: &[f32], e: &[f32], y: &[bool], a: f32, b: f32) -> f32 {
    const GRID: [f32; 7] = [0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0];
    let loss = |w: f32| -> f64 {
        z.iter()
            .zip(e)
            .zip(y)
            .map(|((z, e), y)| {
                let p =
                    f64::from(crate::math::sigmoid(a * (z + w * e) + b)).clamp(1e-7, 1.0 - 1e-7);
                if *y {
                    -p.ln()
                } else {
                    -(1.0 - p).ln()
                }
            })
            .sum()
    };
    GRID.into_iter()
        .map(|w| (loss(w), w))
        .min_by(|x, y| x.0.total_cmp(&y.0))
        .map_or(0.0, |(_, w)| w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use armswatch_core::LabelSet;

    fn ex(cat: &str, labels: &[Label]) -> Example {
        Example {
            title: String::new(),
            description: String::new(),
            labels: labels.iter().copied().collect::<LabelSet>(),
            category: cat.to_string(),
        }
    }

    #[test]
    fn category_evidence_points_the_right_way_and_is_zero_without_one() {
        // Guards the log-likelihood ratios, their clipping and that no category adds nothing.
        let mut rows = Vec::new();
        for _ in 0..20 {
            rows.push(ex("Weapons/Lethal firearms", &[Label::Firearm]));
            rows.push(ex("Drugs/Cannabis/Weed", &[]));
        }
        rows.push(ex("", &[Label::Firearm]));
        let idx: Vec<usize> = (0..rows.len()).collect();
        let mut m = CategoryModel::fit(&rows, &idx);
        let fire = m.evidence("Weapons » Lethal Firearms")[0];
        let weed = m.evidence("Drugs/Cannabis")[0];
        assert!(fire > 2.0 && fire <= MAX_EVIDENCE, "{fire}");
        assert!(weed < -2.0, "{weed}");
        assert_eq!(m.evidence(""), [0.0; 4]);
        assert_eq!(m.evidence("Books/Unknown"), [0.0; 4]);
        m.weight = [0.5, 0.0, 0.0, 0.0];
        assert!((m.margin("Weapons/Lethal firearms")[0] - 0.5 * fire).abs() < 1e-4);
    }

    #[test]
    fn weight_is_zero_when_the_category_only_adds_noise() {
        // Guards the grid choice: evidence against the truth gets no weight.
        let z = [2.0, -2.0, 2.0, -2.0];
        let y = [true, false, true, false];
        assert_eq!(
            choose_weight(&z, &[-3.0, 3.0, -3.0, 3.0], &y, 1.0, 0.0),
            0.0
        );
        assert!(choose_weight(&z, &[3.0, -3.0, 3.0, -3.0], &y, 1.0, 0.0) > 0.0);
    }
}
