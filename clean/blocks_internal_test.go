package clean

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// sameWrapCount reports whether two rune counts of a line read the same to wrapping: equal, or
// both past wrapMax.
func sameWrapCount(a, b int) bool {
	return a == b || (a > wrapMax && b > wrapMax)
}

func TestLineRunes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int // -1: past wrapMax
	}{
		{name: "empty", in: "", want: 0},
		{name: "short ASCII", in: "The harbour board met.", want: 22},
		{name: "short with quotes", in: "“The pier’s repair”", want: 19},
		{name: "wrapMax ASCII", in: strings.Repeat("a", wrapMax), want: wrapMax},
		{name: "past wrapMax ASCII", in: strings.Repeat("a", wrapMax+1), want: -1},
		{name: "wrapMax two-byte runes", in: strings.Repeat("é", wrapMax), want: wrapMax},
		{name: "past wrapMax mixed", in: strings.Repeat("aé", wrapMax/2+1), want: -1},
		{name: "wrapMax four-byte runes", in: strings.Repeat("😀", wrapMax), want: wrapMax},
		{name: "too many bytes to count", in: strings.Repeat("😀", wrapMax) + "a", want: -1},
		{name: "invalid bytes count one each", in: "\xff\xfe abc", want: 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lineRunes(tt.in)
			if tt.want < 0 {
				if got <= wrapMax {
					t.Errorf("lineRunes(%q) = %d, want past %d", tt.in, got, wrapMax)
				}
				return
			}
			if got != tt.want {
				t.Errorf("lineRunes(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzLineRunes(f *testing.F) {
	for _, s := range []string{"", "abc", strings.Repeat("a", 120), strings.Repeat("é", 99) + "abcdefgh", "\xff\xfe\xc3 x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := len(s)
		if want <= utf8.UTFMax*wrapMax {
			want = utf8.RuneCountInString(s)
		}
		if got := lineRunes(s); !sameWrapCount(got, want) {
			t.Fatalf("lineRunes(%q) = %d, want %d", s, got, want)
		}
	})
}
