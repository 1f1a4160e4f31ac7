-- Secret links: one token opens one scope (a delegation, person, room,
-- organization or B2B participant) of one forum, read-only. Only the SHA-256
-- of the token is stored; the token itself is shown once.
CREATE TABLE feed_token (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  forum_id        INTEGER NOT NULL REFERENCES forum(id),
  scope           TEXT NOT NULL CHECK (scope IN ('delegation', 'person', 'room', 'organization', 'b2b_participant')),
  scope_id        INTEGER NOT NULL,
  label           TEXT NOT NULL DEFAULT '',
  token_hash      TEXT NOT NULL UNIQUE,
  created_at      INTEGER NOT NULL,
  created_by      TEXT NOT NULL,
  expires_at      INTEGER,
  revoked_at      INTEGER,
  last_fetched_at INTEGER,
  fetch_count     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX feed_token_scope ON feed_token(forum_id, scope, scope_id);
