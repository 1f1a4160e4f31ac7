-- Imports (issue 16). A row of an uploaded file that named its own id (the
-- ministry's list's "ID" column) is tied to the record it made here, so the
-- next upload of the same list updates that record instead of adding another.
-- One key names one record of one kind; deleting the record drops its key.
CREATE TABLE import_key (
  kind        TEXT NOT NULL CHECK (kind IN ('people', 'organizations')),
  external_id TEXT NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
  record_id   INTEGER NOT NULL,
  PRIMARY KEY (kind, external_id)
) WITHOUT ROWID;
CREATE INDEX import_key_record ON import_key(kind, record_id);

CREATE TRIGGER import_key_person_gone AFTER DELETE ON person
BEGIN
  DELETE FROM import_key WHERE kind = 'people' AND record_id = OLD.id;
END;
CREATE TRIGGER import_key_organization_gone AFTER DELETE ON organization
BEGIN
  DELETE FROM import_key WHERE kind = 'organizations' AND record_id = OLD.id;
END;

-- An upload between reading and confirming: its rows as read and the mapping
-- the planner chose, nothing written to the records yet. A batch belongs to
-- the user who uploaded it and expires; the table keeps a bounded number.
CREATE TABLE import_batch (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id     INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('people', 'organizations', 'meetings', 'unavailability')),
  file_name   TEXT NOT NULL CHECK (length(file_name) <= 300),
  table_json  TEXT NOT NULL CHECK (length(table_json) <= 40000000),
  mapping_json TEXT NOT NULL DEFAULT '[]',
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  applied_at  INTEGER
);
CREATE INDEX import_batch_user ON import_batch(user_id, created_at);
