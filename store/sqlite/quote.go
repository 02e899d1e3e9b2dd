package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/store"
)

// speakerCond matches quotes by a speaker given as an entity ID (with or without its type) or
// as an actor's name. The two lookups are a UNION, not an OR, so that each uses its index.
const speakerCond = `q.speaker IN (SELECT rid FROM actors WHERE id = ? UNION SELECT rid FROM actors WHERE name = ? COLLATE NOCASE)`

// Quotes lists quotes by their article's publication time, newest first, then in text order;
// the order follows the publication index, so a page costs the same however many are stored.
func (db *DB) Quotes(ctx context.Context, qq store.QuoteQuery) ([]store.Quote, error) {
	var w where
	w.add(`a.current = 1`)
	if qq.Speaker != "" {
		w.add(speakerCond, actorKey(qq.Speaker), qq.Speaker)
	}
	if qq.Story != "" {
		w.add(`a.story = (SELECT rid FROM stories WHERE id = ?)`, qq.Story)
	}
	if qq.Article != "" {
		w.add(`a.id = ?`, qq.Article)
	}
	if qq.Outlet != "" {
		w.add(`a.outlet = ?`, qq.Outlet)
	}
	if qq.Kind != "" {
		w.add(`q.kind = ?`, qq.Kind)
	}
	if err := w.dates(`a.published`, qq.From, qq.To); err != nil {
		return nil, err
	}
	limit, offset := page(qq.Page)
	rows, err := db.r.QueryContext(ctx, `SELECT a.seq, q.n, s.id FROM quotes q JOIN articles a ON a.seq = q.article
		JOIN stories s ON s.rid = a.story`+w.sql()+` ORDER BY a.published DESC, a.seq DESC, q.n LIMIT ? OFFSET ?`,
		append(w.args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("list quotes: %w", classify(err))
	}
	type ref struct {
		seq   int64
		n     int
		story string
	}
	refs, err := collect(rows, func(row interface{ Scan(...any) error }) (ref, error) {
		var r ref
		return r, row.Scan(&r.seq, &r.n, &r.story)
	}, "list quotes")
	if err != nil {
		return nil, err
	}
	quotes := quoteCache{db: db}
	out := make([]store.Quote, 0, len(refs))
	for _, r := range refs {
		q, err := quotes.quote(ctx, r.seq, r.n)
		if err != nil {
			return nil, fmt.Errorf("list quotes: %w", err)
		}
		q.Story = r.story
		out = append(out, q)
	}
	return out, nil
}

// quoteCache reads each article's text and quotes once, and only when asked for, while a
// listing or a search goes through them.
type quoteCache struct {
	db     *DB
	loaded map[int64]string // texts by article seq
	ids    map[int64]string // article ids by seq
	arts   map[int64]*quotedArticle
}

// quotedArticle is what a quote listing needs of an article.
type quotedArticle struct {
	id, outlet, title string
	published         time.Time
	quotes            []analyze.Quote
}

// texts reads the texts (and ids) of the articles not read yet, in one query.
func (c *quoteCache) texts(ctx context.Context, seqs []int64) error {
	var missing []int64
	for _, s := range seqs {
		if _, ok := c.loaded[s]; !ok {
			missing = append(missing, s)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	rows, err := c.db.r.QueryContext(ctx, `SELECT a.seq, a.id, t.body FROM articles a JOIN texts t ON t.rid = a.text
		WHERE a.seq IN (`+placeholders(len(missing))+`)`, anys(missing)...)
	if err != nil {
		return fmt.Errorf("read texts: %w", classify(err))
	}
	defer rows.Close()
	if c.loaded == nil {
		c.loaded, c.ids = map[int64]string{}, map[int64]string{}
	}
	for rows.Next() {
		var (
			seq  int64
			id   string
			body []byte
		)
		if err := rows.Scan(&seq, &id, &body); err != nil {
			return fmt.Errorf("read texts: %w", err)
		}
		t, err := c.db.decodeText(body)
		if err != nil {
			return fmt.Errorf("article %s: %w", id, err)
		}
		c.loaded[seq], c.ids[seq] = t, id
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read texts: %w", classify(err))
	}
	return nil
}

// text returns an article's text.
func (c *quoteCache) text(ctx context.Context, seq int64) (string, error) {
	if err := c.texts(ctx, []int64{seq}); err != nil {
		return "", err
	}
	t, ok := c.loaded[seq]
	if !ok {
		return "", fmt.Errorf("article %d: %w", seq, store.ErrNotFound)
	}
	return t, nil
}

// id returns an article's id.
func (c *quoteCache) id(ctx context.Context, seq int64) (string, error) {
	if _, err := c.text(ctx, seq); err != nil {
		return "", err
	}
	return c.ids[seq], nil
}

func (c *quoteCache) article(ctx context.Context, seq int64) (*quotedArticle, error) {
	if a, ok := c.arts[seq]; ok {
		return a, nil
	}
	var (
		a         quotedArticle
		published sql.NullInt64
		blob      []byte
	)
	err := c.db.r.QueryRowContext(ctx, `SELECT a.id, a.outlet, a.title, a.published, r.data FROM articles a JOIN records r ON r.seq = a.seq WHERE a.seq = ?`, seq).
		Scan(&a.id, &a.outlet, &a.title, &published, &blob)
	if err != nil {
		return nil, classify(err)
	}
	a.published = timeOf(published)
	text, err := c.text(ctx, seq)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", a.id, err)
	}
	if a.quotes, err = c.db.decodeQuotes(blob, text); err != nil {
		return nil, fmt.Errorf("article %s: %w", a.id, err)
	}
	if c.arts == nil {
		c.arts = map[int64]*quotedArticle{}
	}
	c.arts[seq] = &a
	return &a, nil
}

// quote returns quote n of article seq with where it comes from, its story left to the caller.
func (c *quoteCache) quote(ctx context.Context, seq int64, n int) (store.Quote, error) {
	a, err := c.article(ctx, seq)
	if err != nil {
		return store.Quote{}, err
	}
	if n < 0 || n >= len(a.quotes) {
		return store.Quote{}, fmt.Errorf("article %s has no quote %d: %w", a.id, n, store.ErrNotFound)
	}
	return store.Quote{Quote: a.quotes[n], Article: a.id, Outlet: a.outlet, Title: a.title, Published: a.published}, nil
}
