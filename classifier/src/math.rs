//! Small numeric helpers shared by training, calibration and prediction.

/// The logistic function.
pub(crate) fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// `ln(q / (1 - q))`.
pub(crate) fn logit(q: f64) -> f64 {
    (q / (1.0 - q)).ln()
}

/// Chi² of a binary feature against a binary label, from document counts.
pub(crate) fn chi2(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let n = a + b + c + d;
    let den = (a + b) * (c + d) * (a + c) * (b + d);
    if den == 0.0 {
        0.0
    } else {
        n * (a * d - b * c).powi(2) / den
    }
}
