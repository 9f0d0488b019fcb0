//! Contact handles: e-mail addresses and messenger ids (Telegram, Wickr, Session, Signal, Jabber,
//! Threema).
//!
//! A handle is only taken after its messenger's name ("telegram: @gunsmith", "wickr me - ironman",
//! "t.me/gunsmith"), since a bare word could be anything; Session ids (66 hex digits starting with
//! `05`) and e-mail addresses are recognised by their shape. Values are normalised so that two
//! spellings of one handle are one entity: lower-case, no leading `@`.

use armswatch_core::EntityKind;
use regex::Regex;
use std::sync::LazyLock;

/// (kind, value, byte offset, as written).
pub(crate) type Found = (EntityKind, String, usize, String);

/// Separator between a messenger's name and the handle: `:`, `=`, `-`, or a space before `@`.
const SEP: &str = r"(?:\s*(?:id|me|username|user|handle|name))?(?:\s*[:=\-–]+\s*@?|\s+@|@)\s*";

fn keyed(keyword: &str, handle: &str) -> Regex {
    Regex::new(&format!(r"(?i)\b(?:{keyword}){SEP}(?-i:({handle}))")).expect("valid regex")
}

static TELEGRAM_RE: LazyLock<Regex> =
    LazyLock::new(|| keyed("telegram|tg", "[A-Za-z][A-Za-z0-9_]{4,31}"));
static TELEGRAM_LINK_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://)?(?:t\.me|telegram\.me)/@?([A-Za-z][A-Za-z0-9_]{4,31})\b")
        .expect("valid regex")
});
static WICKR_RE: LazyLock<Regex> =
    LazyLock::new(|| keyed("wickr", "[A-Za-z0-9][A-Za-z0-9._\\-]{3,31}"));
static THREEMA_RE: LazyLock<Regex> = LazyLock::new(|| keyed("threema", r"[A-Za-z0-9*]{8}\b"));
static SIGNAL_RE: LazyLock<Regex> = LazyLock::new(|| {
    keyed(
        "signal",
        r"\+?[0-9][0-9 \-]{6,16}[0-9]|[A-Za-z][A-Za-z0-9_]{2,31}\.[0-9]{2,9}\b",
    )
});
static JABBER_RE: LazyLock<Regex> = LazyLock::new(|| {
    keyed(
        "jabber|xmpp|jid",
        r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+",
    )
});
static SESSION_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b05[0-9a-fA-F]{64}\b").expect("valid regex"));
static EMAIL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}\b")
        .expect("valid regex")
});

/// Words a keyed regex may catch as a "handle" that are ordinary words after a messenger's name
/// ("telegram - contact me", "wickr: available on request").
const STOP_WORDS: &[&str] = &[
    "contact",
    "message",
    "available",
    "request",
    "only",
    "please",
    "channel",
    "group",
    "support",
    "account",
    "below",
    "above",
    "here",
    "there",
];

/// Every handle and e-mail address in `text`.
pub(crate) fn find(text: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut keyed_spans: Vec<std::ops::Range<usize>> = Vec::new();
    let push_group = |re: &Regex, kind: EntityKind, norm: fn(&str) -> Option<String>| {
        let mut v = Vec::new();
        for c in re.captures_iter(text) {
            let Some(g) = c.get(1) else { continue };
            let raw = g.as_str().trim_end_matches(['.', '-', '_']);
            if STOP_WORDS.contains(&raw.to_ascii_lowercase().as_str()) {
                continue;
            }
            if let Some(value) = norm(raw) {
                v.push((kind, value, g.start(), raw.to_string()));
            }
        }
        v
    };
    let lower = |s: &str| Some(s.trim_start_matches('@').to_ascii_lowercase());
    let mut groups = Vec::new();
    groups.extend(push_group(&TELEGRAM_RE, EntityKind::Telegram, lower));
    groups.extend(push_group(&TELEGRAM_LINK_RE, EntityKind::Telegram, lower));
    groups.extend(push_group(&WICKR_RE, EntityKind::Wickr, lower));
    groups.extend(push_group(&THREEMA_RE, EntityKind::Threema, |s| {
        Some(s.to_ascii_uppercase())
    }));
    groups.extend(push_group(&SIGNAL_RE, EntityKind::Signal, signal_value));
    groups.extend(push_group(&JABBER_RE, EntityKind::Jabber, lower));
    for (kind, value, at, raw) in groups {
        keyed_spans.push(at..at + raw.len());
        out.push((kind, value, at, raw));
    }
    for m in SESSION_RE.find_iter(text) {
        out.push((
            EntityKind::Session,
            m.as_str().to_ascii_lowercase(),
            m.start(),
            m.as_str().to_string(),
        ));
    }
    for m in EMAIL_RE.find_iter(text) {
        // An address after "jabber:" is a Jabber id, already taken.
        if keyed_spans
            .iter()
            .any(|s| s.start <= m.start() && m.start() < s.end)
        {
            continue;
        }
        out.push((
            EntityKind::Email,
            m.as_str().to_ascii_lowercase(),
            m.start(),
            m.as_str().to_string(),
        ));
    }
    out
}

/// A Signal phone number as `+` and digits, or a username lower-case.
fn signal_value(raw: &str) -> Option<String> {
    if raw.contains('.') {
        return Some(raw.to_ascii_lowercase());
    }
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 7).then(|| {
        if raw.starts_with('+') {
            format!("+{digits}")
        } else {
            digits
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    fn kinds(text: &str) -> Vec<(EntityKind, String)> {
        let mut v: Vec<_> = find(text).into_iter().map(|f| (f.0, f.1)).collect();
        v.sort();
        v
    }

    #[test]
    fn messenger_handles_after_their_names() {
        // Guards: the usual ways vendors write handles are found and normalised.
        assert_eq!(
            kinds("Contact: Telegram: @GunSmith_77, wickr me - iron.man, threema ID: AB12CD34"),
            vec![
                (Telegram, "gunsmith_77".into()),
                (Wickr, "iron.man".into()),
                (Threema, "AB12CD34".into()),
            ]
        );
        assert_eq!(
            kinds("write me t.me/GunSmith_77 or https://telegram.me/other_guy"),
            vec![
                (Telegram, "gunsmith_77".into()),
                (Telegram, "other_guy".into())
            ]
        );
        assert_eq!(
            kinds("signal: +44 7700 900123; Signal @dealer.42"),
            vec![
                (Signal, "+447700900123".into()),
                (Signal, "dealer.42".into())
            ]
        );
    }

    #[test]
    fn jabber_is_not_also_an_email() {
        // Guards: an address after "jabber:" is a Jabber id only; other addresses are e-mails.
        assert_eq!(
            kinds("jabber: Seller@Xmpp.Example.org  mail seller@proton.me"),
            vec![
                (Email, "seller@proton.me".into()),
                (Jabber, "seller@xmpp.example.org".into()),
            ]
        );
    }

    #[test]
    fn session_ids_by_shape() {
        // Guards: a 66-digit id starting with 05 is a Session id; 64 hex digits (a hash) are not.
        let id = format!("05{}", "ab".repeat(32));
        assert_eq!(kinds(&format!("session {id}")), vec![(Session, id.clone())]);
        assert!(kinds(&"ab".repeat(32)).is_empty());
    }

    #[test]
    fn ordinary_words_are_not_handles() {
        // Guards: prose around a messenger's name gives no handle.
        assert!(kinds("we use telegram for updates, wickr is available on request").is_empty());
        assert!(kinds("Telegram - contact support").is_empty());
        assert!(kinds("a signal flare, 12 gauge").is_empty());
    }
}
