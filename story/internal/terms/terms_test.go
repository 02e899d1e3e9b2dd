package terms

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func scan(text string) []string {
	var s Scanner
	var out []string
	s.Each(text, func(t []byte) { out = append(out, string(t)) })
	return out
}

func TestEach(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"function-words-go", "The envoy and the minister met in Brevik.", []string{"envoy", "minister", "met", "brevik"}},
		{"case-folds", "DAM Dam dam", []string{"dam", "dam", "dam"}},
		{"plurals-fold", "talks parties classes bus gas", []string{"talk", "party", "classe", "bus", "gas"}},
		{"possessive-folds-into-name", "Salvik's plan, Salvik’s vote", []string{"salvik", "plan", "salvik", "vote"}},
		{"numbers-and-single-letters-go", "In 2031 the U.S. paid $40 to 3M", []string{"paid", "3m"}},
		{"hyphen-splits", "cross-border water-sharing", []string{"cross", "border", "water", "sharing"}},
		{"accents-kept-lowercased", "Tomás ÅSTRÖM", []string{"tomás", "åström"}},
		{"plural-rule-only-for-ascii-words", "Valdés talks", []string{"valdés", "talk"}},
		{"quote-marks-between-words", "'no deal' ‘without numbers’", []string{"deal", "number"}},
		{"contractions-are-stop-words", "Don’t say they're late", []string{"say", "late"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scan(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Each(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"talks", "talk"},
		{"ties", "ty"},
		{"series", "sery"}, // the rule is blind to meaning; both forms still fold alike
		{"plays", "play"},
		{"shoes", "shoe"},
		{"goes", "goe"},
		{"virus", "virus"},
		{"glass", "glass"},
		{"news", "new"},
		{"gas", "gas"},
		{"dam", "dam"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := string(stem([]byte(tt.in))); got != tt.want {
				t.Errorf("stem(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzEach checks that every term is valid UTF-8, lowercase, has a letter and at least two
// characters, and is not a function word, whatever the input.
func FuzzEach(f *testing.F) {
	for _, s := range []string{"", "The talks’ parties", "Ölçek İstanbul ΣΑΣ", "a\xffb caf\u0301e", "ies es s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var s Scanner
		s.Each(text, func(b []byte) {
			term := string(b)
			if !utf8.ValidString(term) {
				t.Fatalf("term %q is not valid UTF-8", term)
			}
			if utf8.RuneCountInString(term) < 2 {
				t.Fatalf("term %q is too short", term)
			}
			if !strings.ContainsFunc(term, unicode.IsLetter) {
				t.Fatalf("term %q has no letter", term)
			}
			if isStop(term) {
				t.Fatalf("term %q is a function word", term)
			}
		})
	})
}

func BenchmarkEach(b *testing.B) {
	text := strings.Repeat("Caldora's water minister told reporters in Brevik that the talks on the dam's filling schedule would resume next week, ", 40)
	b.SetBytes(int64(len(text)))
	var s Scanner
	n := 0
	for b.Loop() {
		s.Each(text, func([]byte) { n++ })
	}
	if n == 0 {
		b.Fatal("no terms")
	}
}
