package brief

import (
	"slices"

	"github.com/dossier-news/dossier/event"
)

// timeline merges the events the articles report, one event with all its sources, and orders
// them (see event.Merge: by date where known, from the text where not). Copies are left out: their
// originals report the same events.
func (s *story) timeline() []Moment {
	var reports []event.Report
	for i, r := range s.originals() {
		reports = append(reports, r.EventReport(i))
	}
	merged := event.Merge(reports)
	out := make([]Moment, 0, len(merged))
	for _, m := range merged {
		if !notable(m) {
			continue
		}
		mo := Moment{When: m.When, Type: m.Type, Summary: m.Summary, Place: m.Place, Status: m.Status}
		seen := make(map[string]bool)
		for _, a := range m.Actors {
			name := s.eventActor(m, a.Name, a.Entity)
			if !seen[name] {
				seen[name] = true
				mo.Actors = append(mo.Actors, name)
			}
		}
		for _, src := range m.Sources {
			if r := s.byID[src.Article]; r != nil {
				if c := cite(r, src.Event.Evidence.Start, src.Event.Evidence.End); !slices.Contains(mo.Citations, c) {
					mo.Citations = append(mo.Citations, c)
				}
			}
		}
		out = append(out, mo)
	}
	return out
}

// eventActor names an actor of a merged event by its story-wide name, found through the first
// source article whose entities know it.
func (s *story) eventActor(m event.Merged, name, entityID string) string {
	for _, src := range m.Sources {
		if i := s.actor(src.Article, entityID); i >= 0 {
			return s.actors[i].Name
		}
	}
	return name
}

// notable says whether an event belongs on the briefing's timeline: something several articles
// report, or one that is placed in time or space or has at least two participants. A generic
// mention ("the talks", "a statement") with nothing to place it, and what an article only calls
// possible, are left to the articles.
func notable(m event.Merged) bool {
	if m.Status == "possible" {
		return false
	}
	return len(m.Sources) >= 2 || m.When.Date != "" || m.When.Text != "" || m.Place != "" || len(m.Actors) >= 2
}
