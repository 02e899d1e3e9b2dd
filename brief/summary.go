package brief

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/analyze"
)

// sentence is a candidate of the executive summary.
type sentence struct {
	article int // index into story.recs
	nth     int // its place in the article
	span    dossier.Span
	v       vec
	score   float32
}

// vectors are the story's text as tf-idf vectors, computed once for the summary, the headline
// and the comparison of claims.
type vectors struct {
	voc       *vocab
	sentences []sentence
	article   []vec // per record; empty for copies
	centroid  dense
}

func (s *story) storyVectors() *vectors {
	if s.vecs != nil {
		return s.vecs
	}
	voc := newVocab()
	v := &vectors{voc: voc, article: make([]vec, len(s.recs))}
	var ids [][]int32 // per sentence
	artIDs := make([][]int32, len(s.recs))
	seen := make(map[int32]int)
	n := 0
	for i, r := range s.originals() {
		n++
		doc := s.docs[i]
		for k, sp := range doc.Sentences {
			t0, t1 := doc.TokenIndex(sp.Start), doc.TokenIndex(sp.End)
			if t0 < 0 {
				continue
			}
			if t1 < 0 {
				t1 = len(doc.Tokens)
			}
			got := voc.terms(doc.Tokens[t0:t1], r.Text, nil)
			ids = append(ids, got)
			v.sentences = append(v.sentences, sentence{article: i, nth: k, span: sp})
			artIDs[i] = append(artIDs[i], got...)
			for _, id := range got {
				if seen[id] != i+1 {
					seen[id] = i + 1
					voc.df[id]++
				}
			}
		}
	}
	for k := range v.sentences {
		v.sentences[k].v = voc.vector(ids[k], n)
	}
	v.centroid.w = make([]float32, len(voc.ids))
	for i, a := range artIDs {
		if len(a) == 0 {
			continue
		}
		v.article[i] = voc.vector(a, n)
		for _, t := range v.article[i].terms {
			v.centroid.w[t.id] += t.w / v.article[i].norm
		}
	}
	var norm float64
	for _, w := range v.centroid.w {
		norm += float64(w) * float64(w)
	}
	v.centroid.norm = float32(math.Sqrt(norm))
	s.vecs = v
	return v
}

// summary picks the executive summary: sentences central to the story (close to the centroid of
// all its articles), early in their article, carrying an event or a position, each unlike the
// ones already picked (maximal marginal relevance), spread over articles and outlets. Each comes
// with the sentences of other articles that say much the same, as further citations.
func (s *story) summary() []Statement {
	v := s.storyVectors()
	cands := make([]int, 0, len(v.sentences))
	for k := range v.sentences {
		c := &v.sentences[k]
		r := s.recs[c.article]
		if !summarizable(r, c.span) {
			continue
		}
		c.score = v.centroid.cosine(c.v) + lead(c.nth) + s.findingBonus(r, c.span) - quoteShare(r, c.span)*0.15
		cands = append(cands, k)
	}
	slices.SortFunc(cands, func(a, b int) int { return cmp.Compare(v.sentences[b].score, v.sentences[a].score) })
	if len(cands) > 300 {
		cands = cands[:300]
	}
	perArticle := 2
	if n := s.originalCount(); n < 4 {
		perArticle = max(2, (s.opts.Sentences+n-1)/max(n, 1))
	}
	var picked []int
	fromArticle := make(map[int]int)
	outlets := make(map[string]bool)
	for len(picked) < s.opts.Sentences {
		best, bestScore := -1, float32(math.Inf(-1))
		for _, k := range cands {
			c := v.sentences[k]
			if fromArticle[c.article] >= perArticle || slices.Contains(picked, k) {
				continue
			}
			var red float32
			for _, p := range picked {
				red = max(red, cosine(c.v, v.sentences[p].v))
			}
			if red > 0.45 {
				continue
			}
			score := c.score - 0.7*red
			if o := s.recs[c.article].Outlet; o != "" && !outlets[o] {
				score += 0.05
			}
			if score > bestScore {
				best, bestScore = k, score
			}
		}
		if best < 0 {
			break
		}
		picked = append(picked, best)
		fromArticle[v.sentences[best].article]++
		outlets[s.recs[v.sentences[best].article].Outlet] = true
	}
	slices.SortFunc(picked, func(a, b int) int {
		x, y := v.sentences[a], v.sentences[b]
		if c := s.compareArticles(x.article, y.article); c != 0 {
			return c
		}
		return cmp.Compare(x.nth, y.nth)
	})
	out := make([]Statement, len(picked))
	for i, k := range picked {
		c := v.sentences[k]
		r := s.recs[c.article]
		st := Statement{Text: r.Text[c.span.Start:c.span.End], Citations: []Citation{cite(r, c.span.Start, c.span.End)}}
		st.Citations = append(st.Citations, s.corroboration(k)...)
		out[i] = st
	}
	return out
}

// corroboration finds, for summary sentence k, the closest sentence of each other article that
// says much the same, the three closest of those.
func (s *story) corroboration(k int) []Citation {
	v := s.storyVectors()
	c := v.sentences[k]
	type match struct {
		j   int
		sim float32
	}
	best := make(map[int]match)
	for j, o := range v.sentences {
		if o.article == c.article {
			continue
		}
		if sim := cosine(c.v, o.v); sim >= 0.5 && sim > best[o.article].sim {
			best[o.article] = match{j, sim}
		}
	}
	ms := make([]match, 0, len(best))
	for _, m := range best {
		ms = append(ms, m)
	}
	slices.SortFunc(ms, func(a, b match) int {
		if c := cmp.Compare(b.sim, a.sim); c != 0 {
			return c
		}
		return cmp.Compare(a.j, b.j)
	})
	var out []Citation
	for _, m := range ms[:min(3, len(ms))] {
		o := v.sentences[m.j]
		out = append(out, cite(s.recs[o.article], o.span.Start, o.span.End))
	}
	return out
}

func (s *story) originalCount() int {
	n := 0
	for range s.originals() {
		n++
	}
	return n
}

// compareArticles orders two articles by publication date when both have one, else by their
// place in the story.
func (s *story) compareArticles(a, b int) int {
	ta, tb := published(s.recs[a]), published(s.recs[b])
	if !ta.IsZero() && !tb.IsZero() {
		if c := ta.Compare(tb); c != 0 {
			return c
		}
	}
	return cmp.Compare(a, b)
}

func published(r *analyze.Record) time.Time {
	t, err := time.Parse(time.RFC3339, r.Published)
	if err != nil {
		return time.Time{}
	}
	return t
}

// lead favours an article's opening sentences, where news writing puts what happened.
func lead(nth int) float32 {
	switch nth {
	case 0:
		return 0.12
	case 1:
		return 0.08
	case 2:
		return 0.04
	}
	return 0
}

// summarizable says whether a sentence can stand alone in a summary: not a heading, of a
// readable length, not a question, and not opening on a word that points back to one before it.
func summarizable(r *analyze.Record, sp dossier.Span) bool {
	for _, h := range r.Headings {
		if h.Start < sp.End && sp.Start < h.End {
			return false
		}
	}
	t := strings.TrimSpace(r.Text[sp.Start:sp.End])
	words := strings.Fields(t)
	if len(words) < 8 || len(words) > 55 || strings.HasSuffix(t, "?") {
		return false
	}
	first := strings.ToLower(strings.Trim(words[0], `"“‘'`))
	switch first {
	case "he", "she", "they", "it", "this", "that", "these", "those", "his", "her", "its", "their", "but", "and", "or", "so", "i", "we", "you":
		return false
	}
	return true
}

// findingBonus favours sentences that hold an event or a position the analysers found.
func (s *story) findingBonus(r *analyze.Record, sp dossier.Span) float32 {
	var b float32
	for _, e := range r.Events {
		if overlaps(sp, e.Evidence) {
			b += 0.06
			break
		}
	}
	for _, p := range r.Positions {
		if overlaps(sp, p.Evidence) {
			b += 0.04
			break
		}
	}
	return b
}

// quoteShare is the share of a sentence inside direct quotes.
func quoteShare(r *analyze.Record, sp dossier.Span) float32 {
	n := 0
	for _, q := range r.Quotes {
		if q.Kind == "direct" {
			n += max(0, min(q.End, sp.End)-max(q.Start, sp.Start))
		}
	}
	return float32(n) / float32(max(1, sp.Len()))
}

func overlaps(sp dossier.Span, e dossier.Evidence) bool {
	return e.End > e.Start && e.Start < sp.End && sp.Start < e.End
}
