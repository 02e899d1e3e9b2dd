package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word or punctuation mark of a text with its byte offsets: Text is s[Start:End].
type Token struct {
	Text       string
	Start, End int
}

// Tokenize splits s into tokens the way the CoNLL-2003 data is tokenized, which is what the
// tagger learned from: punctuation stands alone, clitics are split off ("Germany 's", "does n't"),
// while abbreviations ("U.S.", "Mr."), initials ("J."), numbers ("1,000", "3.5", "10:30") and
// hyphenated words ("Anglo-Dutch") stay whole. Invalid UTF-8 bytes become one-byte tokens of their
// own, so offsets always cover what is there.
func Tokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/5)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isWordRune(r):
			end := wordEnd(s, i)
			toks = append(toks, Token{s[i:end], i, end})
			i = end
		case (r == '\'' || r == '’') && len(toks) > 0 && toks[len(toks)-1].End == i && cliticLen(s[i:], size) > 0:
			end := i + cliticLen(s[i:], size)
			toks = append(toks, Token{s[i:end], i, end})
			i = end
		default:
			end := i + size
			if r == '.' || r == '-' || r == '*' || r == '=' || r == '_' {
				for end < len(s) && rune(s[end]) == r {
					end++
				}
			}
			toks = append(toks, Token{s[i:end], i, end})
			i = end
		}
	}
	return toks
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// wordEnd returns where the word that starts at i ends.
func wordEnd(s string, i int) int {
	start := i
	segStart := i // start of the current run of word runes, after the last connector
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			i += size
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, nsize := utf8.DecodeRuneInString(s[i+size:])
		if r == '\'' || r == '’' {
			if cliticLen(s[i:], size) > 0 {
				return i
			}
			if strings.HasSuffix(s[:i], "n") && strings.HasPrefix(s[i+size:], "t") && !isWordRuneAt(s, i+size+1) && i-1 > start {
				return i - 1 // "doesn't" → "does" "n't"
			}
		}
		if !joins(s[segStart:i], prev, r, next, s[i+size:]) {
			break
		}
		i += size + nsize
		segStart = i - nsize
	}
	return abbrevEnd(s, start, i)
}

func isWordRuneAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// cliticLen reports the length of a clitic ('s, 're, 've, 'll, 'd, 'm) starting with the
// apostrophe at s[0] of the given size, or 0 when what follows is not one.
func cliticLen(s string, size int) int {
	j := size
	for j < len(s) && j-size < 3 {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	if isWordRuneAt(s, j) {
		return 0
	}
	switch strings.ToLower(s[size:j]) {
	case "s", "re", "ve", "ll", "d", "m":
		return j
	}
	return 0
}

// joins reports whether connector r between prev and next keeps one word going; seg is the run of
// word runes before it and rest what follows it.
func joins(seg string, prev, r, next rune, rest string) bool {
	if !isWordRune(next) {
		return false
	}
	digits := unicode.IsDigit(prev) && unicode.IsDigit(next)
	switch r {
	case '-', '‑', '\'', '’', '&':
		return r != '&' || (isUpperWord(seg) && unicode.IsUpper(next)) // "AT&T", not "Smith&Co"
	case '.':
		// "3.5", "U.S", "a.m": digits on both sides, or a single letter before the point.
		return digits || (utf8.RuneCountInString(seg) == 1 && unicode.IsLetter(prev) && unicode.IsLetter(next))
	case ',':
		return digits && len(rest) >= 3 && allDigits(rest[:3]) && !isWordRuneAt(rest, 3)
	case ':', '/':
		return digits
	}
	return false
}

func isUpperWord(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return s != ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// abbrevEnd takes the full stop after the word s[start:end] into it when the word is an
// abbreviation: an initial, letters with points ("U.S"), or a short form a full stop follows in
// news ("Mr", "Corp", "Jan").
func abbrevEnd(s string, start, end int) int {
	if end >= len(s) || s[end] != '.' || (end+1 < len(s) && s[end+1] == '.') {
		return end
	}
	w := s[start:end]
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case utf8.RuneCountInString(w) == 1 && unicode.IsLetter(r),
		strings.Contains(w, ".") && !unicode.IsDigit(r),
		isAbbreviation(w):
		return end + 1
	}
	return end
}

func isAbbreviation(w string) bool {
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Prof", "Rev", "Gen", "Sen", "Rep", "Gov", "Lt",
		"Col", "Capt", "Sgt", "Maj", "Adm", "Cmdr", "Cpl", "Pvt", "Fr", "Hon", "Pres", "Supt", "Insp",
		"Inc", "Corp", "Ltd", "Co", "Cos", "Bros", "Plc", "Dept", "Univ", "Assn", "Mt", "Ft", "Ave",
		"Blvd", "Rd", "No", "Nos", "vs", "etc", "approx", "est", "Jan", "Feb", "Apr", "Aug", "Sep",
		"Sept", "Oct", "Nov", "Dec", "Ariz", "Calif", "Colo", "Conn", "Fla", "Ill", "Ind", "Kan",
		"Mass", "Mich", "Minn", "Miss", "Neb", "Nev", "Okla", "Ore", "Penn", "Tenn", "Tex", "Va",
		"Wash", "Wis", "Wyo":
		return true
	}
	return false
}

// Sentences splits a text's tokens into sentences: after a full stop, question or exclamation mark
// (and any closing quotes or brackets after it) when the next token opens like a sentence, and at
// every blank line.
func Sentences(text string, toks []Token) [][]Token {
	var out [][]Token
	start := 0
	ended := false // the tokens since the last boundary closed with terminal punctuation
	for i, t := range toks {
		if i > start {
			gap := text[toks[i-1].End:t.Start]
			if strings.Count(gap, "\n") >= 2 || (ended && opensSentence(t.Text)) {
				out = append(out, toks[start:i])
				start = i
				ended = false
			}
		}
		switch {
		case t.Text == "." || t.Text == "?" || t.Text == "!" || t.Text == "..." || t.Text == "…":
			ended = true
		case ended && isCloser(t.Text):
		default:
			ended = false
		}
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return out
}

func opensSentence(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘«(", r)
}

func isCloser(w string) bool {
	switch w {
	case "\"", "'", "”", "’", "»", ")", "]":
		return true
	}
	return false
}

// normalize maps typographic quotes and dashes to the ASCII forms the training data uses.
func normalize(w string) string {
	if isASCII(w) {
		return w
	}
	return strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "«", "\"", "»", "\"", "—", "--", "–", "-", "‑", "-", "…", "...").Replace(w)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Words splits a text into sentences of words as the tagger sees them: tokens with typographic
// quotes and dashes in their ASCII forms.
func Words(text string) [][]string {
	sents := Sentences(text, Tokenize(text))
	out := make([][]string, len(sents))
	for i, s := range sents {
		out[i] = make([]string, len(s))
		for j, t := range s {
			out[i][j] = normalize(t.Text)
		}
	}
	return out
}
