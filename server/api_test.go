package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/brief"
)

// The API's answers as a client reads them.
type (
	storyJSON struct {
		ID       string   `json:"id"`
		Title    string   `json:"title"`
		Articles int      `json:"articles"`
		Outlets  []string `json:"outlets"`
		Activity []struct {
			Day      string `json:"day"`
			Articles int    `json:"articles"`
		} `json:"activity"`
	}
	articleJSON struct {
		ID        string `json:"id"`
		Story     string `json:"story"`
		Title     string `json:"title"`
		Outlet    string `json:"outlet"`
		Published string `json:"published"`
		Version   int    `json:"version"`
		Previous  string `json:"previous"`
	}
	actorJSON struct {
		ID     string `json:"id"`
		Name   string `json:"name"`
		Quotes int    `json:"quotes"`
	}
	quoteJSON struct {
		analyze.Quote
		Article string `json:"article"`
		Story   string `json:"story"`
		Outlet  string `json:"outlet"`
	}
	hitJSON struct {
		Kind    string         `json:"kind"`
		Article articleJSON    `json:"article"`
		Quote   *analyze.Quote `json:"quote"`
		Snippet []struct {
			Text  string `json:"text"`
			Match bool   `json:"match"`
		} `json:"snippet"`
	}
	errorJSON struct {
		Error string `json:"error"`
	}
)

// exampleIDs returns the example store's first story and its first article.
func exampleIDs(t *testing.T, h http.Handler) (story, article string) {
	t.Helper()
	var list struct{ Stories []storyJSON }
	getJSON(t, h, "/api/stories?sort=size", http.StatusOK, &list)
	if len(list.Stories) == 0 {
		t.Fatal("the example store has no story")
	}
	var one struct{ Articles []articleJSON }
	getJSON(t, h, "/api/stories/"+list.Stories[0].ID, http.StatusOK, &one)
	if len(one.Articles) == 0 {
		t.Fatalf("story %s has no article", list.Stories[0].ID)
	}
	return list.Stories[0].ID, one.Articles[0].ID
}

// mostQuoted returns the ID and name of the example store's actor with the most quotes.
func mostQuoted(t *testing.T, h http.Handler) actorJSON {
	t.Helper()
	var list struct{ Actors []actorJSON }
	getJSON(t, h, "/api/actors?limit=500", http.StatusOK, &list)
	var best actorJSON
	for _, a := range list.Actors {
		if a.Quotes > best.Quotes {
			best = a
		}
	}
	if best.Quotes == 0 {
		t.Fatal("no actor of the example store is quoted")
	}
	return best
}

func TestAPI(t *testing.T) {
	h, _ := exampleServer(t)
	storyID, articleID := exampleIDs(t, h)
	speaker := mostQuoted(t, h)

	tests := []struct {
		name   string
		target string
		status int
		check  func(t *testing.T, body []byte)
	}{
		{"stories", "/api/stories", 200, func(t *testing.T, body []byte) {
			var v struct{ Stories []storyJSON }
			mustDecode(t, body, &v)
			if len(v.Stories) == 0 {
				t.Fatal("no stories")
			}
			for _, s := range v.Stories {
				if s.ID == "" || s.Title == "" || s.Articles == 0 || len(s.Activity) == 0 {
					t.Errorf("story %+v lacks an id, a title, articles or activity", s)
				}
			}
		}},
		{"stories by size, one", "/api/stories?sort=size&limit=1&days=7", 200, func(t *testing.T, body []byte) {
			var v struct{ Stories []storyJSON }
			mustDecode(t, body, &v)
			if len(v.Stories) != 1 || v.Stories[0].ID != storyID {
				t.Errorf("stories = %+v, want only %s", v.Stories, storyID)
			}
		}},
		{"stories bad sort", "/api/stories?sort=random", 400, wantError("sort")},
		{"stories zero limit", "/api/stories?limit=0", 400, wantError("limit")},
		{"stories limit not a number", "/api/stories?limit=ten", 400, wantError("limit")},
		{"stories negative offset", "/api/stories?offset=-1", 400, wantError("offset")},
		{"story", "/api/stories/" + storyID, 200, func(t *testing.T, body []byte) {
			var v struct {
				Story    storyJSON
				Articles []articleJSON
			}
			mustDecode(t, body, &v)
			if v.Story.ID != storyID || len(v.Articles) == 0 {
				t.Errorf("story %s with %d articles, want %s with some", v.Story.ID, len(v.Articles), storyID)
			}
			for _, a := range v.Articles {
				if a.Story != storyID {
					t.Errorf("article %s is in story %q, want %s", a.ID, a.Story, storyID)
				}
			}
		}},
		{"story unknown", "/api/stories/s-nothing", 404, wantError("not found")},
		{"brief", "/api/stories/" + storyID + "/brief", 200, func(t *testing.T, body []byte) {
			var b brief.Briefing
			mustDecode(t, body, &b)
			if b.Story != storyID || len(b.Summary) == 0 || len(b.Sources) == 0 {
				t.Errorf("briefing of %s has %d summary sentences and %d sources", b.Story, len(b.Summary), len(b.Sources))
			}
			checkVerbatim(t, h, b.Citations())
		}},
		{"brief unknown", "/api/stories/s-nothing/brief", 404, wantError("not found")},
		{"articles", "/api/articles?limit=3", 200, func(t *testing.T, body []byte) {
			var v struct{ Articles []articleJSON }
			mustDecode(t, body, &v)
			if len(v.Articles) != 3 {
				t.Errorf("%d articles, want 3", len(v.Articles))
			}
		}},
		{"articles of a story in a date range", "/api/articles?story=" + storyID + "&from=2031-04-14&to=2031-04-14", 200, func(t *testing.T, body []byte) {
			var v struct{ Articles []articleJSON }
			mustDecode(t, body, &v)
			if len(v.Articles) == 0 {
				t.Error("no article of the story on 2031-04-14")
			}
			for _, a := range v.Articles {
				if !strings.HasPrefix(a.Published, "2031-04-14") {
					t.Errorf("article %s published %s, outside the range", a.ID, a.Published)
				}
			}
		}},
		{"articles range backwards", "/api/articles?from=2031-05-01&to=2031-04-01", 400, wantError("ends before it starts")},
		{"articles bad date", "/api/articles?from=yesterday", 400, wantError("from")},
		{"article", "/api/articles/" + articleID, 200, func(t *testing.T, body []byte) {
			var v struct {
				Article  articleJSON
				Record   analyze.Record
				Versions []articleJSON
			}
			mustDecode(t, body, &v)
			if v.Article.ID != articleID || v.Record.ID != articleID || v.Record.Text == "" || len(v.Versions) == 0 {
				t.Errorf("article %s, record %s with %d bytes, %d versions", v.Article.ID, v.Record.ID, len(v.Record.Text), len(v.Versions))
			}
		}},
		{"article unknown", "/api/articles/0000000000000000", 404, wantError("not found")},
		{"actors", "/api/actors?type=person", 200, func(t *testing.T, body []byte) {
			var v struct{ Actors []actorJSON }
			mustDecode(t, body, &v)
			if len(v.Actors) == 0 {
				t.Error("no person among the actors")
			}
		}},
		{"actor", "/api/actors/" + url.PathEscape(speaker.ID), 200, func(t *testing.T, body []byte) {
			var v struct {
				Actor     actorJSON
				Quotes    []quoteJSON
				Positions []json.RawMessage
			}
			mustDecode(t, body, &v)
			if v.Actor.Name != speaker.Name || len(v.Quotes) == 0 || v.Positions == nil {
				t.Errorf("actor %q with %d quotes, positions %v; want %q with quotes", v.Actor.Name, len(v.Quotes), v.Positions, speaker.Name)
			}
		}},
		{"actor unknown", "/api/actors/person:nobody-at-all", 404, wantError("not found")},
		{"quotes by speaker", "/api/quotes?speaker=" + url.QueryEscape(speaker.ID), 200, func(t *testing.T, body []byte) {
			var v struct{ Quotes []quoteJSON }
			mustDecode(t, body, &v)
			if len(v.Quotes) == 0 {
				t.Fatal("no quotes")
			}
			for _, q := range v.Quotes {
				if q.Article == "" || q.Story == "" || q.Text == "" {
					t.Errorf("quote %+v lacks its article, story or text", q)
				}
			}
		}},
		{"quotes direct", "/api/quotes?kind=direct&limit=5", 200, func(t *testing.T, body []byte) {
			var v struct{ Quotes []quoteJSON }
			mustDecode(t, body, &v)
			for _, q := range v.Quotes {
				if q.Kind != "direct" {
					t.Errorf("quote of kind %q", q.Kind)
				}
			}
		}},
		{"quotes bad kind", "/api/quotes?kind=rumour", 400, wantError("kind")},
		{"search", "/api/search?q=quotas", 200, func(t *testing.T, body []byte) {
			var v struct{ Hits []hitJSON }
			mustDecode(t, body, &v)
			if len(v.Hits) == 0 {
				t.Fatal("nothing found")
			}
			for _, h := range v.Hits {
				if !matched(h, "quota") {
					t.Errorf("hit %s has no matched word with quota in its snippet %+v", h.Article.ID, h.Snippet)
				}
			}
		}},
		{"search a lone wildcard", "/api/search?q=*", 400, wantError("bad query")},
		{"search quotes only", "/api/search?kind=quote&q=river", 200, func(t *testing.T, body []byte) {
			var v struct{ Hits []hitJSON }
			mustDecode(t, body, &v)
			if len(v.Hits) == 0 {
				t.Fatal("no quote found")
			}
			for _, h := range v.Hits {
				if h.Kind != "quote" || h.Quote == nil {
					t.Errorf("hit of kind %q, quote %v", h.Kind, h.Quote)
				}
			}
		}},
		{"search without words", "/api/search?q=", 400, wantError("q")},
		{"search only exclusions", "/api/search?q=-dam", 400, wantError("bad query")},
		{"search bad kind", "/api/search?q=dam&kind=video", 400, wantError("kind")},
		{"no such route", "/api/nothing", 404, wantError("no such page")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, h, tt.target)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d; body: %.400s", res.StatusCode, tt.status, body)
			}
			if ct := res.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if !json.Valid([]byte(body)) {
				t.Fatalf("body is not JSON: %.400s", body)
			}
			tt.check(t, []byte(body))
		})
	}
}

func TestAPIMethodNotAllowed(t *testing.T) {
	h, _ := exampleServer(t)
	res, body := do(t, h, httptest.NewRequest(http.MethodDelete, "/api/stories", nil))
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("DELETE /api/stories: status %d, want 405", res.StatusCode)
	}
	if allow := res.Header.Get("Allow"); !strings.Contains(allow, "GET") {
		t.Errorf("Allow = %q, want GET in it", allow)
	}
	wantError("method not allowed")(t, []byte(body))
}

func mustDecode(t *testing.T, body []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("decode %.200s: %v", body, err)
	}
}

// wantError checks that an answer is an API error whose message says what was wrong.
func wantError(says string) func(t *testing.T, body []byte) {
	return func(t *testing.T, body []byte) {
		t.Helper()
		var e errorJSON
		mustDecode(t, body, &e)
		if !strings.Contains(e.Error, says) {
			t.Errorf("error %q, want it to mention %q", e.Error, says)
		}
	}
}

func matched(h hitJSON, word string) bool {
	for _, f := range h.Snippet {
		if f.Match && strings.Contains(strings.ToLower(f.Text), word) {
			return true
		}
	}
	return false
}

// checkVerbatim checks that each citation's text is its article's text at its span, as the
// article API serves it.
func checkVerbatim(t *testing.T, h http.Handler, cs []brief.Citation) {
	t.Helper()
	if len(cs) == 0 {
		t.Fatal("no citations")
	}
	texts := map[string]string{}
	for _, c := range cs {
		if _, ok := texts[c.Article]; !ok {
			var v struct{ Record analyze.Record }
			getJSON(t, h, "/api/articles/"+c.Article, http.StatusOK, &v)
			texts[c.Article] = v.Record.Text
		}
		text := texts[c.Article]
		if c.Start < 0 || c.End > len(text) || c.Start >= c.End || text[c.Start:c.End] != c.Text {
			t.Errorf("citation %+v is not its article's text at its span", c)
		}
	}
}
