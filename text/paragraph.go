package text

import "github.com/dossier-news/dossier"

// Paragraphs cuts s into paragraphs: stretches of text between blank lines (a line of white
// space counts as blank), without their leading and trailing white space.
func Paragraphs(s string) []dossier.Span {
	var out []dossier.Span
	start := -1 // start of the current paragraph's first visible character
	end := 0    // end of its last visible character
	blank := false
	for i := 0; i < len(s); {
		r, n := decode(s, i)
		switch {
		case r == '\n':
			if lineIsBlank(s, i+1) && start >= 0 {
				blank = true
			}
		case isSpace(r):
		default:
			if blank {
				out = append(out, dossier.Span{Start: start, End: end})
				start, blank = -1, false
			}
			if start < 0 {
				start = i
			}
			end = i + n
		}
		i += n
	}
	if start >= 0 {
		out = append(out, dossier.Span{Start: start, End: end})
	}
	return out
}

// lineIsBlank reports whether the line that starts at i holds only white space (or the text ends).
func lineIsBlank(s string, i int) bool {
	for i < len(s) {
		r, n := decode(s, i)
		if r == '\n' {
			return true
		}
		if !isSpace(r) {
			return false
		}
		i += n
	}
	return true
}
