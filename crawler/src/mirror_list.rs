//! PGP-signed mirror lists, as markets publish them (a cleartext-signed message listing onion
//! addresses): verified against the market's public key with rpgp (pure Rust, no GnuPG), and only
//! then read for addresses. A list whose signature does not verify — tampered with, signed by
//! another key, or not signed — is refused with the reason, and nothing of it is used.

use crate::entities::onion_v3;
use pgp::composed::{CleartextSignedMessage, Deserializable, SignedPublicKey};
use pgp::types::KeyDetails;
use sha2::{Digest, Sha256};

/// A verified mirror list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedMirrorList {
    /// The onion origins listed (`http://abc….onion`, `https://…` when the list says so), in list
    /// order, without repeats; every one a valid v3 address.
    pub origins: Vec<String>,
    /// Fingerprint (hex, upper case) of the key, or subkey, whose signature verified.
    pub signer: String,
    /// SHA-256 of the signed file as given.
    pub sha256: String,
}

/// Why a mirror list was refused.
#[derive(Debug, thiserror::Error)]
pub enum MirrorListError {
    #[error("the key file is not an OpenPGP public key block: {0}")]
    Key(String),
    #[error("the mirror list is not a cleartext-signed OpenPGP message: {0}")]
    NotSigned(String),
    #[error("BAD SIGNATURE: the mirror list's signature does not verify against key {key}; nothing imported")]
    BadSignature { key: String },
    #[error("the signed mirror list names no valid onion v3 address")]
    Empty,
}

impl armswatch_core::HasKind for MirrorListError {
    fn kind(&self) -> armswatch_core::ErrorKind {
        armswatch_core::ErrorKind::Input
    }
}

/// Verifies `signed` (a cleartext-signed message) against `key` (an armored public key block; its
/// primary key or any of its subkeys may have signed) and returns the onion addresses it lists.
pub fn verify_mirror_list(signed: &str, key: &str) -> Result<SignedMirrorList, MirrorListError> {
    let (key, _) =
        SignedPublicKey::from_string(key).map_err(|e| MirrorListError::Key(e.to_string()))?;
    let key_fpr = format!("{:X}", key.fingerprint());
    let (msg, _) = CleartextSignedMessage::from_string(signed)
        .map_err(|e| MirrorListError::NotSigned(e.to_string()))?;
    let signer = if msg.verify(&key.primary_key).is_ok() {
        key_fpr.clone()
    } else {
        key.public_subkeys
            .iter()
            .find(|sub| msg.verify(&sub.key).is_ok())
            .map(|sub| format!("{:X}", sub.key.fingerprint()))
            .ok_or(MirrorListError::BadSignature { key: key_fpr })?
    };
    let origins = onion_origins(&msg.signed_text());
    if origins.is_empty() {
        return Err(MirrorListError::Empty);
    }
    Ok(SignedMirrorList {
        origins,
        signer,
        sha256: hex::encode(Sha256::digest(signed.as_bytes())),
    })
}

/// The valid onion v3 addresses in `text`, as origins, in order, once each.
fn onion_origins(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, _) in text.match_indices(".onion") {
        let start = text[..i]
            .rfind(|c: char| !c.is_ascii_alphanumeric())
            .map_or(0, |p| p + 1);
        let Some(host) = onion_v3(&text[start..i + ".onion".len()]) else {
            continue;
        };
        let https = text[..start].ends_with("https://");
        let origin = format!("{}://{host}", if https { "https" } else { "http" });
        if !out.contains(&origin) {
            out.push(origin);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the address reading: valid v3 onions only (checksum checked), scheme kept, once.
    #[test]
    fn reads_valid_onions_in_order() {
        let a = crate::entities::onion_v3_for_key(&[1; 32]);
        let b = crate::entities::onion_v3_for_key(&[2; 32]);
        let bad = format!("{}x.onion", &a[..55]);
        let text = format!("Mirrors:\nhttp://{a}/\n* https://{b}\n{bad}\n{a}\n");
        assert_eq!(
            onion_origins(&text),
            [format!("http://{a}"), format!("https://{b}")]
        );
    }

    /// Guards refusal of anything that is not a signed message or a key.
    #[test]
    fn unsigned_text_and_bad_key_are_refused() {
        assert!(matches!(
            verify_mirror_list("just text", "not a key"),
            Err(MirrorListError::Key(_))
        ));
    }
}
