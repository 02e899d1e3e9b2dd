package timex

import (
	"strconv"
	"time"
)

// gran is the precision of a point in time, coarsest first.
type gran uint8

const (
	gNone gran = iota
	gMillennium
	gCentury
	gDecade
	gYear
	gHalf
	gQuarter
	gSeason
	gMonth
	gWeek
	gWeekend
	gDay
	gPOD
	gHour
	gMinute
	gCount
)

// x marks an unknown field of a point: its digits print as X.
const x = -1

// point is a calendar period at some precision: a year, a quarter, a week, a day, a part of a
// day, a minute. Fields finer than g are meaningless; fields set to x are unknown.
type point struct {
	g          gran
	y          int // the year; for gWeek and gWeekend the ISO year
	m, d       int
	q, h, w    int // quarter, half, ISO week
	wd         int // weekday, for a day known only by its weekday ("XXXX-WXX-5")
	season     string
	pod        string
	hour, min  int
	dayOfWeekX bool // the day is known only by its weekday
}

// dayPoint is the day of t.
func dayPoint(t time.Time) point {
	return point{g: gDay, y: t.Year(), m: int(t.Month()), d: t.Day()}
}

// unknownAt is a point of precision g of which nothing is known.
func unknownAt(g gran) point {
	return point{g: g, y: x, m: x, d: x, q: x, h: x, w: x}
}

func (p point) known() bool { return p.y != x }

// date is the day of a day-precise point.
func (p point) date() time.Time {
	return time.Date(p.y, time.Month(p.m), p.d, 0, 0, 0, 0, time.UTC)
}

func (p point) hasDay() bool { return p.g >= gDay && p.known() && p.m > 0 && p.d > 0 && !p.dayOfWeekX }

// withDate sets the day of p to t, keeping its precision and time of day.
func (p point) withDate(t time.Time) point {
	p.y, p.m, p.d = t.Year(), int(t.Month()), t.Day()
	return p
}

// trunc returns p at the coarser precision g. A point coarser than g comes back unchanged.
func (p point) trunc(g gran) point {
	if g >= p.g {
		return p
	}
	switch g {
	case gWeek, gWeekend:
		if p.hasDay() {
			p.y, p.w = p.date().ISOWeek()
		} else {
			p.w = x
		}
	case gSeason:
		if p.m <= 0 {
			p.season = "XX"
			break
		}
		p.season = seasonOfMonth(p.m)
		if p.m == 12 && p.known() {
			p.y++ // December opens the winter named after the year it runs into
		}
	case gQuarter:
		p.q = x
		if p.hasMonth() {
			p.q = (p.m-1)/3 + 1
		}
	case gHalf:
		switch {
		case p.hasMonth():
			p.h = (p.m-1)/6 + 1
		case p.g == gQuarter && p.q > 0:
			p.h = (p.q-1)/2 + 1
		default:
			p.h = x
		}
	}
	p.g = g
	return p
}

// hasMonth reports whether p names a month (it is a month or a day, or finer, within one).
func (p point) hasMonth() bool {
	return (p.g == gMonth || p.g >= gDay) && p.m > 0 && !p.dayOfWeekX
}

var seasons = [4]string{"WI", "SP", "SU", "FA"}

func seasonOfMonth(m int) string { return seasons[m%12/3] }

func seasonIndex(s string) int {
	for k, v := range seasons {
		if v == s {
			return k
		}
	}
	return 0
}

// shift moves p by n units u, keeping its precision. A unit finer than the point moves only a
// day-precise point; a coarser point stays where it is. A move that leaves the years TIMEX3 can
// write (0000–9999), as "a million days ago" would, leaves the year unknown rather than invented.
func (p point) shift(n int, u unit) point {
	q := p.move(n, u)
	if q.known() && (q.y < 0 || q.y > 9999) {
		q.y = x
	}
	return q
}

func (p point) move(n int, u unit) point {
	if !p.known() || n == 0 {
		return p
	}
	switch u {
	case uDay:
		if p.hasDay() {
			return p.withDate(p.date().AddDate(0, 0, n))
		}
	case uWeek, uWeekend, uFortnight:
		if u == uFortnight {
			n *= 2
		}
		switch {
		case p.hasDay():
			return p.withDate(p.date().AddDate(0, 0, 7*n))
		case p.g == gWeek || p.g == gWeekend:
			t := isoMonday(p.y, p.w).AddDate(0, 0, 7*n)
			p.y, p.w = t.ISOWeek()
			return p
		}
	case uMonth:
		switch {
		case p.hasDay():
			return p.withDate(addMonths(p.date(), n))
		case p.g == gMonth:
			p.y, p.m = normMonth(p.y, p.m+n)
			return p
		}
	case uQuarter:
		switch {
		case p.g == gQuarter:
			p.y, p.q = normCycle(p.y, p.q+n, 4)
			return p
		case p.g == gMonth || p.hasDay():
			return p.shift(3*n, uMonth)
		}
	case uHalf:
		switch {
		case p.g == gHalf:
			p.y, p.h = normCycle(p.y, p.h+n, 2)
			return p
		case p.g == gQuarter:
			return p.shift(2*n, uQuarter)
		case p.g == gMonth || p.hasDay():
			return p.shift(6*n, uMonth)
		}
	case uSeason:
		if p.g == gSeason {
			k := seasonIndex(p.season) + n
			p.y += floorDiv(k, 4)
			p.season = seasons[((k%4)+4)%4]
			return p
		}
	case uYear:
		if p.hasDay() {
			return p.withDate(addMonths(p.date(), 12*n))
		}
		p.y += n
		return p
	case uDecade:
		p.y += 10 * n
		return p
	case uCentury:
		p.y += 100 * n
		return p
	case uMillennium:
		p.y += 1000 * n
		return p
	}
	return p
}

// addMonths adds n months to t, keeping the day within the month it lands in.
func addMonths(t time.Time, n int) time.Time {
	y, m := normMonth(t.Year(), int(t.Month())+n)
	d := min(t.Day(), daysIn(y, m))
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

func daysIn(y, m int) int { return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() }

func normMonth(y, m int) (int, int) { return normCycle(y, m, 12) }

// normCycle brings a 1-based index k of a cycle of n back into 1..n, carrying into the year.
func normCycle(y, k, n int) (int, int) {
	k--
	y += floorDiv(k, n)
	return y, ((k%n)+n)%n + 1
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// isoMonday is the Monday of ISO week w of year y.
func isoMonday(y, w int) time.Time {
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	wd := (int(jan4.Weekday()) + 6) % 7 // Monday 0
	return jan4.AddDate(0, 0, -wd+7*(w-1))
}

// weekdayOf is t's weekday, Monday 1 to Sunday 7.
func weekdayOf(t time.Time) int { return (int(t.Weekday())+6)%7 + 1 }

// value writes p in the TIMEX3 form of its precision.
func (p point) value() string {
	b := make([]byte, 0, 16)
	year := func() {
		if p.y == x {
			b = append(b, "XXXX"...)
		} else {
			b = pad(b, p.y, 4)
		}
	}
	two := func(v int) {
		if v == x {
			b = append(b, "XX"...)
		} else {
			b = pad(b, v, 2)
		}
	}
	switch p.g {
	case gMillennium:
		if p.y == x {
			return "X"
		}
		return strconv.Itoa(p.y / 1000)
	case gCentury:
		if p.y == x {
			return "XX"
		}
		return string(pad(b, p.y/100, 2))
	case gDecade:
		if p.y == x {
			return "XXX"
		}
		return string(pad(b, p.y/10, 3)) + "X"
	}
	year()
	switch p.g {
	case gHalf:
		b = append(b, "-H"...)
		b = appendDigitOrX(b, p.h)
	case gQuarter:
		b = append(b, "-Q"...)
		b = appendDigitOrX(b, p.q)
	case gSeason:
		b = append(b, '-')
		b = append(b, p.season...)
	case gMonth:
		b = append(b, '-')
		two(p.m)
	case gWeek, gWeekend:
		b = append(b, "-W"...)
		two(p.w)
		if p.g == gWeekend {
			b = append(b, "-WE"...)
		}
	case gDay, gPOD, gHour, gMinute:
		if p.dayOfWeekX {
			b = append(b, "-WXX-"...)
			b = strconv.AppendInt(b, int64(p.wd), 10)
		} else {
			b = append(b, '-')
			two(p.m)
			b = append(b, '-')
			two(p.d)
		}
		switch p.g {
		case gPOD:
			b = append(b, 'T')
			b = append(b, p.pod...)
		case gHour:
			b = append(b, 'T')
			two(p.hour)
			b = append(b, ":00"...)
		case gMinute:
			b = append(b, 'T')
			two(p.hour)
			b = append(b, ':')
			two(p.min)
		}
	}
	return string(b)
}

func appendDigitOrX(b []byte, v int) []byte {
	if v == x {
		return append(b, 'X')
	}
	return strconv.AppendInt(b, int64(v), 10)
}

func pad(b []byte, v, width int) []byte {
	s := strconv.Itoa(v)
	for k := len(s); k < width; k++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
