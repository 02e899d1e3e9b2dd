package eval_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/eval"
	"github.com/dossier-news/dossier/extract"
	"github.com/dossier-news/dossier/internal/shared"
	"github.com/dossier-news/dossier/position"
	"github.com/dossier-news/dossier/quote"
	"github.com/dossier-news/dossier/text"
)

func TestScorePositions(t *testing.T) {
	tax, err := position.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	// A fictional story: the harbour council of Velmar and the ministry of Caldora.
	texts := map[string]string{
		"a.txt": "Velmar insists on control of the delta. The U.S. ruled out sending troops.",
		"b.txt": "Caldora welcomed the talks. It rejected the ferry levy outright.",
	}
	gold := []eval.GoldPosition{
		{Doc: "a.txt", Actor: "Velmar", Accept: []string{"Velmar"}, Issue: "the delta lands", Stance: "demands", Evidence: "insists on control of the delta"},
		{Doc: "a.txt", Actor: "United States", Accept: []string{"U.S.", "Washington"}, Issue: "foreign troops", Stance: "opposes", Evidence: "ruled out sending troops"},
		{Doc: "b.txt", Actor: "Caldora", Accept: []string{"Caldora"}, Issue: "direct talks", Stance: "supports", Evidence: "Caldora welcomed the talks"},
		{Doc: "b.txt", Actor: "Caldora", Accept: []string{"Caldora"}, Issue: "ferry levy", Stance: "opposes", Evidence: "rejected the ferry levy"},
	}
	at := func(doc, s string) dossier.Span {
		i := strings.Index(texts[doc], s)
		return dossier.Span{Start: i, End: i + len(s)}
	}
	tests := []struct {
		name string
		pred []eval.PredictedPosition
		want eval.Counts
	}{
		{"nothing predicted", nil, eval.Counts{Gold: 4}},
		{"all found", []eval.PredictedPosition{
			{Doc: "a.txt", Names: []string{"Velmar"}, Issue: "delta", Stance: "demands", Evidence: at("a.txt", "Velmar insists on control")},
			{Doc: "a.txt", Names: []string{"US"}, Issue: "peacekeeping", Stance: "opposes", Evidence: at("a.txt", "The U.S. ruled out sending troops.")},
			{Doc: "b.txt", Names: []string{"Caldora's government"}, Issue: "negotiations", Stance: "supports", Evidence: at("b.txt", "welcomed the talks")},
			{Doc: "b.txt", Names: []string{"Caldora"}, Issue: "levy", Stance: "opposes", Evidence: at("b.txt", "It rejected the ferry levy outright.")},
		}, eval.Counts{Correct: 4, Predicted: 4, Gold: 4}},
		{"wrong stance, actor, issue key, document or place", []eval.PredictedPosition{
			{Doc: "a.txt", Names: []string{"Velmar"}, Issue: "delta", Stance: "supports", Evidence: at("a.txt", "Velmar insists on control")},
			{Doc: "a.txt", Names: []string{"Russia"}, Issue: "peacekeeping", Stance: "opposes", Evidence: at("a.txt", "ruled out")},
			{Doc: "b.txt", Names: []string{"Caldora"}, Issue: "ceasefire", Stance: "supports", Evidence: at("b.txt", "welcomed the talks")},
			{Doc: "a.txt", Names: []string{"Caldora"}, Issue: "levy", Stance: "opposes", Evidence: at("b.txt", "It rejected the ferry levy outright.")},
			{Doc: "b.txt", Names: []string{"Caldora"}, Issue: "levy", Stance: "opposes", Evidence: at("b.txt", "Caldora welcomed")},
		}, eval.Counts{Predicted: 5, Gold: 4}},
		{"actor names are whole words", []eval.PredictedPosition{
			{Doc: "b.txt", Names: []string{"Caldoran farmers union"}, Issue: "negotiations", Stance: "supports", Evidence: at("b.txt", "welcomed the talks")},
		}, eval.Counts{Predicted: 1, Gold: 4}},
		{"one prediction matches one gold position", []eval.PredictedPosition{
			{Doc: "b.txt", Names: []string{"Caldora"}, Issue: "negotiations", Stance: "supports", Evidence: at("b.txt", "Caldora welcomed the talks")},
			{Doc: "b.txt", Names: []string{"Caldora"}, Issue: "negotiations", Stance: "supports", Evidence: at("b.txt", "Caldora welcomed the talks")},
		}, eval.Counts{Correct: 1, Predicted: 2, Gold: 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := eval.ScorePositions(gold, tt.pred, texts, tax)
			if got.Counts != tt.want {
				t.Errorf("ScorePositions counts = %+v, want %+v", got.Counts, tt.want)
			}
			if len(got.Misses) != tt.want.Gold-tt.want.Correct {
				t.Errorf("misses = %d, want %d", len(got.Misses), tt.want.Gold-tt.want.Correct)
			}
			if len(got.Extra) != tt.want.Predicted-tt.want.Correct {
				t.Errorf("extra = %d, want %d", len(got.Extra), tt.want.Predicted-tt.want.Correct)
			}
		})
	}
}

func TestScorePositionsUnlocated(t *testing.T) {
	tax, err := position.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	gold := []eval.GoldPosition{{Doc: "a.txt", Accept: []string{"Velmar"}, Issue: "delta", Stance: "demands", Evidence: "words the text does not have"}}
	got := eval.ScorePositions(gold, nil, map[string]string{"a.txt": "Velmar insists on the delta."}, tax)
	if len(got.Unlocated) != 1 || got.Gold != 1 || len(got.Misses) != 0 {
		t.Errorf("unlocated = %d, gold = %d, misses = %d; want 1, 1, 0", len(got.Unlocated), got.Gold, len(got.Misses))
	}
}

func TestWritePositionReport(t *testing.T) {
	s := eval.PositionScores{
		Counts:    eval.Counts{Correct: 1, Predicted: 2, Gold: 3},
		Misses:    []eval.PositionMiss{{Gold: eval.GoldPosition{Doc: "a.txt", Actor: "Velmar", Issue: "delta", Stance: "demands", Evidence: "insists on the delta"}, Near: []eval.PredictedPosition{{Names: []string{"Velmar"}, Issue: "delta", Stance: "opposes"}}}},
		Extra:     []eval.PredictedPosition{{Doc: "b.txt", Issue: "levy", Stance: "opposes", Text: "rejected the levy"}},
		Unlocated: []eval.GoldPosition{{Doc: "c.txt", Evidence: "gone"}},
	}
	var b strings.Builder
	if err := eval.WritePositionReport(&b, s); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"found 1 of 3 gold, 2 predicted, precision 0.500", `missed a.txt: Velmar demands delta — "insists on the delta"`,
		"there: Velmar opposes delta", `unmatched b.txt: (nobody) opposes levy — "rejected the levy"`, `gold evidence not in c.txt: "gone"`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}

func TestReadGoldPositions(t *testing.T) {
	got, err := eval.ReadGoldPositions(filepath.Join("testdata", "TestReadGoldPositions", "positions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1].Actor != "Ana Lind" || len(got[1].Accept) != 2 || got[1].Stance != "opposes" {
		t.Errorf("ReadGoldPositions = %+v, want 2 items, the second Ana Lind opposes with 2 accepted names", got)
	}
	if _, err := eval.ReadGoldPositions(filepath.Join("testdata", "TestReadGoldPositions", "missing.jsonl")); err == nil {
		t.Error("ReadGoldPositions of a missing file: no error")
	}
}

// seedPositionFloor is what the position extractor reaches on the seeds' 20 gold positions with
// the right actor, issue and stance; seedPrecisionFloor is the share of its predictions there that
// match a gold position. The gold is not exhaustive: the other predictions are positions it does
// not list, right by hand but for a few (see the doc of package position).
const (
	seedPositionFloor  = 19
	seedPrecisionFloor = 0.38
)

// TestPositionsSeeds scores the extractor on the seed articles against their hand-made gold.
func TestPositionsSeeds(t *testing.T) {
	dir := shared.Dir(t, "seeds")
	gold, err := eval.ReadGoldPositions(filepath.Join(dir, "gold", "positions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	x, err := position.Default()
	if err != nil {
		t.Fatal(err)
	}
	finder, err := entity.Default()
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Skip("real data not available: no seed articles")
	}
	texts := make(map[string]string)
	var pred []eval.PredictedPosition
	for _, p := range paths {
		body, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := extract.Article(&dossier.Document{Source: p, Format: dossier.FormatText, Body: body})
		if err != nil {
			t.Fatalf("extract %s: %v", p, err)
		}
		name := filepath.Base(p)
		texts[name] = a.Text
		doc := text.Parse(a.Text)
		ents := finder.Find(a.Text)
		var qx quote.Extractor
		for _, pos := range x.Extract(doc, ents, qx.Extract(doc, a.Headings)) {
			pred = append(pred, eval.PredictedPosition{Doc: name, Names: actorNames(pos.Actor, ents), Issue: pos.Issue, Stance: pos.Stance,
				Evidence: dossier.Span{Start: pos.Evidence.Start, End: pos.Evidence.End}, Text: pos.Evidence.Text})
		}
	}
	s := eval.ScorePositions(gold, pred, texts, x.Taxonomy())
	var report strings.Builder
	if err := eval.WritePositionReport(&report, s); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + report.String())
	if s.Correct < seedPositionFloor {
		t.Errorf("found %d of %d gold positions, want at least %d", s.Correct, s.Gold, seedPositionFloor)
	}
	if p := s.Precision(); p < seedPrecisionFloor {
		t.Errorf("precision %.3f, want at least %.2f", p, seedPrecisionFloor)
	}
}

// actorNames are the names a position's actor goes by: as given, its entity's name and aliases,
// and what the entity stands for when it is a metonym.
func actorNames(a dossier.Actor, ents []entity.Entity) []string {
	names := []string{a.Name}
	for _, e := range ents {
		if e.ID == a.Entity && a.Entity != "" {
			names = append(names, e.Name)
			names = append(names, e.Aliases...)
			if e.Actor != "" {
				names = append(names, e.Actor)
			}
		}
	}
	return names
}
