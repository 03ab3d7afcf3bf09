-- 0005: did it work? (as sqlite/0005_verified_funnel.sql says, in PostgreSQL's types)
ALTER TABLE feed_cases ADD COLUMN verified_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE feed_cases ADD COLUMN clean_since BIGINT NOT NULL DEFAULT 0;

CREATE TABLE desk_settings (
  name       TEXT   PRIMARY KEY,
  value      BIGINT NOT NULL,
  changed_at BIGINT NOT NULL
);

CREATE TABLE journeys (
  ticket            TEXT   NOT NULL,
  report_id         TEXT   NOT NULL,
  opened_at         BIGINT NOT NULL,
  identified_at     BIGINT NOT NULL DEFAULT 0,
  reset_verified_at BIGINT NOT NULL DEFAULT 0,
  password_set_at   BIGINT NOT NULL DEFAULT 0,
  finished_at       BIGINT NOT NULL DEFAULT 0,
  remediated_at     BIGINT NOT NULL DEFAULT 0,
  last_sequence     BIGINT NOT NULL DEFAULT 0,
  last_screen       TEXT   NOT NULL DEFAULT '',
  last_step         TEXT   NOT NULL DEFAULT '',
  final_revision    BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (ticket, report_id)
);
CREATE INDEX journeys_by_opening ON journeys (opened_at);

CREATE TABLE journey_step_times (
  ticket    TEXT   NOT NULL,
  report_id TEXT   NOT NULL,
  step      TEXT   NOT NULL,
  seconds   BIGINT NOT NULL,
  PRIMARY KEY (ticket, report_id, step)
);
CREATE INDEX journey_step_times_by_step ON journey_step_times (step, seconds);

CREATE TABLE journey_feedback (
  ticket    TEXT   NOT NULL,
  report_id TEXT   NOT NULL,
  entry     BIGINT NOT NULL,
  step      TEXT   NOT NULL,
  screen    TEXT   NOT NULL,
  theme     TEXT   NOT NULL,
  said      TEXT   NOT NULL,
  kind      TEXT   NOT NULL,
  language  TEXT   NOT NULL DEFAULT '',
  said_at   BIGINT NOT NULL,
  PRIMARY KEY (ticket, report_id, entry, theme)
);
CREATE INDEX journey_feedback_by_step ON journey_feedback (step, theme);
