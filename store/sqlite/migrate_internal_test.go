package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/klauspost/compress/zstd"

	"github.com/dossier-news/dossier/store"
)

// TestMigrateFromFirstSchema builds a database as the first schema made it, by hand, with an
// article in it; Open must upgrade it in place to the latest schema and keep the article.
func TestMigrateFromFirstSchema(t *testing.T) {
	ctx := context.Background()
	ms, err := schema()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) < 2 {
		t.Fatalf("only %d migrations: nothing to upgrade", len(ms))
	}
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	const text = "The ferry to Ostra Island resumed on Monday after a week of storms, the harbour office said."
	sum := sha256.Sum256([]byte(text))
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	record := enc.EncodeAll([]byte(`{"lang":"en","published":"2031-03-03T09:00:00Z","entities":[],"quotes":[],"positions":[],"events":[],"times":[]}`), nil)
	body := enc.EncodeAll([]byte(text), nil)
	enc.Close()
	for _, q := range []string{
		`PRAGMA journal_mode = WAL`,
		`CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied INTEGER NOT NULL)`,
		ms[0].sql,
		fmt.Sprintf(`INSERT INTO migrations VALUES (1, '%s', 0)`, ms[0].name),
		fmt.Sprintf(`PRAGMA application_id = %d`, applicationID),
		`PRAGMA user_version = 1`,
		`INSERT INTO stories (rid, id, title, first, last, articles, copies, outlets, related, updated)
			VALUES (1, 's-0a1b2c3d4e5f6071', 'Ferry resumes', 1993115600, 1993115600, 1, 0, '["Island Times"]', '[]', 0)`,
	} {
		if _, err := raw.ExecContext(ctx, q); err != nil {
			t.Fatalf("%.60s: %v", q, err)
		}
	}
	if _, err := raw.ExecContext(ctx, `INSERT INTO texts (rid, hash, size, body) VALUES (1, ?, ?, ?)`, sum[:], len(text), body); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.ExecContext(ctx, `INSERT INTO articles (seq, id, text, source, url, outlet, title, published, story,
		duplicate_of, version, previous, current, added) VALUES (1, '0a1b2c3d4e5f6071', 1, 'ferry.txt',
		'https://island.example/ferry', 'Island Times', 'Ferry resumes', 1993115600, 1, '', 1, NULL, 1, 0)`); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.ExecContext(ctx, `INSERT INTO records (seq, data) VALUES (1, ?)`, record); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.ExecContext(ctx, `INSERT INTO article_fts (rowid, title, text) VALUES (1, 'Ferry resumes', ?)`, text); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("Open of a first-schema database: %v", err)
	}
	defer db.Close()
	var version, steps int
	if err := db.r.QueryRowContext(ctx, `SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM migrations)`).Scan(&version, &steps); err != nil {
		t.Fatal(err)
	}
	if version != len(ms) || steps != len(ms) {
		t.Errorf("after upgrade: schema version %d with %d steps recorded, want %d", version, steps, len(ms))
	}
	r, err := db.Article(ctx, "0a1b2c3d4e5f6071")
	if err != nil {
		t.Fatalf("the article stored under the first schema: %v", err)
	}
	if r.Text != text || r.Hash != hex.EncodeToString(sum[:]) || r.URL != "https://island.example/ferry" {
		t.Errorf("article after upgrade = %+v", r)
	}
	q, err := store.ParseQuery("ferry storms")
	if err != nil {
		t.Fatal(err)
	}
	hits, err := db.Search(ctx, store.SearchQuery{Query: q})
	if err != nil || len(hits) != 1 {
		t.Errorf("search after upgrade = %d hits, %v; want the one article", len(hits), err)
	}
	// What the second step added works.
	feed := store.Feed{URL: "https://island.example/feed.xml", ETag: `"v7"`, Failures: 2}
	if err := db.PutFeed(ctx, feed); err != nil {
		t.Fatalf("PutFeed after upgrade: %v", err)
	}
	if got, err := db.Feed(ctx, feed.URL); err != nil || got.ETag != feed.ETag || got.Failures != 2 {
		t.Errorf("Feed after upgrade = %+v, %v", got, err)
	}
	if err := db.Check(ctx); err != nil {
		t.Error(err)
	}
}

func TestLoadMigrations(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  int // steps, or -1 for an error
	}{
		{"embedded", nil, -2},
		{"in order", fstest.MapFS{"migrations/001_a.sql": {}, "migrations/002_b.sql": {}}, 2},
		{"gap", fstest.MapFS{"migrations/001_a.sql": {}, "migrations/003_c.sql": {}}, -1},
		{"no number", fstest.MapFS{"migrations/first.sql": {}}, -1},
		{"none", fstest.MapFS{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ms []migration
			var err error
			if tt.files == nil {
				ms, err = schema()
			} else {
				ms, err = loadMigrations(tt.files)
			}
			switch {
			case tt.want == -1:
				if err == nil {
					t.Errorf("loadMigrations = %d steps, want an error", len(ms))
				}
			case tt.want == -2:
				if err != nil || len(ms) < 2 || ms[0].sql == "" {
					t.Errorf("embedded migrations: %d steps, %v", len(ms), err)
				}
			case err != nil || len(ms) != tt.want:
				t.Errorf("loadMigrations = %d steps, %v; want %d", len(ms), err, tt.want)
			}
		})
	}
}
