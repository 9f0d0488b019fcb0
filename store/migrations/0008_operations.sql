-- Operations: schedules run by `armswatch run`, the errors it met, session cookies set with
-- `armswatch market session`, watches, and alerts with their delivery state.

-- One schedule per market (a profile added twice is refused by the UNIQUE constraints). Either
-- every_secs (with jitter_secs) or cron is set. next_at is the next time a crawl is due;
-- failures counts the crawls in a row that failed, and backoff_until holds the market back.
CREATE TABLE schedules (
    id            INTEGER PRIMARY KEY,
    market_id     TEXT NOT NULL UNIQUE REFERENCES markets(id),
    profile_path  TEXT NOT NULL UNIQUE,
    every_secs    INTEGER,
    jitter_secs   INTEGER NOT NULL DEFAULT 0,
    cron          TEXT,
    options_json  TEXT NOT NULL DEFAULT '{}',
    paused        INTEGER NOT NULL DEFAULT 0,
    next_at       INTEGER NOT NULL,
    failures      INTEGER NOT NULL DEFAULT 0,
    backoff_until INTEGER,
    last_run_id   INTEGER REFERENCES crawl_runs(id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL
) STRICT;

-- Errors of crawls and of the daemon, per market, newest shown by `status`.
CREATE TABLE crawl_errors (
    id        INTEGER PRIMARY KEY,
    market_id TEXT NOT NULL REFERENCES markets(id) ON DELETE CASCADE,
    run_id    INTEGER REFERENCES crawl_runs(id) ON DELETE SET NULL,
    at        INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    message   TEXT NOT NULL
) STRICT;
CREATE INDEX crawl_errors_market ON crawl_errors(market_id, id);

-- Listings a run saw (new, changed or unchanged), written when the run ends: a crawl that finds
-- none where the last one found many is an error.
ALTER TABLE crawl_runs ADD COLUMN listings_seen INTEGER;

-- A session cookie an investigator set for a market; it overrides the profile's.
CREATE TABLE market_sessions (
    market_id  TEXT PRIMARY KEY NOT NULL REFERENCES markets(id) ON DELETE CASCADE,
    cookie     TEXT NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- Watched vendors (exact name, case-insensitive) and terms (a regex on title and description).
-- scanned_until: listing versions first seen before this were checked against the watch.
CREATE TABLE watches (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,
    pattern       TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    scanned_until INTEGER NOT NULL,
    UNIQUE (kind, pattern)
) STRICT;

-- One alert per event (dedup_key is unique: an event is never alerted twice). state is pending
-- until the hook command succeeded (delivered) or gave up (failed); file_written_at is set once the
-- line is in the alerts JSONL file.
CREATE TABLE alerts (
    id              INTEGER PRIMARY KEY,
    dedup_key       TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    listing_id      INTEGER REFERENCES listings(id) ON DELETE SET NULL,
    watch_id        INTEGER REFERENCES watches(id) ON DELETE SET NULL,
    payload_json    TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    delivered_at    INTEGER,
    file_written_at INTEGER
) STRICT;
CREATE INDEX alerts_pending ON alerts(state, next_attempt_at);
