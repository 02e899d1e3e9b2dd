package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/dossier-news/dossier"
)

// token is one word of a text as full-text indexes see it: its byte span and its folded form.
type token struct {
	start, end int
	word       string
}

// tokens splits text into words the way ParseQuery splits a query and SQLite's unicode61
// tokenizer splits what it indexes (runs of letters, digits and marks), each folded.
func tokens(text string) []token {
	var out []token
	start := -1
	for i, r := range text {
		if isSeparator(r) {
			if start >= 0 {
				out = append(out, token{start, i, fold(text[start:i])})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, token{start, len(text), fold(text[start:])})
	}
	return out
}

// fold lowercases a word and takes off its diacritics ("Zelenskyy", "ZELENSKYY" and
// "Zelénskyy" are one word), as the index does with remove_diacritics.
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Match reports whether text matches the query, word for word as the full-text index matches
// a document, and returns the spans of text that make its positive terms match, in order.
// Backends use it where no index answers: to find which quotes of a matching article match, and
// to mark the matches in a snippet.
func (q Query) Match(text string) (bool, []dossier.Span) {
	ok, spans := q.match(tokens(text))
	var out []dossier.Span
	for _, s := range spans {
		out = append(out, dossier.Span{Start: s.start, End: s.end})
	}
	return ok, out
}

// hit is a run of tokens [from, to) that matched a term, with its byte span.
type hit struct {
	from, to   int
	start, end int
	clause     int
}

func (q Query) match(toks []token) (bool, []hit) {
	var hits []hit
	ok := q.hasPositive()
	for ci, c := range q.Clauses {
		found := false
		for _, t := range c.Any {
			words := make([]string, len(t.Words))
			for i, w := range t.Words {
				words[i] = fold(w)
			}
			for i := 0; i+len(words) <= len(toks); i++ {
				if !phraseAt(toks, i, words, t.Prefix) {
					continue
				}
				found = true
				if c.Not {
					break
				}
				j := i + len(words)
				hits = append(hits, hit{from: i, to: j, start: toks[i].start, end: toks[j-1].end, clause: ci})
			}
		}
		if found == c.Not {
			ok = false
		}
	}
	sortHits(hits)
	return ok, hits
}

func phraseAt(toks []token, i int, words []string, prefix bool) bool {
	for k, w := range words {
		t := toks[i+k].word
		if k == len(words)-1 && prefix {
			if !strings.HasPrefix(t, w) {
				return false
			}
		} else if t != w {
			return false
		}
	}
	return true
}

// sortHits orders hits by position, the longer first at one position (insertion sort: a text
// has few hits).
func sortHits(h []hit) {
	for i := 1; i < len(h); i++ {
		for j := i; j > 0 && (h[j].start < h[j-1].start || h[j].start == h[j-1].start && h[j].end > h[j-1].end); j-- {
			h[j], h[j-1] = h[j-1], h[j]
		}
	}
}

// Snippet returns a stretch of about words words of text around the densest cluster of the
// query's matches (the one with the most different terms, the earliest of equals), with the
// matched words marked and an ellipsis where text was cut. Without a match it is the start of
// the text.
func (q Query) Snippet(text string, words int) []Fragment {
	toks := tokens(text)
	if len(toks) == 0 {
		return []Fragment{}
	}
	words = max(words, 1)
	_, hits := q.match(toks)
	from := 0
	best := -1
	for _, h := range hits {
		// Start a third of the window before the hit, so that it reads in context.
		w := max(0, min(h.from-words/3, len(toks)-words))
		terms := map[int]bool{}
		for _, o := range hits {
			if o.from >= w && o.to <= w+words {
				terms[o.clause] = true
			}
		}
		if len(terms) > best {
			best, from = len(terms), w
		}
	}
	to := min(from+words, len(toks))
	start, end := toks[from].start, toks[to-1].end
	if from == 0 {
		start = 0
	}
	if to == len(toks) {
		end = len(text)
	}
	var out []Fragment
	if from > 0 {
		out = append(out, Fragment{Text: "…"})
	}
	pos := start
	for _, h := range hits {
		if h.start < pos || h.end > end {
			continue // outside the window, or inside a longer hit already marked
		}
		if h.start > pos {
			out = append(out, Fragment{Text: text[pos:h.start]})
		}
		out = append(out, Fragment{Text: text[h.start:h.end], Match: true})
		pos = h.end
	}
	if pos < end {
		out = append(out, Fragment{Text: text[pos:end]})
	}
	if to < len(toks) {
		out = append(out, Fragment{Text: "…"})
	}
	return out
}
