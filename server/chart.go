package server

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier/brief"
	"github.com/dossier-news/dossier/store"
)

// The charts are computed here and drawn by the templates as inline SVG, so that they show
// without JavaScript, print, and need no inline style.

// spark is a story's activity: one bar per day with articles, over the days up to its last.
type spark struct {
	W, H  float64
	Bars  []sparkBar
	Total int
	Label string
}

type sparkBar struct {
	X, Y, W, H float64
	Title      string
}

// sparkMinDays is the shortest stretch a sparkline covers, so that a one-day story shows one
// thin bar and not one block.
const sparkMinDays = 14

func sparkline(days []store.Day) *spark {
	if len(days) == 0 {
		return nil
	}
	sp := &spark{W: 140, H: 28}
	first, last := days[0].Day, days[len(days)-1].Day
	n := max(int(last.Sub(first).Hours()/24)+1, sparkMinDays)
	start := last.AddDate(0, 0, 1-n)
	most := 0
	for _, d := range days {
		most = max(most, d.Articles)
		sp.Total += d.Articles
	}
	step := sp.W / float64(n)
	for _, d := range days {
		i := int(math.Round(d.Day.Sub(start).Hours() / 24))
		h := math.Max(2, sp.H*float64(d.Articles)/float64(most))
		sp.Bars = append(sp.Bars, sparkBar{
			X: float64(i) * step, Y: sp.H - h, W: math.Max(1, step-1), H: h,
			Title: fmt.Sprintf("%s: %s", d.Day.Format(time.DateOnly), plural(d.Articles, "article")),
		})
	}
	sp.Label = fmt.Sprintf("%s from %s to %s", plural(sp.Total, "article"), first.Format(time.DateOnly), last.Format(time.DateOnly))
	return sp
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// timeline is the chart of a briefing's moments: dated ones placed by date on an axis (a
// dot for a day, a bar for a week, month or longer), undated ones in a band of their own in
// story order.
type timeline struct {
	W, H    float64
	AxisY   float64
	X0, X1  float64 // the dated part
	U0      float64 // where the undated band starts, 0 when there is none
	Dated   []mark
	Undated []mark
	Ticks   []tick
	Types   []eventType
}

// mark is one moment: a dot at X (Range false) or a bar from X to X+W.
type mark struct {
	X, Y, W float64
	Range   bool
	Class   string
	Href    string
	Title   string
}

type tick struct {
	X     float64
	Label string
}

type eventType struct {
	Name, Class string
}

// Geometry of the timeline chart, in SVG user units.
const (
	tlWidth   = 760.0
	tlPad     = 16.0
	tlLane    = 14.0
	tlTop     = 12.0
	tlAxis    = 28.0
	tlDot     = 4.0
	tlMaxLane = 12
	tlClasses = 8
)

func timelineChart(moments []brief.Moment) *timeline {
	if len(moments) == 0 {
		return nil
	}
	tl := &timeline{W: tlWidth, X0: tlPad, X1: tlWidth - tlPad}
	classes := map[string]string{}
	var types []string
	for _, m := range moments {
		if _, ok := classes[m.Type]; !ok {
			classes[m.Type] = ""
			types = append(types, m.Type)
		}
	}
	slices.Sort(types)
	for i, t := range types {
		classes[t] = "t" + strconv.Itoa(i%tlClasses)
		tl.Types = append(tl.Types, eventType{Name: t, Class: classes[t]})
	}

	type dated struct {
		i          int
		start, end time.Time
	}
	var ds []dated
	var undated []int
	lo, hi := time.Time{}, time.Time{}
	for i, m := range moments {
		start, end, ok := timexSpan(m.When.Date)
		if !ok {
			undated = append(undated, i)
			continue
		}
		ds = append(ds, dated{i, start, end})
		if lo.IsZero() || start.Before(lo) {
			lo = start
		}
		if end.After(hi) {
			hi = end
		}
	}
	if len(undated) > 0 {
		share := 0.25
		if len(ds) == 0 {
			share = 1
		}
		tl.U0 = tlWidth - tlPad - share*(tlWidth-2*tlPad)
		tl.X1 = tl.U0 - 2*tlPad
	}

	lanes := 0
	if len(ds) > 0 {
		// Keep at least a day either side, so that events on one day are not on the edges.
		lo, hi = lo.AddDate(0, 0, -1), hi.AddDate(0, 0, 1)
		span := hi.Sub(lo).Seconds()
		x := func(t time.Time) float64 { return tl.X0 + (tl.X1-tl.X0)*t.Sub(lo).Seconds()/span }
		slices.SortStableFunc(ds, func(a, b dated) int { return a.start.Compare(b.start) })
		var ends []float64 // the right edge of what each lane holds
		for _, d := range ds {
			m := moments[d.i]
			mk := mark{X: x(d.start), Class: classes[m.Type], Href: "#m-" + strconv.Itoa(d.i+1), Title: m.Label() + " · " + m.Type + ": " + m.Summary}
			var left, right float64
			if d.end.Sub(d.start) > 36*time.Hour {
				mk.Range, mk.W = true, math.Max(x(d.end)-mk.X, 2*tlDot)
				left, right = mk.X-1, mk.X+mk.W+1
			} else {
				mk.X = x(d.start.Add(d.end.Sub(d.start) / 2))
				left, right = mk.X-tlDot-1, mk.X+tlDot+1
			}
			lane := slices.IndexFunc(ends, func(e float64) bool { return e <= left })
			switch {
			case lane >= 0:
			case len(ends) < tlMaxLane:
				lane = len(ends)
				ends = append(ends, 0)
			default:
				lane = slices.Index(ends, slices.Min(ends)) // crowded: overlap the emptiest lane
			}
			ends[lane] = math.Max(ends[lane], right)
			mk.Y = tlTop + float64(lane)*tlLane
			tl.Dated = append(tl.Dated, mk)
		}
		lanes = len(ends)
		tl.Ticks = ticks(lo, hi, x)
	}

	if len(undated) > 0 {
		cols := max(1, int((tlWidth-tlPad-tl.U0)/(tlLane*0.8)))
		for k, i := range undated {
			m := moments[i]
			tl.Undated = append(tl.Undated, mark{
				X:     tl.U0 + tlDot + float64(k%cols)*tlLane*0.8,
				Y:     tlTop + float64(k/cols)*tlLane*0.8,
				Class: classes[m.Type], Href: "#m-" + strconv.Itoa(i+1),
				Title: "undated · " + m.Type + ": " + m.Summary,
			})
		}
		rows := (len(undated) + cols - 1) / cols
		lanes = max(lanes, int(math.Ceil(float64(rows)*0.8)))
	}
	tl.AxisY = tlTop + float64(max(lanes, 1))*tlLane
	tl.H = tl.AxisY + tlAxis
	return tl
}

// ticks labels the axis from lo to hi at a step that gives about eight labels: days, weeks,
// months or years.
func ticks(lo, hi time.Time, x func(time.Time) float64) []tick {
	days := hi.Sub(lo).Hours() / 24
	type unit struct {
		next   func(time.Time) time.Time
		layout string
	}
	var u unit
	floor := time.Date(lo.Year(), lo.Month(), lo.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case days <= 16:
		u = unit{func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }, "Jan 2"}
	case days <= 100:
		for floor.Weekday() != time.Monday {
			floor = floor.AddDate(0, 0, 1)
		}
		u = unit{func(t time.Time) time.Time { return t.AddDate(0, 0, 7) }, "Jan 2"}
	case days <= 3*366:
		floor = time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
		u = unit{func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }, "Jan 2006"}
	default:
		floor = time.Date(lo.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
		u = unit{func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }, "2006"}
	}
	var all []time.Time
	for t := floor; !t.After(hi); t = u.next(t) {
		if !t.Before(lo) {
			all = append(all, t)
		}
	}
	step := max(1, (len(all)+7)/8)
	var out []tick
	for i := 0; i < len(all); i += step {
		out = append(out, tick{X: x(all[i]), Label: all[i].Format(u.layout)})
	}
	return out
}

// timexSpan reads a TIMEX3 date value as the stretch of time it names: a day ("2031-04-17"),
// an ISO week ("2031-W16"), a month ("2031-04"), a quarter ("2031-Q2"), a half ("2031-H1"), a
// season ("2031-SP", "2031-SU", "2031-FA", "2031-WI"), a year ("2031"), a decade ("203X") or a
// century ("20XX"). Anything else is not a date it can place.
func timexSpan(v string) (start, end time.Time, ok bool) {
	year, rest, _ := strings.Cut(v, "-")
	if len(year) != 4 {
		return start, end, false
	}
	switch {
	case rest == "" && strings.HasSuffix(year, "XX") && digits(year[:2]):
		c, _ := strconv.Atoi(year[:2])
		start = time.Date(c*100, 1, 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(100, 0, 0), true
	case rest == "" && strings.HasSuffix(year, "X") && digits(year[:3]):
		d, _ := strconv.Atoi(year[:3])
		start = time.Date(d*10, 1, 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(10, 0, 0), true
	case !digits(year):
		return start, end, false
	}
	y, _ := strconv.Atoi(year)
	jan := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	num := func(s string, lo, hi int) (int, bool) {
		n, _ := strconv.Atoi(s)
		return n, digits(s) && n >= lo && n <= hi
	}
	switch {
	case rest == "":
		return jan, jan.AddDate(1, 0, 0), true
	case len(rest) == 3 && rest[0] == 'W':
		w, ok := num(rest[1:], 1, 53)
		if !ok {
			return start, end, false
		}
		// ISO week 1 holds the year's first Thursday.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(w-1)*7)
		return monday, monday.AddDate(0, 0, 7), true
	case len(rest) == 2 && rest[0] == 'Q':
		q, ok := num(rest[1:], 1, 4)
		if !ok {
			return start, end, false
		}
		start = jan.AddDate(0, 3*(q-1), 0)
		return start, start.AddDate(0, 3, 0), true
	case len(rest) == 2 && rest[0] == 'H':
		h, ok := num(rest[1:], 1, 2)
		if !ok {
			return start, end, false
		}
		start = jan.AddDate(0, 6*(h-1), 0)
		return start, start.AddDate(0, 6, 0), true
	case rest == "SP" || rest == "SU" || rest == "FA" || rest == "AU" || rest == "WI":
		// Northern seasons by meteorological months; winter runs into the next year.
		month := map[string]int{"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}[rest]
		start = jan.AddDate(0, month-1, 0)
		return start, start.AddDate(0, 3, 0), true
	case len(rest) == 2:
		m, ok := num(rest, 1, 12)
		if !ok {
			return start, end, false
		}
		start = jan.AddDate(0, m-1, 0)
		return start, start.AddDate(0, 1, 0), true
	case len(rest) == 5 && rest[2] == '-':
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return start, end, false
		}
		return t, t.AddDate(0, 0, 1), true
	}
	return start, end, false
}

// digits reports whether s is one or more ASCII digits and nothing else.
func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// stanceChart is an actor's positions over time: one row per issue, a dot per position at its
// article's date, coloured by stance, each opening its evidence.
type stanceChart struct {
	W, H      float64
	X0, X1    float64
	AxisY     float64
	Rows      []stanceRow
	Ticks     []tick
	Undated   int // positions in undated articles, which the chart cannot place
	LabelEdge float64
}

type stanceRow struct {
	Issue string
	Y     float64
	Dots  []mark
}

// Geometry of the stance chart.
const (
	scWidth = 760.0
	scLabel = 170.0
	scRow   = 18.0
)

func positionsChart(ps []apiPosition) *stanceChart {
	type placed struct {
		p apiPosition
		t time.Time
	}
	var dated []placed
	undated := 0
	lo, hi := time.Time{}, time.Time{}
	for _, p := range ps {
		t, err := time.Parse(time.RFC3339, p.Published)
		if err != nil {
			undated++
			continue
		}
		dated = append(dated, placed{p, t})
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	if len(dated) == 0 {
		return nil
	}
	lo, hi = lo.AddDate(0, 0, -1), hi.AddDate(0, 0, 1)
	sc := &stanceChart{W: scWidth, X0: scLabel + tlPad, X1: scWidth - tlPad, Undated: undated, LabelEdge: scLabel}
	span := hi.Sub(lo).Seconds()
	x := func(t time.Time) float64 { return sc.X0 + (sc.X1-sc.X0)*t.Sub(lo).Seconds()/span }
	rows := map[string]int{}
	for _, d := range dated {
		i, ok := rows[d.p.Issue]
		if !ok {
			i = len(sc.Rows)
			rows[d.p.Issue] = i
			sc.Rows = append(sc.Rows, stanceRow{Issue: d.p.Issue, Y: tlTop + float64(i)*scRow})
		}
		r := &sc.Rows[i]
		r.Dots = append(r.Dots, mark{
			X: x(d.t), Y: r.Y + offset(r.Dots, x(d.t), r.Y), Class: "s-" + d.p.Stance,
			Href:  spanURL(d.p.Article, d.p.Evidence.Start, d.p.Evidence.End),
			Title: d.t.Format(time.DateOnly) + " · " + d.p.Stance + " " + d.p.Issue + ": " + d.p.Evidence.Text,
		})
	}
	sc.AxisY = tlTop + float64(len(sc.Rows))*scRow
	sc.H = sc.AxisY + tlAxis
	sc.Ticks = ticks(lo, hi, x)
	return sc
}

// offset moves a dot up or down within its row when dots already drawn there would hide it.
func offset(dots []mark, x, y float64) float64 {
	for _, dy := range []float64{0, -5, 5} {
		free := true
		for _, d := range dots {
			if d.Y == y+dy && math.Abs(d.X-x) < 10 {
				free = false
				break
			}
		}
		if free {
			return dy
		}
	}
	return 0
}
