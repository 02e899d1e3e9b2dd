-- The first schema: articles with their versions, texts stored once by content, stories, actors,
-- quotes, issues, the full-text indexes and the clusterer's snapshot.

-- A text carried by several articles (a copy under another URL, a version that changed back) is
-- stored once, compressed with zstd; hash is its SHA-256. Only the program reads texts, never
-- SQL: the full-text index keeps no copy and snippets are cut by the program.
CREATE TABLE texts (
	rid  INTEGER PRIMARY KEY,
	hash BLOB NOT NULL UNIQUE,
	size INTEGER NOT NULL, -- bytes of the text before compression
	body BLOB NOT NULL
);

CREATE TABLE stories (
	rid      INTEGER PRIMARY KEY,
	id       TEXT NOT NULL UNIQUE,
	title    TEXT NOT NULL,
	first    INTEGER,          -- unix seconds, NULL when no article is dated
	last     INTEGER,
	articles INTEGER NOT NULL,
	copies   INTEGER NOT NULL,
	outlets  TEXT NOT NULL,    -- JSON array, in the order the outlets first carried the story
	related  TEXT NOT NULL,    -- JSON array of story ids
	updated  INTEGER NOT NULL  -- unix seconds
);
CREATE INDEX stories_updated ON stories(updated);
CREATE INDEX stories_size ON stories(articles);

-- seq orders articles as they were stored and is the rowid of the full-text index. An article's
-- key is its URL, or its source when it has none; key and text identify it.
CREATE TABLE articles (
	seq          INTEGER PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	text         INTEGER NOT NULL REFERENCES texts(rid),
	source       TEXT NOT NULL,
	url          TEXT NOT NULL,
	outlet       TEXT NOT NULL,
	title        TEXT NOT NULL,
	published    INTEGER,          -- unix seconds, NULL when not known
	story        INTEGER NOT NULL REFERENCES stories(rid),
	duplicate_of TEXT NOT NULL,
	version      INTEGER NOT NULL,
	previous     INTEGER REFERENCES articles(seq),
	current      INTEGER NOT NULL, -- 1 until a newer version is stored
	added        INTEGER NOT NULL
);
CREATE UNIQUE INDEX articles_key ON articles(iif(url = '', source, url), text);
CREATE INDEX articles_text ON articles(text);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_previous ON articles(previous) WHERE previous IS NOT NULL;

-- An article's analysis, compressed, without the text or any copy of it; apart from the
-- articles so that listings read small rows.
CREATE TABLE records (
	seq  INTEGER PRIMARY KEY,
	data BLOB NOT NULL
);

-- Actors are keyed by their entity ID without its type ("person:jane-roe" is "jane-roe"),
-- since a tagger may type one name differently in two articles.
CREATE TABLE actors (
	rid      INTEGER PRIMARY KEY,
	id       TEXT NOT NULL UNIQUE,
	name     TEXT NOT NULL,
	type     TEXT NOT NULL,
	articles INTEGER NOT NULL,
	mentions INTEGER NOT NULL,
	quotes   INTEGER NOT NULL
);
-- Speakers and actors are looked up by name too, as people type them; actors are listed those
-- in most articles first.
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);
CREATE INDEX actors_size ON actors(articles, mentions);
CREATE TABLE actor_roles (
	actor INTEGER NOT NULL,
	role  TEXT NOT NULL,
	n     INTEGER NOT NULL,
	PRIMARY KEY (actor, role)
) WITHOUT ROWID;
CREATE TABLE mentions (
	actor   INTEGER NOT NULL,
	article INTEGER NOT NULL,
	n       INTEGER NOT NULL,
	PRIMARY KEY (actor, article)
) WITHOUT ROWID;
CREATE INDEX mentions_article ON mentions(article);

-- A quote is a span of its article's text; n is its index in the record's quotes. Quotes are
-- searched through their article's full-text entry, then matched word for word by the program.
CREATE TABLE quotes (
	article INTEGER NOT NULL,
	n       INTEGER NOT NULL,
	speaker INTEGER,            -- actors.rid, NULL when the speaker is no known entity
	kind    TEXT NOT NULL,
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL,
	PRIMARY KEY (article, n)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker) WHERE speaker IS NOT NULL;

CREATE TABLE issues (
	rid  INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE
);
CREATE TABLE article_issues (
	issue   INTEGER NOT NULL,
	article INTEGER NOT NULL,
	PRIMARY KEY (issue, article)
) WITHOUT ROWID;

-- The full-text index keeps no copy of the text (contentless): it answers which articles
-- match and how well (bm25), and the program cuts the snippets from the stored text.
CREATE VIRTUAL TABLE article_fts USING fts5(
	title, text, content = '', tokenize = 'unicode61 remove_diacritics 2'
);
-- A match in the title weighs four times one in the text.
INSERT INTO article_fts(article_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');

-- The clusterer's state after the article with sequence number seq (one row at most).
CREATE TABLE snapshot (
	one  INTEGER PRIMARY KEY CHECK (one = 1),
	seq  INTEGER NOT NULL,
	data BLOB NOT NULL
);
