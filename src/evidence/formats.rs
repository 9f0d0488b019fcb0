//! The CSV, JSON lines and MISP exports. Each listing is one record of the manifest: a CSV row, a
//! JSON line, or the run of MISP attributes about it.

use super::{Builder, ExportListing};
use anyhow::Result;
use armswatch_core::Label;
use armswatch_store::rfc3339;
use serde_json::json;

/// MISP `dark-web` taxonomy tags of every event: weapons offered for sale on a market.
pub const MISP_TAGS: [&str; 2] = [
    "dark-web:topic=\"weapons\"",
    "dark-web:motivation=\"marketplace-for-sale\"",
];

/// A spreadsheet cell: text starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so a
/// spreadsheet never evaluates market text as a formula (the JSON lines keep it unchanged).
fn cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

const CSV_COLUMNS: [&str; 27] = [
    "listing_id",
    "market",
    "url",
    "market_listing_id",
    "title",
    "description",
    "vendor",
    "price_text",
    "price_amount",
    "currency",
    "category",
    "ships_from",
    "ships_to",
    "version",
    "content_sha256",
    "first_seen",
    "last_seen",
    "model",
    "model_labels",
    "max_score",
    "review_state",
    "review_labels",
    "reviewer",
    "decided_at",
    "review_note",
    "page_ids",
    "page_sha256",
];

fn labels(ls: &[Label]) -> String {
    ls.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(";")
}

fn csv_row(fields: &[String]) -> Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(fields)?;
    w.into_inner()
        .map_err(|e| anyhow::anyhow!("writing CSV: {e}"))
}

/// CSV: a header row, then a row per listing.
pub fn write_csv(listings: &[ExportListing], b: &mut Builder) -> Result<()> {
    let header: Vec<String> = CSV_COLUMNS.iter().map(|s| s.to_string()).collect();
    b.record("header", "header".into(), None, &csv_row(&header)?);
    for e in listings {
        let l = &e.listing;
        let o = |s: &Option<String>| cell(s.as_deref().unwrap_or(""));
        let last = e.reviews.last();
        let row = vec![
            l.id.to_string(),
            cell(l.market.as_str()),
            cell(&l.listing.url),
            o(&l.listing.market_listing_id),
            cell(&l.listing.title),
            o(&l.listing.description),
            o(&l.listing.vendor),
            o(&l.listing.price_text),
            l.listing
                .price_amount
                .map(|a| a.to_string())
                .unwrap_or_default(),
            o(&l.listing.currency),
            o(&l.listing.category),
            o(&l.listing.ships_from),
            o(&l.listing.ships_to),
            l.version.to_string(),
            l.content_sha256.clone(),
            rfc3339(l.first_seen),
            rfc3339(l.last_seen),
            e.verdict
                .as_ref()
                .map(|v| format!("{}@{}", v.verdict.model_id, v.verdict.model_version))
                .unwrap_or_default(),
            e.verdict
                .as_ref()
                .map(|v| labels(&v.verdict.labels))
                .unwrap_or_default(),
            e.verdict
                .as_ref()
                .map(|v| format!("{:.4}", v.verdict.max_score()))
                .unwrap_or_default(),
            last.map_or("unreviewed", |r| r.state.as_str()).to_string(),
            last.map(|r| labels(&r.labels)).unwrap_or_default(),
            last.map(|r| cell(&r.reviewer)).unwrap_or_default(),
            last.map(|r| rfc3339(r.decided_at)).unwrap_or_default(),
            last.map(|r| cell(&r.note)).unwrap_or_default(),
            e.pages
                .iter()
                .map(|p| p.id.to_string())
                .collect::<Vec<_>>()
                .join(";"),
            e.pages
                .iter()
                .map(|p| p.sha256.clone())
                .collect::<Vec<_>>()
                .join(";"),
        ];
        b.record(
            "listing",
            format!("listing {}", l.id),
            Some(l.listing.url.clone()),
            &csv_row(&row)?,
        );
    }
    Ok(())
}

/// JSON lines: one object per listing (the same object as the WARC's listing records).
pub fn write_jsonl(listings: &[ExportListing], b: &mut Builder) -> Result<()> {
    for e in listings {
        let mut line = serde_json::to_vec(&e.to_json())?;
        line.push(b'\n');
        b.record(
            "listing",
            format!("listing {}", e.listing.id),
            Some(e.listing.listing.url.clone()),
            &line,
        );
    }
    Ok(())
}

fn uuid4() -> Result<String> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).map_err(|e| anyhow::anyhow!("no random numbers: {e}"))?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    ))
}

/// MISP: one event (MISP core format) for the export, tagged with the `dark-web` taxonomy, with
/// each listing's URL, title, description, vendor, price, first/last seen, decision and captured
/// pages' SHA-256 as attributes (comments name the listing).
pub fn write_misp(listings: &[ExportListing], selection: &str, b: &mut Builder) -> Result<()> {
    let now = time::OffsetDateTime::now_utc();
    let ts = now.unix_timestamp().to_string();
    let date = rfc3339(now.unix_timestamp())[..10].to_string();
    let event = json!({
        "Event": {
            "uuid": uuid4()?,
            "info": format!("armswatch: {} darknet market listing(s) offering firearms, parts, ammunition or designs ({selection})", listings.len()),
            "date": date,
            "timestamp": ts,
            "threat_level_id": "2",
            "analysis": "1",
            "distribution": "0",
            "published": false,
            "Tag": MISP_TAGS.iter().map(|t| json!({"name": t})).collect::<Vec<_>>(),
        }
    });
    let head = serde_json::to_string(&event)?;
    // The event object without its two closing braces, then the attributes, then the braces.
    let open = head
        .strip_suffix("}}")
        .ok_or_else(|| anyhow::anyhow!("unexpected MISP event JSON"))?;
    b.glue(open.as_bytes());
    b.glue(b",\"Attribute\":[\n");
    let mut first = true;
    for e in listings {
        let l = &e.listing;
        let who = format!("listing {} on market {}", l.id, l.market);
        let last = e.reviews.last();
        let decision = match last {
            Some(r) => format!(
                "{} by {} at {} (labels: {})",
                r.state,
                r.reviewer,
                rfc3339(r.decided_at),
                labels(&r.labels)
            ),
            None => "unreviewed".into(),
        };
        let model = e
            .verdict
            .as_ref()
            .map(|v| {
                let scores: Vec<String> = v
                    .verdict
                    .scores
                    .iter()
                    .map(|(l, s)| format!("{l} {s:.2}"))
                    .collect();
                format!(
                    "model {} labels {} ({})",
                    v.verdict.model_version,
                    labels(&v.verdict.labels),
                    scores.join(", ")
                )
            })
            .unwrap_or_else(|| "not classified".into());
        let mut attrs = vec![
            (
                "url",
                "Network activity",
                l.listing.url.clone(),
                format!("{who}: listing URL"),
            ),
            (
                "text",
                "Other",
                l.listing.title.clone(),
                format!("{who}: title"),
            ),
        ];
        if let Some(d) = &l.listing.description {
            attrs.push(("text", "Other", d.clone(), format!("{who}: description")));
        }
        if let Some(v) = &l.listing.vendor {
            attrs.push(("text", "Attribution", v.clone(), format!("{who}: vendor")));
        }
        if let Some(p) = &l.listing.price_text {
            attrs.push(("text", "Other", p.clone(), format!("{who}: price")));
        }
        attrs.push((
            "datetime",
            "Other",
            rfc3339(l.first_seen),
            format!("{who}: first seen"),
        ));
        attrs.push((
            "datetime",
            "Other",
            rfc3339(l.last_seen),
            format!("{who}: last seen"),
        ));
        attrs.push((
            "text",
            "Other",
            decision,
            format!("{who}: review decision; {model}"),
        ));
        for p in &e.pages {
            attrs.push((
                "sha256",
                "Artifacts dropped",
                p.sha256.clone(),
                format!(
                    "{who}: SHA-256 of the page captured from {} at {} over {}",
                    p.final_url,
                    rfc3339(p.fetched_at),
                    p.transport
                ),
            ));
        }
        let mut chunk = Vec::new();
        for (i, (kind, category, value, comment)) in attrs.into_iter().enumerate() {
            if i > 0 {
                chunk.extend_from_slice(b",\n");
            }
            let a = json!({
                "uuid": uuid4()?,
                "type": kind,
                "category": category,
                "value": value,
                "comment": comment,
                "to_ids": false,
                "distribution": "5",
                "timestamp": ts,
            });
            chunk.extend_from_slice(serde_json::to_string(&a)?.as_bytes());
        }
        if !first {
            b.glue(b",\n");
        }
        first = false;
        b.record(
            "listing",
            format!("listing {}", l.id),
            Some(l.listing.url.clone()),
            &chunk,
        );
    }
    b.glue(b"\n]}}\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_never_reach_a_spreadsheet() {
        // Guards: market text that a spreadsheet would run as a formula is quoted.
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@SUM(1)"), "'@SUM(1)");
        assert_eq!(cell("Glock 19"), "Glock 19");
    }
}
