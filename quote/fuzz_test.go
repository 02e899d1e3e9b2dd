package quote_test

import (
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
)

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“The ferries will run again by Friday,” said Mara Ode, the harbour master of Velmar.",
		"Mayor Ivo Dunn and harbour master Mara Ode both insisted that “no ferry will leave.”",
		"According to Mara Ode, the strike cost the town two million euros, officials said.",
		"“The first part.\n\nNobody came,” Ode said. He called it “a disgrace.” She told the BBC that",
		"Mr. O said: \"x\" ’ ‘ « » ,” said , according to the the said that that",
		"\xff“\xe2 said\n\n”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		qs := extract(s)
		last := -1
		for _, q := range qs {
			if q.Start < 0 || q.End > len(s) || q.Start >= q.End || q.Start < last {
				t.Fatalf("quote span %+v out of range or order (previous start %d) in %q", q.Span, last, s)
			}
			last = q.Start
			for _, sp := range []dossier.Span{q.Cue, q.Evidence} {
				if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
					t.Fatalf("span %+v out of range in %q", sp, s)
				}
			}
			if q.Evidence.Len() > 0 && (q.Evidence.Start > q.Start || q.Evidence.End < q.End) {
				t.Fatalf("evidence %+v does not hold quote %+v in %q", q.Evidence, q.Span, s)
			}
			for _, sp := range q.Speakers {
				if sp.Mention.Start < 0 || sp.Mention.End > len(s) || sp.Mention.Start > sp.Mention.End {
					t.Fatalf("speaker mention %+v out of range in %q", sp.Mention, s)
				}
				if utf8.ValidString(s) && !utf8.ValidString(sp.Name) {
					t.Fatalf("speaker name %q is not valid UTF-8", sp.Name)
				}
			}
		}
	})
}
