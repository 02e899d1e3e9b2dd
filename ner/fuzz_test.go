package ner_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier/ner"
)

// FuzzFind tags arbitrary text and checks that every mention is a well-formed span over the
// tokens Find returns, with a known type.
func FuzzFind(f *testing.F) {
	m, err := ner.Default()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"Mayor Ilsa Varn of Tarrow met the Lowland Council in Hesk on Monday.",
		"TARROW , Ostrenia 2031-04-19\n\nTarrow Rovers 3 Meskel United 1",
		"\"The Long Dry\" opened at the Hesk Film Festival.",
		"", "\x00", "A", "ÉÉÉ É. É-É 's",
	} {
		f.Add(s)
	}
	types := map[string]bool{ner.PER: true, ner.ORG: true, ner.LOC: true, ner.MISC: true}
	f.Fuzz(func(t *testing.T, text string) {
		toks, ms := m.Find(text)
		for _, mm := range ms {
			if !types[mm.Type] {
				t.Fatalf("mention of unknown type %q", mm.Type)
			}
			if mm.First < 0 || mm.First > mm.Last || mm.Last >= len(toks) {
				t.Fatalf("mention tokens [%d, %d] out of %d tokens", mm.First, mm.Last, len(toks))
			}
			if mm.Start != toks[mm.First].Start || mm.End != toks[mm.Last].End || mm.Start >= mm.End || mm.End > len(text) {
				t.Fatalf("mention bytes [%d, %d) do not match its tokens in %d bytes", mm.Start, mm.End, len(text))
			}
			if utf8.ValidString(text) && !utf8.ValidString(text[mm.Start:mm.End]) {
				t.Fatalf("mention %q of valid text is not valid UTF-8", text[mm.Start:mm.End])
			}
		}
	})
}

// FuzzReadCoNLL reads arbitrary input as CoNLL columns and checks that every sentence it returns
// has a word per line and, when tagged, a tag per word.
func FuzzReadCoNLL(f *testing.F) {
	f.Add("-DOCSTART- O\n\nHesk B-LOC\nvotes O\n\n")
	f.Add("Hesk\nvotes\n")
	f.Add("Hesk B-LOC\nvotes\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ner.ReadCoNLL(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				if len(s.Words) == 0 || len(s.Lines) != len(s.Words) || (len(s.Tags) != 0 && len(s.Tags) != len(s.Words)) {
					t.Fatalf("sentence with %d words, %d lines, %d tags", len(s.Words), len(s.Lines), len(s.Tags))
				}
			}
		}
	})
}
