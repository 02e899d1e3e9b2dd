package clean

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Furniture is what a page prints around an article's headline about the article rather than
// in it: the byline, the date line, the outlet's masthead, a section name. Web text pasted as
// plain text keeps these lines; they are read into Result.Byline and Result.Published and taken
// out of Text (kept verbatim in Removed).
//
// Only the top of the article is read: the kept blocks before its first body paragraph, at most
// furnitureTop of them, and a labelled date line at the very end ("Published 2 May 2031"). A
// body sentence that holds a date is never touched, and a text without a body paragraph has no
// furniture at all.
const (
	furnitureTop   = 8
	furnitureWords = 30
	furnitureBytes = 300
	furnitureTail  = 2 // labelled date lines at the end
)

// furnitureLine is what one furniture block says.
type furnitureLine struct {
	bylines   []string
	date      dateLine
	hasDate   bool
	onlyDates bool // the block is a date line and nothing else
	notes     bool // an age or a reading time without a date: "Updated 3 hours ago", "4 min read"
}

func (f *furnitureLine) addDate(d dateLine) {
	f.hasDate = true
	f.date.labelled = f.date.labelled || d.labelled
	if f.date.published.IsZero() {
		f.date.published = d.published
	}
	if f.date.updated.IsZero() {
		f.date.updated = d.updated
	}
}

// candidate is a block at the top of the article, read as furniture or not.
type candidate struct {
	i    int // index in ps
	f    furnitureLine
	ok   bool // a byline or date line
	mast bool // a masthead or section name beside them
}

// markFurniture finds the furniture at the top and the end of the article, removes it and
// records its byline and date in res. title is the caller's title, normalised ("" if none).
func markFurniture(ps []para, title string, res *Result) {
	var top []candidate
	body := -1
	for i := range ps {
		if ps[i].role == roleRemoved {
			continue
		}
		f, ok := readFurniture(&ps[i])
		if !ok && bodyLike(&ps[i]) {
			body = i
			break
		}
		if len(top) == furnitureTop {
			break
		}
		top = append(top, candidate{i: i, f: f, ok: ok})
	}
	if body < 0 {
		return
	}
	// The first line is more often the headline than anything else: unless the caller's title
	// says otherwise, it is furniture only when it carries a date, and then only as a date line
	// or a byline with its date. "By Land and Sea" stays a headline.
	if len(top) > 0 && top[0].ok && !top[0].f.onlyDates && (len(top[0].f.bylines) == 0 || !top[0].f.hasDate) {
		if _, same := matchTitle(ps[top[0].i].text, title); title == "" || same {
			top[0].ok = false
		}
	}
	var bylines []string
	for _, c := range top {
		if c.ok {
			bylines = append(bylines, c.f.bylines...)
		}
	}
	for t := range top {
		top[t].mast = !top[t].ok && mastheadAt(ps, top, t, bylines)
	}
	var stamps []dateLine
	bylines = bylines[:0]
	for _, c := range top {
		if c.ok || c.mast {
			ps[c.i].role, ps[c.i].furniture = roleRemoved, true
		}
		switch {
		case c.ok:
			bylines = append(bylines, c.f.bylines...)
			if c.f.hasDate {
				stamps = append(stamps, c.f.date)
			}
		case c.mast && authorInPlace(ps[c.i].text):
			// Between the headline and the byline or date, "Jane Roe in Kyiv" is the author.
			bylines = append(bylines, ps[c.i].text)
		}
	}
	// The tail: a labelled date line or two after the last paragraph.
	for i, n := len(ps)-1, 0; i > body && n < furnitureTail; i-- {
		if ps[i].role == roleRemoved {
			continue
		}
		f, ok := readFurniture(&ps[i])
		if !ok || !f.onlyDates || !f.date.labelled {
			break
		}
		ps[i].role, ps[i].furniture = roleRemoved, true
		stamps = append(stamps, f.date)
		n++
	}
	res.Byline = strings.Join(bylines, "; ")
	res.Published = publishedOf(stamps)
}

// mastheadAt reports an outlet's masthead (or a section name) at top[t]. It is found only
// beside a byline or date line, and never where the headline could be: a wrong guess would eat
// the headline, a masthead left in costs a line of text.
func mastheadAt(ps []para, top []candidate, t int, bylines []string) bool {
	p := &ps[top[t].i]
	if !mastheadShape(p) && (strings.ContainsRune(p.raw, '\n') || !authorInPlace(p.text)) {
		return false
	}
	nextFurniture := t+1 < len(top) && top[t+1].ok
	switch {
	case t == 0 && nextFurniture:
		// "RiverWatch" over "By Teodor Malk, RiverWatch": no headline between, so only a name the
		// article repeats is taken for the outlet's.
		return repeatsAsName(ps, top[t].i, p.text, bylines)
	case t == 0:
		// The masthead over the headline (and maybe its deck), over a byline or date line.
		later := false
		for _, n := range top[min(2, len(top)):] {
			later = later || n.ok
		}
		if !later || top[1].ok {
			return false
		}
		h := &ps[top[1].i]
		return titleLike(h) && h.words >= headlineMinWords && h.words > p.words && titleCase(p.text) &&
			(outletNoun(p.text) || repeatsAsName(ps, top[t].i, p.text, bylines))
	case nextFurniture:
		// Between the headline and the byline: only a masthead or a section name sits there.
		for _, h := range top[:t] {
			hp := &ps[h.i]
			if !h.ok && !h.mast && titleLike(hp) && hp.words >= headlineMinWords && hp.words > p.words {
				return true
			}
		}
	}
	return false
}

// publishedOf picks the publication date: the first date given as published (or given bare),
// else the first update.
func publishedOf(stamps []dateLine) time.Time {
	for _, d := range stamps {
		if !d.published.IsZero() {
			return d.published
		}
	}
	for _, d := range stamps {
		if !d.updated.IsZero() {
			return d.updated
		}
	}
	return time.Time{}
}

// readFurniture reads a block as furniture. Each of its lines is cut into segments at
// separators (" | ", " · ", " — ") and every segment must be a date, a byline ("By Jane Roe"),
// an author with a role ("Jane Roe, Staff writer"), or a short name (the outlet, a section) on a
// line that also holds a byline or a date: "Sarn Valley Dispatch | Local news | Friday 25 April
// 2031 | By Lisbet Orm".
func readFurniture(p *para) (furnitureLine, bool) {
	if p.words > furnitureWords || len(p.raw) > furnitureBytes {
		return furnitureLine{}, false
	}
	f := furnitureLine{onlyDates: true}
	if !strings.ContainsRune(p.raw, '\n') {
		if !readFurnitureLine(p.text, &f) {
			return furnitureLine{}, false
		}
		return f, f.hasDate || len(f.bylines) > 0 || f.notes
	}
	for line := range strings.SplitSeq(p.raw, "\n") {
		line = normalize(line)
		if line == "" {
			continue
		}
		if !readFurnitureLine(line, &f) {
			return furnitureLine{}, false
		}
	}
	return f, f.hasDate || len(f.bylines) > 0 || f.notes
}

// readFurnitureLine reads one line into f and reports whether all of it is furniture.
func readFurnitureLine(line string, f *furnitureLine) bool {
	segs := splitSegments(line)
	// A date may run over separators ("Friday 25 April 2031 | 10:30 BST"): consecutive segments
	// are read together while they still make a date line.
	run, runDate := "", dateLine{}
	names, titled, authored, dated := 0, 0, false, false
	var placed []string // names in a place: "Jane Roe in Kyiv"
	flush := func() {
		if run != "" {
			f.addDate(runDate)
			run, dated = "", true
		}
	}
	for k := 0; k < len(segs); k++ {
		seg := segs[k]
		if run != "" {
			if d, ok := parseDateLine(run + " " + seg); ok {
				run, runDate = run+" "+seg, d
				continue
			}
		}
		if d, ok := parseDateLine(seg); ok {
			flush()
			run, runDate = seg, d
			continue
		}
		flush()
		f.onlyDates = false
		if timeNote(seg) {
			f.notes = true
			continue
		}
		seg, date, withDate := cutTrailingDate(seg)
		by, ok := bylineOf(seg)
		if !ok && !withDate {
			date, by, ok = datedByline(seg)
			withDate = ok
		}
		if !ok {
			by, ok = authorWithRole(seg)
		}
		if !ok && k+1 < len(segs) && personName(seg) && roleShape(segs[k+1]) {
			by, ok = seg+", "+segs[k+1], true
			k++
		}
		switch {
		case ok:
			// The author's role may follow as a segment of its own: "By Jane Roe | Staff writer".
			for k+1 < len(segs) && roleShape(segs[k+1]) {
				k++
				by += ", " + segs[k]
			}
			f.bylines = append(f.bylines, by)
			authored = true
		case authorInPlace(seg):
			names, titled = names+1, titled+1
			placed = append(placed, seg)
		case nameShape(seg):
			names++
			if titleCase(seg) {
				titled++
			}
		default:
			return false
		}
		if withDate {
			f.addDate(date)
			dated = true
		}
	}
	flush()
	// Names are furniture only beside a byline on the same line, or beside a date when they are
	// written as names: "The Orvet Courier · 16 April 2031", not "Talks resume | 2 May 2031".
	if names > 0 && !authored && !(dated && titled == names) {
		return false
	}
	if !authored && dated {
		// "Jane Roe in Kyiv · Tue 2 May 2031": beside a date, a name in a place is the author.
		f.bylines = append(f.bylines, placed...)
	}
	return true
}

// timeNote reports a page's note of an article's age or length, which carries no date:
// "Updated 3 hours ago", "an hour ago", "4 min read", "Reading time: 6 minutes".
func timeNote(seg string) bool {
	if len(seg) > 40 {
		return false
	}
	words := strings.Fields(strings.ToLower(seg))
	reading := false
labels:
	for len(words) > 0 {
		switch strings.TrimRight(words[0], ":") {
		case "reading", "time":
			reading = true
		case "updated", "published", "posted", "last":
		default:
			break labels
		}
		words = words[1:]
	}
	if len(words) == 2 {
		// "4-min read": the unit glued to the number.
		if n, unit, ok := strings.Cut(words[0], "-"); ok {
			words = []string{n, unit, words[1]}
		}
	}
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	if n := words[0]; n != "a" && n != "an" && (n == "" || digits(n) != n) {
		return false
	}
	minutes := false
	switch words[1] {
	case "min", "mins", "minute", "minutes":
		minutes = true
	}
	if len(words) == 2 {
		return reading && minutes
	}
	switch words[2] {
	case "read":
		return minutes
	case "ago":
		switch strings.TrimSuffix(words[1], "s") {
		case "second", "sec", "minute", "min", "hour", "hr", "day", "week", "month", "year":
			return true
		}
	}
	return false
}

// segmentSeparators cut a furniture line into its parts.
var segmentSeparators = []string{" | ", " · ", " • ", " — ", " – ", " - ", " / "}

func splitSegments(line string) []string {
	segs := []string{line}
	for _, sep := range segmentSeparators {
		if !strings.Contains(line, sep) {
			continue
		}
		var out []string
		for _, s := range segs {
			for part := range strings.SplitSeq(s, sep) {
				if part = strings.TrimSpace(part); part != "" {
					out = append(out, part)
				}
			}
		}
		segs = out
	}
	return segs
}

// cutTrailingDate splits "By Jane Roe, 2 May 2031" into the byline and its date.
func cutTrailingDate(seg string) (string, dateLine, bool) {
	for i := strings.Index(seg, ", "); i > 0; {
		if d, ok := parseDateLine(seg[i+2:]); ok {
			return seg[:i], d, true
		}
		next := strings.Index(seg[i+2:], ", ")
		if next < 0 {
			break
		}
		i += 2 + next
	}
	return seg, dateLine{}, false
}

// datedByline reads a blog's "Posted on May 30, 2031 by Jane Roe": a date line, then "by" and
// the authors.
func datedByline(seg string) (dateLine, string, bool) {
	i := strings.LastIndex(seg, " by ")
	if i < 0 {
		i = strings.LastIndex(seg, " By ")
	}
	if i < 0 {
		return dateLine{}, "", false
	}
	d, ok := parseDateLine(seg[:i])
	if !ok {
		return dateLine{}, "", false
	}
	by, ok := bylineOf(seg[i+1:])
	return d, by, ok
}

// bylinePrefixes open a byline; the authors follow.
var bylinePrefixes = []string{"by", "words by", "written by", "story by", "text by", "reported by"}

// bylineOf reads "By Jane Roe and John Doe", "BY JANE ROE", "By Jane Roe, Reuters" or "By
// Casimir Hale, Diplomatic Editor" and returns the part after "By". The authors must be names:
// "By the end of the week" and "By Friday, talks had collapsed." are prose.
func bylineOf(seg string) (string, bool) {
	for _, p := range bylinePrefixes {
		if len(seg) <= len(p) || !strings.EqualFold(seg[:len(p)], p) || (seg[len(p)] != ' ' && seg[len(p)] != ':') {
			continue
		}
		rest := strings.TrimLeft(seg[len(p):], ": ")
		if rest != "" && authorsShape(rest) {
			return rest, true
		}
		return "", false
	}
	return "", false
}

// authorsShape reports a list of authors with their roles or affiliations: "Jane Roe and John
// Doe in Kyiv", "Jane Roe, Reuters", "Jane Roe, staff writer".
func authorsShape(s string) bool {
	if wordCount(s) > 20 || endsLikeSentence(s) {
		return false
	}
	for k, part := range strings.Split(strings.ReplaceAll(s, "; ", ", "), ", ") {
		switch {
		case namesShape(part, k == 0):
		case k > 0 && roleShape(part):
		default:
			return false
		}
	}
	return true
}

// endsLikeSentence reports a full stop, question or exclamation at the end of s, except after
// an initial or an abbreviation ("Jane Roe Jr.", "J.").
func endsLikeSentence(s string) bool {
	if !endsSentence(s) {
		return false
	}
	last := s
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		last = s[i+1:]
	}
	return endPunct(s) != '.' || utf8.RuneCountInString(last) > 4
}

// namesShape reports names joined by "and", "&" or "in" (a place): every other word starts in
// upper case or is a particle of a name ("de", "van", "al-"). first is the part right after
// "By", whose opening word must not be one that opens prose ("By Friday", "By the end").
func namesShape(s string, first bool) bool {
	words := strings.Fields(s)
	if len(words) == 0 {
		return false
	}
	if first && len(words) > 1 && strings.EqualFold(words[0], "the") && outletNoun(s) {
		// An agency or a paper: "By the Associated Press", but not "By The Numbers".
		words = words[1:]
	} else if first && (notAName(words[0]) || (len(words) == 1 && calendarWord(words[0]))) {
		return false
	}
	for k, w := range words {
		switch strings.ToLower(w) {
		case "and", "&", "in":
			if k == 0 || k == len(words)-1 {
				return false
			}
			continue
		}
		if !nameWord(w) {
			return false
		}
	}
	return true
}

// nameWord reports a word of a name: "Jane", "O'Neill", "Jean-Luc", "J.", "BBC", "RiverWatch",
// or a particle ("de", "van", "al-Hassan").
func nameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		if !nameParticle(w) {
			return false
		}
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !strings.ContainsRune(".-'’", r) {
			return false
		}
	}
	return true
}

func nameParticle(w string) bool {
	switch w {
	case "de", "da", "del", "della", "di", "du", "des", "van", "von", "der", "den", "ter", "la",
		"le", "bin", "ibn", "al", "el", "y", "dos", "das", "zu":
		return true
	}
	for _, p := range []string{"al-", "el-", "d'", "d’"} {
		if rest, ok := strings.CutPrefix(w, p); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			return unicode.IsUpper(r)
		}
	}
	return false
}

// notAName lists capitalised words that open prose after "By" rather than a name: "By This
// Time", "By Then", "By Air".
func notAName(w string) bool {
	switch strings.ToLower(strings.TrimRight(w, ",.:;")) {
	case "the", "a", "an", "this", "that", "these", "those", "then", "now", "far", "all", "some",
		"most", "any", "no", "next", "last", "early", "late", "mid", "midday", "midnight", "noon",
		"tonight", "tomorrow", "today", "yesterday", "year", "years", "month", "week", "day", "night",
		"weekend", "dawn", "dusk", "evening", "morning", "afternoon", "way", "chance", "contrast",
		"comparison", "design", "default", "law", "hand", "air", "land", "sea", "road", "rail",
		"train", "car", "plane", "boat", "ship", "phone", "email", "mail", "order", "popular",
		"their", "his", "her", "its", "our", "my", "your", "one", "two", "three", "several":
		return true
	}
	return false
}

// calendarWord reports a weekday or a month: "By Friday", "By March".
func calendarWord(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, ",.:;"))
	return weekdayName(w) || monthName(w) > 0
}

// personName reports a person's name standing alone: two to four name words ("Jane Roe", "Ana
// de la Cruz").
func personName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 || notAName(words[0]) || calendarWord(words[0]) {
		return false
	}
	upper := 0
	for _, w := range words {
		if !nameWord(w) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2 && upper <= 4
}

// authorInPlace reports a name with the place it was written in, as some papers print their
// bylines: "Jane Roe in Kyiv", "Jane Roe and John Doe in Brussels".
func authorInPlace(s string) bool {
	i := strings.LastIndex(s, " in ")
	if i < 0 {
		return false
	}
	names, place := s[:i], s[i+4:]
	if !titleCase(place) || !nameShape(place) {
		return false
	}
	for name := range strings.SplitSeq(strings.ReplaceAll(names, " & ", " and "), " and ") {
		if !personName(name) {
			return false
		}
	}
	return true
}

// authorWithRole reads "Jane Roe, Staff writer" without a "By": a name then a role.
func authorWithRole(seg string) (string, bool) {
	name, role, ok := strings.Cut(seg, ", ")
	if !ok || !personName(name) || !roleShape(role) {
		return "", false
	}
	return seg, true
}

// roleShape reports an author's role: a few words, one of them a newsroom job ("Staff writer",
// "Diplomatic Editor", "Moscow correspondent").
func roleShape(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 || endsLikeSentence(s) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsLetter(r) {
		return false
	}
	role := false
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) && !strings.ContainsRune(".-'’&", r) {
				return false
			}
		}
		role = role || roleWord(strings.ToLower(strings.TrimRight(w, ".")))
	}
	return role
}

func roleWord(w string) bool {
	switch w {
	case "writer", "writers", "correspondent", "correspondents", "editor", "editors", "reporter",
		"reporters", "columnist", "contributor", "journalist", "staff", "bureau", "photographer",
		"producer", "presenter", "commentator", "critic", "desk", "freelance", "stringer", "analyst",
		"contributing", "newsroom":
		return true
	}
	return false
}

// Names in a furniture line and mastheads are short: "The Lowland Observer", "Local news".
const (
	nameWords = 6
	nameBytes = 60
)

// nameShape reports a short name: an outlet, a section, a place. It starts in upper case and
// holds no sentence punctuation.
func nameShape(s string) bool {
	if len(s) > nameBytes || wordCount(s) > nameWords || !startsUpper(s) {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(" &-'’", r) {
			return false
		}
	}
	return true
}

// mastheadWords is the longest masthead: a deck, which could stand in the same place, is longer.
const mastheadWords = 5

// mastheadShape reports a block that could be an outlet's name or a section label.
func mastheadShape(p *para) bool {
	return p.words <= mastheadWords && !strings.ContainsRune(p.raw, '\n') && nameShape(p.text)
}

// titleCase reports words that all start in upper case but for small words: "The Lowland
// Observer", "Sarn Valley Dispatch".
func titleCase(s string) bool {
	for w := range strings.FieldsSeq(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) && !unicode.IsUpper(r) && !titleSmallWord(w) {
			return false
		}
	}
	return true
}

// outletNoun reports a name that ends like a newspaper's, a wire's or a broadcaster's.
func outletNoun(name string) bool {
	last := name
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		last = name[i+1:]
	}
	switch strings.ToLower(last) {
	case "times", "post", "news", "observer", "herald", "journal", "gazette", "tribune", "courier",
		"dispatch", "chronicle", "telegraph", "guardian", "independent", "express", "mail", "mirror",
		"standard", "globe", "register", "bulletin", "monitor", "wire", "press", "record", "examiner",
		"inquirer", "sentinel", "star", "daily", "weekly", "magazine", "review", "reporter",
		"advertiser", "argus", "clarion", "leader", "mercury", "messenger", "pioneer", "telegram",
		"today", "voice", "watch", "radio", "tv", "television", "network", "agency", "online":
		return true
	}
	return false
}

// repeatsAsName reports a name that the article uses again, in its text or its byline, as a
// name (the same capitals, whole words): "…told the Lowland Observer". A headline is rarely
// repeated word for word; an outlet's name often is.
func repeatsAsName(ps []para, self int, name string, bylines []string) bool {
	name = strings.TrimPrefix(name, "The ")
	if len(name) < 4 {
		return false
	}
	for _, b := range bylines {
		if containsWord(b, name) {
			return true
		}
	}
	for i := range ps {
		if i != self && ps[i].role != roleRemoved && containsWord(ps[i].text, name) {
			return true
		}
	}
	return false
}

// containsWord reports whole-word occurrences of word in s.
func containsWord(s, word string) bool {
	for off := 0; ; {
		k := strings.Index(s[off:], word)
		if k < 0 {
			return false
		}
		k += off
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		after, _ := utf8.DecodeRuneInString(s[k+len(word):])
		if (k == 0 || !unicode.IsLetter(before)) && (k+len(word) == len(s) || !unicode.IsLetter(after)) {
			return true
		}
		off = k + len(word)
	}
}
