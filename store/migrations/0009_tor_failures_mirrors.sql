-- Reaching markets over Tor as they defend themselves (issue 17).
--
-- What kind of failure ended a frontier URL (armswatch_core::crawl::FailureKind names: on Tor,
-- onion_descriptor_not_found, onion_introduction_failed, onion_rendezvous_failed,
-- onion_pow_effort_too_high, timeout, ...), so `status` can tell "market down" from "Tor trouble".
-- NULL while the URL has not failed, and for rows from before.
ALTER TABLE frontier ADD COLUMN failure TEXT;

-- The origin that answered (`http://abc.onion`): the market's main address or a mirror. URLs are
-- always written with the main address, so a market crawled through mirrors has one frontier and
-- each listing once. NULL for pages from before.
ALTER TABLE pages ADD COLUMN served_by TEXT;

-- Mirror addresses of a market imported from a list the market signed (`armswatch market mirrors
-- add --from-signed`), with the key that signed it and the list's digest as evidence.
CREATE TABLE market_mirrors (
    market_id      TEXT NOT NULL,
    origin         TEXT NOT NULL,
    signer         TEXT NOT NULL,
    list_sha256    TEXT NOT NULL,
    added_at       INTEGER NOT NULL,
    PRIMARY KEY (market_id, origin)
) STRICT;
