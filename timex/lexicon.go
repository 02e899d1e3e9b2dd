package timex

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
)

// cat is a lexical category: what a word or phrase contributes to the meaning of an expression.
// The names are those the rule files use.
type cat uint8

const (
	catNone      cat = iota
	catMonth         // month=1..12
	catWeekday       // weekday=1..7, Monday first
	catNum           // num=N or num=X (a vague quantity: "several")
	catScale         // scale=100: multiplies the number before it
	catFrac          // frac=0.5: "and a half"
	catOrd           // ord=N
	catUnit          // unit=Y, M, W, D, H, MIN, S, Q, HALF, DE, CE, ML, WE, FN, P (an unspecified period)
	catSeason        // season=SP, SU, FA, WI
	catPOD           // pod=MO, AF, EV, NI, DT: a part of the day
	catClock         // clock=12:00: a named time of day
	catAMPM          // ampm=am or pm
	catZone          // zone=any: a time zone, kept in the extent
	catDeictic       // deictic=-1: a day relative to the reference ("yesterday")
	catRef           // ref=PRESENT_REF, PAST_REF or FUTURE_REF
	catShift         // shift=-1, 0, +1: last, this, next (relative to the reference)
	catAnaph         // anaph=-1, 0, +1: previous, same, following (relative to the last date in the text)
	catDir           // dir=ago, hence, earlier, later: the side of a counted offset and what it counts from
	catBeside        // beside=earlier, later: the side of an offset from a time the expression names
	catMod           // mod=START, MID, END
	catApprox        // approx=APPROX, LESS, MORE, ATLEAST, ATMOST
	catPost          // post=APPROX, MORE, LESS: an approximation written after the expression ("or so")
	catEach          // each=1: every, each, per
	catFreq          // freq=D, W, M, Y, H, Q: daily, weekly...
	catHoliday       // holiday=MM-DD, MM-N-W (Nth weekday W), MM-L-W (last weekday W) or E+N (days from Easter)
	catFiscal        // fiscal=1: a qualifier that leaves the value as it is ("fiscal", "full")
	catDecade        // decade=9: "nineties", the decade within its century
	catOrdSuffix     // ordsuffix=1: "st", "nd", "rd", "th" after a digit
	catTense         // tense=past, present or future: what the governing verb says of time
	catPlural        // plural=1: a unit or weekday in the plural ("years", "Mondays")
	catShort         // short=1: a month abbreviated without its period ("Jan")
	catAgency        // agency=1: a news agency named in a dateline
	catCount
)

var catNames = [catCount]string{
	catMonth: "month", catWeekday: "weekday", catNum: "num", catScale: "scale", catFrac: "frac",
	catOrd: "ord", catUnit: "unit", catSeason: "season", catPOD: "pod", catClock: "clock",
	catAMPM: "ampm", catZone: "zone", catDeictic: "deictic", catRef: "ref", catShift: "shift",
	catAnaph: "anaph", catDir: "dir", catBeside: "beside", catMod: "mod", catApprox: "approx", catPost: "post", catEach: "each",
	catFreq: "freq", catHoliday: "holiday", catFiscal: "fiscal", catDecade: "decade",
	catOrdSuffix: "ordsuffix", catTense: "tense", catPlural: "plural",
	catShort: "short", catAgency: "agency",
}

func catByName(name string) cat {
	for c, n := range catNames {
		if n == name && n != "" {
			return cat(c)
		}
	}
	return catNone
}

// feat is one category with its value, as a rule file writes "month=5".
type feat struct {
	cat cat
	val string
	n   float64 // val as a number, when it is one; for a holiday, its index+1 in lexicon.holidays
	sym sym     // val as a symbol, for the categories whose values are symbols
}

// word is a distinct lower-cased token that the rules name: in a lexicon phrase, as a literal of
// a pattern, or both. Tokens of the text point to their word, so that matching compares pointers.
type word struct {
	text    string
	entries []*entry // the lexicon phrases that begin with it
	start   bool     // a pattern begins with it as a literal
}

// entry is one phrase of the lexicon with what it means.
type entry struct {
	toks []*word // the phrase's tokens
	// cased entries match only when their first token is capitalised in the text ("May" the month,
	// not "may" the verb).
	cased bool
	// suffix entries match any single word longer than the suffix that ends with toks[0].
	suffix bool
	feats  []feat
}

func (e *entry) has(c cat) (feat, bool) {
	for _, f := range e.feats {
		if f.cat == c {
			return f, true
		}
	}
	return feat{}, false
}

// lexicon maps phrases to their meaning, indexed by the phrase's first token.
type lexicon struct {
	words    map[string]*word
	suffixes []*entry
	holidays []string // the holiday rules, which frames refer to by number
}

// parseLexicon reads lines of the form `cat=value cat=value: phrase, phrase` ("#" starts a comment;
// a colon and a space end the features).
// A phrase is tokenised as text is; "!" before it makes it match only capitalised, "*" makes it a
// word suffix.
func parseLexicon(lx *lexicon, name, src string) error {
	sc := bufio.NewScanner(strings.NewReader(src))
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Text()
		if k := strings.IndexByte(line, '#'); k >= 0 {
			line = line[:k]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		head, body, ok := strings.Cut(line, ": ")
		if !ok {
			return fmt.Errorf("%s:%d: %w: want features: phrases", name, ln, ErrRules)
		}
		var feats []feat
		for _, fv := range strings.Fields(head) {
			k, v, _ := strings.Cut(fv, "=")
			c := catByName(k)
			if c == catNone {
				return fmt.Errorf("%s:%d: %w: unknown category %q", name, ln, ErrRules, k)
			}
			f := feat{cat: c, val: v}
			if n, err := strconv.ParseFloat(strings.TrimPrefix(v, "+"), 64); err == nil {
				f.n = n
			}
			switch c {
			case catSeason, catPOD, catRef, catMod, catApprox, catPost:
				s, ok := symOf(v)
				if !ok {
					return fmt.Errorf("%s:%d: %w: unknown value %q of %s", name, ln, ErrRules, v, k)
				}
				f.sym = s
			case catHoliday:
				if _, ok := holidayDate(v, 2000); !ok {
					return fmt.Errorf("%s:%d: %w: bad holiday rule %q", name, ln, ErrRules, v)
				}
				lx.holidays = append(lx.holidays, v)
				f.n = float64(len(lx.holidays))
			}
			feats = append(feats, f)
		}
		for _, ph := range strings.Split(body, ",") {
			ph = strings.TrimSpace(ph)
			if ph == "" {
				continue
			}
			e := &entry{feats: feats}
			switch ph[0] {
			case '!':
				e.cased, ph = true, ph[1:]
			case '*':
				e.suffix, ph = true, ph[1:]
			}
			for _, t := range tokenize(ph, nil) {
				e.toks = append(e.toks, lx.word(t.low))
			}
			if len(e.toks) == 0 {
				return fmt.Errorf("%s:%d: %w: empty phrase", name, ln, ErrRules)
			}
			if e.suffix {
				lx.suffixes = append(lx.suffixes, e)
				continue
			}
			e.toks[0].entries = append(e.toks[0].entries, e)
		}
	}
	return sc.Err()
}

// word returns the word for a lower-cased token, adding it if it is new.
func (lx *lexicon) word(low string) *word {
	w := lx.words[low]
	if w == nil {
		w = &word{text: low}
		lx.words[low] = w
	}
	return w
}

// hit is a lexicon entry found in the text, n tokens long.
type hit struct {
	e *entry
	n int
}

// lookup appends the entries that match the tokens at i.
func (lx *lexicon) lookup(toks []token, i int, hits []hit) []hit {
	t := &toks[i]
	if t.w == nil {
		return hits
	}
	for _, e := range t.w.entries {
		if e.cased && !t.upper {
			continue
		}
		if i+len(e.toks) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(e.toks); k++ {
			if toks[i+k].w != e.toks[k] {
				ok = false
				break
			}
		}
		if ok {
			hits = append(hits, hit{e, len(e.toks)})
		}
	}
	return hits
}

// suffixHit returns the suffix entry a word matches, if it matches no whole-word entry.
func (lx *lexicon) suffixHit(t *token) *entry {
	if t.kind != kWord {
		return nil
	}
	for _, e := range lx.suffixes {
		s := e.toks[0].text
		if len(t.low) > len(s)+2 && strings.HasSuffix(t.low, s) {
			return e
		}
	}
	return nil
}
