package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"os"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/pipeline"
)

// analyzeCommand writes one record per article.
type analyzeCommand struct {
	*Main
}

func (c *analyzeCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("analyze", "[flags] PATH|URL|- ...")
	format := fs.String("format", "json", "output `format`: json (one object per line) or text")
	example := fs.Bool("example", false, "analyze the built-in example corpus")
	in := c.ingestFlags(fs)
	workers := fs.Int("workers", 0, "documents extracted at once (0: one per CPU)")
	analyzer := taxonomyFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "json" && *format != "text" {
		return usageError{fmt.Sprintf("unknown format %q (want json or text)", *format)}
	}
	if fs.NArg() == 0 && !*example {
		fs.Usage()
		return usageError{"no input given (a path, a URL, - for stdin, or --example)"}
	}
	z, _, err := analyzer()
	if err != nil {
		return err
	}
	cfg := pipeline.Config{Workers: *workers, Analyzer: z}
	if err := cfg.Validate(); err != nil {
		return usageError{err.Error()}
	}
	docs, err := c.documents(ctx, in, *example, fs.Args())
	if err != nil {
		return err
	}

	out := bufio.NewWriterSize(c.Stdout, 64<<10)
	emit := c.jsonWriter(out)
	if *format == "text" {
		emit = func(r *analyze.Record) error { return r.WriteText(out) }
	}
	p := pipeline.New(cfg)
	stop := c.showProgress(p)
	err = p.Run(ctx, docs, emit, func(err error) { fmt.Fprintf(c.Stderr, "error: %v\n", err) })
	stop()
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	s := p.Stats()
	fmt.Fprintln(c.Stderr, summary(s))
	if s.Failed > 0 {
		return errInputsFailed
	}
	return nil
}

// ingestFlags declares the flags that control reading and returns the options they fill.
func (m *Main) ingestFlags(fs interface {
	BoolVar(*bool, string, bool, string)
	Int64Var(*int64, string, int64, string)
	DurationVar(*time.Duration, string, time.Duration, string)
}) *ingest.Options {
	o := &ingest.Options{}
	fs.BoolVar(&o.Follow, "follow", false, "for feeds, fetch each item's page instead of using the item's content")
	fs.BoolVar(&o.AllowPrivate, "allow-private", false, "allow URLs that resolve to loopback, private or link-local addresses")
	fs.Int64Var(&o.MaxBytes, "max-bytes", 32<<20, "largest document accepted, in bytes after decompression")
	fs.DurationVar(&o.Timeout, "timeout", 30*time.Second, "time limit for each HTTP request")
	return o
}

// documents returns the documents named on the command line, or the built-in example corpus.
func (m *Main) documents(ctx context.Context, o *ingest.Options, example bool, args []string) (iter.Seq2[*dossier.Document, error], error) {
	o.Logger = m.logger()
	if err := o.Validate(); err != nil {
		return nil, usageError{err.Error()}
	}
	r := ingest.New(*o)
	r.Stdin = m.Stdin
	if !example {
		return r.Read(ctx, args), nil
	}
	docs := r.ReadFS(ctx, examples.Corpus(), ".")
	if len(args) == 0 {
		return docs, nil
	}
	return func(yield func(*dossier.Document, error) bool) {
		for d, err := range docs {
			if !yield(d, err) {
				return
			}
		}
		for d, err := range r.Read(ctx, args) {
			if !yield(d, err) {
				return
			}
		}
	}, nil
}

func (m *Main) jsonWriter(w *bufio.Writer) func(*analyze.Record) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // article text is data, not markup: keep <, > and & readable
	return func(r *analyze.Record) error { return enc.Encode(r) }
}

// showProgress prints a progress line on stderr every half second while a run goes on, but only
// when stderr is a terminal; the returned function stops it and clears the line.
func (m *Main) showProgress(p *pipeline.Pipeline) (stop func()) {
	f, ok := m.Stderr.(*os.File)
	if !ok {
		return func() {}
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				fmt.Fprint(f, "\r\033[K")
				return
			case <-t.C:
				s := p.Stats()
				fmt.Fprintf(f, "\r\033[K%d articles, %.1f articles/s, %.1f MB/s, %d errors",
					s.Articles, rate(float64(s.Articles), s.Elapsed), rate(float64(s.Bytes)/1e6, s.Elapsed), s.Failed)
			}
		}
	}()
	return func() { close(done); <-finished }
}

func summary(s pipeline.Stats) string {
	return fmt.Sprintf("dossier: %d articles from %d documents in %s (%.1f articles/s, %.2f MB/s); %d failed; %d duplicates, %d near-duplicates",
		s.Articles, s.Documents, roundDuration(s.Elapsed), rate(float64(s.Articles), s.Elapsed),
		rate(float64(s.Bytes)/1e6, s.Elapsed), s.Failed, s.Duplicates, s.NearDuplicates)
}

// roundDuration keeps three significant figures or so, so that short runs do not show as "0s".
func roundDuration(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	default:
		return d.Round(time.Microsecond)
	}
}

func rate(n float64, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return n / d.Seconds()
}
