package brief

import (
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
)

//go:embed brief.html.tmpl
var htmlTemplate string

var page = template.Must(template.New("brief").Funcs(template.FuncMap{
	"when":    whenText,
	"status":  statusNote,
	"counts":  countList,
	"source":  sourceLine,
	"story":   storyLine,
	"date":    dateOnly,
	"actorNs": actorCounts,
	"join":    strings.Join,
}).Parse(htmlTemplate))

// htmlBrief is a briefing with its citations numbered and its cited articles ready to show.
type htmlBrief struct {
	*Briefing
	notes    *notes
	Articles []htmlArticle
}

// Ref returns the note number of a citation, numbering it on first use.
func (h htmlBrief) Ref(c Citation) int { return h.notes.ref(c) }

// Grid returns a row's cells in the order of the briefing's issues, nil where the actor has no
// stance on an issue.
func (h htmlBrief) Grid(row Row) []*Cell {
	out := make([]*Cell, len(h.Issues))
	for i, is := range h.Issues {
		if c, ok := cellOf(row, is.Key); ok {
			out[i] = &c
		}
	}
	return out
}

// Anchor is the id of a cited span in its article's text.
func (h htmlBrief) Anchor(c Citation) string { return anchor(h.Story, c) }

func anchor(story string, c Citation) string {
	return fmt.Sprintf("%s-%s-%d-%d", story, c.Article, c.Start, c.End)
}

// htmlArticle is a cited article's text cut into paragraphs of plain and marked pieces.
type htmlArticle struct {
	Source     Source
	Paragraphs [][]piece
}

// piece is a run of article text; Marks are the anchors of the citations that start at it, and
// Marked says whether it lies inside a cited span.
type piece struct {
	Text   string
	Marked bool
	Marks  []string
}

func writeHTML(w io.Writer, bs []*Briefing, texts map[string]string) error {
	views := make([]htmlBrief, len(bs))
	for i, b := range bs {
		views[i] = htmlBrief{Briefing: b, notes: &notes{}}
		// Number the citations in reading order before the page asks for them, so that the
		// articles section knows every span to mark.
		views[i].notes.refs(b.Citations())
		views[i].Articles = citedArticles(b, views[i].notes.list, texts)
	}
	if err := page.Execute(w, views); err != nil {
		return fmt.Errorf("write briefing html: %w", err)
	}
	return nil
}

// citedArticles cuts each cited article's text at the edges of its cited spans, so the page can
// mark them; nested and overlapping spans mark the union.
func citedArticles(b *Briefing, cs []Citation, texts map[string]string) []htmlArticle {
	byArticle := make(map[string][]Citation)
	for _, c := range cs {
		byArticle[c.Article] = append(byArticle[c.Article], c)
	}
	var out []htmlArticle
	for _, src := range b.Sources {
		cits, text := byArticle[src.ID], texts[src.ID]
		if len(cits) == 0 || text == "" {
			continue
		}
		slices.SortFunc(cits, func(a, b Citation) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
		})
		cuts := []int{0, len(text)}
		for _, c := range cits {
			cuts = append(cuts, c.Start, c.End)
		}
		for i := 0; i < len(text); {
			j := strings.Index(text[i:], "\n\n")
			if j < 0 {
				break
			}
			cuts = append(cuts, i+j, i+j+2)
			i += j + 2
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		a := htmlArticle{Source: src}
		var para []piece
		for k := 0; k+1 < len(cuts); k++ {
			lo, hi := cuts[k], cuts[k+1]
			if text[lo:hi] == "\n\n" {
				a.Paragraphs = append(a.Paragraphs, para)
				para = nil
				continue
			}
			p := piece{Text: text[lo:hi]}
			for _, c := range cits {
				if c.Start <= lo && hi <= c.End {
					p.Marked = true
				}
				if c.Start == lo {
					p.Marks = append(p.Marks, anchor(b.Story, c))
				}
			}
			para = append(para, p)
		}
		a.Paragraphs = append(a.Paragraphs, para)
		out = append(out, a)
	}
	return out
}
