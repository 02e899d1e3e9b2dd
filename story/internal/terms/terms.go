package terms

import (
	"unicode"
	"unicode/utf8"
)

// Scanner splits texts into terms. It reuses one buffer across calls, so it is not safe for
// concurrent use; the zero value is ready.
type Scanner struct {
	buf []byte
}

// Each calls fn with each term of text, in order. The slice passed to fn is valid only during the
// call. A word is a run of letters, digits and combining marks; apostrophes inside a word are
// dropped, so that a possessive ("Trump's") folds into its name by the plural rule. Words shorter
// than two letters, words without a letter, and function words are skipped.
func (s *Scanner) Each(text string, fn func(term []byte)) {
	s.buf = s.buf[:0]
	letters, ascii := 0, true
	emit := func() {
		if len(s.buf) > 0 && letters > 0 && utf8.RuneCount(s.buf) >= 2 && !isStop(string(s.buf)) {
			// The plural rule is English ("Valdés" is no plural), and a word needs a letter
			// besides the s it may drop ("1990s" stays).
			// A plural of a function word ("thes", "wells") goes with it.
			if t := s.buf; !ascii || letters < 2 {
				fn(t)
			} else if t = stem(t); !isStop(string(t)) {
				fn(t)
			}
		}
		s.buf = s.buf[:0]
		letters, ascii = 0, true
	}
	for _, r := range text {
		switch {
		case 'a' <= r && r <= 'z':
			s.buf = append(s.buf, byte(r))
			letters++
		case 'A' <= r && r <= 'Z':
			s.buf = append(s.buf, byte(r+'a'-'A'))
			letters++
		case '0' <= r && r <= '9':
			s.buf = append(s.buf, byte(r))
		case r == '\'' || r == '\u2019' || r == '\u02bc':
			// Inside a word an apostrophe is dropped; between words it is a quote mark.
		case r < utf8.RuneSelf:
			emit()
		case unicode.IsLetter(r):
			s.buf = utf8.AppendRune(s.buf, unicode.ToLower(r))
			letters++
			ascii = false
		case unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			s.buf = utf8.AppendRune(s.buf, r)
			ascii = false
		default:
			emit()
		}
	}
	emit()
}

// stem folds an English plural to its singular with Harman's S-stemmer (1991), which changes only
// the endings -ies, -es and -s and leaves words that merely end in s ("us", "class") alone. Its
// reach is small on purpose: fuller stemmers also merge words of different meaning ("general",
// "generate"), and the clusterer needs terms that say what an article is about.
func stem(w []byte) []byte {
	n := len(w)
	if n < 4 || w[n-1] != 's' {
		return w
	}
	switch {
	case w[n-3] == 'i' && w[n-2] == 'e' && w[n-4] != 'e' && w[n-4] != 'a':
		w[n-3] = 'y'
		return w[:n-2]
	case w[n-2] == 'e' && w[n-3] != 'a' && w[n-3] != 'e' && w[n-3] != 'o':
		return w[:n-1]
	case w[n-2] != 'u' && w[n-2] != 's':
		return w[:n-1]
	}
	return w
}
