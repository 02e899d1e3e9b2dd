package quote

import (
	"strings"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/text"
)

// npKind says what kind of phrase names a speaker.
type npKind uint8

const (
	npName        npKind = iota + 1 // a proper name, maybe with titles: German Chancellor Olaf Scholz
	npPronoun                       // he, she, they
	npDescription                   // the respected political analyst, a Downing Street spokesperson
)

// np is the noun phrase that names a speaker.
type np struct {
	start, end int // tokens of the whole phrase
	kind       npKind
	name       int          // first token of the name (npName), after the titles
	role       dossier.Span // titles before the name, or an apposition after it
	medium     string
	// via is a document the speaker spoke through ("a statement by X"): the medium.
	via dossier.Span
}

// maxNP bounds a speaker phrase, in tokens.
const maxNP = 14

// adverbial reports whether token i may sit between a subject and its verb without belonging to
// either: also, has, would, Thursday, both.
func (r *reader) adverbial(i int) bool {
	if r.toks[i].Kind != text.Word || r.info[i].part != 0 {
		return false
	}
	w := r.info[i].lower
	switch w {
	case "also", "has", "have", "had", "would", "will", "further", "later", "then", "both",
		"is", "are", "was", "were", "been", "be",
		"all", "still", "long", "repeatedly", "again", "never", "already", "reportedly",
		"publicly", "privately", "flatly", "once", "previously", "recently", "earlier", "first",
		"finally", "did", "does", "do", "not", "n't", "quickly", "immediately", "simply",
		"separately", "clearly", "explicitly", "bluntly", "angrily", "often", "frequently",
		"may", "might", "could", "can", "should", "must", "just", "even", "ultimately",
		"initially", "subsequently", "privately,", "openly", "loudly", "softly", "quietly",
		"firmly", "strongly", "specifically", "directly", "personally", "formally", "officially",
		"indeed", "today", "yesterday", "tonight", "this", "week", "last", "on", "in", "at":
		switch w {
		case "this", "week", "last", "on", "in", "at":
			return false
		}
		return true
	}
	return classOf(w) == timeWord && r.info[i].cap // Thursday
}

// subjectBefore reads the speaker phrase that ends right before token end, not before token lo.
func (r *reader) subjectBefore(end, lo int) (np, bool) {
	j := end - 1
	for j >= lo && r.adverbial(j) {
		j--
	}
	// (D-Nev.) after a name
	if j > lo && r.is(j, ")") {
		for k := j - 1; k >= lo && k > j-8; k-- {
			if r.is(k, "(") {
				j = k - 1
				break
			}
		}
	}
	// "on Thursday" between subject and verb
	if j-1 >= lo && r.info[j].cap && classOf(r.info[j].lower) == timeWord && r.info[j-1].lower == "on" {
		j -= 2
	}
	if j < lo || r.inQuote(j) || r.toks[j].Kind != text.Word {
		return np{}, false
	}
	w := r.info[j].lower
	if classOf(w) == pronoun {
		switch w {
		case "he", "she", "they", "it", "we", "i", "who", "you":
			return np{start: j, end: j + 1, kind: npPronoun}, true
		}
		return np{}, false
	}
	if !r.head(j) {
		// a noun the lexicon does not know, behind a determiner: "the gambling tycoon told"
		if !r.describedHead(j, lo) {
			return np{}, false
		}
	}
	k := j
	lowers := 0
	det := false
	role := false // a lower-case role word is in the phrase: capitals before it are modifiers
	for k-1 >= lo && j-k < maxNP && !det {
		t := k - 1
		if r.inQuote(t) {
			break
		}
		if r.toks[t].Kind != text.Word {
			if r.is(t, "-") || r.is(t, "’") {
				break
			}
			break
		}
		lw := r.info[t].lower
		switch {
		case r.info[t].cap && classOf(lw) == determiner:
			k, det = t, true
		case r.info[t].cap && leadingNonName(lw) && !isTitle(r.word(t)):
			// a capitalised function word opens the sentence: stop before it
			t = -1
		case r.info[t].cap:
			k, lowers = t, 0
		case classOf(lw) == determiner:
			k, det = t, true
			// the station in "Engineers at the station": the phrase goes on before the preposition
			if p := t - 1; p >= lo && r.toks[p].Kind == text.Word && (r.info[p].lower == "at" || r.info[p].lower == "in" || r.info[p].lower == "for" || r.info[p].lower == "from" || r.info[p].lower == "of") {
				if h := r.ppHost(p, lo); h >= 0 {
					k, det = h, false
				}
			}
		case nameParticle(lw) && lw != "on" && t-1 >= lo && r.capWord(t-1) && r.capWord(k):
			k = t
		case lw == "of" || lw == "at" || lw == "for" || lw == "in" || lw == "from" || lw == "close" || lw == "to":
			// officials at the ministry, Engineers at the Research Station in Tarrow
			if h := r.ppHost(t, lo); h >= 0 {
				k, lowers = h, 0
			} else {
				t = -1
			}
		case classOf(lw) == personNoun || classOf(lw) == groupNoun || classOf(lw) == documentNoun || possessive(lw):
			k, lowers, role = t, 0, true
		case classOf(lw) == otherWord && lowers < 3 && isLetters(lw) && (lowers > 0 || !r.info[k].cap || role):
			// modifiers of a noun (the respected political analyst), not a word before a name
			k = t
			lowers++
		default:
			t = -1
		}
		if t < 0 {
			break
		}
	}
	// Lower-case words at the front belong to the phrase only behind a determiner or at the
	// start of the clause: "the respected political analyst", "Pro-Kremlin political analyst".
	if !det {
		for k < j && !r.info[k].cap && classOf(r.info[k].lower) == otherWord && !r.clauseEdge(k-1, lo) {
			k++
		}
	}
	n := r.makeNP(k, j+1)
	r.possessor(&n)
	if a, ok := r.relativeHost(n, lo); ok {
		return a, true
	}
	return n, true
}

// relativeHost finds the subject a relative clause sits in: in "Friends of Mr. Clinton who have
// seen him on the trail say", the phrase before the verb (the trail) belongs to the clause, and
// the speakers are the friends. It looks back from n for "who" with a verb between.
func (r *reader) relativeHost(n np, lo int) (np, bool) {
	verb := false
	for k := n.start - 1; k > lo && k >= n.start-10; k-- {
		if r.toks[k].Kind != text.Word || r.inQuote(k) {
			return np{}, false
		}
		switch w := r.info[k].lower; {
		case w == "who":
			if !verb {
				return np{}, false
			}
			host, ok := r.subjectBefore(k, lo)
			if !ok || host.kind == npPronoun {
				return np{}, false
			}
			if host.kind == npDescription {
				host.end = n.end // the speakers are the whole phrase: "One official who relayed the exchange"
			}
			return host, true
		case r.verbLike(k):
			verb = true
		case w == "that" || w == "and" || w == "but":
			return np{}, false
		}
	}
	return np{}, false
}

// possessor turns "Hegseth’s statements at NATO headquarters" into its owner, Hegseth, who
// speaks through the statements (the medium).
func (r *reader) possessor(n *np) {
	if n.kind != npDescription {
		return
	}
	for i := n.start; i < n.end-1; i++ {
		if !possessive(r.word(i)) || !r.info[i].cap {
			continue
		}
		if classOf(r.info[i+1].lower) != documentNoun {
			return
		}
		owner := r.makeNP(n.start, i+1)
		if owner.kind != npName {
			return
		}
		owner.via = r.span(i+1, n.end)
		*n = owner
		return
	}
}

// clauseEdge reports whether token i (before a phrase) ends a clause or is out of range.
func (r *reader) clauseEdge(i, lo int) bool {
	if i < lo {
		return true
	}
	if r.toks[i].Kind == text.Punct {
		return true
	}
	switch r.info[i].lower {
	case "and", "but", "while", "whereas", "although", "though", "as", "because", "that", "when", "where", "if", "so":
		return true
	}
	return false
}

// head reports whether token i can end a speaker phrase: a capitalised word or a noun for a
// person, group or document.
func (r *reader) head(i int) bool {
	if r.toks[i].Kind != text.Word || r.info[i].part != 0 {
		return false
	}
	if r.info[i].cap {
		c := classOf(r.info[i].lower)
		return (c == otherWord || c == personNoun || c == groupNoun || c == documentNoun) && !isMonth(r.info[i].lower) || isTitle(r.word(i))
	}
	switch classOf(r.info[i].lower) {
	case personNoun, groupNoun, documentNoun:
		return true
	}
	return false
}

func isLetters(w string) bool {
	for _, c := range w {
		if !(c >= 'a' && c <= 'z' || c == '-' || c >= 0x80) {
			return false
		}
	}
	return w != ""
}

// subjectAfter reads the speaker phrase that starts at token i (after an inverted cue: “…,” said
// Tatiana Stanovaya, a senior fellow …), up to token hi.
func (r *reader) subjectAfter(i, hi int) (np, bool) {
	for i < hi && r.adverbial(i) {
		i++
	}
	if i >= hi || r.inQuote(i) || r.toks[i].Kind != text.Word {
		return np{}, false
	}
	if classOf(r.info[i].lower) == pronoun {
		switch r.info[i].lower {
		case "he", "she", "they", "it", "we", "i":
			return np{start: i, end: i + 1, kind: npPronoun}, true
		}
		return np{}, false
	}
	end := r.phraseEnd(i, hi)
	if end <= i {
		return np{}, false
	}
	end = r.restOfPhrase(end, hi)
	n := r.makeNP(i, end)
	r.apposition(&n, hi)
	return n, true
}

// restOfPhrase extends a phrase that ends at token end over plain words and prepositions to the
// next punctuation ("said the printed Cruz slate card.", "said a strategist for one of the
// candidates,"), but not over time or medium ("said Ode on Tuesday").
func (r *reader) restOfPhrase(end, hi int) int {
	k := end
	for ; k < hi && k-end < 10; k++ {
		if r.toks[k].Kind != text.Word || r.inQuote(k) {
			break
		}
		lw := r.info[k].lower
		switch {
		case lw == "of" || lw == "for" || lw == "from" || lw == "at" || lw == "with" || lw == "close" || lw == "to" || lw == "in" || lw == "on" || lw == "by":
			if _, timeOrMedium := r.prepPhrase(k, hi); timeOrMedium {
				return end
			}
		case classOf(lw) == determiner, r.nounish(k) && classOf(lw) != timeWord:
		default:
			return end
		}
	}
	if k < hi && !(r.is(k, ",") || r.is(k, ".") || r.is(k, ";") || r.is(k, "!") || r.is(k, "?")) || k == end {
		return end
	}
	return k
}

// phraseEnd returns the end of the noun phrase that starts at token i: the token after its last
// head word before anything that cannot be in a phrase.
func (r *reader) phraseEnd(i, hi int) int {
	end := -1
	k := i
	if classOf(r.info[k].lower) == determiner {
		k++
	}
	prep := false // a preposition was just read: a determiner may follow
	for ; k < hi && k-i < maxNP; k++ {
		if r.inQuote(k) {
			break
		}
		if r.toks[k].Kind != text.Word {
			// (R-Texas) after a name belongs to it
			if r.is(k, "(") && end == k {
				if c := r.closeParen(k, hi); c > 0 {
					k = c
					end = c + 1
					continue
				}
			}
			break
		}
		lw := r.info[k].lower
		switch {
		case r.info[k].cap && classOf(lw) != determiner && classOf(lw) != pronoun && (classOf(lw) != function || isTitle(r.word(k))):
			end, prep = k+1, false
		case nameParticle(lw) && k+1 < hi && r.capWord(k+1) && end == k:
			// Secretary of State: goes on
		case classOf(lw) == personNoun || classOf(lw) == groupNoun || classOf(lw) == documentNoun:
			end, prep = k+1, false
		case possessive(lw):
		case lw == "of" || lw == "for" || lw == "at" || lw == "close" || lw == "to":
			// a spokesman for the campaign, officials at the ministry
			if end != k {
				return max(end, i)
			}
			prep = true
		case classOf(lw) == determiner && prep && k > i && r.info[k-1].part == 0 && (r.info[k-1].lower == "of" || r.info[k-1].lower == "for" || r.info[k-1].lower == "at" || r.info[k-1].lower == "to"):
		case classOf(lw) == otherWord && isLetters(lw):
			if _, isCue := cueOf(lw); isCue && !(k > i && classOf(r.info[k-1].lower) == determiner) {
				return max(end, i) // a verb of saying ends the phrase; after "the" it is a noun (the state news agency)
			}
		default:
			return max(end, i)
		}
	}
	return max(end, i)
}

func (r *reader) closeParen(k, hi int) int {
	for j := k + 1; j < hi && j < k+8; j++ {
		if r.is(j, ")") {
			return j
		}
	}
	return -1
}

// apposition reads ", a senior fellow at …" after a name as its role, up to the next comma or
// the end of the sentence.
func (r *reader) apposition(n *np, hi int) {
	if n.kind == npDescription && r.is(n.end, ",") && classOf(r.headNoun(*n)) == personNoun {
		// said Rubio’s deputy campaign manager, Rich Beeson, who …: the name speaks
		a := n.end + 1
		b := a
		for b < hi && b-a < 4 && (r.capWord(b) || b > a && nameParticle(r.info[b].lower)) {
			b++
		}
		if b-a >= 2 && (b == hi || r.toks[b].Kind == text.Punct) {
			if name := r.makeNP(a, b); name.kind == npName {
				name.role = r.nameSpan(*n)
				*n = name
			}
		}
		return
	}
	if n.kind != npName || !r.is(n.end, ",") {
		return
	}
	i := n.end + 1
	if i >= hi || r.toks[i].Kind != text.Word || r.inQuote(i) {
		return
	}
	lw := r.info[i].lower
	if lw == "who" {
		return
	}
	if !(classOf(lw) == determiner || classOf(lw) == personNoun || isTitle(r.word(i)) || possessive(lw)) {
		return
	}
	j := i
	for j < hi && !r.is(j, ",") && !r.is(j, ".") && !r.is(j, ";") && !r.inQuote(j) && !r.is(j, "(") {
		j++
	}
	if j-i > 20 {
		return
	}
	if classOf(lw) == determiner && (lw == "a" || lw == "an" || lw == "the") {
		i++
	}
	if i < j && n.role.Len() == 0 {
		n.role = r.span(i, j)
	}
}

// makeNP classifies the phrase [i, j) and splits a name from its titles.
func (r *reader) makeNP(i, j int) np {
	n := np{start: i, end: j, kind: npDescription, name: i}
	if !r.info[j-1].cap || isTitle(r.word(j-1)) && j-1 == i {
		return n
	}
	if w := r.info[i].lower; w == "a" || w == "an" {
		return n // a South Carolina Democrat: someone described, not named
	}
	for k := i + 1; k < j; k++ {
		if w := r.info[k].lower; (w == "at" || w == "in" || w == "for" || w == "from" || w == "close" || w == "to") && r.ppHost(k, i) >= 0 {
			return n // Diplomats in Brevik: described, with a place
		}
	}
	// Karl Brandt of the Velmar Shipping Federation: the name, then where they work
	if a := i; a < j && r.info[a].cap {
		b := a
		for b < j && r.capWord(b) && !possessive(r.word(b)) {
			b++
		}
		if b-a >= 2 && b+1 < j && r.info[b].lower == "of" && classOf(r.info[b+1].lower) == determiner {
			if name := r.nameIn(a, b); name.start < name.end && !name.org {
				n.kind, n.name = npName, name.start
				n.end = b
				n.role = r.span(b, j)
				if name.role.Len() > 0 {
					n.role = dossier.Span{Start: name.role.Start, End: r.toks[j-1].End}
				}
				return n
			}
		}
	}
	// the capitalised run at the end is a name; what comes before is role
	a := j - 1
	for a-1 >= i && !possessive(r.word(a-1)) && (r.capWord(a-1) || nameParticle(r.info[a-1].lower) && a-2 >= i && r.capWord(a-2)) {
		a--
	}
	if possessive(r.info[j-1].lower) {
		return n
	}
	parts := r.nameIn(a, j)
	if parts.start >= parts.end {
		return n
	}
	// "the Kremlin", "The New York Post": an organisation named with its article
	n.kind = npName
	n.name = parts.start
	role := parts.role
	if parts.start > i && a > i {
		// lower-case words before the name: "political analyst" in "Pro-Kremlin political analyst Sergei Markov"
		k := i
		if classOf(r.info[k].lower) == determiner {
			k++
		}
		if k < parts.start {
			role = dossier.Span{Start: r.toks[k].Start, End: r.toks[parts.start-1].End}
		}
	}
	if role.Len() > 0 {
		n.role = role
	}
	return n
}

// nameSpan returns the span of the name or description a phrase shows: the name without its
// titles, or the description without its leading article.
func (r *reader) nameSpan(n np) dossier.Span {
	i := n.start
	switch n.kind {
	case npName:
		i = n.name
	case npDescription:
		if w := r.info[i].lower; (w == "a" || w == "an" || w == "the") && i+1 < n.end {
			i++
		}
	}
	sp := r.span(i, n.end)
	if n.kind == npName {
		sp.End = sp.Start + len(stripPossessive(r.text(sp)))
	}
	return sp
}

// definite reports whether a description starts with "the" (a person met before).
func (r *reader) definite(n np) bool {
	return n.kind == npDescription && r.info[n.start].lower == "the"
}

// headNoun returns the lower-case last word of the phrase.
func (r *reader) headNoun(n np) string { return r.info[n.end-1].lower }

// plural reports whether a description names more than one (officials, experts).
func (r *reader) plural(n np) bool {
	h := r.headNoun(n)
	return strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") && classOf(h) == personNoun
}

// describedHead reports whether the lower-case word at token j ends a description that a
// determiner opens at most three words before it, with nothing but plain words between.
func (r *reader) describedHead(j, lo int) bool {
	w := r.info[j].lower
	if r.info[j].cap || classOf(w) != otherWord || !isLetters(w) || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		return false
	}
	for k := j - 1; k >= lo && k >= j-3; k-- {
		if r.toks[k].Kind != text.Word || r.inQuote(k) {
			return false
		}
		switch classOf(r.info[k].lower) {
		case determiner:
			return r.info[k].lower != "that" && r.info[k].lower != "no"
		case otherWord, personNoun, groupNoun:
			continue
		}
		return false
	}
	return false
}

// ppHost returns the noun a prepositional phrase at token t hangs on, when the phrase belongs to
// a speaker's description: a noun for a person, group or document a few words before it
// ("officials at", "Diplomats in", "a spokesman for the campaign in"), or -1.
func (r *reader) ppHost(t, lo int) int {
	for m := t - 1; m >= lo && m >= t-7; m-- {
		if r.toks[m].Kind != text.Word || r.inQuote(m) {
			return -1
		}
		w := r.info[m].lower
		switch c := classOf(w); {
		case c == personNoun || c == groupNoun || c == documentNoun:
			if !isTitle(r.word(m)) {
				return m
			}
		case c == determiner || r.info[m].cap || nameParticle(w) || c == otherWord && isLetters(w):
		case w == "at" || w == "in" || w == "for" || w == "from": // Engineers at the station in Tarrow
		default:
			return -1
		}
	}
	return -1
}
