-- Each meeting's iCalendar UID, unique beyond this installation (RFC 5545
-- §3.8.4.7): two ministries running the app, or a counterpart using it too,
-- must not both publish meeting-1@forum-planner. Meetings that exist now keep
-- the UID they were published under, since a changed UID makes every
-- subscribed client show the meeting twice; new ones name this installation.
INSERT OR IGNORE INTO app_setting (key, value) VALUES ('installation_id', lower(hex(randomblob(8))));

ALTER TABLE meeting ADD COLUMN uid TEXT;
UPDATE meeting SET uid = 'meeting-' || id || '@forum-planner';
CREATE UNIQUE INDEX meeting_uid ON meeting(uid);

-- Filled here rather than by each insert: every way a meeting is made (forms,
-- API, B2B scheduling, the CLI, the seed) gets one, and the id is known only now.
CREATE TRIGGER meeting_uid_filled AFTER INSERT ON meeting
  WHEN NEW.uid IS NULL
BEGIN
  UPDATE meeting
     SET uid = 'meeting-' || NEW.id || '-' || (SELECT value FROM app_setting WHERE key = 'installation_id') || '@forum-planner'
   WHERE id = NEW.id;
END;
