package text_test

import (
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/text"
)

var fuzzSeeds = []string{
	"Gen. Ode met Dr. H. L. Brandt on Jan. 4. They talked about the U.S. The end.",
	"“We are ready. The port is open,” said Lena Varga. \"Is it?\" he asked.",
	"“The first part.\n\n“The second part,” she said.\n\nThe third part,” Roe said.",
	"Russia’s army, the ’90s, rock ’n’ roll, the voters’ mood ‘Open’ and ''quoted''",
	"\"[Former Mayor Ivo] Dunn\"\"\" “ ” ‘ ’ « » „ ' ` ``",
	"\xff\xfe“\xe2\x80", // invalid UTF-8 and a cut mark
}

// checkSpans fails when spans are out of s, empty, out of order or overlapping, or cut a rune.
func checkSpans(t *testing.T, what, s string, spans []dossier.Span) {
	t.Helper()
	last := 0
	for _, sp := range spans {
		if sp.Start < last || sp.End <= sp.Start || sp.End > len(s) {
			t.Fatalf("%s span %+v out of order or range (previous end %d, text length %d) in %q", what, sp, last, len(s), s)
		}
		if utf8.ValidString(s) && !utf8.ValidString(s[sp.Start:sp.End]) {
			t.Fatalf("%s span %+v cuts a character in %q", what, sp, s)
		}
		last = sp.End
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := text.Tokens(s)
		spans := make([]dossier.Span, len(toks))
		for i, tok := range toks {
			spans[i] = tok.Span
		}
		checkSpans(t, "token", s, spans)
		sents := text.Sentences(s)
		checkSpans(t, "sentence", s, sents)
		if len(toks) > 0 && (len(sents) == 0 || sents[0].Start != toks[0].Start || sents[len(sents)-1].End != toks[len(toks)-1].End) {
			t.Fatalf("sentences %v do not cover the tokens of %q", sents, s)
		}
		checkSpans(t, "paragraph", s, text.Paragraphs(s))
	})
}

func FuzzQuoteMarks(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		qs := text.Quotations(s)
		spans := make([]dossier.Span, len(qs))
		for i, q := range qs {
			spans[i] = q.Span
			if q.Open.End > q.Start || q.Close.Start < q.End || q.Open.Start < 0 || q.Close.End > len(s) {
				t.Fatalf("quotation %+v: marks outside its text in %q", q, s)
			}
		}
		checkSpans(t, "quotation", s, spans)
	})
}
