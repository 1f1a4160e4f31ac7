-- A room's meetings by start and end, now with their status: the time finder
-- reads every allowed room's meetings where a candidate can lie (200 rooms of
-- a large forum), and only their times and whether they are confirmed; with
-- the status in the index those come off the index alone, where each row
-- opened the table before (about three quarters of that read). The save
-- check's window on one room reads the same prefix. Replaces (room_id, start_utc, end_utc).
DROP INDEX meeting_room_span;
CREATE INDEX meeting_room_span ON meeting(room_id, start_utc, end_utc, status);
