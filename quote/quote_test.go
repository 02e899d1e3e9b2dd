package quote_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/quote"
	"github.com/dossier-news/dossier/text"
)

// show renders a quote as "kind | speakers | text" for comparison.
func show(text string, q quote.Quote) string {
	var names []string
	for _, s := range q.Speakers {
		names = append(names, s.Name)
	}
	return string(q.Kind) + " | " + strings.Join(names, " + ") + " | " + text[q.Start:q.End]
}

func extract(text string) []quote.Quote {
	return quote.Extract(&dossier.Article{Text: text})
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"speaker after the quote",
			"“The ferries will run again by Friday,” said Mara Ode, the harbour master of Velmar.",
			[]string{"direct | Mara Ode | The ferries will run again by Friday,"}},
		{"speaker before, with a colon",
			"Ivo Dunn, the mayor, told reporters: “We have done what we could.”",
			[]string{"direct | Ivo Dunn | We have done what we could."}},
		{"pronoun",
			"Lena Varga was the first to speak at the meeting. “Nobody warned us about the storm,” she said.",
			[]string{"direct | Lena Varga | Nobody warned us about the storm,"}},
		{"pronoun takes the subject of the sentence before",
			"Mayor Ivo Dunn met the fishermen of Velmar on Monday. “We will not abandon the harbour,” he said.",
			[]string{"direct | Ivo Dunn | We will not abandon the harbour,"}},
		{"role description",
			"Councillor Ivo Dunn spoke after the vote. “We are ready for the season,” the veteran politician said.",
			[]string{"direct | Ivo Dunn | We are ready for the season,"}},
		{"institution, indirect",
			"The ministry said the port authority had run out of money.",
			[]string{"indirect | ministry | the port authority had run out of money"}},
		{"document, partial",
			"The official readout claimed that both sides “agreed on every point.”",
			[]string{"partial | official readout | both sides “agreed on every point.”"}},
		{"two speakers at once",
			"Mayor Ivo Dunn and harbour master Mara Ode both insisted that “no ferry will leave without a crew.”",
			[]string{"partial | Ivo Dunn + Mara Ode | “no ferry will leave without a crew.”"}},
		{"according to",
			"According to Mara Ode, the strike cost the town two million euros.",
			[]string{"indirect | Mara Ode | the strike cost the town two million euros"}},
		{"denied that",
			"Port director Karl Brandt denied that the cranes had been sold.",
			[]string{"indirect | Karl Brandt | the cranes had been sold"}},
		{"trailing attribution without marks",
			"The strike will end next week, officials said.",
			[]string{"indirect | officials | The strike will end next week"}},
		{"fragment after a verb of saying",
			"Dunn called the strike “a disgrace for a port town.”",
			[]string{"partial | Dunn | a disgrace for a port town."}},
		{"scare quotes are no quotes",
			"The so-called “peace plan” was never published, and its “green” ferries never sailed.",
			nil},
		{"term after what someone calls it",
			"The union staged what it calls a “solidarity pause” on Monday.",
			nil},
		{"titles are no quotes",
			"In her book “The Long Harbour,” Mara Ode describes her childhood on the docks.",
			nil},
		{"apostrophes are no quote marks",
			"Velmar’s ferries, rock ’n’ roll bands of the ’90s and the workers’ union were all there.",
			nil},
		{"straight and curly marks mixed",
			"\"We are ready,\" Mara Ode said. “So are we,” Ivo Dunn replied.",
			[]string{"direct | Mara Ode | We are ready,", "direct | Ivo Dunn | So are we,"}},
		{"brackets inside a quote",
			"\"[Former mayor Karl] Brandt never visited the harbour,\" Mara Ode said.",
			[]string{"direct | Mara Ode | [Former mayor Karl] Brandt never visited the harbour,"}},
		{"question before its attribution",
			"“Is the bridge safe?” Lena Varga asked.",
			[]string{"direct | Lena Varga | Is the bridge safe?"}},
		{"party and state after the name",
			"“We were ready for the storm,” Senator Ivo Dunn (D-Velmar) said in a statement.",
			[]string{"direct | Ivo Dunn | We were ready for the storm,"}},
		{"age after the name",
			"“I got into a panic,” Piet Aho, 33, said of the storm.",
			[]string{"direct | Piet Aho | I got into a panic,"}},
		{"description after the cue",
			"“Vote for the harbour list,” said the printed campaign card.",
			[]string{"direct | printed campaign card | Vote for the harbour list,"}},
		{"described, not named, by an indefinite article",
			"“The gap is too wide,” said a Velmar Democrat. “She needs a boost,” added a Harbour Democrat.",
			[]string{"direct | Velmar Democrat | The gap is too wide,", "direct | Harbour Democrat | She needs a boost,"}},
		{"pronoun with said keeps indirect speech",
			"Mara Ode spoke on Monday. She said the port would reopen in June.",
			[]string{"indirect | Mara Ode | the port would reopen in June"}},
		{"pronoun with a verb that characterises drops indirect speech",
			"Mara Ode spoke on Monday. She insisted that the port would reopen in June.",
			nil},
		{"shared subject with said",
			"Ivo Dunn visited the docks and said the cranes were safe.",
			[]string{"indirect | Ivo Dunn | the cranes were safe"}},
		{"it stands for the institution before",
			"The ministry issued a statement on Friday. “The port is safe,” it said.",
			[]string{"direct | ministry | The port is safe,"}},
		{"whose office",
			"Mara Ode is travelling this week. Her office said she would return on Monday.",
			[]string{"indirect | Mara Ode’s office | she would return on Monday"}},
		{"dateline is no speech",
			"HESK, Velmar, May 4 (Meridian) - Velmar said on Thursday it would reopen the port.",
			[]string{"indirect | Velmar | it would reopen the port"}},
		{"speech broken by its attribution without marks",
			"The charter, Ode said, gives the court the last word on the dispute.",
			[]string{"indirect | Ode | The charter, Ode said, gives the court the last word on the dispute"}},
		{"described with a place",
			"Diplomats in Hesk said the draft was written to end the dispute.",
			[]string{"indirect | Diplomats in Hesk | the draft was written to end the dispute"}},
		{"a noun of saying is no verb",
			"Mara Ode read out a list of Velmari demands that nobody accepted.",
			nil},
		{"no speech in a relative clause",
			"The ceasefire Ivo Dunn claimed he could secure has not materialized.",
			nil},
		{"an object is no reported clause",
			"Ivo Dunn acknowledged the difficulty of the talks.",
			nil},
		{"pronoun after according to",
			"Lena Varga, a historian, studies the port. According to Varga, Mayor Ivo Dunn will resign next year. “He has lost the harbour,” she said.",
			[]string{"indirect | Lena Varga | Mayor Ivo Dunn will resign next year", "direct | Lena Varga | He has lost the harbour,"}},
		{"pronoun passes over a person after a preposition",
			"Lena Varga spoke at the dock on Monday. Varga said the ferry owed money to Pell Harbours. “We will collect it,” she said.",
			[]string{"indirect | Lena Varga | the ferry owed money to Pell Harbours", "direct | Lena Varga | We will collect it,"}},
		{"two people with one last name",
			"Ivo Dunn and Marta Dunn run the ferry. “We are tired,” Marta Dunn said. “So am I,” said Ivo Dunn. “It is over,” Dunn added.",
			[]string{"direct | Marta Dunn | We are tired,", "direct | Ivo Dunn | So am I,", "direct | Ivo Dunn | It is over,"}},
		{"leftmost name before its appositions",
			"“The cranes are old,” Piet Aho, the port engineer of Velmar, one of the towns on strike, said.",
			[]string{"direct | Piet Aho | The cranes are old,"}},
		{"signed after a dash",
			"“The ferry is our lifeline.” ― Marta Quell\n\n“Bring back the night boat.” ― Jonas Etterby",
			[]string{"direct | Marta Quell | The ferry is our lifeline.", "direct | Jonas Etterby | Bring back the night boat."}},
		{"dateline before the speaker",
			"HESK, Velmar, May 4 (Meridian) - The harbour master said the port would reopen. “We are ready,” it said.",
			[]string{"indirect | harbour master | the port would reopen", "direct |  | We are ready,"}},
		{"name in apposition to a description",
			"A ministry spokesman, Pavel Orn, said Caldora had “always kept its word.”",
			[]string{"partial | Pavel Orn | Caldora had “always kept its word.”"}},
		{"joint speakers, one named in apposition",
			"Lena Koruth and her foreign minister, Tomas Averin, both insisted that the dam would be filled “responsibly and slowly.”",
			[]string{"partial | Lena Koruth + Tomas Averin | the dam would be filled “responsibly and slowly.”"}},
		{"participle clause before the speaker",
			"Speaking to reporters in Brevik, Ilsa Tamberlin said the two delegations would meet again in June.",
			[]string{"indirect | Ilsa Tamberlin | the two delegations would meet again in June"}},
		{"question before a colon is no speech",
			"Asked whether the talks could fail, Tamberlin replied: “Of course they can.”",
			[]string{"direct | Tamberlin | Of course they can."}},
		{"listener named with a noun of saying",
			"Spokesman Pavel Orn told the state news agency that Orvet would study the text.",
			[]string{"indirect | Pavel Orn | Orvet would study the text"}},
		{"adjective before a described name",
			"Writing on social media, the former Velmari negotiator Nadia Feroz said the plan was fair.",
			[]string{"indirect | Nadia Feroz | the plan was fair"}},
		{"name before its organisation",
			"“The fees are too high,” said Karl Brandt of the Velmar Shipping Federation.",
			[]string{"direct | Karl Brandt | The fees are too high,"}},
		{"listener after told is no speaker",
			"“It is inevitable,” the mayor’s chief of staff, Piet Aho, told the Herald before the vote.",
			[]string{"direct | Piet Aho | It is inevitable,"}},
		{"name after a description after the verb",
			"“We treat the month as one long election day,” said the mayor’s deputy campaign manager, Marta Quell, who ran the count.",
			[]string{"direct | Marta Quell | We treat the month as one long election day,"}},
		{"two quoted phrases in one clause",
			"Analyst Piet Aho said the vote signals “the end of the old harbour board” and shows “a town tired of waiting.”",
			[]string{"partial | Piet Aho | the end of the old harbour board", "partial | Piet Aho | a town tired of waiting."}},
		{"single quoted words stay in their clause",
			"Piet Aho said it was “regrettable” that the board had made “concessions” to the union.",
			[]string{"partial | Piet Aho | it was “regrettable” that the board had made “concessions” to the union"}},
		{"speaker with a relative clause",
			"One harbour official who relayed the exchange said the mayor had left the room.",
			[]string{"indirect | One harbour official who relayed the exchange | the mayor had left the room"}},
		{"someone's spokeswoman is not that someone",
			"Mayor Ivo Dunn stayed away. The mayor’s spokeswoman told the Herald that Dunn was ill.",
			[]string{"indirect | mayor’s spokeswoman | Dunn was ill"}},
		{"terms in quote marks are no quotes",
			"In her book Ode describes what she calls the “engineering of denial.” The so-called “peace dividend” of the dam, Ode argues, was never more than a slogan. Velmar’s “red lines,” as officials like to call them, have moved.",
			[]string{"indirect | Ode | The so-called “peace dividend” of the dam, Ode argues, was never more than a slogan"}},
		{"quote broken by its attribution",
			"“The ferries,” Mara Ode said, “will run again by Friday.”",
			[]string{"direct | Mara Ode | The ferries,” Mara Ode said, “will run again by Friday."}},
		{"quote going on from the one before",
			"“We will reopen,” said Mara Ode. “It is only a question of days.”",
			[]string{"direct | Mara Ode | We will reopen,", "direct | Mara Ode | It is only a question of days."}},
		{"quote over two paragraphs, opening mark repeated",
			"“The first ferry leaves at dawn.\n\n“The second one follows at noon,” said Mara Ode.",
			[]string{"direct | Mara Ode | The first ferry leaves at dawn.\n\n“The second one follows at noon,"}},
		{"quote over paragraphs, opening marks left out",
			"Mara Ode, the harbour master, spoke for an hour.\n\n“We waited for weeks.”\n\nNobody came to help us. The town was left alone,” Ode said.",
			[]string{"direct | Mara Ode | We waited for weeks.", "direct | Mara Ode | Nobody came to help us. The town was left alone,"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range extract(tt.in) {
				got = append(got, show(tt.in, q))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Extract(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSpeakerDetails(t *testing.T) {
	tests := []struct {
		name                   string
		in                     string
		role, medium, cue, who string
	}{
		{"role from an apposition", "“The port is closed,” said Mara Ode, a senior fellow at the Velmar Institute.",
			"senior fellow at the Velmar Institute", "", "said", "Mara Ode"},
		{"role from an apposition where the name is first given", "Oren Kallis, a hydrologist at the University of Orvet, spoke first. Kallis said the river was low.",
			"hydrologist at the University of Orvet", "", "said", "Oren Kallis"},
		{"role from titles", "Velmar Harbour Master Mara Ode said the port was closed.", "Velmar Harbour Master", "", "said", "Mara Ode"},
		{"medium on social media", "“The port is closed,” Mara Ode wrote on social media.", "", "on social media", "wrote", "Mara Ode"},
		{"medium told an outlet", "Mara Ode told the Velmar Herald that the port was closed.", "", "the Velmar Herald", "told", "Mara Ode"},
		{"fullest name", "Mara Ode runs the port. Ode said the cranes were old.", "", "", "said", "Mara Ode"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := extract(tt.in)
			if len(qs) != 1 || len(qs[0].Speakers) != 1 {
				t.Fatalf("Extract(%q) = %d quotes, want 1 with one speaker", tt.in, len(qs))
			}
			q, s := qs[0], qs[0].Speakers[0]
			if s.Name != tt.who || s.Role != tt.role || s.Medium != tt.medium || tt.in[q.Cue.Start:q.Cue.End] != tt.cue {
				t.Errorf("speaker %q role %q medium %q cue %q, want %q %q %q %q",
					s.Name, s.Role, s.Medium, tt.in[q.Cue.Start:q.Cue.End], tt.who, tt.role, tt.medium, tt.cue)
			}
			if q.Evidence.Start > q.Start || q.Evidence.End < q.End {
				t.Errorf("evidence %+v does not hold the quote %+v", q.Evidence, q.Span)
			}
		})
	}
}

// names is an entity recogniser for tests: it reports each listed name wherever it occurs.
type names map[string]quote.Mention

func (ns names) Mentions(text string) []quote.Mention {
	var out []quote.Mention
	for name, m := range ns {
		for i := 0; ; {
			k := strings.Index(text[i:], name)
			if k < 0 {
				break
			}
			m.Start, m.End = i+k, i+k+len(name)
			out = append(out, m)
			i += k + len(name)
		}
	}
	return out
}

func TestExtractorEntities(t *testing.T) {
	in := "Harbour chief Mara Ode-Lind spoke on Monday. “The cranes are old,” Ode-Lind said."
	e := quote.Extractor{Entities: names{
		"Mara Ode-Lind": {Entity: "person:mara-ode-lind", Name: "Mara Ode-Lind", Type: "person"},
		"Ode-Lind":      {Entity: "person:mara-ode-lind", Name: "Mara Ode-Lind", Type: "person"},
	}}
	qs := e.Extract(text.Parse(in), nil)
	if len(qs) != 1 || len(qs[0].Speakers) != 1 {
		t.Fatalf("Extract = %d quotes, want 1 with a speaker", len(qs))
	}
	if s := qs[0].Speakers[0]; s.Name != "Mara Ode-Lind" || s.Entity != "person:mara-ode-lind" {
		t.Errorf("speaker %q entity %q, want Mara Ode-Lind and person:mara-ode-lind", s.Name, s.Entity)
	}
}
