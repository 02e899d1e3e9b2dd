package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/text"
)

// person is someone the article names, under the fullest form of their name.
type person struct {
	name    string // fullest form ("Tatiana Stanovaya")
	words   int    // number of words in name
	surname string // last word, lower case, the key later mentions use
	role    string // the first role or title the article gives
	entity  string
	female  int8 // +1 when the article calls them she or her (Ms., Mrs.), -1 for he or his, 0 unknown
}

// people is the article's cast: its persons and where each is mentioned outside quotes.
type people struct {
	list      []person
	bySurname map[string][]int // people who share a last name (Hillary and Bill Clinton) are apart
	mentions  []personMention  // in text order
}

type personMention struct {
	tok    int // first token of the mention
	end    int // token after it
	person int
}

// findPeople builds the cast from an entity recogniser's mentions when given, and otherwise from
// capitalised word runs: a run is a person when a title, courtesy title or role comes before it
// (Chancellor Olaf Scholz, Mr. Roe, analyst Sergei Markov) or when it is two to four words with
// nothing of an organisation or place about it. A later single word that matches a person's last
// name is a mention of them.
func (r *reader) findPeople(mentions []Mention) people {
	p := people{bySurname: make(map[string][]int)}
	if mentions != nil {
		for _, m := range mentions {
			if m.Type != "person" {
				continue
			}
			i, j := r.tokenAt(m.Start), r.tokenAt(m.End)
			if i >= j {
				continue
			}
			k := p.add(m.Name, lastWord(m.Name), m.Entity)
			p.mentions = append(p.mentions, personMention{tok: i, end: j, person: k})
		}
		return p
	}
	type run struct{ a, b, person int }
	var singles []run
	headline := r.titleCase()
	for i := 0; i < len(r.toks); {
		if !r.capWord(i) || headline[r.info[i].sent] {
			i++
			continue
		}
		a, b := r.capRun(i)
		i = b
		nm := r.nameIn(a, b)
		if nm.start >= nm.end {
			continue
		}
		if nm.end-nm.start == 1 && !nm.titled {
			singles = append(singles, run{nm.start, nm.end, -1})
			continue
		}
		if !nm.titled && (nm.org || nm.end-nm.start > 4) {
			continue
		}
		name := r.nameText(nm.start, nm.end)
		k := p.add(name, lastWord(name), "")
		if nm.role.Len() == 0 && a > 0 && r.capWord(a-1) && possessive(r.word(a-1)) {
			nm.role = r.span(a-1, a) // Ukraine’s Volodymyr Zelensky
		}
		if nm.role.Len() == 0 {
			// Oren Kallis, a hydrologist at the University of Orvet, …
			n := np{start: nm.start, end: nm.end, kind: npName, name: nm.start}
			r.apposition(&n, r.sentLo[r.info[nm.start].sent+1])
			nm.role = n.role
		}
		if nm.role.Len() > 0 && p.list[k].role == "" {
			p.list[k].role = r.text(nm.role)
		}
		p.mentions = append(p.mentions, personMention{tok: nm.start, end: nm.end, person: k})
	}
	slices.SortStableFunc(p.mentions, func(a, b personMention) int { return a.tok - b.tok })
	var bare []personMention
	for _, s := range singles {
		if k, ok := p.lookupAt(strings.ToLower(stripPossessive(r.word(s.a))), s.a); ok {
			bare = append(bare, personMention{tok: s.a, end: s.b, person: k})
		}
	}
	p.mentions = append(p.mentions, bare...)
	slices.SortStableFunc(p.mentions, func(a, b personMention) int { return a.tok - b.tok })
	r.readGender(&p)
	return p
}

// add records a person under their last name, keeping the fullest form of the name. Two full
// names with one last name and different first names are two people.
func (p *people) add(name, surname, entity string) int {
	words := strings.Fields(name)
	first := firstName(words)
	for _, k := range p.bySurname[surname] {
		q := &p.list[k]
		if qf := firstName(strings.Fields(q.name)); first != "" && qf != "" && !sameFirst(first, qf) {
			continue
		}
		if len(words) > q.words {
			q.name, q.words = name, len(words)
		}
		return k
	}
	p.list = append(p.list, person{name: name, words: len(words), surname: surname, entity: entity})
	k := len(p.list) - 1
	p.bySurname[surname] = append(p.bySurname[surname], k)
	return k
}

// firstName returns the lower-case first word of a full name, or "" for a bare last name.
func firstName(words []string) string {
	for len(words) > 1 && (isTitle(words[0]) || isHonorific(words[0])) {
		words = words[1:]
	}
	if len(words) < 2 {
		return ""
	}
	return strings.ToLower(strings.TrimSuffix(words[0], "."))
}

// sameFirst compares first names, letting an initial stand for a name (J. and John).
func sameFirst(a, b string) bool {
	if a == b {
		return true
	}
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	return ra == rb && (utf8.RuneCountInString(a) == 1 || utf8.RuneCountInString(b) == 1)
}

// lookup finds a person by last name, allowing one letter's difference in long names, the way
// transliterations vary (Zelensky, Zelenskyy). Among people who share the name it takes the
// first named.
func (p *people) lookup(surname string) (int, bool) {
	ks := p.candidates(surname)
	if len(ks) == 0 {
		return 0, false
	}
	return ks[0], true
}

// lookupAt is lookup for a mention at token tok: among people who share the last name, the one
// named last before it.
func (p *people) lookupAt(surname string, tok int) (int, bool) {
	ks := p.candidates(surname)
	if len(ks) <= 1 {
		return p.lookup(surname)
	}
	best, at := ks[0], -1
	for _, m := range p.mentions {
		if m.tok >= tok {
			break
		}
		if slices.Contains(ks, m.person) && m.tok > at {
			best, at = m.person, m.tok
		}
	}
	return best, true
}

func (p *people) candidates(surname string) []int {
	if ks, ok := p.bySurname[surname]; ok {
		return ks
	}
	if utf8.RuneCountInString(surname) < 6 {
		return nil
	}
	for k, q := range p.list {
		// variants share their start and differ by a letter or two: check those cheaply first
		if d := len(q.surname) - len(surname); d > 4 || d < -4 || len(q.surname) < 3 || q.surname[:3] != surname[:3] {
			continue
		}
		if editDistance1(q.surname, surname) {
			return []int{k}
		}
	}
	return nil
}

// editDistance1 reports whether a and b differ by at most one inserted, deleted or changed rune.
func editDistance1(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if len(ra)-len(rb) > 1 {
		return false
	}
	i := 0
	for i < len(rb) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		return string(ra[i+1:]) == string(rb[min(i+1, len(rb)):])
	}
	return string(ra[i+1:]) == string(rb[i:])
}

// capRun returns the run of capitalised words (with name particles and initials inside) that
// starts at token i.
func (r *reader) capRun(i int) (a, b int) {
	a, b = i, i+1
	for b < len(r.toks) && r.toks[b].Start-r.toks[b-1].End <= 1 && !strings.Contains(r.s[r.toks[b-1].End:r.toks[b].Start], "\n") {
		if possessive(r.word(b - 1)) {
			break
		}
		if r.capWord(b) {
			b++
			continue
		}
		if b+1 < len(r.toks) && nameParticle(r.info[b].lower) && r.capWord(b+1) && r.toks[b].Kind == text.Word {
			b += 2
			continue
		}
		break
	}
	return a, b
}

// nameParticle reports whether w may join the words of a name (Ludwig van Beethoven, Secretary
// of State, Bashar al Assad).
func nameParticle(w string) bool {
	switch w {
	case "of", "de", "del", "della", "di", "da", "dos", "du", "van", "von", "der", "den", "ten",
		"ter", "bin", "ibn", "al", "el", "la", "le", "y":
		return true
	}
	return false
}

// nameParts is a capitalised run read as role and name: "German Chancellor" and "Olaf Scholz".
type nameParts struct {
	start, end int          // tokens of the name
	role       dossier.Span // the titles before it
	titled     bool         // a title, courtesy title or role word comes before the name
	org        bool         // the name looks like an organisation or place
}

// nameIn reads the capitalised run [a, b).
func (r *reader) nameIn(a, b int) nameParts {
	// Words that start a sentence or are time words are not part of a name.
	for a < b && (leadingNonName(r.info[a].lower) || isMonth(r.info[a].lower)) && !isTitle(r.word(a)) {
		a++
	}
	if a >= b {
		return nameParts{start: a, end: a}
	}
	n := nameParts{start: a, end: b}
	last := -1
	for i := a; i < b; i++ {
		if isTitle(r.word(i)) {
			last = i
		}
	}
	if last >= 0 {
		n.titled = true
		n.start = last + 1
		if n.start < b && r.info[n.start].lower == "of" {
			// Secretary of Defense Pete Hegseth: the name is the last two words.
			n.start = max(n.start+1, b-2)
			if b-3 > last+1 && isInitial(r.word(b-2)) {
				n.start = b - 3
			}
		}
		role := a
		for role < n.start && isHonorific(r.word(role)) {
			role++
		}
		if role < n.start {
			n.role = r.span(role, n.start)
		}
		if n.start == n.end {
			n.start, n.end = a, a
			return n
		}
	}
	if last < 0 {
		// David French of the National Retail Federation: the name is before "of"
		for i := n.start + 2; i < n.end-1; i++ {
			if r.info[i].lower == "of" && !orgWord(r.info[i-1].lower) && !orgWord(r.info[n.start].lower) {
				n.role = r.span(i, n.end)
				n.end = i
				n.titled = true
				break
			}
		}
	}
	if last < 0 && n.end-n.start >= 4 {
		// a long run without a known title ends with the name: "Velmar Harbour Chief Mara Ode"
		k := n.end - 2
		if isInitial(r.word(k)) || nameParticle(r.info[k].lower) {
			k--
		}
		n.role = r.span(n.start, k)
		n.start = k
		n.titled = true
	}
	// President Volodymyr Zelensky of Ukraine: the name stops before "of"
	for i := n.start + 2; i < n.end-1; i++ {
		if r.info[i].lower == "of" && !orgWord(r.info[i-1].lower) {
			n.end = i
			break
		}
	}
	if a > 0 && r.info[a-1].part == 0 {
		switch lw := r.info[a-1].lower; {
		case classOf(lw) == personNoun:
			n.titled = true
		case lw == "the" && last < 0:
			n.org = true
		}
	}
	for i := n.start; i < n.end; i++ {
		w := stripPossessive(r.word(i))
		if isAcronym(w) || orgWord(strings.ToLower(w)) {
			n.org = true
		}
	}
	return n
}

// nameText returns the name in tokens [a, b) without a possessive ending.
func (r *reader) nameText(a, b int) string {
	return stripPossessive(r.s[r.toks[a].Start:r.toks[b-1].End])
}

func stripPossessive(w string) string {
	for _, suf := range []string{"’s", "'s", "’", "'"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// lastWord returns the key a name is known by: its last word in lower case, leaving out a
// generational suffix (Harry B. Harris Jr. is "harris").
func lastWord(name string) string {
	fields := strings.Fields(name)
	for len(fields) > 1 && isSuffix(strings.TrimSuffix(strings.TrimSuffix(fields[len(fields)-1], ","), ".")) {
		fields = fields[:len(fields)-1]
	}
	if len(fields) == 0 {
		return ""
	}
	return strings.ToLower(stripPossessive(fields[len(fields)-1]))
}

func isSuffix(w string) bool {
	switch w {
	case "Jr", "Sr", "II", "III", "IV", "Jr.", "Sr.":
		return true
	}
	return false
}

func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && (w[n:] == "." || w[n:] == "")
}

func isAcronym(w string) bool {
	letters := 0
	for _, c := range w {
		if unicode.IsLower(c) {
			return false
		}
		if unicode.IsLetter(c) {
			letters++
		}
	}
	return letters >= 2
}

func isMonth(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december":
		return true
	}
	return false
}

// orgWord reports whether a lower-case word marks a capitalised run as an organisation or place.
func orgWord(w string) bool {
	switch classOf(w) {
	case groupNoun, documentNoun:
		return true
	}
	switch w {
	case "house", "street", "inc", "inc.", "corp", "corp.", "co.", "ltd", "university", "school",
		"college", "times", "post", "news", "journal", "agency", "institute", "council", "party",
		"union", "bank", "league", "club", "airlines", "force", "forces", "guard", "navy", "church",
		"hospital", "museum", "federation", "republic", "kingdom", "states", "nations", "sea",
		"ocean", "river", "mountains", "island", "islands", "city", "county", "province", "region",
		"strait", "gulf", "bay", "valley", "airport", "square", "avenue", "road", "bridge", "hall",
		"tower", "towers", "building", "plaza", "park", "stadium", "arena", "airways", "motors",
		"hill", "mount", "lake", "beach", "coast", "heights", "watch", "fire", "convention",
		"conference", "festival", "games", "olympics", "cup", "prize", "awards", "series",
		"association", "society", "ministry", "department", "office", "commission", "committee",
		"court", "senate", "congress", "parliament", "assembly", "centre", "center", "foundation",
		"group", "network", "fund", "corporation", "company", "international", "global", "daily",
		"herald", "tribune", "gazette", "telegraph", "guardian", "observer", "review", "magazine",
		"radio", "television", "tv", "broadcasting", "channel", "press", "party's", "summit",
		"war", "day", "act", "plan", "treaty", "accord", "accords", "agreement", "doctrine":
		return true
	}
	return false
}

// readGender notes, for each person, whether the text refers to them as she or he: a courtesy
// title before a mention (Mr., Ms.), or the pronouns of the sentences that name them and nobody
// else, counted over the article.
func (r *reader) readGender(p *people) {
	votes := make([]int, len(p.list))
	mi := 0
	for si := range r.sents {
		lo, hi := r.sentLo[si], r.sentLo[si+1]
		who := -1
		alone := true
		for ; mi < len(p.mentions) && p.mentions[mi].tok < hi; mi++ {
			m := p.mentions[mi]
			if m.tok < lo {
				continue
			}
			if m.tok > 0 {
				switch strings.TrimSuffix(r.word(m.tok-1), ".") {
				case "Mrs", "Ms", "Miss":
					votes[m.person] += 10
				case "Mr":
					votes[m.person] -= 10
				}
			}
			if who >= 0 && who != m.person {
				alone = false
			}
			who = m.person
		}
		if who < 0 || !alone {
			continue
		}
		she, he := 0, 0
		for i := lo; i < hi; i++ {
			if r.info[i].part != 0 {
				continue
			}
			switch r.info[i].lower {
			case "she", "her", "herself", "hers":
				she++
			case "he", "his", "him", "himself":
				he++
			}
		}
		switch {
		case she > 0 && he == 0:
			votes[who]++
		case he > 0 && she == 0:
			votes[who]--
		}
	}
	for k, v := range votes {
		switch {
		case v > 0:
			p.list[k].female = 1
		case v < 0:
			p.list[k].female = -1
		}
	}
}

// leadingNonName reports whether a capitalised word at the front of a run is no part of a name:
// a word that opens the sentence (The, But, In) or a day.
func leadingNonName(w string) bool {
	switch classOf(w) {
	case determiner, pronoun, function, timeWord:
		return true
	}
	return false
}

// mention records that token i (a resolved pronoun) refers to person k, so that a pronoun in a
// later sentence can take it up.
func (p *people) mention(i, k int) {
	at, _ := slices.BinarySearchFunc(p.mentions, i, func(m personMention, t int) int { return m.tok - t })
	p.mentions = slices.Insert(p.mentions, at, personMention{tok: i, end: i + 1, person: k})
}

// titleCase marks the sentences written in title case, as headlines are ("Republican Donor
// Backs Trump"): their capitals say nothing about names.
func (r *reader) titleCase() []bool {
	out := make([]bool, len(r.sents))
	for si := range r.sents {
		words, caps := 0, 0
		for i := r.sentLo[si]; i < r.sentLo[si+1]; i++ {
			if r.toks[i].Kind != text.Word || r.info[i].part != 0 {
				continue
			}
			words++
			if r.info[i].cap {
				caps++
			}
		}
		out[si] = words >= 4 && caps*10 >= words*7
	}
	return out
}
