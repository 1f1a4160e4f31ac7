-- The forum's official programme (issue 16, iCalendar in): the organiser's
-- sessions read from an .ics file or URL, read-only here. A session is known
-- by its calendar UID (and, for one occurrence of a recurring event, the
-- occurrence's original start); importing the same source again updates it in
-- place and marks what changed: `changes` holds the marks of the import that
-- last changed it (new, time, place, title, cancelled; space-separated) and
-- `changed_at` when that import ran, so "changed since the last import" is
-- the sessions whose changed_at is the forum's latest. A session that is no
-- longer in its source's calendar is marked cancelled, never deleted: a
-- meeting of ours may attend it.
CREATE TABLE programme_session (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  forum_id    INTEGER NOT NULL REFERENCES forum(id) ON DELETE CASCADE,
  source      TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 300),
  uid         TEXT NOT NULL CHECK (length(uid) BETWEEN 1 AND 500),
  occurrence  TEXT NOT NULL DEFAULT '' CHECK (length(occurrence) <= 40),
  title       TEXT NOT NULL CHECK (length(title) <= 300),
  description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
  location    TEXT NOT NULL DEFAULT '' CHECK (length(location) <= 300),
  start_local TEXT NOT NULL CHECK (length(start_local) <= 20),
  end_local   TEXT NOT NULL CHECK (length(end_local) <= 20),
  time_zone   TEXT NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
  start_utc   INTEGER NOT NULL,
  end_utc     INTEGER NOT NULL,
  all_day     INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
  cancelled   INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
  changes     TEXT NOT NULL DEFAULT '' CHECK (length(changes) <= 60),
  changed_at  INTEGER NOT NULL,
  was_start_utc INTEGER,
  was_end_utc   INTEGER,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK (end_utc >= start_utc),
  UNIQUE (forum_id, uid, occurrence)
) STRICT;
CREATE INDEX programme_session_start ON programme_session(forum_id, start_utc, id);
CREATE INDEX programme_session_source ON programme_session(forum_id, source);

-- A meeting of ours that attends a session ("Attend"): it follows the
-- session's time when a re-import moves it.
ALTER TABLE meeting ADD COLUMN programme_session_id INTEGER REFERENCES programme_session(id) ON DELETE SET NULL;
CREATE INDEX meeting_programme_session ON meeting(programme_session_id) WHERE programme_session_id IS NOT NULL;
