-- B2B that keeps its promises: a run proposes, the planner applies or
-- discards; a session's schedule is published explicitly; and each company
-- link remembers what it last showed, so it can say what changed since.

-- The open proposal of a session: at most one (a new run replaces it; apply
-- and discard delete it). base_hash fingerprints the programme, the requests
-- and the applied schedule the run started from: apply refuses a proposal
-- whose base is no longer the current one. `schedule` is JSON:
-- {placements, unplaced (messages as stored), stats}.
CREATE TABLE b2b_proposal (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id     INTEGER NOT NULL UNIQUE REFERENCES b2b_session(id),
  mode           TEXT NOT NULL CHECK (mode IN ('place-new', 'replan')),
  move_limit     INTEGER NOT NULL CHECK (move_limit >= 0),
  time_budget_ms INTEGER NOT NULL CHECK (time_budget_ms > 0),
  base_hash      TEXT NOT NULL,
  input_hash     TEXT NOT NULL,
  schedule       TEXT NOT NULL,
  created_at     INTEGER NOT NULL,
  created_by     TEXT NOT NULL
) STRICT;

-- A session whose schedule reached the companies and the delegates' feeds.
-- Until then its applied schedule is a draft, not in the programme.
CREATE TABLE b2b_publication (
  session_id   INTEGER PRIMARY KEY REFERENCES b2b_session(id),
  published_at INTEGER NOT NULL,
  published_by TEXT NOT NULL
) STRICT;

-- What a company's link last showed: its tables as [{requestId, slotIndex,
-- table}], one row per link, at most one entry per slot of the session.
CREATE TABLE b2b_link_seen (
  token_id INTEGER PRIMARY KEY REFERENCES feed_token(id) ON DELETE CASCADE,
  seen     TEXT NOT NULL,
  seen_at  INTEGER NOT NULL
) STRICT;

-- A session scheduled before proposals existed had its meetings written into
-- the programme at each run: it reached the companies, so it is published.
INSERT INTO b2b_publication (session_id, published_at, published_by)
  SELECT session_id, ran_at, ran_by FROM b2b_run;
