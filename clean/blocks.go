package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TextBlocks splits plain text into paragraph blocks. Blank lines always separate paragraphs.
// A single newline separates them too unless the text is hard-wrapped (then a line that was
// broken at the margin continues on the next) or the next line carries on a sentence in lower
// case: news pasted from the web usually has one paragraph per line. Each block is the input's
// own text between its first and last non-space character, so a wrapped paragraph keeps its
// newlines; Clean folds them into spaces.
func TextBlocks(text string) []Block {
	text = strings.TrimPrefix(text, "\ufeff")
	lines := scanLines(text)
	width := wrapWidth(lines)
	var blocks []Block
	start := -1 // index of the current paragraph's first line
	flush := func(last int) {
		if start >= 0 {
			blocks = append(blocks, Block{Text: text[lines[start].start:lines[last].end]})
			start = -1
		}
	}
	for i, ln := range lines {
		switch {
		case ln.blank():
			flush(i - 1)
		case start < 0:
			start = i
		case !continues(text[lines[i-1].start:lines[i-1].end], lines[i-1].runes, text[ln.start:ln.end], width):
			flush(i - 1)
			start = i
		}
	}
	flush(len(lines) - 1)
	return blocks
}

// line is one input line without its surrounding space: text[start:end], runes long (for a
// line too long to be hard-wrapped, runes is its length in bytes: counting on would change
// nothing).
type line struct {
	start, end int
	runes      int
}

func (l line) blank() bool { return l.start == l.end }

// scanLines splits text at "\n", "\r\n" and "\r".
func scanLines(text string) []line {
	lines := make([]line, 0, strings.Count(text, "\n")+1)
	// Most text ends its lines in "\n" alone, and IndexAny of one byte is IndexByte, far faster.
	breaks := "\n"
	if strings.IndexByte(text, '\r') >= 0 {
		breaks = "\r\n"
	}
	for pos := 0; pos <= len(text); {
		end := strings.IndexAny(text[pos:], breaks)
		next := len(text) + 1
		if end < 0 {
			end = len(text)
		} else {
			end += pos
			next = end + 1
			if text[end] == '\r' && next < len(text) && text[next] == '\n' {
				next++
			}
		}
		s, e := trimBounds(text, pos, end)
		lines = append(lines, line{start: s, end: e, runes: lineRunes(text[s:e])})
		pos = next
	}
	return lines
}

// lineRunes counts the runes of a line, as far as wrapping needs: past wrapMax runes, or
// utf8.UTFMax*wrapMax bytes, it returns the line's length in bytes, as any such count reads the
// same. ASCII, most of any line, is counted eight bytes at a time.
func lineRunes(s string) int {
	if len(s) > utf8.UTFMax*wrapMax {
		return len(s)
	}
	n := 0
	for i := 0; i < len(s) && n <= wrapMax; n++ {
		if i+8 <= len(s) && load64(s, i)&msb == 0 {
			i, n = i+8, n+7
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if n > wrapMax {
		return len(s)
	}
	return n
}

// trimBounds narrows text[start:end] to its part without surrounding space.
func trimBounds(text string, start, end int) (int, int) {
	t := trimSpace(text[start:end])
	if t == "" {
		return start, start
	}
	s := start + strings.Index(text[start:end], t)
	return s, s + len(t)
}

// Hard-wrapped text is recognised by its margin: many lines end close to one width, and that
// width is that of a terminal or an e-mail (wrapMax at most), not of a web paragraph.
const (
	wrapMax   = 100
	wrapMin   = 40
	wrapSlack = 15 // a filled line ends within this many runes of the margin
)

// wrapWidth returns the margin a hard-wrapped text was filled to, or 0 when the text is not
// hard-wrapped.
func wrapWidth(lines []line) int {
	n, over, width := 0, 0, 0
	for _, l := range lines {
		if l.blank() {
			continue
		}
		n++
		if l.runes > wrapMax {
			over++
		} else if l.runes > width {
			width = l.runes
		}
	}
	if width < wrapMin || over*10 > n {
		return 0
	}
	near := 0
	for _, l := range lines {
		if !l.blank() && l.runes >= width-wrapSlack && l.runes <= width {
			near++
		}
	}
	if near < 3 || near*3 < n {
		return 0
	}
	return width
}

// continues reports whether line b carries on the paragraph of line a (aRunes long) rather than
// starting a new one. In hard-wrapped text a break was forced when b's first word would not have
// fitted on a; anywhere, a line that does not end a sentence followed by one that starts in lower
// case is one sentence broken in two.
func continues(a string, aRunes int, b string, width int) bool {
	if startsListItem(b) {
		return false
	}
	if width > 0 && aRunes+1+utf8.RuneCountInString(firstWord(b)) > width {
		return true
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(b, "*_[`~"))
	return unicode.IsLower(r) && !endsSentence(a)
}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, isSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// startsListItem reports a bullet or a numbered item ("- ", "• ", "3. ", "2) ").
func startsListItem(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '*', '+', '•', '·', '▪', '◦', '–', '—':
		return strings.HasPrefix(s[size:], " ")
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

// endPunct returns the last rune of s that is not a closing quote or bracket, so that
// `He left.”` and `(He left.)` both end in '.'.
func endPunct(s string) rune {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', '”', '’', '»', '›', ')', ']', '*', '_':
			s = s[:len(s)-size]
			continue
		}
		return r
	}
	return 0
}

// endsSentence reports whether s ends with sentence-final punctuation.
func endsSentence(s string) bool {
	switch endPunct(s) {
	case '.', '!', '?', '…', '。', '！', '？':
		return true
	}
	return false
}
