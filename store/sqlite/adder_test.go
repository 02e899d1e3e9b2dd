package sqlite_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/store"
)

// synthRecords returns n synthetic records from a fresh generator, the same for the same seed.
func synthRecords(t testing.TB, seed uint64, n int) []*analyze.Record {
	s := newSynth(t, seed)
	out := make([]*analyze.Record, n)
	for i := range out {
		out[i] = s.record()
	}
	return out
}

// storySummary writes a store's stories compactly, for comparing two stores.
func storySummary(t testing.TB, st store.Store) string {
	t.Helper()
	stories, err := st.Stories(context.Background(), store.StoryQuery{BySize: true, Page: store.Page{Limit: 1000}})
	if err != nil {
		t.Fatal(err)
	}
	var s string
	for _, x := range stories {
		s += fmt.Sprintf("%s %q %d+%d %v\n", x.ID, x.Title, x.Articles, x.Copies, x.Outlets)
	}
	return s
}

// TestAdderRestore checks that stories grow the same whether one process adds every article
// or several processes add them in turn, each restoring the clusterer from the store (a
// snapshot and the articles after it), from a snapshot it cannot read, or from none.
func TestAdderRestore(t *testing.T) {
	ctx := context.Background()
	recs := synthRecords(t, 3, 240)
	ref, _ := openDB(t)
	want := addAll(t, ref, recs)
	wantStories := storySummary(t, ref)

	tests := []struct {
		name   string
		splits []int // where a new Adder takes over
		every  int   // SnapshotEvery
		spoil  bool  // replace the snapshot by garbage before each restore
	}{
		{"snapshot and tail", []int{90, 170}, 40, false},
		{"no snapshot", []int{100}, 1_000_000, false},
		{"unreadable snapshot", []int{90, 170}, 40, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, _ := openDB(t)
			var got []store.Result
			from := 0
			for _, to := range append(tt.splits, len(recs)) {
				if tt.spoil && from > 0 {
					if err := db.SaveSnapshot(ctx, store.Snapshot{Seq: int64(from), Data: []byte("not a snapshot")}); err != nil {
						t.Fatal(err)
					}
				}
				a, err := store.NewAdder(ctx, db, store.AdderOptions{SnapshotEvery: tt.every})
				if err != nil {
					t.Fatalf("NewAdder at %d: %v", from, err)
				}
				for _, r := range recs[from:to] {
					c := *r
					res, err := a.Add(ctx, &c)
					if err != nil {
						t.Fatal(err)
					}
					got = append(got, res)
				}
				if err := a.Close(ctx); err != nil {
					t.Fatal(err)
				}
				from = to
			}
			for i := range want {
				if got[i].Story != want[i].Story || got[i].Status != want[i].Status {
					t.Fatalf("article %d: %s in %s, want %s in %s", i, got[i].Status, got[i].Story, want[i].Status, want[i].Story)
				}
			}
			if s := storySummary(t, db); s != wantStories {
				t.Errorf("stories differ:\n%s\nwant\n%s", s, wantStories)
			}
		})
	}
}

// TestTwoAdders has two Adders, as two processes would, take turns on one store: each replays
// what the other stored before filing a new article, so the stories are those of one Adder.
func TestTwoAdders(t *testing.T) {
	ctx := context.Background()
	recs := synthRecords(t, 4, 120)
	ref, _ := openDB(t)
	want := addAll(t, ref, recs)

	db, _ := openDB(t)
	var adders [2]*store.Adder
	for i := range adders {
		a, err := store.NewAdder(ctx, db, store.AdderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		adders[i] = a
	}
	for i, r := range recs {
		c := *r
		res, err := adders[(i/7)%2].Add(ctx, &c)
		if err != nil {
			t.Fatal(err)
		}
		if res.Story != want[i].Story {
			t.Fatalf("article %d in %s, want %s", i, res.Story, want[i].Story)
		}
	}
	if s, w := storySummary(t, db), storySummary(t, ref); s != w {
		t.Errorf("stories differ:\n%s\nwant\n%s", s, w)
	}
}

// TestReadWhileWriting searches and lists from several goroutines while an Adder writes, as
// the server does while the watcher adds: readers never wait for the writer nor fail.
func TestReadWhileWriting(t *testing.T) {
	ctx := context.Background()
	db, _ := openDB(t)
	recs := synthRecords(t, 5, 80)
	addAll(t, db, recs[:10])
	q, err := store.ParseQuery("water OR talks")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	errs := make(chan error, 3)
	for range 3 {
		go func() {
			for {
				select {
				case <-done:
					errs <- nil
					return
				default:
				}
				if _, err := db.Search(ctx, store.SearchQuery{Query: q}); err != nil {
					errs <- err
					return
				}
				if _, err := db.Stories(ctx, store.StoryQuery{Activity: 30}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	addAll(t, db, recs[10:])
	close(done)
	for range 3 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if st, err := db.Stats(ctx); err != nil || st.Articles != len(recs) {
		t.Errorf("stats %+v, %v; want %d articles", st, err, len(recs))
	}
}
