package sqlite_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"sync"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/extract"
	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/store"
	"github.com/dossier-news/dossier/store/sqlite"
)

// exampleDocs returns the documents of the built-in example corpus.
func exampleDocs(t testing.TB) []*dossier.Document {
	t.Helper()
	var docs []*dossier.Document
	for d, err := range ingest.New(ingest.Options{}).ReadFS(context.Background(), examples.Corpus(), ".") {
		if err != nil {
			t.Fatalf("read example corpus: %v", err)
		}
		docs = append(docs, d)
	}
	if len(docs) < 10 {
		t.Fatalf("example corpus has %d documents, want at least 10", len(docs))
	}
	return docs
}

// exampleRecords analyses the example corpus once per test binary; each call returns fresh
// copies, since adding a record may set its duplicate fields.
var exampleRecords = func() func(t testing.TB) []*analyze.Record {
	var (
		once sync.Once
		recs []*analyze.Record
	)
	return func(t testing.TB) []*analyze.Record {
		t.Helper()
		once.Do(func() {
			for _, d := range exampleDocs(t) {
				a, err := extract.Article(d)
				if err != nil {
					t.Fatalf("extract %s: %v", d.Source, err)
				}
				recs = append(recs, analyze.New(a))
			}
		})
		out := make([]*analyze.Record, len(recs))
		for i, r := range recs {
			c := *r
			out[i] = &c
		}
		return out
	}
}()

// openDB opens a new database in a temporary directory, closed when the test ends.
func openDB(t testing.TB) (*sqlite.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "dossier.db")
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// addAll adds records through an Adder and returns the results.
func addAll(t testing.TB, st store.Store, recs []*analyze.Record) []store.Result {
	t.Helper()
	ctx := context.Background()
	a, err := store.NewAdder(ctx, st, store.AdderOptions{})
	if err != nil {
		t.Fatalf("NewAdder: %v", err)
	}
	var out []store.Result
	for _, r := range recs {
		res, err := a.Add(ctx, r)
		if err != nil {
			t.Fatalf("Add %s: %v", r.Source, err)
		}
		out = append(out, res)
	}
	if err := a.Close(ctx); err != nil {
		t.Fatalf("Adder.Close: %v", err)
	}
	return out
}

// equalRecords reports whether two records write the same JSON.
func equalRecords(a, b *analyze.Record) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(ja, jb)
}
