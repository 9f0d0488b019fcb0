//! The pages of the review UI: the queue, a listing, the reviewer's name, and the decision form's
//! handler (captured pages are `capture.rs`, the charts page `charts.rs`). Every value reaches HTML
//! through an askama template (escaped).

use super::auth::{self, reviewer_cookie};
use super::params::QueueParams;
use super::{AppError, AppState};
use armswatch_classifier::readable_terms;
use armswatch_core::{Decision, Label, ReviewState};
use armswatch_store::{rfc3339, CaseStore, NewReview, QueueSort};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use std::sync::Arc;

pub(super) type Shared = State<Arc<AppState>>;

/// The UI's routes, all behind the token check.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(queue))
        .route("/listing/{id}", get(listing))
        .route("/listing/{id}/decide", post(decide))
        .route("/page/{id}", get(super::capture::page))
        .route("/page/{id}/render", get(super::capture::page_render))
        .route("/page/{id}/raw", get(super::capture::page_raw))
        .route("/reviewer", get(reviewer_form).post(reviewer_save))
        .route("/charts", get(super::charts::page))
        .route("/charts/chart.svg", get(super::charts::svg))
        .route("/static/app.js", get(app_js))
        .route("/static/app.css", get(app_css))
        .fallback(|| async { AppError::not_found("no such page") })
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::require_token,
        ))
        .with_state(state)
}

/// Runs store work off the async threads.
pub(super) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| AppError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
}

pub(super) fn render(t: &impl Template) -> Result<Response, AppError> {
    let html = t
        .render()
        .map_err(|e| AppError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok(Html(html).into_response())
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTpl<'a> {
    status: String,
    message: &'a str,
}

/// An error as a page (escaped like every page).
pub fn error_page(status: StatusCode, message: &str) -> Response {
    let t = ErrorTpl {
        status: status.to_string(),
        message,
    };
    match t.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => (status, "error").into_response(),
    }
}

fn score(s: f32) -> String {
    format!("{s:.2}")
}

fn label_list(labels: &[Label]) -> String {
    if labels.is_empty() {
        "none".into()
    } else {
        labels
            .iter()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

pub(super) fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "–".into())
}

fn given(v: &Option<String>) -> String {
    v.as_deref().map(str::trim).unwrap_or("").to_string()
}

fn with_ctx(path: &str, ctx: &str, extra: &str) -> String {
    let q: Vec<&str> = [ctx, extra].into_iter().filter(|s| !s.is_empty()).collect();
    if q.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", q.join("&"))
    }
}

/// The banner shown when the review history does not verify.
fn chain_banner(store: &dyn CaseStore) -> Result<Option<String>, AppError> {
    let report = store.verify_reviews()?;
    Ok((!report.is_intact()).then(|| {
        let ids: Vec<String> = report
            .broken
            .iter()
            .map(|b| b.review_id.to_string())
            .collect();
        format!(
            "The decision history has been tampered with: review(s) {} do not verify. Run \
             `armswatch review verify` for details.",
            ids.join(", ")
        )
    }))
}

/// The notice after a decision was saved.
fn saved_notice(store: &dyn CaseStore, saved: Option<i64>) -> Result<Option<String>, AppError> {
    let Some(id) = saved else { return Ok(None) };
    let last = store.reviews_of(id)?.pop();
    Ok(last.map(|r| {
        format!(
            "Saved: listing {id} {} by {} ({}).",
            r.state,
            r.reviewer,
            label_list(&r.labels)
        )
    }))
}

/// An option of a select box.
pub(super) struct Opt {
    pub(super) value: String,
    pub(super) text: String,
    pub(super) selected: bool,
}

pub(super) fn options(current: &str, all: &[(&str, String)]) -> Vec<Opt> {
    all.iter()
        .map(|(v, t)| Opt {
            value: v.to_string(),
            text: t.clone(),
            selected: *v == current,
        })
        .collect()
}

struct RowView {
    id: i64,
    href: String,
    score: String,
    labels: String,
    title: String,
    vendor: Option<String>,
    vendor_href: String,
    price: String,
    market: String,
    first_seen: String,
    state: String,
}

#[derive(Template)]
#[template(path = "queue.html")]
struct QueueTpl {
    reviewer: Option<String>,
    chain_broken: Option<String>,
    notice: Option<String>,
    search: String,
    vendor: String,
    min: String,
    max: String,
    all: bool,
    sorts: Vec<Opt>,
    labels: Vec<Opt>,
    markets: Vec<Opt>,
    states: Vec<Opt>,
    counts: Vec<(String, usize)>,
    rows: Vec<RowView>,
    prev_href: Option<String>,
    next_href: Option<String>,
    csrf: String,
    ctx: String,
}

fn vendor_href(v: &str) -> String {
    let q = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("vendor", v)
        .finish();
    format!("/?{q}")
}

async fn queue(
    State(st): Shared,
    headers: HeaderMap,
    Query(p): Query<QueueParams>,
) -> Result<Response, AppError> {
    let reviewer = auth::reviewer(&st, &headers);
    if reviewer.is_none() {
        return Ok(Redirect::to("/reviewer?next=/").into_response());
    }
    let query = p.query().map_err(AppError::bad_request)?;
    let position = p.position().map_err(AppError::bad_request)?;
    let st2 = st.clone();
    let p2 = p.clone();
    let (page, markets, counts, chain_broken, notice) = blocking(move || {
        let s = &st2.store;
        let page = s.queue(&query, &position)?;
        let markets = s.markets()?;
        let counts = s.queue_state_counts()?;
        Ok((
            page,
            markets,
            counts,
            chain_banner(s.as_ref())?,
            saved_notice(s.as_ref(), p2.saved)?,
        ))
    })
    .await?;
    let ctx = p.ctx();
    let rows = page
        .rows
        .iter()
        .map(|r| RowView {
            id: r.listing_id,
            href: with_ctx(&format!("/listing/{}", r.listing_id), &ctx, ""),
            score: score(r.max_score),
            labels: label_list(&r.labels),
            title: r.title.clone(),
            vendor_href: r.vendor.as_deref().map(vendor_href).unwrap_or_default(),
            vendor: r.vendor.clone(),
            price: opt(&r.price_text),
            market: r.market.as_str().to_string(),
            first_seen: rfc3339(r.first_seen),
            state: r.state.as_str().to_string(),
        })
        .collect();
    let mut sorts = vec![];
    for s in QueueSort::ALL {
        sorts.push((s.as_str(), format!("by {}", s.as_str())));
    }
    let mut labels = vec![("", "any".to_string())];
    for l in Label::ALL {
        labels.push((l.as_str(), l.as_str().to_string()));
    }
    let mut states = vec![("", "any".to_string())];
    for s in ReviewState::ALL {
        states.push((s.as_str(), s.as_str().to_string()));
    }
    let market_ids: Vec<(String, String)> = markets
        .iter()
        .map(|m| (m.id.as_str().to_string(), m.id.as_str().to_string()))
        .collect();
    let mut market_opts = vec![("", "any".to_string())];
    for (id, name) in &market_ids {
        market_opts.push((id.as_str(), name.clone()));
    }
    let t = QueueTpl {
        reviewer,
        chain_broken,
        notice,
        search: given(&p.q),
        vendor: given(&p.vendor),
        min: given(&p.min),
        max: given(&p.max),
        all: p.all.as_deref().is_some_and(|a| !a.is_empty()),
        sorts: options(given(&p.sort).as_str().or_default("score"), &sorts),
        labels: options(&given(&p.label), &labels),
        markets: options(&given(&p.market), &market_opts),
        states: options(&given(&p.state), &states),
        counts: counts
            .into_iter()
            .map(|(s, n)| (s.as_str().to_string(), n))
            .collect(),
        rows,
        prev_href: page
            .prev
            .map(|k| with_ctx("/", &ctx, &format!("before={}", k.encode()))),
        next_href: page
            .next
            .map(|k| with_ctx("/", &ctx, &format!("after={}", k.encode()))),
        csrf: st.csrf.clone(),
        ctx,
    };
    render(&t)
}

/// `""` → a default, for select boxes.
trait OrDefault {
    fn or_default<'a>(&'a self, d: &'a str) -> &'a str;
}

impl OrDefault for str {
    fn or_default<'a>(&'a self, d: &'a str) -> &'a str {
        if self.is_empty() {
            d
        } else {
            self
        }
    }
}

struct LabelView {
    name: &'static str,
    score: String,
    assigned: bool,
    why: Vec<String>,
    against: Vec<String>,
}

struct VerdictView {
    id: i64,
    model: String,
    listing_version: u32,
    created: String,
    labels: Vec<LabelView>,
}

struct ReviewView {
    id: i64,
    at: String,
    reviewer: String,
    state: String,
    labels: String,
    note: String,
    answered: String,
    hash: String,
}

struct PageView {
    id: i64,
    kind: String,
    fetched_at: String,
    requested_url: String,
    final_url: String,
    redirected: bool,
    status: u16,
    content_type: String,
    size: u64,
    sha256: String,
    transport: String,
}

struct VersionView {
    version: u32,
    first_seen: String,
    last_seen: String,
    price: String,
    title: String,
    current: bool,
}

struct VendorView {
    id: i64,
    market: String,
    title: String,
    price: String,
    score: String,
    labels: String,
    state: String,
}

struct LabelBox {
    key: usize,
    name: &'static str,
    checked: bool,
}

#[derive(Template)]
#[template(path = "listing.html")]
struct ListingTpl {
    reviewer: Option<String>,
    chain_broken: Option<String>,
    notice: Option<String>,
    csrf: String,
    ctx: String,
    queue_href: String,
    prev_href: Option<String>,
    next_href: Option<String>,
    id: i64,
    title: String,
    market: String,
    state: String,
    url: String,
    vendor: Option<String>,
    vendor_href: String,
    price: String,
    category: String,
    ships_from: String,
    ships_to: String,
    market_listing_id: String,
    first_seen: String,
    last_seen: String,
    version: u32,
    version_first_seen: String,
    content_sha256: String,
    description: String,
    verdict: Option<VerdictView>,
    history: Vec<ReviewView>,
    pages: Vec<PageView>,
    versions: Vec<VersionView>,
    vendor_listings: Vec<VendorView>,
    label_boxes: Vec<LabelBox>,
}

async fn listing(
    State(st): Shared,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(p): Query<QueueParams>,
) -> Result<Response, AppError> {
    let reviewer = auth::reviewer(&st, &headers);
    let query = p.query().map_err(AppError::bad_request)?;
    let st2 = st.clone();
    let saved = p.saved;
    let data = blocking(move || {
        let s = &st2.store;
        let Some(l) = s.listing(id)? else {
            return Err(AppError::not_found(format!("no listing {id}")));
        };
        let verdict = s.latest_verdict(id)?;
        let history = s.reviews_of(id)?;
        let pages = s.listing_pages(id)?;
        let versions = s.listing_versions(id)?;
        let vendor = match &l.listing.vendor {
            Some(v) => s.same_vendor_listings(v, id, 50)?,
            None => Vec::new(),
        };
        let neighbours = s.queue_neighbours(&query, id)?;
        Ok((
            l,
            verdict,
            history,
            pages,
            versions,
            vendor,
            neighbours,
            chain_banner(s.as_ref())?,
            saved_notice(s.as_ref(), saved)?,
        ))
    })
    .await?;
    let (l, verdict, history, pages, versions, vendor, neighbours, chain_broken, notice) = data;
    let ctx = p.ctx();
    let title = l.listing.title.clone();
    let description = l.listing.description.clone().unwrap_or_default();
    let state = history
        .last()
        .map_or(ReviewState::Unreviewed, |r| r.state)
        .as_str()
        .to_string();
    let model_labels: Vec<Label> = verdict
        .as_ref()
        .map(|v| v.verdict.labels.clone())
        .unwrap_or_default();
    let checked: Vec<Label> = history
        .last()
        .map(|r| r.labels.clone())
        .unwrap_or(model_labels);
    let verdict_view = verdict.as_ref().map(|v| VerdictView {
        id: v.id,
        model: format!("{} {}", v.verdict.model_id, v.verdict.model_version),
        listing_version: v.listing_version,
        created: rfc3339(v.created_at),
        labels: Label::ALL
            .into_iter()
            .map(|label| {
                let terms = v.verdict.explain.get(&label).cloned().unwrap_or_default();
                let readable = readable_terms(&terms, &title, &description, 8, false);
                LabelView {
                    name: label.as_str(),
                    score: score(v.verdict.scores.get(&label).copied().unwrap_or(0.0)),
                    assigned: v.verdict.labels.contains(&label),
                    why: readable
                        .iter()
                        .filter(|r| r.weight > 0.0)
                        .map(|r| format!("{} (+{:.2})", r.text, r.weight))
                        .collect(),
                    against: readable
                        .iter()
                        .filter(|r| r.weight < 0.0)
                        .map(|r| format!("{} ({:.2})", r.text, r.weight))
                        .collect(),
                }
            })
            .collect(),
    });
    let mut version_rows: Vec<VersionView> = versions
        .iter()
        .map(|v| VersionView {
            version: v.version,
            first_seen: rfc3339(v.first_seen),
            last_seen: rfc3339(v.last_seen),
            price: opt(&v.listing.price_text),
            title: v.listing.title.clone(),
            current: false,
        })
        .collect();
    version_rows.push(VersionView {
        version: l.version,
        first_seen: rfc3339(l.version_first_seen),
        last_seen: rfc3339(l.last_seen),
        price: opt(&l.listing.price_text),
        title: title.clone(),
        current: true,
    });
    let (prev, next) = neighbours.unwrap_or((None, None));
    let t = ListingTpl {
        reviewer,
        chain_broken,
        notice,
        csrf: st.csrf.clone(),
        queue_href: with_ctx("/", &ctx, ""),
        prev_href: prev.map(|i| with_ctx(&format!("/listing/{i}"), &ctx, "")),
        next_href: next.map(|i| with_ctx(&format!("/listing/{i}"), &ctx, "")),
        ctx,
        id,
        title: title.clone(),
        market: l.market.as_str().to_string(),
        state,
        url: l.listing.url.clone(),
        vendor_href: l
            .listing
            .vendor
            .as_deref()
            .map(vendor_href)
            .unwrap_or_default(),
        vendor: l.listing.vendor.clone(),
        price: match (
            &l.listing.price_text,
            l.listing.price_amount,
            &l.listing.currency,
        ) {
            (Some(t), Some(a), Some(c)) => format!("{t} ({a} {c})"),
            (t, _, _) => opt(t),
        },
        category: opt(&l.listing.category),
        ships_from: opt(&l.listing.ships_from),
        ships_to: opt(&l.listing.ships_to),
        market_listing_id: opt(&l.listing.market_listing_id),
        first_seen: rfc3339(l.first_seen),
        last_seen: rfc3339(l.last_seen),
        version: l.version,
        version_first_seen: rfc3339(l.version_first_seen),
        content_sha256: l.content_sha256.clone(),
        description,
        verdict: verdict_view,
        history: history
            .iter()
            .map(|r| ReviewView {
                id: r.id,
                at: rfc3339(r.decided_at),
                reviewer: r.reviewer.clone(),
                state: r.state.as_str().to_string(),
                labels: label_list(&r.labels),
                note: r.note.clone(),
                answered: match (&r.model_version, r.verdict_id) {
                    (Some(mv), Some(vid)) => {
                        format!("verdict {vid} ({mv}): {}", label_list(&r.model_labels))
                    }
                    _ => "no verdict".into(),
                },
                hash: r.hash.chars().take(16).collect(),
            })
            .collect(),
        pages: pages
            .iter()
            .map(|p| PageView {
                id: p.id,
                kind: p.kind.as_str().to_string(),
                fetched_at: rfc3339(p.fetched_at),
                redirected: p.requested_url != p.final_url,
                requested_url: p.requested_url.clone(),
                final_url: p.final_url.clone(),
                status: p.http_status,
                content_type: opt(&p.content_type),
                size: p.body_len,
                sha256: p.sha256.clone(),
                transport: p.transport.clone(),
            })
            .collect(),
        versions: version_rows,
        vendor_listings: vendor
            .iter()
            .map(|o| VendorView {
                id: o.listing_id,
                market: o.market.as_str().to_string(),
                title: o.title.clone(),
                price: opt(&o.price_text),
                score: o.max_score.map(score).unwrap_or_else(|| "–".into()),
                labels: label_list(&o.labels),
                state: o.state.map_or("–", |s| s.as_str()).to_string(),
            })
            .collect(),
        label_boxes: Label::ALL
            .into_iter()
            .enumerate()
            .map(|(i, l)| LabelBox {
                key: i + 1,
                name: l.as_str(),
                checked: checked.contains(&l),
            })
            .collect(),
    };
    render(&t)
}

#[derive(Debug, Deserialize)]
struct DecideForm {
    csrf: String,
    decision: String,
    #[serde(default)]
    note: String,
    verdict_id: Option<i64>,
    #[serde(default)]
    ctx: String,
    #[serde(default)]
    back: String,
    l_firearm: Option<String>,
    l_part: Option<String>,
    l_ammunition: Option<String>,
    l_design: Option<String>,
}

/// Refuses a form that did not come from this UI: wrong form token, or a browser saying it was
/// sent from another site.
fn check_form(st: &AppState, headers: &HeaderMap, csrf: &str) -> Result<(), AppError> {
    let cross_site = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v != "same-origin" && v != "none");
    if cross_site || !auth::same(csrf, &st.csrf) {
        return Err(AppError::new(
            StatusCode::FORBIDDEN,
            "this form did not come from this review UI (reload the page and try again)",
        ));
    }
    Ok(())
}

async fn decide(
    State(st): Shared,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Form(f): Form<DecideForm>,
) -> Result<Response, AppError> {
    check_form(&st, &headers, &f.csrf)?;
    let ctx_params = QueueParams::from_ctx(&f.ctx);
    let ctx = ctx_params.ctx();
    let Some(reviewer) = auth::reviewer(&st, &headers) else {
        let next = with_ctx(&format!("/listing/{id}"), &ctx, "");
        let q = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("next", &next)
            .finish();
        return Ok(Redirect::to(&format!("/reviewer?{q}")).into_response());
    };
    let decision = match f.decision.as_str() {
        "confirm" => Decision::Confirm,
        "reject" => Decision::Reject,
        "relabel" => {
            let picked = [
                (Label::Firearm, &f.l_firearm),
                (Label::Part, &f.l_part),
                (Label::Ammunition, &f.l_ammunition),
                (Label::Design, &f.l_design),
            ];
            Decision::Relabel {
                labels: picked
                    .into_iter()
                    .filter(|(_, v)| v.is_some())
                    .map(|(l, _)| l)
                    .collect(),
            }
        }
        other => return Err(AppError::bad_request(format!("unknown decision {other:?}"))),
    };
    let query = ctx_params.query().map_err(AppError::bad_request)?;
    let back_to_queue = f.back == "queue";
    let st2 = st.clone();
    let next = blocking(move || {
        let s = &st2.store;
        s.add_review(&NewReview {
            listing_id: id,
            decision,
            note: f.note,
            reviewer,
            verdict_id: f.verdict_id,
        })?;
        if back_to_queue {
            return Ok(None);
        }
        Ok(s.queue_neighbours(&query, id)?.and_then(|(_, next)| next))
    })
    .await?;
    let saved = format!("saved={id}");
    let to = match next {
        Some(n) => with_ctx(&format!("/listing/{n}"), &ctx, &saved),
        None => with_ctx("/", &ctx, &saved),
    };
    Ok(Redirect::to(&to).into_response())
}

#[derive(Deserialize)]
struct NextParam {
    next: Option<String>,
}

/// A local path to go back to (never another site).
fn local_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_string(),
        _ => "/".to_string(),
    }
}

#[derive(Template)]
#[template(path = "reviewer.html")]
struct ReviewerTpl {
    csrf: String,
    next: String,
    name: String,
    error: Option<String>,
}

async fn reviewer_form(
    State(st): Shared,
    headers: HeaderMap,
    Query(q): Query<NextParam>,
) -> Result<Response, AppError> {
    render(&ReviewerTpl {
        csrf: st.csrf.clone(),
        next: local_next(q.next.as_deref()),
        name: auth::reviewer(&st, &headers).unwrap_or_default(),
        error: None,
    })
}

#[derive(Deserialize)]
struct ReviewerForm {
    csrf: String,
    name: String,
    next: Option<String>,
}

async fn reviewer_save(
    State(st): Shared,
    headers: HeaderMap,
    Form(f): Form<ReviewerForm>,
) -> Result<Response, AppError> {
    check_form(&st, &headers, &f.csrf)?;
    let next = local_next(f.next.as_deref());
    match armswatch_store::check_reviewer(&f.name) {
        Err(e) => {
            let mut res = render(&ReviewerTpl {
                csrf: st.csrf.clone(),
                next,
                name: f.name.clone(),
                error: Some(e),
            })?;
            *res.status_mut() = StatusCode::BAD_REQUEST;
            Ok(res)
        }
        Ok(name) => {
            let mut res = Redirect::to(&next).into_response();
            if let Ok(v) = HeaderValue::from_str(&reviewer_cookie(name)) {
                res.headers_mut().insert(header::SET_COOKIE, v);
            }
            Ok(res)
        }
    }
}

async fn app_js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../../static/app.js"),
    )
        .into_response()
}

async fn app_css() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../../static/app.css"),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_is_always_local() {
        // Guards: the reviewer form cannot redirect to another site.
        assert_eq!(
            local_next(Some("/listing/3?sort=score")),
            "/listing/3?sort=score"
        );
        for bad in [
            "//evil.example/",
            "https://evil.example/",
            "/\\evil",
            "javascript:alert(1)",
        ] {
            assert_eq!(local_next(Some(bad)), "/");
        }
    }
}
