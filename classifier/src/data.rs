//! Labeled listings: the [`Example`] a model trains and is scored on, and [`read_examples`], which
//! reads JSONL rows (`title`, `description`, `labels`, `unclear`, other fields ignored) and rejects a
//! malformed row with its line number.

use crate::ClassifierError;
use armswatch_core::{Label, LabelSet};
use serde::Deserialize;
use std::path::Path;

/// A listing's text and its true labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub title: String,
    pub description: String,
    pub labels: LabelSet,
    /// The market's category (breadcrumb), empty when unknown; used only by the optional
    /// category block, never by the text model.
    pub category: String,
}

/// One row of a data file.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleRow {
    pub title: String,
    pub description: String,
    pub labels: LabelSet,
    /// The market's category (`category`, else `category_raw`), empty when absent.
    pub category: String,
    /// The text does not say what is offered: exclude the row from scoring.
    pub unclear: bool,
    /// 1-based line number in the file.
    pub line: usize,
}

impl ExampleRow {
    /// The row as an example.
    pub fn to_example(&self) -> Example {
        Example {
            title: self.title.clone(),
            description: self.description.clone(),
            labels: self.labels,
            category: self.category.clone(),
        }
    }
}

/// The rows that can be scored: those not marked unclear.
pub fn clear_examples(rows: &[ExampleRow]) -> Vec<Example> {
    rows.iter()
        .filter(|r| !r.unclear)
        .map(ExampleRow::to_example)
        .collect()
}

#[derive(Deserialize)]
struct RawRow {
    title: String,
    #[serde(default)]
    description: Option<String>,
    labels: Vec<String>,
    #[serde(default)]
    unclear: bool,
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    category_raw: Option<String>,
}

/// Reads a JSONL file of labeled listings. Blank lines are skipped; any other line that is not an
/// object with a string `title` and a `labels` array of known label names is an error naming the line.
pub fn read_examples(path: impl AsRef<Path>) -> Result<Vec<ExampleRow>, ClassifierError> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|source| ClassifierError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse_examples(&text, path)
}

/// Parses JSONL text; `path` only names the source in errors.
pub fn parse_examples(text: &str, path: &Path) -> Result<Vec<ExampleRow>, ClassifierError> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| ClassifierError::BadRow {
            path: path.to_path_buf(),
            line: line_no,
            message,
        };
        let raw: RawRow = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
        let mut labels = LabelSet::empty();
        for l in &raw.labels {
            labels.insert(l.parse::<Label>().map_err(|e| bad(e.to_string()))?);
        }
        rows.push(ExampleRow {
            title: raw.title,
            description: raw.description.unwrap_or_default(),
            labels,
            category: raw.category.or(raw.category_raw).unwrap_or_default(),
            unclear: raw.unclear,
            line: line_no,
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_with_optional_fields() {
        // Guards the accepted row shapes: missing/null description, missing unclear, extra fields.
        let text = r#"{"title":"Glock 19","description":null,"labels":["firearm"],"price":"1"}

{"title":"Kush","labels":[],"unclear":true}"#;
        let rows = parse_examples(text, Path::new("t.jsonl")).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].labels.to_vec(), vec![Label::Firearm]);
        assert_eq!(rows[0].description, "");
        assert!(rows[1].unclear);
        assert_eq!(rows[1].line, 3);
        assert_eq!(clear_examples(&rows).len(), 1);
    }

    #[test]
    fn malformed_rows_name_their_line() {
        // Guards that bad JSON and unknown labels are rejected with the line number.
        let text = "{\"title\":\"a\",\"labels\":[]}\n{\"title\":\"b\",\"labels\":[\"gun\"]}\n";
        let err = parse_examples(text, Path::new("t.jsonl")).unwrap_err();
        assert!(err.to_string().starts_with("t.jsonl:2:"), "{err}");
        let err = parse_examples("{\"title\":1}", Path::new("t.jsonl")).unwrap_err();
        assert!(err.to_string().starts_with("t.jsonl:1:"), "{err}");
    }
}
