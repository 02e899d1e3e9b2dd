package position

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrPattern reports a phrase pattern in a taxonomy or lexicon that cannot be read.
var ErrPattern = errors.New("bad phrase pattern")

// Bounds on a pattern, so that a hostile taxonomy file cannot make the loader build millions of
// strings or patterns: the spellings one word may expand to, the words of a pattern, and its
// optional words (each doubles the ways it can match).
const (
	maxForms    = 256
	maxWords    = 12
	maxOptional = 4
)

// slot is one word of a pattern: the spellings it accepts, or any word when forms is nil.
type slot struct {
	forms    map[string]bool
	optional bool
}

// pattern is a phrase matched on normalised words (see norm). Its syntax, shared by the
// taxonomy's keywords and the lexicon's cues:
//
//	troop(s)            a group with one alternative is optional: troop, troops
//	insist(|s|ed|ing)   a group with several picks one of them (an empty one keeps the stem)
//	(seek|sought)       groups may stand anywhere in a word, or be the whole word
//	[the]               a word in brackets may be left out
//	*                   any one word ([*]: any one word or none)
type pattern []slot

func parsePattern(s string) (pattern, error) {
	var p pattern
	required := 0
	for f := range strings.FieldsSeq(s) {
		var sl slot
		if strings.HasPrefix(f, "[") && strings.HasSuffix(f, "]") && len(f) > 2 {
			sl.optional = true
			f = f[1 : len(f)-1]
		}
		if f != "*" {
			forms, err := expand(strings.ToLower(f))
			if err != nil {
				return nil, fmt.Errorf("%w %q: %w", ErrPattern, s, err)
			}
			sl.forms = make(map[string]bool, len(forms))
			for _, w := range forms {
				if w = norm(w); w == "" {
					return nil, fmt.Errorf("%w %q: a word can be spelt empty (use [word] for an optional word)", ErrPattern, s)
				}
				sl.forms[w] = true
			}
		}
		if !sl.optional {
			required++
		}
		p = append(p, sl)
	}
	if required == 0 {
		return nil, fmt.Errorf("%w %q: no word that must be there", ErrPattern, s)
	}
	if len(p) > maxWords || len(p)-required > maxOptional {
		return nil, fmt.Errorf("%w %q: more than %d words or %d optional ones", ErrPattern, s, maxWords, maxOptional)
	}
	return p, nil
}

// expand spells out the groups of one pattern word.
func expand(w string) ([]string, error) {
	open := strings.IndexByte(w, '(')
	if open < 0 {
		if strings.ContainsAny(w, ")|") {
			return nil, errors.New("unbalanced group")
		}
		return []string{w}, nil
	}
	closing := strings.IndexByte(w[open:], ')')
	if closing < 0 {
		return nil, errors.New("unbalanced group")
	}
	closing += open
	prefix, group, rest := w[:open], w[open+1:closing], w[closing+1:]
	if strings.ContainsAny(prefix, ")|") || strings.ContainsRune(group, '(') {
		return nil, errors.New("unbalanced group")
	}
	alts := strings.Split(group, "|")
	if len(alts) == 1 {
		alts = append(alts, "")
	}
	tails, err := expand(rest)
	if err != nil {
		return nil, err
	}
	if len(alts)*len(tails) > maxForms {
		return nil, fmt.Errorf("more than %d spellings", maxForms)
	}
	out := make([]string, 0, len(alts)*len(tails))
	for _, a := range alts {
		for _, t := range tails {
			out = append(out, prefix+a+t)
		}
	}
	return out, nil
}

// longest returns the end of the longest match of p at words[i:], or -1.
func (p pattern) longest(words []string, i int) int {
	if len(p) == 0 {
		return i
	}
	best := -1
	s := p[0]
	if s.optional {
		best = p[1:].longest(words, i)
	}
	if i < len(words) && (s.forms == nil || s.forms[words[i]]) {
		best = max(best, p[1:].longest(words, i+1))
	}
	return best
}

// phraseSet finds which of many patterns match where. Each pattern carries a value.
type phraseSet struct {
	pats    []pattern
	vals    []int
	byFirst map[string][]int
	// anyStart holds the patterns whose first word is optional or any word: they are tried at
	// every position.
	anyStart []int
	// bit is the set's bit in an Extractor's index of first words (see Extractor.starts).
	bit uint32
}

func (ps *phraseSet) add(p pattern, val int) {
	if p[0].optional && len(p) > 1 {
		// Spelt out as two patterns, so that the set is tried only where one of its words
		// stands: "[is] off the table" is "is off the table" and "off the table".
		first := append(pattern{{forms: p[0].forms}}, p[1:]...)
		ps.add(first, val)
		if slices.ContainsFunc(p[1:], func(sl slot) bool { return !sl.optional }) {
			ps.add(p[1:], val)
		}
		return
	}
	id := len(ps.pats)
	ps.pats = append(ps.pats, p)
	ps.vals = append(ps.vals, val)
	if p[0].optional || p[0].forms == nil {
		ps.anyStart = append(ps.anyStart, id)
		return
	}
	if ps.byFirst == nil {
		ps.byFirst = make(map[string][]int)
	}
	for f := range p[0].forms {
		ps.byFirst[f] = append(ps.byFirst[f], id)
	}
}

// at returns the longest match starting at words[i] and its value; ties go to the pattern added
// first, so that a data file's order settles them.
func (ps *phraseSet) at(words []string, i int) (end, val int, ok bool) {
	if i >= len(words) {
		return 0, 0, false
	}
	bestID := -1
	for _, ids := range [2][]int{ps.byFirst[words[i]], ps.anyStart} {
		for _, id := range ids {
			e := ps.pats[id].longest(words, i)
			if e > i && (e > end || e == end && id < bestID) {
				end, bestID = e, id
			}
		}
	}
	if bestID < 0 {
		return 0, 0, false
	}
	return end, ps.vals[bestID], true
}

// has reports whether a pattern of the set matches the single word w.
func (ps *phraseSet) has(w string) bool {
	one := func(id int) bool {
		p := ps.pats[id]
		if p[0].forms != nil && !p[0].forms[w] {
			return false
		}
		for _, sl := range p[1:] {
			if !sl.optional {
				return false
			}
		}
		return true
	}
	for _, id := range ps.byFirst[w] {
		if one(id) {
			return true
		}
	}
	for _, id := range ps.anyStart {
		if one(id) {
			return true
		}
	}
	return false
}

// first returns the earliest match in words[from:to] that ends by to, the longest at that start.
func (ps *phraseSet) first(words []string, from, to int) (start, end, val int, ok bool) {
	for i := from; i < to; i++ {
		if e, v, ok := ps.at(words[:to], i); ok {
			return i, e, v, true
		}
	}
	return 0, 0, 0, false
}

// norm is the form words are matched in: lower case, curly apostrophes straight, the possessive
// ending and the dots of an abbreviation dropped (Russia’s → russia, U.S. → us).
func norm(w string) string {
	n, _ := normPoss(w)
	return n
}

// normPoss returns the norm of w and whether w ends in a possessive ’s or s’.
func normPoss(w string) (string, bool) {
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	w = strings.ToLower(w)
	poss := false
	if s, ok := strings.CutSuffix(w, "'s"); ok && s != "" {
		w, poss = s, true
	} else if s, ok := strings.CutSuffix(w, "s'"); ok && s != "" {
		w, poss = s+"s", true
	}
	if strings.Contains(w, ".") && isAbbrev(w) {
		w = strings.ReplaceAll(w, ".", "")
	}
	return w, poss
}

// isAbbrev reports a word of single letters each followed by a dot (u.s., u.k.).
func isAbbrev(w string) bool {
	for i, r := range w {
		if i%2 == 1 && r != '.' || i%2 == 0 && (r < 'a' || r > 'z') {
			return false
		}
	}
	return len(w) >= 4 && len(w)%2 == 0
}
