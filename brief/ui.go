package brief

import "strings"

// What other renderers of a briefing (the web UI of package server) share with the HTML page,
// so that they look and read the same without copying its rules.

// CSS returns the stylesheet of the HTML briefing. The page carries it inline, so that a saved
// briefing stands alone; a server can serve it as a file instead.
func CSS() string {
	_, rest, _ := strings.Cut(htmlTemplate, "<style>")
	css, _, _ := strings.Cut(rest, "</style>")
	return strings.TrimSpace(css)
}

// Line is the line under a briefing's headline: how many articles and outlets, and the dates.
func (b *Briefing) Line() string { return storyLine(b) }

// Cell returns the row's cell for an issue, and whether the actor has a stance on it.
func (r Row) Cell(issue string) (Cell, bool) { return cellOf(r, issue) }

// Label is how the briefing writes a moment's time: the resolved date with the words that
// gave it, or "undated".
func (m Moment) Label() string { return whenText(m) }

// Counts writes names with their counts as the briefing's coverage table does.
func Counts(cs []Count) string { return countList(cs) }

// Summary writes an actor's article, quote and position counts as the briefing does.
func (a Actor) Summary() string { return actorCounts(a) }
