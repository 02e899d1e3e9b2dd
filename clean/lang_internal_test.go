package clean

import (
	"strings"
	"testing"
)

// stopwordMap is what stopwords must hold, built the plain way.
func stopwordMap() map[string]uint32 {
	m := make(map[string]uint32)
	for lang, words := range stopwordLists {
		for _, w := range strings.Fields(words) {
			m[w] |= 1 << lang
		}
	}
	return m
}

func lookupWord(w string) uint32 {
	var h uint32
	for i := 0; i < len(w); i++ {
		h = wordHash(h, w[i])
	}
	return stopwords.lookup([]byte(w), h)
}

func TestStopwordTable(t *testing.T) {
	want := stopwordMap()
	for w, set := range want {
		if got := lookupWord(w); got != set {
			t.Errorf("lookup(%q) = %b, want %b", w, got, set)
		}
	}
	tests := []struct {
		name, word string
		want       uint32
	}{
		{name: "English only", word: "the", want: 1 << langEN},
		{name: "shared", word: "de", want: want["de"]},
		{name: "Cyrillic", word: "і", want: 1<<langUK | 1<<langBE},
		{name: "not a stopword", word: "harbour"},
		{name: "prefix of a stopword", word: "th"},
		{name: "stopword inside", word: "them"},
		{name: "empty", word: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lookupWord(tt.word); got != tt.want {
				t.Errorf("lookup(%q) = %b, want %b", tt.word, got, tt.want)
			}
		})
	}
}

func FuzzStopwordTable(f *testing.F) {
	for _, s := range []string{"the", "und", "который", "harbour", "", "\xff"} {
		f.Add(s)
	}
	want := stopwordMap()
	f.Fuzz(func(t *testing.T, w string) {
		if got := lookupWord(w); got != want[w] {
			t.Fatalf("lookup(%q) = %b, want %b", w, got, want[w])
		}
	})
}
