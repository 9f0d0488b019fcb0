//! Pages, the evidence: every fetched document is kept raw (zstd level 3) with the SHA-256 of the
//! raw body, which is checked again whenever the page is read. Also the URLs our OPSEC policy refused.

use crate::{now, rfc3339, Result, Store, StoreError};
use armswatch_core::crawl::{FetchedPage, PageKind};
use armswatch_core::MarketId;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// zstd level for page bodies: fast, and HTML shrinks about 5-10x.
pub(crate) const ZSTD_LEVEL: i32 = 3;

/// A stored page with its decompressed, verified body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPage {
    pub id: i64,
    pub run_id: i64,
    pub market: MarketId,
    pub requested_url: String,
    pub final_url: String,
    /// Unix seconds, UTC; see [`StoredPage::fetched_at_rfc3339`].
    pub fetched_at: i64,
    pub http_status: u16,
    pub content_type: Option<String>,
    /// The raw body, checked against `sha256`.
    pub body: Vec<u8>,
    /// Hex SHA-256 of the raw body, as recorded when fetched.
    pub sha256: String,
    pub transport: String,
    pub kind: PageKind,
    /// The origin that answered (`http://abc.onion`): the market's main address or a mirror
    /// (`None` for pages stored before this was recorded).
    pub served_by: Option<String>,
}

impl StoredPage {
    /// The fetch time as RFC 3339, UTC.
    pub fn fetched_at_rfc3339(&self) -> String {
        rfc3339(self.fetched_at)
    }
}

/// A URL the crawler refused to fetch, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refusal {
    pub id: i64,
    pub run_id: Option<i64>,
    pub market: MarketId,
    pub url: String,
    /// The page that linked or redirected to it.
    pub from_url: Option<String>,
    pub reason: String,
    /// Unix seconds, UTC.
    pub at: i64,
}

/// Hex SHA-256 of `bytes`.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

impl Store {
    /// Stores a fetched page (compressed) and returns its id.
    #[tracing::instrument(level = "debug", skip_all, fields(market = %market, run_id = run_id, len = page.body.len()))]
    pub fn save_page(&self, run_id: i64, market: &MarketId, page: &FetchedPage) -> Result<i64> {
        self.write("save page", |tx| {
            self.insert_page_tx(tx, run_id, market, page)
        })
    }

    /// Compresses and inserts a page inside a caller's transaction; returns its id.
    pub(crate) fn insert_page_tx(
        &self,
        tx: &Transaction<'_>,
        run_id: i64,
        market: &MarketId,
        page: &FetchedPage,
    ) -> Result<i64> {
        let sha = sha256_hex(&page.body);
        let compressed =
            zstd::bulk::compress(&page.body, ZSTD_LEVEL).map_err(|source| StoreError::Codec {
                path: self.path.clone(),
                op: "compress",
                page_id: 0,
                source,
            })?;
        let body_len = i64::try_from(page.body.len()).unwrap_or(i64::MAX);
        tx.prepare_cached(
            "INSERT INTO pages (run_id, market_id, requested_url, final_url, fetched_at,
                 http_status, content_type, body_zstd, body_len, sha256, transport, kind, served_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )
        .and_then(|mut st| {
            st.execute(params![
                run_id,
                market.as_str(),
                page.requested_url,
                page.final_url,
                page.fetched_at,
                page.http_status,
                page.content_type,
                compressed,
                body_len,
                sha,
                page.transport,
                page.kind.as_str(),
                page.served_by
            ])
        })
        .map_err(self.q("save page"))?;
        Ok(tx.last_insert_rowid())
    }

    /// A page by id, its body decompressed and checked against the recorded SHA-256; a mismatch is
    /// a [`StoreError::PageIntegrity`] error.
    #[tracing::instrument(level = "debug", skip(self))]
    pub fn page(&self, id: i64) -> Result<Option<StoredPage>> {
        type Raw = (StoredPage, Vec<u8>, String);
        let raw: Option<Raw> = self.read(|c| {
            c.query_row(
                "SELECT run_id, market_id, requested_url, final_url, fetched_at, http_status,
                     content_type, body_zstd, sha256, transport, kind, served_by
                 FROM pages WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        StoredPage {
                            id,
                            run_id: r.get(0)?,
                            market: MarketId(r.get(1)?),
                            requested_url: r.get(2)?,
                            final_url: r.get(3)?,
                            fetched_at: r.get(4)?,
                            http_status: r.get(5)?,
                            content_type: r.get(6)?,
                            body: Vec::new(),
                            sha256: r.get(8)?,
                            transport: r.get(9)?,
                            kind: PageKind::Start,
                            served_by: r.get(11)?,
                        },
                        r.get(7)?,
                        r.get(10)?,
                    ))
                },
            )
            .optional()
            .map_err(self.q("read page"))
        })?;
        let Some((mut page, compressed, kind)) = raw else {
            return Ok(None);
        };
        page.kind = kind.parse().map_err(|e| self.bad("pages.kind", e))?;
        page.body = zstd::stream::decode_all(compressed.as_slice()).map_err(|source| {
            StoreError::Codec {
                path: self.path.clone(),
                op: "decompress",
                page_id: id,
                source,
            }
        })?;
        let actual = sha256_hex(&page.body);
        if actual != page.sha256 {
            return Err(StoreError::PageIntegrity {
                path: self.path.clone(),
                page_id: id,
                recorded: page.sha256,
                actual,
            });
        }
        Ok(Some(page))
    }

    /// Records a URL our policy refused to fetch, found on `from_url` during run `run_id`.
    #[tracing::instrument(level = "debug", skip_all, fields(market = %market, run_id = run_id, reason = reason))]
    pub fn record_refusal(
        &self,
        run_id: i64,
        market: &MarketId,
        url: &str,
        from_url: Option<&str>,
        reason: &str,
    ) -> Result<i64> {
        self.write("record refusal", |tx| {
            self.record_refusal_tx(tx, run_id, market, url, from_url, reason)
        })
    }

    /// [`Store::record_refusal`] inside a caller's transaction. A URL already refused in the same
    /// run is not recorded again (however many pages link to it); returns the existing row's id.
    pub(crate) fn record_refusal_tx(
        &self,
        tx: &Transaction<'_>,
        run_id: i64,
        market: &MarketId,
        url: &str,
        from_url: Option<&str>,
        reason: &str,
    ) -> Result<i64> {
        let q = self.q("record refusal");
        let known: Option<i64> = tx
            .prepare_cached(
                "SELECT id FROM refusals WHERE run_id = ?1 AND url = ?2 AND market_id = ?3 LIMIT 1",
            )
            .and_then(|mut st| {
                st.query_row(params![run_id, url, market.as_str()], |r| r.get(0))
                    .optional()
            })
            .map_err(&q)?;
        if let Some(id) = known {
            return Ok(id);
        }
        tx.prepare_cached(
            "INSERT INTO refusals (run_id, market_id, url, from_url, reason, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .and_then(|mut st| {
            st.execute(params![
                run_id,
                market.as_str(),
                url,
                from_url,
                reason,
                now()
            ])
        })
        .map_err(&q)?;
        Ok(tx.last_insert_rowid())
    }

    /// The refusals of a market, oldest first.
    #[tracing::instrument(level = "trace", skip_all, fields(market = %market))]
    pub fn refusals(&self, market: &MarketId) -> Result<Vec<Refusal>> {
        let q = self.q("read refusals");
        self.read(|c| {
            let mut st = c
                .prepare_cached(
                    "SELECT id, run_id, market_id, url, from_url, reason, at FROM refusals
                     WHERE market_id = ?1 ORDER BY id",
                )
                .map_err(&q)?;
            let rows = st
                .query_map([market.as_str()], |r| {
                    Ok(Refusal {
                        id: r.get(0)?,
                        run_id: r.get(1)?,
                        market: MarketId(r.get(2)?),
                        url: r.get(3)?,
                        from_url: r.get(4)?,
                        reason: r.get(5)?,
                        at: r.get(6)?,
                    })
                })
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            Ok(rows)
        })
    }
}

#[cfg(test)]
mod tests {
    // SQLite-only: zstd body column, raw-SQL tampering (PostgreSQL's: tests/tamper.rs).
    use crate::test_support::*;
    use crate::*;
    use armswatch_core::{ErrorKind, HasKind};

    #[test]
    fn page_bodies_are_compressed_in_the_file() {
        // Guards: the raw body is stored compressed (zstd) and still comes back byte for byte.
        let (s, run) = store_with_run();
        let body = "<html><body>Glock 19 for sale. ".repeat(200).into_bytes();
        let id = s
            .save_page(run, &market(), &page("http://demo.onion/item/1", &body))
            .unwrap();
        assert_eq!(s.page(id).unwrap().unwrap().body, body);
        let stored_len: i64 = s
            .read(|c| {
                Ok(
                    c.query_row("SELECT length(body_zstd) FROM pages", [], |r| r.get(0))
                        .unwrap(),
                )
            })
            .unwrap();
        assert!(
            (stored_len as usize) < body.len() / 5,
            "compressed to {stored_len}"
        );
    }

    #[test]
    fn tampered_page_fails_integrity_check() {
        // Guards: a body that no longer matches its recorded SHA-256 is an error, not silent data.
        let (s, run) = store_with_run();
        let id = s
            .save_page(run, &market(), &page("http://demo.onion/", b"original"))
            .unwrap();
        let forged = zstd::bulk::compress(b"forged!!", 3).unwrap();
        s.read(|c| {
            c.execute(
                "UPDATE pages SET body_zstd = ?1 WHERE id = ?2",
                rusqlite::params![forged, id],
            )
            .unwrap();
            Ok(())
        })
        .unwrap();
        let err = s.page(id).unwrap_err();
        assert!(matches!(err, StoreError::PageIntegrity { .. }), "{err:?}");
        assert_eq!(err.kind(), ErrorKind::Input);
    }
}
