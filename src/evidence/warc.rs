//! The WARC 1.1 export (ISO 28500): a `warcinfo` record, then for each captured page a `request`,
//! a `response` (the raw body as fetched, behind a reconstructed HTTP header) and a `metadata`
//! record (transport, page id, requested URL, armswatch version), then one `metadata` record per
//! listing (its fields, verdict and decisions as JSON). Records are written here with a fixed
//! field order; [`super::verify`] reads them back with the `warc` crate's parser.

use super::{sha256_hex, Builder, ExportListing};
use anyhow::Result;
use armswatch_store::{rfc3339, CaseStore};
use std::collections::BTreeMap;

/// A fresh `<urn:uuid:...>` record id (UUID version 4).
fn record_id() -> Result<String> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).map_err(|e| anyhow::anyhow!("no random numbers: {e}"))?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(format!(
        "<urn:uuid:{}-{}-{}-{}-{}>",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    ))
}

/// One record: the version line, the named fields in order, Content-Length, the block and the
/// two CRLFs that end it. Field values are single-line (CR and LF replaced by spaces).
fn record(fields: &[(&str, String)], block: &[u8]) -> Vec<u8> {
    let mut out = b"WARC/1.1\r\n".to_vec();
    for (k, v) in fields {
        let v: String = v
            .chars()
            .map(|c| if c == '\r' || c == '\n' { ' ' } else { c })
            .collect();
        out.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(
        format!("WARC-Block-Digest: sha256:{}\r\n", sha256_hex(block)).as_bytes(),
    );
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn warc_fields(pairs: &[(&str, String)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (k, v) in pairs {
        let v: String = v
            .chars()
            .map(|c| if c == '\r' || c == '\n' { ' ' } else { c })
            .collect();
        out.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    out
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

/// Writes the WARC export of `listings` into `b`.
pub fn write(
    store: &dyn CaseStore,
    listings: &[ExportListing],
    selection: &str,
    b: &mut Builder,
) -> Result<()> {
    let now = rfc3339(time::OffsetDateTime::now_utc().unix_timestamp());
    let info_id = record_id()?;
    let info = warc_fields(&[
        ("software", format!("armswatch/{}", env!("CARGO_PKG_VERSION"))),
        ("format", "WARC File Format 1.1".into()),
        (
            "conformsTo",
            "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/".into(),
        ),
        ("description", "armswatch evidence export: pages captured from darknet markets, with the listings parsed from them, their verdicts and reviewers' decisions".into()),
        ("selection", selection.to_string()),
        ("listings", listings.len().to_string()),
        ("exported-at", now.clone()),
    ]);
    b.record(
        "warcinfo",
        info_id.clone(),
        None,
        &record(
            &[
                ("WARC-Type", "warcinfo".into()),
                ("WARC-Date", now.clone()),
                ("WARC-Record-ID", info_id.clone()),
                ("Content-Type", "application/warc-fields".into()),
            ],
            &info,
        ),
    );
    // Each page once, even when several listings came from it.
    let mut pages: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for l in listings {
        for p in &l.pages {
            pages.entry(p.id).or_default().push(l.listing.id);
        }
    }
    for (page_id, listing_ids) in pages {
        let Some(p) = store.page(page_id)? else {
            anyhow::bail!("page {page_id} disappeared from the database during the export");
        };
        let date = rfc3339(p.fetched_at);
        let url = url::Url::parse(&p.final_url).ok();
        let host = url
            .as_ref()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_default();
        let path = url
            .as_ref()
            .map(|u| match u.query() {
                Some(q) => format!("{}?{q}", u.path()),
                None => u.path().to_string(),
            })
            .unwrap_or_else(|| "/".into());
        let response_id = record_id()?;
        let request_id = record_id()?;
        let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n");
        b.record(
            "request",
            request_id.clone(),
            Some(p.final_url.clone()),
            &record(
                &[
                    ("WARC-Type", "request".into()),
                    ("WARC-Target-URI", p.final_url.clone()),
                    ("WARC-Date", date.clone()),
                    ("WARC-Record-ID", request_id),
                    ("WARC-Concurrent-To", response_id.clone()),
                    ("WARC-Warcinfo-ID", info_id.clone()),
                    ("Content-Type", "application/http;msgtype=request".into()),
                ],
                request.as_bytes(),
            ),
        );
        let mut http = format!("HTTP/1.1 {} {}\r\n", p.http_status, reason(p.http_status));
        if let Some(ct) = &p.content_type {
            let ct: String = ct.chars().filter(|c| !c.is_control()).collect();
            http.push_str(&format!("Content-Type: {ct}\r\n"));
        }
        http.push_str(&format!("Content-Length: {}\r\n\r\n", p.body.len()));
        let mut block = http.into_bytes();
        block.extend_from_slice(&p.body);
        b.record(
            "response",
            response_id.clone(),
            Some(p.final_url.clone()),
            &record(
                &[
                    ("WARC-Type", "response".into()),
                    ("WARC-Target-URI", p.final_url.clone()),
                    ("WARC-Date", date.clone()),
                    ("WARC-Record-ID", response_id.clone()),
                    ("WARC-Warcinfo-ID", info_id.clone()),
                    ("WARC-Payload-Digest", format!("sha256:{}", p.sha256)),
                    ("Content-Type", "application/http;msgtype=response".into()),
                ],
                &block,
            ),
        );
        let ids: Vec<String> = listing_ids.iter().map(i64::to_string).collect();
        let meta = warc_fields(&[
            ("armswatch-version", env!("CARGO_PKG_VERSION").to_string()),
            ("page-id", page_id.to_string()),
            ("market", p.market.as_str().to_string()),
            ("crawl-run", p.run_id.to_string()),
            ("transport", p.transport.clone()),
            ("requested-url", p.requested_url.clone()),
            ("final-url", p.final_url.clone()),
            ("fetched-at", date.clone()),
            ("http-status", p.http_status.to_string()),
            ("body-sha256", p.sha256.clone()),
            ("body-bytes", p.body.len().to_string()),
            ("page-kind", p.kind.as_str().to_string()),
            ("listing-ids", ids.join(" ")),
            ("http-headers", "reconstructed: armswatch keeps the status, content type and raw body of a response, not its original header lines".into()),
        ]);
        let meta_id = record_id()?;
        b.record(
            "metadata",
            meta_id.clone(),
            Some(p.final_url.clone()),
            &record(
                &[
                    ("WARC-Type", "metadata".into()),
                    ("WARC-Target-URI", p.final_url.clone()),
                    ("WARC-Date", date),
                    ("WARC-Record-ID", meta_id),
                    ("WARC-Refers-To", response_id),
                    ("WARC-Warcinfo-ID", info_id.clone()),
                    ("Content-Type", "application/warc-fields".into()),
                ],
                &meta,
            ),
        );
    }
    for l in listings {
        let id = record_id()?;
        let mut json = serde_json::to_vec_pretty(&l.to_json())?;
        json.push(b'\n');
        b.record(
            "metadata",
            id.clone(),
            Some(l.listing.listing.url.clone()),
            &record(
                &[
                    ("WARC-Type", "metadata".into()),
                    ("WARC-Target-URI", l.listing.listing.url.clone()),
                    ("WARC-Date", now.clone()),
                    ("WARC-Record-ID", id),
                    ("WARC-Warcinfo-ID", info_id.clone()),
                    ("Content-Type", "application/json".into()),
                ],
                &json,
            ),
        );
    }
    Ok(())
}
