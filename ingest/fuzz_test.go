package ingest_test

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/dossier-news/dossier/ingest"
)

// fuzzRead reads fsys and checks, through collect, the properties every source must keep whatever
// its bytes: no panic, documents with a source and a valid UTF-8 body, errors that are *Error with
// a source. It returns the results for target-specific checks.
func fuzzRead(t *testing.T, fsys fstest.MapFS, root string) []result {
	r := ingest.New(ingest.Options{MaxBytes: 1 << 20})
	return collect(t, r.ReadFS(t.Context(), fsys, root))
}

func addFile(f *testing.F, path string) {
	f.Helper()
	b, err := os.ReadFile(filepath.FromSlash(path))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
}

func FuzzFeed(f *testing.F) {
	addFile(f, "testdata/TestRead/rss/feed.rss")
	addFile(f, "testdata/TestRead/atom/feed.atom")
	addFile(f, "testdata/TestRead/sniff/feed")
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [{"id": "1", "content_html": "<p>x</p>", "date_published": "2031-01-02T03:04:05Z"}]}`))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>` + "\xcf\xe0\xf0\xee\xec" + `</title><item><title>A</title><description>B</description></item></channel></rss>`))
	f.Add([]byte(`<rss><channel><item><pubDate>Mon, 02 Jan 99999 15:04:05 GMT</pubDate><description>x</description></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, fstest.MapFS{"feed.xml": {Data: data}}, "feed.xml")
	})
}

func FuzzWARC(f *testing.F) {
	addFile(f, "testdata/TestRead/warc/crawl.warc.gz")
	addFile(f, "testdata/TestRead/sniff/crawl")
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 5\r\n\r\nHTTP/"))
	f.Add([]byte("WARC/1.0\r\nContent-Length: -1\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, fstest.MapFS{"crawl.warc": {Data: data}}, "crawl.warc")
	})
}

func FuzzJSONL(f *testing.F) {
	addFile(f, "testdata/TestRead/jsonl-bad-line/articles.jsonl")
	f.Add([]byte("{\"html\": \"<p>\\u00e9</p>\", \"published\": 1933489800}\r\n\r\n{\"text\": \"\xe9t\xe9\"}"))
	f.Add([]byte("[{\"text\": \"x\"}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, fstest.MapFS{"a.jsonl": {Data: data}}, "a.jsonl")
	})
}

// FuzzSidecar checks, besides the common properties, that a sidecar never costs the article: the
// text beside it is always yielded.
func FuzzSidecar(f *testing.F) {
	addFile(f, "testdata/TestRead/text-sidecar/story.meta.json")
	f.Add([]byte(`{"published": 1e300}`))
	f.Add([]byte(`{"published": "9999-12-31T23:59:59-23:59", "title": "\ud800"}`))
	f.Add([]byte(`{"url": 5}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := fuzzRead(t, fstest.MapFS{
			"a.txt":       {Data: []byte("The pier was repainted in May.")},
			"a.meta.json": {Data: data},
		}, ".")
		if docs := documents(got); len(docs) != 1 || docs[0].Body != "The pier was repainted in May." {
			t.Errorf("got %+v, want the article whatever its sidecar holds", got)
		}
	})
}

func FuzzDetect(f *testing.F) {
	for _, p := range []string{
		"testdata/TestRead/html/page.html",
		"testdata/TestRead/gzip/story",
		"testdata/TestRead/sniff/records",
		"testdata/TestRead/sniff/notes",
		"testdata/TestRead/sniff/feed",
	} {
		addFile(f, p)
	}
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"))
	f.Add([]byte("\x1f\x8b"))
	f.Add([]byte("\xef\xbb\xbf"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, fstest.MapFS{"input": {Data: data}}, "input")
	})
}
