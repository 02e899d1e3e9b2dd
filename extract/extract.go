package extract

import (
	"bytes"
	"fmt"
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
}

// HTML extracts the main content and metadata of one page. base is the page URL when known
// ("" otherwise); it resolves a relative canonical link and names the outlet when nothing else does.
func HTML(body []byte, base string) (*Page, error) {
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	p := flatten(doc)
	ld := parseLinkedData(p.head.ldJSON)
	out := &Page{Blocks: p.mainBlocks()}
	p.metadata(out, ld, base)
	return out, nil
}
