package eval_test

import (
	"testing"

	"github.com/dossier-news/dossier/eval"
)

func TestScoreQuotes(t *testing.T) {
	gold := []eval.GoldQuote{
		{Doc: "a.txt", Kind: "direct", Text: "The harbour will reopen on Monday, and the ferries with it.", Speaker: "Mara Ode", Accept: []string{"Mara Ode", "Ode"}},
		{Doc: "a.txt", Kind: "partial", Text: "a disgrace", Speaker: "Ivo Dunn", Accept: []string{"Ivo Dunn", "Dunn"}},
		{Doc: "a.txt", Kind: "partial", Text: "no town should be left alone", Speaker: "Lena Varga", Accept: []string{"Lena Varga", "Varga"}},
		{Doc: "a.txt", Kind: "partial", Text: "no town should be left alone", Speaker: "Piet Aho", Accept: []string{"Piet Aho", "Aho"}},
		{Doc: "b.txt", Kind: "indirect", Text: "the port authority had run out of money", Speaker: "ministry", Accept: []string{"ministry"}},
	}
	tests := []struct {
		name           string
		pred           []eval.PredictedQuote
		spans, speaker eval.Counts
	}{
		{"nothing predicted", nil, eval.Counts{Gold: 5}, eval.Counts{Gold: 5}},
		{"all found",
			[]eval.PredictedQuote{
				{Doc: "a.txt", Kind: "direct", Text: "The harbour will reopen on Monday,", Speakers: []string{"Mara Ode"}},
				{Doc: "a.txt", Kind: "partial", Text: "the plan was “a disgrace” to the town", Speakers: []string{"Councillor Ivo Dunn"}},
				{Doc: "a.txt", Kind: "partial", Text: "“no town should be left alone.”", Speakers: []string{"Lena Varga", "Piet Aho"}},
				{Doc: "b.txt", Kind: "indirect", Text: "the port authority had run out of money", Speakers: []string{"the ministry"}},
			},
			eval.Counts{Correct: 5, Predicted: 5, Gold: 5}, eval.Counts{Correct: 5, Predicted: 5, Gold: 5}},
		{"wrong speaker, other document, too little overlap",
			[]eval.PredictedQuote{
				{Doc: "a.txt", Kind: "direct", Text: "The harbour will reopen on Monday", Speakers: []string{"Odessa Port"}},
				{Doc: "b.txt", Kind: "partial", Text: "a disgrace", Speakers: []string{"Ivo Dunn"}},
				{Doc: "b.txt", Kind: "indirect", Text: "the port authority said nothing at all to anyone today", Speakers: []string{"ministry"}},
			},
			eval.Counts{Correct: 1, Predicted: 3, Gold: 5}, eval.Counts{Predicted: 3, Gold: 5}},
		{"speaker needs whole words", []eval.PredictedQuote{{Doc: "a.txt", Kind: "partial", Text: "a disgrace", Speakers: []string{"Dunnington"}}},
			eval.Counts{Correct: 1, Predicted: 1, Gold: 5}, eval.Counts{Predicted: 1, Gold: 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := eval.ScoreQuotes(gold, tt.pred)
			if got.All.Spans != tt.spans || got.All.Speakers != tt.speaker {
				t.Errorf("ScoreQuotes spans %+v speakers %+v, want %+v and %+v", got.All.Spans, got.All.Speakers, tt.spans, tt.speaker)
			}
			if len(got.Misses) != tt.speaker.Gold-tt.speaker.Correct {
				t.Errorf("misses = %d, want %d", len(got.Misses), tt.speaker.Gold-tt.speaker.Correct)
			}
		})
	}
}

func TestScoreQuotesByKind(t *testing.T) {
	gold := []eval.GoldQuote{{Doc: "a", Kind: "direct", Text: "We will rebuild the bridge.", Accept: []string{"Ode"}}}
	pred := []eval.PredictedQuote{{Doc: "a", Kind: "partial", Text: "We will rebuild the bridge.", Speakers: []string{"Ode"}}}
	got := eval.ScoreQuotes(gold, pred)
	if got.All.Speakers.Correct != 1 {
		t.Errorf("all kinds: correct = %d, want 1 (kinds are not compared)", got.All.Speakers.Correct)
	}
	for _, k := range got.Kinds {
		if k.Speakers.Correct != 0 {
			t.Errorf("kind %s: correct = %d, want 0 (a kind matches its own kind only)", k.Kind, k.Speakers.Correct)
		}
	}
}

func TestCounts(t *testing.T) {
	c := eval.Counts{Correct: 8, Predicted: 10, Gold: 16}
	if p, r, f := c.Precision(), c.Recall(), c.F1(); p != 0.8 || r != 0.5 || f < 0.615 || f > 0.616 {
		t.Errorf("P/R/F1 = %v %v %v, want 0.8 0.5 0.615", p, r, f)
	}
	if f := (eval.Counts{}).F1(); f != 0 {
		t.Errorf("empty F1 = %v, want 0", f)
	}
}
