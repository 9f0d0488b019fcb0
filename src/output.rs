//! The one printer of the binary: every command hands it rows (`Serialize` + [`Row`]) and it writes
//! them as an aligned table, JSON lines or CSV, one row at a time, so a million rows never sit in
//! memory.
//!
//! Market text is hostile. A title can carry an escape sequence that retitles the terminal window,
//! clears the screen or fakes a line, or a bidi override that shows `gpj.exe` as `exe.jpg`. In the
//! table and in CSV every control character (C0, DEL, C1), every bidi control and every invisible
//! format character is shown as a visible escape (`\x1b`, `\u{202e}`), line breaks and tabs become
//! spaces, and truncation cuts between characters (grapheme clusters), never inside an escape. JSON
//! lines stay lossless: the same characters are written as `\uXXXX` escapes, which a JSON reader
//! turns back into the original text and a terminal shows as plain letters.
//!
//! ```ignore
//! let mut out = Printer::stdout(Format::Table).when_empty("no flagged listings");
//! for row in rows { out.row(&row)?; }
//! out.finish()?;
//! ```

use serde::Serialize;
use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// How rows are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// An aligned table for people; market text escaped and clipped.
    #[default]
    Table,
    /// One JSON object per line, lossless.
    Json,
    /// Comma-separated values with a header line (RFC 4180); market text escaped, never clipped.
    Csv,
}

/// `--format` and its `--json` shorthand, for every command that prints rows.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct FormatArgs {
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Same as --format json.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

impl FormatArgs {
    /// The chosen format (a table by default).
    pub fn format(&self) -> Format {
        match (self.format, self.json) {
            (Some(f), _) => f,
            (None, true) => Format::Json,
            (None, false) => Format::Table,
        }
    }
}

/// How a column's cells line up in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// One column of a row type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The table and CSV header.
    pub header: &'static str,
    /// Width in terminal cells; longer cells are clipped with `…`. The last table column is not
    /// padded; a width of 0 there means unclipped.
    pub width: usize,
    pub align: Align,
    /// Shown in the table (every column is in CSV).
    pub in_table: bool,
}

impl Column {
    /// A left-aligned column.
    pub const fn left(header: &'static str, width: usize) -> Column {
        Column {
            header,
            width,
            align: Align::Left,
            in_table: true,
        }
    }

    /// A right-aligned column (numbers).
    pub const fn right(header: &'static str, width: usize) -> Column {
        Column {
            header,
            width,
            align: Align::Right,
            in_table: true,
        }
    }

    /// The column is only in CSV (too wide or too detailed for the table).
    pub const fn csv_only(mut self) -> Column {
        self.in_table = false;
        self
    }
}

/// A printable row: its JSON form is its `Serialize`, its table and CSV forms are its cells.
pub trait Row: Serialize {
    /// The columns, in order; [`Row::cells`] gives one cell per column.
    fn columns() -> &'static [Column];
    /// The cells, raw (the printer escapes and clips them); an empty cell shows as `-` in the table.
    fn cells(&self) -> Vec<String>;
    /// Lines shown under the row in the table only (e.g. why a listing was flagged).
    fn notes(&self) -> Vec<String> {
        Vec::new()
    }
}

/// The row type of output that has only notes (a summary), for [`Printer::finish`].
#[derive(Serialize)]
pub enum NoRows {}

impl Row for NoRows {
    fn columns() -> &'static [Column] {
        &[]
    }

    fn cells(&self) -> Vec<String> {
        match *self {}
    }
}

/// Writes rows in one [`Format`] to a writer (stdout by default), header first.
pub struct Printer<W: Write> {
    format: Format,
    out: W,
    rows: usize,
    header_done: bool,
    when_empty: Option<String>,
}

impl Printer<BufWriter<io::StdoutLock<'static>>> {
    /// A printer to stdout.
    pub fn stdout(format: Format) -> Self {
        Printer::new(format, BufWriter::new(io::stdout().lock()))
    }
}

impl<W: Write> Printer<W> {
    /// A printer to `out`.
    pub fn new(format: Format, out: W) -> Self {
        Printer {
            format,
            out,
            rows: 0,
            header_done: false,
            when_empty: None,
        }
    }

    /// The line a table shows when no row was printed (JSON and CSV print nothing then).
    pub fn when_empty(mut self, message: impl Into<String>) -> Self {
        self.when_empty = Some(message.into());
        self
    }

    /// Prints one row (and the header before the first one).
    pub fn row<R: Row>(&mut self, row: &R) -> io::Result<()> {
        match self.format {
            Format::Json => {
                let mut ser =
                    serde_json::Serializer::with_formatter(&mut self.out, SafeJsonFormatter);
                row.serialize(&mut ser).map_err(io::Error::from)?;
                self.out.write_all(b"\n")?;
            }
            Format::Table => {
                if !self.header_done {
                    let headers: Vec<String> =
                        R::columns().iter().map(|c| c.header.to_string()).collect();
                    write_table_line(&mut self.out, R::columns(), &headers)?;
                }
                let cells = row.cells();
                write_table_line(&mut self.out, R::columns(), &cells)?;
                for note in row.notes() {
                    writeln!(self.out, "{:>8}{}", "", clip(&note, 120))?;
                }
            }
            Format::Csv => {
                if !self.header_done {
                    self.csv_header::<R>()?;
                }
                let line: Vec<String> = row.cells().iter().map(|c| csv_field(c)).collect();
                writeln!(self.out, "{}", line.join(","))?;
            }
        }
        self.header_done = true;
        self.rows += 1;
        Ok(())
    }

    /// Prints every row of `rows`, as they come; returns how many.
    pub fn print_rows<R: Row>(&mut self, rows: impl IntoIterator<Item = R>) -> io::Result<usize> {
        let mut n = 0;
        for r in rows {
            self.row(&r)?;
            n += 1;
        }
        Ok(n)
    }

    /// A line of free text after the rows (a summary), in the table only; escaped.
    pub fn note(&mut self, text: &str) -> io::Result<()> {
        if self.format == Format::Table {
            writeln!(self.out, "{}", sanitize(text))?;
        }
        Ok(())
    }

    /// One JSON object on its own line, in every format: a report that is not rows (`--json` of
    /// `verify`, `review show`). Escaped like JSON rows.
    pub fn object<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        let mut ser = serde_json::Serializer::with_formatter(&mut self.out, SafeJsonFormatter);
        value.serialize(&mut ser).map_err(io::Error::from)?;
        self.out.write_all(b"\n")
    }

    /// Ends the output: the empty message of a table without rows, the header of an empty CSV;
    /// flushes. Returns how many rows were printed.
    pub fn finish<R: Row>(mut self) -> io::Result<usize> {
        if self.rows == 0 {
            match self.format {
                Format::Table => {
                    if let Some(m) = &self.when_empty {
                        writeln!(self.out, "{}", sanitize(m))?;
                    }
                }
                Format::Csv => self.csv_header::<R>()?,
                Format::Json => {}
            }
        }
        self.out.flush()?;
        Ok(self.rows)
    }

    fn csv_header<R: Row>(&mut self) -> io::Result<()> {
        let h: Vec<String> = R::columns().iter().map(|c| csv_field(c.header)).collect();
        writeln!(self.out, "{}", h.join(","))
    }
}

/// Writes one table line: the table columns' cells, escaped, clipped and padded to their width.
fn write_table_line(out: &mut impl Write, cols: &[Column], cells: &[String]) -> io::Result<()> {
    let shown: Vec<(&Column, &str)> = cols
        .iter()
        .zip(
            cells
                .iter()
                .map(String::as_str)
                .chain(std::iter::repeat("")),
        )
        .filter(|(c, _)| c.in_table)
        .collect();
    let mut line = String::new();
    for (i, (col, cell)) in shown.iter().enumerate() {
        let last = i + 1 == shown.len();
        let cell = if cell.trim().is_empty() { "-" } else { cell };
        let text = if last && col.width == 0 {
            sanitize(cell)
        } else {
            clip(cell, col.width)
        };
        if i > 0 {
            line.push_str("  ");
        }
        let pad = col.width.saturating_sub(text.width());
        match col.align {
            Align::Right => {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(&text);
            }
            Align::Left => {
                line.push_str(&text);
                if !last {
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
        }
    }
    writeln!(out, "{}", line.trim_end())
}

/// A CSV field: escaped like the table (never clipped), quoted when it must be, and a leading
/// `=`, `+`, `-` or `@` of a non-number prefixed with `'` so a spreadsheet does not run it as a
/// formula.
fn csv_field(raw: &str) -> String {
    let mut s = sanitize(raw);
    if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
        s.insert(0, '\'');
    }
    if s.contains([',', '"']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// How a character reaches a terminal.
enum Shown {
    /// As itself.
    Plain,
    /// As a space (line breaks, tabs).
    Space,
    /// As a visible escape.
    Escaped,
}

fn classify(c: char) -> Shown {
    match c {
        '\t' | '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
            Shown::Space
        }
        c if is_unsafe(c) => Shown::Escaped,
        _ => Shown::Plain,
    }
}

/// Whether a character must not reach a terminal as itself: C0 and C1 controls, DEL, bidi
/// embeddings, overrides, isolates and marks, and invisible format characters that can hide or
/// reorder text (zero-width space, word joiner and invisible operators, BOM, tags, interlinear
/// annotations, deprecated format characters).
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{00}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{61c}'
        | '\u{180e}'
        | '\u{200b}'
        | '\u{200e}'..='\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{e0000}'..='\u{e007f}')
}

/// The visible escape of an unsafe character: `\x1b` below U+0080, `\u{202e}` above.
fn escape(c: char, out: &mut String) {
    let n = u32::from(c);
    if n < 0x80 {
        let _ = write!(out, "\\x{n:02x}");
    } else {
        let _ = write!(out, "\\u{{{n:x}}}");
    }
}

/// The display units of a text: grapheme clusters and whole escapes, each with its width. Runs of
/// whitespace (line breaks and tabs included) become one space; leading and trailing ones go.
fn units(s: &str) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut space = false;
    fn push(out: &mut Vec<(String, usize)>, space: &mut bool, unit: String, width: usize) {
        if std::mem::take(space) && !out.is_empty() {
            out.push((" ".into(), 1));
        }
        out.push((unit, width));
    }
    for g in s.graphemes(true) {
        let plain = |c: char| matches!(classify(c), Shown::Plain) && !c.is_whitespace();
        if g.chars().all(plain) {
            push(&mut out, &mut space, g.to_string(), g.width());
            continue;
        }
        for c in g.chars() {
            match classify(c) {
                Shown::Plain if !c.is_whitespace() => {
                    let unit = c.to_string();
                    let w = unit.width();
                    push(&mut out, &mut space, unit, w);
                }
                Shown::Plain | Shown::Space => space = true,
                Shown::Escaped => {
                    let mut e = String::new();
                    escape(c, &mut e);
                    let w = e.len();
                    push(&mut out, &mut space, e, w);
                }
            }
        }
    }
    out
}

/// Whether `s` is printable ASCII with single inner spaces only: then it is its own safe form, one
/// unit and one cell per byte (the common case, taken without grapheme segmentation).
fn plain_ascii(s: &str) -> bool {
    let b = s.as_bytes();
    b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && b.iter().all(|c| (0x20..0x7f).contains(c))
        && !s.contains("  ")
}

/// Market text made safe for a terminal, on one line: unsafe characters escaped, whitespace runs
/// made one space, trimmed.
pub fn sanitize(s: &str) -> String {
    if plain_ascii(s) {
        return s.to_string();
    }
    units(s).into_iter().map(|(u, _)| u).collect()
}

/// [`sanitize`], then cut to at most `width` terminal cells with a trailing `…`, between grapheme
/// clusters and never inside an escape.
pub fn clip(s: &str, width: usize) -> String {
    if plain_ascii(s) {
        if s.len() <= width {
            return s.to_string();
        }
        if width == 0 {
            return String::new();
        }
        let mut out = s[..width - 1].trim_end().to_string();
        out.push('…');
        return out;
    }
    let units = units(s);
    let total: usize = units.iter().map(|(_, w)| w).sum();
    if total <= width {
        return units.into_iter().map(|(u, _)| u).collect();
    }
    let mut out = String::new();
    let mut used = 0;
    for (u, w) in units {
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push_str(&u);
    }
    if width > 0 {
        out.truncate(out.trim_end().len());
        out.push('…');
    }
    out
}

/// Text that may quote market input (an error message, a log line) made safe for a terminal while
/// keeping its line breaks: every unsafe character but `\n` escaped.
pub fn sanitize_lines(s: &str) -> String {
    s.split('\n').map(sanitize).collect::<Vec<_>>().join("\n")
}

/// serde_json's compact formatter, but every character [`is_unsafe`] that JSON allows raw (DEL,
/// C1, bidi and invisible format characters) is written as a `\uXXXX` escape too: the same string
/// for a JSON reader, plain letters for a terminal.
struct SafeJsonFormatter;

impl serde_json::ser::Formatter for SafeJsonFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_unsafe(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{u:04x}")?;
                }
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Item {
        id: i64,
        title: String,
        price: Option<String>,
    }

    impl Row for Item {
        fn columns() -> &'static [Column] {
            const C: &[Column] = &[
                Column::right("ID", 4),
                Column::left("TITLE", 12),
                Column::left("PRICE", 0),
            ];
            C
        }
        fn cells(&self) -> Vec<String> {
            vec![
                self.id.to_string(),
                self.title.clone(),
                self.price.clone().unwrap_or_default(),
            ]
        }
    }

    fn print(format: Format, rows: Vec<Item>) -> String {
        let mut buf = Vec::new();
        let mut p = Printer::new(format, &mut buf).when_empty("nothing");
        p.print_rows(rows).unwrap();
        p.finish::<Item>().unwrap();
        String::from_utf8(buf).unwrap()
    }

    fn item(title: &str) -> Item {
        Item {
            id: 7,
            title: title.into(),
            price: Some("$5".into()),
        }
    }

    /// Every character no terminal may receive raw from market text.
    fn hostile() -> String {
        let mut s: String = (0u32..0x20)
            .chain(0x7f..0xa0)
            .filter_map(char::from_u32)
            .collect();
        s.push_str(
            "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}gpj.exe\u{2066}\u{200b}\u{feff}\u{e0041}",
        );
        s
    }

    fn assert_terminal_safe(out: &str) {
        for c in out.chars() {
            assert!(
                c == '\n' || !is_unsafe(c),
                "{c:?} reached the terminal in {out:?}"
            );
        }
    }

    #[test]
    fn table_escapes_every_control_character() {
        // Guards hole 5: no C0, C1, DEL, ESC sequence, bidi or invisible character reaches a table.
        let out = print(Format::Table, vec![item(&format!("Glock{}", hostile()))]);
        assert_terminal_safe(&out);
        assert!(out.lines().count() == 2, "{out}");
        let wide = sanitize(&hostile());
        assert!(
            wide.contains(r"\x1b]0;pwned\x07\x1b[2J\u{9b}31m\u{202e}gpj.exe"),
            "{wide}"
        );
        assert_terminal_safe(&wide);
    }

    #[test]
    fn csv_escapes_quotes_and_defuses_formulas() {
        // Guards: CSV is terminal-safe, RFC 4180-quoted, and a cell cannot be a spreadsheet formula.
        let rows = vec![
            item("=HYPERLINK(\"http://x\",\"y\")"),
            item(&hostile()),
            Item {
                id: -3,
                title: "a, b".into(),
                price: None,
            },
        ];
        let out = print(Format::Csv, rows);
        assert_terminal_safe(&out);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "ID,TITLE,PRICE");
        assert_eq!(lines[1], r#"7,"'=HYPERLINK(""http://x"",""y"")",$5"#);
        assert_eq!(lines[3], r#"-3,"a, b","#);
        assert_eq!(lines.len(), 4);
        assert_eq!(print(Format::Csv, vec![]), "ID,TITLE,PRICE\n");
    }

    #[test]
    fn json_is_lossless_and_terminal_safe() {
        // Guards: JSON lines escape what a terminal would run, and read back to the exact text.
        let title = format!("Glock {}", hostile());
        let out = print(Format::Json, vec![item(&title)]);
        assert_terminal_safe(&out);
        assert_eq!(out.lines().count(), 1);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["title"].as_str().unwrap(), title);
        assert_eq!(v["id"], 7);
        assert_eq!(print(Format::Json, vec![]), "");
    }

    #[test]
    fn objects_are_escaped_like_json_rows() {
        // Guards: a report printed as one JSON object (verify, review show) escapes what a
        // terminal would run, in every format, and reads back to the exact text.
        let title = format!("Glock {}", hostile());
        for format in [Format::Table, Format::Json, Format::Csv] {
            let mut buf = Vec::new();
            let mut p = Printer::new(format, &mut buf);
            p.object(&serde_json::json!({ "title": title })).unwrap();
            p.finish::<Item>().unwrap();
            let out = String::from_utf8(buf).unwrap();
            assert_terminal_safe(&out);
            let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
            assert_eq!(v["title"].as_str().unwrap(), title);
        }
    }

    #[test]
    fn clip_cuts_between_graphemes_and_never_inside_an_escape() {
        // Guards: truncation counts terminal cells, keeps escapes whole and combining marks on their
        // letter, and marks the cut.
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("abcdefghijk", 5), "abcd…");
        for w in 1..12 {
            let c = clip("ab\u{1b}[31mcdef", w);
            assert!(!c.contains("\\x1…") && !c.contains("\\…"), "{c}");
            assert!(c.width() <= w, "{c} wider than {w}");
            assert_terminal_safe(&c);
        }
        assert_eq!(clip("ab\u{1b}cd", 5), "ab…");
        assert_eq!(clip("ab\u{1b}cd", 6), "ab…");
        assert_eq!(clip("ab\u{1b}cd", 7), "ab\\x1b…");
        // Wide characters take two cells; a combining accent stays with its letter.
        assert_eq!(clip("日本語のテキスト", 7), "日本語…");
        assert_eq!(
            clip("e\u{301}e\u{301}e\u{301}e\u{301}", 3),
            "e\u{301}e\u{301}…"
        );
    }

    #[test]
    fn the_ascii_fast_path_agrees_with_the_full_one() {
        // Guards: plain ASCII skips grapheme segmentation and comes out as the full path would.
        for s in [
            "Glock 19 gen5",
            "a",
            "",
            "USD 650.00 / 0.0024 BTC",
            "x y z w",
        ] {
            assert!(plain_ascii(s) || s.is_empty());
            let slow: String = units(s).into_iter().map(|(u, _)| u).collect();
            assert_eq!(sanitize(s), slow);
            for w in 0..16 {
                let u = units(s);
                let total: usize = u.iter().map(|(_, w)| w).sum();
                let mut want = String::new();
                if total <= w {
                    want = slow.clone();
                } else if w > 0 {
                    let mut used = 0;
                    for (unit, uw) in u {
                        if used + uw + 1 > w {
                            break;
                        }
                        used += uw;
                        want.push_str(&unit);
                    }
                    want.truncate(want.trim_end().len());
                    want.push('…');
                }
                assert_eq!(clip(s, w), want, "{s:?} at {w}");
            }
        }
        assert!(!plain_ascii(" lead") && !plain_ascii("two  spaces") && !plain_ascii("tab\t"));
    }

    #[test]
    fn whitespace_runs_become_one_space() {
        // Guards: line breaks in market text cannot forge extra table lines.
        assert_eq!(sanitize("  a\n\n b\tc\r\n"), "a b c");
        assert_eq!(sanitize("a\u{2028}b\u{85}c"), "a b c");
        assert_eq!(sanitize("a \u{7} b"), "a \\x07 b");
        assert_eq!(sanitize_lines("one\u{1b}\ntwo"), "one\\x1b\ntwo");
    }

    #[test]
    fn table_aligns_by_display_width() {
        // Guards: columns line up with wide characters, empty cells show `-`, no rows prints the
        // empty message.
        let out = print(
            Format::Table,
            vec![
                item("日本"),
                Item {
                    id: 12,
                    title: "x".into(),
                    price: None,
                },
            ],
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "  ID  TITLE         PRICE");
        assert_eq!(lines[1], "   7  日本          $5");
        assert_eq!(lines[2], "  12  x             -");
        assert_eq!(print(Format::Table, vec![]), "nothing\n");
    }

    #[test]
    fn format_args_pick_the_format() {
        // Guards: --json is a shorthand for --format json; the table is the default.
        let f = |format, json| FormatArgs { format, json }.format();
        assert_eq!(f(None, false), Format::Table);
        assert_eq!(f(None, true), Format::Json);
        assert_eq!(f(Some(Format::Csv), false), Format::Csv);
    }
}
