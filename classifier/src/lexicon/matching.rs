//! Matching a listing's tokens against the lexicon: spans of one to four tokens (longest first),
//! one-edit near misses of maker names, the flags of a title or description, and the binary
//! features those flags become (the interactions a linear model cannot express).

use super::{flag, kind, Entry, Lexicon, KIND_FLAGS};

/// A matched run of tokens.
struct Span<'a> {
    start: usize,
    len: usize,
    entry: &'a Entry,
}

impl Lexicon {
    fn span_hashes(&self, toks: &[String], i: usize) -> [u64; 4] {
        let mut out = [0u64; 4];
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for (l, t) in toks[i..].iter().take(self.max_tokens).enumerate() {
            // Two numbers side by side ("Pt.2 2", "12 70") are never one name.
            let prev_digit = l > 0 && toks[i + l - 1].ends_with(|c: char| c.is_ascii_digit());
            if prev_digit && t.starts_with(|c: char| c.is_ascii_digit()) {
                break;
            }
            for b in t.as_bytes() {
                h ^= u64::from(*b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            out[l] = h;
        }
        out
    }

    /// The maker (id, ambiguous) or model (`None`) a token names by a typo, if it is one.
    fn fuzzy_maker(&self, tok: &str) -> Option<Option<(u32, bool)>> {
        let n = tok.chars().count();
        // A token more than one character longer than the longest name cannot be one edit away.
        if n < 5 || n > self.fuzzy_max_chars + 1 || !tok.chars().all(char::is_alphabetic) {
            return None;
        }
        // The token and its one-character deletions, hashed (FNV-1a, as the index) without
        // building the strings.
        const SEED: u64 = 0xcbf2_9ce4_8422_2325;
        let step = |h: u64, c: &u8| (h ^ u64::from(*c)).wrapping_mul(0x0100_0000_01b3);
        let b = tok.as_bytes();
        let mut cands: Vec<u32> = Vec::new();
        if let Some(ids) = self.fuzzy.get(&b.iter().fold(SEED, step)) {
            cands.extend(ids);
        }
        let mut prefix = SEED;
        for (i, c) in tok.char_indices() {
            let end = i + c.len_utf8();
            if let Some(ids) = self.fuzzy.get(&b[end..].iter().fold(prefix, step)) {
                cands.extend(ids);
            }
            prefix = b[i..end].iter().fold(prefix, step);
        }
        if cands.is_empty() {
            return None;
        }
        cands.sort_unstable();
        cands.dedup();
        cands
            .into_iter()
            .map(|c| &self.fuzzy_keys[c as usize])
            .find(|(name, _)| name != tok && within_one_edit(name, tok))
            .map(|(_, maker)| *maker)
    }

    /// The names the lexicon finds in `toks`, longest first, left to right, each with the kinds
    /// it stands for (for explanations and debugging).
    pub fn hits(&self, toks: &[String]) -> Vec<(String, Vec<&'static str>)> {
        const NAMES: [(u16, &str); 15] = [
            (kind::GUNTYPE, "gun type"),
            (kind::GUNWORD, "gun word"),
            (kind::ACTION, "action"),
            (kind::BLACKPOWDER, "black powder"),
            (kind::AMMO, "ammunition"),
            (kind::PART, "part"),
            (kind::DIGITAL, "digital form"),
            (kind::INSTR, "instructional form"),
            (kind::DESIGNTOPIC, "gun making"),
            (kind::LOOKALIKE, "look-alike"),
            (kind::OFFER, "offer"),
            (kind::CALIBRE, "calibre"),
            (kind::MAKER, "maker"),
            (kind::MAKER_AMBIGUOUS, "maker (ambiguous)"),
            (kind::MODEL, "model"),
        ];
        self.spans(toks)
            .into_iter()
            .map(|s| {
                let kinds = NAMES
                    .iter()
                    .filter(|(k, _)| s.entry.kinds & k != 0)
                    .map(|(_, n)| *n)
                    .collect();
                (toks[s.start..s.start + s.len].join(" "), kinds)
            })
            .collect()
    }

    /// Longest unconditional matches, left to right.
    fn spans(&self, toks: &[String]) -> Vec<Span<'_>> {
        let n = toks.len();
        let mut spans: Vec<Span> = Vec::new();
        let mut i = 0;
        while i < n {
            let hs = self.span_hashes(toks, i);
            let max = self.max_tokens.min(n - i);
            let found = (1..=max).rev().find_map(|l| {
                self.entries
                    .get(&hs[l - 1])
                    .filter(|e| e.kinds != 0)
                    .map(|e| (l, e))
            });
            match found {
                Some((len, entry)) => {
                    spans.push(Span {
                        start: i,
                        len,
                        entry,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        spans
    }

    /// What `toks` (one title or one description) mentions, as [`flag`] bits.
    pub(crate) fn scan(&self, toks: &[String]) -> u32 {
        let n = toks.len();
        let spans = self.spans(toks);
        let mut covered = vec![false; n];
        for s in &spans {
            covered[s.start..s.start + s.len]
                .iter_mut()
                .for_each(|c| *c = true);
        }
        let mut f = 0u32;
        // Makers: exact spans, then typos among the uncovered words.
        let mut makers: Vec<(usize, usize, Vec<u32>, bool)> = Vec::new(); // start, end, ids, ambiguous
        for s in &spans {
            for (k, fl) in KIND_FLAGS {
                if s.entry.kinds & k != 0 {
                    f |= fl;
                }
            }
            if s.entry.kinds & (kind::MAKER | kind::MAKER_AMBIGUOUS) != 0 {
                let ambiguous = s.entry.kinds & kind::MAKER == 0;
                makers.push((s.start, s.start + s.len, s.entry.makers.clone(), ambiguous));
            }
        }
        for (j, t) in toks.iter().enumerate() {
            if covered[j] {
                continue;
            }
            match self.fuzzy_maker(t) {
                // A misspelt everyday-word maker ("pheonix") counts only beside a model or calibre.
                Some(Some((id, true))) => makers.push((j, j + 1, vec![id], true)),
                Some(Some((id, false))) => {
                    f |= flag::NAME_FUZZY;
                    makers.push((j, j + 1, vec![id], false));
                }
                Some(None) => f |= flag::NAME_FUZZY,
                None => {}
            }
        }
        let calibre_at = |j: usize| {
            spans
                .iter()
                .any(|s| s.start == j && s.entry.kinds & kind::CALIBRE != 0)
        };
        let in_calibre = |j: usize| {
            spans
                .iter()
                .any(|s| j >= s.start && j < s.start + s.len && s.entry.kinds & kind::CALIBRE != 0)
        };
        for (start, end, ids, ambiguous) in &makers {
            let mut paired = false;
            // A model of this maker in the next four tokens (any length up to three).
            'model: for j in *end..(*end + 4).min(n) {
                let hs = self.span_hashes(toks, j);
                for l in 1..=self.max_tokens.min(n - j).min(3) {
                    if let Some(e) = self.entries.get(&hs[l - 1]) {
                        if e.models.iter().any(|(m, _)| ids.contains(m)) {
                            f |= flag::MAKER_MODEL;
                            paired = true;
                            break 'model;
                        }
                    }
                }
            }
            // A standalone model just before the maker ("P365 Sig").
            if !paired {
                paired = spans.iter().any(|s| {
                    s.start + s.len <= *start
                        && s.start + s.len + 2 >= *start
                        && s.entry.models.iter().any(|(m, _)| ids.contains(m))
                });
                if paired {
                    f |= flag::MAKER_MODEL;
                }
            }
            if (*end..(*end + 3).min(n)).any(calibre_at) {
                f |= flag::MAKER_CALIBRE;
                paired = true;
            }
            if !paired
                && (*end..(*end + 2).min(n))
                    .any(|j| !in_calibre(j) && toks[j].chars().any(|c| c.is_ascii_digit()))
            {
                f |= flag::MAKER_NUM;
                paired = true;
            }
            if !*ambiguous {
                f |= flag::MAKER;
            } else if !paired {
                f |= flag::MAKER_AMBIGUOUS;
            }
        }
        // A generic offer next to a gun word ("any pistol", "guns of your choice").
        let gunny = kind::GUNTYPE | kind::GUNWORD;
        for s in spans.iter().filter(|s| s.entry.kinds & kind::OFFER != 0) {
            let near = spans.iter().any(|g| {
                g.entry.kinds & gunny != 0
                    && g.start + g.len + 4 >= s.start
                    && s.start + s.len + 4 >= g.start
            });
            if near {
                f |= flag::OFFER_GUN;
            }
        }
        f
    }
}

/// The lexicon features of a listing from its title's and description's flags: each name is
/// emitted once.
pub(crate) fn emit_features(title: u32, description: u32, mut emit: impl FnMut(&str)) {
    use flag::*;
    let all = title | description;
    let has = |bits: u32| all & bits != 0;
    let t = |bits: u32| title & bits != 0;
    // The form words (files, guides) appear only in interactions with the gun topic below: on
    // their own they would let a form alone push "design".
    let simple: [(&str, u32); 17] = [
        ("x:maker", MAKER),
        ("x:maker?", MAKER_AMBIGUOUS),
        ("x:name~", NAME_FUZZY),
        ("x:model", MODEL),
        ("x:maker+model", MAKER_MODEL),
        ("x:maker+num", MAKER_NUM),
        ("x:maker+calibre", MAKER_CALIBRE),
        ("x:calibre", CALIBRE),
        ("x:guntype", GUNTYPE),
        ("x:gunword", GUNWORD),
        ("x:action", ACTION),
        ("x:blackpowder", BLACKPOWDER),
        ("x:ammo", AMMO),
        ("x:part", PART),
        ("x:designtopic", DESIGNTOPIC),
        ("x:lookalike", LOOKALIKE),
        ("x:offer+gun", OFFER_GUN),
    ];
    for (name, bits) in simple {
        if has(bits) {
            emit(name);
        }
    }
    let title_only: [(&str, u32); 7] = [
        ("x:t:named", NAMED),
        ("x:t:calibre", CALIBRE),
        ("x:t:guntype", GUNTYPE),
        ("x:t:ammo", AMMO),
        ("x:t:part", PART),
        ("x:t:lookalike", LOOKALIKE),
        ("x:t:designtopic", DESIGNTOPIC),
    ];
    for (name, bits) in title_only {
        if t(bits) {
            emit(name);
        }
    }
    let named = has(NAMED);
    let gun = has(GUN);
    let form = has(FORM);
    let both = |a: u32, b: u32| has(a) && has(b);
    let pairs: [(&str, bool); 18] = [
        ("x:named&calibre", named && has(CALIBRE)),
        ("x:named&guntype", named && has(GUNTYPE)),
        ("x:named&part", named && has(PART)),
        ("x:named&ammo", named && has(AMMO)),
        ("x:named&lookalike", named && has(LOOKALIKE)),
        ("x:calibre&ammo", both(CALIBRE, AMMO)),
        ("x:calibre&guntype", both(CALIBRE, GUNTYPE)),
        ("x:calibre&part", both(CALIBRE, PART)),
        (
            "x:named&!part&!ammo",
            named && !has(PART | AMMO | LOOKALIKE),
        ),
        (
            "x:t:named&!part&!ammo",
            t(NAMED) && !t(PART | AMMO | LOOKALIKE),
        ),
        ("x:t:calibre&ammo", t(CALIBRE) && t(AMMO)),
        ("x:guntype&lookalike", both(GUNTYPE, LOOKALIKE)),
        ("x:gun&digital", gun && has(DIGITAL)),
        ("x:gun&instr", gun && has(INSTR)),
        ("x:form&!gun", form && !gun),
        ("x:t:gun&form", t(GUN) && t(FORM)),
        ("x:t:form&!gun", t(FORM) && !t(GUN)),
        ("x:designtopic&form", has(DESIGNTOPIC) && form),
    ];
    for (name, on) in pairs {
        if on {
            emit(name);
        }
    }
}

/// Optimal string alignment distance (edits and adjacent transpositions), stopping past 1.
pub(super) fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() && a[i] == b[j] {
        i += 1;
        j += 1;
    }
    if i == a.len() && j == b.len() {
        return true;
    }
    let rest = |x: &[char], y: &[char]| x == y;
    // substitution, deletion, insertion, transposition
    rest(&a[(i + 1).min(a.len())..], &b[(j + 1).min(b.len())..])
        || rest(&a[(i + 1).min(a.len())..], &b[j..])
        || rest(&a[i..], &b[(j + 1).min(b.len())..])
        || (i + 1 < a.len()
            && j + 1 < b.len()
            && a[i] == b[j + 1]
            && a[i + 1] == b[j]
            && rest(&a[i + 2..], &b[j + 2..]))
}
