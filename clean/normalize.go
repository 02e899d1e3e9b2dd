package clean

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// isSpace reports the runes that separate words. It is wider than ASCII space because web text
// carries no-break and typographic spaces, and narrower than "remove everything invisible":
// zero-width characters stay, since dropping them could join or split words.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// normalize turns a block into one paragraph of text: surrounding space trimmed, every run of
// space (newlines included) made one ASCII space, and the result in NFC. Quote marks, dashes and
// other punctuation are left as they are.
func normalize(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = collapseSpace(s)
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// collapseSpace returns s itself when it is already collapsed, which is the common case for
// paragraphs that come one per line, so that clean text costs no copy.
func collapseSpace(s string) string {
	if !needsCollapse(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		if isSpace(r) {
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func needsCollapse(s string) bool {
	prevSpace := true // a leading space needs trimming too
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if prevSpace {
					return true
				}
				prevSpace = true
			case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
				return true
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			return true
		}
		prevSpace = false
		i += size
	}
	return prevSpace && len(s) > 0
}

// trimSpace trims the runes isSpace reports, with an ASCII fast path for the usual clean edges.
func trimSpace(s string) string {
	if s == "" {
		return s
	}
	if c, d := s[0], s[len(s)-1]; c > ' ' && c < utf8.RuneSelf && d > ' ' && d < utf8.RuneSelf {
		return s
	}
	return strings.TrimFunc(s, isSpace)
}
