-- The programme: meetings with participants, delegations and documents, and
-- availability blocks. start_local/end_local + time_zone are what the planner
-- entered; start_utc/end_utc (epoch ms) are derived and used by every check.

CREATE TABLE meeting (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  forum_id    INTEGER NOT NULL REFERENCES forum(id),
  title       TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('bilateral', 'multilateral', 'signing', 'panel', 'b2b', 'briefing', 'press', 'reception', 'travel')),
  status      TEXT NOT NULL CHECK (status IN ('proposed', 'tentative', 'confirmed', 'cancelled')),
  start_local TEXT NOT NULL,
  end_local   TEXT NOT NULL,
  time_zone   TEXT NOT NULL,
  start_utc   INTEGER NOT NULL,
  end_utc     INTEGER NOT NULL,
  room_id     INTEGER REFERENCES room(id),
  place       TEXT NOT NULL DEFAULT '',
  is_public   INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
  briefing    TEXT NOT NULL DEFAULT '',
  outcome     TEXT NOT NULL DEFAULT '',
  sequence    INTEGER NOT NULL DEFAULT 0,
  cancelled_at INTEGER,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK (end_utc >= start_utc)
) STRICT;
CREATE INDEX meeting_forum_start ON meeting(forum_id, start_utc);
CREATE INDEX meeting_room_start ON meeting(room_id, start_utc);

CREATE TABLE meeting_participant (
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  person_id  INTEGER NOT NULL REFERENCES person(id),
  role       TEXT NOT NULL CHECK (role IN ('principal', 'required', 'optional', 'interpreter', 'note_taker', 'counterpart')),
  PRIMARY KEY (meeting_id, person_id)
) STRICT;
CREATE INDEX meeting_participant_person ON meeting_participant(person_id);

CREATE TABLE meeting_delegation (
  meeting_id    INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  delegation_id INTEGER NOT NULL REFERENCES delegation(id),
  PRIMARY KEY (meeting_id, delegation_id)
) STRICT;
CREATE INDEX meeting_delegation_delegation ON meeting_delegation(delegation_id);

CREATE TABLE meeting_document (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  title      TEXT NOT NULL,
  parties    TEXT NOT NULL DEFAULT '',
  signed_on  TEXT                      -- YYYY-MM-DD, NULL while unsigned
) STRICT;
CREATE INDEX meeting_document_meeting ON meeting_document(meeting_id);

CREATE TABLE availability_block (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  forum_id    INTEGER NOT NULL REFERENCES forum(id),
  subject     TEXT NOT NULL CHECK (subject IN ('person', 'room')),
  subject_id  INTEGER NOT NULL,
  start_local TEXT NOT NULL,
  end_local   TEXT NOT NULL,
  time_zone   TEXT NOT NULL,
  start_utc   INTEGER NOT NULL,
  end_utc     INTEGER NOT NULL,
  reason      TEXT NOT NULL DEFAULT '',
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK (end_utc > start_utc)
) STRICT;
CREATE INDEX availability_subject ON availability_block(subject, subject_id, start_utc);
CREATE INDEX availability_forum ON availability_block(forum_id, start_utc);
