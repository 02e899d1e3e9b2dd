package extract

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/dossier-news/dossier/clean"
	"golang.org/x/net/html"
)

// Page is what one HTML page yields: its main content as paragraph blocks, in reading order,
// plus metadata.
type Page struct {
	// Blocks are the main text's paragraphs; h2–h6 inside the content are Heading blocks, and
	// the title's <h1> is left out.
	Blocks []clean.Block
	// Title comes from og:title, JSON-LD headline, <h1> or <title>, without a " | Site" suffix.
	Title string
	// Outlet comes from og:site_name, JSON-LD publisher.name, application-name or the host name.
	Outlet string
	// URL is the canonical link or og:url, resolved against the base URL.
	URL string
	// Published comes from article:published_time, JSON-LD datePublished, <time datetime> or a
	// date meta tag; zero when the page gives none.
	Published time.Time
	// Lang is a two-letter language code from <html lang>, content-language or og:locale.
	Lang string
	// Byline names the authors, from JSON-LD author or an author meta tag ("Jane Roe, John Doe").
	Byline string
}

// HTML extracts the main content and metadata of one page. body is read as UTF-8 (ingest
// converts legacy charsets first; stray invalid bytes become U+FFFD). base is the page URL when
// known ("" otherwise); it resolves a relative canonical link and names the outlet when nothing
// else does.
func HTML(body []byte, base string) (*Page, error) {
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	p := flatten(doc)
	ld := parseLinkedData(p.head.ldJSON)
	out := &Page{Blocks: p.mainBlocks()}
	if b := ldBlocks(ld.body); textLen(b) > 3*textLen(out.Blocks) {
		// The page renders its text with scripts, or hides it: the JSON-LD copy is all there is.
		out.Blocks = b
	}
	p.metadata(out, ld, base)
	return out, nil
}

// minLDBody is the length under which a JSON-LD articleBody is taken for a teaser, not the text.
const minLDBody = 500

// ldBlocks splits a JSON-LD articleBody into paragraphs. Some sites put HTML in it, which is
// flattened like a page; others separate paragraphs with newlines.
func ldBlocks(body string) []clean.Block {
	if len(body) < minLDBody {
		return nil
	}
	var out []clean.Block
	if strings.Contains(body, "</p>") || strings.Contains(body, "<br") {
		doc, err := html.Parse(strings.NewReader(body))
		if err != nil {
			return nil
		}
		for _, b := range flatten(doc).blocks {
			out = append(out, clean.Block{Text: b.text, Heading: b.heading >= 2})
		}
		return out
	}
	for _, line := range strings.Split(html.UnescapeString(body), "\n") {
		if line = collapseSpace(line); line != "" {
			out = append(out, clean.Block{Text: line})
		}
	}
	return out
}

func textLen(bs []clean.Block) int {
	n := 0
	for _, b := range bs {
		n += len(b.Text)
	}
	return n
}
