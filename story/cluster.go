package story

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dossier-news/dossier/story/internal/terms"
)

// Article is what the clusterer reads of one article. Callers fill it from an analysis record.
type Article struct {
	// ID identifies the article; it must not be empty. Adding an ID a second time changes nothing.
	ID     string
	Source string
	URL    string
	Outlet string
	Title  string
	Text   string
	// Published is the publication time, or the zero time when it is not known: an undated
	// article is matched on its words and actors alone.
	Published time.Time
	Actors    []Actor
}

// Actor is one entity an article names.
type Actor struct {
	// ID names the actor the same way in every article. Entity IDs qualify
	// ("person:volodymyr-zelensky"); a type before a colon is ignored, because a tagger may type
	// one name differently in two articles (a country as a place in one, as an organisation that
	// acts in the other).
	ID string
	// Name is the name the article gives the actor ("Hillary Clinton"). How common its words
	// are in news tells how much sharing the actor says; IDs can be folded beyond the written
	// form and so are not looked up.
	Name string
	// Type is person, organization, location or other: people and organisations say more about
	// what a story is than the places it happens in.
	Type     string
	Mentions int
}

// Assignment is where Add put an article.
type Assignment struct {
	Story string // the story's ID
	New   bool   // the article opened the story
	// DuplicateOf is the ID of the earlier article this one copies (exactly or nearly), or "".
	// A copy joins its original's story without adding to its evidence.
	DuplicateOf string
	// Score is the article's similarity to the story it joined (its text and actors against
	// the story's, less a penalty for a date outside the story's span); for a copy, the
	// estimated Jaccard similarity of the two texts; 0 for a new story.
	Score float64
}

// Member is an article of a story as the story lists it.
type Member struct {
	ID        string
	Source    string
	URL       string
	Outlet    string
	Title     string
	Published time.Time
	// DuplicateOf is, for a copy, the article it copies.
	DuplicateOf string
}

// Story is a group of articles about one developing event or issue.
type Story struct {
	// ID is given when the story opens and never changes: "s-" and the ID of its first article.
	ID string
	// Title is the headline of the story's most central article (the one whose words are
	// closest to the story's), earliest first among equals; an article without a title offers
	// the start of its text.
	Title string
	// First and Last are the earliest and latest publication times of its articles, zero when
	// none is dated.
	First, Last time.Time
	// Articles are the story's articles in order of arrival, without copies.
	Articles []Member
	// Duplicates are copies of its articles: they count once, but their sources are kept.
	Duplicates []Member
	// Outlets are the outlets that carried the story, copies included, in order of arrival.
	Outlets []string
	// Related are stories about mostly the same actors whose words diverge: a new story
	// links to the older ones, and those link back.
	Related []string
}

// ErrNoID means an article was given without an ID.
var ErrNoID = errors.New("article has no id")

// Options configures a Clusterer. The zero value selects every default.
type Options struct {
	// Threshold is the lowest score at which an article joins a story rather than opening a
	// new one (default DefaultJoin). The score is the article's mean cosine similarity to the
	// story's articles, words and actors mixed, less a penalty for a date outside the story's.
	Threshold float64
	// Dedup configures the near-duplicate detector.
	Dedup DedupOptions
}

// Tuning of the clusterer. DefaultJoin and the weights were chosen on the development data (see
// the package doc); the sizes bound the work per article.
const (
	DefaultJoin = 0.26

	textWeight = 0.55 // share of the text similarity in the score; actors have the rest
	minText    = 0.2  // lowest text similarity at which an article may join a story

	articleTerms  = 64  // heaviest terms kept per article
	articleActors = 24  // heaviest actors kept per article
	storyTerms    = 256 // heaviest terms kept in a story's sum
	storyActors   = 64

	probeTerms   = 16  // an article's heaviest terms looked up in the index
	probeActors  = 6   // and its heaviest actors
	postTerms    = 24  // a story's heaviest terms posted in the index
	postActors   = 8   // and its heaviest actors
	postingLimit = 256 // stories kept per posting list: the latest to use the feature
	candidates   = 8   // stories scored in full per article

	// An article dated outside a story's span, by more than the slack, needs a higher score:
	// timeWeight·ln(1 + gap/week), at most maxTimePenalty, so strong evidence still joins a story
	// that runs for months.
	dateSlack      = 3 * 24 * time.Hour
	timeWeight     = 0.04
	maxTimePenalty = 0.15

	relatedActors = 0.5 // mean actor similarity at which a new story links an old one
	maxRelated    = 3
	headlineBytes = 160 // longest headline; longer ones are cut at a word
)

// Clusterer groups articles into stories as they arrive: each article joins the story it
// matches best or opens a new one, and stories already formed are never split or merged.
//
// An article is described by its words, weighted by TF-IDF, and its actors, weighted by type and
// by how rare they are. Document frequencies start from an embedded background table (counts from
// about 2,700 real news articles) and grow with every article added. A story keeps the sum of its
// articles' unit vectors, so an article's mean similarity to all of them (group-average linkage)
// takes one pass over the sum. An inverted index from each story's heaviest words and actors
// leads a new article to a few candidate stories, so the work per article does not grow with the
// number of stories. Copies found by Dedup join their original's story and count once.
//
// A Clusterer is not safe for concurrent use.
type Clusterer struct {
	threshold float64
	dedup     *Dedup
	scan      terms.Scanner

	termIDs  map[string]int32
	termDF   []int32 // background and seen document frequency by term id
	bgDocs   int
	actorIDs map[string]int32
	// actorWords holds, by actor id, the term ids of the words of its name: an actor is as
	// rare as the rarest word of its name in the background and the articles seen.
	actorWords [][]int32
	docs       int // articles seen, copies not counted

	articles []article
	byID     map[string]int32
	stories  []cluster
	byStory  map[string]int32

	termPosts  [][]int32 // story indices by term id, latest last
	actorPosts [][]int32

	// Scratch space reused across calls.
	tf      map[int32]float64
	acc     []float32
	touched []int32
	buf     vector
}

// article is what a Clusterer keeps of an added article.
type article struct {
	Member
	headline string
	story    int32
	text     vector // unit length
	score    float64
}

// cluster is a story as the Clusterer keeps it.
type cluster struct {
	id          string
	text        vector // sum of the members' unit text vectors, pruned to the heaviest terms
	actors      vector
	members     []int32
	dups        []int32
	first, last time.Time
	posted      vector // the terms and actors (actors with ids offset by actorBase) in the index
	related     []int32
}

// actorBase separates actor ids from term ids in a cluster's posted set.
const actorBase = math.MaxInt32 / 2

// NewClusterer returns an empty Clusterer configured by opts.
func NewClusterer(opts Options) (*Clusterer, error) {
	c := &Clusterer{
		threshold: opts.Threshold,
		dedup:     NewDedup(opts.Dedup),
		termIDs:   make(map[string]int32, 1<<15),
		actorIDs:  make(map[string]int32),
		byID:      make(map[string]int32),
		byStory:   make(map[string]int32),
		tf:        make(map[int32]float64),
	}
	if c.threshold <= 0 {
		c.threshold = DefaultJoin
	}
	docs, err := parseDocFreq(docFreqTable, func(term string, n int) {
		c.termDF[c.term(term)] = int32(n)
	})
	if err != nil {
		return nil, fmt.Errorf("load background document frequencies: %w", err)
	}
	c.bgDocs = docs
	return c, nil
}

// term returns the id of a term, giving it one if it is new.
func (c *Clusterer) term(t string) int32 {
	if id, ok := c.termIDs[t]; ok {
		return id
	}
	id := int32(len(c.termDF))
	c.termIDs[t] = id
	c.termDF = append(c.termDF, 0)
	c.termPosts = append(c.termPosts, nil)
	return id
}

// actor returns the id of an actor key, giving it one if it is new with the words of name (or
// of the key when name is empty).
func (c *Clusterer) actor(key, name string) int32 {
	if id, ok := c.actorIDs[key]; ok {
		return id
	}
	id := int32(len(c.actorWords))
	c.actorIDs[key] = id
	var words []int32
	if name == "" {
		name = strings.ReplaceAll(key, "-", " ")
	}
	c.scan.Each(name, func(t []byte) { words = append(words, c.term(string(t))) })
	c.actorWords = append(c.actorWords, words)
	c.actorPosts = append(c.actorPosts, nil)
	return id
}

// Add puts an article into a story and reports which. It fails only for an article without
// an ID.
func (c *Clusterer) Add(a Article) (Assignment, error) {
	if a.ID == "" {
		return Assignment{}, ErrNoID
	}
	if i, ok := c.byID[a.ID]; ok {
		return c.assignment(i), nil
	}
	self := int32(len(c.articles))
	ar := article{
		Member:   Member{ID: a.ID, Source: a.Source, URL: a.URL, Outlet: a.Outlet, Title: a.Title, Published: a.Published},
		headline: headline(a.Title, a.Text),
	}

	exact, near := c.dedup.Add(a.ID, a.Text)
	if orig := cmp.Or(exact, near.ID); orig != "" {
		if o, ok := c.byID[orig]; ok {
			ar.DuplicateOf = orig
			ar.story = c.articles[o].story
			ar.score = near.Similarity
			c.articles = append(c.articles, ar)
			c.byID[a.ID] = self
			s := &c.stories[ar.story]
			s.dups = append(s.dups, self)
			s.widen(a.Published)
			return c.assignment(self), nil
		}
	}

	c.docs++
	ar.text = c.textVector(a.Title, a.Text)
	actors := c.actorVector(a.Actors)

	best, bestScore := int32(-1), 0.0
	var related []scored
	for _, cand := range c.candidates(ar.text, actors) {
		s := &c.stories[cand]
		textSim := dot(ar.text, s.text) / float64(len(s.members))
		actorSim := 0.0
		score := textSim
		if len(actors) > 0 && len(s.actors) > 0 {
			actorSim = dot(actors, s.actors) / float64(len(s.members))
			score = textWeight*textSim + (1-textWeight)*actorSim
		}
		score -= s.timePenalty(a.Published)
		if textSim < minText {
			score = min(score, 0) // shared actors alone make a related story, not the same one
		}
		if score > bestScore || (score == bestScore && cand < best) {
			best, bestScore = cand, score
		}
		if actorSim >= relatedActors {
			related = append(related, scored{cand, actorSim})
		}
	}

	if best >= 0 && bestScore >= c.threshold {
		ar.story, ar.score = best, bestScore
	} else {
		ar.story = int32(len(c.stories))
		c.stories = append(c.stories, cluster{id: "s-" + a.ID})
		c.byStory["s-"+a.ID] = ar.story
		c.acc = append(c.acc, 0)
		slices.SortFunc(related, func(x, y scored) int { return -cmp.Compare(x.score, y.score) })
		for _, r := range related[:min(len(related), maxRelated)] {
			c.stories[ar.story].related = append(c.stories[ar.story].related, r.story)
			c.stories[r.story].related = append(c.stories[r.story].related, ar.story)
		}
	}
	c.articles = append(c.articles, ar)
	c.byID[a.ID] = self
	c.join(ar.story, self, ar.text, actors, a.Published)
	return c.assignment(self), nil
}

type scored struct {
	story int32
	score float64
}

// assignment reports where article i went.
func (c *Clusterer) assignment(i int32) Assignment {
	ar := &c.articles[i]
	s := &c.stories[ar.story]
	return Assignment{
		Story:       s.id,
		New:         ar.DuplicateOf == "" && s.members[0] == i,
		DuplicateOf: ar.DuplicateOf,
		Score:       ar.score,
	}
}

// textVector returns the unit TF-IDF vector of an article's heaviest terms. The title counts
// twice: it states what the article is about in few words. The article's terms are counted in the
// document frequencies first, so that a term seen nowhere else gets the highest weight, not an
// infinite one.
func (c *Clusterer) textVector(title, text string) vector {
	clear(c.tf)
	count := func(t []byte) {
		id, ok := c.termIDs[string(t)]
		if !ok {
			id = c.term(string(t))
		}
		c.tf[id]++
	}
	c.scan.Each(title, count)
	c.scan.Each(title, count)
	c.scan.Each(text, count)
	n := float64(c.bgDocs + c.docs)
	v := make(vector, 0, len(c.tf))
	for id, tf := range c.tf {
		c.termDF[id]++
		idf := math.Log((n + 1) / (float64(c.termDF[id]) + 1))

		if w := (1 + math.Log(tf)) * idf; w > 0 {
			v = append(v, entry{id, float32(w)})
		}
	}
	v = top(v, articleTerms)
	slices.SortFunc(v, byID)
	normalise(v)
	return slices.Clip(v)
}

// actorVector returns the unit vector of an article's actors: each weighs by its type, its
// mentions and its rarity, which is that of the rarest word of its name among the background
// and the articles seen (the name's words are in the texts, so the table that weighs words
// weighs names too). An actor whose name has no content word ("US" folds to a function word)
// is left out.
func (c *Clusterer) actorVector(actors []Actor) vector {
	clear(c.tf)
	for _, a := range actors {
		key := a.ID
		if i := strings.LastIndexByte(key, ':'); i >= 0 {
			key = key[i+1:]
		}
		if key == "" {
			continue
		}
		w := typeWeight(a.Type) * (1 + math.Log(float64(max(a.Mentions, 1))))
		id := c.actor(key, a.Name)
		c.tf[id] = max(c.tf[id], w)
	}
	n := float64(c.bgDocs + c.docs)
	v := make(vector, 0, len(c.tf))
	for id, w := range c.tf {
		words := c.actorWords[id]
		if len(words) == 0 {
			continue
		}
		df := c.termDF[words[0]]
		for _, t := range words[1:] {
			df = min(df, c.termDF[t])
		}
		idf := math.Log((n + 1) / (float64(df) + 1))
		v = append(v, entry{id, float32(w * idf)})
	}
	v = top(v, articleActors)
	slices.SortFunc(v, byID)
	normalise(v)
	return slices.Clip(v)
}

// typeWeight says how much an actor of a type tells what a story is about: the same people and
// organisations recur in one story, while places and nationalities are shared by many.
func typeWeight(typ string) float64 {
	switch typ {
	case "person":
		return 1
	case "organization":
		return 0.8
	case "location":
		return 0.4
	default:
		return 0.25
	}
}

// candidates returns the stories most likely to match an article: those sharing its heaviest
// terms and actors in the index, ranked by the summed weight of what they share.
func (c *Clusterer) candidates(text, actors vector) []int32 {
	for _, i := range c.touched {
		c.acc[i] = 0
	}
	c.touched = c.touched[:0]
	probe := func(v vector, k int, posts [][]int32) {
		c.buf = append(c.buf[:0], v...)
		for _, e := range top(c.buf, k) {
			for _, s := range posts[e.id] {
				if c.acc[s] == 0 {
					c.touched = append(c.touched, s)
				}
				c.acc[s] += e.w
			}
		}
	}
	probe(text, probeTerms, c.termPosts)
	probe(actors, probeActors, c.actorPosts)
	slices.SortFunc(c.touched, func(a, b int32) int {
		if d := cmp.Compare(c.acc[b], c.acc[a]); d != 0 {
			return d
		}
		return int(a - b)
	})
	return c.touched[:min(len(c.touched), candidates)]
}

// join adds an article's vectors to story si and posts the story's new heaviest features.
func (c *Clusterer) join(si, art int32, text, actors vector, published time.Time) {
	s := &c.stories[si]
	s.members = append(s.members, art)
	s.widen(published)
	s.text = prune(addInto(make(vector, 0, len(s.text)+len(text)), s.text, text), storyTerms)
	s.actors = prune(addInto(make(vector, 0, len(s.actors)+len(actors)), s.actors, actors), storyActors)

	c.buf = append(c.buf[:0], s.text...)
	want := slices.Clone(top(c.buf, postTerms))
	c.buf = append(c.buf[:0], s.actors...)
	for _, e := range top(c.buf, postActors) {
		want = append(want, entry{e.id + actorBase, e.w})
	}
	slices.SortFunc(want, byID)
	i := 0
	for _, e := range want {
		for i < len(s.posted) && s.posted[i].id < e.id {
			i++
		}
		if i < len(s.posted) && s.posted[i].id == e.id {
			continue
		}
		if e.id >= actorBase {
			c.actorPosts[e.id-actorBase] = post(c.actorPosts[e.id-actorBase], si)
		} else {
			c.termPosts[e.id] = post(c.termPosts[e.id], si)
		}
	}
	s.posted = want
}

// post appends story s to a posting list, dropping the older half when the list is full: a
// feature that many stories share is little evidence, and the recent ones are the likely matches.
func post(list []int32, s int32) []int32 {
	if len(list) >= 2*postingLimit {
		list = append(list[:0:0], list[len(list)-postingLimit:]...)
	}
	return append(list, s)
}

// prune keeps a story's sum to its k heaviest features once it has grown to twice that, so that a
// long story's vector stays small while its light features can still grow into the top.
func prune(v vector, k int) vector {
	if len(v) < 2*k {
		return v
	}
	return slices.Clip(top(v, k))
}

// widen extends the story's span to include t.
func (s *cluster) widen(t time.Time) {
	if t.IsZero() {
		return
	}
	if s.first.IsZero() || t.Before(s.first) {
		s.first = t
	}
	if s.last.IsZero() || t.After(s.last) {
		s.last = t
	}
}

// timePenalty is how much higher an article dated t must score to join the story: nothing within
// the story's span (with some slack) or when either has no date, and growing slowly with the gap.
func (s *cluster) timePenalty(t time.Time) float64 {
	if t.IsZero() || s.first.IsZero() {
		return 0
	}
	var gap time.Duration
	switch {
	case t.Before(s.first):
		gap = s.first.Sub(t)
	case t.After(s.last):
		gap = t.Sub(s.last)
	}
	gap -= dateSlack
	if gap <= 0 {
		return 0
	}
	week := float64(7 * 24 * time.Hour)
	return min(maxTimePenalty, timeWeight*math.Log1p(float64(gap)/week))
}

// StoryOf returns the ID of the story that holds the article, and whether the article was added.
func (c *Clusterer) StoryOf(articleID string) (string, bool) {
	i, ok := c.byID[articleID]
	if !ok {
		return "", false
	}
	return c.stories[c.articles[i].story].id, true
}

// Story returns the story with the given ID, and whether there is one.
func (c *Clusterer) Story(id string) (Story, bool) {
	i, ok := c.byStory[id]
	if !ok {
		return Story{}, false
	}
	return c.view(i), true
}

// Stories returns every story in the order they opened.
func (c *Clusterer) Stories() []Story {
	out := make([]Story, len(c.stories))
	for i := range c.stories {
		out[i] = c.view(int32(i))
	}
	return out
}

// Len returns the number of stories.
func (c *Clusterer) Len() int { return len(c.stories) }

func (c *Clusterer) view(si int32) Story {
	s := &c.stories[si]
	st := Story{ID: s.id, First: s.first, Last: s.last, Title: c.title(s)}
	seen := map[string]bool{}
	outlet := func(o string) {
		if o != "" && !seen[o] {
			seen[o] = true
			st.Outlets = append(st.Outlets, o)
		}
	}
	// Copies arrive after their originals, so merging the two lists by arrival keeps outlets in
	// the order they first carried the story.
	i, j := 0, 0
	for i < len(s.members) || j < len(s.dups) {
		if j == len(s.dups) || (i < len(s.members) && s.members[i] < s.dups[j]) {
			m := c.articles[s.members[i]].Member
			st.Articles = append(st.Articles, m)
			outlet(m.Outlet)
			i++
		} else {
			m := c.articles[s.dups[j]].Member
			st.Duplicates = append(st.Duplicates, m)
			outlet(m.Outlet)
			j++
		}
	}
	for _, r := range s.related {
		st.Related = append(st.Related, c.stories[r].id)
	}
	return st
}

// title returns the headline of the story's most central article, preferring articles with a
// title of their own; among equals, the earliest published, then the first to arrive.
func (c *Clusterer) title(s *cluster) string {
	var best *article
	bestSim := 0.0
	for _, m := range s.members {
		a := &c.articles[m]
		if a.headline == "" {
			continue
		}
		sim := dot(a.text, s.text)
		if best == nil || better(a, sim, best, bestSim) {
			best, bestSim = a, sim
		}
	}
	if best == nil {
		return ""
	}
	return best.headline
}

// better reports whether article a, with centrality sa, makes a better title than b with sb.
func better(a *article, sa float64, b *article, sb float64) bool {
	if (a.Title != "") != (b.Title != "") {
		return a.Title != ""
	}
	const tie = 1e-9
	if math.Abs(sa-sb) > tie {
		return sa > sb
	}
	if !a.Published.Equal(b.Published) && !a.Published.IsZero() && !b.Published.IsZero() {
		return a.Published.Before(b.Published)
	}
	return false // b arrived first
}

// headline returns the title, or failing that the first line of the text, with spacing
// collapsed, invalid UTF-8 replaced, and anything past headlineBytes cut at a word boundary (a
// title that long is usually a headline run together with its subheading).
func headline(title, text string) string {
	line := strings.Join(strings.Fields(title), " ")
	if line == "" {
		line, _, _ = strings.Cut(strings.TrimSpace(text), "\n")
		line = strings.Join(strings.Fields(line), " ")
	}
	line = strings.ToValidUTF8(line, "\uFFFD")
	if len(line) <= headlineBytes {
		return line
	}
	cut := strings.LastIndexByte(line[:headlineBytes], ' ')
	if cut <= 0 {
		cut = headlineBytes
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
	}
	return strings.TrimRight(line[:cut], " ,;:-") + "…"
}
