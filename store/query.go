package store

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed full-text query. A document matches when it matches every clause that is
// not negated and none that is. Backends turn it into their engine's syntax with every word
// quoted, so no user input reaches that syntax unescaped.
type Query struct {
	Clauses []Clause
}

// Clause is one part of a query: any of its terms matches it (one term unless the user wrote
// OR), and Not turns it into an exclusion.
type Clause struct {
	Any []Term
	Not bool
}

// Term is a word or a phrase (words that must follow one another), lowercased and split the
// way the full-text index splits text: runs of letters, digits and combining marks. Prefix
// makes the last word match any word that starts with it.
type Term struct {
	Words  []string
	Prefix bool
}

// Bounds on a query, so that a pasted page does not become a query that scans the index a
// thousand times.
const (
	maxQueryBytes = 1024
	maxTerms      = 32
	maxWords      = 16 // words in one phrase
)

// ParseQuery reads a search query as a user types it:
//
//	kyiv summit          both words (AND)
//	"peace plan"         the phrase
//	talks OR summit      either word; OR binds the terms either side of it
//	-moscow              articles without the word (needs at least one word to look for)
//	negotiat*            any word starting with "negotiat"
//
// Everything else is taken as words: punctuation splits words and is otherwise ignored, an
// unclosed quote runs to the end, and a lone OR or - is dropped. ParseQuery fails with
// ErrBadQuery only when nothing is left to look for or the query is over its bounds.
func ParseQuery(s string) (Query, error) {
	if len(s) > maxQueryBytes {
		return Query{}, fmt.Errorf("%w: longer than %d bytes", ErrBadQuery, maxQueryBytes)
	}
	s = strings.ToValidUTF8(s, " ")
	var q Query
	terms := 0
	orNext := false // the previous token was OR: the next term joins the last clause
	for len(s) > 0 {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		not := false
		if s[0] == '-' {
			not, s = true, s[1:]
		}
		var raw string
		prefix := false
		if len(s) > 0 && s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				raw, s = s[1:], ""
			} else {
				raw, s = s[1:1+end], s[2+end:]
			}
			if strings.HasPrefix(s, "*") {
				prefix, s = true, strings.TrimLeft(s, "*")
			}
		} else {
			end := strings.IndexFunc(s, unicode.IsSpace)
			if end < 0 {
				end = len(s)
			}
			raw, s = s[:end], s[end:]
			if raw == "OR" && !not {
				orNext = len(q.Clauses) > 0 && !q.Clauses[len(q.Clauses)-1].Not
				continue
			}
			prefix = strings.HasSuffix(raw, "*")
		}
		t := parseTerm(raw, prefix)
		if len(t.Words) == 0 {
			continue
		}
		if terms++; terms > maxTerms {
			return Query{}, fmt.Errorf("%w: more than %d terms", ErrBadQuery, maxTerms)
		}
		if orNext && !not {
			last := &q.Clauses[len(q.Clauses)-1]
			last.Any = append(last.Any, t)
		} else {
			q.Clauses = append(q.Clauses, Clause{Any: []Term{t}, Not: not})
		}
		orNext = false
	}
	if !q.hasPositive() {
		return Query{}, fmt.Errorf("%w: no word to look for", ErrBadQuery)
	}
	return q, nil
}

// parseTerm splits raw into lowercase words, the last one a prefix when prefix is set.
func parseTerm(raw string, prefix bool) Term {
	t := Term{Prefix: prefix}
	for w := range strings.FieldsFuncSeq(raw, isSeparator) {
		if len(t.Words) == maxWords {
			break
		}
		t.Words = append(t.Words, strings.ToLower(w))
	}
	if len(t.Words) == 0 {
		t.Prefix = false
	}
	return t
}

// isSeparator reports what splits words: everything but letters, digits and marks, as in
// SQLite's unicode61 tokenizer and most others.
func isSeparator(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) || r == utf8.RuneError
}

func (q Query) hasPositive() bool {
	for _, c := range q.Clauses {
		if !c.Not {
			return true
		}
	}
	return false
}

// IsZero reports whether the query has nothing to look for.
func (q Query) IsZero() bool { return !q.hasPositive() }

// String writes the query back in the syntax ParseQuery reads; parsing the result gives the
// same query.
func (q Query) String() string {
	var b strings.Builder
	for i, c := range q.Clauses {
		if i > 0 {
			b.WriteByte(' ')
		}
		if c.Not {
			b.WriteByte('-')
		}
		for j, t := range c.Any {
			if j > 0 {
				b.WriteString(" OR ")
			}
			b.WriteByte('"')
			b.WriteString(strings.Join(t.Words, " "))
			b.WriteByte('"')
			if t.Prefix {
				b.WriteByte('*')
			}
		}
	}
	return b.String()
}
