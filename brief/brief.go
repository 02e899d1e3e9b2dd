package brief

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/text"
)

// Briefing is the analyst's brief on one story. Every statement in it carries citations: an
// article and the byte span of the sentence or clause it came from, with that text verbatim.
type Briefing struct {
	Story    string `json:"story"`
	Headline string `json:"headline"`
	// HeadlineSource is the article whose title is the headline.
	HeadlineSource string `json:"headline_source"`
	First          string `json:"first"` // earliest publication date of the story's articles, or ""
	Last           string `json:"last"`
	// Summary is the executive summary: sentences taken whole from the articles, in story order.
	Summary       []Statement    `json:"summary"`
	Actors        []Actor        `json:"actors"`
	Issues        []Issue        `json:"issues"`
	Matrix        []Row          `json:"matrix"`
	Quotes        []Voice        `json:"quotes"`
	Timeline      []Moment       `json:"timeline"`
	Disagreements []Disagreement `json:"disagreements"`
	Coverage      []Coverage     `json:"coverage"`
	Sources       []Source       `json:"sources"`
}

// Citation points at the exact words a statement rests on: Text is Article's text from Start to End.
type Citation struct {
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
}

// Statement is a sentence of the briefing with the spans that support it; the first citation is
// where the words come from, the others are articles that report the same.
type Statement struct {
	Text      string     `json:"text"`
	Citations []Citation `json:"citations"`
}

// Actor is a key actor of the story.
type Actor struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Type      string   `json:"type"`
	Roles     []string `json:"roles"`
	StandsFor string   `json:"stands_for"` // what a metonym stands for ("Russia's leadership"), or ""
	Articles  int      `json:"articles"`
	Outlets   int      `json:"outlets"`
	Quotes    int      `json:"quotes"`
	Positions int      `json:"positions"`
}

// Issue is a column of the position matrix.
type Issue struct {
	Key   string `json:"key"`
	Label string `json:"label"`
}

// Row is one actor's positions, one cell per issue it has a stance on.
type Row struct {
	Actor   string `json:"actor"`
	ActorID string `json:"actor_id"`
	Cells   []Cell `json:"cells"`
}

// Cell is an actor's stance on one issue with the evidence behind it. Stance is the strongest
// stance the evidence gives (demands, proposes, conditions, supports), opposes when all of it is
// against, or "mixed" when some is for and some against.
type Cell struct {
	Issue    string  `json:"issue"`
	Stance   string  `json:"stance"`
	Evidence []Stand `json:"evidence"`
}

// Stand is one piece of evidence for a cell.
type Stand struct {
	Stance   string   `json:"stance"`
	Citation Citation `json:"citation"`
}

// Voice is a speaker with what they said, across the story's articles.
type Voice struct {
	Speaker string     `json:"speaker"`
	ActorID string     `json:"actor_id"`
	Role    string     `json:"role"`
	Quotes  []QuoteRef `json:"quotes"`
}

// QuoteRef is one quote of a Voice.
type QuoteRef struct {
	Kind     string   `json:"kind"`
	Cue      string   `json:"cue"`
	Citation Citation `json:"citation"`
}

// Moment is an event of the timeline with every source that reports it.
type Moment struct {
	When      analyze.When `json:"when"`
	Type      string       `json:"type"`
	Summary   string       `json:"summary"`
	Actors    []string     `json:"actors"`
	Place     string       `json:"place"`
	Status    string       `json:"status"` // happened, reported, planned or possible
	Citations []Citation   `json:"citations"`
}

// Disagreement is where sources or actors give conflicting accounts; each side shows its own
// evidence.
type Disagreement struct {
	Kind  string `json:"kind"` // accounts differ, claim and denial, positions differ, figures differ
	About string `json:"about"`
	// Evidence is the sentence that says the accounts differ, when an article says so; empty
	// otherwise.
	Evidence Citation `json:"evidence"`
	Sides    []Side   `json:"sides"`
}

// Side is one account in a disagreement.
type Side struct {
	Who      string   `json:"who"`
	Citation Citation `json:"citation"`
}

// Coverage is what one outlet's articles in the story show: the actors they name and the voices
// they quote, most frequent first.
type Coverage struct {
	Outlet   string  `json:"outlet"`
	Articles int     `json:"articles"`
	Actors   []Count `json:"actors"`
	Voices   []Count `json:"voices"`
}

// Count is a name with how often it occurs.
type Count struct {
	Name string `json:"name"`
	N    int    `json:"n"`
}

// Source is an article of the story. CopyOf names the article it duplicates, whose findings
// stand for both.
type Source struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Published string `json:"published"`
	CopyOf    string `json:"copy_of"`
}

// Options tune a briefing; the zero value gives the defaults.
type Options struct {
	// Sentences is the most sentences of the executive summary (default 8).
	Sentences int
	// Actors is the most key actors listed (default 12).
	Actors int
	// IssueLabel names an issue key for readers; nil keeps keys as they are.
	IssueLabel func(key string) string
}

// story is what Build works on: the articles, parsed once, with their actors resolved across them.
type story struct {
	recs    []*analyze.Record
	byID    map[string]*analyze.Record
	docs    []*text.Doc // parsed text of each record, nil for copies
	orig    []bool      // whether a record is not a copy of another one in the story
	actors  []entity.Actor
	actorOf map[entity.Member]int // an article's entity → its actor
	opts    Options
	vecs    *vectors // built on first use
}

// Build writes the briefing of one story from its analysed articles, given in story order
// (earliest first, as far as known). Copies of another article of the story (DuplicateOf,
// NearDuplicateOf) are listed as sources but their findings count once, through the original.
func Build(id string, recs []*analyze.Record, opts Options) *Briefing {
	opts.Sentences = cmp.Or(opts.Sentences, 8)
	opts.Actors = cmp.Or(opts.Actors, 12)
	if opts.IssueLabel == nil {
		opts.IssueLabel = func(k string) string { return k }
	}
	s := newStory(recs, opts)
	b := &Briefing{Story: id, Sources: s.sources()}
	b.Headline, b.HeadlineSource = s.headline()
	b.First, b.Last = s.span()
	b.Actors = s.keyActors()
	b.Issues, b.Matrix = s.matrix()
	b.Quotes = s.voices()
	b.Timeline = s.timeline()
	b.Summary = s.summary()
	b.Disagreements = s.disagreements(b.Matrix)
	b.Coverage = s.coverage()
	b.fillEmpty()
	return b
}

// Citations lists every citation of the briefing, in the order the sections show them.
func (b *Briefing) Citations() []Citation {
	var out []Citation
	for _, st := range b.Summary {
		out = append(out, st.Citations...)
	}
	for _, row := range b.Matrix {
		for _, c := range row.Cells {
			for _, e := range c.Evidence {
				out = append(out, e.Citation)
			}
		}
	}
	for _, v := range b.Quotes {
		for _, q := range v.Quotes {
			out = append(out, q.Citation)
		}
	}
	for _, m := range b.Timeline {
		out = append(out, m.Citations...)
	}
	for _, d := range b.Disagreements {
		if d.Evidence.Article != "" {
			out = append(out, d.Evidence)
		}
		for _, s := range d.Sides {
			out = append(out, s.Citation)
		}
	}
	return out
}

// Unverified returns the citations whose text is not found verbatim at their span of their
// article; texts gives the articles' texts by id. A correct briefing has none.
func (b *Briefing) Unverified(texts map[string]string) []Citation {
	var bad []Citation
	for _, c := range b.Citations() {
		t, ok := texts[c.Article]
		if !ok || c.Start < 0 || c.End > len(t) || c.Start > c.End || t[c.Start:c.End] != c.Text {
			bad = append(bad, c)
		}
	}
	return bad
}

// fillEmpty gives empty lists where there is nothing, so that JSON readers never meet null.
func (b *Briefing) fillEmpty() {
	b.Summary = nonNil(b.Summary)
	b.Actors = nonNil(b.Actors)
	b.Issues = nonNil(b.Issues)
	b.Matrix = nonNil(b.Matrix)
	b.Quotes = nonNil(b.Quotes)
	b.Timeline = nonNil(b.Timeline)
	b.Disagreements = nonNil(b.Disagreements)
	b.Coverage = nonNil(b.Coverage)
	b.Sources = nonNil(b.Sources)
	for i := range b.Summary {
		b.Summary[i].Citations = nonNil(b.Summary[i].Citations)
	}
	for i := range b.Actors {
		b.Actors[i].Roles = nonNil(b.Actors[i].Roles)
	}
	for i := range b.Timeline {
		b.Timeline[i].Actors = nonNil(b.Timeline[i].Actors)
		b.Timeline[i].Citations = nonNil(b.Timeline[i].Citations)
	}
	for i := range b.Coverage {
		b.Coverage[i].Actors = nonNil(b.Coverage[i].Actors)
		b.Coverage[i].Voices = nonNil(b.Coverage[i].Voices)
	}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func newStory(recs []*analyze.Record, opts Options) *story {
	s := &story{recs: recs, byID: make(map[string]*analyze.Record, len(recs)), opts: opts, actorOf: make(map[entity.Member]int)}
	for _, r := range recs {
		s.byID[r.ID] = r
	}
	s.orig = make([]bool, len(recs))
	s.docs = make([]*text.Doc, len(recs))
	var docs []entity.Doc
	for i, r := range recs {
		if s.copyOf(r) != "" {
			continue
		}
		s.orig[i] = true
		s.docs[i] = text.Parse(r.Text)
		ents := make([]entity.Entity, len(r.Entities))
		for j, e := range r.Entities {
			ents[j] = entity.Entity{ID: e.ID, Name: e.Name, Type: e.Type, Aliases: e.Aliases, Roles: e.Roles, Actor: e.Actor, Mentions: e.Mentions}
		}
		docs = append(docs, entity.Doc{Article: r.ID, Outlet: r.Outlet, Entities: ents})
	}
	s.actors = entity.Resolve(docs)
	for i, a := range s.actors {
		for _, m := range a.Members {
			s.actorOf[m] = i
		}
	}
	return s
}

// copyOf returns the id of the article r copies, when that article is in the story.
func (s *story) copyOf(r *analyze.Record) string {
	for _, id := range []string{r.DuplicateOf, r.NearDuplicateOf} {
		if id != "" && id != r.ID && s.byID[id] != nil {
			return id
		}
	}
	return ""
}

// originals calls f for each article that is not a copy, with its index.
func (s *story) originals() func(func(int, *analyze.Record) bool) {
	return func(yield func(int, *analyze.Record) bool) {
		for i, r := range s.recs {
			if s.orig[i] && !yield(i, r) {
				return
			}
		}
	}
}

// actor returns the story-wide actor an article's entity belongs to, or -1.
func (s *story) actor(article, entityID string) int {
	if entityID == "" {
		return -1
	}
	if i, ok := s.actorOf[entity.Member{Article: article, Entity: entityID}]; ok {
		return i
	}
	return -1
}

// actorName names an actor as the briefing shows it: the resolved actor's fullest name, or the
// name the article uses when it is no entity the article knows.
func (s *story) actorName(article string, a analyze.Actor) (name, id string) {
	if i := s.actor(article, a.Entity); i >= 0 {
		return s.actors[i].Name, s.actors[i].ID
	}
	return a.Name, ""
}

func cite(r *analyze.Record, start, end int) Citation {
	return Citation{Article: r.ID, Start: start, End: end, Text: r.Text[start:end]}
}

func (s *story) sources() []Source {
	out := make([]Source, len(s.recs))
	for i, r := range s.recs {
		out[i] = Source{ID: r.ID, Title: r.Title, Outlet: r.Outlet, URL: r.URL, Source: r.Source, Published: r.Published, CopyOf: s.copyOf(r)}
	}
	return out
}

// headline is the title of the article most like the whole story (see summary), or of the first
// article with a title.
func (s *story) headline() (string, string) {
	best, bestScore := -1, float32(-1)
	sv := s.storyVectors()
	for i, r := range s.originals() {
		if strings.TrimSpace(r.Title) == "" {
			continue
		}
		if score := sv.centroid.cosine(sv.article[i]); score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return "", ""
	}
	return s.recs[best].Title, s.recs[best].ID
}

// span returns the first and last publication dates, as the records give them.
func (s *story) span() (first, last string) {
	var lo, hi time.Time
	for _, r := range s.recs {
		t := published(r)
		if t.IsZero() {
			continue
		}
		if lo.IsZero() || t.Before(lo) {
			lo, first = t, r.Published
		}
		if t.After(hi) {
			hi, last = t, r.Published
		}
	}
	return first, last
}

// sortCounts orders counts by frequency, then name, and keeps the first n.
func sortCounts(m map[string]int, n int) []Count {
	out := make([]Count, 0, len(m))
	for k, v := range m {
		out = append(out, Count{k, v})
	}
	slices.SortFunc(out, func(a, b Count) int {
		if c := cmp.Compare(b.N, a.N); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func analyzeActor(name, entityID string) analyze.Actor {
	return analyze.Actor{Name: name, Entity: entityID}
}
