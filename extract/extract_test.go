package extract_test

import (
	"bytes"
	"flag"
	"fmt"
	"github.com/dossier-news/dossier/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dossier-news/dossier/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/html")

// render writes a page the way the golden files hold it: metadata lines, a blank line, then
// one paragraph per block with headings marked "## ".
func render(p *extract.Page) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\noutlet: %s\nurl: %s\n", p.Title, p.Outlet, p.URL)
	published := ""
	if !p.Published.IsZero() {
		published = p.Published.UTC().Format(time.RFC3339)
	}
	fmt.Fprintf(&b, "published: %s\nlang: %s\nbyline: %s\n", published, p.Lang, p.Byline)
	for _, bl := range p.Blocks {
		b.WriteString("\n")
		if bl.Heading {
			b.WriteString("## ")
		}
		b.WriteString(bl.Text)
		b.WriteString("\n")
	}
	return b.String()
}

func TestHTMLGolden(t *testing.T) {
	tests := []struct {
		name string
		base string
	}{
		// A news story with navigation, share bar, caption, inline related links, an ad slot,
		// a newsletter box, tags, author bio, related cards, comments, sidebar and footer.
		{"news-story", "https://harbourgazette.example/news/2024/03/night-ferry-returns?ref=feed"},
		// An old-style blog page: layout table, no class names, <br><br> paragraphs and a
		// results table inside the text.
		{"plain-blog", "http://diariodaserra.example/2023/07/corrida.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("testdata", "html", tt.name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			p, err := extract.HTML(in, tt.base)
			if err != nil {
				t.Fatalf("HTML: %v", err)
			}
			golden.Check(t, filepath.Join("testdata", "html", tt.name+".golden"), render(p), *update)
		})
	}
}

func TestHTMLMetadata(t *testing.T) {
	const story = `<p>The tide table for the coming week was published by the harbour office this morning, with the highest water expected on Thursday night.</p>`
	page := func(head, body string) string {
		return "<html><head>" + head + "</head><body>" + body + "<article>" + story + "</article></body></html>"
	}
	date := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	tests := []struct {
		name string
		html string
		base string
		want extract.Page // Blocks are not compared
	}{
		{
			name: "og title over title element",
			html: page(`<title>Tide table | Coast News</title><meta property="og:title" content="Tide table for the week">`, ""),
			want: extract.Page{Title: "Tide table for the week"},
		},
		{
			name: "json-ld headline and publisher",
			html: page(`<title>x</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"High water on Thursday","publisher":{"@type":"Organization","name":"Coast News"},"datePublished":"2024-05-02T08:00:00+02:00"}</script>`, ""),
			want: extract.Page{Title: "High water on Thursday", Outlet: "Coast News", Published: date("2024-05-02T08:00:00+02:00")},
		},
		{
			name: "json-ld graph with raw newline in a string",
			html: page(`<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Coast News"},{"@type":["Article"],"headline":"Tide
table","datePublished":"2024-05-02"}]}</script>`, ""),
			want: extract.Page{Title: "Tide table", Outlet: "Coast News", Published: date("2024-05-02T00:00:00Z")},
		},
		{
			name: "h1 when no meta title",
			html: page(`<title>Coast News - Tides</title>`, `<h1>Tides this week</h1>`),
			want: extract.Page{Title: "Tides this week"},
		},
		{
			name: "title suffix naming the site is dropped",
			html: page(`<title>Tide table for the week | Coast News</title><meta property="og:site_name" content="Coast News">`, ""),
			want: extract.Page{Title: "Tide table for the week", Outlet: "Coast News"},
		},
		{
			name: "title prefix naming the host is dropped",
			html: page(`<title>CoastNews - Tide table for the week</title>`, ""),
			base: "https://www.coastnews.example/tides",
			want: extract.Page{Title: "Tide table for the week", Outlet: "coastnews.example", URL: "https://www.coastnews.example/tides"},
		},
		{
			name: "title separator inside the headline is kept",
			html: page(`<title>Storm - the week in pictures</title>`, ""),
			base: "https://coastnews.example/a",
			want: extract.Page{Title: "Storm - the week in pictures", Outlet: "coastnews.example", URL: "https://coastnews.example/a"},
		},
		{
			name: "application-name outlet",
			html: page(`<meta name="application-name" content="Coast News">`, ""),
			want: extract.Page{Outlet: "Coast News"},
		},
		{
			name: "site name given as a url",
			html: page(`<meta property="og:site_name" content="https://www.coastnews.example">`, ""),
			want: extract.Page{Outlet: "coastnews.example"},
		},
		{
			name: "relative canonical resolved against base",
			html: page(`<link rel="canonical" href="/tides/week-19">`, ""),
			base: "https://coastnews.example/amp/tides?x=1",
			want: extract.Page{URL: "https://coastnews.example/tides/week-19", Outlet: "coastnews.example"},
		},
		{
			name: "og url without base",
			html: page(`<meta property="og:url" content="https://coastnews.example/tides">`, ""),
			want: extract.Page{URL: "https://coastnews.example/tides", Outlet: "coastnews.example"},
		},
		{
			name: "relative canonical without base is dropped",
			html: page(`<link rel="canonical" href="/tides">`, ""),
			want: extract.Page{},
		},
		{
			name: "article published time",
			html: page(`<meta property="article:published_time" content="2024-05-02T06:15:00Z"><meta name="date" content="2020-01-01">`, ""),
			want: extract.Page{Published: date("2024-05-02T06:15:00Z")},
		},
		{
			name: "itemprop datePublished on a meta with several names",
			html: page(`<meta property="article:published" itemprop="datePublished dateCreated" content="2024-05-02T06:15:00.000Z">`, ""),
			want: extract.Page{Published: date("2024-05-02T06:15:00Z")},
		},
		{
			name: "time element marked pubdate before others",
			html: page("", `<time datetime="2024-05-09">later</time><time pubdate datetime="2024-05-02T10:00:00+01:00">2 May</time>`),
			want: extract.Page{Published: date("2024-05-02T10:00:00+01:00")},
		},
		{
			name: "written date in a meta tag",
			html: page(`<meta name="pubdate" content="May 2, 2024">`, ""),
			want: extract.Page{Published: date("2024-05-02T00:00:00Z")},
		},
		{
			name: "placeholder date refused",
			html: page(`<meta property="article:published_time" content="0001-01-01T00:00:00Z">`, ""),
			want: extract.Page{},
		},
		{
			name: "html lang with region",
			html: `<html lang="pt-BR"><body><article>` + story + `</article></body></html>`,
			want: extract.Page{Lang: "pt"},
		},
		{
			name: "content-language meta",
			html: page(`<meta http-equiv="Content-Language" content="de">`, ""),
			want: extract.Page{Lang: "de"},
		},
		{
			name: "og locale",
			html: page(`<meta property="og:locale" content="fr_FR">`, ""),
			want: extract.Page{Lang: "fr"},
		},
		{
			name: "json-ld inLanguage",
			html: page(`<script type="application/ld+json">{"@type":"BlogPosting","inLanguage":"es-ES"}</script>`, ""),
			want: extract.Page{Lang: "es"},
		},
		{
			name: "unusable language tag",
			html: page(`<meta property="og:locale" content="english">`, ""),
			want: extract.Page{},
		},
		{
			name: "json-ld authors, deduplicated",
			html: page(`<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ada Brill"},{"@type":"Person","name":"Tomas Lune"},{"@type":"Person","name":"Ada Brill"}]}</script><meta name="author" content="Desk">`, ""),
			want: extract.Page{Byline: "Ada Brill, Tomas Lune"},
		},
		{
			name: "author meta with a By",
			html: page(`<meta name="byl" content="By Ada Brill and Tomas Lune">`, ""),
			want: extract.Page{Byline: "Ada Brill and Tomas Lune"},
		},
		{
			name: "author profile URL skipped",
			html: page(`<meta property="article:author" content="https://coast.example/staff/ada"><meta name="parsely-author" content="Ada Brill">`, ""),
			want: extract.Page{Byline: "Ada Brill"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extract.HTML([]byte(tt.html), tt.base)
			if err != nil {
				t.Fatalf("HTML: %v", err)
			}
			w := tt.want
			if got.Title != w.Title || got.Outlet != w.Outlet || got.URL != w.URL || !got.Published.Equal(w.Published) || got.Lang != w.Lang || got.Byline != w.Byline {
				t.Errorf("HTML metadata = {title %q, outlet %q, url %q, published %v, lang %q, byline %q}, want {%q, %q, %q, %v, %q, %q}",
					got.Title, got.Outlet, got.URL, got.Published, got.Lang, got.Byline, w.Title, w.Outlet, w.URL, w.Published, w.Lang, w.Byline)
			}
			if len(got.Blocks) != 1 || !strings.HasPrefix(got.Blocks[0].Text, "The tide table") {
				t.Errorf("HTML blocks = %+v, want the one story paragraph", got.Blocks)
			}
		})
	}
}

func TestHTMLBlocks(t *testing.T) {
	const para = "The lifeboat crew was called out twice on Sunday, first to a yacht with a broken rudder and then to walkers cut off by the tide."
	tests := []struct {
		name string
		html string
		want []string // "## " marks a heading
	}{
		{
			name: "line breaks split paragraphs",
			html: `<div class="entry-content">` + para + `<br><br>The second call came at dusk, when the light was already failing over the bay.</div>`,
			want: []string{para, "The second call came at dusk, when the light was already failing over the bay."},
		},
		{
			name: "whitespace and entities collapsed",
			html: "<article><p>  The\tlifeboat&nbsp;crew \n was called out twice on Sunday, first to a yacht with a broken rudder and then to walkers cut off by the tide.  </p></article>",
			want: []string{para},
		},
		{
			name: "subheading kept, title dropped",
			html: `<article><h1>Two call-outs</h1><p>` + para + `</p><h2>Second call</h2><p>` + para + `</p></article>`,
			want: []string{para, "## Second call", para},
		},
		{
			name: "hidden and script content dropped",
			html: `<article><p>` + para + `</p><p hidden>Hidden teaser text that the reader never sees on the page at all.</p><div style="display: none">Also not shown to anyone reading the page, whatever its length.</div><script>var x = "code";</script></article>`,
			want: []string{para},
		},
		{
			name: "standfirst before the article body kept",
			html: `<div class="story"><p class="story-summary">Two call-outs in one day for the volunteer crew, the busiest Sunday of the year.</p><div class="story-body"><p>` + para + `</p><p>` + para + `</p></div><div class="story-tags"><a href="/t/a">Lifeboats</a></div></div>`,
			want: []string{"Two call-outs in one day for the volunteer crew, the busiest Sunday of the year.", para, para},
		},
		{
			name: "inline elements join words",
			html: `<article><p>The life<b>boat</b> crew was <a href="/x">called out</a> twice on Sunday, first to a yacht with a broken rudder and then to walkers cut off by the tide.</p></article>`,
			want: []string{para},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := extract.HTML([]byte("<html><body>"+tt.html+"</body></html>"), "")
			if err != nil {
				t.Fatalf("HTML: %v", err)
			}
			var got []string
			for _, b := range p.Blocks {
				if b.Heading {
					got = append(got, "## "+b.Text)
				} else {
					got = append(got, b.Text)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("blocks = %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestHTMLLinkedDataBody(t *testing.T) {
	para := func(n int) string {
		return fmt.Sprintf("Paragraph %d of the ferry story, long enough to read as prose: the crossing takes ninety minutes and the cabins sleep four.", n)
	}
	long := strings.Join([]string{para(1), para(2), para(3), para(4), para(5)}, `\n`)
	tests := []struct {
		name string
		html string
		want []string
	}{
		{
			name: "script-rendered page falls back to articleBody",
			html: `<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"` + long + `"}</script></head><body><div id="app"><p>Loading…</p></div></body></html>`,
			want: []string{para(1), para(2), para(3), para(4), para(5)},
		},
		{
			name: "html inside articleBody is flattened",
			html: `<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"<p>` + para(1) + `</p><p>` + para(2) + `</p><p>` + para(3) + `</p><p>` + para(4) + `</p>"}</script></head><body></body></html>`,
			want: []string{para(1), para(2), para(3), para(4)},
		},
		{
			name: "page text wins over a shorter articleBody",
			html: `<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"` + para(1) + " " + para(2) + " " + para(3) + " " + para(4) + `"}</script></head><body><article><p>` + para(1) + `</p><p>` + para(2) + `</p><p>` + para(3) + `</p></article></body></html>`,
			want: []string{para(1), para(2), para(3)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := extract.HTML([]byte(tt.html), "")
			if err != nil {
				t.Fatalf("HTML: %v", err)
			}
			var got []string
			for _, b := range p.Blocks {
				got = append(got, b.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("blocks = %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestHTMLEmpty(t *testing.T) {
	for _, in := range []string{"", "<html></html>", "plain text with no markup at all", "<body><nav><a href='/'>Home</a></nav></body>"} {
		p, err := extract.HTML([]byte(in), "")
		if err != nil {
			t.Fatalf("HTML(%q): %v", in, err)
		}
		for _, b := range p.Blocks {
			if strings.Contains(b.Text, "Home") {
				t.Errorf("HTML(%q) kept navigation: %q", in, b.Text)
			}
		}
	}
}

func FuzzHTML(f *testing.F) {
	for _, name := range []string{"news-story", "plain-blog"} {
		b, err := os.ReadFile(filepath.Join("testdata", "html", name+".html"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<article><p>One</p><br><br><p>Two &amp; <b>three</b></p><table><tr><td>x</td></tr></table></article>`))
	f.Add([]byte("<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\",\"headline\":\"\xff\"}]}</script><p>\xfe text</p>"))
	f.Fuzz(func(t *testing.T, in []byte) {
		p, err := extract.HTML(in, "https://example.org/a")
		if err != nil {
			return
		}
		for i, b := range p.Blocks {
			if b.Text == "" || strings.TrimSpace(b.Text) != b.Text {
				t.Errorf("block %d = %q: empty or not trimmed", i, b.Text)
			}
			if !utf8.ValidString(b.Text) {
				t.Errorf("block %d = %q: invalid UTF-8", i, b.Text)
			}
		}
		for _, s := range []string{p.Title, p.Outlet, p.URL, p.Lang} {
			if !utf8.ValidString(s) {
				t.Errorf("metadata %q: invalid UTF-8", s)
			}
		}
		if p.Lang != "" && len(p.Lang) != 2 {
			t.Errorf("Lang = %q, want a two-letter code", p.Lang)
		}
	})
}

func BenchmarkHTMLTestdata(b *testing.B) {
	var pages [][]byte
	var total int64
	for _, name := range []string{"news-story", "plain-blog"} {
		in, err := os.ReadFile(filepath.Join("testdata", "html", name+".html"))
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, in)
		total += int64(len(in))
	}
	b.SetBytes(total)
	for b.Loop() {
		for _, in := range pages {
			if _, err := extract.HTML(in, ""); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// The benchmark's pages are not in the repository: blocks joined by blank lines is the text
// that the published metric scores.
func joinBlocks(p *extract.Page) string {
	var b bytes.Buffer
	for i, bl := range p.Blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.Text)
	}
	return b.String()
}
