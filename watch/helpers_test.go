package watch_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/store"
	"github.com/dossier-news/dossier/watch"
)

// start is when every test's fake clock starts.
var start = time.Date(2031, 4, 14, 6, 0, 0, 0, time.UTC)

// fakeClock moves forward only when the watcher sleeps, at once, by as long as it asked for.
// With one host polling, time runs exactly as it would on a wall clock; with several, each
// sleeper's wait also moves the others' time on, so tests with several hosts check invariants
// (never early, never too close) rather than exact times. Sleeping past end cancels the run.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	end    time.Time
	cancel context.CancelFunc
	sleeps []time.Duration
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	c.sleeps = append(c.sleeps, d)
	c.now = c.now.Add(d)
	over := !c.end.IsZero() && c.now.After(c.end)
	c.mu.Unlock()
	if over {
		c.cancel()
		return context.Canceled
	}
	return nil
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// runFor runs w over feeds until the fake clock has passed d, and returns what Run returned.
func runFor(t *testing.T, w *watch.Watcher, c *fakeClock, d time.Duration, feeds ...string) error {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	c.mu.Lock()
	c.end, c.cancel = c.now.Add(d), cancel
	c.mu.Unlock()
	return w.Run(ctx, sources(feeds...))
}

func sources(urls ...string) []watch.Source {
	s := make([]watch.Source, len(urls))
	for i, u := range urls {
		s[i] = watch.Source{URL: u}
	}
	return s
}

// memStates keeps feed states in memory as a store would.
type memStates struct {
	mu    sync.Mutex
	feeds map[string]store.Feed
	puts  int
	err   error // returned by PutFeed when set
}

func newStates() *memStates { return &memStates{feeds: make(map[string]store.Feed)} }

func (s *memStates) Feed(_ context.Context, url string) (store.Feed, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.feeds[url]
	if !ok {
		return store.Feed{}, fmt.Errorf("feed %s: %w", url, store.ErrNotFound)
	}
	return f, nil
}

func (s *memStates) PutFeed(_ context.Context, f store.Feed) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	s.puts++
	s.feeds[f.URL] = f
	return nil
}

func (s *memStates) get(t *testing.T, url string) store.Feed {
	t.Helper()
	f, err := s.Feed(t.Context(), url)
	if err != nil {
		t.Fatalf("no state saved for %s", url)
	}
	return f
}

// memAdder stores documents by place and text, as the add flow does: the same text at the same
// place is stored once.
type memAdder struct {
	mu     sync.Mutex
	stored map[string]int // "key text-hash" → times stored
	docs   []*dossier.Document
	calls  int
	// fail makes Add fail for a document whose body contains it.
	fail string
	// after is called after each document stored, with the count stored so far.
	after func(n int)
}

func newAdder() *memAdder { return &memAdder{stored: make(map[string]int)} }

var errAdd = errors.New("extract: no main text")

func (a *memAdder) Add(_ context.Context, d *dossier.Document) (bool, error) {
	a.mu.Lock()
	a.calls++
	if a.fail != "" && strings.Contains(string(d.Body), a.fail) {
		a.mu.Unlock()
		return false, fmt.Errorf("%s: %w", d.Source, errAdd)
	}
	key := d.Meta.URL
	if key == "" {
		key = d.Source
	}
	k := fmt.Sprintf("%s %x", key, sha256.Sum256(d.Body))
	a.stored[k]++
	added := a.stored[k] == 1
	if added {
		a.docs = append(a.docs, d)
	}
	n, after := len(a.docs), a.after
	a.mu.Unlock()
	if added && after != nil {
		after(n)
	}
	return added, nil
}

// offers counts how many times documents were offered in all, stored or not.
func (a *memAdder) offers() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.calls
}

// links returns the links of the stored documents, sorted.
func (a *memAdder) links() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	var s []string
	for _, d := range a.docs {
		s = append(s, d.Meta.URL)
	}
	slices.Sort(s)
	return s
}

func (a *memAdder) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.docs)
}

// item is one story in a test feed.
type item struct {
	title, link, body string
	published         time.Time
}

// rss writes an RSS 2.0 feed of items, newest first as news sites do.
func rss(title string, items []item) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>%s</title><link>https://harbour.example/</link>\n", html.EscapeString(title))
	for i := len(items) - 1; i >= 0; i-- {
		it := items[i]
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><pubDate>%s</pubDate><description>%s</description></item>\n",
			html.EscapeString(it.title), html.EscapeString(it.link), it.published.Format(time.RFC1123Z), html.EscapeString(it.body))
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

// story returns the n-th item of a fictional harbour story, published n hours after start.
func story(n int) item {
	return item{
		title:     fmt.Sprintf("Tessel ferry inquiry, day %d", n),
		link:      fmt.Sprintf("/news/ferry-%d", n),
		body:      fmt.Sprintf("On day %d of the inquiry into the grounding of the Tessel ferry, the harbour master told the panel that the fog had come in within minutes. Witness number %d described the lifeboat crews at work.", n, n),
		published: start.Add(time.Duration(n) * time.Hour),
	}
}

// storyLinks returns the sorted links of stories first to last as served from base.
func storyLinks(base string, first, last int) []string {
	var s []string
	for n := first; n <= last; n++ {
		s = append(s, base+story(n).link)
	}
	slices.Sort(s)
	return s
}

// request is one request a feedServer answered.
type request struct {
	path              string
	at                time.Time // on the fake clock
	ifNoneMatch, ifMS string
	status            int
}

// feedServer serves feeds whose content follows the fake clock. Its handlers for each path
// are set by the test; it records every request and the most requests it ever had in flight.
type feedServer struct {
	*httptest.Server
	clock *fakeClock

	mu          sync.Mutex
	requests    []request
	inFlight    int
	maxInFlight int
	// hold keeps each request in flight this long in real time, so that overlapping requests
	// would be seen.
	hold time.Duration
}

func newFeedServer(t testing.TB, c *fakeClock, routes map[string]http.HandlerFunc) *feedServer {
	t.Helper()
	s := &feedServer{clock: c}
	mux := http.NewServeMux()
	for path, h := range routes {
		mux.HandleFunc(path, h)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.inFlight++
		s.maxInFlight = max(s.maxInFlight, s.inFlight)
		hold := s.hold
		s.mu.Unlock()
		time.Sleep(hold)
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		mux.ServeHTTP(rec, r)
		s.mu.Lock()
		s.inFlight--
		s.requests = append(s.requests, request{path: r.URL.Path, at: c.Now(), ifNoneMatch: r.Header.Get("If-None-Match"),
			ifMS: r.Header.Get("If-Modified-Since"), status: rec.status})
		s.mu.Unlock()
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *feedServer) requestsTo(path string) []request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var rs []request
	for _, r := range s.requests {
		if r.path == path {
			rs = append(rs, r)
		}
	}
	return rs
}

func (s *feedServer) all() []request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]request(nil), s.requests...)
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// growingFeed serves the items of story published by the fake clock's time, at most the
// latest ten, with an ETag and Last-Modified, and answers 304 when the client has them.
func growingFeed(c *fakeClock) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var items []item
		for n := 0; !story(n).published.After(c.Now()); n++ {
			items = append(items, story(n))
		}
		items = items[max(0, len(items)-10):]
		etag := fmt.Sprintf(`"n%d"`, len(items))
		modified := start.Format(http.TimeFormat)
		if len(items) > 0 {
			etag = fmt.Sprintf(`"n%d-%d"`, len(items), items[len(items)-1].published.Unix())
			modified = items[len(items)-1].published.Format(http.TimeFormat)
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", modified)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss("Tessel Gazette", items))
	}
}

// growingFeedAt is growingFeed on the system clock, started at t0: inside a synctest bubble,
// the bubble's fake time.
func growingFeedAt(t0 time.Time) http.HandlerFunc {
	c := &fakeClock{now: start}
	serve := growingFeed(c)
	return func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		c.now = start.Add(time.Since(t0))
		c.mu.Unlock()
		serve(w, r)
	}
}

// inProcess is a transport that serves requests with a handler per host in the calling
// goroutine, so that a whole watcher runs inside a synctest bubble without sockets. It records
// each request's start and end on the bubble's clock and the most requests a host ever had in
// flight; each request takes hold.
type inProcess struct {
	handlers map[string]http.Handler
	hold     time.Duration

	mu          sync.Mutex
	inFlight    map[string]int
	maxInFlight map[string]int
	requests    map[string][]span
}

// span is a request as inProcess saw it.
type span struct {
	path       string
	start, end time.Time
}

func (p *inProcess) RoundTrip(r *http.Request) (*http.Response, error) {
	h, ok := p.handlers[r.URL.Host]
	if !ok {
		return nil, fmt.Errorf("dial %s: no such host", r.URL.Host)
	}
	p.mu.Lock()
	if p.inFlight == nil {
		p.inFlight, p.maxInFlight, p.requests = make(map[string]int), make(map[string]int), make(map[string][]span)
	}
	p.inFlight[r.URL.Host]++
	p.maxInFlight[r.URL.Host] = max(p.maxInFlight[r.URL.Host], p.inFlight[r.URL.Host])
	p.mu.Unlock()
	began := time.Now()
	time.Sleep(p.hold)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	p.mu.Lock()
	p.inFlight[r.URL.Host]--
	p.requests[r.URL.Host] = append(p.requests[r.URL.Host], span{path: r.URL.Path, start: began, end: time.Now()})
	p.mu.Unlock()
	resp := rec.Result()
	resp.Request = r
	return resp, nil
}

// fixedFeed serves the same items always, without validators.
func fixedFeed(title string, items []item) http.HandlerFunc {
	body := rss(title, items)
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body)
	}
}

// options are the watcher options of the tests: the fake clock, a client that may reach the
// test server on the loopback address, and short real-time limits.
func options(c *fakeClock) watch.Options {
	return watch.Options{Clock: c, AllowPrivate: true, Timeout: 2 * time.Second}
}
