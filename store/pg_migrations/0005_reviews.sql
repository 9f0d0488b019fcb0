-- Investigator review on PostgreSQL, as the SQLite schema's migration 0006: a queue row per
-- classified listing kept in step by triggers, full-text search over listings (PostgreSQL's own,
-- `simple` configuration, each word a prefix), and the append-only, hash-chained decisions.
--
-- `labels` is a bit set in armswatch-core's Label::ALL order (firearm 1, part 2, ammunition 4,
-- design 8); `top_label` the rank (0-3) of the highest-scoring label given, 4 when none.
CREATE TABLE review_queue (
    listing_id BIGINT PRIMARY KEY NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    verdict_id BIGINT NOT NULL,
    flagged    BOOLEAN NOT NULL,
    max_score  DOUBLE PRECISION NOT NULL,
    labels     BIGINT NOT NULL,
    top_label  BIGINT NOT NULL,
    market_id  TEXT NOT NULL,
    vendor     TEXT,
    first_seen BIGINT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'unreviewed',
    review_id  BIGINT
);
CREATE INDEX review_queue_score ON review_queue(flagged, max_score, listing_id);
CREATE INDEX review_queue_newest ON review_queue(flagged, first_seen, listing_id);
CREATE INDEX review_queue_market
    ON review_queue(flagged, market_id ASC, max_score DESC, listing_id DESC);
CREATE INDEX review_queue_label
    ON review_queue(flagged, top_label ASC, max_score DESC, listing_id DESC);
CREATE INDEX review_queue_state ON review_queue(flagged, state, max_score, listing_id);
CREATE INDEX review_queue_vendor ON review_queue(vendor, max_score, listing_id);

-- The label bit set and top label of a verdict's labels and scores (JSON text).
CREATE FUNCTION review_label_bits(labels_json TEXT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(sum(CASE j WHEN 'firearm' THEN 1 WHEN 'part' THEN 2
                               WHEN 'ammunition' THEN 4 WHEN 'design' THEN 8 ELSE 0 END), 0)::BIGINT
    FROM json_array_elements_text(labels_json::json) j
$$;
CREATE FUNCTION review_top_label(labels_json TEXT, scores_json TEXT) RETURNS BIGINT
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce((SELECT CASE j.l WHEN 'firearm' THEN 0 WHEN 'part' THEN 1
                                     WHEN 'ammunition' THEN 2 WHEN 'design' THEN 3 ELSE 4 END
                     FROM json_array_elements_text(labels_json::json) WITH ORDINALITY AS j(l, n)
                     ORDER BY (scores_json::json ->> j.l)::DOUBLE PRECISION DESC NULLS LAST, j.n
                     LIMIT 1), 4)::BIGINT
$$;

CREATE FUNCTION review_queue_verdict() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO review_queue (listing_id, verdict_id, flagged, max_score, labels, top_label,
                              market_id, vendor, first_seen)
    SELECT NEW.listing_id, NEW.id, NEW.flagged, NEW.max_score,
           review_label_bits(NEW.labels_json), review_top_label(NEW.labels_json, NEW.scores_json),
           l.market_id, l.vendor, l.first_seen
    FROM listings l WHERE l.id = NEW.listing_id
    ON CONFLICT (listing_id) DO UPDATE SET
        verdict_id = excluded.verdict_id, flagged = excluded.flagged,
        max_score = excluded.max_score, labels = excluded.labels, top_label = excluded.top_label
    WHERE excluded.verdict_id > review_queue.verdict_id;
    RETURN NEW;
END;
$$;
CREATE TRIGGER review_queue_verdict AFTER INSERT ON verdicts
    FOR EACH ROW EXECUTE FUNCTION review_queue_verdict();

CREATE FUNCTION review_queue_listing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE review_queue SET vendor = NEW.vendor, first_seen = NEW.first_seen,
                            market_id = NEW.market_id
    WHERE listing_id = NEW.id;
    RETURN NEW;
END;
$$;
CREATE TRIGGER review_queue_listing AFTER UPDATE OF vendor, first_seen, market_id ON listings
    FOR EACH ROW EXECUTE FUNCTION review_queue_listing();

-- Full-text search over title, description and vendor: an expression index the queue's search
-- uses (the same expression in store/src/pg/queue.rs).
CREATE INDEX listings_search ON listings USING gin (
    to_tsvector('simple'::regconfig,
                coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(vendor, ''))
);

-- A reviewer's decision: append-only, chained by SHA-256 as in SQLite (same columns, same hash).
CREATE TABLE reviews (
    id                BIGINT PRIMARY KEY,
    listing_id        BIGINT NOT NULL REFERENCES listings(id),
    listing_version   BIGINT NOT NULL,
    verdict_id        BIGINT,
    model_id          TEXT,
    model_version     TEXT,
    model_labels_json TEXT NOT NULL,
    model_scores_json TEXT NOT NULL,
    state             TEXT NOT NULL,
    labels_json       TEXT NOT NULL,
    note              TEXT NOT NULL,
    reviewer          TEXT NOT NULL,
    decided_at        BIGINT NOT NULL,
    prev_hash         TEXT NOT NULL,
    hash              TEXT NOT NULL UNIQUE
);
CREATE INDEX reviews_listing ON reviews(listing_id, id);
CREATE INDEX reviews_state ON reviews(state, listing_id);

CREATE FUNCTION reviews_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'reviews are append-only: record a new decision instead';
END;
$$;
CREATE TRIGGER reviews_no_update BEFORE UPDATE OR DELETE ON reviews
    FOR EACH ROW EXECUTE FUNCTION reviews_append_only();
CREATE TRIGGER reviews_no_truncate BEFORE TRUNCATE ON reviews
    FOR EACH STATEMENT EXECUTE FUNCTION reviews_append_only();

CREATE FUNCTION review_queue_review() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE review_queue SET state = NEW.state, review_id = NEW.id
    WHERE listing_id = NEW.listing_id;
    RETURN NEW;
END;
$$;
CREATE TRIGGER review_queue_review AFTER INSERT ON reviews
    FOR EACH ROW EXECUTE FUNCTION review_queue_review();

-- Listings classified before this migration get their queue rows now.
INSERT INTO review_queue (listing_id, verdict_id, flagged, max_score, labels, top_label,
                          market_id, vendor, first_seen)
SELECT v.listing_id, v.id, v.flagged, v.max_score,
       review_label_bits(v.labels_json), review_top_label(v.labels_json, v.scores_json),
       l.market_id, l.vendor, l.first_seen
FROM verdicts v JOIN listings l ON l.id = v.listing_id
WHERE v.id = (SELECT max(v2.id) FROM verdicts v2 WHERE v2.listing_id = v.listing_id);
