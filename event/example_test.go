package event_test

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/event"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/internal/golden"
	"github.com/dossier-news/dossier/pipeline"
)

var update = flag.Bool("update", false, "rewrite testdata/*/*.golden from the current output")

// exampleReports runs the built-in example corpus through ingest, extraction and analysis as
// `dossier analyze --example` does and returns each record's events as a report.
func exampleReports(t testing.TB) []event.Report {
	t.Helper()
	var reports []event.Report
	p := pipeline.New(pipeline.Config{Workers: 1})
	docs := ingest.New(ingest.Options{}).ReadFS(context.Background(), examples.Corpus(), ".")
	emit := func(r *analyze.Record) error {
		if r.DuplicateOf == "" {
			reports = append(reports, r.EventReport(len(reports)))
		}
		return nil
	}
	if err := p.Run(context.Background(), docs, emit, func(err error) { t.Errorf("analyze example: %v", err) }); err != nil {
		t.Fatalf("run pipeline over the example corpus: %v", err)
	}
	return reports
}

// writeTimeline renders a timeline for reading: one line per merged event, its sources below.
func writeTimeline(merged []event.Merged) string {
	var b strings.Builder
	for _, e := range merged {
		var actors []string
		for _, a := range e.Actors {
			actors = append(actors, a.Name)
		}
		fmt.Fprintf(&b, "%d %s %s %s | %s %s (%s) | %s | %s\n  %s\n", e.Order, e.Key.Time.Format("2006-01-02"), e.Type, e.Status,
			e.When.Text, e.When.Date, e.When.Precision, e.Place, strings.Join(actors, ", "), e.Summary)
		for _, s := range e.Sources {
			fmt.Fprintf(&b, "  - %s: %s\n", filepath.Base(s.Source), s.Event.Trigger)
		}
	}
	return b.String()
}

// TestTimelineExample merges the events of the example corpus and compares the timeline with its
// golden file; the corpus is dated, so this is the dated path end to end.
func TestTimelineExample(t *testing.T) {
	merged := event.Merge(exampleReports(t))
	golden.Check(t, filepath.Join("testdata", "TestTimelineExample", "timeline.golden"), writeTimeline(merged), *update)

	// The story's pivot: the call of April 17, reported by most outlets, is one event.
	var call *event.Merged
	for i, e := range merged {
		if e.Type == "call" && e.When.Date == "2031-04-17" && (call == nil || len(e.Sources) > len(call.Sources)) {
			call = &merged[i]
		}
	}
	if call == nil {
		t.Fatal("no call dated 2031-04-17 on the example timeline")
	}
	outlets := make(map[string]bool)
	for _, s := range call.Sources {
		outlets[s.Article] = true
	}
	if len(outlets) < 4 {
		t.Errorf("the April 17 call has %d articles among its sources, want at least 4", len(outlets))
	}
}
