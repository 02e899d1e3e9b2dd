package event

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/text"
	"github.com/dossier-news/dossier/timex"
)

// maxSummaryWords is the longest summary: a longer clause is cut to the comma-separated part
// that holds its trigger, grown by its neighbours while it has fewer than minSummaryWords.
const (
	maxSummaryWords = 28
	minSummaryWords = 6
)

// statusWindow is how many words before a trigger a status cue may stand, and postStatusWindow
// how many after it.
const (
	statusWindow     = 8
	postStatusWindow = 4
)

// placeWindow is how many words may stand between a trigger and the preposition of its place.
const placeWindow = 10

// coordReach is how close to a trigger an "and" must be to coordinate it with another
// ("and welcomed", "and potentially visit"), not two names ("Velmar and Caldora").
const coordReach = 3

// Extract finds the events of a parsed article. ents are its entities (their mentions name the
// actors and places), times its temporal expressions as timex tagged them against published,
// the publication date (zero when unknown). Events come in text order.
func (x *Extractor) Extract(doc *text.Doc, ents []entity.Entity, times []timex.Expr, published time.Time) []Event {
	a := newArticle(x.lx, doc, ents, times, published)
	var drafts []*draft
	for si := range doc.Sentences {
		drafts = append(drafts, a.sentence(si)...)
	}
	a.order(drafts)
	out := make([]Event, len(drafts))
	for i, d := range drafts {
		out[i] = d.ev
	}
	return out
}

// tokRange is a half-open range of token indices.
type tokRange struct{ a, b int }

func (r tokRange) contains(i int) bool { return r.a <= i && i < r.b }

// mention is an entity mention with the tokens it covers.
type mention struct {
	ent *entity.Entity
	tokRange
}

// timeRef is a temporal expression with the tokens it covers and what the extractor makes of it.
type timeRef struct {
	x timex.Expr
	tokRange
	pre       string // the preposition written before it, or ""
	vague     bool   // PRESENT_REF and its kin: a time, but no date to give an event
	modifier  bool   // part of a noun phrase ("its 1997 borders", "Thursday's call", "pre-2014")
	future    bool   // read as after the present: its event is planned, or possible at a month or season
	offset    float64
	hasOffset bool
}

// trigger is a form found in the text.
type trigger struct {
	f   *form
	tok int // first token
	end int // end of the first part: the trigger as written
}

// draft is an event being built, with what ordering needs to know about it.
type draft struct {
	ev       Event
	trig     trigger
	sentence int
	time     int // index into article.times, or -1
	perfect  bool
}

// article is one article being read: its text layers with what the extractor needs per token.
type article struct {
	lx       *lexicon
	doc      *text.Doc
	lw       []string // each token lower-cased, with ’ written '
	upper    []bool   // starts with an upper-case letter
	quote    []bool   // is a quote mark
	inTime   []int    // index into times of the expression covering the token, or -1
	sentTok  []tokRange
	clauses  []tokRange // in text order
	weak     []bool     // per clause: it is the complement of a verb of saying
	clauseOf []int      // per token
	inMent   []bool     // per token: inside an entity mention
	mentions []mention  // in text order
	mentAt   map[int]int
	times    []timeRef
	pub      time.Time
}

func newArticle(lx *lexicon, doc *text.Doc, ents []entity.Entity, times []timex.Expr, pub time.Time) *article {
	n := len(doc.Tokens)
	a := &article{
		lx: lx, doc: doc, pub: pub,
		lw: make([]string, n), upper: make([]bool, n), quote: make([]bool, n), inTime: make([]int, n),
		clauseOf: make([]int, n), inMent: make([]bool, n), mentAt: make(map[int]int),
	}
	for i, t := range doc.Tokens {
		w := doc.Text[t.Start:t.End]
		a.lw[i] = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		r, _ := utf8.DecodeRuneInString(w)
		a.upper[i] = unicode.IsUpper(r)
		a.quote[i] = t.Kind == text.Punct && isQuoteMark(w)
		a.inTime[i] = -1
	}
	for _, x := range times {
		if x.Type != timex.Date && x.Type != timex.Time {
			continue
		}
		r := a.tokens(x.Start, x.End)
		if r.a >= r.b {
			continue
		}
		tr := timeRef{x: x, tokRange: r, vague: strings.HasSuffix(x.Value, "_REF")}
		p := r.a - 1
		if p >= 0 && lx.preps[a.lw[p]] {
			tr.pre = doc.Word(p)
		}
		tr.modifier = x.Start > doc.Tokens[r.a].Start || x.End < doc.Tokens[r.b-1].End || (p >= 0 && lx.determiners[a.lw[p]])
		for i := r.a; i < r.b; i++ {
			a.inTime[i] = len(a.times)
		}
		a.times = append(a.times, tr)
	}
	for i := range ents {
		for _, m := range ents[i].Mentions {
			r := a.tokens(m.Start, m.End)
			if r.a < r.b {
				a.mentions = append(a.mentions, mention{ent: &ents[i], tokRange: r})
				for k := r.a; k < r.b; k++ {
					a.inMent[k] = true
				}
			}
		}
	}
	slices.SortFunc(a.mentions, func(x, y mention) int { return x.a - y.a })
	for i, m := range a.mentions {
		if _, ok := a.mentAt[m.a]; !ok {
			a.mentAt[m.a] = i
		}
	}
	for _, s := range doc.Sentences {
		r := a.tokens(s.Start, s.End)
		a.sentTok = append(a.sentTok, r)
		a.splitClauses(r)
	}
	return a
}

// tokens returns the tokens that lie in the byte range [start, end).
func (a *article) tokens(start, end int) tokRange {
	i := a.doc.TokenIndex(start)
	j := i
	for j < len(a.doc.Tokens) && a.doc.Tokens[j].Start < end {
		j++
	}
	return tokRange{i, j}
}

func isQuoteMark(w string) bool {
	switch w {
	case "\"", "“", "”", "„", "‘", "’", "'", "«", "»", "‹", "›":
		return true
	}
	return false
}

func isDash(w string) bool { return w == "—" || w == "–" || w == "--" || w == "―" }

// splitClauses cuts a sentence into clauses: at semicolons, colons and dashes, at a comma that a
// conjunction, a relative pronoun or a participle follows (", stunning both Kyiv and Europe"), at
// a comma next to a quote mark (a quoted sentence and its attribution), at a subordinating
// conjunction that a subject follows ("since the dam began filling"), and after a verb of
// saying, whose complement reports another act ("Peskov stated | that Putin and Trump held a
// lengthy conversation").
func (a *article) splitClauses(s tokRange) {
	start, weak := s.a, false
	cut := func(at int, nextWeak bool) {
		if at <= start || at >= s.b {
			return
		}
		a.addClause(tokRange{start, at}, weak)
		start, weak = at, nextWeak
	}
	for k := s.a; k < s.b; k++ {
		w := a.lw[k]
		switch {
		case w == ";" || w == ":" || isDash(w):
			cut(k+1, false)
		case w == ",":
			j := k + 1
			for j < s.b && a.quote[j] {
				j++
			}
			if j > k+1 || (j < s.b && (a.lx.clause[a.lw[j]] || a.participle(j))) {
				cut(j, false)
			}
		case a.quote[k] && k > s.a && (a.lw[k-1] == "," || a.lw[k-1] == "?" || a.lw[k-1] == "!"):
			cut(k+1, false)
		case a.lx.subord[w] && k+1 < s.b && a.subjectAt(k+1):
			cut(k, false)
		case a.lx.speech[w] && (k+1 == s.b || a.doc.Tokens[k+1].Kind == text.Punct) && a.lastComma(start, k) > start:
			// A trailing attribution (", the Lake Council said.") is no part of what it reports.
			cut(a.lastComma(start, k)+1, false)
		case a.lx.speech[w]:
			j := k + 1
			// A time right after the verb ("stated on Monday that") belongs to the saying.
			for j < s.b && (a.inTime[j] >= 0 || (a.lx.preps[a.lw[j]] && j+1 < s.b && a.inTime[j+1] >= 0)) {
				j++
			}
			cut(j, true)
		}
	}
	a.addClause(tokRange{start, s.b}, weak)
}

// lastComma returns the last comma in [from, to), or -1.
func (a *article) lastComma(from, to int) int {
	for k := to - 1; k >= from; k-- {
		if a.lw[k] == "," {
			return k
		}
	}
	return -1
}

func (a *article) addClause(r tokRange, weak bool) {
	if r.a >= r.b {
		return
	}
	for i := r.a; i < r.b; i++ {
		a.clauseOf[i] = len(a.clauses)
	}
	a.clauses = append(a.clauses, r)
	a.weak = append(a.weak, weak)
}

// subjectAt reports whether token i can open a clause's subject: a determiner, a pronoun or a
// capitalised word, not a time ("since 2019") or a participle ("after meeting Salvik").
func (a *article) subjectAt(i int) bool {
	if a.inTime[i] >= 0 || !a.isWord(i) {
		return false
	}
	w := a.lw[i]
	return a.lx.determiners[w] || a.upper[i] || a.lx.pronouns[w]
}

// participle reports whether token j reads as an -ing participle opening a clause.
func (a *article) participle(j int) bool {
	w := a.lw[j]
	return !a.upper[j] && len(w) > 4 && strings.HasSuffix(w, "ing") && a.inTime[j] < 0
}

func (a *article) isWord(i int) bool { return a.doc.Tokens[i].Kind == text.Word }

// sentence finds the events of sentence si.
func (a *article) sentence(si int) []*draft {
	s := a.sentTok[si]
	trigs := a.triggers(s)
	if len(trigs) == 0 {
		return nil
	}
	out := make([]*draft, len(trigs))
	for i, t := range trigs {
		out[i] = &draft{trig: t, sentence: si, time: -1}
	}
	// Times and places are attached clause by clause: a date in another clause of the sentence
	// dates another act.
	for i := 0; i < len(out); {
		c := a.clauseOf[out[i].trig.tok]
		j := i
		for j < len(out) && a.clauseOf[out[j].trig.tok] == c {
			j++
		}
		a.attachTimes(c, out[i:j])
		places := a.attachPlaces(a.clauses[c], out[i:j])
		prev := -1
		for k, d := range out[i:j] {
			next := a.clauses[c].b
			if i+k+1 < j {
				next = out[i+k+1].trig.tok
			}
			a.fill(d, s, a.clauses[c], places, prev, next)
			prev = d.trig.tok
		}
		i = j
	}
	return out
}

// triggers finds the trigger forms of a sentence; at each word the form with the most words wins.
func (a *article) triggers(s tokRange) []trigger {
	var out []trigger
	for i := s.a; i < s.b; {
		var best trigger
		bestWords := 0
		for _, f := range a.lx.forms[a.lw[i]] {
			end, ok := a.match(f, i, a.clauses[a.clauseOf[i]].b)
			if !ok || !a.conditions(f, i, end, s) {
				continue
			}
			words := 0
			for _, p := range f.parts {
				words += len(p)
			}
			if words > bestWords {
				best, bestWords = trigger{f: f, tok: i, end: end}, words
			}
		}
		if bestWords == 0 {
			i++
			continue
		}
		out = append(out, best)
		i = best.end
	}
	return out
}

// match reports whether form f starts at token i, with every part before limit, and returns the
// end of its first part.
func (a *article) match(f *form, i, limit int) (int, bool) {
	if !a.matchPart(f.parts[0], i, limit) {
		return 0, false
	}
	first := i + len(f.parts[0])
	next := first
	for _, p := range f.parts[1:] {
		found := false
		for j := next; j <= next+maxGap && j+len(p) <= limit; j++ {
			if a.matchPart(p, j, limit) {
				next, found = j+len(p), true
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	return first, true
}

func (a *article) matchPart(words []string, i, limit int) bool {
	if i+len(words) > limit {
		return false
	}
	for k, w := range words {
		if a.lw[i+k] != w {
			return false
		}
	}
	return true
}

// conditions checks a form's conditions on the words around it.
func (a *article) conditions(f *form, i, end int, s tokRange) bool {
	prev := i - 1
	if prev >= s.a && slices.Contains(f.notPrev, a.lw[prev]) {
		return false
	}
	if end < s.b && slices.Contains(f.notNext, a.lw[end]) {
		return false
	}
	if !f.noun && !f.verb {
		return true
	}
	// "the Kremlin calls it" and "would not sign" are verbs; "Thursday's call", "the Trump-Putin
	// call" and "the first sign" are nouns.
	verb := false
	if prev >= s.a && !a.quote[prev] {
		w := a.lw[prev]
		verb = a.lx.verbal[w] || (a.upper[prev] && prev > s.a && !possessive(w) && !strings.Contains(w, "-"))
	}
	return verb == f.verb
}

func possessive(w string) bool { return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s'") }

// attachTimes gives each trigger of clause ci its time: a temporal expression belongs to the
// nearest trigger before it ("met with Putin in Alaska last week and welcomed … on Monday"); one
// that opens the clause ("On Tuesday, …"), or the sentence when the clause reports what someone
// said ("On Monday, Putin told Trump he was open to talks"), goes to every trigger that has none
// of its own; one inside a noun phrase ("its 1997 borders", "Thursday's call") dates only the
// trigger it comes right before.
func (a *article) attachTimes(ci int, ds []*draft) {
	c := a.clauses[ci]
	lo, hi := a.timesIn(c)
	for ti := lo; ti < hi; ti++ {
		r := &a.times[ti]
		if r.vague {
			continue
		}
		if r.modifier {
			for _, d := range ds {
				if d.time < 0 && r.b <= d.trig.tok && d.trig.tok <= r.b+1 {
					d.time = ti
				}
			}
			continue
		}
		var owner *draft
		for _, d := range ds {
			if d.trig.tok < r.a {
				owner = d
			}
		}
		if owner != nil && owner.time < 0 {
			owner.time = ti
		}
	}
	fronted := -1
	for k := ci; k >= 0 && fronted < 0; k-- {
		fronted = a.frontedTime(a.clauses[k])
		if !a.weak[k] {
			break
		}
	}
	if fronted < 0 {
		return
	}
	for _, d := range ds {
		if d.time < 0 {
			d.time = fronted
		}
	}
}

// timesIn returns the indices [lo, hi) of the temporal expressions that start in r.
func (a *article) timesIn(r tokRange) (lo, hi int) {
	lo, _ = slices.BinarySearchFunc(a.times, r.a, func(x timeRef, t int) int { return x.a - t })
	hi, _ = slices.BinarySearchFunc(a.times, r.b, func(x timeRef, t int) int { return x.a - t })
	return lo, hi
}

// frontedTime returns the temporal expression that opens clause c, after nothing but function
// words ("On Tuesday,", "But last week"), or -1.
func (a *article) frontedTime(c tokRange) int {
	lo, hi := a.timesIn(c)
	for ti := lo; ti < hi; ti++ {
		r := &a.times[ti]
		if r.vague || r.modifier || r.a > c.a+3 {
			continue
		}
		fronted := true
		for k := c.a; k < r.a; k++ {
			w := a.lw[k]
			fronted = fronted && (a.doc.Tokens[k].Kind == text.Punct || a.lx.preps[w] || a.lx.clause[w] || a.lx.determiners[w])
		}
		if fronted {
			return ti
		}
	}
	return -1
}

// placeRef is a place phrase found in a clause: the preposition that opens it and its words.
type placeRef struct {
	prep int
	tokRange
	types []string
}

// attachPlaces finds the place phrases of a clause and gives each to the nearest trigger before
// it, unless a preposition between them makes it the place of another noun ("talks on the war in
// Ukraine"); one that opens the clause ("In Brussels, …") goes to every trigger. It returns every
// place phrase of the clause, which are settings and never actors.
func (a *article) attachPlaces(c tokRange, ds []*draft) []placeRef {
	var places []placeRef
	for k := c.a; k < c.b; k++ {
		types, ok := a.lx.placePreps[a.lw[k]]
		if !ok {
			continue
		}
		if r, ok := a.placePhrase(k+1, c.b); ok {
			places = append(places, placeRef{prep: k, tokRange: r, types: types})
			k = r.b - 1
		}
	}
	var fronted *placeRef
	for i := range places {
		p := &places[i]
		var owner *draft
		for _, d := range ds {
			if d.trig.tok < p.prep {
				owner = d
			}
		}
		switch {
		case owner != nil:
			if owner.ev.Place == "" && a.placeFits(p, owner) && p.prep-owner.trig.end <= placeWindow && !a.blocked(owner.trig.end, p.prep) {
				owner.ev.Place = a.span(p.tokRange)
			}
		case p.prep <= c.a+2 && fronted == nil:
			fronted = p
		}
	}
	if fronted != nil {
		for _, d := range ds {
			if d.ev.Place == "" && a.placeFits(fronted, d) {
				d.ev.Place = a.span(fronted.tokRange)
			}
		}
	}
	// A place may follow its trigger with no preposition ("visited Kessel").
	direct := a.lx.placePreps["_"]
	for _, d := range ds {
		if d.ev.Place != "" || !slices.Contains(direct, d.trig.f.typ) || !a.mentionAt(d.trig.end, entity.Location) {
			continue
		}
		if r, ok := a.placePhrase(d.trig.end, c.b); ok {
			d.ev.Place = a.span(r)
			places = append(places, placeRef{prep: -1, tokRange: r})
		}
	}
	// A place may also name the event before its noun: "the Istanbul talks", "an Alaska summit".
	for _, d := range ds {
		p := d.trig.tok - 1
		if d.ev.Place != "" || p < c.a || !a.inMent[p] {
			continue
		}
		for _, m := range a.mentionsIn(tokRange{c.a, d.trig.tok}) {
			if m.b == d.trig.tok && m.ent.Type == entity.Location && m.a > c.a && a.lx.determiners[a.lw[m.a-1]] {
				d.ev.Place = a.span(m.tokRange)
				places = append(places, placeRef{prep: -1, tokRange: m.tokRange})
				break
			}
		}
	}
	return places
}

// mentionsIn returns the mentions that start in r, in text order.
func (a *article) mentionsIn(r tokRange) []mention {
	i, _ := slices.BinarySearchFunc(a.mentions, r.a, func(m mention, t int) int { return m.a - t })
	j, _ := slices.BinarySearchFunc(a.mentions, r.b, func(m mention, t int) int { return m.a - t })
	return a.mentions[i:j]
}

// mentionAt reports whether a mention of type typ starts at token i.
func (a *article) mentionAt(i int, typ string) bool {
	mi, ok := a.mentAt[i]
	return ok && a.mentions[mi].ent.Type == typ
}

func (a *article) placeFits(p *placeRef, d *draft) bool {
	return len(p.types) == 0 || slices.Contains(p.types, d.trig.f.typ)
}

// blocked reports whether something in [from, to) keeps a place from its trigger: a preposition
// other than a linking one, or an "and" that is not between two names ("exchanging visits and
// bringing the war in Ukraine to an end").
func (a *article) blocked(from, to int) bool {
	for k := from; k < to; k++ {
		w := a.lw[k]
		if a.lx.preps[w] && !a.lx.links[w] {
			return true
		}
		if w == "and" && (k == 0 || k+1 >= len(a.lw) || !a.inMent[k-1] || !a.inMent[k+1]) {
			return true
		}
	}
	return false
}

// placePhrase reads a place starting at token q: "the White House", "NATO headquarters in
// Brussels", "Anchorage, Alaska". It must hold a location entity.
func (a *article) placePhrase(q, limit int) (tokRange, bool) {
	start := q
	if q < limit && a.lw[q] == "the" {
		q++
	}
	r, loc := q, false
	for r < limit && a.inTime[r] < 0 {
		if mi, ok := a.mentAt[r]; ok {
			m := a.mentions[mi]
			loc = loc || m.ent.Type == entity.Location
			r = max(m.b, r+1)
			continue
		}
		if (a.upper[r] && a.isWord(r)) || a.lx.placeNouns[a.lw[r]] {
			r++
			continue
		}
		if (a.lw[r] == "in" || a.lw[r] == ",") && r+1 < limit {
			if mi, ok := a.mentAt[r+1]; ok && a.mentions[mi].ent.Type == entity.Location {
				r++
				continue
			}
		}
		break
	}
	if !loc || a.nounFollows(r) {
		return tokRange{}, false
	}
	return tokRange{start, r}, true
}

// nounFollows reports whether token i reads as a common noun that the words before it modify
// ("in U.S. policy", "the Istanbul negotiations"): a lower-case word that is no preposition,
// conjunction, determiner, time, past tense or adverb in -ly.
func (a *article) nounFollows(i int) bool {
	if i >= len(a.lw) || !a.isWord(i) || a.upper[i] || a.inTime[i] >= 0 {
		return false
	}
	w := a.lw[i]
	return !a.lx.preps[w] && !a.lx.clause[w] && !a.lx.determiners[w] && !a.lx.verbal[w] && !a.lx.stops[w] &&
		!a.lx.irregular[w] && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ly")
}

// span returns the text of a token range.
func (a *article) span(r tokRange) string {
	return a.doc.Text[a.doc.Tokens[r.a].Start:a.doc.Tokens[r.b-1].End]
}

// fill completes a draft: summary, actors, status, time and evidence.
// prev is the start of the clause's previous trigger (-1 when there is none) and next the start
// of its next one (or the clause's end): a status cue is looked for back to prev, and the actors
// first between them.
func (a *article) fill(d *draft, s, c tokRange, places []placeRef, prev, next int) {
	t := d.trig
	d.ev.Type = t.f.typ
	d.ev.Trigger = a.span(tokRange{t.tok, t.end})
	own := a.part(c, t, prev, next)
	seg := a.segment(own, t.tok)
	d.ev.Summary = a.span(a.summary(own, seg, t))
	d.ev.Actors = a.actors(t, seg, own, c, s, places)
	d.ev.Status, d.perfect = a.status(max(prev, c.a, t.tok-statusWindow), t, c)
	d.ev.Evidence = dossier.EvidenceOf(a.doc.Text, dossier.Span{Start: a.doc.Tokens[s.a].Start, End: a.doc.Tokens[s.b-1].End})
	if d.time >= 0 {
		r := a.times[d.time]
		pre := r.pre
		if r.modifier {
			// "in Thursday's call": the preposition belongs to the call.
			pre = ""
		}
		d.ev.When = whenOf(r.x, pre)
	}
}

// part returns the words of clause c that belong to trigger t when the clause coordinates it
// with other triggers: from an "and" just before it, after the previous trigger (prev, -1 when
// none), up to an "and" just before the next one (next, the clause's end when none), so that "the US
// president met with Putin in Alaska last week and welcomed seven European leaders and Zelensky
// to the White House" gives "… met with Putin in Alaska last week" to the meeting and "welcomed
// seven European leaders and Zelensky to the White House" to the welcome.
func (a *article) part(c tokRange, t trigger, prev, next int) tokRange {
	r := c
	if prev >= 0 {
		for k := t.tok - 1; k > prev && k >= t.tok-coordReach; k-- {
			if a.lw[k] == "and" {
				r.a = k + 1
				break
			}
		}
	}
	if next < c.b {
		for k := next - 1; k >= t.end && k >= next-coordReach; k-- {
			if a.lw[k] == "and" {
				r.b = k
				break
			}
		}
	}
	return r
}

// segment returns the comma-separated part of clause c that holds token i.
func (a *article) segment(c tokRange, i int) tokRange {
	seg := c
	for k := i - 1; k >= c.a; k-- {
		if a.lw[k] == "," {
			seg.a = k + 1
			break
		}
	}
	for k := i; k < c.b; k++ {
		if a.lw[k] == "," {
			seg.b = k
			break
		}
	}
	return seg
}

// summary returns the words that summarise the event: its clause, or when that is long the
// comma-separated parts around the trigger, cut to a window of words around it at worst.
func (a *article) summary(c, seg tokRange, t trigger) tokRange {
	r := a.trim(c)
	if a.words(r) <= maxSummaryWords {
		return r
	}
	// A part too short to stand alone grows by whole comma-separated parts, the one before
	// first, while the summary stays short.
	r = seg
	for a.words(r) < minSummaryWords {
		grown := r
		if r.a-1 > c.a {
			if l := a.segment(c, r.a-2); a.words(tokRange{l.a, r.b}) <= maxSummaryWords {
				grown.a = l.a
			}
		}
		if grown == r && r.b+1 < c.b {
			if rr := a.segment(c, r.b+1); a.words(tokRange{r.a, rr.b}) <= maxSummaryWords {
				grown.b = rr.b
			}
		}
		if grown == r {
			break
		}
		r = grown
	}
	r = a.trim(r)
	if a.words(r) > maxSummaryWords {
		half := maxSummaryWords / 2
		r = a.trim(tokRange{max(r.a, t.tok-half), min(r.b, t.end+half)})
	}
	if r.a >= r.b || !r.contains(t.tok) {
		return tokRange{t.tok, t.end}
	}
	return r
}

// trim drops the punctuation, quote marks and opening conjunction at the ends of a range.
func (a *article) trim(r tokRange) tokRange {
	for r.a < r.b && (a.doc.Tokens[r.a].Kind == text.Punct || a.lx.clause[a.lw[r.a]] || a.lw[r.a] == "that") {
		r.a++
	}
	for r.b > r.a && a.doc.Tokens[r.b-1].Kind == text.Punct {
		r.b--
	}
	return r
}

func (a *article) words(r tokRange) int {
	n := 0
	for i := r.a; i < r.b; i++ {
		if a.doc.Tokens[i].Kind != text.Punct {
			n++
		}
	}
	return n
}

// actors names who took part: the people and organisations of the comma-separated part of the
// trigger's own words (its clause, or its part of a clause that coordinates several triggers),
// else of all its own words. When the event usually has several parties (a call, a meeting) and
// fewer than two are named there, the people of the sentence's other clauses join them, as in
// "Trump and Putin announced that they had agreed …, following a phone call". Places named in
// the clause and locations after a preposition ("in Ukraine") are settings; a location acts only
// when no person or organisation does ("US and Russia discuss peace").
func (a *article) actors(t trigger, seg, own, c, s tokRange, places []placeRef) []dossier.Actor {
	inPlace := func(m mention) bool {
		return slices.ContainsFunc(places, func(p placeRef) bool { return p.a <= m.a && m.a < p.b })
	}
	var out []dossier.Actor
	add := func(r tokRange, keep func(mention) bool) {
		for _, m := range a.mentionsIn(r) {
			if inPlace(m) || !keep(m) {
				continue
			}
			if !slices.ContainsFunc(out, func(x dossier.Actor) bool { return x.Entity == m.ent.ID }) {
				out = append(out, dossier.Actor{Name: m.ent.Name, Entity: m.ent.ID})
			}
		}
	}
	agent := func(m mention) bool { return m.ent.Type == entity.Person || m.ent.Type == entity.Organization }
	person := func(m mention) bool { return m.ent.Type == entity.Person }
	multi := a.lx.multiparty[t.f.typ]
	for _, r := range []tokRange{seg, own} {
		if len(out) == 0 || (multi && len(out) < 2) {
			add(r, agent)
		}
	}
	if multi && len(out) < 2 {
		// The rest of the clause belongs to the triggers coordinated with this one.
		add(tokRange{s.a, c.a}, person)
		add(tokRange{c.b, s.b}, person)
	}
	if len(out) == 0 {
		add(own, func(m mention) bool {
			return m.ent.Type == entity.Location && (m.a == 0 || !a.lx.preps[a.lw[m.a-1]]) && !a.nounFollows(m.b)
		})
	}
	if out == nil {
		out = []dossier.Actor{}
	}
	return out
}

// status reads the cue nearest before a trigger, back to token lo or a stop word (will, would,
// reportedly, …), or a cue of plan or possibility right after it ("the summit would fail"), and
// whether a perfect auxiliary ("had agreed") puts it before the events around it.
func (a *article) status(lo int, t trigger, c tokRange) (string, bool) {
	perfect := false
	for k := t.tok - 1; k >= lo && !a.lx.stops[a.lw[k]]; k-- {
		w := a.lw[k]
		if a.lx.perfect[w] || strings.HasSuffix(w, "'d") {
			perfect = true
		}
		if v := a.statusCue(a.lx.status, k, lo, t.tok-1-k); v != "" {
			return v, perfect
		}
		if a.lx.preps[w] && !a.lx.links[w] && !a.lx.infinitive[w] {
			break
		}
	}
	for k := t.end; k < min(c.b, t.end+postStatusWindow) && !a.lx.stops[a.lw[k]]; k++ {
		if v := a.statusCue(a.lx.after, k, t.end, -1); v != "" {
			return v, perfect
		}
	}
	return Happened, perfect
}

// statusCue returns the status of a cue that ends at token k and starts at lo or later, or "";
// gap is how many words stand between k and the trigger (-1 after it).
func (a *article) statusCue(cues []cue, k, lo, gap int) string {
	if strings.HasSuffix(a.lw[k], "'ll") {
		return Planned
	}
	for _, cu := range cues {
		n := len(cu.words)
		if (cu.reach < 0 || gap <= cu.reach) && k-n+1 >= lo && a.matchPart(cu.words, k-n+1, k+1) {
			return cu.value
		}
	}
	return ""
}
