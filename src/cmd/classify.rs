//! `armswatch classify`: JSON lines in, the same objects plus `labels` and `scores` out. This is
//! the contract for evaluating the model on any data set; keep it stable.

use crate::app;
use crate::cli::{ClassifyArgs, GlobalArgs};
use anyhow::{bail, Context, Result};
use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

/// `armswatch classify`.
pub fn run(g: &GlobalArgs, a: ClassifyArgs) -> Result<ExitCode> {
    let model = app::load_model(g)?;
    let mut input: Box<dyn BufRead> = if a.input == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let f = std::fs::File::open(&a.input).with_context(|| format!("opening {}", a.input))?;
        Box::new(std::io::BufReader::new(f))
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut buf = Vec::new();
    let mut n = 0usize;
    loop {
        n += 1;
        match next_line(&mut input, &mut buf, a.max_line_bytes)
            .with_context(|| format!("{}: reading line {n}", a.input))?
        {
            Line::End => break,
            Line::TooLong => bail!(
                "{}: line {n} is longer than {} bytes (--max-line-bytes); one listing's \
                 JSON object is far smaller",
                a.input,
                a.max_line_bytes
            ),
            Line::Read => {}
        }
        let Ok(line) = std::str::from_utf8(&buf) else {
            bail!("{}: line {n} is not UTF-8", a.input);
        };
        if line.trim().is_empty() {
            continue;
        }
        let mut obj: serde_json::Map<String, serde_json::Value> = serde_json::from_str(line)
            .with_context(|| format!("{}: line {n} is not a JSON object", a.input))?;
        let title = match obj.get("title") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Null) | None => {
                bail!("{}: line {n} has no \"title\" string", a.input)
            }
            Some(other) => other.to_string(),
        };
        let description = match obj.get("description") {
            Some(serde_json::Value::String(s)) => s.clone(),
            _ => String::new(),
        };
        let category = if a.use_category {
            ["category", "category_raw"]
                .iter()
                .find_map(|k| match obj.get(*k) {
                    Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
                    _ => None,
                })
        } else {
            None
        };
        let v = if a.explain {
            model.predict_explained_with_category(
                &title,
                &description,
                category.as_deref(),
                a.top_terms,
            )
        } else {
            model.predict_with_category(&title, &description, category.as_deref())
        };
        obj.insert("labels".into(), serde_json::to_value(&v.labels)?);
        obj.insert("scores".into(), serde_json::to_value(&v.scores)?);
        if a.explain {
            obj.insert("explain".into(), serde_json::to_value(&v.explain)?);
        }
        serde_json::to_writer(&mut out, &obj)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// What [`next_line`] read.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// A line is in the buffer.
    Read,
    /// The line is longer than the cap; reading stopped inside it.
    TooLong,
    /// No more input.
    End,
}

/// Reads the next line into `buf` (without `\n` or `\r\n`), holding at most `max` bytes of it:
/// a longer line is reported, never read whole.
fn next_line(r: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> std::io::Result<Line> {
    buf.clear();
    let mut any = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(if any { Line::Read } else { Line::End });
        }
        any = true;
        let (take, done) = match avail.iter().position(|b| *b == b'\n') {
            Some(i) => (i, true),
            None => (avail.len(), false),
        };
        if buf.len() + take > max {
            return Ok(Line::TooLong);
        }
        buf.extend_from_slice(&avail[..take]);
        r.consume(if done { take + 1 } else { take });
        if done {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(Line::Read);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<Result<String, Line>> {
        let mut r = std::io::BufReader::with_capacity(4, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            match next_line(&mut r, &mut buf, max).unwrap() {
                Line::End => return out,
                Line::Read => out.push(Ok(String::from_utf8(buf.clone()).unwrap())),
                Line::TooLong => {
                    out.push(Err(Line::TooLong));
                    return out;
                }
            }
        }
    }

    #[test]
    fn lines_are_split_and_capped() {
        // Guards hole 7: lines come back whole up to the cap, a longer one is refused, CRLF and a
        // last line without a newline are read.
        assert_eq!(
            lines(b"ab\r\n\ncdefgh\nij", 6),
            vec![
                Ok("ab".into()),
                Ok("".into()),
                Ok("cdefgh".into()),
                Ok("ij".into())
            ]
        );
        assert_eq!(
            lines(b"ab\ncdefghi\nj", 6),
            vec![Ok("ab".into()), Err(Line::TooLong)]
        );
        assert_eq!(lines(b"", 6), vec![]);
    }
}
