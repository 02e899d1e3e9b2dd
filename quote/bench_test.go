package quote_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier/internal/shared"
	"github.com/dossier-news/dossier/quote"
	"github.com/dossier-news/dossier/text"
)

// BenchmarkExtract runs the text layer and the quote rules over real news: the development
// articles of the quotes benchmark (about 4.7 KB each on average), or the seeds when absent.
func BenchmarkExtract(b *testing.B) {
	var paths []string
	for _, dir := range [][]string{{"bench", "quotes", "dev", "docs"}, {"seeds"}} {
		if ps, _ := filepath.Glob(filepath.Join(shared.Dir(b, dir...), "*.txt")); len(ps) > 0 {
			paths = ps
			break
		}
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
	if len(docs) == 0 {
		b.Skip("no articles to run on")
	}
	var e quote.Extractor
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, d := range docs {
			e.Extract(text.Parse(d), nil)
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(size)/float64(len(docs)), "bytes/article")
}
