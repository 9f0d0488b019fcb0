//! Entities in market text: crypto-currency addresses, PGP keys and fingerprints, e-mail addresses,
//! messenger handles and onion addresses, each validated (checksums, key parsing, context words) so
//! that noise does not link two people.
//!
//! Pure functions, no network: [`find_entities`] on plain text (a listing's title or description),
//! [`page_text`] to get the text a reader sees from a page's HTML (lines kept, so PGP armor
//! survives). Each [`Entity`] carries its byte offset in the text it was found in.

mod crypto;
mod handles;
mod onion;
mod pgp;

pub use crypto::{bitcoin_base58, bitcoin_segwit, eip55, ethereum, monero};
pub use onion::{onion_v3, onion_v3_for_key};
pub use pgp::parse_key_block;

use armswatch_core::{Entity, EntityKind};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Most text scanned per call (bytes); the rest of a huge page is ignored.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;

static BTC_BASE58_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[13][1-9A-HJ-NP-Za-km-z]{25,34}\b").expect("valid regex"));
static BTC_SEGWIT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{8,87}\b").expect("valid regex")
});
static XMR_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[48][1-9A-HJ-NP-Za-km-z]{94}(?:[1-9A-HJ-NP-Za-km-z]{11})?\b")
        .expect("valid regex")
});
static ETH_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b0[xX][0-9a-fA-F]{40}\b").expect("valid regex"));
static ONION_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b[a-z2-7]{56}\.onion\b").expect("valid regex"));

/// Every validated entity in `text`, in order of offset; the same value found twice at different
/// places is reported twice. PGP key blocks come with their parsed key, and the e-mail addresses in
/// their user ids are reported at the block's offset.
pub fn find_entities(text: &str) -> Vec<Entity> {
    let mut text = text;
    if text.len() > MAX_TEXT_BYTES {
        let mut cut = MAX_TEXT_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text = &text[..cut];
    }
    let mut out = Vec::new();
    // Key blocks first; their base64 is then blanked so that no address is "found" inside it.
    let blocks = pgp::key_blocks(text);
    let masked: std::borrow::Cow<'_, str> = if blocks.is_empty() {
        text.into()
    } else {
        let mut m = text.to_string();
        for (range, key) in &blocks {
            m.replace_range(range.clone(), &" ".repeat(range.len()));
            let Some(key) = key else { continue };
            let raw = &text[range.clone()];
            out.push(entity(
                EntityKind::PgpFingerprint,
                key.fingerprint.clone(),
                range.start,
                raw,
                Some(key.clone()),
            ));
            for uid in &key.user_ids {
                for (kind, value, _, _) in handles::find(uid) {
                    if kind == EntityKind::Email {
                        out.push(entity(kind, value, range.start, uid, None));
                    }
                }
            }
        }
        m.into()
    };
    let text = masked.as_ref();

    let mut scan = |re: &Regex, kind: EntityKind, validate: fn(&str) -> Option<String>| {
        for m in re.find_iter(text) {
            if let Some(value) = validate(m.as_str()) {
                out.push(entity(kind, value, m.start(), m.as_str(), None));
            }
        }
    };
    scan(&BTC_BASE58_RE, EntityKind::Bitcoin, bitcoin_base58);
    scan(&BTC_SEGWIT_RE, EntityKind::Bitcoin, bitcoin_segwit);
    scan(&XMR_RE, EntityKind::Monero, monero);
    scan(&ETH_RE, EntityKind::Ethereum, ethereum);
    scan(&ONION_RE, EntityKind::Onion, onion_v3);
    for (at, raw, value) in pgp::written_fingerprints(text) {
        out.push(entity(EntityKind::PgpFingerprint, value, at, &raw, None));
    }
    for (kind, value, at, raw) in handles::find(text) {
        // An e-mail address whose domain is an onion service is still an e-mail address.
        out.push(entity(kind, value, at, &raw, None));
    }
    out.sort_by_key(|e| (e.offset, e.kind));
    out
}

/// The distinct (kind, value) pairs of a list of entities, first sighting kept, order kept.
pub fn distinct(entities: Vec<Entity>) -> Vec<Entity> {
    let mut seen = HashSet::new();
    entities
        .into_iter()
        .filter(|e| seen.insert((e.kind, e.value.clone())))
        .collect()
}

fn entity(
    kind: EntityKind,
    value: String,
    offset: usize,
    raw: &str,
    pgp: Option<armswatch_core::PgpKey>,
) -> Entity {
    Entity {
        kind,
        value,
        raw: raw.to_string(),
        offset,
        pgp,
    }
}

/// The text a reader sees on a page (scripts and styles dropped, lines kept), for finding entities
/// anywhere on it. `<pre>` and `<textarea>` content, where PGP keys usually sit, keeps its lines.
pub fn page_text(html: &str) -> String {
    let doc = crate::extract::parse_html(html);
    crate::extract::block_text(doc.root_element())
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = include_str!("testdata/fixture-ed25519.asc");

    #[test]
    fn finds_every_kind_in_a_vendor_text() {
        // Guards: one realistic vendor blurb yields each entity once, validated and normalised.
        let text = format!(
            "Vendor IronWorks. Pay BTC 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 or \
             bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq, XMR \
             44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A \
             ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed.\n\
             Mirror: duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion\n\
             Telegram: @IronWorks_eu  mail iron@proton.me\n{KEY}"
        );
        let found = find_entities(&text);
        let kinds: Vec<(EntityKind, &str)> =
            found.iter().map(|e| (e.kind, e.value.as_str())).collect();
        use EntityKind::*;
        assert_eq!(
            kinds,
            vec![
                (Bitcoin, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"),
                (Bitcoin, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
                (Monero, "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"),
                (Ethereum, "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"),
                (Onion, "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion"),
                (Telegram, "ironworks_eu"),
                (Email, "iron@proton.me"),
                (PgpFingerprint, "87036DB8A538FA7133F3FBA26D12C5544775F104"),
                (Email, "fixture-vendor@example.invalid"),
            ]
        );
        let key = found.iter().find_map(|e| e.pgp.as_ref()).unwrap();
        assert_eq!(key.key_id, "6D12C5544775F104");
        for e in &found {
            if e.pgp.is_none() && e.kind != Email {
                assert_eq!(&text[e.offset..e.offset + e.raw.len()], e.raw);
            }
        }
    }

    #[test]
    fn mistyped_addresses_are_dropped() {
        // Guards: address-shaped noise with a bad checksum links nobody.
        let text = "BTC 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3 ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD \
                    duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczae.onion";
        assert!(find_entities(text).is_empty(), "{:?}", find_entities(text));
    }

    #[test]
    fn key_block_in_html_pre_survives_page_text() {
        // Guards: a key pasted in <pre> on a vendor page parses from the page's text.
        let html = format!(
            "<html><body><h1>IronWorks</h1><pre>{KEY}</pre><script>var x = 1;</script></body></html>"
        );
        let found = find_entities(&page_text(&html));
        assert!(found
            .iter()
            .any(|e| e.value == "87036DB8A538FA7133F3FBA26D12C5544775F104" && e.pgp.is_some()));
        // The same key with its lines joined by <br>-less markup (one paragraph) still parses.
        let joined = KEY.split_whitespace().collect::<Vec<_>>().join(" ");
        let html = format!("<p>{joined}</p>");
        assert!(find_entities(&page_text(&html))
            .iter()
            .any(|e| e.pgp.is_some()));
    }

    #[test]
    fn distinct_keeps_first_sighting() {
        // Guards: distinct() drops repeats of one (kind, value) but keeps the order.
        let text = "t.me/gunsmith_1 and telegram: @GunSmith_1";
        let all = find_entities(text);
        assert_eq!(all.len(), 2);
        let d = distinct(all);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].offset, d[0].raw.as_str()), (5, "gunsmith_1"));
    }

    #[test]
    fn huge_text_is_cut_not_refused() {
        // Guards: a multi-megabyte page is scanned up to the limit without panicking on UTF-8.
        let mut t = "é".repeat(MAX_TEXT_BYTES);
        t.push_str(" 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2");
        assert!(find_entities(&t).is_empty());
    }
}
