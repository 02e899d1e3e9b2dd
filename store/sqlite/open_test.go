package sqlite_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dossier-news/dossier/store"
	"github.com/dossier-news/dossier/store/sqlite"
)

// TestOpenRefuses checks that files that are not dossier databases get a clear error and are
// left byte for byte as they were, with no journal beside them.
func TestOpenRefuses(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 8192)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		want error
	}{
		{"text file", func(t *testing.T, path string) {
			write(t, path, []byte("Notes for Tuesday: call the harbour master about the ferry timetable.\n"))
		}, store.ErrNotDossier},
		{"random bytes", func(t *testing.T, path string) { write(t, path, random) }, store.ErrNotDossier},
		{"short file", func(t *testing.T, path string) { write(t, path, []byte("SQLite format 3\x00")) }, store.ErrNotDossier},
		{"damaged sqlite", func(t *testing.T, path string) {
			write(t, path, append([]byte("SQLite format 3\x00"), random...))
		}, store.ErrNotDossier},
		{"another program's sqlite", func(t *testing.T, path string) {
			raw := rawOpen(t, path)
			mustExec(t, raw, `CREATE TABLE recipes (name TEXT, minutes INTEGER)`)
			mustExec(t, raw, `INSERT INTO recipes VALUES ('barley soup', 40)`)
			raw.Close()
		}, store.ErrNotDossier},
		{"newer schema", func(t *testing.T, path string) {
			db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
			if err != nil {
				t.Fatal(err)
			}
			db.Close()
			raw := rawOpen(t, path)
			mustExec(t, raw, `PRAGMA user_version = 99`)
			raw.Close()
		}, store.ErrNewerSchema},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "dossier.db")
			tt.make(t, path)
			before := read(t, path)
			_, err := sqlite.Open(context.Background(), path, sqlite.Options{})
			if !errors.Is(err, tt.want) {
				t.Fatalf("Open = %v, want %v", err, tt.want)
			}
			if !bytes.Equal(read(t, path), before) {
				t.Error("Open changed the file it refused")
			}
			// A dossier database is in WAL mode and may keep its log; any other file must have
			// nothing new beside it.
			for _, suffix := range []string{"-wal", "-journal"} {
				if _, err := os.Stat(path + suffix); err == nil && tt.want != store.ErrNewerSchema {
					t.Errorf("Open left %s beside the file it refused", filepath.Base(path+suffix))
				}
			}
		})
	}
}

func TestOpenAccepts(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string)
	}{
		{"no file", func(t *testing.T, path string) {}},
		{"empty file", func(t *testing.T, path string) { write(t, path, nil) }},
		{"empty sqlite database", func(t *testing.T, path string) {
			raw := rawOpen(t, path)
			mustExec(t, raw, `PRAGMA user_version = 0`)
			raw.Close()
		}},
		{"missing directory", func(t *testing.T, path string) {}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sub", "dossier.db")
			if tt.name != "missing directory" {
				path = filepath.Join(filepath.Dir(filepath.Dir(path)), "dossier.db")
			}
			tt.make(t, path)
			db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer db.Close()
			if err := db.Check(context.Background()); err != nil {
				t.Errorf("Check: %v", err)
			}
			// Reopening a database Open made must work too.
			db.Close()
			again, err := sqlite.Open(context.Background(), path, sqlite.Options{})
			if err != nil {
				t.Fatalf("reopen: %v", err)
			}
			again.Close()
		})
	}
}

// TestLocked holds the write lock from another connection, as another process would: a write
// waits for the busy timeout, then fails with ErrLocked and keeps nothing of itself, and what
// was stored before is intact; once the lock is gone the same write succeeds.
func TestLocked(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dossier.db")
	db, err := sqlite.Open(ctx, path, sqlite.Options{BusyTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.PutFeed(ctx, store.Feed{URL: "https://news.example/first.xml"}); err != nil {
		t.Fatal(err)
	}

	other := rawOpen(t, path)
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	err = db.PutFeed(ctx, store.Feed{URL: "https://news.example/second.xml"})
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("PutFeed while locked = %v, want ErrLocked", err)
	}
	if _, err := conn.ExecContext(ctx, `ROLLBACK`); err != nil {
		t.Fatal(err)
	}
	conn.Close()

	feeds, err := db.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != 1 || feeds[0].URL != "https://news.example/first.xml" {
		t.Errorf("after the failed write, feeds = %+v, want only the first", feeds)
	}
	if err := db.PutFeed(ctx, store.Feed{URL: "https://news.example/second.xml"}); err != nil {
		t.Errorf("PutFeed after the lock was released: %v", err)
	}
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// rawOpen opens an SQLite file with the driver alone, as another program would.
func rawOpen(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func mustExec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}
