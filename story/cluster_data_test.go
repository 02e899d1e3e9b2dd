package story_test

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/extract"
	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/internal/shared"
	"github.com/dossier-news/dossier/story"
)

// analysed extracts the documents of read and finds their entities, and returns the articles
// as cmd/dossier hands them to the clusterer, in input order. It runs only the stages the
// clusterer reads (extract, entity), not the whole analysis.
func analysed(t testing.TB, read func(context.Context, *ingest.Reader) func(func(*dossier.Document, error) bool)) []story.Article {
	t.Helper()
	f, err := entity.Default()
	if err != nil {
		t.Fatalf("load entity finder: %v", err)
	}
	var out []story.Article
	for doc, err := range read(context.Background(), ingest.New(ingest.Options{})) {
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		a, err := extract.Article(doc)
		if err != nil {
			t.Fatalf("extract %s: %v", doc.Source, err)
		}
		sa := story.Article{ID: a.ID, Source: a.Source, URL: a.URL, Outlet: a.Outlet, Title: a.Title, Text: a.Text, Published: a.Published}
		for _, e := range f.Find(a.Text) {
			sa.Actors = append(sa.Actors, story.Actor{ID: e.ID, Name: e.Name, Type: e.Type, Mentions: len(e.Mentions)})
		}
		out = append(out, sa)
	}
	return out
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

// baseName is an article's source without directory and without .txt, its key in gold files.
func baseName(a story.Article) string {
	return strings.TrimSuffix(filepath.Base(a.Source), ".txt")
}
