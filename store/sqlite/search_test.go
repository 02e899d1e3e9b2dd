package sqlite_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/store"
)

// TestSearch checks search against an oracle: the articles of the example corpus that match
// the query word for word (store.Query.Match) and pass the filters, worked out from the records
// themselves.
func TestSearch(t *testing.T) {
	ctx := context.Background()
	db, _ := openDB(t)
	recs := exampleRecords(t)
	res := addAll(t, db, recs)
	storyOf := map[string]string{}
	for i, r := range res {
		storyOf[recs[i].ID] = r.Story
	}

	// Filters drawn from the corpus: an outlet, an actor, a speaker and an issue it has.
	outlet := recs[0].Outlet
	var actor, speaker, issue string
	for _, r := range recs {
		for _, e := range r.Entities {
			if actor == "" && e.Type == "person" && len(e.Mentions) > 1 {
				actor = e.ID
			}
		}
		for _, q := range r.Quotes {
			if speaker == "" && q.Speaker.Entity != "" {
				speaker = q.Speaker.Entity
			}
		}
		for _, p := range r.Positions {
			if issue == "" && p.Issue != "" {
				issue = p.Issue
			}
		}
	}
	if outlet == "" || actor == "" || speaker == "" || issue == "" {
		t.Fatalf("the corpus lacks a filter value: outlet %q actor %q speaker %q issue %q", outlet, actor, speaker, issue)
	}
	key := func(id string) string { return id[strings.LastIndexByte(id, ':')+1:] }
	from := time.Date(2031, 4, 17, 0, 0, 0, 0, time.UTC)
	to := time.Date(2031, 4, 30, 0, 0, 0, 0, time.UTC)

	tests := []struct {
		name   string
		query  string
		filter store.SearchQuery
		keep   func(r *analyze.Record) bool
	}{
		{"word", "reservoir", store.SearchQuery{}, nil},
		{"phrase", `"dry season"`, store.SearchQuery{}, nil},
		{"or and not", "arbitration OR protest -bridge", store.SearchQuery{}, nil},
		{"prefix", "negotiat*", store.SearchQuery{}, nil},
		{"outlet", "caldora", store.SearchQuery{Outlet: outlet}, func(r *analyze.Record) bool { return r.Outlet == outlet }},
		{"actor", "caldora", store.SearchQuery{Actor: actor}, func(r *analyze.Record) bool {
			return slices.ContainsFunc(r.Entities, func(e analyze.Entity) bool { return key(e.ID) == key(actor) })
		}},
		{"speaker", "caldora", store.SearchQuery{Speaker: speaker}, func(r *analyze.Record) bool {
			return slices.ContainsFunc(r.Quotes, func(q analyze.Quote) bool { return key(q.Speaker.Entity) == key(speaker) })
		}},
		{"issue", "caldora", store.SearchQuery{Issue: issue}, func(r *analyze.Record) bool {
			return slices.ContainsFunc(r.Positions, func(p analyze.Position) bool { return p.Issue == issue })
		}},
		{"dates", "caldora", store.SearchQuery{From: from, To: to}, func(r *analyze.Record) bool {
			p, err := time.Parse(time.RFC3339, r.Published)
			return err == nil && !p.Before(from) && !p.After(to)
		}},
		{"story", "caldora", store.SearchQuery{Story: res[0].Story}, func(r *analyze.Record) bool { return storyOf[r.ID] == res[0].Story }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := store.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			sq := tt.filter
			sq.Query = q
			sq.Kinds = []store.HitKind{store.HitArticle}
			hits, err := db.Search(ctx, sq)
			if err != nil {
				t.Fatalf("Search: %v", err)
			}
			var got, want []string
			for _, h := range hits {
				got = append(got, h.Article.ID)
				if h.Kind != store.HitArticle || len(h.Snippet) == 0 {
					t.Errorf("hit %+v: want an article with a snippet", h)
				}
			}
			for _, r := range recs {
				if ok, _ := q.Match(r.Title + "\n" + r.Text); ok && (tt.keep == nil || tt.keep(r)) {
					want = append(want, r.ID)
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if len(want) == 0 {
				t.Fatal("the oracle finds nothing: the case tests nothing")
			}
			if !slices.Equal(got, want) {
				t.Errorf("Search(%q) found\n%v\nwant\n%v", tt.query, got, want)
			}

			// Quote hits: each is a quote whose words match, in an article that passes.
			sq.Kinds = []store.HitKind{store.HitQuote}
			qhits, err := db.Search(ctx, sq)
			if err != nil {
				t.Fatalf("Search quotes: %v", err)
			}
			for _, h := range qhits {
				if h.Quote == nil {
					t.Fatalf("quote hit without a quote: %+v", h)
				}
				if ok, _ := q.Match(h.Quote.Text); !ok || !slices.Contains(want, h.Article.ID) {
					t.Errorf("quote hit %q in %s does not match", h.Quote.Text, h.Article.ID)
				}
				if tt.filter.Speaker != "" && key(h.Quote.Speaker.Entity) != key(speaker) {
					t.Errorf("quote hit by %q, want only %q", h.Quote.Speaker.Entity, speaker)
				}
			}
		})
	}
}

func TestSearchPages(t *testing.T) {
	ctx := context.Background()
	db, _ := openDB(t)
	addAll(t, db, exampleRecords(t))
	q, err := store.ParseQuery("caldora")
	if err != nil {
		t.Fatal(err)
	}
	all, err := db.Search(ctx, store.SearchQuery{Query: q, Page: store.Page{Limit: 6}})
	if err != nil || len(all) != 6 {
		t.Fatalf("Search = %d hits, %v; want 6", len(all), err)
	}
	for i := 1; i < len(all); i++ {
		if all[i].Rank < all[i-1].Rank {
			t.Errorf("hit %d ranks %v before %v", i, all[i-1].Rank, all[i].Rank)
		}
	}
	var paged []store.Hit
	for off := 0; off < 6; off += 2 {
		p, err := db.Search(ctx, store.SearchQuery{Query: q, Page: store.Page{Limit: 2, Offset: off}})
		if err != nil {
			t.Fatal(err)
		}
		paged = append(paged, p...)
	}
	for i := range all {
		if paged[i].Article.ID != all[i].Article.ID || paged[i].Kind != all[i].Kind {
			t.Errorf("page hit %d = %s %s, want %s %s", i, paged[i].Kind, paged[i].Article.ID, all[i].Kind, all[i].Article.ID)
		}
	}
}

func TestSearchRejects(t *testing.T) {
	ctx := context.Background()
	db, _ := openDB(t)
	q, _ := store.ParseQuery("caldora")
	tests := []struct {
		name string
		q    store.SearchQuery
	}{
		{"no query", store.SearchQuery{}},
		{"dates reversed", store.SearchQuery{Query: q, From: time.Date(2031, 5, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2031, 4, 1, 0, 0, 0, 0, time.UTC)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := db.Search(ctx, tt.q); !errors.Is(err, store.ErrBadQuery) {
				t.Errorf("Search = %v, want ErrBadQuery", err)
			}
		})
	}
}

// FuzzSearch feeds hostile text to the parser and the store: whatever a user types, the query
// either fails to parse with ErrBadQuery or runs without an error from SQLite.
func FuzzSearch(f *testing.F) {
	db, _ := openDB(f)
	addAll(f, db, exampleRecords(f)[:3])
	for _, s := range []string{
		`caldora`, `"dry season"`, `a OR b -c`, `title:x`, `NEAR(a b, 2)`, `"unclosed`, `*`, `^a`, `a AND OR NOT b`,
		`'; DROP TABLE articles; --`, `"a""b"`, "\x00", `col:"x" + {y z}`, `-"`, `(((`, "ü*", "\uE000\uE001",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := store.ParseQuery(s)
		if err != nil {
			if !errors.Is(err, store.ErrBadQuery) {
				t.Fatalf("ParseQuery(%q) = %v", s, err)
			}
			return
		}
		hits, err := db.Search(context.Background(), store.SearchQuery{Query: q})
		if err != nil {
			t.Fatalf("Search(%q as %q): %v", s, q.String(), err)
		}
		for _, h := range hits {
			if h.Article.ID == "" {
				t.Fatalf("Search(%q): hit without an article", s)
			}
		}
	})
}
