package text

import (
	"strings"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
)

// Sentences cuts s into sentences. A sentence ends at . ! ? or … (with the closing quote marks
// and brackets that follow) when the next word starts a sentence, and at every line break. An
// abbreviation's dot ends a sentence only when the next word is one that starts sentences
// ("… talks with the U.S. The Kremlin …"); a title's never does (Dr., Gen., No., Jan.).
func Sentences(s string) []dossier.Span {
	return sentences(s, Tokens(s))
}

func sentences(s string, toks []Token) []dossier.Span {
	out := make([]dossier.Span, 0, len(toks)/20+1)
	first := 0
	for i := 0; i < len(toks); i++ {
		last := -1 // the sentence's last token when it ends here
		switch t := toks[i]; {
		case isTerminator(s, t):
			j := i + 1
			for j < len(toks) && toks[j].Start == toks[j-1].End && (isTerminator(s, toks[j]) || closesAfterStop(s, toks[j])) {
				j++
			}
			if j == len(toks) || lineBreakBetween(s, toks[j-1], toks[j]) || startsSentence(s, toks[j]) {
				last = j - 1
			}
		case t.Kind == Word && s[t.End-1] == '.':
			if i+1 == len(toks) || lineBreakBetween(s, t, toks[i+1]) ||
				abbrevMayEnd(s[t.Start:t.End-1]) && startsSentenceAfterAbbrev(s, toks[i+1]) {
				last = i
			}
		}
		if last < 0 && (i+1 == len(toks) || lineBreakBetween(s, toks[i], toks[i+1])) {
			last = i
		}
		if last >= 0 {
			out = append(out, dossier.Span{Start: toks[first].Start, End: toks[last].End})
			i = last
			first = last + 1
		}
	}
	return out
}

func isTerminator(s string, t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch s[t.Start:t.End] {
	case ".", "!", "?", "…", "...", "‼", "⁇", "⁈", "⁉":
		return true
	}
	return false
}

// closesAfterStop reports whether t, written right after a full stop, closes a quote or bracket
// ( .” .’ .) ." ) rather than opening the next sentence's.
func closesAfterStop(s string, t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch s[t.Start:t.End] {
	case "”", "’", "»", "›", ")", "]", "}":
		return true
	case `"`, "'":
		r, _ := decode(s, t.End)
		return t.End == len(s) || isSpace(r) || !isAlnum(r)
	}
	return false
}

func lineBreakBetween(s string, a, b Token) bool {
	return strings.IndexByte(s[a.End:b.Start], '\n') >= 0
}

// startsSentence reports whether t can open a sentence: a capital, a digit, or an opening mark
// or bracket before one.
func startsSentence(s string, t Token) bool {
	r, n := decode(s, t.Start)
	if isUpper(r) || isDigit(r) {
		return true
	}
	if t.Kind != Punct {
		return false
	}
	switch r {
	case '“', '‘', '"', '\'', '«', '„', '(', '[', '¿', '¡', '—', '–':
		r2, _ := decode(s, t.Start+n)
		return isUpper(r2) || isDigit(r2) || r2 == '“' || r2 == '‘' || r2 == '"' || r2 == '\'' || r2 == '['
	}
	return false
}

// abbrevMayEnd reports whether an abbreviation (without its dot) may be the last word of a
// sentence: dotted ones (U.S., a.m.) and company, name and place suffixes may; titles and
// initials, which come before a name, may not.
func abbrevMayEnd(w string) bool {
	if strings.IndexByte(w, '.') >= 0 {
		return true
	}
	if _, n := utf8.DecodeRuneInString(w); n == len(w) {
		return false
	}
	if k := strings.LastIndexFunc(w, isHyphen); k >= 0 {
		_, n := utf8.DecodeRuneInString(w[k:])
		w = w[k+n:]
	}
	return abbrevKind(w) == finalAbbrev
}

// startsSentenceAfterAbbrev is stricter than startsSentence: after "U.S." a capital is as likely
// a name ("U.S. President"), so only words that usually open a sentence, or a quote, count.
func startsSentenceAfterAbbrev(s string, t Token) bool {
	if t.Kind == Punct {
		return startsSentence(s, t)
	}
	switch s[t.Start:t.End] {
	case "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
		"Those", "There", "His", "Her", "Its", "Their", "Our", "My", "But", "And", "Or", "So", "Yet",
		"In", "On", "At", "For", "If", "When", "While", "After", "Before", "As", "Since", "Although",
		"Though", "However", "Meanwhile", "Still", "Now", "Then", "Some", "Many", "Most", "No", "Not",
		"What", "Who", "Why", "How", "Where", "Asked", "According":
		return true
	}
	return false
}
