package sqlite

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier/store"
)

// TestFull fills the database to a page limit, as a full disk would: the write that does not
// fit fails with store.ErrFull, and everything stored before it stays whole.
func TestFull(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "full.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	first := store.Feed{URL: "https://a.example/feed.xml", Title: "before the disk filled"}
	if err := db.PutFeed(ctx, first); err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := db.w.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	// The writer has one connection, so the limit holds for every write that follows.
	if _, err := db.w.ExecContext(ctx, fmt.Sprintf(`PRAGMA max_page_count = %d`, pages)); err != nil {
		t.Fatal(err)
	}
	big := store.Feed{URL: "https://b.example/feed.xml", LastError: string(make([]byte, 1<<20))}
	if err := db.PutFeed(ctx, big); !errors.Is(err, store.ErrFull) {
		t.Fatalf("PutFeed past the limit = %v, want ErrFull", err)
	}
	if got, err := db.Feed(ctx, first.URL); err != nil || got.Title != first.Title {
		t.Errorf("the feed stored before: %+v, %v", got, err)
	}
	if _, err := db.Feed(ctx, big.URL); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the write that failed left something: %v", err)
	}
	if err := db.Check(ctx); err != nil {
		t.Error(err)
	}
}
