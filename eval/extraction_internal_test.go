package eval

import (
	"slices"
	"testing"
)

func TestWordTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"punctuation only", " -- , !", nil},
		{"ascii words", "The mayor, who spoke first.", []string{"The", "mayor", "who", "spoke", "first"}},
		{"apostrophe splits", "the harbour's edge", []string{"the", "harbour", "s", "edge"}},
		{"underscore and digits", "item_7 costs 2024", []string{"item_7", "costs", "2024"}},
		{"precomposed letters", "naïve café", []string{"naïve", "café"}},
		// U+0301 is a combining mark (Mn), which Python's \w does not match.
		{"combining mark splits", "cafe\u0301 open", []string{"cafe", "open"}},
		{"other numbers", "½ and Ⅻ", []string{"½", "and", "Ⅻ"}},
		{"non-latin scripts", "Київ — 東京", []string{"Київ", "東京"}},
		{"invalid utf-8 splits", "ab\xffcd", []string{"ab", "cd"}},
		{"curly quotes", "“Yes,” she said", []string{"Yes", "she", "said"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wordTokens(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("wordTokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestShingles(t *testing.T) {
	tests := []struct {
		name string
		toks []string
		want map[string]int
	}{
		{"none", nil, map[string]int{}},
		{"short text is one shingle", []string{"a", "b"}, map[string]int{"a b": 1}},
		{"exactly four", []string{"a", "b", "c", "d"}, map[string]int{"a b c d": 1}},
		{"repeats counted", []string{"a", "b", "c", "d", "a", "b", "c", "d"},
			map[string]int{"a b c d": 2, "b c d a": 1, "c d a b": 1, "d a b c": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := shingles(tt.toks)
			if len(got) != len(tt.want) {
				t.Fatalf("shingles(%q) = %v, want %v", tt.toks, got, tt.want)
			}
			for k, n := range tt.want {
				if got[k] != n {
					t.Errorf("shingles(%q)[%q] = %d, want %d", tt.toks, k, got[k], n)
				}
			}
		})
	}
}
