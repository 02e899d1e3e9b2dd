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

func TestStories(t *testing.T) {
	ctx := context.Background()
	db, _ := openDB(t)
	recs := exampleRecords(t)
	res := addAll(t, db, recs)
	stories, err := db.Stories(ctx, store.StoryQuery{BySize: true, Activity: 60})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) == 0 {
		t.Fatal("no stories")
	}
	dated := map[string]int{}
	for i, r := range recs {
		if r.Published != "" {
			dated[res[i].Story]++
		}
	}
	total := 0
	for _, s := range stories {
		total += s.Articles + s.Copies
		days := 0
		for _, d := range s.Activity {
			days += d.Articles
		}
		if days != dated[s.ID] {
			t.Errorf("story %s: activity counts %d articles, want its %d dated ones", s.ID, days, dated[s.ID])
		}
		if s.Title == "" || len(s.Outlets) == 0 || s.Updated.IsZero() {
			t.Errorf("story %+v lacks a title, outlets or update time", s)
		}
	}
	if total != len(recs) {
		t.Errorf("stories hold %d articles, want %d", total, len(recs))
	}
	// The example corpus is one story, dated from its first to its last article.
	big := stories[0]
	if big.First.After(big.Last) || big.First.IsZero() {
		t.Errorf("story dates %v to %v", big.First, big.Last)
	}
	one, err := db.Story(ctx, big.ID)
	if err != nil || one.ID != big.ID || one.Articles != big.Articles {
		t.Errorf("Story(%s) = %+v, %v", big.ID, one, err)
	}
	if _, err := db.Story(ctx, "s-none"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Story(s-none) = %v, want ErrNotFound", err)
	}
	if _, err := db.Records(ctx, "s-none"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Records(s-none) = %v, want ErrNotFound", err)
	}

	// Records come in publication order when all are dated, else in the order stored.
	got, err := db.Records(ctx, res[0].Story)
	if err != nil {
		t.Fatal(err)
	}
	allDated := true
	for _, r := range got {
		allDated = allDated && r.Published != ""
	}
	for i := 1; i < len(got) && allDated; i++ {
		if got[i].Published < got[i-1].Published {
			t.Errorf("Records: %s (%s) after %s (%s)", got[i].ID, got[i].Published, got[i-1].ID, got[i-1].Published)
		}
	}
	later, err := db.Stories(ctx, store.StoryQuery{Since: time.Now().Add(time.Hour)})
	if err != nil || len(later) != 0 {
		t.Errorf("stories updated in the future: %d, %v", len(later), err)
	}
}

func TestArticles(t *testing.T) {
	ctx := context.Background()
	db, _ := openDB(t)
	recs := exampleRecords(t)
	addAll(t, db, recs)
	outlet := recs[0].Outlet
	from := time.Date(2031, 4, 18, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		q    store.ArticleQuery
		keep func(r *analyze.Record) bool
	}{
		{"all", store.ArticleQuery{}, func(*analyze.Record) bool { return true }},
		{"outlet", store.ArticleQuery{Outlet: outlet}, func(r *analyze.Record) bool { return r.Outlet == outlet }},
		{"from", store.ArticleQuery{From: from}, func(r *analyze.Record) bool {
			p, err := time.Parse(time.RFC3339, r.Published)
			return err == nil && !p.Before(from)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := db.Articles(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got, want []string
			for _, a := range arts {
				got = append(got, a.ID)
				if a.Bytes == 0 || a.Hash == "" || a.Story == "" || a.Version != 1 {
					t.Errorf("article %+v lacks its size, hash, story or version", a)
				}
			}
			for _, r := range recs {
				if tt.keep(r) {
					want = append(want, r.ID)
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("Articles = %v, want %v", got, want)
			}
		})
	}
	page, err := db.Articles(ctx, store.ArticleQuery{Page: store.Page{Limit: 3}})
	if err != nil || len(page) != 3 {
		t.Errorf("a page of 3: %d, %v", len(page), err)
	}
}

func TestActorsAndQuotes(t *testing.T) {
	ctx := context.Background()
	db, _ := openDB(t)
	recs := exampleRecords(t)
	res := addAll(t, db, recs)
	key := func(id string) string { return id[strings.LastIndexByte(id, ':')+1:] }

	// The oracle: articles per actor key, and quotes per speaker key.
	articles := map[string]int{}
	quotes := map[string]int{}
	total := 0
	for _, r := range recs {
		seen := map[string]bool{}
		for _, e := range r.Entities {
			if k := key(e.ID); !seen[k] {
				seen[k] = true
				articles[k]++
			}
		}
		for _, q := range r.Quotes {
			total++
			if q.Speaker.Entity != "" && seen[key(q.Speaker.Entity)] {
				quotes[key(q.Speaker.Entity)]++
			}
		}
	}
	actors, err := db.Actors(ctx, store.ActorQuery{Page: store.Page{Limit: 1000}})
	if err != nil {
		t.Fatal(err)
	}
	if len(actors) != len(articles) {
		t.Errorf("%d actors, want %d", len(actors), len(articles))
	}
	for i, a := range actors {
		if a.Articles != articles[a.ID] || a.Quotes != quotes[a.ID] || a.Stories < 1 {
			t.Errorf("actor %s: %d articles, %d quotes, %d stories; want %d, %d, at least 1", a.ID, a.Articles, a.Quotes, a.Stories, articles[a.ID], quotes[a.ID])
		}
		if i > 0 && a.Articles > actors[i-1].Articles {
			t.Errorf("actor %s (%d articles) after %s (%d)", a.ID, a.Articles, actors[i-1].ID, actors[i-1].Articles)
		}
	}
	top := actors[0]
	byName, err := db.Actors(ctx, store.ActorQuery{Name: strings.ToLower(top.Name[:3])})
	if err != nil || !slices.ContainsFunc(byName, func(a store.Actor) bool { return a.ID == top.ID }) {
		t.Errorf("Actors by name %q: %v, %v", top.Name[:3], byName, err)
	}
	inStory, err := db.Actors(ctx, store.ActorQuery{Story: res[0].Story, Page: store.Page{Limit: 5}})
	if err != nil || len(inStory) == 0 || inStory[0].Articles > top.Articles {
		t.Errorf("Actors of a story: %+v, %v", inStory, err)
	}
	wild, err := db.Actors(ctx, store.ActorQuery{Name: "%_"})
	if err != nil || len(wild) != 0 {
		t.Errorf("Actors named %%_: %d, %v; want none (LIKE wildcards are text)", len(wild), err)
	}

	all, err := db.Quotes(ctx, store.QuoteQuery{Page: store.Page{Limit: 1000}})
	if err != nil || len(all) != total {
		t.Fatalf("Quotes = %d, %v; want %d", len(all), err, total)
	}
	var speaker string
	for k, n := range quotes {
		if n > 0 && (speaker == "" || n > quotes[speaker]) {
			speaker = k
		}
	}
	by, err := db.Quotes(ctx, store.QuoteQuery{Speaker: "person:" + speaker})
	if err != nil || len(by) != quotes[speaker] {
		t.Fatalf("Quotes by %s = %d, %v; want %d", speaker, len(by), err, quotes[speaker])
	}
	for _, q := range by {
		if key(q.Speaker.Entity) != speaker || q.Text == "" || q.Article == "" || q.Story == "" {
			t.Errorf("quote %+v", q)
		}
	}
	direct, err := db.Quotes(ctx, store.QuoteQuery{Kind: "direct", Article: recs[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range direct {
		if q.Kind != "direct" || q.Article != recs[0].ID {
			t.Errorf("filtered quote %+v", q)
		}
	}
}

func TestFeeds(t *testing.T) {
	ctx := context.Background()
	db, _ := openDB(t)
	now := time.Date(2031, 4, 20, 12, 0, 0, 0, time.UTC)
	feeds := []store.Feed{
		{URL: "https://a.example/feed.xml", Title: "A", ETag: `"abc"`, LastModified: "Sun, 20 Apr 2031 11:00:00 GMT",
			LastPoll: now, LastOK: now, NextPoll: now.Add(time.Hour), Items: 12},
		{URL: "https://b.example/rss", Failures: 3, LastError: "fetch: 500 Internal Server Error", LastPoll: now, NextPoll: now.Add(10 * time.Minute)},
		{URL: "https://c.example/new.xml"},
	}
	for _, f := range feeds {
		if err := db.PutFeed(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	for _, want := range feeds {
		got, err := db.Feed(ctx, want.URL)
		if err != nil || got != want {
			t.Errorf("Feed(%s) = %+v, %v; want %+v", want.URL, got, err, want)
		}
	}
	list, err := db.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, f := range list {
		order = append(order, f.URL)
	}
	if want := []string{feeds[2].URL, feeds[1].URL, feeds[0].URL}; !slices.Equal(order, want) {
		t.Errorf("Feeds order %v, want never polled first, then by next poll: %v", order, want)
	}
	feeds[1].Failures, feeds[1].LastError = 0, ""
	if err := db.PutFeed(ctx, feeds[1]); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Feed(ctx, feeds[1].URL); got.Failures != 0 || got.LastError != "" {
		t.Errorf("PutFeed did not replace: %+v", got)
	}
	if _, err := db.Feed(ctx, "https://none.example/"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Feed(unknown) = %v, want ErrNotFound", err)
	}
	if err := db.PutFeed(ctx, store.Feed{}); err == nil {
		t.Error("PutFeed without a URL: no error")
	}
}
