package brief

import (
	"cmp"
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/text"
)

//go:embed conflict.txt
var conflictData string

//go:embed counted.txt
var countedData string

// conflictCues are the phrases of conflictData as word sequences.
func conflictCues() [][]string {
	var out [][]string
	for line := range strings.Lines(conflictData) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.Fields(line))
	}
	return out
}

// mention is an actor named in an article, resolved across the story.
type mention struct {
	span  dossier.Span
	actor int
}

// mentions lists the people, organisations and places an article names, in text order: a
// country that "denied" or "interprets differently" is a side.
func (s *story) mentions(r *analyze.Record) []mention {
	var out []mention
	for _, e := range r.Entities {
		if e.Type == entity.Other {
			continue // a demonym ("Velmari") names no one who can take a side
		}
		i := s.actor(r.ID, e.ID)
		if i < 0 {
			continue
		}
		for _, m := range e.Mentions {
			out = append(out, mention{m, i})
		}
	}
	slices.SortFunc(out, func(a, b mention) int { return cmp.Compare(a.span.Start, b.span.Start) })
	return out
}

// disagreements finds where sources or actors give conflicting accounts:
//   - an article says so ("the two capitals interpret the call differently", "the minister
//     diluted that commitment"): the sides are the actors the sentence sets against each other;
//   - a claim and its denial: two actors' quotes about the same thing, one negated;
//   - one actor given opposite stances on one issue by different articles;
//   - different figures for the same thing in different articles.
func (s *story) disagreements(matrix []Row) []Disagreement {
	var out []Disagreement
	out = append(out, s.statedConflicts()...)
	out = append(out, s.denials()...)
	out = append(out, s.stanceConflicts(matrix)...)
	out = append(out, s.figureConflicts()...)
	return out
}

// statedConflicts reads the sentences that say accounts differ.
func (s *story) statedConflicts() []Disagreement {
	cues := conflictCues()
	var out []Disagreement
	for i, r := range s.originals() {
		doc := s.docs[i]
		ms := s.mentions(r)
		for k, sp := range doc.Sentences {
			cue, ok := findCue(doc.Text, doc.Tokens, sp, cues)
			if !ok {
				continue
			}
			sides := s.conflictSides(r, doc, ms, sp, cue, k)
			if len(sides) < 2 {
				continue
			}
			d := Disagreement{Kind: "accounts differ", Evidence: cite(r, sp.Start, sp.End)}
			var names []string
			for _, a := range sides {
				names = append(names, s.actors[a].Name)
				d.Sides = append(d.Sides, Side{Who: s.actors[a].Name, Citation: s.sideEvidence(r, doc, a, k, sp)})
			}
			d.About = strings.Join(names, " and ") + ": " + trimWords(r.Text[sp.Start:sp.End], 24)
			out = append(out, d)
		}
	}
	return out
}

// findCue returns the span of the first conflict phrase in sentence sp.
func findCue(s string, toks []text.Token, sp dossier.Span, cues [][]string) (dossier.Span, bool) {
	var words []text.Token
	for _, t := range toks {
		if t.Start >= sp.Start && t.End <= sp.End && t.Kind == text.Word {
			words = append(words, t)
		}
	}
	for w := range words {
		for _, c := range cues {
			if w+len(c) > len(words) {
				continue
			}
			match := true
			for j, cw := range c {
				if !strings.EqualFold(s[words[w+j].Start:words[w+j].End], cw) {
					match = false
					break
				}
			}
			if match {
				return dossier.Span{Start: words[w].Start, End: words[w+len(c)-1].End}, true
			}
		}
	}
	return dossier.Span{}, false
}

// conflictSides picks the actors a conflict sentence sets against each other: a joint subject
// ("A and B interpret it differently"), else the actor nearest before the cue (who diluted,
// denied, contradicted) and the one the sentence, or the one before it, opened with (whose word
// was diluted or denied).
func (s *story) conflictSides(r *analyze.Record, doc *text.Doc, ms []mention, sp, cue dossier.Span, k int) []int {
	var before []mention
	for j, m := range ms {
		if m.span.Start >= sp.Start && m.span.End <= cue.Start && !titleOf(r.Text, ms, j) {
			before = append(before, m)
		}
	}
	for j := 1; j < len(before); j++ {
		a, b := before[j-1], before[j]
		if gap := strings.ToLower(strings.TrimSpace(r.Text[a.span.End:b.span.Start])); (gap == "and" || gap == "and the") && a.actor != b.actor {
			return []int{a.actor, b.actor}
		}
	}
	if len(before) == 0 || reports(r.Text[before[len(before)-1].span.End:cue.Start]) {
		// "X said rival readouts were common": the conflict is X's subject, not X's.
		return nil
	}
	subject := before[len(before)-1].actor
	for _, m := range before {
		if m.actor != subject {
			return []int{m.actor, subject}
		}
	}
	// Whose words were diluted or walked back may be named in the sentence before; a denial's
	// other side is whoever made the claim, which the sentence before does not say.
	if k > 0 && !denialCue(r.Text[cue.Start:cue.End]) {
		prev := doc.Sentences[k-1]
		for _, m := range ms {
			if m.span.Start >= prev.Start && m.span.End <= prev.End && m.actor != subject {
				return []int{m.actor, subject}
			}
		}
	}
	return nil
}

// reports says whether words hold a verb of saying, which puts what follows in someone's mouth.
func reports(words string) bool {
	for _, w := range strings.Fields(strings.ToLower(words)) {
		switch strings.Trim(w, ",;:") {
		case "said", "says", "say", "told", "tells", "added", "adds", "noted", "notes", "argued", "argues", "wrote", "writes", "believes", "thinks":
			return true
		}
	}
	return false
}

// titleOf says whether mention j is part of the next mention's title ("U.S. Secretary of Defense
// Pete Hegseth", "Kremlin spokesman Dmitry Peskov"): only capitalised words lie between them.
func titleOf(text string, ms []mention, j int) bool {
	if j+1 >= len(ms) || ms[j+1].span.Start < ms[j].span.End {
		return false
	}
	for _, w := range strings.Fields(text[ms[j].span.End:ms[j+1].span.Start]) {
		if r := []rune(w)[0]; !unicode.IsUpper(r) && w != "of" && w != "for" && w != "the" {
			return false
		}
	}
	return true
}

// sideEvidence finds what one side said near a conflict sentence: its first quote in that
// sentence or the three after it, else the sentence itself.
func (s *story) sideEvidence(r *analyze.Record, doc *text.Doc, actor, k int, sp dossier.Span) Citation {
	end := doc.Sentences[min(k+3, len(doc.Sentences)-1)].End
	for _, q := range r.Quotes {
		if q.Start >= sp.Start && q.End <= end && (s.actor(r.ID, q.Speaker.Entity) == actor || sameStem(q.Speaker.Name, s.actors[actor].Name)) {
			return cite(r, q.Evidence.Start, q.Evidence.End)
		}
	}
	return cite(r, sp.Start, sp.End)
}

// sameStem says whether a speaker's description names an actor through a word that begins like
// the actor's name ("the Caldoran presidency" for Caldora, "Velmar's government" for Velmar).
func sameStem(speaker, actor string) bool {
	if len(actor) < 5 {
		return false
	}
	for _, w := range strings.Fields(speaker) {
		if len(w) >= len(actor) && strings.EqualFold(w[:len(actor)], actor) {
			return true
		}
	}
	return false
}

// denials pairs a quote that denies something with another actor's quote that asserts it: a
// word the denial negates ("no quotas were agreed", "denied that quotas were discussed") stands
// un-negated in the other quote, and the two share another word besides, so that they are about
// one matter.
func (s *story) denials() []Disagreement {
	type claim struct {
		rec   *analyze.Record
		q     analyze.Quote
		actor string
		terms map[int32]bool // content words, true when negated
		v     vec
	}
	v := s.storyVectors()
	var claims []claim
	for i, r := range s.originals() {
		doc := s.docs[i]
		for _, q := range r.Quotes {
			name, id := s.actorName(r.ID, analyzeActor(q.Speaker.Name, q.Speaker.Entity))
			if name == "" {
				continue
			}
			c := claim{rec: r, q: q, actor: cmp.Or(id, name), terms: make(map[int32]bool)}
			denies := denialCue(q.Cue)
			lastNeg := -10
			var all []int32
			for t := doc.TokenIndex(q.Start); t >= 0 && t < len(doc.Tokens) && doc.Tokens[t].End <= q.End; t++ {
				tok := doc.Tokens[t]
				if tok.Kind != text.Word {
					continue
				}
				if negator(r.Text[tok.Start:tok.End]) {
					lastNeg = t
					continue
				}
				ids := v.voc.terms(doc.Tokens[t:t+1], r.Text, nil)
				all = append(all, ids...)
				if len(ids) == 1 {
					c.terms[ids[0]] = c.terms[ids[0]] || denies || t-lastNeg <= 2
				}
			}
			c.v = v.voc.vector(all, s.originalCount())
			claims = append(claims, c)
		}
	}
	byTerm := make(map[int32][]int)
	for i, c := range claims {
		for t, neg := range c.terms {
			if !neg {
				byTerm[t] = append(byTerm[t], i)
			}
		}
	}
	var out []Disagreement
	seen := make(map[string]bool) // one disagreement per pair of worded claims, however often reprinted
	for _, d := range claims {
		// Only a word the denial negates can lead to the claim it denies; the other claims that
		// hold such a word are then counted for the words they share with the denial.
		var cands []int
		for t, neg := range d.terms {
			if neg {
				cands = append(cands, byTerm[t]...)
			}
		}
		if len(cands) == 0 {
			continue
		}
		slices.Sort(cands)
		cands = slices.Compact(cands)
		best, bestN := -1, 1
		for _, i := range cands {
			c := &claims[i]
			if c.actor == d.actor {
				continue
			}
			n := 0
			for t := range d.terms {
				if neg, ok := c.terms[t]; ok && !neg {
					n++
				}
			}
			if n > bestN && cosine(c.v, d.v) >= 0.25 {
				best, bestN = i, n
			}
		}
		if best < 0 {
			continue
		}
		c := claims[best]
		if k := c.q.Text + "\x00" + d.q.Text; seen[k] {
			continue
		} else {
			seen[k] = true
		}
		cn, _ := s.actorName(c.rec.ID, analyzeActor(c.q.Speaker.Name, c.q.Speaker.Entity))
		dn, _ := s.actorName(d.rec.ID, analyzeActor(d.q.Speaker.Name, d.q.Speaker.Entity))
		out = append(out, Disagreement{
			Kind:  "claim and denial",
			About: fmt.Sprintf("%s and %s: %s", cn, dn, trimWords(d.q.Text, 16)),
			Sides: []Side{
				{Who: cn, Citation: cite(c.rec, c.q.Evidence.Start, c.q.Evidence.End)},
				{Who: dn, Citation: cite(d.rec, d.q.Evidence.Start, d.q.Evidence.End)},
			},
		})
	}
	return out
}

// negator says whether a word negates what follows it.
func negator(w string) bool {
	if strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
		return true
	}
	switch strings.ToLower(w) {
	case "no", "not", "never", "none", "nothing", "neither", "nor", "nobody", "without":
		return true
	}
	return false
}

func denialCue(cue string) bool {
	c := strings.ToLower(cue)
	for _, w := range []string{"den", "dismiss", "refut", "reject"} {
		if strings.HasPrefix(c, w) {
			return true
		}
	}
	return false
}

// stanceConflicts finds, in the position matrix, one actor given opposite stances on one issue:
// for, in one article or source, and against in another.
func (s *story) stanceConflicts(rows []Row) []Disagreement {
	var out []Disagreement
	for _, row := range rows {
		for _, c := range row.Cells {
			if c.Stance != "mixed" {
				continue
			}
			var pro, con *Stand
			for i := range c.Evidence {
				e := &c.Evidence[i]
				switch {
				case e.Stance == "opposes" && con == nil:
					con = e
				case e.Stance != "opposes" && pro == nil:
					pro = e
				}
			}
			if pro == nil || con == nil {
				continue
			}
			label := s.opts.IssueLabel(c.Issue)
			out = append(out, Disagreement{
				Kind:  "positions differ",
				About: fmt.Sprintf("%s on %s: %s and %s", row.Actor, label, pro.Stance, con.Stance),
				Sides: []Side{{Who: row.Actor + " (" + pro.Stance + ")", Citation: pro.Citation}, {Who: row.Actor + " (" + con.Stance + ")", Citation: con.Citation}},
			})
		}
	}
	return out
}

// figure is a number with the noun it counts, or the word between them ("85,000 troops",
// "85,000 Ukrainian troops").
var figure = regexp.MustCompile(`\b(\d[\d,.]*)[\s-]+(?:([A-Za-z]+)\s+)?([A-Za-z]{3,})`)

// jaccard is the share of terms two vectors have in common, whatever their weights: two
// sentences about one fact share most words, even the words every article of the story uses.
func jaccard(a, b vec) float32 {
	shared := 0
	eachShared(a, b, func(term, term) { shared++ })
	union := len(a.terms) + len(b.terms) - shared
	if union == 0 {
		return 0
	}
	return float32(shared) / float32(union)
}

// figureConflicts finds different numbers for one thing in different articles: two sentences
// alike in what they say, each counting the same noun, with different numbers.
func (s *story) figureConflicts() []Disagreement {
	v := s.storyVectors()
	type fig struct {
		sentence int
		number   string
	}
	counted := make(map[string]bool)
	for _, w := range strings.Fields(countedData) {
		counted[w] = true
	}
	byNoun := make(map[string][]fig)
	for k, c := range v.sentences {
		r := s.recs[c.article]
		for _, m := range figure.FindAllStringSubmatch(r.Text[c.span.Start:c.span.End], -1) {
			n := strings.TrimRight(m[1], ",.")
			for _, w := range m[2:] {
				if noun := normWord(w); counted[noun] {
					byNoun[noun] = append(byNoun[noun], fig{k, n})
					break
				}
			}
		}
	}
	nouns := make([]string, 0, len(byNoun))
	for n := range byNoun {
		nouns = append(nouns, n)
	}
	slices.Sort(nouns)
	var out []Disagreement
	for _, noun := range nouns {
		figs := byNoun[noun]
	pairs:
		for i, a := range figs {
			for _, b := range figs[i+1:] {
				x, y := v.sentences[a.sentence], v.sentences[b.sentence]
				if x.article == y.article || a.number == b.number || jaccard(x.v, y.v) < 0.4 {
					continue
				}
				ra, rb := s.recs[x.article], s.recs[y.article]
				out = append(out, Disagreement{
					Kind:  "figures differ",
					About: fmt.Sprintf("%s: %s or %s", noun, a.number, b.number),
					Sides: []Side{
						{Who: cmp.Or(ra.Outlet, ra.Source), Citation: cite(ra, x.span.Start, x.span.End)},
						{Who: cmp.Or(rb.Outlet, rb.Source), Citation: cite(rb, y.span.Start, y.span.End)},
					},
				})
				break pairs
			}
		}
	}
	return out
}

// trimWords shortens s to its first n words.
func trimWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + " …"
}
