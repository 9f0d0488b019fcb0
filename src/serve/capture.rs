//! A captured page in the review UI: its evidence (UTC time, URLs, SHA-256, transport) with the
//! page as escaped text, a sanitised copy for the sandboxed frame (ammonia: nothing that runs or
//! fetches, served under its own sandbox policy), and the raw bytes as a download only.

use super::views::{blocking, opt, render, Shared};
use super::{AppError, CAPTURE_CSP};
use armswatch_store::rfc3339;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};

/// The most bytes of a captured page shown as text.
const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;

#[derive(Template)]
#[template(path = "page.html")]
struct PageTpl {
    id: i64,
    listings: Vec<i64>,
    fetched_at: String,
    final_url: String,
    requested_url: String,
    status: u16,
    content_type: String,
    size: usize,
    sha256: String,
    transport: String,
    market: String,
    run_id: i64,
    renderable: bool,
    truncated: bool,
    shown: usize,
    text: String,
}

fn is_html(content_type: Option<&str>, body: &[u8]) -> bool {
    match content_type {
        Some(ct) => {
            let ct = ct.to_ascii_lowercase();
            ct.contains("html")
        }
        None => {
            let head = String::from_utf8_lossy(&body[..body.len().min(512)]).to_ascii_lowercase();
            head.contains("<html") || head.contains("<!doctype html")
        }
    }
}

fn is_text(content_type: Option<&str>) -> bool {
    content_type.is_none_or(|ct| {
        let ct = ct.to_ascii_lowercase();
        ct.starts_with("text/") || ct.contains("html") || ct.contains("xml") || ct.contains("json")
    })
}

/// `GET /page/{id}`: the evidence of a captured page and its text.
pub async fn page(State(st): Shared, Path(id): Path<i64>) -> Result<Response, AppError> {
    let st2 = st.clone();
    let (p, listings) = blocking(move || {
        let Some(p) = st2.store.page(id)? else {
            return Err(AppError::not_found(format!("no page {id}")));
        };
        let listings = st2.store.page_listings(id)?;
        Ok((p, listings))
    })
    .await?;
    let text_ok = is_text(p.content_type.as_deref());
    let shown = p.body.len().min(MAX_TEXT_BYTES);
    let t = PageTpl {
        id,
        listings,
        fetched_at: rfc3339(p.fetched_at),
        final_url: p.final_url.clone(),
        requested_url: p.requested_url.clone(),
        status: p.http_status,
        content_type: opt(&p.content_type),
        size: p.body.len(),
        sha256: p.sha256.clone(),
        transport: p.transport.clone(),
        market: p.market.as_str().to_string(),
        run_id: p.run_id,
        renderable: is_html(p.content_type.as_deref(), &p.body),
        truncated: shown < p.body.len(),
        shown,
        text: if text_ok {
            String::from_utf8_lossy(&p.body[..shown]).into_owned()
        } else {
            format!(
                "(binary content, {} bytes: download it to look at it)",
                p.body.len()
            )
        },
    };
    render(&t)
}

/// Scripts, styles, event handlers, links, forms, frames and every URL removed: what is left
/// cannot run or fetch anything even outside the sandbox.
pub fn sanitise(html: &str) -> String {
    let clean = ammonia::Builder::default()
        .url_schemes(std::collections::HashSet::new())
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(None)
        .clean(html)
        .to_string();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>captured page</title></head>\
         <body>{clean}</body></html>"
    )
}

/// `GET /page/{id}/render`: the sanitised copy shown in the sandboxed frame.
pub async fn page_render(State(st): Shared, Path(id): Path<i64>) -> Result<Response, AppError> {
    let st2 = st.clone();
    let p = blocking(move || {
        st2.store
            .page(id)?
            .ok_or_else(|| AppError::not_found(format!("no page {id}")))
    })
    .await?;
    if !is_html(p.content_type.as_deref(), &p.body) {
        return Err(AppError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "only HTML pages have a rendered copy; see the source text",
        ));
    }
    let html = sanitise(&String::from_utf8_lossy(&p.body));
    let mut res = Html(html).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CAPTURE_CSP),
    );
    h.insert(
        header::X_FRAME_OPTIONS,
        HeaderValue::from_static("SAMEORIGIN"),
    );
    Ok(res)
}

/// `GET /page/{id}/raw`: the captured bytes, as a download.
pub async fn page_raw(State(st): Shared, Path(id): Path<i64>) -> Result<Response, AppError> {
    let st2 = st.clone();
    let p = blocking(move || {
        st2.store
            .page(id)?
            .ok_or_else(|| AppError::not_found(format!("no page {id}")))
    })
    .await?;
    let mut res = p.body.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"armswatch-page-{id}-{}.raw\"",
        &p.sha256[..p.sha256.len().min(12)]
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CAPTURE_CSP),
    );
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitised_copy_keeps_text_and_drops_everything_active() {
        // Guards: scripts, handlers, styles, links, images, forms, frames, meta refresh and base
        // are gone from the rendered copy; the text stays.
        let html = r#"<html><head><meta http-equiv="refresh" content="0;url=http://x.onion/">
            <base href="http://x.onion/"><style>body{background:url(http://x/a)}</style></head>
            <body onload="alert(1)"><h1>Glock 19</h1><script>alert(2)</script>
            <a href="http://x.onion/buy">buy</a><img src="http://x/i.png" onerror="alert(3)">
            <form action="http://x/"><input name=a></form><iframe src="http://x/"></iframe>
            <svg onload="alert(4)"></svg><p style="background:url(http://x/b)">text</p></body></html>"#;
        let out = sanitise(html);
        for gone in [
            "script", "onload", "onerror", "http://", "refresh", "<base", "<style", "<form",
            "<iframe", "style=", "<svg",
        ] {
            assert!(!out.contains(gone), "{gone} survived: {out}");
        }
        assert!(out.contains("Glock 19") && out.contains("buy") && out.contains("text"));
    }
}
