//! Safe logging (arti's safelog style): onion addresses and cookies are never written to the log in
//! full unless `--unsafe-log` is given. Every log line goes through [`RedactingWriter`], so this
//! holds for the libraries' log lines too.

use regex::Regex;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::LazyLock;

static UNSAFE: AtomicBool = AtomicBool::new(false);

/// v3 onion addresses (56 base32 characters, also inside a market id such as `abcd...-onion`) and
/// v2 ones (16, with `.onion`); cookie headers and settings.
static ONION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([a-z2-7]{4})(?:[a-z2-7]{52}(?:[.-]onion)?|[a-z2-7]{12}[.-]onion)\b")
        .expect("valid regex")
});
static COOKIE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(cookie|set-cookie)(["']?\s*[:=]\s*["']?)[^\s"',;]+(?:;\s*[^\s"',;=]+=[^\s"',;]*)*"#)
        .expect("valid regex")
});

/// Turns redaction off (`--unsafe-log`).
pub fn set_unsafe(on: bool) {
    UNSAFE.store(on, Ordering::Relaxed);
}

/// `text` with onion addresses shortened to their first four characters and cookie values hidden,
/// unless `--unsafe-log` was given.
pub fn text(text: &str) -> String {
    if UNSAFE.load(Ordering::Relaxed) {
        return text.to_string();
    }
    let t = ONION.replace_all(text, "${1}…[scrubbed].onion");
    COOKIE.replace_all(&t, "${1}${2}[scrubbed]").into_owned()
}

/// A URL for the log: [`text`].
pub fn url(u: &str) -> String {
    text(u)
}

/// A writer that redacts each write (the fmt layer writes one whole event per call).
pub struct RedactingWriter<W: Write>(pub W);

impl<W: Write> Write for RedactingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let s = String::from_utf8_lossy(buf);
        self.0.write_all(text(&s).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// A `MakeWriter` wrapping another in [`RedactingWriter`].
pub struct Redacting<M>(pub M);

impl<'a, M: tracing_subscriber::fmt::MakeWriter<'a>> tracing_subscriber::fmt::MakeWriter<'a>
    for Redacting<M>
{
    type Writer = RedactingWriter<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        RedactingWriter(self.0.make_writer())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn onions_and_cookies_are_scrubbed() {
        // Guards OPSEC of the log: no full onion address or cookie value at info level.
        let onion = "vww6ybal4bd7szmgncyruucpgfkqahzddi37ktceo3ah7ngmcopnpyyd.onion";
        let line = format!("crawling http://{onion}/x with Cookie: sid=abc123; lang=en");
        let out = text(&line);
        assert!(!out.contains(onion), "{out}");
        assert!(out.contains("vww6…[scrubbed].onion"), "{out}");
        assert!(!out.contains("abc123"), "{out}");
        assert!(text("cookie = \"sid=zz9\"").contains("[scrubbed]"));
        let id = onion.replace(".onion", "-onion");
        assert!(!text(&format!("market {id}")).contains(&id[..56]));
        assert!(!text("\"cookie\":\"sid=zz9\"").contains("zz9"));
    }
}
