//! What reaching markets over Tor adds on PostgreSQL, with the SQLite backend's semantics
//! (`mirrors.rs`, `frontier.rs`): mirror addresses imported from a list the market signed (an
//! origin keeps its first import), and failed frontier URLs counted by kind of failure.

use super::PgStore;
use crate::{now, MarketMirror, Result};
use armswatch_core::crawl::FailureKind;
use armswatch_core::MarketId;
use std::collections::BTreeMap;

impl PgStore {
    /// Records `origins` as mirrors of `market` from a list signed by `signer` (one transaction);
    /// origins already known keep their first import. Returns how many were new.
    pub fn add_market_mirrors(
        &self,
        market: &MarketId,
        origins: &[String],
        signer: &str,
        list_sha256: &str,
    ) -> Result<usize> {
        let at = now();
        self.write("add market mirrors", async |tx| {
            let mut added = 0;
            for o in origins {
                added += tx
                    .execute(
                        "INSERT INTO market_mirrors (market_id, origin, signer, list_sha256, added_at)
                         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (market_id, origin) DO NOTHING",
                        &[&market.as_str(), o, &signer, &list_sha256, &at],
                    )
                    .await
                    .map_err(self.q("add market mirror"))?;
            }
            Ok(usize::try_from(added).unwrap_or(usize::MAX))
        })
    }

    /// The market's imported mirrors, oldest first.
    pub fn market_mirrors(&self, market: &MarketId) -> Result<Vec<MarketMirror>> {
        let q = self.q("read market mirrors");
        let rows = self.read(async |c| {
            c.query(
                "SELECT origin, signer, list_sha256, added_at FROM market_mirrors
                 WHERE market_id = $1 ORDER BY added_at, seq",
                &[&market.as_str()],
            )
            .await
            .map_err(&q)
        })?;
        rows.iter()
            .map(|r| {
                Ok(MarketMirror {
                    origin: r.try_get(0)?,
                    signer: r.try_get(1)?,
                    list_sha256: r.try_get(2)?,
                    added_at: r.try_get(3)?,
                })
            })
            .collect::<Result<Vec<_>, tokio_postgres::Error>>()
            .map_err(&q)
    }

    /// How many of the market's frontier URLs failed, by [`FailureKind`] (failures recorded before
    /// kinds were stored count as `other`); kinds with none are absent.
    pub fn frontier_failure_counts(
        &self,
        market: &MarketId,
    ) -> Result<BTreeMap<FailureKind, usize>> {
        let q = self.q("count frontier failures");
        let rows = self.read(async |c| {
            c.query(
                "SELECT coalesce(failure, 'other'), count(*) FROM frontier
                 WHERE market_id = $1 AND state = 'failed' GROUP BY 1",
                &[&market.as_str()],
            )
            .await
            .map_err(&q)
        })?;
        let mut counts = BTreeMap::new();
        for r in &rows {
            let name: String = r.try_get(0).map_err(&q)?;
            let n: i64 = r.try_get(1).map_err(&q)?;
            let kind = name.parse().unwrap_or(FailureKind::Other);
            *counts.entry(kind).or_insert(0) += usize::try_from(n).unwrap_or(0);
        }
        Ok(counts)
    }
}
