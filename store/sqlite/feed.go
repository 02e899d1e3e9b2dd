package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/dossier-news/dossier/store"
)

const feedSelect = `SELECT url, title, etag, last_modified, last_poll, last_ok, next_poll, failures, last_error, items FROM feeds`

func scanFeed(row interface{ Scan(...any) error }) (store.Feed, error) {
	var f store.Feed
	var poll, ok, next sql.NullInt64
	err := row.Scan(&f.URL, &f.Title, &f.ETag, &f.LastModified, &poll, &ok, &next, &f.Failures, &f.LastError, &f.Items)
	f.LastPoll, f.LastOK, f.NextPoll = timeOf(poll), timeOf(ok), timeOf(next)
	return f, err
}

// Feed returns the watcher's state for a feed.
func (db *DB) Feed(ctx context.Context, url string) (store.Feed, error) {
	f, err := scanFeed(db.r.QueryRowContext(ctx, feedSelect+` WHERE url = ?`, url))
	if errors.Is(err, sql.ErrNoRows) {
		return store.Feed{}, fmt.Errorf("feed %s: %w", url, store.ErrNotFound)
	}
	if err != nil {
		return store.Feed{}, fmt.Errorf("read feed %s: %w", url, classify(err))
	}
	return f, nil
}

// Feeds returns every feed's state, the next to poll first (feeds never polled before those).
func (db *DB) Feeds(ctx context.Context) ([]store.Feed, error) {
	rows, err := db.r.QueryContext(ctx, feedSelect+` ORDER BY next_poll IS NOT NULL, next_poll, url`)
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", classify(err))
	}
	return collect(rows, scanFeed, "list feeds")
}

// PutFeed creates or replaces a feed's state.
func (db *DB) PutFeed(ctx context.Context, f store.Feed) error {
	if f.URL == "" {
		return fmt.Errorf("store feed: no url")
	}
	err := db.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO feeds (url, title, etag, last_modified, last_poll, last_ok,
			next_poll, failures, last_error, items) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			f.URL, f.Title, f.ETag, f.LastModified, unixOrNull(f.LastPoll), unixOrNull(f.LastOK), unixOrNull(f.NextPoll),
			f.Failures, f.LastError, f.Items)
		return err
	})
	if err != nil {
		return fmt.Errorf("store feed %s: %w", f.URL, err)
	}
	return nil
}

// Stats counts what the store holds.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	var pages, pageSize int64
	err := db.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM articles WHERE current = 1),
		(SELECT count(*) FROM stories), (SELECT count(*) FROM quotes), (SELECT count(*) FROM feeds),
		(SELECT coalesce(sum(size), 0) FROM texts),
		(SELECT page_count FROM pragma_page_count), (SELECT page_size FROM pragma_page_size)`).
		Scan(&s.Articles, &s.Current, &s.Stories, &s.Quotes, &s.Feeds, &s.TextSize, &pages, &pageSize)
	if err != nil {
		return store.Stats{}, fmt.Errorf("count store: %w", classify(err))
	}
	s.Bytes = pages * pageSize
	return s, nil
}
