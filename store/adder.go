package store

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"runtime"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/extract"
	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/pipeline"
	"github.com/dossier-news/dossier/story"
)

// DefaultSnapshotEvery is the fewest articles an Adder stores between two snapshots of its
// clusterer; in a store of n articles it waits for n/20. Writing a snapshot costs about 20 µs
// per article in the store, replaying an article after a snapshot about 0.3 ms, so waiting for
// n/20 keeps both the cost of snapshots per article added (about 0.4 ms) and the replay when a
// process starts (at most n/20 articles) bounded.
const DefaultSnapshotEvery = 1000

// maxBatch bounds the articles AddDocuments stores in one transaction: enough that they share
// most of the pages they change, few enough that a failed batch loses little work.
const maxBatch = 64

// AdderOptions configures an Adder. The zero value selects every default.
type AdderOptions struct {
	// Cluster configures the clusterer of a store that has none yet; a store's saved clusterer
	// keeps the options it was made with.
	Cluster story.Options
	// SnapshotEvery is the fewest articles stored between snapshots (default
	// DefaultSnapshotEvery); a store of n articles waits for n/20.
	SnapshotEvery int
	// Workers is the number of documents AddDocuments extracts and analyses at once (default
	// GOMAXPROCS).
	Workers int
	Logger  *slog.Logger
}

// Adder stores analysed articles and files each into its story: it holds the store's
// clusterer, restored from the saved snapshot and the articles stored after it. Use one Adder
// per process; it is not safe for concurrent use. Several processes may each have one on the
// same store: each replays what the others stored before it files a new article.
type Adder struct {
	st   Store
	opts AdderOptions
	log  *slog.Logger
	cl   *story.Clusterer // nil after a failed write, until restored again
	seq  int64            // every article stored up to seq has been given to cl
	snap int64            // the seq of the saved snapshot
}

// Result is what happened to one article or document.
type Result struct {
	// Source names the document, as ingest gave it.
	Source string
	ID     string
	// Status is New, Version or Duplicate; zero when Err is set.
	Status Status
	// Story is the ID of the story the article joined.
	Story string
	// Previous is, for a new version, the version it follows.
	Previous string
	// Analysed says whether the article was analysed in this call: duplicates are not.
	Analysed bool
	Err      error
}

// NewAdder restores the store's clusterer (see the package doc) and returns an Adder for it.
func NewAdder(ctx context.Context, st Store, opts AdderOptions) (*Adder, error) {
	if opts.SnapshotEvery <= 0 {
		opts.SnapshotEvery = DefaultSnapshotEvery
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	a := &Adder{st: st, opts: opts, log: opts.Logger}
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	if err := a.restore(ctx); err != nil {
		return nil, err
	}
	return a, nil
}

// restore rebuilds the clusterer from the snapshot and the articles stored after it. A snapshot
// this program cannot read (written by another version of the clusterer) is set aside and every
// article replayed, which is slow but loses nothing.
func (a *Adder) restore(ctx context.Context) error {
	start := time.Now()
	cl, err := story.NewClusterer(a.opts.Cluster)
	if err != nil {
		return fmt.Errorf("restore stories: %w", err)
	}
	snap, err := a.st.Snapshot(ctx)
	if err != nil {
		return fmt.Errorf("restore stories: %w", err)
	}
	a.seq, a.snap = 0, 0
	if len(snap.Data) > 0 {
		if err := cl.UnmarshalBinary(snap.Data); err != nil {
			a.log.Warn("clusterer snapshot unreadable: replaying every article", "err", err)
		} else {
			a.seq, a.snap = snap.Seq, snap.Seq
		}
	}
	a.cl = cl
	replayed, err := a.catchUp(ctx)
	if err != nil {
		a.cl = nil
		return fmt.Errorf("restore stories: %w", err)
	}
	a.log.Debug("restored stories", "snapshot", a.snap, "replayed", replayed, "stories", cl.Len(), "took", time.Since(start))
	return nil
}

// catchUp gives the clusterer every article stored after a.seq: those another process stored,
// or, after a restore, those stored since the snapshot. Adding an article the clusterer already
// has changes nothing, so replaying one twice is harmless.
func (a *Adder) catchUp(ctx context.Context) (int, error) {
	n := 0
	for s, err := range a.st.Since(ctx, a.seq) {
		if err != nil {
			return n, err
		}
		if _, err := a.cl.Add(clusterArticle(s.Record)); err != nil {
			return n, fmt.Errorf("cluster %s: %w", s.Record.ID, err)
		}
		a.seq = s.Seq
		n++
	}
	return n, nil
}

// clusterArticle is what the clusterer reads of a record.
func clusterArticle(r *analyze.Record) story.Article {
	c := story.Article{ID: r.ID, Source: r.Source, URL: r.URL, Outlet: r.Outlet, Title: r.Title, Text: r.Text}
	// analyze writes RFC 3339 or nothing; an undated article is clustered on its content alone.
	c.Published, _ = time.Parse(time.RFC3339, r.Published)
	for _, e := range r.Entities {
		c.Actors = append(c.Actors, story.Actor{ID: e.ID, Name: e.Name, Type: e.Type, Mentions: len(e.Mentions)})
	}
	return c
}

// Add files an analysed article into its story and stores both. An article the store already
// has (same key and text) is reported as a Duplicate and changes nothing. The record's
// DuplicateOf or NearDuplicateOf is set when the article copies one stored before, and cleared
// otherwise: the store, not the batch the record came in, decides what is a copy.
func (a *Adder) Add(ctx context.Context, r *analyze.Record) (Result, error) {
	res, e, err := a.file(ctx, r, false)
	if err != nil || e == nil {
		return res, err
	}
	if err := a.store(ctx, []*Entry{e}, []*Result{&res}); err != nil {
		return res, fmt.Errorf("add %s: %w", r.Source, err)
	}
	return res, nil
}

// file looks an article up and files it into its story. It returns the entry to store, or
// none for an article the store has. When looked is set, the caller has caught up with the
// store and looked the article up just before: Put stays the judge of what is a duplicate.
func (a *Adder) file(ctx context.Context, r *analyze.Record, looked bool) (Result, *Entry, error) {
	res := Result{Source: r.Source, ID: r.ID}
	if !looked {
		if err := a.sync(ctx); err != nil {
			return res, nil, fmt.Errorf("add %s: %w", r.Source, err)
		}
		known, err := a.st.Lookup(ctx, Key(r), r.Hash)
		if err != nil {
			return res, nil, fmt.Errorf("add %s: %w", r.Source, err)
		}
		if known.ID != "" {
			res.ID, res.Status = known.ID, Duplicate
			res.Story, _ = a.cl.StoryOf(known.ID)
			return res, nil, nil
		}
	}

	as, err := a.cl.Add(clusterArticle(r))
	if err != nil {
		return res, nil, fmt.Errorf("add %s: %w", r.Source, err)
	}
	switch {
	case as.DuplicateOf == "":
		r.DuplicateOf, r.NearDuplicateOf, r.Similarity = "", "", 0
	case as.Score >= 1:
		r.DuplicateOf, r.NearDuplicateOf, r.Similarity = as.DuplicateOf, "", 0
	default:
		r.DuplicateOf, r.NearDuplicateOf, r.Similarity = "", as.DuplicateOf, as.Score
	}
	st, _ := a.cl.Story(as.Story)
	res.Story = as.Story
	return res, &Entry{Record: r, Story: summary(st)}, nil
}

// sync restores the clusterer if a failed write dropped it, and replays what other processes
// stored since.
func (a *Adder) sync(ctx context.Context) error {
	if a.cl == nil {
		return a.restore(ctx)
	}
	_, err := a.catchUp(ctx)
	return err
}

// store writes filed articles in one transaction and completes their results.
func (a *Adder) store(ctx context.Context, es []*Entry, results []*Result) error {
	puts, err := a.st.PutBatch(ctx, es)
	if err != nil {
		// The clusterer now holds articles the store does not: drop it, and restore from
		// the store before the next article so the two agree again.
		a.cl = nil
		return err
	}
	for i, p := range puts {
		r := results[i]
		r.ID, r.Status, r.Previous = p.ID, p.Status, p.Previous
		if p.Seq == a.seq+1 {
			a.seq = p.Seq
		} // otherwise another process stored articles in between, which catchUp replays next
	}
	if a.due() {
		if err := a.Snapshot(ctx); err != nil {
			a.log.Warn("could not save the clusterer snapshot", "err", err)
		}
	}
	return nil
}

// summary is a story as the store keeps it.
func summary(s story.Story) Story {
	return Story{
		ID:       s.ID,
		Title:    s.Title,
		First:    s.First,
		Last:     s.Last,
		Articles: len(s.Articles),
		Copies:   len(s.Duplicates),
		Outlets:  s.Outlets,
		Related:  s.Related,
		Updated:  time.Now(),
	}
}

// Snapshot saves the clusterer's state now, so that the next process replays nothing.
func (a *Adder) Snapshot(ctx context.Context) error {
	if a.cl == nil {
		return nil
	}
	data, err := a.cl.MarshalBinary()
	if err != nil {
		return fmt.Errorf("snapshot stories: %w", err)
	}
	if err := a.st.SaveSnapshot(ctx, Snapshot{Seq: a.seq, Data: data}); err != nil {
		return err
	}
	a.snap = a.seq
	return nil
}

// Close saves a snapshot when enough articles were stored since the last one; the Store stays
// open.
func (a *Adder) Close(ctx context.Context) error {
	if a.cl == nil || !a.due() {
		return nil
	}
	return a.Snapshot(ctx)
}

// due reports whether enough articles were stored since the last snapshot for another.
func (a *Adder) due() bool {
	return a.seq-a.snap >= max(int64(a.opts.SnapshotEvery), a.seq/20)
}

// AddDocuments extracts each document, looks it up, analyses only those the store does not
// have (on several goroutines), and adds them in input order. report is called once per
// document, in input order, from the calling goroutine; a document that fails is reported with
// Err and the rest go on. AddDocuments stops early only when ctx is done or the store cannot be
// written (locked, full), and returns that error.
func (a *Adder) AddDocuments(ctx context.Context, docs iter.Seq2[*dossier.Document, error], report func(Result)) error {
	// analysed is one document's outcome: the record to add when it was analysed.
	type analysed struct {
		res Result
		rec *analyze.Record
	}
	work := func(doc *dossier.Document, err error) analysed {
		switch {
		case err != nil:
			it := analysed{res: Result{Err: err}}
			if doc != nil {
				it.res.Source = doc.Source
			}
			return it
		case doc == nil:
			return analysed{}
		}
		res, rec := a.analyse(ctx, doc)
		return analysed{res, rec}
	}

	// Articles are stored in batches, one transaction each, while documents come faster than
	// they are stored; results are reported in input order once their batch is committed.
	var (
		held    []*Result // results since the last commit, in input order
		entries []*Entry
		waiting []*Result // the results of entries
	)
	flush := func() error {
		if len(entries) > 0 {
			if err := a.store(ctx, entries, waiting); err != nil {
				for _, r := range waiting {
					r.Err = err
				}
				if errors.Is(err, ErrLocked) || errors.Is(err, ErrFull) || ctx.Err() != nil {
					for _, r := range held {
						report(*r)
					}
					held, entries, waiting = held[:0], entries[:0], waiting[:0]
					return err
				}
			}
		}
		for _, r := range held {
			report(*r)
		}
		held, entries, waiting = held[:0], entries[:0], waiting[:0]
		return nil
	}
	add := func(it analysed, more bool) error {
		res := it.res
		switch {
		case it.rec != nil:
			var (
				e   *Entry
				err error
			)
			// A batch catches up with other processes once, when it starts; the workers
			// looked each article up.
			if len(entries) == 0 {
				err = a.sync(ctx)
			}
			if err == nil {
				res, e, err = a.file(ctx, it.rec, true)
			} else {
				res = Result{Source: it.rec.Source, ID: it.rec.ID}
			}
			res.Analysed, res.Err = true, err
			if err != nil && (errors.Is(err, ErrLocked) || ctx.Err() != nil) {
				held = append(held, &res)
				if ferr := flush(); ferr != nil {
					return ferr
				}
				return err
			}
			if e != nil {
				held = append(held, &res)
				entries, waiting = append(entries, e), append(waiting, &res)
				break
			}
			held = append(held, &res)
		case it.res.Status == Duplicate && a.cl != nil:
			res.Story, _ = a.cl.StoryOf(it.res.ID)
			held = append(held, &res)
		default:
			held = append(held, &res)
		}
		if len(entries) >= maxBatch || !more {
			return flush()
		}
		return nil
	}
	// What was filed before the run stopped is still stored and reported.
	err := pipeline.Ordered(ctx, a.opts.Workers, docs, work, add)
	if ferr := flush(); err == nil {
		err = ferr
	}
	return err
}

// analyse extracts a document and, unless the store has it already, analyses it.
func (a *Adder) analyse(ctx context.Context, doc *dossier.Document) (Result, *analyze.Record) {
	res := Result{Source: doc.Source}
	art, err := extract.Article(doc)
	if err != nil {
		res.Err = &ingest.Error{Source: doc.Source, Err: err}
		return res, nil
	}
	res.ID = art.ID
	key := art.URL
	if key == "" {
		key = art.Source
	}
	known, err := a.st.Lookup(ctx, key, art.Hash)
	if err != nil {
		res.Err = fmt.Errorf("add %s: %w", doc.Source, err)
		return res, nil
	}
	if known.ID != "" {
		res.ID, res.Status = known.ID, Duplicate
		return res, nil
	}
	return res, analyze.New(art)
}
