-- The agreements register (issue 17). The documents a meeting was to sign
-- become a register for the forum: each agreement has a kind, titles in each
-- language, parties (organizations of the directory, and free text as written
-- before), signatories with their positions at signing, a status, and the
-- meeting where it is (to be) signed, which may be none.

-- When the meeting was marked held (epoch ms); NULL = not marked held. Only a
-- confirmed meeting is marked held, and one that stops being confirmed stops
-- being held (the meetings repository clears it), so a cancelled meeting is
-- never held.
ALTER TABLE meeting ADD COLUMN held_at INTEGER;

CREATE TABLE agreement (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  forum_id     INTEGER NOT NULL REFERENCES forum(id),
  -- The meeting where it is or will be signed; NULL when none (yet).
  meeting_id   INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
  kind         TEXT NOT NULL DEFAULT 'agreement' CHECK (kind IN ('agreement', 'memorandum', 'protocol', 'contract')),
  -- The title in English (Latin script), always there; Russian and Azerbaijani where given.
  title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  title_ru     TEXT NOT NULL DEFAULT '' CHECK (length(title_ru) <= 500),
  title_az     TEXT NOT NULL DEFAULT '' CHECK (length(title_az) <= 500),
  -- Parties as written, for those not in the directory (free text, as the meeting form had it).
  parties      TEXT NOT NULL DEFAULT '' CHECK (length(parties) <= 500),
  status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'agreed', 'signed', 'withdrawn')),
  -- The local date of signing, YYYY-MM-DD; required once signed.
  signed_on    TEXT CHECK (signed_on IS NULL OR (length(signed_on) = 10 AND signed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
  signed_place TEXT NOT NULL DEFAULT '' CHECK (length(signed_place) <= 300),
  note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 4000),
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  CHECK (status <> 'signed' OR signed_on IS NOT NULL)
) STRICT;
CREATE INDEX agreement_forum ON agreement(forum_id, id);
CREATE INDEX agreement_meeting ON agreement(meeting_id) WHERE meeting_id IS NOT NULL;

CREATE TABLE agreement_party (
  agreement_id    INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organization(id),
  PRIMARY KEY (agreement_id, organization_id)
) STRICT;
CREATE INDEX agreement_party_organization ON agreement_party(organization_id);

CREATE TABLE agreement_signatory (
  agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
  person_id    INTEGER NOT NULL REFERENCES person(id),
  -- The position at signing: copied from the person when signed, and kept when the person's position changes.
  position     TEXT NOT NULL DEFAULT '' CHECK (length(position) <= 300),
  PRIMARY KEY (agreement_id, person_id)
) STRICT;
CREATE INDEX agreement_signatory_person ON agreement_signatory(person_id);

-- Every document to sign becomes an agreement of its meeting's forum, keeping
-- its id (so audit rows and links that named it still do): signed when it
-- had a date, else a draft; a memorandum when its title says so.
INSERT INTO agreement (id, forum_id, meeting_id, kind, title, parties, status, signed_on, created_at, updated_at)
SELECT d.id, m.forum_id, d.meeting_id,
       CASE WHEN lower(d.title) LIKE '%memorandum%' OR d.title LIKE '%меморандум%' OR d.title LIKE '%Меморандум%' OR d.title LIKE '%МЕМОРАНДУМ%' THEN 'memorandum' ELSE 'agreement' END,
       CASE WHEN trim(d.title) = '' THEN '—' ELSE substr(d.title, 1, 500) END,
       substr(d.parties, 1, 500),
       CASE WHEN d.signed_on IS NOT NULL THEN 'signed' ELSE 'draft' END,
       d.signed_on, m.created_at, m.updated_at
  FROM meeting_document d JOIN meeting m ON m.id = d.meeting_id
 ORDER BY d.id;

DROP TABLE meeting_document;
