package event

import (
	_ "embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

//go:embed lexicon.txt
var lexiconFile string

// ErrLexicon wraps every mistake found in a lexicon file.
var ErrLexicon = errors.New("event: bad lexicon")

// gap stands between the parts of a form whose words need not be adjacent ("welcomed ... to").
const gap = "..."

// maxGap is how many words may stand in a form's gap.
const maxGap = 8

// form is one way of naming an event: its parts, each a run of adjacent lower-case words, with
// up to maxGap words between parts.
type form struct {
	parts   [][]string
	typ     string
	sense   string
	noun    bool
	verb    bool
	notNext []string
	notPrev []string
}

// cue is a run of words that sets a status, or orders two events, when it stands before a trigger.
type cue struct {
	words []string
	value string
	reach int // how many words may stand between the cue and its trigger; -1 for any
}

// relWord says how a word moves a temporal expression from the article's present.
type relWord struct {
	dir       float64
	unit      string
	narrative bool
}

// lexicon is the parsed lexicon file.
type lexicon struct {
	forms       map[string][]*form // by first word
	senses      map[string]*form   // by the words before any gap, space-joined
	compat      map[string]string  // type → the first type of its [compatible] line
	status      []cue
	after       []cue
	perfect     map[string]bool
	order       []cue
	relative    map[string]relWord
	units       map[string]float64
	placePreps  map[string][]string // preposition → types it opens a place for (none: all)
	preps       map[string]bool
	links       map[string]bool
	placeNouns  map[string]bool
	verbal      map[string]bool
	determiners map[string]bool
	stops       map[string]bool
	clause      map[string]bool
	subord      map[string]bool
	pronouns    map[string]bool
	irregular   map[string]bool
	infinitive  map[string]bool
	speech      map[string]bool
	multiparty  map[string]bool
	stopwords   map[string]bool
}

// parseLexicon reads a lexicon file; see lexicon.txt for its format.
func parseLexicon(src string) (*lexicon, error) {
	lx := &lexicon{
		forms:       make(map[string][]*form),
		senses:      make(map[string]*form),
		compat:      make(map[string]string),
		perfect:     make(map[string]bool),
		relative:    make(map[string]relWord),
		units:       make(map[string]float64),
		placePreps:  make(map[string][]string),
		preps:       make(map[string]bool),
		links:       make(map[string]bool),
		placeNouns:  make(map[string]bool),
		verbal:      make(map[string]bool),
		determiners: make(map[string]bool),
		stops:       make(map[string]bool),
		clause:      make(map[string]bool),
		subord:      make(map[string]bool),
		pronouns:    make(map[string]bool),
		irregular:   make(map[string]bool),
		infinitive:  make(map[string]bool),
		speech:      make(map[string]bool),
		multiparty:  make(map[string]bool),
		stopwords:   make(map[string]bool),
	}
	sets := map[string]map[string]bool{
		"perfect": lx.perfect, "prepositions": lx.preps, "links": lx.links, "placenouns": lx.placeNouns,
		"verbal": lx.verbal, "determiners": lx.determiners, "stops": lx.stops, "clause": lx.clause, "subordinators": lx.subord, "pronouns": lx.pronouns, "irregular": lx.irregular, "infinitive": lx.infinitive, "speech": lx.speech, "multiparty": lx.multiparty, "stopwords": lx.stopwords,
	}
	section := ""
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, " \r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			continue
		}
		var err error
		fields := strings.Split(line, "\t")
		switch section {
		case "triggers":
			err = lx.addForms(fields)
		case "compatible":
			ts := strings.Fields(line)
			for _, t := range ts {
				lx.compat[t] = ts[0]
			}
		case "status":
			err = lx.addCues(&lx.status, fields)
		case "after":
			err = lx.addCues(&lx.after, fields)
		case "order":
			err = lx.addCues(&lx.order, fields)
		case "relative":
			err = lx.addRelative(fields)
		case "units":
			err = lx.addUnit(fields)
		case "place":
			lx.placePreps[fields[0]] = nil
			if len(fields) > 1 {
				lx.placePreps[fields[0]] = strings.Fields(fields[1])
			}
		default:
			set, ok := sets[section]
			if !ok {
				err = fmt.Errorf("unknown section %q", section)
				break
			}
			for _, w := range alternatives(line) {
				set[w] = true
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrLexicon, n+1, err)
		}
	}
	if len(lx.forms) == 0 {
		return nil, fmt.Errorf("%w: no triggers", ErrLexicon)
	}
	return lx, nil
}

// alternatives splits "a | b c | d" into its trimmed, lower-cased alternatives.
func alternatives(s string) []string {
	var out []string
	for _, a := range strings.Split(s, "|") {
		if a = strings.ToLower(strings.Join(strings.Fields(a), " ")); a != "" {
			out = append(out, a)
		}
	}
	return out
}

func (lx *lexicon) addForms(fields []string) error {
	if len(fields) < 2 || len(fields) > 3 {
		return errors.New("want TYPE/SENSE, forms and optional conditions")
	}
	typ, sense, ok := strings.Cut(fields[0], "/")
	if !ok || typ == "" || sense == "" {
		return fmt.Errorf("%q is not TYPE/SENSE", fields[0])
	}
	proto := form{typ: typ, sense: sense}
	if len(fields) == 3 {
		for _, c := range strings.Fields(fields[2]) {
			switch {
			case c == "noun":
				proto.noun = true
			case c == "verb":
				proto.verb = true
			case strings.HasPrefix(c, "!>") && len(c) > 2:
				proto.notNext = append(proto.notNext, c[2:])
			case strings.HasPrefix(c, "!<") && len(c) > 2:
				proto.notPrev = append(proto.notPrev, c[2:])
			default:
				return fmt.Errorf("unknown condition %q", c)
			}
		}
	}
	for _, alt := range alternatives(fields[1]) {
		f := proto
		f.parts = nil
		for _, part := range strings.Split(alt, gap) {
			ws := strings.Fields(part)
			if len(ws) == 0 {
				return fmt.Errorf("form %q has an empty part", alt)
			}
			f.parts = append(f.parts, ws)
		}
		lx.forms[f.parts[0][0]] = append(lx.forms[f.parts[0][0]], &f)
		lx.senses[strings.Join(f.parts[0], " ")] = &f
	}
	return nil
}

func (lx *lexicon) addCues(into *[]cue, fields []string) error {
	if len(fields) < 2 || len(fields) > 3 {
		return errors.New("want VALUE, cues and an optional reach")
	}
	reach := -1
	if len(fields) == 3 {
		r, err := strconv.Atoi(fields[2])
		if err != nil || r < 0 {
			return fmt.Errorf("reach %q is not a count of words", fields[2])
		}
		reach = r
	}
	for _, alt := range alternatives(fields[1]) {
		c := cue{words: strings.Fields(alt), value: fields[0], reach: reach}
		*into = append(*into, c)
	}
	return nil
}

func (lx *lexicon) addRelative(fields []string) error {
	if len(fields) < 2 {
		return errors.New("want WORD and DIRECTION")
	}
	dir, err := strconv.ParseFloat(fields[1], 64)
	if err != nil {
		return fmt.Errorf("direction of %q: %w", fields[0], err)
	}
	r := relWord{dir: dir}
	if len(fields) > 2 {
		r.unit = fields[2]
	}
	if len(fields) > 3 {
		if fields[3] != "narrative" {
			return fmt.Errorf("unknown flag %q", fields[3])
		}
		r.narrative = true
	}
	lx.relative[fields[0]] = r
	return nil
}

func (lx *lexicon) addUnit(fields []string) error {
	if len(fields) != 2 {
		return errors.New("want WORD and DAYS")
	}
	d, err := strconv.ParseFloat(fields[1], 64)
	if err != nil {
		return fmt.Errorf("days of %q: %w", fields[0], err)
	}
	lx.units[fields[0]] = d
	return nil
}

// group names the types an event of type t may share an event with ("meeting" for a summit):
// events of two types may be one event when their groups are equal.
func (lx *lexicon) group(t string) string {
	if g, ok := lx.compat[t]; ok {
		return g
	}
	return t
}

// sense returns the sense of a trigger as written ("phone call" → "call"), or the trigger itself
// lower-cased when the lexicon has no such form.
func (lx *lexicon) sense(trigger string) string {
	key := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(trigger, "’", "'")), " "))
	if f, ok := lx.senses[key]; ok {
		return f.typ + "/" + f.sense
	}
	return key
}
