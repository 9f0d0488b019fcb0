//! "Why flagged" in words a person reads. The model explains a verdict with its internal feature
//! names (`w:glock`, `t:glock`, `b:#3 rds`, `c:<glo`, or their display forms `title:glock`,
//! `"#3 rds"`, `chars:<glo`); an investigator should see `glock`, `glock (title)`, `200 rds`.
//! With the listing's text at hand, number shapes and character n-grams become the listing's own
//! words; without it they are described (`rds after a 3-digit number`, `words starting with glo`).
//!
//! The lexicon block's features (`x:maker+model`, shown as `lexicon:maker+model`) read as phrases
//! (`a gun maker and one of its models`); measures (`#in`, `#rd`) as the listing's `4in`, `30rds`.
//!
//! Feature kinds added to [`crate::features`] get their case in [`readable_term`].

use crate::text;
use armswatch_core::TermWeight;

/// One readable reason, with the summed weight of the features behind it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ReadableTerm {
    pub text: String,
    pub weight: f32,
}

/// The listing's words, as the model's tokenizer sees them.
struct Words {
    all: Vec<String>,
}

impl Words {
    fn new(title: &str, description: &str) -> Words {
        let mut all = text::tokenize(&text::strip_pgp(title));
        all.extend(text::tokenize(&text::strip_pgp(description)));
        Words { all }
    }
}

/// What a number shape (`#1`..`#4`, `#x`) stands for.
fn shape_matches(shape: &str, token: &str) -> bool {
    let b = token.as_bytes();
    match shape {
        "#in" | "#rd" => crate::features::measure_shape(token) == Some(shape),
        "#x" => {
            b.len() >= 2
                && (b[0] == b'x' && b[1..].iter().all(u8::is_ascii_digit)
                    || b[b.len() - 1] == b'x' && b[..b.len() - 1].iter().all(u8::is_ascii_digit))
        }
        _ => {
            let Some(n) = shape
                .strip_prefix('#')
                .and_then(|d| d.parse::<usize>().ok())
            else {
                return false;
            };
            !b.is_empty()
                && b.iter().all(u8::is_ascii_digit)
                && (b.len() == n || (n == 4 && b.len() > 4))
        }
    }
}

fn describe_shape(shape: &str) -> String {
    match shape {
        "#x" => "a count such as 2x".to_string(),
        "#1" => "a 1-digit number".to_string(),
        "#4" => "a number of 4+ digits".to_string(),
        "#in" => "a length in inches".to_string(),
        "#rd" => "a round count".to_string(),
        s => match s.strip_prefix('#') {
            Some(n) => format!("a {n}-digit number"),
            None => s.to_string(),
        },
    }
}

fn is_shape(w: &str) -> bool {
    w.starts_with('#') && w.len() >= 2
}

/// A word pair in words: the listing's own pair when found (`glock 19` for `glock #2`).
fn readable_pair(a: &str, b: &str, words: Option<&Words>) -> String {
    if let Some(w) = words {
        let found = w.all.windows(2).find(|p| {
            let ok = |pat: &str, tok: &str| {
                if is_shape(pat) {
                    shape_matches(pat, tok)
                } else {
                    pat == tok
                }
            };
            ok(a, &p[0]) && ok(b, &p[1])
        });
        if let Some(p) = found {
            return format!("{} {}", p[0], p[1]);
        }
    }
    match (is_shape(a), is_shape(b)) {
        (true, false) => format!("{b} after {}", describe_shape(a)),
        (false, true) => format!("{a} before {}", describe_shape(b)),
        _ => format!("{a} {b}"),
    }
}

/// A single word, a shape or measure as the listing's own token when found (`4in` for `#in`).
fn readable_word(w: &str, words: Option<&Words>) -> String {
    if !is_shape(w) {
        return w.to_string();
    }
    words
        .and_then(|ws| ws.all.iter().find(|t| shape_matches(w, t)))
        .cloned()
        .unwrap_or_else(|| describe_shape(w))
}

/// The listing's words that contain a character n-gram (`<` marks a word's start, `>` its end).
fn readable_chars(gram: &str, words: Option<&Words>) -> String {
    if let Some(w) = words {
        let mut hits: Vec<&str> = Vec::new();
        for tok in &w.all {
            if format!("<{tok}>").contains(gram) && !hits.contains(&tok.as_str()) {
                hits.push(tok);
            }
        }
        if !hits.is_empty() {
            hits.truncate(3);
            return hits.join(", ");
        }
    }
    let core = gram.trim_start_matches('<').trim_end_matches('>');
    match (gram.starts_with('<'), gram.ends_with('>')) {
        (true, true) => format!("the word {core}"),
        (true, false) => format!("words starting with {core}"),
        (false, true) => format!("words ending in {core}"),
        (false, false) => format!("words containing {core}"),
    }
}

/// What each lexicon feature (`x:`, shown as `lexicon:`, see `lexicon.rs`) means.
fn lexicon_phrase(name: &str) -> Option<&'static str> {
    Some(match name {
        "maker" => "a gun maker's name",
        "maker?" => "a name that is also a gun maker's (ambiguous)",
        "name~" => "a misspelt gun maker or model",
        "model" => "a gun model's name",
        "maker+model" => "a gun maker and one of its models",
        "maker+num" => "a gun maker followed by a model number",
        "maker+calibre" => "a gun maker followed by a calibre",
        "calibre" => "a calibre",
        "guntype" => "a kind of gun (pistol, rifle, shotgun...)",
        "gunword" => "a general gun word (gun, firearm, weapon...)",
        "action" => "a gun action or fire mode",
        "blackpowder" => "black-powder / muzzle-loading words",
        "ammo" => "an ammunition word",
        "part" => "a gun-part word",
        "designtopic" => "a gun-making topic (3-D printed guns, conversions)",
        "lookalike" => "a look-alike or non-gun weapon word (airsoft, replica, blank...)",
        "offer+gun" => "a generic offer of guns (\"any pistol\")",
        "t:named" => "a named gun in the title",
        "t:calibre" => "a calibre in the title",
        "t:guntype" => "a kind of gun in the title",
        "t:ammo" => "an ammunition word in the title",
        "t:part" => "a gun-part word in the title",
        "t:lookalike" => "a look-alike word in the title",
        "t:gun&form" => "a gun topic AND a digital or instructional form in the title",
        "t:form&!gun" => "a digital or instructional form with no gun topic in the title",
        "t:designtopic" => "a gun-making topic in the title",
        "named&calibre" => "a named gun and a calibre",
        "named&guntype" => "a named gun and a kind of gun",
        "named&part" => "a named gun and a part word",
        "named&ammo" => "a named gun and an ammunition word",
        "named&lookalike" => "a named gun and a look-alike word",
        "calibre&ammo" => "a calibre and an ammunition word",
        "calibre&guntype" => "a calibre and a kind of gun",
        "calibre&part" => "a calibre and a part word",
        "named&!part&!ammo" => "a named gun with no part, ammunition or look-alike word",
        "t:named&!part&!ammo" => "a named gun alone in the title",
        "t:calibre&ammo" => "a calibre and an ammunition word in the title",
        "guntype&lookalike" => "a kind of gun and a look-alike word",
        "gun&digital" => "a gun topic AND a digital form",
        "gun&instr" => "a gun topic AND an instructional form",
        "form&!gun" => "a digital or instructional form with no gun topic",
        "designtopic&form" => "a gun-making topic AND a digital or instructional form",
        _ => return None,
    })
}

/// One explanation term as words a person reads. `title` and `description` are the listing's text
/// (empty when not at hand): with them, shapes and n-grams become the listing's own words.
pub fn readable_term(term: &str, title: &str, description: &str) -> String {
    let words =
        (!title.is_empty() || !description.is_empty()).then(|| Words::new(title, description));
    readable_with(term, words.as_ref())
}

fn readable_with(term: &str, words: Option<&Words>) -> String {
    let term = term.trim();
    if let Some(w) = term.strip_prefix("w:") {
        return readable_word(w, words);
    }
    if let Some(w) = term
        .strip_prefix("t:")
        .or_else(|| term.strip_prefix("title:"))
    {
        return format!("{} (in the title)", readable_word(w, words));
    }
    if let Some(x) = term
        .strip_prefix("x:")
        .or_else(|| term.strip_prefix("lexicon:"))
    {
        return lexicon_phrase(x).map_or_else(|| format!("lexicon: {x}"), str::to_string);
    }
    let pair = term.strip_prefix("b:").or_else(|| {
        term.strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .filter(|t| t.contains(' '))
    });
    if let Some(p) = pair {
        if let Some((a, b)) = p.split_once(' ') {
            return readable_pair(a, b, words);
        }
    }
    if let Some(c) = term
        .strip_prefix("c:")
        .or_else(|| term.strip_prefix("chars:"))
    {
        return readable_chars(c, words);
    }
    term.to_string()
}

/// The reasons behind a label, merged: features that read the same (the many n-grams of one
/// word) become one reason with their weights summed; strongest first, at most `max`. Only
/// reasons that pushed the score up (positive weight) when `positive_only`.
pub fn readable_terms(
    terms: &[TermWeight],
    title: &str,
    description: &str,
    max: usize,
    positive_only: bool,
) -> Vec<ReadableTerm> {
    let words = Words::new(title, description);
    let mut out: Vec<ReadableTerm> = Vec::new();
    for t in terms {
        if positive_only && t.weight <= 0.0 {
            continue;
        }
        let text = readable_with(&t.term, Some(&words));
        match out.iter_mut().find(|r| r.text == text) {
            Some(r) => r.weight += t.weight,
            None => out.push(ReadableTerm {
                text,
                weight: t.weight,
            }),
        }
    }
    out.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
    out.truncate(max);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_names_become_words() {
        // Guards: every feature kind, raw or display form, reads as words, never as `#3` or `<gl`.
        let (t, d) = ("Glock 19 Gen5", "with 200 rds and 2x mags, gl0ck original");
        assert_eq!(readable_term("w:glock", t, d), "glock");
        assert_eq!(readable_term("title:glock", t, d), "glock (in the title)");
        assert_eq!(readable_term("\"glock #2\"", t, d), "glock 19");
        assert_eq!(readable_term("b:#3 rds", t, d), "200 rds");
        assert_eq!(readable_term("b:#x mags", t, d), "2x mags");
        assert_eq!(readable_term("chars:<glo", t, d), "glock");
        assert_eq!(readable_term("c:al>", t, d), "original");
        assert_eq!(readable_term("\"box of\"", "", ""), "box of");
    }

    #[test]
    fn without_text_shapes_and_ngrams_are_described() {
        // Guards: with no listing text the reasons are still readable sentences.
        assert_eq!(
            readable_term("\"#3 rds\"", "", ""),
            "rds after a 3-digit number"
        );
        assert_eq!(
            readable_term("b:glock #2", "", ""),
            "glock before a 2-digit number"
        );
        assert_eq!(
            readable_term("chars:<glo", "", ""),
            "words starting with glo"
        );
        assert_eq!(readable_term("c:ock>", "", ""), "words ending in ock");
        assert_eq!(readable_term("c:loc", "", ""), "words containing loc");
    }

    #[test]
    fn ngrams_of_one_word_merge_into_one_reason() {
        // Guards: the many n-grams of `glock` show as one reason with their weights summed.
        let terms: Vec<TermWeight> = ["chars:<gl", "chars:ock>", "glock", "chars:loc", "kush"]
            .iter()
            .zip([0.5, 0.25, 1.0, 0.25, -0.5])
            .map(|(t, w)| TermWeight {
                term: t.to_string(),
                weight: w,
            })
            .collect();
        let r = readable_terms(&terms, "Glock 17", "", 5, true);
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].text, "glock");
        assert!((r[0].weight - 2.0).abs() < 1e-6);
        let all = readable_terms(&terms, "Glock 17", "", 5, false);
        assert_eq!(all[1].text, "kush");
    }

    #[test]
    fn lexicon_features_and_measures_read_as_phrases() {
        // Guards the phrases of the lexicon block and of the barrel-length / round-count measures.
        assert_eq!(
            readable_term("lexicon:maker+model", "", ""),
            "a gun maker and one of its models"
        );
        assert_eq!(
            readable_term("x:gun&digital", "", ""),
            "a gun topic AND a digital form"
        );
        assert!(readable_term("x:something-new", "", "").starts_with("lexicon: "));
        let (t, d) = ("GP100 .357 4\" BBL 6RD", "");
        assert_eq!(readable_term("w:#rd", t, d), "6rd");
        assert_eq!(readable_term("w:#in", "", ""), "a length in inches");
        assert_eq!(
            readable_term("b:#rd stainless", "", ""),
            "stainless after a round count"
        );
    }

    #[test]
    fn every_lexicon_feature_has_a_phrase() {
        // Guards that a lexicon feature added in lexicon.rs gets its words here too.
        let mut names = Vec::new();
        crate::lexicon::emit_features(u32::MAX, u32::MAX, |n| names.push(n.to_string()));
        crate::lexicon::emit_features(0, crate::lexicon::flag::DIGITAL, |n| {
            names.push(n.to_string())
        });
        for n in names {
            let r = readable_term(&crate::model::display_term(&n), "", "");
            assert!(!r.starts_with("lexicon: "), "{n} has no phrase");
        }
    }
}
