package sqlite_test

import (
	"context"
	"testing"
	"time"

	"github.com/dossier-news/dossier/store"
	"github.com/dossier-news/dossier/store/sqlite"
)

func TestZZProf(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, "/tmp/h4bench.db", sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range []string{"water", "the", "koruth", `"dry season"`, "reserv*"} {
		q, _ := store.ParseQuery(s)
		for _, kinds := range [][]store.HitKind{{store.HitArticle}, {store.HitQuote}} {
			st := time.Now()
			h, err := db.Search(ctx, store.SearchQuery{Query: q, Kinds: kinds})
			t.Logf("%-14s %v: %d hits %v err %v", s, kinds, len(h), time.Since(st), err)
			st = time.Now()
			h, err = db.Search(ctx, store.SearchQuery{Query: q, Kinds: kinds, Page: store.Page{Limit: 1}})
			t.Logf("%-14s %v limit 1: %d hits %v err %v", s, kinds, len(h), time.Since(st), err)
		}
	}
}
