//! URL normalisation: never panics, and normalising a normalised URL changes nothing.
#![no_main]

use armswatch_crawler::urlnorm::{normalize, resolve};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(u) = url::Url::parse(s) {
        if let Some(n) = normalize(&u) {
            assert_eq!(normalize(&n).as_ref(), Some(&n), "not idempotent: {s:?}");
        }
    }
    let base = url::Url::parse("http://fuzzmarket.onion/a/b?page=2").unwrap();
    if let Some(n) = resolve(&base, s) {
        assert_eq!(normalize(&n).as_ref(), Some(&n), "resolve not normalised: {s:?}");
    }
});
