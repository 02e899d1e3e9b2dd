package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/dossier-news/dossier/eval"
	"github.com/dossier-news/dossier/timex"
)

// timex scores the temporal tagger with the TempEval-3 measure on a benchmark laid out as
// ../shared/bench/temporal/*: a gold JSON Lines file and DIR/docs/ID.txt.
func (c *evalCommand) timex(ctx context.Context, args []string) error {
	fs := c.newFlagSet("eval timex", "--gold FILE [flags] DIR")
	gold := fs.String("gold", "", "gold JSON Lines `file` ({\"id\",\"dct\",\"timex\":[...]} per document)")
	errs := fs.Int("errors", 0, "list the `n` most frequent errors, grouped by kind and expression")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" || fs.NArg() != 1 {
		fs.Usage()
		return usageError{"eval timex takes --gold FILE and one directory"}
	}
	docs, err := eval.LoadTimexBench(*gold, fs.Arg(0))
	if err != nil {
		return err
	}
	t, err := timex.Default()
	if err != nil {
		return err
	}
	tag := func(text string, dct time.Time) []eval.TimexSpan {
		if ctx.Err() != nil {
			return nil
		}
		found := t.Tag(text, dct)
		out := make([]eval.TimexSpan, len(found))
		for k, e := range found {
			out[k] = eval.TimexSpan{Start: e.Start, End: e.End, Text: e.Text, Type: string(e.Type), Value: e.Value, Mod: e.Mod}
		}
		return out
	}
	s, results := eval.ScoreTimex(docs, tag)
	if err := ctx.Err(); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(c.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "documents %d\tgold %d\tpredicted %d\n", len(docs), s.Gold, s.Pred)
	fmt.Fprintln(tw, "measure\tP\tR\tF1")
	for _, m := range []struct {
		name string
		c    eval.Counts
	}{{"strict extent", s.StrictExtent()}, {"relaxed extent", s.RelaxedExtent()}, {"type", s.Type()}, {"value", s.Value()}} {
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\n", m.name, 100*m.c.Precision(), 100*m.c.Recall(), 100*m.c.F1())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if *errs <= 0 {
		return nil
	}
	groups := eval.TimexErrors(results)
	tw = tabwriter.NewWriter(c.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "\nkind\tcount\texpression\tgold\tpredicted\tdocument")
	for _, g := range groups[:min(*errs, len(groups))] {
		fmt.Fprintf(tw, "%s\t%d\t%q\t%s\t%s\t%s\n", g.Kind, g.Count, g.Text, g.Gold, g.Pred, g.Document)
	}
	return tw.Flush()
}
