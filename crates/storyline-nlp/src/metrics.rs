//! Precision, recall and F1, as every evaluation command reports them.

/// `(precision, recall, F1)` from the true positives and the numbers of predicted and gold
/// items; a ratio with nothing to divide by is 0.
pub fn prf(tp: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    let (p, r) = (ratio(tp, predicted), ratio(tp, gold));
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    #[test]
    fn prf_values() {
        assert_eq!(super::prf(0, 0, 0), (0.0, 0.0, 0.0));
        let (p, r, f) = super::prf(3, 4, 6);
        assert!((p - 0.75).abs() < 1e-12 && (r - 0.5).abs() < 1e-12 && (f - 0.6).abs() < 1e-12);
    }
}
