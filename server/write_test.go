package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/server"
)

// A fictional article for the write tests.
const (
	harbourText = "Port officials in Lantern Bay said on Tuesday that the new breakwater would open in June.\n\n" +
		"\"We have waited eleven years for this wall,\" said harbour master Odile Brannock. \"The fishing fleet will finally winter at home.\"\n\n" +
		"The council of Lantern Bay approved the last payment for the works on Monday."
	harbourURL = "https://lantern-bay-gazette.example/2031/06/breakwater"
)

func harbourJSON(text string) string {
	b, _ := json.Marshal(map[string]string{
		"title": "Lantern Bay breakwater to open in June", "text": text, "url": harbourURL,
		"outlet": "Lantern Bay Gazette", "published": "2031-06-03T08:00:00Z",
	})
	return string(b)
}

// added is the answer to a successful add.
type added struct {
	ID       string `json:"id"`
	Status   string `json:"status"`
	Story    string `json:"story"`
	Previous string `json:"previous"`
	Source   string `json:"source"`
}

func post(t *testing.T, h http.Handler, target, ctype, auth, body string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	return do(t, h, req)
}

const bearer = "Bearer " + testToken

func TestAddArticleRefused(t *testing.T) {
	st, a := newStore(t)
	h := newServer(t, st, a, server.Config{MaxBody: 2048})
	readOnly := newServer(t, st, nil, server.Config{})
	noToken, err := server.New(server.Config{Store: st, Adder: a})
	if err != nil {
		t.Fatal(err)
	}
	good := harbourJSON(harbourText)

	tests := []struct {
		name          string
		h             http.Handler
		ctype, auth   string
		body          string
		status        int
		says          string
		authenticates bool
	}{
		{"no token configured", noToken, "application/json", bearer, good, 403, "writes are disabled", false},
		{"no adder", readOnly, "application/json", bearer, good, 403, "writes are disabled", false},
		{"no authorization", h, "application/json", "", good, 401, "Bearer", true},
		{"wrong token", h, "application/json", "Bearer not-the-token", good, 401, "wrong token", true},
		{"token with a prefix of the right one", h, "application/json", "Bearer " + testToken[:4], good, 401, "wrong token", true},
		{"basic auth", h, "application/json", "Basic " + testToken, good, 401, "Bearer", true},
		{"body over the limit", h, "application/json", bearer, harbourJSON(strings.Repeat(harbourText+"\n\n", 10)), 413, "over 2048 bytes", false},
		{"no content type", h, "", bearer, good, 415, "want application/json or text/html", false},
		{"plain text", h, "text/plain", bearer, harbourText, 415, "text/plain", false},
		{"not JSON", h, "application/json", bearer, "{title: 1", 400, "article", false},
		{"an array", h, "application/json", bearer, "[" + good + "]", 400, "article", false},
		{"two objects", h, "application/json", bearer, good + good, 400, "one JSON object", false},
		{"unknown field", h, "application/json", bearer, `{"text": "x", "body": "y"}`, 400, "body", false},
		{"neither text nor html", h, "application/json", bearer, `{"title": "Nothing"}`, 400, `give "text" or "html"`, false},
		{"text and html", h, "application/json", bearer, `{"text": "a", "html": "<p>a</p>"}`, 400, "not both", false},
		{"script url", h, "application/json", bearer, `{"text": "a", "url": "javascript:alert(1)"}`, 400, "http or https", false},
		{"empty text", h, "application/json", bearer, `{"text": "   "}`, 422, "could not be added", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := post(t, tt.h, "/api/articles", tt.ctype, tt.auth, tt.body)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d; body: %s", res.StatusCode, tt.status, body)
			}
			wantError(tt.says)(t, []byte(body))
			if got := res.Header.Get("WWW-Authenticate") != ""; got != tt.authenticates {
				t.Errorf("WWW-Authenticate sent: %v, want %v", got, tt.authenticates)
			}
		})
	}
	var list struct{ Articles []articleJSON }
	getJSON(t, h, "/api/articles", http.StatusOK, &list)
	if len(list.Articles) != 0 {
		t.Errorf("refused writes stored %d articles", len(list.Articles))
	}
}

func TestAddArticle(t *testing.T) {
	st, a := newStore(t)
	h := newServer(t, st, a, server.Config{})
	changed := strings.Replace(harbourText, "in June", "in July", 1)
	page := "<!doctype html><html><head><title>Breakwater delayed to July</title></head><body><article><h1>Breakwater delayed to July</h1>" +
		"<p>" + strings.ReplaceAll(changed, "\n\n", "</p><p>") + "</p></article></body></html>"

	// The steps run in order: each depends on what the ones before stored.
	steps := []struct {
		name, target, ctype, body string
		status                    int
		want                      string // the status of the add
		previous                  bool
	}{
		{"new article", "/api/articles", "application/json", harbourJSON(harbourText), 201, "new", false},
		{"the same again", "/api/articles", "application/json; charset=utf-8", harbourJSON(harbourText), 200, "duplicate", false},
		{"changed text at the same url", "/api/articles", "application/json", harbourJSON(changed), 201, "version", true},
		{"a page at another url", "/api/articles?url=https://lantern-bay-gazette.example/2031/06/delay&outlet=Lantern+Bay+Gazette", "text/html", page, 201, "new", false},
		{"text without url", "/api/articles", "application/json", `{"title": "Ferry timetable", "text": "The winter ferry timetable starts on the first Monday of November, the harbour office said."}`, 201, "new", false},
	}
	var ids []string
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			res, body := post(t, h, s.target, s.ctype, bearer, s.body)
			if res.StatusCode != s.status {
				t.Fatalf("status %d, want %d; body: %s", res.StatusCode, s.status, body)
			}
			var got added
			mustDecode(t, []byte(body), &got)
			if got.Status != s.want || got.ID == "" || got.Story == "" || (got.Previous != "") != s.previous {
				t.Fatalf("added %+v, want status %s with an id and a story, previous %v", got, s.want, s.previous)
			}
			if loc := res.Header.Get("Location"); loc != "/api/articles/"+got.ID {
				t.Errorf("Location %q", loc)
			}
			var art struct {
				Article articleJSON
			}
			getJSON(t, h, "/api/articles/"+got.ID, http.StatusOK, &art)
			if art.Article.Story != got.Story {
				t.Errorf("stored in story %q, the add said %q", art.Article.Story, got.Story)
			}
			ids = append(ids, got.ID)
		})
	}
	if len(ids) == len(steps) && (ids[0] != ids[1] || ids[2] == ids[0] || ids[3] == ids[2] || ids[4] == ids[3]) {
		t.Errorf("ids %v: want the duplicate to be the first and every other add new", ids)
	}
}
