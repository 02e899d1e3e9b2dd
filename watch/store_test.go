package watch_test

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/store"
	"github.com/dossier-news/dossier/store/sqlite"
	"github.com/dossier-news/dossier/watch"
)

// storeAdder adds through the store's own add flow, as the command wires it, and calls after
// once each article is committed.
type storeAdder struct {
	mu    sync.Mutex
	a     *store.Adder
	n     int
	after func(n int)
}

func (s *storeAdder) Add(ctx context.Context, d *dossier.Document) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var res store.Result
	one := func(yield func(*dossier.Document, error) bool) { yield(d, nil) }
	if err := s.a.AddDocuments(ctx, one, func(r store.Result) { res = r }); err != nil {
		return false, err
	}
	if res.Err != nil {
		return false, res.Err
	}
	added := res.Status == store.New || res.Status == store.Version
	if added {
		s.n++
		if s.after != nil {
			s.after(s.n)
		}
	}
	return added, nil
}

// TestRestartWithStore kills a watcher half-way through a feed, reopens the database as a new
// process would, and watches on: every article is stored once, and the feed's state picks up
// where it stopped.
func TestRestartWithStore(t *testing.T) {
	c := &fakeClock{now: start.Add(9 * time.Hour)}
	srv := newFeedServer(t, c, map[string]http.HandlerFunc{"/feed.xml": growingFeed(c)})
	url := srv.URL + "/feed.xml"
	path := filepath.Join(t.TempDir(), "dossier.db")
	open := func() (*sqlite.DB, *storeAdder) {
		t.Helper()
		db, err := sqlite.Open(t.Context(), path, sqlite.Options{})
		if err != nil {
			t.Fatalf("open store: %v", err)
		}
		a, err := store.NewAdder(t.Context(), db, store.AdderOptions{Workers: 1})
		if err != nil {
			t.Fatalf("new adder: %v", err)
		}
		return db, &storeAdder{a: a}
	}
	closeAll := func(db *sqlite.DB, a *storeAdder) {
		t.Helper()
		if err := a.a.Close(context.Background()); err != nil {
			t.Errorf("close adder: %v", err)
		}
		if err := db.Close(); err != nil {
			t.Errorf("close store: %v", err)
		}
	}

	db, adder := open()
	ctx, kill := context.WithCancel(t.Context())
	adder.after = func(n int) {
		if n == 4 {
			kill()
		}
	}
	if _, err := watch.New(db, adder, options(c)).Once(ctx, sources(url)); err != nil {
		t.Fatalf("first Once() error = %v", err)
	}
	closeAll(db, adder)

	db, adder = open()
	defer closeAll(db, adder)
	f, err := db.Feed(t.Context(), url)
	if err != nil || f.Items != 3 || f.ETag != "" {
		t.Fatalf("state after the kill = %+v, %v; want 3 items counted and no ETag", f, err)
	}
	results, err := watch.New(db, adder, options(c)).Once(t.Context(), sources(url))
	if err != nil {
		t.Fatalf("second Once() error = %v", err)
	}
	if r := results[0]; r.Outcome != watch.Fetched || r.Items != 10 || r.Added != 6 {
		t.Errorf("restarted poll: %v, %d items, %d added (%v); want fetched, 10, 6", r.Outcome, r.Items, r.Added, r.Err)
	}
	links := storedLinks(t, db)
	if want := storyLinks(srv.URL, 0, 9); !slices.Equal(links, want) {
		t.Errorf("stored %q, want each story once: %q", links, want)
	}
	f, err = db.Feed(t.Context(), url)
	if err != nil || f.Items != 9 || f.ETag == "" || f.Title != "Tessel Gazette" || !f.LastOK.Equal(c.Now()) {
		t.Errorf("state after restart = %+v, %v; want 9 items counted, an ETag, the feed's title, last ok now", f, err)
	}

	c.advance(watch.DefaultEvery)
	results, err = watch.New(db, adder, options(c)).Once(t.Context(), sources(url))
	if err != nil || results[0].Outcome != watch.NotModified {
		t.Errorf("third Once() = %v, %v; want not modified", results[0].Outcome, err)
	}
	if st, err := db.Stats(t.Context()); err != nil || st.Articles != 10 || st.Feeds != 1 {
		t.Errorf("Stats() = %+v, %v; want 10 articles and 1 feed", st, err)
	}
}

// TestKilledWatcher runs a watcher in a child process, kills it (SIGKILL) while it is adding a
// feed's items, and starts another on the same database: every item is there once.
func TestKilledWatcher(t *testing.T) {
	if os.Getenv("WATCH_TEST_CHILD") != "" {
		t.Skip("run by TestKilledWatcher as its child")
	}
	c := &fakeClock{now: start}
	var items []item
	for n := range 30 {
		items = append(items, story(n))
	}
	srv := newFeedServer(t, c, map[string]http.HandlerFunc{"/feed.xml": fixedFeed("Tessel Gazette", items)})
	url := srv.URL + "/feed.xml"
	path := filepath.Join(t.TempDir(), "dossier.db")

	child := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^TestKilledWatcherChild$", "-test.v")
	child.Env = append(os.Environ(), "WATCH_TEST_CHILD="+path+" "+url)
	var out bytes.Buffer
	child.Stdout, child.Stderr = &out, &out
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(t.Context(), path, sqlite.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	defer db.Close()
	// Kill the child once it has stored a few articles, in the middle of the feed.
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(5 * time.Millisecond) {
		st, err := db.Stats(t.Context())
		if err == nil && st.Articles >= 5 {
			break
		}
		if time.Now().After(deadline) {
			child.Process.Kill()
			t.Fatalf("the child stored nothing in a minute: %v\n%s", err, out.String())
		}
	}
	if err := child.Process.Kill(); err != nil { // SIGKILL: no chance to clean up
		t.Fatal(err)
	}
	child.Wait()
	before, err := db.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if before.Articles >= 30 {
		t.Skipf("the child stored all %d articles before it was killed; nothing to resume", before.Articles)
	}
	t.Logf("killed after %d articles", before.Articles)

	a, err := store.NewAdder(t.Context(), db, store.AdderOptions{Workers: 1})
	if err != nil {
		t.Fatalf("new adder: %v", err)
	}
	results, err := watch.New(db, &storeAdder{a: a}, options(c)).Once(t.Context(), sources(url))
	if err != nil {
		t.Fatalf("Once() after the kill: %v", err)
	}
	if r := results[0]; r.Outcome != watch.Fetched || r.Added != 30-before.Articles {
		t.Errorf("resumed poll: %v, %d added (%v); want fetched, %d (30 less the %d stored before the kill)", r.Outcome, r.Added, r.Err, 30-before.Articles, before.Articles)
	}
	links := storedLinks(t, db)
	if want := storyLinks(srv.URL, 0, 29); !slices.Equal(links, want) {
		t.Errorf("stored %d articles %q, want each of the 30 once", len(links), links)
	}
	if f, err := db.Feed(t.Context(), url); err != nil || f.Items < 30-before.Articles || f.Items > 30 {
		t.Errorf("feed state = %+v, %v; want the items counted", f, err)
	}
}

// TestKilledWatcherChild is the watcher TestKilledWatcher kills.
func TestKilledWatcherChild(t *testing.T) {
	env := os.Getenv("WATCH_TEST_CHILD")
	if env == "" {
		t.Skip("run only as TestKilledWatcher's child")
	}
	path, url, _ := strings.Cut(env, " ")
	db, err := sqlite.Open(t.Context(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := store.NewAdder(t.Context(), db, store.AdderOptions{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	c := &fakeClock{now: start}
	if _, err := watch.New(db, &storeAdder{a: a}, options(c)).Once(t.Context(), sources(url)); err != nil {
		t.Fatal(err)
	}
}

// storedLinks returns the sorted URLs of every article version in the store.
func storedLinks(t *testing.T, db store.Store) []string {
	t.Helper()
	arts, err := db.Articles(t.Context(), store.ArticleQuery{Page: store.Page{Limit: 100}, AllVersions: true})
	if err != nil {
		t.Fatal(err)
	}
	var links []string
	for _, a := range arts {
		links = append(links, a.URL)
	}
	slices.Sort(links)
	return links
}
