//! Bounded parsing: deep nesting flattened before the HTML parser sees it, and a time limit on
//! parsing.
//!
//! html5ever checks element scopes by walking its stack of open elements, so a page of 100,000
//! nested `<div>`s costs time quadratic in its size (minutes for a few MiB). Browsers cap the tree
//! depth (Blink at 512: deeper elements become siblings at the cap). [`flatten`] does the same on
//! the text, in one linear pass: it follows the nesting with a small model of the parser's stack
//! (void elements, raw-text elements, comments, the end tags HTML lets a page leave out), and when
//! a start tag would go deeper than the cap it first closes the innermost open element, so the new
//! element becomes its sibling; the end tag written for the closed element is dropped later. Every
//! element and every piece of text is kept; only nesting below the cap is lost. Pages within the
//! cap (every real market page) are passed through untouched.
//!
//! [`parse`] feeds the (flattened) text to the parser in chunks and gives up when a deadline
//! passes, so no page can hold an extraction thread for long.

use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::TendrilSink;
use scraper::{Html, HtmlTreeSink};
use std::borrow::Cow;
use std::collections::HashMap;
use std::time::Instant;

/// Deepest element nesting kept (Blink's limit).
pub(crate) const MAX_DEPTH: usize = 512;

/// Bytes handed to the parser between deadline checks.
const CHUNK_BYTES: usize = 64 * 1024;

/// What flattening did to a page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Flattened {
    /// Elements that had to become siblings instead of children (0: the page was untouched).
    pub moved: usize,
}

/// Elements with no content and no end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "basefont"
            | "bgsound"
            | "frame"
            | "image"
    )
}

/// Elements whose content is raw text up to their end tag.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
    )
}

/// Start tags that close an open `<p>` (HTML's "close a p element").
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "ul"
            | "li"
            | "dd"
            | "dt"
            | "listing"
    )
}

/// For a start tag that implicitly ends an open element: the elements it ends, and the elements
/// that stop the search (the scope boundary).
fn implied_end(name: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    const TABLE: &[&str] = &["table", "html"];
    Some(match name {
        "li" => (&["li"], &["ul", "ol", "table", "td", "th", "html"]),
        "dd" | "dt" => (&["dd", "dt"], &["dl", "table", "td", "th", "html"]),
        "tr" => (&["tr", "td", "th"], TABLE),
        "td" | "th" => (&["td", "th"], &["tr", "table", "html"]),
        "tbody" | "thead" | "tfoot" => (&["tbody", "thead", "tfoot", "tr", "td", "th"], TABLE),
        "option" => (&["option"], &["select", "datalist", "html"]),
        "optgroup" => (&["option", "optgroup"], &["select", "html"]),
        "a" => (&["a"], &["td", "th", "caption", "table", "object", "html"]),
        "nobr" => (&["nobr"], &["td", "th", "caption", "table", "html"]),
        "button" => (&["button"], &["html"]),
        "rb" | "rt" | "rp" | "rtc" => (&["rb", "rt", "rp", "rtc"], &["ruby", "html"]),
        _ => return None,
    })
}

/// How far down the stack implied ends are looked for (keeps each step O(1)).
const IMPLIED_SEARCH: usize = 64;

/// The tag name at `at` (just after `<` or `</`), lower-cased, and where it ends.
fn tag_name(b: &[u8], at: usize) -> (String, usize) {
    let mut end = at;
    while end < b.len() && !matches!(b[end], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>') {
        end += 1;
    }
    (
        String::from_utf8_lossy(&b[at..end]).to_ascii_lowercase(),
        end,
    )
}

/// The end of a tag whose attributes start at `from`: the index just past its `>` (quoted
/// attribute values may hold `>`), and whether it was written self-closing (`/>`).
fn tag_end(b: &[u8], from: usize) -> (usize, bool) {
    let mut i = from;
    let mut after_eq = false;
    while i < b.len() {
        match b[i] {
            b'>' => return (i + 1, i > from && b[i - 1] == b'/'),
            b'=' => after_eq = true,
            q @ (b'"' | b'\'') if after_eq => {
                i = memchr(q, b, i + 1).unwrap_or(b.len());
                after_eq = false;
            }
            c if c.is_ascii_whitespace() => {}
            _ => after_eq = false,
        }
        i += 1;
    }
    (b.len(), false)
}

fn memchr(needle: u8, b: &[u8], from: usize) -> Option<usize> {
    b.get(from..)?
        .iter()
        .position(|c| *c == needle)
        .map(|p| p + from)
}

/// Where `needle` (ASCII, starting with `<`) next occurs in `b` from `from`, ignoring ASCII case.
fn find_ci(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(p) = memchr(b'<', b, i) {
        if b.get(p..p + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

/// The page with nesting deeper than `max_depth` flattened (see the module documentation).
pub(crate) fn flatten(html: &str, max_depth: usize) -> (Cow<'_, str>, Flattened) {
    let b = html.as_bytes();
    let mut stack: Vec<String> = Vec::new();
    let mut closed_early: HashMap<String, usize> = HashMap::new();
    // Edits: (byte range to replace, replacement).
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut stats = Flattened::default();
    let mut i = 0;
    while let Some(lt) = memchr(b'<', b, i) {
        let next = b.get(lt + 1).copied().unwrap_or(0);
        if b[lt..].starts_with(b"<!--") {
            i = find_sub(b, lt + 4, b"-->").map_or(b.len(), |p| p + 3);
            continue;
        }
        if next == b'!' || next == b'?' {
            i = memchr(b'>', b, lt).map_or(b.len(), |p| p + 1);
            continue;
        }
        if next == b'/' && b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
            let (name, after) = tag_name(b, lt + 2);
            let (end, _) = tag_end(b, after);
            if let Some(n) = closed_early.get_mut(&name).filter(|n| **n > 0) {
                *n -= 1;
                edits.push((lt, end, String::new()));
            } else if let Some(pos) = stack.iter().rposition(|s| *s == name) {
                stack.truncate(pos);
            }
            i = end;
            continue;
        }
        if !next.is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let (name, after) = tag_name(b, lt + 1);
        let (end, self_closing) = tag_end(b, after);
        i = end;
        if name == "plaintext" {
            break;
        }
        if closes_p(&name) {
            pop_to(&mut stack, &["p"], &["button", "table", "td", "th", "html"]);
        }
        if let Some((ends, boundary)) = implied_end(&name) {
            pop_to(&mut stack, ends, boundary);
        }
        if is_raw_text(&name) {
            let close = format!("</{name}");
            i = find_ci(b, end, close.as_bytes()).unwrap_or(b.len());
            continue;
        }
        if is_void(&name) || self_closing {
            continue;
        }
        if stack.len() >= max_depth {
            if let Some(top) = stack.pop() {
                edits.push((lt, lt, format!("</{top}>")));
                *closed_early.entry(top).or_default() += 1;
                stats.moved += 1;
            }
        }
        stack.push(name);
    }
    if edits.is_empty() {
        return (Cow::Borrowed(html), stats);
    }
    let mut out = String::with_capacity(html.len() + edits.len() * 8);
    let mut last = 0;
    for (from, to, text) in edits {
        out.push_str(&html[last..from]);
        out.push_str(&text);
        last = to;
    }
    out.push_str(&html[last..]);
    (Cow::Owned(out), stats)
}

fn find_sub(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Pops the stack down to (and including) the nearest element in `ends`, unless an element in
/// `boundary` comes first.
fn pop_to(stack: &mut Vec<String>, ends: &[&str], boundary: &[&str]) {
    for (k, name) in stack.iter().enumerate().rev().take(IMPLIED_SEARCH) {
        if ends.contains(&name.as_str()) {
            stack.truncate(k);
            return;
        }
        if boundary.contains(&name.as_str()) {
            return;
        }
    }
}

/// Parsing ran past its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OutOfTime;

/// Parses a document, feeding the parser in chunks and stopping when `deadline` passes.
pub(crate) fn parse(html: &str, deadline: Instant) -> Result<Html, OutOfTime> {
    let mut parser = driver::parse_document(
        HtmlTreeSink::new(Html::new_document()),
        ParseOpts::default(),
    );
    let mut rest = html;
    while !rest.is_empty() {
        if Instant::now() > deadline {
            return Err(OutOfTime);
        }
        let mut cut = rest.len().min(CHUNK_BYTES);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        parser.process(chunk.into());
        rest = tail;
    }
    Ok(parser.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Selector;
    use std::time::Duration;

    fn depth(doc: &Html) -> usize {
        doc.tree
            .root()
            .descendants()
            .map(|n| n.ancestors().count())
            .max()
            .unwrap_or(0)
    }

    fn nested(n: usize) -> String {
        format!(
            "<html><body>{}<a href=/item/1>Deep item</a> 5 USD{}</body></html>",
            "<div class=x>".repeat(n),
            "</div>".repeat(n)
        )
    }

    #[test]
    fn ordinary_pages_pass_through_untouched() {
        // Guards real pages: unclosed <p>, <li>, <td> and <option> do not count as nesting.
        let mut html = String::from("<ul>");
        for i in 0..2000 {
            html.push_str(&format!(
                "<li><p>item {i}<table><tr><td>a<td>b<tr><td>c</table><select><option>1<option>2</select>"
            ));
        }
        html.push_str("<script>if (a < b) { x = '<div><div>'; }</script><!-- <div> -->");
        let (out, stats) = flatten(&html, 40);
        assert!(matches!(out, Cow::Borrowed(_)), "moved {}", stats.moved);
    }

    #[test]
    fn deep_nesting_is_capped_and_keeps_every_element_and_text() {
        // Guards hole 3: 5,000 nested divs parse at most MAX_DEPTH deep, the link and text survive.
        let html = nested(5000);
        let (out, stats) = flatten(&html, MAX_DEPTH);
        assert!(stats.moved > 4000);
        let doc = Html::parse_document(&out);
        assert!(depth(&doc) <= MAX_DEPTH + 4, "depth {}", depth(&doc));
        let a = doc
            .select(&Selector::parse("a[href]").unwrap())
            .next()
            .unwrap();
        assert_eq!(a.text().collect::<String>(), "Deep item");
        assert!(doc
            .root_element()
            .text()
            .collect::<String>()
            .contains("5 USD"));
        let divs = doc.select(&Selector::parse("div.x").unwrap()).count();
        assert_eq!(divs, 5000);
    }

    #[test]
    fn quoted_gt_and_raw_text_do_not_confuse_the_scan() {
        let html = "<div title='a>b'><script>var s='</div>';</script><div>x</div></div>";
        let (out, _) = flatten(html, 1);
        let doc = Html::parse_document(&out);
        let text: String = doc.root_element().text().collect();
        assert!(text.contains('x'), "{out}");
    }

    #[test]
    fn parse_gives_up_after_its_deadline() {
        let html = "<p>x</p>".repeat(100_000);
        let past = Instant::now() - Duration::from_secs(1);
        assert_eq!(parse(&html, past).err(), Some(OutOfTime));
        let later = Instant::now() + Duration::from_secs(600);
        assert!(parse("<p>ok</p>", later).is_ok());
    }
}
