-- Calendars read in (issue 16, iCalendar in). A person's busy times imported
-- from a calendar file are ordinary availability blocks that name their
-- source ("Minister's office"); importing the same source again replaces
-- exactly those blocks, and blocks entered by hand (source '') stay.
ALTER TABLE availability_block ADD COLUMN source TEXT NOT NULL DEFAULT '';
CREATE INDEX availability_source ON availability_block(forum_id, subject, subject_id, source) WHERE source <> '';
