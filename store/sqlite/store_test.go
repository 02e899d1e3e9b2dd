package sqlite_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/store"
)

func TestAddIdempotent(t *testing.T) {
	ctx := context.Background()
	db, _ := openDB(t)
	first := addAll(t, db, exampleRecords(t))
	counts := map[store.Status]int{}
	for _, r := range first {
		counts[r.Status]++
	}
	// The corpus's exact copy has its own path: a copy, stored as a new article.
	if counts[store.New] != len(first) {
		t.Errorf("first add: %v, want all %d new", counts, len(first))
	}
	before, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	second := addAll(t, db, exampleRecords(t))
	for i, r := range second {
		if r.Status != store.Duplicate || r.ID != first[i].ID || r.Story != first[i].Story {
			t.Errorf("second add of %s = %+v, want a duplicate of %s in %s", r.Source, r, first[i].ID, first[i].Story)
		}
	}
	after, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after.Articles != before.Articles || after.Stories != before.Stories || after.Quotes != before.Quotes {
		t.Errorf("second add changed the store: %+v, then %+v", before, after)
	}
	if before.Articles != len(first) || before.Stories == 0 || before.Quotes == 0 {
		t.Errorf("stats %+v after adding %d articles", before, len(first))
	}
}

func TestRecordRoundTrip(t *testing.T) {
	ctx := context.Background()
	db, _ := openDB(t)
	recs := exampleRecords(t)
	addAll(t, db, recs)
	for _, want := range recs {
		got, err := db.Article(ctx, want.ID)
		if err != nil {
			t.Fatalf("Article(%s): %v", want.ID, err)
		}
		if !equalRecords(got, want) {
			t.Errorf("Article(%s) differs from the record added", want.ID)
		}
	}
	if _, err := db.Article(ctx, "no-such-id"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(no-such-id) = %v, want ErrNotFound", err)
	}
}

func TestSearchSmoke(t *testing.T) {
	ctx := context.Background()
	db, _ := openDB(t)
	addAll(t, db, exampleRecords(t))
	q, err := store.ParseQuery("reservoir")
	if err != nil {
		t.Fatal(err)
	}
	hits, err := db.Search(ctx, store.SearchQuery{Query: q})
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	if len(hits) == 0 {
		t.Fatal("no hits for reservoir")
	}
	for _, h := range hits {
		matched := slices.ContainsFunc(h.Snippet, func(f store.Fragment) bool {
			return f.Match && strings.HasPrefix(strings.ToLower(f.Text), "reservoir")
		})
		if !matched {
			t.Errorf("hit %s %s: snippet %v marks no match", h.Kind, h.Article.ID, h.Snippet)
		}
	}
}
