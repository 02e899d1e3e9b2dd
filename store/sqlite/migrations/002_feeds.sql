-- The watcher's state for each feed it polls.
CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	title         TEXT NOT NULL,
	etag          TEXT NOT NULL,
	last_modified TEXT NOT NULL,
	last_poll     INTEGER,  -- unix seconds, NULL before the first poll
	last_ok       INTEGER,
	next_poll     INTEGER,
	failures      INTEGER NOT NULL,
	last_error    TEXT NOT NULL,
	items         INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX feeds_next_poll ON feeds(next_poll);
