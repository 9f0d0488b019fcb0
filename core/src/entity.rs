//! Entities: identifiers found in market text that can tie a vendor to other places (crypto
//! addresses, PGP keys, contact handles, onion addresses), and the strength of a link they give.
//!
//! The crawler finds and validates them (`armswatch_crawler::entities`); the store keeps them per
//! listing version; the binary links vendors across markets with them.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What kind of identifier an entity is. The stable names (`as_str`) are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A Bitcoin address: base58check (P2PKH, P2SH) or segwit bech32/bech32m, mainnet.
    Bitcoin,
    /// A Monero address (standard, integrated or subaddress), mainnet.
    Monero,
    /// An Ethereum address, `0x` + 40 hex digits (EIP-55 checksum verified when mixed case).
    Ethereum,
    /// An OpenPGP key fingerprint, from a parsed key block or written out.
    PgpFingerprint,
    Email,
    Telegram,
    Wickr,
    /// A Session messenger id (66 hex digits starting with 05).
    Session,
    /// A Signal phone number or username.
    Signal,
    /// A Jabber / XMPP address.
    Jabber,
    Threema,
    /// An onion service (v3) address.
    Onion,
}

/// How much a shared entity says about two vendors being one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkStrength {
    /// A hint: an equal contact handle, or a near-identical name with a shared listing text.
    Weak,
    /// Control of the same key or wallet: a shared PGP fingerprint or crypto address.
    Strong,
}

impl LinkStrength {
    /// Stable name, as stored and printed.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkStrength::Weak => "weak",
            LinkStrength::Strong => "strong",
        }
    }
}

impl fmt::Display for LinkStrength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LinkStrength {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "weak" => Ok(LinkStrength::Weak),
            "strong" => Ok(LinkStrength::Strong),
            _ => Err(format!(
                "unknown link strength {s:?} (expected weak or strong)"
            )),
        }
    }
}

impl EntityKind {
    /// Every kind, in a stable order.
    pub const ALL: [EntityKind; 12] = [
        EntityKind::Bitcoin,
        EntityKind::Monero,
        EntityKind::Ethereum,
        EntityKind::PgpFingerprint,
        EntityKind::Email,
        EntityKind::Telegram,
        EntityKind::Wickr,
        EntityKind::Session,
        EntityKind::Signal,
        EntityKind::Jabber,
        EntityKind::Threema,
        EntityKind::Onion,
    ];

    /// Stable name, as stored and printed.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Bitcoin => "bitcoin",
            EntityKind::Monero => "monero",
            EntityKind::Ethereum => "ethereum",
            EntityKind::PgpFingerprint => "pgp_fingerprint",
            EntityKind::Email => "email",
            EntityKind::Telegram => "telegram",
            EntityKind::Wickr => "wickr",
            EntityKind::Session => "session",
            EntityKind::Signal => "signal",
            EntityKind::Jabber => "jabber",
            EntityKind::Threema => "threema",
            EntityKind::Onion => "onion",
        }
    }

    /// The link two vendors sharing this entity get; `None` for onion addresses (markets, not
    /// people).
    pub fn link_strength(self) -> Option<LinkStrength> {
        match self {
            EntityKind::Bitcoin
            | EntityKind::Monero
            | EntityKind::Ethereum
            | EntityKind::PgpFingerprint => Some(LinkStrength::Strong),
            EntityKind::Email
            | EntityKind::Telegram
            | EntityKind::Wickr
            | EntityKind::Session
            | EntityKind::Signal
            | EntityKind::Jabber
            | EntityKind::Threema => Some(LinkStrength::Weak),
            EntityKind::Onion => None,
        }
    }

    /// Whether the value identifies a person (an address, key or handle): replaced by a salted
    /// hash in research exports.
    pub fn is_personal(self) -> bool {
        self != EntityKind::Onion
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EntityKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown entity kind {s:?}"))
    }
}

/// What a parsed OpenPGP public key block says about its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PgpKey {
    /// Upper-case hex fingerprint of the primary key.
    pub fingerprint: String,
    /// Upper-case hex key id (the last 8 bytes of a v4 fingerprint).
    pub key_id: String,
    /// Public-key algorithm of the primary key (`RSA`, `EdDSALegacy`, ...).
    pub algorithm: String,
    /// Creation time of the primary key, unix seconds UTC.
    pub created_at: i64,
    /// The key's user ids (`Name <mail>`), as written.
    pub user_ids: Vec<String>,
    /// Whether every user id's self-signature verified.
    pub self_signed: bool,
    /// The block re-armored in canonical form.
    pub armored: String,
}

/// One validated identifier found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// The normalised value: what two sightings must share to be the same entity (addresses as
    /// their checksum demands, fingerprints upper-case hex, handles and e-mails lower-case).
    pub value: String,
    /// The text as written on the page.
    pub raw: String,
    /// Byte offset of `raw` in the text it was found in.
    pub offset: usize,
    /// For a PGP key block: what the key says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pgp: Option<PgpKey>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_round_trip() {
        // Guards: every entity kind's stored name parses back to the kind.
        for k in EntityKind::ALL {
            assert_eq!(k.as_str().parse::<EntityKind>(), Ok(k));
        }
        assert!("pgp".parse::<EntityKind>().is_err());
        assert_eq!("strong".parse::<LinkStrength>(), Ok(LinkStrength::Strong));
        assert!(LinkStrength::Strong > LinkStrength::Weak);
    }

    #[test]
    fn strengths_follow_control_of_key_or_wallet() {
        // Guards: keys and wallets link strongly, handles weakly, onion addresses not at all.
        assert_eq!(
            EntityKind::PgpFingerprint.link_strength(),
            Some(LinkStrength::Strong)
        );
        assert_eq!(
            EntityKind::Monero.link_strength(),
            Some(LinkStrength::Strong)
        );
        assert_eq!(
            EntityKind::Telegram.link_strength(),
            Some(LinkStrength::Weak)
        );
        assert_eq!(EntityKind::Onion.link_strength(), None);
        assert!(!EntityKind::Onion.is_personal() && EntityKind::Email.is_personal());
    }
}
