package analyze

import (
	"time"

	"github.com/dossier-news/dossier/event"
)

// events finds the article's dated events from what the earlier analysers found: the entities
// name the actors and places, the temporal expressions (resolved against the publication date
// when the article has one) date them.
func events(in *analysis) []Event {
	found := event.Extract(in.doc, in.entities, in.times, in.article.Published)
	if found == nil {
		return []Event{}
	}
	return found
}

// EventReport returns the record's events as event.Merge reads them; rank is the record's
// position in its input.
func (r *Record) EventReport(rank int) event.Report {
	// Published is written by New in RFC 3339 or left empty, so a parse error means no date.
	pub, _ := time.Parse(time.RFC3339, r.Published)
	return event.Report{Article: r.ID, Source: r.Source, Outlet: r.Outlet, Published: pub, Rank: rank, Text: r.Text, Events: r.Events}
}
