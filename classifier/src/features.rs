//! Sparse features of a listing: word unigrams and bigrams, character n-grams within words, and
//! title-marked words, hashed to 64-bit ids; and the [`Vocabulary`] that maps the selected ids to
//! columns with idf weights and turns a listing into an l2-normalised sparse row.
//!
//! Feature names (kept in the model so explanations can show them): `w:glock` (a word anywhere),
//! `t:glock` (a word in the title), `b:glock 19` (a word pair), `c:<gl` (a 3-5 character n-gram of a
//! word padded with `<` and `>`). Title occurrences count `title_weight` times.
//!
//! Text per listing is capped ([`MAX_TITLE_BYTES`], [`MAX_DESCRIPTION_BYTES`]): the cost of one
//! listing is bounded whatever its size.

use crate::lexicon::{emit_features, Lexicon};
use crate::text;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// Keys of the vocabulary index are already FNV hashes: hash them as themselves.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// How text becomes features. Stored in the model file so training and prediction agree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureConfig {
    /// Word unigrams (`w:`).
    pub words: bool,
    /// Title-marked word unigrams (`t:`).
    pub title_words: bool,
    /// Word bigrams (`b:`).
    pub bigrams: bool,
    /// Smallest character n-gram length (0 disables character n-grams).
    pub char_min: usize,
    /// Largest character n-gram length.
    pub char_max: usize,
    /// Character n-grams from the description too (not only the title).
    pub description_chars: bool,
    /// How many times a title occurrence counts.
    pub title_weight: f32,
    /// Use `1 + ln(tf)` instead of raw term frequency.
    pub sublinear_tf: bool,
    /// l2-normalise word features (`w:`, `t:`, `b:`) and character n-grams (`c:`) as two separate
    /// blocks of equal weight, so the many n-grams of a word do not drown the word itself.
    pub block_norm: bool,
    /// Replace a token made only of digits by its shape (`#1`, `#2`, `#3`, `#4`: one, two, three,
    /// four or more digits), and a multiplier (`2x`, `x10`) by `#x`; shapes only show in word pairs
    /// (`#3 rounds`, `glock #2`), so that the counts, doses and prices a corpus happens to use do not
    /// become label cues on their own. Calibres and model numbers with a letter or a dot (`9mm`, `.45`, `g19`, `5.56`)
    /// are kept as they are. Absent in older model files, where it is off.
    #[serde(default)]
    pub number_shapes: bool,
    /// Function words ("the", "of", "with", "und", "avec"...) and single characters only show in
    /// word pairs (`box of`, `comes with`, `s w`): on their own they carry no label, but a corpus's
    /// phrasing can make them look as if they did. Absent in older model files, where it is off.
    #[serde(default)]
    pub stop_words: bool,
    /// Fold text with Unicode's tables (NFKC, accents, UTS #39 confusable skeletons; see
    /// [`text::normalise_unicode`]) instead of the hand-written ones alone. Absent in older model
    /// files, where it is off.
    #[serde(default)]
    pub unicode_fold: bool,
    /// Measures as shapes of their own: a barrel length (`4"`, `16in`, `5.5 inch` joined) becomes
    /// `#in` and a round count (`7rd`, `30rds`) `#rd`; unlike bare numbers they are words. Absent in
    /// older model files, where it is off.
    #[serde(default)]
    pub measures: bool,
    /// The value of each lexicon feature (`x:`, see [`crate::lexicon`]): binary, neither idf-weighted
    /// nor normalised, so vendor talk in a long description does not dilute "a maker and its
    /// model". 0 (older model files) turns the lexicon off.
    #[serde(default)]
    pub lexicon_weight: f32,
}

/// The most bytes of a title that become features; the rest is ignored. With
/// [`MAX_DESCRIPTION_BYTES`] and [`MAX_RAW_DESCRIPTION_BYTES`] this bounds the cost of one listing
/// (tokens, n-grams, lexicon look-ups) whatever a market or an input file sends: a 100 MB line costs
/// what 82 KiB do. Real titles are under 1.1 KB and the corpus's descriptions under 1.3 KB.
pub const MAX_TITLE_BYTES: usize = 2_048;
/// The most bytes of a description (after PGP blocks are removed) that become features.
pub const MAX_DESCRIPTION_BYTES: usize = 16_384;
/// The most bytes of a raw description read when looking for PGP blocks (a pasted key is ~3 KB).
pub const MAX_RAW_DESCRIPTION_BYTES: usize = 65_536;

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
pub fn clip(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Function words of the market languages (English, German, French, Spanish; Russian ones are
/// short enough to be rare features). Sorted for binary search.
const STOP_WORDS: &[&str] = &[
    "a", "all", "an", "and", "any", "are", "as", "at", "be", "but", "by", "can", "con", "das",
    "de", "del", "dem", "den", "der", "des", "die", "du", "each", "ein", "eine", "el", "en", "es",
    "et", "for", "from", "für", "has", "have", "i", "if", "im", "in", "is", "it", "its", "la",
    "las", "le", "les", "los", "me", "mit", "my", "no", "not", "of", "on", "or", "our", "para",
    "por", "so", "than", "that", "the", "them", "they", "this", "to", "un", "una", "und", "une",
    "up", "very", "von", "was", "we", "will", "with", "y", "you", "your", "zu",
];

/// A function word, or a single character ("s" and "w" of "S&W", "x" of "2 x 50", "a", "i").
fn is_stop_word(w: &str) -> bool {
    w.chars().nth(1).is_none() || STOP_WORDS.binary_search(&w).is_ok()
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            words: true,
            title_words: true,
            bigrams: true,
            char_min: 3,
            char_max: 5,
            description_chars: true,
            title_weight: 2.0,
            sublinear_tf: true,
            block_norm: true,
            number_shapes: true,
            stop_words: true,
            unicode_fold: true,
            measures: true,
            lexicon_weight: 0.3,
        }
    }
}

/// FNV-1a, 64 bits: a fixed, platform-independent hash of a feature name.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Calls `emit(name, count)` for every feature occurrence of a listing. `name` is only valid during
/// the call (one buffer is reused).
pub fn for_each_feature(
    cfg: &FeatureConfig,
    lexicon: Option<&Lexicon>,
    title: &str,
    description: &str,
    mut emit: impl FnMut(&str, f32),
) {
    let mut buf = String::with_capacity(64);
    let mut chars: Vec<char> = Vec::with_capacity(32);
    let lexicon = lexicon.filter(|_| cfg.lexicon_weight > 0.0);
    let mut lex_flags = [0u32; 2];
    for (part, weight, is_title) in [(title, cfg.title_weight, true), (description, 1.0, false)] {
        if part.is_empty() {
            continue;
        }
        let tokenize = if cfg.unicode_fold {
            text::tokenize_unicode
        } else {
            text::tokenize
        };
        let mut toks = if is_title {
            tokenize(&text::strip_pgp(clip(part, MAX_TITLE_BYTES)))
        } else {
            let stripped = text::strip_pgp(clip(part, MAX_RAW_DESCRIPTION_BYTES));
            tokenize(clip(&stripped, MAX_DESCRIPTION_BYTES))
        };
        if let Some(lex) = lexicon {
            lex_flags[usize::from(!is_title)] = lex.scan(&toks);
        }
        if cfg.number_shapes {
            for t in toks.iter_mut() {
                if cfg.measures {
                    if let Some(m) = measure_shape(t) {
                        *t = m.to_string();
                        continue;
                    }
                }
                let b = t.as_bytes();
                let multiplier = b.len() >= 2
                    && (b[0] == b'x' && b[1..].iter().all(u8::is_ascii_digit)
                        || b[b.len() - 1] == b'x'
                            && b[..b.len() - 1].iter().all(u8::is_ascii_digit));
                if multiplier {
                    *t = "#x".to_string();
                } else if t.bytes().all(|b| b.is_ascii_digit()) {
                    let shape = match t.len() {
                        1 => "#1",
                        2 => "#2",
                        3 => "#3",
                        _ => "#4",
                    };
                    *t = shape.to_string();
                }
            }
        }
        for (i, w) in toks.iter().enumerate() {
            // A number shape or a stop word is context for its neighbours (`#3 rounds`, `glock #2`,
            // `box of`), never a word of its own.
            let unigram = !((cfg.number_shapes && w.starts_with('#') && !is_measure(w))
                || (cfg.stop_words && is_stop_word(w)));
            if cfg.words && unigram {
                buf.clear();
                buf.push_str("w:");
                buf.push_str(w);
                emit(&buf, weight);
            }
            if cfg.title_words && is_title && unigram {
                buf.clear();
                buf.push_str("t:");
                buf.push_str(w);
                emit(&buf, 1.0);
            }
            if cfg.bigrams {
                // Two number shapes in a row ("20/20", "10/325", "24/7") say nothing.
                let pair = toks.get(i + 1).filter(|next| {
                    !(cfg.number_shapes && w.starts_with('#') && next.starts_with('#'))
                });
                if let Some(next) = pair {
                    buf.clear();
                    buf.push_str("b:");
                    buf.push_str(w);
                    buf.push(' ');
                    buf.push_str(next);
                    emit(&buf, weight);
                }
            }
            // Character n-grams only for words with a letter and at least three characters: for
            // numbers and one- or two-letter words they would repeat the word feature.
            let char_grams = cfg.char_min > 0
                && cfg.char_max >= cfg.char_min
                && (is_title || cfg.description_chars)
                && w.len() >= 3
                && unigram
                && w.chars().any(char::is_alphabetic);
            if char_grams {
                chars.clear();
                chars.push('<');
                chars.extend(w.chars());
                chars.push('>');
                for n in cfg.char_min..=cfg.char_max {
                    if n > chars.len() {
                        break;
                    }
                    for win in chars.windows(n) {
                        buf.clear();
                        buf.push_str("c:");
                        buf.extend(win.iter());
                        emit(&buf, weight);
                    }
                }
            }
        }
    }
    if lexicon.is_some() {
        emit_features(lex_flags[0], lex_flags[1], |name| emit(name, 1.0));
    }
}

/// `#in` for a barrel length (`4in`, `16.5in`, `5inch`), `#rd` for a round count (`7rd`, `30rds`).
pub(crate) fn measure_shape(t: &str) -> Option<&'static str> {
    let digits = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|&i| i > 0 && t.as_bytes()[0].is_ascii_digit())?;
    match &t[digits..] {
        "in" | "inch" | "inches" => Some("#in"),
        "rd" | "rds" => Some("#rd"),
        _ => None,
    }
}

/// A measure shape is a word of its own (unlike bare number shapes).
fn is_measure(w: &str) -> bool {
    w == "#in" || w == "#rd"
}

/// The term frequencies of a listing, by feature hash, merged and sorted by hash.
pub fn hashed_counts(
    cfg: &FeatureConfig,
    lexicon: Option<&Lexicon>,
    title: &str,
    description: &str,
) -> Vec<(u64, f32)> {
    let mut v: Vec<(u64, f32)> = Vec::with_capacity(256);
    for_each_feature(cfg, lexicon, title, description, |name, c| {
        v.push((fnv1a(name.as_bytes()), c))
    });
    merge_sorted(v)
}

fn merge_sorted<K: Ord + Copy>(mut v: Vec<(K, f32)>) -> Vec<(K, f32)> {
    v.sort_unstable_by_key(|p| p.0);
    let mut out: Vec<(K, f32)> = Vec::with_capacity(v.len());
    for (k, c) in v {
        match out.last_mut() {
            Some(last) if last.0 == k => last.1 += c,
            _ => out.push((k, c)),
        }
    }
    out
}

/// The selected features: names (for explanations and the model file), idf, and the hash → column map.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    cfg: FeatureConfig,
    terms: Vec<String>,
    idf: Vec<f32>,
    /// Each column's block: 0 words, 1 character n-grams (normalised apart), 2 lexicon (binary).
    block: Vec<u8>,
    index: IdMap<u32>,
    lexicon: Option<Arc<Lexicon>>,
}

impl Vocabulary {
    /// Builds a vocabulary from feature names and their idf values (same length, same order).
    pub fn new(cfg: FeatureConfig, terms: Vec<String>, idf: Vec<f32>) -> Vocabulary {
        let index = terms
            .iter()
            .enumerate()
            .map(|(i, t)| (fnv1a(t.as_bytes()), i as u32))
            .collect();
        let block = terms
            .iter()
            .map(|t| {
                if t.starts_with("x:") {
                    2
                } else {
                    u8::from(cfg.block_norm && t.starts_with("c:"))
                }
            })
            .collect();
        Vocabulary {
            cfg,
            terms,
            idf,
            block,
            index,
            lexicon: None,
        }
    }

    /// The vocabulary with the lexicon its `x:` features come from.
    pub fn with_lexicon(mut self, lexicon: Option<Arc<Lexicon>>) -> Vocabulary {
        self.lexicon = lexicon;
        self
    }

    /// The lexicon, when the features use one.
    pub fn lexicon(&self) -> Option<&Lexicon> {
        self.lexicon.as_deref()
    }

    /// The feature configuration.
    pub fn config(&self) -> &FeatureConfig {
        &self.cfg
    }

    /// Feature names by column.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// idf by column.
    pub fn idf(&self) -> &[f32] {
        &self.idf
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether the vocabulary has no columns.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether two different names share a hash (the vocabulary would then be ambiguous).
    pub fn has_collision(&self) -> bool {
        self.index.len() != self.terms.len()
    }

    /// The listing as an l2-normalised tf-idf row over the vocabulary's columns, sorted by column.
    pub fn vectorize(&self, title: &str, description: &str) -> Vec<(u32, f32)> {
        let mut v: Vec<(u32, f32)> = Vec::with_capacity(128);
        for_each_feature(&self.cfg, self.lexicon(), title, description, |name, c| {
            if let Some(col) = self.index.get(&fnv1a(name.as_bytes())) {
                v.push((*col, c));
            }
        });
        let mut row = merge_sorted(v);
        self.weight_row(&mut row);
        row
    }

    /// Turns merged term counts into tf-idf and l2-normalises them.
    fn weight_row(&self, row: &mut [(u32, f32)]) {
        // Squared norms of the word block [0] and the character block [1].
        let mut norm = [0.0f32; 2];
        for (col, x) in row.iter_mut() {
            let block = usize::from(self.block[*col as usize]);
            if block == 2 {
                *x = self.cfg.lexicon_weight;
                continue;
            }
            let tf = if self.cfg.sublinear_tf {
                1.0 + x.ln()
            } else {
                *x
            };
            *x = tf * self.idf[*col as usize];
            norm[block] += *x * *x;
        }
        let blocks = norm.iter().filter(|n| **n > 0.0).count() as f32;
        // Each non-empty block gets norm 1 / sqrt(blocks): the whole row has norm 1.
        let inv = norm.map(|n| {
            if n > 0.0 {
                1.0 / (n.sqrt() * blocks.sqrt())
            } else {
                0.0
            }
        });
        for (col, x) in row.iter_mut() {
            let block = usize::from(self.block[*col as usize]);
            if block < 2 {
                *x *= inv[block];
            }
        }
    }

    /// Maps hashed counts (from [`hashed_counts`]) to a weighted row, as [`Vocabulary::vectorize`].
    pub fn row_from_counts(&self, counts: &[(u64, f32)]) -> Vec<(u32, f32)> {
        let mut row: Vec<(u32, f32)> = counts
            .iter()
            .filter_map(|(h, c)| self.index.get(h).map(|col| (*col, *c)))
            .collect();
        row.sort_unstable_by_key(|p| p.0);
        self.weight_row(&mut row);
        row
    }
}

/// Smoothed idf as scikit-learn computes it: `ln((1 + n) / (1 + df)) + 1`.
pub fn smooth_idf(n_docs: usize, df: u32) -> f32 {
    (((1 + n_docs) as f64 / (1 + df as u64) as f64).ln() + 1.0) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(title: &str, desc: &str) -> Vec<(String, f32)> {
        let mut v = Vec::new();
        for_each_feature(&FeatureConfig::default(), None, title, desc, |n, c| {
            v.push((n.to_string(), c))
        });
        v
    }

    #[test]
    fn title_words_are_marked_and_weighted() {
        // Guards that title words get a `t:` feature and count double as `w:`.
        let f = names("Glock", "glock");
        assert!(f.contains(&("t:glock".to_string(), 1.0)));
        assert!(f.contains(&("w:glock".to_string(), 2.0)));
        assert!(f.contains(&("w:glock".to_string(), 1.0)));
        assert_eq!(f.iter().filter(|(n, _)| n == "t:glock").count(), 1);
    }

    #[test]
    fn bigrams_and_char_ngrams_are_emitted() {
        // Guards the bigram and padded character n-gram features.
        let f = names("", "glock 19");
        assert!(f.iter().any(|(n, _)| n == "b:glock #2"));
        assert!(f.iter().any(|(n, _)| n == "c:<gl"));
        assert!(f.iter().any(|(n, _)| n == "c:ock>"));
        assert!(!f.iter().any(|(n, _)| n.starts_with("t:")));
    }

    #[test]
    fn rows_are_l2_normalised_and_sorted() {
        // Guards the row contract the linear model relies on.
        let terms = vec![
            "w:glock".to_string(),
            "b:glock #2".to_string(),
            "t:glock".to_string(),
        ];
        let v = Vocabulary::new(FeatureConfig::default(), terms, vec![1.0, 2.0, 1.5]);
        let row = v.vectorize("Glock 19", "");
        let norm: f32 = row.iter().map(|(_, x)| x * x).sum();
        assert!((norm - 1.0).abs() < 1e-5);
        assert!(row.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(row.len(), 3);
        let counts = hashed_counts(v.config(), None, "Glock 19", "");
        assert_eq!(v.row_from_counts(&counts), row);
    }

    #[test]
    fn bare_numbers_are_shapes_seen_only_in_pairs() {
        // Guards that counts and doses are not label cues on their own, while calibres, model
        // numbers and the number's neighbours are kept.
        let f = names(
            "500 x 9mm",
            "Glock 19 gen 4, 100 rds .45 ak47 1x x10 7.62x39",
        );
        let has = |n: &str| f.iter().any(|(m, _)| m == n);
        assert!(!f
            .iter()
            .any(|(n, _)| n.starts_with("w:#") || n.starts_with("t:#")));
        assert!(!has("w:500") && !has("w:19") && !has("w:100"));
        assert!(has("b:#3 x") && has("b:glock #2") && has("b:#3 rds"));
        assert!(has("w:9mm") && has("w:.45") && has("w:ak47") && has("w:7.62x39"));
        assert!(!has("w:1x") && !has("w:x10") && !has("b:#x #x"));
        let old = FeatureConfig {
            number_shapes: false,
            ..FeatureConfig::default()
        };
        let mut raw = Vec::new();
        for_each_feature(&old, None, "", "Glock 19", |n, _| raw.push(n.to_string()));
        assert!(raw.iter().any(|n| n == "w:19"));
    }

    #[test]
    fn stop_words_are_sorted_and_only_in_pairs() {
        // Guards the binary search and that function words are context, not features.
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        let f = names("Box of 50 rounds", "comes with the case");
        let has = |n: &str| f.iter().any(|(m, _)| m == n);
        assert!(!has("w:of") && !has("t:of") && !has("w:the") && !has("c:<the>"));
        assert!(has("b:box of") && has("b:comes with") && has("w:rounds"));
        let g = names("S&W model 10", "");
        assert!(
            !g.iter().any(|(m, _)| m == "w:s" || m == "w:w") && g.iter().any(|(m, _)| m == "b:s w")
        );
    }

    #[test]
    fn text_per_listing_is_capped() {
        // Guards the bounded cost per listing: text past the caps adds no feature, and clipping
        // never splits a character.
        let long_title = "glock ".repeat(2_000) + "kalashnikov";
        assert!(!names(&long_title, "")
            .iter()
            .any(|(n, _)| n == "w:kalashnikov"));
        let long_desc = "é".repeat(MAX_DESCRIPTION_BYTES) + " ammo";
        let f = names("t", &long_desc);
        assert!(!f.iter().any(|(n, _)| n == "w:ammo"));
        assert_eq!(clip("aé", 2), "a");
        assert_eq!(clip("abc", 10), "abc");
        let pgp = format!(
            "-----BEGIN PGP PUBLIC KEY BLOCK-----\n{}\n-----END PGP PUBLIC KEY BLOCK-----\nrifle",
            "QUJD".repeat(3_000)
        );
        assert!(names("t", &pgp).iter().any(|(n, _)| n == "w:rifle"));
    }

    #[test]
    fn fnv_is_stable() {
        // Guards the hash function: model files depend on it never changing.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
