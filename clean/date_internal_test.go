package clean

import (
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseDateLine(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	zone := func(name string, hours float64) *time.Location { return time.FixedZone(name, int(hours*3600)) }
	tests := []struct {
		name          string
		in            string
		wantPublished time.Time
		wantUpdated   time.Time
		wantLabelled  bool
		wantErr       bool // not a date line
	}{
		{name: "day month year", in: "2 May 2031", wantPublished: utc(2031, 5, 2, 0, 0)},
		{name: "month day year", in: "May 2, 2031", wantPublished: utc(2031, 5, 2, 0, 0)},
		{name: "abbreviated month with a dot", in: "Sept. 4, 2031", wantPublished: utc(2031, 9, 4, 0, 0)},
		{name: "weekday abbreviated with a dot", in: "Wed., Sept. 3, 2031", wantPublished: utc(2031, 9, 3, 0, 0)},
		{name: "full weekday", in: "Friday 25 April 2031", wantPublished: utc(2031, 4, 25, 0, 0)},
		{name: "ordinal day", in: "Posted on 2nd May 2031", wantPublished: utc(2031, 5, 2, 0, 0), wantLabelled: true},
		{name: "upper case", in: "2 MAY 2031", wantPublished: utc(2031, 5, 2, 0, 0)},
		{
			name: "updated with time and zone first", in: "Updated 14:05 GMT, 3 May 2031",
			wantUpdated: time.Date(2031, 5, 3, 14, 5, 0, 0, zone("GMT", 0)), wantLabelled: true,
		},
		{name: "published ISO with colon", in: "Published: 2031-05-02", wantPublished: utc(2031, 5, 2, 0, 0), wantLabelled: true},
		{
			name: "weekday, dotted time, BST", in: "Tue 2 May 2031 10.30 BST",
			wantPublished: time.Date(2031, 5, 2, 10, 30, 0, 0, zone("BST", 1)),
		},
		{
			name: "published and updated", in: "Published 2 May 2031, updated 3 May 2031",
			wantPublished: utc(2031, 5, 2, 0, 0), wantUpdated: utc(2031, 5, 3, 0, 0), wantLabelled: true,
		},
		{
			name: "last updated with p.m. and EDT", in: "Last updated: May 3, 2031 at 9:15 p.m. EDT",
			wantUpdated: time.Date(2031, 5, 3, 21, 15, 0, 0, zone("EDT", -4)), wantLabelled: true,
		},
		{name: "12 a.m. is midnight", in: "12:00 a.m. 2 May 2031", wantPublished: utc(2031, 5, 2, 0, 0)},
		{name: "pm glued to the time", in: "2 May 2031 3:15pm", wantPublished: utc(2031, 5, 2, 15, 15)},
		{name: "ISO date-time Z", in: "2031-05-02T10:30:00Z", wantPublished: time.Date(2031, 5, 2, 10, 30, 0, 0, zone("Z", 0))},
		{
			name: "ISO with fraction and offset", in: "2031-05-02T10:30:00.123+02:00",
			wantPublished: time.Date(2031, 5, 2, 10, 30, 0, 0, zone("", 2)),
		},
		{name: "ISO date then a time", in: "2031-05-02 10:30", wantPublished: utc(2031, 5, 2, 10, 30)},
		{name: "GMT with an offset", in: "2 May 2031 10:30 GMT+1", wantPublished: time.Date(2031, 5, 2, 10, 30, 0, 0, zone("", 1))},
		{name: "UTC with a negative offset", in: "3 May 2031, 08:00 UTC-05:00", wantPublished: time.Date(2031, 5, 3, 8, 0, 0, 0, zone("", -5))},
		{name: "numeric offset alone", in: "3 May 2031 08:00 +0530", wantPublished: time.Date(2031, 5, 3, 8, 0, 0, 0, zone("", 5.5))},
		{name: "CET in parentheses", in: "3 May 2031, 08:00 (CET)", wantPublished: time.Date(2031, 5, 3, 8, 0, 0, 0, zone("CET", 1))},
		{name: "PST", in: "May 3, 2031 6:00 AM PST", wantPublished: time.Date(2031, 5, 3, 6, 0, 0, 0, zone("PST", -8))},
		{name: "leap day", in: "29 Feb 2032", wantPublished: utc(2032, 2, 29, 0, 0)},
		{name: "a dash between date and time", in: "2 May 2031 - 10:30", wantPublished: utc(2031, 5, 2, 10, 30)},

		{name: "headline with a date", in: "Talks resume on 2 May", wantErr: true},
		{name: "no year", in: "2 May", wantErr: true},
		{name: "weekday alone", in: "Monday", wantErr: true},
		{name: "label alone", in: "Published", wantErr: true},
		{name: "label without a date", in: "Updated 14:05 GMT", wantErr: true},
		{name: "no such day", in: "31 April 2031", wantErr: true},
		{name: "not a leap year", in: "29 Feb 2031", wantErr: true},
		{name: "two days in one date", in: "2 May 2031 3", wantErr: true},
		{name: "two months", in: "2 May June 2031", wantErr: true},
		{name: "13 pm", in: "13:00 pm 2 May 2031", wantErr: true},
		{name: "hour out of range", in: "25:00 2 May 2031", wantErr: true},
		{name: "year out of range", in: "14 October 1066", wantErr: true},
		{name: "month and year only", in: "May 2031", wantErr: true},
		{name: "a word after the date", in: "2 May 2031 and beyond", wantErr: true},
		{name: "non-ASCII word", in: "2 May 2031 Mäntsälä", wantErr: true},
		{name: "number with a comma", in: "1,200 cubic metres", wantErr: true},
		{name: "unknown zone", in: "2 May 2031 10:30 XYZ", wantErr: true},
		{name: "empty", in: "", wantErr: true},
		{name: "bad ISO month", in: "2031-13-02", wantErr: true},
		{name: "bad ISO clock", in: "2031-05-02T1030", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseDateLine(tt.in)
			if ok == tt.wantErr {
				t.Fatalf("parseDateLine(%q) ok = %v, want %v (got %+v)", tt.in, ok, !tt.wantErr, got)
			}
			if !ok {
				return
			}
			// Equal instants in the same offset: the zone a page printed is kept.
			for _, c := range []struct {
				field     string
				got, want time.Time
			}{{"published", got.published, tt.wantPublished}, {"updated", got.updated, tt.wantUpdated}} {
				_, off := c.got.Zone()
				_, wantOff := c.want.Zone()
				if !c.got.Equal(c.want) || off != wantOff {
					t.Errorf("%s = %v, want %v", c.field, c.got, c.want)
				}
			}
			if got.labelled != tt.wantLabelled {
				t.Errorf("labelled = %v, want %v", got.labelled, tt.wantLabelled)
			}
		})
	}
}

func FuzzDateLine(f *testing.F) {
	for _, s := range []string{
		"2 May 2031", "May 2, 2031", "Updated 14:05 GMT, 3 May 2031", "Published: 2031-05-02",
		"Tue 2 May 2031 10.30 BST", "2031-05-02T10:30:00.5-07:00", "2 May 2031 10:30 GMT+14:59",
		"Published 2 May 2031, updated 3 May 2031 at 9:15 p.m. EDT", "29 Feb 2400", "12:00 a.m. 1 Jan 1900",
		"- -- : . +", "2031-05-02Tz", "\xff2 May 2031",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseDateLine(s)
		if !ok {
			return
		}
		if d.published.IsZero() && d.updated.IsZero() {
			t.Fatalf("parseDateLine(%q) is ok without a date", s)
		}
		for _, tm := range []time.Time{d.published, d.updated} {
			if !tm.IsZero() && (tm.Year() < minYear || tm.Year() > maxYear) {
				t.Fatalf("parseDateLine(%q) = %v: year out of range", s, tm)
			}
		}
		if !utf8.ValidString(s) {
			// Only ASCII words and known separators are read, so invalid bytes never parse.
			t.Fatalf("parseDateLine(%q) read invalid UTF-8 as a date", s)
		}
	})
}
