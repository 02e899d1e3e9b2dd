package event

import (
	"strings"
)

// order estimates each event's Offset from the article's present: from its own temporal
// expression where it has one, and otherwise from the cues of its sentence: "after" and
// "following" between two events, a perfect ("had agreed") against a simple past, a plan
// against what happened.
func (a *article) order(ds []*draft) {
	for _, d := range ds {
		if d.time < 0 {
			continue
		}
		// A weekday with a possible event is mostly the day someone spoke of it ("On Monday, Putin
		// told Trump he was open to talks"); a month or season with one is when it might happen.
		r := &a.times[d.time]
		_, weekday := openWeekday(r.x.Value)
		if d.ev.Status == Planned || (d.ev.Status == Possible && !weekday) {
			r.future = true
		}
	}
	a.timeOffsets()
	for _, d := range ds {
		switch {
		case d.time >= 0 && a.times[d.time].hasOffset:
			d.ev.Offset = a.times[d.time].offset
		case d.ev.Status == Planned || d.ev.Status == Possible:
			d.ev.Offset = 1
		}
	}
	for i := 0; i+1 < len(ds); i++ {
		x, y := ds[i], ds[i+1]
		if x.sentence != y.sentence {
			continue
		}
		switch a.relation(x, y) {
		case -1:
			settle(x, y)
		case 1:
			settle(y, x)
		}
	}
}

// relation says which of two events of one sentence, x written before y, came first: -1 for x,
// 1 for y, 0 when the sentence does not say.
func (a *article) relation(x, y *draft) int {
	if v := a.orderCue(x.trig.end, y.trig.tok); v != "" {
		// "the announcement follows a call": the event after the cue came first.
		if v == "after" {
			return 1
		}
		return -1
	}
	s := a.sentTok[x.sentence]
	if v := a.orderCue(max(s.a, x.trig.tok-3), x.trig.tok); v != "" {
		// "After a virtual meeting …, a spokesperson stated": the event the cue opens came first.
		if v == "after" {
			return -1
		}
		return 1
	}
	switch {
	case y.perfect && !x.perfect:
		return 1
	case x.perfect && !y.perfect:
		return -1
	}
	return 0
}

// orderCue returns the value of the first order cue (after, before) within tokens [from, to).
func (a *article) orderCue(from, to int) string {
	for k := from; k < to; k++ {
		for _, cu := range a.lx.order {
			if k+len(cu.words) <= to && a.matchPart(cu.words, k, to) {
				return cu.value
			}
		}
	}
	return ""
}

// settle moves the event without a time of its own so that first comes before second.
func settle(first, second *draft) {
	if first.ev.Offset < second.ev.Offset {
		return
	}
	switch {
	case first.time < 0:
		first.ev.Offset = second.ev.Offset - 0.5
	case second.time < 0:
		second.ev.Offset = first.ev.Offset + 0.5
	}
}

// timeOffsets reads every temporal expression of the article as days from its present, in text
// order so that narrative ones ("the following day") count from the one before.
func (a *article) timeOffsets() {
	present := a.presentWeekday()
	prev, have := 0.0, false
	for i := range a.times {
		r := &a.times[i]
		if off, ok := a.timeOffset(r, present, prev, have); ok {
			r.offset, r.hasOffset = off, true
			prev, have = off, true
		}
	}
}

// timeOffset reads one temporal expression as days from the article's present. A resolved date
// counts from the publication date; without one it is placed on the calendar instead and has no
// offset. A weekday counts back from the present (forward for a plan); other open expressions
// take their direction from words such as "last" and "next" and their size from their unit.
func (a *article) timeOffset(r *timeRef, present int, prev float64, have bool) (float64, bool) {
	date, prec := dateOf(r.x.Value)
	if sp, ok := interval(date, r.x.Mod); ok {
		if a.pub.IsZero() {
			return 0, false
		}
		return sp.start.Sub(a.pub).Hours() / 24, true
	}
	rw, found := a.relWord(r)
	if d, ok := openWeekday(r.x.Value); ok {
		if r.future || (found && rw.dir > 0) {
			return float64((d - present + 7) % 7), true
		}
		back := (present - d + 7) % 7
		if back == 0 {
			back = 7
		}
		return -float64(back), true
	}
	unit := a.unit(r, rw, prec)
	switch {
	case r.x.Value == "PRESENT_REF":
		return 0, true
	case r.x.Value == "FUTURE_REF":
		return unit, true
	case r.x.Value == "PAST_REF":
		return -unit, true
	case !found:
		if r.future {
			return unit, true
		}
		return -unit, true
	case rw.narrative && have:
		return prev + rw.dir*unit, true
	}
	return rw.dir * unit, true
}

// relWord returns the first word of the expression (or its preposition) that the lexicon reads
// as a direction.
func (a *article) relWord(r *timeRef) (relWord, bool) {
	for _, w := range strings.Fields(strings.ToLower(r.pre + " " + r.x.Text)) {
		if rw, ok := a.lx.relative[strings.Trim(w, ",.")]; ok {
			return rw, true
		}
	}
	return relWord{}, false
}

// unit returns the size in days of what an expression counts: the unit its direction word
// fixes ("yesterday"), a unit it names ("months ago"), or its precision; a day at least.
func (a *article) unit(r *timeRef, rw relWord, prec string) float64 {
	if d, ok := a.lx.units[rw.unit]; ok {
		return d
	}
	for _, w := range strings.Fields(strings.ToLower(r.x.Text)) {
		if d, ok := a.lx.units[w]; ok {
			return d
		}
	}
	return precisionDays(prec)
}

// precisionDays is the length in days of a precision, for reading a relative expression whose
// unit only its value shows ("last week" is XXXX-WXX); a day when it has none.
func precisionDays(prec string) float64 {
	switch prec {
	case Week:
		return 7
	case Month:
		return 30
	case Season, Quarter:
		return 91
	case Half:
		return 182
	case Year:
		return 365
	case Decade:
		return 3650
	case Century:
		return 36500
	}
	return 1
}

// openWeekday returns the weekday (Monday 1) of an open weekday value ("XXXX-WXX-3TEV").
func openWeekday(v string) (int, bool) {
	const p = "XXXX-WXX-"
	if len(v) < len(p)+1 || !strings.HasPrefix(v, p) || v[len(p)] < '1' || v[len(p)] > '7' {
		return 0, false
	}
	return int(v[len(p)] - '0'), true
}

// presentWeekday guesses the weekday of an undated article's present from the past weekdays it
// names: news counts back at most a week, so the present lies in the largest gap between them,
// right after the last ("on Monday … on Tuesday" reads as written on Wednesday or later, so
// Monday came first). Monday when the article names no past weekday.
func (a *article) presentWeekday() int {
	var seen [8]bool
	n := 0
	for i := range a.times {
		r := &a.times[i]
		d, ok := openWeekday(r.x.Value)
		if !ok || r.future {
			continue
		}
		if rw, found := a.relWord(r); found && rw.dir > 0 {
			continue
		}
		if !seen[d] {
			seen[d] = true
			n++
		}
	}
	if n == 0 {
		return 1
	}
	bestGap, last := -1, 0
	for d := 1; d <= 7; d++ {
		if !seen[d] {
			continue
		}
		gap := 7
		for k := 1; k < 7; k++ {
			if seen[(d-1+k)%7+1] {
				gap = k
				break
			}
		}
		if gap >= bestGap {
			bestGap, last = gap, d
		}
	}
	return last%7 + 1
}
