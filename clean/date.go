package clean

import (
	"strings"
	"time"
)

// dateLine is what a line made only of dates says: "2 May 2031", "Updated 14:05 GMT, 3 May 2031",
// "Published: 2031-05-02 | Last updated: 3 May 2031".
type dateLine struct {
	// published is the first date labelled as a publication ("Published", "Posted", "First
	// published") or not labelled at all; updated the first labelled as a change ("Updated",
	// "Modified").
	published, updated time.Time
	// labelled reports that some date carried a label: a bare date at the end of a text may be
	// the date of a letter, a labelled one is the page's own.
	labelled bool
}

// Years outside this range are not the date of a news article: a line that names one is not
// read as a date line.
const (
	minYear = 1900
	maxYear = 2200
)

// dateKind is what a label says about the date after it.
type dateKind uint8

const (
	dateBare dateKind = iota
	datePublished
	dateUpdated
)

// dateGroup collects one date with its label while a line is read.
type dateGroup struct {
	kind                 dateKind
	labelled             bool
	day, month, year     int
	hour, minute, second int
	hasTime, pm, am      bool
	weekday, zoneSet     bool
	hasOffset            bool
	zoneName             string // the abbreviation as printed, when it alone gives the offset
	offset               int    // seconds east of UTC
}

func (g *dateGroup) empty() bool {
	return g.day == 0 && g.month == 0 && g.year == 0 && !g.hasTime && !g.weekday && !g.zoneSet
}

// time builds the group's date; ok is false unless it names a real day of a year in range.
// A date without a time is midnight; a time without a zone is read as UTC, the zone news sites
// most often leave unsaid.
func (g *dateGroup) time() (time.Time, bool) {
	if g.day == 0 || g.month == 0 || g.year < minYear || g.year > maxYear {
		return time.Time{}, false
	}
	if g.day > daysIn(g.month, g.year) {
		return time.Time{}, false
	}
	h := g.hour
	switch {
	case (g.am || g.pm) && (h < 1 || h > 12):
		return time.Time{}, false
	case g.pm && h != 12:
		h += 12
	case g.am && h == 12:
		h = 0
	}
	loc := time.UTC
	if g.zoneSet || g.hasOffset {
		loc = time.FixedZone(g.zoneName, g.offset)
	}
	return time.Date(g.year, time.Month(g.month), g.day, h, g.minute, g.second, 0, loc), true
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// parseDateLine reads a line that holds nothing but one or more dates, each with an optional
// label, weekday, time and zone, in the orders English news sites write them: "Tue 2 May 2031
// 10.30 BST", "May 2, 2031 at 3:15 p.m. EDT", "Published: 2031-05-02T10:30:00+02:00",
// "Updated 14:05 GMT, 3 May 2031". A line with any other word is not a date line: "Talks resume
// on 2 May" is a headline.
func parseDateLine(s string) (dateLine, bool) {
	var out dateLine
	var g dateGroup
	found := false
	finish := func() bool {
		if g.empty() && !g.labelled {
			return true
		}
		t, ok := g.time()
		if !ok {
			return false
		}
		found = true
		out.labelled = out.labelled || g.labelled
		switch {
		case g.kind == dateUpdated:
			if out.updated.IsZero() {
				out.updated = t
			}
		case out.published.IsZero():
			out.published = t
		}
		g = dateGroup{}
		return true
	}
	for i := 0; i < len(s); {
		c := s[i]
		if isDateSeparator(c) {
			i++
			continue
		}
		if c >= 0x80 {
			// Typographic separators ("·", "•", "—", "–") and spaces; any other non-ASCII rune
			// is a word this parser does not know.
			n := multiByteSeparator(s[i:])
			if n == 0 {
				return dateLine{}, false
			}
			i += n
			continue
		}
		j := i + 1
		for j < len(s) && !isDateSeparator(s[j]) && s[j] < 0x80 {
			j++
		}
		tok := s[i:j]
		i = j
		kind, labelled, ok := readDateToken(&g, tok)
		if !ok {
			return dateLine{}, false
		}
		if labelled {
			// A label after a complete date starts the next one: "Published 2 May, updated 3 May".
			if !g.empty() {
				if !finish() {
					return dateLine{}, false
				}
			}
			g.kind = max(g.kind, kind)
			g.labelled = true
		}
	}
	if !finish() || !found {
		return dateLine{}, false
	}
	return out, true
}

// isDateSeparator reports the ASCII bytes that only separate the parts of a date line.
func isDateSeparator(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ',', '|', '(', ')', '[', ']', ';', '/':
		return true
	}
	return false
}

// multiByteSeparator returns the length of a separator rune at the start of s, or 0.
func multiByteSeparator(s string) int {
	for _, sep := range []string{"·", "•", "—", "–", "\u00a0", "\u202f", "\u2009"} {
		if strings.HasPrefix(s, sep) {
			return len(sep)
		}
	}
	return 0
}

// readDateToken adds one token to g. A label is reported with its kind rather than stored, so
// the caller can close the date before it.
func readDateToken(g *dateGroup, tok string) (kind dateKind, label, ok bool) {
	if tok == "-" || tok == ":" || tok == "." {
		return dateBare, false, true
	}
	switch c := tok[0]; {
	case c >= '0' && c <= '9':
		return dateBare, false, readNumber(g, tok)
	case c == '+' || c == '-':
		return dateBare, false, readOffset(g, tok)
	case isASCIILetter(c):
	default:
		return dateBare, false, false
	}
	word := strings.ToLower(strings.TrimRight(tok, ".:"))
	switch word {
	case "published", "posted", "first", "originally", "created", "date", "dated", "issued":
		return datePublished, true, true
	case "updated", "modified", "last", "edited", "revised":
		return dateUpdated, true, true
	case "on", "at", "of":
		return dateBare, false, true
	case "am", "a.m", "pm", "p.m":
		if !g.hasTime || g.am || g.pm {
			return dateBare, false, false
		}
		g.am, g.pm = word[0] == 'a', word[0] == 'p'
		return dateBare, false, true
	}
	if weekdayName(word) {
		if g.weekday {
			return dateBare, false, false
		}
		g.weekday = true
		return dateBare, false, true
	}
	if m := monthName(word); m > 0 {
		if g.month != 0 {
			return dateBare, false, false
		}
		g.month = m
		return dateBare, false, true
	}
	return dateBare, false, readZone(g, strings.ToUpper(strings.TrimRight(tok, ".")))
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digits returns the leading ASCII digits of s.
func digits(s string) string {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return s[:i]
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// readNumber reads a token that starts with a digit: a year, a day ("2", "2nd"), a time
// ("14:05", "10.30", "3:15pm") or an ISO date ("2031-05-02", "2031-05-02T10:30:00Z").
func readNumber(g *dateGroup, tok string) bool {
	tok = strings.TrimRight(tok, ".:")
	d := digits(tok)
	rest := tok[len(d):]
	switch {
	case len(d) == 4 && rest == "":
		if g.year != 0 {
			return false
		}
		g.year = atoi(d)
		return true
	case len(d) == 4 && len(rest) > 0 && rest[0] == '-':
		return readISO(g, tok)
	case len(d) > 2 || d == "":
		return false
	case rest == "":
		return setDay(g, atoi(d))
	case rest == "st" || rest == "nd" || rest == "rd" || rest == "th":
		return setDay(g, atoi(d))
	case rest[0] == ':' || rest[0] == '.':
		return readClock(g, tok)
	}
	return false
}

func setDay(g *dateGroup, day int) bool {
	if g.day != 0 || day < 1 || day > 31 {
		return false
	}
	g.day = day
	return true
}

// readClock reads "14:05", "14:05:30", "10.30", "3:15pm".
func readClock(g *dateGroup, tok string) bool {
	if g.hasTime {
		return false
	}
	var parts [3]int
	n := 0
	for n < 3 {
		d := digits(tok)
		if d == "" || len(d) > 2 || (n > 0 && len(d) != 2) {
			return false
		}
		parts[n] = atoi(d)
		n++
		tok = tok[len(d):]
		if tok == "" || (tok[0] != ':' && tok[0] != '.') {
			break
		}
		tok = tok[1:]
	}
	if n < 2 || parts[0] > 23 || parts[1] > 59 || parts[2] > 59 {
		return false
	}
	g.hour, g.minute, g.second, g.hasTime = parts[0], parts[1], parts[2], true
	switch strings.ToLower(strings.TrimRight(tok, ".")) {
	case "":
	case "am", "a.m":
		g.am = true
	case "pm", "p.m":
		g.pm = true
	case "z":
		return readZone(g, "Z")
	default:
		return false
	}
	return true
}

// readISO reads "2031-05-02" with an optional "T10:30[:00[.000]]" and zone ("Z", "+02:00").
func readISO(g *dateGroup, tok string) bool {
	if len(tok) < 10 || tok[4] != '-' || tok[7] != '-' || g.year != 0 || g.month != 0 || g.day != 0 {
		return false
	}
	y, m, d := tok[:4], tok[5:7], tok[8:10]
	if len(digits(y)) != 4 || len(digits(m)) != 2 || len(digits(d)) != 2 {
		return false
	}
	g.year, g.month = atoi(y), atoi(m)
	if g.month < 1 || g.month > 12 || !setDay(g, atoi(d)) {
		return false
	}
	rest := tok[10:]
	if rest == "" {
		return true
	}
	if rest[0] != 'T' && rest[0] != 't' {
		return false
	}
	rest = rest[1:]
	// The clock runs up to a zone: "Z", "+02:00" or "-0500"; seconds may have a fraction.
	end := strings.IndexAny(rest, "Zz+-")
	clock, zone := rest, ""
	if end >= 0 {
		clock, zone = rest[:end], rest[end:]
	}
	if i := strings.IndexByte(clock, '.'); i >= 0 && strings.Count(clock, ":") == 2 {
		if frac := clock[i+1:]; frac == "" || len(digits(frac)) != len(frac) {
			return false
		}
		clock = clock[:i]
	}
	if strings.IndexByte(clock, '.') >= 0 || !readClock(g, clock) {
		return false
	}
	switch {
	case zone == "":
		return true
	case zone == "Z" || zone == "z":
		return readZone(g, "Z")
	}
	return readOffset(g, zone)
}

// readOffset reads a numeric zone: "+02:00", "+0200", "+02", "-5".
func readOffset(g *dateGroup, tok string) bool {
	if g.hasOffset || len(tok) < 2 {
		return false
	}
	sign := 1
	if tok[0] == '-' {
		sign = -1
	}
	tok = tok[1:]
	h := digits(tok)
	var minutes string
	switch rest := tok[len(h):]; {
	case len(h) == 4 && rest == "":
		h, minutes = h[:2], h[2:]
	case len(h) >= 1 && len(h) <= 2 && rest == "":
	case len(h) >= 1 && len(h) <= 2 && len(rest) == 3 && rest[0] == ':' && len(digits(rest[1:])) == 2:
		minutes = rest[1:]
	default:
		return false
	}
	hours, mins := atoi(h), atoi(minutes)
	if hours > 14 || mins > 59 {
		return false
	}
	g.offset += sign * (hours*3600 + mins*60)
	g.hasOffset = true
	// "GMT+1" is not GMT: the printed name no longer says the offset.
	g.zoneName = ""
	return true
}

// zoneOffset returns the offset in minutes east of UTC of a zone abbreviation English news
// sites print. Ambiguous ones ("IST": India or Ireland; "CST": China or the US) take the reading
// common in English-language news.
func zoneOffset(name string) (int, bool) {
	switch name {
	case "Z", "GMT", "UTC", "UT", "WET":
		return 0, true
	case "BST", "WEST", "CET":
		return 60, true
	case "CEST", "EET":
		return 120, true
	case "EEST", "MSK":
		return 180, true
	case "GST":
		return 240, true
	case "PKT":
		return 300, true
	case "IST":
		return 330, true
	case "SGT", "HKT":
		return 480, true
	case "JST", "KST":
		return 540, true
	case "AEST":
		return 600, true
	case "AEDT":
		return 660, true
	case "NZST":
		return 720, true
	case "NZDT":
		return 780, true
	case "EDT":
		return -240, true
	case "EST", "CDT", "ET":
		return -300, true
	case "CST", "MDT", "CT":
		return -360, true
	case "MST", "PDT", "MT":
		return -420, true
	case "PST", "AKDT", "PT":
		return -480, true
	case "AKST":
		return -540, true
	case "HST":
		return -600, true
	}
	return 0, false
}

// readZone reads a zone abbreviation, possibly with an offset: "BST", "GMT+1", "UTC+02:00".
func readZone(g *dateGroup, tok string) bool {
	name, off := tok, ""
	if i := strings.IndexAny(tok, "+-"); i > 0 {
		name, off = tok[:i], tok[i:]
	}
	minutes, ok := zoneOffset(name)
	if !ok || g.zoneSet {
		return false
	}
	g.zoneSet, g.zoneName = true, name
	g.offset += minutes * 60
	if off != "" {
		if name != "GMT" && name != "UTC" {
			return false
		}
		return readOffset(g, off)
	}
	return true
}

func weekdayName(w string) bool {
	switch w {
	case "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur",
		"thurs", "friday", "fri", "saturday", "sat", "sunday", "sun":
		return true
	}
	return false
}

// monthName returns the number of an English month name or abbreviation, or 0.
func monthName(w string) int {
	switch w {
	case "january", "jan":
		return 1
	case "february", "feb":
		return 2
	case "march", "mar":
		return 3
	case "april", "apr":
		return 4
	case "may":
		return 5
	case "june", "jun":
		return 6
	case "july", "jul":
		return 7
	case "august", "aug":
		return 8
	case "september", "sep", "sept":
		return 9
	case "october", "oct":
		return 10
	case "november", "nov":
		return 11
	case "december", "dec":
		return 12
	}
	return 0
}
