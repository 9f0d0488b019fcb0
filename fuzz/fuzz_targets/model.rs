//! The model file loader on any bytes: a clear error or a model that scores in [0, 1]. An odd first
//! byte wraps the rest in a header with its correct checksum, so the fuzzer reaches the body parser
//! instead of stopping at the checksum.
#![no_main]

use armswatch_classifier::{Classifier, FORMAT_VERSION};
use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let bytes = if mode & 1 == 1 {
        let mut b = format!(
            "ARMSWATCH-MODEL {FORMAT_VERSION} sha256:{}\n",
            hex::encode(Sha256::digest(rest))
        )
        .into_bytes();
        b.extend_from_slice(rest);
        b
    } else {
        rest.to_vec()
    };
    if let Ok(m) = Classifier::from_bytes(&bytes) {
        for s in m.scores("Glock 19 gen5", "9mm pistol, two magazines") {
            assert!((0.0..=1.0).contains(&s), "score {s}");
        }
    }
});
