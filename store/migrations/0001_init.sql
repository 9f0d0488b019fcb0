-- armswatch store, schema version 1.
--
-- Append-only: never edit this file once released; add 0002_*.sql instead. Times are unix seconds,
-- UTC. Enum-like TEXT columns (states, kinds, statuses, labels) hold the stable names from
-- armswatch-core and are validated in Rust, not with CHECK constraints, so a new value never forces a
-- table rebuild.

-- 'ARMS': lets `Store::open` tell an armswatch database from any other SQLite file.
PRAGMA application_id = 1095912787;

-- A market: one site, keyed by the operator's slug.
CREATE TABLE markets (
    id               TEXT PRIMARY KEY NOT NULL,
    name             TEXT,
    base_url         TEXT,
    state            TEXT NOT NULL DEFAULT 'ok',
    state_reason     TEXT,
    state_page_id    INTEGER REFERENCES pages(id) ON DELETE SET NULL,
    state_changed_at INTEGER,
    created_at       INTEGER NOT NULL
) STRICT;

-- Every change of a market's state, for change tracking and alerts.
CREATE TABLE market_state_history (
    id        INTEGER PRIMARY KEY,
    market_id TEXT NOT NULL REFERENCES markets(id) ON DELETE CASCADE,
    state     TEXT NOT NULL,
    reason    TEXT,
    page_id   INTEGER REFERENCES pages(id) ON DELETE SET NULL,
    at        INTEGER NOT NULL
) STRICT;
CREATE INDEX market_state_history_market ON market_state_history(market_id, at);

-- One crawl of one market. Counts are kept up to date while the run goes, so a killed crawl keeps them.
CREATE TABLE crawl_runs (
    id               INTEGER PRIMARY KEY,
    market_id        TEXT NOT NULL REFERENCES markets(id),
    started_at       INTEGER NOT NULL,
    finished_at      INTEGER,
    status           TEXT NOT NULL DEFAULT 'running',
    transport        TEXT NOT NULL,
    settings_json    TEXT NOT NULL DEFAULT '{}',
    pages_fetched    INTEGER NOT NULL DEFAULT 0,
    listings_new     INTEGER NOT NULL DEFAULT 0,
    listings_changed INTEGER NOT NULL DEFAULT 0,
    errors           INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX crawl_runs_market ON crawl_runs(market_id, started_at);
CREATE INDEX crawl_runs_status ON crawl_runs(status, market_id);

-- URLs a market's crawl has seen; insertion order is the rowid.
CREATE TABLE frontier (
    market_id  TEXT NOT NULL REFERENCES markets(id),
    url        TEXT NOT NULL,
    kind       TEXT NOT NULL,
    depth      INTEGER NOT NULL,
    state      TEXT NOT NULL DEFAULT 'pending',
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    run_id     INTEGER REFERENCES crawl_runs(id),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (market_id, url)
) STRICT;
CREATE INDEX frontier_queue ON frontier(market_id, state, depth);

-- One fetched document, raw and zstd-compressed: the evidence record. sha256 is of the raw body.
CREATE TABLE pages (
    id            INTEGER PRIMARY KEY,
    run_id        INTEGER NOT NULL REFERENCES crawl_runs(id),
    market_id     TEXT NOT NULL REFERENCES markets(id),
    requested_url TEXT NOT NULL,
    final_url     TEXT NOT NULL,
    fetched_at    INTEGER NOT NULL,
    http_status   INTEGER NOT NULL,
    content_type  TEXT,
    body_zstd     BLOB NOT NULL,
    body_len      INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    transport     TEXT NOT NULL,
    kind          TEXT NOT NULL
) STRICT;
CREATE INDEX pages_market ON pages(market_id, fetched_at);
CREATE INDEX pages_run ON pages(run_id);
CREATE INDEX pages_final_url ON pages(market_id, final_url);
CREATE INDEX pages_sha256 ON pages(sha256);

-- URLs our OPSEC policy refused to fetch (clearnet links or redirects in Tor mode, other hosts).
CREATE TABLE refusals (
    id        INTEGER PRIMARY KEY,
    run_id    INTEGER REFERENCES crawl_runs(id),
    market_id TEXT NOT NULL REFERENCES markets(id),
    url       TEXT NOT NULL,
    from_url  TEXT,
    reason    TEXT NOT NULL,
    at        INTEGER NOT NULL
) STRICT;
CREATE INDEX refusals_market ON refusals(market_id, at);

-- The current content of each listing. content_sha256 hashes the content fields, so a change is
-- seen; version_first_seen is when the current content was first seen.
CREATE TABLE listings (
    id                 INTEGER PRIMARY KEY,
    market_id          TEXT NOT NULL REFERENCES markets(id),
    canonical_url      TEXT NOT NULL,
    market_listing_id  TEXT,
    title              TEXT NOT NULL,
    description        TEXT,
    vendor             TEXT,
    price_text         TEXT,
    price_amount       REAL,
    currency           TEXT,
    category           TEXT,
    ships_from         TEXT,
    ships_to           TEXT,
    content_sha256     TEXT NOT NULL,
    version            INTEGER NOT NULL DEFAULT 1,
    first_seen         INTEGER NOT NULL,
    last_seen          INTEGER NOT NULL,
    version_first_seen INTEGER NOT NULL,
    UNIQUE (market_id, canonical_url)
) STRICT;
CREATE INDEX listings_vendor ON listings(vendor, market_id);
CREATE INDEX listings_first_seen ON listings(market_id, first_seen);
CREATE INDEX listings_last_seen ON listings(market_id, last_seen);

-- Earlier content of a listing, copied here when the listing changed.
CREATE TABLE listing_versions (
    id                INTEGER PRIMARY KEY,
    listing_id        INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    version           INTEGER NOT NULL,
    market_listing_id TEXT,
    title             TEXT NOT NULL,
    description       TEXT,
    vendor            TEXT,
    price_text        TEXT,
    price_amount      REAL,
    currency          TEXT,
    category          TEXT,
    ships_from        TEXT,
    ships_to          TEXT,
    content_sha256    TEXT NOT NULL,
    first_seen        INTEGER NOT NULL,
    last_seen         INTEGER NOT NULL,
    UNIQUE (listing_id, version)
) STRICT;

-- The pages a listing was parsed from.
CREATE TABLE listing_pages (
    listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    page_id    INTEGER NOT NULL REFERENCES pages(id),
    PRIMARY KEY (listing_id, page_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX listing_pages_page ON listing_pages(page_id);

-- A model's judgement of one version of a listing. The newest row per listing is its current verdict.
CREATE TABLE verdicts (
    id              INTEGER PRIMARY KEY,
    listing_id      INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    listing_version INTEGER NOT NULL,
    model_id        TEXT NOT NULL,
    model_version   TEXT NOT NULL,
    scores_json     TEXT NOT NULL,
    labels_json     TEXT NOT NULL,
    explain_json    TEXT NOT NULL,
    max_score       REAL NOT NULL,
    flagged         INTEGER NOT NULL,
    created_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX verdicts_listing ON verdicts(listing_id, id);
CREATE INDEX verdicts_model ON verdicts(model_version, listing_id, listing_version);
CREATE INDEX verdicts_flagged ON verdicts(flagged, max_score);

-- Every label's score of a verdict; `assigned` is 1 when the model gave the label.
CREATE TABLE verdict_labels (
    verdict_id INTEGER NOT NULL REFERENCES verdicts(id) ON DELETE CASCADE,
    label      TEXT NOT NULL,
    score      REAL NOT NULL,
    assigned   INTEGER NOT NULL,
    PRIMARY KEY (verdict_id, label)
) STRICT, WITHOUT ROWID;
CREATE INDEX verdict_labels_label ON verdict_labels(label, assigned, score);

-- Each listing's newest verdict, for queries and for investigators' ad-hoc SQL.
CREATE VIEW latest_verdicts AS
SELECT v.*
FROM verdicts v
WHERE v.id = (SELECT max(v2.id) FROM verdicts v2 WHERE v2.listing_id = v.listing_id);
