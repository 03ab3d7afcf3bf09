-- 0004: cases made from the infection feed (cleanslate-desk import-feed), one per customer
-- connection and infection, and the feed rows already counted (so importing a file again,
-- or a feed that repeats rows, changes nothing). notify sends each case once.
CREATE TABLE feed_cases (
  id              INTEGER PRIMARY KEY,
  ticket          TEXT    NOT NULL UNIQUE,   -- the case number in the e-mail and the link
  customer        TEXT    NOT NULL,          -- the provider's own customer id (its mapping column)
  email           TEXT    NOT NULL DEFAULT '',
  language        TEXT    NOT NULL,          -- 'nl' or 'en'
  evidence        TEXT    NOT NULL,          -- link evidence of the first sighting (JSON; never an IP address)
  device_id       TEXT    NOT NULL DEFAULT '',  -- the engine's best candidate ('' when none)
  device_category TEXT    NOT NULL DEFAULT '',
  confident       INTEGER NOT NULL DEFAULT 0,
  status          TEXT    NOT NULL,          -- 'open' or 'reinfected'
  first_seen      INTEGER NOT NULL,
  last_seen       INTEGER NOT NULL,
  sightings       INTEGER NOT NULL,
  created_at      INTEGER NOT NULL,
  notified_at     INTEGER NOT NULL DEFAULT 0,  -- 0 until notify wrote its e-mail
  reinfected_at   INTEGER NOT NULL DEFAULT 0   -- the first sighting after a report of 'remediated'
);
CREATE INDEX feed_cases_by_customer ON feed_cases (customer, id);
CREATE INDEX feed_cases_to_notify ON feed_cases (notified_at, id);

-- A feed row, by a hash of all its fields: a row seen before is a duplicate.
CREATE TABLE feed_rows (
  row_hash BLOB    PRIMARY KEY,
  case_id  INTEGER NOT NULL,
  seen_at  INTEGER NOT NULL
) WITHOUT ROWID;
