//! Price parsing: never panics; a price is finite and non-negative, its range lies on character
//! boundaries of the text, and the text of that range parses to the same price.
#![no_main]

use armswatch_core::price::{find_price, parse_amount};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(a) = parse_amount(s) {
        assert!(a.is_finite() && a >= 0.0, "{s:?} -> {a}");
    }
    if let Some((p, range)) = find_price(s) {
        assert!(p.amount.is_finite() && p.amount >= 0.0, "{s:?} -> {p:?}");
        let part = s.get(range.clone()).expect("range on char boundaries");
        let again = find_price(part).map(|(q, _)| q);
        assert_eq!(again.as_ref(), Some(&p), "{s:?}: {part:?} reads differently");
    }
});
