//! Full-text search in the review queue without a slow plan at 1 M listings.
//!
//! SQLite's plan for "matches the search, sorted by score, first 50" either builds the whole match
//! set into a temporary b-tree and walks the score index against it (about 100 ms for a word in a
//! quarter of all listings), or walks the score index and asks FTS5 about every row (seconds for a
//! prefix or a rare word). Here the matching ids are read once from the full-text index (one pass
//! over its doclists) and then:
//! - few matches ([`FEW_MATCHES`] or less): looked up by id, filtered and sorted (cost grows with
//!   the matches, not the queue);
//! - many: the queue is walked in its order (an index, filters applied by SQLite) keeping the rows
//!   whose id is a match, until the page is full; the more matches, the shorter the walk.

use crate::{Result, Store};
use rusqlite::types::ToSql;

/// Up to this many matching listings, a search page looks them up by id instead of walking the
/// queue.
pub const FEW_MATCHES: usize = 2_000;

/// The listings a full-text query matches, sorted by id.
pub(crate) struct Matches(Vec<i64>);

impl Matches {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn contains(&self, id: i64) -> bool {
        self.0.binary_search(&id).is_ok()
    }

    pub fn ids(&self) -> &[i64] {
        &self.0
    }
}

/// Ids as a JSON array, for `json_each`.
pub(crate) fn id_json(ids: &[i64]) -> String {
    let mut s = String::with_capacity(ids.len() * 8 + 2);
    s.push('[');
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&id.to_string());
    }
    s.push(']');
    s
}

impl Store {
    /// Every listing id the FTS5 query `fts` matches.
    pub(crate) fn search_matches(&self, fts: &str) -> Result<Matches> {
        let q = self.q("search listings");
        let mut ids = self.read(|c| {
            let mut st = c
                .prepare_cached("SELECT rowid FROM listings_fts WHERE listings_fts MATCH ?1")
                .map_err(&q)?;
            let ids = st
                .query_map([fts], |r| r.get::<_, i64>(0))
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<i64>>>()
                .map_err(&q)?;
            Ok(ids)
        })?;
        ids.sort_unstable();
        ids.dedup();
        Ok(Matches(ids))
    }

    /// Walks `sql` (queue ids in the page's order, filters and key applied) and returns the
    /// first `need` ids that are in `matches`.
    pub(crate) fn walk_matching(
        &self,
        sql: &str,
        params: &[(&str, &dyn ToSql)],
        matches: &Matches,
        need: usize,
    ) -> Result<Vec<i64>> {
        let q = self.q("walk the review queue");
        self.read(|c| {
            let mut st = c.prepare_cached(sql).map_err(&q)?;
            let mut rows = st.query(params).map_err(&q)?;
            let mut out = Vec::with_capacity(need);
            while out.len() < need {
                let Some(r) = rows.next().map_err(&q)? else {
                    break;
                };
                let id: i64 = r.get(0).map_err(&q)?;
                if matches.contains(id) {
                    out.push(id);
                }
            }
            Ok(out)
        })
    }
}

#[cfg(test)]
mod tests {
    // SQLite-only: the two FTS5 search plans (by id, walking the queue) exist only in SQLite.
    use crate::queue::tests::store_with;
    use crate::{QueuePosition, QueueQuery, QueueSort, Store};
    use armswatch_core::{Label, MarketId};

    /// Every page forwards with `few` as the threshold, checking that going back from each page
    /// gives the page before.
    fn pages(s: &Store, q: &QueueQuery, few: usize) -> Vec<Vec<i64>> {
        let ids = |p: &crate::QueuePage| p.rows.iter().map(|r| r.listing_id).collect::<Vec<_>>();
        let mut out: Vec<Vec<i64>> = Vec::new();
        let mut at = QueuePosition::Start;
        loop {
            let page = s.queue_with(q, &at, few).unwrap();
            if let (Some(prev), Some(before)) = (&page.prev, out.last()) {
                let back = s
                    .queue_with(q, &QueuePosition::Before(prev.clone()), few)
                    .unwrap();
                assert_eq!(&ids(&back), before, "back from page {}", out.len());
            }
            out.push(ids(&page));
            match page.next {
                Some(k) => at = QueuePosition::After(k),
                None => return out,
            }
        }
    }

    #[test]
    fn both_search_plans_give_the_same_pages() {
        // Guards: looking a few matches up by id and walking the queue for many give the same
        // rows in the same pages, forwards and back, for every sort, with and without filters,
        // and a search matching everything pages like no search.
        let s = store_with(23);
        for sort in QueueSort::ALL {
            let plain = QueueQuery {
                sort,
                limit: 4,
                ..Default::default()
            };
            let queries = [
                QueueQuery {
                    search: Some("glock".into()),
                    ..plain.clone()
                },
                QueueQuery {
                    search: Some("glock".into()),
                    label: Some(Label::Firearm),
                    market: Some(MarketId("a".into())),
                    min_score: Some(0.3),
                    ..plain.clone()
                },
                QueueQuery {
                    search: Some("cafe rug".into()),
                    include_unflagged: true,
                    ..plain.clone()
                },
                QueueQuery {
                    search: Some("nothing here".into()),
                    ..plain.clone()
                },
            ];
            for q in &queries {
                let by_id = pages(&s, q, usize::MAX);
                let walked = pages(&s, q, 0);
                assert_eq!(by_id, walked, "{q:?}");
            }
            assert_eq!(pages(&s, &queries[0], 0), pages(&s, &plain, 0), "{sort:?}");
            assert_eq!(pages(&s, &queries[2], 0), vec![vec![3]]);
            assert_eq!(pages(&s, &queries[3], 0), vec![Vec::<i64>::new()]);
        }
    }
}
