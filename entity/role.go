package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/ner"
)

// roles reads the roles written around a person's name: a title just before it ("Kremlin
// spokesman Dmitry Peskov", "U.S. Secretary of Defense Pete Hegseth") and an apposition just after
// it ("Tatiana Stanovaya, a senior fellow at the Carnegie Russia Eurasia Center in Berlin,").
func (f *Finder) roles(text string, toks []ner.Token, m tagged, names []tagged) []string {
	var out []string
	if r := f.titleBefore(text, toks, m.First, names); r != "" {
		out = append(out, r)
	} else if m.First > 0 && toks[m.First-1].Text == "," && m.Last+1 < len(toks) && toks[m.Last+1].Text == "," {
		// "The Council's special envoy, Ilsa Tamberlin, declined": the role, then the name set off.
		if r := f.titleBefore(text, toks, m.First-1, names); r != "" {
			out = append(out, r)
		}
	}
	if r := f.appositionAfter(text, toks, m.Last, names); r != "" {
		out = append(out, r)
	}
	return out
}

// titleBefore returns the title that ends right before token i: a run of role words, capitalised
// words, modifiers such as "top" or "former", "of" between capitalised words and possessive "'s",
// that holds a role word and ends with a role word or a capitalised title word.
func (f *Finder) titleBefore(text string, toks []ner.Token, i int, names []tagged) string {
	start := i
	hasRole := false
scan:
	for j := i - 1; j >= 0 && i-j <= 8; j-- {
		t := toks[j].Text
		if strings.Contains(text[toks[j].End:toks[j+1].Start], "\n") || partOfPerson(names, j) {
			break
		}
		low := strings.ToLower(t)
		switch {
		case f.isRoleWord(toks, j):
			hasRole = true
		case isFunctionWord(low):
			break scan
		case low == "of" || isPossessive(t):
			if j == i-1 {
				break scan
			}
		case isModifier(low), startsUpper(t):
		default:
			break scan
		}
		start = j
	}
	if !hasRole || start == i {
		return ""
	}
	// The title ends at the name; it must not begin with "of" or a possessive.
	for start < i && (strings.EqualFold(toks[start].Text, "of") || isPossessive(toks[start].Text)) {
		start++
	}
	last := toks[i-1].Text
	if !f.isRoleWord(toks, i-1) && !startsUpper(last) {
		return ""
	}
	return oneLine(text[toks[start].Start:toks[i-1].End])
}

// appositionAfter returns the noun phrase set off by commas after token i when it holds a role
// word near its start: ", a senior fellow at the Carnegie Center," gives "senior fellow at the
// Carnegie Center".
func (f *Finder) appositionAfter(text string, toks []ner.Token, i int, names []tagged) string {
	j := i + 1
	if j >= len(toks) || toks[j].Text != "," {
		return ""
	}
	j++
	if j < len(toks) {
		switch strings.ToLower(toks[j].Text) {
		case "a", "an", "the":
			j++
		}
	}
	if j < len(toks) && (strings.EqualFold(toks[j].Text, "and") || strings.EqualFold(toks[j].Text, "or")) {
		return "" // a list of names, not an apposition
	}
	start := j
	roleAt := -1
	for ; j < len(toks) && j-start < 20; j++ {
		t := toks[j].Text
		if t == "," || t == "." || t == ";" || t == ":" || t == ")" || t == "(" || t == "\"" || t == "“" || t == "”" || t == "—" || t == "--" {
			break
		}
		low := strings.ToLower(t)
		if low == "who" || low == "which" || low == "that" || isSpeechVerb(low) || partOfPerson(names, j) {
			return "" // a clause, or a list of people ("Rubio, CIA Director John Ratcliffe and ...")
		}
		if roleAt < 0 && f.isRoleWord(toks, j) {
			roleAt = j
		}
	}
	if roleAt < 0 || roleAt-start > 5 || j == start || j >= len(toks) || (toks[j].Text != "," && toks[j].Text != ".") {
		return ""
	}
	return oneLine(text[toks[start].Start:toks[j-1].End])
}

func (f *Finder) isRoleWord(toks []ner.Token, j int) bool {
	low := strings.ToLower(toks[j].Text)
	if f.roleWords[low] {
		return true
	}
	// Plural roles and two-word heads ("press secretary") are in the list as written.
	return j > 0 && f.roleWords[strings.ToLower(toks[j-1].Text)+" "+low]
}

func partOfPerson(names []tagged, tok int) bool {
	for _, n := range names {
		if n.Type == ner.PER && n.First <= tok && tok <= n.Last {
			return true
		}
	}
	return false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isModifier reports words that qualify a role without being one: "top diplomat", "former
// minister", "deputy foreign minister".
func isModifier(w string) bool {
	switch w {
	case "top", "senior", "former", "deputy", "acting", "interim", "foreign", "defense", "defence",
		"prime", "vice", "press", "national", "security", "political", "military", "economic",
		"presidential", "then", "current", "longtime", "long-time", "veteran", "leading", "prominent",
		"respected", "outgoing", "incoming", "new", "first", "state", "chief", "special", "general",
		"assistant", "associate", "executive", "managing", "lead", "principal", "permanent",
		"finance", "interior", "justice", "health", "trade", "energy", "education", "opposition",
		"party", "union", "army", "navy", "police", "intelligence", "government", "federal",
		"regional", "local", "international", "european", "foreign-policy", "-":
		return true
	}
	return false
}

// isFunctionWord reports words that cannot be inside a title before a name.
func isFunctionWord(w string) bool {
	switch w {
	case "the", "a", "an", "and", "or", "but", "in", "on", "at", "to", "from", "by", "for", "with",
		"as", "that", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your",
		"when", "while", "after", "before", "since", "if", "because", "than", "then", "also",
		"is", "was", "are", "were", "be", "been", "has", "had", "have", "not", "it", "he", "she",
		"they", "we", "i", "you", "who", "which", "what", "where", "how", "why", "according", "about":
		return true
	}
	return isSpeechVerb(w)
}

func isSpeechVerb(w string) bool {
	switch w {
	case "said", "says", "say", "told", "tells", "added", "wrote", "writes", "asked", "noted",
		"stated", "claimed", "argued", "warned", "insisted", "explained", "announced", "declared":
		return true
	}
	return false
}

func isPossessive(t string) bool {
	return t == "'s" || t == "’s" || t == "'" || t == "’"
}
