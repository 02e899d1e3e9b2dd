package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Headline thresholds: a headline has a few words; a deck (a subheading on its own line) is a
// sentence without a full stop; each half of a glued headline is several words long.
const (
	headlineMinWords = 4
	deckMinWords     = 6
	deckMaxWords     = 40
	gluedMinWords    = 3
)

// findHeadline takes the headline off the top of the article into res. With a title from the
// caller, the first block is the headline only when it equals that title, or starts with it and
// goes on with a subheading. Without one, a first block shaped like a headline is taken, split
// from a subheading glued to it. A deck on its own line after the headline becomes the Subtitle.
func findHeadline(ps []para, title string, res *Result) {
	first := -1
	for i := range ps {
		if ps[i].role != roleRemoved {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	p := &ps[first]
	switch {
	case title != "":
		n, ok := matchTitle(p.text, title)
		if !ok {
			// The title may be glued to a subheading: "…dam talksVelmar says …".
			cut := gluedCut(ps, first)
			if cut < 0 {
				return
			}
			if n, ok = matchTitle(p.text[:cut], title); !ok || n != cut {
				return
			}
		}
		if rest := cutSeparator(p.text[n:]); rest != "" {
			if !deckShape(rest, wordCount(rest)) {
				return
			}
			res.Subtitle = rest
		}
		res.Title = trimSpace(p.text[:n])
	default:
		if t, s, ok := splitGluedToken(ps, first); ok {
			res.Title, res.Subtitle = t, s
			break
		}
		if !headlineLike(ps, first) {
			return
		}
		res.Title = p.text
		if t, s, ok := splitGlued(p.text, ps[first+1:]); ok {
			res.Title, res.Subtitle = t, s
		}
	}
	p.role = roleHeadline
	if res.Subtitle != "" {
		return
	}
	// A byline or date line may stand between the headline and its deck.
	j := first + 1
	for j < len(ps) && ps[j].furniture {
		j++
	}
	if j < len(ps) && ps[j].role == roleBody && !ps[j].heading &&
		deckShape(ps[j].text, ps[j].words) && startsUpper(ps[j].text) && followedByBody(ps, j) {
		ps[j].role = roleHeadline
		res.Subtitle = ps[j].text
	}
}

// cutSeparator drops the space and a separator word (" - ", " | ", " — ") that may stand between
// a title and the subheading that follows it on the same line.
func cutSeparator(s string) string {
	s = strings.TrimLeft(s, " ")
	word := firstWord(s)
	if word != "" && strings.Trim(word, ":|-–—·") == "" {
		s = strings.TrimLeft(s[len(word):], " ")
	}
	return s
}

// headlineLike reports a first block that reads as a headline and has body text after it.
func headlineLike(ps []para, i int) bool {
	p := &ps[i]
	if !titleLike(p) || strings.ContainsRune(p.raw, '\n') {
		return false
	}
	if p.words < headlineMinWords && !p.heading && !shortHeadline(ps, i) {
		return false
	}
	// An opening question or exclamation is more often the lede than a headline; and a headline
	// is one sentence.
	if !p.heading && (endsSentence(p.text) || hasSentenceBreak(p.text)) {
		return false
	}
	for j := i + 1; j < len(ps); j++ {
		if bodyLike(&ps[j]) {
			return true
		}
	}
	return false
}

// shortHeadline reports a first line of two or three words that is a headline ("Harbour talks
// resume") rather than the section label a report opens with ("Executive Summary", "What
// happens next"): it is made of words a label is not, it is not an outlet's name, and body text
// follows it at once. A label has the same place and shape, so only its words tell it apart.
func shortHeadline(ps []para, i int) bool {
	p := &ps[i]
	if p.words < shortHeadlineMinWords || sectionLabel(p.text) || outletNoun(p.text) {
		return false
	}
	for j := i + 1; j < len(ps); j++ {
		if ps[j].role != roleRemoved {
			return bodyLike(&ps[j])
		}
	}
	return false
}

// shortHeadlineMinWords is the shortest headline: one word at the top is a label or a kicker.
const shortHeadlineMinWords = 2

// sectionLabel reports a line made only of the words report and article sections are named
// with: "Executive Summary", "Key points", "What to watch", "The bottom line".
func sectionLabel(s string) bool {
	for w := range strings.FieldsSeq(s) {
		w = strings.ToLower(strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
		if !sectionWord(w) {
			return false
		}
	}
	return true
}

func sectionWord(w string) bool {
	switch w {
	case "", "a", "an", "the", "and", "of", "in", "at", "to", "for", "on", "by", "so", "it", "is",
		"we", "our", "this", "what", "why", "how", "where", "who", "now", "next", "far", "more",
		"summary", "executive", "key", "points", "point", "facts", "fact", "findings", "finding",
		"introduction", "intro", "overview", "background", "analysis", "conclusion", "conclusions",
		"abstract", "context", "highlights", "brief", "briefly", "glance", "know", "known", "happens",
		"happened", "watch", "details", "detail", "timeline", "chronology", "methodology", "method",
		"recommendations", "discussion", "results", "notes", "note", "sources", "references",
		"takeaways", "takeaway", "bottom", "line", "matters", "matter", "big", "picture", "numbers",
		"latest", "updates", "update", "questions", "answers", "faq", "further", "reading", "about",
		"author", "authors", "editor's", "editors", "view", "views", "opinion", "reaction",
		"reactions", "outlook", "risks", "scenarios", "implications", "assessment", "comment",
		"commentary", "explainer", "explained", "works", "related", "main", "top", "lines", "recap",
		"quick", "read", "verdict", "review", "look", "ahead", "forward", "looking",
		"steps", "things", "story", "today", "live", "essentials", "essential", "bullet", "appendix",
		"glossary", "contents", "table", "acknowledgements", "acknowledgments", "disclaimer",
		"correction", "corrections", "clarification", "postscript", "epilogue", "prologue", "preface",
		"foreword", "afterword", "evidence", "data", "figures", "charts", "chart", "map", "maps":
		return true
	}
	return false
}

// hasSentenceBreak reports a full stop inside s that ends a sentence: after a lower-case word of
// more than three letters (not "Dr." or "U.S.") and before a capital.
func hasSentenceBreak(s string) bool {
	for i := strings.Index(s, ". "); i >= 0; {
		word := s[:i]
		if k := strings.LastIndexByte(word, ' '); k >= 0 {
			word = word[k+1:]
		}
		last, _ := utf8.DecodeLastRuneInString(word)
		if utf8.RuneCountInString(word) > 3 && unicode.IsLower(last) && startsUpper(s[i+2:]) {
			return true
		}
		next := strings.Index(s[i+2:], ". ")
		if next < 0 {
			break
		}
		i += 2 + next
	}
	return false
}

// deckShape reports a subheading: several words, not ending like a sentence or a lead-in.
func deckShape(s string, words int) bool {
	if words < deckMinWords || words > deckMaxWords {
		return false
	}
	switch endPunct(s) {
	case '.', ',', ';', ':', '…':
		return false
	}
	return true
}

// matchTitle reports whether text starts with title, compared loosely (case, quote-mark and dash
// variants, trailing punctuation, an outlet suffix such as " | Example News"), and returns the
// length in bytes of text's matching part.
func matchTitle(text, title string) (int, bool) {
	title = strings.TrimRight(title, ".!? ")
	if n, ok := foldPrefix(text, title); ok {
		return n, true
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if i := strings.LastIndex(title, sep); i > 0 {
			if n, ok := foldPrefix(text, title[:i]); ok {
				return n, true
			}
		}
	}
	return 0, false
}

// foldPrefix matches prefix against the start of text rune by rune, folded; the match must end
// at a word boundary of text. Punctuation that text has right after the match belongs to it.
func foldPrefix(text, prefix string) (int, bool) {
	if prefix == "" {
		return 0, false
	}
	i := 0
	for j := 0; j < len(prefix); {
		if i >= len(text) {
			return 0, false
		}
		a, as := utf8.DecodeRuneInString(text[i:])
		b, bs := utf8.DecodeRuneInString(prefix[j:])
		if foldRune(a) != foldRune(b) {
			return 0, false
		}
		i, j = i+as, j+bs
	}
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if i > 0 && !isSpace(rune(text[i-1])) {
				return 0, false
			}
			break
		}
		if r == ' ' {
			break
		}
		i += size
	}
	return i, true
}

func foldRune(r rune) rune {
	switch r {
	case '’', '‘', '‛', '′', '`', '´':
		return '\''
	case '“', '”', '„', '‟', '«', '»':
		return '"'
	case '–', '—', '‒', '―', '‐', '‑':
		return '-'
	}
	return unicode.ToLower(r)
}

// splitGlued splits a headline that runs into its subheading on one line: "Villagers cheer as
// the new bridge opens Engineers warn of costs ahead". The cut is before a capitalised word that
// follows a lower-case word, where the capitalised word is a common word rather than a name: it
// occurs in lower case in the body (or its stem does), or it is a common English word. Both
// halves must be several words long and written in sentence case, so a headline in title case
// ("Council to Vote on a New Harbour Plan") is never cut.
func splitGlued(text string, body []para) (string, string, bool) {
	if endsSentence(text) {
		return "", "", false
	}
	var starts []int // byte offset of each word; text has single spaces
	for i := 0; i < len(text); i++ {
		if i == 0 || text[i-1] == ' ' {
			starts = append(starts, i)
		}
	}
	word := func(k int) string {
		end := len(text)
		if k+1 < len(starts) {
			end = starts[k+1] - 1
		}
		return text[starts[k]:end]
	}
	for k := gluedMinWords; k <= len(starts)-gluedMinWords; k++ {
		if !lowerWord(word(k-1)) || !capitalized(word(k)) {
			continue
		}
		if !hasLowerContent(text[:starts[k]-1]) || !hasLowerContent(text[starts[k]:]) {
			continue
		}
		w := strings.ToLower(strings.TrimRightFunc(word(k), func(r rune) bool { return !unicode.IsLetter(r) }))
		if !commonWord(w) && !occursLower(body, w) && !onlyOpensSentences(body, word(k)) {
			continue
		}
		return text[:starts[k]-1], text[starts[k]:], true
	}
	return "", "", false
}

// splitGluedToken splits a first line whose headline and subheading were glued without any
// space, as copying a page's <h1> and <h2> together leaves them: "Rival readouts cloud dam
// talksVelmar says quotas were agreed". The cut is where gluedCut finds two words in one token.
// The line is read as headlineLike reads a headline, but each half on its own: a headline of
// several words, a subheading of several words that does not end like a sentence, and body text
// after them.
func splitGluedToken(ps []para, i int) (string, string, bool) {
	p := &ps[i]
	if strings.ContainsRune(p.raw, '\n') {
		return "", "", false
	}
	cut := gluedCut(ps, i)
	if cut < 0 {
		return "", "", false
	}
	title, sub := p.text[:cut], p.text[cut:]
	head := para{text: title, words: wordCount(title)}
	if head.words < gluedMinWords || !titleLike(&head) || hasSentenceBreak(title) {
		return "", "", false
	}
	if n := wordCount(sub); n < gluedMinWords || n > deckMaxWords {
		return "", "", false
	}
	switch endPunct(sub) {
	case '.', ',', ';', ':', '…':
		return "", "", false
	}
	for j := i + 1; j < len(ps); j++ {
		if bodyLike(&ps[j]) {
			return title, sub, true
		}
	}
	return "", "", false
}

// gluedCut returns the byte offset in ps[i]'s text of the first place where a word in lower
// case runs into a capitalised one inside a token ("talksVelmar"), or -1. A name or a brand in
// camel case is not such a place (see gluedWords).
func gluedCut(ps []para, i int) int {
	text := ps[i].text
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], ' ')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		tok := text[start:end]
		var prev rune
		for k, r := range tok {
			if unicode.IsLower(prev) && unicode.IsUpper(r) && gluedWords(tok[:k], tok[k:], ps, i) {
				return start + k
			}
			prev = r
		}
		start = end + 1
	}
	return -1
}

// gluedWords reports whether a token cut between left, which ends in a lower-case letter, and
// right, which starts with an upper-case one, is two words glued together rather than one word
// written in camel case. Camel case has shapes of its own: a short lower-case head ("iPhone",
// "eBay"), a name's prefix ("McDonald", "DeSantis", "MacArthur", "VanDyke"), an acronym or a
// short tail after the cut ("macOS", "LinkedIn", "FedEx"), more capitals inside ("GlaxoSmithKline").
// A hashtag, a handle or an address is never cut. A brand made of two capitalised words ("PlayStation", "YouTube") has the very shape of a
// title-case headline's last word glued to a subheading's first, so that is cut only when both
// words are long, the token appears nowhere else in the article, and the second word does, on its
// own, or is a word that opens subheadings.
func gluedWords(left, right string, ps []para, self int) bool {
	head := strings.TrimRightFunc(left, unicode.IsLetter)
	l := left[len(head):]
	r := right[:len(right)-len(strings.TrimLeftFunc(right, unicode.IsLetter))]
	ln, rn := utf8.RuneCountInString(l), utf8.RuneCountInString(r)
	if ln < 3 || rn < 3 || nameParticle(strings.ToLower(l)) || namePrefix(strings.ToLower(l)) {
		return false
	}
	// Only an opening quote or bracket may stand before the first word: "#NeverTrump",
	// "news.example/LiveBlog" and "al-Talks" are not glued words.
	if strings.Trim(head, "\"'“‘«([") != "" {
		return false
	}
	first, size := utf8.DecodeRuneInString(l)
	if !allLower(l[size:]) {
		return false
	}
	if _, size := utf8.DecodeRuneInString(r); !allLower(r[size:]) {
		return false
	}
	if !unicode.IsUpper(first) {
		return true
	}
	if ln < 4 || rn < 4 {
		return false
	}
	seen := commonWord(strings.ToLower(r))
	for j := range ps {
		if j == self || ps[j].role == roleRemoved {
			continue
		}
		if strings.Contains(ps[j].text, l+r) {
			return false
		}
		seen = seen || containsWord(ps[j].text, r)
	}
	return seen
}

// namePrefix reports the heads of names written in camel case that nameParticle does not list.
func namePrefix(w string) bool {
	switch w {
	case "mac", "fitz":
		return true
	}
	return false
}

func allLower(s string) bool {
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// lowerWord reports a word in lower case that ends in a letter or digit: a comma or a colon
// before the next word would mark a deliberate break, not a glued line.
func lowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	last, _ := utf8.DecodeLastRuneInString(w)
	return unicode.IsLower(r) && (unicode.IsLetter(last) || unicode.IsDigit(last))
}

// capitalized reports a word like "Experts" or "Putin-Trump": upper case then lower case, not an
// acronym ("NATO") or a mixed-case name ("McDonald").
func capitalized(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	second, _ := utf8.DecodeRuneInString(w[size:])
	if !unicode.IsLower(second) {
		return false
	}
	for _, r := range w[size:] {
		if r == '-' || r == '\'' || r == '’' {
			break
		}
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// titleSmallWords stay in lower case in a title-case headline.
func titleSmallWord(w string) bool {
	switch w {
	case "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in",
		"of", "off", "on", "per", "to", "up", "via", "vs", "vs.", "with", "from", "into", "over",
		"than", "upon", "amid", "onto", "is", "be":
		return true
	}
	return false
}

// hasLowerContent reports a lower-case word that title case would have capitalised: the mark of
// a headline in sentence case.
func hasLowerContent(s string) bool {
	for w := range strings.SplitSeq(s, " ") {
		w = strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !titleSmallWord(w) {
			return true
		}
	}
	return false
}

// occursLower reports whether word, or its stem, occurs in lower case at the start of a word in
// the body, which makes it a common word of the text rather than a name.
func occursLower(body []para, word string) bool {
	stem := word
	for _, suffix := range []string{"ing", "ed", "es", "s"} {
		if s, ok := strings.CutSuffix(word, suffix); ok && len(s) >= 4 {
			stem = s
			break
		}
	}
	for i := range body {
		if body[i].role == roleRemoved {
			continue
		}
		t := body[i].text
		for off := 0; ; {
			k := strings.Index(t[off:], stem)
			if k < 0 {
				break
			}
			k += off
			before, _ := utf8.DecodeLastRuneInString(t[:k])
			after, _ := utf8.DecodeRuneInString(t[k+len(stem):])
			if (k == 0 || !unicode.IsLetter(before)) && (len(stem) >= 4 || !unicode.IsLetter(after)) {
				return true
			}
			off = k + len(stem)
		}
	}
	return false
}

// onlyOpensSentences reports whether a capitalised word occurs in the body and only where a
// sentence starts ("Insurers said …"): a name turns up in mid-sentence too ("said Brandt").
func onlyOpensSentences(body []para, word string) bool {
	word = strings.TrimRightFunc(word, func(r rune) bool { return !unicode.IsLetter(r) })
	found := false
	for i := range body {
		if body[i].role == roleRemoved {
			continue
		}
		t := body[i].text
		for off := 0; ; {
			k := strings.Index(t[off:], word)
			if k < 0 {
				break
			}
			k += off
			off = k + len(word)
			before, _ := utf8.DecodeLastRuneInString(t[:k])
			if k > 0 && (unicode.IsLetter(before) || unicode.IsDigit(before)) {
				continue // inside another word
			}
			if !opensSentence(t[:k]) {
				return false
			}
			found = true
		}
	}
	return found
}

// opensSentence reports whether a word right after prefix starts a sentence.
func opensSentence(prefix string) bool {
	prefix = strings.TrimRight(prefix, " \"'“‘«(")
	return prefix == "" || endsSentence(prefix)
}

// commonWord lists words that open a subheading and are not names, for a body too short to
// show them in lower case.
func commonWord(w string) bool {
	switch w {
	case "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
		"you", "his", "her", "their", "our", "there", "here", "some", "many", "most", "more", "few",
		"all", "both", "each", "every", "no", "not", "now", "new", "after", "before", "as", "but",
		"and", "or", "if", "when", "while", "where", "why", "how", "what", "who", "which", "with",
		"without", "despite", "amid", "experts", "expert", "officials", "critics", "residents",
		"analysts", "leaders", "people", "police", "authorities", "government", "ministers",
		"lawmakers", "voters", "scientists", "researchers", "doctors", "workers", "families",
		"engineers", "economists", "investors", "diplomats", "observers", "locals", "parents",
		"students", "teachers", "farmers", "activists", "campaigners", "opponents", "supporters",
		"one", "two", "three", "several", "report", "study", "data", "plans", "talks", "deal",
		"move", "decision", "fears", "hopes", "questions", "concerns", "warnings",
		"prices", "costs", "sales", "shares", "markets", "troops", "forces", "villagers", "citizens",
		"officers", "patients", "children", "women", "men", "others", "someone", "nobody", "everyone":
		return true
	}
	return false
}
