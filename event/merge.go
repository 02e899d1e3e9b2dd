package event

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dossier-news/dossier"
)

// Report is one article's events with what merging and ordering need to know about the article.
type Report struct {
	Article   string    // the article's id
	Source    string    // where it came from (a path or URL)
	Outlet    string    // the outlet's name, or ""
	Published time.Time // zero when unknown
	// Rank is the article's position in input order: articles without dates are ordered by it.
	Rank int
	// Text is the article's text; two undated articles must be about the same development, by
	// their words, before their undated events are taken for one. Empty text never matches.
	Text   string
	Events []Event
}

// Source is one article's report of a merged event: the article, and the event as that article
// gives it, with its evidence span in that article's text.
type Source struct {
	Article string `json:"article"`
	Source  string `json:"source"`
	Outlet  string `json:"outlet"`
	Event   Event  `json:"event"`
}

// Merged is one event as several reports give it, placed on the timeline.
type Merged struct {
	Type    string          `json:"type"`
	Summary string          `json:"summary"` // the first report's summary (earliest article, first mention)
	Actors  []dossier.Actor `json:"actors"`  // everyone any report names, each entity and name once
	When    When            `json:"when"`    // the most precise resolved date any report gives, else the first time written
	Place   string          `json:"place"`
	Status  string          `json:"status"` // happened when any report says so, else reported, planned, possible
	Sources []Source        `json:"sources"`
	// Order is the event's position on the timeline, from 0; Merge returns events in this order.
	Order int `json:"order"`
	// Key is what the timeline sorts by; see Key.Compare.
	Key Key `json:"key"`
}

// Tuning of Merge.
const (
	// reportWindow is how long before its article's publication an undated event that happened
	// may lie: news reports what happened in the days before, and dates what lies further back.
	reportWindow = 7 * 24 * time.Hour
	// planWindow is how far after publication an undated planned event may lie.
	planWindow = 60 * 24 * time.Hour
	// sameDevelopment is the least cosine similarity of two articles' words (log term
	// frequencies, stop words left out) for them to count as reports of one development.
	// Measured: the five seeds, one story from five outlets, score 0.30 to 0.38 with each other;
	// against US election stories (../shared/bench/quotes) at most 0.27; and 5 of 435 pairs of
	// those election stories, one broad beat, reach 0.28.
	sameDevelopment = 0.28
)

// Merge finds the events that several reports give, within one article ("the call on
// Wednesday" and later "the conversation") and across articles, and returns one Merged event
// for each in timeline order (see the package documentation for both rules).
func Merge(reports []Report) []Merged {
	x, err := Default()
	if err != nil {
		panic(err)
	}
	return x.Merge(reports)
}

// Merge is the package-level Merge with this Extractor's lexicon (its compatible types,
// trigger senses and stop words).
func (x *Extractor) Merge(reports []Report) []Merged {
	m := newMerger(x.lx, reports)
	m.cluster()
	return m.timeline()
}

// class groups statuses that one event may have in several reports.
type class uint8

const (
	past class = 1 << iota // happened or reported
	plan
	hypothetical
)

func classOf(status string) class {
	switch status {
	case Planned:
		return plan
	case Possible:
		return hypothetical
	}
	return past
}

// item is one report's mention of an event.
type item struct {
	rep      int
	index    int // among its report's events
	ev       *Event
	sense    string
	group    string // the type's compatibility group
	class    class
	actors   []int // actor ids, one per entity (or name when the entity is unknown)
	date     span  // resolved date
	dated    bool
	window   span // the stretch its article's date allows for it, when it has no date of its own
	windowed bool
	place    []string // place words
	open     string   // its time as written when it has no resolved date ("wednesday")
	first    bool     // no earlier mention in its article names the same kind of event with the same actors
}

// cluster is a set of items taken for one event, with what its members agree on.
type cluster struct {
	items   []int
	date    span
	dated   bool
	classes class
	place   map[string]bool
	open    map[int]map[string]bool // report → open times written
}

type merger struct {
	lx       *lexicon
	reports  []Report
	items    []item
	parent   []int
	cl       map[int]*cluster
	docs     []*wordVector // per report, lazily
	vocab    map[string]int
	sims     map[[2]int]float64
	actorIDs map[string]int
}

func newMerger(lx *lexicon, reports []Report) *merger {
	m := &merger{lx: lx, reports: reports, cl: make(map[int]*cluster), docs: make([]*wordVector, len(reports)),
		vocab: make(map[string]int), sims: make(map[[2]int]float64), actorIDs: make(map[string]int)}
	for ri := range reports {
		r := &reports[ri]
		for ei := range r.Events {
			it := m.newItem(ri, &r.Events[ei])
			it.index = ei
			m.items = append(m.items, it)
		}
	}
	m.parent = make([]int, len(m.items))
	for i := range m.items {
		it := &m.items[i]
		m.parent[i] = i
		c := &cluster{items: []int{i}, date: it.date, dated: it.dated, classes: it.class, place: make(map[string]bool), open: make(map[int]map[string]bool)}
		for _, w := range it.place {
			c.place[w] = true
		}
		if it.open != "" {
			c.open[it.rep] = map[string]bool{it.open: true}
		}
		m.cl[i] = c
	}
	m.markFirsts()
	return m
}

func (m *merger) newItem(ri int, e *Event) item {
	it := item{rep: ri, ev: e, sense: m.lx.sense(e.Trigger), group: m.lx.group(e.Type), class: classOf(e.Status)}
	for _, a := range e.Actors {
		k := actorKey(a)
		id, ok := m.actorIDs[k]
		if !ok {
			id = len(m.actorIDs)
			m.actorIDs[k] = id
		}
		if !slices.Contains(it.actors, id) {
			it.actors = append(it.actors, id)
		}
	}
	it.date, it.dated = interval(e.When.Date, "")
	pub := m.reports[ri].Published
	switch {
	case it.dated || pub.IsZero():
	case it.class == past:
		it.window, it.windowed = span{pub.Add(-reportWindow), pub.Add(24 * time.Hour)}, true
	case it.class == plan:
		it.window, it.windowed = span{pub, pub.Add(planWindow)}, true
	}
	if !it.dated && e.When.Text != "" {
		it.open = m.openText(e.When.Text)
	}
	for _, w := range strings.Fields(strings.ToLower(e.Place)) {
		if w = strings.Trim(w, ",."); w != "" && w != "the" {
			it.place = append(it.place, w)
		}
	}
	return it
}

// actorKey identifies an actor by entity, or by name when the entity is unknown.
func actorKey(a dossier.Actor) string {
	if a.Entity != "" {
		return a.Entity
	}
	return "name:" + strings.ToLower(a.Name)
}

// openText is an open time without its preposition, so that "on Wednesday" and "Wednesday" agree.
func (m *merger) openText(s string) string {
	f := strings.Fields(strings.ToLower(s))
	if len(f) > 1 && m.lx.preps[f[0]] {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// markFirsts marks the items no earlier item of their article names with a compatible type and
// the same actors: an article introduces an event once and refers back to it after.
func (m *merger) markFirsts() {
	for i := range m.items {
		it := &m.items[i]
		it.first = true
		for j := i - 1; j >= 0 && m.items[j].rep == it.rep; j-- {
			if m.items[j].group == it.group && shareActors(m.items[j].actors, it.actors) {
				it.first = false
				break
			}
		}
	}
}

// shareActors reports whether two events have their parties in common: at least two, or all of
// the smaller set when it has fewer.
func shareActors(a, b []int) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	n := 0
	for _, x := range a {
		if slices.Contains(b, x) {
			n++
		}
	}
	return n >= min(2, len(a), len(b))
}

// tier says how strong a candidate pair is; stronger pairs are merged first, so that a weak
// pair cannot join what a strong one has kept apart.
type tier int

const (
	tierDated   tier = iota // both dated, dates agree
	tierArticle             // one article
	tierWindow              // dates agree with what the articles' dates allow
	tierWording             // no date to compare: same wording, same parties, same development
	tierNone
)

type pair struct {
	i, j int
	t    tier
}

// cluster merges items, strongest pairs first, and never two clusters that disagree.
func (m *merger) cluster() {
	var pairs []pair
	for _, bucket := range m.buckets() {
		for x, i := range bucket {
			for _, j := range bucket[x+1:] {
				if t := m.tier(i, j); t != tierNone {
					pairs = append(pairs, pair{i, j, t})
				}
			}
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		return cmp.Or(cmp.Compare(a.t, b.t), cmp.Compare(a.i, b.i), cmp.Compare(a.j, b.j))
	})
	pairs = slices.Compact(pairs)
	wording := make(map[int][]int)
	for _, p := range pairs {
		if p.t == tierWording {
			wording[p.i] = append(wording[p.i], p.j)
			wording[p.j] = append(wording[p.j], p.i)
		}
	}
	for _, p := range pairs {
		if p.t == tierWording && (m.ambiguous(wording[p.i]) || m.ambiguous(wording[p.j])) {
			continue
		}
		m.union(p.i, p.j, p.t)
	}
}

// ambiguous reports whether an item's partners by wording alone belong to events that dates keep
// apart: an undated "call" between two leaders who spoke twice is neither call.
func (m *merger) ambiguous(partners []int) bool {
	var dated []span
	for _, other := range partners {
		c := m.cl[m.find(other)]
		if !c.dated {
			continue
		}
		for _, d := range dated {
			if !d.overlaps(c.date) {
				return true
			}
		}
		dated = append(dated, c.date)
	}
	return false
}

// buckets groups the items that could be one event: same type group and a shared actor, or,
// for items that name no actor, the same article and a shared place word.
func (m *merger) buckets() map[string][]int {
	b := make(map[string][]int)
	add := func(k string, i int) {
		if l := b[k]; len(l) == 0 || l[len(l)-1] != i {
			b[k] = append(l, i)
		}
	}
	for i, it := range m.items {
		for _, a := range it.actors {
			add(it.group+"\x00"+strconv.Itoa(a), i)
		}
		if len(it.actors) == 0 {
			for _, w := range it.place {
				add(it.group+"\x00"+strconv.Itoa(it.rep)+"\x00"+w, i)
			}
		}
	}
	return b
}

// related reports whether two items name the same parties, or, within one article and when
// neither names any, the same place ("the Istanbul negotiations" and "the Istanbul talks").
func related(a, b *item) bool {
	if shareActors(a.actors, b.actors) {
		return true
	}
	return a.rep == b.rep && len(a.actors) == 0 && len(b.actors) == 0 && slices.ContainsFunc(a.place, func(w string) bool {
		return slices.Contains(b.place, w)
	})
}

// tier decides whether two items may be one event and how strongly the evidence says so.
func (m *merger) tier(i, j int) tier {
	a, b := &m.items[i], &m.items[j]
	if a.group != b.group || !related(a, b) {
		return tierNone
	}
	if (a.class|b.class)&(past|hypothetical) == past|hypothetical {
		return tierNone
	}
	switch {
	case a.dated && b.dated:
		if a.date.overlaps(b.date) {
			return tierDated
		}
		return tierNone
	case a.rep == b.rep:
		return tierArticle
	}
	if at, ok := a.when(); ok {
		if bt, ok := b.when(); ok {
			if at.overlaps(bt) && a.class == b.class {
				return tierWindow
			}
			return tierNone
		}
	}
	if a.first && b.first && a.sense == b.sense && a.class == b.class && len(a.actors) >= 2 && len(b.actors) >= 2 &&
		m.similar(a.rep, b.rep) >= sameDevelopment {
		return tierWording
	}
	return tierNone
}

// when returns the item's date, or the stretch its article's date allows.
func (it *item) when() (span, bool) {
	if it.dated {
		return it.date, true
	}
	return it.window, it.windowed
}

func (m *merger) find(i int) int {
	for m.parent[i] != i {
		m.parent[i] = m.parent[m.parent[i]]
		i = m.parent[i]
	}
	return i
}

// union joins the clusters of i and j unless they disagree: dates that do not overlap, places
// with no word in common, something that happened with something that might, or one article's
// two different open times ("on Monday", "on Tuesday"). A plan joins what happened only on
// agreeing dates.
func (m *merger) union(i, j int, t tier) {
	ri, rj := m.find(i), m.find(j)
	if ri == rj {
		return
	}
	x, y := m.cl[ri], m.cl[rj]
	if x.dated && y.dated && !x.date.overlaps(y.date) {
		return
	}
	classes := x.classes | y.classes
	if classes&(past|hypothetical) == past|hypothetical || (classes&(past|plan) == past|plan && t > tierDated && !(x.dated && y.dated)) {
		return
	}
	if len(x.place) > 0 && len(y.place) > 0 && !sharesKey(x.place, y.place) {
		return
	}
	for rep, ox := range x.open {
		if oy, ok := y.open[rep]; ok && !sharesKey(ox, oy) {
			return
		}
	}
	m.parent[rj] = ri
	x.items = append(x.items, y.items...)
	switch {
	case x.dated && y.dated:
		x.date = x.date.intersect(y.date)
	case y.dated:
		x.date, x.dated = y.date, true
	}
	x.classes = classes
	for w := range y.place {
		x.place[w] = true
	}
	for rep, oy := range y.open {
		if x.open[rep] == nil {
			x.open[rep] = make(map[string]bool)
		}
		for w := range oy {
			x.open[rep][w] = true
		}
	}
	delete(m.cl, rj)
}

func sharesKey(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// similar is the cosine similarity of two reports' words, computed once per pair.
func (m *merger) similar(a, b int) float64 {
	if a > b {
		a, b = b, a
	}
	if v, ok := m.sims[[2]int{a, b}]; ok {
		return v
	}
	va, vb := m.words(a), m.words(b)
	v := 0.0
	if va.norm > 0 && vb.norm > 0 {
		dot := 0.0
		for i, j := 0, 0; i < len(va.terms) && j < len(vb.terms); {
			switch x, y := va.terms[i], vb.terms[j]; {
			case x.id < y.id:
				i++
			case x.id > y.id:
				j++
			default:
				dot += x.weight * y.weight
				i++
				j++
			}
		}
		v = dot / (va.norm * vb.norm)
	}
	m.sims[[2]int{a, b}] = v
	return v
}

// termWeight is one word of a report's vector, by its id in the merger's vocabulary.
type termWeight struct {
	id     int
	weight float64
}

// wordVector is a report's words as log term frequencies, sorted by word id, with its norm.
type wordVector struct {
	terms []termWeight
	norm  float64
}

// words returns a report's word vector: log term frequencies of its words of three letters or
// more, stop words left out.
func (m *merger) words(ri int) *wordVector {
	if v := m.docs[ri]; v != nil {
		return v
	}
	counts := make(map[int]int)
	for _, w := range strings.FieldsFunc(strings.ToLower(m.reports[ri].Text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len(w) <= 2 || m.lx.stopwords[w] {
			continue
		}
		id, ok := m.vocab[w]
		if !ok {
			id = len(m.vocab)
			m.vocab[w] = id
		}
		counts[id]++
	}
	v := &wordVector{terms: make([]termWeight, 0, len(counts))}
	for id, n := range counts {
		tw := termWeight{id: id, weight: 1 + math.Log(float64(n))}
		v.terms = append(v.terms, tw)
		v.norm += tw.weight * tw.weight
	}
	v.norm = math.Sqrt(v.norm)
	slices.SortFunc(v.terms, func(x, y termWeight) int { return x.id - y.id })
	m.docs[ri] = v
	return v
}
