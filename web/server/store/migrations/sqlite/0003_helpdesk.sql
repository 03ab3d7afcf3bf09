-- 0003: the helpdesk — agents and their sessions, the codes that connect a customer's
-- journey to an agent, cases started on the phone, and the queue of call-back requests and
-- journeys that need help.

-- Raised by reports; newest first; handled by an agent.
CREATE TABLE attention (
  id         INTEGER PRIMARY KEY,
  ticket     TEXT    NOT NULL,
  report_id  TEXT    NOT NULL,
  kind       TEXT    NOT NULL,            -- 'callback' or 'needs_help'
  phone      TEXT    NOT NULL DEFAULT '',
  screen     TEXT    NOT NULL DEFAULT '',
  language   TEXT    NOT NULL DEFAULT '',
  raised_at  INTEGER NOT NULL,
  handled_at INTEGER NOT NULL DEFAULT 0,  -- 0 while open
  handled_by TEXT    NOT NULL DEFAULT '',
  UNIQUE (report_id, kind)
);
CREATE INDEX attention_open ON attention (handled_at, id);

-- Passwords as Argon2id strings (libsodium's crypto_pwhash_str), never in the clear.
CREATE TABLE agents (
  name          TEXT    PRIMARY KEY,
  password_hash TEXT    NOT NULL,
  created_at    INTEGER NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0
);

-- A session is found by the SHA-256 of its cookie: the table alone cannot be replayed.
CREATE TABLE agent_sessions (
  id_hash    TEXT    PRIMARY KEY,
  agent      TEXT    NOT NULL REFERENCES agents (name),
  csrf_token TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX agent_sessions_expiry ON agent_sessions (expires_at);

-- The tickets a session opened (by a customer's session code or from the queue).
CREATE TABLE session_tickets (
  session_hash TEXT    NOT NULL,
  ticket       TEXT    NOT NULL,
  granted_at   INTEGER NOT NULL,
  PRIMARY KEY (session_hash, ticket)
);

-- Six digits a customer reads out during a call; valid for the call only.
CREATE TABLE session_codes (
  code       TEXT    PRIMARY KEY,
  ticket     TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX session_codes_expiry ON session_codes (expires_at);

-- Cases an agent started for a customer without a (trusted) e-mail.
CREATE TABLE helpdesk_cases (
  ticket          TEXT    PRIMARY KEY,
  case_code       TEXT    NOT NULL UNIQUE,
  language        TEXT    NOT NULL,
  evidence        TEXT    NOT NULL,
  created_by      TEXT    NOT NULL,
  created_at      INTEGER NOT NULL,
  code_expires_at INTEGER NOT NULL
);
