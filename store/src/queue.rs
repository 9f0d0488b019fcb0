//! The review queue: classified listings with their newest verdict and review state, sorted,
//! filtered and searched (FTS5 over title, description and vendor), paged by key (never OFFSET),
//! so a page costs the same at listing 1,000,000 as at listing 1. Table `review_queue` and the
//! full-text index are kept in step by triggers (migration 0006); searches are planned in
//! `queue_search`.

use crate::queue_search::{id_json, FEW_MATCHES};
use crate::{Result, Store};
use armswatch_core::{Label, MarketId, ReviewState};
use rusqlite::types::ToSql;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How the queue is ordered. Every order ends with the listing id, so it is total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QueueSort {
    /// Highest score first.
    #[default]
    Score,
    /// Most recently first seen first.
    Newest,
    /// By market id, then highest score first.
    Market,
    /// By the top label (firearm, part, ammunition, design), then highest score first.
    Label,
}

impl QueueSort {
    pub const ALL: [QueueSort; 4] = [
        QueueSort::Score,
        QueueSort::Newest,
        QueueSort::Market,
        QueueSort::Label,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QueueSort::Score => "score",
            QueueSort::Newest => "newest",
            QueueSort::Market => "market",
            QueueSort::Label => "label",
        }
    }
}

impl std::str::FromStr for QueueSort {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        QueueSort::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim().to_ascii_lowercase())
            .ok_or_else(|| format!("unknown sort {s:?} (expected score, newest, market or label)"))
    }
}

/// Which listings the queue shows, and how many per page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QueueQuery {
    pub sort: QueueSort,
    /// Only listings whose newest verdict gave this label.
    pub label: Option<Label>,
    pub market: Option<MarketId>,
    /// Exact vendor name.
    pub vendor: Option<String>,
    pub state: Option<ReviewState>,
    /// Highest label score at least / at most this.
    pub min_score: Option<f32>,
    pub max_score: Option<f32>,
    /// Words to find in title, description or vendor (all of them, each as a word prefix).
    pub search: Option<String>,
    /// Also listings the model did not flag.
    pub include_unflagged: bool,
    /// Rows per page (1..=1000; 0 means 50).
    pub limit: usize,
}

/// A listing's position in one sort order: where a page starts or ends.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueKey {
    pub listing_id: i64,
    pub max_score: f64,
    pub first_seen: i64,
    pub market: String,
    pub top_label: i64,
}

impl QueueKey {
    /// The key as URL-safe text (`armswatch serve` puts it in links).
    pub fn encode(&self) -> String {
        format!(
            "{}.{:016x}.{}.{}.{}",
            self.listing_id,
            self.max_score.to_bits(),
            self.first_seen,
            self.top_label,
            hex::encode(self.market.as_bytes())
        )
    }

    /// Parses [`QueueKey::encode`]'s text.
    pub fn decode(s: &str) -> Option<QueueKey> {
        let mut it = s.split('.');
        let listing_id = it.next()?.parse().ok()?;
        let max_score = f64::from_bits(u64::from_str_radix(it.next()?, 16).ok()?);
        let first_seen = it.next()?.parse().ok()?;
        let top_label = it.next()?.parse().ok()?;
        let market = String::from_utf8(hex::decode(it.next()?).ok()?).ok()?;
        if it.next().is_some() || !max_score.is_finite() {
            return None;
        }
        Some(QueueKey {
            listing_id,
            max_score,
            first_seen,
            market,
            top_label,
        })
    }
}

/// Where a page starts.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum QueuePosition {
    /// The first page.
    #[default]
    Start,
    /// The rows after this key.
    After(QueueKey),
    /// The rows before this key (a previous page), still returned in queue order.
    Before(QueueKey),
}

/// One listing in the queue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueRow {
    pub listing_id: i64,
    pub market: MarketId,
    pub url: String,
    pub title: String,
    pub vendor: Option<String>,
    pub price_text: Option<String>,
    pub max_score: f32,
    pub flagged: bool,
    /// Labels of the newest verdict, and every label's score.
    pub labels: Vec<Label>,
    pub scores: BTreeMap<Label, f32>,
    pub state: ReviewState,
    /// Unix seconds, UTC.
    pub first_seen: i64,
    #[serde(skip)]
    pub key: QueueKey,
}

/// One page of the queue.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QueuePage {
    pub rows: Vec<QueueRow>,
    /// The key to ask `After` for the next page, when there is one.
    pub next: Option<QueueKey>,
    /// The key to ask `Before` for the previous page, when there is one.
    pub prev: Option<QueueKey>,
}

/// Turns what a person typed into an FTS5 query: every word (letters and digits) quoted, as a
/// prefix, all required; FTS5 syntax in the input is taken literally. `None` when nothing is left.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The bit of a label in `review_queue.labels`.
pub(crate) fn label_bit(l: Label) -> i64 {
    1 << l.index()
}

pub(crate) fn labels_of(bits: i64) -> Vec<Label> {
    Label::ALL
        .into_iter()
        .filter(|l| bits & label_bit(*l) != 0)
        .collect()
}

/// SQL for one direction of one sort: (the keyset condition after/before the key within the same
/// group, the condition for later/earlier groups, ORDER BY). Sorts without groups have no second
/// part.
pub(crate) struct Plan {
    pub(crate) same_group: &'static str,
    pub(crate) later_groups: Option<&'static str>,
    pub(crate) order: &'static str,
}

pub(crate) fn plan(sort: QueueSort, forward: bool) -> Plan {
    match (sort, forward) {
        (QueueSort::Score, true) => Plan {
            same_group: "(q.max_score, q.listing_id) < (:score, :id)",
            later_groups: None,
            order: "q.max_score DESC, q.listing_id DESC",
        },
        (QueueSort::Score, false) => Plan {
            same_group: "(q.max_score, q.listing_id) > (:score, :id)",
            later_groups: None,
            order: "q.max_score ASC, q.listing_id ASC",
        },
        (QueueSort::Newest, true) => Plan {
            same_group: "(q.first_seen, q.listing_id) < (:seen, :id)",
            later_groups: None,
            order: "q.first_seen DESC, q.listing_id DESC",
        },
        (QueueSort::Newest, false) => Plan {
            same_group: "(q.first_seen, q.listing_id) > (:seen, :id)",
            later_groups: None,
            order: "q.first_seen ASC, q.listing_id ASC",
        },
        (QueueSort::Market, true) => Plan {
            same_group: "q.market_id = :market AND (q.max_score, q.listing_id) < (:score, :id)",
            later_groups: Some("q.market_id > :market"),
            order: "q.market_id ASC, q.max_score DESC, q.listing_id DESC",
        },
        (QueueSort::Market, false) => Plan {
            same_group: "q.market_id = :market AND (q.max_score, q.listing_id) > (:score, :id)",
            later_groups: Some("q.market_id < :market"),
            order: "q.market_id DESC, q.max_score ASC, q.listing_id ASC",
        },
        (QueueSort::Label, true) => Plan {
            same_group: "q.top_label = :label AND (q.max_score, q.listing_id) < (:score, :id)",
            later_groups: Some("q.top_label > :label"),
            order: "q.top_label ASC, q.max_score DESC, q.listing_id DESC",
        },
        (QueueSort::Label, false) => Plan {
            same_group: "q.top_label = :label AND (q.max_score, q.listing_id) > (:score, :id)",
            later_groups: Some("q.top_label < :label"),
            order: "q.top_label DESC, q.max_score ASC, q.listing_id ASC",
        },
    }
}

/// One page of the queue at `at`, reading rows with `rows(search, key, forward, limit)`: the
/// FTS-style search terms, the key to start after (in the direction), and how many rows at most.
/// Both backends page this way.
pub(crate) fn paged(
    query: &QueueQuery,
    at: &QueuePosition,
    rows: impl FnOnce(Option<&str>, Option<&QueueKey>, bool, usize) -> Result<Vec<QueueRow>>,
) -> Result<QueuePage> {
    let limit = match query.limit {
        0 => 50,
        n => n.min(1000),
    };
    let search = match query.search.as_deref().map(str::trim) {
        Some(s) if !s.is_empty() => match fts_query(s) {
            Some(q) => Some(q),
            // Only punctuation: nothing can match.
            None => return Ok(QueuePage::default()),
        },
        _ => None,
    };
    let (key, forward) = match at {
        QueuePosition::Start => (None, true),
        QueuePosition::After(k) => (Some(k), true),
        QueuePosition::Before(k) => (Some(k), false),
    };
    // One extra row tells whether there is more in this direction.
    let mut rows = rows(search.as_deref(), key, forward, limit + 1)?;
    let more = rows.len() > limit;
    rows.truncate(limit);
    if !forward {
        rows.reverse();
    }
    let (has_next, has_prev) = match at {
        QueuePosition::Start => (more, false),
        QueuePosition::After(_) => (more, true),
        QueuePosition::Before(_) => (true, more),
    };
    Ok(QueuePage {
        next: has_next
            .then(|| rows.last().map(|r| r.key.clone()))
            .flatten(),
        prev: has_prev
            .then(|| rows.first().map(|r| r.key.clone()))
            .flatten(),
        rows,
    })
}

type Raw = (QueueRow, i64, Option<String>, String);

impl Store {
    /// One page of the queue.
    #[tracing::instrument(level = "debug", skip_all)]
    pub fn queue(&self, query: &QueueQuery, at: &QueuePosition) -> Result<QueuePage> {
        self.queue_with(query, at, FEW_MATCHES)
    }

    /// [`Store::queue`], with `few` search matches or less looked up by id.
    pub(crate) fn queue_with(
        &self,
        query: &QueueQuery,
        at: &QueuePosition,
        few: usize,
    ) -> Result<QueuePage> {
        paged(query, at, |search, key, forward, limit| {
            self.queue_rows(query, search, key, forward, limit, few)
        })
    }

    /// A listing's queue key, `None` when it has no verdict.
    pub fn queue_key(&self, listing_id: i64) -> Result<Option<QueueKey>> {
        self.read(|c| {
            c.query_row(
                "SELECT listing_id, max_score, first_seen, market_id, top_label
                 FROM review_queue WHERE listing_id = ?1",
                [listing_id],
                |r| {
                    Ok(QueueKey {
                        listing_id: r.get(0)?,
                        max_score: r.get(1)?,
                        first_seen: r.get(2)?,
                        market: r.get(3)?,
                        top_label: r.get(4)?,
                    })
                },
            )
            .optional()
            .map_err(self.q("read queue key"))
        })
    }

    /// How many listings are in each review state (flagged listings only).
    pub fn queue_state_counts(&self) -> Result<BTreeMap<ReviewState, usize>> {
        let q = self.q("count review states");
        let raw: Vec<(String, i64)> = self.read(|c| {
            let mut st = c
                .prepare_cached(
                    "SELECT state, count(*) FROM review_queue WHERE flagged = 1 GROUP BY state",
                )
                .map_err(&q)?;
            let rows = st
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(&q)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&q)?;
            Ok(rows)
        })?;
        let mut out: BTreeMap<ReviewState, usize> =
            ReviewState::ALL.into_iter().map(|s| (s, 0)).collect();
        for (s, n) in raw {
            let s = s
                .parse()
                .map_err(|e: armswatch_core::ParseReviewStateError| {
                    self.bad("review_queue.state", e.to_string())
                })?;
            out.insert(s, crate::to_usize(n));
        }
        Ok(out)
    }

    fn queue_rows(
        &self,
        query: &QueueQuery,
        search: Option<&str>,
        key: Option<&QueueKey>,
        forward: bool,
        limit: usize,
        few: usize,
    ) -> Result<Vec<QueueRow>> {
        let mut filters: Vec<&str> = Vec::new();
        if !query.include_unflagged {
            filters.push("q.flagged = 1");
        }
        if query.label.is_some() {
            filters.push("(q.labels & :lbit) != 0");
        }
        if query.market.is_some() {
            filters.push("q.market_id = :f_market");
        }
        if query.vendor.is_some() {
            filters.push("q.vendor = :f_vendor");
        }
        if query.state.is_some() {
            filters.push("q.state = :f_state");
        }
        if query.min_score.is_some() {
            filters.push("q.max_score >= :min_score");
        }
        if query.max_score.is_some() {
            filters.push("q.max_score <= :max_score");
        }
        // A search reads its matches first and picks the plan by how many there are
        // (`queue_search`).
        let matches = search.map(|s| self.search_matches(s)).transpose()?;
        let few_ids = matches
            .as_ref()
            .filter(|m| m.len() <= few)
            .map(|m| id_json(m.ids()));
        if matches.as_ref().is_some_and(|m| m.len() == 0) {
            return Ok(Vec::new());
        }
        if few_ids.is_some() {
            filters.push("q.listing_id IN (SELECT value FROM json_each(:match_ids))");
        }
        let p = plan(query.sort, forward);
        let mut parts: Vec<String> = Vec::new();
        let conds = |extra: Option<&str>| {
            let mut all = filters.clone();
            all.extend(extra);
            if all.is_empty() {
                "1".to_string()
            } else {
                all.join(" AND ")
            }
        };
        match key {
            None => parts.push(conds(None)),
            Some(_) => {
                parts.push(conds(Some(p.same_group)));
                if let Some(later) = p.later_groups {
                    parts.push(conds(Some(later)));
                }
            }
        }
        let label_bit_v = query.label.map(label_bit);
        let market_v = query.market.as_ref().map(|m| m.as_str().to_string());
        let state_v = query.state.map(|s| s.as_str());
        let min_v = query.min_score.map(f64::from);
        let max_v = query.max_score.map(f64::from);
        let mut out: Vec<Raw> = Vec::new();
        let q = self.q("read the review queue");
        for cond in parts {
            if out.len() >= limit {
                break;
            }
            let mut named: Vec<(&str, &dyn ToSql)> = Vec::new();
            if let Some(v) = &label_bit_v {
                named.push((":lbit", v));
            }
            if let Some(v) = &market_v {
                named.push((":f_market", v));
            }
            if let Some(v) = &query.vendor {
                named.push((":f_vendor", v));
            }
            if let Some(v) = &state_v {
                named.push((":f_state", v));
            }
            if let Some(v) = &min_v {
                named.push((":min_score", v));
            }
            if let Some(v) = &max_v {
                named.push((":max_score", v));
            }
            if let Some(v) = &few_ids {
                named.push((":match_ids", v));
            }
            if let Some(k) = key {
                let used = |name: &str| cond.contains(name);
                if used(":score") {
                    named.push((":score", &k.max_score));
                }
                if used(":id") {
                    named.push((":id", &k.listing_id));
                }
                if used(":seen") {
                    named.push((":seen", &k.first_seen));
                }
                if used(":market") {
                    named.push((":market", &k.market));
                }
                if used(":label") {
                    named.push((":label", &k.top_label));
                }
            }
            let limit_v = i64::try_from(limit - out.len()).unwrap_or(1000);
            // Many matches: walk this part of the queue in order keeping the matches, then read
            // those rows by id.
            let walked;
            let (inner, named) = match matches.as_ref().filter(|_| few_ids.is_none()) {
                Some(m) => {
                    let walk = format!(
                        "SELECT q.listing_id FROM review_queue q WHERE {cond} ORDER BY {order}",
                        order = p.order
                    );
                    let ids = self.walk_matching(&walk, &named, m, limit - out.len())?;
                    if ids.is_empty() {
                        continue;
                    }
                    walked = id_json(&ids);
                    let named: Vec<(&str, &dyn ToSql)> =
                        vec![(":match_ids", &walked), (":limit", &limit_v)];
                    (
                        "review_queue q NOT INDEXED \
                         WHERE q.listing_id IN (SELECT value FROM json_each(:match_ids))"
                            .to_string(),
                        named,
                    )
                }
                None => {
                    let mut named = named;
                    named.push((":limit", &limit_v));
                    // A few search matches are looked up by id (rowid), not found by an index
                    // walk.
                    let hint = if few_ids.is_some() {
                        " NOT INDEXED"
                    } else {
                        ""
                    };
                    (format!("review_queue q{hint} WHERE {cond}"), named)
                }
            };
            let sql = format!(
                "SELECT q.listing_id, q.market_id, l.canonical_url, l.title, l.vendor, l.price_text,
                     q.max_score, q.flagged, q.labels, q.state, q.first_seen, q.top_label,
                     v.scores_json
                 FROM (SELECT q.* FROM {inner} ORDER BY {order} LIMIT :limit) q
                 JOIN listings l ON l.id = q.listing_id
                 LEFT JOIN verdicts v ON v.id = q.verdict_id
                 ORDER BY {order}",
                order = p.order
            );
            let got: Vec<Raw> = self.read(|c| {
                let mut st = c.prepare_cached(&sql).map_err(&q)?;
                let rows = st
                    .query_map(named.as_slice(), |r| {
                        let max_score: f64 = r.get(6)?;
                        let market: String = r.get(1)?;
                        Ok((
                            QueueRow {
                                listing_id: r.get(0)?,
                                market: MarketId(market.clone()),
                                url: r.get(2)?,
                                title: r.get(3)?,
                                vendor: r.get(4)?,
                                price_text: r.get(5)?,
                                max_score: max_score as f32,
                                flagged: r.get(7)?,
                                labels: Vec::new(),
                                scores: BTreeMap::new(),
                                state: ReviewState::Unreviewed,
                                first_seen: r.get(10)?,
                                key: QueueKey {
                                    listing_id: r.get(0)?,
                                    max_score,
                                    first_seen: r.get(10)?,
                                    market,
                                    top_label: r.get(11)?,
                                },
                            },
                            r.get(8)?,
                            r.get(12)?,
                            r.get(9)?,
                        ))
                    })
                    .map_err(&q)?
                    .collect::<rusqlite::Result<Vec<_>>>()
                    .map_err(&q)?;
                Ok(rows)
            })?;
            out.extend(got);
        }
        out.truncate(limit);
        out.into_iter()
            .map(|(mut row, bits, scores, state)| {
                row.labels = labels_of(bits);
                if let Some(s) = scores {
                    row.scores = serde_json::from_str(&s).map_err(|e| {
                        self.bad(
                            "verdicts.scores_json",
                            format!("listing {}: {e}", row.listing_id),
                        )
                    })?;
                }
                row.state = state
                    .parse()
                    .map_err(|e: armswatch_core::ParseReviewStateError| {
                        self.bad("review_queue.state", e.to_string())
                    })?;
                Ok(row)
            })
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod tests;
