package timex

import (
	"strconv"
	"strings"
	"time"
)

// holidayDate computes a holiday of year y from its rule: "MM-DD" (a fixed day), "MM-N-W" (the
// Nth weekday W of the month, Monday 1), "MM-L-W" (the last weekday W of the month) or "E+N"
// (N days from Western Easter Sunday).
func holidayDate(spec string, y int) (time.Time, bool) {
	if rest, ok := strings.CutPrefix(spec, "E"); ok {
		n, err := strconv.Atoi(strings.TrimPrefix(rest, "+"))
		if err != nil {
			return time.Time{}, false
		}
		return easter(y).AddDate(0, 0, n), true
	}
	parts := strings.Split(spec, "-")
	m, err := strconv.Atoi(parts[0])
	if err != nil || m < 1 || m > 12 {
		return time.Time{}, false
	}
	switch len(parts) {
	case 2:
		d, err := strconv.Atoi(parts[1])
		if err != nil || d < 1 || d > daysIn(y, m) {
			return time.Time{}, false
		}
		return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
	case 3:
		wd, err := strconv.Atoi(parts[2])
		if err != nil || wd < 1 || wd > 7 {
			return time.Time{}, false
		}
		if parts[1] == "L" {
			last := time.Date(y, time.Month(m), daysIn(y, m), 0, 0, 0, 0, time.UTC)
			return last.AddDate(0, 0, -((weekdayOf(last) - wd + 7) % 7)), true
		}
		nth, err := strconv.Atoi(parts[1])
		if err != nil || nth < 1 || nth > 5 {
			return time.Time{}, false
		}
		first := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		t := first.AddDate(0, 0, (wd-weekdayOf(first)+7)%7+7*(nth-1))
		if int(t.Month()) != m {
			return time.Time{}, false
		}
		return t, true
	}
	return time.Time{}, false
}

// fixedHoliday returns the month and day of a holiday that falls on the same day every year.
func fixedHoliday(spec string) (m, d int, ok bool) {
	parts := strings.Split(spec, "-")
	if len(parts) != 2 || strings.HasPrefix(spec, "E") {
		return 0, 0, false
	}
	m, err1 := strconv.Atoi(parts[0])
	d, err2 := strconv.Atoi(parts[1])
	return m, d, err1 == nil && err2 == nil
}

// easter is Western Easter Sunday of year y (the anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}
