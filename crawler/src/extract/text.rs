//! Text out of markup, in two shapes: *inline* text for short fields (every whitespace run becomes
//! one space) and *block* text for descriptions, which keeps the lines a reader sees.
//!
//! Block text is the element's text content with these rules, applied in order:
//! 1. `script`, `style`, `noscript` and `template` contribute nothing;
//! 2. CR LF and lone CR become LF;
//! 3. `<br>` starts a new line unless the markup already breaks the line right after it;
//!    the start and end of a block element (`p`, `div`, `li`, `tr`, headings, ...) start a new line
//!    unless the text is already at a line start or the markup breaks the line right there;
//! 4. every line is trimmed; spaces inside a line are kept as written;
//! 5. blank lines at the start and end are dropped, and more than two blank lines in a row become two.

use ego_tree::NodeId;
use scraper::{ElementRef, Node};
use std::collections::HashSet;

/// Marks a `<br>`: a hard line break unless the source breaks the line right after it.
const BR: char = '\u{E000}';
/// Marks a block element's edge: a line break unless one is already there.
const SOFT: char = '\u{E001}';
/// Deepest nesting walked: past the depth pages are flattened to (see `nesting`), with room for
/// the document's own levels.
pub(crate) const MAX_DEPTH: usize = super::nesting::MAX_DEPTH + 64;

/// Elements whose content is never text a reader sees.
pub(crate) fn is_invisible(name: &str) -> bool {
    matches!(name, "script" | "style" | "noscript" | "template" | "head")
}

/// Elements that start and end a line.
pub(crate) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "tr"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "pre"
            | "blockquote"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "form"
            | "option"
            | "optgroup"
            | "fieldset"
            | "figure"
            | "figcaption"
            | "hr"
            | "main"
            | "address"
            | "center"
    )
}

fn walk(el: ElementRef<'_>, out: &mut String, depth: usize, skip: &HashSet<NodeId>) {
    if depth > MAX_DEPTH {
        return;
    }
    for child in el.children() {
        if skip.contains(&child.id()) {
            continue;
        }
        match child.value() {
            Node::Text(t) => out.extend(t.chars().filter(|c| *c != BR && *c != SOFT)),
            Node::Element(e) => {
                let name = e.name();
                if is_invisible(name) {
                    continue;
                }
                if name == "br" {
                    out.push(BR);
                    continue;
                }
                let Some(child_el) = ElementRef::wrap(child) else {
                    continue;
                };
                let block = is_block(name);
                if block {
                    out.push(SOFT);
                }
                walk(child_el, out, depth + 1, skip);
                if block {
                    out.push(SOFT);
                }
            }
            _ => {}
        }
    }
}

/// The element's text with every whitespace run (and line break) collapsed to one space, trimmed.
pub fn inline_text(el: ElementRef<'_>) -> String {
    inline_text_skipping(el, &HashSet::new())
}

/// [`inline_text`] without the text of the nodes in `skip` (and below them).
pub(crate) fn inline_text_skipping(el: ElementRef<'_>, skip: &HashSet<NodeId>) -> String {
    let mut raw = String::new();
    walk(el, &mut raw, 0, skip);
    collapse(&raw)
}

/// Collapses whitespace runs (and the break markers) to single spaces and trims.
pub(crate) fn collapse(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for word in raw.split(|c: char| c.is_whitespace() || c == BR || c == SOFT) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The element's text with its lines kept (see the module documentation for the exact rules).
pub fn block_text(el: ElementRef<'_>) -> String {
    let mut raw = String::new();
    walk(el, &mut raw, 0, &HashSet::new());
    finish_block(&raw)
}

fn is_hspace(c: char) -> bool {
    c.is_whitespace() && c != '\n'
}

/// Applies rules 2-5 of the module documentation to raw text with break markers.
pub(crate) fn finish_block(raw: &str) -> String {
    let chars: Vec<char> = raw
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .collect();
    let next_non_space = |from: usize| chars[from..].iter().copied().find(|c| !is_hspace(*c));
    let mut joined = String::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            BR => {
                if next_non_space(i + 1) != Some('\n') {
                    joined.push('\n');
                }
            }
            SOFT => {
                let at_line_start = joined
                    .chars()
                    .rev()
                    .find(|c| !is_hspace(*c))
                    .is_none_or(|c| c == '\n');
                let next = next_non_space(i + 1);
                if !at_line_start && !matches!(next, Some('\n') | Some(SOFT) | None) {
                    joined.push('\n');
                }
            }
            _ => joined.push(c),
        }
    }
    let mut lines: Vec<&str> = Vec::new();
    let mut blank_run = 0;
    for line in joined.split('\n').map(str::trim) {
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 2 || lines.is_empty() {
                continue;
            }
        } else {
            blank_run = 0;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn first<'a>(doc: &'a Html, css: &str) -> ElementRef<'a> {
        doc.select(&Selector::parse(css).unwrap()).next().unwrap()
    }

    #[test]
    fn inline_text_collapses_whitespace_and_skips_scripts() {
        let doc = Html::parse_document(
            "<div id=x>  Hello\n <b>big</b>&nbsp;world<script>var a=1;</script><br>again </div>",
        );
        assert_eq!(inline_text(first(&doc, "#x")), "Hello big world again");
    }

    #[test]
    fn block_text_keeps_source_lines_and_trims_them() {
        let doc = Html::parse_document(
            "<div id=x>\n   <h3>Title</h3>\n   <p>line one\r\n  line two\n\n\n\n\nafter</p>\n  <span>tag1</span>\n  <span>tag2</span>\n</div>",
        );
        assert_eq!(
            block_text(first(&doc, "#x")),
            "Title\nline one\nline two\n\n\nafter\ntag1\ntag2"
        );
    }

    #[test]
    fn block_text_breaks_minified_markup() {
        let doc = Html::parse_document("<div id=x><p>a</p><p>b<br>c<br><br>d</p>e</div>");
        assert_eq!(block_text(first(&doc, "#x")), "a\nb\nc\n\nd\ne");
    }

    #[test]
    fn br_followed_by_source_newline_is_one_break() {
        let doc = Html::parse_document("<p id=x>one<br />\r\n<br />\r\ntwo<br />\r\nthree</p>");
        assert_eq!(block_text(first(&doc, "#x")), "one\n\ntwo\nthree");
    }
}
