package server_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/extract"
	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/server"
	"github.com/dossier-news/dossier/store"
	"github.com/dossier-news/dossier/store/sqlite"
)

var (
	benchArticles = flag.Int("bench.articles", 2000, "articles stored for the benchmarks (100000 for the figures the README gives)")
	benchLarge    = flag.Int("bench.large", 200, "articles of the one large story among them")
)

// benchStore is a store of many articles varied from the example corpus: every example article
// again and again, each copy with its own URL, outlet, date and a line that makes its text its
// own, filed into stories of one copy of the corpus each, and one large story at the end. The
// analysis is the example's, so the stories brief as the example story does.
type benchStore struct {
	srv          *server.Server
	small, large string // a story of one copy of the corpus, and the large story
	err          error
}

var benchOnce = sync.OnceValue(func() *benchStore {
	bs := &benchStore{}
	bs.err = bs.fill(*benchArticles, *benchLarge)
	return bs
})

func (bs *benchStore) fill(n, large int) error {
	ctx := context.Background()
	var base []*analyze.Record
	seen := map[string]bool{}
	for d, err := range ingest.New(ingest.Options{}).ReadFS(ctx, examples.Corpus(), ".") {
		if err != nil {
			return err
		}
		a, err := extract.Article(d)
		if err != nil {
			return err
		}
		if r := analyze.New(a); !seen[r.Hash] { // an exact copy would make identical variants
			seen[r.Hash] = true
			base = append(base, r)
		}
	}
	dir, err := os.MkdirTemp(exampleDir, "bench-")
	if err != nil {
		return err
	}
	db, err := sqlite.Open(ctx, filepath.Join(dir, "dossier.db"), sqlite.Options{})
	if err != nil {
		return err
	}
	start := time.Now()
	stories := map[string]*store.Story{}
	for i := range n {
		group := i / len(base)
		id := fmt.Sprintf("s-bench-%d", group)
		if i >= n-large {
			id = "s-bench-large"
		}
		r := *base[i%len(base)]
		r.Text += fmt.Sprintf("\n\nArchive copy %d.", i)
		sum := sha256.Sum256([]byte(r.Text))
		r.Hash = hex.EncodeToString(sum[:])
		r.URL = fmt.Sprintf("https://bench.example/%d/%d", group, i)
		r.Source = r.URL
		idSum := sha256.Sum256([]byte(r.URL + r.Text))
		r.ID = hex.EncodeToString(idSum[:8])
		r.Outlet = fmt.Sprintf("%s %d", r.Outlet, i%7)
		r.DuplicateOf, r.NearDuplicateOf, r.Similarity = "", "", 0
		pub, err := time.Parse(time.RFC3339, r.Published)
		if err != nil {
			pub = time.Date(2031, 4, 14, 0, 0, 0, 0, time.UTC)
		}
		pub = pub.AddDate(0, 0, group)
		r.Published = pub.Format(time.RFC3339)

		st := stories[id]
		if st == nil {
			st = &store.Story{ID: id, Title: r.Title, First: pub}
			stories[id] = st
		}
		st.Articles++
		st.Last, st.Updated = pub, pub
		st.Outlets = append(st.Outlets, r.Outlet)
		if _, err := db.Put(ctx, &store.Entry{Record: &r, Story: *st}); err != nil {
			return fmt.Errorf("put article %d: %w", i, err)
		}
	}
	fmt.Fprintf(os.Stderr, "bench store: %d articles in %v\n", n, time.Since(start).Round(time.Millisecond))
	bs.srv, err = server.New(server.Config{Store: db})
	bs.small, bs.large = "s-bench-0", "s-bench-large"
	if n/len(base) > 2 {
		bs.small = fmt.Sprintf("s-bench-%d", n/len(base)/2)
	}
	return err
}

func benchGet(b *testing.B, target string) {
	bs := benchOnce()
	if bs.err != nil {
		b.Fatalf("fill the benchmark store: %v", bs.err)
	}
	b.ReportAllocs()
	var size int
	for b.Loop() {
		rec := httptest.NewRecorder()
		bs.srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d %s", target, rec.Code, rec.Body.String())
		}
		size = rec.Body.Len()
	}
	b.SetBytes(int64(size))
}

func BenchmarkStoryPage(b *testing.B) {
	b.Run("story of 12", func(b *testing.B) { benchGet(b, "/stories/"+benchOnce().small) })
	b.Run("large story", func(b *testing.B) { benchGet(b, "/stories/"+benchOnce().large) })
}

func BenchmarkAPIBrief(b *testing.B) {
	b.Run("story of 12", func(b *testing.B) { benchGet(b, "/api/stories/"+benchOnce().small+"/brief") })
	b.Run("large story", func(b *testing.B) { benchGet(b, "/api/stories/"+benchOnce().large+"/brief") })
}

func BenchmarkStoryList(b *testing.B) { benchGet(b, "/") }

func BenchmarkArticlePage(b *testing.B) {
	bs := benchOnce()
	if bs.err != nil {
		b.Fatal(bs.err)
	}
	var v struct{ Articles []articleJSON }
	getJSON(b, bs.srv, "/api/stories/"+bs.small, http.StatusOK, &v)
	a := v.Articles[0].ID
	benchGet(b, "/articles/"+a+"?s=0&e=40")
}
