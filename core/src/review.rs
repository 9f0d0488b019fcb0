//! A review: a person's decision on a listing (confirmed, rejected, relabelled), and the review
//! states a listing can be in.

use crate::Label;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Where a listing stands with the investigators: its latest review decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewState {
    /// Nobody decided on it yet.
    Unreviewed,
    /// The model's labels are right.
    Confirmed,
    /// The listing offers none of the four labels: the model was wrong to flag it.
    Rejected,
    /// The listing offers something, but the reviewer's labels differ from the model's.
    Relabelled,
}

impl ReviewState {
    /// Every state, in the order the UI lists them.
    pub const ALL: [ReviewState; 4] = [
        ReviewState::Unreviewed,
        ReviewState::Confirmed,
        ReviewState::Rejected,
        ReviewState::Relabelled,
    ];

    /// The stable name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewState::Unreviewed => "unreviewed",
            ReviewState::Confirmed => "confirmed",
            ReviewState::Rejected => "rejected",
            ReviewState::Relabelled => "relabelled",
        }
    }

    /// Whether a decision can put a listing in this state (every state but `unreviewed`).
    pub fn is_decision(self) -> bool {
        self != ReviewState::Unreviewed
    }
}

impl fmt::Display for ReviewState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown review state name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown review state {0:?} (expected one of unreviewed, confirmed, rejected, relabelled)")]
pub struct ParseReviewStateError(pub String);

impl FromStr for ReviewState {
    type Err = ParseReviewStateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "unreviewed" => Ok(ReviewState::Unreviewed),
            "confirmed" | "confirm" => Ok(ReviewState::Confirmed),
            "rejected" | "reject" => Ok(ReviewState::Rejected),
            "relabelled" | "relabeled" | "relabel" => Ok(ReviewState::Relabelled),
            _ => Err(ParseReviewStateError(s.to_string())),
        }
    }
}

/// What a reviewer decided about a listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "lowercase")]
pub enum Decision {
    /// The model's labels are right.
    Confirm,
    /// None of the four labels apply.
    Reject,
    /// These labels apply instead of the model's (at least one).
    Relabel { labels: Vec<Label> },
}

impl Decision {
    /// The state the listing is in after this decision.
    pub fn state(&self) -> ReviewState {
        match self {
            Decision::Confirm => ReviewState::Confirmed,
            Decision::Reject => ReviewState::Rejected,
            Decision::Relabel { .. } => ReviewState::Relabelled,
        }
    }

    /// The labels the reviewer holds true, given the labels of the verdict answered.
    pub fn labels(&self, model_labels: &[Label]) -> Vec<Label> {
        let mut out = match self {
            Decision::Confirm => model_labels.to_vec(),
            Decision::Reject => Vec::new(),
            Decision::Relabel { labels } => labels.clone(),
        };
        out.sort();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_round_trip_and_accept_verbs() {
        // Guards: stored names parse back, and the CLI's verbs (confirm, reject, relabel) parse too.
        for s in ReviewState::ALL {
            assert_eq!(s.as_str().parse::<ReviewState>(), Ok(s));
        }
        assert_eq!("confirm".parse(), Ok(ReviewState::Confirmed));
        assert_eq!("relabeled".parse(), Ok(ReviewState::Relabelled));
        assert!("maybe".parse::<ReviewState>().is_err());
    }

    #[test]
    fn decision_labels_follow_the_decision() {
        // Guards: confirm keeps the model's labels, reject clears them, relabel sorts and dedups.
        let model = [Label::Part, Label::Firearm];
        assert_eq!(
            Decision::Confirm.labels(&model),
            vec![Label::Firearm, Label::Part]
        );
        assert!(Decision::Reject.labels(&model).is_empty());
        let r = Decision::Relabel {
            labels: vec![Label::Design, Label::Ammunition, Label::Design],
        };
        assert_eq!(r.labels(&model), vec![Label::Ammunition, Label::Design]);
        assert_eq!(r.state(), ReviewState::Relabelled);
    }
}
