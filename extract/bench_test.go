package extract_test

import (
	"cmp"
	"context"
	"github.com/dossier-news/dossier/internal/shared"
	"slices"
	"testing"

	"github.com/dossier-news/dossier/eval"
	"github.com/dossier-news/dossier/extract"
)

func loadBench(tb testing.TB) []eval.ExtractionPage {
	tb.Helper()
	pages, err := eval.LoadExtractionBench(shared.Dir(tb, "bench", "extraction"))
	if err != nil {
		tb.Fatal(err)
	}
	return pages
}

// TestExtractionBench scores the extractor on the shared benchmark with the published metric.
// The floor sits a little under the figure reached (F1 0.982, P 0.977, R 0.988) so that a
// regression fails while small trade-offs do not.
func TestExtractionBench(t *testing.T) {
	if testing.Short() {
		t.Skip("whole benchmark skipped in -short mode")
	}
	pages := loadBench(t)
	run, err := eval.RunExtraction(context.Background(), pages, func(html []byte, url string) (string, error) {
		p, err := extract.HTML(html, url)
		if err != nil {
			return "", err
		}
		return joinBlocks(p), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for key, err := range run.Failed {
		t.Errorf("HTML(%s): %v", key, err)
	}
	s := run.Score
	t.Logf("%d pages: F1 %.4f  precision %.4f  recall %.4f  accuracy %.4f", s.Pages, s.F1, s.Precision, s.Recall, s.Accuracy)
	per := slices.Clone(run.Pages)
	slices.SortFunc(per, func(a, b eval.PageScore) int { return cmp.Compare(a.F1(), b.F1()) })
	for _, p := range per[:min(5, len(per))] {
		t.Logf("weakest: %s F1 %.3f P %.3f R %.3f", p.Key[:12], p.F1(), p.Precision, p.Recall)
	}
	const floorF1, floorP, floorR = 0.975, 0.965, 0.975
	if s.F1 < floorF1 || s.Precision < floorP || s.Recall < floorR {
		t.Errorf("benchmark F1 %.4f P %.4f R %.4f, below the floor F1 %.3f P %.3f R %.3f", s.F1, s.Precision, s.Recall, floorF1, floorP, floorR)
	}
}

// BenchmarkHTML runs the extractor over the whole shared benchmark; run it with GOMAXPROCS=1
// (go test -cpu 1) for the per-core figure.
func BenchmarkHTML(b *testing.B) {
	pages := loadBench(b)
	var total int64
	for _, p := range pages {
		total += int64(len(p.HTML))
	}
	b.SetBytes(total)
	for b.Loop() {
		for _, p := range pages {
			if _, err := extract.HTML(p.HTML, p.URL); err != nil {
				b.Fatal(err)
			}
		}
	}
}
