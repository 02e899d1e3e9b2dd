package ingest

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the forms in which JSON Lines records and sidecars write dates, most common first.
// A layout without a zone is read as UTC.
var dateLayouts = [...]string{
	time.RFC3339Nano,
	"2006-01-02",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02T15:04:05.999999999-0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	time.RFC1123,
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	"2 January 2006",
	"2 Jan 2006",
	"January 2, 2006",
	"Jan 2, 2006",
	"January 2, 2006 15:04",
	"Monday, January 2, 2006",
	"2006/01/02",
	"2006/01/02 15:04:05",
	"02.01.2006",
	"02.01.2006 15:04",
	"02.01.2006 15:04:05",
	"20060102",
}

var errBadDate = errors.New("unrecognised date")

// parseDate reads a date as people and programs write them in article metadata. An empty string is
// the zero time; a string of digits alone longer than a date is Unix seconds (or milliseconds).
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if y := t.UTC().Year(); y < 1 || y > 9999 {
				return time.Time{}, fmt.Errorf("%w %q: year out of range", errBadDate, s)
			}
			return t, nil
		}
	}
	if len(s) > len("20060102") {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return unixTime(n)
		}
	}
	return time.Time{}, fmt.Errorf("%w %q", errBadDate, s)
}

// unixTime reads n as seconds since 1970, or as milliseconds when it is too large to be seconds
// of this era, as JavaScript writes timestamps. Years past 9999 are refused: no article has one,
// and encoding/json cannot write them.
func unixTime(n int64) (time.Time, error) {
	const maxMilli = 253402300799999 // 9999-12-31T23:59:59.999Z
	var t time.Time
	switch {
	case n > maxMilli || n < -maxMilli:
		return time.Time{}, fmt.Errorf("%w: timestamp %d out of range", errBadDate, n)
	case n > 1e11 || n < -1e11:
		t = time.UnixMilli(n).UTC()
	default:
		t = time.Unix(n, 0).UTC()
	}
	if t.Year() < 1 {
		return time.Time{}, fmt.Errorf("%w: timestamp %d out of range", errBadDate, n)
	}
	return t, nil
}

// jsonDate is a date field of a JSON record: a string in any form parseDate reads, a number of
// Unix seconds or milliseconds, or null. A date it cannot read leaves the zero time and keeps the
// reason in err instead of failing the whole record, whose other fields are still good.
type jsonDate struct {
	time.Time
	err error
}

func (d *jsonDate) UnmarshalJSON(b []byte) error {
	d.Time, d.err = time.Time{}, nil
	switch {
	case string(b) == "null":
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		d.Time, d.err = parseDate(s)
	default:
		n, err := strconv.ParseFloat(string(b), 64)
		if err != nil || n > math.MaxInt64 || n < math.MinInt64 {
			d.err = fmt.Errorf("%w %s", errBadDate, b)
			return nil
		}
		d.Time, d.err = unixTime(int64(n))
	}
	return nil
}
