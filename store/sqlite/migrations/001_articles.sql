-- The first schema: articles with their versions, texts stored once by content, stories, actors,
-- quotes, issues, the full-text indexes and the clusterer's snapshot.

-- A text carried by several articles (a copy under another URL, a version that changed back) is
-- stored once; hash is its SHA-256.
CREATE TABLE texts (
	rid  INTEGER PRIMARY KEY,
	hash BLOB NOT NULL UNIQUE,
	text TEXT NOT NULL
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
	added        INTEGER NOT NULL,
	record       BLOB NOT NULL     -- the analysis, compressed, without the text or copies of it
);
CREATE UNIQUE INDEX articles_key ON articles(iif(url = '', source, url), text);
CREATE INDEX articles_text ON articles(text);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_previous ON articles(previous) WHERE previous IS NOT NULL;

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

-- A quote is a span of its article's text; n is its index in the record's quotes.
CREATE TABLE quotes (
	rid     INTEGER PRIMARY KEY,
	article INTEGER NOT NULL,
	n       INTEGER NOT NULL,
	speaker INTEGER,            -- actors.rid, NULL when the speaker is no known entity
	name    TEXT NOT NULL,      -- the speaker as written
	kind    TEXT NOT NULL,
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE INDEX quotes_name ON quotes(name COLLATE NOCASE);

CREATE TABLE issues (
	rid  INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE
);
CREATE TABLE article_issues (
	issue   INTEGER NOT NULL,
	article INTEGER NOT NULL,
	PRIMARY KEY (issue, article)
) WITHOUT ROWID;

-- The full-text indexes keep no copy of the text: they read it through these views when
-- snippet() or highlight() needs it. Quote offsets are bytes, hence the BLOB casts.
CREATE VIEW article_texts AS
	SELECT a.seq AS seq, a.title AS title, t.text AS text
	FROM articles a JOIN texts t ON t.rid = a.text;
CREATE VIEW quote_texts AS
	SELECT q.rid AS rid, CAST(substr(CAST(t.text AS BLOB), q.start + 1, q.end - q.start) AS TEXT) AS text
	FROM quotes q JOIN articles a ON a.seq = q.article JOIN texts t ON t.rid = a.text;
CREATE VIRTUAL TABLE article_fts USING fts5(
	title, text, content = 'article_texts', content_rowid = 'seq',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE quote_fts USING fts5(
	text, content = 'quote_texts', content_rowid = 'rid',
	tokenize = 'unicode61 remove_diacritics 2'
);
-- A match in the title weighs four times one in the text.
INSERT INTO article_fts(article_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');

-- The clusterer's state after the article with sequence number seq (one row at most).
CREATE TABLE snapshot (
	one  INTEGER PRIMARY KEY CHECK (one = 1),
	seq  INTEGER NOT NULL,
	data BLOB NOT NULL
);
