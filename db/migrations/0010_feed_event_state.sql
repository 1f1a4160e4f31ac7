-- What each feed last served, so LAST-MODIFIED can rise exactly when bytes do.
-- Feeds are built from the current data, not from the edits that led to it: a
-- renamed room changes LOCATION without touching the meeting. So each event's
-- fingerprint (a hash of everything the event shows) is kept with the time it
-- was first served; a new fingerprint is a new revision (LAST-MODIFIED, DTSTAMP).
-- feed_key names the feed and its base URL (never a link's secret).
CREATE TABLE feed_state (
  feed_key TEXT PRIMARY KEY,
  etag     TEXT NOT NULL,
  since    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE feed_event_state (
  feed_key    TEXT NOT NULL,
  uid         TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  since       INTEGER NOT NULL,
  PRIMARY KEY (feed_key, uid)
) STRICT, WITHOUT ROWID;
