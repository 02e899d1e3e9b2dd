package timex

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// tense is what the verb governing an expression says of its time.
type tense uint8

const (
	tenseNone tense = iota
	tensePast
	tensePresent
	tenseFuture
	// tensePluperfect is "had": past, and it makes a future after it past too ("had been due to").
	tensePluperfect
)

// resolver turns frames into TIMEX3 values, in text order: it holds the reference time and the
// times the text has established so far, against which narrative expressions resolve.
type resolver struct {
	ref    point // the reference day; unknown when the text has no date
	hasRef bool
	// seen lists the times the text established, most recent last.
	seen     []point
	arena    []frame
	holidays []string // the lexicon's holiday rules, which frames name by number
}

func newResolver(ref time.Time) *resolver {
	r := &resolver{ref: unknownAt(gDay)}
	if !ref.IsZero() {
		r.ref, r.hasRef = dayPoint(ref), true
	}
	return r
}

// result is a resolved expression. establishes says whether later narrative expressions may
// count from it.
type result struct {
	typ         Type
	value, mod  string
	p           point
	establishes bool
}

func unitGran(u unit) gran {
	switch u {
	case uSecond, uMinute:
		return gMinute
	case uHour:
		return gHour
	case uPOD:
		return gPOD
	case uDay:
		return gDay
	case uWeekend:
		return gWeekend
	case uWeek, uFortnight:
		return gWeek
	case uMonth:
		return gMonth
	case uSeason:
		return gSeason
	case uQuarter:
		return gQuarter
	case uHalf:
		return gHalf
	case uYear:
		return gYear
	case uDecade:
		return gDecade
	case uCentury:
		return gCentury
	case uMillennium:
		return gMillennium
	}
	return gNone
}

// refAt is the reference time at precision g, or an unknown point of that precision.
func (r *resolver) refAt(g gran) point {
	if !r.hasRef {
		return unknownAt(g)
	}
	return r.ref.trunc(g)
}

// lastAt is the most recent time the text established at precision g or finer, cut to g; the
// reference time when there is none.
func (r *resolver) lastAt(g gran) point {
	for k := len(r.seen) - 1; k >= 0; k-- {
		if r.seen[k].g == g {
			return r.seen[k]
		}
	}
	for k := len(r.seen) - 1; k >= 0; k-- {
		if p := r.seen[k]; p.g > g {
			return p.trunc(g)
		}
	}
	return r.refAt(g)
}

// period is the reporting period the text is about, if it is about one: the most recent quarter
// or half it named, unless it named a year since. Financial news compares a quarter with "a year
// ago" and "the 1988 period", meaning the same quarter a year before.
func (r *resolver) period() (point, bool) {
	for k := len(r.seen) - 1; k >= 0; k-- {
		switch p := r.seen[k]; p.g {
		case gQuarter, gHalf:
			return p, true
		case gYear, gDecade, gCentury:
			return point{}, false
		}
	}
	return point{}, false
}

// last is the most recent time the text established, at its own precision.
func (r *resolver) last() (point, bool) {
	if len(r.seen) == 0 {
		return point{}, false
	}
	return r.seen[len(r.seen)-1], true
}

// resolve gives the frame its type, value and modifier. ok is false when the frame says too
// little to be a temporal expression.
func (r *resolver) resolve(f *frame, typ Type, tn tense) (result, bool) {
	switch typ {
	case Duration:
		return r.duration(f)
	case Set:
		return r.set(f)
	}
	if f.ref != 0 {
		return result{typ: Date, value: f.ref.String()}, true
	}
	if f.plural && f.weekday > 0 {
		return r.set(f) // "on Mondays"
	}
	if f.plural && f.unit != uNone && !f.hasShift && !f.hasQty && f.dir == dirNone {
		return r.duration(f) // "in the weeks before": some weeks
	}
	if f.plural && f.hasShift && !f.hasQty && f.dir == dirNone {
		// "the coming months", "the past weeks": somewhere in the future or the past.
		v := "PAST_REF"
		if f.shift > 0 {
			v = "FUTURE_REF"
		}
		return result{typ: Date, value: v}, true
	}
	if f.dir != dirNone && (f.qtyX || !f.hasQty && f.plural) {
		v := "PAST_REF"
		if f.dir == dirHence || f.dir == dirLater {
			v = "FUTURE_REF"
		}
		return result{typ: Date, value: v, mod: f.mod.String()}, true
	}
	p, ok := r.point(f, tn)
	if !ok {
		return result{}, false
	}
	res := result{typ: typ, p: p, value: p.value(), mod: f.mod.String(), establishes: p.known()}
	switch {
	case p.g > gPOD, p.g == gPOD && (f.hasShift || f.hasDeictic || f.weekday == 0 && f.inner == 0 && f.month == 0):
		res.typ = Time
	default:
		// A named day with its part ("Friday night") is annotated as a date twice as often
		// as a time; a clock time, or a part of today or yesterday ("last night"), as a time.
		res.typ = Date
	}
	if f.approx != 0 {
		res.mod = pointMod(f.approx.String(), f.dir)
	}
	if !f.hasShift && f.dir == dirNone && f.unit != uNone && f.ord == 0 && f.year == 0 && f.inner == 0 {
		res.establishes = false // "the year" repeats a time in hand
	}
	if f.dir != dirNone && f.unit >= uYear {
		// "a year earlier", "a year ago" compare with the time in hand rather than move the
		// story on.
		res.establishes = false
	}
	return res, true
}

// establish records a resolved time for the narrative expressions that follow.
func (r *resolver) establish(res result) {
	if res.establishes {
		r.seen = append(r.seen, res.p)
	}
}

func (r *resolver) point(f *frame, tn tense) (point, bool) {
	var base point
	hasBase := false
	if f.inner > 0 {
		inner := &r.arena[f.inner-1]
		if inner.ref != 0 {
			return point{}, false
		}
		if b, ok := r.point(inner, tn); ok {
			base, hasBase = b, true
		}
	}
	if f.dir != dirNone {
		return r.offset(f, base, hasBase), true
	}
	switch {
	case f.hasDeictic:
		return r.timeOfDay(r.refAt(gDay).shift(int(f.deictic), uDay), f), true
	case f.decade > 0:
		return point{g: gDecade, y: int(f.decade) * 10}, true
	case f.decadeInCentury >= 0:
		if !r.hasRef {
			return unknownAt(gDecade), true
		}
		c := r.ref.y / 100
		if c*10+int(f.decadeInCentury) > r.ref.y/10 {
			c-- // "the nineties" seen from 2025 are the 1990s
		}
		return point{g: gDecade, y: c*100 + int(f.decadeInCentury)*10}, true
	case f.unit == uCentury && f.ord > 0 && !f.hasShift:
		if int(f.ord) > 30 {
			return point{}, false
		}
		return point{g: gCentury, y: (int(f.ord) - 1) * 100}, true
	case f.holiday != 0:
		return r.holiday(f, base, hasBase, tn), true
	case f.month > 0:
		return r.monthDay(f, base, hasBase, tn), true
	case f.season != 0 && !f.each:
		y := r.yearOf(f, base, hasBase, tn, func(y int) int {
			return compareInts(seasonIndex(f.season.String()), r.ref.trunc(gSeason).seasonIdx(), 0, 0)
		}, func(y int) time.Time {
			return time.Date(y, time.Month(1+3*seasonIndex(f.season.String())), 15, 0, 0, 0, 0, time.UTC)
		})
		return point{g: gSeason, y: y, season: f.season.String()}, true
	case (f.unit == uQuarter || f.unit == uHalf) && f.ord > 0:
		if f.unit == uQuarter && int(f.ord) > 4 || f.unit == uHalf && int(f.ord) > 2 {
			return point{}, false
		}
		return r.partOfYear(f, base, hasBase, tn), true
	case f.weekday > 0:
		return r.timeOfDay(r.weekday(f, base, hasBase, tn), f), true
	case f.year > 0 && (f.unit == uQuarter || f.unit == uPeriod):
		// "the 1988 quarter", "the 1989 period": the reporting period in hand, in that year.
		p, ok := r.period()
		if !ok {
			if f.unit == uPeriod {
				return point{g: gYear, y: r.fullYear(f)}, true
			}
			p = r.lastAt(gQuarter)
		}
		p.y = r.fullYear(f)
		return p, true
	case f.year > 0:
		return point{g: gYear, y: r.fullYear(f)}, true
	case f.unit == uPeriod:
		// "the period", "the latest period": the period in hand.
		if hasBase {
			return base, true
		}
		if p, ok := r.last(); ok {
			return p, true
		}
		if f.hasShift {
			return r.refAt(gQuarter).shift(int(f.shift), uQuarter), true
		}
		return point{}, false
	case f.hasShift && f.unit != uNone && f.unit != uPOD:
		return r.shifted(f), true
	case f.hasShift && f.pod != 0:
		// "this morning", "last night", "the next morning": the part of a day near the
		// reference, or near the day in hand.
		d := r.refAt(gDay)
		if f.anaph {
			d = r.lastAt(gDay)
		}
		return r.timeOfDay(d.shift(int(f.shift), uDay), f), true
	case f.unit != uNone && hasBase:
		// "the quarter ended Sept. 30": the period around the time the text gives.
		if f.unit == uPeriod {
			return base, true
		}
		return base.trunc(unitGran(f.unit)), true
	case f.unit != uNone:
		return r.lastAt(unitGran(f.unit)), true
	case f.clock || f.pod != 0:
		// "the morning", "10:35 a.m.": on the day in hand.
		d := r.lastAt(gDay)
		if hasBase {
			d = base
		}
		return r.timeOfDay(d, f), true
	case hasBase:
		return base, true
	}
	return point{}, false
}

func (p point) seasonIdx() int { return seasonIndex(p.season) }

// compareInts compares (a1, a2) with (b1, b2) in order.
func compareInts(a1, b1, a2, b2 int) int {
	switch {
	case a1 < b1:
		return -1
	case a1 > b1:
		return 1
	case a2 < b2:
		return -1
	case a2 > b2:
		return 1
	}
	return 0
}

// fullYear is the frame's year, with a two-digit year ("'98") put in the century that brings it
// nearest the reference time.
func (r *resolver) fullYear(f *frame) int {
	if !f.yy {
		return int(f.year)
	}
	if !r.hasRef {
		if int(f.year) < 30 {
			return 2000 + int(f.year)
		}
		return 1900 + int(f.year)
	}
	best := 0
	for c := r.ref.y/100 - 1; c <= r.ref.y/100+1; c++ {
		y := c*100 + int(f.year)
		if best == 0 || abs(y-r.ref.y) < abs(best-r.ref.y) {
			best = y
		}
	}
	return best
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// yearOf picks the year of a month, season, quarter or holiday that the text names without one:
// the year the text gives elsewhere in the expression, else the reference year moved by "last" or
// "next". cmp compares the period in year y with the reference time. Otherwise, when mid gives
// the middle of the period in year y, the nearest of the candidate years wins, a candidate on the
// side of the reference that the tense contradicts counting three times as far: "in April",
// written in December, is the coming April only if the verb does not say otherwise. Without mid
// (quarters, halves), the reference year stands unless the tense puts the period on the other
// side.
func (r *resolver) yearOf(f *frame, base point, hasBase bool, tn tense, cmp func(y int) int, mid func(y int) time.Time) int {
	switch {
	case f.year > 0:
		return r.fullYear(f)
	case hasBase && base.known():
		return base.y
	case hasBase || !r.hasRef:
		return x
	}
	y := r.ref.y
	switch {
	case f.hasShift && f.shift < 0:
		if cmp(y) >= 0 {
			y--
		}
		return y
	case f.hasShift && f.shift > 0:
		if cmp(y) <= 0 {
			y++
		}
		return y
	case f.hasShift:
		return y
	case mid != nil:
		ref := r.ref.date()
		best, bestScore := y, 0.0
		for k, cy := range [3]int{y, y - 1, y + 1} {
			d := mid(cy).Sub(ref).Hours() / 24
			score := math.Abs(d)
			if tn == tensePast && d > 0 || tn == tenseFuture && d < 0 {
				score *= tenseWeight
			}
			if k == 0 || score < bestScore {
				best, bestScore = cy, score
			}
		}
		return best
	case tn == tensePast && cmp(y) > 0:
		y--
	case tn == tenseFuture && cmp(y) < 0:
		y++
	}
	return y
}

// tenseWeight is how much farther a date counts when it lies on the side of the reference time
// that the tense of its verb contradicts. Measured on the TimeBank and AQUAINT training data: 3
// beats 2 and 4; tense alone, or distance alone, does worse.
const tenseWeight = 3

func (r *resolver) monthDay(f *frame, base point, hasBase bool, tn tense) point {
	y := r.yearOf(f, base, hasBase, tn, func(int) int {
		if f.day > 0 {
			return compareInts(int(f.month), r.ref.m, int(f.day), r.ref.d)
		}
		return compareInts(int(f.month), r.ref.m, 0, 0)
	}, func(y int) time.Time {
		d := int(f.day)
		if d == 0 || d > daysIn(y, int(f.month)) {
			d = 15
		}
		return time.Date(y, time.Month(int(f.month)), d, 0, 0, 0, 0, time.UTC)
	})
	if f.day == 0 {
		return point{g: gMonth, y: y, m: int(f.month)}
	}
	if f.weekday > 0 && f.year == 0 && y != x && !hasBase {
		// "Monday, Oct. 26": the year nearest the one chosen in which that day is a Monday.
		for _, d := range []int{0, -1, 1} {
			if t := time.Date(y+d, time.Month(int(f.month)), int(f.day), 0, 0, 0, 0, time.UTC); weekdayOf(t) == int(f.weekday) && int(t.Month()) == int(f.month) {
				y += d
				break
			}
		}
	}
	if int(f.day) > daysIn(max(y, 2000), int(f.month)) && y != x || int(f.day) > 31 {
		return point{g: gMonth, y: y, m: int(f.month)}
	}
	return r.timeOfDay(point{g: gDay, y: y, m: int(f.month), d: int(f.day)}, f)
}

func (r *resolver) partOfYear(f *frame, base point, hasBase bool, tn tense) point {
	if f.unit == uHalf {
		y := r.yearOf(f, base, hasBase, tn, func(int) int { return compareInts(int(f.ord), r.ref.trunc(gHalf).h, 0, 0) }, nil)
		return point{g: gHalf, y: y, h: int(f.ord)}
	}
	if tn == tenseFuture {
		// A quarter ahead of the reference is this year's as often as next year's: the company
		// reporting in November "expects the fourth quarter" to be this one.
		tn = tenseNone
	}
	y := r.yearOf(f, base, hasBase, tn, func(int) int { return compareInts(int(f.ord), r.ref.trunc(gQuarter).q, 0, 0) }, nil)
	return point{g: gQuarter, y: y, q: int(f.ord)}
}

func (r *resolver) holiday(f *frame, base point, hasBase bool, tn tense) point {
	y := r.yearOf(f, base, hasBase, tn, func(y int) int {
		t, ok := holidayDate(r.holidays[f.holiday-1], y)
		if !ok {
			return 0
		}
		return compareInts(int(t.Month()), r.ref.m, t.Day(), r.ref.d)
	}, func(y int) time.Time {
		t, _ := holidayDate(r.holidays[f.holiday-1], y)
		return t
	})
	if y == x {
		if m, d, ok := fixedHoliday(r.holidays[f.holiday-1]); ok {
			return point{g: gDay, y: x, m: m, d: d}
		}
		return unknownAt(gDay)
	}
	t, ok := holidayDate(r.holidays[f.holiday-1], y)
	if !ok {
		return point{g: gYear, y: y}
	}
	return r.timeOfDay(dayPoint(t), f)
}

// weekday resolves a day named by its weekday: within the week the expression names, else
// relative to the reference day as "last", "this" or "next" say, else the one after it when the
// verb speaks of the future, else the one before.
func (r *resolver) weekday(f *frame, base point, hasBase bool, tn tense) point {
	if hasBase && base.known() && (base.g == gWeek || base.g == gWeekend) {
		return dayPoint(isoMonday(base.y, base.w).AddDate(0, 0, int(f.weekday)-1))
	}
	from := r.ref
	known := r.hasRef
	if f.anaph {
		if p, ok := r.last(); ok && p.hasDay() {
			from, known = p, true
		}
	}
	if !known {
		return point{g: gDay, y: x, dayOfWeekX: true, wd: int(f.weekday)}
	}
	t := from.date()
	rw := weekdayOf(t)
	back := (rw - int(f.weekday) + 7) % 7
	fwd := (int(f.weekday) - rw + 7) % 7
	var days int
	switch {
	case f.hasShift && f.shift < 0:
		if back == 0 {
			back = 7
		}
		days = -back
	case f.hasShift && f.shift > 0:
		if fwd == 0 {
			fwd = 7
		}
		days = fwd
	case f.hasShift:
		days = int(f.weekday) - rw
	case tn == tenseFuture:
		days = fwd
	default:
		// News reports what happened: a weekday that no verb places is most often the one before.
		days = -back
	}
	return dayPoint(t.AddDate(0, 0, days))
}

// shifted resolves "last week", "this year", "next month", "the following day".
func (r *resolver) shifted(f *frame) point {
	g := unitGran(f.unit)
	base := r.refAt(g)
	if f.anaph {
		base = r.lastAt(g)
	}
	return base.shift(int(f.shift), f.unit)
}

// offset resolves counted offsets: "two years ago" from the reference time, "three days later"
// and "a year earlier" from the last time the text established (or the time the expression
// names: "two days before Christmas"). A count of years from a reporting period (a quarter, a
// half) keeps its precision: "a year ago", after "the third quarter", is that quarter a year before.
func (r *resolver) offset(f *frame, inner point, hasInner bool) point {
	u := f.unit
	n := 1.0
	if f.hasQty {
		n = f.qty
	}
	n += f.frac
	if n != float64(int(n)) {
		switch u {
		case uYear:
			n, u = n*12, uMonth
		case uWeek:
			n, u = n*7, uDay
		}
	}
	k := int(n)
	if f.dir == dirAgo || f.dir == dirEarlier {
		k = -k
	}
	g := unitGran(u)
	switch u {
	case uWeek, uFortnight, uWeekend:
		g = gDay
	case uDecade, uCentury, uMillennium:
		g = gYear // "four decades ago" is a year, not the decade it falls in
	}
	var base point
	deictic := f.dir == dirAgo || f.dir == dirHence
	switch {
	case hasInner:
		base = inner
	case f.unit2 != uNone:
		base = r.lastAt(unitGran(f.unit2))
	case deictic:
		base = r.refAt(gDay)
		if p, ok := r.period(); ok && u >= uYear {
			base = p
		}
	default:
		p, ok := r.last()
		if q, isPeriod := r.period(); isPeriod && u >= uYear {
			p, ok = q, true
		}
		if !ok {
			p = r.refAt(gDay)
		}
		base = p
	}
	if u == uHour || u == uMinute || u == uSecond {
		return base
	}
	if base.g < g && u <= uWeek {
		return unknownAt(g)
	}
	p := base.shift(k, u)
	if p.g > g && p.g != gQuarter && p.g != gHalf {
		p = p.trunc(g)
	}
	return p
}

// timeOfDay adds the frame's part of the day or clock time to a day.
func (r *resolver) timeOfDay(p point, f *frame) point {
	if p.g < gDay {
		return p
	}
	if f.pod != 0 {
		p.g, p.pod = gPOD, f.pod.String()
	}
	if f.clock {
		h := int(f.hour)
		switch {
		case f.ampm == 'p' && h < 12:
			h += 12
		case f.ampm == 'a' && h == 12:
			h = 0
		case f.ampm == 0 && h < 12 && (f.pod.String() == "AF" || f.pod.String() == "EV" || f.pod.String() == "NI" && h >= 6):
			h += 12 // "7 in the evening"
		}
		p.g, p.hour, p.min, p.pod = gMinute, h, int(f.minute), ""
	}
	return p
}

func pointMod(approx string, d dir) string {
	before := d == dirAgo || d == dirEarlier
	switch approx {
	case "MORE":
		if d == dirNone {
			return ""
		}
		if before {
			return "BEFORE"
		}
		return "AFTER"
	case "LESS":
		if d == dirNone {
			return ""
		}
		if before {
			return "AFTER"
		}
		return "BEFORE"
	case "ATLEAST":
		if before {
			return "ON_OR_BEFORE"
		}
		return "ON_OR_AFTER"
	case "ATMOST":
		if before {
			return "ON_OR_AFTER"
		}
		return "ON_OR_BEFORE"
	}
	return "APPROX"
}

func durationMod(approx string) string {
	switch approx {
	case "MORE":
		return "MORE_THAN"
	case "LESS":
		return "LESS_THAN"
	case "ATLEAST":
		return "EQUAL_OR_MORE"
	case "ATMOST":
		return "EQUAL_OR_LESS"
	case "APPROX":
		return "APPROX"
	}
	return ""
}

func (r *resolver) duration(f *frame) (result, bool) {
	u := f.unit
	if u == uNone || u == uPeriod || u == uHalf {
		return result{}, false // "a half" is no length of time
	}
	vague := f.qtyX || !f.hasQty && f.plural
	n := 1.0
	if f.hasQty && !f.qtyX {
		n = f.qty
	}
	n += f.frac
	mod := durationMod(f.approx.String())
	if mod == "" && f.mod != 0 {
		mod = f.mod.String()
	}
	return result{typ: Duration, value: durationValue(n, vague, u), mod: mod}, true
}

// durationValue writes n units as an ISO 8601 duration, in whole smaller units when n has a
// fraction ("one and a half years": P18M; "a minute and a half": PT1M30S).
func durationValue(n float64, vague bool, u unit) string {
	code, timePart := "", false
	mult := 1.0
	switch u {
	case uSecond:
		code, timePart = "S", true
	case uMinute:
		code, timePart = "M", true
	case uHour:
		code, timePart = "H", true
	case uDay:
		code = "D"
	case uWeekend:
		code = "WE"
	case uWeek:
		code = "W"
	case uFortnight:
		code, mult = "W", 2
	case uMonth:
		code = "M"
	case uSeason:
		code, mult = "M", 3
	case uQuarter:
		code = "Q"
	case uHalf:
		code, mult = "M", 6
	case uYear:
		code = "Y"
	case uDecade:
		code, mult = "Y", 10
	case uCentury:
		code, mult = "Y", 100
	case uMillennium:
		code, mult = "Y", 1000
	case uPOD:
		code = "D"
	}
	prefix := "P"
	if timePart {
		prefix = "PT"
	}
	if vague {
		switch u {
		case uDecade:
			return "PXDE"
		case uCentury:
			return "PXCE"
		case uMillennium:
			return "PXML"
		}
		return prefix + "X" + code
	}
	n *= mult
	if math.IsInf(n, 0) || math.IsNaN(n) || math.Abs(n) > 1e15 {
		// A number too large to write exactly ("a billion billion days") tells only that the
		// period is unbounded in practice: it stays vague rather than printing +Inf.
		return prefix + "X" + code
	}
	if n == float64(int64(n)) {
		return prefix + strconv.FormatInt(int64(n), 10) + code
	}
	whole := int64(n)
	frac := n - float64(whole)
	switch u {
	case uYear:
		if m := n * 12; m == float64(int64(m)) {
			return "P" + strconv.FormatInt(int64(m), 10) + "M"
		}
	case uWeek:
		if d := n * 7; d == float64(int64(d)) {
			return "P" + strconv.FormatInt(int64(d), 10) + "D"
		}
	case uDay:
		if h := n * 24; h == float64(int64(h)) {
			return "PT" + strconv.FormatInt(int64(h), 10) + "H"
		}
	case uHour, uMinute:
		sub := "M"
		if u == uMinute {
			sub = "S"
		}
		if s := frac * 60; s == float64(int64(s)) {
			var b strings.Builder
			b.WriteString("PT")
			if whole > 0 {
				b.WriteString(strconv.FormatInt(whole, 10) + code)
			}
			b.WriteString(strconv.FormatInt(int64(s), 10) + sub)
			return b.String()
		}
	}
	return prefix + strconv.FormatFloat(n, 'f', -1, 64) + code
}

func (r *resolver) set(f *frame) (result, bool) {
	v := ""
	switch {
	case f.freq != uNone:
		v = durationValue(1, false, f.freq)
	case f.weekday > 0:
		v = "XXXX-WXX-" + strconv.Itoa(int(f.weekday))
		if f.pod != 0 {
			v += "T" + f.pod.String()
		}
	case f.month > 0:
		v = point{g: gMonth, y: x, m: int(f.month)}.value()
	case f.season != 0:
		v = "XXXX-" + f.season.String()
	case f.unit == uQuarter && f.ord > 0:
		v = "XXXX-Q" + strconv.Itoa(min(int(f.ord), 4))
	case f.unit != uNone && f.unit != uPeriod:
		n := 1.0
		if f.hasQty && !f.qtyX {
			n = f.qty
		}
		v = durationValue(n, f.qtyX, f.unit)
	case f.pod != 0:
		v = "XXXX-XX-XXT" + f.pod.String()
	default:
		return result{}, false
	}
	return result{typ: Set, value: v}, true
}
