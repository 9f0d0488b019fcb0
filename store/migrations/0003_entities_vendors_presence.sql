-- Entities, vendor profile pages and listing presence (issue 15).

-- An identifier found in market text (kinds: armswatch-core's EntityKind names), one row per
-- distinct normalised value.
CREATE TABLE entities (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    value      TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    UNIQUE (kind, value)
) STRICT;

-- Where an entity was found: a field of one listing version (`title`, `description`), a vendor's
-- profile page (`vendor_page`) or any page (`page`, onion addresses only). `url` is the listing's
-- canonical URL or the page's URL; listing_version is 0 outside listings. Seeing the same place
-- again only moves last_seen.
CREATE TABLE entity_sightings (
    id              INTEGER PRIMARY KEY,
    entity_id       INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    market_id       TEXT NOT NULL REFERENCES markets(id),
    url             TEXT NOT NULL,
    listing_id      INTEGER REFERENCES listings(id) ON DELETE CASCADE,
    listing_version INTEGER NOT NULL DEFAULT 0,
    vendor          TEXT,
    field           TEXT NOT NULL,
    raw             TEXT NOT NULL,
    byte_offset     INTEGER NOT NULL,
    page_id         INTEGER REFERENCES pages(id) ON DELETE SET NULL,
    first_seen      INTEGER NOT NULL,
    last_seen       INTEGER NOT NULL,
    UNIQUE (entity_id, market_id, url, listing_version, field, byte_offset)
) STRICT;
CREATE INDEX entity_sightings_listing ON entity_sightings(listing_id, listing_version);
CREATE INDEX entity_sightings_vendor ON entity_sightings(market_id, vendor);

-- What a parsed PGP public key block says, by fingerprint.
CREATE TABLE pgp_keys (
    fingerprint   TEXT PRIMARY KEY NOT NULL,
    key_id        TEXT NOT NULL,
    algorithm     TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    user_ids_json TEXT NOT NULL,
    self_signed   INTEGER NOT NULL,
    armored       TEXT NOT NULL,
    first_seen    INTEGER NOT NULL
) STRICT;

-- The vendor's profile page linked from a listing (not part of the content hash).
ALTER TABLE listings ADD COLUMN vendor_url TEXT;
-- When the listing was first missed by the crawls that marked it vanished; NULL while present.
ALTER TABLE listings ADD COLUMN vanished_at INTEGER;
CREATE INDEX listings_vendor_url ON listings(market_id, vendor_url);

-- A listing going missing (`vanished`) or coming back (`reappeared`).
CREATE TABLE listing_presence (
    id         INTEGER PRIMARY KEY,
    listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    event      TEXT NOT NULL,
    at         INTEGER NOT NULL,
    run_id     INTEGER REFERENCES crawl_runs(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX listing_presence_listing ON listing_presence(listing_id, at);
