-- 0001: completion reports as the first server stored them, one row per report id.
-- (The same steps as migrations/sqlite/, so both kinds of database count versions alike.)
CREATE TABLE reports (
  report_id   TEXT   PRIMARY KEY,
  ticket      TEXT   NOT NULL,
  received_at BIGINT NOT NULL,
  outcome     TEXT   NOT NULL DEFAULT '',
  link_status TEXT   NOT NULL DEFAULT '',
  body        TEXT   NOT NULL
);
CREATE INDEX reports_by_ticket ON reports (ticket, received_at);
