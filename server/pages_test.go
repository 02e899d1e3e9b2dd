package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/dossier-news/dossier/brief"
)

func TestPages(t *testing.T) {
	h, _ := exampleServer(t)
	storyID, articleID := exampleIDs(t, h)
	var b brief.Briefing
	getJSON(t, h, "/api/stories/"+storyID+"/brief", http.StatusOK, &b)
	cite := b.Summary[0].Citations[0]
	speaker := mostQuoted(t, h)

	tests := []struct {
		name   string
		target string
		status int
		check  func(t *testing.T, doc *html.Node)
	}{
		{"story list", "/", 200, func(t *testing.T, doc *html.Node) {
			links := findAll(doc, selector{"a", "class", "story-title"})
			if len(links) == 0 || attr(links[0], "href") != "/stories/"+storyID {
				t.Errorf("story links %v, want the first to open %s", hrefs(links), storyID)
			}
			if bars := findAll(doc, selector{"svg", "class", "spark"}, selector{"rect", "", ""}); len(bars) == 0 {
				t.Error("no activity bars")
			}
		}},
		{"story list by size", "/?sort=size&page=1", 200, func(t *testing.T, doc *html.Node) {
			if len(findAll(doc, selector{"li", "class", "story-item"})) == 0 {
				t.Error("no story listed")
			}
		}},
		{"story list past the end", "/?page=40", 200, func(t *testing.T, doc *html.Node) {
			if len(findAll(doc, selector{"li", "class", "story-item"})) != 0 {
				t.Error("stories listed past the last page")
			}
		}},
		{"story list bad page", "/?page=zero", 400, nil},
		{"story", "/stories/" + storyID, 200, func(t *testing.T, doc *html.Node) {
			h1 := findAll(doc, selector{"h1", "", ""})
			if len(h1) != 1 || textOf(h1[0]) != b.Headline {
				t.Errorf("headline %q, want %q", texts(h1), b.Headline)
			}
			cites := findAll(doc, selector{"ol", "class", "summary"}, selector{"a", "class", "cite"})
			if len(cites) == 0 {
				t.Fatal("summary has no citation links")
			}
			want := "/articles/" + cite.Article + "?s=" + itoa(cite.Start) + "&e=" + itoa(cite.End) + "#cite"
			if got := attr(cites[0], "href"); got != want {
				t.Errorf("first citation opens %q, want %q", got, want)
			}
			rows := findAll(doc, selector{"table", "class", "matrix"}, selector{"tbody", "", ""}, selector{"tr", "", ""})
			if len(rows) != len(b.Matrix) {
				t.Errorf("matrix has %d rows, the briefing %d", len(rows), len(b.Matrix))
			}
			evidence := findAll(doc, selector{"table", "class", "matrix"}, selector{"td", "class", "cell"}, selector{"blockquote", "", ""})
			if len(b.Matrix) > 0 && len(evidence) == 0 {
				t.Error("no matrix cell shows its evidence")
			}
			marks := findAll(doc, selector{"svg", "class", "timeline-chart"}, selector{"a", "", ""})
			if len(marks) != len(b.Timeline) {
				t.Errorf("timeline chart has %d events, the briefing %d", len(marks), len(b.Timeline))
			}
			if items := findAll(doc, selector{"ol", "class", "moments"}, selector{"li", "", ""}); len(items) != len(b.Timeline) {
				t.Errorf("timeline list has %d events, the briefing %d", len(items), len(b.Timeline))
			}
			if len(b.Disagreements) > 0 && len(findAll(doc, selector{"div", "class", "sides"}, selector{"div", "class", "side"})) < 2 {
				t.Error("disagreements are not shown side by side")
			}
			for _, sec := range []string{"summary", "actors", "positions", "quotes", "timeline", "disagreements", "coverage", "sources", "citations"} {
				if len(findAll(doc, selector{"h2", "id", sec})) != 1 {
					t.Errorf("no %s section", sec)
				}
			}
		}},
		{"story unknown", "/stories/s-nothing", 404, nil},
		{"article with a cited span", "/articles/" + cite.Article + "?s=" + itoa(cite.Start) + "&e=" + itoa(cite.End), 200, func(t *testing.T, doc *html.Node) {
			marks := findAll(doc, selector{"mark", "id", "cite"})
			if len(marks) != 1 {
				t.Fatalf("%d marks with id cite, want 1", len(marks))
			}
			all := findAll(doc, selector{"div", "class", "text"}, selector{"mark", "", ""})
			if got := texts(all); got != cite.Text {
				t.Errorf("marked %q, want the cited %q", got, cite.Text)
			}
		}},
		{"article", "/articles/" + articleID, 200, func(t *testing.T, doc *html.Node) {
			if n := len(findAll(doc, selector{"mark", "", ""})); n != 0 {
				t.Errorf("%d marks without a citation", n)
			}
			if len(findAll(doc, selector{"div", "class", "text"}, selector{"p", "", ""})) == 0 {
				t.Error("no paragraph of text")
			}
		}},
		{"article span outside the text", "/articles/" + articleID + "?s=5&e=999999", 200, func(t *testing.T, doc *html.Node) {
			if len(findAll(doc, selector{"mark", "", ""})) != 0 {
				t.Error("a span outside the text is marked")
			}
			if !strings.Contains(texts(findAll(doc, selector{"p", "class", "notice"})), "not in this version") {
				t.Error("no notice that the cited words are not there")
			}
		}},
		{"article span not a number", "/articles/" + articleID + "?s=five&e=9", 400, nil},
		{"article unknown", "/articles/0000000000000000", 404, nil},
		{"actor", "/actors/" + url.PathEscape(speaker.ID), 200, func(t *testing.T, doc *html.Node) {
			if got := texts(findAll(doc, selector{"h1", "", ""})); got != speaker.Name {
				t.Errorf("actor page of %q", got)
			}
			var api struct {
				Quotes    []quoteJSON
				Positions []struct{ Published string }
			}
			getJSON(t, h, "/api/actors/"+url.PathEscape(speaker.ID), http.StatusOK, &api)
			quotes := findAll(doc, selector{"article", "class", "actor"}, selector{"blockquote", "", ""})
			if len(quotes) == 0 || len(quotes) > len(api.Quotes) {
				t.Errorf("%d quotes shown of %d", len(quotes), len(api.Quotes))
			}
			dated := 0
			for _, p := range api.Positions {
				if p.Published != "" {
					dated++
				}
			}
			if dots := findAll(doc, selector{"svg", "class", "stance-chart"}, selector{"circle", "", ""}); len(dots) != dated {
				t.Errorf("positions chart has %d dots for %d dated positions", len(dots), dated)
			}
			if rows := findAll(doc, selector{"table", "class", "positions"}, selector{"tbody", "", ""}, selector{"tr", "", ""}); len(rows) != len(api.Positions) {
				t.Errorf("positions table has %d rows for %d positions", len(rows), len(api.Positions))
			}
		}},
		{"actor unknown", "/actors/person:nobody-at-all", 404, nil},
		{"search form", "/search", 200, func(t *testing.T, doc *html.Node) {
			if len(findAll(doc, selector{"form", "class", "search"}, selector{"input", "name", "q"})) != 1 {
				t.Error("no search box")
			}
		}},
		{"search", "/search?q=quotas&kind=quote", 200, func(t *testing.T, doc *html.Node) {
			hits := findAll(doc, selector{"ol", "class", "hits"}, selector{"li", "", ""})
			if len(hits) == 0 {
				t.Fatal("nothing found")
			}
			for _, hit := range hits {
				if len(findAll(hit, selector{"p", "class", "snippet"}, selector{"mark", "", ""})) == 0 {
					t.Errorf("hit %q has no highlighted word", textOf(hit))
				}
				links := findAll(hit, selector{"a", "class", "hit-title"})
				if len(links) != 1 || !strings.HasSuffix(attr(links[0], "href"), "#cite") {
					t.Errorf("quote hit links %v, want its quote marked in its article", hrefs(links))
				}
			}
		}},
		{"search bad query", "/search?q=-dam", 400, func(t *testing.T, doc *html.Node) {
			if !strings.Contains(texts(findAll(doc, selector{"p", "class", "problem"})), "bad query") {
				t.Error("the form does not say what is wrong with the query")
			}
		}},
		{"no such page", "/nothing/here", 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, h, tt.target)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d; body: %.600s", res.StatusCode, tt.status, body)
			}
			if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			checkSecurityHeaders(t, res)
			doc := parseHTML(t, body)
			if tt.status != http.StatusOK {
				if got := texts(findAll(doc, selector{"h1", "", ""})); !strings.HasPrefix(got, itoa(tt.status)) && !strings.HasPrefix(got, "Search") {
					t.Errorf("error page headline %q", got)
				}
			}
			if tt.check != nil {
				tt.check(t, doc)
			}
		})
	}
}

func TestStatic(t *testing.T) {
	h, _ := exampleServer(t)
	tests := []struct {
		name, target string
		status       int
		ctype, has   string
	}{
		{"briefing stylesheet", "/static/brief.css", 200, "text/css; charset=utf-8", "mark {"},
		{"ui stylesheet", "/static/ui.css", 200, "text/css; charset=utf-8", "svg.timeline-chart"},
		{"script", "/static/app.js", 200, "text/javascript; charset=utf-8", "scrollIntoView"},
		{"no listing", "/static/", 404, "", ""},
		{"missing", "/static/nothing.js", 404, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, h, tt.target)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			if tt.ctype != "" && res.Header.Get("Content-Type") != tt.ctype {
				t.Errorf("Content-Type %q, want %q", res.Header.Get("Content-Type"), tt.ctype)
			}
			if !strings.Contains(body, tt.has) {
				t.Errorf("body lacks %q", tt.has)
			}
			checkSecurityHeaders(t, res)
		})
	}
}

func checkSecurityHeaders(t *testing.T, res *http.Response) {
	t.Helper()
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	if res.Header.Get("X-Content-Type-Options") != "nosniff" || res.Header.Get("Referrer-Policy") == "" {
		t.Errorf("headers %v lack nosniff or a referrer policy", res.Header)
	}
}

func texts(ns []*html.Node) string {
	var b strings.Builder
	for _, n := range ns {
		b.WriteString(textOf(n))
	}
	return b.String()
}

func hrefs(ns []*html.Node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, attr(n, "href"))
	}
	return out
}
