package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/text"
)

// cueAt is a cue found in the text.
type cueAt struct {
	i, j       int // tokens of the cue phrase
	c          cue
	according  bool // according to X
	participle bool // …, saying that …: the speaker is the subject of the main clause
}

// run finds the quotes of the article.
func (r *reader) run() []Quote {
	for _, c := range r.findCues() {
		r.attribute(c)
	}
	slices.SortStableFunc(r.found, func(a, b found) int { return a.span.Start - b.span.Start })
	r.continuations()
	return r.resolve()
}

// findCues lists the verbs and phrases of saying outside quotes, leaving out the nouns
// (the claim), passives (is said to) and infinitives (declined to say) that look like them.
func (r *reader) findCues() []cueAt {
	var out []cueAt
	for i := range r.toks {
		if r.toks[i].Kind != text.Word || r.inQuote(i) || r.skip[r.info[i].sent] {
			continue
		}
		lw := r.info[i].lower
		lo, _ := r.sentOf(i)
		switch {
		case lw == "according" && i+1 < len(r.toks) && r.info[i+1].lower == "to":
			out = append(out, cueAt{i: i, j: i + 2, c: cue{lemma: "according to", clause: true}, according: true})
			continue
		case r.info[i].cap:
			continue
		case (lw == "point" || lw == "points" || lw == "pointed" || lw == "pointing") && i+1 < len(r.toks) && r.info[i+1].lower == "out":
			out = append(out, cueAt{i: i, j: i + 2, c: cue{lemma: "point out", clause: true}, participle: lw == "pointing" && r.participleAt(i, lo)})
			continue
		case (lw == "made" || lw == "make" || lw == "makes" || lw == "making") && i+1 < len(r.toks) && r.info[i+1].lower == "clear":
			out = append(out, cueAt{i: i, j: i + 2, c: cue{lemma: "make clear", clause: true, thatOnly: true}, participle: lw == "making" && r.participleAt(i, lo)})
			continue
		}
		c, ok := cueOf(lw)
		if !ok || !r.verbAt(i, lo, c) {
			continue
		}
		out = append(out, cueAt{i: i, j: i + 1, c: c, participle: strings.HasSuffix(lw, "ing") && r.participleAt(i, lo)})
	}
	return out
}

// verbAt reports whether the cue word at token i is used as a verb of saying.
func (r *reader) verbAt(i, lo int, c cue) bool {
	if i == lo {
		return false
	}
	p := i - 1
	if r.toks[p].Kind != text.Word {
		return true
	}
	pw := r.info[p].lower
	lw := r.info[i].lower
	ing := strings.HasSuffix(lw, "ing")
	switch {
	case classOf(pw) == determiner && pw != "both" && pw != "all":
		return false // the claim, a report
	case pw == "to":
		return p-1 >= lo && r.info[p-1].lower == "on" // went on to say
	case pw == "is" || pw == "are" || pw == "was" || pw == "were" || pw == "be" || pw == "been" || pw == "being":
		return ing // is said to: passive; is saying: progressive
	case possessive(pw) && !r.info[p].cap:
		return false
	case pw == "of" || pw == "for" || pw == "with" || pw == "in" || pw == "on" || pw == "about" || pw == "into" || pw == "from" || pw == "as" || pw == "than":
		return false
	case possessive(pw):
		return false // Trump’s claim
	}
	if c.lemma == "call" {
		for k := p; k >= lo && k >= i-4; k-- {
			if r.isWord(k, "what") {
				return false // what he calls a “special operation”: a term, not a quote
			}
		}
	}
	if pw == "without" && lw == "saying" {
		return false // it goes without saying
	}
	if ing {
		return true
	}
	switch c.lemma {
	case "claim", "report", "post", "tweet", "call", "answer", "reply", "promise", "estimate",
		"charge", "question", "attack", "demand", "joke", "counter", "pledge", "vow", "welcome",
		"dispute", "praise", "blame", "respond", "comment", "thank", "label", "brand", "frame", "note":
		// Also nouns: a verb needs a subject-like word before it.
		if strings.HasSuffix(lw, "ed") || lw == "told" || lw == "said" {
			return true
		}
		if r.info[p].cap && p-1 >= lo && r.toks[p-1].Kind == text.Word && (classOf(r.info[p-1].lower) == determiner || isPreposition(r.info[p-1].lower) || r.info[p-1].lower == "of") {
			return false // a list of Velmari demands
		}
		return r.info[p].cap || classOf(pw) == pronoun || classOf(pw) == personNoun ||
			classOf(pw) == groupNoun || classOf(pw) == documentNoun || r.adverbial(p) || pw == "and"
	}
	return true
}

// participleAt reports whether the -ing cue at token i opens a participle clause whose subject
// is the main clause's (…, saying that …; after noting that …).
func (r *reader) participleAt(i, lo int) bool {
	if i == lo {
		return false
	}
	p := i - 1
	if r.is(p, ",") || r.is(p, "—") || r.is(p, "–") || r.info[p].mark {
		return true
	}
	switch r.info[p].lower {
	case "by", "after", "before", "while", "without", "when", "and", "also", "further", "again":
		return true
	}
	return false
}

// attribute reads the speaker and the reported speech of cue c.
func (r *reader) attribute(c cueAt) {
	lo, hi := r.sentOf(c.i)
	var spk np
	var ok, inverted, coordinated bool
	after := c.j // where the reported speech may start
	switch {
	case c.according:
		spk, ok = r.subjectAfter(c.j, hi)
		if ok {
			after = spk.end
			if spk.kind == npDescription && classOf(r.headNoun(spk)) == documentNoun && r.info[min(spk.end, len(r.toks)-1)].lower == "by" {
				// according to a statement by X: X speaks through the statement
				via := r.nameSpan(spk)
				if s2, ok2 := r.subjectAfter(spk.end+1, hi); ok2 {
					spk = s2
					spk.via = via
					after = s2.end
				}
			}
			inverted = true
		}
	case c.participle:
		spk, ok = r.mainSubject(lo, c.i)
	default:
		p := c.i - 1
		for p >= lo && r.adverbial(p) {
			p--
		}
		if p >= lo && r.is(p, ",") {
			if spk, ok = r.appositiveSubject(p, lo); ok {
				break
			}
		}
		if p < lo || r.is(p, ",") || r.is(p, "—") || r.is(p, "–") || r.inQuote(p) {
			// “…,” said Ana Roe / …, said the minister.
			if spk, ok = r.subjectAfter(c.j, hi); ok && c.c.inverts && r.tailOnly(r.attributionEnd(spk.end, hi), hi) && !r.isWord(spk.end, "that") {
				inverted = true
				after = spk.end
				break
			}
		}
		spk, ok = r.subjectBefore(c.i, r.clauseLo(lo, c.i))
		if ok && r.inRelative(spk, lo) {
			return // the ceasefire [that] Trump claimed he could secure …: no speech reported
		}
		if !ok && p >= lo && (r.info[p].lower == "and" || r.info[p].lower == "but") {
			spk, ok = r.mainSubject(lo, p)
			coordinated = true
		}
		if ok && spk.kind == npPronoun && r.info[spk.start].lower == "who" {
			spk, ok = r.antecedent(spk.start, lo)
		}
	}
	if !ok {
		return
	}
	// Reported speech without quote marks whose clause does not name one speaker — a pronoun, a
	// participle (", insisting that …"), a verb sharing an earlier verb's subject ("… and
	// conceded that …"), two speakers at once — is kept only with the plain reporting verbs say
	// and tell. With a verb that characterises (insisted, emphasized, conceded, announced) such a
	// clause mostly describes a stance or joint act already reported; on the development data it
	// was right four times in ten against six for say and tell.
	implicit := (c.participle || spk.kind == npPronoun || coordinated || !c.according && strings.HasSuffix(r.info[c.i].lower, "ing")) &&
		c.c.lemma != "say" && c.c.lemma != "tell"
	speakers := []np{spk}
	if spk.kind != npPronoun && !inverted && !c.according {
		speakers = r.jointSubjects(spk, lo)
		// "Trump and Putin announced that …" reports a joint act more than anyone's words
		implicit = implicit || len(speakers) > 1 && c.c.lemma != "say" && c.c.lemma != "tell"
	}
	cueSpan := r.span(c.i, c.j)
	if c.according {
		cueSpan = r.span(c.i, c.j)
	}
	// Trailing attribution: the speech comes before ("…, the minister said." / “…,” she said).
	if q, ok := r.speechBefore(c, speakers, lo, hi, inverted); ok {
		r.medium(&speakers[0], c, after, hi)
		q.cue = cueSpan
		q.implicit = implicit
		r.add(q)
		// “…,” she said, “… goes on.”: one quote broken by its attribution
		if pi, ok := r.partAfterComma(r.attributionEnd(after, hi), hi); ok {
			p := &r.parts[pi]
			if !startsUpper(r.text(p.Span)) && strings.HasSuffix(r.text(q.span), ",") {
				last := &r.found[len(r.found)-1]
				last.span.End = p.End
				last.evidence.End = max(last.evidence.End, r.sentenceEnd(p.End))
				if startsUpper(r.text(last.span)) {
					last.kind = Direct
				}
				p.used = true
			} else {
				r.addQuotePart(pi, cueSpan, speakers)
			}
		}
		return
	}
	r.medium(&speakers[0], c, after, hi)
	n := len(r.found)
	r.speechAfter(c, speakers, after, lo, hi, cueSpan)
	for k := n; k < len(r.found); k++ {
		r.found[k].implicit = implicit
	}
}

// clauseLo returns the first token the subject of a cue at token i may take: after the last
// quote before it in the sentence.
func (r *reader) clauseLo(lo, i int) int {
	for k := i - 1; k >= lo; k-- {
		if r.inQuote(k) {
			return k + 1
		}
	}
	return lo
}

// mainSubject reads the subject of the sentence's main clause, after a leading adverbial
// ("On Tuesday, French President Emmanuel Macron called …").
func (r *reader) mainSubject(lo, end int) (np, bool) {
	i := lo
	for i < end && (r.inQuote(i) || r.toks[i].Kind == text.Punct) {
		i++
	}
	i = r.mainClauseStart(i, end)
	if i >= end {
		return np{}, false
	}
	if r.toks[i].Kind == text.Word && (isPreposition(r.info[i].lower) || r.info[i].lower == "within" || r.info[i].lower == "since") {
		// "Within hours the presidency issued …": a short phrase before the subject, no comma
		for k := i + 2; k < end && k <= i+4; k++ {
			if n, ok := r.subjectAfter(k, end); ok && n.kind != npPronoun && n.end < end && r.verbLike(n.end) {
				return n, true
			}
		}
	}
	return r.subjectAfter(i, end)
}

// antecedent finds what "who" at token w refers to: the phrase before its comma.
func (r *reader) antecedent(w, lo int) (np, bool) {
	if w-1 >= lo && r.is(w-1, ",") {
		return r.subjectBefore(w-1, lo)
	}
	return r.subjectBefore(w, lo)
}

// appositiveSubject finds the subject of a cue that follows an apposition: "Svyatoslav
// Andrianov, a Russian political scientist, …, believes that …". comma is the token before the
// cue.
func (r *reader) appositiveSubject(comma, lo int) (np, bool) {
	// The name is the leftmost one that an apposition follows: in "Scott Pruitt, the attorney
	// general of Oklahoma, one of the states suing, said", Pruitt and not Oklahoma.
	var best np
	found := false
	for k := comma - 1; k > lo; k-- {
		if !r.is(k, ",") || r.inQuote(k) {
			continue
		}
		nxt := k + 1
		if nxt >= comma || r.toks[nxt].Kind != text.Word && r.toks[nxt].Kind != text.Number {
			continue
		}
		if name, ok := r.namedApposition(k, comma, lo); ok {
			best, found = name, true // A ministry spokesman, Pavel Orn, said
			continue
		}
		if !r.appositionStart(nxt, comma) {
			continue
		}
		n, ok := r.subjectBefore(k, lo)
		if !ok || n.kind != npName {
			continue
		}
		if n.role.Len() == 0 {
			r.apposition(&n, comma+1)
		}
		best, found = n, true
	}
	return best, found
}

// jointSubjects returns the speakers of a subject like "Baerbock and Braže": the phrase before
// "and" (and before commas in a list) when it is a name too.
func (r *reader) jointSubjects(n np, lo int) []np {
	out := []np{n}
	for k := n.start - 1; k > lo; {
		// "A and B", "A, B and C": the nearest joint is "and"
		if !(r.info[k].lower == "and" || r.is(k, ",") && len(out) > 1) || n.kind != npName {
			break
		}
		prev, ok := r.subjectBefore(k, lo)
		if !ok || prev.kind != npName || prev.end != k {
			break
		}
		out = append(out, prev)
		k = prev.start - 1
		n = prev
	}
	slices.Reverse(out)
	return out
}

// attributionEnd returns the token after an attribution's tail: time words, a medium, an
// apposition already read.
func (r *reader) attributionEnd(i, hi int) int {
	for i < hi && (r.adverbial(i) || r.toks[i].Kind == text.Word && classOf(r.info[i].lower) == timeWord) {
		i++
	}
	return i
}

// partAfterComma returns the quote part that opens right after token i when token i is a comma
// or colon ("…,” she said, “…").
func (r *reader) partAfterComma(i, hi int) (int, bool) {
	if i >= hi || !(r.is(i, ",") || r.is(i, ":")) {
		return 0, false
	}
	k := i + 1
	for k < hi && r.info[k].mark {
		k++
	}
	if k >= hi || r.info[k].part == 0 {
		return 0, false
	}
	pi := int(r.info[k].part) - 1
	return pi, !r.parts[pi].used
}

// speechBefore finds the speech a trailing attribution closes: a quote that ends right before it,
// or the clause from the start of the sentence to its comma.
func (r *reader) speechBefore(c cueAt, speakers []np, lo, hi int, inverted bool) (found, bool) {
	first := c.i
	if !inverted || c.according {
		first = min(first, speakers[0].start)
	}
	if c.according && !inverted {
		return found{}, false
	}
	k := first - 1
	for k >= lo && r.adverbial(k) {
		k--
	}
	// the rest of the sentence after the attribution must be short: its tail, not new speech
	tail := max(c.j, speakers[len(speakers)-1].end)
	if c.c.object && tail == c.j {
		tail = r.skipListener(tail, hi) // “…,” Clinton told reporters Friday.
	}
	if !c.according && !r.tailOnly(tail, hi) {
		return found{}, false
	}
	quoteHere := k >= lo && (r.info[k].mark || r.info[k].part != 0)
	// “Is it safe?” she asked. — the splitter ends the sentence inside the quote
	quoteBefore := k < lo && lo > 0 && (r.info[lo-1].mark || r.info[lo-1].part != 0) &&
		r.partBefore(lo-1) >= 0 && r.closesWithStop(r.partBefore(lo-1)) && r.tailEnds(tail, hi)
	if !quoteHere && !quoteBefore && !c.according && (!r.tailEnds(tail, hi) || r.is(r.skipTail(tail, hi), ":")) {
		return found{}, false // "Caldora said on Thursday it would …" or "… replied:": speech after, not before
	}
	if quoteBefore {
		k = lo - 1
	}
	if quoteHere || quoteBefore {
		// “…,” she said. — the quote that closes right before
		pi := r.partBefore(k)
		if pi < 0 || r.parts[pi].used || r.isTitle(pi) {
			return found{}, false
		}
		p := &r.parts[pi]
		p.used = true
		return found{span: p.Span, kind: r.kindOfPart(pi), speakers: speakers, evidence: r.evidence(p.Start, r.toks[hi-1].End), from: -1}, true
	}
	if k < lo || !(r.is(k, ",") || r.is(k, "—") || r.is(k, "–")) {
		return found{}, false
	}
	if c.according && k < lo {
		return found{}, false
	}
	start := r.clauseStartBefore(lo, k)
	if start >= k {
		return found{}, false
	}
	sp := r.span(start, k)
	// "The charter, she noted, lets the court rule …": the speech goes on after the attribution
	if e := r.attributionEnd(r.skipTail(tail, hi), hi); e < hi && r.is(e, ",") && r.clauseGoesOn(e+1, hi) {
		sp = r.span(start, r.clauseEnd(e+1, hi))
	}
	if !r.hasVerb(sp) {
		return found{}, false // a dateline or a heading before a dash, not speech
	}
	return r.speechSpan(sp, speakers, r.evidence(sp.Start, r.toks[hi-1].End))
}

// skipTail moves past an attribution's tail of time words and prepositional phrases.
func (r *reader) skipTail(i, hi int) int {
	for i < hi {
		switch {
		case r.adverbial(i) || r.toks[i].Kind == text.Word && classOf(r.info[i].lower) == timeWord:
			i++
		case r.toks[i].Kind == text.Word && !r.inQuote(i) && isPreposition(r.info[i].lower):
			j, _ := r.prepPhrase(i, hi)
			if j <= i+1 {
				return i
			}
			i = j
		default:
			return i
		}
	}
	return i
}

// tailEnds reports whether the attribution's tail from token i runs to the end of its clause:
// punctuation, or a relative clause about the speaker, comes after its time words and phrases.
func (r *reader) tailEnds(i, hi int) bool {
	i = r.skipTail(i, hi)
	if i >= hi {
		return true
	}
	if r.toks[i].Kind == text.Punct {
		return !r.inQuote(i) || r.info[i].mark
	}
	return r.isWord(i, "who") || r.isWord(i, "whose")
}

// clauseGoesOn reports whether the words from token i continue a reported clause after a
// parenthetical attribution, rather than start a participle, relative or new clause.
func (r *reader) clauseGoesOn(i, hi int) bool {
	if i >= hi || r.toks[i].Kind != text.Word || r.inQuote(i) {
		return false
	}
	w := r.info[i].lower
	if strings.HasSuffix(w, "ing") || w == "who" || w == "which" || w == "and" || w == "but" || w == "according" {
		return false
	}
	return r.verbLike(i) || classOf(w) == otherWord
}

// hasVerb reports whether the span holds a word that looks like a finite verb.
func (r *reader) hasVerb(sp dossier.Span) bool {
	for k := r.tokenAt(sp.Start); k < len(r.toks) && r.toks[k].Start < sp.End; k++ {
		if r.verbLike(k) || r.info[k].part != 0 {
			return true
		}
	}
	return false
}

func isPreposition(w string) bool {
	switch w {
	case "on", "in", "at", "during", "via", "through", "to", "from", "after", "before", "over", "about", "with":
		return true
	}
	return false
}

// tailOnly reports whether tokens [i, hi) are only an attribution's tail: time words, a medium,
// an apposition, a participle clause, or nothing before the sentence's end.
func (r *reader) tailOnly(i, hi int) bool {
	for i < hi && r.adverbial(i) {
		i++
	}
	if i >= hi {
		return true
	}
	switch {
	case r.is(i, ".") || r.is(i, "!") || r.is(i, "?") || r.is(i, ";") || r.is(i, ":"):
		return true
	case r.is(i, ","):
		return true
	case r.toks[i].Kind == text.Word:
		switch r.info[i].lower {
		case "on", "in", "to", "at", "during", "via", "through", "after", "before", "when", "as", "while", "from", "of", "about", "last", "this", "earlier", "later", "told", "recently", "afterward", "afterwards", "who", "whose":
			return true
		}
		return classOf(r.info[i].lower) == timeWord
	}
	return false
}

// partBefore returns the index of the quote part that ends at or right before token k (a mark or
// a quoted token), or -1.
func (r *reader) partBefore(k int) int {
	for ; k >= 0; k-- {
		if r.info[k].part != 0 {
			return int(r.info[k].part) - 1
		}
		if !r.info[k].mark && !r.is(k, ",") {
			return -1
		}
	}
	return -1
}

// clauseStartBefore returns the first token of the clause that ends at token k: the start of the
// sentence, or the token after a leading "According to …," or quote that is not part of it.
func (r *reader) clauseStartBefore(lo, k int) int {
	start := lo
	for start < k && (r.toks[start].Kind == text.Punct && !r.info[start].mark) {
		start++
	}
	return start
}

// speechAfter reads the speech that follows a cue: a quote, a that-clause, or a quoted fragment.
func (r *reader) speechAfter(c cueAt, speakers []np, after, lo, hi int, cueSpan dossier.Span) {
	i := r.skipAdjuncts(c, &speakers[0], after, hi)
	if i >= hi {
		return
	}
	ev := func(start int) dossier.Span {
		return r.evidence(min(r.toks[speakers[0].start].Start, start), r.toks[hi-1].End)
	}
	// said: “…” / said, “…” / said “…”
	k := i
	if r.is(k, ":") || r.is(k, ",") {
		k++
	}
	for k < hi && r.info[k].mark {
		k++
	}
	if k < len(r.toks) && r.info[k].part != 0 && k <= i+2 {
		pi := int(r.info[k].part) - 1
		if r.parts[pi].used || r.isTitle(pi) {
			return
		}
		if r.is(i, ":") || r.isDirect(pi) {
			r.addQuotePart(pi, cueSpan, speakers)
			return
		}
		// said “a fragment” and more: the clause it opens
		end := r.clauseEnd(k, hi)
		sp := r.span(k, end)
		sp.Start = r.parts[pi].Start
		if q, ok := r.speechSpan(sp, speakers, ev(sp.Start)); ok {
			q.cue = cueSpan
			r.add(q)
		}
		return
	}
	switch {
	case r.toks[i].Kind == text.Word && r.info[i].lower == "that" && c.c.clause:
		i++
	case c.c.clause && !c.c.thatOnly && r.clauseStart(i, hi):
	case c.according && r.is(i, ","):
		i++ // According to X, …
	case c.according:
		return
	default:
		// called Putin “a predator”: fragments a few words on
		for k := i; k < hi && k < i+12; k++ {
			if r.info[k].part != 0 {
				pi := int(r.info[k].part) - 1
				if r.parts[pi].used || r.quotedVerb(pi) || r.isTitle(pi) || r.isTerm(pi) {
					return
				}
				sp := r.parts[pi].Span
				q := found{span: sp, kind: Partial, cue: cueSpan, speakers: speakers, evidence: ev(sp.Start), from: -1}
				r.parts[pi].used = true
				r.found = append(r.found, q)
				// and “another” in the same breath
				for k2 := r.tokenAt(r.parts[pi].End); k2 < hi && k2 < r.tokenAt(r.parts[pi].End)+8; k2++ {
					if r.info[k2].part != 0 && int(r.info[k2].part)-1 != pi {
						p2 := int(r.info[k2].part) - 1
						if !r.parts[p2].used && !r.cueBetween(r.tokenAt(r.parts[pi].End), k2) {
							r.parts[p2].used = true
							r.found = append(r.found, found{span: r.parts[p2].Span, kind: Partial, cue: cueSpan, speakers: speakers, evidence: ev(sp.Start), from: -1})
						}
						break
					}
				}
				return
			}
			if r.toks[k].Kind == text.Word && !r.info[k].cap {
				if c2, isCue := cueOf(r.info[k].lower); isCue && r.verbAt(k, lo, c2) {
					return // another verb of saying governs what follows
				}
			}
		}
		return
	}
	if i >= hi {
		return
	}
	end := r.clauseEnd(i, hi)
	if end <= i {
		return
	}
	sp := r.span(i, end)
	if q, ok := r.speechSpan(sp, speakers, ev(sp.Start)); ok {
		q.cue = cueSpan
		r.add(q)
	}
}

// cueBetween reports whether a verb of saying lies in tokens [i, j).
func (r *reader) cueBetween(i, j int) bool {
	for k := i; k < j; k++ {
		if r.toks[k].Kind == text.Word && !r.inQuote(k) {
			if _, ok := cueOf(r.info[k].lower); ok {
				return true
			}
		}
	}
	return false
}

// skipAdjuncts moves past what may sit between a cue and its speech: time words (Thursday, on
// Monday), a medium (in a statement, on social media) and the listener of tell-like verbs (told
// the BBC), noting the medium on the speaker.
func (r *reader) skipAdjuncts(c cueAt, spk *np, i, hi int) int {
	for range 4 {
		start := i
		for i < hi && (r.adverbial(i) || r.toks[i].Kind == text.Word && classOf(r.info[i].lower) == timeWord) {
			i++
		}
		if i < hi && r.toks[i].Kind == text.Word {
			switch r.info[i].lower {
			case "on", "in", "at", "during", "via", "through", "over", "to", "from":
				if j, ok := r.prepPhrase(i, hi); ok {
					i = j
				}
			case "of":
				// said of the plan that …
				if j := r.phraseEnd(i+1, hi); j > i+1 && j < hi && r.info[j].lower == "that" {
					i = j
				}
			}
		}
		if c.c.object && i == c.j || c.c.object && i > c.j && r.info[c.j].lower != "that" && i == start && start == c.j {
			if i < hi && !r.isWord(i, "that") {
				i = r.skipListener(i, hi)
			}
		}
		if i < hi && r.is(i, ",") && i+1 < hi && r.toks[i+1].Kind == text.Word && (r.info[i+1].lower == "that" || r.adverbial(i+1)) {
			i++ // said, however, that
		}
		if i == start {
			break
		}
	}
	return i
}

// prepPhrase returns the end of the prepositional phrase at token i when it is one of time or
// medium (on Tuesday, in a statement, to reporters, on his social media platform Truth Social).
func (r *reader) prepPhrase(i, hi int) (int, bool) {
	j := i + 1
	useful := false
	for j < hi && j-i < 10 && r.toks[j].Kind == text.Word && !r.inQuote(j) {
		lw := r.info[j].lower
		if lw == "that" || (classOf(lw) == pronoun && lw != "his" && lw != "her" && lw != "its" && lw != "their") {
			break
		}
		if _, isCue := cueOf(lw); isCue && !isMediumWord(lw) {
			break
		}
		if isMediumWord(lw) || classOf(lw) == timeWord || isMonth(lw) {
			useful = true
		}
		j++
	}
	for j < hi && r.toks[j].Kind == text.Number && j-i < 12 {
		j++
		useful = true
	}
	return j, useful
}

// medium notes where a speaker spoke: a prepositional phrase of medium after the cue (on social
// media, in a statement) or the listener of "told" when it is no person (told the BBC).
func (r *reader) medium(spk *np, c cueAt, i, hi int) {
	if spk.via.Len() > 0 {
		spk.medium = r.text(spk.via)
		return
	}
	for k := i; k < hi && k < i+6; k++ {
		if r.toks[k].Kind != text.Word || r.inQuote(k) {
			return
		}
		lw := r.info[k].lower
		if c.c.lemma == "tell" && k == i {
			if classOf(lw) == pronoun {
				return
			}
			end := r.phraseEnd(k, hi)
			if end > k {
				n := r.makeNP(k, end)
				if n.kind == npName && !r.isPerson(n) || n.kind == npDescription && isMediumWord(r.headNoun(n)) {
					spk.medium = r.text(r.span(k, end))
				}
			}
			return
		}
		switch lw {
		case "on", "in", "to", "at", "during", "via", "through":
			if j, _ := r.prepPhrase(k, hi); j > k+1 {
				for m := k + 1; m < j; m++ {
					if isMediumWord(r.info[m].lower) {
						spk.medium = r.text(r.span(k, j))
						return
					}
				}
				k = j - 1
			}
		default:
			if !r.adverbial(k) && classOf(lw) != timeWord {
				return
			}
		}
	}
}

// isPerson reports whether a name phrase names a person of the cast.
func (r *reader) isPerson(n np) bool {
	_, ok := r.people.lookup(strings.ToLower(stripPossessive(r.word(n.end - 1))))
	return ok || n.role.Len() > 0 && isTitleSpan(r.text(n.role))
}

func isTitleSpan(s string) bool {
	for _, w := range strings.Fields(s) {
		if isTitle(w) {
			return true
		}
	}
	return false
}

// clauseStart reports whether token i can open a reported clause without "that": a subject
// (a pronoun, a name, or a noun phrase) followed by a verb ("said Russia would …", "said the
// economy grew"), as against an object ("acknowledged the difficulty of …").
func (r *reader) clauseStart(i, hi int) bool {
	if i >= hi || r.toks[i].Kind != text.Word || r.inQuote(i) {
		return false
	}
	lw := r.info[i].lower
	switch lw {
	case "he", "she", "they", "we", "i", "you", "there":
		return i+1 < hi && r.toks[i+1].Kind == text.Word
	case "it", "this", "these", "those":
		return i+1 < hi && r.verbLike(i+1)
	}
	k := i
	if classOf(lw) == determiner {
		if lw == "both" || lw == "all" {
			return false
		}
		k++
		for k < hi && r.toks[k].Kind == text.Word && classOf(r.info[k].lower) == determiner {
			k++ // the two delegations
		}
	}
	// up to four words of a noun phrase, then maybe "of" and another short one
	n := 0
	for k < hi && n < 4 && r.nounish(k) {
		k++
		n++
	}
	if k < hi && n > 0 && r.info[k].lower == "of" {
		k++
		if k < hi && classOf(r.info[k].lower) == determiner {
			k++
		}
		for m := 0; k < hi && m < 3 && r.nounish(k); m++ {
			k++
		}
	}
	if n == 0 || k >= hi {
		return false
	}
	if r.verbLike(k) {
		return true
	}
	// a longer subject ("a deal to end the war should …"): an auxiliary a few words on, maybe
	// inside a quote that the clause runs into ("… voting period “is really quite generous.”")
	for m := k; m < hi && m < k+8; m++ {
		if r.info[m].mark {
			continue
		}
		if r.toks[m].Kind != text.Word {
			return false
		}
		switch w := r.info[m].lower; w {
		case "that", "which", "who":
			return false
		case "is", "are", "was", "were", "will", "would", "can", "could", "should", "must", "may", "might", "has", "have", "had":
			return true
		}
	}
	return false
}

// nounish reports whether token i may be a word of a noun phrase: no function word, verb of
// saying or punctuation.
func (r *reader) nounish(i int) bool {
	if r.toks[i].Kind == text.Number {
		return true
	}
	if r.toks[i].Kind != text.Word || r.inQuote(i) {
		return false
	}
	switch classOf(r.info[i].lower) {
	case function, pronoun, determiner:
		return false
	}
	return !r.verbLike(i)
}

// verbLike reports whether token i looks like a finite verb: an auxiliary or modal, or a past or
// present form (-ed, -s after a noun, a common irregular past).
func (r *reader) verbLike(i int) bool {
	if r.toks[i].Kind != text.Word || r.inQuote(i) || r.info[i].cap {
		return false
	}
	w := r.info[i].lower
	switch w {
	case "is", "are", "was", "were", "will", "would", "can", "could", "should", "must", "may",
		"might", "has", "have", "had", "did", "does", "do", "shall", "wo", "ca", "remains",
		"grew", "went", "came", "saw", "made", "took", "knew", "got", "gave", "found", "became",
		"began", "held", "kept", "left", "lost", "met", "paid", "ran", "rose", "fell", "sold",
		"sent", "spent", "stood", "won", "brought", "built", "bought", "chose", "led", "meant",
		"put", "set", "spoke", "struck", "taught", "threw", "understood", "needs", "wants",
		"never", "also", "still", "already", "not", "always", "plans", "hopes":
		return true
	}
	// -ed and -s forms are verbs only with more of the clause after them (not "summit locations.")
	if i+1 >= len(r.toks) || r.toks[i+1].Kind == text.Punct {
		return false
	}
	if strings.HasSuffix(w, "ed") && len(w) >= 4 {
		switch w {
		case "need", "seed", "feed", "deed", "weed", "shed", "speed", "creed", "breed", "greed", "steed", "hundred", "bed":
			return false
		}
		return true
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && len(w) > 3 &&
		classOf(w) == otherWord && i > 0 && classOf(r.info[i-1].lower) != determiner
}

// maxClause bounds a reported clause, in tokens, so that text without sentence breaks costs
// linear time.
const maxClause = 300

// clauseEnd returns the end of a reported clause that starts at token i: the end of the
// sentence, or a break before another clause (", while …", "; ", ", according to …",
// ", adding …").
func (r *reader) clauseEnd(i, hi int) int {
	hi = min(hi, i+maxClause)
	end := hi
	for k := i; k < hi; k++ {
		if r.inQuote(k) {
			continue
		}
		if r.is(k, ";") {
			end = k
			break
		}
		if r.is(k, ",") && k+1 < hi && r.toks[k+1].Kind == text.Word {
			w := r.info[k+1].lower
			switch w {
			case "while", "whereas", "although", "though", "but", "according", "even":
				end = k
			default:
				if c, ok := cueOf(w); ok && strings.HasSuffix(w, "ing") && c.lemma != "" {
					end = k
				}
			}
			if end == k {
				break
			}
		}
	}
	// drop the final stop and closing punctuation outside quotes
	for end > i && r.toks[end-1].Kind == text.Punct && !r.inQuote(end-1) && !r.is(end-1, ")") {
		end--
	}
	return end
}

// speechSpan turns a reported clause into a quote: indirect when nothing in it is quoted,
// partial when some of it is, direct when it is one direct quote and nothing else.
func (r *reader) speechSpan(sp dossier.Span, speakers []np, evidence dossier.Span) (found, bool) {
	sp = trimSpan(r.s, sp)
	if sp.Len() == 0 {
		return found{}, false
	}
	kind := Indirect
	var inside []int
	for pi := range r.parts {
		p := r.parts[pi]
		if p.Start >= sp.Start && p.End <= sp.End+3 && !r.isTerm(pi) {
			inside = append(inside, pi) // a term in quote marks leaves the clause indirect
		}
	}
	for _, pi := range inside {
		if r.parts[pi].used {
			return found{}, false
		}
	}
	var more []dossier.Span
	if len(inside) > 0 {
		kind = Partial
		if len(inside) == 1 && r.isDirect(inside[0]) && r.parts[inside[0]].Start-sp.Start <= 3 {
			kind = Direct
			sp = r.parts[inside[0]].Span
		}
		for _, pi := range inside {
			r.parts[pi].used = true
		}
		// Two or more quoted phrases of several words in one clause ("signifies “the collapse
		// of …” and highlights “a growing division …”") are as many pieces of the speaker's
		// words, each a quote; single quoted words stay inside the clause.
		var phrases []dossier.Span
		for _, pi := range inside {
			if wordCount(r.text(r.parts[pi].Span)) >= 2 {
				phrases = append(phrases, r.parts[pi].Span)
			}
		}
		if kind == Partial && len(phrases) >= 2 {
			sp, more = phrases[0], phrases[1:]
		}
	}
	if kind == Indirect && wordCount(r.text(sp)) < 3 {
		return found{}, false
	}
	return found{span: sp, kind: kind, speakers: speakers, evidence: evidence, from: -1, more: more}, true
}

// add records quote f, and one more for each further quoted phrase it holds (found.more).
func (r *reader) add(f found) {
	more := f.more
	f.more = nil
	r.found = append(r.found, f)
	for _, sp := range more {
		g := f
		g.span = sp
		r.found = append(r.found, g)
	}
}

// addQuotePart records quote part pi as said by speakers.
func (r *reader) addQuotePart(pi int, cueSpan dossier.Span, speakers []np) {
	p := &r.parts[pi]
	p.used = true
	r.found = append(r.found, found{span: p.Span, kind: r.kindOfPart(pi), cue: cueSpan, speakers: speakers, evidence: r.evidence(p.Start, p.End), from: -1})
}

// kindOfPart is direct for a quoted sentence, partial for a fragment.
func (r *reader) kindOfPart(pi int) Kind {
	if r.isDirect(pi) {
		return Direct
	}
	return Partial
}

// isDirect reports whether quote part pi is a full sentence or more: it starts with a capital
// (or a bracket or ellipsis before one) and has three words or more.
func (r *reader) isDirect(pi int) bool {
	s := r.text(r.parts[pi].Span)
	return startsUpper(s) && wordCount(s) >= 3
}

func startsUpper(s string) bool {
	for _, c := range s {
		switch {
		case c == '[' || c == '(' || c == '.' || c == '…' || c == ' ' || isQuoteRune(c):
			continue
		case unicode.IsUpper(c) || unicode.IsDigit(c):
			return true
		default:
			return false
		}
	}
	return false
}

func isQuoteRune(c rune) bool {
	switch c {
	case '"', '“', '”', '‘', '’', '\'', '«', '»', '„':
		return true
	}
	return false
}

func wordCount(s string) int {
	n := 0
	in := false
	for _, c := range s {
		w := unicode.IsLetter(c) || unicode.IsDigit(c)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

func trimSpan(s string, sp dossier.Span) dossier.Span {
	for sp.Start < sp.End {
		c, n := utf8.DecodeRuneInString(s[sp.Start:])
		if !unicode.IsSpace(c) && c != ',' && c != '—' && c != '–' && c != ':' {
			break
		}
		sp.Start += n
	}
	for sp.End > sp.Start {
		c, n := utf8.DecodeLastRuneInString(s[:sp.End])
		if !unicode.IsSpace(c) {
			break
		}
		sp.End -= n
	}
	return sp
}

// evidence returns the span of the sentences that hold [start, end).
func (r *reader) evidence(start, end int) dossier.Span {
	i := r.doc.SentenceIndex(start)
	j := r.doc.SentenceIndex(max(end-1, start))
	if i >= len(r.sents) {
		return dossier.Span{Start: start, End: end}
	}
	j = min(j, len(r.sents)-1)
	return dossier.Span{Start: min(start, r.sents[i].Start), End: max(end, r.sents[j].End)}
}

// sentenceEnd returns the end of the sentence that holds pos.
func (r *reader) sentenceEnd(pos int) int {
	i := r.doc.SentenceIndex(max(pos-1, 0))
	if i < len(r.sents) {
		return max(pos, r.sents[i].End)
	}
	return pos
}

// isWord reports whether token i is the lower-case word w.
func (r *reader) isWord(i int, w string) bool {
	return i >= 0 && i < len(r.toks) && r.toks[i].Kind == text.Word && r.info[i].lower == w
}

// quotedVerb reports whether quote part pi is one word right after "to" (promised to “inform”
// him): a verb in quotes marks the writer's doubt, not anyone's words.
func (r *reader) quotedVerb(pi int) bool {
	p := r.parts[pi]
	k := r.tokenAt(p.open.Start) - 1
	return k >= 0 && r.isWord(k, "to") && wordCount(r.text(p.Span)) == 1
}

// inRelative reports whether a subject starts a relative clause without "that": it comes right
// after a noun that follows a determiner ("The ceasefire Trump claimed he could secure has not …").
func (r *reader) inRelative(n np, lo int) bool {
	k := n.start - 1
	if k < lo || n.kind != npName || n.name != n.start || r.toks[k].Kind != text.Word || r.info[k].cap {
		return false
	}
	w := r.info[k].lower
	if classOf(w) != otherWord || !isLetters(w) || strings.HasSuffix(w, "ly") {
		return false
	}
	for d := k - 1; d >= lo && d >= k-2; d-- {
		if classOf(r.info[d].lower) == determiner {
			return true
		}
	}
	return false
}

// skipListener returns the token after the listener a tell-like verb names at token i (told
// reporters, told the Velmar Herald, told him), or i when there is none.
func (r *reader) skipListener(i, hi int) int {
	if i >= hi || r.toks[i].Kind != text.Word || r.inQuote(i) {
		return i
	}
	switch classOf(r.info[i].lower) {
	case pronoun:
		return i + 1
	case function:
		return i
	}
	if j := r.phraseEnd(i, hi); j > i {
		return j
	}
	if r.nounish(i) {
		return i + 1
	}
	return i
}

// closesWithStop reports whether quote part pi ends with a question or exclamation mark, after
// which the sentence splitter cuts off the attribution that follows.
func (r *reader) closesWithStop(pi int) bool {
	t := strings.TrimRight(r.text(r.parts[pi].Span), " ")
	return strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!")
}

// appositionStart reports whether the words from token i to the comma at token comma can sit
// between a name and its verb: a description (", a senior fellow at …,", ", the mayor,"), a
// relative clause (", who …,"), an age (", 33,"), a participle (", writing for the majority,")
// or an aside (", for his part,", ", also a candidate,").
func (r *reader) appositionStart(i, comma int) bool {
	if r.toks[i].Kind == text.Number {
		return i+1 == comma
	}
	w := r.info[i].lower
	switch {
	case classOf(w) == determiner, classOf(w) == personNoun, w == "who", isTitle(r.word(i)), possessive(w):
		return true
	case strings.HasSuffix(w, "ing") && !r.info[i].cap:
		return true
	case w == "for" || w == "in" || w == "at" || w == "meanwhile" || w == "however" || w == "though" || w == "too":
		return comma-i <= 5
	case w == "also" || w == "then" || w == "now" || w == "once" || w == "himself" || w == "herself" || w == "formerly":
		return i+1 < comma && (classOf(r.info[i+1].lower) == determiner || r.toks[i+1].Kind == text.Number || classOf(r.info[i+1].lower) == personNoun)
	}
	return false
}

// namedApposition reads "A ministry spokesman, Pavel Orn, said": a name between the commas at
// tokens k and comma, after a description of a person; the name speaks, the description is
// its role.
func (r *reader) namedApposition(k, comma, lo int) (np, bool) {
	a, b := k+1, comma
	if b-a < 2 || b-a > 4 {
		return np{}, false
	}
	for i := a; i < b; i++ {
		if !r.capWord(i) && !nameParticle(r.info[i].lower) {
			return np{}, false
		}
	}
	desc, ok := r.subjectBefore(k, lo)
	if !ok || desc.kind != npDescription || classOf(r.headNoun(desc)) != personNoun && classOf(r.headNoun(desc)) != groupNoun {
		return np{}, false
	}
	n := r.makeNP(a, b)
	if n.kind != npName {
		return np{}, false
	}
	n.role = r.nameSpan(desc)
	n.start = desc.start // for joint subjects before the description ("Koruth and her minister, …")
	return n, true
}
