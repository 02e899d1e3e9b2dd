package server

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/brief"
	"github.com/dossier-news/dossier/store"
)

// What the API and the pages both read: a story's briefing, an article with its versions, an
// actor with its quotes and positions.

// briefing builds a story's briefing from its stored records, as `dossier brief` does from
// files. A briefing is kept until an article joins its story: a story of a few hundred articles
// takes a tenth of a second or more to brief, and it is read far more often than it changes.
func (s *Server) briefing(ctx context.Context, id string) (*brief.Briefing, error) {
	st, err := s.cfg.Store.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	version := briefVersion{st.Updated, st.Articles, st.Copies}
	if b, ok := s.briefs.get(id, version); ok {
		return b, nil
	}
	recs, err := s.cfg.Store.Records(ctx, id)
	if err != nil {
		return nil, err
	}
	b := brief.Build(id, recs, s.cfg.Brief)
	s.briefs.put(id, version, b)
	return b, nil
}

// briefVersion is what changes when an article joins a story.
type briefVersion struct {
	updated          time.Time
	articles, copies int
}

// briefCache keeps the briefings of the stories read last, each with the story version it was
// built from. Briefings are not changed once built, so readers share them.
type briefCache struct {
	mu    sync.Mutex
	max   int
	order []string // least recently used first
	m     map[string]cachedBrief
}

type cachedBrief struct {
	version briefVersion
	b       *brief.Briefing
}

func (c *briefCache) get(id string, v briefVersion) (*brief.Briefing, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[id]
	if !ok || e.version != v {
		return nil, false
	}
	c.touch(id)
	return e.b, true
}

func (c *briefCache) put(id string, v briefVersion, b *brief.Briefing) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[string]cachedBrief)
	}
	c.m[id] = cachedBrief{v, b}
	c.touch(id)
	for len(c.order) > c.max {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
}

// touch moves id to the most recently used end.
func (c *briefCache) touch(id string) {
	if i := slices.Index(c.order, id); i >= 0 {
		c.order = slices.Delete(c.order, i, i+1)
	}
	c.order = append(c.order, id)
}

// storedArticle is an article's record with what the store knows of it besides.
type storedArticle struct {
	meta     store.Article
	rec      *analyze.Record
	versions []store.Article
}

func (s *Server) article(ctx context.Context, id string) (storedArticle, error) {
	rec, err := s.cfg.Store.Article(ctx, id)
	if err != nil {
		return storedArticle{}, err
	}
	versions, err := s.cfg.Store.Versions(ctx, id)
	if err != nil {
		return storedArticle{}, err
	}
	a := storedArticle{rec: rec, versions: versions}
	if i := slices.IndexFunc(versions, func(v store.Article) bool { return v.ID == id }); i >= 0 {
		a.meta = versions[i]
	} else {
		a.meta = store.Article{ID: rec.ID, Hash: rec.Hash, Source: rec.Source, URL: rec.URL, Outlet: rec.Outlet, Title: rec.Title, Key: store.Key(rec), Bytes: len(rec.Text)}
	}
	return a, nil
}

// actorData is an actor with what it said and the positions it took.
type actorData struct {
	store.Actor
	Quotes    []store.Quote
	Positions []apiPosition
	// Chart draws the positions over time, for the page.
	Chart *stanceChart
}

// Bounds on what an actor's page reads.
const (
	actorQuotes   = 200
	actorArticles = 100
)

// actor gathers an actor: its summary, its latest quotes, and its positions, oldest first, in
// the articles that quote it or name it.
func (s *Server) actor(ctx context.Context, id string) (actorData, error) {
	quotes, err := s.cfg.Store.Quotes(ctx, store.QuoteQuery{Speaker: id, Page: store.Page{Limit: actorQuotes}})
	if err != nil {
		return actorData{}, err
	}
	a, err := s.findActor(ctx, id, quotes)
	if err != nil {
		return actorData{}, err
	}
	d := actorData{Actor: a, Quotes: quotes}
	if d.Positions, err = s.positions(ctx, a, quotes); err != nil {
		return d, err
	}
	d.Chart = positionsChart(d.Positions)
	return d, nil
}

// actorKey is an entity ID without its type: the store sums actors by it, since a tagger may
// type one name differently in two articles.
func actorKey(id string) string {
	_, key, ok := strings.Cut(id, ":")
	if !ok {
		return id
	}
	return key
}

// findActor looks an actor up by ID. The store lists actors by name, not by ID, so the lookup
// asks for each word of the names the ID was made from and the names its quotes give, and
// keeps the actor whose ID is the one asked for. An actor no listing shows but who is quoted
// is still known from its quotes.
func (s *Server) findActor(ctx context.Context, id string, quotes []store.Quote) (store.Actor, error) {
	key := actorKey(id)
	var words []string
	for w := range strings.SplitSeq(key, "-") {
		words = append(words, w)
	}
	for _, q := range quotes {
		words = append(words, strings.Fields(q.Speaker.Name)...)
	}
	// Longer words are rarer, so their listings are shorter and likelier to hold the actor.
	slices.SortStableFunc(words, func(a, b string) int { return cmp.Compare(utf8.RuneCountInString(b), utf8.RuneCountInString(a)) })
	words = slices.Compact(words)
	const tries = 4
	for i, w := range words {
		if i == tries || utf8.RuneCountInString(w) < 2 {
			break
		}
		actors, err := s.cfg.Store.Actors(ctx, store.ActorQuery{Name: w, Page: store.Page{Limit: maxLimit}})
		if err != nil {
			return store.Actor{}, err
		}
		for _, a := range actors {
			if a.ID == id || actorKey(a.ID) == key {
				return a, nil
			}
		}
	}
	if len(quotes) == 0 {
		return store.Actor{}, fmt.Errorf("actor %s: %w", id, store.ErrNotFound)
	}
	a := store.Actor{ID: id, Name: quotes[0].Speaker.Name, Type: strings.TrimSuffix(id, ":"+key), Quotes: len(quotes)}
	for _, q := range quotes {
		if q.Speaker.Role != "" && !slices.Contains(a.Roles, q.Speaker.Role) {
			a.Roles = append(a.Roles, q.Speaker.Role)
		}
	}
	return a, nil
}

// positions reads the actor's positions in the articles that quote it and in those a search for
// its name finds among the articles that name it, oldest article first.
func (s *Server) positions(ctx context.Context, a store.Actor, quotes []store.Quote) ([]apiPosition, error) {
	var ids []string
	for _, q := range quotes {
		ids = append(ids, q.Article)
	}
	if q := nameQuery(a.Name); !q.IsZero() {
		hits, err := s.cfg.Store.Search(ctx, store.SearchQuery{
			Query: q, Actor: a.ID, Kinds: []store.HitKind{store.HitArticle}, Page: store.Page{Limit: actorArticles},
		})
		if err != nil {
			return nil, err
		}
		for _, h := range hits {
			ids = append(ids, h.Article.ID)
		}
	}
	seen := make(map[string]bool)
	key := actorKey(a.ID)
	var out []apiPosition
	for _, id := range ids {
		if seen[id] || len(seen) == actorArticles {
			continue
		}
		seen[id] = true
		rec, err := s.cfg.Store.Article(ctx, id)
		if err != nil {
			return nil, err
		}
		for _, p := range rec.Positions {
			if p.Actor.Entity != "" && actorKey(p.Actor.Entity) == key {
				out = append(out, apiPosition{Position: p, Article: rec.ID, Outlet: rec.Outlet, Title: rec.Title, Published: rec.Published})
			}
		}
	}
	slices.SortStableFunc(out, func(x, y apiPosition) int {
		// Undated articles go last: they cannot be placed in time.
		return cmp.Or(cmp.Compare(undated(x.Published), undated(y.Published)), cmp.Compare(x.Published, y.Published),
			cmp.Compare(x.Article, y.Article), cmp.Compare(x.Evidence.Start, y.Evidence.Start))
	})
	return out, nil
}

// nameQuery finds articles with any word of a name longer than two letters.
func nameQuery(name string) store.Query {
	var words []string
	for w := range strings.FieldsFuncSeq(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) > 2 {
			words = append(words, `"`+w+`"`)
		}
	}
	q, err := store.ParseQuery(strings.Join(words, " OR "))
	if err != nil {
		return store.Query{} // no word long enough to look for
	}
	return q
}

func undated(published string) int {
	if published == "" {
		return 1
	}
	return 0
}
