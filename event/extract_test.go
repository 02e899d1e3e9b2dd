package event_test

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/event"
	"github.com/dossier-news/dossier/text"
	"github.com/dossier-news/dossier/timex"
)

// cast is the people, bodies and places of the fictional story the tests tell: two countries on
// a lake, Marenia and Tolvar, their leaders and ministers, and the places they meet.
func cast() []struct{ name, typ string } {
	return []struct{ name, typ string }{
		{"Ana Lind", entity.Person}, {"Lind", entity.Person},
		{"Oskar Vale", entity.Person}, {"Vale", entity.Person},
		{"Petra Holm", entity.Person}, {"Holm", entity.Person},
		{"Ivo Rask", entity.Person}, {"Rask", entity.Person},
		{"Lake Council", entity.Organization}, {"Harbour Guild", entity.Organization},
		{"Marenia", entity.Location}, {"Tolvar", entity.Location}, {"Port Sela", entity.Location},
		{"Kessel", entity.Location}, {"Dunmoor", entity.Location}, {"Council House", entity.Location},
	}
}

// entitiesOf finds the cast in a text: each name is an entity with every place it occurs as a
// mention; a surname joins the full name it belongs to.
func entitiesOf(s string) []entity.Entity {
	names := cast()
	var out []entity.Entity
	idOf := func(name, typ string) string {
		for _, n := range names {
			if n.typ == typ && strings.HasSuffix(n.name, " "+name) {
				name = n.name
			}
		}
		return typ + ":" + strings.ToLower(strings.ReplaceAll(name, " ", "-"))
	}
	taken := make([]bool, len(s))
	for _, n := range names {
		id := idOf(n.name, n.typ)
		k := slices.IndexFunc(out, func(e entity.Entity) bool { return e.ID == id })
		if k < 0 {
			full := n.name
			for _, m := range names {
				if strings.HasSuffix(m.name, " "+n.name) {
					full = m.name
				}
			}
			out = append(out, entity.Entity{ID: id, Name: full, Type: n.typ})
			k = len(out) - 1
		}
		for i := 0; ; {
			j := strings.Index(s[i:], n.name)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(n.name)
			if !taken[start] {
				out[k].Mentions = append(out[k].Mentions, dossier.Span{Start: start, End: end})
				for p := start; p < end; p++ {
					taken[p] = true
				}
			}
			i = end
		}
	}
	return slices.DeleteFunc(out, func(e entity.Entity) bool { return len(e.Mentions) == 0 })
}

// extract runs the extractor over a text as analyze does, with the cast as its entities and
// timex's expressions resolved against pub.
func extract(t testing.TB, s string, pub time.Time) []event.Event {
	t.Helper()
	tagger, err := timex.Default()
	if err != nil {
		t.Fatalf("load timex rules: %v", err)
	}
	return event.Extract(text.Parse(s), entitiesOf(s), tagger.Tag(s, pub), pub)
}

// find returns the event named by trigger, or fails.
func find(t *testing.T, evs []event.Event, trigger string) event.Event {
	t.Helper()
	for _, e := range evs {
		if e.Trigger == trigger {
			return e
		}
	}
	var got []string
	for _, e := range evs {
		got = append(got, e.Type+":"+e.Trigger)
	}
	t.Fatalf("no event with trigger %q; found %v", trigger, got)
	return event.Event{}
}

func actorNames(e event.Event) []string {
	out := []string{}
	for _, a := range e.Actors {
		out = append(out, a.Name)
	}
	return out
}

// friday is the publication date of the tests' dated articles.
func friday() time.Time { return time.Date(2025, 2, 14, 9, 0, 0, 0, time.UTC) }

func TestExtract(t *testing.T) {
	friday := friday()
	type want struct {
		typ, status, place, when, date, precision string
		actors                                    []string
	}
	tests := []struct {
		name, text, trigger string
		pub                 time.Time
		want                want
	}{
		{"call with its date", "President Ana Lind and Prime Minister Oskar Vale spoke in a phone call on Wednesday.", "phone call", friday,
			want{typ: "call", status: event.Happened, when: "on Wednesday", date: "2025-02-12", precision: event.Day, actors: []string{"Ana Lind", "Oskar Vale"}}},
		{"call named in the sentence's other clause", "Lind and Vale announced that they had agreed to reopen the ferry after a surprise call on Monday.", "call", friday,
			want{typ: "call", status: event.Happened, when: "on Monday", date: "2025-02-10", precision: event.Day, actors: []string{"Ana Lind", "Oskar Vale"}}},
		{"a call for something is no call", "Lind renewed her call for calm. Vale met Lind on Friday.", "met", friday,
			want{typ: "meeting", status: event.Happened, when: "on Friday", date: "2025-02-14", precision: event.Day, actors: []string{"Oskar Vale", "Ana Lind"}}},
		{"meeting with its place", "Oskar Vale met Ana Lind in Port Sela last week.", "met", friday,
			want{typ: "meeting", status: event.Happened, place: "Port Sela", when: "last week", date: "2025-W06", precision: event.Week, actors: []string{"Oskar Vale", "Ana Lind"}}},
		{"place with a named building", "Petra Holm spoke at a news conference at Council House in Kessel on Tuesday.", "news conference", friday,
			want{typ: "statement", status: event.Happened, place: "Council House in Kessel", when: "on Tuesday", date: "2025-02-11", precision: event.Day, actors: []string{"Petra Holm"}}},
		{"planned summit", "Lind and Vale will hold a summit in Dunmoor in early May.", "summit", friday,
			want{typ: "summit", status: event.Planned, place: "Dunmoor", when: "in early May", date: "2025-05", precision: event.Month, actors: []string{"Ana Lind", "Oskar Vale"}}},
		{"possible summit", "Lind would welcome a summit with Vale.", "summit", time.Time{},
			want{typ: "summit", status: event.Possible, actors: []string{"Ana Lind", "Oskar Vale"}}},
		{"talks with a season and year", "The two sides broke off the Kessel talks in the spring of 2022.", "talks", time.Time{},
			want{typ: "talks", status: event.Happened, place: "Kessel", when: "in the spring of 2022", date: "2022-SP", precision: event.Season, actors: []string{}}},
		{"the war's place is not the talks'", "Marenia and Tolvar held talks on the fishing war in Kessel.", "held talks", time.Time{},
			want{typ: "talks", status: event.Happened, actors: []string{"Marenia", "Tolvar"}}},
		{"statement", "The Harbour Guild announced on Monday that the port would close.", "announced", friday,
			want{typ: "statement", status: event.Happened, when: "on Monday", date: "2025-02-10", precision: event.Day, actors: []string{"Harbour Guild"}}},
		{"attack", "Raiders attacked the harbour at Port Sela yesterday, the Lake Council said.", "attacked", friday,
			want{typ: "attack", status: event.Happened, place: "Port Sela", when: "yesterday", date: "2025-02-13", precision: event.Day, actors: []string{}}},
		{"agreement reached", "Marenia and Tolvar reached an agreement on fishing quotas in March 2024.", "reached an agreement", time.Time{},
			want{typ: "agreement", status: event.Happened, when: "in March 2024", date: "2024-03", precision: event.Month, actors: []string{"Marenia", "Tolvar"}}},
		{"visit planned by its infinitive", "Ivo Rask is expected to visit Tolvar next week.", "visit", friday,
			want{typ: "visit", status: event.Planned, place: "Tolvar", when: "next week", date: "2025-W08", precision: event.Week, actors: []string{"Ivo Rask"}}},
		{"travel with its destination", "Petra Holm travelled to Dunmoor on Thursday.", "travelled to", friday,
			want{typ: "visit", status: event.Happened, place: "Dunmoor", when: "on Thursday", date: "2025-02-13", precision: event.Day, actors: []string{"Petra Holm"}}},
		{"sanctions", "The Lake Council imposed sanctions on the Harbour Guild last month.", "imposed sanctions", friday,
			want{typ: "sanctions", status: event.Happened, when: "last month", date: "2025-01", precision: event.Month, actors: []string{"Lake Council", "Harbour Guild"}}},
		{"election with a year", "Marenia held its last election in 2021.", "election", time.Time{},
			want{typ: "election", status: event.Happened, when: "in 2021", date: "2021", precision: event.Year, actors: []string{"Marenia"}}},
		{"protest", "Fishermen staged a protest in Port Sela on Saturday.", "protest", friday,
			want{typ: "protest", status: event.Happened, place: "Port Sela", when: "on Saturday", date: "2025-02-08", precision: event.Day, actors: []string{}}},
		{"resignation", "Ivo Rask resigned on Tuesday.", "resigned", friday,
			want{typ: "resignation", status: event.Happened, when: "on Tuesday", date: "2025-02-11", precision: event.Day, actors: []string{"Ivo Rask"}}},
		{"appointment", "Lind appointed Petra Holm as envoy in January.", "appointed", friday,
			want{typ: "appointment", status: event.Happened, when: "in January", date: "2025-01", precision: event.Month, actors: []string{"Ana Lind", "Petra Holm"}}},
		{"arrest reported", "Police reportedly arrested Ivo Rask in Kessel.", "arrested", time.Time{},
			want{typ: "arrest", status: event.Reported, place: "Kessel", actors: []string{"Ivo Rask"}}},
		{"ruling", "The Lake Council ruled against the Harbour Guild in 2023.", "ruled", time.Time{},
			want{typ: "ruling", status: event.Happened, when: "in 2023", date: "2023", precision: event.Year, actors: []string{"Lake Council", "Harbour Guild"}}},
		{"proposal", "Vale proposed a new ferry timetable on Wednesday.", "proposed", friday,
			want{typ: "proposal", status: event.Happened, when: "on Wednesday", date: "2025-02-12", precision: event.Day, actors: []string{"Oskar Vale"}}},
		{"a time inside a noun phrase dates nothing", "Lind met Vale to discuss the 1998 borders.", "met", time.Time{},
			want{typ: "meeting", status: event.Happened, actors: []string{"Ana Lind", "Oskar Vale"}}},
		{"a time before its noun dates it", "Vale described Monday's call as useful.", "call", friday,
			want{typ: "call", status: event.Happened, when: "Monday", date: "2025-02-10", precision: event.Day, actors: []string{"Oskar Vale"}}},
		{"a time in another clause dates nothing", "Lind met Vale, while the ferries stopped on Sunday.", "met", friday,
			want{typ: "meeting", status: event.Happened, actors: []string{"Ana Lind", "Oskar Vale"}}},
		{"a time opening the sentence dates what is said after it", "On Monday, Lind told Vale she was open to talks.", "talks", friday,
			want{typ: "talks", status: event.Possible, when: "On Monday", date: "2025-02-10", precision: event.Day, actors: []string{"Oskar Vale", "Ana Lind"}}},
		{"without a publication date the date stays open", "Oskar Vale met Ana Lind on Wednesday.", "met", time.Time{},
			want{typ: "meeting", status: event.Happened, when: "on Wednesday", precision: event.Day, actors: []string{"Oskar Vale", "Ana Lind"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := find(t, extract(t, tt.text, tt.pub), tt.trigger)
			got := want{typ: e.Type, status: e.Status, place: e.Place, when: e.When.Text, date: e.When.Date, precision: e.When.Precision, actors: actorNames(e)}
			if got.typ != tt.want.typ || got.status != tt.want.status || got.place != tt.want.place || got.when != tt.want.when ||
				got.date != tt.want.date || got.precision != tt.want.precision || !slices.Equal(got.actors, tt.want.actors) {
				t.Errorf("Extract(%q) event %q\n got %+v\nwant %+v", tt.text, tt.trigger, got, tt.want)
			}
			if !strings.Contains(e.Summary, e.Trigger) || !strings.Contains(e.Evidence.Text, e.Summary) {
				t.Errorf("summary %q should hold the trigger %q and lie in the evidence %q", e.Summary, e.Trigger, e.Evidence.Text)
			}
		})
	}
}

func TestExtractSummary(t *testing.T) {
	tests := []struct {
		name, text, trigger, want string
	}{
		{"a short clause whole", "Lind met Vale in Kessel last week.", "met", "Lind met Vale in Kessel last week"},
		{"coordinated triggers apart, first",
			"The president met Vale in Kessel last week and welcomed four ministers to Council House on Monday.", "met",
			"The president met Vale in Kessel last week"},
		{"coordinated triggers apart, second",
			"The president met Vale in Kessel last week and welcomed four ministers to Council House on Monday.", "welcomed",
			"welcomed four ministers to Council House on Monday"},
		{"two names are no coordination", "Talks between Marenia and Tolvar resumed on Monday.", "Talks",
			"Talks between Marenia and Tolvar resumed on Monday"},
		{"the complement of a saying", "Petra Holm stated that Lind and Vale held a long conversation.", "conversation",
			"Lind and Vale held a long conversation"},
		{"a long clause cut to its parts",
			"According to a statement that the Lake Council issued late at night in the harbour office of Port Sela to the waiting crews and their families, made following a phone call between Lind and Vale, the ferries will run again on all the old routes next spring.",
			"phone call", "made following a phone call between Lind and Vale"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := find(t, extract(t, tt.text, time.Time{}), tt.trigger)
			if e.Summary != tt.want {
				t.Errorf("summary of %q = %q, want %q", tt.trigger, e.Summary, tt.want)
			}
		})
	}
}

// TestWhen checks how an event's time is written for temporal expressions against publication
// dates: timex normalises them, the event package adds the preposition and the precision.
func TestWhen(t *testing.T) {
	friday := friday()
	wednesday := time.Date(2025, 2, 12, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		expr             string
		pub              time.Time
		text, date, prec string
	}{
		{"on Wednesday", time.Time{}, "on Wednesday", "", event.Day},
		{"on Wednesday", friday, "on Wednesday", "2025-02-12", event.Day},
		{"on Monday", wednesday, "on Monday", "2025-02-10", event.Day},
		{"last week", time.Time{}, "last week", "", event.Week},
		{"last week", friday, "last week", "2025-W06", event.Week},
		{"in early May", time.Time{}, "in early May", "", event.Month},
		{"in early May", friday, "in early May", "2025-05", event.Month},
		{"in the spring of 2022", time.Time{}, "in the spring of 2022", "2022-SP", event.Season},
		{"in the spring of 2022", friday, "in the spring of 2022", "2022-SP", event.Season},
		{"since 2019", time.Time{}, "since 2019", "2019", event.Year},
		{"in the first quarter of 2024", time.Time{}, "in the first quarter of 2024", "2024-Q1", event.Quarter},
		{"in the 1990s", time.Time{}, "in the 1990s", "199X", event.Decade},
		{"on March 3, 2024", time.Time{}, "on March 3, 2024", "2024-03-03", event.Day},
		{"on March 3", time.Time{}, "on March 3", "", event.Day},
		{"on March 3", friday, "on March 3", "2025-03-03", event.Day},
		{"last year", time.Time{}, "last year", "", event.Year},
		{"last year", friday, "last year", "2024", event.Year},
		{"this month", wednesday, "this month", "2025-02", event.Month},
		{"yesterday", wednesday, "yesterday", "2025-02-11", event.Day},
		{"on Thursday evening", wednesday, "on Thursday evening", "2025-02-06", event.Day},
	}
	for _, tt := range tests {
		name := tt.expr + " unpublished"
		if !tt.pub.IsZero() {
			name = tt.expr + " " + tt.pub.Format(time.DateOnly)
		}
		t.Run(name, func(t *testing.T) {
			e := find(t, extract(t, "Lind and Vale met "+tt.expr+".", tt.pub), "met")
			if e.When.Text != tt.text || e.When.Date != tt.date || e.When.Precision != tt.prec {
				t.Errorf("When = %+v, want {%s %s %s}", e.When, tt.text, tt.date, tt.prec)
			}
		})
	}
}

// TestOffset checks the order an undated article gives its events: narrative cues, weekdays read
// back from the present, plans after it.
func TestOffset(t *testing.T) {
	tests := []struct {
		name, text string
		order      []string // triggers, earliest first
	}{
		{"weekdays of a past-tense article",
			"Lind visited Kessel on Tuesday. Vale met Lind in Port Sela last week. On Monday, Petra Holm resigned.",
			[]string{"met", "resigned", "visited"}},
		{"a plan after what happened",
			"The Lake Council will hold a meeting on Wednesday. On Monday, Petra Holm resigned. Ivo Rask was appointed on Tuesday.",
			[]string{"resigned", "appointed", "meeting"}},
		{"the following day",
			"Lind visited Kessel on Saturday, and the following day Vale announced a truce. Holm resigned on Monday.",
			[]string{"visited", "announced", "resigned"}},
		{"an announcement follows a call", "The announcement followed a call between Lind and Vale.",
			[]string{"call", "announcement"}},
		{"after an event that opens the sentence", "After a meeting of the Lake Council, Petra Holm announced a new quota.",
			[]string{"meeting", "announced"}},
		{"a perfect before the simple past", "Lind announced that Marenia had signed the treaty.",
			[]string{"signed", "announced"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := extract(t, tt.text, time.Time{})
			for i := 1; i < len(tt.order); i++ {
				a, b := find(t, evs, tt.order[i-1]), find(t, evs, tt.order[i])
				if a.Offset >= b.Offset {
					t.Errorf("%q (offset %v) should come before %q (offset %v)", a.Trigger, a.Offset, b.Trigger, b.Offset)
				}
			}
		})
	}
}

// TestOffsetDated checks that with a publication date the offset is the distance from it.
func TestOffsetDated(t *testing.T) {
	e := find(t, extract(t, "Lind met Vale on Wednesday.", friday()), "met")
	if want := -2.375; math.Abs(e.Offset-want) > 1e-9 {
		t.Errorf("offset of a Wednesday meeting in a Friday 09:00 article = %v, want %v", e.Offset, want)
	}
}

func TestExtractNothing(t *testing.T) {
	for _, s := range []string{"", "The lake was calm.", "“", "Lind, Vale and Holm."} {
		if evs := extract(t, s, friday()); len(evs) != 0 {
			t.Errorf("Extract(%q) = %+v, want no events", s, evs)
		}
	}
}

// TestExtractConcurrent runs the shared default Extractor from several goroutines, as the
// pipeline's workers do; run it with -race.
func TestExtractConcurrent(t *testing.T) {
	s := "Lind met Vale in Kessel last week and welcomed four ministers to Council House on Monday."
	tagger, err := timex.Default()
	if err != nil {
		t.Fatalf("load timex rules: %v", err)
	}
	doc, ents, times := text.Parse(s), entitiesOf(s), tagger.Tag(s, time.Time{})
	want := event.Extract(doc, ents, times, time.Time{})
	done := make(chan []event.Event)
	for range 4 {
		go func() { done <- event.Extract(doc, ents, times, time.Time{}) }()
	}
	for range 4 {
		if got := <-done; len(got) != 2 || !slices.EqualFunc(got, want, func(a, b event.Event) bool { return a.Summary == b.Summary }) {
			t.Errorf("concurrent Extract gave %+v, want %+v", got, want)
		}
	}
}
