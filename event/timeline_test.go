package event_test

import (
	"slices"
	"testing"
	"time"

	"github.com/dossier-news/dossier/event"
)

// order returns the ids of the merged events' first sources in timeline order, checking that
// Order counts up from 0.
func order(t *testing.T, merged []event.Merged) []string {
	t.Helper()
	var out []string
	for i, e := range merged {
		if e.Order != i {
			t.Errorf("event %d has Order %d", i, e.Order)
		}
		if i > 0 && merged[i-1].Key.Compare(e.Key) > 0 {
			t.Errorf("event %d sorts before the one ahead of it: %+v > %+v", i, merged[i-1].Key, e.Key)
		}
		out = append(out, e.Sources[0].Event.Summary)
	}
	return out
}

func TestTimeline(t *testing.T) {
	lind := []string{"Ana Lind"}
	leaders := []string{"Ana Lind", "Oskar Vale"}
	// Each dated statement has a speaker of its own: by one speaker, dates that overlap would
	// make them one statement.
	dated := func(id, date, prec string) mention {
		return mention{id: id, typ: "statement", trigger: "announced", actors: []string{id}, when: event.When{Text: date, Date: date, Precision: prec}}
	}
	tests := []struct {
		name string
		arts []article
		want []string
	}{
		{"dates by their start, coarse before fine",
			[]article{{mentions: []mention{
				dated("May 12", "2025-05-12", event.Day),
				dated("May", "2025-05", event.Month),
				dated("2025", "2025", event.Year),
				dated("spring 2024", "2024-SP", event.Season),
				dated("week 19", "2025-W19", event.Week),
			}}},
			[]string{"spring 2024", "2025", "May", "week 19", "May 12"}},
		{"undated events of a dated article by their offset from its date",
			[]article{
				{pub: day(2025, 3, 10), mentions: []mention{
					{id: "today", typ: "statement", trigger: "announced", actors: lind},
					{id: "dated", typ: "visit", trigger: "visited", actors: lind, when: event.When{Text: "on March 8", Date: "2025-03-08", Precision: event.Day}},
				}},
				{pub: day(2025, 3, 1), mentions: []mention{{id: "earlier article", typ: "meeting", trigger: "met", actors: leaders}}},
			},
			[]string{"earlier article", "dated", "today"}},
		{"undated articles after dated past events, before dated plans, in input order",
			[]article{
				{mentions: []mention{
					{id: "first article", typ: "meeting", trigger: "met", actors: leaders},
					{id: "plan", typ: "election", trigger: "election", actors: lind, status: event.Planned, when: event.When{Text: "in 2031", Date: "2031", Precision: event.Year}},
				}},
				{mentions: []mention{
					{id: "second article", typ: "visit", trigger: "visited", actors: lind},
					{id: "past", typ: "talks", trigger: "talks", actors: leaders, when: event.When{Text: "in 2019", Date: "2019", Precision: event.Year}},
				}},
			},
			[]string{"past", "first article", "second article", "plan"}},
		{"a group of articles that share an event ranks by its earliest",
			[]article{
				{mentions: []mention{{id: "a call", typ: "call", trigger: "phone call", actors: leaders}}},
				{mentions: []mention{{id: "b visit", typ: "visit", trigger: "visited", actors: []string{"Petra Holm"}}}},
				{mentions: []mention{
					{id: "c resigned", typ: "resignation", trigger: "resigned", actors: []string{"Ivo Rask"}},
					{id: "c call", typ: "call", trigger: "call", actors: leaders},
				}},
			},
			[]string{"a call", "c resigned", "b visit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := order(t, event.Merge(reports(tt.arts...))); !slices.Equal(got, tt.want) {
				t.Errorf("timeline %v, want %v", got, tt.want)
			}
		})
	}
}

// TestTimelineOffsets checks that within an undated article events follow their offsets: last
// week, then Monday, then Tuesday.
func TestTimelineOffsets(t *testing.T) {
	evs := extract(t, "Lind visited Kessel on Tuesday. Vale met Lind in Port Sela last week. On Monday, Petra Holm resigned.", time.Time{})
	got := order(t, event.Merge([]event.Report{{Article: "a", Events: evs}}))
	want := []string{"Vale met Lind in Port Sela last week", "On Monday, Petra Holm resigned", "Lind visited Kessel on Tuesday"}
	if !slices.Equal(got, want) {
		t.Errorf("timeline %q, want %q", got, want)
	}
}

func TestKeyCompare(t *testing.T) {
	jan, feb := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		a, b event.Key
		want int
	}{
		{"time first", event.Key{Time: jan, Group: 5}, event.Key{Time: feb, Group: 0}, -1},
		{"then group", event.Key{Time: jan, Group: 1, Offset: -7}, event.Key{Time: jan, Group: 0}, 1},
		{"then offset", event.Key{Group: 1, Offset: -7}, event.Key{Group: 1, Offset: -2}, -1},
		{"then rank and position", event.Key{Rank: 2, Pos: 10}, event.Key{Rank: 2, Pos: 90}, -1},
		{"then index in the article", event.Key{Rank: 2, Pos: 10, Index: 4}, event.Key{Rank: 2, Pos: 10, Index: 3}, 1},
		{"equal", event.Key{Time: jan, Rank: 1}, event.Key{Time: jan, Rank: 1}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Compare(tt.b); got != tt.want {
				t.Errorf("%+v.Compare(%+v) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
		})
	}
}
