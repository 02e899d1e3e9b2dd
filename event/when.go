package event

import (
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier/timex"
)

// When is the time of an event as written and as resolved.
type When struct {
	// Text is the expression as written, with the preposition that introduces it: "on Wednesday",
	// "last week", "in the spring of 2022", "since 2019".
	Text string `json:"text"`
	// Date is the resolved TIMEX3 date ("2025-02-12", "2025-W07", "2025-05", "2022-SP", "2025-Q1",
	// "2022", "199X"), without a time of day; "" while the year is open, as for a relative
	// expression in an article without a publication date.
	Date string `json:"date"`
	// Precision is the granularity the expression gives: day, week, month, season, quarter, half,
	// year, decade or century. It is set even when Date is open ("on Wednesday" is a day), and ""
	// for vague references ("now", "recently").
	Precision string `json:"precision"`
}

// Precisions of a When.
const (
	Day     = "day"
	Week    = "week"
	Month   = "month"
	Season  = "season"
	Quarter = "quarter"
	Half    = "half"
	Year    = "year"
	Decade  = "decade"
	Century = "century"
)

// whenOf writes a temporal expression as an event's When; pre is the preposition written just
// before it ("on", "since"), or "".
func whenOf(x timex.Expr, pre string) When {
	w := When{Text: x.Text}
	if pre != "" {
		w.Text = pre + " " + x.Text
	}
	date, prec := dateOf(x.Value)
	w.Precision = prec
	// A decade is written with an X ("199X") that is part of its value, not an open field.
	if prec == Decade || !strings.Contains(date, "X") {
		w.Date = date
	}
	return w
}

// dateOf splits a TIMEX3 value into its date (without a time of day) and its precision. Vague
// references (PRESENT_REF, PAST_REF, FUTURE_REF) have neither.
func dateOf(v string) (date, precision string) {
	if v == "" || strings.HasSuffix(v, "_REF") {
		return "", ""
	}
	if i := strings.IndexByte(v, 'T'); i >= 4 {
		v = v[:i]
	}
	year, rest, _ := strings.Cut(v, "-")
	switch {
	case len(year) == 2:
		return v, Century
	case len(year) != 4:
		return v, ""
	case year[3] == 'X' && digits(year[:3]):
		return v, Decade
	}
	switch {
	case rest == "":
		return v, Year
	case rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI":
		return v, Season
	case strings.HasPrefix(rest, "W"):
		if strings.HasSuffix(rest, "-WE") || !strings.Contains(rest, "-") {
			return v, Week
		}
		return isoWeekDate(v), Day
	case strings.HasPrefix(rest, "Q"):
		return v, Quarter
	case strings.HasPrefix(rest, "H"):
		return v, Half
	case len(rest) == 2:
		return v, Month
	case len(rest) == 5:
		return v, Day
	}
	return v, ""
}

// isoWeekDate turns a resolved ISO week date ("2025-W07-3") into a calendar date; an open one
// ("XXXX-WXX-3") stays as it is.
func isoWeekDate(v string) string {
	var y, w, d int
	parts := strings.Split(v, "-")
	if len(parts) != 3 || len(parts[1]) != 3 {
		return v
	}
	var err error
	if y, err = strconv.Atoi(parts[0]); err != nil {
		return v
	}
	if w, err = strconv.Atoi(parts[1][1:]); err != nil {
		return v
	}
	if d, err = strconv.Atoi(parts[2]); err != nil || d < 1 || d > 7 {
		return v
	}
	return isoMonday(y, w).AddDate(0, 0, d-1).Format(time.DateOnly)
}

// isoMonday is the Monday of ISO week w of year y.
func isoMonday(y, w int) time.Time {
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	wd := (int(jan4.Weekday()) + 6) % 7
	return jan4.AddDate(0, 0, -wd+7*(w-1))
}

// span is a stretch of calendar time, [start, end).
type span struct{ start, end time.Time }

// interval returns the stretch of time a resolved date covers, narrowed by a TIMEX3 modifier
// ("early May" is its first third), and whether the date is resolved.
func interval(date, mod string) (span, bool) {
	if date == "" {
		return span{}, false
	}
	year, rest, _ := strings.Cut(date, "-")
	var s span
	switch {
	case len(year) == 4 && year[3] == 'X' && digits(year[:3]):
		d, err := strconv.Atoi(year[:3])
		if err != nil {
			return span{}, false
		}
		s = span{ymd(d*10, 1, 1), ymd(d*10+10, 1, 1)}
	case len(year) != 4:
		return span{}, false
	default:
		y, err := strconv.Atoi(year)
		if err != nil {
			return span{}, false
		}
		s, err = periodOf(y, rest)
		if err != nil {
			return span{}, false
		}
	}
	return narrow(s, mod), true
}

// periodOf is the stretch of year y that the rest of a date names ("05", "W07", "Q1", "SP", "05-12").
func periodOf(y int, rest string) (span, error) {
	atoi := strconv.Atoi
	switch {
	case rest == "":
		return span{ymd(y, 1, 1), ymd(y+1, 1, 1)}, nil
	case rest == "SP":
		return span{ymd(y, 3, 1), ymd(y, 6, 1)}, nil
	case rest == "SU":
		return span{ymd(y, 6, 1), ymd(y, 9, 1)}, nil
	case rest == "FA":
		return span{ymd(y, 9, 1), ymd(y, 12, 1)}, nil
	case rest == "WI":
		// TIMEX3 names a winter by the year it ends in: 2026-WI runs from December 2025.
		return span{ymd(y-1, 12, 1), ymd(y, 3, 1)}, nil
	case strings.HasPrefix(rest, "W"):
		w, err := atoi(strings.TrimSuffix(rest[1:], "-WE"))
		if err != nil {
			return span{}, err
		}
		mon := isoMonday(y, w)
		if strings.HasSuffix(rest, "-WE") {
			return span{mon.AddDate(0, 0, 5), mon.AddDate(0, 0, 7)}, nil
		}
		return span{mon, mon.AddDate(0, 0, 7)}, nil
	case strings.HasPrefix(rest, "Q"):
		q, err := atoi(rest[1:])
		if err != nil {
			return span{}, err
		}
		return span{ymd(y, 3*q-2, 1), ymd(y, 3*q+1, 1)}, nil
	case strings.HasPrefix(rest, "H"):
		h, err := atoi(rest[1:])
		if err != nil {
			return span{}, err
		}
		return span{ymd(y, 6*h-5, 1), ymd(y, 6*h+1, 1)}, nil
	}
	m, d, hasDay := strings.Cut(rest, "-")
	mo, err := atoi(m)
	if err != nil {
		return span{}, err
	}
	if !hasDay {
		return span{ymd(y, mo, 1), ymd(y, mo+1, 1)}, nil
	}
	da, err := atoi(d)
	if err != nil {
		return span{}, err
	}
	return span{ymd(y, mo, da), ymd(y, mo, da+1)}, nil
}

func digits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

func ymd(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// narrow applies a TIMEX3 modifier to a stretch of time: START, MID and END keep a third of it,
// BEFORE and AFTER the open side, so that "early May" sorts before "mid-May".
func narrow(s span, mod string) span {
	third := s.end.Sub(s.start) / 3
	switch mod {
	case "START":
		s.end = s.start.Add(third)
	case "MID":
		s.start, s.end = s.start.Add(third), s.end.Add(-third)
	case "END":
		s.start = s.end.Add(-third)
	}
	return s
}

// overlaps reports whether two stretches of time share a moment.
func (s span) overlaps(o span) bool { return s.start.Before(o.end) && o.start.Before(s.end) }

// intersect returns the common part of two overlapping stretches.
func (s span) intersect(o span) span {
	if o.start.After(s.start) {
		s.start = o.start
	}
	if o.end.Before(s.end) {
		s.end = o.end
	}
	return s
}
