//! Mirror addresses of a market imported from a list the market signed, with the signing key and
//! the list's digest as evidence. The crawl adds them to the profile's `hosts`.

use crate::{now, Result, Store};
use armswatch_core::MarketId;
use rusqlite::params;
use serde::Serialize;

/// One imported mirror.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MarketMirror {
    /// `scheme://host[:port]`.
    pub origin: String,
    /// Fingerprint of the key whose signature over the list verified.
    pub signer: String,
    /// SHA-256 of the signed list as imported.
    pub list_sha256: String,
    /// When it was first imported, unix seconds.
    pub added_at: i64,
}

impl Store {
    /// Records `origins` as mirrors of `market` from a list signed by `signer` (one transaction);
    /// origins already known keep their first import. Returns how many were new.
    pub fn add_market_mirrors(
        &self,
        market: &MarketId,
        origins: &[String],
        signer: &str,
        list_sha256: &str,
    ) -> Result<usize> {
        self.write("add market mirrors", |tx| {
            let mut st = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO market_mirrors (market_id, origin, signer, list_sha256, added_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(self.q("add market mirror"))?;
            let at = now();
            let mut added = 0;
            for o in origins {
                added += st
                    .execute(params![market.as_str(), o, signer, list_sha256, at])
                    .map_err(self.q("add market mirror"))?;
            }
            Ok(added)
        })
    }

    /// The market's imported mirrors, oldest first.
    pub fn market_mirrors(&self, market: &MarketId) -> Result<Vec<MarketMirror>> {
        let q = self.q("read market mirrors");
        self.read(|c| {
            let mut st = c
                .prepare_cached(
                    "SELECT origin, signer, list_sha256, added_at FROM market_mirrors
                     WHERE market_id = ?1 ORDER BY added_at, rowid",
                )
                .map_err(&q)?;
            let rows = st
                .query_map([market.as_str()], |r| {
                    Ok(MarketMirror {
                        origin: r.get(0)?,
                        signer: r.get(1)?,
                        list_sha256: r.get(2)?,
                        added_at: r.get(3)?,
                    })
                })
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            Ok(rows)
        })
    }
}
