package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/dossier-news/dossier/brief"
	"github.com/dossier-news/dossier/eval"
)

// brief scores the briefing of the inputs against a directory of gold files laid out as
// ../shared/seeds/gold: disagreements.json (both must be shown), and checks that every citation
// is verbatim in its article.
func (c *evalCommand) brief(ctx context.Context, args []string) error {
	fs := c.newFlagSet("eval brief", "--gold DIR [flags] PATH ...")
	goldDir := fs.String("gold", "", "`directory` of gold files (disagreements.json), as ../shared/seeds/gold")
	in := c.ingestFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *goldDir == "" || fs.NArg() == 0 {
		fs.Usage()
		return usageError{"eval brief needs --gold and the articles the gold describes"}
	}
	gold, err := eval.LoadDisagreements(filepath.Join(*goldDir, "disagreements.json"))
	if err != nil {
		return err
	}
	recs, failed, err := c.records(ctx, in, false, fs.Args())
	if err != nil {
		return err
	}
	texts := make(map[string]string, len(recs))
	sources := make(map[string]string, len(recs))
	for _, r := range recs {
		texts[r.ID], sources[r.ID] = r.Text, r.Source
	}
	groups, err := stories(recs)
	if err != nil {
		return err
	}
	var bs []*brief.Briefing
	for _, g := range groups {
		bs = append(bs, brief.Build(g.id, g.recs, brief.Options{}))
	}

	var shown []eval.Shown
	bad, cited := 0, 0
	for _, b := range bs {
		for _, d := range b.Disagreements {
			s := eval.Shown{}
			for _, sd := range d.Sides {
				s.Sides = append(s.Sides, sd.Who)
				s.Cited = append(s.Cited, eval.Cited{Source: sources[sd.Citation.Article], Text: sd.Citation.Text})
			}
			if d.Evidence.Article != "" {
				s.Cited = append(s.Cited, eval.Cited{Source: sources[d.Evidence.Article], Text: d.Evidence.Text})
			}
			shown = append(shown, s)
		}
		cited += len(b.Citations())
		for _, u := range b.Unverified(texts) {
			bad++
			fmt.Fprintf(c.Stdout, "citation not verbatim: %s bytes %d-%d %q\n", sources[u.Article], u.Start, u.End, u.Text)
		}
	}
	ds := eval.ScoreDisagreements(gold, shown)
	fmt.Fprintf(c.Stdout, "disagreements  %d of %d gold shown (%d shown in all)\n", ds.Shown, ds.Gold, len(shown))
	for _, m := range ds.Missed {
		fmt.Fprintf(c.Stdout, "  missed: %s: %s (%v)\n", m.Doc, m.About, m.Sides)
	}
	fmt.Fprintf(c.Stdout, "citations      %d, %d not verbatim\n", cited, bad)
	if failed > 0 {
		return errInputsFailed
	}
	return nil
}
