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
    let input: Box<dyn BufRead> = if a.input == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let f = std::fs::File::open(&a.input).with_context(|| format!("opening {}", a.input))?;
        Box::new(std::io::BufReader::new(f))
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (i, line) in input.lines().enumerate() {
        let n = i + 1;
        let line = line.with_context(|| format!("{}: reading line {n}", a.input))?;
        if line.trim().is_empty() {
            continue;
        }
        let mut obj: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&line)
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
        let v = if a.explain {
            model.predict_explained(&title, &description, a.top_terms)
        } else {
            model.predict(&title, &description)
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
