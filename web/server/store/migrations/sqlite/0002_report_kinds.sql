-- 0002: a journey sends progress reports while it runs and one final report, so a report is
-- identified by (ticket, report_id, kind, sequence) — the ticket too, so no link can occupy
-- another case's keys — and every stored report gets an increasing id
-- (the helpdesk's live view and paging follow it). Reports stored before this migration were
-- never checked against the schema: they are kept, marked 'legacy'.
CREATE TABLE report_log (
  id          INTEGER PRIMARY KEY,
  ticket      TEXT    NOT NULL,
  report_id   TEXT    NOT NULL,
  kind        TEXT    NOT NULL,
  sequence    INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  outcome     TEXT    NOT NULL DEFAULT '',
  link_status TEXT    NOT NULL DEFAULT '',
  size        INTEGER NOT NULL,
  body        TEXT    NOT NULL,
  UNIQUE (ticket, report_id, kind, sequence)
);
INSERT INTO report_log (ticket, report_id, kind, sequence, received_at, outcome, link_status, size, body)
  SELECT ticket, report_id, 'legacy', 0, received_at, outcome, link_status, length(body), body
  FROM reports ORDER BY received_at;
DROP TABLE reports;
ALTER TABLE report_log RENAME TO reports;
CREATE INDEX reports_by_ticket ON reports (ticket, id);
