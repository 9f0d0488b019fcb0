//! Text normalisation and word tokenisation for listing titles and descriptions.
//!
//! Vendors disguise gun words to slip past market filters and naive keyword searches: `GL0CK`,
//! `g l o c k`, `g.l.o.c.k`, `@mmo`, full-width letters, Cyrillic look-alikes. [`normalise`] folds these
//! to plain lower-case ASCII where it can, and [`words`] splits the result into word tokens while keeping
//! calibres and model numbers whole (`9mm`, `7.62x39`, `5.56`, `.45`, `ak-47` → `ak47`).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_security::confusable_detection::skeleton;

/// Folds one character into `out`: lower-case, full-width forms to ASCII, common accents to plain
/// Latin letters, and (when `lookalikes`) Cyrillic/Greek look-alikes to Latin letters; zero-width
/// characters and soft hyphens are dropped.
fn fold_char(c: char, lookalikes: bool, out: &mut String) {
    match c {
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
        // Full-width ASCII forms (NFKC maps these to ASCII).
        '\u{FF01}'..='\u{FF5E}' => {
            let a = char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(' ');
            out.push(a.to_ascii_lowercase());
        }
        // Typographic punctuation and spaces.
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => out.push('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => out.push('"'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{3000}' => out.push(' '),
        '\u{2024}' => out.push('.'),
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        '×' => out.push('x'),
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        _ => {
            let lower = c.to_lowercase().next().unwrap_or(c);
            let folded = fold_accent(lower).or(if lookalikes {
                fold_lookalike(lower)
            } else {
                None
            });
            out.push(folded.unwrap_or(lower));
        }
    }
}

/// Maps an accented Latin letter to its plain ASCII form.
fn fold_accent(c: char) -> Option<char> {
    let m = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ť' => 't',
        'ɡ' => 'g',
        _ => return None,
    };
    Some(m)
}

/// Maps a Cyrillic or Greek letter that looks like a Latin one to that Latin letter.
fn fold_lookalike(c: char) -> Option<char> {
    let m = match c {
        'а' | 'α' => 'a',
        'с' => 'c',
        'е' | 'ё' | 'ε' => 'e',
        'і' | 'ι' => 'i',
        'η' => 'n',
        'о' | 'ο' => 'o',
        'υ' => 'u',
        'у' => 'y',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'р' | 'ρ' => 'p',
        'х' | 'χ' => 'x',
        'к' | 'κ' => 'k',
        'м' => 'm',
        'в' | 'β' => 'b',
        'н' => 'h',
        'ј' => 'j',
        'ԛ' => 'q',
        _ => return None,
    };
    Some(m)
}

/// Lower-cases and folds `text` (see the module docs), then joins letters spelled out one at a time
/// (`g l o c k`, `g.l.o.c.k`, `g-l-o-c-k` → `glock`). Cyrillic and Greek look-alikes are folded only
/// inside words that also hold Latin letters (`Сolt` with a Cyrillic `С`), so real Russian or Greek
/// words stay as they are.
pub fn normalise(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_alphanumeric() {
            let end = rest
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(rest.len(), |(i, _)| i);
            let word = &rest[..end];
            let mixed = word.chars().any(|c| c.is_ascii_alphabetic());
            for c in word.chars() {
                fold_char(c, mixed, &mut folded);
            }
            rest = &rest[end..];
        } else {
            fold_char(c, false, &mut folded);
            rest = &rest[c.len_utf8()..];
        }
    }
    collapse_spelled(&folded)
}

/// As [`normalise`], with Unicode's own tables instead of the hand-written ones (the default for new
/// models, `FeatureConfig::unicode_fold`): every character of a word goes through NFKC
/// (mathematical bold and italic letters `𝐆𝐋𝐎𝐂𝐊`, circled `Ⓖⓛⓞⓒⓚ`, full-width, ligatures,
/// super- and subscripts) and then canonical decomposition with the combining marks dropped
/// (`Wälther`, `Berétta`, `Glöck`); and in a word that also holds Latin letters or digits
/// (after that folding), a character that is still not ASCII is replaced by its UTS #39 confusable
/// skeleton when that is an ASCII letter or digit (Cyrillic `Сolt`, Greek `ΑΚ47`, Cherokee or
/// Armenian look-alikes), falling back on the hand-written table for lower-case Cyrillic (`т`, `м`,
/// `н`). Words wholly in another script (`патроны`, `пистолет`) stay as they are.
pub fn normalise_unicode(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut word: Vec<char> = Vec::with_capacity(16);
    let mut rest = text;
    // Combining marks belong to the word they sit in (`r\u{308}ifle`); they are dropped below.
    let in_word = |c: char| c.is_alphanumeric() || is_combining_mark(c);
    let mut open_quote = false;
    while let Some(c) = rest.chars().next() {
        if !in_word(c) {
            if matches!(c, '"' | '\u{201D}' | '\u{2033}') {
                // A double quote right after a number that does not close a quotation is the
                // inch mark (`4" bbl`, `16.5"`): it becomes `in`, one token with the number.
                if folded.ends_with(|d: char| d.is_ascii_digit()) && !open_quote {
                    folded.push_str("in");
                    rest = &rest[c.len_utf8()..];
                    continue;
                }
                open_quote = !open_quote;
            }
            fold_char(c, false, &mut folded);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let end = rest
            .char_indices()
            .find(|(_, c)| !in_word(*c))
            .map_or(rest.len(), |(i, _)| i);
        let raw = &rest[..end];
        rest = &rest[end..];
        if raw.is_ascii() {
            folded.extend(raw.chars().map(|c| c.to_ascii_lowercase()));
            continue;
        }
        // Pass 1: compatibility and accent folding, one source character at a time (its
        // output chars remember their source, for the skeleton pass).
        word.clear();
        let mut source: Vec<char> = Vec::with_capacity(raw.len());
        for c in raw.chars() {
            let before = word.len();
            fold_compat(c, &mut word);
            source.extend(std::iter::repeat_n(c, word.len() - before));
        }
        // Pass 2: look-alikes. In a word with Latin letters every remaining character goes by
        // its skeleton; in a word of digits and another script (`9мм`, `7,62х39`, but not `5шт`)
        // only when every letter has a look-alike in the hand-written table.
        let latin = word.iter().any(char::is_ascii_alphabetic);
        let digits = word.iter().any(char::is_ascii_digit)
            && word
                .iter()
                .all(|c| c.is_ascii() || fold_lookalike(*c).is_some());
        for (c, src) in word.iter().zip(&source) {
            if c.is_ascii() {
                folded.push(*c);
            } else if latin {
                match lookalike(*src, *c) {
                    Some(s) => folded.push_str(&s),
                    None => folded.push(*c),
                }
            } else if digits {
                folded.push(fold_lookalike(*c).unwrap_or(*c));
            } else {
                folded.push(*c);
            }
        }
    }
    collapse_spelled(&folded)
}

/// NFKC, lower-cased; a Latin letter (and Cyrillic `ё`) loses its accents (canonical
/// decomposition without the combining marks; other scripts keep theirs: `й` is a letter of its
/// own); `ß`, `æ`, `œ` and the Latin letters with a stroke (no decomposition: `ł`, `ø`, `đ`) by the
/// hand-written table. A stray combining mark is dropped.
fn fold_compat(c: char, out: &mut Vec<char>) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_combining_mark(c) {
        return;
    }
    for d in std::iter::once(c).nfkc() {
        let base = std::iter::once(d).nfd().next().unwrap_or(d);
        let d = if base.is_ascii() || base == 'е' || base == 'Е' {
            base
        } else {
            d
        };
        for l in d.to_lowercase() {
            match l {
                'ß' => out.extend(['s', 's']),
                'æ' => out.extend(['a', 'e']),
                'œ' => out.extend(['o', 'e']),
                _ => out.push(fold_accent(l).unwrap_or(l)),
            }
        }
    }
}

/// The ASCII letters or digits a non-ASCII character in a Latin word stands for: its UTS #39
/// skeleton (of the original character, so upper-case Cyrillic `Н`, `В`, `М` count), else the
/// hand-written look-alike table.
fn lookalike(original: char, folded: char) -> Option<String> {
    let mut buf = [0u8; 4];
    for c in [original, folded] {
        let s: String = skeleton(c.encode_utf8(&mut buf))
            .flat_map(char::to_lowercase)
            .collect();
        if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Some(s);
        }
    }
    fold_lookalike(folded).map(String::from)
}

/// Joins runs of three or more single alphanumeric characters separated by one space, dot, dash,
/// underscore or asterisk.
fn collapse_spelled(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let is_sep = |c: char| matches!(c, ' ' | '.' | '-' | '_' | '*');
    let is_single = |i: usize| {
        chars[i].is_alphanumeric()
            && (i == 0 || !chars[i - 1].is_alphanumeric())
            && (i + 1 >= chars.len() || !chars[i + 1].is_alphanumeric())
    };
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if is_single(i) {
            // Walk a run: single char, separator, single char, ...
            let mut run = vec![i];
            let mut j = i;
            while j + 2 < chars.len() && is_sep(chars[j + 1]) && is_single(j + 2) {
                // A dot between two digits is a decimal point ("5.5"), not spelling.
                if chars[j + 1] == '.' && chars[j].is_ascii_digit() && chars[j + 2].is_ascii_digit()
                {
                    break;
                }
                j += 2;
                run.push(j);
            }
            if run.len() >= 3 && run.iter().any(|&k| chars[k].is_alphabetic()) {
                out.extend(run.iter().map(|&k| chars[k]));
                i = j + 1;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Maps a leetspeak character to the letter it stands for.
fn leet(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '@' => 'a',
        '$' => 's',
        _ => return None,
    })
}

/// Decodes leetspeak inside one raw token (`gl0ck`, `r1fle`, `@mmo`, `b3r3tt4`), leaving model numbers
/// and calibres (`m4a1`, `ak47`, `9mm`, `g19`) alone: a digit is decoded only when it sits between
/// letters and the token has at least four letters; `@` and `$` are decoded when next to a letter.
fn deleet(tok: &str) -> String {
    let chars: Vec<char> = tok.chars().collect();
    let letters = chars.iter().filter(|c| c.is_alphabetic()).count();
    let is_letter = |i: usize| chars.get(i).is_some_and(|c| c.is_alphabetic());
    let mut out: Vec<char> = chars.clone();
    let mut decoded_digit = false;
    for i in 0..chars.len() {
        let c = chars[i];
        if c == '@' || c == '$' {
            let next_letter = is_letter(i + 1);
            let prev_letter = i > 0 && is_letter(i - 1);
            if next_letter || (prev_letter && c == '$') {
                out[i] = leet(c).unwrap_or(c);
            }
        } else if c.is_ascii_digit() && letters >= 4 && i > 0 && is_letter(i - 1) {
            // Allow a run of leet digits ("b00k") between letters.
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            if is_letter(j) && chars[i..j].iter().all(|d| leet(*d).is_some()) {
                out[i] = leet(c).unwrap_or(c);
                decoded_digit = true;
            }
        }
    }
    if decoded_digit {
        // A word already shown to be leet: decode a trailing leet digit too ("b3r3tt4").
        if let Some(last) = chars.len().checked_sub(1) {
            if last > 0 && is_letter(last - 1) && chars[last].is_ascii_digit() {
                out[last] = leet(chars[last]).unwrap_or(chars[last]);
            }
        }
    }
    out.into_iter().collect()
}

/// Splits normalised text into word tokens.
///
/// A token is a run of letters and digits; `.` is kept between digits (`7.62x39`, `5.56`) and before a
/// leading digit (`.45`); `@` and `$` are kept inside words for leetspeak decoding; a dash joining
/// letters to digits is dropped (`ak-47` → `ak47`, `ar-15` → `ar15`).
pub fn words(norm: &str) -> Vec<String> {
    let chars: Vec<char> = norm.chars().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.is_empty() {
            let t = deleet(cur);
            let t: String = t.chars().filter(|c| *c != '@' && *c != '$').collect();
            if !t.is_empty() {
                out.push(t);
            }
            cur.clear();
        }
    };
    for i in 0..n {
        let c = chars[i];
        let prev = if i > 0 { chars[i - 1] } else { ' ' };
        let next = if i + 1 < n { chars[i + 1] } else { ' ' };
        let keep = if c.is_alphanumeric() {
            true
        } else if c == '.' {
            next.is_ascii_digit() && (prev.is_ascii_digit() || cur.is_empty())
        } else if c == ','
            && prev.is_ascii_digit()
            && next.is_ascii_digit()
            && cur.chars().all(|d| d.is_ascii_digit())
            && (i + 2 >= n
                || !chars[i + 2].is_ascii_digit()
                || i + 3 >= n
                || !chars[i + 3].is_ascii_digit())
        {
            // A decimal comma before one or two digits ("7,62x39", "5,56") is a decimal point; a
            // thousands separator ("1,200") still splits.
            cur.push('.');
            continue;
        } else if c == '@' || c == '$' {
            next.is_alphabetic() || (prev.is_alphabetic() && !cur.is_empty())
        } else if c == '-' {
            // Skip the dash but stay in the same token for letter-digit joins.
            let joins = (prev.is_alphabetic() && next.is_ascii_digit())
                || (prev.is_ascii_digit() && next.is_alphabetic() && !cur.is_empty());
            if joins {
                continue;
            }
            false
        } else {
            false
        };
        if keep {
            cur.push(c);
        } else {
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// Removes PGP key and signature blocks (`-----BEGIN PGP ...-----` to `-----END PGP ...-----`):
/// vendors paste them into descriptions and their base64 is noise to a text model.
pub fn strip_pgp(text: &str) -> std::borrow::Cow<'_, str> {
    const BEGIN: &str = "-----BEGIN PGP";
    const END: &str = "-----END PGP";
    if !text.contains(BEGIN) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(b) = rest.find(BEGIN) {
        out.push_str(&rest[..b]);
        let after = &rest[b..];
        match after.find(END) {
            Some(e) => {
                // Skip past the closing dashes of the END line.
                let tail = &after[e + END.len()..];
                let close = tail.find("-----").map_or(tail.len(), |i| i + 5);
                out.push(' ');
                rest = &tail[close..];
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Normalises and tokenises in one step.
pub fn tokenize(text: &str) -> Vec<String> {
    words(&normalise(text))
}

/// [`normalise_unicode`] and tokenises in one step.
pub fn tokenize_unicode(text: &str) -> Vec<String> {
    words(&normalise_unicode(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        tokenize(s)
    }

    #[test]
    fn lowercases_and_splits_on_punctuation() {
        // Guards the basic contract: lower-case word tokens, punctuation dropped.
        assert_eq!(toks("Glock 19, Gen5!"), vec!["glock", "19", "gen5"]);
    }

    #[test]
    fn leetspeak_is_decoded_in_words() {
        // Guards decoding of digit and symbol substitutions inside gun words.
        assert_eq!(toks("GL0CK pist0l r1fle"), vec!["glock", "pistol", "rifle"]);
        assert_eq!(toks("@mmo for $ale"), vec!["ammo", "for", "sale"]);
        assert_eq!(toks("b3r3tt4"), vec!["beretta"]);
    }

    #[test]
    fn model_numbers_and_calibres_survive() {
        // Guards against leet decoding or splitting mangling calibres and model numbers.
        assert_eq!(toks("M4A1 AK-47 AR-15"), vec!["m4a1", "ak47", "ar15"]);
        assert_eq!(
            toks("9mm 7.62x39 5.56 .45 ACP"),
            vec!["9mm", "7.62x39", "5.56", ".45", "acp"]
        );
        assert_eq!(toks("g19 12ga"), vec!["g19", "12ga"]);
        assert_eq!(
            toks("7,62x39 5,56 NATO 1,200 rds"),
            vec!["7.62x39", "5.56", "nato", "1", "200", "rds"]
        );
    }

    #[test]
    fn spelled_out_letters_are_joined() {
        // Guards the "g l o c k" / "g.l.o.c.k" obfuscation.
        assert_eq!(toks("g l o c k 17"), vec!["glock", "17"]);
        assert_eq!(toks("G.L.O.C.K"), vec!["glock"]);
        assert_eq!(toks("a-m-m-o box"), vec!["ammo", "box"]);
        // Decimal numbers are not spelling.
        assert_eq!(toks("5.5 g"), vec!["5.5", "g"]);
    }

    #[test]
    fn unicode_lookalikes_fold_to_ascii() {
        // Guards full-width, accented and Cyrillic look-alike letters.
        assert_eq!(toks("ＧＬＯＣＫ"), vec!["glock"]);
        assert_eq!(toks("Сolt Рistol"), vec!["colt", "pistol"]);
        assert_eq!(toks("réplica\u{200B}"), vec!["replica"]);
        // Real Cyrillic words are lower-cased, not half-latinised.
        assert_eq!(toks("ПАТРОНЫ 9мм"), vec!["патроны", "9мм"]);
    }

    #[test]
    fn unicode_tables_fold_styled_accented_and_confusable_letters() {
        // Guards NFKC (mathematical bold, circled, full-width), accent stripping and confusable
        // skeletons in Latin words, and that whole words of another script stay.
        let t = |s: &str| tokenize_unicode(s);
        assert_eq!(t("𝐆𝐋𝐎𝐂𝐊 𝟏𝟗"), vec!["glock", "19"]);
        assert_eq!(t("Ⓖⓛⓞⓒⓚ"), vec!["glock"]);
        assert_eq!(t("ＢＥＲＥＴＴＡ"), vec!["beretta"]);
        assert_eq!(
            t("Wälther Berétta Ługer Straße"),
            vec!["walther", "beretta", "luger", "strasse"]
        );
        assert_eq!(t("Сolt Рistol ΑΚ47"), vec!["colt", "pistol", "ak47"]);
        assert_eq!(t("ГЛОК 9мм 7,62х39"), vec!["глок", "9mm", "7.62x39"]);
        assert_eq!(t("5шт 1кг Сайга Ёж"), vec!["5шт", "1кг", "сайга", "еж"]);
        assert_eq!(t("ПАТРОНЫ пистолет"), vec!["патроны", "пистолет"]);
        assert_eq!(t("gl\u{200B}ock r\u{0308}ifle"), vec!["glock", "rifle"]);
        assert_eq!(t("𝓼𝓲𝓰 𝓼𝓪𝓾𝓮𝓻 ⓟ365"), vec!["sig", "sauer", "p365"]);
        assert_eq!(t("rn m"), vec!["rn", "m"]);
        assert_eq!(t("4\" BBL, 16.5″"), vec!["4in", "bbl", "16.5in"]);
        assert_eq!(t("\"Glock 19\" 4\""), vec!["glock", "19", "4in"]);
    }

    #[test]
    fn pgp_blocks_are_removed() {
        // Guards that pasted PGP keys (base64 noise) do not reach the features.
        let t = "Glock\n-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQINBF+x/y=\n-----END PGP PUBLIC KEY BLOCK-----\nmags";
        assert_eq!(tokenize(&strip_pgp(t)), vec!["glock", "mags"]);
        assert_eq!(strip_pgp("no key"), "no key");
        assert_eq!(
            tokenize(&strip_pgp("a -----BEGIN PGP SIGNATURE----- xyz")),
            vec!["a"]
        );
    }

    #[test]
    fn prices_do_not_become_letters() {
        // Guards that "$500" stays a number rather than turning into "s500".
        assert_eq!(toks("$500 each"), vec!["500", "each"]);
    }
}
