//! `armswatch vendors list|show|links|renames`: vendor records per market, and vendors on different
//! markets linked by shared PGP keys and crypto addresses (strong) or handles and near-identical
//! names with shared listing text (weak), always with the evidence.

use crate::cli::{VendorsArgs, VendorsCommand};
use crate::output::{sanitize, Column, Printer, Row};
use anyhow::{Context, Result};
use armswatch_core::vendor::{link_vendors, LinkEvidence, VendorKey, VendorLink};
use armswatch_core::{LinkStrength, PgpKey};
use armswatch_store::{rfc3339, CaseStore, VendorListing, VendorRecord, VendorRename};
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::Write;
use std::process::ExitCode;

/// `armswatch vendors`.
pub fn run(a: VendorsArgs) -> Result<ExitCode> {
    match a.command {
        VendorsCommand::List {
            db,
            min_linked_markets,
            flagged,
            output,
        } => {
            let store = db.open_case(false)?;
            let links = links(store.as_ref())?;
            let mut out = Printer::stdout(output.format()).when_empty("no vendors");
            for v in store.vendors(None)? {
                if flagged && v.flagged == 0 {
                    continue;
                }
                let row = VendorRow::new(v, &links);
                if row.linked_markets.len() >= min_linked_markets {
                    out.row(&row)?;
                }
            }
            out.finish::<VendorRow>()?;
        }
        VendorsCommand::Show { name, db, json } => {
            let store = db.open_case(false)?;
            let report = VendorReport::build(store.as_ref(), &name)?;
            if report.records.is_empty() {
                anyhow::bail!("no vendor named {:?} in {db}", sanitize(&name));
            }
            let mut out = std::io::stdout().lock();
            if json {
                serde_json::to_writer_pretty(&mut out, &report)?;
                writeln!(out)?;
            } else {
                report.print(&mut out)?;
            }
        }
        VendorsCommand::Links {
            db,
            min_strength,
            output,
        } => {
            let min: LinkStrength = min_strength
                .parse()
                .map_err(|e: String| anyhow::anyhow!("--min-strength: {e}"))?;
            let store = db.open_case(false)?;
            let mut out = Printer::stdout(output.format()).when_empty("no linked vendors");
            for l in links(store.as_ref())?.iter().filter(|l| l.strength >= min) {
                for e in l.evidence.iter().filter(|e| e.strength >= min) {
                    out.row(&LinkRow::new(l, e))?;
                }
            }
            out.finish::<LinkRow>()?;
        }
        VendorsCommand::Renames { db, output } => {
            let store = db.open_case(false)?;
            let mut out = Printer::stdout(output.format()).when_empty("no renamed vendors");
            for r in store.vendor_renames()? {
                out.row(&RenameRow::from(r))?;
            }
            out.finish::<RenameRow>()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Every cross-market vendor link in the store.
pub fn links(store: &dyn CaseStore) -> Result<Vec<VendorLink>> {
    let (entities, texts) = store
        .vendor_link_inputs()
        .context("reading vendor entities and texts")?;
    Ok(link_vendors(&entities, &texts))
}

/// The vendors linked to `v`, with the link.
fn linked_to<'a>(v: &VendorKey, links: &'a [VendorLink]) -> Vec<(&'a VendorKey, &'a VendorLink)> {
    links
        .iter()
        .filter_map(|l| {
            if &l.a == v {
                Some((&l.b, l))
            } else if &l.b == v {
                Some((&l.a, l))
            } else {
                None
            }
        })
        .collect()
}

/// A vendor as `vendors list` prints it.
#[derive(Debug, Serialize)]
struct VendorRow {
    market: String,
    name: String,
    listings: usize,
    flagged: usize,
    vanished: usize,
    first_seen: String,
    last_seen: String,
    profile_url: Option<String>,
    pgp_fingerprints: Vec<String>,
    /// Other markets with a linked vendor.
    linked_markets: Vec<String>,
    /// `name@market (strength)` of each linked vendor.
    linked: Vec<String>,
}

impl VendorRow {
    fn new(v: VendorRecord, links: &[VendorLink]) -> Self {
        let key = VendorKey {
            market: v.market.clone(),
            name: v.name.clone(),
        };
        let linked = linked_to(&key, links);
        let markets: BTreeSet<String> = linked.iter().map(|(k, _)| k.market.0.clone()).collect();
        VendorRow {
            market: v.market.0,
            name: v.name,
            listings: v.listings,
            flagged: v.flagged,
            vanished: v.vanished,
            first_seen: rfc3339(v.first_seen),
            last_seen: rfc3339(v.last_seen),
            profile_url: v.profile_url,
            pgp_fingerprints: v.pgp_fingerprints,
            linked_markets: markets.into_iter().collect(),
            linked: linked
                .iter()
                .map(|(k, l)| format!("{k} ({})", l.strength))
                .collect(),
        }
    }
}

impl Row for VendorRow {
    fn columns() -> &'static [Column] {
        const C: &[Column] = &[
            Column::left("MARKET", 12),
            Column::left("VENDOR", 20),
            Column::right("LISTINGS", 8),
            Column::right("FLAGGED", 7),
            Column::right("GONE", 4),
            Column::left("LAST SEEN", 20),
            Column::left("FIRST_SEEN", 0).csv_only(),
            Column::left("PROFILE_URL", 0).csv_only(),
            Column::left("PGP_FINGERPRINTS", 0).csv_only(),
            Column::left("LINKED_MARKETS", 0).csv_only(),
            Column::left("LINKED", 0),
        ];
        C
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.market.clone(),
            self.name.clone(),
            self.listings.to_string(),
            self.flagged.to_string(),
            self.vanished.to_string(),
            self.last_seen.clone(),
            self.first_seen.clone(),
            self.profile_url.clone().unwrap_or_default(),
            self.pgp_fingerprints.join(" "),
            self.linked_markets.join(" "),
            self.linked.join(", "),
        ]
    }
}

/// One piece of evidence of a link, as `vendors links` prints it.
#[derive(Debug, Serialize)]
struct LinkRow {
    link_strength: LinkStrength,
    market_a: String,
    vendor_a: String,
    market_b: String,
    vendor_b: String,
    evidence_strength: LinkStrength,
    evidence: String,
    value: String,
    url_a: String,
    url_b: String,
}

impl LinkRow {
    fn new(l: &VendorLink, e: &LinkEvidence) -> Self {
        LinkRow {
            link_strength: l.strength,
            market_a: l.a.market.0.clone(),
            vendor_a: l.a.name.clone(),
            market_b: l.b.market.0.clone(),
            vendor_b: l.b.name.clone(),
            evidence_strength: e.strength,
            evidence: e.kind.clone(),
            value: e.value.clone(),
            url_a: e.a_url.clone(),
            url_b: e.b_url.clone(),
        }
    }
}

impl Row for LinkRow {
    fn columns() -> &'static [Column] {
        const C: &[Column] = &[
            Column::left("LINK", 6),
            Column::left("MARKET_A", 10),
            Column::left("VENDOR_A", 16),
            Column::left("MARKET_B", 10),
            Column::left("VENDOR_B", 16),
            Column::left("EVIDENCE_STRENGTH", 0).csv_only(),
            Column::left("EVIDENCE", 15),
            Column::left("VALUE", 0),
            Column::left("URL_A", 0).csv_only(),
            Column::left("URL_B", 0).csv_only(),
        ];
        C
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.link_strength.to_string(),
            self.market_a.clone(),
            self.vendor_a.clone(),
            self.market_b.clone(),
            self.vendor_b.clone(),
            self.evidence_strength.to_string(),
            self.evidence.clone(),
            self.value.clone(),
            self.url_a.clone(),
            self.url_b.clone(),
        ]
    }
}

#[derive(Debug, Serialize)]
struct RenameRow {
    market: String,
    old_name: String,
    new_name: String,
    at: String,
    evidence: String,
    url: String,
}

impl From<VendorRename> for RenameRow {
    fn from(r: VendorRename) -> Self {
        RenameRow {
            market: r.market.0,
            old_name: r.old_name,
            new_name: r.new_name,
            at: rfc3339(r.at),
            evidence: r.evidence,
            url: r.url,
        }
    }
}

impl Row for RenameRow {
    fn columns() -> &'static [Column] {
        const C: &[Column] = &[
            Column::left("MARKET", 12),
            Column::left("OLD NAME", 20),
            Column::left("NEW NAME", 20),
            Column::left("AT", 20),
            Column::left("EVIDENCE", 12),
            Column::left("URL", 0),
        ];
        C
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.market.clone(),
            self.old_name.clone(),
            self.new_name.clone(),
            self.at.clone(),
            self.evidence.clone(),
            self.url.clone(),
        ]
    }
}

/// Everything known about one vendor name, for `vendors show`.
#[derive(Debug, Serialize)]
struct VendorReport {
    name: String,
    records: Vec<VendorRecord>,
    links: Vec<VendorLink>,
    renames: Vec<VendorRename>,
    pgp_keys: Vec<PgpKey>,
    /// (market, kind, value, field, url) of every entity seen with the vendor.
    entities: Vec<ReportEntity>,
    listings: Vec<(String, Vec<VendorListing>)>,
}

#[derive(Debug, Serialize)]
struct ReportEntity {
    market: String,
    kind: String,
    value: String,
    field: String,
    url: String,
}

impl VendorReport {
    fn build(store: &dyn CaseStore, name: &str) -> Result<VendorReport> {
        let records = store.vendors(Some(name))?;
        let all_links = links(store)?;
        let links: Vec<VendorLink> = all_links
            .into_iter()
            .filter(|l| l.a.name == name || l.b.name == name)
            .collect();
        let renames = store
            .vendor_renames()?
            .into_iter()
            .filter(|r| r.old_name == name || r.new_name == name)
            .collect();
        let mut fps: BTreeSet<String> = BTreeSet::new();
        for r in &records {
            fps.extend(r.pgp_fingerprints.iter().cloned());
        }
        let mut pgp_keys = Vec::new();
        for f in &fps {
            if let Some(k) = store.pgp_key(f)? {
                pgp_keys.push(k);
            }
        }
        let entities = store
            .vendor_entities()?
            .into_iter()
            .filter(|e| e.vendor.as_deref() == Some(name))
            .map(|e| ReportEntity {
                market: e.market.0,
                kind: e.kind.as_str().into(),
                value: e.value,
                field: e.field,
                url: e.url,
            })
            .collect();
        let mut listings = Vec::new();
        for r in &records {
            listings.push((r.market.0.clone(), store.vendor_listings(&r.market, name)?));
        }
        Ok(VendorReport {
            name: name.to_string(),
            records,
            links,
            renames,
            pgp_keys,
            entities,
            listings,
        })
    }

    fn print(&self, out: &mut impl Write) -> std::io::Result<()> {
        let s = sanitize;
        writeln!(out, "vendor {}", s(&self.name))?;
        for r in &self.records {
            writeln!(
                out,
                "  on {}: {} listings ({} flagged, {} vanished), seen {} .. {}{}",
                s(&r.market.0),
                r.listings,
                r.flagged,
                r.vanished,
                rfc3339(r.first_seen),
                rfc3339(r.last_seen),
                r.profile_url
                    .as_deref()
                    .map(|u| format!(", profile {}", s(u)))
                    .unwrap_or_default()
            )?;
        }
        writeln!(out, "linked identities ({}):", self.links.len())?;
        for l in &self.links {
            let other = if l.a.name == self.name { &l.b } else { &l.a };
            let mine = if l.a.name == self.name { &l.a } else { &l.b };
            writeln!(
                out,
                "  {} link: {} <-> {}",
                l.strength,
                s(&mine.to_string()),
                s(&other.to_string())
            )?;
            for e in &l.evidence {
                writeln!(
                    out,
                    "    {} {} {}: {} | {}",
                    e.strength,
                    e.kind,
                    s(&e.value),
                    s(&e.a_url),
                    s(&e.b_url)
                )?;
            }
        }
        if !self.renames.is_empty() {
            writeln!(out, "renames:")?;
            for r in &self.renames {
                writeln!(
                    out,
                    "  {}: {} -> {} at {} ({} {})",
                    s(&r.market.0),
                    s(&r.old_name),
                    s(&r.new_name),
                    rfc3339(r.at),
                    r.evidence,
                    s(&r.url)
                )?;
            }
        }
        for k in &self.pgp_keys {
            writeln!(
                out,
                "pgp key {} (id {}, {}, created {}{})",
                k.fingerprint,
                k.key_id,
                k.algorithm,
                rfc3339(k.created_at),
                if k.self_signed {
                    ""
                } else {
                    ", self-signature NOT verified"
                }
            )?;
            for u in &k.user_ids {
                writeln!(out, "  uid {}", s(u))?;
            }
        }
        if !self.entities.is_empty() {
            writeln!(out, "entities:")?;
            for e in &self.entities {
                writeln!(
                    out,
                    "  {:<16} {} ({} on {}, {})",
                    e.kind,
                    s(&e.value),
                    e.field,
                    s(&e.market),
                    s(&e.url)
                )?;
            }
        }
        for (market, ls) in &self.listings {
            writeln!(out, "listings on {}:", s(market))?;
            for l in ls {
                writeln!(
                    out,
                    "  {:>6} {}{} {} [{}]{}",
                    l.listing_id,
                    if l.flagged { "FLAGGED " } else { "" },
                    crate::output::clip(&l.title, 60),
                    s(l.price_text.as_deref().unwrap_or("-")),
                    l.labels.join(","),
                    l.vanished_at
                        .map(|v| format!(" vanished {}", rfc3339(v)))
                        .unwrap_or_default()
                )?;
            }
        }
        Ok(())
    }
}
