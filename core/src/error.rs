//! Error kinds: what class of failure an error is, which decides retry versus give up.

use serde::{Deserialize, Serialize};

/// The class of a failure. Library errors carry context fields; `kind()` tells the caller what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The remote side failed in a way that may pass (timeout, reset, 5xx, circuit failure): retry.
    Transient,
    /// The remote side answered, but not with what we need (404, wall page, not HTML): do not retry.
    Remote,
    /// A request was refused by our own policy (would leave Tor, other host, too large).
    Refused,
    /// Bad input from the user or a file: config, profile, training rows, model file.
    Input,
    /// A local resource failed (disk, database).
    Local,
    /// A bug in armswatch.
    Bug,
}

impl ErrorKind {
    /// Whether an operation that failed with this kind is worth retrying.
    pub fn is_retryable(self) -> bool {
        matches!(self, ErrorKind::Transient)
    }

    /// A short stable name, for logs and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Transient => "transient",
            ErrorKind::Remote => "remote",
            ErrorKind::Refused => "refused",
            ErrorKind::Input => "input",
            ErrorKind::Local => "local",
            ErrorKind::Bug => "bug",
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Implemented by every library error type.
pub trait HasKind {
    /// The class of this failure.
    fn kind(&self) -> ErrorKind;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_transient_is_retryable() {
        assert!(ErrorKind::Transient.is_retryable());
        assert!(!ErrorKind::Remote.is_retryable());
        assert!(!ErrorKind::Refused.is_retryable());
    }
}
