package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/pipeline"
	"github.com/dossier-news/dossier/store"
	"github.com/dossier-news/dossier/story"
)

// storiesCommand groups articles into stories.
type storiesCommand struct {
	*Main
}

func (c *storiesCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("stories", "[flags] [PATH|URL|- ...]   (no input: the stories in the database)")
	format := fs.String("format", "text", "output `format`: text (the stories: largest first from inputs, most recently active first from the database) or jsonl (one line per article: source, url, story, story_title)")
	example := fs.Bool("example", false, "read the built-in example corpus")
	dbPath := fs.String("db", "", "database `file` to list stories from when no input is given (default $DOSSIER_DB, else the user's data directory)")
	in := c.ingestFlags(fs)
	workers := fs.Int("workers", 0, "documents extracted at once (0: one per CPU)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "jsonl" {
		return usageError{fmt.Sprintf("unknown format %q (want text or jsonl)", *format)}
	}
	if fs.NArg() == 0 && !*example {
		return c.fromStore(ctx, *dbPath, *format)
	}
	if *dbPath != "" {
		return usageError{"--db lists the stories in the database: give it without inputs"}
	}
	cfg := pipeline.Config{Workers: *workers}
	if err := cfg.Validate(); err != nil {
		return usageError{err.Error()}
	}
	docs, err := c.documents(ctx, in, *example, fs.Args())
	if err != nil {
		return err
	}
	cl, err := story.NewClusterer(story.Options{})
	if err != nil {
		return err
	}

	// Records arrive in input order, so the stories grow as they would from a feed; what is
	// kept of each is only what the output needs.
	var arts []storyLine
	add := func(r *analyze.Record) error {
		as, err := cl.Add(storyArticle(r))
		if err != nil {
			return fmt.Errorf("cluster %s: %w", r.Source, err)
		}
		arts = append(arts, storyLine{Source: r.Source, URL: r.URL, Story: as.Story})
		return nil
	}
	p := pipeline.New(cfg)
	stop := c.showProgress(p)
	err = p.Run(ctx, docs, add, func(err error) { fmt.Fprintf(c.Stderr, "error: %v\n", err) })
	stop()
	if err != nil {
		return err
	}

	out := bufio.NewWriterSize(c.Stdout, 64<<10)
	stories := cl.Stories()
	if *format == "jsonl" {
		err = writeStoryLines(out, arts, stories)
	} else {
		writeStories(out, stories)
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return fmt.Errorf("write stories: %w", err)
	}
	s := p.Stats()
	fmt.Fprintf(c.Stderr, "dossier: %d articles in %s; %d failed\n", s.Articles, plural(len(stories), "story"), s.Failed)
	if s.Failed > 0 {
		return errInputsFailed
	}
	return nil
}

// storyArticle is what the clusterer reads of an analysis record.
func storyArticle(r *analyze.Record) story.Article {
	a := story.Article{ID: r.ID, Source: r.Source, URL: r.URL, Outlet: r.Outlet, Title: r.Title, Text: r.Text}
	// analyze writes RFC 3339 or nothing; an undated article is clustered on its content alone.
	a.Published, _ = time.Parse(time.RFC3339, r.Published)
	for _, e := range r.Entities {
		a.Actors = append(a.Actors, story.Actor{ID: e.ID, Name: e.Name, Type: e.Type, Mentions: len(e.Mentions)})
	}
	return a
}

// storyLine is one article as `dossier stories --format jsonl` writes it.
type storyLine struct {
	Source     string `json:"source"`
	URL        string `json:"url"`
	Story      string `json:"story"`
	StoryTitle string `json:"story_title"`
}

// writeStoryLines writes one line per article in input order, each with its story's final title.
func writeStoryLines(w *bufio.Writer, arts []storyLine, stories []story.Story) error {
	titles := make(map[string]string, len(stories))
	for _, s := range stories {
		titles[s.ID] = s.Title
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, a := range arts {
		a.StoryTitle = titles[a.Story]
		if err := enc.Encode(a); err != nil {
			return err
		}
	}
	return nil
}

// writeStories writes each story, the largest first: its title, its dates, its size and
// outlets, then the sources of its articles and copies. A write error stays in w for Flush.
func writeStories(w *bufio.Writer, stories []story.Story) {
	stories = slices.Clone(stories)
	slices.SortStableFunc(stories, func(a, b story.Story) int { return cmp.Compare(len(b.Articles), len(a.Articles)) })
	for i, s := range stories {
		if i > 0 {
			w.WriteByte('\n')
		}
		fmt.Fprintf(w, "%s\n  %s · %s", cmp.Or(s.Title, "(untitled)"), dateSpan(s.First, s.Last), plural(len(s.Articles), "article"))
		if len(s.Duplicates) > 0 {
			fmt.Fprintf(w, " (+%s)", plural(len(s.Duplicates), "copy"))
		}
		if len(s.Outlets) > 0 {
			fmt.Fprintf(w, " · %s", strings.Join(s.Outlets, ", "))
		}
		w.WriteByte('\n')
		for _, m := range s.Articles {
			fmt.Fprintf(w, "  - %s\n", m.Source)
		}
		source := make(map[string]string, len(s.Articles)+len(s.Duplicates))
		for _, m := range slices.Concat(s.Articles, s.Duplicates) {
			source[m.ID] = m.Source
		}
		for _, m := range s.Duplicates {
			fmt.Fprintf(w, "  = %s (copy of %s)\n", m.Source, source[m.DuplicateOf])
		}
	}
}

func dateSpan(first, last time.Time) string {
	switch {
	case first.IsZero():
		return "undated"
	case first.Format(time.DateOnly) == last.Format(time.DateOnly):
		return first.Format(time.DateOnly)
	}
	return first.Format(time.DateOnly) + " to " + last.Format(time.DateOnly)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, noun[:len(noun)-1])
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// fromStore lists the stories of a database: each with its headline, dates, size, outlets and
// articles, or, as jsonl, one line per stored article (copies included, superseded versions
// left out).
func (c *storiesCommand) fromStore(ctx context.Context, dbPath, format string) error {
	db, err := c.openStore(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	stories, err := allPages(func(p store.Page) ([]store.Story, error) {
		return db.Stories(ctx, store.StoryQuery{Page: p})
	})
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(c.Stdout, 64<<10)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	articles := 0
	for i, s := range stories {
		arts, err := allPages(func(p store.Page) ([]store.Article, error) {
			return db.Articles(ctx, store.ArticleQuery{Page: p, Story: s.ID})
		})
		if err != nil {
			return err
		}
		slices.Reverse(arts) // the store lists the newest first; a story reads oldest first
		articles += len(arts)
		if format == "jsonl" {
			for _, a := range arts {
				if err := enc.Encode(storyLine{Source: a.Source, URL: a.URL, Story: s.ID, StoryTitle: s.Title}); err != nil {
					return fmt.Errorf("write stories: %w", err)
				}
			}
			continue
		}
		if i > 0 {
			out.WriteByte('\n')
		}
		writeStoredStory(out, s, arts)
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write stories: %w", err)
	}
	fmt.Fprintf(c.Stderr, "dossier: %d articles in %s in %s\n", articles, plural(len(stories), "story"), db.Path())
	return nil
}

// writeStoredStory writes a stored story as writeStories writes one read from files: title,
// dates, size and outlets, then its articles (by link when they have one) and copies. A write
// error stays in w for Flush.
func writeStoredStory(w *bufio.Writer, s store.Story, arts []store.Article) {
	fmt.Fprintf(w, "%s\n  %s · %s", printable(cmp.Or(s.Title, "(untitled)")), dateSpan(s.First, s.Last), plural(s.Articles, "article"))
	if s.Copies > 0 {
		fmt.Fprintf(w, " (+%s)", plural(s.Copies, "copy"))
	}
	if len(s.Outlets) > 0 {
		fmt.Fprintf(w, " · %s", printable(strings.Join(s.Outlets, ", ")))
	}
	w.WriteByte('\n')
	name := make(map[string]string, len(arts))
	for _, a := range arts {
		name[a.ID] = printable(cmp.Or(a.URL, a.Source))
	}
	for _, a := range arts {
		if a.DuplicateOf == "" {
			fmt.Fprintf(w, "  - %s\n", name[a.ID])
		}
	}
	for _, a := range arts {
		if a.DuplicateOf != "" {
			fmt.Fprintf(w, "  = %s (copy of %s)\n", name[a.ID], cmp.Or(name[a.DuplicateOf], a.DuplicateOf))
		}
	}
}

// allPages gathers a listing page by page until a page comes back empty, so that a backend
// that caps pages lower than asked still yields everything.
func allPages[T any](list func(store.Page) ([]T, error)) ([]T, error) {
	var all []T
	for {
		items, err := list(store.Page{Limit: 1000, Offset: len(all)})
		if err != nil || len(items) == 0 {
			return all, err
		}
		all = append(all, items...)
	}
}
