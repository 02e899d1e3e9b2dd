package position

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/text"
)

// word is a token of a sentence as the rules see it. Quote marks and square brackets are left out
// of a sentence's words: they never change who holds what ("he was “open” to", "nobody [had]
// rejected").
type word struct {
	dossier.Span
	norm  string
	poss  bool // ends in a possessive ’s or s’
	punct bool
	upper bool // starts with an upper-case letter
	ment  int  // index into state.ments, or -1
}

// sent is one sentence: its words and where the lexicon's closed classes match in them.
type sent struct {
	i, para int
	span    dossier.Span
	words   []word
	ns      []string // the words' norms, for phrase matching
	mask    []uint32 // the phrase sets that have a pattern starting with each word
	// For each kind of closed-class phrase, the end of the match that starts at each word (0
	// when none starts there) and whether a match covers the word.
	neg, hedge, skip, sub, rel, negator, aux, brk marks
	cues                                          []cueMatch
	cueAt                                         []int              // index into cues of the match starting at a word, or -1
	resolved                                      map[int]resolution // he and she resolved, by word
	inKeyword                                     []bool             // words inside an issue's keyword
}

type marks struct {
	end     []int
	covered []bool
}

func (s *sent) mark(set *phraseSet) marks {
	m := marks{end: make([]int, len(s.ns)), covered: make([]bool, len(s.ns))}
	for i := range s.ns {
		if e, _, ok := s.at(set, i, len(s.ns)); ok {
			m.end[i] = e
			for k := i; k < e; k++ {
				m.covered[k] = true
			}
		}
	}
	return m
}

// cueMatch is a stance or speech cue found in a sentence.
type cueMatch struct {
	cue
	start, end int // words
	that       bool
	// speaker is who a report cue names, or who holds a stance cue's position (filled when the
	// cue is read); found says whether one was. speakers are all of them when the subject is
	// several ("Trump and Putin announced that ...").
	speaker  holder
	found    bool
	speakers []holder
}

func isQuoteMark(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return utf8.RuneCountInString(s) == 1 && strings.ContainsRune("\"'“”‘’«»„‟‹›[]", r)
}

// build cuts sentence i into words and marks the lexicon's phrases in it.
func (st *state) build(i int) *sent {
	d := st.doc
	sp := d.Sentences[i]
	s := &sent{i: i, span: sp, para: d.ParagraphIndex(sp.Start)}
	first := d.TokenIndex(sp.Start)
	last := first
	for last < len(d.Tokens) && d.Tokens[last].Start < sp.End {
		last++
	}
	s.words = make([]word, 0, last-first)
	s.ns = make([]string, 0, last-first)
	s.mask = make([]uint32, 0, last-first)
	for k := first; k < last; k++ {
		t := d.Tokens[k]
		raw := d.Text[t.Start:t.End]
		if t.Kind == text.Punct && isQuoteMark(raw) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(raw)
		n, poss := normPoss(raw)
		w := word{Span: t.Span, norm: n, punct: t.Kind == text.Punct, upper: unicode.IsUpper(r), ment: st.mentionAt(t.Span)}
		w.poss = poss && t.Kind == text.Word
		s.words = append(s.words, w)
		s.ns = append(s.ns, w.norm)
		s.mask = append(s.mask, st.x.starts[w.norm]|st.x.always)
	}
	lx := st.x.lex
	s.neg = s.mark(&lx.negation)
	s.hedge = s.mark(&lx.hedges)
	// Hedge words are function words, written in lower case but for the first word: "May" in
	// the middle of a sentence is the month.
	for k, e := range s.hedge.end {
		if e > 0 && k > 0 && s.words[k].upper {
			s.hedge.end[k] = 0
			for j := k; j < e; j++ {
				s.hedge.covered[j] = false
			}
		}
	}
	s.skip = s.mark(&lx.skip)
	s.sub = s.mark(&lx.subordinators)
	s.rel = s.mark(&lx.relatives)
	s.negator = s.mark(&lx.negators)
	s.aux = s.mark(&lx.auxiliaries)
	s.brk = s.mark(&lx.clauseBreaks)
	// A cue word inside an issue's keyword is part of the issue's name, not a stance: "support"
	// in "military support".
	s.inKeyword = make([]bool, len(s.ns))
	inKeyword := make([]bool, len(s.ns))
	for k := 0; k < len(s.ns); {
		_, a, b, ok := st.findIssue(s, k, len(s.ns))
		if !ok {
			break
		}
		for j := a; j < b; j++ {
			s.inKeyword[j] = true
			inKeyword[j] = j > a
		}
		k = b
	}
	s.cueAt = make([]int, len(s.words))
	for k := range s.cueAt {
		s.cueAt[k] = -1
	}
	for k := 0; k < len(s.ns); {
		e, v, ok := s.at(&lx.cue, k, len(s.ns))
		if ne, nv, nok := s.at(&lx.nounCue, k, len(s.ns)); nok && (!ok || k > 0 && s.owned(k-1)) {
			e, v, ok = ne, nv, true
		}
		if !ok || s.words[k].ment >= 0 || inKeyword[k] {
			k++
			continue
		}
		m := cueMatch{cue: lx.cues[v], start: k, end: e}
		if e < len(s.ns) && s.ns[e] == "that" {
			m.that = true
		}
		s.cueAt[k] = len(s.cues)
		s.cues = append(s.cues, m)
		k = e
	}
	return s
}

// at returns the longest match of set that starts at word k and ends by word limit.
func (s *sent) at(set *phraseSet, k, limit int) (end, val int, ok bool) {
	if k >= limit || s.mask[k]&set.bit == 0 {
		return 0, 0, false
	}
	return set.at(s.ns[:limit], k)
}

// is reports whether word k on its own is in set.
func (s *sent) is(set *phraseSet, k int) bool {
	return s.mask[k]&set.bit != 0 && set.has(s.ns[k])
}

// mentionAt returns the entity mention that covers the start of sp, or -1. A mention may end
// inside a word: the tagger's "Putin" in "Putin’s".
func (st *state) mentionAt(sp dossier.Span) int {
	k := sort.Search(len(st.ments), func(i int) bool { return st.ments[i].End > sp.Start })
	if k < len(st.ments) && st.ments[k].Start <= sp.Start {
		return k
	}
	return -1
}

// wordsSpan returns the span of words [a, b), which must not be empty.
func (s *sent) wordsSpan(a, b int) dossier.Span {
	return dossier.Span{Start: s.words[a].Start, End: s.words[b-1].End}
}

// owned reports whether word k makes the word after it a noun: a possessive, a possessive
// pronoun or an article ("Velmar's call for", "his call for", "the call for").
func (s *sent) owned(k int) bool {
	return s.words[k].poss || isPossPronoun(s.ns[k]) || s.ns[k] == "the" || s.ns[k] == "a" || s.ns[k] == "an"
}

// question reports a sentence that asks rather than states.
func (s *sent) question() bool {
	return len(s.words) > 0 && s.ns[len(s.ns)-1] == "?"
}
