package sqlite_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/store"
)

// edited returns a copy of r with a changed text at the same place: a new version.
func edited(r *analyze.Record, suffix string) *analyze.Record {
	c := *r
	c.Text = r.Text + suffix
	sum := sha256.Sum256([]byte(c.Text))
	c.Hash = hex.EncodeToString(sum[:])
	id := sha256.Sum256([]byte(store.Key(&c) + c.Text))
	c.ID = hex.EncodeToString(id[:])[:16]
	return &c
}

func TestVersions(t *testing.T) {
	ctx := context.Background()
	db, _ := openDB(t)
	recs := exampleRecords(t)
	first := addAll(t, db, recs)

	orig := recs[0]
	v2 := edited(orig, "\n\nCorrection: an earlier version of this article misstated the date of the call.")
	v3 := edited(orig, "\n\nUpdate: the envoy confirmed the talks will resume.")
	res := addAll(t, db, []*analyze.Record{v2, v3, v2})
	want := []struct {
		status   store.Status
		previous string
	}{{store.Version, orig.ID}, {store.Version, v2.ID}, {store.Duplicate, ""}}
	for i, w := range want {
		if res[i].Status != w.status || res[i].Previous != w.previous {
			t.Errorf("add %d = %s after %q, want %s after %q", i, res[i].Status, res[i].Previous, w.status, w.previous)
		}
	}

	versions, err := db.Versions(ctx, v2.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, v := range versions {
		ids = append(ids, v.ID)
	}
	if got, want := strings.Join(ids, " "), strings.Join([]string{orig.ID, v2.ID, v3.ID}, " "); got != want {
		t.Errorf("Versions = %s, want %s", got, want)
	}
	if len(versions) == 3 {
		if versions[0].Next != v2.ID || versions[1].Previous != orig.ID || versions[2].Version != 3 || versions[2].Next != "" {
			t.Errorf("versions are not linked: %+v", versions)
		}
	}
	// Old versions stay readable; the story's records hold the newest only.
	if _, err := db.Article(ctx, orig.ID); err != nil {
		t.Errorf("old version: %v", err)
	}
	recsOf, err := db.Records(ctx, first[0].Story)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recsOf {
		if r.ID == orig.ID || r.ID == v2.ID {
			t.Errorf("Records lists superseded version %s", r.ID)
		}
	}
	if _, err := db.Versions(ctx, "no-such-id"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Versions(no-such-id) = %v, want ErrNotFound", err)
	}
}

func TestLookup(t *testing.T) {
	ctx := context.Background()
	db, _ := openDB(t)
	recs := exampleRecords(t)
	addAll(t, db, recs)
	r := recs[0]
	other := edited(r, " More.")
	tests := []struct {
		name      string
		key, hash string
		want      store.Known
	}{
		{"stored", store.Key(r), r.Hash, store.Known{ID: r.ID}},
		{"changed text", store.Key(r), other.Hash, store.Known{Latest: r.ID}},
		{"same text elsewhere", "https://elsewhere.example/copy", r.Hash, store.Known{SameText: r.ID}},
		{"unknown", "https://elsewhere.example/new", other.Hash, store.Known{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.Lookup(ctx, tt.key, tt.hash)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Lookup = %+v, want %+v", got, tt.want)
			}
		})
	}
	if _, err := db.Lookup(ctx, "k", "not hex"); err == nil {
		t.Error("Lookup with a bad hash: no error")
	}
}

// TestCopyStoredOnce adds one text under two URLs: two articles, one text, and the second is
// marked as a copy of the first.
func TestCopyStoredOnce(t *testing.T) {
	ctx := context.Background()
	db, _ := openDB(t)
	r := exampleRecords(t)[0]
	c := *r
	c.URL = "https://reprints.example/" + r.ID
	c.ID = "c0" + r.ID[2:]
	res := addAll(t, db, []*analyze.Record{r, &c})
	if res[1].Status != store.New || res[1].Story != res[0].Story {
		t.Errorf("copy: %+v, want new in story %s", res[1], res[0].Story)
	}
	got, err := db.Article(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.DuplicateOf != r.ID || got.Text != r.Text {
		t.Errorf("copy stored with duplicate_of %q, want %q and the same text", got.DuplicateOf, r.ID)
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.TextSize != int64(len(r.Text)) {
		t.Errorf("stats %+v: want 2 articles sharing one text of %d bytes", st, len(r.Text))
	}
}

func TestPutRejects(t *testing.T) {
	ctx := context.Background()
	db, _ := openDB(t)
	good := exampleRecords(t)[0]
	story := store.Story{ID: "s-" + good.ID, Title: "t"}
	noHash := *good
	noHash.Hash = ""
	badDate := *good
	badDate.Published = "last Tuesday"
	tests := []struct {
		name string
		e    store.Entry
	}{
		{"no record", store.Entry{Story: story}},
		{"no id", store.Entry{Record: &analyze.Record{Hash: good.Hash}, Story: story}},
		{"no hash", store.Entry{Record: &noHash, Story: story}},
		{"bad date", store.Entry{Record: &badDate, Story: story}},
		{"no story", store.Entry{Record: good}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := db.Put(ctx, &tt.e); err == nil {
				t.Error("Put: no error")
			}
		})
	}
	if st, err := db.Stats(ctx); err != nil || st.Articles != 0 {
		t.Errorf("after rejected puts: %+v, %v", st, err)
	}
}
