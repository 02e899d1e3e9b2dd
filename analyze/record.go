package analyze

import (
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/event"
	"github.com/dossier-news/dossier/position"
	"github.com/dossier-news/dossier/quote"
	"github.com/dossier-news/dossier/text"
	"github.com/dossier-news/dossier/timex"
)

// Record is one article as `dossier analyze` writes it. Unknown values are empty strings or empty
// lists, never null, so that consumers need no null checks.
type Record struct {
	ID        string            `json:"id"`
	Source    string            `json:"source"`
	URL       string            `json:"url"`
	Outlet    string            `json:"outlet"`
	Byline    string            `json:"byline"`
	Title     string            `json:"title"`
	Subtitle  string            `json:"subtitle"`
	Published string            `json:"published"` // RFC 3339, or "" when the source gives no date
	Lang      string            `json:"lang"`
	Text      string            `json:"text"`
	Headings  []dossier.Heading `json:"headings"`
	Removed   []string          `json:"removed"`
	// Hash is the hex SHA-256 of Text: equal hashes are exact duplicates.
	Hash string `json:"hash"`
	// DuplicateOf is the id of an earlier article in the run with the same Text.
	DuplicateOf string `json:"duplicate_of"`
	// NearDuplicateOf is the id of the earlier article this one copies with light edits (syndicated
	// wire copy, a reprint), and Similarity their estimated Jaccard similarity.
	NearDuplicateOf string  `json:"near_duplicate_of"`
	Similarity      float64 `json:"similarity"`

	Entities  []Entity   `json:"entities"`
	Quotes    []Quote    `json:"quotes"`
	Positions []Position `json:"positions"`
	Events    []Event    `json:"events"`
	Times     []Time     `json:"times"`
}

// Entity is an actor found in the text with every mention of it.
type Entity struct {
	ID       string         `json:"id"`
	Name     string         `json:"name"`
	Type     string         `json:"type"` // person, organization, location or other
	Aliases  []string       `json:"aliases"`
	Roles    []string       `json:"roles"`
	Actor    string         `json:"actor"` // what a metonym stands for ("Russia's leadership"), or ""
	Mentions []dossier.Span `json:"mentions"`
}

// Quote is a direct, partial or indirect quote with its speaker.
type Quote struct {
	Text    string  `json:"text"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Kind    string  `json:"kind"` // direct, partial or indirect
	Speaker Speaker `json:"speaker"`
	// Joint lists the other speakers of a quote said by several at once ("Baerbock and Braže
	// both insisted"); Speaker is the first.
	Joint []Speaker `json:"joint"`
	Cue   string    `json:"cue"`
	// Evidence is the sentence, or sentences, that hold the quote and its attribution.
	Evidence Evidence `json:"evidence"`
}

// Speaker names who said a quote, as the article shows them.
type Speaker struct {
	Name   string `json:"name"`
	Entity string `json:"entity"`
	Role   string `json:"role"`
	Medium string `json:"medium"` // where it was said: "on social media", "the BBC"
}

// Actor and Evidence are the shared types of the same names.
type (
	Actor    = dossier.Actor
	Evidence = dossier.Evidence
)

// Position is an actor's stance on an issue with its evidence; package position defines it.
type Position = position.Position

// Event and When are the event package's types: an event with its type, summary, actors, time,
// place, status and evidence.
type (
	Event = event.Event
	When  = event.When
)

// Time is a temporal expression with its TIMEX3 type and value.
type Time struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Mod   string `json:"mod"`
}

// New assembles the record of an article with the default analysers.
func New(a *dossier.Article) *Record {
	var z Analyzer
	return z.Analyze(a)
}

// Analyzer runs the analysers over articles. The zero value uses the embedded defaults; Positions
// sets a position extractor of one's own (a taxonomy extended or replaced from a file).
type Analyzer struct {
	Positions *position.Extractor
}

// Analyze assembles the record of an article: it parses the text once and runs each analyser over
// it, the later ones (positions, events) reading what the earlier ones found.
func (z *Analyzer) Analyze(a *dossier.Article) *Record {
	in := &analysis{
		article:  a,
		doc:      text.Parse(a.Text),
		entities: findEntities(a),
		times:    tagTimes(a),
	}
	var qx quote.Extractor
	in.quotes = qx.Extract(in.doc, a.Headings)
	r := &Record{
		ID:        a.ID,
		Source:    a.Source,
		URL:       a.URL,
		Outlet:    a.Outlet,
		Byline:    a.Byline,
		Title:     a.Title,
		Subtitle:  a.Subtitle,
		Lang:      a.Lang,
		Text:      a.Text,
		Hash:      a.Hash,
		Headings:  nonNil(a.Headings),
		Removed:   nonNil(a.Removed),
		Entities:  entities(in.entities),
		Positions: positions(in, z.Positions),
		Events:    events(in),
		Times:     times(in.times),
	}
	r.Quotes = quotes(a, in.quotes, r.Entities)
	if !a.Published.IsZero() {
		r.Published = a.Published.Format(time.RFC3339)
	}
	return r
}

// analysis is what the analysers found in one article, for the analysers that build on it.
type analysis struct {
	article  *dossier.Article
	doc      *text.Doc
	entities []entity.Entity
	quotes   []quote.Quote
	times    []timex.Expr
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
