package timex

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sync"
	"time"
)

// Type is the TIMEX3 type of an expression.
type Type string

// The TIMEX3 types.
const (
	Date     Type = "DATE"     // a calendar period: a day, a month, a quarter, a year, a decade
	Time     Type = "TIME"     // a time of day or a part of a day
	Duration Type = "DURATION" // a length of time
	Set      Type = "SET"      // a recurring time ("every Monday", "daily")
)

// Expr is a temporal expression found in a text, with its TIMEX3 type, value and modifier.
type Expr struct {
	Start, End int // byte offsets into the text, End exclusive
	Text       string
	Type       Type
	// Value is the TIMEX3 value: "2025-02-12", "2025-W07", "2025-Q1", "2025-SP", "199X", "P3Y",
	// "PRESENT_REF"; fields the text leaves open are X ("XXXX-WXX-3").
	Value string
	// Mod qualifies the value where the text does: START, MID, END, APPROX, BEFORE, AFTER,
	// ON_OR_BEFORE, ON_OR_AFTER, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE; or "".
	Mod string
}

var (
	// ErrLanguage is returned by New for a language without rules.
	ErrLanguage = errors.New("timex: no rules for this language")
	// ErrRules wraps every mistake found in a rule file.
	ErrRules = errors.New("timex: bad rule")
)

//go:embed rules
var rules embed.FS

// Tagger finds and normalises the temporal expressions of one language. It is safe for
// concurrent use.
type Tagger struct {
	lx lexicon
	g  grammar
	// matchers keeps the buffers of finished calls for the next, so that tagging a stream of
	// articles does not allocate its token and lexicon tables again each time.
	matchers sync.Pool
}

// New loads the rules of a language (an ISO 639-1 code such as "en") from the files embedded in
// the package: rules/LANG/lexicon.txt, what words mean, and rules/LANG/patterns.txt, which
// sequences of them form expressions.
func New(lang string) (*Tagger, error) {
	t := &Tagger{
		lx: lexicon{words: map[string]*word{}},
	}
	lex, err := fs.ReadFile(rules, "rules/"+lang+"/lexicon.txt")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("load temporal rules for %q: %w", lang, ErrLanguage)
	}
	if err != nil {
		return nil, fmt.Errorf("load temporal rules for %q: %w", lang, err)
	}
	pat, err := fs.ReadFile(rules, "rules/"+lang+"/patterns.txt")
	if err != nil {
		return nil, fmt.Errorf("load temporal rules for %q: %w", lang, err)
	}
	if err := parseLexicon(&t.lx, lang+"/lexicon.txt", string(lex)); err != nil {
		return nil, err
	}
	if err := parsePatterns(&t.g, &t.lx, lang+"/patterns.txt", string(pat)); err != nil {
		return nil, err
	}
	t.g.root.index()
	t.g.sub.index()
	t.matchers.New = func() any { return &matcher{lx: &t.lx, g: &t.g} }
	return t, nil
}

// Default returns the English tagger, loaded once.
func Default() (*Tagger, error) { return defaultTagger() }

var defaultTagger = sync.OnceValues(func() (*Tagger, error) { return New("en") })

// Tag finds the temporal expressions of text in order and normalises them. ref is the reference
// time, normally the publication date: relative expressions ("last week", "on Wednesday")
// resolve against it, and narrative ones ("the following day", "two days later") against the
// last time the text established. With a zero ref, only what the text itself fixes is resolved
// and the rest keeps its type with X in the open fields ("XXXX-WXX-3").
func (t *Tagger) Tag(text string, ref time.Time) []Expr {
	m := t.matchers.Get().(*matcher)
	defer t.matchers.Put(m)
	m.reset(tokenize(text, m.toks))
	r := newResolver(ref)
	var out []Expr
	for i := 0; i < len(m.toks); {
		c := m.longest(i)
		if c.end <= i {
			i++
			continue
		}
		r.arena, r.holidays = m.arena, t.lx.holidays
		typ := t.g.rules[c.rule-1].typ
		if typ == none {
			i = c.end
			continue
		}
		end := c.end
		if c.f.ext > 0 {
			end = int(c.f.ext)
		}
		res, ok := r.resolve(&c.f, typ, m.tense(i, end))
		if ok {
			start, end := m.toks[i].start, m.toks[end-1].end
			out = append(out, Expr{Start: start, End: end, Text: text[start:end], Type: res.typ, Value: res.value, Mod: res.mod})
			r.establish(res)
		}
		i = end
	}
	return out
}

// tenseWindow is how many tokens on each side of an expression the search for its verb covers.
const tenseWindow = 12

// tense finds what the nearest verb in the sentence says of the time of the tokens [a, b): the
// nearer of the first tense marker before them and the first after, the one before on a tie.
func (m *matcher) tense(a, b int) tense {
	left, ld := tenseNone, 0
	for k := a - 1; k >= 0 && a-k <= tenseWindow; k-- {
		if m.boundary(k) || m.toks[k+1].para {
			break
		}
		if tn := m.tenseAt(k); tn != tenseNone {
			left, ld = tn, a-k
			break
		}
	}
	right, rd := tenseNone, 0
	for k := b; k < len(m.toks) && k-b < tenseWindow; k++ {
		if m.boundary(k) || m.toks[k].para {
			break
		}
		if tn := m.tenseAt(k); tn != tenseNone {
			right, rd = tn, k-b+1
			break
		}
	}
	if left != tenseNone && (right == tenseNone || ld <= rd) {
		return left
	}
	return right
}

// boundary reports whether token k ends a clause for the search of a verb: the end of a sentence,
// a quotation mark (which separates a quote from its attribution) or a word that opens a
// subordinate clause.
func (m *matcher) boundary(k int) bool {
	switch m.toks[k].low {
	case ".", "!", "?", ";", "\"", "''", "``", "“", "”", "«", "»", "that", "which", "who", "whom", "but":
		return true
	}
	return false
}

func (m *matcher) tenseAt(k int) tense {
	tn, ok := m.wordTense(k)
	if ok {
		switch tn {
		case tensePluperfect:
			return tensePast
		case tensePast:
			// "were planning to", "was expected to": a past form that carries a future.
			for j := k + 1; j < len(m.toks) && j <= k+2; j++ {
				if f, ok := m.wordTense(j); ok && f == tenseFuture {
					return tenseFuture
				}
			}
		case tenseFuture:
			// "had been due to": what was to come before the story's past is past.
			for j := k - 1; j >= 0 && j >= k-2; j-- {
				if p, ok := m.wordTense(j); ok && p == tensePluperfect {
					return tensePast
				}
			}
		}
		return tn
	}
	if m.hitAt[k] != m.hitAt[k+1] {
		return tenseNone
	}
	e := m.lx.suffixHit(&m.toks[k])
	if e == nil {
		return tenseNone
	}
	// A participle takes its tense from its auxiliary: "was extended", "to be completed".
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if tn, ok := m.wordTense(j); ok {
			if tn == tensePluperfect {
				tn = tensePast
			}
			return tn
		}
	}
	ft, _ := e.has(catTense)
	return tenseOf(ft.val)
}

// wordTense is the tense of the longest lexicon phrase with one that starts at token k.
func (m *matcher) wordTense(k int) (tense, bool) {
	var best *entry
	n := 0
	for _, h := range m.hitsAt(k) {
		if _, ok := h.e.has(catTense); ok && h.n > n {
			best, n = h.e, h.n
		}
	}
	if best == nil {
		return tenseNone, false
	}
	ft, _ := best.has(catTense)
	return tenseOf(ft.val), true
}

func tenseOf(s string) tense {
	switch s {
	case "past":
		return tensePast
	case "present":
		return tensePresent
	case "future":
		return tenseFuture
	case "pluperfect":
		return tensePluperfect
	}
	return tenseNone
}
