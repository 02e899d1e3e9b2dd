package pipeline_test

import (
	"context"
	"github.com/dossier-news/dossier/internal/shared"
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/pipeline"
)

// readAll reads every document of the sources once, so that a benchmark times only what follows.
func readAll(b *testing.B, read func(context.Context, *ingest.Reader) func(func(*dossier.Document, error) bool)) []*dossier.Document {
	b.Helper()
	var out []*dossier.Document
	for d, err := range read(context.Background(), ingest.New(ingest.Options{})) {
		if err != nil {
			b.Fatalf("read benchmark input: %v", err)
		}
		out = append(out, d)
	}
	if len(out) == 0 {
		b.Fatal("no documents to benchmark")
	}
	return out
}

// benchmarkRun times ingest-free extraction and deduplication of docs through the pipeline on one
// worker, so the figures are per core, and reports MB/s and articles/s.
func benchmarkRun(b *testing.B, docs []*dossier.Document) {
	var size int64
	for _, d := range docs {
		size += int64(len(d.Body))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		p := pipeline.New(pipeline.Config{Workers: 1})
		seq := func(yield func(*dossier.Document, error) bool) {
			for _, d := range docs {
				if !yield(d, nil) {
					return
				}
			}
		}
		if err := p.Run(context.Background(), seq, func(*analyze.Record) error { n++; return nil }, func(error) {}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

func BenchmarkExampleCorpus(b *testing.B) {
	docs := readAll(b, func(ctx context.Context, r *ingest.Reader) func(func(*dossier.Document, error) bool) {
		return r.ReadFS(ctx, examples.Corpus(), ".")
	})
	benchmarkRun(b, docs)
}

func BenchmarkSeeds(b *testing.B) {
	files, err := filepath.Glob(filepath.Join(shared.Dir(b, "seeds"), "*.txt"))
	if err != nil {
		b.Fatal(err)
	}
	docs := readAll(b, func(ctx context.Context, r *ingest.Reader) func(func(*dossier.Document, error) bool) {
		return r.Read(ctx, files)
	})
	benchmarkRun(b, docs)
}

func BenchmarkExtractionPages(b *testing.B) {
	dir := shared.Dir(b, "bench", "extraction", "html")
	docs := readAll(b, func(ctx context.Context, r *ingest.Reader) func(func(*dossier.Document, error) bool) {
		return r.Read(ctx, []string{dir})
	})
	benchmarkRun(b, docs)
}
