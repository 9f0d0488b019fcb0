//! OpenPGP: public key blocks, parsed with rpgp (pure Rust) for their fingerprint, key id, user ids
//! and creation time; and fingerprints written out in text.
//!
//! Market pages mangle armor: the lines of a block pasted into HTML may come back joined by spaces,
//! or with extra blank lines. [`parse_key_block`] rebuilds canonical armor from whatever is between
//! the BEGIN and END lines, and the armor checksum and packet parser decide whether it is a key.

use armswatch_core::PgpKey;
use pgp::composed::{ArmorOptions, Deserializable, SignedPublicKey};
use pgp::types::{KeyDetails, PublicKeyTrait};
use regex::Regex;
use std::sync::LazyLock;

pub(crate) const BEGIN: &str = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
pub(crate) const END: &str = "-----END PGP PUBLIC KEY BLOCK-----";

/// Largest key block read (bytes between BEGIN and END); real keys are a few KiB.
const MAX_BLOCK_BYTES: usize = 256 * 1024;

/// The key blocks in `text`: (byte range of the whole block, parsed key or `None` when the block
/// does not parse).
pub(crate) fn key_blocks(text: &str) -> Vec<(std::ops::Range<usize>, Option<PgpKey>)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(b) = text[from..].find(BEGIN) {
        let start = from + b;
        let body_start = start + BEGIN.len();
        let Some(e) = text[body_start..].find(END) else {
            break;
        };
        let end = body_start + e + END.len();
        let body = &text[body_start..body_start + e];
        let key = (body.len() <= MAX_BLOCK_BYTES)
            .then(|| parse_key_block(body))
            .flatten();
        out.push((start..end, key));
        from = end;
    }
    out
}

/// Parses the text between BEGIN and END of a public key block.
pub fn parse_key_block(body: &str) -> Option<PgpKey> {
    let armored = rebuild_armor(body)?;
    let (key, _headers) = SignedPublicKey::from_string(&armored).ok()?;
    let fingerprint = format!("{:X}", key.fingerprint());
    if fingerprint.is_empty() {
        return None;
    }
    let key_id = hex::encode_upper(key.key_id().as_ref());
    let user_ids = key
        .details
        .users
        .iter()
        .filter_map(|u| u.id.as_str().map(str::to_string))
        .collect();
    let self_signed = key.verify().is_ok();
    let canonical = key
        .to_armored_string(ArmorOptions::default())
        .unwrap_or(armored);
    Some(PgpKey {
        fingerprint,
        key_id,
        algorithm: format!("{:?}", key.algorithm()),
        created_at: key.primary_key.created_at().timestamp(),
        user_ids,
        self_signed,
        armored: canonical,
    })
}

/// Canonical armor from a possibly mangled block body: armor headers dropped, the base64 joined and
/// cut into 64-column lines, the `=XXXX` checksum on its own line.
fn rebuild_armor(body: &str) -> Option<String> {
    let mut tokens: Vec<&str> = body.split_whitespace().collect();
    // Armor headers ("Version: GnuPG v2", "Comment: ...") come first; with lines joined they are
    // tokens until the first long base64 token.
    let first_data = tokens
        .iter()
        .position(|t| t.len() >= 20 && t.bytes().all(is_base64))?;
    tokens.drain(..first_data);
    let mut data: String = tokens.concat();
    let mut crc = None;
    // The checksum is "=" + 4 base64 characters at the very end (after any "=" padding).
    if data.len() > 5 && data.as_bytes()[data.len() - 5] == b'=' {
        let tail = &data[data.len() - 4..];
        if tail.bytes().all(|b| is_base64(b) && b != b'=') {
            let body_len = data.len() - 5;
            let body = &data[..body_len];
            // "AAA==" padding followed by "=XXXX": the checksum is the last five bytes only when
            // what is left has a valid base64 length.
            if body.len().is_multiple_of(4) {
                crc = Some(tail.to_string());
                data.truncate(body_len);
            }
        }
    }
    if data.is_empty() || !data.bytes().all(is_base64) {
        return None;
    }
    // rpgp does not insist on the armor checksum; a typo in the key material would give another
    // (valid-looking) fingerprint, so a checksum that is present must match.
    if let Some(c) = &crc {
        let want = base64_decode(c)?;
        let got = crc24(&base64_decode(&data)?);
        if want.len() != 3 || want[..] != got.to_be_bytes()[1..] {
            return None;
        }
    }
    let mut armored = String::with_capacity(data.len() + 200);
    armored.push_str(BEGIN);
    armored.push_str("\n\n");
    for chunk in data.as_bytes().chunks(64) {
        armored.push_str(std::str::from_utf8(chunk).ok()?);
        armored.push('\n');
    }
    if let Some(c) = crc {
        armored.push('=');
        armored.push_str(&c);
        armored.push('\n');
    }
    armored.push_str(END);
    armored.push('\n');
    Some(armored)
}

/// The OpenPGP armor checksum (RFC 4880 section 6.1).
fn crc24(data: &[u8]) -> u32 {
    let mut crc: u32 = 0x00B7_04CE;
    for &b in data {
        crc ^= u32::from(b) << 16;
        for _ in 0..8 {
            crc <<= 1;
            if crc & 0x0100_0000 != 0 {
                crc ^= 0x0186_4CFB;
            }
        }
    }
    crc & 0x00FF_FFFF
}

/// Standard base64 with `=` padding; `None` on any other character.
fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes().take_while(|&c| c != b'=') {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

fn is_base64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')
}

/// A v4 fingerprint (40 hex digits, optionally in groups of 4 separated by one or two spaces, as
/// gpg prints them) or a v6 one
/// (64 hex digits).
static FINGERPRINT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[0-9A-Fa-f]{4} {0,2}){9}[0-9A-Fa-f]{4}\b|\b[0-9A-Fa-f]{64}\b")
        .expect("valid regex")
});

/// Words that say a hex string nearby is a key fingerprint.
static FINGERPRINT_CONTEXT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)fingerprint|\bfpr\b|\bpgp\b|\bgpg\b|openpgp|\bkey\b").expect("valid regex")
});

/// How far before a fingerprint the context word may be (bytes).
const CONTEXT_BYTES: usize = 48;

/// Fingerprints written out in `text`: (byte offset, as written, upper-case hex). An ungrouped hex
/// string counts only after a word such as "fingerprint" or "PGP", since a bare 40-digit hex string
/// may be any hash; the grouped form `ABCD 1234 ...` (ten groups) is a fingerprint by its shape.
pub(crate) fn written_fingerprints(text: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    for m in FINGERPRINT_RE.find_iter(text) {
        let raw = m.as_str();
        let grouped = raw.contains(' ');
        if grouped && raw.split_whitespace().count() != 10 {
            continue;
        }
        let mut ctx_start = m.start().saturating_sub(CONTEXT_BYTES);
        while !text.is_char_boundary(ctx_start) {
            ctx_start -= 1;
        }
        let before = &text[ctx_start..m.start()];
        if !grouped && !FINGERPRINT_CONTEXT_RE.is_match(before) {
            continue;
        }
        // "0x" + hex is an Ethereum address or a hex literal, not a fingerprint.
        if before.ends_with("0x") || before.ends_with("0X") {
            continue;
        }
        let value: String = raw
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        out.push((m.start(), raw.to_string(), value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ED25519: &str = include_str!("testdata/fixture-ed25519.asc");
    const RSA: &str = include_str!("testdata/fixture-rsa2048.asc");

    fn body(block: &str) -> &str {
        let s = block.find(BEGIN).unwrap() + BEGIN.len();
        let e = block.find(END).unwrap();
        &block[s..e]
    }

    #[test]
    fn parses_real_key_blocks() {
        // Guards: gpg-made ed25519 and RSA keys give gpg's fingerprint, key id, user id and time.
        let k = parse_key_block(body(ED25519)).unwrap();
        assert_eq!(k.fingerprint, "87036DB8A538FA7133F3FBA26D12C5544775F104");
        assert_eq!(k.key_id, "6D12C5544775F104");
        assert_eq!(
            k.user_ids,
            vec!["Fixture Vendor (armswatch test key) <fixture-vendor@example.invalid>"]
        );
        assert_eq!(k.created_at, 1_796_314_596);
        assert!(k.self_signed);
        let r = parse_key_block(body(RSA)).unwrap();
        assert_eq!(r.fingerprint, "51613C72B070701058093AD287F45D9A390641F2");
        assert!(r.algorithm.contains("RSA"), "{}", r.algorithm);
    }

    #[test]
    fn mangled_armor_still_parses() {
        // Guards: a block whose lines a web page joined with spaces, with a header, still parses.
        let joined = body(RSA).split_whitespace().collect::<Vec<_>>().join(" ");
        let with_header = format!("Version: GnuPG v2 Comment: my key {joined}");
        let k = parse_key_block(&with_header).unwrap();
        assert_eq!(k.fingerprint, "51613C72B070701058093AD287F45D9A390641F2");
        let blocks = key_blocks(&format!("see {BEGIN} {joined} {END} thanks"));
        assert_eq!(blocks.len(), 1);
        assert!(blocks[0].1.is_some());
    }

    #[test]
    fn damaged_blocks_are_rejected() {
        // Guards: a changed base64 character (armor checksum) or a cut block gives no key.
        let b = body(ED25519);
        let i = b.find("mDMEaxGV").unwrap() + 12;
        let mut bad = b.to_string();
        let c = if &bad[i..i + 1] == "A" { "B" } else { "A" };
        bad.replace_range(i..i + 1, c);
        assert_eq!(parse_key_block(&bad), None);
        assert_eq!(parse_key_block(&b[..b.len() / 2]), None);
        assert_eq!(parse_key_block("not a key at all"), None);
        let blocks = key_blocks(&format!("{BEGIN} garbage {END}"));
        assert_eq!(blocks.len(), 1);
        assert!(blocks[0].1.is_none());
    }

    proptest::proptest! {
        #[test]
        fn one_changed_armor_character_is_rejected(at in 0usize..400, shift in 1u8..63) {
            // Guards: the armor checksum catches any one mistyped base64 character of a real key.
            const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let b = body(ED25519);
            let data: Vec<usize> = b
                .char_indices()
                .filter(|(_, c)| c.is_ascii_alphanumeric() || *c == '+' || *c == '/')
                .map(|(i, _)| i)
                .collect();
            // Skip the checksum ("=jesf") and the last character before the "=" padding, whose
            // low bits encode nothing (changing only them leaves the key's bytes as they are).
            let first_eq = b.find('=').unwrap();
            let i = data[at % data.len()];
            proptest::prop_assume!(i + 1 < first_eq);
            let pos = B64.iter().position(|&c| c == b.as_bytes()[i]).unwrap();
            let c = B64[(pos + usize::from(shift)) % 64] as char;
            let mut bad = b.to_string();
            bad.replace_range(i..i + 1, &c.to_string());
            proptest::prop_assert_eq!(parse_key_block(&bad), None);
        }
    }

    #[test]
    fn written_fingerprints_need_shape_or_context() {
        // Guards: grouped fingerprints and ones after "fingerprint" are found; bare hashes are not.
        let t = "PGP fingerprint: 8703 6DB8 A538 FA71 33F3  FBA2 6D12 C554 4775 F104";
        let found = written_fingerprints(t);
        assert_eq!(found[0].2, "87036DB8A538FA7133F3FBA26D12C5544775F104");
        assert_eq!(found[0].1.len(), 50);
        let t = "Fingerprint 8703 6DB8 A538 FA71 33F3 FBA2 6D12 C554 4775 F104.";
        assert_eq!(
            written_fingerprints(t)[0].2,
            "87036DB8A538FA7133F3FBA26D12C5544775F104"
        );
        let t = "my gpg key: 87036db8a538fa7133f3fba26d12c5544775f104";
        assert_eq!(written_fingerprints(t).len(), 1);
        let t = "sha1 of the file 87036db8a538fa7133f3fba26d12c5544775f104";
        assert!(written_fingerprints(t).is_empty());
        let t = "pgp pay 0x87036db8a538fa7133f3fba26d12c5544775f104";
        assert!(written_fingerprints(t).is_empty());
    }
}
