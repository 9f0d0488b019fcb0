//! Item-URL patterns: which links on a page point to items of one kind.
//!
//! A URL's pattern is its host, its path with the varying segments blanked, and its query keys
//! with the varying values blanked.
//! A segment varies when its shape says it is an id — it holds a digit, or it is hex, a UUID, a
//! random-looking token (`kQzpXbTw`), or a slug — or when it is the last segment of a path of two
//! or more. A plain word in the middle of a path varies when the page shows it taking many values
//! in links that agree everywhere else (`/store/<vendor>/item/<hex>`: the vendor name), or two
//! values right after a vendor word (`/store/`, `/vendor/`, `/u/`, ...). A query value varies when
//! it is an id, or a word taking many values; a word taking few (`index.php?page=item` against
//! `?page=cat`) is a route and stays. So one kind of item link gets one pattern however its ids and
//! vendor names are written.

use std::collections::{HashMap, HashSet};
use url::Url;

/// What a path segment looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Word,
    Number,
    Hex,
    Uuid,
    /// Random-looking letters (and digits): `kQzpXbTw`, `Zk8PqLmA`.
    Token,
    /// Words joined by `-` or `_`, often with an id: `glock-19-gen-5-7c1e9a`.
    Slug,
    /// Holds a digit, none of the above: `page2`, `item_17.html`.
    Mixed,
    /// A word that varies across the page's links (a vendor name, a category).
    Name,
}

impl Shape {
    fn placeholder(self) -> &'static str {
        match self {
            Shape::Word => "",
            Shape::Number => "{num}",
            Shape::Hex => "{hex}",
            Shape::Uuid => "{uuid}",
            Shape::Token => "{id}",
            Shape::Slug => "{slug}",
            Shape::Mixed => "{id}",
            Shape::Name => "{name}",
        }
    }
}

/// Path words after which a segment names a vendor (or a user, a shop).
fn is_vendor_word(w: &str) -> bool {
    matches!(
        w,
        "store"
            | "stores"
            | "shop"
            | "shops"
            | "vendor"
            | "vendors"
            | "seller"
            | "sellers"
            | "user"
            | "users"
            | "u"
            | "v"
            | "s"
            | "profile"
            | "member"
            | "members"
            | "@"
    )
}

/// A segment without its file extension (`item.php` -> `item`).
fn stem(seg: &str) -> &str {
    match seg.rsplit_once('.') {
        Some((s, ext)) if !s.is_empty() && (1..=5).contains(&ext.len()) => s,
        _ => seg,
    }
}

fn is_hex(s: &str) -> bool {
    s.len() >= 8 && s.chars().all(|c| c.is_ascii_hexdigit())
}

fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && [8, 4, 4, 4, 12]
            .iter()
            .zip(&parts)
            .all(|(n, p)| p.len() == *n && p.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Letters that do not read as a word: mixed case inside (`kQzpXbTw`), or long runs with hardly
/// any vowels (`xqzvbtwk`).
fn is_token(s: &str) -> bool {
    if s.len() < 6 || !s.chars().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    let inner_caps = s.chars().skip(1).filter(|c| c.is_ascii_uppercase()).count();
    let lowers = s.chars().filter(|c| c.is_ascii_lowercase()).count();
    if inner_caps >= 2 && lowers >= 1 {
        return true;
    }
    let letters: Vec<char> = s
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let vowels = letters.iter().filter(|c| "aeiouy".contains(**c)).count();
    letters.len() >= 8 && vowels * 6 < letters.len()
}

fn shape(seg: &str) -> Shape {
    let s = stem(seg);
    if s.is_empty() {
        return Shape::Word;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return Shape::Number;
    }
    if is_uuid(s) {
        return Shape::Uuid;
    }
    if is_hex(s) && s.chars().any(|c| c.is_ascii_digit()) {
        return Shape::Hex;
    }
    if (s.contains('-') || s.contains('_'))
        && s.split(['-', '_']).filter(|p| !p.is_empty()).count() >= 2
    {
        // `hand-guns` is a category word; a slug has three parts or an id in it.
        let parts = s.split(['-', '_']).filter(|p| !p.is_empty()).count();
        if parts >= 3 || s.chars().any(|c| c.is_ascii_digit()) {
            return Shape::Slug;
        }
    }
    if is_token(s) {
        return Shape::Token;
    }
    if s.chars().any(|c| c.is_ascii_digit()) {
        return Shape::Mixed;
    }
    Shape::Word
}

/// One URL, cut up for pattern building.
struct Cut {
    prefix: String,
    /// Path segments (the first is the empty string before the leading `/`).
    segs: Vec<String>,
    shapes: Vec<Shape>,
    /// Query keys (sorted, lower case), the first value of each, and the values' shapes.
    keys: Vec<String>,
    values: Vec<String>,
    value_shapes: Vec<Shape>,
}

fn cut(url: &Url) -> Cut {
    let segs: Vec<String> = url.path().split('/').map(str::to_string).collect();
    let last = segs.iter().rposition(|s| !s.is_empty());
    let shapes = segs
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let sh = shape(s);
            if sh == Shape::Word && !s.is_empty() && Some(i) == last && segs.len() > 2 {
                Shape::Name
            } else {
                sh
            }
        })
        .collect();
    let mut pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| (k.to_ascii_lowercase(), v.to_ascii_lowercase()))
        .collect();
    pairs.sort();
    pairs.dedup_by(|a, b| a.0 == b.0);
    let host = url.host_str().unwrap_or("");
    let prefix = match url.port() {
        Some(p) => format!("{}://{host}:{p}", url.scheme()),
        None => format!("{}://{host}", url.scheme()),
    };
    Cut {
        prefix,
        segs,
        shapes,
        value_shapes: pairs.iter().map(|(_, v)| shape(v)).collect(),
        keys: pairs.iter().map(|(k, _)| k.clone()).collect(),
        values: pairs.into_iter().map(|(_, v)| v).collect(),
    }
}

/// Which part of a URL a position names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pos {
    Seg(usize),
    Value(usize),
}

impl Cut {
    fn parts(&self, display: bool, blank: Option<Pos>) -> (Vec<String>, Vec<String>) {
        let show = |s: &str, sh: Shape, here: bool| match sh {
            _ if here => "*".to_string(),
            Shape::Word => s.to_string(),
            _ if display => sh.placeholder().to_string(),
            _ => "*".to_string(),
        };
        let path = self
            .segs
            .iter()
            .zip(&self.shapes)
            .enumerate()
            .map(|(i, (s, sh))| show(&s.to_ascii_lowercase(), *sh, blank == Some(Pos::Seg(i))))
            .collect();
        let query = self
            .keys
            .iter()
            .zip(self.values.iter().zip(&self.value_shapes))
            .enumerate()
            .map(|(j, (k, (v, sh)))| {
                let v = if display && *sh != Shape::Word {
                    "…".to_string()
                } else {
                    show(v, *sh, blank == Some(Pos::Value(j)))
                };
                format!("{k}={v}")
            })
            .collect();
        (path, query)
    }

    fn key(&self, display: bool) -> String {
        let (path, query) = self.parts(display, None);
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        };
        format!("{}{}{}", self.prefix, path.join("/"), query)
    }

    /// The key with one position blanked: links that agree everywhere but there.
    fn skeleton(&self, at: Pos) -> String {
        let (path, query) = self.parts(false, Some(at));
        format!("{}|{}|{}", self.prefix, path.join("/"), query.join("&"))
    }

    fn word_at(&self, at: Pos) -> Option<&str> {
        let (s, sh) = match at {
            Pos::Seg(i) => (self.segs.get(i)?, *self.shapes.get(i)?),
            Pos::Value(j) => (self.values.get(j)?, *self.value_shapes.get(j)?),
        };
        (sh == Shape::Word && !s.is_empty()).then_some(s.as_str())
    }

    fn set_name(&mut self, at: Pos) {
        match at {
            Pos::Seg(i) => self.shapes[i] = Shape::Name,
            Pos::Value(j) => self.value_shapes[j] = Shape::Name,
        }
    }
}

/// The patterns of a page's links: `keys[i]` is the pattern of `urls[i]` (equal keys: one kind of
/// link), and [`Patterns::display`] writes a key for people (`/store/{name}/item/{hex}`).
pub(crate) struct Patterns {
    pub keys: Vec<String>,
    display: HashMap<String, String>,
}

impl Patterns {
    pub fn new(urls: &[&Url]) -> Patterns {
        let mut cuts: Vec<Cut> = urls.iter().map(|u| cut(u)).collect();
        let max_segs = cuts.iter().map(|c| c.segs.len()).max().unwrap_or(0);
        let max_keys = cuts.iter().map(|c| c.keys.len()).max().unwrap_or(0);
        // Path positions left to right (a blanked vendor segment lets the next position group its
        // links), then query values: a word there is a route (`page=item`) unless it takes many
        // values (`item=glocknineteen`).
        let positions = (1..max_segs)
            .map(Pos::Seg)
            .chain((0..max_keys).map(Pos::Value));
        for at in positions {
            let eligible = |c: &Cut| match at {
                Pos::Seg(i) => i + 1 < c.segs.len() && c.word_at(at).is_some(),
                Pos::Value(_) => c.word_at(at).is_some(),
            };
            // Per skeleton: the words seen at `at`, and how many links.
            let mut values: HashMap<String, (HashSet<String>, usize)> = HashMap::new();
            for c in cuts.iter().filter(|c| eligible(c)) {
                let v = values.entry(c.skeleton(at)).or_default();
                v.0.insert(c.word_at(at).unwrap_or_default().to_ascii_lowercase());
                v.1 += 1;
            }
            for c in &mut cuts {
                if !eligible(c) {
                    continue;
                }
                let (distinct, total) = values
                    .get(&c.skeleton(at))
                    .map_or((0, 0), |(set, n)| (set.len(), *n));
                // Names that are many and rarely repeated vary; a few keywords such as `item` and
                // `vendor`, each in many links, stay apart.
                let many = distinct >= 3 && distinct * 10 >= total * 3;
                let vary = match at {
                    Pos::Seg(i) => {
                        let after_vendor_word = is_vendor_word(&c.segs[i - 1].to_ascii_lowercase());
                        // Only when something after it varies too: a path to one item, not a menu.
                        let id_after = c.shapes[i + 1..].iter().any(|s| *s != Shape::Word)
                            || c.value_shapes.iter().any(|s| *s != Shape::Word);
                        id_after && (many || (distinct >= 2 && after_vendor_word))
                    }
                    Pos::Value(_) => many,
                };
                if vary {
                    c.set_name(at);
                }
            }
        }
        let mut display = HashMap::new();
        let keys = cuts
            .iter()
            .map(|c| {
                let k = c.key(false);
                display.entry(k.clone()).or_insert_with(|| c.key(true));
                k
            })
            .collect();
        Patterns { keys, display }
    }

    /// A key written for people: `http://m.onion/store/{name}/item/{hex}?ref=…`.
    pub fn display(&self, key: &str) -> String {
        self.display
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(urls: &[&str]) -> Vec<String> {
        let parsed: Vec<Url> = urls.iter().map(|u| Url::parse(u).unwrap()).collect();
        let refs: Vec<&Url> = parsed.iter().collect();
        Patterns::new(&refs).keys
    }

    fn one_pattern(urls: &[&str]) {
        let k = keys(urls);
        assert!(k.iter().all(|x| *x == k[0]), "{k:?}");
    }

    #[test]
    fn ids_of_every_shape_share_a_pattern() {
        // Guards id-robust patterns: numbers, hex, UUIDs, digit-less tokens and slugs vary.
        one_pattern(&[
            "http://m.onion/item/3f2b9c1e-7a4d-4e8b-9f10-2c6d8e4a1b57/view",
            "http://m.onion/item/a81c44d0-0b3e-4f5a-8c2d-71e9f0b6c3a2/view",
        ]);
        one_pattern(&[
            "http://m.onion/l/QmTzKpWx/ak-kit",
            "http://m.onion/l/Zk8PqLmA/m4-lower",
            "http://m.onion/l/hJqWeRty/fgc-guide",
        ]);
        one_pattern(&[
            "http://m.onion/p/9f3ab21c04de7e55/x",
            "http://m.onion/p/1d0c8e4fa27b9361/x",
        ]);
        one_pattern(&[
            "http://m.onion/view.php?id=1",
            "http://m.onion/view.php?id=22",
        ]);
    }

    #[test]
    fn vendor_segments_vary_but_keywords_do_not() {
        one_pattern(&[
            "http://m.onion/store/kestrel/item/9f3ab21c04de7e55",
            "http://m.onion/store/nightjar/item/b7e5a3c1d9f04e28",
        ]);
        let k = keys(&[
            "http://m.onion/vendor/9f3ab21c04de7e55",
            "http://m.onion/item/9f3ab21c04de7e55",
            "http://m.onion/vendor/1d0c8e4fa27b9361",
            "http://m.onion/item/1d0c8e4fa27b9361",
        ]);
        assert_ne!(k[0], k[1]);
        assert_eq!(k[0], k[2]);
        // Three keywords, each in many links, are three kinds of link.
        let mut urls = Vec::new();
        for i in 0..8 {
            for kind in ["vendor", "item", "category"] {
                urls.push(format!("http://m.onion/{kind}/{i}a{i}b{i}c{i}d/x"));
            }
        }
        let refs: Vec<&str> = urls.iter().map(String::as_str).collect();
        let k = keys(&refs);
        assert!(k[0] != k[1] && k[1] != k[2] && k[0] == k[3], "{k:?}");
        // Query keys matter, id values do not, route words do; another host is another pattern.
        let k = keys(&[
            "http://m.onion/index.php?page=item&id=1",
            "http://m.onion/index.php?page=item&id=2",
            "http://m.onion/index.php?page=cat&id=3",
            "http://m.onion/index.php?page=cat&id=4",
        ]);
        assert!(k[0] == k[1] && k[2] == k[3] && k[0] != k[2], "{k:?}");
        one_pattern(&[
            "http://m.onion/view?item=glocknineteen",
            "http://m.onion/view?item=berettanova",
            "http://m.onion/view?item=sigsauer",
        ]);
        let k = keys(&[
            "http://m.onion/listing.php?ls_id=5",
            "http://m.onion/user.php?u_id=bob",
            "http://n.onion/listing.php?ls_id=5",
        ]);
        assert_ne!(k[0], k[1]);
        assert_ne!(k[0], k[2]);
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("kQzpXbTw"), Shape::Token);
        assert_eq!(shape("handguns"), Shape::Word);
        assert_eq!(shape("hand-guns"), Shape::Word);
        assert_eq!(shape("glock-19-gen5"), Shape::Slug);
        assert_eq!(shape("deadbeef12"), Shape::Hex);
        assert_eq!(shape("10231.html"), Shape::Number);
        assert_eq!(shape("product"), Shape::Word);
    }

    #[test]
    fn display_names_the_varying_parts() {
        let u = [
            Url::parse("http://m.onion/store/kestrel/item/9f3ab21c04de7e55").unwrap(),
            Url::parse("http://m.onion/store/nightjar/item/b7e5a3c1d9f04e28").unwrap(),
        ];
        let p = Patterns::new(&[&u[0], &u[1]]);
        assert_eq!(
            p.display(&p.keys[0]),
            "http://m.onion/store/{name}/item/{hex}"
        );
        let u = [
            Url::parse("http://m.onion/index.php?page=item&id=4").unwrap(),
            Url::parse("http://m.onion/index.php?page=item&id=5").unwrap(),
        ];
        let p = Patterns::new(&[&u[0], &u[1]]);
        assert_eq!(
            p.display(&p.keys[0]),
            "http://m.onion/index.php?id=…&page=item"
        );
    }
}
