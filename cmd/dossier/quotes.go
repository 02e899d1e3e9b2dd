package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/eval"
	"github.com/dossier-news/dossier/pipeline"
)

// quotesCommand prints the quotes of articles grouped by speaker.
type quotesCommand struct {
	*Main
}

// speakerQuotes is one speaker's quotes in one article, as `dossier quotes --format json` writes.
type speakerQuotes struct {
	Source  string          `json:"source"`
	Title   string          `json:"title"`
	Speaker analyze.Speaker `json:"speaker"`
	Quotes  []analyze.Quote `json:"quotes"`
}

func (c *quotesCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("quotes", "[flags] PATH|URL|- ...")
	format := fs.String("format", "text", "output `format`: text, or json (one object per speaker and article)")
	in := c.ingestFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "json" && *format != "text" {
		return usageError{fmt.Sprintf("unknown format %q (want text or json)", *format)}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{"no input given (a path, a URL or - for stdin)"}
	}
	docs, err := c.documents(ctx, in, false, fs.Args())
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(c.Stdout, 64<<10)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	emit := func(r *analyze.Record) error {
		groups := analyze.QuotesBySpeaker(r.Quotes)
		if *format == "json" {
			for _, g := range groups {
				if err := enc.Encode(speakerQuotes{Source: r.Source, Title: r.Title, Speaker: g.Speaker, Quotes: g.Quotes}); err != nil {
					return err
				}
			}
			return nil
		}
		return analyze.WriteQuotesText(out, r, groups)
	}
	p := pipeline.New(pipeline.Config{})
	err = p.Run(ctx, docs, emit, func(err error) { fmt.Fprintf(c.Stderr, "error: %v\n", err) })
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if p.Stats().Failed > 0 {
		return errInputsFailed
	}
	return nil
}

// evalQuotes scores quotes with speakers against a gold file.
func (c *evalCommand) quotes(ctx context.Context, args []string) error {
	fs := c.newFlagSet("eval quotes", "--gold FILE [flags] PATH ...")
	goldFile := fs.String("gold", "", "gold `file` of quotes, one JSON object per line (as ../shared/seeds/gold/quotes.jsonl)")
	list := fs.Bool("misses", true, "list the gold quotes missed and the predictions that matched nothing")
	in := c.ingestFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *goldFile == "" || fs.NArg() == 0 {
		fs.Usage()
		return usageError{"eval quotes needs --gold FILE and the annotated articles"}
	}
	gold, err := eval.ReadGoldQuotes(*goldFile)
	if err != nil {
		return err
	}
	docs, err := c.documents(ctx, in, false, fs.Args())
	if err != nil {
		return err
	}
	var pred []eval.PredictedQuote
	seen := make(map[string]bool)
	emit := func(r *analyze.Record) error {
		doc := filepath.Base(r.Source)
		seen[doc] = true
		for _, q := range r.Quotes {
			p := eval.PredictedQuote{Doc: doc, Kind: q.Kind, Text: q.Text}
			if q.Speaker.Name != "" {
				p.Speakers = append(p.Speakers, q.Speaker.Name)
			}
			for _, s := range q.Joint {
				p.Speakers = append(p.Speakers, s.Name)
			}
			pred = append(pred, p)
		}
		return nil
	}
	p := pipeline.New(pipeline.Config{})
	if err := p.Run(ctx, docs, emit, func(err error) { fmt.Fprintf(c.Stderr, "error: %v\n", err) }); err != nil {
		return err
	}
	// Only the articles given are scored: gold for others is left out.
	var kept []eval.GoldQuote
	for _, g := range gold {
		if seen[g.Doc] {
			kept = append(kept, g)
		}
	}
	fmt.Fprintf(c.Stdout, "articles %d  gold quotes %d\n", len(seen), len(kept))
	return eval.WriteQuoteReport(c.Stdout, eval.ScoreQuotes(kept, pred), *list)
}
