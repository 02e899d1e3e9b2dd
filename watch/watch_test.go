package watch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/dossier-news/dossier/watch"
)

// TestOnceFaults polls a good feed beside feeds that fail in every way a server can fail, in
// one run: each bad feed fails with its own condition and backs off, and the good one is read.
func TestOnceFaults(t *testing.T) {
	c := &fakeClock{now: start}
	three := []item{story(1), story(2), story(3)}
	routes := map[string]http.HandlerFunc{
		"/good.xml":    fixedFeed("Tessel Gazette", three),
		"/missing.xml": http.NotFound,
		"/broken.xml": func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, "internal error", http.StatusInternalServerError)
		},
		"/busy.xml": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Retry-After", "7200")
			http.Error(w, "come back later", http.StatusServiceUnavailable)
		},
		"/garbage.xml": func(w http.ResponseWriter, _ *http.Request) {
			fmt.Fprint(w, "<!doctype html><html><body><h1>Welcome to our new site!</h1></body></html>")
		},
		"/binary.xml": func(w http.ResponseWriter, _ *http.Request) {
			w.Write([]byte{0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7})
		},
		"/loop-a.xml": func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-b.xml", http.StatusFound) },
		"/loop-b.xml": func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-a.xml", http.StatusFound) },
		"/slow.xml": func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done() // never answers; the client gives up
		},
	}
	srv := newFeedServer(t, c, routes)
	tests := []struct {
		path    string
		outcome watch.Outcome
		err     error
		// least and most time before the next poll
		least, most time.Duration
	}{
		{"/good.xml", watch.Fetched, nil, watch.DefaultEvery, watch.DefaultEvery},
		{"/missing.xml", watch.Failed, watch.ErrStatus, watch.DefaultEvery / 2, watch.DefaultEvery},
		{"/broken.xml", watch.Failed, watch.ErrStatus, watch.DefaultEvery / 2, watch.DefaultEvery},
		{"/busy.xml", watch.Failed, watch.ErrStatus, 2 * time.Hour, 2 * time.Hour},
		{"/garbage.xml", watch.Failed, watch.ErrNotFeed, watch.DefaultEvery / 2, watch.DefaultEvery},
		{"/binary.xml", watch.Failed, watch.ErrNotFeed, watch.DefaultEvery / 2, watch.DefaultEvery},
		{"/loop-a.xml", watch.Failed, watch.ErrTooManyRedirects, watch.DefaultEvery / 2, watch.DefaultEvery},
		{"/slow.xml", watch.Failed, watch.ErrTimeout, watch.DefaultEvery / 2, watch.DefaultEvery},
	}
	var urls []string
	for _, tt := range tests {
		urls = append(urls, srv.URL+tt.path)
	}
	states, adder := newStates(), newAdder()
	opts := options(c)
	opts.Timeout = 300 * time.Millisecond
	w := watch.New(states, adder, opts)
	results, err := w.Once(t.Context(), sources(urls...))
	if err != nil {
		t.Fatalf("Once() error = %v", err)
	}
	if len(results) != len(tests) {
		t.Fatalf("Once() gave %d results, want %d", len(results), len(tests))
	}
	for i, tt := range tests {
		t.Run(strings.TrimPrefix(tt.path, "/"), func(t *testing.T) {
			r := results[i]
			if r.URL != urls[i] || r.Outcome != tt.outcome {
				t.Fatalf("result = %s %v (%v), want %s %v", r.URL, r.Outcome, r.Err, urls[i], tt.outcome)
			}
			if !errors.Is(r.Err, tt.err) {
				t.Errorf("error = %v, want %v", r.Err, tt.err)
			}
			f := states.get(t, urls[i])
			// One host: each request waits for the one before and then the host delay.
			if want := start.Add(time.Duration(i) * watch.DefaultHostDelay); !f.LastPoll.Equal(want) {
				t.Errorf("last poll = %v, want %v", f.LastPoll, want)
			}
			if wait := f.NextPoll.Sub(f.LastPoll); wait < tt.least || wait > tt.most || !r.Next.Equal(f.NextPoll) {
				t.Errorf("next poll in %v (result says %v), want between %v and %v", wait, r.Next.Sub(f.LastPoll), tt.least, tt.most)
			}
			if tt.err == nil {
				if f.Failures != 0 || f.LastError != "" || !f.LastOK.Equal(f.LastPoll) || watch.Health(f) != "ok" {
					t.Errorf("state = %d failures, %q, last ok %v (%s), want a success", f.Failures, f.LastError, f.LastOK, watch.Health(f))
				}
				return
			}
			if f.Failures != 1 || f.LastError != r.Err.Error() || !f.LastOK.IsZero() || watch.Health(f) != "backing off" {
				t.Errorf("state = %d failures, %q, last ok %v (%s), want one failure with its error", f.Failures, f.LastError, f.LastOK, watch.Health(f))
			}
		})
	}
	if r := results[0]; r.Items != 3 || r.Added != 3 || adder.count() != 3 {
		t.Errorf("good feed: %d items, %d added, %d stored; want 3, 3, 3", r.Items, r.Added, adder.count())
	}
	if f := states.get(t, urls[0]); f.Items != 3 || f.Title != "Tessel Gazette" {
		t.Errorf("good feed state: %d items, title %q; want 3, %q", f.Items, f.Title, "Tessel Gazette")
	}
}

// TestOnceItems checks what becomes of a feed's items: documents named after the feed, links
// made absolute, the feed's title as outlet, added oldest first.
func TestOnceItems(t *testing.T) {
	c := &fakeClock{now: start}
	srv := newFeedServer(t, c, map[string]http.HandlerFunc{"/feed.xml": fixedFeed("Lorvik Courier", []item{story(4), story(5), story(6)})})
	adder := newAdder()
	results, err := watch.New(newStates(), adder, options(c)).Once(t.Context(), sources(srv.URL+"/feed.xml"))
	if err != nil || results[0].Outcome != watch.Fetched {
		t.Fatalf("Once() = %+v, %v", results, err)
	}
	if len(adder.docs) != 3 {
		t.Fatalf("%d documents added, want 3", len(adder.docs))
	}
	for i, d := range adder.docs {
		n := 4 + i
		// The feed lists the newest first: item #1 is story 6.
		if want := fmt.Sprintf("%s/feed.xml#%d", srv.URL, 3-i); d.Source != want {
			t.Errorf("document %d source = %q, want %q", i, d.Source, want)
		}
		if want := fmt.Sprintf("%s/news/ferry-%d", srv.URL, n); d.Meta.URL != want {
			t.Errorf("document %d URL = %q, want %q", i, d.Meta.URL, want)
		}
		if d.Meta.Outlet != "Lorvik Courier" || !d.Meta.Published.Equal(story(n).published) || d.Meta.Title != story(n).title {
			t.Errorf("document %d meta = %+v, want outlet, date and title of story %d", i, d.Meta, n)
		}
	}
}

// TestConditionalGet checks that the validators of a fetch go back with the next request, that
// a 304 adds nothing, and that a changed feed adds only its new item.
func TestConditionalGet(t *testing.T) {
	c := &fakeClock{now: start.Add(2 * time.Hour)}
	srv := newFeedServer(t, c, map[string]http.HandlerFunc{"/feed.xml": growingFeed(c)})
	url := srv.URL + "/feed.xml"
	states, adder := newStates(), newAdder()
	steps := []struct {
		name    string
		advance time.Duration
		outcome watch.Outcome
		added   int
	}{
		{"first fetch", 0, watch.Fetched, 3},
		{"unchanged", 15 * time.Minute, watch.NotModified, 0},
		{"not due yet", 5 * time.Minute, watch.NotDue, 0},
		{"one new item", 45 * time.Minute, watch.Fetched, 1},
		{"unchanged again", 15 * time.Minute, watch.NotModified, 0},
	}
	for i, st := range steps {
		c.advance(st.advance)
		// A new watcher each time: what it knows comes from the states alone.
		results, err := watch.New(states, adder, options(c)).Once(t.Context(), sources(url))
		if err != nil {
			t.Fatalf("%s: Once() error = %v", st.name, err)
		}
		if r := results[0]; r.Outcome != st.outcome || r.Added != st.added || r.Err != nil {
			t.Errorf("%s: outcome %v, %d added (%v); want %v, %d added", st.name, r.Outcome, r.Added, r.Err, st.outcome, st.added)
		}
		reqs := srv.requestsTo("/feed.xml")
		if st.outcome == watch.NotDue {
			continue
		}
		last := reqs[len(reqs)-1]
		if i == 0 && (last.ifNoneMatch != "" || last.ifMS != "") {
			t.Errorf("%s: first request sent validators %q, %q", st.name, last.ifNoneMatch, last.ifMS)
		}
		if i > 0 && (last.ifNoneMatch == "" || last.ifMS == "") {
			t.Errorf("%s: request without validators (If-None-Match %q, If-Modified-Since %q)", st.name, last.ifNoneMatch, last.ifMS)
		}
	}
	if n := len(srv.requestsTo("/feed.xml")); n != 4 {
		t.Errorf("%d requests, want 4 (none when not due)", n)
	}
	if f := states.get(t, url); f.Items != 4 || f.ETag == "" || f.LastModified == "" {
		t.Errorf("state: %d items, ETag %q, Last-Modified %q; want 4 and both validators", f.Items, f.ETag, f.LastModified)
	}
}

// TestRunOverTime runs the watcher for a simulated day against a feed that gains an item every
// hour: every item is stored once, polls come every interval, and most of them are 304s.
func TestRunOverTime(t *testing.T) {
	c := &fakeClock{now: start}
	srv := newFeedServer(t, c, map[string]http.HandlerFunc{"/feed.xml": growingFeed(c)})
	states, adder := newStates(), newAdder()
	if err := runFor(t, watch.New(states, adder, options(c)), c, 24*time.Hour, srv.URL+"/feed.xml"); err != nil {
		t.Fatalf("Run() error = %v", err)
	}
	reqs := srv.requestsTo("/feed.xml")
	if len(reqs) != 24*4+1 {
		t.Errorf("%d polls in a day, want one every 15 minutes (97)", len(reqs))
	}
	notModified := 0
	for i, r := range reqs {
		if i > 0 && r.at.Sub(reqs[i-1].at) != watch.DefaultEvery {
			t.Errorf("poll %d came %v after the one before, want %v", i, r.at.Sub(reqs[i-1].at), watch.DefaultEvery)
		}
		if r.status == http.StatusNotModified {
			notModified++
		}
	}
	if want := len(reqs) - 25; notModified != want {
		t.Errorf("%d answers were 304, want %d (all but the first and one an hour)", notModified, want)
	}
	if got, want := adder.links(), storyLinks(srv.URL, 0, 24); !slices.Equal(got, want) {
		t.Errorf("stored %q, want one of each story published: %q", got, want)
	}
	// Each fetch (one an hour) offers the whole feed, up to ten items, and the adder skips
	// what it has.
	offers := 0
	for hour := range 25 {
		offers += min(hour+1, 10)
	}
	if n := adder.offers(); n != offers {
		t.Errorf("%d items offered, want %d", n, offers)
	}
	if f := states.get(t, srv.URL+"/feed.xml"); f.Items != 25 || f.Failures != 0 {
		t.Errorf("state: %d items, %d failures; want 25, 0", f.Items, f.Failures)
	}
}

// TestRunBackoff runs a feed that fails for hours and then recovers: the waits double (with
// jitter) up to the cap, and the first success resets them.
func TestRunBackoff(t *testing.T) {
	c := &fakeClock{now: start}
	recovery := start.Add(20 * time.Hour)
	srv := newFeedServer(t, c, map[string]http.HandlerFunc{"/feed.xml": func(w http.ResponseWriter, r *http.Request) {
		if c.Now().Before(recovery) {
			http.Error(w, "database down", http.StatusInternalServerError)
			return
		}
		growingFeed(c)(w, r)
	}})
	opts := options(c)
	opts.MaxBackoff = 4 * time.Hour
	states := newStates()
	if err := runFor(t, watch.New(states, newAdder(), opts), c, 30*time.Hour, srv.URL+"/feed.xml"); err != nil {
		t.Fatalf("Run() error = %v", err)
	}
	reqs := srv.requestsTo("/feed.xml")
	failures := 0
	for i, r := range reqs[:len(reqs)-1] {
		gap := reqs[i+1].at.Sub(r.at)
		if r.status == http.StatusOK || r.status == http.StatusNotModified {
			if gap != watch.DefaultEvery {
				t.Errorf("after a success at %v the next poll came %v later, want %v", r.at.Sub(start), gap, watch.DefaultEvery)
			}
			failures = 0
			continue
		}
		failures++
		most := min(watch.DefaultEvery<<(failures-1), opts.MaxBackoff)
		if gap < most/2 || gap > most {
			t.Errorf("after failure %d the next poll came %v later, want between %v and %v", failures, gap, most/2, most)
		}
	}
	if failures != 0 || reqs[len(reqs)-1].status == http.StatusInternalServerError {
		t.Errorf("the feed never recovered: %d failures at the end", failures)
	}
	if f := states.get(t, srv.URL+"/feed.xml"); f.Failures != 0 || f.LastError != "" || f.LastOK.Before(recovery) {
		t.Errorf("state after recovery: %d failures, %q, last ok %v", f.Failures, f.LastError, f.LastOK)
	}
}

// TestRunPoliteness polls five feeds on one host and two on another for two hours of fake time
// (testing/synctest's bubble), with servers that take a second to answer: a host never has two
// requests at once, requests to it start at least HostDelay after the one before ended, and
// the quiet host is not held up by the busy one.
func TestRunPoliteness(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		hosts := &inProcess{handlers: map[string]http.Handler{
			"busy.example":  growingFeedAt(time.Now()),
			"quiet.example": growingFeedAt(time.Now()),
		}, hold: time.Second}
		var urls []string
		for i := range 5 {
			urls = append(urls, fmt.Sprintf("https://busy.example/feed-%d.xml", i))
		}
		urls = append(urls, "https://quiet.example/a.xml", "https://quiet.example/b.xml")
		opts := watch.Options{HostDelay: 30 * time.Second, Client: &http.Client{Transport: hosts}}
		adder := newAdder()
		ctx, cancel := context.WithTimeout(t.Context(), 2*time.Hour-time.Minute)
		defer cancel()
		if err := watch.New(newStates(), adder, opts).Run(ctx, sources(urls...)); err != nil {
			t.Fatalf("Run() error = %v", err)
		}
		for host, feeds := range map[string]int{"busy.example": 5, "quiet.example": 2} {
			reqs := hosts.requests[host]
			// Every feed is polled every 15 minutes: 8 times in two hours.
			if want := feeds * 8; len(reqs) != want {
				t.Errorf("%s: %d requests in two hours, want %d", host, len(reqs), want)
			}
			if hosts.maxInFlight[host] != 1 {
				t.Errorf("%s: %d requests in flight at once, want 1", host, hosts.maxInFlight[host])
			}
			for i := 1; i < len(reqs); i++ {
				if gap := reqs[i].start.Sub(reqs[i-1].end); gap < opts.HostDelay {
					t.Errorf("%s: request %d (%s) started %v after the one before ended, want at least %v", host, i, reqs[i].path, gap, opts.HostDelay)
				}
			}
			// The first round reaches every feed of the host one after the other.
			if want := time.Duration(feeds-1) * (hosts.hold + opts.HostDelay); reqs[feeds-1].start.Sub(reqs[0].start) != want {
				t.Errorf("%s: first round took %v, want %v", host, reqs[feeds-1].start.Sub(reqs[0].start), want)
			}
		}
		// The feeds of a host link to the same pages, which are stored once: the two stories
		// published in two hours, on each host.
		if n := adder.count(); n != 2*2 {
			t.Errorf("%d items stored, want 4", n)
		}
	})
}

// TestRestart kills a watcher in the middle of a feed and starts a new one on the same state:
// everything stored before the kill stays counted, the rest is added, nothing twice.
func TestRestart(t *testing.T) {
	c := &fakeClock{now: start.Add(9 * time.Hour)}
	srv := newFeedServer(t, c, map[string]http.HandlerFunc{
		"/feed.xml":  growingFeed(c),
		"/other.xml": fixedFeed("Lorvik Courier", []item{{title: "Choir wins", link: "/choir", body: "The Lorvik choir won the contest.", published: start}}),
	})
	url := srv.URL + "/feed.xml"
	states, adder := newStates(), newAdder()

	ctx, kill := context.WithCancel(t.Context())
	adder.after = func(n int) {
		if n == 4 {
			kill()
		}
	}
	results, err := watch.New(states, adder, options(c)).Once(ctx, sources(url, srv.URL+"/other.xml"))
	if err != nil {
		t.Fatalf("first Once() error = %v", err)
	}
	if r := results[0]; r.Outcome != watch.Stopped || !errors.Is(r.Err, context.Canceled) || r.Added != 3 {
		// The fourth item is stored by the adder but the kill comes before the watcher
		// counts it: the store has it, the count does not.
		t.Errorf("killed poll: %v, %d added, error %v; want stopped, 3 and context.Canceled", r.Outcome, r.Added, r.Err)
	}
	if r := results[1]; r.Outcome != watch.Stopped || !errors.Is(r.Err, context.Canceled) || len(srv.requestsTo("/other.xml")) != 0 {
		t.Errorf("feed after the kill: %v, %v, %d requests; want stopped before any request", r.Outcome, r.Err, len(srv.requestsTo("/other.xml")))
	}
	f := states.get(t, url)
	if f.Items != 3 || f.ETag != "" || !f.LastOK.IsZero() {
		t.Errorf("state after the kill: %d items, ETag %q, last ok %v; want 3 items and no validators yet", f.Items, f.ETag, f.LastOK)
	}

	adder.after = nil
	results, err = watch.New(states, adder, options(c)).Once(t.Context(), sources(url))
	if err != nil {
		t.Fatalf("second Once() error = %v", err)
	}
	if r := results[0]; r.Outcome != watch.Fetched || r.Items != 10 || r.Added != 6 {
		t.Errorf("restarted poll: %v, %d items, %d added; want fetched, 10, 6", r.Outcome, r.Items, r.Added)
	}
	if got, want := adder.links(), storyLinks(srv.URL, 0, 9); !slices.Equal(got, want) {
		t.Errorf("stored %q, want %q", got, want)
	}
	if f := states.get(t, url); f.Items != 9 || f.ETag == "" {
		t.Errorf("state after restart: %d items, ETag %q; want 9 (the one stored at the kill is not counted) and an ETag", f.Items, f.ETag)
	}

	// A third watcher started at once finds the feed not due and leaves the server alone.
	before := len(srv.all())
	results, err = watch.New(states, adder, options(c)).Once(t.Context(), sources(url))
	if err != nil || results[0].Outcome != watch.NotDue || len(srv.all()) != before {
		t.Errorf("third Once() = %v, %v with %d new requests; want not due and none", results[0].Outcome, err, len(srv.all())-before)
	}
}

// TestItemFailures checks that an item the adder refuses leaves the validators unchanged, so the
// next poll fetches it again, and that a feed none of whose items can be added backs off.
func TestItemFailures(t *testing.T) {
	c := &fakeClock{now: start.Add(3 * time.Hour)}
	srv := newFeedServer(t, c, map[string]http.HandlerFunc{"/feed.xml": growingFeed(c)})
	url := srv.URL + "/feed.xml"
	states, adder := newStates(), newAdder()

	adder.fail = "day 2 "
	results, _ := watch.New(states, adder, options(c)).Once(t.Context(), sources(url))
	if r := results[0]; r.Outcome != watch.Fetched || r.Added != 3 || r.Failed != 1 || !errors.Is(r.Err, errAdd) {
		t.Errorf("one bad item: %v, %d added, %d failed, %v; want fetched, 3, 1, errAdd", r.Outcome, r.Added, r.Failed, r.Err)
	}
	f := states.get(t, url)
	if f.ETag != "" || f.Failures != 0 || !strings.Contains(f.LastError, "1 of 4 items not added") {
		t.Errorf("state: ETag %q, %d failures, %q; want no ETag, no failure, the item's error", f.ETag, f.Failures, f.LastError)
	}

	adder.fail = "the inquiry"
	c.advance(watch.DefaultEvery)
	results, _ = watch.New(states, adder, options(c)).Once(t.Context(), sources(url))
	if r := results[0]; r.Outcome != watch.Failed || r.Failed != 4 || !errors.Is(r.Err, errAdd) {
		t.Errorf("no item added: %v, %d failed, %v; want failed, 4, errAdd", r.Outcome, r.Failed, r.Err)
	}
	if f := states.get(t, url); f.Failures != 1 || f.ETag != "" {
		t.Errorf("state: %d failures, ETag %q; want 1 and none", f.Failures, f.ETag)
	}
	if reqs := srv.requestsTo("/feed.xml"); reqs[1].ifNoneMatch != "" {
		t.Errorf("second request sent If-None-Match %q after an item failed", reqs[1].ifNoneMatch)
	}
}

// TestStateWriteFails checks that a store that cannot save the state fails the poll.
func TestStateWriteFails(t *testing.T) {
	c := &fakeClock{now: start}
	srv := newFeedServer(t, c, map[string]http.HandlerFunc{"/feed.xml": growingFeed(c)})
	states := newStates()
	states.err = errors.New("database is locked")
	results, err := watch.New(states, newAdder(), options(c)).Once(t.Context(), sources(srv.URL+"/feed.xml"))
	if err != nil {
		t.Fatalf("Once() error = %v", err)
	}
	if r := results[0]; r.Outcome != watch.Failed || !strings.Contains(fmt.Sprint(r.Err), "save feed state: database is locked") {
		t.Errorf("result = %v, %v; want failed with the store's error", r.Outcome, r.Err)
	}
}

// TestPrivateAddress checks that the default client refuses the loopback address unless told.
func TestPrivateAddress(t *testing.T) {
	c := &fakeClock{now: start}
	srv := newFeedServer(t, c, map[string]http.HandlerFunc{"/feed.xml": growingFeed(c)})
	opts := options(c)
	opts.AllowPrivate = false
	results, err := watch.New(newStates(), newAdder(), opts).Once(t.Context(), sources(srv.URL+"/feed.xml"))
	if err != nil {
		t.Fatalf("Once() error = %v", err)
	}
	if r := results[0]; r.Outcome != watch.Failed || !errors.Is(r.Err, watch.ErrPrivateAddress) {
		t.Errorf("result = %v, %v; want failed with ErrPrivateAddress", r.Outcome, r.Err)
	}
	if n := len(srv.all()); n != 0 {
		t.Errorf("server got %d requests, want none", n)
	}
}

func TestOptionsValidate(t *testing.T) {
	tests := []struct {
		name    string
		opts    watch.Options
		wantErr string
	}{
		{"zero", watch.Options{}, ""},
		{"set", watch.Options{Every: time.Hour, HostDelay: time.Second, MaxBackoff: 6 * time.Hour, Hosts: 8}, ""},
		{"too often", watch.Options{Every: 10 * time.Second}, "under a minute"},
		{"negative", watch.Options{Every: -time.Minute, HostDelay: -1, MaxBytes: -1}, "negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.opts.Validate()
			if (tt.wantErr == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Validate() = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestOutcomeString(t *testing.T) {
	got := []string{watch.NotDue.String(), watch.Fetched.String(), watch.NotModified.String(), watch.Failed.String(), watch.Stopped.String()}
	if want := []string{"not due", "fetched", "not modified", "failed", "stopped"}; !slices.Equal(got, want) {
		t.Errorf("outcomes = %q, want %q", got, want)
	}
}
