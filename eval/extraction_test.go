package eval_test

import (
	"compress/gzip"
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/eval"
)

const eps = 1e-12

func near(a, b float64) bool { return math.Abs(a-b) < eps }

func TestScoreExtractionPages(t *testing.T) {
	// Values computed by hand from the published definitions: counts of 4-token shingles, then
	// tp, fp and fn divided by their sum.
	tests := []struct {
		name        string
		truth, pred string
		want        eval.PageScore
	}{
		{
			name:  "identical",
			truth: "The ferry left the harbour at dawn.",
			pred:  "The ferry left the harbour at dawn",
			want:  eval.PageScore{TP: 1, Precision: 1, Recall: 1, Exact: true},
		},
		{
			name:  "nothing predicted",
			truth: "Five words in this text",
			pred:  "",
			want:  eval.PageScore{FN: 1},
		},
		{
			// truth has 2 shingles, pred has 3: tp=2 fp=1 fn=0, normalised by 3.
			name:  "one extra word",
			truth: "one two three four five",
			pred:  "one two three four five six",
			want:  eval.PageScore{TP: 2.0 / 3, FP: 1.0 / 3, Precision: 2.0 / 3, Recall: 1},
		},
		{
			// "a b c d" twice gives the shingle "a b c d" twice plus 3 others: 5 true shingles.
			name:  "repeated shingle counted as a multiset",
			truth: "a b c d a b c d",
			pred:  "a b c d",
			want:  eval.PageScore{TP: 1.0 / 5, FN: 4.0 / 5, Precision: 1, Recall: 1.0 / 5},
		},
		{
			name:  "case is kept",
			truth: "Hello, world!",
			pred:  "hello world",
			want:  eval.PageScore{FP: 0.5, FN: 0.5},
		},
		{
			name:  "combining mark is not a word character",
			truth: "cafe\u0301 au lait",
			pred:  "cafe au lait",
			want:  eval.PageScore{TP: 1, Precision: 1, Recall: 1, Exact: true},
		},
		{
			name:  "both empty",
			truth: "",
			pred:  " ... ",
			want:  eval.PageScore{Precision: 1, Recall: 1, Exact: true},
		},
		{
			// 4 true shingles, 3 predicted: the predicted text drops the last word, so the last
			// true shingle is missing and the rest match.
			name:  "last word missing",
			truth: "the council voted on the budget tonight",
			pred:  "the council voted on the budget",
			want:  eval.PageScore{TP: 3.0 / 4, FN: 1.0 / 4, Precision: 1, Recall: 3.0 / 4},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := eval.ScoreExtractionPages(map[string]string{"k": tt.truth}, map[string]string{"k": tt.pred})
			if len(got) != 1 {
				t.Fatalf("ScoreExtractionPages returned %d pages, want 1", len(got))
			}
			g, w := got[0], tt.want
			if g.Key != "k" || !near(g.TP, w.TP) || !near(g.FP, w.FP) || !near(g.FN, w.FN) ||
				!near(g.Precision, w.Precision) || !near(g.Recall, w.Recall) || g.Exact != w.Exact {
				t.Errorf("ScoreExtractionPages(%q, %q) = %+v, want %+v", tt.truth, tt.pred, g, w)
			}
		})
	}
}

func TestScoreExtraction(t *testing.T) {
	truth := map[string]string{
		"a": "The ferry left the harbour at dawn",   // identical: P=1 R=1
		"b": "Five words in this text",              // nothing predicted: no P, R=0
		"c": "one two three four five",              // one extra word: P=2/3 R=1
		"d": "",                                     // both empty: neither P nor R counted
		"e": "a short line that the extractor lost", // prediction missing from the map
	}
	pred := map[string]string{
		"a": "The ferry left the harbour at dawn",
		"b": "",
		"c": "one two three four five six",
		"d": "",
		"x": "a prediction for a page that is not in the truth",
	}
	// P = mean(1, 2/3) = 5/6 over a and c; R = mean(1, 0, 1, 0) = 1/2 over a, b, c, e.
	// F1 = 2·(5/6)·(1/2) / (5/6 + 1/2) = (5/6) / (4/3) = 5/8. Exact token lists: a and d.
	want := eval.ExtractionScore{F1: 5.0 / 8, Precision: 5.0 / 6, Recall: 0.5, Accuracy: 2.0 / 5, Pages: 5}
	got := eval.ScoreExtraction(truth, pred)
	if !near(got.F1, want.F1) || !near(got.Precision, want.Precision) || !near(got.Recall, want.Recall) ||
		!near(got.Accuracy, want.Accuracy) || got.Pages != want.Pages {
		t.Errorf("ScoreExtraction = %+v, want %+v", got, want)
	}
}

func TestScoreExtractionEmpty(t *testing.T) {
	if got := eval.ScoreExtraction(nil, nil); got != (eval.ExtractionScore{}) {
		t.Errorf("ScoreExtraction(nil, nil) = %+v, want zero", got)
	}
}

func TestPageScoreF1(t *testing.T) {
	tests := []struct {
		name string
		p    eval.PageScore
		want float64
	}{
		{"zero", eval.PageScore{}, 0},
		{"perfect", eval.PageScore{Precision: 1, Recall: 1}, 1},
		{"half recall", eval.PageScore{Precision: 1, Recall: 0.5}, 2.0 / 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.F1(); !near(got, tt.want) {
				t.Errorf("F1() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLoadExtractionBench(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	gt := `{"k2": {"url": "https://news.example/b", "articleBody": "Second story."},
	        "k1": {"url": "https://news.example/a", "articleBody": "First story."}}`
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte(gt), 0o644); err != nil {
		t.Fatal(err)
	}
	for key, body := range map[string]string{"k1": "<p>First story.</p>", "k2": "<p>Second story.</p>"} {
		writeGzip(t, filepath.Join(dir, "html", key+".html.gz"), body)
	}
	pages, err := eval.LoadExtractionBench(dir)
	if err != nil {
		t.Fatalf("LoadExtractionBench: %v", err)
	}
	if len(pages) != 2 {
		t.Fatalf("LoadExtractionBench returned %d pages, want 2", len(pages))
	}
	want := []eval.ExtractionPage{
		{Key: "k1", URL: "https://news.example/a", Truth: "First story.", HTML: []byte("<p>First story.</p>")},
		{Key: "k2", URL: "https://news.example/b", Truth: "Second story.", HTML: []byte("<p>Second story.</p>")},
	}
	for i, w := range want {
		g := pages[i]
		if g.Key != w.Key || g.URL != w.URL || g.Truth != w.Truth || string(g.HTML) != string(w.HTML) {
			t.Errorf("page %d = {%s %s %q %q}, want {%s %s %q %q}", i, g.Key, g.URL, g.Truth, g.HTML, w.Key, w.URL, w.Truth, w.HTML)
		}
	}
	if got := eval.ExtractionTruth(pages); got["k1"] != "First story." || len(got) != 2 {
		t.Errorf("ExtractionTruth = %v", got)
	}
}

func TestLoadExtractionBenchErrors(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
	}{
		{"no ground truth", func(t *testing.T, dir string) {}},
		{"bad json", func(t *testing.T, dir string) {
			mustWrite(t, filepath.Join(dir, "ground-truth.json"), "{")
		}},
		{"missing page", func(t *testing.T, dir string) {
			mustWrite(t, filepath.Join(dir, "ground-truth.json"), `{"k": {"url": "", "articleBody": "x"}}`)
		}},
		{"page not gzip", func(t *testing.T, dir string) {
			mustWrite(t, filepath.Join(dir, "ground-truth.json"), `{"k": {"url": "", "articleBody": "x"}}`)
			if err := os.Mkdir(filepath.Join(dir, "html"), 0o755); err != nil {
				t.Fatal(err)
			}
			mustWrite(t, filepath.Join(dir, "html", "k.html.gz"), "<p>plain</p>")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.setup(t, dir)
			if _, err := eval.LoadExtractionBench(dir); err == nil {
				t.Error("LoadExtractionBench succeeded, want an error")
			}
		})
	}
}

func mustWrite(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeGzip(t *testing.T, path, s string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestRunExtraction(t *testing.T) {
	pages := []eval.ExtractionPage{
		{Key: "a", Truth: "The ferry left the harbour at dawn", HTML: []byte("<p>The ferry left the harbour at dawn</p>")},
		{Key: "b", Truth: "one two three four five", HTML: []byte("<p>broken</p>")},
	}
	strip := func(html []byte, url string) (string, error) {
		s := string(html)
		if s == "<p>broken</p>" {
			return "", errors.New("cannot parse")
		}
		return strings.TrimSuffix(strings.TrimPrefix(s, "<p>"), "</p>"), nil
	}
	run, err := eval.RunExtraction(context.Background(), pages, strip)
	if err != nil {
		t.Fatalf("RunExtraction: %v", err)
	}
	// a is exact (P=R=1); b failed, so it is an empty prediction (no P, R=0).
	want := eval.ExtractionScore{F1: 2.0 / 3, Precision: 1, Recall: 0.5, Accuracy: 0.5, Pages: 2}
	if got := run.Score; !near(got.F1, want.F1) || !near(got.Precision, want.Precision) || !near(got.Recall, want.Recall) ||
		!near(got.Accuracy, want.Accuracy) || got.Pages != want.Pages {
		t.Errorf("RunExtraction score = %+v, want %+v", got, want)
	}
	if len(run.Failed) != 1 || run.Failed["b"] == nil {
		t.Errorf("RunExtraction failed = %v, want page b", run.Failed)
	}
	if run.Bytes != int64(len(pages[0].HTML)+len(pages[1].HTML)) || len(run.Pages) != 2 {
		t.Errorf("RunExtraction bytes = %d, pages = %d", run.Bytes, len(run.Pages))
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := eval.RunExtraction(ctx, pages, strip); !errors.Is(err, context.Canceled) {
		t.Errorf("RunExtraction with a cancelled context: err = %v, want context.Canceled", err)
	}
}
