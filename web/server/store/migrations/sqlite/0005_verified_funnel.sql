-- 0005: did it work? A feed case that stays quiet long enough after the customer's report of
-- 'remediated' becomes verified clean (cleanslate-desk verify --quiet-days N, which also
-- records N so the wizard can tell the customer when to look). And what the desk's funnel
-- page counts: each journey's furthest stages as its reports arrive, its time per step and
-- what the customer said (only with consent), so the page never re-reads every report.
ALTER TABLE feed_cases ADD COLUMN verified_at INTEGER NOT NULL DEFAULT 0;  -- when verify found it clean (0: not now)
ALTER TABLE feed_cases ADD COLUMN clean_since INTEGER NOT NULL DEFAULT 0;  -- the report of 'remediated' it was clean since

-- Settings the desk's commands leave for the server (name -> number), e.g. verify_quiet_days.
CREATE TABLE desk_settings (
  name       TEXT    PRIMARY KEY,
  value      INTEGER NOT NULL,
  changed_at INTEGER NOT NULL
);

-- One row per journey (a report id within its ticket): when each stage was first reported.
-- 0 = not (yet) reported. last_* follow the newest progress report (by its sequence).
CREATE TABLE journeys (
  ticket            TEXT    NOT NULL,
  report_id         TEXT    NOT NULL,
  opened_at         INTEGER NOT NULL,
  identified_at     INTEGER NOT NULL DEFAULT 0,
  reset_verified_at INTEGER NOT NULL DEFAULT 0,
  password_set_at   INTEGER NOT NULL DEFAULT 0,
  finished_at       INTEGER NOT NULL DEFAULT 0,
  remediated_at     INTEGER NOT NULL DEFAULT 0,
  last_sequence     INTEGER NOT NULL DEFAULT 0,
  last_screen       TEXT    NOT NULL DEFAULT '',
  last_step         TEXT    NOT NULL DEFAULT '',
  final_revision    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (ticket, report_id)
);
CREATE INDEX journeys_by_opening ON journeys (opened_at);

-- Seconds per step of a finished journey (from its newest final report's timings).
CREATE TABLE journey_step_times (
  ticket    TEXT    NOT NULL,
  report_id TEXT    NOT NULL,
  step      TEXT    NOT NULL,
  seconds   INTEGER NOT NULL,
  PRIMARY KEY (ticket, report_id, step)
);
CREATE INDEX journey_step_times_by_step ON journey_step_times (step, seconds);

-- What the customer said, one row per theme code (only with consent; replaced by each newer
-- final report, so a withdrawn consent removes it).
CREATE TABLE journey_feedback (
  ticket    TEXT    NOT NULL,
  report_id TEXT    NOT NULL,
  entry     INTEGER NOT NULL,   -- its place in the report's feedback list
  step      TEXT    NOT NULL,
  screen    TEXT    NOT NULL,
  theme     TEXT    NOT NULL,
  said      TEXT    NOT NULL,   -- the customer's words, or the chip's id
  kind      TEXT    NOT NULL,   -- 'text' or 'chip'
  language  TEXT    NOT NULL DEFAULT '',
  said_at   INTEGER NOT NULL,   -- when the final report carrying it arrived
  PRIMARY KEY (ticket, report_id, entry, theme)
);
CREATE INDEX journey_feedback_by_step ON journey_feedback (step, theme);
