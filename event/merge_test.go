package event_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/event"
)

// mention builds one event as an article reports it; id is its summary, which the tests use to
// tell events apart.
type mention struct {
	id, typ, trigger string
	actors           []string
	when             event.When
	status           string
	place            string
}

func (m mention) event(pos int) event.Event {
	e := event.Event{Type: m.typ, Trigger: m.trigger, Summary: m.id, When: m.when, Status: m.status, Place: m.place,
		Actors: []dossier.Actor{}, Evidence: dossier.Evidence{Start: pos, End: pos + 1, Text: m.id}}
	if e.Status == "" {
		e.Status = event.Happened
	}
	for _, a := range m.actors {
		e.Actors = append(e.Actors, dossier.Actor{Name: a, Entity: "person:" + strings.ToLower(strings.ReplaceAll(a, " ", "-"))})
	}
	return e
}

// article builds a report; its text is a few words about the dam dispute unless given.
type article struct {
	pub      time.Time
	text     string
	mentions []mention
}

func reports(arts ...article) []event.Report {
	out := make([]event.Report, len(arts))
	for i, a := range arts {
		text := a.text
		if text == "" {
			text = "Lind and Vale quarrel over the ferry quotas on the lake; the harbour guild fears for the moorings and the fishing nets."
		}
		r := event.Report{Article: string(rune('a' + i)), Source: string(rune('a'+i)) + ".txt", Published: a.pub, Rank: i, Text: text}
		for k, m := range a.mentions {
			r.Events = append(r.Events, m.event(10*k))
		}
		out[i] = r
	}
	return out
}

// groups returns the ids of each merged event's sources, sorted, in a sorted list.
func groups(merged []event.Merged) [][]string {
	var out [][]string
	for _, e := range merged {
		var g []string
		for _, s := range e.Sources {
			g = append(g, s.Event.Summary)
		}
		slices.Sort(g)
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return out
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 8, 0, 0, 0, time.UTC) }

func TestMerge(t *testing.T) {
	leaders := []string{"Ana Lind", "Oskar Vale"}
	wed := event.When{Text: "on Wednesday", Date: "2025-02-12", Precision: event.Day}
	openWed := event.When{Text: "on Wednesday", Precision: event.Day}
	tests := []struct {
		name string
		arts []article
		want [][]string
	}{
		{"the same call from two outlets",
			[]article{
				{pub: day(2025, 2, 13), mentions: []mention{{id: "a", typ: "call", trigger: "call", actors: leaders, when: wed}}},
				{pub: day(2025, 2, 13), mentions: []mention{{id: "b", typ: "call", trigger: "telephone call", actors: leaders, when: wed}}},
			},
			[][]string{{"a", "b"}}},
		{"two calls weeks apart",
			[]article{
				{pub: day(2025, 2, 13), mentions: []mention{{id: "a", typ: "call", trigger: "call", actors: leaders, when: wed}}},
				{pub: day(2025, 3, 19), mentions: []mention{{id: "b", typ: "call", trigger: "call", actors: leaders, when: event.When{Text: "on Tuesday", Date: "2025-03-18", Precision: event.Day}}}},
			},
			[][]string{{"a"}, {"b"}}},
		{"the same call with and without a date",
			[]article{
				{pub: day(2025, 2, 13), mentions: []mention{{id: "a", typ: "call", trigger: "call", actors: leaders, when: wed}}},
				{pub: day(2025, 2, 14), mentions: []mention{{id: "b", typ: "call", trigger: "phone conversation", actors: leaders}}},
			},
			[][]string{{"a", "b"}}},
		{"an undated call in an article weeks later",
			[]article{
				{pub: day(2025, 2, 13), mentions: []mention{{id: "a", typ: "call", trigger: "call", actors: leaders, when: wed}}},
				{pub: day(2025, 3, 20), mentions: []mention{{id: "b", typ: "call", trigger: "call", actors: leaders}}},
			},
			[][]string{{"a"}, {"b"}}},
		{"undated articles: same wording, same development",
			[]article{
				{mentions: []mention{{id: "a", typ: "call", trigger: "phone call", actors: leaders, when: openWed}}},
				{mentions: []mention{{id: "b", typ: "call", trigger: "call", actors: leaders}}},
			},
			[][]string{{"a", "b"}}},
		{"undated articles: other wording",
			[]article{
				{mentions: []mention{{id: "a", typ: "call", trigger: "phone call", actors: leaders}}},
				{mentions: []mention{{id: "b", typ: "call", trigger: "phone conversation", actors: leaders}}},
			},
			[][]string{{"a"}, {"b"}}},
		{"undated articles about other things",
			[]article{
				{mentions: []mention{{id: "a", typ: "call", trigger: "call", actors: leaders}}},
				{text: "The orchestra of Kessel played three symphonies to a full hall, and the critics praised its young conductor.",
					mentions: []mention{{id: "b", typ: "call", trigger: "call", actors: leaders}}},
			},
			[][]string{{"a"}, {"b"}}},
		{"undated articles: a later mention is compared through the first",
			[]article{
				{mentions: []mention{{id: "a", typ: "call", trigger: "phone call", actors: leaders}}},
				{mentions: []mention{
					{id: "b1", typ: "call", trigger: "phone conversation", actors: leaders},
					{id: "b2", typ: "call", trigger: "call", actors: leaders},
				}},
			},
			[][]string{{"a"}, {"b1", "b2"}}},
		{"one article: the call and the conversation",
			[]article{{mentions: []mention{
				{id: "a1", typ: "call", trigger: "call", actors: leaders, when: openWed},
				{id: "a2", typ: "call", trigger: "conversation", actors: leaders},
			}}},
			[][]string{{"a1", "a2"}}},
		{"one article: meetings on Monday and on Tuesday",
			[]article{{mentions: []mention{
				{id: "a1", typ: "meeting", trigger: "met", actors: leaders, when: event.When{Text: "on Monday", Precision: event.Day}},
				{id: "a2", typ: "meeting", trigger: "met", actors: leaders, when: event.When{Text: "Tuesday", Precision: event.Day}},
				{id: "a3", typ: "meeting", trigger: "meeting", actors: leaders, when: event.When{Text: "Monday", Precision: event.Day}},
			}}},
			[][]string{{"a1", "a3"}, {"a2"}}},
		{"what happened and what might",
			[]article{{mentions: []mention{
				{id: "a1", typ: "summit", trigger: "summit", actors: leaders},
				{id: "a2", typ: "summit", trigger: "summit", actors: leaders, status: event.Possible},
			}}},
			[][]string{{"a1"}, {"a2"}}},
		{"no party in common",
			[]article{{mentions: []mention{
				{id: "a1", typ: "call", trigger: "call", actors: leaders},
				{id: "a2", typ: "call", trigger: "call", actors: []string{"Ana Lind", "Petra Holm"}},
			}}},
			[][]string{{"a1"}, {"a2"}}},
		{"a summit is a meeting, a call is not",
			[]article{
				{pub: day(2025, 2, 13), mentions: []mention{
					{id: "a1", typ: "summit", trigger: "summit", actors: leaders, when: wed},
					{id: "a2", typ: "call", trigger: "call", actors: leaders, when: wed},
				}},
				{pub: day(2025, 2, 13), mentions: []mention{{id: "b", typ: "meeting", trigger: "met", actors: leaders, when: wed}}},
			},
			[][]string{{"a1", "b"}, {"a2"}}},
		{"different places",
			[]article{
				{pub: day(2025, 2, 13), mentions: []mention{{id: "a", typ: "meeting", trigger: "met", actors: leaders, when: wed, place: "Kessel"}}},
				{pub: day(2025, 2, 13), mentions: []mention{{id: "b", typ: "meeting", trigger: "met", actors: leaders, when: wed, place: "Port Sela"}}},
			},
			[][]string{{"a"}, {"b"}}},
		{"an undated mention between two dated calls joins one of them only",
			[]article{
				{pub: day(2025, 2, 13), mentions: []mention{{id: "a", typ: "call", trigger: "call", actors: leaders, when: wed}}},
				{pub: day(2025, 3, 19), mentions: []mention{
					{id: "b1", typ: "call", trigger: "call", actors: leaders, when: event.When{Text: "on Tuesday", Date: "2025-03-18", Precision: event.Day}},
					{id: "b2", typ: "call", trigger: "call", actors: leaders},
				}},
				{mentions: []mention{{id: "c", typ: "call", trigger: "call", actors: leaders}}},
			},
			[][]string{{"a"}, {"b1", "b2"}, {"c"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := groups(event.Merge(reports(tt.arts...)))
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("Merge grouped %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMergeFields(t *testing.T) {
	arts := []article{
		{pub: day(2025, 2, 14), mentions: []mention{{id: "a", typ: "meeting", trigger: "met", actors: []string{"Ana Lind", "Oskar Vale"},
			when: event.When{Text: "this week", Date: "2025-W07", Precision: event.Week}, status: event.Reported}}},
		{pub: day(2025, 2, 14), mentions: []mention{{id: "b", typ: "summit", trigger: "summit", actors: []string{"Oskar Vale", "Petra Holm", "Ana Lind"},
			when: event.When{Text: "on Wednesday", Date: "2025-02-12", Precision: event.Day}, place: "Kessel"}}},
	}
	merged := event.Merge(reports(arts...))
	if len(merged) != 1 {
		t.Fatalf("Merge gave %d events, want 1", len(merged))
	}
	e := merged[0]
	if e.Type != "meeting" || e.Summary != "a" || e.When.Date != "2025-02-12" || e.Place != "Kessel" || e.Status != event.Happened {
		t.Errorf("merged event %+v: want the first report's type and summary, the finest date, the place given and happened", e)
	}
	if n := len(e.Actors); n != 3 {
		t.Errorf("merged actors %v, want the three named", e.Actors)
	}
	if len(e.Sources) != 2 || e.Sources[0].Article != "a" || e.Sources[1].Source != "b.txt" || e.Sources[1].Event.Evidence.Text != "b" {
		t.Errorf("sources %+v: want both reports, in input order, each with its own evidence", e.Sources)
	}
}
