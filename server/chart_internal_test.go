package server

import (
	"math"
	"testing"
	"time"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/brief"
	"github.com/dossier-news/dossier/store"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestTimexSpan(t *testing.T) {
	tests := []struct {
		name, value string
		start, end  string // dates; empty when the value is not placed
	}{
		{"day", "2031-04-17", "2031-04-17", "2031-04-18"},
		{"month", "2031-04", "2031-04-01", "2031-05-01"},
		{"december", "2031-12", "2031-12-01", "2032-01-01"},
		{"iso week", "2031-W16", "2031-04-14", "2031-04-21"},
		{"iso week 1 starting in december", "2026-W01", "2025-12-29", "2026-01-05"},
		{"quarter", "2031-Q2", "2031-04-01", "2031-07-01"},
		{"half", "2031-H2", "2031-07-01", "2032-01-01"},
		{"spring", "2031-SP", "2031-03-01", "2031-06-01"},
		{"winter", "2031-WI", "2031-12-01", "2032-03-01"},
		{"year", "2031", "2031-01-01", "2032-01-01"},
		{"decade", "203X", "2030-01-01", "2040-01-01"},
		{"century", "20XX", "2000-01-01", "2100-01-01"},
		{"empty", "", "", ""},
		{"open year", "XXXX-04-17", "", ""},
		{"month 13", "2031-13", "", ""},
		{"week 54", "2031-W54", "", ""},
		{"day 31 of april", "2031-04-31", "", ""},
		{"signed month", "2031-+4", "", ""},
		{"time of day", "2031-04-17T10:00", "", ""},
		{"present reference", "PRESENT_REF", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end, ok := timexSpan(tt.value)
			if ok != (tt.start != "") {
				t.Fatalf("timexSpan(%q) ok = %v, want %v", tt.value, ok, tt.start != "")
			}
			if ok && (!start.Equal(day(tt.start)) || !end.Equal(day(tt.end))) {
				t.Errorf("timexSpan(%q) = %s to %s, want %s to %s", tt.value, start.Format(time.DateOnly), end.Format(time.DateOnly), tt.start, tt.end)
			}
		})
	}
}

func FuzzTimexSpan(f *testing.F) {
	for _, s := range []string{"2031-04-17", "2031-W16", "2031-Q2", "2031-H1", "2031-SU", "2031", "203X", "20XX", "9999-12-31", "0000-W01", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		start, end, ok := timexSpan(v)
		if ok && !start.Before(end) {
			t.Errorf("timexSpan(%q) = %v to %v: the span is empty", v, start, end)
		}
	})
}

func moment(date, typ, summary string) brief.Moment {
	return brief.Moment{When: analyze.When{Date: date}, Type: typ, Summary: summary}
}

func TestTimelineChart(t *testing.T) {
	tests := []struct {
		name            string
		moments         []brief.Moment
		dated, undated  int
		ranges          int
		ticks, sameLane bool
	}{
		{"none", nil, 0, 0, 0, false, false},
		{"dated and undated", []brief.Moment{
			moment("2031-04-14", "talks", "talks open in Brevik"),
			moment("", "statement", "the ministry issued a statement"),
			moment("2031-04", "protest", "farmers protest through April"),
			moment("2031-04-17", "call", "the leaders speak by phone"),
			moment("", "call", "a call was scheduled"),
		}, 3, 2, 1, true, false},
		{"only undated", []brief.Moment{moment("", "talks", "a"), moment("", "talks", "b")}, 0, 2, 0, false, false},
		{"one day", []brief.Moment{moment("2031-04-17", "call", "a"), moment("2031-04-17", "call", "b")}, 2, 0, 0, true, false},
		{"far apart", []brief.Moment{moment("1999", "treaty", "the first treaty"), moment("2031-04-17", "call", "b")}, 2, 0, 1, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := timelineChart(tt.moments)
			if tt.moments == nil {
				if tl != nil {
					t.Fatal("a chart of no moments")
				}
				return
			}
			if len(tl.Dated) != tt.dated || len(tl.Undated) != tt.undated {
				t.Fatalf("%d dated and %d undated marks, want %d and %d", len(tl.Dated), len(tl.Undated), tt.dated, tt.undated)
			}
			ranges := 0
			hrefs := map[string]bool{}
			for _, m := range append(tl.Dated, tl.Undated...) {
				if m.X < 0 || m.X+m.W > tl.W || m.Y < 0 || m.Y > tl.AxisY {
					t.Errorf("mark %+v outside the chart %vx%v", m, tl.W, tl.AxisY)
				}
				if m.Range {
					ranges++
				}
				hrefs[m.Href] = true
			}
			for _, m := range tl.Dated {
				if m.X < tl.X0 || m.X+m.W > tl.X1+1e-9 {
					t.Errorf("dated mark %+v outside the dated part %v to %v", m, tl.X0, tl.X1)
				}
			}
			if ranges != tt.ranges {
				t.Errorf("%d range marks, want %d", ranges, tt.ranges)
			}
			if len(hrefs) != len(tt.moments) {
				t.Errorf("%d distinct links for %d moments", len(hrefs), len(tt.moments))
			}
			if (len(tl.Ticks) > 0) != tt.ticks {
				t.Errorf("ticks %+v", tl.Ticks)
			}
			for i := 1; i < len(tl.Ticks); i++ {
				if tl.Ticks[i].X <= tl.Ticks[i-1].X {
					t.Errorf("ticks out of order: %+v", tl.Ticks)
				}
			}
			if tt.sameLane && tl.Dated[0].Y != tl.Dated[1].Y {
				t.Errorf("marks far apart in different lanes: %+v", tl.Dated)
			}
			if len(tl.Types) == 0 {
				t.Error("no legend")
			}
		})
	}
}

func TestTimelineChartCrowded(t *testing.T) {
	var ms []brief.Moment
	for range 40 {
		ms = append(ms, moment("2031-04-17", "call", "one of many calls"))
	}
	tl := timelineChart(ms)
	lanes := map[float64]bool{}
	for _, m := range tl.Dated {
		lanes[m.Y] = true
	}
	if len(lanes) != tlMaxLane {
		t.Errorf("%d lanes for 40 events on one day, want the most, %d", len(lanes), tlMaxLane)
	}
	if tl.H > tlTop+tlMaxLane*tlLane+tlAxis {
		t.Errorf("chart %v high, taller than its lanes", tl.H)
	}
}

func TestSparkline(t *testing.T) {
	tests := []struct {
		name  string
		days  []store.Day
		bars  int
		total int
	}{
		{"none", nil, 0, 0},
		{"one day", []store.Day{{Day: day("2031-04-17"), Articles: 3}}, 1, 3},
		{"a month with gaps", []store.Day{{Day: day("2031-04-01"), Articles: 1}, {Day: day("2031-04-02"), Articles: 4}, {Day: day("2031-04-30"), Articles: 2}}, 3, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp := sparkline(tt.days)
			if tt.days == nil {
				if sp != nil {
					t.Fatal("a sparkline of no days")
				}
				return
			}
			if len(sp.Bars) != tt.bars || sp.Total != tt.total {
				t.Fatalf("%d bars, %d articles; want %d, %d", len(sp.Bars), sp.Total, tt.bars, tt.total)
			}
			tallest := 0.0
			for i, b := range sp.Bars {
				if b.X < 0 || b.X+b.W > sp.W+1e-9 || b.Y < 0 || b.Y+b.H > sp.H+1e-9 || b.H <= 0 {
					t.Errorf("bar %+v outside %vx%v", b, sp.W, sp.H)
				}
				if i > 0 && b.X <= sp.Bars[i-1].X {
					t.Errorf("bars out of order")
				}
				tallest = max(tallest, b.H)
			}
			if tallest != sp.H {
				t.Errorf("the busiest day's bar is %v high, want the full %v", tallest, sp.H)
			}
		})
	}
}

func TestPositionsChart(t *testing.T) {
	pos := func(published, issue, stance string) apiPosition {
		p := apiPosition{Article: "a1", Published: published}
		p.Issue, p.Stance = issue, stance
		return p
	}
	tests := []struct {
		name    string
		ps      []apiPosition
		rows    int
		dots    int
		undated int
	}{
		{"none", nil, 0, 0, 0},
		{"only undated", []apiPosition{pos("", "water", "demands")}, 0, 0, 1},
		{"two issues over a month", []apiPosition{
			pos("2031-04-14T09:30:00Z", "water", "demands"),
			pos("2031-04-28T00:00:00Z", "arbitration", "opposes"),
			pos("2031-05-13T16:20:00Z", "water", "conditions"),
			pos("2031-05-13T18:00:00Z", "water", "demands"),
			pos("", "water", "supports"),
		}, 2, 4, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := positionsChart(tt.ps)
			if tt.rows == 0 {
				if sc != nil {
					t.Fatalf("a chart of %d rows, want none", len(sc.Rows))
				}
				return
			}
			if len(sc.Rows) != tt.rows || sc.Undated != tt.undated {
				t.Fatalf("%d rows, %d undated; want %d, %d", len(sc.Rows), sc.Undated, tt.rows, tt.undated)
			}
			dots := 0
			for _, r := range sc.Rows {
				for i, d := range r.Dots {
					dots++
					if d.X < sc.X0 || d.X > sc.X1 || math.Abs(d.Y-r.Y) > scRow/2 || d.Href == "" {
						t.Errorf("dot %+v of row %s out of place", d, r.Issue)
					}
					if i > 0 && d.X < r.Dots[i-1].X {
						t.Errorf("row %s: dots out of date order", r.Issue)
					}
				}
			}
			if dots != tt.dots {
				t.Errorf("%d dots, want %d", dots, tt.dots)
			}
			for _, r := range sc.Rows {
				for i, d := range r.Dots {
					for _, e := range r.Dots[:i] {
						if d.Y == e.Y && math.Abs(d.X-e.X) < 1 {
							t.Errorf("row %s: two dots drawn on one another at %v", r.Issue, d.X)
						}
					}
				}
			}
		})
	}
}
