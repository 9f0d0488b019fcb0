//! Evidence exports: the selected listings with their captured pages, verdicts and decisions, as
//! WARC (ISO 28500), CSV, JSON lines or a MISP event, each with a manifest beside it
//! (`EXPORT.manifest.json`) that lists every record's byte range and SHA-256 and the export's own
//! SHA-256; [`verify`] re-checks them and names each record that fails.

pub mod formats;
pub mod verify;
pub mod warc;

use anyhow::{Context, Result};
use armswatch_classifier::readable_terms;
use armswatch_store::{
    rfc3339, CaseStore, ListingVersion, PageMeta, Review, StoredListing, StoredVerdict,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The manifest format's version.
pub const MANIFEST_VERSION: u32 = 1;

/// One listing and everything an export says about it.
pub struct ExportListing {
    pub listing: StoredListing,
    pub verdict: Option<StoredVerdict>,
    pub reviews: Vec<Review>,
    pub pages: Vec<PageMeta>,
    pub versions: Vec<ListingVersion>,
}

impl ExportListing {
    /// Reads listing `id` with its evidence; `None` when there is no such listing.
    pub fn load(store: &dyn CaseStore, id: i64) -> Result<Option<ExportListing>> {
        let Some(listing) = store.listing(id)? else {
            return Ok(None);
        };
        Ok(Some(ExportListing {
            verdict: store.latest_verdict(id)?,
            reviews: store.reviews_of(id)?,
            pages: store.listing_pages(id)?,
            versions: store.listing_versions(id)?,
            listing,
        }))
    }

    /// The listing as one JSON object (JSON lines, WARC metadata).
    pub fn to_json(&self) -> serde_json::Value {
        let l = &self.listing;
        let title = &l.listing.title;
        let description = l.listing.description.as_deref().unwrap_or("");
        let latest = self.reviews.last();
        json!({
            "listing_id": l.id,
            "market": l.market.as_str(),
            "url": l.listing.url,
            "market_listing_id": l.listing.market_listing_id,
            "title": title,
            "description": l.listing.description,
            "vendor": l.listing.vendor,
            "price_text": l.listing.price_text,
            "price_amount": l.listing.price_amount,
            "currency": l.listing.currency,
            "category": l.listing.category,
            "ships_from": l.listing.ships_from,
            "ships_to": l.listing.ships_to,
            "version": l.version,
            "content_sha256": l.content_sha256,
            "first_seen": rfc3339(l.first_seen),
            "last_seen": rfc3339(l.last_seen),
            "verdict": self.verdict.as_ref().map(|v| json!({
                "verdict_id": v.id,
                "model": format!("{}@{}", v.verdict.model_id, v.verdict.model_version),
                "listing_version": v.listing_version,
                "labels": v.verdict.labels,
                "scores": v.verdict.scores,
                "why": v.verdict.explain.iter().map(|(label, terms)| {
                    let words: Vec<String> = readable_terms(terms, title, description, 6, true)
                        .into_iter().map(|r| r.text).collect();
                    (label.as_str().to_string(), json!(words))
                }).collect::<serde_json::Map<_, _>>(),
                "judged_at": rfc3339(v.created_at),
            })),
            "review_state": latest.map_or("unreviewed", |r| r.state.as_str()),
            "review_labels": latest.map(|r| &r.labels),
            "reviews": self.reviews.iter().map(|r| json!({
                "review_id": r.id,
                "state": r.state,
                "labels": r.labels,
                "note": r.note,
                "reviewer": r.reviewer,
                "decided_at": rfc3339(r.decided_at),
                "listing_version": r.listing_version,
                "verdict_id": r.verdict_id,
                "model_version": r.model_version,
                "model_labels": r.model_labels,
                "hash": r.hash,
                "prev_hash": r.prev_hash,
            })).collect::<Vec<_>>(),
            "pages": self.pages.iter().map(|p| json!({
                "page_id": p.id,
                "url": p.final_url,
                "requested_url": p.requested_url,
                "fetched_at": rfc3339(p.fetched_at),
                "http_status": p.http_status,
                "content_type": p.content_type,
                "bytes": p.body_len,
                "sha256": p.sha256,
                "transport": p.transport,
            })).collect::<Vec<_>>(),
            "versions": self.versions.iter().map(|v| json!({
                "version": v.version,
                "title": v.listing.title,
                "price_text": v.listing.price_text,
                "first_seen": rfc3339(v.first_seen),
                "last_seen": rfc3339(v.last_seen),
                "content_sha256": v.content_sha256,
            })).collect::<Vec<_>>(),
        })
    }
}

/// One record of an export, as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestRecord {
    /// Position in the export, from 0.
    pub index: usize,
    /// What it is: a WARC record type (`warcinfo`, `request`, `response`, `metadata`), `header`,
    /// `listing` or `event`.
    pub kind: String,
    /// Its id: the WARC-Record-ID, or `listing N`.
    pub id: String,
    /// The URL it is about, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    pub offset: u64,
    pub length: u64,
    /// SHA-256 of the record's bytes.
    pub sha256: String,
}

/// The manifest written beside an export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub armswatch_manifest: u32,
    pub format: String,
    /// The export's file name (the manifest sits beside it).
    pub export: String,
    pub export_bytes: u64,
    /// SHA-256 of the whole export file.
    pub export_sha256: String,
    pub created_at: String,
    pub armswatch_version: String,
    pub selection: String,
    pub listings: usize,
    pub records: Vec<ManifestRecord>,
}

/// The manifest's path for an export.
pub fn manifest_path(export: &Path) -> PathBuf {
    let mut s = export.as_os_str().to_owned();
    s.push(".manifest.json");
    PathBuf::from(s)
}

/// An export being built: its bytes and the records among them.
#[derive(Default)]
pub struct Builder {
    pub buf: Vec<u8>,
    pub records: Vec<ManifestRecord>,
}

impl Builder {
    /// Appends bytes that belong to no record (JSON punctuation).
    pub fn glue(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Appends one record.
    pub fn record(&mut self, kind: &str, id: String, target: Option<String>, bytes: &[u8]) {
        self.records.push(ManifestRecord {
            index: self.records.len(),
            kind: kind.to_string(),
            id,
            target,
            offset: self.buf.len() as u64,
            length: bytes.len() as u64,
            sha256: sha256_hex(bytes),
        });
        self.buf.extend_from_slice(bytes);
    }

    /// Writes the export and its manifest (each through a temporary file, so a failed write
    /// leaves no half export behind). Returns the manifest.
    pub fn finish(
        self,
        out: &Path,
        format: &str,
        selection: &str,
        listings: usize,
    ) -> Result<Manifest> {
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let manifest = Manifest {
            armswatch_manifest: MANIFEST_VERSION,
            format: format.to_string(),
            export: name,
            export_bytes: self.buf.len() as u64,
            export_sha256: sha256_hex(&self.buf),
            created_at: rfc3339(time::OffsetDateTime::now_utc().unix_timestamp()),
            armswatch_version: env!("CARGO_PKG_VERSION").to_string(),
            selection: selection.to_string(),
            listings,
            records: self.records,
        };
        write_atomic(out, &self.buf)?;
        let mut m = serde_json::to_vec_pretty(&manifest)?;
        m.push(b'\n');
        write_atomic(&manifest_path(out), &m)?;
        Ok(manifest)
    }
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".partial");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex_lower(&Sha256::digest(bytes))
}

fn hex_lower(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
