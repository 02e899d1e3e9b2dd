package position

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"sigs.k8s.io/yaml"
)

// Stances, as positions carry them.
const (
	Demands    = "demands"
	Proposes   = "proposes"
	Supports   = "supports"
	Opposes    = "opposes"
	Conditions = "conditions"
)

var stances = []string{Demands, Proposes, Supports, Opposes, Conditions}

// cueKind says where a cue's holder and issue are (see data/lexicon.yaml).
type cueKind uint8

const (
	verbCue cueKind = iota + 1
	nounCue
	reportCue
	negframeCue
	evalCue
	obligeCue
	condCue
)

var cueKinds = map[string]cueKind{
	"verb": verbCue, "noun": nounCue, "report": reportCue, "negframe": negframeCue,
	"eval": evalCue, "oblige": obligeCue, "cond": condCue,
}

type cue struct {
	kind            cueKind
	stance, negated string
	strong          bool
	// clause says that a that-clause after the cue is what the stance is on ("demanded that
	// the alliance roll back"); after other cues it is reported speech.
	clause bool
}

// lexicon is the compiled word data the rules read.
type lexicon struct {
	cues []cue
	// cue holds the cues of every kind but noun, nounCue the noun cues: "call for" is a verb
	// after a subject and a noun after an owner ("Velmar's call for").
	cue, nounCue phraseSet // value: index into cues

	negation, hedges, negators, subordinators, relatives, skip, lightVerbs phraseSet
	enumerators, frames, anaphors, lightNouns, agents, roles               phraseSet
	functionWords, prepositions, determiners                               phraseSet
	auxiliaries, objectVerbs, clauseBreaks, definites, particles           phraseSet

	nations   []nation
	nationSet phraseSet // names and adjectives; value: index into nations
}

// nation is a country or bloc with the names and adjectives an article may use for it.
type nation struct {
	name  string
	names []string // normalised names, the shown one first
}

type lexiconFile struct {
	Cues []struct {
		Kind     string   `json:"kind"`
		Stance   string   `json:"stance"`
		Negated  string   `json:"negated"`
		Strong   bool     `json:"strong"`
		Clause   bool     `json:"clause"`
		Patterns []string `json:"patterns"`
	} `json:"cues"`
	Negation      []string `json:"negation"`
	Hedges        []string `json:"hedges"`
	Negators      []string `json:"negators"`
	Subordinators []string `json:"subordinators"`
	Relatives     []string `json:"relatives"`
	Skip          []string `json:"skip"`
	LightVerbs    []string `json:"light_verbs"`
	Enumerators   []string `json:"enumerators"`
	Frames        []string `json:"frames"`
	Anaphors      []string `json:"anaphors"`
	LightNouns    []string `json:"light_nouns"`
	Agents        []string `json:"agents"`
	Roles         []string `json:"roles"`
	FunctionWords []string `json:"function_words"`
	Prepositions  []string `json:"prepositions"`
	Determiners   []string `json:"determiners"`
	Auxiliaries   []string `json:"auxiliaries"`
	ObjectVerbs   []string `json:"object_verbs"`
	ClauseBreaks  []string `json:"clause_breaks"`
	Definites     []string `json:"definites"`
	Particles     []string `json:"particles"`
}

//go:embed data/lexicon.yaml
var lexiconData []byte

//go:embed data/demonyms.txt
var demonymData []byte

func parseLexicon(data, demonyms []byte) (*lexicon, error) {
	js, err := yaml.YAMLToJSON(data)
	if err != nil {
		return nil, fmt.Errorf("decode lexicon: %w", err)
	}
	var f lexiconFile
	dec := json.NewDecoder(bytes.NewReader(js))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("decode lexicon: %w", err)
	}
	lx := &lexicon{}
	for _, c := range f.Cues {
		k, ok := cueKinds[c.Kind]
		if !ok {
			return nil, fmt.Errorf("lexicon: unknown cue kind %q", c.Kind)
		}
		stanced := k != reportCue && k != negframeCue
		if stanced && !slices.Contains(stances, c.Stance) || c.Negated != "" && !slices.Contains(stances, c.Negated) {
			return nil, fmt.Errorf("lexicon: %s cue with stance %q, negated %q", c.Kind, c.Stance, c.Negated)
		}
		lx.cues = append(lx.cues, cue{kind: k, stance: c.Stance, negated: c.Negated, strong: c.Strong, clause: c.Clause})
		set := &lx.cue
		if k == nounCue {
			set = &lx.nounCue
		}
		if err := addAll(set, c.Patterns, len(lx.cues)-1); err != nil {
			return nil, err
		}
	}
	for _, l := range []struct {
		set  *phraseSet
		pats []string
	}{
		{&lx.negation, f.Negation}, {&lx.hedges, f.Hedges}, {&lx.negators, f.Negators},
		{&lx.subordinators, f.Subordinators}, {&lx.relatives, f.Relatives}, {&lx.skip, f.Skip},
		{&lx.lightVerbs, f.LightVerbs}, {&lx.enumerators, f.Enumerators}, {&lx.frames, f.Frames},
		{&lx.anaphors, f.Anaphors}, {&lx.lightNouns, f.LightNouns}, {&lx.agents, f.Agents},
		{&lx.roles, f.Roles}, {&lx.functionWords, f.FunctionWords}, {&lx.prepositions, f.Prepositions},
		{&lx.determiners, f.Determiners}, {&lx.auxiliaries, f.Auxiliaries}, {&lx.objectVerbs, f.ObjectVerbs},
		{&lx.clauseBreaks, f.ClauseBreaks}, {&lx.definites, f.Definites}, {&lx.particles, f.Particles},
	} {
		if err := addAll(l.set, l.pats, 0); err != nil {
			return nil, err
		}
	}
	if err := lx.readNations(demonyms); err != nil {
		return nil, err
	}
	return lx, nil
}

// sets lists the lexicon's phrase sets, for the Extractor's index of first words.
func (lx *lexicon) sets() []*phraseSet {
	return []*phraseSet{&lx.cue, &lx.nounCue, &lx.negation, &lx.hedges, &lx.negators, &lx.subordinators,
		&lx.relatives, &lx.skip, &lx.lightVerbs, &lx.enumerators, &lx.frames, &lx.anaphors, &lx.lightNouns,
		&lx.agents, &lx.roles, &lx.functionWords, &lx.prepositions, &lx.determiners, &lx.auxiliaries,
		&lx.objectVerbs, &lx.clauseBreaks, &lx.definites, &lx.particles, &lx.nationSet}
}

func addAll(set *phraseSet, pats []string, val int) error {
	for _, s := range pats {
		p, err := parsePattern(s)
		if err != nil {
			return fmt.Errorf("lexicon: %w", err)
		}
		set.add(p, val)
	}
	return nil
}

// readNations reads lines of NAME|OTHER NAMES<TAB>ADJECTIVE|OTHER ADJECTIVES.
func (lx *lexicon) readNations(data []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		names, adjs, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("demonyms line %d: want NAMES<TAB>ADJECTIVES", n)
		}
		all := strings.Split(names, "|")
		na := nation{name: all[0]}
		for _, s := range append(all, strings.Split(adjs, "|")...) {
			var words []string
			for w := range strings.FieldsSeq(s) {
				words = append(words, norm(w))
			}
			na.names = append(na.names, strings.Join(words, " "))
			p, err := parsePattern(literal(s))
			if err != nil {
				return fmt.Errorf("demonyms line %d: %w", n, err)
			}
			lx.nationSet.add(p, len(lx.nations))
		}
		lx.nations = append(lx.nations, na)
	}
	return sc.Err()
}

// literal escapes nothing but refuses the pattern syntax, which no country name uses.
func literal(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("()[]|*", r) {
			return -1
		}
		return r
	}, s)
}

// in reports whether the single word w is in set.
func in(set *phraseSet, w string) bool { return set.has(w) }
