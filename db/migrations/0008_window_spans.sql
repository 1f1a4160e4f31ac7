-- What a save's conflict check reads, found by index rather than by opening
-- meetings: the meetings of a room, and of some people, that overlap a window.
--
-- Each participation carries its meeting's span, so that "these people's
-- meetings in this window" is read off one index. A save's conflict check
-- asks exactly that for the saved meeting's people; with only the meeting id
-- in the participation it had to open every meeting of each of them, on every
-- day of the forum, to look at its times (about 80 scattered meeting rows per
-- save on a forum of 20,000 meetings, nearly all then dropped), where the
-- window holds two or three per person. The copies are kept by the database
-- itself, whoever writes: filled in when a participation comes without them,
-- moved when the meeting's instants change.
ALTER TABLE meeting_participant ADD COLUMN meeting_start_utc INTEGER;
ALTER TABLE meeting_participant ADD COLUMN meeting_end_utc INTEGER;
UPDATE meeting_participant
   SET meeting_start_utc = (SELECT start_utc FROM meeting WHERE meeting.id = meeting_participant.meeting_id),
       meeting_end_utc = (SELECT end_utc FROM meeting WHERE meeting.id = meeting_participant.meeting_id);

-- Replaces (person_id, meeting_id): the same lookups by person, and the span.
CREATE INDEX meeting_participant_person_span ON meeting_participant(person_id, meeting_start_utc, meeting_end_utc, meeting_id);
DROP INDEX meeting_participant_person_meeting;

CREATE TRIGGER meeting_participant_span_filled AFTER INSERT ON meeting_participant
  WHEN NEW.meeting_start_utc IS NULL OR NEW.meeting_end_utc IS NULL
BEGIN
  UPDATE meeting_participant
     SET meeting_start_utc = (SELECT start_utc FROM meeting WHERE id = NEW.meeting_id),
         meeting_end_utc = (SELECT end_utc FROM meeting WHERE id = NEW.meeting_id)
   WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER meeting_participant_span_follows AFTER UPDATE OF start_utc, end_utc ON meeting
  WHEN OLD.start_utc IS NOT NEW.start_utc OR OLD.end_utc IS NOT NEW.end_utc
BEGIN
  UPDATE meeting_participant SET meeting_start_utc = NEW.start_utc, meeting_end_utc = NEW.end_utc WHERE meeting_id = NEW.id;
END;

-- A room's meetings by start and end: those overlapping a window come off the
-- index alone, where start only left every earlier meeting of the room (the
-- whole of the days before) to be opened and dropped. Replaces (room_id, start_utc).
CREATE INDEX meeting_room_span ON meeting(room_id, start_utc, end_utc);
DROP INDEX meeting_room_start;
