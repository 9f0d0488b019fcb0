//! Onion service (v3) addresses: 56 base32 characters that decode to a 32-byte ed25519 public key,
//! a 2-byte checksum and the version byte 3, where the checksum is the first two bytes of
//! SHA3-256(".onion checksum" || key || version) (Tor's rend-spec-v3).

use sha3::{Digest, Sha3_256};

const VERSION: u8 = 3;
const BASE32: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

/// An onion v3 address (`xxxx.onion`, case-insensitive), returned lower-case with `.onion`.
pub fn onion_v3(s: &str) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    let label = lower.strip_suffix(".onion").unwrap_or(&lower);
    let bytes = base32_decode(label)?;
    if bytes.len() != 35 || bytes[34] != VERSION {
        return None;
    }
    (checksum(&bytes[..32])[..] == bytes[32..34]).then(|| format!("{label}.onion"))
}

fn checksum(key: &[u8]) -> [u8; 2] {
    let mut h = Sha3_256::new();
    h.update(b".onion checksum");
    h.update(key);
    h.update([VERSION]);
    let d = h.finalize();
    [d[0], d[1]]
}

/// RFC 4648 base32 without padding, lower-case alphabet; `None` for a character outside it or
/// leftover bits that are not zero.
fn base32_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 5 / 8);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        let v = BASE32.iter().position(|&a| a == c)? as u32;
        acc = (acc << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (acc == 0).then_some(out)
}

/// The onion v3 address of an ed25519 public key (for tests and fixtures).
pub fn onion_v3_for_key(key: &[u8; 32]) -> String {
    let mut bytes = key.to_vec();
    bytes.extend_from_slice(&checksum(key));
    bytes.push(VERSION);
    let mut out = String::with_capacity(62);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(BASE32[((acc >> bits) & 31) as usize] as char);
        }
        acc &= (1 << bits) - 1;
    }
    out.push_str(".onion");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn real_onion_services_pass() {
        // Guards: published v3 addresses (Tor Project, DuckDuckGo, Facebook) pass, in any case.
        for a in [
            "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion",
            "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion",
            "facebookwkhpilnemxj7asaniu7vnjjbiltxjqhye3mhbshg7kx5tfyd.onion",
        ] {
            assert_eq!(onion_v3(a).as_deref(), Some(a));
            assert_eq!(onion_v3(&a.to_ascii_uppercase()).as_deref(), Some(a));
        }
    }

    #[test]
    fn wrong_checksum_version_or_length_fails() {
        // Guards: a typo, a v2 address, and a wrong version byte are all rejected.
        assert_eq!(
            onion_v3("duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczae.onion"),
            None
        );
        assert_eq!(onion_v3("3g2upl4pq6kufc4m.onion"), None);
        let mut bytes = [7u8; 32].to_vec();
        bytes.extend_from_slice(&checksum(&[7u8; 32]));
        bytes.push(2);
        let good = onion_v3_for_key(&[7u8; 32]);
        assert!(onion_v3(&good).is_some());
        // Same key and checksum with version 2: the last character differs and is refused.
        let mut v2 = good.clone();
        v2.replace_range(55..56, "c");
        assert_eq!(onion_v3(&v2), None);
    }

    proptest! {
        #[test]
        fn any_key_round_trips_and_one_typo_fails(
            key in proptest::array::uniform32(any::<u8>()), at in 0usize..56, shift in 0usize..31,
        ) {
            // Guards: every key's address passes; one changed character never does.
            let a = onion_v3_for_key(&key);
            prop_assert_eq!(onion_v3(&a), Some(a.clone()));
            let mut b = a.clone().into_bytes();
            let pos = BASE32.iter().position(|&c| c == b[at]).unwrap();
            b[at] = BASE32[(pos + 1 + shift) % 32];
            let typo = String::from_utf8(b).unwrap();
            prop_assert_eq!(onion_v3(&typo), None);
        }
    }
}
