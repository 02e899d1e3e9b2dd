package main

import (
	"bufio"
	"cmp"
	"context"
	"flag"
	"fmt"
	"slices"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/brief"
	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/pipeline"
	"github.com/dossier-news/dossier/position"
	"github.com/dossier-news/dossier/story"
)

// briefCommand writes the briefing of each story in its input.
type briefCommand struct {
	*Main
}

func (c *briefCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("brief", "[flags] PATH|URL|- ...")
	format := fs.String("format", "md", "output `format`: md, html (one self-contained page) or json")
	example := fs.Bool("example", false, "brief the built-in example corpus")
	sentences := fs.Int("sentences", 8, "most `sentences` in each executive summary")
	in := c.ingestFlags(fs)
	analyzer := taxonomyFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	f := brief.Format(*format)
	if f != brief.Markdown && f != brief.HTML && f != brief.JSON {
		return usageError{fmt.Sprintf("unknown format %q (want md, html or json)", *format)}
	}
	if fs.NArg() == 0 && !*example {
		fs.Usage()
		return usageError{"no input given (a path, a URL, - for stdin, or --example)"}
	}
	z, labels, err := analyzer()
	if err != nil {
		return err
	}
	recs, failed, err := c.records(ctx, in, z, *example, fs.Args())
	if err != nil {
		return err
	}
	groups, err := stories(recs)
	if err != nil {
		return err
	}
	var bs []*brief.Briefing
	texts := make(map[string]string, len(recs))
	for _, g := range groups {
		bs = append(bs, brief.Build(g.id, g.recs, brief.Options{Sentences: *sentences, IssueLabel: labels}))
	}
	for _, r := range recs {
		texts[r.ID] = r.Text
	}
	out := bufio.NewWriterSize(c.Stdout, 64<<10)
	if err := brief.Write(out, f, bs, texts); err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if failed > 0 {
		return errInputsFailed
	}
	return nil
}

// records analyses the inputs and returns their records in input order, with the number of
// inputs that failed (each reported on stderr).
func (m *Main) records(ctx context.Context, in *ingest.Options, z *analyze.Analyzer, example bool, args []string) ([]*analyze.Record, int, error) {
	docs, err := m.documents(ctx, in, example, args)
	if err != nil {
		return nil, 0, err
	}
	var recs []*analyze.Record
	p := pipeline.New(pipeline.Config{Analyzer: z})
	err = p.Run(ctx, docs, func(r *analyze.Record) error {
		recs = append(recs, r)
		return nil
	}, func(err error) { fmt.Fprintf(m.Stderr, "error: %v\n", err) })
	if err != nil {
		return nil, 0, err
	}
	return recs, int(p.Stats().Failed), nil
}

// storyRecords is one story's id and records.
type storyRecords struct {
	id   string
	recs []*analyze.Record
}

// stories groups records into stories as they would grow from a feed, in input order. A story's
// records come in publication order when every one has a date, else in input order.
func stories(recs []*analyze.Record) ([]storyRecords, error) {
	cl, err := story.NewClusterer(story.Options{})
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*analyze.Record, len(recs))
	order := make(map[string]int, len(recs))
	for i, r := range recs {
		if _, err := cl.Add(storyArticle(r)); err != nil {
			return nil, fmt.Errorf("cluster %s: %w", r.Source, err)
		}
		byID[r.ID], order[r.ID] = r, i
	}
	var out []storyRecords
	for _, st := range cl.Stories() {
		g := storyRecords{id: st.ID}
		dated := true
		for _, m := range slices.Concat(st.Articles, st.Duplicates) {
			g.recs = append(g.recs, byID[m.ID])
			dated = dated && byID[m.ID].Published != ""
		}
		slices.SortStableFunc(g.recs, func(a, b *analyze.Record) int {
			if dated {
				if c := cmp.Compare(a.Published, b.Published); c != 0 {
					return c
				}
			}
			return cmp.Compare(order[a.ID], order[b.ID])
		})
		out = append(out, g)
	}
	return out, nil
}

// taxonomyFlag declares --taxonomy and returns what reads it: the analyzer the file asks for (nil
// for the defaults) and the issue labels to show.
func taxonomyFlag(fs *flag.FlagSet) func() (*analyze.Analyzer, func(string) string, error) {
	path := fs.String("taxonomy", "", "JSON or YAML `file` of issues that extends the default taxonomy (\"mode\": \"replace\" replaces it)")
	return func() (*analyze.Analyzer, func(string) string, error) {
		var z *analyze.Analyzer
		tax, err := position.DefaultTaxonomy()
		if *path != "" {
			if tax, err = position.LoadTaxonomy(*path); err == nil {
				var x *position.Extractor
				if x, err = position.New(tax); err == nil {
					z = &analyze.Analyzer{Positions: x}
				}
			}
		}
		if err != nil {
			return nil, nil, err
		}
		labels := make(map[string]string)
		for _, is := range tax.Issues() {
			labels[is.Key] = is.Label
		}
		return z, func(key string) string { return cmp.Or(labels[key], key) }, nil
	}
}
