//! Bytes to text. The encoding is taken, in this order, from: a byte-order mark (it cannot lie, so it
//! wins as in the WHATWG encoding sniffing rules), the HTTP `Content-Type` charset, a `<meta charset>`
//! or `<meta http-equiv="Content-Type">` in the first 4 KiB, and finally `chardetng` detection
//! (valid UTF-8 is taken as UTF-8). A `<meta>` naming another encoding over a body that is valid
//! UTF-8 with non-ASCII text is not believed: a page saved (or served) as UTF-8 often keeps the
//! old declaration, and text in a legacy encoding is almost never valid UTF-8 by chance. The
//! HTTP charset is believed as given. Undecodable bytes become U+FFFD; decoding never fails.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::sync::OnceLock;

/// How far into the body `<meta charset>` is looked for.
const META_PRESCAN_BYTES: usize = 4096;

/// The charset parameter of a `Content-Type` value, if any (`text/html; charset="windows-1251"`).
pub fn charset_from_content_type(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("charset") {
            let v = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
            (!v.is_empty()).then_some(v)
        } else {
            None
        }
    })
}

fn meta_regex() -> &'static regex::bytes::Regex {
    static RE: OnceLock<regex::bytes::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        regex::bytes::Regex::new(r#"(?i-u)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
            .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    })
}

/// The encoding a `<meta>` tag in the first bytes of the document declares.
pub fn meta_charset(body: &[u8]) -> Option<&'static Encoding> {
    let head = &body[..body.len().min(META_PRESCAN_BYTES)];
    meta_regex()
        .captures_iter(head)
        .filter_map(|c| c.get(1))
        .find_map(|m| Encoding::for_label(m.as_bytes()))
        .map(fix_declared)
}

/// A document cannot declare itself UTF-16 in ASCII (the spec reads that as UTF-8), and
/// `x-user-defined` means windows-1252 for HTML.
fn fix_declared(enc: &'static Encoding) -> &'static Encoding {
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        UTF_8
    } else if enc == encoding_rs::X_USER_DEFINED {
        WINDOWS_1252
    } else {
        enc
    }
}

/// Picks the encoding of a body (see the module documentation for the order).
pub fn sniff_encoding(body: &[u8], content_type: Option<&str>) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(body) {
        return enc;
    }
    if let Some(enc) = content_type
        .and_then(charset_from_content_type)
        .and_then(|label| Encoding::for_label(label.as_bytes()))
    {
        return enc;
    }
    if let Some(enc) = meta_charset(body) {
        let stale = enc != UTF_8 && !body.is_ascii() && std::str::from_utf8(body).is_ok();
        return if stale { UTF_8 } else { enc };
    }
    if std::str::from_utf8(body).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(body, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// Decodes a page body to text (never fails: bad bytes become U+FFFD).
pub fn decode(body: &[u8], content_type: Option<&str>) -> String {
    let enc = sniff_encoding(body, content_type);
    // `decode` strips a BOM of any encoding and otherwise uses `enc`.
    let (text, _, _) = enc.decode(body);
    text.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_charset_windows_1251() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("<p>Пистолет Макарова</p>");
        let text = decode(&bytes, Some("text/html; charset=windows-1251"));
        assert!(text.contains("Пистолет Макарова"), "{text}");
    }

    #[test]
    fn meta_charset_latin1() {
        let mut bytes = b"<html><head><meta charset=\"iso-8859-1\"></head><body>".to_vec();
        bytes.extend_from_slice(&[b'C', b'a', b'f', 0xE9, b' ', 0xA3, b'5']);
        let text = decode(&bytes, Some("text/html"));
        assert!(text.contains("Café £5"), "{text}");
    }

    #[test]
    fn a_stale_meta_charset_over_utf8_text_is_not_believed() {
        // A page saved as UTF-8 that still declares ISO-8859-1 keeps its '฿' and 'é'.
        let bytes = "<meta http-equiv=\"Content-Type\" content=\"text/html;charset=ISO-8859-1\">\
                     <p>฿0.0038 café</p>";
        assert!(decode(bytes.as_bytes(), None).contains("฿0.0038 café"));
    }

    #[test]
    fn meta_http_equiv_charset() {
        let mut bytes =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
                .to_vec();
        bytes.extend_from_slice(&encoding_rs::WINDOWS_1251.encode("Цена").0);
        assert!(decode(&bytes, None).ends_with("Цена"));
    }

    #[test]
    fn bom_wins_and_is_removed() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("ß".as_bytes());
        assert_eq!(decode(&bytes, Some("text/html; charset=windows-1252")), "ß");
    }

    #[test]
    fn broken_utf8_is_lossy() {
        let bytes = b"caf\xC3\xA9 \xFF\xFE ok";
        let text = decode(bytes, Some("text/html; charset=utf-8"));
        assert_eq!(text, "café \u{FFFD}\u{FFFD} ok");
    }

    #[test]
    fn undeclared_cyrillic_is_detected() {
        let sample = "<html><body><p>Продаётся пистолет, патроны и магазины. Доставка по всей России, \
                      оплата биткоином. Цена договорная, пишите в личные сообщения.</p></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(sample);
        let text = decode(&bytes, None);
        assert!(text.contains("пистолет"), "{text}");
    }

    #[test]
    fn charset_parameter_parsing() {
        assert_eq!(
            charset_from_content_type("text/html; charset=\"UTF-8\""),
            Some("UTF-8")
        );
        assert_eq!(charset_from_content_type("text/html"), None);
    }
}
