package story

import (
	"bufio"
	"errors"
	"strings"
	"testing"
)

func TestParseDocFreq(t *testing.T) {
	tests := []struct {
		name     string
		table    string
		wantDocs int
		want     map[string]int
		wantErr  bool
	}{
		{"header-only", "dossier-docfreq 1 10\n", 10, map[string]int{}, false},
		{"terms", "dossier-docfreq 1 10\ndam 3\nriver 10\n", 10, map[string]int{"dam": 3, "river": 10}, false},
		{"no-final-newline", "dossier-docfreq 1 4\nferry 1", 4, map[string]int{"ferry": 1}, false},
		{"empty", "", 0, nil, true},
		{"wrong-magic", "docfreq 1 10\n", 0, nil, true},
		{"wrong-version", "dossier-docfreq 2 10\n", 0, nil, true},
		{"no-documents", "dossier-docfreq 1 0\n", 0, nil, true},
		{"count-over-documents", "dossier-docfreq 1 3\ndam 4\n", 0, nil, true},
		{"zero-count", "dossier-docfreq 1 3\ndam 0\n", 0, nil, true},
		{"missing-count", "dossier-docfreq 1 3\ndam\n", 0, nil, true},
		{"missing-term", "dossier-docfreq 1 3\n 2\n", 0, nil, true},
		{"count-not-a-number", "dossier-docfreq 1 3\ndam two\n", 0, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]int{}
			docs, err := parseDocFreq(tt.table, func(term string, n int) { got[term] = n })
			if tt.wantErr {
				if !errors.Is(err, ErrBadDocFreq) {
					t.Errorf("parseDocFreq(%q) error = %v, want ErrBadDocFreq", tt.table, err)
				}
				return
			}
			if err != nil || docs != tt.wantDocs || len(got) != len(tt.want) {
				t.Fatalf("parseDocFreq(%q) = %d docs, %v, %v; want %d docs, %v", tt.table, docs, got, err, tt.wantDocs, tt.want)
			}
			for term, n := range tt.want {
				if got[term] != n {
					t.Errorf("count of %q = %d, want %d", term, got[term], n)
				}
			}
		})
	}
}

// TestEmbeddedDocFreq checks the generated table: large enough to weigh words, sorted as the
// generator writes it, and with function words absent (the scanner drops them).
func TestEmbeddedDocFreq(t *testing.T) {
	counts := map[string]int{}
	prev := ""
	docs, err := parseDocFreq(docFreqTable, func(term string, n int) {
		if term <= prev {
			t.Errorf("term %q after %q: the table is not sorted", term, prev)
		}
		prev = term
		counts[term] = n
	})
	if err != nil {
		t.Fatalf("parse embedded table: %v", err)
	}
	if docs < 1000 || len(counts) < 10000 {
		t.Errorf("embedded table counts %d documents and %d terms, want at least 1,000 and 10,000", docs, len(counts))
	}
	for _, w := range []string{"the", "and", "of"} {
		if _, ok := counts[w]; ok {
			t.Errorf("function word %q is in the table", w)
		}
	}
	// Words of news in general are in many documents, words of one story in few.
	if said, ceasefire := counts["said"], counts["ceasefire"]; said < docs/3 || ceasefire == 0 || ceasefire > docs/20 {
		t.Errorf(`counts of "said" %d and "ceasefire" %d of %d documents: want said in a third or more, ceasefire in under a twentieth`, said, ceasefire, docs)
	}
}

// FuzzParseDocFreq checks that any input either parses into counts within (0, docs] for
// non-empty terms, or fails with ErrBadDocFreq (or, for a line too long to scan, the scanner's
// error).
func FuzzParseDocFreq(f *testing.F) {
	f.Add("dossier-docfreq 1 10\ndam 3\nriver 10\n")
	f.Add("dossier-docfreq 1 3\ndam 4\n")
	f.Add("dossier-docfreq 1 -1\n")
	f.Add(strings.Repeat("x", 70000))
	f.Fuzz(func(t *testing.T, table string) {
		most := 0
		docs, err := parseDocFreq(table, func(term string, n int) {
			if term == "" || n <= 0 {
				t.Fatalf("term %q with count %d", term, n)
			}
			most = max(most, n)
		})
		if err != nil {
			if !errors.Is(err, ErrBadDocFreq) && !errors.Is(err, bufio.ErrTooLong) {
				t.Fatalf("error %v, want ErrBadDocFreq", err)
			}
			return
		}
		if docs <= 0 || most > docs {
			t.Fatalf("parsed %d documents with a count of %d", docs, most)
		}
	})
}
