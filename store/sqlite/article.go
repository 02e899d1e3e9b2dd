package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/store"
)

// keyExpr is an article's key as the unique index articles_key computes it; queries must spell
// it the same way for SQLite to use that index.
const keyExpr = `iif(a.url = '', a.source, a.url)`

// Lookup reports what the store holds of the article at key with the given text hash.
func (db *DB) Lookup(ctx context.Context, key, hash string) (store.Known, error) {
	sum, err := hex.DecodeString(hash)
	if err != nil {
		return store.Known{}, fmt.Errorf("look up %s: bad hash %q", key, hash)
	}
	var k store.Known
	err = db.read(ctx, sqlLookup, key, sum).Scan(&k.ID, &k.Latest, &k.SameText)
	if err != nil {
		return store.Known{}, fmt.Errorf("look up %s: %w", key, classify(err))
	}
	if k.Latest == k.ID {
		k.Latest = ""
	}
	return k, nil
}

// Queries run for every article added, prepared once by Open (see read).
const (
	sqlLookup = `SELECT
		coalesce((SELECT a.id FROM articles a WHERE ` + keyExpr + ` = ?1 AND a.text = (SELECT rid FROM texts WHERE hash = ?2)), ''),
		coalesce((SELECT a.id FROM articles a WHERE ` + keyExpr + ` = ?1 AND a.current = 1 ORDER BY a.seq DESC LIMIT 1), ''),
		coalesce((SELECT a.id FROM articles a WHERE a.text = (SELECT rid FROM texts WHERE hash = ?2) AND ` + keyExpr + ` != ?1 ORDER BY a.seq LIMIT 1), '')`
	sqlSince = recordSelect + ` WHERE a.seq > ? ORDER BY a.seq`
)

// The statements of Put, prepared once by Open (see txn).
const (
	sqlTextID        = `SELECT rid FROM texts WHERE hash = ?`
	sqlInsertText    = `INSERT INTO texts (hash, size, body) VALUES (?, ?, ?) RETURNING rid`
	sqlArticleAt     = `SELECT a.id, a.seq FROM articles a WHERE ` + keyExpr + ` = ? AND a.text = ?`
	sqlLatestAt      = `SELECT a.seq, a.id, a.version FROM articles a WHERE ` + keyExpr + ` = ? AND a.current = 1 ORDER BY a.seq DESC LIMIT 1`
	sqlSupersede     = `UPDATE articles SET current = 0 WHERE seq = ?`
	sqlInsertArticle = `INSERT INTO articles (id, text, source, url, outlet, title, published, story,
			duplicate_of, version, previous, current, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING seq`
	sqlInsertRecord = `INSERT INTO records (seq, data) VALUES (?, ?)`
	sqlIndexArticle = `INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)`
	sqlUpsertActor  = `INSERT INTO actors (id, name, type, articles, mentions, quotes) VALUES (?, ?, ?, 1, ?, ?)
		ON CONFLICT (id) DO UPDATE SET articles = articles + 1, mentions = mentions + excluded.mentions,
			quotes = quotes + excluded.quotes
		RETURNING rid`
	sqlAddRole = `INSERT INTO actor_roles (actor, role, n) VALUES (?, ?, 1)
				ON CONFLICT DO UPDATE SET n = n + 1`
	sqlInsertMentions = `INSERT INTO mentions (actor, article, n) VALUES (?, ?, ?)`
	sqlInsertQuote    = `INSERT INTO quotes (article, n, speaker, kind, start, end) VALUES (?, ?, ?, ?, ?, ?)`
	sqlUpsertIssue    = `INSERT INTO issues (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = name RETURNING rid`
	sqlInsertIssue    = `INSERT OR IGNORE INTO article_issues (issue, article) VALUES (?, ?)`
	sqlUpsertStory    = `INSERT INTO stories (id, title, first, last, articles, copies, outlets, related, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, first = excluded.first, last = excluded.last,
			articles = excluded.articles, copies = excluded.copies, outlets = excluded.outlets,
			related = excluded.related, updated = excluded.updated
		RETURNING rid`
)

// putStatements lists the statements Open prepares.
func putStatements() []string {
	return []string{sqlTextID, sqlInsertText, sqlArticleAt, sqlLatestAt, sqlSupersede, sqlInsertArticle,
		sqlInsertRecord, sqlIndexArticle, sqlUpsertActor, sqlAddRole, sqlInsertMentions, sqlInsertQuote, sqlUpsertIssue, sqlInsertIssue, sqlUpsertStory}
}

// Put stores an analysed article with its story's summary, in one transaction.
func (db *DB) Put(ctx context.Context, e *store.Entry) (store.Put, error) {
	res, err := db.PutBatch(ctx, []*store.Entry{e})
	if err != nil {
		return store.Put{}, err
	}
	return res[0], nil
}

// PutBatch stores several articles in one transaction: all of them or, on an error, none.
// Committing once for many saves most of the writing, since articles added together share
// the pages they change (the index's, the stories', the tables' last pages).
func (db *DB) PutBatch(ctx context.Context, es []*store.Entry) ([]store.Put, error) {
	rows := make([]putRow, len(es))
	for i, e := range es {
		if err := db.prepareRow(e, &rows[i]); err != nil {
			return nil, err
		}
	}
	out := make([]store.Put, len(es))
	err := db.write(ctx, func(tx *sql.Tx) error {
		t := txn{ctx: ctx, tx: tx, db: db}
		for i := range rows {
			res, err := t.put(&rows[i])
			if err != nil {
				return fmt.Errorf("store article %s: %w", rows[i].r.ID, err)
			}
			out[i] = res
		}
		return nil
	})
	if err != nil {
		if len(es) > 1 {
			err = fmt.Errorf("store %d articles: %w", len(es), err)
		}
		return nil, err
	}
	return out, nil
}

// putRow is an entry ready to store: its record checked, encoded and compressed outside the
// transaction.
type putRow struct {
	r         *analyze.Record
	story     store.Story
	sum       []byte
	blob      []byte
	body      []byte
	published sql.NullInt64
}

func (db *DB) prepareRow(e *store.Entry, row *putRow) error {
	r := e.Record
	if r == nil || r.ID == "" {
		return fmt.Errorf("store article: no record or no id")
	}
	sum, err := hex.DecodeString(r.Hash)
	if err != nil || len(sum) == 0 {
		return fmt.Errorf("store article %s: bad hash %q", r.ID, r.Hash)
	}
	if e.Story.ID == "" {
		return fmt.Errorf("store article %s: no story", r.ID)
	}
	blob, err := db.encodeRecord(r)
	if err != nil {
		return fmt.Errorf("store article %s: %w", r.ID, err)
	}
	*row = putRow{r: r, story: e.Story, sum: sum, blob: blob, body: db.enc.EncodeAll([]byte(r.Text), nil)}
	if r.Published != "" {
		t, err := time.Parse(time.RFC3339, r.Published)
		if err != nil {
			return fmt.Errorf("store article %s: publication time: %w", r.ID, err)
		}
		row.published = sql.NullInt64{Int64: t.Unix(), Valid: true}
	}
	return nil
}

// put stores one article in the transaction.
func (t txn) put(row *putRow) (store.Put, error) {
	r := row.r
	var res store.Put
	key := store.Key(r)
	var textID int64
	err := t.queryRow(sqlTextID, row.sum).Scan(&textID)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		err = t.queryRow(sqlInsertText, row.sum, len(r.Text), row.body).Scan(&textID)
		if err != nil {
			return store.Put{}, fmt.Errorf("store text: %w", err)
		}
	case err != nil:
		return store.Put{}, err
	default:
		err := t.queryRow(sqlArticleAt, key, textID).Scan(&res.ID, &res.Seq)
		if err == nil {
			res.Status = store.Duplicate
			return res, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return store.Put{}, err
		}
	}

	var prev sql.NullInt64
	version := 1
	err = t.queryRow(sqlLatestAt, key).Scan(&prev, &res.Previous, &version)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res.Status = store.New
	case err != nil:
		return store.Put{}, err
	default:
		res.Status = store.Version
		version++
		if _, err := t.exec(sqlSupersede, prev); err != nil {
			return store.Put{}, err
		}
	}

	storyID, err := putStory(t, row.story)
	if err != nil {
		return store.Put{}, err
	}
	res.ID = r.ID
	err = t.queryRow(sqlInsertArticle,
		r.ID, textID, r.Source, r.URL, r.Outlet, r.Title, row.published, storyID,
		cmp.Or(r.DuplicateOf, r.NearDuplicateOf), version, prev, time.Now().Unix()).Scan(&res.Seq)
	if err != nil {
		return store.Put{}, fmt.Errorf("insert article: %w", err)
	}
	if _, err := t.exec(sqlInsertRecord, res.Seq, row.blob); err != nil {
		return store.Put{}, fmt.Errorf("insert record: %w", err)
	}
	if _, err := t.exec(sqlIndexArticle, res.Seq, r.Title, r.Text); err != nil {
		return store.Put{}, fmt.Errorf("index article: %w", err)
	}
	if err := putAnalysis(t, res.Seq, r); err != nil {
		return store.Put{}, err
	}
	return res, nil
}

// actorKey is an entity ID without its type, the key actors are summed by.
func actorKey(entityID string) string {
	if i := strings.LastIndexByte(entityID, ':'); i >= 0 {
		return entityID[i+1:]
	}
	return entityID
}

// putAnalysis stores what search and listings filter on: the article's actors with their
// mentions, quotes and roles (summed per actor first, so that each actor costs one upsert), its
// quotes and the issues its positions are about.
func putAnalysis(t txn, seq int64, r *analyze.Record) error {
	type actor struct {
		rid              int64
		name, typ        string
		mentions, quotes int
		roles            []string
	}
	var keys []string
	actors := map[string]*actor{}
	for _, e := range r.Entities {
		k := actorKey(e.ID)
		if k == "" {
			continue
		}
		a := actors[k]
		if a == nil {
			a = &actor{name: e.Name, typ: e.Type}
			actors[k] = a
			keys = append(keys, k)
		}
		a.mentions += len(e.Mentions)
		for _, role := range e.Roles {
			if !slices.Contains(a.roles, role) {
				a.roles = append(a.roles, role)
			}
		}
	}
	for _, q := range r.Quotes {
		if a := actors[actorKey(q.Speaker.Entity)]; a != nil && q.Speaker.Entity != "" {
			a.quotes++
		}
	}
	for _, k := range keys {
		a := actors[k]
		if err := t.queryRow(sqlUpsertActor, k, a.name, a.typ, a.mentions, a.quotes).Scan(&a.rid); err != nil {
			return fmt.Errorf("store actor %s: %w", k, err)
		}
		if _, err := t.exec(sqlInsertMentions, a.rid, seq, a.mentions); err != nil {
			return fmt.Errorf("store mentions: %w", err)
		}
		for _, role := range a.roles {
			if _, err := t.exec(sqlAddRole, a.rid, role); err != nil {
				return fmt.Errorf("store role of %s: %w", k, err)
			}
		}
	}

	for i, q := range r.Quotes {
		var speaker sql.NullInt64
		if a := actors[actorKey(q.Speaker.Entity)]; a != nil && q.Speaker.Entity != "" {
			speaker = sql.NullInt64{Int64: a.rid, Valid: true}
		}
		if _, err := t.exec(sqlInsertQuote, seq, i, speaker, q.Kind, q.Start, q.End); err != nil {
			return fmt.Errorf("store quote: %w", err)
		}
	}

	issues := map[string]bool{}
	for _, p := range r.Positions {
		if p.Issue == "" || issues[p.Issue] {
			continue
		}
		issues[p.Issue] = true
		var rid int64
		if err := t.queryRow(sqlUpsertIssue, p.Issue).Scan(&rid); err != nil {
			return fmt.Errorf("store issue: %w", err)
		}
		if _, err := t.exec(sqlInsertIssue, rid, seq); err != nil {
			return fmt.Errorf("store issue: %w", err)
		}
	}
	return nil
}

// putStory creates or replaces a story's summary and returns its rowid.
func putStory(t txn, s store.Story) (int64, error) {
	outlets, err := json.Marshal(nonNil(s.Outlets))
	if err != nil {
		return 0, err
	}
	related, err := json.Marshal(nonNil(s.Related))
	if err != nil {
		return 0, err
	}
	updated := s.Updated
	if updated.IsZero() {
		updated = time.Now()
	}
	var rid int64
	err = t.queryRow(sqlUpsertStory,
		s.ID, s.Title, unixOrNull(s.First), unixOrNull(s.Last), s.Articles, s.Copies, outlets, related, updated.Unix()).Scan(&rid)
	if err != nil {
		return 0, fmt.Errorf("store story %s: %w", s.ID, err)
	}
	return rid, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func unixOrNull(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.Unix(), Valid: true}
}

func timeOf(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.Unix(v.Int64, 0).UTC()
}

// recordSelect selects what decodeRecord needs; scanRecord reads it.
const recordSelect = `SELECT a.seq, a.id, a.source, a.url, a.outlet, a.title, t.hash, t.body, r.data
	FROM articles a JOIN texts t ON t.rid = a.text JOIN records r ON r.seq = a.seq`

func (db *DB) scanRecord(row interface{ Scan(...any) error }) (int64, *analyze.Record, error) {
	var (
		seq              int64
		cols             recordColumns
		hash, body, blob []byte
	)
	if err := row.Scan(&seq, &cols.id, &cols.source, &cols.url, &cols.outlet, &cols.title, &hash, &body, &blob); err != nil {
		return 0, nil, err
	}
	cols.hash = hex.EncodeToString(hash)
	text, err := db.decodeText(body)
	if err != nil {
		return 0, nil, fmt.Errorf("article %s: %w", cols.id, err)
	}
	r, err := db.decodeRecord(blob, text, cols)
	return seq, r, err
}

// Since yields the articles stored after seq, in order.
func (db *DB) Since(ctx context.Context, seq int64) iter.Seq2[store.Stored, error] {
	return func(yield func(store.Stored, error) bool) {
		rows, err := db.readRows(ctx, sqlSince, seq)
		if err != nil {
			yield(store.Stored{}, fmt.Errorf("read articles since %d: %w", seq, classify(err)))
			return
		}
		defer rows.Close()
		for rows.Next() {
			s, r, err := db.scanRecord(rows)
			if err != nil {
				yield(store.Stored{}, fmt.Errorf("read articles since %d: %w", seq, err))
				return
			}
			if !yield(store.Stored{Seq: s, Record: r}, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(store.Stored{}, fmt.Errorf("read articles since %d: %w", seq, classify(err)))
		}
	}
}

// Article returns one stored article's record.
func (db *DB) Article(ctx context.Context, id string) (*analyze.Record, error) {
	_, r, err := db.scanRecord(db.r.QueryRowContext(ctx, recordSelect+` WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read article %s: %w", id, classify(err))
	}
	return r, nil
}

// Records returns the records of a story's current articles, in the order brief.Build wants.
func (db *DB) Records(ctx context.Context, storyID string) ([]*analyze.Record, error) {
	var rid int64
	err := db.r.QueryRowContext(ctx, `SELECT rid FROM stories WHERE id = ?`, storyID).Scan(&rid)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("story %s: %w", storyID, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read story %s: %w", storyID, classify(err))
	}
	rows, err := db.r.QueryContext(ctx, recordSelect+` WHERE a.story = ? AND a.current = 1 ORDER BY a.seq`, rid)
	if err != nil {
		return nil, fmt.Errorf("read story %s: %w", storyID, classify(err))
	}
	defer rows.Close()
	var out []*analyze.Record
	dated := true
	published := map[*analyze.Record]time.Time{}
	for rows.Next() {
		_, r, err := db.scanRecord(rows)
		if err != nil {
			return nil, fmt.Errorf("read story %s: %w", storyID, err)
		}
		t, err := time.Parse(time.RFC3339, r.Published)
		dated = dated && err == nil
		published[r] = t
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read story %s: %w", storyID, classify(err))
	}
	if dated {
		slices.SortStableFunc(out, func(a, b *analyze.Record) int { return published[a].Compare(published[b]) })
	}
	return out, nil
}

// articleSelect selects an article without its analysis; scanArticle reads it.
const articleSelect = `SELECT a.id, ` + keyExpr + `, t.hash, a.source, a.url, a.outlet, a.title, a.published, s.id,
	a.duplicate_of, a.version, coalesce(p.id, ''), coalesce((SELECT n.id FROM articles n WHERE n.previous = a.seq), ''),
	a.added, t.size
	FROM articles a JOIN texts t ON t.rid = a.text JOIN stories s ON s.rid = a.story LEFT JOIN articles p ON p.seq = a.previous`

func scanArticle(row interface{ Scan(...any) error }) (store.Article, error) {
	var (
		a          store.Article
		hash       []byte
		published  sql.NullInt64
		added, n64 int64
	)
	err := row.Scan(&a.ID, &a.Key, &hash, &a.Source, &a.URL, &a.Outlet, &a.Title, &published, &a.Story,
		&a.DuplicateOf, &a.Version, &a.Previous, &a.Next, &added, &n64)
	a.Hash = hex.EncodeToString(hash)
	a.Published = timeOf(published)
	a.Added = time.Unix(added, 0).UTC()
	a.Bytes = int(n64)
	return a, err
}

// Articles lists stored articles by publication time, newest first, undated last.
func (db *DB) Articles(ctx context.Context, q store.ArticleQuery) ([]store.Article, error) {
	var w where
	if !q.AllVersions {
		w.add(`a.current = 1`)
	}
	if q.Story != "" {
		w.add(`a.story = (SELECT rid FROM stories WHERE id = ?)`, q.Story)
	}
	if q.Outlet != "" {
		w.add(`a.outlet = ?`, q.Outlet)
	}
	if err := w.dates(`a.published`, q.From, q.To); err != nil {
		return nil, err
	}
	limit, offset := page(q.Page)
	rows, err := db.r.QueryContext(ctx, articleSelect+w.sql()+` ORDER BY a.published DESC, a.seq DESC LIMIT ? OFFSET ?`,
		append(w.args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", classify(err))
	}
	return collect(rows, scanArticle, "list articles")
}

// Versions returns every version stored at the article's key, oldest first.
func (db *DB) Versions(ctx context.Context, id string) ([]store.Article, error) {
	rows, err := db.r.QueryContext(ctx, articleSelect+` WHERE `+keyExpr+` = (SELECT `+keyExpr+` FROM articles a WHERE a.id = ?) ORDER BY a.version`, id)
	if err != nil {
		return nil, fmt.Errorf("list versions of %s: %w", id, classify(err))
	}
	out, err := collect(rows, scanArticle, "list versions of "+id)
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	return out, err
}

// collect scans every row with scan and closes rows.
func collect[T any](rows *sql.Rows, scan func(interface{ Scan(...any) error }) (T, error), what string) ([]T, error) {
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, classify(err))
	}
	return out, nil
}
