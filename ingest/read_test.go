package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"github.com/dossier-news/dossier/internal/shared"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/ingest"
	"golang.org/x/text/encoding/charmap"
)

// generatedFixtures are the binary files under testdata/TestRead, written by -update.
func generatedFixtures(t *testing.T) map[string][]byte {
	t.Helper()
	cyrillicPage, err := charmap.Windows1251.NewEncoder().Bytes([]byte(
		"<html><head><title>Паром остаётся</title></head><body>" +
			"<p>Городской совет Велморы проголосовал за сохранение ночного парома.</p></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	page := []byte("<!doctype html><html><head><title>Harbour dues rise</title>" +
		"<meta name=\"date\" content=\"2031-06-30\"></head><body><article><h1>Harbour dues rise</h1>" +
		"<p>Yacht owners will pay a tenth more to moor in Velmora from August.</p></article></body></html>")
	crawl := []warcRecord{
		{typ: "warcinfo", contentType: "application/warc-fields", block: []byte("software: dossier test helper\r\nformat: WARC File Format 1.0\r\n")},
		{typ: "request", target: "https://ledger.example/ferry-ru", contentType: "application/http; msgtype=request",
			block: []byte("GET /ferry-ru HTTP/1.1\r\nHost: ledger.example\r\n\r\n")},
		responseRecord("https://ledger.example/ferry-ru", "200 OK",
			[]string{"Content-Type", "text/html; charset=windows-1251"}, cyrillicPage),
		responseRecord("https://ledger.example/dues", "200 OK",
			[]string{"Content-Type", "text/html; charset=utf-8", "Date", "Tue, 01 Jul 2031 11:59:00 GMT"}, page),
		responseRecord("https://ledger.example/gone", "404 Not Found",
			[]string{"Content-Type", "text/html"}, []byte("<html><body>Not here</body></html>")),
		responseRecord("https://ledger.example/logo.png", "200 OK",
			[]string{"Content-Type", "image/png"}, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")),
		{typ: "metadata", target: "https://ledger.example/dues", contentType: "application/warc-fields",
			block: []byte("fetchTimeMs: 112\r\n")},
		responseRecord("https://ledger.example/dues-gz", "200 OK",
			[]string{"Content-Type", "text/html", "Content-Encoding", "gzip"}, gzipBytes(t, page)),
		{typ: "response", target: "https://ledger.example/broken", contentType: "application/http; msgtype=response",
			block: []byte("this is not an HTTP response\r\n\r\n")},
		responseRecord("https://ledger.example/no-type", "200 OK", nil,
			[]byte("<!DOCTYPE html><html><body><p>A page whose server named no type.</p></body></html>")),
	}
	return map[string][]byte{
		"warc/crawl.warc.gz": writeWARC(t, crawl, true),
		"sniff/crawl":        writeWARC(t, crawl[2:4], false),
		"gzip/page.html.gz":  gzipBytes(t, page),
		"gzip/story":         gzipBytes(t, []byte("Harbour dues rise by a tenth from August, the port office said.\n")),
	}
}

func TestRead(t *testing.T) {
	dir := filepath.Join("testdata", "TestRead")
	if *update {
		writeFiles(t, dir, generatedFixtures(t))
	}
	in := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	tests := []struct {
		name     string
		sources  []string
		wantDocs int
		wantErrs []string // substrings, in order
	}{
		{name: "html", sources: []string{in("html/page.html")}, wantDocs: 1},
		{name: "text-sidecar", sources: []string{in("text-sidecar")}, wantDocs: 1},
		{name: "markdown", sources: []string{in("markdown/notes.md")}, wantDocs: 1},
		{name: "rss", sources: []string{in("rss/feed.rss")}, wantDocs: 2, wantErrs: []string{"feed.rss#3: empty"}},
		{name: "atom", sources: []string{in("atom/feed.atom")}, wantDocs: 2},
		{name: "jsonl-bad-line", sources: []string{in("jsonl-bad-line/articles.jsonl")}, wantDocs: 4, wantErrs: []string{
			"articles.jsonl:3: parse JSON line:",
			`articles.jsonl:6: record has neither "text" nor "html"`,
		}},
		{name: "warc", sources: []string{in("warc/crawl.warc.gz")}, wantDocs: 4, wantErrs: []string{
			"crawl.warc.gz#9: parse HTTP response:",
		}},
		{name: "gzip", sources: []string{in("gzip")}, wantDocs: 2},
		{name: "sniff", sources: []string{in("sniff")}, wantDocs: 6},
		{name: "hidden", sources: []string{in("hidden")}, wantDocs: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(t, ingest.New(ingest.Options{}).Read(t.Context(), tt.sources))
			if n := len(documents(got)); n != tt.wantDocs {
				t.Errorf("got %d documents, want %d", n, tt.wantDocs)
			}
			gotErrs := errs(got)
			if len(gotErrs) != len(tt.wantErrs) {
				t.Errorf("got errors %q, want %d like %q", gotErrs, len(tt.wantErrs), tt.wantErrs)
			} else {
				for i, want := range tt.wantErrs {
					if !strings.Contains(gotErrs[i], want) {
						t.Errorf("error %d = %q, want it to contain %q", i, gotErrs[i], want)
					}
				}
			}
			compareGolden(t, filepath.Join(dir, tt.name+".golden"), got)
		})
	}
}

// compareGolden compares results with a golden file of indented JSON, or rewrites it with -update.
func compareGolden(t *testing.T, path string, got []result) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep the markup in bodies readable in review
	enc.SetIndent("", "  ")
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(b, want) {
		t.Errorf("results differ from %s (-update rewrites it)\ngot:\n%s\nwant:\n%s", path, b, want)
	}
}

func TestReadMeta(t *testing.T) {
	dir := filepath.Join("testdata", "TestRead")
	r := ingest.New(ingest.Options{})
	byURL := func(rs []result) map[string]dossier.Meta {
		m := make(map[string]dossier.Meta)
		for _, x := range documents(rs) {
			m[x.Meta.URL] = x.Meta
		}
		return m
	}
	t.Run("sidecar", func(t *testing.T) {
		got := documents(collect(t, r.Read(t.Context(), []string{filepath.Join(dir, "text-sidecar", "story.txt")})))
		if len(got) != 1 {
			t.Fatalf("got %d documents, want 1", len(got))
		}
		m := got[0].Meta
		if m.Outlet != "North Sound Gazette" || m.URL != "https://gazette.example/skarra-point" ||
			m.Title != "Lighthouse keepers return to Skarra Point" || m.Lang != "en" ||
			m.Published.Format("2006-01-02") != "2031-05-02" {
			t.Errorf("meta = %+v, want the sidecar's fields", m)
		}
		if got[0].Format != dossier.FormatText {
			t.Errorf("format = %q, want text", got[0].Format)
		}
	})
	t.Run("rss", func(t *testing.T) {
		m := byURL(collect(t, r.Read(t.Context(), []string{filepath.Join(dir, "rss", "feed.rss")})))
		ferry := m["https://ledger.example/2031/04/ferry"]
		if ferry.Outlet != "The Coastal Ledger" || ferry.Title != "Velmora council backs ferry subsidy" ||
			ferry.Lang != "en-gb" || !ferry.Published.Equal(mustTime(t, "2031-04-09T08:30:00Z")) {
			t.Errorf("ferry item meta = %+v", ferry)
		}
		if quota := m["https://ledger.example/2031/04/quota"]; quota.Title != "Fishing quota talks adjourned" {
			t.Errorf("quota item title = %q, want its lines joined", quota.Title)
		}
	})
	t.Run("warc", func(t *testing.T) {
		got := documents(collect(t, r.Read(t.Context(), []string{filepath.Join(dir, "warc", "crawl.warc.gz")})))
		if len(got) == 0 {
			t.Fatal("no documents")
		}
		ru := got[0]
		if ru.Source != filepath.Join(dir, "warc", "crawl.warc.gz")+"#3" || ru.Meta.URL != "https://ledger.example/ferry-ru" {
			t.Errorf("first page = %s %s, want record #3 from https://ledger.example/ferry-ru", ru.Source, ru.Meta.URL)
		}
		if !strings.Contains(ru.Body, "Городской совет Велморы") {
			t.Errorf("windows-1251 page not decoded: %q", ru.Body)
		}
		for _, d := range got {
			if !d.Meta.Published.IsZero() {
				t.Errorf("%s: published %v, want it left to the page", d.Source, d.Meta.Published)
			}
			if d.Format != dossier.FormatHTML {
				t.Errorf("%s: format %q, want html", d.Source, d.Format)
			}
		}
	})
}

// TestReadMetaWarnings checks that metadata that cannot be read costs only itself: the document
// is yielded without it, no error is, and a warning names where the metadata was.
func TestReadMetaWarnings(t *testing.T) {
	text := []byte("The island school will open a second classroom in September.\n")
	tests := []struct {
		name     string
		files    map[string][]byte
		source   string
		wantMeta dossier.Meta
		wantLog  string
	}{
		{
			name:    "broken-sidecar",
			files:   map[string][]byte{"note.txt": text, "note.meta.json": []byte(`{"outlet": "Island Post",`)},
			source:  "note.txt",
			wantLog: `level=WARN msg="metadata ignored" source=note.meta.json error="parse sidecar: unexpected end of JSON input"`,
		},
		{
			name:     "sidecar-bad-date",
			files:    map[string][]byte{"note.txt": text, "note.meta.json": []byte(`{"outlet": "Island Post", "published": "soon"}`)},
			source:   "note.txt",
			wantMeta: dossier.Meta{Outlet: "Island Post"},
			wantLog:  `level=WARN msg="metadata ignored" source=note.meta.json error="parse published: unrecognised date \"soon\""`,
		},
		{
			name:     "jsonl-bad-date",
			files:    map[string][]byte{"wire.jsonl": []byte(`{"title": "School", "text": "A second classroom.", "published": "2031-02-30"}`)},
			source:   "wire.jsonl",
			wantMeta: dossier.Meta{Title: "School"},
			wantLog:  `level=WARN msg="metadata ignored" source=wire.jsonl:1 error="parse published: unrecognised date \"2031-02-30\""`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: data}
			}
			var log bytes.Buffer
			logger := slog.New(slog.NewTextHandler(&log, &slog.HandlerOptions{
				ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
					if a.Key == slog.TimeKey {
						return slog.Attr{}
					}
					return a
				},
			}))
			got := collect(t, ingest.New(ingest.Options{Logger: logger}).ReadFS(t.Context(), fsys, tt.source))
			if len(got) != 1 || got[0].Error != "" || got[0].Meta != tt.wantMeta {
				t.Errorf("got %+v, want one document with meta %+v", got, tt.wantMeta)
			}
			if gotLog := strings.TrimSpace(log.String()); gotLog != tt.wantLog {
				t.Errorf("log = %s\nwant  %s", gotLog, tt.wantLog)
			}
		})
	}
}

func TestReadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"corpus/a.txt":         {Data: []byte("The ferry to Skarra runs twice a day in summer.")},
		"corpus/a.meta.json":   {Data: []byte(`{"outlet": "Skarra Times", "published": "2031-07-02 08:15:00"}`)},
		"corpus/b/c.md":        {Data: []byte("# Quay repairs\n\nThe quay will be repaired in autumn.")},
		"corpus/.hidden.txt":   {Data: []byte("not a document")},
		"corpus/feeds/f.xml":   {Data: []byte(`<rss version="2.0"><channel><title>Skarra Times</title><item><title>T</title><description>Body text.</description></item></channel></rss>`)},
		"corpus/z.html.gz":     {Data: gzipBytes(t, []byte("<p>Gulls nest on the new breakwater.</p>"))},
		"corpus/empty/ignored": {Mode: 0o755 | os.ModeDir},
	}
	got := collect(t, ingest.New(ingest.Options{}).ReadFS(t.Context(), fsys, "corpus"))
	var sources []string
	for _, r := range got {
		sources = append(sources, r.Source)
	}
	want := []string{"corpus/a.txt", "corpus/b/c.md", "corpus/feeds/f.xml#1", "corpus/z.html.gz"}
	if !slices.Equal(sources, want) {
		t.Fatalf("sources = %q, want %q", sources, want)
	}
	if got[0].Meta.Outlet != "Skarra Times" || got[0].Meta.Published.Format("15:04") != "08:15" {
		t.Errorf("sidecar meta = %+v", got[0].Meta)
	}
	wantFormats := []dossier.Format{dossier.FormatText, dossier.FormatMarkdown, dossier.FormatText, dossier.FormatHTML}
	for i, r := range got {
		if r.Format != wantFormats[i] {
			t.Errorf("%s: format %q, want %q", r.Source, r.Format, wantFormats[i])
		}
	}
}

func TestReadStdin(t *testing.T) {
	r := ingest.New(ingest.Options{})
	r.Stdin = strings.NewReader("<!DOCTYPE html><html><body><p>From a pipe.</p></body></html>")
	got := collect(t, r.Read(t.Context(), []string{"-"}))
	if len(got) != 1 || got[0].Source != "-" || got[0].Format != dossier.FormatHTML {
		t.Fatalf("got %+v, want one HTML document from -", got)
	}
}

func TestReadBareFileName(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"story.txt": []byte("A story in the working directory."), "story.meta.json": []byte(`{"outlet": "Here"}`)})
	t.Chdir(dir)
	got := collect(t, ingest.New(ingest.Options{}).Read(t.Context(), []string{"story.txt", "./story.txt", "."}))
	want := []string{"story.txt", "story.txt", "story.txt"}
	var sources []string
	for _, r := range got {
		sources = append(sources, r.Source)
		if r.Meta.Outlet != "Here" {
			t.Errorf("%s: outlet %q, want the sidecar's", r.Source, r.Meta.Outlet)
		}
	}
	if !slices.Equal(sources, want) {
		t.Errorf("sources = %q, want %q", sources, want)
	}
}

func TestReadErrors(t *testing.T) {
	text := []byte("The island school will open a second classroom in September.\n")
	tests := []struct {
		name    string
		files   map[string][]byte
		opts    ingest.Options
		source  string // relative to the case's directory; "" reads the directory
		want    string // the message after the source
		wantIs  error
		wantDoc bool // the good file beside the bad one is still read
	}{
		{
			name:   "binary-nul",
			files:  map[string][]byte{"photo.txt": []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")},
			want:   "binary file, not an article",
			wantIs: ingest.ErrBinary,
		},
		{
			name:   "binary-controls",
			files:  map[string][]byte{"blob": bytes.Repeat([]byte("ab\x01\x02\x03\x04\x05\x06\x07"), 100)},
			want:   "binary file, not an article",
			wantIs: ingest.ErrBinary,
		},
		{
			name:   "binary-pdf",
			files:  map[string][]byte{"report.html": []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")},
			want:   "binary file, not an article",
			wantIs: ingest.ErrBinary,
		},
		{
			name:   "empty",
			files:  map[string][]byte{"empty.txt": nil},
			want:   "empty",
			wantIs: ingest.ErrEmpty,
		},
		{
			name:   "blank",
			files:  map[string][]byte{"blank.md": []byte(" \n\n\t\n")},
			want:   "empty",
			wantIs: ingest.ErrEmpty,
		},
		{
			name:   "empty-gzip",
			files:  map[string][]byte{"nothing.txt.gz": gzipBytes(t, nil)},
			want:   "empty",
			wantIs: ingest.ErrEmpty,
		},
		{
			name:   "too-large",
			files:  map[string][]byte{"big.html": bytes.Repeat([]byte("<p>ferry</p>\n"), 1000)},
			opts:   ingest.Options{MaxBytes: 4096},
			want:   "larger than the 4 KiB limit",
			wantIs: ingest.ErrTooLarge,
		},
		{
			name:   "too-large-after-decompression",
			files:  map[string][]byte{"big.txt.gz": gzipBytes(t, bytes.Repeat([]byte("ferry "), 100000))},
			opts:   ingest.Options{MaxBytes: 100000},
			want:   "larger than the 100000 bytes limit",
			wantIs: ingest.ErrTooLarge,
		},
		{
			name:   "truncated-gzip",
			files:  map[string][]byte{"story.txt.gz": truncate(gzipBytes(t, bytes.Repeat(text, 50)), 60)},
			want:   "truncated gzip stream",
			wantIs: ingest.ErrTruncatedGzip,
		},
		{
			name:  "corrupt-gzip",
			files: map[string][]byte{"story.txt.gz": corruptChecksum(gzipBytes(t, text))},
			want:  "corrupt gzip stream: gzip: invalid checksum",
		},
		{
			name:  "malformed-xml",
			files: map[string][]byte{"feed.xml": []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title><item><title>A</title><descr`)},
			want:  "parse feed: XML syntax error on line 1: unexpected EOF",
		},
		{
			name:  "xml-not-a-feed",
			files: map[string][]byte{"sitemap.xml": []byte(`<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>`)},
			want:  "parse feed: failed to detect feed type",
		},
		{
			name:   "malformed-json-line",
			files:  map[string][]byte{"wire.jsonl": []byte("{\"text\": \"First.\"}\n{\"text\": tru\n{\"text\": \"Third.\"}\n")},
			source: "wire.jsonl",
			want:   "parse JSON line: invalid character",
		},
		{
			name:   "json-line-too-long",
			files:  map[string][]byte{"wire.jsonl": []byte("{\"text\": \"" + strings.Repeat("long ", 300) + "\"}\n{\"text\": \"Short.\"}\n")},
			opts:   ingest.Options{MaxBytes: 1024},
			source: "wire.jsonl",
			want:   "larger than the 1 KiB limit",
			wantIs: ingest.ErrTooLarge,
		},
		{
			name:   "json-array-syntax",
			files:  map[string][]byte{"wire.json": []byte("[\n{\"text\": \"First.\"},\n{\"text\": \"Second.\"\n]\n")},
			source: "wire.json",
			want:   "parse JSON: invalid character ']' after object key:value pair",
		},
		{
			name: "warc-truncated",
			files: map[string][]byte{"crawl.warc.gz": append(
				writeWARC(t, []warcRecord{responseRecord("https://x.example/a", "200 OK",
					[]string{"Content-Type", "text/html"}, []byte("<p>Complete page.</p>"))}, true),
				truncate(writeWARC(t, []warcRecord{responseRecord("https://x.example/b", "200 OK",
					[]string{"Content-Type", "text/html"}, bytes.Repeat([]byte("<p>Cut page.</p>"), 200))}, true), 40)...)},
			want:    "truncated gzip stream",
			wantIs:  ingest.ErrTruncatedGzip,
			wantDoc: true,
		},
		{
			name:   "warc-garbage",
			files:  map[string][]byte{"crawl.warc": []byte("WARC/1.0\r\nWARC-Type: response\r\nno colon here\r\n\r\n")},
			want:   `malformed record header line "no colon here\r\n"`,
			source: "crawl.warc",
		},
		{
			name:   "missing",
			files:  map[string][]byte{},
			source: "no-such-file.txt",
			want:   "stat: no such file or directory",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			good := filepath.Join(t.TempDir(), "good.txt")
			writeFiles(t, filepath.Dir(good), map[string][]byte{"good.txt": text})
			source := filepath.Join(dir, tt.source)
			got := collect(t, ingest.New(tt.opts).Read(t.Context(), []string{source, good}))
			var found error
			for d, err := range ingest.New(tt.opts).Read(t.Context(), []string{source}) {
				if err != nil && found == nil {
					found = err
				}
				_ = d
			}
			if found == nil {
				t.Fatalf("no error; got %+v", got)
			}
			var ie *ingest.Error
			if !errors.As(found, &ie) || !strings.HasPrefix(ie.Source, dir) {
				t.Errorf("error %q does not name a source under %s", found, dir)
			}
			if msg := strings.TrimPrefix(found.Error(), ie.Source+": "); !strings.HasPrefix(msg, tt.want) {
				t.Errorf("error = %q, want %q after the source", found, tt.want)
			}
			if tt.wantIs != nil && !errors.Is(found, tt.wantIs) {
				t.Errorf("errors.Is(%q, %v) = false", found, tt.wantIs)
			}
			docs := documents(got)
			if len(docs) == 0 || docs[len(docs)-1].Source != good {
				t.Errorf("the good file after the bad one was not read: %+v", got)
			}
			if tt.wantDoc && len(docs) < 2 {
				t.Errorf("want the document of the bad source kept too; got %+v", got)
			}
		})
	}
}

func TestReadJSONLContinues(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"wire.jsonl": []byte(
		"{\"text\": \"First.\"}\n{\"text\": tru\n{\"text\": \"" + strings.Repeat("x", 2000) + "\"}\n{\"text\": \"Fourth.\"}")})
	got := collect(t, ingest.New(ingest.Options{MaxBytes: 1024}).Read(t.Context(), []string{filepath.Join(dir, "wire.jsonl")}))
	var sources []string
	for _, r := range got {
		sources = append(sources, strings.TrimPrefix(r.Source, dir+string(filepath.Separator)))
	}
	want := []string{"wire.jsonl:1", "wire.jsonl:2", "wire.jsonl:3", "wire.jsonl:4"}
	if !slices.Equal(sources, want) {
		t.Fatalf("sources = %q, want %q", sources, want)
	}
	if got[1].Error == "" || got[2].Error == "" || got[3].Body != "Fourth." {
		t.Errorf("got %+v, want errors for lines 2 and 3 and line 4 read", got)
	}
}

// TestReadTooLargeStream reads a 200 MB page and checks that no more than the limit and a buffer
// of it is read: a document over the limit is refused, not loaded.
// TestReadJSONDocument reads JSON written for people rather than JSON Lines: an array of records,
// pretty-printed objects one after another, or both.
func TestReadJSONDocument(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []result
	}{
		{
			name: "array",
			data: "[\n  {\"title\": \"One\", \"text\": \"First.\"},\n  {\"title\": \"Two\", \"html\": \"<p>Second.</p>\"}\n]\n",
			want: []result{
				{Source: "a.json#1", Format: dossier.FormatText, Meta: dossier.Meta{Title: "One"}, Body: "First."},
				{Source: "a.json#2", Format: dossier.FormatHTML, Meta: dossier.Meta{Title: "Two"}, Body: "<p>Second.</p>"},
			},
		},
		{
			name: "pretty-objects",
			data: "{\n  \"title\": \"One\",\n  \"text\": \"First.\"\n}\n{\n  \"url\": \"https://x.example/\"\n}\n{\n  \"text\": \"Third.\"\n}\n",
			want: []result{
				{Source: "a.json#1", Format: dossier.FormatText, Meta: dossier.Meta{Title: "One"}, Body: "First."},
				{Source: "a.json#2", Error: `a.json#2: record has neither "text" nor "html"`},
				{Source: "a.json#3", Format: dossier.FormatText, Body: "Third."},
			},
		},
		{
			name: "syntax-error-after-a-record",
			data: "{\n  \"text\": \"First.\"\n}\n{\n  \"text\": \n",
			want: []result{
				{Source: "a.json#1", Format: dossier.FormatText, Body: "First."},
				{Source: "a.json#2", Error: "a.json#2: parse JSON: unexpected EOF"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"a.json": {Data: []byte(tt.data)}}
			got := collect(t, ingest.New(ingest.Options{}).ReadFS(t.Context(), fsys, "a.json"))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestReadTooLargeStream(t *testing.T) {
	const size = 200 << 20
	counter := &countingReader{r: io.LimitReader(repeatReader("<p>The ferry is late again.</p>\n"), size)}
	r := ingest.New(ingest.Options{})
	r.Stdin = io.MultiReader(strings.NewReader("<!DOCTYPE html><html><body>"), counter)
	got := collect(t, r.Read(t.Context(), []string{"-"}))
	if len(got) != 1 || got[0].Error != "-: larger than the 32 MiB limit" {
		t.Fatalf("got %+v, want one error: larger than the 32 MiB limit", got)
	}
	if counter.n > 33<<20 {
		t.Errorf("read %d bytes of a %d-byte page, want no more than the limit and a buffer", counter.n, size)
	}
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// repeatReader yields s over and over.
type repeatReader string

func (s repeatReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		n += copy(p[n:], s)
	}
	return n, nil
}

func TestReadContextCancelled(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"a.txt": []byte("First story."),
		"b.txt": []byte("Second story."),
		"c.txt": []byte("Third story."),
	})
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var got []string
	var last error
	for d, err := range ingest.New(ingest.Options{}).Read(ctx, []string{dir}) {
		if err != nil {
			last = err
			continue
		}
		got = append(got, string(d.Body))
		cancel()
	}
	if !slices.Equal(got, []string{"First story."}) {
		t.Errorf("documents after cancel = %q, want only the first", got)
	}
	if !errors.Is(last, context.Canceled) || sourceOf(last) == "" {
		t.Errorf("last error = %v, want context.Canceled naming a source", last)
	}
}

func TestReadStopsWhenConsumerStops(t *testing.T) {
	n := 0
	for range ingest.New(ingest.Options{}).Read(t.Context(), []string{filepath.Join("testdata", "TestRead")}) {
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Errorf("consumed %d values, want 3", n)
	}
}

func TestOptionsValidate(t *testing.T) {
	tests := []struct {
		name string
		opts ingest.Options
		want string
	}{
		{name: "zero", opts: ingest.Options{}},
		{name: "set", opts: ingest.Options{MaxBytes: 1 << 20, Timeout: 5e9, UserAgent: "test/1"}},
		{name: "negative-max", opts: ingest.Options{MaxBytes: -1}, want: "max bytes -1 is negative"},
		{name: "negative-timeout", opts: ingest.Options{Timeout: -1}, want: "timeout -1ns is negative"},
		{name: "agent-newline", opts: ingest.Options{UserAgent: "a\r\nX-Evil: 1"}, want: "user agent contains a line break"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.opts.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Errorf("Validate() = %v, want %q", err, tt.want)
			}
		})
	}
}

func truncate(b []byte, n int) []byte { return b[:min(len(b), n)] }

func cutEnd(b []byte, n int) []byte { return b[:max(0, len(b)-n)] }

// corruptChecksum flips a bit of the CRC-32 in a gzip trailer.
func corruptChecksum(b []byte) []byte {
	out := slices.Clone(b)
	out[len(out)-8] ^= 1
	return out
}

// TestReadSharedPages reads the real news pages of the extraction benchmark: every gzip-compressed
// page must come out as one HTML document, whatever charset it was written in.
func TestReadSharedPages(t *testing.T) {
	dir := shared.Dir(t, "bench", "extraction", "html")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("no extraction pages: %v", err)
	}
	got := collect(t, ingest.New(ingest.Options{}).Read(t.Context(), []string{dir}))
	if len(got) != len(entries) {
		t.Errorf("got %d results for %d files", len(got), len(entries))
	}
	for _, r := range got {
		switch {
		case r.Error != "":
			t.Errorf("%s", r.Error)
		case r.Format != dossier.FormatHTML:
			t.Errorf("%s: format %q, want html", r.Source, r.Format)
		case !strings.Contains(strings.ToLower(r.Body), "<body"):
			t.Errorf("%s: body has no <body>: %q", r.Source, r.Body[:min(len(r.Body), 80)])
		}
	}
}

func TestReadWARC(t *testing.T) {
	page := []byte("<html><body><p>The tide tables for August are out.</p></body></html>")
	longURI := "https://ledger.example/tides?" + strings.Repeat("utm_source=x&", 800)
	tests := []struct {
		name     string
		data     []byte
		wantDocs int
		wantErr  string // after "crawl.warc#N: "
	}{
		{
			name:     "long-target-uri",
			data:     writeWARC(t, []warcRecord{responseRecord(longURI, "200 OK", []string{"Content-Type", "text/html"}, page)}, false),
			wantDocs: 1,
		},
		{
			name:    "header-line-too-long",
			data:    writeWARC(t, []warcRecord{responseRecord(strings.Repeat("x", 70<<10), "200 OK", nil, page)}, false),
			wantErr: "crawl.warc#1: record header line longer than 64 KiB",
		},
		{
			name:    "block-cut-short",
			data:    cutEnd(writeWARC(t, []warcRecord{responseRecord("https://x.example/", "200 OK", []string{"Content-Type", "text/html"}, page)}, false), 30),
			wantErr: "crawl.warc#1: truncated record: the page is shorter than its Content-Length",
		},
		{
			name:    "no-content-length",
			data:    []byte("WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n"),
			wantErr: `crawl.warc#1: record has no valid Content-Length ("")`,
		},
		{
			name:    "not-a-record",
			data:    append(writeWARC(t, []warcRecord{responseRecord("https://x.example/", "200 OK", []string{"Content-Type", "text/html"}, page)}, false), "garbage after the record\r\n"...),
			wantErr: `crawl.warc#2: expected a WARC record, found "garbage after the record"`, wantDocs: 1,
		},
		{
			// A crawler kept only the start of a long page; the HTTP header still gives the full length.
			name: "payload-truncated-by-crawler",
			data: writeWARC(t, []warcRecord{{typ: "response", target: "https://x.example/long", contentType: "application/http; msgtype=response",
				block: []byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 999999\r\n\r\n<html><body><p>Only the start.</p>"), truncated: true}}, false),
			wantDocs: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(t, ingest.New(ingest.Options{}).ReadFS(t.Context(), fstest.MapFS{"crawl.warc": {Data: tt.data}}, "crawl.warc"))
			if n := len(documents(got)); n != tt.wantDocs {
				t.Errorf("got %d documents, want %d: %+v", n, tt.wantDocs, got)
			}
			gotErrs := errs(got)
			switch {
			case tt.wantErr == "" && len(gotErrs) > 0:
				t.Errorf("errors %q, want none", gotErrs)
			case tt.wantErr != "" && (len(gotErrs) != 1 || !strings.HasPrefix(gotErrs[0], tt.wantErr)):
				t.Errorf("errors %q, want one starting %q", gotErrs, tt.wantErr)
			}
		})
	}
}
