-- Whether a meeting's outcome may be published (issue 17): the draft press
-- release quotes a meeting's outcome only where the planner marked it so.
-- Everything written before stays private.
ALTER TABLE meeting ADD COLUMN outcome_public INTEGER NOT NULL DEFAULT 0 CHECK (outcome_public IN (0, 1));
