//! The access token (query parameter once, then an HttpOnly, SameSite=Strict cookie), the form
//! token against cross-site posts, and the reviewer's name (asked once, kept in a cookie).

use super::{secure, AppState};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The reviewer cookie's name.
pub const REVIEWER_COOKIE: &str = "armswatch_reviewer";

/// Compares two strings in time that depends only on their lengths.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A cookie's value from the request headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The reviewer: `--reviewer`, else the cookie.
pub fn reviewer(state: &AppState, headers: &HeaderMap) -> Option<String> {
    if let Some(r) = &state.reviewer {
        return Some(r.clone());
    }
    let raw = cookie(headers, REVIEWER_COOKIE)?;
    let name: String = url::form_urlencoded::parse(format!("n={raw}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())?;
    armswatch_store::check_reviewer(&name)
        .ok()
        .map(str::to_string)
}

/// The Set-Cookie value that remembers the reviewer for a year.
pub fn reviewer_cookie(name: &str) -> String {
    let enc: String = url::form_urlencoded::byte_serialize(name.as_bytes()).collect();
    format!("{REVIEWER_COOKIE}={enc}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000")
}

fn refused() -> Response {
    let body = "armswatch: this review UI needs the access token. Open the address that \
                `armswatch serve` printed when it started (it ends in ?token=...).\n";
    let mut res = (StatusCode::UNAUTHORIZED, body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    res
}

/// Lets a request through only with the token (cookie, or `?token=` which sets the cookie and
/// redirects to the same address without it), and adds the security headers to every answer.
pub async fn require_token(
    State(state): State<Arc<AppState>>,
    req: Request<Body>,
    next: Next,
) -> Response {
    let uri = req.uri().clone();
    let query_token = uri.query().and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "token")
            .map(|(_, v)| v.into_owned())
    });
    if let Some(t) = query_token {
        if !same(&t, &state.token) {
            return secure(refused());
        }
        let rest: Vec<(String, String)> = uri
            .query()
            .map(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .filter(|(k, _)| k != "token")
                    .map(|(k, v)| (k.into_owned(), v.into_owned()))
                    .collect()
            })
            .unwrap_or_default();
        let mut location = uri.path().to_string();
        if !rest.is_empty() {
            location.push('?');
            location.push_str(
                &url::form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(rest)
                    .finish(),
            );
        }
        let mut res = Response::new(Body::empty());
        *res.status_mut() = StatusCode::SEE_OTHER;
        let set = format!(
            "{}={}; Path=/; HttpOnly; SameSite=Strict",
            state.cookie, state.token
        );
        if let (Ok(loc), Ok(set)) = (
            HeaderValue::from_str(&location),
            HeaderValue::from_str(&set),
        ) {
            res.headers_mut().insert(header::LOCATION, loc);
            res.headers_mut().insert(header::SET_COOKIE, set);
        }
        return secure(res);
    }
    let ok = cookie(req.headers(), &state.cookie).is_some_and(|c| same(c, &state.token));
    if !ok {
        return secure(refused());
    }
    secure(next.run(req).await)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_by_exact_name() {
        // Guards: a similarly named cookie is not taken for the token cookie.
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("armswatch_token_1x=bad; armswatch_token_1=good"),
        );
        assert_eq!(cookie(&h, "armswatch_token_1"), Some("good"));
        assert_eq!(cookie(&h, "armswatch_token"), None);
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("abc", "ab"));
    }

    #[test]
    fn reviewer_cookie_round_trips_any_name() {
        // Guards: names with spaces, accents and separators survive the cookie.
        let set = reviewer_cookie("Ana María; O'Neil");
        let value = set.split(';').next().unwrap();
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_str(value).unwrap());
        let state = AppState {
            store: std::sync::Arc::new(armswatch_store::Store::open_in_memory().unwrap()),
            token: "t".into(),
            csrf: "c".into(),
            cookie: "k".into(),
            reviewer: None,
        };
        assert_eq!(reviewer(&state, &h).as_deref(), Some("Ana María; O'Neil"));
    }
}
