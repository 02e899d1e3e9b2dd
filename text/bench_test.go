package text_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier/internal/shared"
	"github.com/dossier-news/dossier/text"
)

// BenchmarkParse runs every layer over the seed articles, real news of about 4 KB each.
func BenchmarkParse(b *testing.B) {
	paths, err := filepath.Glob(filepath.Join(shared.Dir(b, "seeds"), "*.txt"))
	if err != nil || len(paths) == 0 {
		b.Skipf("no seed articles: %v", err)
	}
	var docs []string
	size := 0
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(raw))
		size += len(raw)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, d := range docs {
			text.Parse(d)
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "articles/s")
}
