package brief_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/brief"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/extract"
	"github.com/dossier-news/dossier/ingest"
)

// record analyses an invented article.
func record(id, outlet, published, body string) *analyze.Record {
	a := &dossier.Article{ID: id, Source: id + ".txt", Outlet: outlet, Title: "Title of " + id, Text: body, Lang: "en"}
	if published != "" {
		t, err := time.Parse(time.DateOnly, published)
		if err != nil {
			panic(err)
		}
		a.Published = t
	}
	return analyze.New(a)
}

var story = []*analyze.Record{
	record("a1", "Harbour Times", "2031-03-02", "Prime Minister Ruta Salvik of Velmar and President Lena Koruth of Caldora spoke by telephone on Thursday about the Korrin Gorge Dam on the Sarn river.\n\n"+
		"Velmar's government said the two leaders had agreed in principle on interim water quotas during the call.\n\n"+
		"\"No quotas were agreed, and none were discussed,\" Caldoran presidency spokeswoman Irena Dask said on Friday.\n\n"+
		"Officials in the delta said 40 protesters blocked the bridge at Meskel on Friday."),
	record("a2", "Valley Dispatch", "2031-03-03", "Caldora and Velmar gave conflicting accounts of a telephone call between their leaders on the Korrin Gorge Dam.\n\n"+
		"Farmers in the delta said 400 protesters blocked the bridge at Meskel on Friday.\n\n"+
		"Water Minister Tomas Averin said Caldora would keep filling the reservoir behind the Korrin Gorge Dam through the summer."),
}

func TestBuildCitesVerbatim(t *testing.T) {
	b := brief.Build("s1", story, brief.Options{})
	byID := map[string]string{}
	for _, r := range story {
		byID[r.ID] = r.Text
	}
	if len(b.Citations()) == 0 {
		t.Fatal("briefing has no citations")
	}
	for _, c := range b.Unverified(byID) {
		t.Errorf("citation %+v is not verbatim in its article", c)
	}
	byID[story[0].ID] = strings.Replace(byID[story[0].ID], "Velmar", "Vellmar", 1)
	if len(b.Unverified(byID)) == 0 {
		t.Error("Unverified found nothing wrong after an article's text changed")
	}
	if n := len(b.Summary); n == 0 || n > 8 {
		t.Errorf("summary has %d sentences, want 1 to 8", n)
	}
	if b.First != "2031-03-02T00:00:00Z" || b.Last != "2031-03-03T00:00:00Z" {
		t.Errorf("story runs %s to %s", b.First, b.Last)
	}
}

func TestDisagreements(t *testing.T) {
	b := brief.Build("s1", story, brief.Options{})
	tests := []struct {
		kind, cites string // a side or the evidence cites a span containing cites
	}{
		{"accounts differ", "gave conflicting accounts"},
		{"claim and denial", "No quotas were agreed"},
		{"figures differ", "400 protesters"},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			for _, d := range b.Disagreements {
				if d.Kind != tt.kind {
					continue
				}
				if len(d.Sides) < 2 {
					t.Errorf("%s has %d sides", d.Kind, len(d.Sides))
				}
				for _, c := range append([]brief.Citation{d.Evidence}, d.Sides[0].Citation, d.Sides[1].Citation) {
					if strings.Contains(c.Text, tt.cites) {
						return
					}
				}
			}
			t.Errorf("no %q disagreement citing %q in %+v", tt.kind, tt.cites, b.Disagreements)
		})
	}
}

func TestCopiesCountOnce(t *testing.T) {
	dup := *story[0]
	dup.ID, dup.Outlet, dup.DuplicateOf = "a3", "Copy Desk", story[0].ID
	recs := []*analyze.Record{story[0], story[1], &dup}
	b := brief.Build("s1", recs, brief.Options{})
	if len(b.Sources) != 3 || b.Sources[2].CopyOf != "a1" {
		t.Fatalf("sources %+v, want 3 with the copy marked", b.Sources)
	}
	for _, c := range b.Citations() {
		if c.Article == "a3" {
			t.Errorf("the copy is cited: %+v", c)
		}
	}
	outlets := map[string]int{}
	for _, c := range b.Coverage {
		outlets[c.Outlet] = c.Articles
	}
	if outlets["Copy Desk"] != 1 {
		t.Errorf("coverage %+v: the copy's outlet should count its article", b.Coverage)
	}
}

func TestMatrixMixedStance(t *testing.T) {
	a, c := *story[0], *story[1]
	salvik := func(r *analyze.Record) string {
		for _, e := range r.Entities {
			if strings.Contains(e.Name, "Salvik") || strings.Contains(e.Name, "Averin") {
				return e.ID
			}
		}
		return ""
	}
	ev := func(r *analyze.Record, s string) dossier.Evidence {
		i := strings.Index(r.Text, s)
		return dossier.EvidenceOf(r.Text, dossier.Span{Start: i, End: i + len(s)})
	}
	a.Positions = []analyze.Position{{Actor: analyze.Actor{Name: "Ruta Salvik", Entity: salvik(&a)}, Issue: "water quotas", Stance: "demands", Evidence: ev(&a, "agreed in principle on interim water quotas")}}
	c.Positions = []analyze.Position{{Actor: analyze.Actor{Name: "Tomas Averin", Entity: salvik(&c)}, Issue: "water quotas", Stance: "opposes", Evidence: ev(&c, "would keep filling the reservoir")}}
	b := brief.Build("s1", []*analyze.Record{&a, &c}, brief.Options{})
	if len(b.Issues) != 1 || b.Issues[0].Key != "water quotas" || len(b.Matrix) != 2 {
		t.Fatalf("issues %+v, matrix %+v: want one issue and two rows", b.Issues, b.Matrix)
	}
	for _, row := range b.Matrix {
		if len(row.Cells) != 1 || len(row.Cells[0].Evidence) != 1 {
			t.Errorf("row %+v: want one cell with its evidence", row)
		}
	}
}

func TestWriteEscapes(t *testing.T) {
	hostile := record("h1", "<b>Outlet</b>", "", "Officials said <script>alert(1)</script> was found in the dam control room on Tuesday, and the minister said the <img src=x onerror=alert(2)> report was false.")
	hostile.Title = `<script>alert("title")</script>`
	b := brief.Build("s1", []*analyze.Record{hostile}, brief.Options{})
	for _, f := range []brief.Format{brief.HTML, brief.Markdown} {
		t.Run(string(f), func(t *testing.T) {
			var buf bytes.Buffer
			if err := brief.Write(&buf, f, []*brief.Briefing{b}, map[string]string{hostile.ID: hostile.Text}); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for _, bad := range []string{"<script>alert", "<img src", "<b>Outlet"} {
				if strings.Contains(out, bad) {
					t.Errorf("%s output contains %q unescaped", f, bad)
				}
			}
			if f == brief.HTML && !strings.Contains(out, "&lt;script&gt;") {
				t.Error("HTML lost the escaped article text")
			}
		})
	}
}

func TestWriteJSON(t *testing.T) {
	b := brief.Build("s1", story, brief.Options{})
	var buf bytes.Buffer
	if err := brief.Write(&buf, brief.JSON, []*brief.Briefing{b}, nil); err != nil {
		t.Fatal(err)
	}
	var back []brief.Briefing
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if len(back) != 1 || back[0].Headline != b.Headline || len(back[0].Summary) != len(b.Summary) {
		t.Errorf("JSON round trip lost the briefing: %+v", back)
	}
	if strings.Contains(buf.String(), "null") {
		t.Errorf("JSON has a null: unknown values must be empty strings or lists\n%s", buf.String())
	}
	if err := brief.Write(&buf, "pdf", nil, nil); err == nil {
		t.Error("an unknown format gave no error")
	}
}

// BenchmarkBuild briefs one story of 1,000 articles, after analysis: the analysed articles of the
// example corpus, repeated under new ids, outlets and days.
func BenchmarkBuild(b *testing.B) {
	var base []*analyze.Record
	for doc, err := range ingest.New(ingest.Options{}).ReadFS(context.Background(), examples.Corpus(), ".") {
		if err != nil {
			b.Fatal(err)
		}
		a, err := extract.Article(doc)
		if err != nil {
			b.Fatal(err)
		}
		base = append(base, analyze.New(a))
	}
	var recs []*analyze.Record
	var size int64
	day := time.Date(2031, 4, 1, 8, 0, 0, 0, time.UTC)
	for i := range 1000 {
		r := *base[i%len(base)]
		r.ID = fmt.Sprintf("%s-%d", r.ID, i)
		r.Outlet = fmt.Sprintf("Outlet %d", i%17)
		r.Published = day.Add(time.Duration(i) * time.Hour).Format(time.RFC3339)
		r.DuplicateOf, r.NearDuplicateOf = "", ""
		recs = append(recs, &r)
		size += int64(len(r.Text))
	}
	b.SetBytes(size)
	for b.Loop() {
		brief.Build("s1", recs, brief.Options{})
	}
}
