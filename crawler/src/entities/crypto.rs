//! Crypto-currency addresses, each accepted only when its checksum verifies: Bitcoin base58check
//! (P2PKH `1...`, P2SH `3...`) and segwit (`bc1...`, bech32 for version 0, bech32m for 1-16),
//! Monero (block base58 with a Keccak-256 checksum) and Ethereum (EIP-55 when mixed case).
//!
//! Each validator takes the candidate as written and returns the normalised value, or `None`.

use sha2::{Digest, Sha256};
use sha3::Keccak256;

/// Mainnet base58check version bytes: P2PKH and P2SH.
const BTC_VERSIONS: [u8; 2] = [0x00, 0x05];

/// A Bitcoin base58check address (mainnet P2PKH or P2SH), returned as written.
pub fn bitcoin_base58(s: &str) -> Option<String> {
    let bytes = bs58::decode(s).into_vec().ok()?;
    if bytes.len() != 25 || !BTC_VERSIONS.contains(&bytes[0]) {
        return None;
    }
    let (payload, check) = bytes.split_at(21);
    let digest = Sha256::digest(Sha256::digest(payload));
    (digest[..4] == *check).then(|| s.to_string())
}

/// A Bitcoin segwit address (`bc1`), returned lower-case. The checksum must be bech32 for witness
/// version 0 and bech32m for versions 1-16, and the program length valid for its version.
pub fn bitcoin_segwit(s: &str) -> Option<String> {
    // BIP-173: all upper or all lower case, never mixed.
    if s.bytes().any(|b| b.is_ascii_lowercase()) && s.bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let (hrp, _version, _program) = bech32::segwit::decode(&s.to_ascii_lowercase()).ok()?;
    hrp.as_str()
        .eq_ignore_ascii_case("bc")
        .then(|| s.to_ascii_lowercase())
}

/// A Monero mainnet address: standard (`4...`, 95 characters), subaddress (`8...`, 95) or
/// integrated (`4...`, 106), returned as written.
pub fn monero(s: &str) -> Option<String> {
    let bytes = monero_base58_decode(s)?;
    let expected_len = match (bytes.first()?, bytes.len()) {
        (18 | 42, 69) => 69,
        (19, 77) => 77,
        _ => return None,
    };
    let (data, check) = bytes.split_at(expected_len - 4);
    let digest = Keccak256::digest(data);
    (digest[..4] == *check).then(|| s.to_string())
}

/// An Ethereum address `0x` + 40 hex digits, returned lower-case. All-lower or all-upper hex carries
/// no checksum and is accepted; mixed case must match EIP-55.
pub fn ethereum(s: &str) -> Option<String> {
    let hex = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X"))?;
    if hex.len() != 40 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let lower = hex.to_ascii_lowercase();
    let has_lower = hex.bytes().any(|b| b.is_ascii_lowercase());
    let has_upper = hex.bytes().any(|b| b.is_ascii_uppercase());
    if has_lower && has_upper && eip55(&lower) != hex {
        return None;
    }
    Some(format!("0x{lower}"))
}

/// The EIP-55 mixed-case form of 40 lower-case hex digits: a letter is upper-case when the
/// matching nibble of Keccak-256(lower-case hex) is 8 or more.
pub fn eip55(lower_hex: &str) -> String {
    let hash = Keccak256::digest(lower_hex.as_bytes());
    lower_hex
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let nibble = (hash[i / 2] >> if i % 2 == 0 { 4 } else { 0 }) & 0x0f;
            if nibble >= 8 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect()
}

const BASE58: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// Encoded length of a Monero base58 block of 0..=8 bytes.
const MONERO_BLOCK_CHARS: [usize; 9] = [0, 2, 3, 5, 6, 7, 9, 10, 11];

/// Monero's base58: 8-byte blocks, each encoded on its own as 11 characters (a shorter last block
/// per [`MONERO_BLOCK_CHARS`]).
fn monero_base58_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() * 8 / 11 + 8);
    for block in s.chunks(11) {
        let size = MONERO_BLOCK_CHARS.iter().position(|&n| n == block.len())?;
        let mut num: u128 = 0;
        for &c in block {
            let digit = BASE58.iter().position(|&a| a == c)? as u128;
            num = num * 58 + digit;
        }
        if size < 8 && num >> (8 * size) != 0 || num > u128::from(u64::MAX) {
            return None;
        }
        let be = (num as u64).to_be_bytes();
        out.extend_from_slice(&be[8 - size..]);
    }
    Some(out)
}

/// Encodes bytes in Monero's block base58 (the inverse of [`monero_base58_decode`]).
#[cfg(test)]
pub(crate) fn monero_base58_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    for block in bytes.chunks(8) {
        let mut num: u64 = 0;
        for &b in block {
            num = (num << 8) | u64::from(b);
        }
        let n = MONERO_BLOCK_CHARS[block.len()];
        let mut chars = vec![b'1'; n];
        for slot in chars.iter_mut().rev() {
            *slot = BASE58[(num % 58) as usize];
            num /= 58;
        }
        out.extend(chars.into_iter().map(char::from));
    }
    out
}

/// A Monero address from its prefix byte and payload, with the Keccak checksum appended.
#[cfg(test)]
pub(crate) fn monero_encode(prefix: u8, payload: &[u8]) -> String {
    let mut data = vec![prefix];
    data.extend_from_slice(payload);
    let check = Keccak256::digest(&data);
    data.extend_from_slice(&check[..4]);
    monero_base58_encode(&data)
}

/// A base58check string of `version` + `payload`.
#[cfg(test)]
pub(crate) fn base58check_encode(version: u8, payload: &[u8]) -> String {
    let mut data = vec![version];
    data.extend_from_slice(payload);
    let check = Sha256::digest(Sha256::digest(&data));
    data.extend_from_slice(&check[..4]);
    bs58::encode(data).into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The Monero General Fund's published donation address.
    const XMR_GENERAL_FUND: &str = "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A";

    #[test]
    fn bitcoin_base58_vectors() {
        // Guards: real P2PKH / P2SH addresses pass; a typo, testnet or wrong length fails.
        for a in [
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", // the genesis block's coinbase
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", // BIP-13's example
            "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
        ] {
            assert_eq!(bitcoin_base58(a).as_deref(), Some(a), "{a}");
        }
        for a in [
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb",
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7Divf",
            "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", // testnet
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0", // 0 is not base58
        ] {
            assert_eq!(bitcoin_base58(a), None, "{a}");
        }
    }

    #[test]
    fn bitcoin_segwit_vectors() {
        // Guards: real v0 (bech32) and v1 taproot (bech32m, BIP-86's first address) addresses pass
        // in either case; a v1 address with a bech32 checksum, mixed case, a typo or testnet fail.
        for a in [
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        ] {
            assert_eq!(
                bitcoin_segwit(a),
                Some(a.to_ascii_lowercase()),
                "{a} should be valid"
            );
        }
        for a in [
            // v1 with a bech32 (not bech32m) checksum, BIP-350's invalid list
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
            // mixed case
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5MDQ",
            // one character changed
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr",
        ] {
            assert_eq!(bitcoin_segwit(a), None, "{a} should be rejected");
        }
        let program = bech32::segwit::decode("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")
            .unwrap()
            .2;
        let testnet =
            bech32::segwit::encode(bech32::hrp::TB, bech32::segwit::VERSION_0, &program).unwrap();
        assert_eq!(bitcoin_segwit(&testnet), None);
    }

    #[test]
    fn monero_vectors() {
        // Guards: the General Fund address passes; a changed character, or a cut one, fails.
        assert_eq!(monero(XMR_GENERAL_FUND).as_deref(), Some(XMR_GENERAL_FUND));
        let mut typo = XMR_GENERAL_FUND.to_string();
        typo.replace_range(10..11, "X");
        assert_eq!(monero(&typo), None);
        assert_eq!(monero(&XMR_GENERAL_FUND[..94]), None);
        // Decoding and encoding are inverse on the real address.
        let raw = monero_base58_decode(XMR_GENERAL_FUND).unwrap();
        assert_eq!(raw.len(), 69);
        assert_eq!(monero_base58_encode(&raw), XMR_GENERAL_FUND);
    }

    #[test]
    fn ethereum_vectors() {
        // Guards: EIP-55's own examples pass; a changed case fails; single-case hex passes.
        for a in [
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        ] {
            assert_eq!(ethereum(a), Some(a.to_ascii_lowercase()), "{a}");
            assert_eq!(eip55(&a[2..].to_ascii_lowercase()), a[2..]);
        }
        assert_eq!(ethereum("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"), None);
        assert!(ethereum("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").is_some());
        assert_eq!(ethereum("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae"), None);
    }

    /// Flips the character at `at` to another character of `alphabet`.
    fn mistype(s: &str, at: usize, alphabet: &[u8], shift: usize) -> String {
        let mut b = s.as_bytes().to_vec();
        let i = at % b.len();
        let pos = alphabet.iter().position(|&c| c == b[i]).unwrap_or(0);
        b[i] = alphabet[(pos + 1 + shift % (alphabet.len() - 1)) % alphabet.len()];
        String::from_utf8(b).unwrap()
    }

    proptest! {
        #[test]
        fn base58check_accepts_valid_and_rejects_one_typo(
            payload in proptest::array::uniform20(any::<u8>()),
            p2sh in any::<bool>(), at in 1usize..40, shift in 0usize..57,
        ) {
            // Guards: every well-formed address passes; one mistyped character never does.
            let a = base58check_encode(if p2sh { 5 } else { 0 }, &payload);
            prop_assert_eq!(bitcoin_base58(&a), Some(a.clone()));
            let typo = mistype(&a, at, BASE58, shift);
            prop_assert_eq!(bitcoin_base58(&typo), None);
        }

        #[test]
        fn segwit_accepts_valid_and_rejects_one_typo(
            program in proptest::collection::vec(any::<u8>(), 32),
            v1 in any::<bool>(), at in 4usize..60, shift in 0usize..31,
        ) {
            // Guards: v0 (bech32) and v1 (bech32m) addresses pass; a typo is caught.
            let version = if v1 { bech32::segwit::VERSION_1 } else { bech32::segwit::VERSION_0 };
            let a = bech32::segwit::encode(bech32::hrp::BC, version, &program).unwrap();
            prop_assert_eq!(bitcoin_segwit(&a), Some(a.clone()));
            let typo = mistype(&a, at, b"qpzry9x8gf2tvdw0s3jn54khce6mua7l", shift);
            prop_assert_eq!(bitcoin_segwit(&typo), None);
        }

        #[test]
        fn monero_accepts_valid_and_rejects_one_typo(
            keys in proptest::collection::vec(any::<u8>(), 64),
            prefix in prop_oneof![Just(18u8), Just(42u8)], at in 1usize..95, shift in 0usize..57,
        ) {
            // Guards: standard and subaddresses pass; one mistyped character fails the checksum.
            let a = monero_encode(prefix, &keys);
            prop_assert_eq!(a.len(), 95);
            prop_assert_eq!(monero(&a), Some(a.clone()));
            let typo = mistype(&a, at, BASE58, shift);
            prop_assert_eq!(monero(&typo), None);
        }

        #[test]
        fn eip55_accepts_checksummed_and_rejects_flipped_case(
            raw in proptest::array::uniform20(any::<u8>()), at in 0usize..40,
        ) {
            // Guards: the EIP-55 form passes; flipping the case of one letter fails.
            let sum = eip55(&hex::encode(raw));
            let a = format!("0x{sum}");
            prop_assert_eq!(ethereum(&a), Some(a.to_ascii_lowercase()));
            let letters: Vec<usize> =
                sum.char_indices().filter(|(_, c)| c.is_ascii_alphabetic()).map(|(i, _)| i).collect();
            let mixed = sum.chars().any(|c| c.is_ascii_lowercase())
                && sum.chars().any(|c| c.is_ascii_uppercase());
            if mixed && !letters.is_empty() {
                let i = letters[at % letters.len()];
                let mut b = sum.into_bytes();
                b[i] ^= 0x20;
                let flipped = format!("0x{}", String::from_utf8(b).unwrap());
                let single_case = flipped[2..].chars().all(|c| !c.is_ascii_uppercase())
                    || flipped[2..].chars().all(|c| !c.is_ascii_lowercase());
                if !single_case {
                    prop_assert_eq!(ethereum(&flipped), None);
                }
            }
        }
    }
}
