package clean

import (
	"strings"
	"unicode"
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
	if stableNFC(s) || norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// nfcTableEnd bounds the runes nfcStable describes: Latin, Greek, Cyrillic and the other
// alphabets, general punctuation (curly quotes, dashes) and currency signs.
const nfcTableEnd = 0x2100

// nfcStable marks each rune below nfcTableEnd that is in NFC on its own and that no rune before
// it combines with (norm's BoundaryBefore): a text made only of ASCII and of these runes is in
// NFC, one rune at a time. It is read from norm's own tables once, and only read after.
var nfcStable = buildNFCStable()

func buildNFCStable() *[nfcTableEnd / 64]uint64 {
	var t [nfcTableEnd / 64]uint64
	var buf [utf8.UTFMax]byte
	for r := rune(0); r < nfcTableEnd; r++ {
		b := utf8.AppendRune(buf[:0], r)
		if norm.NFC.Properties(b).BoundaryBefore() && norm.NFC.IsNormal(b) {
			t[r/64] |= 1 << (r % 64)
		}
	}
	return &t
}

// stableNFC reports a text made only of runes nfcStable marks, which is then in NFC. News is
// mostly ASCII with a few quote marks and accented letters, for which norm's own check, reading
// byte by byte, is the slower way to the same answer; a false answer only means asking norm.
func stableNFC(s string) bool {
	for i := 0; i < len(s); {
		if i+8 <= len(s) && load64(s, i)&msb == 0 {
			i += 8
			continue
		}
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= nfcTableEnd || nfcStable[r/64]&(1<<(r%64)) == 0 {
			return false
		}
		i += size
	}
	return true
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

// needsCollapse reports space that collapseSpace would change: a space at either end, two in a
// row, or any other kind of space. Most paragraphs have none, so it reads eight bytes at a time
// and looks at single bytes only in a word that holds a control byte or a non-ASCII one.
func needsCollapse(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return true
	}
	var carry uint64 // the space mark of the previous word's last byte, moved to the first
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := load64(s, i)
		// A byte below 0x0E (where \t to \r are) sets its top bit in w-0x0E..; one from 0x80 up
		// has it already. Borrows run only from a byte that is below 0x0E, so none is invented.
		if ((w-0x0E*lsb)|w)&msb != 0 && otherSpace(s, i, i+8) {
			return true
		}
		spaces := zeroBytes(w ^ ' '*lsb)
		if spaces&(spaces<<8|carry) != 0 {
			return true
		}
		carry = spaces >> 56
	}
	return strings.Contains(s[max(i-1, 0):], "  ") || otherSpace(s, i, len(s))
}

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// load64 reads s[i:i+8], the first byte in the lowest bits.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// zeroBytes returns the top bit of each byte of w that is zero, and only those.
func zeroBytes(w uint64) uint64 {
	const low7 = 0x7F7F7F7F7F7F7F7F
	return ^((w&low7 + low7) | w | low7)
}

// otherSpace reports a space other than ' ' that starts in s[from:to]: a control character
// \t to \r, or a non-ASCII space, found by the leading byte it starts with.
func otherSpace(s string, from, to int) bool {
	for j := from; j < to; j++ {
		switch c := s[j]; {
		case c >= '\t' && c <= '\r':
			return true
		case c >= 0xC0:
			if r, _ := utf8.DecodeRuneInString(s[j:]); isSpace(r) {
				return true
			}
		}
	}
	return false
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

// toLower returns strings.ToLower(s) for valid UTF-8. strings.ToLower maps a text rune by rune as
// soon as it holds one non-ASCII byte, which news does in most paragraphs (a curly quote); here
// only the runes that change are written, and the rest is copied in runs.
func toLower(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				if b.Cap() == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[done:i])
				b.WriteByte(c + 'a' - 'A')
				done = i + 1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return strings.ToLower(s)
		}
		if l := unicode.ToLower(r); l != r {
			if b.Cap() == 0 {
				b.Grow(len(s) + utf8.UTFMax)
			}
			b.WriteString(s[done:i])
			b.WriteRune(l)
			done = i + size
		}
		i += size
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}
