package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"

	"github.com/dossier-news/dossier/server"
	"github.com/dossier-news/dossier/store"
	"github.com/dossier-news/dossier/store/sqlite"
)

// testToken is the bearer token of the test servers that take writes.
const testToken = "s3cret-t0ken"

// newStore opens an empty store in a temporary directory with an Adder for it, both closed when
// the test ends.
func newStore(t testing.TB) (*sqlite.DB, *store.Adder) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dossier.db"), sqlite.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	a, err := store.NewAdder(ctx, db, store.AdderOptions{})
	if err != nil {
		t.Fatalf("new adder: %v", err)
	}
	return db, a
}

// newServer returns a server on st that takes writes through a with testToken.
func newServer(t testing.TB, st store.Store, a server.Adder, cfg server.Config) *server.Server {
	t.Helper()
	cfg.Store, cfg.Adder = st, a
	if cfg.Token == "" {
		cfg.Token = testToken
	}
	s, err := server.New(cfg)
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	return s
}

// example is a server on a store holding the example corpus, loaded once for the package's
// tests that only read; tests that write make their own store.
type example struct {
	srv *server.Server
	st  store.Store
	err error
}

// exampleDir holds the shared example store; TestMain makes it and removes it.
var exampleDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dossier-server-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	exampleDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var exampleOnce = sync.OnceValue(func() *example {
	ex := &example{}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(exampleDir, "dossier.db"), sqlite.Options{})
	if err != nil {
		ex.err = err
		return ex
	}
	a, err := store.NewAdder(ctx, db, store.AdderOptions{})
	if err == nil {
		_, err = server.LoadExample(ctx, a)
	}
	if err == nil {
		ex.srv, err = server.New(server.Config{Store: db, Adder: a, Token: testToken})
	}
	ex.st, ex.err = db, err
	return ex
})

// exampleServer returns the shared example server.
func exampleServer(t testing.TB) (*server.Server, store.Store) {
	t.Helper()
	ex := exampleOnce()
	if ex.err != nil {
		t.Fatalf("load the example store: %v", ex.err)
	}
	return ex.srv, ex.st
}

// get sends a GET to h and returns the response with its body read.
func get(t testing.TB, h http.Handler, target string) (*http.Response, string) {
	t.Helper()
	return do(t, h, httptest.NewRequest(http.MethodGet, target, nil))
}

func do(t testing.TB, h http.Handler, req *http.Request) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("read body of %s: %v", req.URL, err)
	}
	return res, string(body)
}

// getJSON GETs target, checks the status and that the answer is JSON, and decodes it into v.
func getJSON(t testing.TB, h http.Handler, target string, want int, v any) {
	t.Helper()
	res, body := get(t, h, target)
	if res.StatusCode != want {
		t.Fatalf("GET %s: status %d, want %d; body: %.300s", target, res.StatusCode, want, body)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("GET %s: Content-Type %q, want application/json", target, ct)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("GET %s: body is not JSON: %v; body: %.300s", target, err, body)
	}
}

// parseHTML parses a page.
func parseHTML(t testing.TB, body string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse page: %v", err)
	}
	return doc
}

// selector matches an element by its tag and, when given, an attribute's value, or a class
// among its classes (attr "class").
type selector struct {
	tag, attr, val string
}

func (s selector) match(n *html.Node) bool {
	if n.Type != html.ElementNode || n.Data != s.tag {
		return false
	}
	if s.attr == "" {
		return true
	}
	for _, a := range n.Attr {
		if a.Key != s.attr {
			continue
		}
		if s.attr == "class" {
			for c := range strings.FieldsSeq(a.Val) {
				if c == s.val {
					return true
				}
			}
			return false
		}
		return a.Val == s.val
	}
	return false
}

// findAll returns the elements under n that match the selectors in turn: each one is looked
// for under what the one before it found, like the CSS "a b c".
func findAll(n *html.Node, path ...selector) []*html.Node {
	nodes := []*html.Node{n}
	for _, s := range path {
		var next []*html.Node
		for _, root := range nodes {
			for d := range root.Descendants() {
				if s.match(d) && !containsNode(next, d) {
					next = append(next, d)
				}
			}
		}
		nodes = next
	}
	return nodes
}

func containsNode(ns []*html.Node, n *html.Node) bool {
	for _, m := range ns {
		if m == n {
			return true
		}
	}
	return false
}

// textOf is the text under a node.
func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }
