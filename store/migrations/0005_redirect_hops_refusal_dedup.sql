-- Redirects (HTTP and meta refresh) in the chain that reached a frontier URL: a refresh chain
-- counts against the same cap as HTTP redirects. Rows from before start at 0.
ALTER TABLE frontier ADD COLUMN redirect_hops INTEGER NOT NULL DEFAULT 0;

-- A refused URL is recorded once per crawl run, however many pages link to it.
CREATE INDEX refusals_run_url ON refusals(run_id, url);

-- The failed and refused entries of a market's frontier, newest first (shown by `status`).
CREATE INDEX frontier_problems ON frontier(market_id, state, updated_at);
