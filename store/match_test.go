package store_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier/store"
)

const ferryText = "The Ostra ferry resumed on Monday. “We are back,” said Captain Ines Morrow of Ostra Lines; " +
	"the harbour master, Tomás Ríos, said night crossings would wait for calmer seas."

func TestMatch(t *testing.T) {
	tests := []struct {
		name    string
		query   string
		match   bool
		matched []string // the text of the spans that matched
	}{
		{"word", "ferry", true, []string{"ferry"}},
		{"case", "OSTRA", true, []string{"Ostra", "Ostra"}},
		{"diacritics fold", "tomas rios", true, []string{"Tomás", "Ríos"}},
		{"all words needed", "ferry tunnel", false, []string{"ferry"}},
		{"or", "tunnel OR ferry", true, []string{"ferry"}},
		{"phrase", `"harbour master"`, true, []string{"harbour master"}},
		{"phrase in order only", `"master harbour"`, false, nil},
		{"prefix", "cross*", true, []string{"crossings"}},
		{"prefix phrase", `"night cross"*`, true, []string{"night crossings"}},
		{"whole words only", "ferr", false, nil},
		{"not", "ferry -storm", true, []string{"ferry"}},
		{"not present", "ferry -captain", false, []string{"ferry"}},
		{"punctuation", "back", true, []string{"back"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := store.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			ok, spans := q.Match(ferryText)
			var got []string
			for _, s := range spans {
				got = append(got, ferryText[s.Start:s.End])
			}
			if ok != tt.match || strings.Join(got, "|") != strings.Join(tt.matched, "|") {
				t.Errorf("Match(%q) = %v %q, want %v %q", tt.query, ok, got, tt.match, tt.matched)
			}
		})
	}
}

func TestSnippet(t *testing.T) {
	tests := []struct {
		name  string
		query string
		words int
		want  string // fragments written with [matches] and the ellipses
	}{
		{"whole text", "ferry", 100, "The Ostra [ferry] resumed on Monday. “We are back,” said Captain Ines Morrow of Ostra Lines; " +
			"the harbour master, Tomás Ríos, said night crossings would wait for calmer seas."},
		{"window at the match", "crossings", 6, "…said night [crossings] would wait for…"},
		{"start when no match", "tunnel OR ferries", 4, "The Ostra ferry resumed…"},
		{"densest window", "ostra lines", 5, "…of [Ostra] [Lines]; the harbour…"},
		{"phrase marked whole", `"harbour master"`, 3, "…the [harbour master]…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := store.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, f := range q.Snippet(ferryText, tt.words) {
				if f.Match {
					b.WriteString("[" + f.Text + "]")
				} else {
					b.WriteString(f.Text)
				}
			}
			if got := b.String(); got != tt.want {
				t.Errorf("Snippet(%q, %d) =\n%s\nwant\n%s", tt.query, tt.words, got, tt.want)
			}
		})
	}
}

// FuzzSnippet checks that a snippet is a stretch of the text (ellipses aside) in order, that
// every marked fragment matches a term of the query, and that Match agrees with the snippet
// about there being a match.
func FuzzSnippet(f *testing.F) {
	f.Add(ferryText, "ferry", 8)
	f.Add("a b c", `"b c"*`, 1)
	f.Add("Łódź, Köln — ÉTÉ", "lodz OR ete", 2)
	f.Add("\xff\xfe bad", "bad", 3)
	f.Fuzz(func(t *testing.T, text, query string, words int) {
		if !utf8.ValidString(text) {
			return // article texts are valid UTF-8 by the time they are stored
		}
		q, err := store.ParseQuery(query)
		if err != nil {
			return
		}
		words = words%64 + 1
		frags := q.Snippet(text, words)
		var body strings.Builder
		marked := false
		for i, fr := range frags {
			if fr.Text == "…" && !fr.Match && (i == 0 || i == len(frags)-1) {
				continue
			}
			if fr.Text == "" {
				t.Fatalf("empty fragment in %+v", frags)
			}
			if fr.Match {
				marked = true
				if ok, _ := (store.Query{Clauses: positive(q)}).Match(fr.Text); !ok && len(q.Clauses) == 1 {
					t.Fatalf("marked fragment %q does not match %q", fr.Text, query)
				}
			}
			body.WriteString(fr.Text)
		}
		if !strings.Contains(text, body.String()) {
			t.Fatalf("snippet %q is not a stretch of the text %q", body.String(), text)
		}
		if _, spans := q.Match(text); marked && len(spans) == 0 {
			t.Fatalf("snippet marks a match that Match does not see")
		}
	})
}

// positive returns the query's clauses that are not negated.
func positive(q store.Query) []store.Clause {
	var out []store.Clause
	for _, c := range q.Clauses {
		if !c.Not {
			out = append(out, c)
		}
	}
	return out
}
