-- A person's meetings read off the index alone. With only person_id in it,
-- "the meetings of these people" (a save's conflict check, a person's feed,
-- agenda and filters) visited one participant row per meeting to find its
-- meeting_id: with four people of twenty meetings each, eighty scattered
-- table reads per save. The new index answers the same lookups and more,
-- so it replaces the old one and a write keeps the same number of indexes.
CREATE INDEX meeting_participant_person_meeting ON meeting_participant(person_id, meeting_id);
DROP INDEX meeting_participant_person;
