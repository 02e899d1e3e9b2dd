package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dossier-news/dossier/store"
)

const storySelect = `SELECT s.rid, s.id, s.title, s.first, s.last, s.articles, s.copies, s.outlets, s.related, s.updated FROM stories s`

func scanStory(row interface{ Scan(...any) error }) (int64, store.Story, error) {
	var (
		s                store.Story
		rid, updated     int64
		first, last      sql.NullInt64
		outlets, related string
	)
	if err := row.Scan(&rid, &s.ID, &s.Title, &first, &last, &s.Articles, &s.Copies, &outlets, &related, &updated); err != nil {
		return 0, s, err
	}
	s.First, s.Last, s.Updated = timeOf(first), timeOf(last), time.Unix(updated, 0).UTC()
	if err := errors.Join(json.Unmarshal([]byte(outlets), &s.Outlets), json.Unmarshal([]byte(related), &s.Related)); err != nil {
		return 0, s, fmt.Errorf("story %s: %w", s.ID, err)
	}
	return rid, s, nil
}

// Stories lists stories, most recently active (or largest) first.
func (db *DB) Stories(ctx context.Context, q store.StoryQuery) ([]store.Story, error) {
	var w where
	if !q.Since.IsZero() {
		w.add(`s.updated >= ?`, q.Since.Unix())
	}
	order := ` ORDER BY s.updated DESC, s.rid DESC`
	if q.BySize {
		order = ` ORDER BY s.articles DESC, s.rid`
	}
	limit, offset := page(q.Page)
	rows, err := db.r.QueryContext(ctx, storySelect+w.sql()+order+` LIMIT ? OFFSET ?`, append(w.args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", classify(err))
	}
	var rids []int64
	out, err := collect(rows, func(row interface{ Scan(...any) error }) (store.Story, error) {
		rid, s, err := scanStory(row)
		rids = append(rids, rid)
		return s, err
	}, "list stories")
	if err != nil || q.Activity <= 0 {
		return out, err
	}
	for i := range out {
		if out[i].Activity, err = db.activity(ctx, rids[i], q.Activity); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// activity counts a story's dated articles by day over its last days days.
func (db *DB) activity(ctx context.Context, story int64, days int) ([]store.Day, error) {
	rows, err := db.r.QueryContext(ctx, `WITH d AS (SELECT published / 86400 AS day FROM articles WHERE story = ? AND published IS NOT NULL)
		SELECT day, count(*) FROM d WHERE day > (SELECT max(day) FROM d) - ? GROUP BY day ORDER BY day`, story, days)
	if err != nil {
		return nil, fmt.Errorf("count story activity: %w", classify(err))
	}
	return collect(rows, func(row interface{ Scan(...any) error }) (store.Day, error) {
		var day int64
		var d store.Day
		err := row.Scan(&day, &d.Articles)
		d.Day = time.Unix(day*86400, 0).UTC()
		return d, err
	}, "count story activity")
}

// Story returns one story's summary.
func (db *DB) Story(ctx context.Context, id string) (store.Story, error) {
	_, s, err := scanStory(db.r.QueryRowContext(ctx, storySelect+` WHERE s.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return store.Story{}, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Story{}, fmt.Errorf("read story %s: %w", id, classify(err))
	}
	return s, nil
}

// Snapshot returns the saved clusterer state.
func (db *DB) Snapshot(ctx context.Context) (store.Snapshot, error) {
	var s store.Snapshot
	var data []byte
	err := db.r.QueryRowContext(ctx, `SELECT seq, data FROM snapshot WHERE one = 1`).Scan(&s.Seq, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return store.Snapshot{}, nil
	}
	if err != nil {
		return store.Snapshot{}, fmt.Errorf("read clusterer snapshot: %w", classify(err))
	}
	if s.Data, err = db.dec.DecodeAll(data, nil); err != nil {
		return store.Snapshot{}, fmt.Errorf("decompress clusterer snapshot: %w", err)
	}
	return s, nil
}

// SaveSnapshot replaces the saved clusterer state. The snapshot is compressed: its names and
// URLs shrink, its weights and signatures hardly.
func (db *DB) SaveSnapshot(ctx context.Context, s store.Snapshot) error {
	data := db.enc.EncodeAll(s.Data, nil)
	err := db.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO snapshot (one, seq, data) VALUES (1, ?, ?)
			ON CONFLICT (one) DO UPDATE SET seq = excluded.seq, data = excluded.data`, s.Seq, data)
		return err
	})
	if err != nil {
		return fmt.Errorf("save clusterer snapshot: %w", err)
	}
	return nil
}
