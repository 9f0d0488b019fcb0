//! Item-URL patterns: which links on a page point to items of one kind.
//!
//! A URL's pattern is its host, its path with the varying segments blanked, and its query keys.
//! A segment varies when its shape says it is an id — it holds a digit, or it is hex, a UUID, a
//! random-looking token (`kQzpXbTw`), or a slug — or when it is the last segment of a path of two
//! or more. A plain word in the middle of a path varies when the page shows it taking many values
//! in links that agree everywhere else (`/store/<vendor>/item/<hex>`: the vendor name), or two
//! values right after a vendor word (`/store/`, `/vendor/`, `/u/`, ...). So one kind of item link
//! gets one pattern however its ids and vendor names are written.

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
    query: String,
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
    let mut keys: Vec<String> = url
        .query_pairs()
        .map(|(k, _)| k.to_ascii_lowercase())
        .collect();
    keys.sort();
    keys.dedup();
    let host = url.host_str().unwrap_or("");
    let prefix = match url.port() {
        Some(p) => format!("{}://{host}:{p}", url.scheme()),
        None => format!("{}://{host}", url.scheme()),
    };
    Cut {
        prefix,
        segs,
        shapes,
        query: keys.join("&"),
    }
}

impl Cut {
    fn key(&self, display: bool) -> String {
        let path: Vec<String> = self
            .segs
            .iter()
            .zip(&self.shapes)
            .map(|(s, sh)| match sh {
                Shape::Word => s.to_ascii_lowercase(),
                _ if display => sh.placeholder().to_string(),
                _ => "*".to_string(),
            })
            .collect();
        let query = if self.query.is_empty() {
            String::new()
        } else if display {
            let parts: Vec<String> = self.query.split('&').map(|k| format!("{k}=…")).collect();
            format!("?{}", parts.join("&"))
        } else {
            format!("?{}", self.query)
        };
        format!("{}{}{}", self.prefix, path.join("/"), query)
    }

    /// The key with segment `i` blanked: links that agree everywhere but there.
    fn skeleton(&self, i: usize) -> String {
        let mut parts: Vec<&str> = Vec::with_capacity(self.segs.len());
        for (j, (s, sh)) in self.segs.iter().zip(&self.shapes).enumerate() {
            parts.push(if j == i || *sh != Shape::Word { "*" } else { s });
        }
        format!("{}|{}|{}", self.prefix, parts.join("/"), self.query)
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
        // Left to right, so a blanked vendor segment lets the next position group its links.
        for i in 1..max_segs {
            // Per skeleton: the words seen at `i`, and how many links.
            let mut values: HashMap<String, (HashSet<String>, usize)> = HashMap::new();
            for c in &cuts {
                if i + 1 < c.segs.len() && c.shapes[i] == Shape::Word && !c.segs[i].is_empty() {
                    let v = values.entry(c.skeleton(i)).or_default();
                    v.0.insert(c.segs[i].to_ascii_lowercase());
                    v.1 += 1;
                }
            }
            for c in &mut cuts {
                if i + 1 >= c.segs.len() || c.shapes[i] != Shape::Word || c.segs[i].is_empty() {
                    continue;
                }
                let (distinct, total) = values
                    .get(&c.skeleton(i))
                    .map_or((0, 0), |(set, n)| (set.len(), *n));
                let after_vendor_word = is_vendor_word(&c.segs[i - 1].to_ascii_lowercase());
                // Only when something after it varies too (a path to one item, not a menu), and
                // with names that are many and rarely repeated (a few keywords such as `item`
                // and `vendor`, each in many links, stay apart).
                let id_after = c.shapes[i + 1..].iter().any(|s| *s != Shape::Word);
                let many = distinct >= 3 && distinct * 10 >= total * 3;
                if id_after && (many || (distinct >= 2 && after_vendor_word)) {
                    c.shapes[i] = Shape::Name;
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
        // Query keys matter, values do not; another host is another pattern.
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
    }
}
