package quote_test

import (
	"testing"

	"github.com/dossier-news/dossier/internal/shared"
	"github.com/dossier-news/dossier/quote"
	"github.com/dossier-news/dossier/text"
)

// BenchmarkExtract runs the text layer and the quote rules over real news: the development
// articles of the quotes benchmark (about 4.7 KB each on average).
func BenchmarkExtract(b *testing.B) {
	docs, size := shared.Texts(b, "*.txt", "bench", "quotes", "dev", "docs")
	var e quote.Extractor
	b.SetBytes(size)
	for b.Loop() {
		for _, d := range docs {
			e.Extract(text.Parse(d), nil)
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(size)/float64(len(docs)), "bytes/article")
}
