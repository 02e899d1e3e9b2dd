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

// frame collects what the tokens of one candidate expression say. The pattern decides which
// tokens form an expression; the frame is what they mean, and resolve turns it into a value.
type frame struct {
	typ                       Type // the rule's type, for nested expressions
	year, month, day, weekday int  // 0 when absent
	yy                        bool // year written with two digits
	decade, century           int  // decade 199 for the 1990s; century 19 for the twentieth
	decadeInCentury           int  // "nineties": 9, century from the reference; -1 when absent
	hour, minute              int
	clock                     bool
	ampm                      byte // 'a', 'p' or 0
	qty                       float64
	hasQty, qtyX              bool // a count is given; it is vague ("several")
	frac                      float64
	ord                       int
	unit, unit2               unit
	season, pod, ref, mod     string
	holiday                   string
	deictic                   int
	hasDeictic                bool
	shift                     int
	hasShift, anaph           bool
	dir                       dir
	approx                    string
	each, plural              bool
	freq                      unit
	inner                     int // index+1 into the matcher's arena of a nested expression
	// ext is the token where the expression ends when trailing context follows it, else 0.
	ext int
}

func newFrame() frame { return frame{decadeInCentury: -1} }

// apply adds what a lexicon entry says to the frame.
func (f *frame) apply(e *entry) {
	for _, ft := range e.feats {
		switch ft.cat {
		case catMonth:
			f.month = int(ft.n)
		case catWeekday:
			f.weekday = int(ft.n)
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
			f.ord = int(ft.n)
		case catUnit:
			if f.unit == uNone {
				f.unit = unitNames[ft.val]
			} else {
				f.unit2 = unitNames[ft.val]
			}
		case catSeason:
			f.season = ft.val
		case catPOD:
			f.pod = ft.val
		case catClock:
			f.clock = true
			f.hour, f.minute = parseClock(ft.val)
		case catAMPM:
			f.ampm = ft.val[0]
		case catDeictic:
			f.deictic, f.hasDeictic = int(ft.n), true
		case catRef:
			f.ref = ft.val
		case catShift:
			f.shift, f.hasShift = int(ft.n), true
		case catAnaph:
			f.shift, f.hasShift, f.anaph = int(ft.n), true, true
		case catDir:
			f.dir = dirNames[ft.val]
		case catMod:
			f.mod = ft.val
		case catApprox, catPost:
			f.approx = ft.val
		case catEach:
			f.each = true
		case catPlural:
			f.plural = true
		case catFreq:
			f.freq = unitNames[ft.val]
		case catHoliday:
			f.holiday = ft.val
		case catDecade:
			f.decadeInCentury = int(ft.n)
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
