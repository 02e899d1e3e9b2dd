package server

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/brief"
	"github.com/dossier-news/dossier/store"
)

// storiesView is the story list.
type storiesView struct {
	Stories    []storyRow
	BySize     bool
	Prev, Next string
}

type storyRow struct {
	store.Story
	Spark *spark
}

// storiesPerPage is the length of a page of the story list.
const storiesPerPage = 50

func (s *Server) storiesPage(w http.ResponseWriter, r *http.Request) error {
	p := params{q: r.URL.Query()}
	n := p.int("page", 1, 1, maxOffset/storiesPerPage)
	bySize := p.str("sort") == "size"
	if p.err != nil {
		return p.err
	}
	stories, err := s.cfg.Store.Stories(r.Context(), store.StoryQuery{
		Page:   store.Page{Limit: storiesPerPage + 1, Offset: (n - 1) * storiesPerPage},
		BySize: bySize, Activity: activityDays,
	})
	if err != nil {
		return err
	}
	v := storiesView{BySize: bySize}
	link := func(page int) string {
		q := url.Values{"page": {strconv.Itoa(page)}}
		if bySize {
			q.Set("sort", "size")
		}
		return "/?" + q.Encode()
	}
	if len(stories) > storiesPerPage {
		stories, v.Next = stories[:storiesPerPage], link(n+1)
	}
	if n > 1 {
		v.Prev = link(n - 1)
	}
	for _, st := range stories {
		// An article whose outlet is not known adds no name to the list of outlets.
		st.Outlets = slices.DeleteFunc(slices.Clone(st.Outlets), func(o string) bool { return o == "" })
		v.Stories = append(v.Stories, storyRow{Story: st, Spark: sparkline(st.Activity)})
	}
	return s.render(w, http.StatusOK, "stories", layout{Title: "Stories", Body: v})
}

// storyView is a story's briefing as a page. Citations are numbered in the order the briefing
// lists them, which is the order the page shows its sections in, and each opens its article
// with the cited words marked.
type storyView struct {
	*brief.Briefing
	Story    store.Story
	Timeline *timeline
	notes    map[brief.Citation]int
	list     []brief.Citation
	sources  map[string]brief.Source
}

func newStoryView(st store.Story, b *brief.Briefing) *storyView {
	v := &storyView{Briefing: b, Story: st, Timeline: timelineChart(b.Timeline), notes: map[brief.Citation]int{}, sources: map[string]brief.Source{}}
	for _, c := range b.Citations() {
		if _, ok := v.notes[c]; !ok {
			v.list = append(v.list, c)
			v.notes[c] = len(v.list)
		}
	}
	for _, src := range b.Sources {
		v.sources[src.ID] = src
	}
	return v
}

// Cite is where a citation leads: its article with the cited span marked.
func (v *storyView) Cite(c brief.Citation) string { return spanURL(c.Article, c.Start, c.End) }

// note is a citation's link as the page shows it.
type note struct {
	URL   string
	N     int
	Title string
}

// Note is how the page shows a citation: its number, linking to the cited words.
func (v *storyView) Note(c brief.Citation) note {
	src := v.sources[c.Article]
	return note{URL: v.Cite(c), N: v.notes[c], Title: cmp.Or(src.Outlet, "(outlet unknown)") + " — " + cmp.Or(src.Title, src.Source)}
}

// Notes are the citations in note order.
func (v *storyView) Notes() []brief.Citation { return v.list }

// Source is the article a citation cites.
func (v *storyView) Source(id string) brief.Source { return v.sources[id] }

// Cell is a row's cell under an issue, nil where the actor takes no stance on it.
func (v *storyView) Cell(row brief.Row, issue string) *brief.Cell {
	c, ok := row.Cell(issue)
	if !ok {
		return nil
	}
	return &c
}

func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	st, err := s.cfg.Store.Story(r.Context(), id)
	if err != nil {
		return err
	}
	b, err := s.briefing(r.Context(), id)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "story", layout{Title: cmp.Or(b.Headline, st.Title, "Untitled story"), Body: newStoryView(st, b)})
}

// articleView is an article's text, with one span marked when a citation asked for it.
type articleView struct {
	Meta     store.Article
	Rec      *analyze.Record
	Versions []store.Article
	Paras    []para
	// Cited is the marked span's text; BadSpan says the span asked for is not in this text.
	Cited   string
	BadSpan bool
}

// segment is a run of a paragraph, marked or not; the first marked run carries the anchor a
// citation scrolls to.
type segment struct {
	Text   string
	Mark   bool
	Anchor bool
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) error {
	a, err := s.article(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	v := articleView{Meta: a.meta, Rec: a.rec, Versions: a.versions}
	start, end, asked, err := span(r, a.rec.Text)
	if err != nil {
		return err
	}
	v.BadSpan = asked && start < 0
	if start >= 0 {
		v.Cited = a.rec.Text[start:end]
	}
	v.Paras = paragraphs(a.rec.Text, a.rec.Headings, start, end)
	return s.render(w, http.StatusOK, "article", layout{Title: cmp.Or(a.rec.Title, a.rec.Source), Body: v})
}

// span reads the span to mark, s and e, as byte offsets into text. A span that does not fit
// the text (a citation of an earlier version, a hand-edited link) or cuts a character in two
// is reported with start -1, so the page shows the article and says the span was not found.
func span(r *http.Request, text string) (start, end int, asked bool, err error) {
	q := r.URL.Query()
	if q.Get("s") == "" && q.Get("e") == "" {
		return -1, -1, false, nil
	}
	start, err1 := strconv.Atoi(q.Get("s"))
	end, err2 := strconv.Atoi(q.Get("e"))
	if err1 != nil || err2 != nil {
		return -1, -1, true, badRequest("s and e: want the byte offsets of a span of the text")
	}
	if start < 0 || end <= start || end > len(text) || !utf8.RuneStart(text[start]) || (end < len(text) && !utf8.RuneStart(text[end])) {
		return -1, -1, true, nil
	}
	return start, end, true, nil
}

// para is a paragraph of an article: its runs, and whether it is a section heading.
type para struct {
	Segs    []segment
	Heading bool
}

// paragraphs cuts text at its blank lines and marks [start, end) where start >= 0; a span
// over several paragraphs is marked in each, and anchored at its start.
func paragraphs(text string, headings []dossier.Heading, start, end int) []para {
	isHeading := make(map[int]bool, len(headings))
	for _, h := range headings {
		isHeading[h.Start] = true
	}
	var out []para
	pos := 0
	for p := range strings.SplitSeq(text, "\n\n") {
		lo, hi := pos, pos+len(p)
		pos = hi + 2
		if strings.TrimSpace(p) == "" {
			continue
		}
		pa := para{Heading: isHeading[lo]}
		if start < 0 || end <= lo || start >= hi {
			pa.Segs = []segment{{Text: p}}
			out = append(out, pa)
			continue
		}
		a, b := max(start, lo), min(end, hi)
		if a > lo {
			pa.Segs = append(pa.Segs, segment{Text: text[lo:a]})
		}
		pa.Segs = append(pa.Segs, segment{Text: text[a:b], Mark: true, Anchor: a == start})
		if b < hi {
			pa.Segs = append(pa.Segs, segment{Text: text[b:hi]})
		}
		out = append(out, pa)
	}
	return out
}

// actorView is an actor's page: its data with its quotes grouped, so that a quote carried by
// several articles (a wire story and its reprints) shows once with every article that has it.
type actorView struct {
	actorData
	Said []quoteGroup
}

type quoteGroup struct {
	store.Quote
	Also []store.Quote
}

func (s *Server) actorPage(w http.ResponseWriter, r *http.Request) error {
	a, err := s.actor(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	v := actorView{actorData: a}
	byText := map[string]int{}
	for _, q := range a.Quotes {
		key := strings.Join(strings.Fields(q.Text), " ")
		if i, ok := byText[key]; ok {
			v.Said[i].Also = append(v.Said[i].Also, q)
			continue
		}
		byText[key] = len(v.Said)
		v.Said = append(v.Said, quoteGroup{Quote: q})
	}
	return s.render(w, http.StatusOK, "actor", layout{Title: a.Name, Body: v})
}

// searchView is the search form with what it found.
type searchView struct {
	Q, Speaker, Actor, Outlet, Issue, From, To, Kind string
	Searched                                         bool
	Problem                                          string
	Hits                                             []store.Hit
	Prev, Next                                       string
}

// searchPerPage is the length of a page of search results.
const searchPerPage = 25

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	v := searchView{
		Q: q.Get("q"), Speaker: q.Get("speaker"), Actor: q.Get("actor"), Outlet: q.Get("outlet"),
		Issue: q.Get("issue"), From: q.Get("from"), To: q.Get("to"), Kind: q.Get("kind"),
	}
	l := layout{Title: "Search", Query: v.Q, Body: &v}
	if strings.TrimSpace(v.Q) == "" {
		return s.render(w, http.StatusOK, "search", l)
	}
	v.Searched = true
	l.Title = "Search: " + v.Q
	p := params{q: q}
	n := p.int("page", 1, 1, maxOffset/searchPerPage)
	sq, err := searchQuery(r)
	if err == nil {
		err = p.err
	}
	if err != nil {
		// A query the user can fix is shown with the form, not as an error page.
		if status(err) != http.StatusBadRequest {
			return err
		}
		v.Problem = err.Error()
		return s.render(w, http.StatusBadRequest, "search", l)
	}
	sq.Page = store.Page{Limit: searchPerPage + 1, Offset: (n - 1) * searchPerPage}
	hits, err := s.cfg.Store.Search(r.Context(), sq)
	if err != nil {
		return err
	}
	link := func(page int) string {
		c := url.Values{}
		for k, vs := range q {
			c[k] = vs
		}
		c.Set("page", strconv.Itoa(page))
		return "/search?" + c.Encode()
	}
	if len(hits) > searchPerPage {
		hits, v.Next = hits[:searchPerPage], link(n+1)
	}
	if n > 1 {
		v.Prev = link(n - 1)
	}
	v.Hits = hits
	return s.render(w, http.StatusOK, "search", l)
}
