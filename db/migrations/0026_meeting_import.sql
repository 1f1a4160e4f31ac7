-- Meetings from a spreadsheet (issue 16). A row that names its own id (the
-- organiser's list's "ID" column) is tied to the meeting it made, so the next
-- upload of the same list updates that meeting instead of adding another. The
-- id is the file's, so it is unique within a forum only (two forums' lists may
-- both number their meetings from 1).
ALTER TABLE meeting ADD COLUMN external_id TEXT CHECK (external_id IS NULL OR length(external_id) BETWEEN 1 AND 200);
CREATE UNIQUE INDEX meeting_external_id ON meeting(forum_id, external_id) WHERE external_id IS NOT NULL;

-- Meetings and unavailability belong to a forum, and a person's delegation is
-- named within one: the upload remembers the forum it was made for.
ALTER TABLE import_batch ADD COLUMN forum_id INTEGER REFERENCES forum(id) ON DELETE CASCADE;

-- What a confirmed upload did (counts, the rows left out and why), so the
-- result page after the confirm can be reloaded (POST, then redirect, then GET).
ALTER TABLE import_batch ADD COLUMN result_json TEXT CHECK (result_json IS NULL OR length(result_json) <= 4000000);
