-- Users, API tokens, sessions and the append-only audit log.

CREATE TABLE app_user (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,          -- scrypt$N$r$p$salt$hash: parameters travel with the hash
  role          TEXT NOT NULL CHECK (role IN ('admin', 'planner', 'viewer')),
  person_id     INTEGER REFERENCES person(id),
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE api_token (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id      INTEGER NOT NULL REFERENCES app_user(id),
  label        TEXT NOT NULL DEFAULT '',
  token_hash   TEXT NOT NULL UNIQUE,    -- sha256 of the secret; the secret itself is shown once
  created_at   INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at   INTEGER
) STRICT;

CREATE TABLE web_session (
  sid        TEXT PRIMARY KEY,          -- sha256 of the session id, never the id itself
  data       TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX web_session_expiry ON web_session(expires_at);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          INTEGER NOT NULL,
  user_id     INTEGER,                  -- no FK: the log outlives users
  username    TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
  entity      TEXT NOT NULL,
  entity_id   INTEGER NOT NULL,
  forum_id    INTEGER,
  summary     TEXT NOT NULL DEFAULT '',
  before_json TEXT,
  after_json  TEXT
) STRICT;
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_at ON audit_log(at);

-- Append-only: history that can be edited is no history.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Small key/value settings the app makes itself (e.g. the session secret, so
-- sessions survive a restart without the operator having to configure one).
CREATE TABLE app_setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
