package story_test

import (
	"context"
	"io/fs"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/internal/shared"
	"github.com/dossier-news/dossier/pipeline"
	"github.com/dossier-news/dossier/story"
)

// analysed runs the pipeline (extract, analyze) over the documents of read and returns the
// articles as cmd/dossier hands them to the clusterer, in input order.
func analysed(t testing.TB, read func(context.Context, *ingest.Reader) func(func(*dossier.Document, error) bool)) []story.Article {
	t.Helper()
	ctx := context.Background()
	var out []story.Article
	p := pipeline.New(pipeline.Config{})
	emit := func(r *analyze.Record) error { out = append(out, fromRecord(t, r)); return nil }
	fail := func(err error) { t.Errorf("analyse: %v", err) }
	if err := p.Run(ctx, read(ctx, ingest.New(ingest.Options{})), emit, fail); err != nil {
		t.Fatalf("run pipeline: %v", err)
	}
	return out
}

// fromRecord turns an analysis record into the clusterer's input.
func fromRecord(t testing.TB, r *analyze.Record) story.Article {
	a := story.Article{ID: r.ID, Source: r.Source, URL: r.URL, Outlet: r.Outlet, Title: r.Title, Text: r.Text}
	if r.Published != "" {
		p, err := time.Parse(time.RFC3339, r.Published)
		if err != nil {
			t.Fatalf("parse published time of %s: %v", r.Source, err)
		}
		a.Published = p
	}
	for _, e := range r.Entities {
		a.Actors = append(a.Actors, story.Actor{ID: e.ID, Name: e.Name, Type: e.Type, Mentions: len(e.Mentions)})
	}
	return a
}

func exampleArticles(t testing.TB) []story.Article {
	return analysed(t, func(ctx context.Context, r *ingest.Reader) func(func(*dossier.Document, error) bool) {
		return r.ReadFS(ctx, examples.Corpus(), ".")
	})
}

// sharedArticles analyses the .txt files of ../shared/dir (skipping when absent), and gives each
// the date its file name starts with, as the quotes benchmark names them
// (OUTLET_YYYY-MM-DD_SLUG.txt).
func sharedArticles(t testing.TB, dir ...string) []story.Article {
	paths, err := filepath.Glob(filepath.Join(shared.Dir(t, dir...), "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Skipf("real data not available: no texts in shared/%s", filepath.Join(dir...))
	}
	arts := analysed(t, func(ctx context.Context, r *ingest.Reader) func(func(*dossier.Document, error) bool) {
		return r.Read(ctx, paths)
	})
	for i := range arts {
		if m := datedName.FindStringSubmatch(filepath.Base(arts[i].Source)); m != nil {
			d, err := time.Parse(time.DateOnly, m[1])
			if err != nil {
				t.Fatalf("parse date in %s: %v", arts[i].Source, err)
			}
			arts[i].Published = d
		}
	}
	return arts
}

var datedName = regexp.MustCompile(`^[a-z-]+_(\d{4}-\d{2}-\d{2})_`)

// baseName is an article's file name without directory and extension, its key in gold files.
func baseName(a story.Article) string {
	b := filepath.Base(a.Source)
	return b[:len(b)-len(filepath.Ext(b))]
}

var _ fs.FS // examples.Corpus returns one
