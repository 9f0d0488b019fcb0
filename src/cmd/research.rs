//! `armswatch export --research` (called by `cmd::export`): one row per listing with its labels, scores, price, times,
//! vendor links and entity counts, as CSV or JSON lines. Personal data (vendor names, handles,
//! e-mails, crypto addresses, PGP fingerprints) is replaced by salted hashes, in the fields and
//! wherever it is written in the title and description, unless `--include-identifiers` is given,
//! so a data set can be shared under a data protection policy.

use crate::cli::{ExportArgs, ExportFormat};
use crate::output::{Column, Format, Printer, Row};
use anyhow::{Context, Result};
use armswatch_core::vendor::{VendorKey, VendorLink};
use armswatch_core::LinkStrength;
use armswatch_store::{rfc3339, CaseStore};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

/// `armswatch export --research`.
pub fn run(a: ExportArgs) -> Result<ExitCode> {
    let store = a.db.open_case(false)?;
    let salt = match &a.salt {
        Some(s) => s.clone(),
        None => {
            let bytes: [u8; 16] = rand::random();
            hex::encode(bytes)
        }
    };
    let pseudo = Pseudonymizer {
        salt,
        keep: a.include_identifiers,
    };
    let format = match a.format {
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Jsonl => Format::Json,
        other => anyhow::bail!(
            "the research export is csv or jsonl, not {} (warc and misp are evidence formats)",
            other.as_str()
        ),
    };
    let writer: Box<dyn Write> = match &a.out {
        Some(p) => {
            Box::new(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?)
        }
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = Printer::new(format, std::io::BufWriter::new(writer));
    let n = export(store.as_ref(), &pseudo, &mut out)?;
    out.finish::<ResearchRow>()?;
    tracing::info!(
        "exported {n} listings{}",
        if a.include_identifiers {
            " with identifiers"
        } else {
            ", identifiers hashed"
        }
    );
    Ok(ExitCode::SUCCESS)
}

/// Replaces personal values by salted hashes (or keeps them).
pub struct Pseudonymizer {
    salt: String,
    keep: bool,
}

impl Pseudonymizer {
    /// The value, or `kind:` + 16 hex digits of SHA-256(salt, kind, value).
    pub fn id(&self, kind: &str, value: &str) -> String {
        if self.keep {
            return value.to_string();
        }
        let mut h = Sha256::new();
        h.update(self.salt.as_bytes());
        h.update([0]);
        h.update(kind.as_bytes());
        h.update([0]);
        h.update(value.as_bytes());
        format!("{kind}:{}", &hex::encode(h.finalize())[..16])
    }
}

fn export<W: Write>(
    store: &dyn CaseStore,
    p: &Pseudonymizer,
    out: &mut Printer<W>,
) -> Result<usize> {
    let links = crate::cmd::vendors::links(store)?;
    let mut by_vendor: BTreeMap<VendorKey, Vec<&VendorLink>> = BTreeMap::new();
    for l in &links {
        by_vendor.entry(l.a.clone()).or_default().push(l);
        by_vendor.entry(l.b.clone()).or_default().push(l);
    }
    let stats = store.stats_listings()?;
    let progress = crate::progress::Progress::start("export", "listings", stats.len() as u64);
    let mut n = 0;
    for s in &stats {
        progress.inc(1);
        let Some(stored) = store.listing(s.id)? else {
            continue;
        };
        let l = &stored.listing;
        let entities = store.listing_entities(s.id)?;
        let current: Vec<_> = entities
            .iter()
            .filter(|e| e.listing_version == stored.version)
            .collect();
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        let mut values = Vec::new();
        for e in &current {
            *counts.entry(e.kind.as_str().to_string()).or_default() += 1;
            let v = if e.kind.is_personal() {
                p.id(e.kind.as_str(), &e.value)
            } else {
                e.value.clone()
            };
            if !values.contains(&v) {
                values.push(v);
            }
        }
        let scrub = |text: &str| -> String {
            let mut t = text.to_string();
            if p.keep {
                return t;
            }
            for e in entities.iter().filter(|e| e.kind.is_personal()) {
                if e.raw.len() >= 3 {
                    t = t.replace(&e.raw, &p.id(e.kind.as_str(), &e.value));
                }
            }
            if let Some(v) = &l.vendor {
                if v.chars().count() >= 3 {
                    t = t.replace(v.as_str(), &p.id("vendor", &format!("{v}@{}", s.market)));
                }
            }
            t
        };
        let key = l.vendor.as_ref().map(|v| VendorKey {
            market: stored.market.clone(),
            name: v.clone(),
        });
        let vlinks = key
            .as_ref()
            .and_then(|k| by_vendor.get(k))
            .cloned()
            .unwrap_or_default();
        let linked: Vec<String> = vlinks
            .iter()
            .map(|lk| {
                let other = if Some(&lk.a) == key.as_ref() {
                    &lk.b
                } else {
                    &lk.a
                };
                format!(
                    "{}({})",
                    p.id("vendor", &other.to_string()),
                    lk.strength.as_str()
                )
            })
            .collect();
        let row = ResearchRow {
            listing_id: s.id,
            market: s.market.clone(),
            url: l.url.clone(),
            title: scrub(&l.title),
            description: l.description.as_deref().map(scrub),
            category: l.category.clone(),
            vendor: key.as_ref().map(|k| p.id("vendor", &k.to_string())),
            labels: s.labels.clone(),
            flagged: s.flagged,
            price_amount: l.price_amount,
            currency: l.currency.clone(),
            ships_from: l.ships_from.clone(),
            ships_to: l.ships_to.clone(),
            first_seen: rfc3339(s.first_seen),
            last_seen: rfc3339(s.last_seen),
            vanished_at: s.vanished_at.map(rfc3339),
            versions: stored.version,
            strong_links: vlinks
                .iter()
                .filter(|x| x.strength == LinkStrength::Strong)
                .count(),
            weak_links: vlinks
                .iter()
                .filter(|x| x.strength == LinkStrength::Weak)
                .count(),
            linked_vendors: linked,
            entity_counts: counts,
            entities: values,
        };
        out.row(&row)?;
        n += 1;
    }
    Ok(n)
}

/// One listing of the research export.
#[derive(Debug, Serialize)]
struct ResearchRow {
    listing_id: i64,
    market: String,
    url: String,
    title: String,
    description: Option<String>,
    category: Option<String>,
    /// Salted hash of `name@market` (the name itself with --include-identifiers).
    vendor: Option<String>,
    labels: Vec<String>,
    flagged: bool,
    price_amount: Option<f64>,
    currency: Option<String>,
    ships_from: Option<String>,
    ships_to: Option<String>,
    first_seen: String,
    last_seen: String,
    vanished_at: Option<String>,
    versions: u32,
    strong_links: usize,
    weak_links: usize,
    /// Linked vendors on other markets (hashed), with the link's strength.
    linked_vendors: Vec<String>,
    /// Entities in the current version, per kind.
    entity_counts: BTreeMap<String, usize>,
    /// The entities themselves (personal ones hashed).
    entities: Vec<String>,
}

impl Row for ResearchRow {
    fn columns() -> &'static [Column] {
        const C: &[Column] = &[
            Column::left("listing_id", 0),
            Column::left("market", 0),
            Column::left("url", 0),
            Column::left("title", 0),
            Column::left("description", 0),
            Column::left("category", 0),
            Column::left("vendor", 0),
            Column::left("labels", 0),
            Column::left("flagged", 0),
            Column::left("price_amount", 0),
            Column::left("currency", 0),
            Column::left("ships_from", 0),
            Column::left("ships_to", 0),
            Column::left("first_seen", 0),
            Column::left("last_seen", 0),
            Column::left("vanished_at", 0),
            Column::left("versions", 0),
            Column::left("strong_links", 0),
            Column::left("weak_links", 0),
            Column::left("linked_vendors", 0),
            Column::left("entity_counts", 0),
            Column::left("entities", 0),
        ];
        C
    }

    fn cells(&self) -> Vec<String> {
        let o = |x: &Option<String>| x.clone().unwrap_or_default();
        vec![
            self.listing_id.to_string(),
            self.market.clone(),
            self.url.clone(),
            self.title.clone(),
            o(&self.description),
            o(&self.category),
            o(&self.vendor),
            self.labels.join(";"),
            self.flagged.to_string(),
            self.price_amount.map(|a| a.to_string()).unwrap_or_default(),
            o(&self.currency),
            o(&self.ships_from),
            o(&self.ships_to),
            self.first_seen.clone(),
            self.last_seen.clone(),
            o(&self.vanished_at),
            self.versions.to_string(),
            self.strong_links.to_string(),
            self.weak_links.to_string(),
            self.linked_vendors.join(";"),
            self.entity_counts
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(";"),
            self.entities.join(";"),
        ]
    }
}
