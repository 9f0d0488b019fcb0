-- Investigator review: a queue row per classified listing, full-text search over listings, and
-- the append-only, hash-chained decisions of reviewers.

-- One row per listing that has a verdict: its newest verdict's scores and labels, where it sorts,
-- and its review state. Kept in step by the triggers below, so every write path (crawl, classify,
-- review) keeps it right; the queue pages over its indexes by key, never by OFFSET.
-- `labels` is a bit set in armswatch-core's Label::ALL order (firearm 1, part 2, ammunition 4,
-- design 8); `top_label` is the rank (0-3, same order) of the highest-scoring label given, 4 when none.
CREATE TABLE review_queue (
    listing_id INTEGER PRIMARY KEY NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    verdict_id INTEGER NOT NULL,
    flagged    INTEGER NOT NULL,
    max_score  REAL NOT NULL,
    labels     INTEGER NOT NULL,
    top_label  INTEGER NOT NULL,
    market_id  TEXT NOT NULL,
    vendor     TEXT,
    first_seen INTEGER NOT NULL,
    state      TEXT NOT NULL DEFAULT 'unreviewed',
    review_id  INTEGER
) STRICT;
CREATE INDEX review_queue_score ON review_queue(flagged, max_score, listing_id);
CREATE INDEX review_queue_newest ON review_queue(flagged, first_seen, listing_id);
CREATE INDEX review_queue_market
    ON review_queue(flagged, market_id ASC, max_score DESC, listing_id DESC);
CREATE INDEX review_queue_label
    ON review_queue(flagged, top_label ASC, max_score DESC, listing_id DESC);
CREATE INDEX review_queue_state ON review_queue(flagged, state, max_score, listing_id);
CREATE INDEX review_queue_vendor ON review_queue(vendor, max_score, listing_id);

CREATE TRIGGER review_queue_verdict AFTER INSERT ON verdicts BEGIN
    INSERT INTO review_queue (listing_id, verdict_id, flagged, max_score, labels, top_label,
                              market_id, vendor, first_seen)
    SELECT NEW.listing_id, NEW.id, NEW.flagged, NEW.max_score,
           (SELECT coalesce(sum(CASE j.value WHEN 'firearm' THEN 1 WHEN 'part' THEN 2
                                 WHEN 'ammunition' THEN 4 WHEN 'design' THEN 8 ELSE 0 END), 0)
            FROM json_each(NEW.labels_json) j),
           coalesce((SELECT CASE j.value WHEN 'firearm' THEN 0 WHEN 'part' THEN 1
                                 WHEN 'ammunition' THEN 2 WHEN 'design' THEN 3 ELSE 4 END
                     FROM json_each(NEW.labels_json) j
                     ORDER BY json_extract(NEW.scores_json, '$.' || j.value) DESC LIMIT 1), 4),
           l.market_id, l.vendor, l.first_seen
    FROM listings l WHERE l.id = NEW.listing_id
    ON CONFLICT (listing_id) DO UPDATE SET
        verdict_id = excluded.verdict_id, flagged = excluded.flagged,
        max_score = excluded.max_score, labels = excluded.labels, top_label = excluded.top_label
    WHERE excluded.verdict_id > review_queue.verdict_id;
END;

CREATE TRIGGER review_queue_listing AFTER UPDATE OF vendor, first_seen, market_id ON listings BEGIN
    UPDATE review_queue SET vendor = NEW.vendor, first_seen = NEW.first_seen,
                            market_id = NEW.market_id
    WHERE listing_id = NEW.id;
END;

-- Full-text search over title, description and vendor (external content: the text lives in
-- `listings` only).
CREATE VIRTUAL TABLE listings_fts USING fts5(
    title, description, vendor,
    content = 'listings', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER listings_fts_insert AFTER INSERT ON listings BEGIN
    INSERT INTO listings_fts (rowid, title, description, vendor)
    VALUES (NEW.id, NEW.title, NEW.description, NEW.vendor);
END;
CREATE TRIGGER listings_fts_delete AFTER DELETE ON listings BEGIN
    INSERT INTO listings_fts (listings_fts, rowid, title, description, vendor)
    VALUES ('delete', OLD.id, OLD.title, OLD.description, OLD.vendor);
END;
CREATE TRIGGER listings_fts_update AFTER UPDATE OF title, description, vendor ON listings BEGIN
    INSERT INTO listings_fts (listings_fts, rowid, title, description, vendor)
    VALUES ('delete', OLD.id, OLD.title, OLD.description, OLD.vendor);
    INSERT INTO listings_fts (rowid, title, description, vendor)
    VALUES (NEW.id, NEW.title, NEW.description, NEW.vendor);
END;
INSERT INTO listings_fts (listings_fts) VALUES ('rebuild');

-- A reviewer's decision on a listing. Append-only: a new decision is a new row, the newest one
-- counts. Each row carries the verdict it answered (a copy of its labels and scores, so the record
-- stands alone) and is chained to the previous row by SHA-256 (`hash` covers every column and
-- `prev_hash`), so an edited, inserted or removed row breaks the chain. `state` is confirmed,
-- rejected or relabelled; `labels_json` the labels the reviewer holds true.
CREATE TABLE reviews (
    id                INTEGER PRIMARY KEY,
    listing_id        INTEGER NOT NULL REFERENCES listings(id),
    listing_version   INTEGER NOT NULL,
    verdict_id        INTEGER,
    model_id          TEXT,
    model_version     TEXT,
    model_labels_json TEXT NOT NULL,
    model_scores_json TEXT NOT NULL,
    state             TEXT NOT NULL,
    labels_json       TEXT NOT NULL,
    note              TEXT NOT NULL,
    reviewer          TEXT NOT NULL,
    decided_at        INTEGER NOT NULL,
    prev_hash         TEXT NOT NULL,
    hash              TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX reviews_listing ON reviews(listing_id, id);
CREATE INDEX reviews_state ON reviews(state, listing_id);

CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only: record a new decision instead');
END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only: record a new decision instead');
END;
CREATE TRIGGER review_queue_review AFTER INSERT ON reviews BEGIN
    UPDATE review_queue SET state = NEW.state, review_id = NEW.id
    WHERE listing_id = NEW.listing_id;
END;

-- Listings classified before this migration get their queue rows now.
INSERT INTO review_queue (listing_id, verdict_id, flagged, max_score, labels, top_label,
                          market_id, vendor, first_seen)
SELECT v.listing_id, v.id, v.flagged, v.max_score,
       (SELECT coalesce(sum(CASE j.value WHEN 'firearm' THEN 1 WHEN 'part' THEN 2
                             WHEN 'ammunition' THEN 4 WHEN 'design' THEN 8 ELSE 0 END), 0)
        FROM json_each(v.labels_json) j),
       coalesce((SELECT CASE j.value WHEN 'firearm' THEN 0 WHEN 'part' THEN 1
                             WHEN 'ammunition' THEN 2 WHEN 'design' THEN 3 ELSE 4 END
                 FROM json_each(v.labels_json) j
                 ORDER BY json_extract(v.scores_json, '$.' || j.value) DESC LIMIT 1), 4),
       l.market_id, l.vendor, l.first_seen
FROM verdicts v JOIN listings l ON l.id = v.listing_id
WHERE v.id = (SELECT max(v2.id) FROM verdicts v2 WHERE v2.listing_id = v.listing_id);
