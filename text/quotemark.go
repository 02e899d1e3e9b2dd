package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
)

// Quotation is a stretch of quoted text and the marks around it.
type Quotation struct {
	// Span is the quoted text without its marks, trimmed of white space. A quote that runs over
	// several paragraphs is one Quotation: its Span crosses the paragraph breaks and holds the
	// opening marks repeated at each paragraph.
	dossier.Span
	// Open is the opening mark; it is empty (at Span.Start) when the text leaves it out.
	Open dossier.Span
	// Close is the closing mark; it is empty (at Span.End) when the quote is never closed.
	Close dossier.Span
	// Single is set for quotes marked with single marks (‘…’) outside any double ones, as
	// headlines and some outlets write them. Single marks inside a double quote are part of it.
	Single bool
}

// maxRunOn is how many paragraphs without a quote mark a quote may run over when its marks are
// left out: enough for a long statement, few enough that one stray mark cannot swallow an article.
const maxRunOn = 8

// Quotations pairs the quote marks of s and returns the quotations in text order.
//
// Curly marks say which way they face; a straight mark is read from its neighbours (after a space
// it opens, before one it closes), and when both sides agree, curly and straight marks pair with
// each other, since articles mix them. A quote left open at the end of a paragraph runs on into
// the next when that one starts with an opening mark (the usual style for long quotes) or when a
// later paragraph closes it before opening anything. A closing mark with no opening one ends a
// quote whose opening mark was left out: it starts at its paragraph, or further back, over
// paragraphs without marks, to a paragraph that is a quote from end to end (the same speaker
// going on). Apostrophes (Russia’s, ’90s, rock ’n’ roll, students’) are not quote marks.
func Quotations(s string) []Quotation {
	return quotations(s, Paragraphs(s))
}

// mark is a quote mark and the way it faces.
type mark struct {
	dossier.Span
	hint   int8 // +1 opens, -1 closes, 0 could do either
	single bool
}

// pairer holds the state of one pass over an article's paragraphs.
type pairer struct {
	s       string
	paras   []dossier.Span
	doubles [][]mark // per paragraph
	out     []Quotation
}

func quotations(s string, paras []dossier.Span) []Quotation {
	p := &pairer{s: s, paras: paras, doubles: make([][]mark, len(paras))}
	singles := make([][]mark, len(paras))
	buf := make([]mark, 0, 16)
	for i, para := range paras {
		buf = collectMarks(s, para, buf[:0])
		for _, m := range buf {
			if m.single {
				singles[i] = append(singles[i], m)
			} else {
				p.doubles[i] = append(p.doubles[i], m)
			}
		}
	}
	p.pairDoubles()
	if hasAny(singles) {
		p.pairSingles(singles)
	}
	return p.out
}

func hasAny(ms [][]mark) bool {
	for _, m := range ms {
		if len(m) > 0 {
			return true
		}
	}
	return false
}

func (p *pairer) pairDoubles() {
	var open mark
	openPara := -1 // paragraph of the open quote's opening mark, or -1 when none is open
	for pi, para := range p.paras {
		ds := p.doubles[pi]
		k := 0
		if openPara >= 0 {
			switch {
			case len(ds) > 0 && ds[0].Start == para.Start && ds[0].hint >= 0:
				k = 1 // the opening mark repeated: the quote runs on
			case len(ds) > 0 && ds[0].hint <= 0:
				// The opening mark left out: the quote runs on to this closing one.
			case len(ds) == 0 && p.closedLater(pi):
				continue
			default:
				p.emit(open.Span, dossier.Span{Start: p.paras[pi-1].End, End: p.paras[pi-1].End})
				openPara = -1
			}
		}
		for ; k < len(ds); k++ {
			m := ds[k]
			switch {
			case openPara < 0 && m.hint < 0:
				start := p.orphanStart(pi)
				p.emit(dossier.Span{Start: start, End: start}, m.Span)
			case openPara < 0:
				open, openPara = m, pi
			case m.hint > 0 && openPara == pi:
				// An opening mark while a quote is open in the same paragraph: the first was
				// never closed; it ends where the new one starts.
				p.emit(open.Span, dossier.Span{Start: m.Start, End: m.Start})
				open = m
			default:
				p.emit(open.Span, m.Span)
				openPara = -1
			}
		}
	}
	if openPara >= 0 {
		end := p.paras[len(p.paras)-1].End
		p.emit(open.Span, dossier.Span{Start: end, End: end})
	}
}

// closedLater reports whether an open quote can run on through paragraph pi, which has no
// double marks: a later paragraph, within maxRunOn, must close it before opening anything.
func (p *pairer) closedLater(pi int) bool {
	for j := pi + 1; j < len(p.paras) && j-pi <= maxRunOn; j++ {
		if ds := p.doubles[j]; len(ds) > 0 {
			return ds[0].hint < 0 && ds[0].Start > p.paras[j].Start
		}
	}
	return false
}

// orphanStart returns where the quote closed by an unpaired closing mark in paragraph pi starts.
func (p *pairer) orphanStart(pi int) int {
	para := p.paras[pi]
	if n := len(p.out); n > 0 && p.out[n-1].Close.End > para.Start {
		return p.out[n-1].Close.End // after an earlier quote in the same paragraph
	}
	j := pi - 1
	for j >= 0 && pi-j <= maxRunOn && len(p.doubles[j]) == 0 {
		j--
	}
	if j < 0 || j == pi-1 || len(p.out) == 0 {
		return para.Start
	}
	last := p.out[len(p.out)-1]
	if p.isParagraphStart(last.Open.Start) && last.Open.Len() > 0 && onlyPunctBetween(p.s, last.Close.End, p.paras[j].End) {
		return p.paras[j+1].Start
	}
	return para.Start
}

func (p *pairer) isParagraphStart(pos int) bool {
	for _, para := range p.paras {
		if para.Start == pos {
			return true
		}
		if para.Start > pos {
			break
		}
	}
	return false
}

func onlyPunctBetween(s string, from, to int) bool {
	if from > to {
		return false
	}
	for _, r := range s[from:to] {
		if isAlnum(r) {
			return false
		}
	}
	return true
}

// emit records the quotation between the marks open and close (either may be empty).
func (p *pairer) emit(open, close dossier.Span) {
	if q, ok := quotation(p.s, open, close, false); ok {
		p.out = append(p.out, q)
	}
}

// quotation makes the Quotation between the marks open and close, trimmed of white space; ok is
// false when nothing but white space lies between them.
func quotation(s string, open, close dossier.Span, single bool) (q Quotation, ok bool) {
	start, end := open.End, close.Start
	for start < end {
		r, n := decode(s, start)
		if !isSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !isSpace(r) {
			break
		}
		end -= n
	}
	if start == end {
		return Quotation{}, false
	}
	if open.Len() == 0 {
		open = dossier.Span{Start: start, End: start}
	}
	if close.Len() == 0 {
		close = dossier.Span{Start: end, End: end}
	}
	return Quotation{Span: dossier.Span{Start: start, End: end}, Open: open, Close: close, Single: single}, true
}

// pairSingles pairs single marks within each paragraph, outside the double quotations, and
// merges the quotations they make into p.out in text order. A single mark left unpaired is an
// apostrophe (the students’ union).
func (p *pairer) pairSingles(singles [][]mark) {
	doubles := p.out
	var found []Quotation
	di := 0
	for _, ms := range singles {
		openAt, openDi := -1, 0
		for i, m := range ms {
			for di < len(doubles) && doubles[di].Close.End <= m.Start {
				di++
			}
			if di < len(doubles) && doubles[di].Open.Start <= m.Start {
				openAt = -1 // inside a double quote: part of it
				continue
			}
			switch {
			case m.hint > 0:
				openAt, openDi = i, di
			case m.hint < 0 && openAt >= 0 && di == openDi: // no double quote between the marks
				if q, ok := quotation(p.s, ms[openAt].Span, m.Span, true); ok {
					found = append(found, q)
				}
				openAt = -1
			}
		}
	}
	if len(found) == 0 {
		return
	}
	merged := make([]Quotation, 0, len(doubles)+len(found))
	i, j := 0, 0
	for i < len(doubles) || j < len(found) {
		if j == len(found) || i < len(doubles) && doubles[i].Start < found[j].Start {
			merged = append(merged, doubles[i])
			i++
		} else {
			merged = append(merged, found[j])
			j++
		}
	}
	p.out = merged
}

// collectMarks appends the quote marks of the paragraph para to ms, leaving out apostrophes.
func collectMarks(s string, para dossier.Span, ms []mark) []mark {
	for i := para.Start; i < para.End; {
		c := s[i]
		if c != '"' && c != '\'' && c != '`' && c != 0xE2 && c != 0xC2 {
			i++
			continue
		}
		r, n := decode(s, i)
		glyph, single, ok := markGlyph(r)
		if !ok {
			i += n
			continue
		}
		// Two straight apostrophes or two backticks stand for a double mark ('' and ``).
		if (r == '\'' || r == '`') && i+1 < para.End && s[i+1] == c {
			n, single = 2, false
		}
		prev := ' '
		if i > para.Start {
			prev, _ = utf8.DecodeLastRuneInString(s[para.Start:i])
		}
		next := ' '
		if i+n < para.End {
			next, _ = decode(s, i+n)
		}
		m := mark{Span: dossier.Span{Start: i, End: i + n}, single: single}
		left, right := flanksOpen(prev, true), flanksOpen(next, false)
		switch {
		case left && !right:
			m.hint = 1
		case right && !left:
			m.hint = -1
		default:
			m.hint = glyph
		}
		if single {
			var skip int
			if skip = apostropheSkip(s, para, m, prev, next); skip > 0 {
				i += skip
				continue
			}
		}
		ms = append(ms, m)
		i += n
	}
	return ms
}

// markGlyph says which way a quote mark faces by its shape (0 for straight marks) and whether it
// is a single mark; ok is false for a rune that is no quote mark.
func markGlyph(r rune) (glyph int8, single, ok bool) {
	switch r {
	case '"':
		return 0, false, true
	case '“', '„', '‟', '«':
		return 1, false, true
	case '”', '»':
		return -1, false, true
	case '\'':
		return 0, true, true
	case '‘', '‹', '`':
		return 1, true, true
	case '’', '›':
		return -1, true, true
	}
	return 0, false, false
}

// flanksOpen reports whether r, on the left (before) or right (after) side of a mark, leaves that
// side open: white space, the paragraph's edge, a bracket or dash, punctuation or another mark.
func flanksOpen(r rune, before bool) bool {
	if isSpace(r) {
		return true
	}
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»', '\'', '‘', '’', '‹', '›', '`', '—', '–', '-', '/', '…':
		return true
	case '(', '[', '{', ':':
		return before
	case ')', ']', '}', ',', '.', ';', '!', '?':
		return !before
	}
	return false
}

// apostropheSkip returns how many bytes to skip when the single mark m is an apostrophe rather
// than a quote mark, or 0 when it may be a quote mark.
func apostropheSkip(s string, para dossier.Span, m mark, prev, next rune) int {
	prevWord, nextWord := unicode.IsLetter(prev) || isDigit(prev), unicode.IsLetter(next) || isDigit(next)
	switch {
	case prevWord && nextWord: // Russia’s, don’t
		return m.Len()
	case !prevWord && isDigit(next): // ’90s
		return m.Len()
	case next == 'n' && m.End+1 < para.End && isSingleMark(s, m.End+1): // rock ’n’ roll
		_, n := decode(s, m.End+1)
		return m.Len() + 1 + n
	case !prevWord && nextWord && elision(s[m.End:min(para.End, m.End+8)]): // ’em, ’til
		return m.Len()
	case m.hint == 0:
		return m.Len() // a single mark between spaces or punctuation is no quote mark
	}
	return 0
}

func isSingleMark(s string, i int) bool {
	r, _ := decode(s, i)
	return r == '\'' || r == '’' || r == '‘'
}

// elision reports whether the text after an apostrophe starts with a word it shortens.
func elision(after string) bool {
	end := 0
	for end < len(after) && (after[end] >= 'a' && after[end] <= 'z') {
		end++
	}
	if end < len(after) && after[end] >= 0x80 {
		if r, _ := utf8.DecodeRuneInString(after[end:]); unicode.IsLetter(r) {
			return false // the word goes on past our view
		}
	}
	switch strings.ToLower(after[:end]) {
	case "em", "til", "tis", "twas", "cause", "bout", "cos", "nuff", "round", "til'":
		return true
	}
	return false
}
