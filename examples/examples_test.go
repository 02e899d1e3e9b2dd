package examples_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dossier-news/dossier/examples"
)

// readCorpus reads every file of the corpus, by path.
func readCorpus(t *testing.T) map[string][]byte {
	t.Helper()
	fsys := examples.Corpus()
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, name)
		files[name] = b
		return err
	})
	if err != nil {
		t.Fatalf("walk corpus: %v", err)
	}
	return files
}

// withSuffix returns the names of the files ending in suffix.
func withSuffix(files map[string][]byte, suffix string) []string {
	var names []string
	for name := range files {
		if strings.HasSuffix(name, suffix) {
			names = append(names, name)
		}
	}
	return names
}

func TestCorpusFiles(t *testing.T) {
	files := readCorpus(t)
	if len(files) == 0 {
		t.Fatal("corpus is empty")
	}
	for name, b := range files {
		if len(bytes.TrimSpace(b)) == 0 {
			t.Errorf("%s is empty", name)
		}
		if !utf8.Valid(b) {
			t.Errorf("%s is not valid UTF-8", name)
		}
	}
}

func TestCorpusFormats(t *testing.T) {
	files := readCorpus(t)
	timeAttr := regexp.MustCompile(`<time[^>]* datetime="([^"]+)"`)
	ldJSON := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
	tests := []struct {
		name   string
		suffix string
		min    int
		check  func(t *testing.T, name string, b []byte)
	}{
		{
			name: "text-with-sidecar", suffix: ".meta.json", min: 1,
			check: func(t *testing.T, name string, b []byte) {
				var meta struct{ Outlet, URL, Published, Title string }
				if err := json.Unmarshal(b, &meta); err != nil {
					t.Fatalf("decode %s: %v", name, err)
				}
				if meta.Outlet == "" || meta.URL == "" || meta.Title == "" {
					t.Errorf("%s lacks outlet, url or title: %+v", name, meta)
				}
				if _, err := time.Parse(time.RFC3339, meta.Published); err != nil {
					t.Errorf("%s: published: %v", name, err)
				}
				if text := strings.TrimSuffix(name, ".meta.json") + ".txt"; files[text] == nil {
					t.Errorf("%s has no %s beside it", name, text)
				}
			},
		},
		{name: "plain-text", suffix: ".txt", min: 4},
		{
			name: "markdown", suffix: ".md", min: 1,
			check: func(t *testing.T, name string, b []byte) {
				if !bytes.HasPrefix(b, []byte("# ")) {
					t.Errorf("%s does not open with a Markdown heading", name)
				}
			},
		},
		{
			name: "html", suffix: ".html", min: 2,
			check: func(t *testing.T, name string, b []byte) {
				for _, want := range []string{`property="og:title"`, `property="og:url"`, "<nav", "share", "newsletter"} {
					if !bytes.Contains(b, []byte(want)) {
						t.Errorf("%s lacks %s", name, want)
					}
				}
				m := timeAttr.FindSubmatch(b)
				if m == nil {
					t.Errorf("%s has no <time datetime>", name)
				} else if _, err := time.Parse(time.RFC3339, string(m[1])); err != nil {
					t.Errorf("%s: <time datetime>: %v", name, err)
				}
				ld := ldJSON.FindSubmatch(b)
				var v struct {
					Type          string `json:"@type"`
					DatePublished string `json:"datePublished"`
				}
				if ld == nil {
					t.Errorf("%s has no JSON-LD", name)
				} else if err := json.Unmarshal(ld[1], &v); err != nil || v.Type != "NewsArticle" || v.DatePublished == "" {
					t.Errorf("%s: JSON-LD = %+v, %v; want a NewsArticle with datePublished", name, v, err)
				}
			},
		},
		{
			name: "rss", suffix: ".xml", min: 1,
			check: func(t *testing.T, name string, b []byte) {
				var feed struct {
					XMLName xml.Name `xml:"rss"`
					Version string   `xml:"version,attr"`
					Items   []struct {
						Title       string `xml:"title"`
						PubDate     string `xml:"pubDate"`
						Description string `xml:"description"`
						Content     string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
					} `xml:"channel>item"`
				}
				if err := xml.Unmarshal(b, &feed); err != nil {
					t.Fatalf("decode %s: %v", name, err)
				}
				if feed.Version != "2.0" || len(feed.Items) != 2 {
					t.Errorf("%s: RSS version %q with %d items, want 2.0 with 2", name, feed.Version, len(feed.Items))
				}
				for _, it := range feed.Items {
					if it.Title == "" || it.Description == "" && it.Content == "" {
						t.Errorf("%s: item %q has no title or no content", name, it.Title)
					}
					if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
						t.Errorf("%s: item %q: pubDate: %v", name, it.Title, err)
					}
				}
			},
		},
		{
			name: "jsonl", suffix: ".jsonl", min: 1,
			check: func(t *testing.T, name string, b []byte) {
				n := 0
				sc := bufio.NewScanner(bytes.NewReader(b))
				sc.Buffer(nil, 1<<20)
				for sc.Scan() {
					n++
					var rec struct{ URL, Title, Outlet, Published, Text, HTML string }
					if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
						t.Fatalf("%s:%d: %v", name, n, err)
					}
					if rec.URL == "" || rec.Title == "" || rec.Outlet == "" || rec.Text == "" && rec.HTML == "" {
						t.Errorf("%s:%d lacks url, title, outlet or a body", name, n)
					}
					if _, err := time.Parse(time.RFC3339, rec.Published); err != nil {
						t.Errorf("%s:%d: published: %v", name, n, err)
					}
				}
				if err := sc.Err(); err != nil {
					t.Fatalf("read %s: %v", name, err)
				}
				if n < 1 || n > 2 {
					t.Errorf("%s has %d records, want 1 or 2", name, n)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			names := withSuffix(files, tt.suffix)
			if len(names) < tt.min {
				t.Fatalf("%d files ending in %s, want at least %d", len(names), tt.suffix, tt.min)
			}
			for _, name := range names {
				if tt.check != nil {
					tt.check(t, name, files[name])
				}
			}
		})
	}
}

// TestCorpusHardCases checks that the hard cases the package doc promises are in the files.
func TestCorpusHardCases(t *testing.T) {
	files := readCorpus(t)
	tests := []struct {
		name string
		file string
		want []string
	}{
		{
			name: "headline-glued-to-subheading",
			file: "meridian-2031-04-18-call-readouts.txt",
			want: []string{"dam talksVelmar says"},
		},
		{
			name: "quote-over-two-paragraphs-closed-at-the-end",
			file: "meridian-2031-04-18-call-readouts.txt",
			want: []string{"means.\n\n“If Orvet", "what was said.”"},
		},
		{
			name: "conflicting-readouts",
			file: "meridian-2031-04-18-call-readouts.txt",
			want: []string{"agreed in principle on interim water quotas", "No quotas were agreed"},
		},
		{
			name: "straight-and-curly-quotes-mixed",
			file: "orvet-courier-2031-04-16-caldora-terms.md",
			want: []string{`"`, "“", "”", "‘", "’"},
		},
		{
			name: "expert-with-role",
			file: "meridian-2031-04-14-talks-open.txt",
			want: []string{"Dr. Mara Velk, a senior fellow at the Institute for Transboundary Water Studies"},
		},
		{
			name: "donation-appeal",
			file: "riverwatch-2031-04-22-delta-salt.txt",
			want: []string{"A message from RiverWatch", "Dear readers,", "support us", "Remind me later."},
		},
		{
			name: "previous-next-links",
			file: "sarn-valley-dispatch-2031-04-25-meskel-bridge.txt",
			want: []string{"\nPrevious: ", "\nNext: "},
		},
		{
			name: "section-labels",
			file: "lowland-observer-2031-05-02-analysis.txt",
			want: []string{"\n\nSummary\n\n", "\n\nAnalysis\n\n", "\n\nWhat to watch\n\n"},
		},
		{
			name: "near-duplicate-reprint",
			file: "hesk-evening-post-2031-04-19-call-readouts.html",
			want: []string{"Meridian Wire Service", "“No quotas were agreed, and none were discussed,”"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, ok := files[tt.file]
			if !ok {
				t.Fatalf("%s is not in the corpus", tt.file)
			}
			for _, w := range tt.want {
				if !bytes.Contains(b, []byte(w)) {
					t.Errorf("%s lacks %q", tt.file, w)
				}
			}
		})
	}

	t.Run("exact-duplicate", func(t *testing.T) {
		seen := map[string]string{}
		dups := 0
		for name, b := range files {
			if other, ok := seen[string(b)]; ok {
				dups++
				t.Logf("%s duplicates %s", path.Base(name), path.Base(other))
			}
			seen[string(b)] = name
		}
		if dups != 1 {
			t.Errorf("%d files duplicate another byte for byte, want 1", dups)
		}
	})
}
