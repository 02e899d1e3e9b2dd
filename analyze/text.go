package analyze

import (
	"fmt"
	"io"
	"strings"
)

// WriteText writes a readable view of the record: a header with its metadata, the text with
// section labels marked, and a note of what was removed as boilerplate.
func (r *Record) WriteText(w io.Writer) error {
	var b strings.Builder
	title := r.Title
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintf(&b, "━━ %s\n", title)
	if r.Subtitle != "" {
		fmt.Fprintf(&b, "   %s\n", r.Subtitle)
	}
	var meta []string
	byline := r.Byline
	if byline != "" {
		byline = "by " + byline
	}
	for _, v := range []string{byline, r.Outlet, r.Published, r.Lang, r.Source} {
		if v != "" {
			meta = append(meta, v)
		}
	}
	fmt.Fprintf(&b, "   %s\n", strings.Join(meta, " · "))
	if r.URL != "" && r.URL != r.Source {
		fmt.Fprintf(&b, "   %s\n", r.URL)
	}
	switch {
	case r.DuplicateOf != "":
		fmt.Fprintf(&b, "   exact duplicate of %s\n", r.DuplicateOf)
	case r.NearDuplicateOf != "":
		fmt.Fprintf(&b, "   near-duplicate of %s (similarity %.2f)\n", r.NearDuplicateOf, r.Similarity)
	}
	b.WriteString("\n")
	// Headings are sorted by offset, so one pass over the text marks each of them.
	last := 0
	for _, h := range r.Headings {
		b.WriteString(r.Text[last:h.Start])
		fmt.Fprintf(&b, "## %s", r.Text[h.Start:h.End])
		last = h.End
	}
	b.WriteString(r.Text[last:])
	b.WriteString("\n")
	if len(r.Removed) > 0 {
		fmt.Fprintf(&b, "\n[removed %d boilerplate blocks: %s]\n", len(r.Removed), preview(r.Removed))
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// preview shows the first removed blocks, shortened, so a reader sees what kind of noise went.
func preview(removed []string) string {
	const maxItems, maxLen = 3, 40
	var parts []string
	for i, s := range removed {
		if i == maxItems {
			parts = append(parts, "…")
			break
		}
		if r := []rune(s); len(r) > maxLen {
			s = string(r[:maxLen]) + "…"
		}
		parts = append(parts, fmt.Sprintf("%q", s))
	}
	return strings.Join(parts, ", ")
}
