package position_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/position"
	"github.com/dossier-news/dossier/quote"
	"github.com/dossier-news/dossier/text"
)

// ent describes an entity of a test story: the mentions are every whole-word occurrence of its
// forms in the text, so that the tests do not depend on the name tagger.
type ent struct {
	id, name, typ, actor string
	roles                []string
	forms                []string
}

// The cast of the tests' fictional story: two river states, Velmar and Caldora, their leaders and
// ministers, a mediating council, and real countries where a test needs a demonym.
var cast = []ent{
	{id: "location:velmar", name: "Velmar", typ: entity.Location, forms: []string{"Velmar"}},
	{id: "location:caldora", name: "Caldora", typ: entity.Location, forms: []string{"Caldora"}},
	{id: "organization:hesk", name: "Hesk", typ: entity.Organization, actor: "Velmar's government", forms: []string{"Hesk"}},
	{id: "person:lena-koruth", name: "Lena Koruth", typ: entity.Person, roles: []string{"President"}, forms: []string{"Lena Koruth", "Koruth"}},
	{id: "person:anselm-drey", name: "Anselm Drey", typ: entity.Person, roles: []string{"Foreign Minister"}, forms: []string{"Anselm Drey", "Drey"}},
	{id: "person:mara-velk", name: "Mara Velk", typ: entity.Person, roles: []string{"senior fellow"}, forms: []string{"Mara Velk", "Velk"}},
	{id: "person:ilsa-tamberlin", name: "Ilsa Tamberlin", typ: entity.Person, roles: []string{"Finnish envoy"}, forms: []string{"Ilsa Tamberlin", "Tamberlin"}},
	{id: "organization:lowland-council", name: "Lowland Council", typ: entity.Organization, forms: []string{"Lowland Council"}},
	{id: "location:finland", name: "Finland", typ: entity.Location, forms: []string{"Finland"}},
	{id: "location:norway", name: "Norway", typ: entity.Location, forms: []string{"Norway"}},
}

func entities(s string) []entity.Entity {
	var out []entity.Entity
	for _, c := range cast {
		e := entity.Entity{ID: c.id, Name: c.name, Type: c.typ, Actor: c.actor, Roles: c.roles}
		for _, f := range c.forms {
			for _, m := range regexp.MustCompile(`\b`+regexp.QuoteMeta(f)+`\b`).FindAllStringIndex(s, -1) {
				if !slices.ContainsFunc(e.Mentions, func(sp dossier.Span) bool { return sp.Start <= m[0] && m[1] <= sp.End }) {
					e.Mentions = append(e.Mentions, dossier.Span{Start: m[0], End: m[1]})
				}
			}
			if f != c.name {
				e.Aliases = append(e.Aliases, f)
			}
		}
		if len(e.Mentions) > 0 {
			slices.SortFunc(e.Mentions, func(a, b dossier.Span) int { return a.Start - b.Start })
			out = append(out, e)
		}
	}
	return out
}

func extract(t *testing.T, s string) []position.Position {
	t.Helper()
	x, err := position.Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := text.Parse(s)
	var qx quote.Extractor
	return x.Extract(doc, entities(s), qx.Extract(doc, nil))
}

// cell is how the tests write a position: "actor stance issue".
func cell(p position.Position) string {
	return fmt.Sprintf("%s %s %s", p.Actor.Name, p.Stance, p.Issue)
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		// Holder as the subject of a stance verb.
		{"insists on", "Velmar insists on control of the border regions.", []string{"Velmar demands territory"}},
		{"ruled out", "Caldora's foreign ministry ruled out new sanctions.", []string{"Caldora opposes sanctions"}},
		{"rejected by a pronoun", "Lena Koruth spoke in Hesk on Monday. She rejected the ceasefire proposal.", []string{"Lena Koruth opposes ceasefire"}},
		{"is open to", "Caldora is open to direct talks with Velmar.", []string{"Caldora supports negotiations"}},
		{"welcomed", "Drey welcomed the truce.", []string{"Anselm Drey supports ceasefire"}},
		{"backs", "Velmar backs a prisoner exchange.", []string{"Velmar supports prisoners"}},
		{"will seek", "Caldora will seek relief from sanctions.", []string{"Caldora demands sanctions"}},
		{"calls for", "Velmar calls for a dam inspection.", []string{"Velmar demands water"}},
		{"proposed", "Caldora proposed a summit in the spring.", []string{"Caldora proposes negotiations"}},
		{"wants", "Koruth wants a ceasefire.", []string{"Lena Koruth supports ceasefire"}},
		{"metonym keeps the name as written", "Hesk ruled out any referendum.", []string{"Hesk opposes elections"}},
		{"two subjects", "Velmar and Caldora have agreed to hold talks.", []string{"Velmar supports negotiations", "Caldora supports negotiations"}},

		// Possessive nominal cues.
		{"insistence on", "The second issue is Koruth's insistence on a ceasefire.", []string{"Lena Koruth demands ceasefire"}},
		{"opposition to", "Caldora's opposition to the sanctions is well known.", []string{"Caldora opposes sanctions"}},
		{"support for", "Drey repeated his support for the peacekeeping mission.", []string{"Anselm Drey supports peacekeeping"}},
		{"call for", "Velmar's call for new elections surprised nobody.", []string{"Velmar demands elections"}},

		// Reported speech.
		{"embedded actor holds it", "Drey said Caldora is willing to support a ceasefire.", []string{"Caldora supports ceasefire"}},
		{"the country", "Koruth said the country is willing to support a ceasefire.", []string{"Lena Koruth supports ceasefire"}},
		{"evaluation held by the speaker", "Velk said that a return to the old borders is unrealistic.", []string{"Mara Velk opposes territory"}},
		{"off the table", "Drey made clear that membership of the alliance is off the table.", []string{"Anselm Drey opposes alliance"}},
		{"obligation on a deal", "Koruth emphasized that any deal must include security guarantees.", []string{"Lena Koruth demands security-guarantees"}},
		{"obligation on a third party", "Drey argued that Velmar must receive more weapons.", []string{"Anselm Drey supports military-aid"}},
		{"should not be imposed", "Velk said a peace settlement should not be imposed on Caldora.", []string{"Mara Velk opposes peace"}},
		{"condition", "Drey stated that any meeting would need careful preparation.", []string{"Anselm Drey conditions negotiations"}},
		{"condition by an actor is a demand", "Koruth said Velmar needs air defence.", []string{"Velmar demands military-aid"}},
		{"a condition in the author's voice is nobody's", "Any such agreement would require new elections.", nil},

		// Negation and hedges.
		{"would not participate", "Drey stated that Caldora's troops would not participate in any peacekeeping mission.", []string{"Anselm Drey opposes peacekeeping"}},
		{"doubtful that", "It is doubtful that Koruth would ever agree to a peacekeeping contingent.", []string{"Lena Koruth opposes peacekeeping"}},
		{"no longer", "Velmar no longer supports the ceasefire.", []string{"Velmar opposes ceasefire"}},
		{"never", "“We will never accept a ceasefire on these terms,” Koruth said.", []string{"Lena Koruth opposes ceasefire"}},
		{"not demanding is no stance", "Caldora did not demand new sanctions.", nil},
		{"might", "Velmar might accept the ceasefire.", nil},
		{"possible that", "It is possible that Koruth wants a ceasefire.", nil},
		{"if", "If Caldora accepts the truce, the talks can start.", nil},
		{"nobody", "Drey said that nobody rejected the talks.", nil},
		{"question", "Would Caldora accept a ceasefire?", nil},

		// Negating verbs on the object, and keywords that hold them.
		{"halting", "Velmar insists on halting the supply of weapons to Caldora.", []string{"Velmar opposes military-aid"}},
		{"roll back", "Caldora demanded that the alliance roll back its forces.", []string{"Caldora opposes alliance"}},
		{"end of the war is no negation", "Koruth called for an end to the war.", []string{"Lena Koruth demands peace"}},

		// Coordination and scope.
		{"one cue, two objects", "Caldora insists on control of the border regions, as well as on halting the supply of weapons.", []string{"Caldora demands territory", "Caldora opposes military-aid"}},
		{"two cues", "Drey ruled out new sanctions and stated that Caldora would not participate in any peacekeeping mission.", []string{"Anselm Drey opposes sanctions", "Caldora opposes peacekeeping"}},
		{"subordinate clause ends the object", "Velk argued that Velmar must receive more weapons before entering talks.", []string{"Mara Velk supports military-aid"}},
		{"relative clause ends the object", "Caldora insisted on a mechanism that would block any ceasefire.", nil},

		// Pointing back.
		{"a prospect X has rejected", "Caldora proposed a land swap. This is a prospect Velmar has repeatedly rejected.", []string{"Caldora proposes territory", "Velmar opposes territory"}},
		{"the idea", "Velmar suggested a prisoner exchange. Drey rejected the idea.", []string{"Velmar proposes prisoners", "Anselm Drey opposes prisoners"}},

		// Lists of demands.
		{"enumerated", "Koruth's demands are clear.\n\nThe first item would be control of the border regions.\n\nEqually important would be neutrality.\n\nFifth: sanctions relief.",
			[]string{"Lena Koruth demands territory", "Lena Koruth demands neutrality", "Lena Koruth demands sanctions"}},
		{"a paragraph without an enumerator ends the list", "Koruth's demands are clear.\n\nThe weather was cold.\n\nSecond: neutrality.", nil},

		// Roles and nationalities.
		{"role to person", "Ilsa Tamberlin arrived on Monday. The Finnish envoy welcomed the truce.", []string{"Ilsa Tamberlin supports ceasefire"}},
		{"role to country", "The Norwegian prime minister rejected the sanctions.", []string{"Norway opposes sanctions"}},
		{"demonym noun", "The Norwegians rejected the sanctions.", []string{"Norway opposes sanctions"}},

		// A position inside a quote.
		{"quoted subject", "“Caldora wants a truce,” Velk said.", []string{"Caldora supports ceasefire"}},

		// Who holds it, more ways.
		{"appositive", "Another envoy, Ilsa Tamberlin, had rejected the sanctions.", []string{"Ilsa Tamberlin opposes sanctions"}},
		{"pronoun that agrees", "Drey said he had spoken to Koruth on Monday. She rejected the truce.", []string{"Lena Koruth opposes ceasefire"}},
		{"the only president", "Koruth spoke first. The President rejected the truce.", []string{"Lena Koruth opposes ceasefire"}},
		{"they as the speakers", "Velmar and Caldora announced that they had agreed to hold talks.", []string{"Velmar supports negotiations", "Caldora supports negotiations"}},
		{"it as the clause's subject", "Caldora rejected the levy, and it will not accept new sanctions.", []string{"Caldora opposes levy", "Caldora opposes sanctions"}},

		// Words that look like stances and are not.
		{"phrasal verb", "Velmar backed out of the talks.", nil},
		{"noun after an owner", "Koruth's support for the truce collapsed, and her support collapsed too.", []string{"Lena Koruth supports ceasefire"}},
		{"insisted that is speech", "Drey insisted that the sanctions had not hurt Caldora.", nil},
		{"infinitive", "Caldora's efforts to seek a ceasefire failed.", nil},
		{"not endorsing is no opposition", "Velmar did not endorse the truce.", nil},
		{"the issue is named before a preposition", "Caldora insisted on a new fee for trucks at the border.", []string{"Caldora demands fee"}},
		{"a vague head lets the issue come later", "Velmar insists on full control over the border regions.", []string{"Velmar demands territory"}},
		{"the new deal points back", "Velmar proposed a prisoner exchange. Drey welcomed the new deal.", []string{"Velmar proposes prisoners", "Anselm Drey supports prisoners"}},

		// Ambiguous keywords.
		{"a deal without a war", "Velmar endorsed the budget deal.", nil},
		{"a deal in a war", "Both sides say they want peace. Velmar endorsed a deal.", []string{"Velmar supports peace"}},

		// Key phrases for issues outside the taxonomy.
		{"key phrase", "Velmar rejected the fishing quota reform.", []string{"Velmar opposes water"}},
		{"key phrase outside the taxonomy", "Caldora rejected the new harbour tax.", []string{"Caldora opposes harbour tax"}},
		{"weak cue needs a taxonomy issue", "Caldora welcomed the harbour tax.", nil},
		{"vague object", "Velmar insisted on a mechanism.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range extract(t, tt.text) {
				got = append(got, cell(p))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Extract(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestExtractEvidence(t *testing.T) {
	s := "Meanwhile, Drey stated that any meeting would need careful preparation, starting with experts. " +
		"Velmar insists on control of the border regions, as well as on halting the supply of weapons."
	got := extract(t, s)
	want := []struct{ evidence, phrase, cue, via string }{
		{"Drey stated that any meeting would need careful preparation", "meeting", "would need", position.ViaReported},
		{"Velmar insists on control of the border regions", "border", "insists on", position.ViaDescribed},
		{"Velmar insists on control of the border regions, as well as on halting the supply of weapons", "supply of weapons", "insists on", position.ViaDescribed},
	}
	if len(got) != len(want) {
		t.Fatalf("Extract gave %d positions, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		p := got[i]
		if p.Evidence.Text != w.evidence || p.Phrase != w.phrase || p.Cue != w.cue || p.Via != w.via {
			t.Errorf("position %d: evidence %q phrase %q cue %q via %q, want %q %q %q %q", i, p.Evidence.Text, p.Phrase, p.Cue, p.Via, w.evidence, w.phrase, w.cue, w.via)
		}
		if s[p.Evidence.Start:p.Evidence.End] != p.Evidence.Text {
			t.Errorf("position %d: evidence %q is not the text at [%d,%d)", i, p.Evidence.Text, p.Evidence.Start, p.Evidence.End)
		}
	}
}

func TestExtractActorEntity(t *testing.T) {
	got := extract(t, "Hesk rejected the sanctions. Koruth's insistence on talks is old.")
	want := []dossier.Actor{{Name: "Hesk", Entity: "organization:hesk"}, {Name: "Lena Koruth", Entity: "person:lena-koruth"}}
	if len(got) != len(want) {
		t.Fatalf("Extract gave %d positions, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Actor != want[i] {
			t.Errorf("actor %d = %+v, want %+v", i, got[i].Actor, want[i])
		}
	}
}

func TestExtractEmpty(t *testing.T) {
	x, err := position.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"", "   ", "No actor here wants anything."} {
		got := x.Extract(text.Parse(s), nil, nil)
		if got == nil || len(got) != 0 {
			t.Errorf("Extract(%q) = %#v, want an empty, non-nil list", s, got)
		}
	}
	var nilX *position.Extractor
	if got := nilX.Extract(text.Parse("Velmar rejected it."), nil, nil); got == nil || len(got) != 0 {
		t.Errorf("nil Extractor: Extract = %#v, want an empty, non-nil list", got)
	}
}

// TestExtractConcurrent runs one Extractor from several goroutines (go test -race checks it).
func TestExtractConcurrent(t *testing.T) {
	s := strings.Repeat("Velmar insists on control of the border regions. Drey rejected the sanctions. ", 20)
	x, err := position.Default()
	if err != nil {
		t.Fatal(err)
	}
	ents := entities(s)
	want := len(x.Extract(text.Parse(s), ents, nil))
	done := make(chan int)
	for range 4 {
		go func() { done <- len(x.Extract(text.Parse(s), ents, nil)) }()
	}
	for range 4 {
		if got := <-done; got != want {
			t.Errorf("concurrent Extract gave %d positions, want %d", got, want)
		}
	}
}
