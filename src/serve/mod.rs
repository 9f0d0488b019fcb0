//! `armswatch serve`: the investigators' review workspace, a local web UI over the store.
//!
//! Server-rendered HTML (askama: compile-time checked templates that escape every value), one
//! small script served by the UI itself for keyboard triage, nothing loaded from elsewhere. Every
//! request needs the random access token printed at start (a cookie after the first visit);
//! every response carries a strict Content-Security-Policy, `X-Frame-Options`, no referrer and no
//! caching. Captured pages are shown as escaped text, or as a sanitised copy (ammonia: no scripts,
//! links, forms or remote resources) in a sandboxed iframe whose own CSP forbids scripts and any
//! network; the raw bytes only ever leave as a download.

mod auth;
mod capture;
mod charts;
mod params;
mod views;

use crate::cli::ServeArgs;
use anyhow::{Context, Result};
use armswatch_store::CaseStore;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

/// The policy of every UI page: only the UI's own script, style sheet and frames.
pub const UI_CSP: &str =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                          frame-src 'self'; form-action 'self'; base-uri 'none'; \
                          frame-ancestors 'none'";

/// The policy of a captured page's sanitised copy: a sandbox (no scripts, unique origin), no
/// network at all (inline styles only, images only as data: URLs), framed only by the UI.
pub const CAPTURE_CSP: &str = "sandbox; default-src 'none'; style-src 'unsafe-inline'; \
                               img-src data:; form-action 'none'; base-uri 'none'; \
                               frame-ancestors 'self'";

/// What every handler shares.
pub struct AppState {
    pub store: Arc<dyn CaseStore>,
    /// The access token (hex).
    pub token: String,
    /// The value every form must send back (hex), against cross-site requests.
    pub csrf: String,
    /// The token cookie's name (per port: cookies do not tell ports apart).
    pub cookie: String,
    /// The reviewer given with `--reviewer`, when the UI should not ask.
    pub reviewer: Option<String>,
}

/// An error page.
pub struct AppError {
    status: StatusCode,
    message: String,
}

impl AppError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> AppError {
        AppError {
            status,
            message: message.into(),
        }
    }

    pub fn not_found(what: impl Into<String>) -> AppError {
        AppError::new(StatusCode::NOT_FOUND, what)
    }

    pub fn bad_request(what: impl Into<String>) -> AppError {
        AppError::new(StatusCode::BAD_REQUEST, what)
    }
}

impl From<anyhow::Error> for AppError {
    fn from(e: anyhow::Error) -> AppError {
        tracing::warn!("request failed: {e:#}");
        AppError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}"))
    }
}

impl From<armswatch_store::StoreError> for AppError {
    fn from(e: armswatch_store::StoreError) -> AppError {
        use armswatch_core::{ErrorKind, HasKind};
        let status = if matches!(e, armswatch_store::StoreError::Invalid { .. }) {
            StatusCode::BAD_REQUEST
        } else if e.kind() == ErrorKind::Input {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::INTERNAL_SERVER_ERROR
        };
        AppError::new(status, e.to_string())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        views::error_page(self.status, &self.message)
    }
}

/// Random bytes as hex, from the operating system.
pub fn random_hex(bytes: usize) -> Result<String> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).map_err(|e| anyhow::anyhow!("no random numbers: {e}"))?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

/// Adds the security headers every response carries (a response that set its own CSP keeps it).
pub fn secure(mut res: Response) -> Response {
    let h = res.headers_mut();
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(UI_CSP),
        );
    }
    if !h.contains_key(header::X_FRAME_OPTIONS) {
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    res
}

/// `armswatch serve`.
pub fn run(a: ServeArgs) -> Result<ExitCode> {
    // Reviewers' decisions are written: a SQLite case is opened read-write.
    let store = a.db.open_case(true)?;
    let reviewer = match &a.reviewer {
        Some(r) => Some(
            armswatch_store::check_reviewer(r)
                .map_err(|e| anyhow::anyhow!("--reviewer: {e}"))?
                .to_string(),
        ),
        None => None,
    };
    let chain = store.verify_reviews()?;
    if !chain.is_intact() {
        tracing::warn!(
            broken = chain.broken.len(),
            "the review history does not verify: run `armswatch review verify`"
        );
    }
    let rt = crate::app::runtime()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&a.bind)
            .await
            .with_context(|| format!("listening on {}", a.bind))?;
        let addr: SocketAddr = listener.local_addr()?;
        if !addr.ip().is_loopback() {
            tracing::warn!(
                "listening on {addr}, which is not a loopback address: other machines can reach \
                 the review UI over plain HTTP; the token is all that keeps them out"
            );
        }
        let state = Arc::new(AppState {
            store,
            token: random_hex(32)?,
            csrf: random_hex(32)?,
            cookie: format!("armswatch_token_{}", addr.port()),
            reviewer,
        });
        let host = if addr.ip().is_unspecified() {
            "127.0.0.1".to_string()
        } else if addr.is_ipv6() {
            format!("[{}]", addr.ip())
        } else {
            addr.ip().to_string()
        };
        // A closed stdout (the launcher went away) must not stop the server.
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let _ = writeln!(
            out,
            "armswatch review UI: http://{host}:{}/?token={}\n(open it in a browser on this machine; stop with Ctrl-C)",
            addr.port(),
            state.token
        );
        let _ = out.flush();
        drop(out);
        let app = views::router(state);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                tokio::signal::ctrl_c().await.ok();
            })
            .await
            .context("serving the review UI")?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}
