package position_test

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier/position"
	"github.com/dossier-news/dossier/quote"
	"github.com/dossier-news/dossier/text"
)

// FuzzParseTaxonomy checks that any file either fails with ErrTaxonomy or gives a taxonomy whose
// issues all have a key and keywords, and that classifies without panicking.
func FuzzParseTaxonomy(f *testing.F) {
	for _, s := range []string{
		"mode: replace\nissues:\n  - key: harbour\n    keywords: [harbo(u)r, \"[the] berth(s)\", \"*\"]\n",
		`{"mode": "extend", "issues": [{"key": "ferries", "keywords": ["ferr(y|ies)", "(a|b|c)(d|e|f)(g|h|i)"]}]}`,
		"issues: [{key: x, keywords: ['(((']}]",
		"mode: extend\n",
		"",
	} {
		f.Add([]byte(s), "the harbour berths and ferries")
	}
	base, err := position.DefaultTaxonomy()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, phrase string) {
		tax, err := position.ParseTaxonomy(data, base)
		if err != nil {
			return
		}
		for _, is := range tax.Issues() {
			if is.Key == "" || len(is.Keywords) == 0 {
				t.Fatalf("issue %+v without a key or keywords", is)
			}
		}
		if key, ok := tax.Classify(phrase); ok && !slices.ContainsFunc(tax.Issues(), func(is position.Issue) bool { return is.Key == key }) {
			t.Fatalf("Classify(%q) = %q, which is no issue of the taxonomy", phrase, key)
		}
	})
}

// FuzzExtract checks that positions have an actor, an issue and one of the five stances, and
// evidence that lies inside the text and is the text there, whatever the input.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Velmar insists on control of the border regions, as well as on halting the supply of weapons.",
		"Koruth's demands are clear.\n\nThe first item would be neutrality.\n\nFifth: sanctions relief.",
		"“We will never accept a ceasefire,” Koruth said. She rejected the idea.",
		"Drey stated that any meeting would need careful preparation, starting with experts.",
		"It is doubtful that Koruth would ever agree to a peacekeeping contingent (or “troops”).",
		"Caldora proposed a land swap. This is a prospect Velmar has repeatedly rejected",
		"Velmar\xff insists on \xe2\x80 the border, Koruth's\n\n“",
	} {
		f.Add(s)
	}
	x, err := position.Default()
	if err != nil {
		f.Fatal(err)
	}
	stances := []string{position.Demands, position.Proposes, position.Supports, position.Opposes, position.Conditions}
	f.Fuzz(func(t *testing.T, s string) {
		doc := text.Parse(s)
		var qx quote.Extractor
		for _, p := range x.Extract(doc, entities(s), qx.Extract(doc, nil)) {
			ev := p.Evidence
			if ev.Start < 0 || ev.Start >= ev.End || ev.End > len(s) {
				t.Fatalf("evidence [%d,%d) out of range for a text of %d bytes", ev.Start, ev.End, len(s))
			}
			if s[ev.Start:ev.End] != ev.Text {
				t.Fatalf("evidence %q is not the text at [%d,%d): %q", ev.Text, ev.Start, ev.End, s[ev.Start:ev.End])
			}
			if utf8.ValidString(s) && !utf8.ValidString(ev.Text) {
				t.Fatalf("evidence %q of valid text is not valid UTF-8", ev.Text)
			}
			if p.Actor.Name == "" || p.Issue == "" || !slices.Contains(stances, p.Stance) {
				t.Fatalf("position without actor, issue or stance: %+v", p)
			}
		}
	})
}
