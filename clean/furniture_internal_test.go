package clean

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestBylineOf(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // "" when not a byline
	}{
		{name: "one author", in: "By Jane Roe", want: "Jane Roe"},
		{name: "two authors", in: "By Jane Roe and John Doe", want: "Jane Roe and John Doe"},
		{name: "three authors", in: "By Jane Roe, John Doe and Ana Sol", want: "Jane Roe, John Doe and Ana Sol"},
		{name: "ampersand", in: "By Jane Roe & John Doe", want: "Jane Roe & John Doe"},
		{name: "agency", in: "By Jane Roe, Reuters", want: "Jane Roe, Reuters"},
		{name: "lower-case role", in: "By Jane Roe, staff writer", want: "Jane Roe, staff writer"},
		{name: "colon", in: "By: Jane Roe", want: "Jane Roe"},
		{name: "written by", in: "Written by Jane Roe", want: "Jane Roe"},
		{name: "initial and suffix", in: "By Jane Q. Roe Jr.", want: "Jane Q. Roe Jr."},
		{name: "apostrophe and hyphen", in: "By Seán O'Neill-Roe", want: "Seán O'Neill-Roe"},
		{name: "agency alone", in: "By Reuters", want: "Reuters"},
		{name: "the and an agency", in: "By The Associated Press", want: "The Associated Press"},

		{name: "prose with the", in: "By the end of the week"},
		{name: "weekday", in: "By Friday"},
		{name: "month", in: "By March"},
		{name: "sentence after a comma", in: "By Friday, talks had collapsed."},
		{name: "title with the", in: "By The Numbers"},
		{name: "determiner", in: "By This Time Next Year"},
		{name: "digits", in: "By 2030"},
		{name: "trailing and", in: "By Jane Roe and"},
		{name: "no author", in: "By"},
		{name: "no space", in: "Bypass"},
		{name: "sentence", in: "By Jane Roe, who said the vote was close."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := bylineOf(tt.in)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("bylineOf(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestTimeNote(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"4 min read", true}, {"4-min read", true}, {"12 minutes read", true}, {"Reading time: 6 minutes", true},
		{"Updated 3 hours ago", true}, {"an hour ago", true}, {"Published 2 days ago", true}, {"5 mins ago", true},
		{"90 minutes", false}, {"3 hours", false}, {"hours ago", false}, {"three hours ago", false},
		{"4 min", false}, {"Time to read", false}, {"", false}, {"1 hour ago and counting", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := timeNote(tt.in); got != tt.want {
				t.Errorf("timeNote(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzReadFurniture checks that whatever a block is read as, the byline is taken from its own
// words and the dates it yields are in range.
func FuzzReadFurniture(f *testing.F) {
	for _, s := range []string{
		"By Jane Roe, Reuters", "Jane Roe | Staff writer", "Sarn Post | Local news | Friday 2 May 2031 | By Ana Sol",
		"By Jane Roe, Political Correspondent · The Post · 2 May 2031", "Posted on May 30, 2031 by Admin",
		"By Jane Roe\nUpdated 14:05 GMT, 3 May 2031", "2 May 2031 · 4 min read", "By the end of the week, talks",
		"By Jane Roe, 2 May 2031, 3 May 2031", " | · | ", "By \xff Roe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		raw := trimSpace(s)
		if raw == "" {
			return
		}
		p := para{raw: raw, text: normalize(raw)}
		p.words = wordCount(p.text)
		fl, ok := readFurniture(&p)
		if !ok {
			return
		}
		words := strings.Fields(normalize(raw))
		for _, by := range fl.bylines {
			if !utf8.ValidString(by) {
				t.Fatalf("byline %q of %q is not valid UTF-8", by, s)
			}
			for w := range strings.FieldsSeq(by) {
				found := false
				for _, x := range words {
					found = found || strings.Contains(x, strings.TrimSuffix(w, ","))
				}
				if !found {
					t.Fatalf("byline word %q is not in %q", w, s)
				}
			}
		}
		for _, tm := range []time.Time{fl.date.published, fl.date.updated} {
			if !tm.IsZero() && (tm.Year() < minYear || tm.Year() > maxYear) {
				t.Fatalf("readFurniture(%q) = %v: year out of range", s, tm)
			}
		}
		if fl.hasDate && fl.date.published.IsZero() && fl.date.updated.IsZero() {
			t.Fatalf("readFurniture(%q) has a date but no value", s)
		}
	})
}
