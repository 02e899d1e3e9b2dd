package story_test

import (
	"fmt"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dossier-news/dossier/story"
)

// FuzzClustererAdd adds arbitrary articles to one clusterer and checks that every article lands
// in a story that lists it, that its story never changes, and that titles are valid UTF-8 no
// longer than a headline.
func FuzzClustererAdd(f *testing.F) {
	f.Add("Dam talks resume", "Caldora and Velmar resume talks on the dam.", "person:ruta-salvik", "Ruta Salvik", "person", 2, 10)
	f.Add("", "\xff\xfe broken ’quotes’ 1990s", "location:", "", "location", -3, -400)
	f.Add("Ω", "", "::", "  ", "other", 0, 0)
	c, err := story.NewClusterer(story.Options{})
	if err != nil {
		f.Fatal(err)
	}
	n := 0
	given := map[string]string{}
	f.Fuzz(func(t *testing.T, title, text, actorID, actorName, actorType string, mentions, day int) {
		n++
		a := story.Article{
			ID:     fmt.Sprintf("f%d", n),
			Source: fmt.Sprintf("fuzz-%d.txt", n),
			Title:  title,
			Text:   text,
			Actors: []story.Actor{{ID: actorID, Name: actorName, Type: actorType, Mentions: mentions}},
		}
		if day != 0 {
			a.Published = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, day%10000)
		}
		as, err := c.Add(a)
		if err != nil {
			t.Fatalf("Add: %v", err)
		}
		given[a.ID] = as.Story
		st, ok := c.Story(as.Story)
		if !ok {
			t.Fatalf("Add gave story %q, which Story does not know", as.Story)
		}
		found := false
		for _, m := range append(st.Articles, st.Duplicates...) {
			found = found || m.ID == a.ID
		}
		if !found {
			t.Fatalf("story %s does not list article %s", st.ID, a.ID)
		}
		if !utf8.ValidString(st.Title) || len(st.Title) > 200 {
			t.Fatalf("story title %q: want valid UTF-8 of at most a headline's length", st.Title)
		}
		for id, s := range given {
			if got, _ := c.StoryOf(id); got != s {
				t.Fatalf("article %s moved from story %s to %s", id, s, got)
			}
		}
	})
}
