//! `armswatch verify`: re-checks an export against its manifest (the whole file's SHA-256, each
//! record's SHA-256 by byte range) and, for WARC, every record's own digests read back with the
//! `warc` crate; names each record that fails.

use super::{manifest_path, sha256_hex, Manifest, ManifestRecord};
use anyhow::{Context, Result};
use serde::Serialize;
use std::io::BufReader;
use std::path::Path;

/// One failed check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The record it is about (none for the file as a whole).
    pub record: Option<ManifestRecord>,
    pub problem: String,
}

/// The result of verifying an export.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    pub format: String,
    pub records: usize,
    pub export_sha256: String,
    pub problems: Vec<Problem>,
}

impl VerifyReport {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks `export` against its manifest (`manifest`, else `EXPORT.manifest.json`).
pub fn verify(export: &Path, manifest: Option<&Path>) -> Result<VerifyReport> {
    let mpath = manifest.map_or_else(|| manifest_path(export), Path::to_path_buf);
    let mbytes = std::fs::read(&mpath).with_context(|| {
        format!(
            "reading the manifest {} (it is written beside the export)",
            mpath.display()
        )
    })?;
    let m: Manifest = serde_json::from_slice(&mbytes)
        .with_context(|| format!("{} is not an armswatch export manifest", mpath.display()))?;
    let data = std::fs::read(export).with_context(|| format!("reading {}", export.display()))?;
    let mut problems = Vec::new();
    let actual = sha256_hex(&data);
    if actual != m.export_sha256 {
        problems.push(Problem {
            record: None,
            problem: format!(
                "the file's SHA-256 is {actual}, the manifest says {}",
                m.export_sha256
            ),
        });
    }
    if data.len() as u64 != m.export_bytes {
        problems.push(Problem {
            record: None,
            problem: format!(
                "the file has {} bytes, the manifest says {}",
                data.len(),
                m.export_bytes
            ),
        });
    }
    let mut expected_offset = 0u64;
    for r in &m.records {
        let mut issues: Vec<String> = Vec::new();
        if m.format == "warc" && r.offset != expected_offset {
            issues.push(format!(
                "does not follow the record before it (expected offset {expected_offset})"
            ));
        }
        expected_offset = r.offset + r.length;
        let end = r.offset.checked_add(r.length);
        let slice = end
            .filter(|e| *e <= data.len() as u64)
            .map(|e| &data[r.offset as usize..e as usize]);
        match slice {
            None => issues.push("is missing: the file ends before it".into()),
            Some(bytes) => {
                if sha256_hex(bytes) != r.sha256 {
                    issues.push("its bytes do not match their SHA-256 in the manifest".into());
                }
                if m.format == "warc" {
                    issues.extend(check_warc_record(bytes, r));
                }
            }
        }
        if !issues.is_empty() {
            problems.push(Problem {
                record: Some(r.clone()),
                problem: issues.join("; "),
            });
        }
    }
    if m.format == "warc" && expected_offset != data.len() as u64 && problems.is_empty() {
        problems.push(Problem {
            record: None,
            problem: format!(
                "{} bytes after the last record",
                data.len() as u64 - expected_offset
            ),
        });
    }
    Ok(VerifyReport {
        format: m.format,
        records: m.records.len(),
        export_sha256: actual,
        problems,
    })
}

/// Reads one WARC record with the `warc` crate and checks its type, id and digests.
fn check_warc_record(bytes: &[u8], r: &ManifestRecord) -> Vec<String> {
    use warc::WarcHeader;
    let mut out = Vec::new();
    let reader = warc::WarcReader::new(BufReader::new(bytes));
    let rec = match reader.iter_records().next() {
        Some(Ok(rec)) => rec,
        Some(Err(e)) => return vec![format!("cannot be read as a WARC record ({e})")],
        None => return vec!["cannot be read as a WARC record (empty)".into()],
    };
    if rec.warc_id() != r.id {
        out.push(format!(
            "its WARC-Record-ID is {}, the manifest says {}",
            rec.warc_id(),
            r.id
        ));
    }
    if rec.warc_type().to_string() != r.kind {
        out.push(format!(
            "its WARC-Type is {}, the manifest says {}",
            rec.warc_type(),
            r.kind
        ));
    }
    let body = rec.body();
    match rec.header(WarcHeader::BlockDigest) {
        Some(d) if *d == format!("sha256:{}", sha256_hex(body)) => {}
        Some(_) => out.push("its block does not match its WARC-Block-Digest".into()),
        None => out.push("it has no WARC-Block-Digest".into()),
    }
    if let Some(d) = rec.header(WarcHeader::PayloadDigest) {
        let payload = body
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .map(|i| &body[i + 4..]);
        match payload {
            Some(p) if *d == format!("sha256:{}", sha256_hex(p)) => {}
            _ => out.push(
                "its HTTP payload (the captured page) does not match its WARC-Payload-Digest"
                    .into(),
            ),
        }
    }
    out
}
