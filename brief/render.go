package brief

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Format is an output format of a briefing.
type Format string

// The formats Write knows.
const (
	Markdown Format = "md"
	HTML     Format = "html"
	JSON     Format = "json"
)

// Article is the text a renderer shows around the cited spans of one source; the HTML briefing
// includes the text of every article it cites, with the cited spans marked.
type Article struct {
	ID   string
	Text string
}

// Write renders briefings in format f. texts gives the articles' texts, by id, for the HTML
// format; the others need only the briefings.
func Write(w io.Writer, f Format, bs []*Briefing, texts map[string]string) error {
	switch f {
	case JSON:
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(bs); err != nil {
			return fmt.Errorf("write briefing json: %w", err)
		}
		return nil
	case Markdown:
		var b strings.Builder
		for i, br := range bs {
			if i > 0 {
				b.WriteString("\n---\n\n")
			}
			writeMarkdown(&b, br)
		}
		if _, err := io.WriteString(w, b.String()); err != nil {
			return fmt.Errorf("write briefing markdown: %w", err)
		}
		return nil
	case HTML:
		return writeHTML(w, bs, texts)
	}
	return fmt.Errorf("unknown briefing format %q (want md, html or json)", f)
}

// notes numbers a briefing's citations in the order they are first used, so that a statement
// shows [3] and the list at the end says what [3] is.
type notes struct {
	n    map[Citation]int
	list []Citation
}

func (ns *notes) ref(c Citation) int {
	if ns.n == nil {
		ns.n = make(map[Citation]int)
	}
	if i, ok := ns.n[c]; ok {
		return i
	}
	ns.list = append(ns.list, c)
	ns.n[c] = len(ns.list)
	return len(ns.list)
}

func (ns *notes) refs(cs []Citation) []int {
	out := make([]int, len(cs))
	for i, c := range cs {
		out[i] = ns.ref(c)
	}
	return out
}

func mdRefs(ns []int) string {
	var b strings.Builder
	for _, n := range ns {
		fmt.Fprintf(&b, "[%d]", n)
	}
	return b.String()
}

// mdText makes article text safe inside a Markdown line: line breaks become spaces and characters
// Markdown would read as markup are escaped.
func mdText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "|", `\|`, "#", `\#`)
	return r.Replace(s)
}

func writeMarkdown(b *strings.Builder, br *Briefing) {
	var ns notes
	fmt.Fprintf(b, "# %s\n\n", mdText(cmp.Or(br.Headline, "Untitled story")))
	fmt.Fprintf(b, "*%s*\n\n", mdText(storyLine(br)))

	b.WriteString("## Summary\n\n")
	if len(br.Summary) == 0 {
		b.WriteString("No sentence of the articles stands alone as a summary.\n\n")
	}
	for i, st := range br.Summary {
		fmt.Fprintf(b, "%d. %s %s\n", i+1, mdText(st.Text), mdRefs(ns.refs(st.Citations)))
	}
	b.WriteString("\n## Key actors\n\n")
	for _, a := range br.Actors {
		fmt.Fprintf(b, "- **%s**", mdText(a.Name))
		if len(a.Roles) > 0 {
			fmt.Fprintf(b, " — %s", mdText(strings.Join(a.Roles, "; ")))
		}
		if a.StandsFor != "" {
			fmt.Fprintf(b, " (for %s)", mdText(a.StandsFor))
		}
		fmt.Fprintf(b, ": %s\n", actorCounts(a))
	}

	b.WriteString("\n## Positions\n\n")
	if len(br.Matrix) == 0 {
		b.WriteString("No actor's stance on an issue was found.\n")
	} else {
		b.WriteString("| actor |")
		for _, is := range br.Issues {
			fmt.Fprintf(b, " %s |", mdText(is.Label))
		}
		b.WriteString("\n|---|")
		for range br.Issues {
			b.WriteString("---|")
		}
		b.WriteString("\n")
		for _, row := range br.Matrix {
			fmt.Fprintf(b, "| %s |", mdText(row.Actor))
			for _, is := range br.Issues {
				c, ok := cellOf(row, is.Key)
				if !ok {
					b.WriteString(" |")
					continue
				}
				fmt.Fprintf(b, " %s %s |", c.Stance, mdRefs(ns.refs(stands(c))))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
		for _, row := range br.Matrix {
			for _, c := range row.Cells {
				for _, e := range c.Evidence {
					fmt.Fprintf(b, "- %s %s %s: “%s” [%d]\n", mdText(row.Actor), e.Stance, mdText(issueLabel(br, c.Issue)), mdText(e.Citation.Text), ns.ref(e.Citation))
				}
			}
		}
	}

	b.WriteString("\n## Quotes by speaker\n")
	for _, v := range br.Quotes {
		fmt.Fprintf(b, "\n### %s", mdText(v.Speaker))
		if v.Role != "" {
			fmt.Fprintf(b, " — %s", mdText(v.Role))
		}
		b.WriteString("\n\n")
		for _, q := range v.Quotes {
			fmt.Fprintf(b, "- “%s” (%s%s) [%d]\n", mdText(q.Citation.Text), q.Kind, cueNote(q.Cue), ns.ref(q.Citation))
		}
	}

	b.WriteString("\n## Timeline\n\n")
	if len(br.Timeline) == 0 {
		b.WriteString("No dated or datable event was found.\n")
	}
	for _, m := range br.Timeline {
		fmt.Fprintf(b, "- **%s** %s%s: %s", mdText(whenText(m)), m.Type, statusNote(m.Status), mdText(m.Summary))
		if len(m.Actors) > 0 {
			fmt.Fprintf(b, " (%s)", mdText(strings.Join(m.Actors, ", ")))
		}
		fmt.Fprintf(b, " %s\n", mdRefs(ns.refs(m.Citations)))
	}

	b.WriteString("\n## Where sources disagree\n\n")
	if len(br.Disagreements) == 0 {
		b.WriteString("No conflicting accounts were found.\n")
	}
	for _, d := range br.Disagreements {
		fmt.Fprintf(b, "- **%s** — %s", d.Kind, mdText(d.About))
		if d.Evidence.Article != "" {
			fmt.Fprintf(b, " [%d]", ns.ref(d.Evidence))
		}
		b.WriteString("\n")
		for _, sd := range d.Sides {
			fmt.Fprintf(b, "  - %s: “%s” [%d]\n", mdText(sd.Who), mdText(sd.Citation.Text), ns.ref(sd.Citation))
		}
	}

	b.WriteString("\n## Coverage by outlet\n\n| outlet | articles | actors named | voices quoted |\n|---|---|---|---|\n")
	for _, c := range br.Coverage {
		fmt.Fprintf(b, "| %s | %d | %s | %s |\n", mdText(c.Outlet), c.Articles, mdText(countList(c.Actors)), mdText(countList(c.Voices)))
	}

	b.WriteString("\n## Sources\n\n")
	for _, s := range br.Sources {
		fmt.Fprintf(b, "- %s\n", mdText(sourceLine(s)))
	}
	b.WriteString("\n## Citations\n\n")
	src := make(map[string]Source, len(br.Sources))
	for _, s := range br.Sources {
		src[s.ID] = s
	}
	for i, c := range ns.list {
		s := src[c.Article]
		fmt.Fprintf(b, "%d. %s, bytes %d–%d: “%s”\n", i+1, mdText(cmp.Or(s.Outlet, s.Source)+" — "+cmp.Or(s.Title, s.Source)), c.Start, c.End, mdText(c.Text))
	}
}

func storyLine(br *Briefing) string {
	outlets := 0
	for _, c := range br.Coverage {
		if c.Outlet != "(outlet unknown)" {
			outlets++
		}
	}
	line := fmt.Sprintf("%d articles, %d outlets", len(br.Sources), outlets)
	if br.First != "" {
		line += ", " + dateOnly(br.First)
		if d := dateOnly(br.Last); d != dateOnly(br.First) {
			line += " to " + d
		}
	}
	return line
}

func dateOnly(rfc string) string { return rfc[:min(10, len(rfc))] }

func actorCounts(a Actor) string {
	parts := []string{fmt.Sprintf("%d articles", a.Articles)}
	if a.Quotes > 0 {
		parts = append(parts, fmt.Sprintf("%d quotes", a.Quotes))
	}
	if a.Positions > 0 {
		parts = append(parts, fmt.Sprintf("%d positions", a.Positions))
	}
	return strings.Join(parts, ", ")
}

func cellOf(row Row, issue string) (Cell, bool) {
	i := slices.IndexFunc(row.Cells, func(c Cell) bool { return c.Issue == issue })
	if i < 0 {
		return Cell{}, false
	}
	return row.Cells[i], true
}

func stands(c Cell) []Citation {
	out := make([]Citation, len(c.Evidence))
	for i, e := range c.Evidence {
		out[i] = e.Citation
	}
	return out
}

func issueLabel(br *Briefing, key string) string {
	for _, is := range br.Issues {
		if is.Key == key {
			return is.Label
		}
	}
	return key
}

func cueNote(cue string) string {
	if cue == "" {
		return ""
	}
	return ", " + cue
}

func whenText(m Moment) string {
	switch {
	case m.When.Date != "" && m.When.Text != "":
		return m.When.Date + " (" + m.When.Text + ")"
	case m.When.Date != "":
		return m.When.Date
	case m.When.Text != "":
		return m.When.Text
	}
	return "undated"
}

// statusNote marks an event that has not (yet) happened as far as the articles say.
func statusNote(status string) string {
	if status == "" || status == "happened" {
		return ""
	}
	return " (" + status + ")"
}

func countList(cs []Count) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s (%d)", c.Name, c.N)
	}
	return strings.Join(parts, ", ")
}

func sourceLine(s Source) string {
	parts := []string{cmp.Or(s.Outlet, "(outlet unknown)"), cmp.Or(s.Title, "(untitled)")}
	if s.Published != "" {
		parts = append(parts, dateOnly(s.Published))
	}
	parts = append(parts, cmp.Or(s.URL, s.Source))
	if s.CopyOf != "" {
		parts = append(parts, "copy of "+s.CopyOf)
	}
	return strings.Join(parts, " · ")
}
