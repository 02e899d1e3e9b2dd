package position

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/quote"
	"github.com/dossier-news/dossier/text"
)

// state is what Extract knows while it reads one article.
type state struct {
	x        *Extractor
	doc      *text.Doc
	ents     []entity.Entity
	quotes   []quote.Quote
	ments    []mention
	nationOf map[int][]int // person entity → nations

	// Per sentence: the people it refers to and the first government or organisation it names
	// (what a later he, she or it may point back to), and the issues it named.
	people   [][]holder
	things   []holder
	issues   [][]issueRef
	genderOf map[string]byte // entity ID → 'm' or 'f', as the article's pronouns show
	// named says which issues the article names by a keyword that is not ambiguous; nil while
	// the sentences are being cut, when every keyword counts.
	named []bool
	// namedSpeakers maps the start of each word that names a quote's speaker to the speaker,
	// and actorWords holds the words of actors' names; both are built on first use.
	namedSpeakers map[int]holder
	actorWords    map[string]bool

	frame    frame
	lastPara int
	out      []Position
	outSent  []int // sentence of each position, for de-duplication
}

// issueRef is an issue as a sentence names it: the taxonomy key or key phrase, and its words.
type issueRef struct {
	key, phrase string
}

// frame is an open list of demands: "Putin's demands are clear" lets the enumerated sentences
// that follow ("The second point ...", "Fifth: ...") inherit its holder and stance.
type frame struct {
	open   bool
	holder holder
	// enumerated says whether the current paragraph has opened or continued the frame; a
	// paragraph that does not closes it.
	enumerated bool
}

// Extract finds the positions of one article: each actor's stance on each issue, with the words
// that show it. ents are the article's entities (their mentions say who a name is) and quotes
// its quotes (their speakers hold what they say); both may be nil. The result is in text order
// and never nil.
func (x *Extractor) Extract(doc *text.Doc, ents []entity.Entity, quotes []quote.Quote) []Position {
	if x == nil || doc == nil || len(doc.Sentences) == 0 {
		return []Position{}
	}
	st := &state{
		x: x, doc: doc, ents: ents, quotes: quotes, lastPara: -1,
		people: make([][]holder, len(doc.Sentences)),
		things: make([]holder, len(doc.Sentences)),
		issues: make([][]issueRef, len(doc.Sentences)),
	}
	st.indexMentions()
	st.nationalities()
	st.genders()
	sents := make([]*sent, len(doc.Sentences))
	for i := range sents {
		sents[i] = st.build(i)
	}
	st.nameIssues(sents)
	for _, s := range sents {
		st.sentence(s)
	}
	return st.finish()
}

// nameIssues records which issues the article names by a keyword that is not ambiguous: only
// those may be named by their ambiguous keywords too.
func (st *state) nameIssues(sents []*sent) {
	st.named = make([]bool, len(st.x.tax.issues))
	for _, s := range sents {
		for k := range s.ns {
			if _, v, ok := s.at(&st.x.issues, k, len(s.ns)); ok && v%2 == 0 {
				st.named[v/2] = true
			}
		}
	}
}

func (st *state) sentence(s *sent) {
	i := s.i
	if s.para != st.lastPara {
		if !st.frame.enumerated {
			st.frame.open = false
		}
		st.frame.enumerated = false
		st.lastPara = s.para
	}
	before := len(st.out)
	if !s.question() && len(s.words) > 0 {
		st.markReports(s)
		for ci := range s.cues {
			switch s.cues[ci].kind {
			case verbCue, nounCue:
				st.agentive(s, ci)
			case evalCue:
				st.evaluative(s, ci)
			case obligeCue:
				st.obligation(s, ci)
			case condCue:
				st.condition(s, ci)
			}
		}
		st.enumerated(s, before)
	}
	for _, h := range st.persons(s, len(s.words)) {
		st.people[i] = append(st.people[i], h.elsewhere())
	}
	st.things[i] = st.firstThing(s)
	for _, p := range st.out[before:] {
		st.issues[i] = append(st.issues[i], issueRef{key: p.Issue, phrase: p.Phrase})
	}
	if len(st.issues[i]) == 0 {
		for k := 0; k < len(s.ns); {
			is, a, b, ok := st.findIssue(s, k, len(s.ns))
			if !ok {
				break
			}
			st.issues[i] = append(st.issues[i], issueRef{key: st.x.tax.issues[is].Key, phrase: st.text(s.wordsSpan(a, b))})
			k = b
		}
	}
}

func (st *state) text(sp dossier.Span) string { return st.doc.Text[sp.Start:sp.End] }

// markReports finds who says what: the speaker of each report cue, and of each verb cue whose
// that-clause has a cue of its own ("insisted that any ceasefire must involve ...", which is
// speech, not a demand for a ceasefire).
func (st *state) markReports(s *sent) {
	for ci := range s.cues {
		m := &s.cues[ci]
		// A that-clause is what is demanded ("demanded that the alliance roll back") after a
		// cue that takes one (clause in the lexicon), unless it has a cue of its own; after other
		// cues ("insisted that", "suggested that") it is speech, not a stance on what it
		// mentions.
		if (m.kind == verbCue || m.kind == nounCue) && m.that && (!m.clause || slices.ContainsFunc(s.cues[ci+1:], func(n cueMatch) bool {
			return n.kind != reportCue && n.kind != negframeCue
		})) {
			m.kind = reportCue
		}
		if m.kind != reportCue {
			continue
		}
		sub := st.subject(s, m.start, false)
		switch {
		case sub.state == found:
			m.speaker, m.found, m.speakers = sub.holders[len(sub.holders)-1], true, sub.holders
		case sub.state == coordinated:
			m.speakers = st.fallback(s, ci)
			if len(m.speakers) > 0 {
				m.speaker, m.found = m.speakers[len(m.speakers)-1], true
			}
		}
	}
}

// subjectState says what stands before a cue where its subject should be.
type subjectState uint8

const (
	none        subjectState = iota // nothing usable: the start of a clause, a preposition
	found                           // an actor
	nonActor                        // a noun phrase that is no actor ("U.S. troops", "any deal")
	negSubject                      // nobody, no one: the sentence denies that anyone holds it
	plural                          // they: resolved only to the several speakers of the clause
	coordinated                     // and, but or a comma: the subject is shared with a verb before
)

type subject struct {
	state   subjectState
	holders []holder
	neg     bool // a negation in the verb group ("would not participate in")
	hedge   bool // a hedge in the verb group ("might", "would likely")
	finite  bool // an auxiliary or modal in the verb group: the verb heads a clause
	// national says that a subject that is no actor belongs to one: "U.S. troops", "our
	// forces", "Caldora's negotiators".
	national bool
	start    int // the subject's first word
}

// subject scans left from word at, past auxiliaries, adverbs, negations and short parentheses
// (", however,"), for the subject of the cue there. A nominal cue takes its owner instead
// ("Putin’s insistence on", "her support for") or the subject of a light verb before it
// ("expressed willingness to").
func (st *state) subject(s *sent, at int, nominal bool) subject {
	var sub subject
	j := at - 1
	lx := st.x.lex
	if nominal && j >= 0 {
		w := s.words[j]
		if w.poss || isPossPronoun(s.ns[j]) {
			if h, a, ok := st.npAt(s, j); ok {
				sub.state, sub.holders, sub.start = found, []holder{h}, a
				return sub
			}
			sub.state = nonActor
			return sub
		}
		if s.is(&lx.determiners, j) {
			j--
		}
		if j >= 0 {
			if a, _, ok := s.endingAt(&lx.lightVerbs, j); ok {
				j = a - 1
			} else {
				return sub
			}
		}
	}
	for j >= 0 {
		w := s.words[j]
		switch {
		case s.neg.covered[j]:
			sub.neg = true
		case s.hedge.covered[j] && !s.skip.covered[j]:
			sub.hedge = true
		case s.skip.covered[j]:
		case !w.punct && !w.upper && w.ment < 0 && len(s.ns[j]) > 4 && strings.HasSuffix(s.ns[j], "ly"):
		case s.ns[j] == "," && st.appositive(s, j) >= 0:
			// "Another host, Abby Martin, had denounced": the name between the commas.
			k := st.appositive(s, j)
			h := st.mentionHolder(s.words[k].ment)
			sub.state, sub.holders, sub.start = found, []holder{h}, st.mentionStart(s, k)
			return sub
		case s.ns[j] == "," && st.parenthesis(s, j) >= 0:
			j = st.parenthesis(s, j) + 1
		default:
			return st.subjectAt(s, j, sub)
		}
		if s.aux.covered[j] || s.neg.covered[j] {
			sub.finite = true
		}
		j--
	}
	return sub
}

// subjectAt reads the word where the scan for a subject stopped.
func (st *state) subjectAt(s *sent, j int, sub subject) subject {
	lx := st.x.lex
	w := s.words[j]
	switch {
	case w.punct && s.ns[j] == ",", s.ns[j] == "and", s.ns[j] == "but", s.ns[j] == "or":
		sub.state = coordinated
		return sub
	case s.ns[j] == "nobody" || s.ns[j] == "none" || s.ns[j] == "one" && j > 0 && s.ns[j-1] == "no":
		sub.state = negSubject
		return sub
	case s.ns[j] == "they":
		sub.state = plural
		return sub
	case w.punct, s.is(&lx.prepositions, j) && w.ment < 0:
		return sub
	case s.rel.covered[j] && (s.ns[j] == "which" || s.ns[j] == "who" || s.ns[j] == "that"):
		// A relative clause's subject is the noun before it: "Russia’s proposals in
		// Istanbul, which called for ...".
		k := j - 1
		if k >= 0 && s.ns[k] == "," {
			k--
		}
		for k >= 1 && s.words[k].ment >= 0 && s.is(&lx.prepositions, st.mentionStart(s, k)-1) {
			k = st.mentionStart(s, k) - 2
		}
		if k < 0 {
			return sub
		}
		if h, a, ok := st.npAt(s, k); ok && !s.words[k].poss {
			sub.state, sub.holders, sub.start = found, []holder{h}, a
			return sub
		}
		return sub
	}
	h, a, ok := st.npAt(s, j)
	if !ok || w.poss {
		sub.state = nonActor
		for k := j - 1; k >= 0 && k >= j-3 && !s.words[k].punct; k-- {
			if s.words[k].ment >= 0 || s.ns[k] == "our" {
				sub.national = true
			} else if _, _, ok := s.endingAt(&lx.nationSet, k); ok {
				sub.national = true
			}
		}
		return sub
	}
	// A name after a preposition is not the subject: "the talks in Moscow would need ...".
	if a > 0 && s.is(&lx.prepositions, a-1) {
		sub.state = nonActor
		return sub
	}
	sub.state, sub.holders, sub.start = found, []holder{h}, a
	// Coordinated subjects: "Zelensky and European leaders favor ...", "U.S. President Donald
	// Trump and Russian President Vladimir Putin have agreed ...".
	t := a
	for t > 0 && t > a-4 && s.words[t-1].upper && (s.words[t-1].ment < 0 || s.words[t-1].poss) && !s.words[t-1].punct {
		t--
	}
	if t >= 2 && s.ns[t-1] == "and" {
		if h2, b, ok := st.npAt(s, t-2); ok && !s.words[t-2].poss && h2.actor != h.actor {
			sub.holders = append([]holder{h2}, sub.holders...)
			sub.start = b
		}
	}
	return sub
}

// mentionEnd returns the word after the mention at word k.
func (st *state) mentionEnd(s *sent, k int) int {
	for k < len(s.words) && s.words[k].ment >= 0 && s.words[k].ment == s.words[min(k+1, len(s.words)-1)].ment && k+1 < len(s.words) {
		k++
	}
	return k + 1
}

func (st *state) mentionStart(s *sent, k int) int {
	for k > 0 && s.words[k-1].ment == s.words[k].ment {
		k--
	}
	return k
}

// parenthesis returns the word before a short aside that ends with the comma at j (", however,",
// ", for its part,", ", despite the setback,"), or -1 when there is none.
func (st *state) parenthesis(s *sent, j int) int {
	for k := j - 1; k >= 0 && k >= j-5; k-- {
		if s.words[k].ment >= 0 || s.cueAt[k] >= 0 || s.ns[k] == "that" {
			return -1
		}
		if s.ns[k] == "," {
			if k == j-1 {
				return -1
			}
			return k - 1
		}
	}
	return -1
}

// titles reports whether words [a, b) can be a title before a name ("Republican nominee",
// "U.S. Defense Secretary"): a few words, none of them a function word or a mark.
func (st *state) titles(s *sent, a, b int) bool {
	if b-a > 5 {
		return false
	}
	for k := a; k < b; k++ {
		if k == 0 && (s.ns[k] == "the" || s.ns[k] == "a") {
			continue // "The United Nations Security Council ..."
		}
		if (s.words[k].punct && s.ns[k] != "-") || s.is(&st.x.lex.functionWords, k) {
			return false
		}
	}
	return true
}

// appositive returns the last word of a person's name set off by commas before the comma at j
// (", Abby Martin,"), or -1.
func (st *state) appositive(s *sent, j int) int {
	k := j - 1
	if k < 1 || s.words[k].ment < 0 || st.ents[st.ments[s.words[k].ment].ent].Type != entity.Person {
		return -1
	}
	a := st.mentionStart(s, k)
	for a > 0 && s.words[a-1].upper && s.words[a-1].ment < 0 && !s.words[a-1].punct {
		a-- // a title: ", Foreign Minister Anselm Drey,"
	}
	if a > 0 && s.ns[a-1] == "," {
		return k
	}
	return -1
}

// fallback is the subject of a verb that shares it with an earlier one ("He ruled out X and
// stated that ...", "..., stating that ..."): the holders of the nearest cue before it in the
// sentence, else the first actor the sentence names before it.
func (st *state) fallback(s *sent, ci int) []holder {
	for k := ci - 1; k >= 0; k-- {
		if s.cues[k].found {
			return s.cues[k].speakers
		}
	}
	// The sentence's subject: the first thing it names, if nothing but titles or an opening
	// phrase and its comma come before it ("On Tuesday, Trump ...", "U.S. President Donald
	// Trump ...").
	at := s.cues[ci].start
	for j := 0; j < at; j++ {
		w := s.words[j]
		if w.ment >= 0 || s.ns[j] == "he" || s.ns[j] == "she" {
			if j > 0 && s.ns[j-1] != "," && !st.titles(s, 0, j) {
				return nil
			}
			if e := st.mentionEnd(s, j); e < len(s.ns) && (s.ns[e] == "—" || s.ns[e] == "–" || s.ns[e] == "-" || s.ns[e] == "(") {
				return nil // a dateline: "WASHINGTON — ..."
			}
			if w.ment >= 0 {
				return []holder{st.mentionHolder(w.ment)}
			}
			if h, ok := st.personBefore(s, j); ok {
				return []holder{h}
			}
			return nil
		}
	}
	return nil
}

// speaker returns who says the clause that holds word k: the speaker of the nearest report cue
// before it in the sentence, else of the quote around it.
func (st *state) speaker(s *sent, k int) (holder, bool) {
	if r := st.report(s, k); r != nil {
		return r.speaker, true
	}
	return st.quoteAt(s.words[k].Span, false)
}

// report returns the report cue whose clause holds word k, with its speaker found, or nil.
func (st *state) report(s *sent, k int) *cueMatch {
	for ci := len(s.cues) - 1; ci >= 0; ci-- {
		m := &s.cues[ci]
		if m.start >= k || m.kind != reportCue {
			continue
		}
		if st.hardBreak(s, m.end, k) {
			return nil
		}
		if m.found {
			return m
		}
	}
	return nil
}

// hardBreak reports, between words a and b, a semicolon, colon or dash, or a word that starts a
// new clause ("while", "but"): what comes after it is no longer governed by a speaker or frame
// before it.
func (st *state) hardBreak(s *sent, a, b int) bool {
	for k := a; k < b; k++ {
		switch s.ns[k] {
		case ";", ":", "—", "–":
			return true
		}
		if s.brk.end[k] > 0 {
			return true
		}
	}
	return false
}

// negframed returns the start of a frame before word k that turns round what follows
// ("doubtful that"), or -1.
func (st *state) negframed(s *sent, k int) int {
	for _, m := range s.cues {
		if m.kind == negframeCue && m.end <= k && !st.hardBreak(s, m.end, k) {
			return m.start
		}
	}
	return -1
}

// objectPasses reports whether the object that starts at word from is one the cue takes a
// stance on: a noun phrase, or a verb after "to" that passes the stance on ("agreed to hold
// talks"). After "to", any other verb ("does not want to escalate the process") leaves the
// stance on the object unknown.
func (st *state) objectPasses(s *sent, m *cueMatch, from int) bool {
	if from < len(s.ns) && s.ns[from] == "to" && s.ns[m.end-1] != "to" {
		from++
	} else if s.ns[m.end-1] != "to" {
		return true
	}
	if from >= len(s.ns) {
		return true
	}
	lx := st.x.lex
	w := s.words[from]
	switch {
	case w.punct, w.upper, w.poss, w.ment >= 0:
		return true
	case s.is(&lx.objectVerbs, from):
		// A verb whose object is gone ("the goal it pledged to reach at the talks") passes
		// nothing on.
		return from+1 >= len(s.ns) || !s.is(&lx.prepositions, from+1)
	case s.is(&lx.determiners, from), isPossPronoun(s.ns[from]):
		return true
	}
	if _, _, ok := s.at(&st.x.issues, from, len(s.ns)); ok {
		return true
	}
	// A word followed by an article, a possessive or a name is a verb with its object ("to
	// escalate the process", "to leave Russia"); otherwise it modifies a noun ("open to direct
	// talks").
	if n := from + 1; n < len(s.ns) {
		nw := s.words[n]
		return !(s.is(&lx.determiners, n) || isPossPronoun(s.ns[n]) || nw.upper || nw.ment >= 0 || strings.HasSuffix(s.ns[n], "ly") ||
			s.is(&lx.prepositions, n) || isPronoun(s.ns[n]) || strings.HasSuffix(s.ns[n], "self") || strings.HasSuffix(s.ns[n], "selves"))
	}
	return true
}

// hedged reports a hedge between the last comma or clause break before word k and k ("It’s
// possible that he ...").
func (st *state) hedged(s *sent, k int) bool {
	for j := k - 1; j >= 0; j-- {
		switch s.ns[j] {
		case ",", ";", ":", "—", "–":
			return false
		}
		if s.hedge.covered[j] {
			return true
		}
	}
	return false
}

// agentive reads a verb or noun cue: the holder is its subject or owner, the issues are in its
// object, one position for each conjunct ("insists on A, as well as on B").
func (st *state) agentive(s *sent, ci int) {
	m := &s.cues[ci]
	if st.passive(s, m) || st.hedged(s, m.start) || st.infinitive(s, m.start) || st.notAVerb(s, m) {
		return
	}
	sub := st.subject(s, m.start, m.kind == nounCue)
	if sub.hedge {
		return
	}
	switch sub.state {
	case found:
	case nonActor:
		if !sub.finite || !sub.national {
			return
		}
		h, ok := st.speaker(s, m.start)
		if !ok {
			return
		}
		sub.holders = []holder{h}
	case plural:
		r := st.report(s, m.start)
		if r == nil || len(r.speakers) < 2 {
			return
		}
		sub.holders = r.speakers
		sub.state = found
	case coordinated:
		hs := st.fallback(s, ci)
		if len(hs) == 0 {
			return
		}
		sub.holders = make([]holder, len(hs))
		for i, h := range hs {
			sub.holders[i] = h.elsewhere()
		}
	default:
		return
	}
	m.speaker, m.found, m.speakers = sub.holders[len(sub.holders)-1], true, sub.holders
	stance, ok := st.cueStance(s, m, sub.neg)
	if !ok {
		return
	}
	from := m.end
	if m.that {
		from++
	}
	if from < len(s.ns) && (s.ns[from] == "as" || s.aux.covered[from] && s.ns[from-1] != "to") || !st.objectPasses(s, m, from) {
		return // "a gesture that Velmar welcomed as ...": the object came before
	}
	end := st.objectEnd(s, from)
	conjs := st.conjuncts(s, m, from, end)
	if len(conjs) == 0 {
		// The object comes before its holder: "This is a prospect Zelensky has rejected."
		if sub.state == found && sub.start > 0 && st.anaphoric(s, 0, sub.start) {
			if ref, ok := st.previousIssue(s, 0); ok {
				st.emitAll(s, sub.holders, ref, stance, m, s.span, viaOf(st, s, m.start))
			}
		}
		return
	}
	for _, c := range conjs {
		ref, st2, ok := st.issueOf(s, m, c, stance)
		if !ok {
			continue
		}
		ev := dossier.Span{Start: s.words[min(m.start, sub.start)].Start, End: s.words[c[1]-1].End}
		if sub.state != found {
			ev.Start = s.words[m.start].Start
		}
		if h := sub.holders[0]; h.at.Len() > 0 && h.at.Start < ev.Start && h.at.Start >= s.span.Start {
			ev.Start = h.at.Start
		}
		if nf := st.negframed(s, m.start); nf >= 0 {
			ev.Start = min(ev.Start, s.words[nf].Start)
		}
		st.emitAll(s, sub.holders, ref, st2, m, ev, viaOf(st, s, m.start))
	}
}

// notAVerb reports a verb cue that the words around it show to be something else: a noun or an
// adjective after an owner or an article ("his support", "his favored provision"), a phrasal verb
// ("backed out", "backed off") or a noun before a preposition ("favors to foreign governments").
func (st *state) notAVerb(s *sent, m *cueMatch) bool {
	if m.kind != verbCue {
		return false
	}
	if k := m.start - 1; k >= 0 && (s.words[k].poss || isPossPronoun(s.ns[k]) || s.ns[k] == "the" || s.ns[k] == "a" || s.ns[k] == "an") {
		return true // "his support collapse", "his favored provision"
	}
	if m.end >= len(s.ns) || s.is(&st.x.lex.prepositions, m.end-1) {
		return false
	}
	n := s.ns[m.end]
	return s.is(&st.x.lex.particles, m.end) || s.is(&st.x.lex.prepositions, m.end) && n != "that" && n != "to"
}

// infinitive reports a cue after "to" ("efforts to seek", "the power to veto"): the sentence
// does not say who holds it. A verb that negates ("refused to") or a verb of seeming ("seems to")
// before "to" heads the clause instead, and is read with the cue.
func (st *state) infinitive(s *sent, k int) bool {
	if k == 0 || s.ns[k-1] != "to" || s.neg.covered[k-1] {
		return false
	}
	return k < 2 || s.skip.end[k-2] != k
}

// cueStance is the cue's stance after negation in its verb group and negating frames around it.
func (st *state) cueStance(s *sent, m *cueMatch, neg bool) (string, bool) {
	if neg != (st.negframed(s, m.start) >= 0) {
		return m.negated, m.negated != ""
	}
	return m.stance, true
}

// passive reports a verb cue in the passive ("are not supported by"): its subject is what is
// supported, which the rules do not read as a holder.
func (st *state) passive(s *sent, m *cueMatch) bool {
	if m.kind != verbCue {
		return false
	}
	first := s.ns[m.start]
	if !strings.HasSuffix(first, "ed") && first != "sought" {
		return false
	}
	for j := m.start - 1; j >= 0; j-- {
		switch s.ns[j] {
		case "is", "are", "was", "were", "be", "been", "being":
			return true
		}
		if !s.neg.covered[j] && !(len(s.ns[j]) > 4 && strings.HasSuffix(s.ns[j], "ly")) {
			return false
		}
	}
	return false
}

// objectEnd returns where the object that starts at word from ends: at a clause break, a
// subordinate or relative clause, another cue, or "but". Commas end it unless a conjunct follows
// (", as well as on B", ", and the ...").
func (st *state) objectEnd(s *sent, from int) int {
	lx := st.x.lex
	for k := from; k < len(s.words); k++ {
		w := s.ns[k]
		switch {
		case k > from && s.cueAt[k] >= 0:
			return k
		case w == "(":
			for k < len(s.words) && s.ns[k] != ")" {
				k++
			}
			continue
		case w == ";" || w == ":" || w == "—" || w == "–" || w == ")" || w == "?" || w == "!" || w == "." || w == "but":
			return k
		case w == ",":
			if !st.conjunctAt(s, k+1, s.ns[from-1]) {
				return k
			}
		case w == "as" && k+2 < len(s.ns) && s.ns[k+1] == "well" && s.ns[k+2] == "as":
			k += 2
		case k > from && w == "as":
			return k // "ruled out X as part of a settlement", "condemned X as a threat"
		case s.sub.end[k] > 0:
			return k
		case k > from && s.rel.end[k] > 0:
			return k
		case k > from && in(&lx.prepositions, w) && w != "of" && k+1 < len(s.ns) && s.cueAt[k+1] >= 0:
			return k
		}
	}
	return len(s.words)
}

// conjunctAt reports whether a comma before word k goes on to another conjunct of an object: "as
// well as", or "and" or "or" before the cue's preposition again (", and on B"). ", and the ..."
// is as often a new clause, and ends the object.
func (st *state) conjunctAt(s *sent, k int, prep string) bool {
	if k+2 < len(s.ns) && s.ns[k] == "as" && s.ns[k+1] == "well" && s.ns[k+2] == "as" {
		return true
	}
	return k+1 < len(s.ns) && (s.ns[k] == "and" || s.ns[k] == "or") && s.ns[k+1] == prep && s.is(&st.x.lex.prepositions, k+1)
}

// conjuncts splits an object into its conjuncts, each without the words that join it and without
// the cue's own preposition repeated ("as well as on B").
func (st *state) conjuncts(s *sent, m *cueMatch, from, end int) [][2]int {
	var out [][2]int
	start := from
	lastPrep := s.ns[m.end-1]
	add := func(a, b int) {
		for a < b && (s.ns[a] == "," || s.ns[a] == "and" || s.ns[a] == "or" || s.ns[a] == lastPrep && in(&st.x.lex.prepositions, lastPrep)) {
			a++
		}
		for b > a && (s.words[b-1].punct || s.ns[b-1] == "and" || s.ns[b-1] == "or" || s.skip.covered[b-1]) {
			b--
		}
		if a < b {
			out = append(out, [2]int{a, b})
		}
	}
	for k := from; k < end; k++ {
		switch {
		case k+2 < end && s.ns[k] == "as" && s.ns[k+1] == "well" && s.ns[k+2] == "as":
			add(start, k)
			start = k + 3
			k += 2
		case (s.ns[k] == "and" || s.ns[k] == "or") && k > from && k+1 < end && (s.is(&st.x.lex.determiners, k+1) || s.ns[k+1] == lastPrep):
			add(start, k)
			start = k + 1
		}
	}
	add(start, end)
	return out
}

// issueOf finds the issue of one conjunct of an object: a taxonomy issue, the issue a pronoun or
// "the idea" points back to, or, for a strong cue, a key phrase. Negating words on the object
// ("halting the supply of weapons") turn the stance round.
func (st *state) issueOf(s *sent, m *cueMatch, c [2]int, stance string) (issueRef, string, bool) {
	tax := st.x.tax
	// An object followed by "to" and a verb is what the verb says of it ("called for the army to
	// be cut back", "urges supporters to monitor polls"): read it as a clause.
	clause := m.that || st.controlled(s, c)
	if st.anaphoric(s, c[0], c[1]) {
		if ref, ok := st.previousIssue(s, m.start); ok {
			if st.negatorOn(s, c, c[1], c[1], m.that) {
				stance = reverse(stance)
			}
			return ref, stance, true
		}
	}
	if is, a, b, ok := st.findIssueBy(s, c[0], st.headEnd(s, m, c), c[1]); ok {
		if st.someonesPlan(s, c[0], a) {
			// "criticizing Trump's immigration proposals" is about Trump's proposals, not
			// against immigration.
			return issueRef{}, "", false
		}
		if st.negatorOn(s, c, a, b, m.that) {
			stance = reverse(stance)
		}
		return issueRef{key: tax.issues[is].Key, phrase: st.text(s.wordsSpan(a, b))}, stance, true
	}
	if !m.strong || clause || s.ns[m.end-1] == "to" {
		// A clause or a verb phrase is no noun phrase: only a taxonomy issue names what it is
		// about.
		return issueRef{}, "", false
	}
	if s.negator.end[c[0]] > 0 {
		// "ruled out cutting off the heads of ...": what the reversal leaves is seldom an issue.
		return issueRef{}, "", false
	}
	phrase, ok := st.keyPhrase(s, c[0], c[1])
	if !ok {
		return issueRef{}, "", false
	}
	return issueRef{key: strings.ToLower(phrase), phrase: phrase}, stance, true
}

// headEnd returns where the issue of an object may be named: up to its first preposition other
// than "of" ("full control over the regions" goes on, being vague until then; "interrogation
// techniques for prisoners" and "reform to prevent PACs from buying elections" stop before it).
func (st *state) headEnd(s *sent, m *cueMatch, c [2]int) int {
	lx := st.x.lex
	k := c[0]
	for k < c[1] && (s.is(&lx.prepositions, k) || s.is(&lx.determiners, k)) {
		k++
	}
	if k < c[1] && s.words[k].ment >= 0 && m.strong {
		return c[1] // a clause with its own subject: "urged North Korea to resume talks"
	}
	for ; k < c[1]; k++ {
		if s.ns[k] == "to" && k+1 < c[1] && !s.is(&lx.determiners, k+1) {
			continue // "the army to be cut back", "the leaders to meet": the verb is the object's
		}
		if s.is(&lx.prepositions, k) && s.ns[k] != "of" {
			if k > c[0] && (s.is(&lx.lightNouns, k-1) || s.is(&lx.anaphors, k-1)) {
				continue // "full control over", "a change in"
			}
			return k
		}
	}
	return c[1]
}

// someonesPlan reports a person's possessive name between words a and k: the object is what that
// person proposes or did, and a stance on it is not a stance on the issue it concerns.
func (st *state) someonesPlan(s *sent, a, k int) bool {
	for j := a; j < k; j++ {
		if w := s.words[j]; w.poss && w.ment >= 0 && st.ents[st.ments[w.ment].ent].Type == entity.Person {
			return true
		}
	}
	return false
}

// controlled reports a conjunct whose noun phrase is followed by "to": "the army to be cut".
func (st *state) controlled(s *sent, c [2]int) bool {
	for k := c[0] + 1; k < c[1]; k++ {
		if s.ns[k] == "to" {
			return k+1 < c[1] && !s.is(&st.x.lex.determiners, k+1)
		}
		if s.words[k].punct || s.is(&st.x.lex.prepositions, k) && s.ns[k] != "of" {
			return false
		}
	}
	return false
}

// negatorOn reports a negating word in conjunct c outside the keyword [a, b): before it, or, in a
// clause ("demanded that the alliance roll back"), right after it.
//
// A negating word that belongs to a keyword of its own ("negotiations to end the war") names that
// issue, not a reversal of this one.
func (st *state) negatorOn(s *sent, c [2]int, a, b int, that bool) bool {
	for k := c[0]; k < a; k++ {
		if s.negator.end[k] > 0 && s.negator.end[k] <= a && !s.inKeyword[k] {
			return true
		}
	}
	if that {
		for k := b; k < c[1] && k < b+3; k++ {
			if s.negator.end[k] > 0 && !s.inKeyword[k] {
				return true
			}
		}
	}
	return false
}

func reverse(stance string) string {
	switch stance {
	case Opposes:
		return Supports
	case Conditions:
		return Conditions
	}
	return Opposes
}

// anaphoric reports words [a, b) that point back to something named before: a pronoun ("this",
// "it"), a demonstrative or "the" before a noun such as "idea" or "proposal" ("such proposals",
// "the idea"), or "its" before a noun of change ("its cessation"). "Any proposal", "a plan" and
// "this merchant of death" point nowhere an issue was named; "the idea of a summit" says what it
// is.
func (st *state) anaphoric(s *sent, a, b int) bool {
	lx := st.x.lex
	for a < b && s.is(&lx.prepositions, a) {
		a++
	}
	if a >= b {
		return false
	}
	w := s.ns[a]
	if w == "it" || (w == "this" || w == "that" || w == "these" || w == "those") && (a+1 >= b || s.words[a+1].punct) {
		return true
	}
	if a+1 >= b {
		return false
	}
	next := a + 1
	switch {
	case w == "its" || w == "their":
		return s.negator.end[next] > 0 || s.is(&lx.lightNouns, next)
	case !s.is(&lx.determiners, a) || w == "a" || w == "an" || w == "any" || w == "some":
		return false
	}
	for next < b-1 && !s.is(&lx.anaphors, next) && !s.words[next].punct && next < a+3 && !s.is(&lx.prepositions, next) {
		next++ // "the bipartisan deal"
	}
	return s.is(&lx.anaphors, next) && !(next+1 < len(s.ns) && (s.ns[next+1] == "of" || s.ns[next+1] == "that" || s.ns[next+1] == "to"))
}

// findIssue finds the earliest issue named in words [from, to) of s, passing over a keyword that
// only qualifies an office ("Water Minister", "Energy Ministry").
func (st *state) findIssue(s *sent, from, to int) (issue, start, end int, ok bool) {
	return st.findIssueBy(s, from, to, to)
}

// findIssueBy is findIssue for keywords that start before word startBy.
func (st *state) findIssueBy(s *sent, from, startBy, to int) (issue, start, end int, ok bool) {
	lx := st.x.lex
	for from < startBy {
		start = from
		for ; start < startBy; start++ {
			var v int
			if end, v, ok = s.at(&st.x.issues, start, to); ok && (v%2 == 0 || st.named == nil || st.named[v/2]) {
				issue = v / 2
				break
			}
			ok = false
		}
		if !ok {
			return 0, 0, 0, false
		}
		if end < len(s.ns) && s.words[start].upper {
			if _, _, office := s.at(&lx.roles, end, len(s.ns)); office {
				from = end
				continue
			}
			if _, _, office := s.at(&lx.agents, end, len(s.ns)); office {
				from = end
				continue
			}
		}
		return issue, start, end, true
	}
	return 0, 0, 0, false
}

// previousIssue is the issue a pointing word refers to: the last one named before word k in the
// sentence, else the first one of the sentence before.
func (st *state) previousIssue(s *sent, k int) (issueRef, bool) {
	var last issueRef
	found := false
	for j := 0; j < k; {
		is, a, b, ok := st.findIssue(s, j, k)
		if !ok {
			break
		}
		last, found = issueRef{key: st.x.tax.issues[is].Key, phrase: st.text(s.wordsSpan(a, b))}, true
		j = b
	}
	if found {
		return last, true
	}
	if s.i > 0 && len(st.issues[s.i-1]) > 0 {
		return st.issues[s.i-1][0], true
	}
	return issueRef{}, false
}

// keyPhrase is the short noun phrase that names an issue outside the taxonomy: the object without
// its determiners, up to a preposition other than "of", at most five words, with a content word,
// a head that is neither a pronoun nor too vague ("mechanism", "way"), and not just a name.
func (st *state) keyPhrase(s *sent, a, b int) (string, bool) {
	lx := st.x.lex
	if a >= b || s.is(&lx.prepositions, a) || strings.HasSuffix(s.ns[a], "ing") {
		return "", false // no noun phrase: "proposed for individuals", "doing away with"
	}
	for a < b && s.is(&lx.determiners, a) {
		a++
	}
	if a < b && (strings.HasSuffix(s.ns[a], "ly") || s.is(&lx.lightNouns, a) || s.is(&lx.anaphors, a)) {
		return "", false // "immediately deducting ...", "the idea of ..."
	}
	e := a
	for e < b && e < a+5 && !s.words[e].punct && (e == a || !s.is(&lx.prepositions, e) || s.ns[e] == "of") && !s.rel.covered[e] {
		e++
	}
	for e > a && (s.is(&lx.functionWords, e-1) || s.words[e-1].poss) {
		e--
	}
	if e <= a {
		return "", false
	}
	if s.is(&lx.anaphors, e-1) || s.is(&lx.functionWords, e-1) || s.is(&lx.particles, e-1) {
		return "", false
	}
	if _, _, ok := s.endingAt(&lx.roles, e-1); ok {
		return "", false // a person: "the former secretary"
	}
	if _, _, ok := s.endingAt(&lx.agents, e-1); ok {
		return "", false
	}
	// A vague head ("bill", "increase") needs a word that says which: "the 2007 immigration bill".
	// A name is an issue only when no actor goes by it ("Common Core", not "Trump").
	content := !s.is(&lx.lightNouns, e-1) && (!s.words[e-1].upper || !st.actorWord(s.ns[e-1]))
	for k := a; k < e; k++ {
		w := s.words[k]
		switch {
		case s.aux.covered[k], s.skip.covered[k], s.neg.covered[k], w.ment >= 0, k == a && strings.HasSuffix(s.ns[k], "ing"),
			strings.ContainsRune(s.ns[k], '\''):
			return "", false // a verb, an actor or a clause ("they're fighting"): no issue's name
		case s.is(&lx.functionWords, k) && !s.is(&lx.determiners, k) && !s.is(&lx.prepositions, k) && s.ns[k] != "and":
			return "", false // a pronoun or a wh-word: "what he called a ..."
		case w.upper && st.actorWord(s.ns[k]):
			return "", false
		case k < e-1 && !s.is(&lx.functionWords, k) && !w.upper && isWordy(s.ns[k]):
			content = true
		}
	}
	if !content || s.cueAt[a] >= 0 {
		return "", false
	}
	return st.text(s.wordsSpan(a, e)), true
}

// actorWord reports a word of the name of one of the article's people, organisations or places.
func (st *state) actorWord(w string) bool {
	if st.actorWords == nil {
		st.actorWords = make(map[string]bool)
		for _, m := range st.ments {
			for f := range strings.FieldsSeq(st.ents[m.ent].Name) {
				st.actorWords[norm(f)] = true
			}
		}
	}
	return st.actorWords[w]
}

// isWordy reports a word with a letter in it.
func isWordy(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return r >= 'a' && r <= 'z' || r > 0x7f }) >= 0
}

// leftNP returns the subject phrase [a, b) before a cue at word k that evaluates or conditions it
// ("Ukraine’s goal of regaining its borders is unrealistic"): back over the copula to the start of
// the clause (a that, a report cue, a clause break), passing over asides such as ", including
// Crimea,". ok is false when no copula or modal links it to the cue.
func (st *state) leftNP(s *sent, k int, m *cueMatch) (a, b int, neg, ok bool) {
	j := k - 1
	linked := s.skip.covered[m.start] || s.neg.covered[m.start]
	for j >= 0 && (s.skip.covered[j] || s.neg.covered[j] || !s.words[j].upper && len(s.ns[j]) > 4 && strings.HasSuffix(s.ns[j], "ly")) {
		if s.neg.covered[j] {
			neg = true
		}
		linked = true
		j--
	}
	if !linked || j < 0 {
		return 0, 0, false, false
	}
	b = j + 1
	a = b
	for a > 0 && b-a < 20 {
		w := s.ns[a-1]
		if w == "," {
			// An aside (", including Crimea,") or nothing after the comma: go on before it.
			if a == b || s.is(&st.x.lex.prepositions, a) {
				if a == b {
					b = a - 1
				}
				a--
				continue
			}
			break
		}
		if w == ";" || w == ":" || w == "—" || w == "–" || s.sub.covered[a-1] || s.cueAt[a-1] >= 0 || st.inCue(s, a-1) {
			break
		}
		if w == "that" {
			break // "... made it clear to the leadership that this legislation is unacceptable"
		}
		a--
	}
	return a, b, neg, a < b
}

// inCue reports whether word k belongs to a cue.
func (st *state) inCue(s *sent, k int) bool {
	for _, m := range s.cues {
		if m.start <= k && k < m.end {
			return true
		}
	}
	return false
}

// evaluative reads "X is unrealistic / off the table / should not be imposed": the speaker of the
// clause holds the stance on X.
func (st *state) evaluative(s *sent, ci int) {
	m := &s.cues[ci]
	a, b, neg, ok := st.leftNP(s, m.start, m)
	if !ok || st.hedged(s, m.start) {
		return
	}
	if b-a == 1 && (s.ns[a] == "it" || s.ns[a] == "this" || s.ns[a] == "that") {
		return // "it was regrettable that ...": the subject is the clause after
	}
	h, ok := st.speaker(s, m.start)
	if !ok {
		return
	}
	stance, ok := st.cueStance(s, m, neg)
	if !ok {
		return
	}
	ref, stance, ok := st.issueOf(s, m, [2]int{a, b}, stance)
	if !ok {
		return
	}
	ev := st.clauseEvidence(s, h, a, m.end)
	st.emitAll(s, []holder{h}, ref, stance, m, ev, viaOf(st, s, m.start))
}

// obligation reads "any deal must include X" and "Ukraine must receive X": the speaker demands or
// supports X.
func (st *state) obligation(s *sent, ci int) {
	m := &s.cues[ci]
	if st.hedged(s, m.start) {
		return
	}
	h, ok := st.speaker(s, m.start)
	if !ok {
		return
	}
	a, _, _, ok := st.leftNP(s, m.start, m)
	if !ok {
		a = m.start
	}
	end := st.objectEnd(s, m.end)
	for _, c := range st.conjuncts(s, m, m.end, end) {
		ref, stance, ok := st.issueOf(s, m, c, m.stance)
		if !ok {
			continue
		}
		st.emitAll(s, []holder{h}, ref, stance, m, st.clauseEvidence(s, h, a, c[1]), viaOf(st, s, m.start))
	}
}

// condition reads "X would need Y": the speaker sets a condition on X. When X is an actor
// ("Ukraine needs air defence"), the actor demands Y instead.
func (st *state) condition(s *sent, ci int) {
	m := &s.cues[ci]
	if st.hedged(s, m.start) || m.end < len(s.ns) && (s.ns[m.end] == "to" || s.aux.covered[m.end]) {
		return // "needs to stay out": a modal, not a condition
	}
	end := st.objectEnd(s, m.end)
	if sub := st.subject(s, m.start, false); sub.state == found && !sub.hedge {
		dm := *m
		dm.stance, dm.strong = Demands, false
		for _, c := range st.conjuncts(s, m, m.end, end) {
			if ref, stance, ok := st.issueOf(s, &dm, c, Demands); ok {
				st.emitAll(s, sub.holders, ref, stance, m, st.clauseEvidence(s, sub.holders[0], sub.start, c[1]), viaOf(st, s, m.start))
			}
		}
		return
	}
	a, b, _, ok := st.leftNP(s, m.start, m)
	if !ok || a == b {
		return
	}
	h, ok := st.speaker(s, m.start)
	if !ok {
		return
	}
	ref, stance, ok := st.issueOf(s, m, [2]int{a, b}, m.stance)
	if !ok {
		return
	}
	e := end
	for e > m.end && s.words[e-1].punct {
		e--
	}
	st.emitAll(s, []holder{h}, ref, stance, m, st.clauseEvidence(s, h, a, max(e, m.end)), viaOf(st, s, m.start))
}

// clauseEvidence spans words [a, b), from the speaker when this sentence names them first.
func (st *state) clauseEvidence(s *sent, h holder, a, b int) dossier.Span {
	ev := dossier.Span{Start: s.words[a].Start, End: s.words[b-1].End}
	if h.at.Len() > 0 && h.at.Start >= s.span.Start && h.at.Start < ev.Start {
		ev.Start = h.at.Start
	}
	return ev
}

// enumerated applies an open list of demands to a sentence that names one of its items: one that
// starts with an enumerator ("Equally important would be ...", "Fifth: ...") or that opens the
// list itself ("The first item on Putin’s wish list would be ...").
func (st *state) enumerated(s *sent, before int) {
	lx := st.x.lex
	from := 0
	if e, _, ok := s.at(&lx.enumerators, 0, len(s.ns)); ok {
		st.frame.enumerated = true
		from = e
	}
	for k := 1; k < len(s.ns); k++ {
		e, _, ok := s.at(&lx.frames, k, len(s.ns))
		if !ok {
			continue
		}
		owner := k - 1
		if owner > 0 && !s.words[owner].poss && !isPossPronoun(s.ns[owner]) && !s.words[owner].upper {
			owner-- // "Putin’s long-standing demands"
		}
		if !s.words[owner].poss && !isPossPronoun(s.ns[owner]) {
			continue
		}
		if h, _, ok := st.npAt(s, owner); ok {
			st.frame = frame{open: true, holder: h.elsewhere(), enumerated: true}
			from = max(from, e)
		}
	}
	if from == 0 || !st.frame.open || len(st.out) > before {
		return
	}
	is, a, b, ok := st.findIssue(s, from, len(s.ns))
	if !ok {
		return
	}
	ref := issueRef{key: st.x.tax.issues[is].Key, phrase: st.text(s.wordsSpan(a, b))}
	st.emit(s, st.frame.holder, ref, Demands, nil, s.span, ViaEnumerated)
}

// viaOf says how the article gives a position whose cue is at word k.
func viaOf(st *state, s *sent, k int) string {
	sp := s.words[k].Span
	if st.inDirectQuote(sp) {
		return ViaQuote
	}
	if _, ok := st.speaker(s, k); ok {
		return ViaReported
	}
	return ViaDescribed
}

func (st *state) emitAll(s *sent, hs []holder, ref issueRef, stance string, m *cueMatch, ev dossier.Span, via string) {
	for _, h := range hs {
		st.emit(s, h, ref, stance, m, ev, via)
	}
}

func (st *state) emit(s *sent, h holder, ref issueRef, stance string, m *cueMatch, ev dossier.Span, via string) {
	if !h.ok() || ref.key == "" {
		return
	}
	ev = st.trim(ev)
	p := Position{Actor: h.actor, Issue: ref.key, Stance: stance, Evidence: dossier.EvidenceOf(st.doc.Text, ev), Phrase: ref.phrase, Via: via}
	if m != nil {
		p.Cue = st.text(s.wordsSpan(m.start, m.end))
	}
	st.out = append(st.out, p)
	st.outSent = append(st.outSent, s.i)
}

// trim takes white space off the ends of an evidence span and takes in the quote marks and
// brackets that close what it holds.
func (st *state) trim(ev dossier.Span) dossier.Span {
	t := st.doc.Text
	for k := st.doc.TokenIndex(ev.End); k < len(st.doc.Tokens); k++ {
		tok := st.doc.Tokens[k]
		w := t[tok.Start:tok.End]
		if tok.Start != ev.End || tok.Kind != text.Punct || !isQuoteMark(w) && w != ")" {
			break
		}
		if open := strings.Count(t[ev.Start:ev.End], "(") > strings.Count(t[ev.Start:ev.End], ")"); w == ")" && !open {
			break
		}
		ev.End = tok.End
	}
	for ev.Start < ev.End && strings.ContainsRune(" \t\n", rune(t[ev.Start])) {
		ev.Start++
	}
	for ev.End > ev.Start && strings.ContainsRune(" \t\n", rune(t[ev.End-1])) {
		ev.End--
	}
	return ev
}

// finish drops repeats (the same actor, issue and stance in one sentence) and returns the
// positions in text order.
func (st *state) finish() []Position {
	type key struct {
		actor, issue, stance string
		sent                 int
	}
	seen := make(map[key]bool)
	out := make([]Position, 0, len(st.out))
	for i, p := range st.out {
		k := key{cmp.Or(p.Actor.Entity, p.Actor.Name), p.Issue, p.Stance, st.outSent[i]}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, p)
	}
	slices.SortStableFunc(out, func(a, b Position) int { return a.Evidence.Start - b.Evidence.Start })
	return out
}
