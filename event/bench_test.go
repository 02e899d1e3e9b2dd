package event_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/event"
	"github.com/dossier-news/dossier/internal/shared"
	"github.com/dossier-news/dossier/text"
	"github.com/dossier-news/dossier/timex"
)

// BenchmarkExtract times event extraction alone over the seed articles, their text layers,
// entities and temporal expressions found beforehand.
func BenchmarkExtract(b *testing.B) {
	texts, size := shared.Texts(b, "*.txt", "seeds")
	finder, err := entity.Default()
	if err != nil {
		b.Fatalf("load entity finder: %v", err)
	}
	tagger, err := timex.Default()
	if err != nil {
		b.Fatalf("load timex rules: %v", err)
	}
	type input struct {
		doc   *text.Doc
		ents  []entity.Entity
		times []timex.Expr
	}
	var inputs []input
	for _, s := range texts {
		inputs = append(inputs, input{text.Parse(s), finder.Find(s), tagger.Tag(s, time.Time{})})
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			event.Extract(in.doc, in.ents, in.times, time.Time{})
		}
	}
}

// syntheticReports builds n articles' events: a story with a few dozen actors, half the articles
// dated over a season, each with twenty events of assorted types, most of them dated.
func syntheticReports(n int) []event.Report {
	rng := rand.New(rand.NewPCG(1, 2))
	kinds := []struct{ typ, trigger string }{
		{"call", "call"}, {"call", "phone call"}, {"meeting", "met"}, {"summit", "summit"}, {"talks", "talks"},
		{"statement", "announced"}, {"agreement", "agreed"}, {"visit", "visited"}, {"attack", "attack"}, {"protest", "protest"},
	}
	var vocabulary []string
	for i := range 400 {
		vocabulary = append(vocabulary, fmt.Sprintf("word%d", i))
	}
	start := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
	out := make([]event.Report, n)
	for i := range out {
		r := event.Report{Article: fmt.Sprintf("a%d", i), Source: fmt.Sprintf("a%d.txt", i), Rank: i}
		if rng.IntN(2) == 0 {
			r.Published = start.AddDate(0, 0, rng.IntN(90))
		}
		var words []string
		for range 300 {
			words = append(words, vocabulary[rng.IntN(len(vocabulary))])
		}
		r.Text = strings.Join(words, " ")
		for k := range 20 {
			kind := kinds[rng.IntN(len(kinds))]
			m := mention{id: fmt.Sprintf("%d-%d", i, k), typ: kind.typ, trigger: kind.trigger}
			for range 1 + rng.IntN(3) {
				m.actors = append(m.actors, fmt.Sprintf("Actor %d", rng.IntN(40)))
			}
			if !r.Published.IsZero() && rng.IntN(10) < 7 {
				d := r.Published.AddDate(0, 0, -rng.IntN(14))
				m.when = event.When{Text: "on " + d.Weekday().String(), Date: d.Format(time.DateOnly), Precision: event.Day}
			}
			r.Events = append(r.Events, m.event(100*k))
		}
		out[i] = r
	}
	return out
}

// BenchmarkMerge times merging and ordering 1,000 articles' events and reports events/s.
func BenchmarkMerge(b *testing.B) {
	reports := syntheticReports(1000)
	n := 0
	for _, r := range reports {
		n += len(r.Events)
	}
	b.ReportAllocs()
	for b.Loop() {
		event.Merge(reports)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
