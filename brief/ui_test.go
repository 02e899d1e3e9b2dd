package brief_test

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/brief"
)

func TestCSS(t *testing.T) {
	css := brief.CSS()
	for _, want := range []string{"mark {", "@media print", ".sides"} {
		if !strings.Contains(css, want) {
			t.Errorf("CSS lacks %q", want)
		}
	}
	if strings.Contains(css, "<") {
		t.Errorf("CSS holds markup: %.80q", css)
	}
}

func TestUIAccessors(t *testing.T) {
	b := brief.Build("s1", story, brief.Options{})
	tests := []struct {
		name, got, want string
	}{
		{"line", b.Line(), "2 articles, 2 outlets, 2031-03-02 to 2031-03-03"},
		{"undated moment", brief.Moment{}.Label(), "undated"},
		{"dated moment", brief.Moment{When: analyze.When{Text: "on Thursday", Date: "2031-03-01"}}.Label(), "2031-03-01 (on Thursday)"},
		{"counts", brief.Counts([]brief.Count{{Name: "Velmar", N: 3}, {Name: "Caldora", N: 1}}), "Velmar (3), Caldora (1)"},
		{"actor", brief.Actor{Articles: 2, Quotes: 1}.Summary(), "2 articles, 1 quotes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
	row := brief.Row{Cells: []brief.Cell{{Issue: "water", Stance: "demands"}}}
	if c, ok := row.Cell("water"); !ok || c.Stance != "demands" {
		t.Errorf("Cell(water) = %+v, %v", c, ok)
	}
	if _, ok := row.Cell("arbitration"); ok {
		t.Error("Cell(arbitration) found a cell the row does not have")
	}
}
