package clean

import (
	"strings"
	"time"
	"unicode"

	"github.com/dossier-news/dossier"
)

// Result is an article's text after cleaning.
type Result struct {
	// Title and Subtitle are the headline found at the top of the blocks: only when the caller
	// gave no title, or when the first block equals the title it gave. They are not in Text.
	Title, Subtitle string
	// Text is the article's paragraphs joined by "\n\n", NFC-normalised, spaces collapsed.
	Text string
	// Headings are the section labels kept in Text, each a paragraph of its own.
	Headings []dossier.Heading
	// Removed holds each block taken out as boilerplate, verbatim (trimmed), in reading order,
	// the article furniture read into Byline and Published among them.
	Removed []string
	// Byline is the author line at the top of the article as written but without its leading
	// "By": "Jane Roe and John Doe", "Jane Roe, Reuters". An author and a role printed as
	// separate segments ("Jane Roe | Staff writer") are joined by ", ", several byline lines by
	// "; ". Empty when the article has none.
	Byline string
	// Published is the date of a date line at the top ("2 May 2031", "Tue 2 May 2031 10.30 BST",
	// "Published: 2031-05-02") or of a labelled one at the end; a publication date wins over an
	// update. A date without a time is midnight, a time without a zone is UTC. Zero when none.
	Published time.Time
}

// role is what a block turns out to be.
type role uint8

const (
	roleBody role = iota
	roleHeading
	roleHeadline // became the Title or the Subtitle
	roleRemoved
)

// para is one non-empty block on its way through Clean.
type para struct {
	raw       string // as given, trimmed: what Removed keeps
	text      string // normalised: what Text keeps
	heading   bool   // the source marked it a heading
	words     int
	kind      shortKind
	role      role
	appeal    int       // appealScore of text plus one; 0 until computed
	lower     string    // text in lower case, once needed; "" until then
	found     phraseSet // the blockPhrases in lower, once scanned
	scanned   bool
	furniture bool // a byline, date line or masthead: removed, and never a deck's neighbour
}

// Clean removes boilerplate from an article's blocks, keeps its section labels as headings,
// and takes the headline off the top. title is the title the caller already knows ("" if none):
// a first block equal to it is the headline, not body; with no title, a first line shaped like a
// headline is taken as one, and split from a subheading glued to it.
func Clean(blocks []Block, title string) Result {
	ps := make([]para, 0, len(blocks))
	for _, b := range blocks {
		raw := trimSpace(b.Text)
		if raw == "" {
			continue
		}
		p := para{raw: raw, text: normalize(raw), heading: b.Heading}
		p.words = wordCount(p.text)
		p.kind = classify(&p)
		if p.kind == shortJunk || p.kind == shortLinkList || p.kind == shortPrevNext {
			p.role = roleRemoved
		}
		ps = append(ps, p)
	}
	markLinkedHeadlines(ps)
	markAppeals(ps)
	var res Result
	title = normalize(title)
	markFurniture(ps, title, &res)
	findHeadline(ps, title, &res)
	markHeadings(ps)
	res.Text, res.Headings, res.Removed = assemble(ps)
	return res
}

// markLinkedHeadlines removes other stories' headlines that follow navigation: exactly one after
// "Previous"/"Next" (however often the label repeats), and a run of them after a label such as
// "Related" or "Most read", up to the first headline-shaped block that heads body text.
func markLinkedHeadlines(ps []para) {
	for i := range ps {
		switch ps[i].kind {
		case shortPrevNext:
			if j := i + 1; j < len(ps) && ps[j].kind == shortNone && titleLike(&ps[j]) {
				ps[j].role = roleRemoved
			}
		case shortLinkList:
			for j := i + 1; j < len(ps) && ps[j].kind == shortNone && titleLike(&ps[j]) && !followedByBody(ps, j); j++ {
				ps[j].role = roleRemoved
			}
		}
	}
}

// markAppeals removes reader appeals. An appeal is a run of blocks: a head ("A Message from …:",
// "Dear readers,"), paragraphs that carry appeal markers ("our work", "independent journalism",
// "your support"), maybe a paragraph or two that only set the scene, and often a button label.
// A run is removed only when it is dense with markers and comes after some article text; a
// single paragraph that mentions support or journalism is never a run. A run without a head is
// found backwards from its button.
func markAppeals(ps []para) {
	firstBody := len(ps)
	for k := range ps {
		if ps[k].role != roleRemoved && ps[k].words >= bodyWords {
			firstBody = k
			break
		}
	}
	for i := 0; i < len(ps); i++ {
		if ps[i].kind != shortAppealHead {
			continue
		}
		end, score, appeals := i, 0, 1
		gap, gapScore := 0, 0 // blocks after end not yet in the run, and their score
		for j := i + 1; j < len(ps) && gap < appealGap && ps[j].words <= appealWords; j++ {
			s := paraAppealScore(&ps[j])
			if !appealing(&ps[j]) {
				gap++
				gapScore += s
				continue
			}
			end, score, appeals = j, score+gapScore+s, appeals+1
			gap, gapScore = 0, 0
		}
		if score >= 6 && appeals*2 >= end-i+1 && firstBody < i {
			for k := i; k <= end; k++ {
				ps[k].role = roleRemoved
			}
		}
		// A head inside this run would find the same run again, so each block is read once.
		i = end
	}
	for i := range ps {
		if ps[i].kind != shortJunk || blockPhrases.appealScore(blockPhrases.find(labelOf(ps[i].lowerText()))) < 2 {
			continue
		}
		start := i
		for j := i - 1; j >= 0 && ps[j].role != roleRemoved; j-- {
			s := paraAppealScore(&ps[j])
			if ps[j].kind != shortAppealHead && (s < 3 || s*10 < ps[j].words) {
				break
			}
			start = j
		}
		if start < i && firstBody < start {
			for k := start; k < i; k++ {
				ps[k].role = roleRemoved
			}
		}
	}
}

// appealGap is how many paragraphs without appeal markers a run of appeal blocks may hold in a
// row ("For forty years we have covered the valley." between the head and the plea).
const appealGap = 3

// appealing reports a block that carries an appeal on its own.
func appealing(p *para) bool {
	return p.kind == shortAppealHead || p.kind == shortJunk || paraAppealScore(p) >= 2
}

// paraAppealScore scores a block once, on first use: only blocks near an appeal are read.
func paraAppealScore(p *para) int {
	if p.appeal == 0 {
		p.appeal = 1
		if p.words <= appealWords {
			p.appeal += blockPhrases.appealScore(p.phrases())
		}
	}
	return p.appeal - 1
}

// lowerText returns p's text in lower case, lowering it once: every check reads the same copy.
func (p *para) lowerText() string {
	if p.lower == "" {
		p.lower = toLower(p.text)
	}
	return p.lower
}

// phrases returns the blockPhrases in p's lowercased text, scanning it once.
func (p *para) phrases() phraseSet {
	if !p.scanned {
		p.found, p.scanned = blockPhrases.find(p.lowerText()), true
	}
	return p.found
}

// bodyWords is the length of a real paragraph. An appeal follows the article, so a run counts
// only after one; a text that opens with "Dear readers," is a letter.
const bodyWords = 15

// titleLike reports the shape of a headline: a short line that does not end like a sentence
// (a question or an exclamation may) and starts in upper case.
func titleLike(p *para) bool {
	if p.words > 25 || len(p.text) > 250 || !startsUpper(p.text) {
		return false
	}
	switch endPunct(p.text) {
	case '.', ',', ';', ':', '…':
		return false
	}
	return true
}

// bodyLike reports a paragraph of running text.
func bodyLike(p *para) bool {
	return p.role == roleBody && (p.words > 25 || endsSentence(p.text))
}

// followedByBody reports whether the next block still in play after ps[i] is running text.
func followedByBody(ps []para, i int) bool {
	for j := i + 1; j < len(ps); j++ {
		if ps[j].role != roleRemoved {
			return bodyLike(&ps[j])
		}
	}
	return false
}

// Section labels are short: "Executive Summary", "What happens next".
const (
	labelWords = 8
	labelBytes = 80
)

// headingShape reports a section label in plain text: a short line that starts in upper case and
// ends in a letter or a digit, not in punctuation.
func headingShape(p *para) bool {
	if p.words > labelWords || len(p.text) > labelBytes || !startsUpper(p.text) {
		return false
	}
	r := endPunct(p.text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// markHeadings marks section labels: blocks the source marked as headings, and blocks shaped like
// labels that stand between body paragraphs (or open the text) and head a body paragraph. A run
// of short lines is a list, not labels. A label left at the end with no body after it (a "Sources"
// line followed only by navigation) is removed.
func markHeadings(ps []para) {
	kept := func(i int) bool { return ps[i].role == roleBody || ps[i].role == roleHeading }
	prev := -1
	for i := range ps {
		if !kept(i) {
			continue
		}
		p := &ps[i]
		next := i + 1
		for next < len(ps) && !kept(next) {
			next++
		}
		if p.heading || headingShape(p) {
			afterBody := prev < 0 || bodyLike(&ps[prev]) || ps[prev].role == roleHeading
			switch {
			case next == len(ps):
				if afterBody {
					p.role = roleRemoved
				}
			case p.heading || (afterBody && bodyLike(&ps[next])):
				p.role = roleHeading
			}
		}
		if kept(i) {
			prev = i
		}
	}
}

// assemble joins the kept blocks into the article text.
func assemble(ps []para) (string, []dossier.Heading, []string) {
	size := 0
	for i := range ps {
		size += len(ps[i].text) + 2
	}
	var b strings.Builder
	b.Grow(size)
	headings := []dossier.Heading{}
	removed := []string{}
	for i := range ps {
		p := &ps[i]
		switch p.role {
		case roleRemoved:
			removed = append(removed, p.raw)
		case roleBody, roleHeading:
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			start := b.Len()
			b.WriteString(p.text)
			if p.role == roleHeading {
				headings = append(headings, dossier.Heading{Text: p.text, Span: dossier.Span{Start: start, End: b.Len()}})
			}
		}
	}
	return b.String(), headings, removed
}
