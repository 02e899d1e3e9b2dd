package position

import (
	"fmt"
	"sync"

	"github.com/dossier-news/dossier"
)

// Position is one actor's stance on one issue in one article, with the words that show it. It is
// the record that `dossier analyze` writes under "positions".
type Position struct {
	// Actor is who holds the position, as the article names them (a person by their fullest
	// name, an institution as written: "Kremlin"), with the entity's ID when the article's
	// entities know it.
	Actor dossier.Actor `json:"actor"`
	// Issue is a taxonomy key ("territory"), or, for an issue outside the taxonomy, the key
	// phrase that names it, lower-cased ("continuation of the war").
	Issue string `json:"issue"`
	// Stance is demands, proposes, supports, opposes or conditions.
	Stance string `json:"stance"`
	// Evidence is the clause or sentence that shows the position, verbatim.
	Evidence dossier.Evidence `json:"evidence"`
	// Phrase is the words that named the issue, verbatim ("NATO membership", "relief from
	// sanctions"): the words of an earlier sentence when the evidence only points back to it
	// ("This is a prospect he has rejected").
	Phrase string `json:"phrase"`
	// Cue is the words that carry the stance ("ruled out", "insistence on", "must include"),
	// verbatim; empty for an item of an enumerated list of demands, which inherits its stance.
	Cue string `json:"cue"`
	// Via says how the article gives the position: quote (inside a direct quote), reported (in
	// reported speech), described (the article's own description of the actor's stance) or
	// enumerated (an item of a list of demands).
	Via string `json:"via"`
}

// How an article gives a position.
const (
	ViaQuote      = "quote"
	ViaReported   = "reported"
	ViaDescribed  = "described"
	ViaEnumerated = "enumerated"
)

// Extractor finds positions with a taxonomy of issues and the package's lexicon of stance cues.
// It is read-only once built and safe for concurrent use.
type Extractor struct {
	tax *Taxonomy
	lex *lexicon
	// issues is the taxonomy's keyword set with a bit of this Extractor's own.
	issues phraseSet
	// starts maps a word to the bits of the phrase sets that have a pattern starting with it,
	// and always holds the bits of sets with patterns that may start with any word: one lookup
	// per word tells which sets are worth trying there.
	starts map[string]uint32
	always uint32
}

// New returns an Extractor that files positions under the issues of t.
func New(t *Taxonomy) (*Extractor, error) {
	if t == nil {
		return nil, fmt.Errorf("new position extractor: %w: no taxonomy", ErrTaxonomy)
	}
	lx, err := parseLexicon(lexiconData, demonymData)
	if err != nil {
		return nil, fmt.Errorf("parse embedded lexicon: %w", err)
	}
	x := &Extractor{tax: t, lex: lx, issues: t.set, starts: make(map[string]uint32)}
	for i, set := range append(lx.sets(), &x.issues) {
		set.bit = 1 << i
		for w := range set.byFirst {
			x.starts[w] |= set.bit
		}
		if len(set.anyStart) > 0 {
			x.always |= set.bit
		}
	}
	return x, nil
}

var defaultExtractor = sync.OnceValues(func() (*Extractor, error) {
	t, err := DefaultTaxonomy()
	if err != nil {
		return nil, err
	}
	return New(t)
})

// Default returns the Extractor with the default taxonomy, built on first use and shared. It
// fails only in a broken build.
func Default() (*Extractor, error) { return defaultExtractor() }

// Taxonomy returns the taxonomy the Extractor files positions under.
func (x *Extractor) Taxonomy() *Taxonomy { return x.tax }
