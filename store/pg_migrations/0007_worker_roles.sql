-- Roles of a fleet of `armswatch run --worker NAME` processes (issue 16): one row per role a worker
-- holds until `until_ms` (unix milliseconds, the server's clock), renewed while it works and taken
-- over by another worker once it expired. `schedule:MARKET` is the worker that started (or
-- resumed) the market's due crawl run and finishes it and records its outcome; `alerts` is the
-- worker that raises and delivers alerts. So a due schedule is started once and an alert delivered
-- once across the fleet, and a worker that dies hands its roles on when its lease runs out.
CREATE TABLE worker_roles (
    role     TEXT PRIMARY KEY,
    worker   TEXT NOT NULL,
    until_ms BIGINT NOT NULL
);
