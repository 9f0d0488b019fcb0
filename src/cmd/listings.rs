//! `armswatch listings history|vanished`: a listing's versions with their prices (its price
//! history), when it vanished and came back, and the entities found in each version; listings now
//! marked vanished.

use crate::cli::{ListingsArgs, ListingsCommand};
use crate::output::{Column, Printer, Row};
use anyhow::Result;
use armswatch_core::{Listing, MarketId};
use armswatch_store::{rfc3339, EntityRow, VanishedListing};
use serde::Serialize;
use std::process::ExitCode;

/// `armswatch listings`.
pub fn run(a: ListingsArgs) -> Result<ExitCode> {
    match a.command {
        ListingsCommand::History { id, db, output } => {
            let store = db.open_case(false)?;
            let Some(cur) = store.listing(id)? else {
                anyhow::bail!("no listing {id} in {db}");
            };
            let entities = store.listing_entities(id)?;
            let mut versions: Vec<(u32, i64, i64, Listing)> = store
                .listing_versions(id)?
                .into_iter()
                .map(|v| (v.version, v.first_seen, v.last_seen, v.listing))
                .collect();
            versions.push((
                cur.version,
                cur.version_first_seen,
                cur.last_seen,
                cur.listing.clone(),
            ));
            let mut out = Printer::stdout(output.format());
            let mut prev: Option<Listing> = None;
            for (version, first, last, l) in versions {
                let row = VersionRow::new(id, version, first, last, &l, prev.as_ref(), &entities);
                out.row(&row)?;
                prev = Some(l);
            }
            for e in store.listing_presence(id)? {
                out.note(&format!("{} at {}", e.event, rfc3339(e.at)))?;
            }
            if let Some(v) = cur.vanished_at {
                out.note(&format!("vanished since {}", rfc3339(v)))?;
            }
            out.finish::<VersionRow>()?;
        }
        ListingsCommand::Vanished { db, market, output } => {
            let store = db.open_case(false)?;
            let market = market.as_deref().map(MarketId::slug);
            let mut out = Printer::stdout(output.format()).when_empty("no vanished listings");
            for v in store.vanished_listings(market.as_ref())? {
                out.row(&VanishedRow::from(v))?;
            }
            out.finish::<VanishedRow>()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One version of a listing.
#[derive(Debug, Serialize)]
struct VersionRow {
    listing_id: i64,
    version: u32,
    first_seen: String,
    last_seen: String,
    title: String,
    vendor: Option<String>,
    price_text: Option<String>,
    price_amount: Option<f64>,
    currency: Option<String>,
    /// What changed from the previous version (`title`, `description`, `price`, `vendor`, ...).
    changed: Vec<&'static str>,
    /// Entities found in this version, `kind:value`.
    entities: Vec<String>,
}

impl VersionRow {
    fn new(
        id: i64,
        version: u32,
        first: i64,
        last: i64,
        l: &Listing,
        prev: Option<&Listing>,
        entities: &[EntityRow],
    ) -> Self {
        let mut changed = Vec::new();
        if let Some(p) = prev {
            let checks: [(&'static str, bool); 7] = [
                ("title", p.title != l.title),
                ("description", p.description != l.description),
                (
                    "price",
                    p.price_text != l.price_text
                        || p.price_amount != l.price_amount
                        || p.currency != l.currency,
                ),
                ("vendor", p.vendor != l.vendor),
                ("category", p.category != l.category),
                (
                    "shipping",
                    p.ships_from != l.ships_from || p.ships_to != l.ships_to,
                ),
                ("listing_id", p.market_listing_id != l.market_listing_id),
            ];
            changed = checks.iter().filter(|c| c.1).map(|c| c.0).collect();
        }
        let mut ents: Vec<String> = entities
            .iter()
            .filter(|e| e.listing_version == version)
            .map(|e| format!("{}:{}", e.kind, e.value))
            .collect();
        ents.dedup();
        VersionRow {
            listing_id: id,
            version,
            first_seen: rfc3339(first),
            last_seen: rfc3339(last),
            title: l.title.clone(),
            vendor: l.vendor.clone(),
            price_text: l.price_text.clone(),
            price_amount: l.price_amount,
            currency: l.currency.clone(),
            changed,
            entities: ents,
        }
    }
}

impl Row for VersionRow {
    fn columns() -> &'static [Column] {
        const C: &[Column] = &[
            Column::right("VER", 3),
            Column::left("FIRST SEEN", 20),
            Column::left("LAST SEEN", 20),
            Column::left("PRICE", 14),
            Column::left("PRICE_AMOUNT", 0).csv_only(),
            Column::left("CURRENCY", 0).csv_only(),
            Column::left("VENDOR", 14),
            Column::left("CHANGED", 18),
            Column::left("TITLE", 40),
            Column::left("LISTING_ID", 0).csv_only(),
            Column::left("ENTITIES", 0),
        ];
        C
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.version.to_string(),
            self.first_seen.clone(),
            self.last_seen.clone(),
            self.price_text.clone().unwrap_or_default(),
            self.price_amount.map(|a| a.to_string()).unwrap_or_default(),
            self.currency.clone().unwrap_or_default(),
            self.vendor.clone().unwrap_or_default(),
            self.changed.join(","),
            self.title.clone(),
            self.listing_id.to_string(),
            self.entities.join(" "),
        ]
    }
}

#[derive(Debug, Serialize)]
struct VanishedRow {
    listing_id: i64,
    market: String,
    vendor: Option<String>,
    title: String,
    last_seen: String,
    vanished_at: String,
    url: String,
}

impl From<VanishedListing> for VanishedRow {
    fn from(v: VanishedListing) -> Self {
        VanishedRow {
            listing_id: v.listing_id,
            market: v.market.0,
            vendor: v.vendor,
            title: v.title,
            last_seen: rfc3339(v.last_seen),
            vanished_at: rfc3339(v.vanished_at),
            url: v.url,
        }
    }
}

impl Row for VanishedRow {
    fn columns() -> &'static [Column] {
        const C: &[Column] = &[
            Column::right("ID", 6),
            Column::left("MARKET", 12),
            Column::left("VENDOR", 16),
            Column::left("VANISHED AT", 20),
            Column::left("LAST SEEN", 20),
            Column::left("TITLE", 0),
            Column::left("URL", 0).csv_only(),
        ];
        C
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.listing_id.to_string(),
            self.market.clone(),
            self.vendor.clone().unwrap_or_default(),
            self.vanished_at.clone(),
            self.last_seen.clone(),
            self.title.clone(),
            self.url.clone(),
        ]
    }
}
