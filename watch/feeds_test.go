package watch_test

import (
	"bytes"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier/watch"
)

func TestParseFeeds(t *testing.T) {
	tests := []struct {
		name    string // the file in testdata/parse-feeds
		want    []watch.Source
		wantErr string // part of the error, which then wraps ErrBadFeedsFile
	}{
		{name: "nested.opml", want: []watch.Source{
			{URL: "https://gazette.example/rss.xml", Title: "Tessel Gazette"},
			{URL: "https://courier.example/feeds/all.atom", Title: "Lorvik Courier"},
			{URL: "http://wire.example/feed?section=coast&lang=en", Title: "Wire"},
		}},
		{name: "attribute-case.opml", want: []watch.Source{
			{URL: "https://old.example/index.rdf", Title: "Old reader export"},
			{URL: "https://mixed.example/rss", Title: "Mixed"},
		}},
		{name: "latin1.opml", want: []watch.Source{{URL: "https://plage.example/rss", Title: "Café de la Plage"}}},
		{name: "lines.txt", want: []watch.Source{
			{URL: "https://gazette.example/rss.xml"},
			{URL: "https://courier.example/feeds/all.atom"},
			{URL: "https://wire.example/feed?section=coast"},
		}},
		{name: "bom-crlf.txt", want: []watch.Source{{URL: "https://bom.example/rss"}, {URL: "https://crlf.example/atom"}}},
		{name: "bad-url.opml", wantErr: `line 3: "file:///etc/passwd" is not an absolute http or https URL`},
		{name: "bad-line.txt", wantErr: `line 2: "gazette.example/other.xml" is not an absolute http or https URL`},
		{name: "not-opml.xml", wantErr: "root element is <rss>, not <opml>"},
		{name: "unclosed.opml", wantErr: "line 3: element <outline> closed by </body>"},
		{name: "only-comments.txt", wantErr: "no feed URL in it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", "parse-feeds", tt.name))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, err := watch.ParseFeeds(f)
			if tt.wantErr != "" {
				if !errors.Is(err, watch.ErrBadFeedsFile) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParseFeeds() error = %v, want ErrBadFeedsFile with %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseFeeds() error = %v", err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("ParseFeeds() =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestParseFeedsTooLarge(t *testing.T) {
	line := []byte("https://gazette.example/rss.xml\n")
	big := bytes.Repeat(line, 9<<20/len(line))
	if _, err := watch.ParseFeeds(bytes.NewReader(big)); !errors.Is(err, watch.ErrBadFeedsFile) {
		t.Errorf("ParseFeeds(9 MB) error = %v, want ErrBadFeedsFile", err)
	}
}

// FuzzParseFeeds checks that whatever a feeds file holds, ParseFeeds returns an error or at
// least one feed, and every feed is a distinct absolute http(s) URL in valid UTF-8 that a
// second parse keeps as it is.
func FuzzParseFeeds(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "parse-feeds", "*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("<opml><body><outline xmlUrl='https://a.example/x#frag'/><outline xmlUrl=' https://a.example/x '/></body></opml>"))
	f.Add([]byte("https://a.example/ # c\nhttp://[::1]:80/x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		feeds, err := watch.ParseFeeds(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, watch.ErrBadFeedsFile) {
				t.Fatalf("error %v does not wrap ErrBadFeedsFile", err)
			}
			return
		}
		if len(feeds) == 0 {
			t.Fatal("no error and no feed")
		}
		seen := make(map[string]bool)
		for _, s := range feeds {
			if !utf8.ValidString(s.URL) || !utf8.ValidString(s.Title) {
				t.Errorf("feed %q (%q) is not valid UTF-8", s.URL, s.Title)
			}
			u, err := url.Parse(s.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Errorf("feed %q is not an absolute http(s) URL", s.URL)
			}
			if seen[s.URL] {
				t.Errorf("feed %q listed twice", s.URL)
			}
			seen[s.URL] = true
			again, err := watch.ParseFeeds(strings.NewReader(s.URL))
			if err != nil || len(again) != 1 || again[0].URL != s.URL {
				t.Errorf("feed %q parses again as %v, %v", s.URL, again, err)
			}
		}
	})
}
