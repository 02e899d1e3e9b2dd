package store_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier/store"
)

// term and clause build expected queries compactly.
func term(words ...string) store.Term { return store.Term{Words: words} }

func prefix(words ...string) store.Term { return store.Term{Words: words, Prefix: true} }

func clause(ts ...store.Term) store.Clause { return store.Clause{Any: ts} }

func not(ts ...store.Term) store.Clause { return store.Clause{Any: ts, Not: true} }

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []store.Clause
		err  error
	}{
		{"one word", "ferry", []store.Clause{clause(term("ferry"))}, nil},
		{"words are ANDed", "Ferry  Storm", []store.Clause{clause(term("ferry")), clause(term("storm"))}, nil},
		{"phrase", `"harbour master"`, []store.Clause{clause(term("harbour", "master"))}, nil},
		{"unclosed phrase", `"harbour master`, []store.Clause{clause(term("harbour", "master"))}, nil},
		{"or", "ferry OR boat OR barge", []store.Clause{clause(term("ferry"), term("boat"), term("barge"))}, nil},
		{"lowercase or is a word", "ferry or boat", []store.Clause{clause(term("ferry")), clause(term("or")), clause(term("boat"))}, nil},
		{"leading or dropped", "OR ferry", []store.Clause{clause(term("ferry"))}, nil},
		{"not", "ferry -storm", []store.Clause{clause(term("ferry")), not(term("storm"))}, nil},
		{"not phrase", `ferry -"night crossing"`, []store.Clause{clause(term("ferry")), not(term("night", "crossing"))}, nil},
		{"prefix", "harbo*", []store.Clause{clause(prefix("harbo"))}, nil},
		{"prefix phrase", `"harbour mas"*`, []store.Clause{clause(prefix("harbour", "mas"))}, nil},
		{"punctuation splits words", "U.S.-led talks", []store.Clause{clause(term("u", "s", "led")), clause(term("talks"))}, nil},
		{"fts syntax is words", `title:ferry NEAR(a b) ^start "x" AND`, []store.Clause{
			clause(term("title", "ferry")), clause(term("near", "a")), clause(term("b")), clause(term("start")), clause(term("x")), clause(term("and"))}, nil},
		{"accents kept", "Zelénskyy", []store.Clause{clause(term("zelénskyy"))}, nil},
		{"empty", "", nil, store.ErrBadQuery},
		{"only punctuation", `"" -- ** ()`, nil, store.ErrBadQuery},
		{"only not", "-ferry -storm", nil, store.ErrBadQuery},
		{"too long", strings.Repeat("a ", 600), nil, store.ErrBadQuery},
		{"too many terms", strings.Repeat("w ", 33), nil, store.ErrBadQuery},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := store.ParseQuery(tt.in)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("ParseQuery(%q) = %v, %v; want %v", tt.in, q, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseQuery(%q): %v", tt.in, err)
			}
			if !reflect.DeepEqual(q.Clauses, tt.want) {
				t.Errorf("ParseQuery(%q) =\n%+v\nwant\n%+v", tt.in, q.Clauses, tt.want)
			}
			again, err := store.ParseQuery(q.String())
			if err != nil || !reflect.DeepEqual(again, q) {
				t.Errorf("ParseQuery(%q.String() = %q) = %+v, %v; want the same query", tt.in, q.String(), again, err)
			}
		})
	}
}

// FuzzParseQuery checks that any input either fails with ErrBadQuery or gives a query with
// something to look for, made of non-empty valid words without quote marks, that writes back
// to itself.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"ferry", `"harbour master"*`, "a OR b -c", `"unclosed`, "\xff\xfe", "-", "OR", `""*`, "word*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := store.ParseQuery(s)
		if err != nil {
			if !errors.Is(err, store.ErrBadQuery) {
				t.Fatalf("ParseQuery(%q) = %v, want ErrBadQuery", s, err)
			}
			return
		}
		if q.IsZero() {
			t.Fatalf("ParseQuery(%q) has nothing to look for", s)
		}
		for _, c := range q.Clauses {
			if len(c.Any) == 0 {
				t.Fatalf("ParseQuery(%q): empty clause", s)
			}
			for _, tm := range c.Any {
				if len(tm.Words) == 0 {
					t.Fatalf("ParseQuery(%q): empty term", s)
				}
				for _, w := range tm.Words {
					if w == "" || !utf8.ValidString(w) || strings.ContainsAny(w, "\" *") {
						t.Fatalf("ParseQuery(%q): bad word %q", s, w)
					}
				}
			}
		}
		again, err := store.ParseQuery(q.String())
		if err != nil || !reflect.DeepEqual(again, q) {
			t.Fatalf("ParseQuery(%q): String %q parses to %+v, %v", s, q.String(), again, err)
		}
	})
}
