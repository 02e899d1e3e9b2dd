package event

import (
	"testing"
	"time"
)

func TestDateOf(t *testing.T) {
	tests := []struct{ value, date, precision string }{
		{"2025-02-12", "2025-02-12", Day},
		{"2025-02-12TEV", "2025-02-12", Day},
		{"2025-02-12T19:15", "2025-02-12", Day},
		{"XXXX-WXX-3", "XXXX-WXX-3", Day},
		{"XXXX-WXX-4TEV", "XXXX-WXX-4", Day},
		{"2025-W07-3", "2025-02-12", Day},
		{"2025-W07", "2025-W07", Week},
		{"2025-W07-WE", "2025-W07-WE", Week},
		{"XXXX-WXX", "XXXX-WXX", Week},
		{"2025-05", "2025-05", Month},
		{"XXXX-05", "XXXX-05", Month},
		{"2022-SP", "2022-SP", Season},
		{"2026-WI", "2026-WI", Season},
		{"2025-Q1", "2025-Q1", Quarter},
		{"2025-H2", "2025-H2", Half},
		{"2019", "2019", Year},
		{"XXXX", "XXXX", Year},
		{"199X", "199X", Decade},
		{"19", "19", Century},
		{"PRESENT_REF", "", ""},
		{"PAST_REF", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		date, prec := dateOf(tt.value)
		if date != tt.date || prec != tt.precision {
			t.Errorf("dateOf(%q) = %q, %q; want %q, %q", tt.value, date, prec, tt.date, tt.precision)
		}
	}
}

func TestInterval(t *testing.T) {
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		date, mod  string
		start, end time.Time
		ok         bool
	}{
		{"2025-02-12", "", d(2025, 2, 12), d(2025, 2, 13), true},
		{"2025-W07", "", d(2025, 2, 10), d(2025, 2, 17), true},
		{"2025-W07-WE", "", d(2025, 2, 15), d(2025, 2, 17), true},
		{"2025-05", "", d(2025, 5, 1), d(2025, 6, 1), true},
		{"2025-Q2", "", d(2025, 4, 1), d(2025, 7, 1), true},
		{"2025-H2", "", d(2025, 7, 1), d(2026, 1, 1), true},
		{"2022-SP", "", d(2022, 3, 1), d(2022, 6, 1), true},
		{"2026-WI", "", d(2025, 12, 1), d(2026, 3, 1), true},
		{"2025", "", d(2025, 1, 1), d(2026, 1, 1), true},
		{"199X", "", d(1990, 1, 1), d(2000, 1, 1), true},
		{"2025-12", "END", d(2025, 12, 21).Add(16 * time.Hour), d(2026, 1, 1), true},
		{"XXXX-05", "", time.Time{}, time.Time{}, false},
		{"2025-XX", "", time.Time{}, time.Time{}, false},
		{"", "", time.Time{}, time.Time{}, false},
	}
	for _, tt := range tests {
		s, ok := interval(tt.date, tt.mod)
		if ok != tt.ok || !s.start.Equal(tt.start) || !s.end.Equal(tt.end) {
			t.Errorf("interval(%q, %q) = [%v, %v) %v; want [%v, %v) %v", tt.date, tt.mod, s.start, s.end, ok, tt.start, tt.end, tt.ok)
		}
	}
	early, _ := interval("2025-05", "START")
	mid, _ := interval("2025-05", "MID")
	if !early.end.After(early.start) || !early.end.Before(mid.end) || !early.start.Before(mid.start) {
		t.Errorf("early May [%v, %v) should sort before mid-May [%v, %v)", early.start, early.end, mid.start, mid.end)
	}
}
