package ner_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier/ner"
)

func texts(toks []ner.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"punctuation", "Hello, world!", []string{"Hello", ",", "world", "!"}},
		{"clitics", "Germany's plan doesn't work, they're sure.", []string{"Germany", "'s", "plan", "does", "n't", "work", ",", "they", "'re", "sure", "."}},
		{"curly clitic", "Ukraine’s army", []string{"Ukraine", "’s", "army"}},
		{"abbreviations", "Mr. Smith of the U.S. met Gen. Lee.", []string{"Mr.", "Smith", "of", "the", "U.S.", "met", "Gen.", "Lee", "."}},
		{"initials", "Franklin D. Roosevelt", []string{"Franklin", "D.", "Roosevelt"}},
		{"numbers", "It cost $1,250.50 or 3.5% at 10:30 on 1996-08-22.", []string{"It", "cost", "$", "1,250.50", "or", "3.5", "%", "at", "10:30", "on", "1996-08-22", "."}},
		{"hyphen and apostrophe names", "Anglo-Dutch O'Brien", []string{"Anglo-Dutch", "O'Brien"}},
		{"quotes and dashes", "“We agree” — he said...", []string{"“", "We", "agree", "”", "—", "he", "said", "..."}},
		{"ampersand", "AT&T and Smith & Co.", []string{"AT&T", "and", "Smith", "&", "Co."}},
		{"cyrillic", "Зеленский сказал", []string{"Зеленский", "сказал"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := texts(ner.Tokenize(tt.in)); !slices.Equal(got, tt.want) {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"full stops", "He left. She stayed.", []string{"He left .", "She stayed ."}},
		{"quote closes", "“We won.” Then he left.", []string{"“ We won . ”", "Then he left ."}},
		{"abbreviation inside", "Mr. Lee met Dr. Kim. They spoke.", []string{"Mr. Lee met Dr. Kim .", "They spoke ."}},
		{"paragraph", "Headline without stop\n\nBody text.", []string{"Headline without stop", "Body text ."}},
		{"lower case after stop", "It cost 3 p.m. prices. ok", []string{"It cost 3 p.m. prices . ok"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range ner.Sentences(tt.in, ner.Tokenize(tt.in)) {
				got = append(got, strings.Join(texts(s), " "))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzTokenize checks that tokens are in order, in range, never empty, cover every non-space
// byte, and that their text is the text they point to.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Germany's U.S. plan doesn't 1,000.5", "“Quote” — dash", "O'Neill\n\nNew", "\xff\xfeab", "a.b.c. ...", "n't 's"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := ner.Tokenize(s)
		last := 0
		for _, tok := range toks {
			if tok.Start < last || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("token %+v out of order or range (previous end %d, len %d)", tok, last, len(s))
			}
			if strings.TrimSpace(s[last:tok.Start]) != "" && utf8.ValidString(s[last:tok.Start]) {
				t.Fatalf("bytes %q between tokens are not space", s[last:tok.Start])
			}
			if tok.Text != s[tok.Start:tok.End] {
				t.Fatalf("token text %q is not s[%d:%d] = %q", tok.Text, tok.Start, tok.End, s[tok.Start:tok.End])
			}
			last = tok.End
		}
		n := 0
		for _, sent := range ner.Sentences(s, toks) {
			n += len(sent)
		}
		if n != len(toks) {
			t.Fatalf("sentences hold %d tokens, want %d", n, len(toks))
		}
	})
}
