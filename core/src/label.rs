//! The four labels armswatch tags listings with, and a small set type over them.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What a listing offers. A listing may carry several labels, or none.
///
/// Definitions: *firearm* is a complete gun (not air guns, airsoft, tasers); *part* is parts,
/// components, suppressors, receivers, conversion parts and magazines; *ammunition* is cartridges and
/// shells (not pellets or pepper spray); *design* is 3-D printable gun files, CAD/blueprints,
/// gun-making or conversion manuals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    Firearm,
    Part,
    Ammunition,
    Design,
}

impl Label {
    /// Every label, in a fixed order used for model files and tables.
    pub const ALL: [Label; 4] = [
        Label::Firearm,
        Label::Part,
        Label::Ammunition,
        Label::Design,
    ];

    /// The label's name as stored and printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Firearm => "firearm",
            Label::Part => "part",
            Label::Ammunition => "ammunition",
            Label::Design => "design",
        }
    }

    /// Position of the label in [`Label::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A label name that is not one of the four.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown label {0:?} (expected one of firearm, part, ammunition, design)")]
pub struct ParseLabelError(pub String);

impl FromStr for Label {
    type Err = ParseLabelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "firearm" => Ok(Label::Firearm),
            "part" => Ok(Label::Part),
            "ammunition" => Ok(Label::Ammunition),
            "design" => Ok(Label::Design),
            _ => Err(ParseLabelError(s.to_string())),
        }
    }
}

/// A set of labels, as a 4-bit mask.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct LabelSet(u8);

impl LabelSet {
    /// The empty set.
    pub fn empty() -> Self {
        LabelSet(0)
    }
    /// Adds a label.
    pub fn insert(&mut self, l: Label) {
        self.0 |= 1 << l.index();
    }
    /// Whether the set holds `l`.
    pub fn contains(self, l: Label) -> bool {
        self.0 & (1 << l.index()) != 0
    }
    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// The labels in [`Label::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Label> {
        Label::ALL.into_iter().filter(move |l| self.contains(*l))
    }
    /// The labels as a vector.
    pub fn to_vec(self) -> Vec<Label> {
        self.iter().collect()
    }
}

impl FromIterator<Label> for LabelSet {
    fn from_iter<T: IntoIterator<Item = Label>>(iter: T) -> Self {
        let mut s = LabelSet::empty();
        for l in iter {
            s.insert(l);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_through_names_and_json() {
        for l in Label::ALL {
            assert_eq!(l.as_str().parse::<Label>(), Ok(l));
            let j = serde_json::to_string(&l).unwrap();
            assert_eq!(j, format!("\"{}\"", l.as_str()));
        }
        assert!("gun".parse::<Label>().is_err());
    }

    #[test]
    fn label_set_keeps_order() {
        let s: LabelSet = [Label::Design, Label::Firearm].into_iter().collect();
        assert_eq!(s.to_vec(), vec![Label::Firearm, Label::Design]);
        assert!(!s.contains(Label::Part));
    }
}
