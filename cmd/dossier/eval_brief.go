package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/brief"
	"github.com/dossier-news/dossier/eval"
	"github.com/dossier-news/dossier/position"
)

// brief scores the briefing of the inputs against a directory of gold files laid out as
// ../shared/seeds/gold: positions.jsonl (actor, issue and stance found), disagreements.json
// (shown), timeline.json (events found and their order kept), and checks that every citation is
// verbatim in its article.
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
	goldPositions, err := eval.ReadGoldPositions(filepath.Join(*goldDir, "positions.jsonl"))
	if err != nil {
		return err
	}
	goldTimeline, err := eval.ReadGoldTimeline(filepath.Join(*goldDir, "timeline.json"))
	if err != nil {
		return err
	}
	tax, err := position.DefaultTaxonomy()
	if err != nil {
		return err
	}
	recs, failed, err := c.records(ctx, in, nil, false, fs.Args())
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
	ps := eval.ScorePositions(goldPositions, predictedPositions(recs), docTexts(recs), tax)
	fmt.Fprintf(c.Stdout, "positions      %d of %d gold found (actor, issue and stance); %d predicted, precision %.3f\n",
		ps.Correct, ps.Gold, ps.Predicted, ps.Precision())
	for _, m := range ps.Misses {
		fmt.Fprintf(c.Stdout, "  missed: %s: %s %s %s\n", m.Gold.Doc, m.Gold.Actor, m.Gold.Stance, m.Gold.Issue)
	}
	var tl []eval.TimelineEvent
	for _, b := range bs {
		for _, m := range b.Timeline {
			e := eval.TimelineEvent{Order: len(tl), Text: strings.Join(append([]string{m.Summary, m.Type, m.Place, m.When.Text}, m.Actors...), " ")}
			for _, ct := range m.Citations {
				e.Docs = append(e.Docs, filepath.Base(sources[ct.Article]))
			}
			tl = append(tl, e)
		}
	}
	ts := eval.ScoreTimeline(goldTimeline, tl)
	fmt.Fprintf(c.Stdout, "timeline       %d of %d gold events found; order kept for %d of %d pairs\n", ts.Matched, ts.Events, ts.Respected, ts.Pairs)
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

// predictedPositions reduces the records' positions to what the position scorer reads, each
// actor under every name it goes by.
func predictedPositions(recs []*analyze.Record) []eval.PredictedPosition {
	var out []eval.PredictedPosition
	for _, r := range recs {
		for _, p := range r.Positions {
			names := []string{p.Actor.Name}
			for _, e := range r.Entities {
				if e.ID == p.Actor.Entity {
					names = append(names, e.Name)
					if e.Actor != "" {
						names = append(names, e.Actor)
					}
				}
			}
			out = append(out, eval.PredictedPosition{Doc: filepath.Base(r.Source), Names: names, Issue: p.Issue, Stance: p.Stance,
				Evidence: dossier.Span{Start: p.Evidence.Start, End: p.Evidence.End}})
		}
	}
	return out
}

// docTexts maps each record's file name to its text, as the gold files name documents.
func docTexts(recs []*analyze.Record) map[string]string {
	out := make(map[string]string, len(recs))
	for _, r := range recs {
		out[filepath.Base(r.Source)] = r.Text
	}
	return out
}
