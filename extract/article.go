package extract

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/clean"
)

// ErrNoText means a document held no article text once boilerplate was taken out.
var ErrNoText = errors.New("no article text found")

// Article turns a document into a clean article. Metadata the source gave (doc.Meta) wins over
// what the page says about itself; the page fills only what the source left empty.
func Article(doc *dossier.Document) (*dossier.Article, error) {
	m := doc.Meta
	var blocks []clean.Block
	var byline string
	switch doc.Format {
	case dossier.FormatHTML:
		p, err := HTML(doc.Body, m.URL)
		if err != nil {
			return nil, fmt.Errorf("extract html: %w", err)
		}
		blocks = p.Blocks
		m.Title = cmp.Or(m.Title, p.Title)
		m.Outlet = cmp.Or(m.Outlet, p.Outlet)
		m.URL = cmp.Or(m.URL, p.URL)
		m.Lang = cmp.Or(m.Lang, p.Lang)
		byline = p.Byline
		if m.Published.IsZero() {
			m.Published = p.Published
		}
	case dossier.FormatMarkdown:
		blocks = clean.MarkdownBlocks(string(doc.Body))
	default:
		blocks = clean.TextBlocks(string(doc.Body))
	}
	r := clean.Clean(blocks, m.Title)
	if r.Text == "" {
		return nil, ErrNoText
	}
	// The date line in the text comes last: the source and the page's metadata are more exact.
	if m.Published.IsZero() {
		m.Published = r.Published
	}
	a := &dossier.Article{
		Source:    doc.Source,
		Title:     cmp.Or(m.Title, r.Title),
		Subtitle:  r.Subtitle,
		Outlet:    m.Outlet,
		Byline:    cmp.Or(byline, r.Byline),
		URL:       m.URL,
		Published: m.Published,
		Lang:      cmp.Or(m.Lang, clean.Lang(r.Text)),
		Text:      r.Text,
		Headings:  r.Headings,
		Removed:   r.Removed,
	}
	sum := sha256.Sum256([]byte(a.Text))
	a.Hash = hex.EncodeToString(sum[:])
	h := sha256.New()
	h.Write([]byte(cmp.Or(a.URL, a.Source)))
	h.Write([]byte{0})
	h.Write(sum[:])
	a.ID = hex.EncodeToString(h.Sum(nil))[:16]
	return a, nil
}
