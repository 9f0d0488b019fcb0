//! The gun lexicon as features: makers, their model lines, calibres, and words for kinds of things
//! (gun types, ammunition, parts, digital and instructional forms, look-alikes, generic offers),
//! from `classifier/lexicon/` (sources listed there). A listing's tokens are matched against it and
//! the hits become a small block of binary features (`x:maker+model`, `x:calibre`, `x:gun&digital`...)
//! that do not depend on the corpus's words: a model line the corpus never used still says "gun".
//!
//! Matching works on the classifier's own tokens; a name matches one to four consecutive tokens
//! whose concatenation is its key ("AK-47" = "AK 47" = "ak47", "Smith & Wesson" = "smith wesson"),
//! longest first, left to right. Models that are only digits, short, or everyday words count only
//! after their maker ("Glock 19", "Colt Python"); misspelt makers and models (one edit, names of six
//! or more letters) count as near misses. The interactions express what a linear model over words
//! cannot: a gun topic AND a digital or instructional form (design), a named gun AND no part or
//! ammunition word (firearm), a calibre AND an ammunition word.
//!
//! The lexicon's text is stored in each model file that uses it, so a model always predicts with
//! the lexicon it was trained with.

use crate::features::{fnv1a, IdHasher};
use crate::text;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

mod matching;

pub(crate) use matching::emit_features;
#[cfg(test)]
use matching::within_one_edit;

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// The lexicon files as text (what a model file stores).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LexiconSource {
    /// `firearms.txt`: makers and model lines.
    pub firearms: String,
    /// `calibres.txt`: cartridges and gauges.
    pub calibres: String,
    /// `words.txt`: kinds of things, five languages.
    pub words: String,
}

impl LexiconSource {
    /// The lexicon shipped in this repository (`classifier/lexicon/`).
    pub fn builtin() -> LexiconSource {
        LexiconSource {
            firearms: include_str!("../lexicon/firearms.txt").to_string(),
            calibres: include_str!("../lexicon/calibres.txt").to_string(),
            words: include_str!("../lexicon/words.txt").to_string(),
        }
    }
}

/// Kinds of words (`words.txt` sections) and of names, as bits.
mod kind {
    pub const GUNTYPE: u16 = 1;
    pub const GUNWORD: u16 = 1 << 1;
    pub const ACTION: u16 = 1 << 2;
    pub const BLACKPOWDER: u16 = 1 << 3;
    pub const AMMO: u16 = 1 << 4;
    pub const PART: u16 = 1 << 5;
    pub const DIGITAL: u16 = 1 << 6;
    pub const INSTR: u16 = 1 << 7;
    pub const DESIGNTOPIC: u16 = 1 << 8;
    pub const LOOKALIKE: u16 = 1 << 9;
    pub const OFFER: u16 = 1 << 10;
    pub const CALIBRE: u16 = 1 << 11;
    /// An unambiguous maker name.
    pub const MAKER: u16 = 1 << 12;
    /// A maker name that is also an everyday word or three letters or fewer.
    pub const MAKER_AMBIGUOUS: u16 = 1 << 13;
    /// A model name that stands on its own.
    pub const MODEL: u16 = 1 << 14;

    pub const SECTIONS: [(&str, u16); 11] = [
        ("guntype", GUNTYPE),
        ("gunword", GUNWORD),
        ("action", ACTION),
        ("blackpowder", BLACKPOWDER),
        ("ammo", AMMO),
        ("part", PART),
        ("digital", DIGITAL),
        ("instructional", INSTR),
        ("designtopic", DESIGNTOPIC),
        ("lookalike", LOOKALIKE),
        ("offer", OFFER),
    ];
}

/// What one key stands for.
#[derive(Debug, Clone, Default)]
struct Entry {
    kinds: u16,
    /// Makers this key names (maker keys).
    makers: Vec<u32>,
    /// Makers that have a model of this key, and whether it stands alone.
    models: Vec<(u32, bool)>,
}

/// The parsed lexicon, ready to match token sequences.
#[derive(Debug, Clone)]
pub struct Lexicon {
    entries: IdMap<Entry>,
    /// Most tokens in one key.
    max_tokens: usize,
    /// One-deletion neighbourhoods of maker and standalone model keys (six letters or more).
    fuzzy: IdMap<Vec<u32>>,
    /// Names that may be misspelt, with their maker and whether it is ambiguous (`None` for a
    /// model name).
    fuzzy_keys: Vec<(String, Option<(u32, bool)>)>,
    /// The longest fuzzy name, in characters.
    fuzzy_max_chars: usize,
    makers: usize,
    models: usize,
}

/// Counts of what a lexicon holds, for its README and the model card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LexiconStats {
    pub maker_names: usize,
    pub model_names: usize,
    pub calibre_names: usize,
    pub words: usize,
}

fn key_of(entry: &str) -> (String, usize) {
    let toks = text::tokenize_unicode(entry);
    (toks.concat(), toks.len())
}

/// A model key that says little without its maker: digits only, short, or a generic pattern
/// ("model 10", "no 4", "mk ii", "gen 5", "series 70", "type 2").
fn needs_maker(key: &str) -> bool {
    let letters = key.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 || key.chars().count() < 3 {
        return true;
    }
    const GENERIC: [&str; 9] = [
        "model", "no", "mk", "mark", "gen", "series", "type", "version", "v",
    ];
    GENERIC.iter().any(|g| {
        key.strip_prefix(g).is_some_and(|rest| {
            !rest.is_empty()
                && (rest.chars().all(|c| c.is_ascii_digit())
                    || rest.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
        })
    })
}

impl Lexicon {
    /// Parses the three files; an error names the file and line.
    pub fn parse(src: &LexiconSource) -> Result<Lexicon, String> {
        let mut lex = Lexicon {
            entries: IdMap::default(),
            max_tokens: 1,
            fuzzy: IdMap::default(),
            fuzzy_keys: Vec::new(),
            fuzzy_max_chars: 0,
            makers: 0,
            models: 0,
        };
        lex.parse_firearms(&src.firearms)?;
        lex.parse_calibres(&src.calibres)?;
        lex.parse_words(&src.words)?;
        lex.build_fuzzy();
        Ok(lex)
    }

    fn add(&mut self, key: &str, ntok: usize) -> Option<&mut Entry> {
        if key.is_empty() {
            return None;
        }
        self.max_tokens = self.max_tokens.max(ntok).min(4);
        if ntok > 4 {
            return None;
        }
        Some(self.entries.entry(fnv1a(key.as_bytes())).or_default())
    }

    fn parse_firearms(&mut self, text: &str) -> Result<(), String> {
        let mut maker: Option<(u32, bool)> = None; // (id, is the no-maker list)
                                                   // A model name marked as an everyday word anywhere never stands alone.
        let mut everyday_keys: Vec<u64> = Vec::new();
        let mut next_id = 0u32;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(names) = line.strip_prefix("maker ") {
                let id = next_id;
                next_id += 1;
                let none = names.trim() == "-";
                maker = Some((id, none));
                if none {
                    continue;
                }
                for alias in names.split('|').map(str::trim).filter(|a| !a.is_empty()) {
                    let (forced, alias) = match alias.strip_prefix('!') {
                        Some(a) => (true, a),
                        None => (false, alias),
                    };
                    let (ambiguous, alias) = match alias.strip_prefix('~') {
                        Some(a) => (true, a),
                        None => (false, alias),
                    };
                    let (key, ntok) = key_of(alias);
                    let short = key.chars().count() <= 3 && !forced;
                    let bit = if ambiguous || short {
                        kind::MAKER_AMBIGUOUS
                    } else {
                        kind::MAKER
                    };
                    if fuzzy_candidate(&key, ntok) {
                        self.fuzzy_keys
                            .push((key.clone(), Some((id, bit != kind::MAKER))));
                    }
                    if let Some(e) = self.add(&key, ntok) {
                        e.kinds |= bit;
                        e.makers.push(id);
                        self.makers += 1;
                    }
                }
                continue;
            }
            let Some((id, none)) = maker else {
                return Err(format!("firearms.txt:{}: models before any maker", n + 1));
            };
            for model in line.split(',').map(str::trim).filter(|m| !m.is_empty()) {
                let (forced, model) = match model.strip_prefix('!') {
                    Some(m) => (true, m),
                    None => (false, model),
                };
                let (everyday, model) = match model.strip_prefix('~') {
                    Some(m) => (true, m),
                    None => (false, model),
                };
                if none && everyday {
                    continue;
                }
                let (key, ntok) = key_of(model);
                if everyday {
                    everyday_keys.push(fnv1a(key.as_bytes()));
                }
                // Under a maker, only names with letters and digits ("p365", "ak47", "92fs")
                // stand alone; words ("ultra", "usp", "golden boy") need the maker beside them.
                let mixed =
                    key.chars().any(char::is_alphabetic) && key.chars().any(|c| c.is_ascii_digit());
                let alone = forced || none || (mixed && !everyday && !needs_maker(&key));
                if alone && fuzzy_candidate(&key, ntok) {
                    self.fuzzy_keys.push((key.clone(), None));
                }
                if let Some(e) = self.add(&key, ntok) {
                    if alone {
                        e.kinds |= kind::MODEL;
                    }
                    e.models.push((id, alone));
                    self.models += 1;
                }
            }
        }
        for h in everyday_keys {
            if let Some(e) = self.entries.get_mut(&h) {
                e.kinds &= !kind::MODEL;
                e.models.iter_mut().for_each(|m| m.1 = false);
            }
        }
        Ok(())
    }

    fn parse_calibres(&mut self, text: &str) -> Result<(), String> {
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            for name in line.split('|').map(str::trim).filter(|m| !m.is_empty()) {
                let (key, ntok) = key_of(name);
                if let Some(e) = self.add(&key, ntok) {
                    e.kinds |= kind::CALIBRE;
                }
            }
        }
        Ok(())
    }

    fn parse_words(&mut self, text: &str) -> Result<(), String> {
        let mut bit = 0u16;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(sec) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                bit = kind::SECTIONS
                    .iter()
                    .find(|(name, _)| *name == sec)
                    .map(|(_, b)| *b)
                    .ok_or_else(|| format!("words.txt:{}: unknown section [{sec}]", n + 1))?;
                continue;
            }
            if bit == 0 {
                return Err(format!("words.txt:{}: words before any [section]", n + 1));
            }
            for word in line.split(',').map(str::trim).filter(|m| !m.is_empty()) {
                let (key, ntok) = key_of(word);
                // One or two letters ("+p" is "p", "rd") say nothing on their own.
                if key.chars().count() <= 2 {
                    continue;
                }
                if let Some(e) = self.add(&key, ntok) {
                    e.kinds |= bit;
                }
            }
        }
        Ok(())
    }

    /// The one-deletion index over the names that may be misspelt (collected while parsing).
    fn build_fuzzy(&mut self) {
        self.fuzzy_keys.sort();
        self.fuzzy_keys.dedup();
        let entries = &self.entries;
        self.fuzzy_keys.retain(|(name, _)| {
            entries
                .get(&fnv1a(name.as_bytes()))
                .is_some_and(|e| e.kinds & (kind::MODEL | kind::MAKER | kind::MAKER_AMBIGUOUS) != 0)
        });
        self.fuzzy_max_chars = self
            .fuzzy_keys
            .iter()
            .map(|(name, _)| name.chars().count())
            .max()
            .unwrap_or(0);
        for (i, (name, _)) in self.fuzzy_keys.iter().enumerate() {
            for d in std::iter::once(name.clone()).chain(deletions(name)) {
                let slot = self.fuzzy.entry(fnv1a(d.as_bytes())).or_default();
                if slot.last() != Some(&(i as u32)) {
                    slot.push(i as u32);
                }
            }
        }
    }

    /// Counts of names by kind.
    pub fn stats(&self) -> LexiconStats {
        let count = |bits: u16| {
            self.entries
                .values()
                .filter(|e| e.kinds & bits != 0)
                .count()
        };
        LexiconStats {
            maker_names: self.makers,
            model_names: self.models,
            calibre_names: count(kind::CALIBRE),
            words: count(kind::SECTIONS.iter().fold(0, |acc, (_, b)| acc | *b)),
        }
    }
}

/// What a text part (title or description) mentions, as bits of [`flag`].
pub(crate) mod flag {
    pub const MAKER: u32 = 1;
    pub const MAKER_AMBIGUOUS: u32 = 1 << 1;
    pub const NAME_FUZZY: u32 = 1 << 2;
    pub const MODEL: u32 = 1 << 3;
    pub const MAKER_MODEL: u32 = 1 << 4;
    pub const MAKER_NUM: u32 = 1 << 5;
    pub const MAKER_CALIBRE: u32 = 1 << 6;
    pub const CALIBRE: u32 = 1 << 7;
    pub const GUNTYPE: u32 = 1 << 8;
    pub const GUNWORD: u32 = 1 << 9;
    pub const ACTION: u32 = 1 << 10;
    pub const BLACKPOWDER: u32 = 1 << 11;
    pub const AMMO: u32 = 1 << 12;
    pub const PART: u32 = 1 << 13;
    pub const DIGITAL: u32 = 1 << 14;
    pub const INSTR: u32 = 1 << 15;
    pub const DESIGNTOPIC: u32 = 1 << 16;
    pub const LOOKALIKE: u32 = 1 << 17;
    pub const OFFER_GUN: u32 = 1 << 18;

    /// A gun named by maker or model.
    pub const NAMED: u32 = MAKER | MODEL | MAKER_MODEL | MAKER_NUM | MAKER_CALIBRE | NAME_FUZZY;
    /// Anything that makes guns the topic (an ambiguous maker name alone does not).
    pub const GUN: u32 =
        NAMED | GUNTYPE | GUNWORD | PART | DESIGNTOPIC | CALIBRE | ACTION | BLACKPOWDER;
    /// A digital or instructional form.
    pub const FORM: u32 = DIGITAL | INSTR;
}

/// The word kinds that map one to one onto flags.
const KIND_FLAGS: [(u16, u32); 12] = [
    (kind::CALIBRE, flag::CALIBRE),
    (kind::GUNTYPE, flag::GUNTYPE),
    (kind::GUNWORD, flag::GUNWORD),
    (kind::ACTION, flag::ACTION),
    (kind::BLACKPOWDER, flag::BLACKPOWDER),
    (kind::AMMO, flag::AMMO),
    (kind::PART, flag::PART),
    (kind::DIGITAL, flag::DIGITAL),
    (kind::INSTR, flag::INSTR),
    (kind::DESIGNTOPIC, flag::DESIGNTOPIC),
    (kind::LOOKALIKE, flag::LOOKALIKE),
    (kind::MODEL, flag::MODEL),
];

/// A name worth matching with a typo: one word of six or more letters and nothing else.
fn fuzzy_candidate(key: &str, ntok: usize) -> bool {
    ntok == 1 && key.chars().count() >= 6 && key.chars().all(char::is_alphabetic)
}

/// The strings made by deleting one character of `s`.
fn deletions(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len())
        .map(|i| {
            chars
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, c)| *c)
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::parse(&LexiconSource::builtin()).unwrap()
    }

    fn features(title: &str, desc: &str) -> Vec<String> {
        let l = lex();
        let t = l.scan(&text::tokenize_unicode(title));
        let d = l.scan(&text::tokenize_unicode(desc));
        let mut v = Vec::new();
        emit_features(t, d, |n| v.push(n.to_string()));
        v
    }

    #[test]
    fn the_shipped_lexicon_parses_and_is_broad() {
        // Guards the lexicon files' syntax and their breadth (hundreds of makers, thousands of
        // models, hundreds of calibres).
        let s = lex().stats();
        eprintln!("{s:?}");
        assert!(s.maker_names >= 800, "{s:?}");
        assert!(s.model_names >= 5_000, "{s:?}");
        assert!(s.calibre_names >= 500, "{s:?}");
        assert!(s.words >= 900, "{s:?}");
    }

    #[test]
    fn makers_and_their_models_pair_up() {
        // Guards maker + model (incl. numbers that only count after their maker), a calibre that
        // names the maker not being a maker, and everyday model words needing the maker.
        let f = features("Smith & Wesson Model 686 Plus .357 Magnum 4\" bbl", "");
        for want in [
            "x:maker",
            "x:maker+model",
            "x:calibre",
            "x:named&calibre",
            "x:t:named",
        ] {
            assert!(f.iter().any(|n| n == want), "{want} not in {f:?}");
        }
        assert!(features("Glock 19 gen 5", "")
            .iter()
            .any(|n| n == "x:maker+model"));
        let ammo = features("9mm Luger 115gr FMJ 50 rounds", "");
        assert!(!ammo.iter().any(|n| n.starts_with("x:maker")), "{ammo:?}");
        assert!(ammo.iter().any(|n| n == "x:calibre&ammo"));
        let snake = features("Python course for beginners", "");
        assert!(
            !snake.iter().any(|n| n == "x:model" || n == "x:maker+model"),
            "{snake:?}"
        );
        let colt = features("Colt Python 357", "");
        assert!(colt.iter().any(|n| n == "x:model"), "{colt:?}");
        let f = features("Ruger Blackhawk 45", "");
        assert!(f.iter().any(|n| n == "x:maker+model"), "{f:?}");
    }

    #[test]
    fn misspelt_makers_are_near_misses() {
        // Guards the one-edit match on long maker and model names.
        let f = features("Berreta 92fs", "");
        assert!(f.iter().any(|n| n == "x:maker+model"), "{f:?}");
        let f = features("Makarow pistol", "");
        assert!(f.iter().any(|n| n == "x:name~"), "{f:?}");
        let f = features("pheonix .22 (full escrow)", "");
        assert!(f.iter().any(|n| n == "x:maker+calibre"), "{f:?}");
        assert!(!features("Restock Pt.2 2 in stock", "")
            .iter()
            .any(|n| n == "x:model"));
        let f = features("Caffeine HCL USP grade", "");
        assert!(
            !f.iter().any(|n| n.contains("model") || n.contains("named")),
            "{f:?}"
        );
        assert!(within_one_edit("phoenix", "pheonix"));
        assert!(!within_one_edit("walther", "waltz"));
    }

    #[test]
    fn design_needs_a_gun_topic_and_a_form() {
        // Guards the AND of the design structure: a form alone and a gun alone are different cells.
        let d = features("FGC-9 STL files", "download link");
        assert!(
            d.iter().any(|n| n == "x:gun&digital") && d.iter().any(|n| n == "x:designtopic&form")
        );
        let hack = features("Hacking guide PDF", "step by step tutorial");
        assert!(
            hack.iter().any(|n| n == "x:form&!gun") && !hack.iter().any(|n| n == "x:gun&instr")
        );
        let book = features("Home workshop guns manual", "");
        assert!(book.iter().any(|n| n == "x:gun&instr"), "{book:?}");
    }

    #[test]
    fn generic_offers_and_lookalikes() {
        // Guards "any pistol"-style offers and the look-alike words.
        assert!(features("We get you any pistol you want", "")
            .iter()
            .any(|n| n == "x:offer+gun"));
        let air = features("Glock 17 airsoft GBB", "");
        assert!(air.iter().any(|n| n == "x:named&lookalike"), "{air:?}");
        assert!(!air.iter().any(|n| n == "x:named&!part&!ammo"));
    }
}
