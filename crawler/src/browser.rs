//! Looking like Tor Browser: the request headers of the current Tor Browser release (15.0, on
//! Firefox ESR 140) for a top-level page load, in its order, with its `Accept-Language` (Tor Browser
//! spoofs `en-US` whatever the system locale) and its user agent (the Windows one every Tor Browser
//! reports since 14.0). Nothing in a request names armswatch.
//!
//! A profile can change any of it: `session.user_agent`, `session.accept_language`, and
//! `session.headers` (a header named like a default one replaces its value in place; an empty value
//! drops it; others are appended). The transports add `Host` first and put `Accept-Encoding` and
//! `Connection` after `Accept-Language`, as Firefox does.

use crate::profile::Session;

/// Tor Browser 15's user agent (Firefox ESR 140 on Windows, as every Tor Browser reports).
pub const TOR_BROWSER_USER_AGENT: &str =
    "Mozilla/5.0 (Windows NT 10.0; rv:140.0) Gecko/20100101 Firefox/140.0";

/// Tor Browser's `Accept` for a document.
pub const TOR_BROWSER_ACCEPT: &str =
    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/// Tor Browser's `Accept-Language` (`privacy.spoof_english`).
pub const TOR_BROWSER_ACCEPT_LANGUAGE: &str = "en-US,en;q=0.5";

/// The headers of a page load, in order, without `Host`, `Accept-Encoding` and `Connection` (the
/// transport's): Tor Browser's, changed by the profile's session if given.
pub fn request_headers(session: Option<&Session>) -> Vec<(String, String)> {
    let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
    let ua = session
        .and_then(|s| s.user_agent.as_deref())
        .unwrap_or(TOR_BROWSER_USER_AGENT);
    let lang = session
        .and_then(|s| s.accept_language.as_deref())
        .unwrap_or(TOR_BROWSER_ACCEPT_LANGUAGE);
    let mut headers = vec![
        pair("User-Agent", ua),
        pair("Accept", TOR_BROWSER_ACCEPT),
        pair("Accept-Language", lang),
    ];
    if let Some(cookie) = session.and_then(|s| s.cookie.as_deref()) {
        headers.push(pair("Cookie", cookie));
    }
    headers.extend([
        pair("Upgrade-Insecure-Requests", "1"),
        pair("Sec-Fetch-Dest", "document"),
        pair("Sec-Fetch-Mode", "navigate"),
        pair("Sec-Fetch-Site", "none"),
        pair("Sec-Fetch-User", "?1"),
        pair("Priority", "u=0, i"),
    ]);
    if let Some(session) = session {
        for (name, value) in &session.headers {
            let existing = headers
                .iter()
                .position(|(k, _)| k.eq_ignore_ascii_case(name));
            match (existing, value.is_empty()) {
                (Some(i), true) => {
                    headers.remove(i);
                }
                (Some(i), false) => headers[i].1 = value.clone(),
                (None, true) => {}
                (None, false) => headers.push((name.clone(), value.clone())),
            }
        }
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the default look: Tor Browser's headers in its order, nothing naming armswatch.
    #[test]
    fn defaults_are_tor_browsers_in_order() {
        let h = request_headers(None);
        let names: Vec<&str> = h.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            names,
            [
                "User-Agent",
                "Accept",
                "Accept-Language",
                "Upgrade-Insecure-Requests",
                "Sec-Fetch-Dest",
                "Sec-Fetch-Mode",
                "Sec-Fetch-Site",
                "Sec-Fetch-User",
                "Priority"
            ]
        );
        assert_eq!(h[0].1, TOR_BROWSER_USER_AGENT);
        assert!(h
            .iter()
            .all(|(k, v)| !format!("{k}{v}").to_ascii_lowercase().contains("armswatch")));
    }

    /// Guards the per-profile overrides: user agent, language, a replaced, a dropped and an added
    /// header, the cookie after Accept-Language.
    #[test]
    fn profile_overrides_in_place() {
        let mut s = Session {
            user_agent: Some("UA/1".into()),
            accept_language: Some("de-DE,de;q=0.5".into()),
            cookie: Some("sid=1".into()),
            ..Session::default()
        };
        s.headers.insert("priority".into(), String::new());
        s.headers
            .insert("Sec-Fetch-Site".into(), "same-origin".into());
        s.headers.insert("X-Extra".into(), "1".into());
        let h = request_headers(Some(&s));
        assert_eq!(h[0], ("User-Agent".into(), "UA/1".into()));
        assert_eq!(h[2].1, "de-DE,de;q=0.5");
        assert_eq!(h[3], ("Cookie".into(), "sid=1".into()));
        assert!(h.iter().all(|(k, _)| k != "Priority"));
        assert!(h.contains(&("Sec-Fetch-Site".into(), "same-origin".into())));
        assert_eq!(h.last().unwrap().0, "X-Extra");
    }
}
