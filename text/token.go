package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
)

// Kind says what a token is.
type Kind uint8

// Token kinds.
const (
	// Word is a run of letters with its inner apostrophes, hyphens and dots (Russia’s, pre-2014,
	// Caliber.Az), and the final dot of an abbreviation or initial (U.S., Dr., D.).
	Word Kind = iota + 1
	// Number starts with a digit and keeps its decimal point and thousands commas (3.5, 1,200, 1990s).
	Number
	// Punct is any other visible character; an ellipsis written as three dots is one token.
	Punct
)

// Token is a word, number or punctuation mark, as a span of the text.
type Token struct {
	dossier.Span
	Kind Kind
}

// Tokens cuts s into tokens. White space separates tokens and is not one.
func Tokens(s string) []Token {
	return appendTokens(make([]Token, 0, len(s)/5+1), s)
}

func appendTokens(toks []Token, s string) []Token {
	for i := 0; i < len(s); {
		r, n := decode(s, i)
		switch {
		case isSpace(r):
			i += n
		case isAlnum(r):
			end := scanWord(s, i)
			k := Word
			if r < utf8.RuneSelf && r >= '0' && r <= '9' || unicode.IsDigit(r) {
				k = Number
			}
			toks = append(toks, Token{dossier.Span{Start: i, End: end}, k})
			i = end
		case r == '.' && strings.HasPrefix(s[i:], "..."):
			toks = append(toks, Token{dossier.Span{Start: i, End: i + 3}, Punct})
			i += 3
		case isApostrophe(r) && elidedWordAt(s, i+n):
			// ’90s, ’n’: the apostrophe stands for left-out letters and belongs to the word.
			end := scanWord(s, i+n)
			if r2, n2 := decode(s, end); end < len(s) && isApostrophe(r2) && end-(i+n) == 1 && s[i+n] == 'n' {
				end += n2
			}
			toks = append(toks, Token{dossier.Span{Start: i, End: end}, Word})
			i = end
		default:
			toks = append(toks, Token{dossier.Span{Start: i, End: i + n}, Punct})
			i += n
		}
	}
	return toks
}

// elidedWordAt reports whether the word at i follows an apostrophe that elides letters rather
// than opens a quote: a year or decade (’90s, ’16) or the n of rock ’n’ roll.
func elidedWordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c >= '0' && c <= '9' {
		return true
	}
	if s[i] == 'n' {
		r, _ := decode(s, i+1)
		return i+1 < len(s) && isApostrophe(r)
	}
	return false
}

// scanWord returns the end of the word or number that starts at i.
func scanWord(s string, i int) int {
	j := i
	for j < len(s) {
		r, n := decode(s, j)
		if isAlnum(r) || unicode.IsMark(r) {
			j += n
			continue
		}
		next, n2 := decode(s, j+n)
		if j+n >= len(s) || !isAlnum(next) {
			break
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:j])
		if !joins(s, j+n, r, prev, next) {
			break
		}
		j += n + n2
	}
	if j < len(s) && s[j] == '.' && !strings.HasPrefix(s[j:], "...") && isAbbrev(s[i:j]) {
		j++
	}
	return j
}

// joins reports whether the connector r, between prev and next (which starts at after), keeps a
// word together: Russia’s, pre-2014, U.S, 3.5 and 1,200.
func joins(s string, after int, r, prev, next rune) bool {
	switch {
	case isHyphen(r), r == '&' && isUpper(prev) && isUpper(next):
		return true
	case r == '.':
		return true
	case r == ',':
		// A thousands separator is followed by exactly three digits.
		if !isDigit(prev) {
			return false
		}
		k := after
		for k < len(s) && k-after < 4 && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		return k-after == 3
	case isApostrophe(r):
		return unicode.IsLetter(prev) && unicode.IsLetter(next) || isDigit(prev) && next == 's'
	}
	return false
}

// isAbbrev reports whether the word w, followed by a dot, takes that dot as its own: dotted
// abbreviations (U.S, a.m), initials (D) and the short forms news prose uses.
func isAbbrev(w string) bool {
	if w == "" {
		return false
	}
	if c := w[0]; c >= '0' && c <= '9' {
		return false
	}
	if strings.IndexByte(w, '.') >= 0 {
		return true
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && isUpper(r) {
		return true
	}
	if k := strings.LastIndexFunc(w, isHyphen); k >= 0 {
		_, n := utf8.DecodeRuneInString(w[k:])
		w = w[k+n:] // R-Tenn, D-Calif
	}
	return abbrevKind(w) != notAbbrev
}

type abbrevClass uint8

const (
	notAbbrev abbrevClass = iota
	// titleAbbrev comes before a name or number and never ends a sentence (Dr., Gen., No., Jan.).
	titleAbbrev
	// finalAbbrev may end a sentence (Inc., Jr., Calif.).
	finalAbbrev
)

// abbrevKind classifies a word that is written with a final dot in news prose.
func abbrevKind(w string) abbrevClass {
	switch w {
	case "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Lt", "Col", "Capt", "Cmdr", "Maj", "Sgt",
		"Adm", "Brig", "Cpl", "Pvt", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Atty", "Supt", "Rev",
		"Hon", "Pres", "Amb", "Sec", "Insp", "Det", "Fr", "St", "Mt", "Ft", "No", "Nos", "Vol", "Art",
		"Fig", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue",
		"Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "vs", "v", "approx", "ca", "cf", "Ave":
		return titleAbbrev
	case "Jr", "Sr", "Inc", "Co", "Corp", "Ltd", "Bros", "Plc", "Blvd", "Rd", "Dept", "Univ", "Assn",
		"etc", "al", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
		"Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev",
		"Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo":
		return finalAbbrev
	}
	return notAbbrev
}

func decode(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f'
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	return unicode.IsDigit(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }
