package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/store"
	"github.com/dossier-news/dossier/store/sqlite"
	"github.com/dossier-news/dossier/watch"
)

// watchCommand polls feeds and stores their new items.
type watchCommand struct {
	*Main
}

func (c *watchCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("watch", "[flags] FEEDS-FILE   (OPML, or one feed URL a line)")
	dbPath := fs.String("db", "", "database `file` (default $DOSSIER_DB, else the user's data directory)")
	every := fs.Duration("every", watch.DefaultEvery, "how long a feed rests after a poll that worked")
	once := fs.Bool("once", false, "poll each feed that is due once, then exit (for cron); feeds backing off are left alone")
	status := fs.Bool("status", false, "print each feed's state (ok or backing off, last error, next poll) and exit; without FEEDS-FILE, every feed in the database")
	hostDelay := fs.Duration("host-delay", watch.DefaultHostDelay, "least time between two requests to one host")
	maxBackoff := fs.Duration("max-backoff", watch.DefaultMaxBackoff, "longest wait after failures in a row")
	timeout := fs.Duration("timeout", watch.DefaultTimeout, "time limit for each request")
	allowPrivate := fs.Bool("allow-private", false, "allow feeds on loopback, private or link-local addresses")
	webhook := fs.String("webhook", "", "`URL` to POST a JSON event to when a followed --actor gains a quote or position")
	var actors []string
	fs.Func("actor", "follow this actor for --webhook: an entity ID (person:ilse-varga) or a name; repeat for several", func(s string) error {
		if s = strings.TrimSpace(s); s == "" {
			return errors.New("empty actor")
		}
		actors = append(actors, s)
		return nil
	})
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if (*webhook == "") != (len(actors) == 0) {
		return usageError{"--webhook and --actor go together: where to post, and whom to follow"}
	}
	if *webhook != "" {
		if u, err := url.Parse(*webhook); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return usageError{fmt.Sprintf("--webhook %q is not an http or https URL", *webhook)}
		}
	}
	if fs.NArg() > 1 {
		return usageError{fmt.Sprintf("one feeds file, got %d arguments", fs.NArg())}
	}
	if fs.NArg() == 0 && !*status {
		fs.Usage()
		return usageError{"no feeds file given (OPML, or one feed URL a line)"}
	}
	opts := watch.Options{Every: *every, HostDelay: *hostDelay, MaxBackoff: *maxBackoff, Timeout: *timeout, AllowPrivate: *allowPrivate}
	if err := opts.Validate(); err != nil {
		return usageError{err.Error()}
	}
	var feeds []watch.Source
	if fs.NArg() == 1 {
		var err error
		if feeds, err = readFeedsFile(fs.Arg(0)); err != nil {
			return err
		}
	}

	if *status {
		db, err := c.openStore(ctx, *dbPath)
		if err != nil {
			return err
		}
		defer db.Close()
		return c.status(ctx, db, feeds)
	}
	path, err := databasePath(*dbPath)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(c.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	db, err := sqlite.Open(ctx, path, sqlite.Options{Logger: log})
	if err != nil {
		return err
	}
	defer db.Close()
	adder, err := store.NewAdder(ctx, db, store.AdderOptions{Workers: 1, Logger: log})
	if err != nil {
		return err
	}
	defer func() {
		// A stop ends ctx; the clusterer's snapshot is still worth saving.
		if err := adder.Close(context.WithoutCancel(ctx)); err != nil {
			log.Warn("save the clusterer snapshot", "error", err)
		}
	}()
	opts.Logger = log
	fa := &feedAdder{a: adder, db: db, log: log}
	if *webhook != "" {
		fa.hook = &watch.Webhook{URL: *webhook, Actors: actors}
	}
	w := watch.New(db, fa, opts)
	if !*once {
		fmt.Fprintf(c.Stderr, "dossier: watching %s into %s, each every %v (interrupt to stop)\n", plural(len(feeds), "feed"), path, opts.Every)
		return w.Run(ctx, feeds)
	}
	results, err := w.Once(ctx, feeds)
	if err != nil {
		return err
	}
	return c.report(results)
}

func readFeedsFile(name string) ([]watch.Source, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("read feeds: %w", err)
	}
	defer f.Close()
	feeds, err := watch.ParseFeeds(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return feeds, nil
}

// report prints a line per feed of a --once run and a summary, and fails when a feed did.
func (c *watchCommand) report(results []watch.Result) error {
	out := bufio.NewWriter(c.Stdout)
	var polled, added, failed, stopped int
	for _, r := range results {
		switch r.Outcome {
		case watch.Fetched:
			polled++
			fmt.Fprintf(out, "fetched\t%s\t%d items, %d added", r.URL, r.Items, r.Added)
			if r.Failed > 0 {
				fmt.Fprintf(out, ", %d not added: %v", r.Failed, r.Err)
			}
		case watch.NotModified:
			polled++
			fmt.Fprintf(out, "unchanged\t%s", r.URL)
		case watch.NotDue:
			fmt.Fprintf(out, "not due\t%s\tnext poll %s", r.URL, when(r.Next))
		case watch.Failed:
			polled++
			failed++
			fmt.Fprintf(out, "failed\t%s\t%v; next poll %s", r.URL, r.Err, when(r.Next))
		case watch.Stopped:
			stopped++
			fmt.Fprintf(out, "stopped\t%s\t%d added before the stop", r.URL, r.Added)
		}
		out.WriteByte('\n')
		added += r.Added
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write results: %w", err)
	}
	fmt.Fprintf(c.Stderr, "dossier: %d of %s polled, %d items added, %d failed", polled, plural(len(results), "feed"), added, failed)
	if stopped > 0 {
		fmt.Fprintf(c.Stderr, ", %d stopped", stopped)
	}
	fmt.Fprintln(c.Stderr)
	if failed > 0 || stopped > 0 {
		return errInputsFailed
	}
	return nil
}

// status prints the state of the given feeds, or of every feed in the store.
func (c *watchCommand) status(ctx context.Context, db store.Store, sources []watch.Source) error {
	var feeds []store.Feed
	if sources == nil {
		var err error
		if feeds, err = db.Feeds(ctx); err != nil {
			return err
		}
	}
	for _, s := range sources {
		f, err := db.Feed(ctx, s.URL)
		switch {
		case err == nil:
		case errors.Is(err, store.ErrNotFound):
			f = store.Feed{URL: s.URL, Title: s.Title}
		default:
			return err
		}
		feeds = append(feeds, f)
	}
	out := bufio.NewWriter(c.Stdout)
	for _, f := range feeds {
		fmt.Fprintln(out, printable(strings.TrimSpace(f.URL+"  "+f.Title)))
		health := watch.Health(f)
		parts := []string{health}
		switch health {
		case "new":
			parts = []string{"never polled"}
		case "backing off":
			parts[0] = fmt.Sprintf("backing off (%s in a row)", plural(f.Failures, "failure"))
		}
		if f.LastError != "" {
			parts = append(parts, "last error: "+printable(f.LastError))
		}
		if !f.LastPoll.IsZero() {
			parts = append(parts, "last poll "+when(f.LastPoll), "last success "+when(f.LastOK), "next poll "+when(f.NextPoll))
		}
		parts = append(parts, plural(f.Items, "item")+" added")
		fmt.Fprintf(out, "  %s\n", strings.Join(parts, " · "))
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write status: %w", err)
	}
	if len(feeds) == 0 {
		fmt.Fprintln(c.Stderr, "dossier: no feed watched yet (dossier watch FEEDS-FILE)")
	}
	return nil
}

func when(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Local().Format("2006-01-02 15:04:05 MST")
}

// feedAdder adds feed items through the store's add flow, one at a time: the watcher calls it
// from a goroutine per host, and store.Adder is not safe for concurrent use. With a webhook, it
// posts the events of each article it stores.
type feedAdder struct {
	mu   sync.Mutex
	a    *store.Adder
	db   store.Store
	hook *watch.Webhook
	log  *slog.Logger
}

func (f *feedAdder) Add(ctx context.Context, d *dossier.Document) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var res store.Result
	one := func(yield func(*dossier.Document, error) bool) { yield(d, nil) }
	if err := f.a.AddDocuments(ctx, one, func(r store.Result) { res = r }); err != nil {
		return false, err
	}
	if res.Err != nil {
		return false, res.Err
	}
	added := res.Status == store.New || res.Status == store.Version
	if added && f.hook != nil {
		// The article is stored whatever becomes of the notification: a failed one is logged,
		// not retried by storing again.
		rec, err := f.db.Article(ctx, res.ID)
		if err == nil {
			err = f.hook.Notify(ctx, rec)
		}
		if err != nil {
			f.log.Warn("notify webhook", "article", res.ID, "error", err)
		}
	}
	return added, nil
}
