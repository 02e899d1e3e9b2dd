package text_test

import (
	"testing"

	"github.com/dossier-news/dossier/internal/shared"
	"github.com/dossier-news/dossier/text"
)

// BenchmarkParse runs every layer over the seed articles, real news of about 4 KB each.
func BenchmarkParse(b *testing.B) {
	docs, size := shared.Texts(b, "*.txt", "seeds")
	b.SetBytes(size)
	for b.Loop() {
		for _, d := range docs {
			text.Parse(d)
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "articles/s")
}
