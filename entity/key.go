package entity

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// nameKey folds a name to the form names are compared by: lower case, without accents,
// apostrophes, full stops or hyphens, with each word in a spelling that the usual
// transliterations of Slavic names share ("Zelenskyy", "Zelenskiy" and "Zelensky" all become
// "zelensky"; "Tatiana" and "Tatyana" both "tatyana"). Possessive "'s" and leading "the" go.
func nameKey(name string) string {
	var words []string
	for _, w := range strings.FieldsFunc(fold(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		words = append(words, translit(w))
	}
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	if n := len(words); n > 1 && words[n-1] == "s" {
		words = words[:n-1]
	}
	return strings.Join(words, " ")
}

// fold lower-cases s and takes the accents off its letters, keeping apostrophes and hyphens out
// of words ("O'Brien" → "obrien").
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’', r == '.':
			continue
		case r == 'ł' || r == 'Ł':
			r = 'l'
		case r == 'ø' || r == 'Ø':
			r = 'o'
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case r == 'ß':
			b.WriteString("ss")
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// spellings maps the letter pairs that transliterations of one Cyrillic name differ by to one.
// A Replacer is safe for concurrent use and never changes, so one serves every call.
var spellings = strings.NewReplacer("yy", "y", "iy", "y", "ij", "y", "yj", "y", "ii", "y", "ia", "ya", "iu", "yu", "ja", "ya", "ju", "yu", "kh", "h")

// translit maps the spellings that transliterations of one Cyrillic name differ by to one.
func translit(w string) string {
	if len(w) < 4 {
		return w
	}
	w = spellings.Replace(w)
	// A final i after a consonant is the y of other spellings ("Dmitri", "Dmitry").
	if n := len(w); w[n-1] == 'i' && !strings.ContainsRune("aeiouy", rune(w[n-2])) {
		w = w[:n-1] + "y"
	}
	// Doubled letters are often single in another spelling.
	var b strings.Builder
	var last rune
	for _, c := range w {
		if c != last {
			b.WriteRune(c)
		}
		last = c
	}
	return b.String()
}

func lastWord(key string) string {
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		return key[i+1:]
	}
	return key
}

func firstWord(key string) string {
	if i := strings.IndexByte(key, ' '); i >= 0 {
		return key[:i]
	}
	return key
}

// samePerson reports whether two full-name keys name one person: the same surname, and given
// names of which one is the other, begins it, or is its initial ("Vladimir Putin", "Vladimir V.
// Putin", "V. Putin"). Two people who share a surname but not a given name stay apart.
func samePerson(a, b string) bool {
	if a == b {
		return true
	}
	if lastWord(a) != lastWord(b) {
		return false
	}
	fa, fb := firstWord(a), firstWord(b)
	return strings.HasPrefix(fa, fb) || strings.HasPrefix(fb, fa)
}
