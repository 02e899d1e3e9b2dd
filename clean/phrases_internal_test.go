package clean

import (
	"strings"
	"testing"
)

// containsEach is what phraseMatcher.find must return: the phrases strings.Contains finds.
func containsEach(m *phraseMatcher, s string) phraseSet {
	var want phraseSet
	for id, p := range m.phrases {
		if strings.Contains(s, p) {
			want.add(id)
		}
	}
	return want
}

func TestPhraseMatcherFind(t *testing.T) {
	m := newPhraseMatcher([]string{"support", "support us", "our work", "newsletter", " said", "just €"})
	tests := []struct {
		name string
		in   string
		want []int
	}{
		{name: "empty", in: ""},
		{name: "shorter than a key", in: "our"},
		{name: "none", in: "the harbour board met on tuesday"},
		{name: "whole text", in: "support", want: []int{0}},
		{name: "overlapping", in: "please support us", want: []int{0, 1}},
		{name: "sharing words", in: "support our work", want: []int{0, 2}},
		{name: "inside a word", in: "unsupported claims", want: []int{0}},
		{name: "at the end", in: "sign up to the newsletter", want: []int{3}},
		{name: "leading space", in: "the mayor said so", want: []int{4}},
		{name: "not at the start", in: "said the mayor"},
		{name: "multi-byte", in: "give just €5 today", want: []int{5}},
		{name: "cut short", in: "give just €"[:len("give just €")-1]},
		{name: "repeated", in: "support support support", want: []int{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want phraseSet
			for _, id := range tt.want {
				want.add(id)
			}
			if got := m.find(tt.in); got != want {
				t.Errorf("find(%q) = %v, want %v", tt.in, got, want)
			}
		})
	}
}

func TestBlockPhrasesMeaning(t *testing.T) {
	tests := []struct {
		name   string
		in     string // lowercased
		junk   bool
		speech bool
		appeal int
	}{
		{name: "footer", in: "© 2031 the valley post. all rights reserved.", junk: true},
		{name: "newsletter sign-up", in: "get the newsletter: sign up here", junk: true, appeal: 0},
		{name: "newsletter alone", in: "the newsletter reached 4,000 homes"},
		{name: "appeal", in: "please support our journalism with a monthly donation", appeal: 2 + 2 + 1 + 1 + 1 + 2 + 1},
		{name: "reported appeal", in: "we need your help, the mayor said", speech: true, appeal: 2 + 1},
		{name: "prose", in: "the harbour board met on tuesday to discuss the dredging plan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := blockPhrases.find(tt.in)
			if got := blockPhrases.junk(found); got != tt.junk {
				t.Errorf("junk = %v, want %v", got, tt.junk)
			}
			if got := blockPhrases.reportsSpeech(found); got != tt.speech {
				t.Errorf("reportsSpeech = %v, want %v", got, tt.speech)
			}
			if got := blockPhrases.appealScore(found); got != tt.appeal {
				t.Errorf("appealScore = %d, want %d", got, tt.appeal)
			}
		})
	}
}

// FuzzPhraseMatcher checks that one pass of the matcher finds exactly the phrases that
// strings.Contains finds one by one.
func FuzzPhraseMatcher(f *testing.F) {
	for _, s := range []string{
		"", "support", "please support us, the mayor said", "sign up for our newsletter in your inbox",
		"all rights reserved", "chip in just €5", "\xff\xfe broken \xc3", "monthly one-time members",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, in := range []string{s, strings.ToLower(s)} {
			if got, want := blockPhrases.find(in), containsEach(blockPhrases.phraseMatcher, in); got != want {
				t.Fatalf("find(%q) = %v, want %v", in, got, want)
			}
		}
	})
}
