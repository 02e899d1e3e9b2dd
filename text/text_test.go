package text_test

import (
	"slices"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/text"
)

func words(s string, toks []text.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = s[t.Start:t.End]
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"abbreviations", "U.S. Sen. Jane Roe met Dr. Ode in Jan. 2031.", []string{"U.S.", "Sen.", "Jane", "Roe", "met", "Dr.", "Ode", "in", "Jan.", "2031", "."}},
		{"initials", "Franklin D. Roosevelt and J.R.R. Tolkien", []string{"Franklin", "D.", "Roosevelt", "and", "J.R.R.", "Tolkien"}},
		{"numbers", "It grew 3.5 percent to 1,200 troops, or 12,34 units.", []string{"It", "grew", "3.5", "percent", "to", "1,200", "troops", ",", "or", "12", ",", "34", "units", "."}},
		{"apostrophes inside words", "Russia’s army didn't move in the 1990's", []string{"Russia’s", "army", "didn't", "move", "in", "the", "1990's"}},
		{"elided years and rock n roll", "back in the ’90s, rock ’n’ roll and '16", []string{"back", "in", "the", "’90s", ",", "rock", "’n’", "roll", "and", "'16"}},
		{"quote marks stay apart", "“No,” she said.", []string{"“", "No", ",", "”", "she", "said", "."}},
		{"hyphens and state abbreviations", "Bob Roe, R-Tenn., backed the pre-2014 border", []string{"Bob", "Roe", ",", "R-Tenn.", ",", "backed", "the", "pre-2014", "border"}},
		{"ellipsis", "well... maybe", []string{"well", "...", "maybe"}},
		{"title number", "No. 10 Downing Street", []string{"No.", "10", "Downing", "Street"}},
		{"web name", "told Caliber.Az.", []string{"told", "Caliber.Az."}},
		{"non-latin", "Байба Браже сказала «нет»", []string{"Байба", "Браже", "сказала", "«", "нет", "»"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := words(tt.in, text.Tokens(tt.in))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenKinds(t *testing.T) {
	in := "On 3.5 , U.S."
	got := text.Tokens(in)
	want := []text.Kind{text.Word, text.Number, text.Punct, text.Word}
	if len(got) != len(want) {
		t.Fatalf("Tokens(%q) = %d tokens, want %d", in, len(got), len(want))
	}
	for i := range want {
		if got[i].Kind != want[i] {
			t.Errorf("token %q kind %d, want %d", in[got[i].Start:got[i].End], got[i].Kind, want[i])
		}
	}
}

func spanTexts(s string, spans []dossier.Span) []string {
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = s[sp.Start:sp.End]
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "The ferry sank. Nobody was hurt! Was it late?", []string{"The ferry sank.", "Nobody was hurt!", "Was it late?"}},
		{"titles and initials", "Gen. Mara Ode met Dr. H. L. Brandt on Jan. 4. They talked.", []string{"Gen. Mara Ode met Dr. H. L. Brandt on Jan. 4.", "They talked."}},
		{"acronym inside", "The U.S. Navy sent No. 7 ship to St. Kilda.", []string{"The U.S. Navy sent No. 7 ship to St. Kilda."}},
		{"acronym at the end", "It will talk with the U.S. The Kremlin agreed.", []string{"It will talk with the U.S.", "The Kremlin agreed."}},
		{"numbers", "Prices rose 3.5 percent. Exports hit 1,200 tonnes.", []string{"Prices rose 3.5 percent.", "Exports hit 1,200 tonnes."}},
		{"quote with two sentences", "“We are ready. The port is open,” said Lena Varga.", []string{"“We are ready.", "The port is open,” said Lena Varga."}},
		{"question before its cue", "“Is it safe?” she asked. “Yes.”", []string{"“Is it safe?” she asked.", "“Yes.”"}},
		{"closing marks after the stop", "He called it \"absurd.\" Then he left.", []string{"He called it \"absurd.\"", "Then he left."}},
		{"brackets in a quote", "\"[Former Mayor Ivo] Dunn never came,\" she said. (He did.) Fine.", []string{"\"[Former Mayor Ivo] Dunn never came,\" she said.", "(He did.)", "Fine."}},
		{"lowercase after a stop", "He works at Acme Inc. and lives nearby.", []string{"He works at Acme Inc. and lives nearby."}},
		{"line breaks end sentences", "Heading without stop\nThe text goes on.\n\nNext paragraph", []string{"Heading without stop", "The text goes on.", "Next paragraph"}},
		{"ellipsis", "He paused… Then he spoke.", []string{"He paused…", "Then he spoke."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := spanTexts(tt.in, text.Sentences(tt.in))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"blank lines", "One.\n\nTwo\nstill two.\n \t\nThree.", []string{"One.", "Two\nstill two.", "Three."}},
		{"edges trimmed", "\n\n  Only one.  \n\n", []string{"Only one."}},
		{"empty", " \n ", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := spanTexts(tt.in, text.Paragraphs(tt.in))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Paragraphs(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestQuotations(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // the quoted texts; a leading ' marks a single-mark quotation
	}{
		{"curly", "“The bridge is safe,” said Ana Roe.", []string{"The bridge is safe,"}},
		{"straight", `"The bridge is safe," said Ana Roe. He called it "a relic".`, []string{"The bridge is safe,", "a relic"}},
		{"straight and curly mixed", "“One,” she said. \"Two,\" he said. “Three\" and \"four”.", []string{"One,", "Two,", "Three", "four"}},
		{"apostrophes are not marks", "Russia’s army, the ’90s, rock ’n’ roll, the voters’ mood and ’em.", nil},
		{"apostrophes inside a quote", "“Russia’s army won’t stop in the ’90s style,” he said.", []string{"Russia’s army won’t stop in the ’90s style,"}},
		{"plural possessive before a quote", "The voters’ mood was “grim,” the pollster said.", []string{"grim,"}},
		{"brackets inside", "\"[Former Mayor Ivo] Dunn never came,\" she said.", []string{"[Former Mayor Ivo] Dunn never came,"}},
		{"single marks in a headline", "Mayor Says Port Is ‘Open for Business’ After Storm", []string{"'Open for Business"}},
		{"single marks nested in double", "“He told me ‘never again,’ and left,” she said.", []string{"He told me ‘never again,’ and left,"}},
		{"two straight apostrophes as a mark", "''It won't happen,'' he said.", []string{"It won't happen,"}},
		{"repeated opening mark", "“The first part.\n\n“The second part,” she said.", []string{"The first part.\n\n“The second part,"}},
		{"opening mark left out", "Ana Roe, a pilot, spoke.\n\n“The first part.”\n\nThe second part.\n\nThe third part,” Roe said.",
			[]string{"The first part.", "The second part.\n\nThe third part,"}},
		{"closing mark left out, closed later", "“The first part.\n\nThe second part,” she said.", []string{"The first part.\n\nThe second part,"}},
		{"never closed", "She said: “It ends here.\n\nThe reporter went home.", []string{"It ends here."}},
		{"closing mark alone mid-text", "Narration first. Then it ends,” he said.", []string{"Narration first. Then it ends,"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range text.Quotations(tt.in) {
				s := tt.in[q.Start:q.End]
				if q.Single {
					s = "'" + s
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Quotations(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestQuotationMarks(t *testing.T) {
	in := "Ana said “yes”. Roe said it ends here,” the end."
	qs := text.Quotations(in)
	if len(qs) != 2 {
		t.Fatalf("Quotations(%q) = %d quotations, want 2", in, len(qs))
	}
	if got := in[qs[0].Open.Start:qs[0].Open.End]; got != "“" {
		t.Errorf("first opening mark = %q, want “", got)
	}
	if got := in[qs[0].Close.Start:qs[0].Close.End]; got != "”" {
		t.Errorf("first closing mark = %q, want ”", got)
	}
	if qs[1].Open.Len() != 0 || qs[1].Open.Start != qs[1].Start {
		t.Errorf("second quotation's missing opening mark = %+v, want empty at %d", qs[1].Open, qs[1].Start)
	}
}

func TestParse(t *testing.T) {
	in := "Gen. Ode spoke. “We hold,” she said.\n\nNo. 7 fell."
	d := text.Parse(in)
	if got, want := spanTexts(in, d.Sentences), []string{"Gen. Ode spoke.", "“We hold,” she said.", "No. 7 fell."}; !slices.Equal(got, want) {
		t.Errorf("Sentences = %q, want %q", got, want)
	}
	if got := len(d.Paragraphs); got != 2 {
		t.Errorf("Paragraphs = %d, want 2", got)
	}
	if got := len(d.Quotations); got != 1 {
		t.Errorf("Quotations = %d, want 1", got)
	}
	pos := len("Gen. Ode spoke. “We")
	if i := d.SentenceIndex(pos); i != 1 {
		t.Errorf("SentenceIndex(%d) = %d, want 1", pos, i)
	}
	if i := d.ParagraphIndex(len(in) - 1); i != 1 {
		t.Errorf("ParagraphIndex(end) = %d, want 1", i)
	}
	if i := d.TokenIndex(0); d.Word(i) != "Gen." {
		t.Errorf("Word(TokenIndex(0)) = %q, want Gen.", d.Word(i))
	}
}
