package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dossier-news/dossier/watch"
)

// ferryFeed is an RSS feed of two invented reports with full texts, as a local paper might
// publish them.
const ferryFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Tessel Gazette</title><link>https://gazette.example/</link>
<item><title>Harbour master blames sudden fog for Tessel ferry grounding</title>
<link>https://gazette.example/2031/04/15/ferry-fog</link><pubDate>Tue, 15 Apr 2031 09:00:00 +0000</pubDate>
<description>The ferry Northern Wren ran aground on the Keel sandbank on Sunday because fog came in within minutes, the harbour master of Tessel told an inquiry on Monday. "We had clear water at six and nothing at a quarter past," Ilse Varga said. The ship's owner, Tessel Line, said it would publish its own account of the grounding next week. Lifeboat crews took all ninety passengers ashore, and nobody was hurt.</description></item>
<item><title>Tessel Line promises new radar for its island ferries</title>
<link>https://gazette.example/2031/04/14/radar</link><pubDate>Mon, 14 Apr 2031 17:30:00 +0000</pubDate>
<description>Tessel Line will fit new radar to its three island ferries before the summer, its chief executive Pieter Holm said on Monday, a day after the Northern Wren grounding. "Our crews deserve the best instruments there are," Holm said. The council of Tessel welcomed the promise but asked for a date. Islanders have complained about the old ships for years.</description></item>
</channel></rss>
`

// feedServer serves ferryFeed with an ETag at /feed.xml and a 404 at /gone.xml.
func feedServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"ferry-1"`)
		if r.Header.Get("If-None-Match") == `"ferry-1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, ferryFeed)
	})
	mux.HandleFunc("/copy.xml", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, ferryFeed) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWatchUsage(t *testing.T) {
	t.Setenv("DOSSIER_DB", filepath.Join(t.TempDir(), "none.db"))
	badFeeds := writeFile(t, "feeds.txt", "https://gazette.example/rss.xml\nnot a url\n")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"without feeds file", []string{"watch"}, 2, "no feeds file given"},
		{"two feeds files", []string{"watch", "a.txt", "b.txt"}, 2, "one feeds file, got 2"},
		{"too often", []string{"watch", "--every", "10s", "a.txt"}, 2, "under a minute"},
		{"help", []string{"watch", "-h"}, 0, "usage: dossier watch"},
		{"missing feeds file", []string{"watch", "--once", "no-such-feeds.txt"}, 1, "no-such-feeds.txt"},
		{"bad feeds file", []string{"watch", "--once", badFeeds}, 1, `bad feeds file: line 2: "not a url" is not an absolute http or https URL`},
		{"status without database", []string{"watch", "--status"}, 1, "no database at"},
		{"webhook without actor", []string{"watch", "--webhook", "https://hooks.example/x", "a.txt"}, 2, "--webhook and --actor go together"},
		{"actor without webhook", []string{"watch", "--actor", "Ilse Varga", "a.txt"}, 2, "--webhook and --actor go together"},
		{"webhook not a URL", []string{"watch", "--webhook", "hooks.example", "--actor", "Ilse Varga", "a.txt"}, 2, `--webhook "hooks.example" is not an http or https URL`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRun(t, tt.args, tt.wantCode, nil, tt.wantErr)
		})
	}
}

// TestWatchOnce polls a feed into a real database, polls again (not due), reads the state back
// with --status, then polls a second feed with the same items: the store has them already.
func TestWatchOnce(t *testing.T) {
	srv := feedServer(t)
	db := filepath.Join(t.TempDir(), "dossier.db")
	feeds := writeFile(t, "feeds.opml", fmt.Sprintf(`<opml version="2.0"><body><outline text="Islands">
		<outline text="Tessel Gazette" xmlUrl="%s/feed.xml"/><outline text="Gone" xmlUrl="%s/gone.xml"/></outline></body></opml>`, srv.URL, srv.URL))
	steps := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
		wantErr  string
	}{
		{"first poll", []string{"watch", "--db", db, "--once", "--allow-private", "--host-delay", "1ms", feeds}, 1,
			[]string{"fetched\t" + srv.URL + "/feed.xml\t2 items, 2 added\n", "failed\t" + srv.URL + "/gone.xml\tHTTP 404 Not Found; next poll "},
			"2 of 2 feeds polled, 2 items added, 1 failed"},
		{"not due", []string{"watch", "--db", db, "--once", "--allow-private", feeds}, 0,
			[]string{"not due\t" + srv.URL + "/feed.xml\tnext poll ", "not due\t" + srv.URL + "/gone.xml\tnext poll "},
			"0 of 2 feeds polled, 0 items added, 0 failed"},
		{"status", []string{"watch", "--db", db, "--status", feeds}, 0,
			[]string{srv.URL + "/feed.xml  Tessel Gazette\n  ok · last poll ", "2 items added",
				srv.URL + "/gone.xml  Gone\n  backing off (1 failure in a row) · last error: HTTP 404 Not Found · last poll ", "last success never"},
			""},
		{"status of every feed", []string{"watch", "--db", db, "--status"}, 0, []string{srv.URL + "/feed.xml", srv.URL + "/gone.xml"}, ""},
		{"same items from another feed", []string{"watch", "--db", db, "--once", "--allow-private", writeFile(t, "copy.txt", srv.URL+"/copy.xml\n")}, 0,
			[]string{"fetched\t" + srv.URL + "/copy.xml\t2 items, 0 added\n"}, "1 of 1 feed polled, 0 items added"},
		{"stories", []string{"stories", "--db", db}, 0,
			[]string{"2031-04-14 to 2031-04-15 · 2 articles · Tessel Gazette\n", "  - https://gazette.example/2031/04/14/radar\n  - https://gazette.example/2031/04/15/ferry-fog\n"},
			"2 articles in 1 story"},
		{"search", []string{"search", "--db", db, "fog"}, 0,
			[]string{"Harbour master blames sudden fog for Tessel ferry grounding · Tessel Gazette · 2031-04-15\n   https://gazette.example/2031/04/15/ferry-fog\n"},
			"hit"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			checkRun(t, st.args, st.wantCode, st.wantOut, st.wantErr)
		})
	}
}

// TestWatchPrivateRefused checks that without --allow-private a feed on the loopback address
// is refused and reported, not fetched.
func TestWatchPrivateRefused(t *testing.T) {
	srv := feedServer(t)
	db := filepath.Join(t.TempDir(), "dossier.db")
	feeds := writeFile(t, "feeds.txt", srv.URL+"/feed.xml\n")
	code, stdout, _ := run(t, "", "watch", "--db", db, "--once", feeds)
	if code != 1 || !strings.Contains(stdout, "127.0.0.1 is a private address") {
		t.Errorf("exit code %d, stdout %q; want 1 and the refused address", code, stdout)
	}
}

// TestWatchWebhook follows one speaker of the feed: the webhook hears of the article that quotes
// him, once, and of nothing else.
func TestWatchWebhook(t *testing.T) {
	srv := feedServer(t)
	var mu sync.Mutex
	var events []watch.Event
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var ev watch.Event
		if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
			t.Errorf("decode event: %v", err)
		}
		mu.Lock()
		events = append(events, ev)
		mu.Unlock()
	}))
	defer hook.Close()
	db := filepath.Join(t.TempDir(), "dossier.db")
	feeds := writeFile(t, "feeds.txt", srv.URL+"/feed.xml\n")
	checkRun(t, []string{"watch", "--db", db, "--once", "--allow-private", "--webhook", hook.URL, "--actor", "Pieter Holm", feeds}, 0,
		[]string{"2 items, 2 added"}, "")
	if len(events) != 1 {
		t.Fatalf("%d events posted, want 1: %+v", len(events), events)
	}
	ev := events[0]
	if ev.Actor != "Pieter Holm" || ev.Article.URL != "https://gazette.example/2031/04/14/radar" || len(ev.Quotes) == 0 {
		t.Errorf("event = %+v, want Holm's quotes in the radar article", ev)
	}
	for _, q := range ev.Quotes {
		if q.Speaker.Name != "Pieter Holm" {
			t.Errorf("quote %q by %q in Holm's event", q.Text, q.Speaker.Name)
		}
	}
}
