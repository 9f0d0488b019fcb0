//! The classifier's error type: every failure carries the file, line, label or parameter it is about.

use armswatch_core::{ErrorKind, HasKind, Label};
use std::path::PathBuf;

/// What went wrong while reading data, training, loading or saving a model.
#[derive(Debug, thiserror::Error)]
pub enum ClassifierError {
    /// A file could not be read.
    #[error("reading {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error("writing {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A row of a JSONL data file is malformed.
    #[error("{path}:{line}: {message}")]
    BadRow {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// A model file is corrupt, truncated, of another format or of an unsupported version.
    #[error("model file {origin}: {message}")]
    BadModel { origin: String, message: String },
    /// A hyper-parameter is out of range.
    #[error("invalid parameter {name}: {message}")]
    InvalidParams { name: &'static str, message: String },
    /// The training rows cannot train a model (too few, a label without positives, ...).
    #[error("training data: {message}")]
    TrainingData { message: String },
    /// The optimiser failed on a label.
    #[error("fitting label {label}: {message}")]
    Fit { label: Label, message: String },
}

impl HasKind for ClassifierError {
    fn kind(&self) -> ErrorKind {
        match self {
            ClassifierError::Read { .. } | ClassifierError::Write { .. } => ErrorKind::Local,
            ClassifierError::BadRow { .. }
            | ClassifierError::BadModel { .. }
            | ClassifierError::InvalidParams { .. }
            | ClassifierError::TrainingData { .. } => ErrorKind::Input,
            ClassifierError::Fit { .. } => ErrorKind::Bug,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_the_cause() {
        // Guards the retry/give-up classes the binary relies on.
        let e = ClassifierError::BadModel {
            origin: "m".into(),
            message: "truncated".into(),
        };
        assert_eq!(e.kind(), ErrorKind::Input);
        let e = ClassifierError::Read {
            path: "x".into(),
            source: std::io::Error::other("disk"),
        };
        assert_eq!(e.kind(), ErrorKind::Local);
        assert!(e.to_string().contains("reading x"));
    }
}
