package position

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/quote"
	"github.com/dossier-news/dossier/text"
)

// holder is who holds a position: the actor and, when the sentence names them, where.
type holder struct {
	actor  dossier.Actor
	person bool
	at     dossier.Span // zero when the holder is named in another sentence
}

func (h holder) ok() bool { return h.actor.Name != "" }

// elsewhere returns h as named outside the current sentence.
func (h holder) elsewhere() holder {
	h.at = dossier.Span{}
	return h
}

// mention is one entity mention that can hold a position.
type mention struct {
	dossier.Span
	ent int
}

// indexMentions keeps the mentions of entities that can act: people, organisations and places (a
// place that is the subject of a stance verb stands for its government: "Kyiv rejected",
// "Caldora proposed"); "other" names (demonyms, events) act only through the nouns they qualify
// ("the Russian readout").
func (st *state) indexMentions() {
	for i, e := range st.ents {
		switch e.Type {
		case entity.Person, entity.Organization, entity.Location:
		default:
			continue
		}
		if f := strings.Fields(strings.ToLower(e.Name)); len(f) == 0 || isPronoun(f[len(f)-1]) {
			continue // a tagger's "You" or "P.S. You" is nobody
		}
		for _, m := range e.Mentions {
			if 0 <= m.Start && m.Start < m.End && m.End <= len(st.doc.Text) && !isPronoun(strings.ToLower(st.doc.Text[m.Start:m.End])) {
				st.ments = append(st.ments, mention{Span: m, ent: i})
			}
		}
	}
	st.possessives()
	slices.SortFunc(st.ments, func(a, b mention) int { return a.Start - b.Start })
	// Overlapping mentions would make the lookup ambiguous: the first one wins.
	kept := st.ments[:0]
	for _, m := range st.ments {
		if len(kept) == 0 || m.Start >= kept[len(kept)-1].End {
			kept = append(kept, m)
		}
	}
	st.ments = kept
}

// possessives adds the mentions the name tagger leaves out, mostly possessives ("Putin’s
// insistence"): a capitalised word that is the one-word name or alias of exactly one acting entity.
func (st *state) possessives() {
	byName := make(map[string]int)
	for _, m := range st.ments {
		e := st.ents[m.ent]
		keys := append([]string{e.Name}, e.Aliases...)
		if f := strings.Fields(e.Name); e.Type == entity.Person && len(f) > 1 {
			keys = append(keys, f[len(f)-1])
		}
		for _, k := range keys {
			if strings.ContainsRune(k, ' ') {
				continue
			}
			k = norm(k)
			if prev, ok := byName[k]; ok && prev != m.ent {
				byName[k] = -1
			} else if !ok {
				byName[k] = m.ent
			}
		}
	}
	taken := make([]bool, len(st.doc.Text)+1)
	for _, m := range st.ments {
		for i := m.Start; i < m.End; i++ {
			taken[i] = true
		}
	}
	d := st.doc
	for _, t := range d.Tokens {
		if t.Kind != text.Word || taken[t.Start] {
			continue
		}
		w := d.Text[t.Start:t.End]
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			continue
		}
		if ent, ok := byName[norm(w)]; ok && ent >= 0 {
			st.ments = append(st.ments, mention{Span: t.Span, ent: ent})
		}
	}
}

// nationOfName returns the nation a name or adjective stands for ("U.S.", "Ukrainian"), or -1.
func (st *state) nationOfName(name string) int {
	var ns []string
	for w := range strings.FieldsSeq(name) {
		ns = append(ns, norm(w))
	}
	if e, v, ok := st.x.lex.nationSet.at(ns, 0); ok && e == len(ns) {
		return v
	}
	return -1
}

// nationalities finds the country of each person: from their roles ("Russian President"), a
// country's possessive before a mention ("Ukraine’s Volodymyr Zelensky") or "of COUNTRY" after
// one ("President Vladimir Putin of Russia").
func (st *state) nationalities() {
	st.nationOf = make(map[int][]int)
	d := st.doc
	add := func(ent, n int) {
		if n >= 0 && !slices.Contains(st.nationOf[ent], n) {
			st.nationOf[ent] = append(st.nationOf[ent], n)
		}
	}
	for i, e := range st.ents {
		if e.Type != entity.Person {
			continue
		}
		for _, r := range e.Roles {
			for w := range strings.FieldsSeq(r) {
				add(i, st.nationOfName(w))
			}
		}
		for _, m := range e.Mentions {
			k := d.TokenIndex(m.Start)
			if k > 0 && k <= len(d.Tokens) {
				prev := d.Text[d.Tokens[k-1].Start:d.Tokens[k-1].End]
				add(i, st.nationOfName(prev))
			}
			k = d.TokenIndex(m.End)
			if k+1 < len(d.Tokens) && strings.EqualFold(d.Text[d.Tokens[k].Start:d.Tokens[k].End], "of") {
				add(i, st.nationOfName(d.Text[d.Tokens[k+1].Start:d.Tokens[k+1].End]))
			}
		}
	}
}

// mentionHolder is the holder a mention names: a person by their fullest name, anything else by
// the name as written ("Kremlin", "Moscow"), with the entity's ID either way.
func (st *state) mentionHolder(mi int) holder {
	m := st.ments[mi]
	e := st.ents[m.ent]
	name := e.Name
	if e.Type != entity.Person {
		name = surface(st.doc.Text[m.Start:m.End])
	}
	return holder{actor: dossier.Actor{Name: name, Entity: e.ID}, person: e.Type == entity.Person, at: m.Span}
}

// surface is a name as written, without a leading article or a possessive ending.
func surface(s string) string {
	for _, p := range []string{"the ", "The "} {
		s = strings.TrimPrefix(s, p)
	}
	for _, p := range []string{"’s", "'s", "’", "'"} {
		if t, ok := strings.CutSuffix(s, p); ok {
			return t
		}
	}
	return s
}

// nationHolder is the holder for a country: the article's entity for it when there is one.
func (st *state) nationHolder(n int, at dossier.Span) holder {
	for _, e := range st.ents {
		if (e.Type == entity.Location || e.Type == entity.Organization) && e.Actor == "" && st.nationOfName(e.Name) == n {
			return holder{actor: dossier.Actor{Name: e.Name, Entity: e.ID}, at: at}
		}
	}
	return holder{actor: dossier.Actor{Name: st.x.lex.nations[n].name}, at: at}
}

// byRole resolves an office held by someone of a nation ("the Ukrainian president") to the
// article's person of that nation, preferring one whose roles name the office; when the article
// has no such person, or several, the nation holds the position.
func (st *state) byRole(n int, role string, at dossier.Span) holder {
	var cands, withRole []int
	for ent, ns := range st.nationOf {
		if !slices.Contains(ns, n) {
			continue
		}
		cands = append(cands, ent)
		if slices.ContainsFunc(st.ents[ent].Roles, func(r string) bool {
			return strings.Contains(strings.ToLower(r), role)
		}) {
			withRole = append(withRole, ent)
		}
	}
	pick := -1
	switch {
	case len(withRole) == 1:
		pick = withRole[0]
	case len(withRole) > 1:
		pick = slices.MaxFunc(withRole, func(a, b int) int { return len(st.ents[a].Mentions) - len(st.ents[b].Mentions) })
	case len(cands) == 1:
		pick = cands[0]
	}
	if pick < 0 {
		return st.nationHolder(n, at)
	}
	e := st.ents[pick]
	return holder{actor: dossier.Actor{Name: e.Name, Entity: e.ID}, person: true, at: at}
}

// endingAt finds a phrase of set that ends with word j, the longest one, and returns its start.
func (s *sent) endingAt(set *phraseSet, j int) (start, val int, ok bool) {
	for a := max(0, j-3); a <= j; a++ {
		if e, v, found := s.at(set, a, j+1); found && e == j+1 {
			return a, v, true
		}
	}
	return 0, 0, false
}

// npAt reads the noun phrase that ends with word j as an actor: a name, a pronoun, a nation, or
// a noun standing for one ("the Kremlin’s press release", "the Russian readout", "the Ukrainian
// president"). It returns the holder and the phrase's first word.
func (st *state) npAt(s *sent, j int) (holder, int, bool) {
	w := s.words[j]
	if w.ment >= 0 {
		h := st.mentionHolder(w.ment)
		a := j
		for a > 0 && s.words[a-1].ment == w.ment {
			a--
		}
		return h, a, true
	}
	if h, ok := st.pronoun(s, j); ok {
		h.at = w.Span
		return h, j, true
	}
	lx := st.x.lex
	if a, n, ok := s.endingAt(&lx.nationSet, j); ok {
		return st.nationHolder(n, s.wordsSpan(a, j+1)), a, true
	}
	if j > 0 && s.ns[j-1] == "the" && s.is(&lx.definites, j) {
		if h, ok := st.thingBefore(s, j-1); ok {
			h.at = s.wordsSpan(j-1, j+1)
			return h, j - 1, true // "the country", "the government"
		}
	}
	if sing, ok := strings.CutSuffix(s.ns[j], "s"); ok && w.upper {
		if n := st.nationOfName(sing); n >= 0 {
			return st.nationHolder(n, w.Span), j, true // "the Europeans", "Ukrainians"
		}
	}
	if a, _, ok := s.endingAt(&lx.roles, j); ok && a > 0 {
		role := strings.Join(s.ns[a:j+1], " ")
		if b, n, ok := s.endingAt(&lx.nationSet, a-1); ok {
			return st.byRole(n, role, s.wordsSpan(b, j+1)), b, true
		}
		if s.ns[a-1] == "the" {
			if h, ok := st.soleHolder(role, s.wordsSpan(a-1, j+1)); ok {
				return h, a - 1, true // "The President rejected ..."
			}
		}
	}
	if a, _, ok := s.endingAt(&lx.agents, j); ok && a > 0 {
		p := s.words[a-1]
		if p.ment >= 0 {
			h := st.mentionHolder(p.ment)
			b := a - 1
			for b > 0 && s.words[b-1].ment == p.ment {
				b--
			}
			h.at = s.wordsSpan(b, j+1)
			return h, b, true
		}
		if b, n, ok := s.endingAt(&lx.nationSet, a-1); ok {
			return st.nationHolder(n, s.wordsSpan(b, j+1)), b, true
		}
		if isPossPronoun(s.ns[a-1]) {
			if h, ok := st.pronoun(s, a-1); ok {
				h.at = s.wordsSpan(a-1, j+1)
				return h, a - 1, true
			}
		}
	}
	return holder{}, j, false
}

func isPronoun(w string) bool {
	switch w {
	case "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them":
		return true
	}
	return false
}

func isPossPronoun(w string) bool {
	switch w {
	case "his", "her", "its", "their", "our", "my":
		return true
	}
	return false
}

// pronoun resolves a pronoun at word k: he and she to the first person the sentence names before
// it, else to the subject of the sentences before; it to the nearest government or organisation
// before it; we and I, inside a direct quote, to the quote's speaker. They is left unresolved:
// its antecedent is too often a group the article never names.
func (st *state) pronoun(s *sent, k int) (holder, bool) {
	switch s.ns[k] {
	case "he", "she", "him", "her", "his":
		return st.personBefore(s, k)
	case "it", "its":
		return st.thingBefore(s, k)
	case "we", "i", "our", "my", "us", "me":
		if s.words[k].upper && s.ns[k] == "us" {
			break // US, U.S.
		}
		if q, ok := st.quoteAt(s.words[k].Span, true); ok {
			return q, true
		}
	}
	return holder{}, false
}

// personBefore resolves he or she at word k: the first person sentence s refers to before it
// (by name, as the speaker of a quote, by office, or by a pronoun resolved in turn), else the first
// one of the sentences before; a person the article calls by the other pronoun is passed over.
func (st *state) personBefore(s *sent, k int) (holder, bool) {
	g := pronounGender(s.ns[k])
	for _, h := range st.persons(s, k) {
		if st.fits(h, g) {
			return h.elsewhere(), true
		}
	}
	for i := s.i - 1; i >= 0 && i >= s.i-5; i-- {
		for _, h := range st.people[i] {
			if st.fits(h, g) {
				return h, true
			}
		}
	}
	return holder{}, false
}

// resolvedPronoun is personBefore remembered per word: a sentence full of pronouns would
// otherwise resolve each one again for every pronoun after it.
func (st *state) resolvedPronoun(s *sent, j int) (holder, bool) {
	if r, ok := s.resolved[j]; ok {
		return r.h, r.ok
	}
	h, ok := st.personBefore(s, j)
	if s.resolved == nil {
		s.resolved = make(map[int]resolution)
	}
	s.resolved[j] = resolution{h, ok}
	return h, ok
}

type resolution struct {
	h  holder
	ok bool
}

// persons returns the people words [0, k) of s refer to, in order.
func (st *state) persons(s *sent, k int) []holder {
	var out []holder
	add := func(h holder) {
		if len(out) == 0 || out[len(out)-1].actor != h.actor {
			out = append(out, h)
		}
	}
	lx := st.x.lex
	for j := 0; j < k; j++ {
		w := s.words[j]
		if w.ment >= 0 && st.ents[st.ments[w.ment].ent].Type == entity.Person {
			add(st.mentionHolder(w.ment))
			continue
		}
		if q, ok := st.speakerNamedAt(w.Span); ok && q.person {
			add(q)
			continue
		}
		if (s.ns[j] == "he" || s.ns[j] == "she") && (!w.upper || j == 0) {
			if h, ok := st.resolvedPronoun(s, j); ok {
				add(h)
			}
			continue
		}
		a, _, ok := s.endingAt(&lx.roles, j)
		if !ok || j+1 < len(s.words) && (s.words[j+1].upper || s.words[j+1].ment >= 0) {
			continue // a title before a name: the name follows
		}
		role := strings.Join(s.ns[a:j+1], " ")
		if a > 0 {
			if _, n, ok := s.endingAt(&lx.nationSet, a-1); ok {
				if h := st.byRole(n, role, w.Span); h.person {
					add(h)
				}
				continue
			}
		}
		if a > 0 && s.ns[a-1] == "the" {
			if h, ok := st.soleHolder(role, w.Span); ok {
				add(h) // "The President agreed ..."
			}
		}
	}
	return out
}

// soleHolder returns the article's only person whose roles name the office, if there is one.
func (st *state) soleHolder(role string, at dossier.Span) (holder, bool) {
	found := -1
	for i, e := range st.ents {
		if e.Type != entity.Person || !slices.ContainsFunc(e.Roles, func(r string) bool { return strings.Contains(strings.ToLower(r), role) }) {
			continue
		}
		if found >= 0 {
			return holder{}, false
		}
		found = i
	}
	if found < 0 {
		return holder{}, false
	}
	e := st.ents[found]
	return holder{actor: dossier.Actor{Name: e.Name, Entity: e.ID}, person: true, at: at}, true
}

func pronounGender(w string) byte {
	switch w {
	case "he", "him", "his", "himself":
		return 'm'
	case "she", "her", "hers", "herself":
		return 'f'
	}
	return 0
}

// fits reports whether a person may be what a pronoun of gender g stands for.
func (st *state) fits(h holder, g byte) bool {
	known := st.genderOf[h.actor.Entity]
	return g == 0 || known == 0 || known == g
}

// genders reads the article's own usage: a person is he or she by the pronoun that most often
// follows a mention of them in the same sentence before anyone else is named ("Drey said he had
// been present").
func (st *state) genders() {
	votes := make(map[string][2]int)
	d := st.doc
	for _, sp := range d.Sentences {
		last := ""
		for k := d.TokenIndex(sp.Start); k < len(d.Tokens) && d.Tokens[k].Start < sp.End; k++ {
			t := d.Tokens[k]
			if mi := st.mentionAt(t.Span); mi >= 0 {
				if e := st.ents[st.ments[mi].ent]; e.Type == entity.Person {
					last = e.ID
				}
				continue
			}
			if g := pronounGender(strings.ToLower(d.Text[t.Start:t.End])); g != 0 && last != "" {
				v := votes[last]
				if g == 'm' {
					v[0]++
				} else {
					v[1]++
				}
				votes[last] = v
				last = ""
			}
		}
	}
	st.genderOf = make(map[string]byte)
	for id, v := range votes {
		switch {
		case v[0] > v[1]:
			st.genderOf[id] = 'm'
		case v[1] > v[0]:
			st.genderOf[id] = 'f'
		}
	}
}

// thingBefore resolves it, its and "the country" at word k: the first government, organisation or
// country sentence s names as an actor before it (or that an earlier it stands for), else the
// first one of the sentence before.
func (st *state) thingBefore(s *sent, k int) (holder, bool) {
	for j := 0; j < k; j++ {
		if st.actingThing(s, j) {
			return st.mentionHolder(s.words[j].ment).elsewhere(), true
		}
		if (s.ns[j] == "it" || s.ns[j] == "its") && (!s.words[j].upper || j == 0) {
			return st.thingBefore(s, j)
		}
	}
	if s.i > 0 && st.things[s.i-1].ok() {
		return st.things[s.i-1], true
	}
	return holder{}, false
}

// actingThing reports a mention of something other than a person at word j that is not the
// object of a preposition: "the Kremlin said", not "talks in Moscow".
func (st *state) actingThing(s *sent, j int) bool {
	mi := s.words[j].ment
	if mi < 0 || st.ents[st.ments[mi].ent].Type == entity.Person {
		return false
	}
	a := st.mentionStart(s, j)
	return a == j && (a == 0 || !s.is(&st.x.lex.prepositions, a-1))
}

// firstThing returns the first government, organisation or country sentence s names as an actor.
func (st *state) firstThing(s *sent) holder {
	for j := range s.words {
		if st.actingThing(s, j) {
			return st.mentionHolder(s.words[j].ment).elsewhere()
		}
	}
	return holder{}
}

// quoteAt returns the speaker of the quote that holds sp (a direct one when direct is set).
func (st *state) quoteAt(sp dossier.Span, direct bool) (holder, bool) {
	for _, q := range st.quotes {
		if q.Start <= sp.Start && sp.End <= q.End && len(q.Speakers) > 0 && (!direct || q.Kind == quote.Direct) {
			return st.speakerHolder(q.Speakers[0]).elsewhere(), true
		}
	}
	return holder{}, false
}

// inDirectQuote reports whether sp lies inside a direct quote.
func (st *state) inDirectQuote(sp dossier.Span) bool {
	for _, q := range st.quotes {
		if q.Kind == quote.Direct && q.Start <= sp.Start && sp.End <= q.End {
			return true
		}
	}
	return false
}

// speakerNamedAt returns the speaker of a quote whose attribution names them with the words at
// sp ("The Ukrainian president stated ..."): the quote extractor has already resolved who that is.
func (st *state) speakerNamedAt(sp dossier.Span) (holder, bool) {
	if st.namedSpeakers == nil {
		st.namedSpeakers = make(map[int]holder)
		for _, q := range st.quotes {
			for _, p := range q.Speakers {
				if p.Mention.Len() <= 0 {
					continue
				}
				h := st.speakerHolder(p)
				h.at = p.Mention
				for k := st.doc.TokenIndex(p.Mention.Start); k < len(st.doc.Tokens) && st.doc.Tokens[k].End <= p.Mention.End; k++ {
					if _, seen := st.namedSpeakers[st.doc.Tokens[k].Start]; !seen {
						st.namedSpeakers[st.doc.Tokens[k].Start] = h
					}
				}
			}
		}
	}
	h, ok := st.namedSpeakers[sp.Start]
	return h, ok
}

// speakerHolder links a quote's speaker to the article's entity: the one whose mention the
// attribution names, else the one of that name, else the nation a description names ("Russian
// readout"); failing all, the speaker as the quote names them.
func (st *state) speakerHolder(p quote.Speaker) holder {
	if p.Mention.Len() > 0 {
		if mi := st.mentionAt(p.Mention); mi >= 0 {
			return st.mentionHolder(mi)
		}
		for _, m := range st.ments {
			if m.Start >= p.Mention.Start && m.End <= p.Mention.End {
				return st.mentionHolder(slices.Index(st.ments, m))
			}
		}
	}
	name := strings.TrimPrefix(p.Name, "the ")
	for _, e := range st.ents {
		if strings.EqualFold(e.Name, name) || slices.ContainsFunc(e.Aliases, func(a string) bool { return strings.EqualFold(a, name) }) {
			return holder{actor: dossier.Actor{Name: e.Name, Entity: e.ID}, person: e.Type == entity.Person}
		}
	}
	if f := strings.Fields(name); len(f) > 0 {
		if n := st.nationOfName(f[0]); n >= 0 {
			return st.nationHolder(n, dossier.Span{})
		}
	}
	return holder{actor: dossier.Actor{Name: p.Name}}
}
