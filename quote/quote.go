package quote

import (
	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/text"
)

// Kind says how a quote is given.
type Kind string

// Quote kinds.
const (
	// Direct is a full quoted sentence or more.
	Direct Kind = "direct"
	// Partial is reported speech that quotes some of its words: Macron called Putin “a predator”.
	Partial Kind = "partial"
	// Indirect is reported speech without quote marks: X said that …; according to X, ….
	Indirect Kind = "indirect"
)

// Quote is something an article reports someone saying.
type Quote struct {
	// Span is what was said: the words inside the quote marks for a direct quote, the reported
	// clause for an indirect or partial one.
	dossier.Span
	Kind Kind
	// Cue is the verb or phrase of saying ("said", "according to"); empty when the article gives
	// none, as for a quote that goes on from the one before.
	Cue dossier.Span
	// Speakers says who said it: one speaker, or several for a joint quote ("Baerbock and Braže
	// both insisted"); empty when the article names nobody.
	Speakers []Speaker
	// Evidence is the sentence, or run of sentences, that holds the quote and its attribution.
	Evidence dossier.Span
}

// Speaker is who said a quote, as the article shows them.
type Speaker struct {
	// Name is the name to show: a person's fullest form in the article ("Tatiana Stanovaya" for a
	// later "Stanovaya"), or the institution, document or description as written ("Kremlin",
	// "Russian readout", "Downing Street spokesperson"), without a leading article.
	Name string
	// Role is the role or title the article gives ("Kremlin spokesman", "senior fellow at the
	// Carnegie Russia Eurasia Center in Berlin").
	Role string
	// Medium is where it was said when the article tells: "on social media", "the BBC".
	Medium string
	// Entity is the id of the speaker's entity when the names came from an entity recogniser.
	Entity string
	// Mention is where the attribution names the speaker (a name, pronoun or description).
	Mention dossier.Span
}

// Mention is a name an entity recogniser found in a text.
type Mention struct {
	dossier.Span
	// Entity identifies the entity the mention refers to; mentions of one entity share it.
	Entity string
	// Name is the entity's name as it should be shown.
	Name string
	// Type is person, organization, location or other.
	Type string
}

// Entities finds the named entities of a text. An entity recogniser provides it; without one the
// Extractor finds names by its own rules (capitalised word sequences, titles, roles).
type Entities interface {
	Mentions(text string) []Mention
}

// Extractor finds quotes and their speakers. The zero value is ready to use.
type Extractor struct {
	// Entities, when set, supplies the names of people and organisations, so that speakers carry
	// the entity's display name and id.
	Entities Entities
}

// Extract returns the quotes of an article in text order, using the built-in name rules.
func Extract(a *dossier.Article) []Quote {
	var e Extractor
	return e.Extract(text.Parse(a.Text), a.Headings)
}

// Extract returns the quotes of a parsed text in text order. Headings are section labels: no
// sentence in them is read as speech.
func (e *Extractor) Extract(doc *text.Doc, headings []dossier.Heading) []Quote {
	var mentions []Mention
	if e.Entities != nil {
		mentions = e.Entities.Mentions(doc.Text)
	}
	r := newReader(doc, headings, mentions)
	return r.run()
}
