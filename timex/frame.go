package timex

// unit is a calendar or clock unit.
type unit uint8

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uPOD // a part of the day
	uDay
	uWeekend
	uWeek
	uFortnight
	uMonth
	uSeason
	uQuarter
	uHalf
	uYear
	uDecade
	uCentury
	uMillennium
	uPeriod // "the period": whatever unit the text last used
)

var unitNames = map[string]unit{
	"S": uSecond, "MIN": uMinute, "H": uHour, "D": uDay, "WE": uWeekend, "W": uWeek, "FN": uFortnight,
	"M": uMonth, "Q": uQuarter, "HALF": uHalf, "Y": uYear, "DE": uDecade, "CE": uCentury,
	"ML": uMillennium, "P": uPeriod, "SEASON": uSeason,
}

// dir says which side of its anchor a counted offset lies on, and which anchor: the reference
// time (deictic: "ago", "from now") or the last time the text established (anaphoric: "earlier",
// "later").
type dir uint8

const (
	dirNone dir = iota
	dirAgo
	dirHence
	dirEarlier
	dirLater
)

// sym is one of the few values that lexicon categories other than numbers take (a season, a part
// of the day, a modifier), kept as a small number so that frames hold no pointers and copy
// cheaply.
type sym uint8

var symNames = [...]string{
	"", "SP", "SU", "FA", "WI", "MO", "AF", "EV", "NI", "DT",
	"PRESENT_REF", "PAST_REF", "FUTURE_REF", "START", "MID", "END",
	"APPROX", "LESS", "MORE", "ATLEAST", "ATMOST",
}

func (s sym) String() string { return symNames[s] }

func symOf(name string) (sym, bool) {
	for k, n := range symNames {
		if n == name && k > 0 {
			return sym(k), true
		}
	}
	return 0, false
}

// frame collects what the tokens of one candidate expression say. The pattern decides which
// tokens form an expression; the frame is what they mean, and resolve turns it into a value.
// It holds no pointers: the matcher copies one for every element it tries.
type frame struct {
	qty, frac       float64
	year            int32 // 0 when absent
	inner           int32 // index+1 into the matcher's arena of a nested expression
	ext             int32 // the token where the expression ends when trailing context follows, else 0
	decade          int16 // 199 for the 1990s
	ord             int16
	holiday         uint16 // index+1 into the lexicon's holiday rules
	month, day      int8   // 0 when absent
	weekday         int8
	decadeInCentury int8 // "nineties": 9, century from the reference; -1 when absent
	hour, minute    int8
	deictic, shift  int8
	unit, unit2     unit
	freq            unit
	dir             dir
	season, pod     sym
	ref, mod        sym
	approx          sym
	ampm            byte // 'a', 'p' or 0
	yy              bool // year written with two digits
	clock           bool
	hasQty, qtyX    bool // a count is given; it is vague ("several")
	hasDeictic      bool
	hasShift, anaph bool
	each, plural    bool
}

func newFrame() frame { return frame{decadeInCentury: -1} }

// apply adds what a lexicon entry says to the frame.
func (f *frame) apply(e *entry) {
	for _, ft := range e.feats {
		switch ft.cat {
		case catMonth:
			f.month = int8(ft.n)
		case catWeekday:
			f.weekday = int8(ft.n)
		case catNum:
			if ft.val == "X" {
				f.qtyX = true
			} else {
				f.qty = ft.n
			}
			f.hasQty = true
		case catFrac:
			f.frac = ft.n
		case catOrd:
			f.ord = int16(ft.n)
		case catUnit:
			if f.unit == uNone {
				f.unit = unitNames[ft.val]
			} else {
				f.unit2 = unitNames[ft.val]
			}
		case catSeason:
			f.season = ft.sym
		case catPOD:
			f.pod = ft.sym
		case catClock:
			f.clock = true
			h, m := parseClock(ft.val)
			f.hour, f.minute = int8(h), int8(m)
		case catAMPM:
			f.ampm = ft.val[0]
		case catDeictic:
			f.deictic, f.hasDeictic = int8(ft.n), true
		case catRef:
			f.ref = ft.sym
		case catShift:
			f.shift, f.hasShift = int8(ft.n), true
		case catAnaph:
			f.shift, f.hasShift, f.anaph = int8(ft.n), true, true
		case catDir, catBeside:
			f.dir = dirNames[ft.val]
		case catMod:
			f.mod = ft.sym
		case catApprox, catPost:
			f.approx = ft.sym
		case catEach:
			f.each = true
		case catPlural:
			f.plural = true
		case catFreq:
			f.freq = unitNames[ft.val]
		case catHoliday:
			f.holiday = uint16(ft.n)
		case catDecade:
			f.decadeInCentury = int8(ft.n)
		}
	}
}

var dirNames = map[string]dir{"ago": dirAgo, "hence": dirHence, "earlier": dirEarlier, "later": dirLater}

// parseClock reads "HH:MM".
func parseClock(s string) (h, m int) {
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c == ':' {
			for _, d := range s[k+1:] {
				m = m*10 + int(d-'0')
			}
			return h, m
		}
		h = h*10 + int(c-'0')
	}
	return h, 0
}
