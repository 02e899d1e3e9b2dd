package text

import (
	"sort"

	"github.com/dossier-news/dossier"
)

// Doc is a text with its tokens, sentences, paragraphs and quotations, each in text order.
type Doc struct {
	Text       string
	Tokens     []Token
	Sentences  []dossier.Span
	Paragraphs []dossier.Span
	Quotations []Quotation
}

// Parse reads s once for each layer and returns them together.
func Parse(s string) *Doc {
	toks := Tokens(s)
	paras := Paragraphs(s)
	return &Doc{
		Text:       s,
		Tokens:     toks,
		Sentences:  sentences(s, toks),
		Paragraphs: paras,
		Quotations: quotations(s, paras),
	}
}

// TokenIndex returns the index of the first token that ends after pos: the token at pos, or the
// next one when pos falls between tokens (len(d.Tokens) when none does).
func (d *Doc) TokenIndex(pos int) int {
	return sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > pos })
}

// SentenceIndex returns the index of the sentence that holds pos, or of the next one when pos
// falls between sentences (len(d.Sentences) when none does).
func (d *Doc) SentenceIndex(pos int) int {
	return sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > pos })
}

// ParagraphIndex returns the index of the paragraph that holds pos, or of the next one.
func (d *Doc) ParagraphIndex(pos int) int {
	return sort.Search(len(d.Paragraphs), func(i int) bool { return d.Paragraphs[i].End > pos })
}

// Word returns the text of token i.
func (d *Doc) Word(i int) string { return d.Text[d.Tokens[i].Start:d.Tokens[i].End] }
