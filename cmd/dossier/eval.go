package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"text/tabwriter"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/eval"
	"github.com/dossier-news/dossier/extract"
	"github.com/dossier-news/dossier/ner"
)

// evalCommand scores a stage of the flow against annotated data.
type evalCommand struct {
	*Main
}

func (c *evalCommand) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError{"eval needs what to score: extraction, ner, quotes, timex or brief"}
	}
	switch args[0] {
	case "extraction":
		return c.extraction(ctx, args[1:])
	case "ner":
		return c.ner(args[1:])
	case "quotes":
		return c.quotes(ctx, args[1:])
	case "timex":
		return c.timex(ctx, args[1:])
	case "brief":
		return c.brief(ctx, args[1:])
	default:
		return usageError{fmt.Sprintf("unknown evaluation %q (want extraction, ner, quotes, timex or brief)", args[0])}
	}
}

// extraction scores main-text extraction on a benchmark directory laid out as
// DIR/ground-truth.json and DIR/html/KEY.html.gz, with the benchmark's published metric.
func (c *evalCommand) extraction(ctx context.Context, args []string) error {
	fs := c.newFlagSet("eval extraction", "[flags] DIR")
	predFile := fs.String("pred", "", "score this JSON `file` of {\"KEY\": \"text\"} (another extractor's output) instead of dossier's")
	worst := fs.Int("worst", 0, "list the `n` pages with the lowest F1")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageError{"eval extraction takes one benchmark directory"}
	}
	pages, err := eval.LoadExtractionBench(fs.Arg(0))
	if err != nil {
		return err
	}
	pred := make(map[string]string, len(pages))
	if *predFile != "" {
		raw, err := os.ReadFile(*predFile)
		if err != nil {
			return fmt.Errorf("read predictions: %w", err)
		}
		if err := json.Unmarshal(raw, &pred); err != nil {
			return fmt.Errorf("decode predictions %s: %w", *predFile, err)
		}
	} else {
		for _, p := range pages {
			if err := ctx.Err(); err != nil {
				return err
			}
			doc := &dossier.Document{Source: p.Key, Format: dossier.FormatHTML, Body: p.HTML, Meta: dossier.Meta{URL: p.URL}}
			if a, err := extract.Article(doc); err == nil {
				pred[p.Key] = a.Text
			} // a page we cannot extract scores as an empty prediction, as the metric defines
		}
	}
	scores := eval.ScoreExtractionPages(eval.ExtractionTruth(pages), pred)
	s := eval.SummarizeExtraction(scores)
	fmt.Fprintf(c.Stdout, "pages %d  F1 %.4f  precision %.4f  recall %.4f  accuracy %.4f\n", s.Pages, s.F1, s.Precision, s.Recall, s.Accuracy)
	if *worst > 0 {
		slices.SortFunc(scores, func(a, b eval.PageScore) int { return cmp.Compare(a.F1(), b.F1()) })
		tw := tabwriter.NewWriter(c.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "key\tF1\tprecision\trecall")
		for _, p := range scores[:min(*worst, len(scores))] {
			fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\n", p.Key, p.F1(), p.Precision, p.Recall)
		}
		return tw.Flush()
	}
	return nil
}

// ner scores the name tagger on a CoNLL file: entity-level precision, recall and F1 per type.
func (c *evalCommand) ner(args []string) error {
	fs := c.newFlagSet("eval ner", "--gold FILE")
	gold := fs.String("gold", "", "CoNLL `file` with gold tags in its last column")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" || fs.NArg() != 0 {
		fs.Usage()
		return usageError{"eval ner takes --gold FILE and no arguments"}
	}
	docs, err := readCoNLL(*gold)
	if err != nil {
		return err
	}
	m, err := ner.Default()
	if err != nil {
		return err
	}
	s := m.Score(docs)
	return s.Write(c.Stdout)
}
