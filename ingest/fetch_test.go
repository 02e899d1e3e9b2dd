package ingest_test

import (
	"compress/gzip"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-news/dossier/ingest"
	"golang.org/x/text/encoding/charmap"
)

// newsServer is a test site on 127.0.0.1 with a page, a feed and the ways a fetch goes wrong.
type newsServer struct {
	*httptest.Server
	mu          sync.Mutex
	conditional int      // requests to /feed that carried If-None-Match and If-Modified-Since
	agents      []string // User-Agent of every request
}

func startNewsServer(t *testing.T) *newsServer {
	t.Helper()
	s := &newsServer{}
	mux := http.NewServeMux()
	page := func(title, text string) string {
		return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><article><p>" + text + "</p></article></body></html>"
	}
	mux.HandleFunc("/page-koi8", func(w http.ResponseWriter, r *http.Request) {
		b, _ := charmap.KOI8R.NewEncoder().Bytes([]byte(page("Паром", russianPlain)))
		w.Header().Set("Content-Type", "text/html; charset=koi8-r")
		w.Write(b)
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "gzip only", http.StatusNotAcceptable)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write([]byte(page("Compressed", "This page travelled compressed.")))
		zw.Close()
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page-koi8", http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 1000 {
			fmt.Fprint(w, "<p>"+strings.Repeat("The tide is high. ", 50)+"</p>\n")
		}
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") != "" && r.Header.Get("If-Modified-Since") == "Tue, 01 Jul 2031 06:00:00 GMT" {
			s.mu.Lock()
			s.conditional++
			s.mu.Unlock()
		}
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Tue, 01 Jul 2031 06:00:00 GMT")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Radio</title>
<item><title>Storm warning</title><link>%[1]s/story/1</link><description>Short text of the storm warning.</description></item>
<item><title>Ferry back</title><link>/story/2</link><description>Short text about the ferry.</description></item>
</channel></rss>`, s.URL)
	})
	mux.HandleFunc("/story/{n}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page("Story "+r.PathValue("n"), "The full page of story "+r.PathValue("n")+"."))
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.agents = append(s.agents, r.Header.Get("User-Agent"))
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func TestReadURL(t *testing.T) {
	srv := startNewsServer(t)
	tests := []struct {
		name     string
		path     string
		opts     ingest.Options
		wantBody string // a substring of the one document
		wantURL  string // its Meta.URL, relative to the server
		wantErr  string // or the error message after the URL
		wantIs   error
	}{
		{name: "charset-from-header", path: "/page-koi8", wantBody: russianPlain, wantURL: "/page-koi8"},
		{name: "gzip-encoding", path: "/gzip", wantBody: "This page travelled compressed.", wantURL: "/gzip"},
		{name: "redirect", path: "/redirect", wantBody: russianPlain, wantURL: "/page-koi8"},
		{name: "not-found", path: "/missing", wantErr: "HTTP 404 Not Found", wantIs: ingest.ErrStatus},
		{name: "redirect-loop", path: "/loop", wantErr: "stopped after 10 redirects", wantIs: ingest.ErrTooManyRedirects},
		{name: "timeout", path: "/slow", opts: ingest.Options{Timeout: 100 * time.Millisecond}, wantErr: "timed out after 100ms", wantIs: ingest.ErrTimeout},
		{name: "too-large", path: "/big", opts: ingest.Options{MaxBytes: 64 << 10}, wantErr: "larger than the 64 KiB limit", wantIs: ingest.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			opts.AllowPrivate = true
			url := srv.URL + tt.path
			var got []result
			var gotErr error
			for d, err := range ingest.New(opts).Read(t.Context(), []string{url}) {
				if err != nil {
					checkError(t, err)
					gotErr = err
					continue
				}
				got = append(got, result{Source: d.Source, Body: string(d.Body), Meta: d.Meta})
			}
			if tt.wantErr != "" {
				if gotErr == nil || gotErr.Error() != url+": "+tt.wantErr {
					t.Fatalf("error = %v, want %q", gotErr, url+": "+tt.wantErr)
				}
				if !errors.Is(gotErr, tt.wantIs) {
					t.Errorf("errors.Is(%v, %v) = false", gotErr, tt.wantIs)
				}
				return
			}
			if gotErr != nil || len(got) != 1 {
				t.Fatalf("got %+v, %v; want one document", got, gotErr)
			}
			if !strings.Contains(got[0].Body, tt.wantBody) {
				t.Errorf("body = %q, want it to contain %q", got[0].Body, tt.wantBody)
			}
			if got[0].Source != url || got[0].Meta.URL != srv.URL+tt.wantURL {
				t.Errorf("source, URL = %s, %s; want %s, %s", got[0].Source, got[0].Meta.URL, url, srv.URL+tt.wantURL)
			}
		})
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	for _, ua := range srv.agents {
		if ua != ingest.DefaultUserAgent {
			t.Errorf("User-Agent %q, want %q", ua, ingest.DefaultUserAgent)
			break
		}
	}
}

func TestReadURLPrivateRefused(t *testing.T) {
	srv := startNewsServer(t)
	url := srv.URL + "/page-koi8"
	var errs []error
	for d, err := range ingest.New(ingest.Options{}).Read(t.Context(), []string{url}) {
		if d != nil {
			t.Fatalf("read %s from a private address", d.Source)
		}
		errs = append(errs, err)
	}
	if len(errs) != 1 {
		t.Fatalf("got %d errors, want 1: %v", len(errs), errs)
	}
	want := url + ": refused: 127.0.0.1 is a private address (use --allow-private)"
	if errs[0].Error() != want || !errors.Is(errs[0], ingest.ErrPrivateAddress) {
		t.Errorf("error = %q, want %q wrapping ErrPrivateAddress", errs[0], want)
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if len(srv.agents) != 0 {
		t.Errorf("the server saw %d requests, want none", len(srv.agents))
	}
}

func TestReadURLConditionalFeed(t *testing.T) {
	srv := startNewsServer(t)
	r := ingest.New(ingest.Options{AllowPrivate: true})
	first := collect(t, r.Read(t.Context(), []string{srv.URL + "/feed"}))
	if len(first) != 2 || first[0].Source != srv.URL+"/feed#1" || first[0].Meta.Outlet != "Harbour Radio" {
		t.Fatalf("first read = %+v, want the feed's two items", first)
	}
	if first[1].Meta.URL != srv.URL+"/story/2" {
		t.Errorf("relative item link resolved to %q, want %q", first[1].Meta.URL, srv.URL+"/story/2")
	}
	second := collect(t, r.Read(t.Context(), []string{srv.URL + "/feed"}))
	if len(second) != 0 {
		t.Errorf("second read = %+v, want nothing: the feed has not changed", second)
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if srv.conditional != 1 {
		t.Errorf("%d conditional requests, want 1", srv.conditional)
	}
}

func TestReadURLFollow(t *testing.T) {
	srv := startNewsServer(t)
	got := collect(t, ingest.New(ingest.Options{AllowPrivate: true, Follow: true}).Read(t.Context(), []string{srv.URL + "/feed"}))
	if len(got) != 2 {
		t.Fatalf("got %+v, want two pages", got)
	}
	for i, r := range got {
		n := i + 1
		if r.Error != "" {
			t.Fatalf("item %d: %s", n, r.Error)
		}
		wantURL := fmt.Sprintf("%s/story/%d", srv.URL, n)
		if r.Source != wantURL || r.Meta.URL != wantURL || r.Meta.Outlet != "Harbour Radio" {
			t.Errorf("item %d: source %s, meta %+v; want the page %s with the feed's meta", n, r.Source, r.Meta, wantURL)
		}
		if want := fmt.Sprintf("The full page of story %d.", n); !strings.Contains(r.Body, want) {
			t.Errorf("item %d body = %q, want the page, not the item's description", n, r.Body)
		}
	}
}

func TestReadURLBadScheme(t *testing.T) {
	got := collect(t, ingest.New(ingest.Options{}).Read(t.Context(), []string{"ftp://files.example/story.txt"}))
	if len(got) != 1 || got[0].Error != "ftp://files.example/story.txt: unsupported URL scheme: only http and https are fetched" {
		t.Errorf("got %+v, want one error about the scheme", got)
	}
}
