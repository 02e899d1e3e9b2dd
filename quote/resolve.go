package quote

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dossier-news/dossier/text"
)

// continuations attributes the quoted sentences no cue claimed: a quote that goes on from the
// one before it (“…,” she said. “…”), a later paragraph of a long quote, or a paragraph of quote
// after the paragraph that introduced its speaker. Quoted fragments no verb of saying governs are
// scare quotes or titles and are dropped.
func (r *reader) continuations() {
	byQuotation := make(map[int]int) // quotation → index in r.found of an attributed piece
	for k, f := range r.found {
		for pi := range r.parts {
			if r.parts[pi].Span == f.span || r.parts[pi].Start >= f.span.Start && r.parts[pi].End <= f.span.End {
				byQuotation[r.parts[pi].quotation] = k
			}
		}
	}
	var added []found
	for pi := range r.parts {
		p := &r.parts[pi]
		if p.used || r.skip[r.doc.SentenceIndex(p.Start)] || r.isTitle(pi) || r.isTerm(pi) {
			continue
		}
		if !r.isDirect(pi) || !r.standalone(pi) {
			// a fragment later in a sentence whose speech is attributed: more of the same
			// (told the BBC that “…” the idea, though it should not be “…”)
			if k := r.attributedSentence(p.Start); k >= 0 && !r.quotedVerb(pi) {
				p.used = true
				added = append(added, found{span: p.Span, kind: Partial, evidence: r.found[k].evidence, from: k})
			}
			continue
		}
		from := -1
		var intro np
		introduced := false
		if k, ok := byQuotation[p.quotation]; ok {
			from = k
		} else if intro, introduced = r.dashSubject(pi); introduced {
		} else if intro, introduced = r.colonSubject(pi); !introduced {
			from = r.nearbyQuote(pi)
		}
		p.used = true
		f := found{span: p.Span, kind: Direct, evidence: r.evidence(p.Start, p.End), from: from}
		if introduced {
			f.speakers = []np{intro}
		} else if from < 0 {
			// nobody quoted nearby: the person the sentence before is about
			if n, ok := r.previousSubject(pi); ok {
				f.speakers = []np{n}
			}
		}
		added = append(added, f)
	}
	if len(added) == 0 {
		return
	}
	// the indices in from refer to r.found before the merge: keep those quotes first, then sort
	// by position with a map from old to new indices
	n := len(r.found)
	r.found = append(r.found, added...)
	order := make([]int, len(r.found))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return r.found[a].span.Start - r.found[b].span.Start })
	newIndex := make([]int, len(order))
	for ni, oi := range order {
		newIndex[oi] = ni
	}
	sorted := make([]found, len(order))
	for ni, oi := range order {
		f := r.found[oi]
		if f.from >= 0 && f.from < n {
			f.from = newIndex[f.from]
		}
		sorted[ni] = f
	}
	r.found = sorted
}

// nearbyQuote returns the index in r.found of the quote that quote part pi goes on from: the
// last one before it in the same or the previous paragraph; else the next one in the same
// paragraph when that is a direct quote (“…” “…,” she said.), or one that opens the next
// paragraph without an opening mark (the same speech going on). It returns -1 when there is none.
func (r *reader) nearbyQuote(pi int) int {
	pos := r.parts[pi].Start
	para := r.doc.ParagraphIndex(pos)
	best := -1
	for k, f := range r.found {
		if f.span.End <= pos {
			if r.doc.ParagraphIndex(f.evidence.Start) >= para-1 || r.doc.ParagraphIndex(f.span.End) >= para-1 {
				best = k
			}
			continue
		}
		if best >= 0 || f.kind != Direct || f.from >= 0 {
			break
		}
		switch fp := r.doc.ParagraphIndex(f.span.Start); {
		case fp == para:
			return k
		case fp == para+1 && f.span.Start == r.doc.Paragraphs[fp].Start:
			return k
		}
		break
	}
	return best
}

// previousSubject returns the subject of the sentence before quote part pi, within its
// paragraph or the one before, when it names someone.
func (r *reader) previousSubject(pi int) (np, bool) {
	i := r.tokenAt(r.parts[pi].Start)
	lo, _ := r.sentOf(i)
	if lo == 0 {
		return np{}, false
	}
	plo, _ := r.sentOf(lo - 1)
	if r.doc.ParagraphIndex(r.toks[plo].Start) < r.doc.ParagraphIndex(r.toks[i].Start)-1 {
		return np{}, false
	}
	n, ok := r.mainSubject(plo, lo)
	if !ok || n.kind != npName && n.kind != npPronoun {
		return np{}, false
	}
	return n, true
}

// standalone reports whether quote part pi stands as a sentence of its own: it opens its
// sentence, follows a colon, or opens its paragraph.
func (r *reader) standalone(pi int) bool {
	p := r.parts[pi]
	i := r.tokenAt(p.Start)
	lo, _ := r.sentOf(i)
	k := i - 1
	for k >= lo && r.info[k].mark {
		k--
	}
	return k < lo || r.is(k, ":") || r.doc.Paragraphs[r.doc.ParagraphIndex(p.Start)].Start >= p.open.Start
}

// isTitle reports whether quote part pi names a work or a thing rather than quotes anyone: it
// follows a word like "book" or "titled", or it is a short run of capitalised words.
func (r *reader) isTitle(pi int) bool {
	p := r.parts[pi]
	i := r.tokenAt(p.open.Start)
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if r.toks[k].Kind != text.Word {
			continue
		}
		switch r.info[k].lower {
		case "book", "books", "film", "movie", "song", "album", "show", "series", "program",
			"programme", "article", "column", "op-ed", "essay", "titled", "entitled", "headlined",
			"dubbed", "named", "poem", "play", "novel", "documentary", "podcast", "slogan",
			"hashtag", "motto", "banner", "sign", "signs", "headline", "campaign", "so-called":
			return true
		}
	}
	s := strings.TrimRight(r.text(p.Span), ",.;:")
	words := strings.Fields(s)
	if len(words) > 6 || strings.ContainsAny(s, ".!?") {
		return false
	}
	for _, w := range words {
		if !startsUpper(w) && !nameParticle(strings.ToLower(w)) && w != "a" && w != "an" && w != "the" && w != "and" {
			return false
		}
	}
	return true
}

// resolve turns each found quote's speaker phrases into Speakers: names to their fullest form,
// pronouns and descriptions of a person to the person they stand for. A quote that goes on from
// another takes its speakers. Reported speech whose speaker cannot be told (it, they, nobody
// named) is dropped: without a speaker it is no quote worth showing; so is indirect speech whose
// clause does not name its speaker (found.implicit).
func (r *reader) resolve() []Quote {
	speakers := make([][]Speaker, len(r.found))
	for k, f := range r.found {
		if f.from >= 0 {
			continue
		}
		for _, n := range f.speakers {
			if s, ok := r.speaker(n); ok {
				speakers[k] = append(speakers[k], s)
			}
		}
	}
	out := make([]Quote, 0, len(r.found))
	for k, f := range r.found {
		root := k
		for steps := 0; r.found[root].from >= 0 && steps < len(r.found); steps++ {
			root = r.found[root].from
		}
		ev := r.evidence(min(f.evidence.Start, f.span.Start), max(f.evidence.End, f.span.End))
		q := Quote{Span: f.span, Kind: f.kind, Cue: f.cue, Evidence: ev, Speakers: slices.Clone(speakers[root])}
		if len(q.Speakers) == 0 && f.kind != Direct || f.kind == Indirect && f.implicit {
			continue
		}
		out = append(out, q)
	}
	return out
}

// speaker resolves one speaker phrase.
func (r *reader) speaker(n np) (Speaker, bool) {
	s := Speaker{Mention: r.nameSpan(n), Medium: n.medium}
	if n.role.Len() > 0 {
		s.Role = r.text(n.role)
	}
	switch n.kind {
	case npName:
		name := r.text(s.Mention)
		if k, ok := r.people.lookupAt(lastWord(name), n.start); ok && sameName(name, r.people.list[k].name) {
			r.fill(&s, k)
			return s, true
		}
		s.Name = name
		return s, true
	case npPronoun:
		switch r.info[n.start].lower {
		case "he", "she", "i":
			female := int8(-1)
			if r.info[n.start].lower == "she" {
				female = 1
			} else if r.info[n.start].lower == "i" {
				female = 0
			}
			if k, ok := r.pronounPerson(n.start, female); ok {
				r.fill(&s, k)
				r.people.mention(n.start, k)
				return s, true
			}
		case "it", "they", "we":
			if a, ok := r.groupAntecedent(n.start); ok {
				s2, ok := r.speaker(a)
				s2.Medium = n.medium
				return s2, ok
			}
		}
		return Speaker{}, false
	default:
		if r.definite(n) && classOf(r.headNoun(n)) == personNoun && !r.plural(n) && !r.hasPossessive(n) {
			if k, ok := r.describedPerson(n); ok {
				r.fill(&s, k)
				if s.Role == "" {
					s.Role = r.text(r.nameSpan(n))
				}
				return s, true
			}
		}
		s.Name = r.text(s.Mention)
		// "Her office said": whose office
		if w := r.info[n.start].lower; w == "his" || w == "her" {
			female := int8(-1)
			if w == "her" {
				female = 1
			}
			if k, ok := r.pronounPerson(n.start, female); ok && n.end > n.start+1 {
				s.Name = r.people.list[k].name + "’s " + r.text(r.span(n.start+1, n.end))
			}
		}
		return s, true
	}
}

// fill gives s the name, role and entity of person k.
func (r *reader) fill(s *Speaker, k int) {
	p := r.people.list[k]
	s.Name = p.name
	s.Entity = p.entity
	if s.Role == "" {
		s.Role = p.role
	}
}

// pronounPerson finds who a speaker pronoun at token i stands for: a person named earlier in
// its sentence, or else the first person named in the nearest sentence before that names one,
// within the paragraph and the three before it. A person the text calls by the other pronoun is
// passed over; female is +1 for she, -1 for he, 0 for I.
func (r *reader) pronounPerson(i int, female int8) (int, bool) {
	lo, _ := r.sentOf(i)
	clause := r.mainClauseStart(lo, i)
	ms := r.people.mentions
	end, _ := slices.BinarySearchFunc(ms, i, func(m personMention, t int) int { return m.tok - t })
	compatible := func(k int) bool {
		g := r.people.list[k].female
		return female == 0 || g == 0 || g == female
	}
	// the leftmost compatible mention in the pronoun's own sentence, after a leading adverbial
	for k := end - 1; k >= 0 && ms[k].tok >= clause; k-- {
		if k == 0 || ms[k-1].tok < clause {
			for m := k; m < end; m++ {
				if compatible(ms[m].person) {
					return ms[m].person, true
				}
			}
		}
	}
	para := r.doc.ParagraphIndex(r.toks[i].Start)
	// then sentence by sentence backwards: the first compatible person each one names
	k := end - 1
	for k >= 0 && ms[k].tok >= lo {
		k--
	}
	for k >= 0 {
		if r.doc.ParagraphIndex(r.toks[ms[k].tok].Start) < para-3 {
			break
		}
		slo, _ := r.sentOf(ms[k].tok)
		first := k
		for first-1 >= 0 && ms[first-1].tok >= slo {
			first--
		}
		// people named as subjects before people named after a preposition (contributed to
		// Pell Grants, a call with Putin)
		for pass := 0; pass < 2; pass++ {
			for m := first; m <= k; m++ {
				if compatible(ms[m].person) && (pass == 1 || !r.afterPreposition(ms[m].tok)) {
					return ms[m].person, true
				}
			}
		}
		k = first - 1
	}
	return 0, false
}

// describedPerson finds the person a definite description stands for ("the respected political
// analyst", "the Ukrainian president"): among the people named in this paragraph and the two
// before it, one whose role shares the description's head noun, and whose nationality or office,
// when both are given, agrees with the description's; else the last person named in this
// paragraph or the one before.
func (r *reader) describedPerson(n np) (int, bool) {
	head := r.headNoun(n)
	var mods []string
	for i := n.start; i < n.end-1; i++ {
		if r.info[i].cap && classOf(r.info[i].lower) == otherWord {
			mods = append(mods, r.info[i].lower)
		}
	}
	para := r.doc.ParagraphIndex(r.toks[n.start].Start)
	best, bestScore := -1, 0
	seen := make(map[int]bool)
	ms := r.people.mentions
	lo, _ := r.sentOf(n.start)
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.tok >= lo {
			continue // a description takes up someone named before its own sentence
		}
		if r.doc.ParagraphIndex(r.toks[m.tok].Start) < para-2 {
			break
		}
		if seen[m.person] {
			continue
		}
		seen[m.person] = true
		role := r.people.list[m.person].role
		score := 0
		if role != "" && strings.Contains(strings.ToLower(role), head) {
			score += 2
		}
		if len(mods) > 0 && role != "" {
			switch agree(mods, role) {
			case 1:
				score += 2
			case -1:
				continue
			}
		}
		if score == 0 && best < 0 && r.doc.ParagraphIndex(r.toks[m.tok].Start) >= para-1 {
			score = 1
		}
		if score > bestScore {
			best, bestScore = m.person, score
		}
	}
	return best, best >= 0
}

// agree compares the capitalised modifiers of a description (ukrainian) with the capitalised
// words of a role (Russian President, Ukraine’s): +1 when they share a word stem, -1 when the
// role has such words and none match, 0 when it has none.
func agree(mods []string, role string) int {
	has := false
	for _, w := range strings.Fields(role) {
		if !startsUpper(w) || isTitle(w) {
			continue
		}
		has = true
		for _, m := range mods {
			if stemEqual(m, strings.ToLower(stripPossessive(w))) {
				return 1
			}
		}
	}
	if has {
		return -1
	}
	return 0
}

// stemEqual compares words by their first five letters (ukrainian, ukraine’s), or whole when short.
func stemEqual(a, b string) bool {
	a, b = strings.Trim(a, ".’'"), strings.Trim(b, ".’'")
	if len(a) < 5 || len(b) < 5 {
		return a == b
	}
	return a[:5] == b[:5]
}

// mainClauseStart returns the first token of the main clause of a sentence that starts at lo,
// after a leading adverbial that ends in a comma before token end: one that opens with a
// preposition, conjunction or time word ("After his summit with Putin, Trump …"), or a short one
// about time ("Hours later, Trump …").
func (r *reader) mainClauseStart(lo, end int) int {
	if lo >= end || r.toks[lo].Kind != text.Word {
		return lo
	}
	// a dateline: "BREVIK, Ostrenia, May 15 (Meridian) – Caldora said …"
	if isAcronym(r.word(lo)) && utf8.RuneCountInString(r.word(lo)) > 2 {
		for k := lo + 1; k < end && k < lo+12; k++ {
			if w := r.word(k); w == "—" || w == "–" || w == "-" {
				return k + 1
			}
		}
	}
	comma := -1
	for k := lo + 1; k < end; k++ {
		if r.is(k, ",") {
			comma = k
			break
		}
	}
	if comma < 0 {
		return lo
	}
	switch w := r.info[lo].lower; {
	case w == "according":
		return lo
	case classOf(w) == function || classOf(w) == timeWord || w == "nonetheless" || w == "moreover":
		return comma + 1
	}
	if comma-lo > 5 {
		return lo
	}
	for k := lo; k < comma; k++ {
		switch w := r.info[k].lower; {
		case classOf(w) == timeWord, isMonth(w), w == "later", w == "ago", w == "earlier", r.toks[k].Kind == text.Number:
			return comma + 1
		}
	}
	return lo
}

// attributedSentence returns the index in r.found of reported speech that ends before pos in
// the sentence holding pos, or -1.
func (r *reader) attributedSentence(pos int) int {
	si := r.doc.SentenceIndex(pos)
	if si >= len(r.sents) {
		return -1
	}
	sent := r.sents[si]
	for k := len(r.found) - 1; k >= 0; k-- {
		f := r.found[k]
		if f.span.End <= pos && f.span.Start >= sent.Start && f.kind != Direct && f.from < 0 {
			return k
		}
	}
	return -1
}

// colonSubject returns the subject of the clause that introduces quote part pi with a colon
// ("McConnell delivered a blunt message to Trump: “…”").
func (r *reader) colonSubject(pi int) (np, bool) {
	i := r.tokenAt(r.parts[pi].open.Start) - 1
	for i >= 0 && r.info[i].mark {
		i--
	}
	if i < 0 || !r.is(i, ":") {
		return np{}, false
	}
	lo, _ := r.sentOf(i)
	if lo >= i {
		return np{}, false
	}
	n, ok := r.mainSubject(lo, i)
	if !ok || n.kind == npPronoun && r.info[n.start].lower == "it" {
		return np{}, false
	}
	return n, true
}

// sameName reports whether a name as written may be a shorter form of a person's fullest name:
// every word but the last (which the lookup matched) is in the full name ("Trump", "Donald
// Trump" for "Donald J. Trump"; not "South Carolina Democrat" for "New Hampshire Democrat").
func sameName(name, full string) bool {
	words := strings.Fields(name)
	for _, w := range words[:max(len(words)-1, 0)] {
		if isTitle(w) || isHonorific(w) {
			continue
		}
		if !strings.Contains(full, w) {
			return false
		}
	}
	return true
}

// groupAntecedent finds what "it", "they" or "we" at token i stands for: the subject of its own
// sentence or of one of the two before, within the paragraph and the one before, when that is an
// institution, a group or a document ("Within hours the Caldoran presidency issued its own
// readout. “…,” it said.").
func (r *reader) groupAntecedent(i int) (np, bool) {
	plural := r.info[i].lower != "it"
	si := int(r.info[i].sent)
	para := r.doc.ParagraphIndex(r.toks[i].Start)
	for s := si; s >= 0 && s >= si-2; s-- {
		lo, hi := r.sentLo[s], r.sentLo[s+1]
		if s == si {
			hi = i
		}
		if lo >= hi || r.doc.ParagraphIndex(r.toks[lo].Start) < para-1 {
			break
		}
		n, ok := r.mainSubject(lo, hi)
		if !ok || n.start >= i {
			continue
		}
		switch n.kind {
		case npName:
			if !r.isPerson(n) && n.end-n.start <= 4 {
				return n, true
			}
		case npDescription:
			switch classOf(r.headNoun(n)) {
			case groupNoun, documentNoun:
				return n, true
			case personNoun:
				if plural && r.plural(n) {
					return n, true
				}
			}
		}
	}
	return np{}, false
}

// afterPreposition reports whether the mention at token i is the object of a preposition.
func (r *reader) afterPreposition(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if r.toks[k].Kind != text.Word {
			return false
		}
		w := r.info[k].lower
		if isPreposition(w) || w == "of" || w == "for" || w == "by" || w == "against" || w == "between" {
			return !(w == "to" && r.isWord(k-1, "according")) // according to X: X speaks
		}
		if !r.info[k].cap && classOf(w) != determiner && !possessive(w) {
			return false
		}
	}
	return false
}

// dashSubject returns the name that signs quote part pi after a dash (“…” ― Julie Diaz), as
// round-ups of readers' and voters' words are written.
func (r *reader) dashSubject(pi int) (np, bool) {
	i := r.tokenAt(r.parts[pi].close.End)
	if i >= len(r.toks) || r.toks[i].Start-r.parts[pi].close.End > 2 {
		return np{}, false
	}
	switch r.word(i) {
	case "―", "—", "–", "-":
	default:
		return np{}, false
	}
	_, hi := r.sentOf(i)
	n, ok := r.subjectAfter(i+1, hi)
	if !ok || n.kind != npName {
		return np{}, false
	}
	if e := n.end; e < hi && !(r.is(e, ".") || r.is(e, ",")) || strings.Contains(r.s[r.toks[i].End:r.toks[n.start].Start], "\n") {
		return np{}, false
	}
	return n, true
}

// hasPossessive reports whether a description names someone else's (the president’s
// spokeswoman): it is not that someone.
func (r *reader) hasPossessive(n np) bool {
	for i := n.start; i < n.end; i++ {
		if possessive(r.word(i)) {
			return true
		}
	}
	return false
}

// isTerm reports whether quote part pi marks a term rather than anyone's words: a so-called
// “peace dividend”, what he calls the “engineering of denial”, “red lines,” as officials like to
// call them.
func (r *reader) isTerm(pi int) bool {
	p := r.parts[pi]
	i := r.tokenAt(p.open.Start)
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if r.toks[k].Kind != text.Word {
			continue
		}
		w := r.info[k].lower
		if w == "so-called" || w == "dubbed" || w == "termed" || w == "nicknamed" {
			return k >= i-2
		}
		if c, ok := cueOf(w); ok && c.lemma == "call" {
			for m := k - 1; m >= 0 && m >= k-3; m-- {
				if r.isWord(m, "what") {
					return true
				}
			}
		}
	}
	j := r.tokenAt(p.close.End)
	if r.is(j, ",") {
		j++
	}
	if r.isWord(j, "as") {
		for k := j + 1; k < len(r.toks) && k <= j+6; k++ {
			if c, ok := cueOf(r.info[k].lower); ok && c.lemma == "call" {
				return true
			}
		}
	}
	return false
}
