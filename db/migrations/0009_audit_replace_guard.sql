-- INSERT OR REPLACE (and REPLACE INTO) with an id that exists deletes the old
-- row and writes a new one. That delete does not fire audit_log_no_delete
-- unless recursive_triggers is on, which it is not by default, so REPLACE
-- could rewrite history the UPDATE and DELETE guards protect. An insert that
-- names an existing id is refused before the conflict is resolved.
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: a row with this id exists'); END;
