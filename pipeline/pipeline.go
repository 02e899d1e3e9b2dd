package pipeline

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/extract"
	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/story"
)

// Config tunes a Pipeline. The zero value is ready to use.
type Config struct {
	// Workers is the number of documents extracted at once; 0 means GOMAXPROCS.
	Workers int
	Dedup   story.DedupOptions
	// Analyzer analyses each article; nil means the default analysers.
	Analyzer *analyze.Analyzer
}

// Validate reports a configuration that cannot run.
func (c Config) Validate() error {
	if c.Workers < 0 {
		return fmt.Errorf("pipeline: workers must not be negative, got %d", c.Workers)
	}
	return nil
}

// Stats counts what a run has done so far.
type Stats struct {
	Documents      int64 // documents read, failed or not
	Articles       int64 // records written
	Failed         int64 // sources or items that could not be read or extracted
	Bytes          int64 // bytes of document bodies read
	Duplicates     int64
	NearDuplicates int64
	Elapsed        time.Duration
}

// Pipeline extracts and deduplicates documents. Duplicates are found across every Run of one
// Pipeline, so several inputs processed one after the other share one memory of what was seen.
type Pipeline struct {
	cfg   Config
	dedup *story.Dedup

	documents, articles, failed, bytes, dups, nears atomic.Int64
	start                                           time.Time
}

// New returns a Pipeline for cfg, which must be valid.
func New(cfg Config) *Pipeline {
	if cfg.Workers == 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	return &Pipeline{cfg: cfg, dedup: story.NewDedup(cfg.Dedup), start: time.Now()}
}

// Stats returns a snapshot of the counters; it is safe to call while Run is going.
func (p *Pipeline) Stats() Stats {
	return Stats{
		Documents:      p.documents.Load(),
		Articles:       p.articles.Load(),
		Failed:         p.failed.Load(),
		Bytes:          p.bytes.Load(),
		Duplicates:     p.dups.Load(),
		NearDuplicates: p.nears.Load(),
		Elapsed:        time.Since(p.start),
	}
}

// item is one document's outcome: its record, or the error that stood in its place.
type item struct {
	rec *analyze.Record
	err error
}

// Run processes docs and calls emit for each record and fail for each failed document, both in
// input order and from the calling goroutine. It stops early only when ctx is done or emit returns an
// error, and returns that error.
func (p *Pipeline) Run(ctx context.Context, docs iter.Seq2[*dossier.Document, error], emit func(*analyze.Record) error, fail func(error)) error {
	work := func(doc *dossier.Document, err error) item {
		if err != nil {
			return item{err: err}
		}
		rec, err := p.extract(doc)
		return item{rec, err}
	}
	return Ordered(ctx, p.cfg.Workers, docs, work, func(it item, _ bool) error { return p.finish(it, emit, fail) })
}

func (p *Pipeline) extract(doc *dossier.Document) (*analyze.Record, error) {
	p.bytes.Add(int64(len(doc.Body)))
	a, err := extract.Article(doc)
	if err != nil {
		return nil, &ingest.Error{Source: doc.Source, Err: err}
	}
	if p.cfg.Analyzer != nil {
		return p.cfg.Analyzer.Analyze(a), nil
	}
	return analyze.New(a), nil
}

// finish runs the order-dependent steps, duplicate detection and output, for one item.
func (p *Pipeline) finish(it item, emit func(*analyze.Record) error, fail func(error)) error {
	p.documents.Add(1)
	if it.err != nil {
		p.failed.Add(1)
		fail(it.err)
		return nil
	}
	r := it.rec
	exact, near := p.dedup.Add(r.ID, r.Text)
	switch {
	case exact != "":
		r.DuplicateOf = exact
		p.dups.Add(1)
	case near.ID != "":
		r.NearDuplicateOf, r.Similarity = near.ID, near.Similarity
		p.nears.Add(1)
	}
	p.articles.Add(1)
	return emit(r)
}
