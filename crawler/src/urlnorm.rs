//! URL normalisation, so one page has one URL in the frontier and one listing one canonical URL:
//! no fragment, no default port, lower-case host, sorted query, session-id parameters dropped.

use url::Url;

/// Query parameters that carry a session, not content; dropped so that they do not multiply URLs
/// (and never end up in stored listing URLs).
const SESSION_PARAMS: &[&str] = &["phpsessid", "sid", "sessionid", "session_id", "jsessionid"];

/// Normalises an absolute URL. Returns `None` for schemes other than http and https.
pub fn normalize(url: &Url) -> Option<Url> {
    if url.scheme() != "http" && url.scheme() != "https" {
        return None;
    }
    url.host_str()?;
    let mut u = url.clone();
    u.set_fragment(None);
    if u.port() == default_port(u.scheme()) {
        // `set_port` only fails for URLs that cannot have a port; http(s) always can.
        let _ = u.set_port(None);
    }
    let mut pairs: Vec<(String, String)> = u
        .query_pairs()
        .filter(|(k, _)| !SESSION_PARAMS.contains(&k.to_ascii_lowercase().as_str()))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if pairs.is_empty() {
        u.set_query(None);
    } else {
        pairs.sort();
        u.query_pairs_mut().clear().extend_pairs(pairs);
    }
    if u.path().is_empty() {
        u.set_path("/");
    }
    Some(u)
}

/// Resolves `href` against `base` and normalises it.
pub fn resolve(base: &Url, href: &str) -> Option<Url> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    base.join(href).ok().and_then(|u| normalize(&u))
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" => Some(80),
        "https" => Some(443),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize(&Url::parse(s).unwrap()).unwrap().to_string()
    }

    #[test]
    fn drops_fragment_port_and_session_and_sorts_query() {
        assert_eq!(
            n("HTTP://Example.ONION:80/a?b=2&a=1&PHPSESSID=x#top"),
            "http://example.onion/a?a=1&b=2"
        );
        assert_eq!(n("http://h/x?sid=1"), "http://h/x");
    }

    #[test]
    fn only_http_and_https() {
        assert!(normalize(&Url::parse("ftp://h/x").unwrap()).is_none());
        assert!(normalize(&Url::parse("mailto:a@b").unwrap()).is_none());
    }

    #[test]
    fn resolves_relative_links() {
        let base = Url::parse("http://m.onion/listings/page/2").unwrap();
        assert_eq!(
            resolve(&base, "../../listing/7").unwrap().as_str(),
            "http://m.onion/listing/7"
        );
        assert!(resolve(&base, "#x").is_none());
        assert!(resolve(&base, "javascript:alert(1)").is_none());
    }
}
