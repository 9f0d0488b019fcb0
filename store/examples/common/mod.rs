//! The synthetic case the store benchmarks load (`queue_bench`, `backend_bench`): listings of
//! random words from a small vocabulary, one of 5,000 vendors each, and a verdict per listing with
//! four random scores (a label assigned above 0.8). One seed, so the same calls give the same
//! listings and verdicts in the same order, in any backend and any run.

use armswatch_core::{Label, Listing, Verdict};
use std::time::Instant;

const WORDS: &[&str] = &[
    "glock", "pistol", "rifle", "ammo", "9mm", "slide", "barrel", "kush", "seeds", "vape", "ebook",
    "knife", "scope", "magazine", "stl", "files", "brass", "custom", "stealth", "shipping",
];

/// Median wall milliseconds of seven calls.
pub fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..7)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[3]
}

/// The generator: a xorshift64 stream from a fixed seed.
pub struct Synth {
    rng: u64,
}

impl Synth {
    pub fn new() -> Synth {
        Synth {
            rng: 0x9e37_79b9_7f4a_7c15,
        }
    }

    fn next(&mut self) -> u64 {
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        self.rng
    }

    /// `count` listings of batch `batch`, at `http://m.onion/l/{batch}/{i}`: a title of three
    /// words, a description of six, a vendor `vendor0`..`vendor4999`.
    pub fn listings(&mut self, batch: usize, count: usize) -> Vec<Listing> {
        (0..count)
            .map(|i| {
                let w: Vec<&str> = (0..6)
                    .map(|_| WORDS[(self.next() % WORDS.len() as u64) as usize])
                    .collect();
                Listing {
                    url: format!("http://m.onion/l/{batch}/{i}"),
                    title: w[..3].join(" "),
                    description: Some(w.join(" ")),
                    vendor: Some(format!("vendor{}", self.next() % 5000)),
                    ..Listing::default()
                }
            })
            .collect()
    }

    /// A verdict for each listing id: four scores in [0, 1), the labels scoring above 0.8.
    pub fn verdicts(&mut self, ids: &[i64]) -> Vec<(i64, Verdict)> {
        ids.iter()
            .map(|id| {
                let s: [f32; 4] = [0, 1, 2, 3].map(|_| (self.next() % 10_000) as f32 / 10_000.0);
                let labels = Label::ALL
                    .into_iter()
                    .zip(s)
                    .filter(|(_, x)| *x > 0.8)
                    .map(|(l, _)| l)
                    .collect();
                (
                    *id,
                    Verdict {
                        model_id: "bench".into(),
                        model_version: "bench".into(),
                        scores: Label::ALL.into_iter().zip(s).collect(),
                        labels,
                        explain: Default::default(),
                    },
                )
            })
            .collect()
    }
}
