package watch

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/store"
)

// Adder adds one document the way `dossier add` does: it extracts and analyses it and stores
// it, unless the store already holds the same text at the same place. It reports whether it
// stored anything. The watcher calls it from one goroutine per host, so it must be safe for
// concurrent use.
type Adder interface {
	Add(ctx context.Context, doc *dossier.Document) (added bool, err error)
}

// States keeps the watcher's state of each feed; store.Store satisfies it. Feed fails with
// store.ErrNotFound for a feed never polled.
type States interface {
	Feed(ctx context.Context, url string) (store.Feed, error)
	PutFeed(ctx context.Context, f store.Feed) error
}

// Clock tells the time and waits. Tests pass a fake one so that hours of polling, backoff and
// politeness run without waiting.
type Clock interface {
	Now() time.Time
	// Sleep returns after d, or with ctx's error as soon as ctx ends.
	Sleep(ctx context.Context, d time.Duration) error
}

// Defaults that New puts in place of zero Options fields.
const (
	DefaultEvery      = 15 * time.Minute
	DefaultHostDelay  = 2 * time.Second
	DefaultMaxBackoff = 24 * time.Hour
	DefaultHosts      = 4
	DefaultTimeout    = 30 * time.Second
	DefaultMaxBytes   = 16 << 20
)

// Options configure a Watcher. The zero value is usable: New fills in the defaults.
type Options struct {
	// Every is how long a feed rests after a poll that worked.
	Every time.Duration
	// HostDelay is the least time between the end of one request to a host and the start of
	// the next; a host never has more than one request from the watcher in flight.
	HostDelay time.Duration
	// MaxBackoff caps the wait after failures, which doubles with each failure in a row.
	MaxBackoff time.Duration
	// Hosts is how many hosts are polled at once.
	Hosts int
	// Timeout bounds each request, body included (ignored when Client is set).
	Timeout time.Duration
	// MaxBytes caps a feed's size.
	MaxBytes int64
	// UserAgent is sent with every request (ingest.DefaultUserAgent when empty).
	UserAgent string
	// AllowPrivate lets feeds be fetched from loopback, private and link-local addresses
	// (ignored when Client is set).
	AllowPrivate bool
	// Client fetches feeds; nil means a client built from Timeout and AllowPrivate.
	Client *http.Client
	// Clock is the time source; nil means the system's.
	Clock Clock
	// Logger receives a line per poll (info), items that could not be added (warn) and feeds
	// that failed (warn); nil discards them.
	Logger *slog.Logger
}

// Validate reports options that New would otherwise replace by defaults without a word.
func (o Options) Validate() error {
	var errs []error
	if o.Every < 0 {
		errs = append(errs, fmt.Errorf("poll interval %v is negative", o.Every))
	}
	if o.Every > 0 && o.Every < time.Minute {
		errs = append(errs, fmt.Errorf("poll interval %v is under a minute: too often for someone else's server", o.Every))
	}
	if o.HostDelay < 0 {
		errs = append(errs, fmt.Errorf("host delay %v is negative", o.HostDelay))
	}
	if o.MaxBackoff < 0 {
		errs = append(errs, fmt.Errorf("longest backoff %v is negative", o.MaxBackoff))
	}
	if o.Hosts < 0 {
		errs = append(errs, fmt.Errorf("hosts at once %d is negative", o.Hosts))
	}
	if o.Timeout < 0 {
		errs = append(errs, fmt.Errorf("timeout %v is negative", o.Timeout))
	}
	if o.MaxBytes < 0 {
		errs = append(errs, fmt.Errorf("largest feed %d bytes is negative", o.MaxBytes))
	}
	return errors.Join(errs...)
}

func (o Options) withDefaults() Options {
	o.Every = cmp.Or(o.Every, DefaultEvery)
	o.HostDelay = cmp.Or(o.HostDelay, DefaultHostDelay)
	o.MaxBackoff = max(cmp.Or(o.MaxBackoff, DefaultMaxBackoff), o.Every)
	o.Hosts = cmp.Or(o.Hosts, DefaultHosts)
	o.Timeout = cmp.Or(o.Timeout, DefaultTimeout)
	o.MaxBytes = cmp.Or(o.MaxBytes, DefaultMaxBytes)
	o.UserAgent = cmp.Or(o.UserAgent, ingest.DefaultUserAgent)
	if o.Clock == nil {
		o.Clock = systemClock{}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// Log attribute keys.
const (
	logFeed    = "feed"
	logError   = "error"
	logItem    = "item"
	logItems   = "items"
	logAdded   = "added"
	logOutcome = "outcome"
	logNext    = "next_poll"
)

// Watcher polls feeds and adds their new items. It keeps no state of its own between calls:
// everything it knows about a feed is in States, so a new Watcher resumes where an old one
// stopped.
type Watcher struct {
	states States
	adder  Adder
	opts   Options
	clock  Clock
	log    *slog.Logger
	client *http.Client
	reader *ingest.Reader
}

// New returns a Watcher that keeps feed state in states and adds items through adder. It does
// not validate opts: call Options.Validate first where they come from a person.
func New(states States, adder Adder, opts Options) *Watcher {
	opts = opts.withDefaults()
	client := opts.Client
	if client == nil {
		// ingest's client: one guard decides what the network may reach.
		client = ingest.NewClient(ingest.Options{Timeout: opts.Timeout, AllowPrivate: opts.AllowPrivate})
	}
	return &Watcher{
		states: states,
		adder:  adder,
		opts:   opts,
		clock:  opts.Clock,
		log:    opts.Logger,
		client: client,
		// The reader only parses bodies the watcher fetched; it never goes to the network.
		reader: ingest.New(ingest.Options{MaxBytes: opts.MaxBytes, Logger: opts.Logger}),
	}
}

// Outcome says what a poll did.
type Outcome int

// What a poll did.
const (
	// NotDue means the feed was not polled: it was polled recently or is backing off.
	NotDue Outcome = iota
	// Fetched means the feed was read and its items added.
	Fetched
	// NotModified means the server said nothing changed (304).
	NotModified
	// Failed means the feed could not be fetched or read; it backs off.
	Failed
	// Stopped means the run ended before the feed's poll or during it; what was added before
	// is stored and counted, and the feed is polled again, whole, by the next run.
	Stopped
)

func (o Outcome) String() string {
	switch o {
	case NotDue:
		return "not due"
	case Fetched:
		return "fetched"
	case NotModified:
		return "not modified"
	case Failed:
		return "failed"
	case Stopped:
		return "stopped"
	}
	return "unknown"
}

// Result is what one poll of a feed did.
type Result struct {
	URL     string
	Outcome Outcome
	Items   int // items read from the feed
	Added   int // items stored (new articles or new versions)
	Failed  int // items read but not added: Err is the first reason
	// Err is why the poll failed, or the first item that could not be added.
	Err error
	// Next is when the feed is due again.
	Next time.Time
}

// Run polls the feeds, each when it is due, until ctx ends, and then returns nil: stopping is
// how a watcher ends. It fails only when the feeds' state cannot be loaded; a feed that fails
// backs off, and the others go on.
func (w *Watcher) Run(ctx context.Context, feeds []Source) error {
	_, err := w.watch(ctx, feeds, false)
	return err
}

// Once polls every feed that is due (new feeds always are) once, politely, and returns a
// result per feed in the order given; feeds that are not due are NotDue. When ctx ends, the
// polls under way and those not yet made are Stopped.
func (w *Watcher) Once(ctx context.Context, feeds []Source) ([]Result, error) {
	return w.watch(ctx, feeds, true)
}

// watch runs one goroutine per host, so that a host never has two requests from the watcher
// at once and a slow or failing host holds up only its own feeds.
func (w *Watcher) watch(ctx context.Context, sources []Source, once bool) ([]Result, error) {
	feeds := make([]store.Feed, len(sources))
	results := make([]Result, len(sources))
	var hosts []string
	byHost := make(map[string][]int)
	for i, s := range sources {
		f, err := w.states.Feed(ctx, s.URL)
		switch {
		case errors.Is(err, store.ErrNotFound):
			f = store.Feed{URL: s.URL, Title: s.Title}
		case err != nil:
			return nil, fmt.Errorf("load state of feed %s: %w", s.URL, err)
		}
		feeds[i] = f
		results[i] = Result{URL: s.URL, Outcome: NotDue, Next: f.NextPoll}
		h := host(s.URL)
		if byHost[h] == nil {
			hosts = append(hosts, h)
		}
		byHost[h] = append(byHost[h], i)
	}
	slots := make(chan struct{}, w.opts.Hosts)
	var wg sync.WaitGroup
	for _, h := range hosts {
		// Each goroutine touches only its own host's entries of feeds and results.
		wg.Go(func() { w.watchHost(ctx, feeds, results, byHost[h], once, slots) })
	}
	wg.Wait()
	return results, nil
}

// watchHost polls one host's feeds, the one due first first, never closer together than
// HostDelay. With once, it polls each feed due when it starts, once, and returns.
func (w *Watcher) watchHost(ctx context.Context, feeds []store.Feed, results []Result, idx []int, once bool, slots chan struct{}) {
	if once {
		now := w.clock.Now()
		var due []int
		for _, i := range idx {
			if !feeds[i].NextPoll.After(now) {
				due = append(due, i)
			}
		}
		idx = due
		defer func() {
			for _, i := range idx { // the feeds left when ctx ended
				results[i].Outcome, results[i].Err = Stopped, ctx.Err()
			}
		}()
	}
	var last time.Time // when this host last answered
	for len(idx) > 0 {
		k := 0
		for j, i := range idx {
			if feeds[i].NextPoll.Before(feeds[idx[k]].NextPoll) {
				k = j
			}
		}
		i := idx[k]
		at := feeds[i].NextPoll
		if !last.IsZero() {
			at = later(at, last.Add(w.opts.HostDelay))
		}
		if d := at.Sub(w.clock.Now()); d > 0 {
			if w.clock.Sleep(ctx, d) != nil {
				return
			}
		}
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return
		}
		results[i] = w.poll(ctx, &feeds[i])
		<-slots
		last = w.clock.Now()
		if once {
			idx = append(idx[:k], idx[k+1:]...)
		}
		if ctx.Err() != nil {
			return
		}
	}
}

// poll fetches one feed and adds its items. The feed's state is written after every item
// stored, and its validators (ETag, Last-Modified) only once every item is in: a watcher
// stopped half-way through a feed fetches it whole again and the store skips what it has.
func (w *Watcher) poll(ctx context.Context, f *store.Feed) Result {
	now := w.clock.Now()
	f.LastPoll = now
	r := Result{URL: f.URL, Outcome: Fetched}
	log := w.log.With(slog.String(logFeed, f.URL))
	resp, err := w.fetch(ctx, f)
	var docs []*dossier.Document
	if err == nil && !resp.notModified {
		docs, err = w.parse(ctx, f, resp)
	}
	if err != nil {
		if ctx.Err() != nil {
			r.Outcome, r.Err = Stopped, ctx.Err()
			return r
		}
		return w.fail(ctx, f, r, now, err)
	}
	if resp.notModified {
		r.Outcome = NotModified
		return w.succeed(ctx, f, r, now, "")
	}
	r.Items = len(docs)
	for _, d := range docs {
		added, err := w.adder.Add(ctx, d)
		if ctx.Err() != nil {
			r.Outcome, r.Err = Stopped, ctx.Err()
			return r
		}
		if err != nil {
			r.Failed++
			r.Err = cmp.Or(r.Err, err)
			log.Warn("add item", slog.String(logItem, d.Source), slog.Any(logError, err))
			continue
		}
		if !added {
			continue
		}
		r.Added++
		f.Items++
		if err := w.states.PutFeed(ctx, *f); err != nil {
			return w.fail(ctx, f, r, now, fmt.Errorf("save feed state: %w", err))
		}
	}
	if r.Failed > 0 && r.Failed == r.Items {
		// Nothing could be added: the store is likely unwritable. Back off, and keep the old
		// validators so that the items are fetched again.
		return w.fail(ctx, f, r, now, fmt.Errorf("add %d items: %w", r.Failed, r.Err))
	}
	lastErr := ""
	if r.Failed == 0 {
		f.ETag, f.LastModified = resp.etag, resp.lastModified
	} else {
		lastErr = fmt.Sprintf("%d of %d items not added: %v", r.Failed, r.Items, r.Err)
	}
	return w.succeed(ctx, f, r, now, lastErr)
}

// succeed records a poll that worked and schedules the next one. lastErr tells of items that
// could not be added, so that --status shows them until a poll adds everything.
func (w *Watcher) succeed(ctx context.Context, f *store.Feed, r Result, now time.Time, lastErr string) Result {
	f.LastOK = now
	f.Failures = 0
	f.LastError = lastErr
	f.NextPoll = now.Add(w.opts.Every)
	r.Next = f.NextPoll
	if err := w.states.PutFeed(ctx, *f); err != nil {
		return w.fail(ctx, f, r, now, fmt.Errorf("save feed state: %w", err))
	}
	w.log.Info("polled feed", slog.String(logFeed, f.URL), slog.String(logOutcome, r.Outcome.String()),
		slog.Int(logItems, r.Items), slog.Int(logAdded, r.Added), slog.Time(logNext, r.Next))
	return r
}

// fail records a failed poll and backs the feed off.
func (w *Watcher) fail(ctx context.Context, f *store.Feed, r Result, now time.Time, err error) Result {
	f.Failures++
	f.LastError = err.Error()
	wait := backoff(w.opts.Every, w.opts.MaxBackoff, f.Failures, rand.Float64())
	if se, ok := errors.AsType[*statusError](err); ok && se.retryAfter > wait {
		wait = min(se.retryAfter, w.opts.MaxBackoff)
	}
	f.NextPoll = now.Add(wait)
	r.Outcome, r.Err, r.Next = Failed, err, f.NextPoll
	w.log.Warn("poll feed", slog.String(logFeed, f.URL), slog.Any(logError, err), slog.Int("failures", f.Failures), slog.Time(logNext, r.Next))
	if perr := w.states.PutFeed(ctx, *f); perr != nil {
		r.Err = errors.Join(err, fmt.Errorf("save feed state: %w", perr))
	}
	return r
}

// backoff is how long a feed waits after failures in a row: Every doubled for each failure
// after the first, at most most, and then jittered down by up to half (r in [0, 1)) so that
// feeds that failed together do not come back together.
func backoff(every, most time.Duration, failures int, r float64) time.Duration {
	d := every
	for n := 1; n < failures && d < most; n++ {
		d *= 2
	}
	d = min(d, most)
	return d - time.Duration(r*float64(d/2))
}

// host is what politeness counts requests by: the URL's host and port, lowercased.
func host(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	return strings.ToLower(u.Host)
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// Health says in a word how a feed is doing: "new" (never polled), "ok", or "backing off".
func Health(f store.Feed) string {
	switch {
	case f.LastPoll.IsZero():
		return "new"
	case f.Failures > 0:
		return "backing off"
	}
	return "ok"
}

type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

func (systemClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
