package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/text"
)

// part is a quotation as the quote rules read it.
type part struct {
	dossier.Span              // the quoted words
	open, close  dossier.Span // its marks, empty where the text has none
	quotation    int          // index of the text.Quotation it belongs to
	used         bool         // attributed already
}

// tinfo is what the rules need to know about a token, computed once.
type tinfo struct {
	lower string // the word in lower case ("" for punctuation)
	cap   bool   // starts with a capital letter
	part  int32  // 1 + index of the part holding the token, 0 outside quotes
	mark  bool   // a quote mark
	sent  int32  // index of its sentence
}

// reader holds one article while its quotes are found.
type reader struct {
	doc    *text.Doc
	s      string
	toks   []text.Token
	info   []tinfo
	sents  []dossier.Span
	sentLo []int // first token of each sentence
	skip   []bool
	parts  []part
	people people
	found  []found
}

// found is a quote before its speakers are resolved to names.
type found struct {
	span     dossier.Span
	kind     Kind
	cue      dossier.Span
	speakers []np
	evidence dossier.Span
	// from is the index of the quote this one goes on from (same speaker), or -1.
	from int
	// implicit is set when the attribution does not name the speaker in its own clause (a
	// pronoun, a participle, a shared subject): reported speech without quote marks is then left out.
	implicit bool
	// more lists further quoted phrases of the same reported clause, each a quote of its own.
	more []dossier.Span
}

func newReader(doc *text.Doc, headings []dossier.Heading, mentions []Mention) *reader {
	r := &reader{doc: doc, s: doc.Text, toks: doc.Tokens, sents: doc.Sentences}
	r.splitParts()
	r.info = make([]tinfo, len(r.toks))
	r.sentLo = make([]int, len(r.sents)+1)
	r.skip = make([]bool, len(r.sents))
	// The quote marks are the text layer's pairs, not every mark-shaped character: an
	// apostrophe (the Farmers' Union) is part of the text.
	marks := make([]dossier.Span, 0, 2*len(doc.Quotations))
	for _, q := range doc.Quotations {
		marks = append(marks, q.Open, q.Close)
	}
	si, pi, mi := 0, 0, 0
	for i, t := range r.toks {
		for si < len(r.sents) && r.sents[si].End <= t.Start {
			si++
			r.sentLo[si] = i
		}
		for pi < len(r.parts) && r.parts[pi].End <= t.Start {
			pi++
		}
		in := &r.info[i]
		in.sent = int32(si)
		w := r.s[t.Start:t.End]
		if pi < len(r.parts) && r.parts[pi].Start <= t.Start {
			in.part = int32(pi + 1)
		}
		if t.Kind == text.Punct {
			for mi < len(marks) && marks[mi].End <= t.Start {
				mi++
			}
			in.mark = in.part == 0 && mi < len(marks) && marks[mi].Start < t.End && marks[mi].Len() > 0
			continue
		}
		c, _ := utf8.DecodeRuneInString(w)
		in.cap = unicode.IsUpper(c)
		if in.cap || !isLowerASCII(w) {
			in.lower = strings.ToLower(w)
		} else {
			in.lower = w
		}
	}
	for si++; si <= len(r.sents); si++ {
		r.sentLo[si] = len(r.toks)
	}
	for _, h := range headings {
		for i := doc.SentenceIndex(h.Start); i < len(r.sents) && r.sents[i].Start < h.End; i++ {
			r.skip[i] = true
		}
	}
	r.people = r.findPeople(mentions)
	return r
}

func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// splitParts makes a part of each quotation. A quote that runs over paragraphs stays one part:
// its later paragraphs go on from the first, under the same attribution.
func (r *reader) splitParts() {
	r.parts = make([]part, 0, len(r.doc.Quotations))
	for qi, q := range r.doc.Quotations {
		r.parts = append(r.parts, part{Span: q.Span, open: q.Open, close: q.Close, quotation: qi})
	}
}

// word returns the text of token i.
func (r *reader) word(i int) string { return r.s[r.toks[i].Start:r.toks[i].End] }

// is reports whether token i is the punctuation p.
func (r *reader) is(i int, p string) bool {
	return i >= 0 && i < len(r.toks) && r.toks[i].Kind == text.Punct && r.word(i) == p
}

// sentOf returns the token range [lo, hi) of the sentence holding token i.
func (r *reader) sentOf(i int) (lo, hi int) {
	s := r.info[i].sent
	return r.sentLo[s], r.sentLo[s+1]
}

// inQuote reports whether token i is quoted or a quote mark.
func (r *reader) inQuote(i int) bool { return r.info[i].part != 0 || r.info[i].mark }

// capWord reports whether token i is a capitalised word outside quotes.
func (r *reader) capWord(i int) bool {
	return r.toks[i].Kind == text.Word && r.info[i].cap && r.info[i].part == 0
}

// tokenAt returns the index of the first token that ends after pos.
func (r *reader) tokenAt(pos int) int { return r.doc.TokenIndex(pos) }

// span returns the text span of tokens [i, j).
func (r *reader) span(i, j int) dossier.Span {
	if j <= i {
		return dossier.Span{Start: r.toks[i].Start, End: r.toks[i].Start}
	}
	return dossier.Span{Start: r.toks[i].Start, End: r.toks[j-1].End}
}

func (r *reader) text(sp dossier.Span) string { return r.s[sp.Start:sp.End] }

// possessive reports whether word w ends in ’s or 's (the EU’s).
func possessive(w string) bool {
	return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s’")
}
