package event_test

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/event"
	"github.com/dossier-news/dossier/text"
	"github.com/dossier-news/dossier/timex"
)

// wordEntities makes every capitalised word of a parsed text a mention of an entity named by it,
// of a type that depends on its length, so that fuzzing reaches actors and places without a
// tagger.
func wordEntities(doc *text.Doc) []entity.Entity {
	types := []string{entity.Person, entity.Organization, entity.Location, entity.Other}
	var out []entity.Entity
	for i, tok := range doc.Tokens {
		w := doc.Word(i)
		r, _ := utf8.DecodeRuneInString(w)
		if tok.Kind != text.Word || !unicode.IsUpper(r) {
			continue
		}
		id := "e:" + strings.ToLower(w)
		k := slices.IndexFunc(out, func(e entity.Entity) bool { return e.ID == id })
		if k < 0 {
			out = append(out, entity.Entity{ID: id, Name: w, Type: types[len(w)%len(types)]})
			k = len(out) - 1
		}
		out[k].Mentions = append(out[k].Mentions, tok.Span)
	}
	return out
}

// FuzzExtract checks that Extract never panics, that every event's evidence is a span of the text
// holding its summary and trigger verbatim, that its values are among those documented, and that
// Merge gives every event back exactly once.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"",
		"President Ana Lind and Prime Minister Oskar Vale spoke in a phone call on Wednesday.",
		"The president met Vale in Kessel last week and welcomed four ministers to Council House on Monday.",
		"On Monday, Lind told Vale she was open to talks, but the following day Rask diluted it.",
		"Lind announced that they had agreed to hold peace talks following a surprise call on Wednesday, stunning Kessel.",
		"“We will meet in Dunmoor,” Vale said. After a virtual meeting of the Lake Council on Tuesday, Holm stated it.",
		"The Kessel talks in the spring of 2022 failed; the last summit was in 2019 — since then, nothing.",
		"welcomed ... to to to the the Lake",
		"Putin would relish a summit with Trump, preferably in Moscow, in early May.",
		"\xff\xfe call met \x00 summit",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	tagger, err := timex.Default()
	if err != nil {
		f.Fatalf("load timex rules: %v", err)
	}
	statuses := []string{event.Happened, event.Planned, event.Possible, event.Reported}
	precisions := []string{"", event.Day, event.Week, event.Month, event.Season, event.Quarter, event.Half, event.Year, event.Decade, event.Century}
	f.Fuzz(func(t *testing.T, s string, dated bool) {
		var pub time.Time
		if dated {
			pub = time.Date(2025, 2, 14, 9, 0, 0, 0, time.UTC)
		}
		doc := text.Parse(s)
		evs := event.Extract(doc, wordEntities(doc), tagger.Tag(s, pub), pub)
		valid := utf8.ValidString(s)
		for _, e := range evs {
			ev := e.Evidence
			if ev.Start < 0 || ev.End > len(s) || ev.Start >= ev.End || s[ev.Start:ev.End] != ev.Text {
				t.Fatalf("evidence %+v is not a span of the text (length %d)", ev, len(s))
			}
			if !strings.Contains(ev.Text, e.Summary) || !strings.Contains(e.Summary, e.Trigger) || e.Trigger == "" {
				t.Fatalf("summary %q must lie in the evidence %q and hold the trigger %q", e.Summary, ev.Text, e.Trigger)
			}
			if valid && (!utf8.ValidString(e.Summary) || !utf8.ValidString(e.Place) || !utf8.ValidString(e.When.Text)) {
				t.Fatalf("event %+v has invalid UTF-8 from a valid text", e)
			}
			if e.Type == "" || !slices.Contains(statuses, e.Status) || !slices.Contains(precisions, e.When.Precision) {
				t.Fatalf("event %+v has a type, status or precision not documented", e)
			}
			if math.IsNaN(e.Offset) || math.IsInf(e.Offset, 0) || e.Actors == nil {
				t.Fatalf("event %+v has an offset that is not a number or nil actors", e)
			}
			if e.Place != "" && !strings.Contains(s, e.Place) {
				t.Fatalf("place %q is not in the text", e.Place)
			}
		}
		n := 0
		for _, m := range event.Merge([]event.Report{{Article: "a", Published: pub, Text: s, Events: evs}, {Article: "b", Rank: 1, Text: s, Events: evs}}) {
			n += len(m.Sources)
			for _, src := range m.Sources {
				if src.Event.Evidence == (dossier.Evidence{}) {
					t.Fatalf("merged source without evidence: %+v", src)
				}
			}
		}
		if n != 2*len(evs) {
			t.Fatalf("Merge gave back %d sources for %d events", n, 2*len(evs))
		}
	})
}
