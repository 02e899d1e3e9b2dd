package brief

import (
	"strings"
	"testing"
)

func combineAll(stances []string) string {
	cell := stances[0]
	for _, s := range stances[1:] {
		cell = combine(cell, s)
	}
	return cell
}

func TestCombineStances(t *testing.T) {
	tests := []struct {
		stances []string
		want    string
	}{
		{[]string{"demands"}, "demands"},
		{[]string{"supports", "demands"}, "demands"},
		{[]string{"demands", "proposes", "supports"}, "demands"},
		{[]string{"conditions", "supports"}, "conditions"},
		{[]string{"supports", "opposes"}, "mixed"},
		{[]string{"opposes", "opposes"}, "opposes"},
		{[]string{"opposes", "demands", "demands"}, "mixed"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.stances, "+"), func(t *testing.T) {
			if got := combineAll(tt.stances); got != tt.want {
				t.Errorf("combine over %v = %q, want %q", tt.stances, got, tt.want)
			}
		})
	}
}
