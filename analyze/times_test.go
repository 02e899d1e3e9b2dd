package analyze_test

import (
	"testing"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/analyze"
)

func TestNewTimes(t *testing.T) {
	const text = "The ferry council met on Monday and will vote next week."
	published := time.Date(2031, 5, 8, 9, 0, 0, 0, time.UTC) // a Thursday
	tests := []struct {
		name      string
		lang      string
		published time.Time
		want      []analyze.Time
	}{
		{"dated", "en", published, []analyze.Time{
			{Text: "Monday", Start: 25, End: 31, Type: "DATE", Value: "2031-05-05"},
			{Text: "next week", Start: 46, End: 55, Type: "DATE", Value: "2031-W20"},
		}},
		{"undated", "", time.Time{}, []analyze.Time{
			{Text: "Monday", Start: 25, End: 31, Type: "DATE", Value: "XXXX-WXX-1"},
			{Text: "next week", Start: 46, End: 55, Type: "DATE", Value: "XXXX-WXX"},
		}},
		{"another language", "de", published, []analyze.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := analyze.New(&dossier.Article{Text: text, Lang: tt.lang, Published: tt.published})
			if len(r.Times) != len(tt.want) {
				t.Fatalf("Times = %+v, want %+v", r.Times, tt.want)
			}
			for k := range tt.want {
				if r.Times[k] != tt.want[k] {
					t.Errorf("Times[%d] = %+v, want %+v", k, r.Times[k], tt.want[k])
				}
			}
		})
	}
}
