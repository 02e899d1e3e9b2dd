package analyze

import (
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/quote"
)

func TestEntityOf(t *testing.T) {
	// "Harbour master Ana Lind said ... the Port Authority said ... the ferry company's statement said"
	ents := []Entity{
		{ID: "person:ana-lind", Name: "Ana Lind", Type: "person", Aliases: []string{"Lind"}, Mentions: []dossier.Span{{Start: 15, End: 23}, {Start: 90, End: 94}}},
		{ID: "organization:port-authority", Name: "the Port Authority", Type: "organization", Mentions: []dossier.Span{{Start: 40, End: 58}}},
		{ID: "other:danish", Name: "Danish", Type: "other", Mentions: []dossier.Span{{Start: 120, End: 126}}},
	}
	tests := []struct {
		name    string
		speaker quote.Speaker
		want    string
	}{
		{"name where the attribution names the speaker", quote.Speaker{Name: "Ana Lind", Mention: dossier.Span{Start: 90, End: 94}}, "person:ana-lind"},
		{"pronoun linked by the fullest name", quote.Speaker{Name: "Ana Lind", Mention: dossier.Span{Start: 100, End: 103}}, "person:ana-lind"},
		{"institution without its article", quote.Speaker{Name: "Port Authority", Mention: dossier.Span{Start: 44, End: 58}}, "organization:port-authority"},
		{"alias", quote.Speaker{Name: "Lind"}, "person:ana-lind"},
		{"description that only contains a name", quote.Speaker{Name: "Danish ministry", Mention: dossier.Span{Start: 116, End: 135}}, ""},
		{"nobody by that name", quote.Speaker{Name: "a spokesperson", Mention: dossier.Span{Start: 140, End: 154}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := entityOf(tt.speaker, ents); got != tt.want {
				t.Errorf("entityOf(%+v) = %q, want %q", tt.speaker, got, tt.want)
			}
		})
	}
}
