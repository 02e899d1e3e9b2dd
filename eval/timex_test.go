package eval_test

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/dossier-news/dossier/eval"
)

func span(start, end int, typ, value string) eval.TimexSpan {
	return eval.TimexSpan{Start: start, End: end, Type: typ, Value: value}
}

func TestScoreTimex(t *testing.T) {
	// Counts by hand from the TempEval-3 definitions: strict pairs share both ends, relaxed pairs
	// overlap, one to one; type and value count relaxed pairs that also agree on them.
	tests := []struct {
		name       string
		gold, pred []eval.TimexSpan
		want       eval.TimexScore
	}{
		{
			name: "exact",
			gold: []eval.TimexSpan{span(0, 6, "DATE", "2031-05-05")},
			pred: []eval.TimexSpan{span(0, 6, "DATE", "2031-05-05")},
			want: eval.TimexScore{Gold: 1, Pred: 1, Strict: 1, Relaxed: 1, TypeMatch: 1, ValueMatch: 1},
		},
		{
			name: "overlap with a wrong value",
			gold: []eval.TimexSpan{span(10, 19, "DATE", "2031-W20")},
			pred: []eval.TimexSpan{span(5, 19, "DATE", "2031-W19")},
			want: eval.TimexScore{Gold: 1, Pred: 1, Relaxed: 1, TypeMatch: 1},
		},
		{
			name: "one to one",
			gold: []eval.TimexSpan{span(0, 4, "DATE", "2024"), span(5, 9, "DATE", "2025")},
			pred: []eval.TimexSpan{span(0, 9, "DURATION", "P1Y")},
			want: eval.TimexScore{Gold: 2, Pred: 1, Relaxed: 1},
		},
		{
			name: "strict before overlap",
			gold: []eval.TimexSpan{span(0, 10, "DATE", "2024"), span(3, 5, "DATE", "2025")},
			pred: []eval.TimexSpan{span(3, 5, "DATE", "2025"), span(0, 4, "DATE", "2024")},
			want: eval.TimexScore{Gold: 2, Pred: 2, Strict: 1, Relaxed: 2, TypeMatch: 2, ValueMatch: 2},
		},
		{
			name: "spurious and missed",
			gold: []eval.TimexSpan{span(0, 4, "DATE", "2024")},
			pred: []eval.TimexSpan{span(8, 12, "SET", "P1D")},
			want: eval.TimexScore{Gold: 1, Pred: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got eval.TimexScore
			got.Add(eval.PairTimex(tt.gold, tt.pred))
			if got != tt.want {
				t.Errorf("score = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestTimexScoreMeasures(t *testing.T) {
	s := eval.TimexScore{Gold: 4, Pred: 5, Strict: 2, Relaxed: 4, TypeMatch: 3, ValueMatch: 2}
	checks := []struct {
		name      string
		got, want float64
	}{
		{"strict P", s.StrictExtent().Precision(), 2.0 / 5}, {"strict R", s.StrictExtent().Recall(), 2.0 / 4},
		{"strict F1", s.StrictExtent().F1(), 2 * 0.4 * 0.5 / 0.9},
		{"relaxed F1", s.RelaxedExtent().F1(), 2 * 0.8 * 1 / 1.8},
		{"type F1", s.Type().F1(), 2 * 0.6 * 0.75 / 1.35},
		{"value P", s.Value().Precision(), 0.4}, {"value R", s.Value().Recall(), 0.5},
	}
	for _, c := range checks {
		if !near(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestLoadTimexBench(t *testing.T) {
	dir := filepath.Join("testdata", "TestLoadTimexBench")
	docs, err := eval.LoadTimexBench(filepath.Join(dir, "gold.jsonl"), dir)
	if err != nil {
		t.Fatalf("LoadTimexBench: %v", err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	tests := []struct {
		id   string
		dct  string
		gold int
		text string
	}{
		{"harbour", "2031-05-08", 2, "Monday"},
		{"tolls", "2031-05-06", 1, "2024"}, // creation time from the sidecar
	}
	for k, tt := range tests {
		d := docs[k]
		if d.ID != tt.id || d.DCT.Format(time.DateOnly) != tt.dct || len(d.Gold) != tt.gold {
			t.Errorf("document %d = %s %s with %d expressions, want %s %s with %d", k, d.ID, d.DCT.Format(time.DateOnly), len(d.Gold), tt.id, tt.dct, tt.gold)
			continue
		}
		if g := d.Gold[0]; d.Text[g.Start:g.End] != tt.text {
			t.Errorf("%s: first gold span reads %q, want %q", d.ID, d.Text[g.Start:g.End], tt.text)
		}
	}

	tag := func(text string, dct time.Time) []eval.TimexSpan {
		if dct.IsZero() {
			return nil
		}
		return []eval.TimexSpan{{Start: 25, End: 31, Type: "DATE", Value: "2031-05-05"}}
	}
	s, results := eval.ScoreTimex(docs, tag)
	if s.Gold != 3 || s.Pred != 2 || s.ValueMatch != 1 {
		t.Errorf("ScoreTimex counts gold %d pred %d value %d, want 3, 2, 1", s.Gold, s.Pred, s.ValueMatch)
	}
	groups := eval.TimexErrors(results)
	if len(groups) != 3 {
		t.Fatalf("TimexErrors gave %d groups, want 3 (a missed week, a missed year, a spurious date): %+v", len(groups), groups)
	}
}

func TestLoadTimexBenchMissingDocument(t *testing.T) {
	dir := t.TempDir()
	if _, err := eval.LoadTimexBench(filepath.Join("testdata", "TestLoadTimexBench", "gold.jsonl"), dir); !errors.Is(err, eval.ErrNoDocument) {
		t.Errorf("LoadTimexBench with no documents: error = %v, want ErrNoDocument", err)
	}
}
