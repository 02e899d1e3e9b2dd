package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/store"
)

// speakerCond matches quotes by a speaker given as an entity ID or as a name as written.
const speakerCond = `(q.speaker = (SELECT rid FROM actors WHERE id = ?) OR q.name = ? COLLATE NOCASE)`

// Quotes lists quotes, newest article first, then in text order.
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
		JOIN stories s ON s.rid = a.story`+w.sql()+` ORDER BY coalesce(a.published, a.added) DESC, a.seq DESC, q.n LIMIT ? OFFSET ?`,
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
	recs := recordCache{db: db}
	out := make([]store.Quote, 0, len(refs))
	for _, r := range refs {
		q, rec, err := recs.quote(ctx, r.seq, r.n)
		if err != nil {
			return nil, fmt.Errorf("list quotes: %w", err)
		}
		out = append(out, quoteOf(q, rec, r.story))
	}
	return out, nil
}

func quoteOf(q analyze.Quote, rec *analyze.Record, story string) store.Quote {
	sq := store.Quote{Quote: q, Article: rec.ID, Story: story, Outlet: rec.Outlet, Title: rec.Title}
	sq.Published = publishedTime(rec)
	return sq
}

// recordCache decodes each article's record once while a listing reads several of its quotes.
type recordCache struct {
	db   *DB
	recs map[int64]*analyze.Record
}

func (c *recordCache) record(ctx context.Context, seq int64) (*analyze.Record, error) {
	if r, ok := c.recs[seq]; ok {
		return r, nil
	}
	_, r, err := c.db.scanRecord(c.db.r.QueryRowContext(ctx, recordSelect+` WHERE a.seq = ?`, seq))
	if err != nil {
		return nil, classify(err)
	}
	if c.recs == nil {
		c.recs = map[int64]*analyze.Record{}
	}
	c.recs[seq] = r
	return r, nil
}

// quote returns quote n of article seq with the article's record.
func (c *recordCache) quote(ctx context.Context, seq int64, n int) (analyze.Quote, *analyze.Record, error) {
	r, err := c.record(ctx, seq)
	if err != nil {
		return analyze.Quote{}, nil, err
	}
	if n < 0 || n >= len(r.Quotes) {
		return analyze.Quote{}, nil, fmt.Errorf("article %s has no quote %d: %w", r.ID, n, sql.ErrNoRows)
	}
	return r.Quotes[n], r, nil
}
