package event

import (
	"fmt"
	"sync"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/text"
	"github.com/dossier-news/dossier/timex"
)

// Event is something an article reports as done, said or planned at a time, with who took part.
// It is the record's "events" entry.
type Event struct {
	// Type is what kind of event it is: call, meeting, summit, talks, statement, attack,
	// agreement, visit, sanctions, election, protest, resignation, appointment, arrest, ruling or
	// proposal (the types of the lexicon).
	Type string `json:"type"`
	// Summary is the clause that reports the event, verbatim or trimmed around its trigger.
	Summary string          `json:"summary"`
	Actors  []dossier.Actor `json:"actors"`
	When    When            `json:"when"`
	// Evidence is the sentence that reports the event.
	Evidence dossier.Evidence `json:"evidence"`
	// Trigger is the word or phrase that names the event, as written ("phone call", "met").
	Trigger string `json:"trigger"`
	// Place is where it took place, as written after "in", "at" (or "to" for a visit): "Alaska",
	// "NATO headquarters in Brussels"; "" when the clause names none.
	Place string `json:"place"`
	// Status is happened, planned (will meet, agreed to hold talks), possible (would relish a
	// summit, any deal) or reported (reportedly, according to, claimed).
	Status string `json:"status"`
	// Offset estimates how many days the event lies from the article's present (its publication
	// date when known): -7 for "last week", -2 for a past Monday read in a Wednesday's article,
	// +1 for "tomorrow", 0 when the text gives no cue. It orders events whose dates stay open;
	// see the package documentation for how it is read.
	Offset float64 `json:"offset"`
}

// Statuses of an event.
const (
	Happened = "happened"
	Planned  = "planned"
	Possible = "possible"
	Reported = "reported"
)

// Extractor finds events with a lexicon of triggers and cue words. It is safe for concurrent use.
type Extractor struct {
	lx *lexicon
}

// New returns an Extractor with the package's embedded lexicon (lexicon.txt).
func New() (*Extractor, error) {
	lx, err := parseLexicon(lexiconFile)
	if err != nil {
		return nil, fmt.Errorf("load event lexicon: %w", err)
	}
	return &Extractor{lx: lx}, nil
}

// Default returns the Extractor with the embedded lexicon, parsed on first use and shared.
func Default() (*Extractor, error) { return defaultExtractor() }

var defaultExtractor = sync.OnceValues(New)

// Extract finds the events of an article with the default Extractor. The lexicon is embedded and
// checked by the package's tests, so failing to load it means a broken build: Extract panics then.
func Extract(doc *text.Doc, ents []entity.Entity, times []timex.Expr, published time.Time) []Event {
	x, err := Default()
	if err != nil {
		panic(err)
	}
	return x.Extract(doc, ents, times, published)
}
