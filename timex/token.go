package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	kWord tokKind = iota
	kNum
	kPunct
)

// token is a word, a number or a punctuation mark, with its byte offsets into the text.
type token struct {
	start, end int
	// low is the token lower-cased, with typographic apostrophes and dashes folded to ASCII so that
	// rules are written once.
	low string
	// w is the word of the rules the token is, or nil.
	w    *word
	kind tokKind
	// upper reports whether the token starts with an upper-case letter.
	upper bool
	// glued reports that no space separates this token from the one before ("1990" "s", "mid" "-").
	glued bool
	// para reports that a blank line or the start of the text precedes the token.
	para bool
	// digits is the number of digits of a plain digit run (no separators), else 0; num its value.
	digits int
	num    float64
}

// tokenize splits text into tokens. Letters run into words, with "'s", "'ll" and similar clitics
// split off so that "year's" and "we'll" expose their parts; digit runs may hold thousands commas
// and a decimal point; every other non-space rune is a token of its own.
func tokenize(text string, toks []token) []token {
	toks = toks[:0]
	if need := len(text)/5 + 8; cap(toks) < need {
		toks = make([]token, 0, need) // English news runs about five bytes a token
	}
	lt := asciiLower(text)
	glued, para := false, true
	newlines := 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\r':
				glued = false
				i++
				continue
			case c == '\n':
				glued = false
				newlines++
				if newlines >= 2 {
					para = true
				}
				i++
				continue
			}
		}
		newlines = 0
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				glued = false
				i += size
				continue
			}
		}
		t := token{start: i, glued: glued, para: para}
		switch {
		case isLetter(r):
			t.kind = kWord
			t.upper = unicode.IsUpper(r)
			t.end = scanWord(text, i)
		case c >= '0' && c <= '9':
			t.kind = kNum
			t.end, t.digits, t.num = scanNumber(text, i)
		default:
			t.kind = kPunct
			t.end = i + size
			if r == '\'' || r == '’' {
				if end := scanClitic(text, i); end > i {
					t.kind, t.end = kWord, end
				}
			}
		}
		t.low = lt[t.start:t.end]
		if !isASCII(t.low) {
			t.low = lower(t.low)
		}
		toks = append(toks, t)
		i = t.end
		glued, para = true, false
	}
	return toks
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// scanWord returns the end of the word starting at i. An apostrophe inside a word continues it
// ("o'clock") unless what follows is a clitic ("'s", "'ll", "'d", "'re", "'ve", "'m"), which becomes
// a token of its own.
func scanWord(text string, i int) int {
	for i < len(text) {
		if c := text[i] | 0x20; c >= 'a' && c <= 'z' {
			i++ // the common case: an ASCII letter
			continue
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isLetter(r) {
			i += size
			continue
		}
		if r == '\'' || r == '’' {
			j := i + size
			k := j
			for k < len(text) && isLetter(rune(text[k])) {
				k++
			}
			if k == j || isClitic(text[j:k]) {
				return i
			}
			i = k
			continue
		}
		return i
	}
	return i
}

// scanClitic reports the end of a clitic token ("'s") starting at an apostrophe at i, or i.
func scanClitic(text string, i int) int {
	size := 1
	if text[i] != '\'' {
		if !strings.HasPrefix(text[i:], "’") {
			return i
		}
		size = len("’")
	}
	j := i + size
	k := j
	for k < len(text) && isLetter(rune(text[k])) {
		k++
	}
	if k > j && isClitic(text[j:k]) {
		return k
	}
	return i
}

func isClitic(s string) bool {
	switch strings.ToLower(s) {
	case "s", "ll", "d", "re", "ve", "m":
		return true
	}
	return false
}

// scanNumber returns the end of the digit run at i, the number of digits when it has no
// separators (0 otherwise) and its value. A comma continues it before exactly three digits, a
// point before any digit.
func scanNumber(text string, i int) (end, digits int, val float64) {
	plain := true
	frac := 0.0
	for i < len(text) {
		c := text[i]
		switch {
		case c >= '0' && c <= '9':
			if frac > 0 {
				val += float64(c-'0') * frac
				frac /= 10
			} else {
				val = val*10 + float64(c-'0')
				if plain {
					digits++
				}
			}
			i++
			continue
		case c == ',' && frac == 0 && threeDigits(text[i+1:]):
			plain = false
			i++
			continue
		case c == '.' && frac == 0 && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9':
			plain = false
			frac = 0.1
			i++
			continue
		}
		break
	}
	if !plain {
		digits = 0
	}
	return i, digits, val
}

// threeDigits reports whether s starts with exactly three digits.
func threeDigits(s string) bool {
	if len(s) < 3 {
		return false
	}
	for k := range 3 {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return len(s) == 3 || s[3] < '0' || s[3] > '9'
}

// asciiLower folds the ASCII letters of s to lower case in one copy, or returns s when it has none.
func asciiLower(s string) string {
	k := 0
	for k < len(s) && (s[k] < 'A' || s[k] > 'Z') {
		k++
	}
	if k == len(s) {
		return s
	}
	b := []byte(s)
	for ; k < len(b); k++ {
		if c := b[k]; c >= 'A' && c <= 'Z' {
			b[k] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isASCII(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lower folds s to lower case and maps typographic apostrophes and dashes to ASCII, so that rules
// are written once.
func lower(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '’', '‘', 'ʼ':
			return '\''
		case '–', '—', '‐', '‑':
			return '-'
		}
		return unicode.ToLower(r)
	}, s)
}
