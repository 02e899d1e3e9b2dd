package entity

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/ner"
)

// Entity types, as the analysis record names them.
const (
	Person       = "person"
	Organization = "organization"
	Location     = "location"
	Other        = "other"
)

// Entity is one actor of an article with every mention of it.
type Entity struct {
	// ID names the entity by its type and name key ("person:volodymyr-zelensky"), so that the same
	// full name gets the same ID in every article.
	ID      string
	Name    string // the fullest name the article uses
	Type    string // person, organization, location or other
	Aliases []string
	Roles   []string
	// Actor is what a metonym stands for ("Russia's leadership" for "the Kremlin said"), or "".
	Actor    string
	Mentions []dossier.Span

	key string // the name key the ID is made of
}

//go:embed metonyms.txt
var metonymData string

//go:embed roles.txt
var roleData string

// Finder finds entities with a name tagger, a metonym table and role words. It is safe for
// concurrent use.
type Finder struct {
	tagger    *ner.Model
	metonyms  map[string]string // name key → actor
	roleWords map[string]bool   // lower case
}

// NewFinder returns a Finder that uses the tagger and the package's metonym table and role words.
func NewFinder(tagger *ner.Model) (*Finder, error) {
	f := &Finder{tagger: tagger, metonyms: make(map[string]string), roleWords: make(map[string]bool)}
	err := readTable(metonymData, func(fields []string) error {
		if len(fields) != 2 {
			return fmt.Errorf("want NAME<tab>ACTOR, got %q", strings.Join(fields, "\t"))
		}
		f.metonyms[nameKey(fields[0])] = fields[1]
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read metonym table: %w", err)
	}
	err = readTable(roleData, func(fields []string) error {
		f.roleWords[strings.ToLower(fields[0])] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read role words: %w", err)
	}
	return f, nil
}

// Default returns a Finder with the ner package's embedded model, built on first use and shared:
// loading the model once per article would cost more than the analysis.
func Default() (*Finder, error) { return defaultFinder() }

var defaultFinder = sync.OnceValues(func() (*Finder, error) {
	m, err := ner.Default()
	if err != nil {
		return nil, err
	}
	return NewFinder(m)
})

func readTable(data string, row func([]string) error) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := row(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

// Actor returns what name stands for when it acts or speaks ("Russia's leadership" for
// "Kremlin"), and whether the metonym table has it.
func (f *Finder) Actor(name string) (string, bool) {
	a, ok := f.metonyms[nameKey(name)]
	return a, ok
}

// mention is one name in the text with what was read around it.
type mention struct {
	tagged
	text  string
	typ   string
	actor string
	roles []string
}

// tagged is a name as the tagger found it, with the title repairPersons took out of it.
type tagged struct {
	ner.Mention
	title string
}

// repairPersons mends two mistakes the tagger makes with titled names: it joins person names
// that touch ("Caldoran President Lena" "Koruth" become one), and it moves a title the tagger
// took into a name ("President Lena Koruth") out of the name into the title.
func (f *Finder) repairPersons(text string, toks []ner.Token, found []ner.Mention) []tagged {
	var out []tagged
	for _, m := range found {
		// "Secretary of Defense Pete Hegseth": the word after "ROLE of" names the office, and the
		// tagger, having seen few such titles, reads the office and the name as one place.
		if m.Type != ner.PER && m.Last-m.First >= 2 && m.First >= 2 && strings.EqualFold(toks[m.First-1].Text, "of") && f.isRoleWord(toks, m.First-2) {
			m.Type, m.First, m.Start = ner.PER, m.First+1, toks[m.First+1].Start
		}
		if n := len(out); n > 0 && m.Type == ner.PER && out[n-1].Type == ner.PER && out[n-1].Last+1 == m.First && text[out[n-1].End:m.Start] == " " {
			out[n-1].End, out[n-1].Last = m.End, m.Last
			continue
		}
		out = append(out, tagged{Mention: m})
	}
	for i := range out {
		m := &out[i]
		if m.Type != ner.PER {
			continue
		}
		// Names are capitalised: a small word at the end is the tagger running on ("Trump he").
		for m.Last > m.First && !startsUpper(toks[m.Last].Text) {
			m.Last--
			m.End = toks[m.Last].End
		}
		cut := -1 // the last role word with a name after it
		for j := m.First; j < m.Last; j++ {
			if f.isRoleWord(toks, j) {
				cut = j
			}
		}
		if cut < 0 {
			continue
		}
		m.title = oneLine(text[m.Start:toks[cut].End])
		m.First, m.Start = cut+1, toks[cut+1].Start
		// A title and a lone given name: the tagger stopped one word short ("President Lena"
		// "Koruth"), so a capitalised word right after that no name claims is the surname.
		if next := m.Last + 1; m.First == m.Last && next < len(toks) && text[m.End:toks[next].Start] == " " &&
			startsUpper(toks[next].Text) && !isFunctionWord(strings.ToLower(toks[next].Text)) && (i+1 == len(out) || out[i+1].First > next) {
			m.Last, m.End = next, toks[next].End
		}
	}
	return out
}

// Find returns the entities of a text, in the order of their first mention.
func (f *Finder) Find(text string) []Entity {
	toks, raw := f.tagger.Find(text)
	found := f.repairPersons(text, toks, raw)
	ms := make([]mention, 0, len(found))
	for _, m := range found {
		mm := mention{tagged: m, text: oneLine(text[m.Start:m.End]), typ: typeOf(m.Type)}
		if a, ok := f.metonyms[nameKey(mm.text)]; ok && m.Type != ner.PER && !afterPlacePreposition(toks, m.First) {
			mm.typ, mm.actor = Organization, a
		}
		if mm.typ == Person {
			mm.roles = f.roles(text, toks, m, found)
			if m.title != "" {
				mm.roles = append([]string{m.title}, mm.roles...)
			}
		}
		ms = append(ms, mm)
	}
	return group(ms)
}

func typeOf(nerType string) string {
	switch nerType {
	case ner.PER:
		return Person
	case ner.ORG:
		return Organization
	case ner.LOC:
		return Location
	}
	return Other
}

// afterPlacePreposition reports whether the name at token i follows "in", "to", "from" and the
// like, with or without "the": then "Moscow" or "the White House" is a place, not an actor.
func afterPlacePreposition(toks []ner.Token, i int) bool {
	j := i - 1
	if j >= 0 && strings.EqualFold(toks[j].Text, "the") {
		j--
	}
	if j < 0 {
		return false
	}
	switch strings.ToLower(toks[j].Text) {
	case "in", "at", "to", "from", "into", "near", "outside", "inside", "around", "across", "toward",
		"towards", "via", "through", "over", "between", "visit", "visited", "visiting", "left", "reached":
		return true
	}
	return false
}

func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// group resolves the mentions of one text into entities: full person names by their key, a lone
// surname into the person with that surname nearest before it (or after it when none is before),
// other names by their key, metonyms by the actor and name.
func group(ms []mention) []Entity {
	byKey := make(map[string]*Entity)
	var order []*Entity
	get := func(key, typ string) *Entity {
		if e, ok := byKey[key]; ok {
			return e
		}
		e := &Entity{Type: typ, key: key}
		byKey[key] = e
		order = append(order, e)
		return e
	}
	add := func(e *Entity, m mention) {
		e.Mentions = append(e.Mentions, dossier.Span{Start: m.Start, End: m.End})
		if !slices.Contains(e.Aliases, m.text) {
			e.Aliases = append(e.Aliases, m.text)
		}
		for _, r := range m.roles {
			if !slices.Contains(e.Roles, r) {
				e.Roles = append(e.Roles, r)
			}
		}
		if m.actor != "" {
			e.Actor = m.actor
		}
	}
	// Full person names first, so that surnames can find them wherever they are.
	type full struct {
		at  int
		key string
	}
	var fulls []full
	for _, m := range ms {
		if m.typ == Person && m.actor == "" {
			if k := nameKey(m.text); strings.Contains(k, " ") {
				fulls = append(fulls, full{m.Start, personKey(k, byKeyPersons(byKey))})
				add(get(fulls[len(fulls)-1].key, Person), m)
			}
		}
	}
	surnames := make(map[string]bool)
	for _, f := range fulls {
		surnames[lastWord(f.key)] = true
	}
	for _, m := range ms {
		k := nameKey(m.text)
		if m.actor == "" && m.typ != Person && surnames[k] {
			m.typ = Person // one sense per article: the tagger missed a surname it found elsewhere
		}
		switch {
		case k == "":
			continue
		case m.actor != "":
			add(get("actor "+m.actor+" "+k, Organization), m)
		case m.typ == Person && strings.Contains(k, " "):
			// added above
		case m.typ == Person:
			best, bestDist := "", 0
			for _, f := range fulls {
				if lastWord(f.key) != k {
					continue
				}
				d := m.Start - f.at
				if d < 0 {
					d = -d + 1<<30 // a name after the surname counts only when none is before
				}
				if best == "" || d < bestDist {
					best, bestDist = f.key, d
				}
			}
			if best == "" {
				best = k
			}
			add(get(best, Person), m)
		default:
			add(get(m.typ+" "+k, m.typ), m)
		}
	}
	out := make([]Entity, len(order))
	for i, e := range order {
		e.Name = fullest(e.Aliases)
		e.Aliases = slices.DeleteFunc(e.Aliases, func(a string) bool { return a == e.Name })
		e.ID = makeID(*e)
		if e.Aliases == nil {
			e.Aliases = []string{}
		}
		if e.Roles == nil {
			e.Roles = []string{}
		}
		out[i] = *e
	}
	return out
}

// byKeyPersons lists the person keys seen so far.
func byKeyPersons(byKey map[string]*Entity) []string {
	var keys []string
	for k, e := range byKey {
		if e.Type == Person {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// personKey returns the key of an existing person the full name k is a variant of ("Vladimir
// Putin" for "Vladimir V. Putin"), or k.
func personKey(k string, known []string) string {
	for _, o := range known {
		if samePerson(k, o) {
			return o
		}
	}
	return k
}

// fullest returns the name with the most words, the first of those in order.
func fullest(names []string) string {
	best := ""
	for _, n := range names {
		if len(strings.Fields(n)) > len(strings.Fields(best)) {
			best = n
		}
	}
	return best
}

// makeID names an entity by its type and name: for people the name key, so that every article
// that gives the full name gives the same ID; for others the folded name.
func makeID(e Entity) string {
	key := nameKey(e.Name)
	if e.Type != Person {
		key = strings.Join(strings.FieldsFunc(fold(e.Name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
	}
	return e.Type + ":" + strings.ReplaceAll(key, " ", "-")
}
