package server_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/server"
)

// TestHostileArticle stores an article whose title, outlet and text carry markup and script,
// and checks that every page shows them as text and every API answer is valid JSON that
// gives them back unchanged.
func TestHostileArticle(t *testing.T) {
	const (
		attack = `<script>alert("owned")</script>`
		img    = `<img src=x onerror=alert(2)>`
	)
	st, a := newStore(t)
	h := newServer(t, st, a, server.Config{})
	body, _ := json.Marshal(map[string]string{
		"title":  "Mayor Ilse Varda " + attack + " resigns",
		"outlet": "The " + img + " Herald",
		"url":    "https://herald.example/varda?x=\"'><script>alert(3)</script>",
		"text": "Mayor Ilse Varda of Orlen resigned on Friday after a vote of the city council. " + attack + "\n\n" +
			"\"I leave with a clear conscience " + img + " and a full archive,\" Varda said at the town hall.\n\n" +
			"The council's chairman, Piet Lorne, said the city would elect a new mayor in October.",
	})
	res, out := post(t, h, "/api/articles", "application/json", bearer, string(body))
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("add: status %d: %s", res.StatusCode, out)
	}
	var got added
	mustDecode(t, []byte(out), &got)

	var art struct{ Record analyze.Record }
	getJSON(t, h, "/api/articles/"+got.ID, http.StatusOK, &art)
	rec := art.Record
	if !strings.Contains(rec.Title, attack) || !strings.Contains(rec.Outlet, img) || !strings.Contains(rec.Text, attack) {
		t.Fatalf("the stored article lost its markup: title %q, outlet %q", rec.Title, rec.Outlet)
	}
	start := strings.Index(rec.Text, attack)
	speaker := ""
	for _, q := range rec.Quotes {
		if q.Speaker.Entity != "" {
			speaker = q.Speaker.Entity
		}
	}

	pages := []string{
		"/",
		"/stories/" + got.Story,
		"/articles/" + got.ID,
		"/articles/" + got.ID + "?s=" + itoa(start) + "&e=" + itoa(start+len(attack)),
		"/search?q=alert",
		"/search?q=varda&outlet=" + url.QueryEscape(rec.Outlet),
	}
	if speaker != "" {
		pages = append(pages, "/actors/"+url.PathEscape(speaker))
	}
	for _, p := range pages {
		t.Run("page "+p, func(t *testing.T) {
			res, body := get(t, h, p)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			for _, raw := range []string{attack, img, "<script>alert"} {
				if strings.Contains(body, raw) {
					t.Errorf("the page holds %q unescaped", raw)
				}
			}
			doc := parseHTML(t, body)
			for n := range doc.Descendants() {
				if n.Type != html.ElementNode {
					continue
				}
				if n.Data == "script" && attr(n, "src") != "/static/app.js" {
					t.Errorf("a script element that is not the page's own: %v", n.Attr)
				}
				for _, a := range n.Attr {
					if strings.HasPrefix(a.Key, "on") || strings.HasPrefix(strings.TrimSpace(strings.ToLower(a.Val)), "javascript:") {
						t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
					}
				}
			}
			if !strings.Contains(textOf(doc), "alert") && p != "/" {
				t.Error("the markup is not shown as text")
			}
		})
	}

	apis := []string{
		"/api/stories",
		"/api/stories/" + got.Story,
		"/api/stories/" + got.Story + "/brief",
		"/api/articles/" + got.ID,
		"/api/quotes",
		"/api/search?q=alert",
		"/api/actors",
	}
	for _, p := range apis {
		t.Run("api "+p, func(t *testing.T) {
			res, body := get(t, h, p)
			if res.StatusCode != http.StatusOK || !json.Valid([]byte(body)) {
				t.Fatalf("status %d, valid JSON %v", res.StatusCode, json.Valid([]byte(body)))
			}
			if strings.Contains(body, "<script") || strings.Contains(body, "<img") {
				t.Error("markup is not escaped in the JSON")
			}
		})
	}
	var hits struct{ Hits []hitJSON }
	getJSON(t, h, "/api/search?q=alert", http.StatusOK, &hits)
	if len(hits.Hits) == 0 || !strings.Contains(hits.Hits[0].Article.Title, attack) {
		t.Errorf("search hits %+v do not give the title back as stored", hits.Hits)
	}
}
