-- The shared frontier (issue 16): workers on many machines claim pending URLs with a lease.
--
-- A pending entry whose `worker` is set and whose `lease_until` (unix milliseconds, the server's
-- clock) is in the future is being fetched by that worker; an expired lease makes it claimable again
-- (the reaper clears it). Finishing an entry (done, failed, refused, or pending again for a retry)
-- clears its lease.
ALTER TABLE frontier ADD COLUMN worker TEXT;
ALTER TABLE frontier ADD COLUMN lease_until BIGINT;
CREATE INDEX frontier_leases ON frontier(market_id, lease_until) WHERE worker IS NOT NULL;

-- Per-market politeness across all workers: the earliest time (unix milliseconds, server clock) the
-- next request to the market may start. Claims of one market lock this row, so they are serialised
-- and the market's concurrency (its live leases) and delay hold for the whole fleet.
CREATE TABLE market_pacing (
    market_id  TEXT PRIMARY KEY REFERENCES markets(id) ON DELETE CASCADE,
    next_at_ms BIGINT NOT NULL DEFAULT 0
);
