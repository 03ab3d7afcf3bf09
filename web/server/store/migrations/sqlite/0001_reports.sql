-- 0001: completion reports as the first server stored them, one row per report id.
-- (Kept as it was so databases made by that server are adopted, then rebuilt by 0002.)
CREATE TABLE IF NOT EXISTS reports (
  report_id   TEXT PRIMARY KEY,
  ticket      TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  outcome     TEXT NOT NULL DEFAULT '',
  link_status TEXT NOT NULL DEFAULT '',
  body        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_by_ticket ON reports (ticket, received_at);
