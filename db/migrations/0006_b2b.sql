-- B2B sessions: a hall with numbered tables and fixed slots, the companies
-- taking part, the meetings they ask each other for, and the last schedule.
-- Times follow the meeting rules: local wall-clock + zone as entered, UTC
-- epoch ms derived. Breaks and a participant's unavailable times belong to
-- their record and are never queried on their own, so they are JSON arrays of
-- {start, end, startUtc, endUtc, label}.

CREATE TABLE b2b_session (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  forum_id           INTEGER NOT NULL REFERENCES forum(id),
  title              TEXT NOT NULL,
  room_id            INTEGER NOT NULL REFERENCES room(id),
  start_local        TEXT NOT NULL,
  end_local          TEXT NOT NULL,
  time_zone          TEXT NOT NULL,
  start_utc          INTEGER NOT NULL,
  end_utc            INTEGER NOT NULL,
  slot_minutes       INTEGER NOT NULL CHECK (slot_minutes > 0),
  changeover_minutes INTEGER NOT NULL CHECK (changeover_minutes >= 0),
  breaks             TEXT NOT NULL DEFAULT '[]',
  table_count        INTEGER NOT NULL CHECK (table_count > 0),
  -- Both NULL: anyone may meet anyone. Both set: only side a meets side b.
  side_a_label       TEXT,
  side_b_label       TEXT,
  description        TEXT NOT NULL DEFAULT '',
  version            INTEGER NOT NULL DEFAULT 1,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  CHECK (end_utc > start_utc),
  CHECK ((side_a_label IS NULL) = (side_b_label IS NULL))
) STRICT;
CREATE INDEX b2b_session_forum ON b2b_session(forum_id, start_utc);

CREATE TABLE b2b_participant (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id      INTEGER NOT NULL REFERENCES b2b_session(id),
  organization_id INTEGER NOT NULL REFERENCES organization(id),
  side            TEXT CHECK (side IN ('a', 'b')),
  sector          TEXT NOT NULL DEFAULT '',
  offers          TEXT NOT NULL DEFAULT '',
  seeks           TEXT NOT NULL DEFAULT '',
  notes           TEXT NOT NULL DEFAULT '',
  unavailable     TEXT NOT NULL DEFAULT '[]',
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  UNIQUE (session_id, organization_id)
) STRICT;

-- Who sits at the table for a company. One person represents one company per
-- session: otherwise the same person could be booked at two tables at once.
CREATE TABLE b2b_representative (
  participant_id INTEGER NOT NULL REFERENCES b2b_participant(id) ON DELETE CASCADE,
  session_id     INTEGER NOT NULL REFERENCES b2b_session(id),
  person_id      INTEGER NOT NULL REFERENCES person(id),
  PRIMARY KEY (participant_id, person_id),
  UNIQUE (session_id, person_id)
) STRICT;
CREATE INDEX b2b_representative_person ON b2b_representative(person_id);

CREATE TABLE b2b_request (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id       INTEGER NOT NULL REFERENCES b2b_session(id),
  from_id          INTEGER NOT NULL REFERENCES b2b_participant(id),
  to_id            INTEGER NOT NULL REFERENCES b2b_participant(id),
  message          TEXT NOT NULL DEFAULT '',
  priority         INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
  state            TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'declined', 'cancelled')),
  created_by       TEXT NOT NULL,
  answered_at      INTEGER,
  -- The planner's pin: this request goes to this slot (0-based) and table (1-based).
  pin_slot_index   INTEGER CHECK (pin_slot_index >= 0),
  pin_table        INTEGER CHECK (pin_table >= 1),
  -- The programme meeting this request became. Kept when the request is no
  -- longer placed (the meeting is cancelled), so a later run reinstates and
  -- moves the same meeting: calendars see one event whose SEQUENCE rises.
  meeting_id       INTEGER REFERENCES meeting(id),
  version          INTEGER NOT NULL DEFAULT 1,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  CHECK (from_id <> to_id),
  CHECK ((pin_slot_index IS NULL) = (pin_table IS NULL))
) STRICT;
-- One request per pair of companies, whoever asked first.
CREATE UNIQUE INDEX b2b_request_pair ON b2b_request(session_id, min(from_id, to_id), max(from_id, to_id));
CREATE INDEX b2b_request_to ON b2b_request(to_id);
CREATE INDEX b2b_request_from ON b2b_request(from_id);

-- The last run's result: where each placed request sits, and why the others do not.
CREATE TABLE b2b_placement (
  request_id INTEGER PRIMARY KEY REFERENCES b2b_request(id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL REFERENCES b2b_session(id),
  slot_index INTEGER NOT NULL CHECK (slot_index >= 0),
  table_no   INTEGER NOT NULL CHECK (table_no >= 1),
  pinned     INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  UNIQUE (session_id, slot_index, table_no)
) STRICT;

CREATE TABLE b2b_unplaced (
  request_id INTEGER PRIMARY KEY REFERENCES b2b_request(id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL REFERENCES b2b_session(id),
  reason     TEXT NOT NULL,
  message    TEXT NOT NULL
) STRICT;
CREATE INDEX b2b_unplaced_session ON b2b_unplaced(session_id);

-- One row per session once it has been scheduled. input_hash fingerprints
-- what the scheduler was given, so a page can tell that the programme or
-- the requests changed since.
CREATE TABLE b2b_run (
  session_id  INTEGER PRIMARY KEY REFERENCES b2b_session(id),
  ran_at      INTEGER NOT NULL,
  ran_by      TEXT NOT NULL,
  placed      INTEGER NOT NULL,
  upper_bound INTEGER NOT NULL,
  idle_slots  INTEGER NOT NULL,
  input_hash  TEXT NOT NULL
) STRICT;
