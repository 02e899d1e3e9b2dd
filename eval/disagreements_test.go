package eval_test

import (
	"testing"

	"github.com/dossier-news/dossier/eval"
)

func TestScoreDisagreements(t *testing.T) {
	gold := []eval.GoldDisagreement{
		{Doc: "a.txt", Sides: []string{"Harbour Office", "River Council"}, Evidence: "read the call differently"},
		{Doc: "b.txt", Sides: []string{"Ruta Salvik", "Anselm Drey"}, Evidence: "Drey walked that back"},
	}
	tests := []struct {
		name  string
		shown []eval.Shown
		want  int
	}{
		{"none", nil, 0},
		{"evidence cited", []eval.Shown{{Sides: []string{"x", "y"}, Cited: []eval.Cited{{Source: "dir/a.txt", Text: "The two read the call differently."}}}}, 1},
		{"sides named by surname", []eval.Shown{{Sides: []string{"Salvik", "Foreign Minister Anselm Drey"}, Cited: []eval.Cited{{Source: "b.txt", Text: "another sentence"}}}}, 1},
		{"right words, wrong document", []eval.Shown{{Sides: []string{"Salvik", "Drey"}, Cited: []eval.Cited{{Source: "a.txt", Text: "Drey walked that back"}}}}, 0},
		{"one side missing", []eval.Shown{{Sides: []string{"Salvik"}, Cited: []eval.Cited{{Source: "b.txt", Text: "x"}}}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := eval.ScoreDisagreements(gold, tt.shown)
			if sc.Shown != tt.want || sc.Gold != 2 || len(sc.Missed) != 2-tt.want {
				t.Errorf("score %+v, want %d shown of 2", sc, tt.want)
			}
		})
	}
}
