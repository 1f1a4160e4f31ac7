-- What a scope's agenda looked like when it was last marked printed, so the
-- next printout can mark what is new, moved, changed or cancelled since.
CREATE TABLE print_snapshot (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  forum_id   INTEGER NOT NULL REFERENCES forum(id),
  scope      TEXT NOT NULL CHECK (scope IN ('delegation', 'person', 'room', 'organization', 'b2b_participant')),
  scope_id   INTEGER NOT NULL,
  printed_at INTEGER NOT NULL,
  printed_by TEXT NOT NULL,
  snapshot   TEXT NOT NULL               -- JSON PrintSnapshot
) STRICT;
CREATE INDEX print_snapshot_scope ON print_snapshot(forum_id, scope, scope_id, printed_at);
