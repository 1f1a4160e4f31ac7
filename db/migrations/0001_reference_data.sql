-- Every record id is AUTOINCREMENT: a deleted record's id is never handed to a
-- new one, so audit histories, restores and calendar UIDs (meeting-<id>) stay
-- unambiguous.

-- Reference data: forums with their venues and rooms (per forum), and the
-- contact book (organizations, people) that a ministry keeps across forums.
-- Instants are INTEGER epoch milliseconds (UTC); wall-clock values are TEXT and
-- always stored beside their zone.

CREATE TABLE forum (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL,
  short_name  TEXT NOT NULL,
  start_date  TEXT NOT NULL,           -- YYYY-MM-DD in time_zone
  end_date    TEXT NOT NULL,
  time_zone   TEXT NOT NULL,           -- IANA, e.g. Europe/Moscow
  city        TEXT NOT NULL DEFAULT '',
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK (end_date >= start_date)
) STRICT;

CREATE TABLE venue (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  forum_id    INTEGER NOT NULL REFERENCES forum(id),
  name        TEXT NOT NULL,
  address     TEXT NOT NULL DEFAULT '',
  opens_at    TEXT,                    -- HH:mm in the forum's zone, NULL = always open
  closes_at   TEXT,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX venue_forum ON venue(forum_id);

CREATE TABLE room (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  venue_id    INTEGER NOT NULL REFERENCES venue(id),
  name        TEXT NOT NULL,
  capacity    INTEGER NOT NULL CHECK (capacity >= 0),
  kind        TEXT NOT NULL CHECK (kind IN ('meeting_room', 'hall', 'stand', 'b2b_area')),
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX room_venue ON room(venue_id);

-- Part of the venues it joins: goes with them.
CREATE TABLE travel_time (
  from_venue_id INTEGER NOT NULL REFERENCES venue(id) ON DELETE CASCADE,
  to_venue_id   INTEGER NOT NULL REFERENCES venue(id) ON DELETE CASCADE,
  minutes       INTEGER NOT NULL CHECK (minutes >= 0),
  PRIMARY KEY (from_venue_id, to_venue_id),
  CHECK (from_venue_id <> to_venue_id)
) STRICT;

CREATE TABLE organization (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL,
  local_name  TEXT NOT NULL DEFAULT '',
  country     TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL CHECK (kind IN ('government', 'region', 'ministry', 'agency', 'foundation', 'company', 'bank')),
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE person (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  full_name       TEXT NOT NULL,
  local_name      TEXT NOT NULL DEFAULT '',
  position        TEXT NOT NULL DEFAULT '',
  organization_id INTEGER REFERENCES organization(id),
  email           TEXT NOT NULL DEFAULT '',
  phone           TEXT NOT NULL DEFAULT '',
  languages       TEXT NOT NULL DEFAULT '',
  notes           TEXT NOT NULL DEFAULT '',
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX person_organization ON person(organization_id);

CREATE TABLE delegation (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  forum_id        INTEGER NOT NULL REFERENCES forum(id),
  name            TEXT NOT NULL,
  country         TEXT NOT NULL DEFAULT '',
  home_time_zone  TEXT NOT NULL,
  head_person_id  INTEGER REFERENCES person(id),
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX delegation_forum ON delegation(forum_id);

-- Membership is part of the delegation (goes with it) but never deletes a person.
CREATE TABLE delegation_member (
  delegation_id INTEGER NOT NULL REFERENCES delegation(id) ON DELETE CASCADE,
  person_id     INTEGER NOT NULL REFERENCES person(id),
  role          TEXT NOT NULL CHECK (role IN ('head', 'deputy', 'adviser', 'protocol_officer', 'interpreter', 'press', 'security', 'member')),
  PRIMARY KEY (delegation_id, person_id)
) STRICT;
CREATE INDEX delegation_member_person ON delegation_member(person_id);
