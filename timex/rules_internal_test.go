package timex

import (
	"errors"
	"testing"
	"time"
)

func TestParseRulesErrors(t *testing.T) {
	tests := []struct {
		name     string
		lexicon  string
		patterns string
	}{
		{"no colon", "month=1 january", "DATE: MONTH"},
		{"unknown category", "planet=3: earth", "DATE: MONTH"},
		{"unknown symbol", "season=MONSOON: monsoon", "DATE: SEASON"},
		{"bad holiday", "holiday=13-45: never day", "DATE: HOLIDAY"},
		{"unknown type", "month=1: january", "INSTANT: MONTH"},
		{"unknown element", "month=1: january", "DATE: PLANET"},
		{"two-token literal", "month=1: january", "DATE: MONTH a.m."},
		{"context first", "month=1: january", "DATE: [of] MONTH"},
		{"context then element", "month=1: january", "DATE: MONTH [of] YEAR"},
		{"optional ruled out", "month=1: january", "DATE: MONTH [!DAY?]"},
		{"unclosed context", "month=1: january", "DATE: MONTH [of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lx := lexicon{words: map[string]*word{}}
			err := parseLexicon(&lx, "lexicon.txt", tt.lexicon)
			if err == nil {
				var g grammar
				err = parsePatterns(&g, &lx, "patterns.txt", tt.patterns)
			}
			if !errors.Is(err, ErrRules) {
				t.Errorf("error = %v, want ErrRules", err)
			}
		})
	}
}

func TestHolidayDate(t *testing.T) {
	tests := []struct {
		spec string
		year int
		want string
	}{
		{"12-25", 2025, "2025-12-25"},
		{"11-4-4", 2025, "2025-11-27"}, // Thanksgiving: fourth Thursday of November
		{"05-L-1", 2025, "2025-05-26"}, // Memorial Day: last Monday of May
		{"09-1-1", 2024, "2024-09-02"}, // Labor Day: first Monday of September
		{"E+0", 2024, "2024-03-31"},    // Easter
		{"E-2", 2025, "2025-04-18"},    // Good Friday
		{"02-29", 2024, "2024-02-29"},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			got, ok := holidayDate(tt.spec, tt.year)
			if !ok || got.Format(time.DateOnly) != tt.want {
				t.Errorf("holidayDate(%q, %d) = %s, %v; want %s", tt.spec, tt.year, got.Format(time.DateOnly), ok, tt.want)
			}
		})
	}
	if _, ok := holidayDate("02-29", 2025); ok {
		t.Errorf("holidayDate(02-29, 2025) found a day in a common year")
	}
}

func TestPointValue(t *testing.T) {
	tests := []struct {
		name string
		p    point
		want string
	}{
		{"day", point{g: gDay, y: 2025, m: 2, d: 12}, "2025-02-12"},
		{"week", dayPoint(time.Date(2025, 2, 12, 0, 0, 0, 0, time.UTC)).trunc(gWeek), "2025-W07"},
		{"week across years", dayPoint(time.Date(2024, 12, 30, 0, 0, 0, 0, time.UTC)).trunc(gWeek), "2025-W01"},
		{"quarter", point{g: gDay, y: 2025, m: 11, d: 3}.trunc(gQuarter), "2025-Q4"},
		{"winter from December", point{g: gDay, y: 2025, m: 12, d: 3}.trunc(gSeason), "2026-WI"},
		{"decade", point{g: gDecade, y: 1990}, "199X"},
		{"century", point{g: gCentury, y: 1900}, "19"},
		{"unknown week", unknownAt(gWeek), "XXXX-WXX"},
		{"weekday only", point{g: gDay, y: x, dayOfWeekX: true, wd: 3}, "XXXX-WXX-3"},
		{"quarter shifted back", point{g: gQuarter, y: 2025, q: 1}.shift(-1, uQuarter), "2024-Q4"},
		{"month end clamp", point{g: gDay, y: 2025, m: 1, d: 31}.shift(1, uMonth), "2025-02-28"},
		{"clock", point{g: gMinute, y: 2025, m: 2, d: 12, hour: 19, min: 15}, "2025-02-12T19:15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.value(); got != tt.want {
				t.Errorf("value() = %q, want %q", got, tt.want)
			}
		})
	}
}
