package server

import (
	"net/http"
	"time"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/store"
)

// The API's JSON shapes. Field names follow the analysis records (lowercase, snake_case); times
// are RFC 3339 or "" when unknown; lists are [] when empty, never null.

type apiStory struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	First    string   `json:"first"`
	Last     string   `json:"last"`
	Articles int      `json:"articles"`
	Copies   int      `json:"copies"`
	Outlets  []string `json:"outlets"`
	Related  []string `json:"related"`
	Updated  string   `json:"updated"`
	Activity []apiDay `json:"activity"`
}

type apiDay struct {
	Day      string `json:"day"`
	Articles int    `json:"articles"`
}

type apiArticle struct {
	ID          string `json:"id"`
	Key         string `json:"key"`
	Hash        string `json:"hash"`
	Source      string `json:"source"`
	URL         string `json:"url"`
	Outlet      string `json:"outlet"`
	Title       string `json:"title"`
	Published   string `json:"published"`
	Story       string `json:"story"`
	DuplicateOf string `json:"duplicate_of"`
	Version     int    `json:"version"`
	Previous    string `json:"previous"`
	Next        string `json:"next"`
	Added       string `json:"added"`
	Bytes       int    `json:"bytes"`
}

type apiActor struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Roles    []string `json:"roles"`
	Articles int      `json:"articles"`
	Stories  int      `json:"stories"`
	Quotes   int      `json:"quotes"`
	Mentions int      `json:"mentions"`
}

type apiQuote struct {
	analyze.Quote
	Article   string `json:"article"`
	Story     string `json:"story"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	Published string `json:"published"`
}

// Hit is a search hit as the API writes it; `dossier search --format json` writes the same.
type Hit struct {
	Kind    store.HitKind  `json:"kind"`
	Article apiArticle     `json:"article"`
	Quote   *analyze.Quote `json:"quote,omitempty"`
	Snippet []apiFragment  `json:"snippet"`
	Rank    float64        `json:"rank"`
}

type apiFragment struct {
	Text  string `json:"text"`
	Match bool   `json:"match,omitempty"`
}

// apiPosition is one of an actor's positions with the article that reports it.
type apiPosition struct {
	analyze.Position
	Article   string `json:"article"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	Published string `json:"published"`
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func toAPIStory(s store.Story) apiStory {
	out := apiStory{
		ID: s.ID, Title: s.Title, First: rfc3339(s.First), Last: rfc3339(s.Last),
		Articles: s.Articles, Copies: s.Copies, Outlets: nonNil(s.Outlets), Related: nonNil(s.Related),
		Updated: rfc3339(s.Updated), Activity: make([]apiDay, len(s.Activity)),
	}
	for i, d := range s.Activity {
		out.Activity[i] = apiDay{Day: d.Day.UTC().Format(time.DateOnly), Articles: d.Articles}
	}
	return out
}

func toAPIArticle(a store.Article) apiArticle {
	return apiArticle{
		ID: a.ID, Key: a.Key, Hash: a.Hash, Source: a.Source, URL: a.URL, Outlet: a.Outlet,
		Title: a.Title, Published: rfc3339(a.Published), Story: a.Story, DuplicateOf: a.DuplicateOf,
		Version: a.Version, Previous: a.Previous, Next: a.Next, Added: rfc3339(a.Added), Bytes: a.Bytes,
	}
}

func toAPIActor(a store.Actor) apiActor {
	return apiActor{
		ID: a.ID, Name: a.Name, Type: a.Type, Roles: nonNil(a.Roles),
		Articles: a.Articles, Stories: a.Stories, Quotes: a.Quotes, Mentions: a.Mentions,
	}
}

func toAPIQuote(q store.Quote) apiQuote {
	return apiQuote{Quote: q.Quote, Article: q.Article, Story: q.Story, Outlet: q.Outlet, Title: q.Title, Published: rfc3339(q.Published)}
}

// NewHit writes a stored search hit as the API shows it.
func NewHit(h store.Hit) Hit {
	out := Hit{Kind: h.Kind, Article: toAPIArticle(h.Article), Quote: h.Quote, Rank: h.Rank, Snippet: make([]apiFragment, len(h.Snippet))}
	for i, f := range h.Snippet {
		out.Snippet[i] = apiFragment(f)
	}
	return out
}

func mapAll[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

// activityDays is how far back a story's activity goes unless the request says otherwise.
const activityDays = 30

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) error {
	q, err := storyQuery(r)
	if err != nil {
		return err
	}
	stories, err := s.cfg.Store.Stories(r.Context(), q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"stories": mapAll(stories, toAPIStory)})
	return nil
}

func storyQuery(r *http.Request) (store.StoryQuery, error) {
	p := params{q: r.URL.Query()}
	q := store.StoryQuery{Page: p.page(), Activity: p.int("days", activityDays, 0, 366)}
	switch sort := p.str("sort"); sort {
	case "", "recent":
	case "size":
		q.BySize = true
	default:
		p.fail("sort", "want recent or size")
	}
	q.Since = p.date("since", false)
	return q, p.err
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) error {
	st, arts, err := s.story(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"story": toAPIStory(st), "articles": mapAll(arts, toAPIArticle)})
	return nil
}

// storyArticles is the most articles a story's listing shows.
const storyArticles = maxLimit

// story reads the story named by the path and its current articles.
func (s *Server) story(r *http.Request) (store.Story, []store.Article, error) {
	id := r.PathValue("id")
	st, err := s.cfg.Store.Story(r.Context(), id)
	if err != nil {
		return st, nil, err
	}
	arts, err := s.cfg.Store.Articles(r.Context(), store.ArticleQuery{Story: id, Page: store.Page{Limit: storyArticles}})
	return st, arts, err
}

func (s *Server) apiBrief(w http.ResponseWriter, r *http.Request) error {
	b, err := s.briefing(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, b)
	return nil
}

func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) error {
	p := params{q: r.URL.Query()}
	q := store.ArticleQuery{Page: p.page(), Story: p.str("story"), Outlet: p.str("outlet"), AllVersions: p.bool("versions")}
	q.From, q.To = p.dates()
	if p.err != nil {
		return p.err
	}
	arts, err := s.cfg.Store.Articles(r.Context(), q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"articles": mapAll(arts, toAPIArticle)})
	return nil
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) error {
	a, err := s.article(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"article":  toAPIArticle(a.meta),
		"record":   a.rec,
		"versions": mapAll(a.versions, toAPIArticle),
	})
	return nil
}

func (s *Server) apiActors(w http.ResponseWriter, r *http.Request) error {
	p := params{q: r.URL.Query()}
	q := store.ActorQuery{Page: p.page(), Story: p.str("story"), Type: p.str("type"), Name: p.str("name")}
	if p.err != nil {
		return p.err
	}
	actors, err := s.cfg.Store.Actors(r.Context(), q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"actors": mapAll(actors, toAPIActor)})
	return nil
}

func (s *Server) apiActor(w http.ResponseWriter, r *http.Request) error {
	a, err := s.actor(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"actor":     toAPIActor(a.Actor),
		"quotes":    mapAll(a.Quotes, toAPIQuote),
		"positions": nonNil(a.Positions),
	})
	return nil
}

func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) error {
	q, err := quoteQuery(r)
	if err != nil {
		return err
	}
	quotes, err := s.cfg.Store.Quotes(r.Context(), q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"quotes": mapAll(quotes, toAPIQuote)})
	return nil
}

func quoteQuery(r *http.Request) (store.QuoteQuery, error) {
	p := params{q: r.URL.Query()}
	q := store.QuoteQuery{
		Page: p.page(), Speaker: p.str("speaker"), Story: p.str("story"), Article: p.str("article"),
		Outlet: p.str("outlet"), Kind: p.str("kind"),
	}
	switch q.Kind {
	case "", "direct", "partial", "indirect":
	default:
		p.fail("kind", "want direct, partial or indirect")
	}
	q.From, q.To = p.dates()
	return q, p.err
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	q, err := searchQuery(r)
	if err != nil {
		return err
	}
	hits, err := s.cfg.Store.Search(r.Context(), q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": q.Query.String(), "hits": mapAll(hits, NewHit)})
	return nil
}

// searchQuery reads a search: q in the syntax store.ParseQuery reads, and its filters.
func searchQuery(r *http.Request) (store.SearchQuery, error) {
	p := params{q: r.URL.Query()}
	q := store.SearchQuery{
		Page: p.page(), Kinds: p.kinds(), Speaker: p.str("speaker"), Actor: p.str("actor"),
		Outlet: p.str("outlet"), Issue: p.str("issue"), Story: p.str("story"),
	}
	q.From, q.To = p.dates()
	if p.err != nil {
		return q, p.err
	}
	text := p.str("q")
	if text == "" {
		return q, badRequest("q: nothing to search for")
	}
	var err error
	q.Query, err = store.ParseQuery(text)
	return q, err
}
