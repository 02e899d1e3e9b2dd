package clean_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/clean"
)

func TestTextBlocks(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"blank lines separate", "First paragraph.\n\n\nSecond paragraph.", []string{"First paragraph.", "Second paragraph."}},
		{"one paragraph per line", lines(body1, body2, body3), []string{body1, body2, body3}},
		{"headline then body", lines("Villagers cheer as the new bridge opens", body1), []string{"Villagers cheer as the new bridge opens", body1}},
		{"lower-case continuation joins", "The council said the bridge\nwould open in May.", []string{"The council said the bridge\nwould open in May."}},
		{"sentence end then lower case splits", "The vote was close.\niPhone sales rose too.", []string{"The vote was close.", "iPhone sales rose too."}},
		{"list items stay apart", "Key points:\n- the vote was close\n- work starts in May\n2. a second list", []string{"Key points:", "- the vote was close", "- work starts in May", "2. a second list"}},
		{"CRLF and CR line ends", "One.\r\nTwo.\rThree.\r\n\r\nFour.", []string{"One.", "Two.", "Three.", "Four."}},
		{"surrounding space trimmed, inner kept", "  \t Spaced   out\u00a0text.  \n", []string{"Spaced   out\u00a0text."}},
		{"byte order mark", "\ufeffHello there.", []string{"Hello there."}},
		{"hard-wrapped paragraphs", wrap(body1, 50) + "\n" + wrap(body2, 50), []string{wrap(body1, 50), wrap(body2, 50)}},
		{"short lines are not a margin", lines("Previous", "Previous", "Next", "Next"), []string{"Previous", "Previous", "Next", "Next"}},
		{"wrapped text keeps a short heading apart", lines("Background", wrap(body1+" "+body2, 60)), []string{"Background", wrap(body1+" "+body2, 60)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, b := range clean.TextBlocks(tt.in) {
				if b.Heading {
					t.Errorf("block %q marked as heading: TextBlocks leaves that to Clean", b.Text)
				}
				got = append(got, b.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("TextBlocks(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMarkdownBlocks(t *testing.T) {
	type block struct {
		text    string
		heading bool
	}
	tests := []struct {
		name string
		in   string
		want []block
	}{
		{"headings", "# Bridge *approved*\n\nSub\n---\n\n### Next steps", []block{{"Bridge approved", true}, {"Sub", true}, {"Next steps", true}}},
		{"emphasis and links", "The **council** voted _again_ on the [bridge plan](https://example.org/plan \"plan\").",
			[]block{{"The council voted again on the bridge plan.", false}}},
		{"image gives its alt text", "![Workers on the new bridge](bridge.jpg)", []block{{"Workers on the new bridge", false}}},
		{"reference links", "See the [tender][t] today.\n\n[t]: https://example.org/t", []block{{"See the tender today.", false}}},
		{"escapes and references", `Fish \& chips \*not\* bold &amp; AT&#38;T &eacute;`, []block{{"Fish & chips *not* bold & AT&T é", false}}},
		{"lists and quotes become paragraphs", "- first point\n- second point\n  1. nested\n\n> A quoted line.\n>\n> Another one.",
			[]block{{"first point", false}, {"second point", false}, {"nested", false}, {"A quoted line.", false}, {"Another one.", false}}},
		{"code and HTML dropped", "Before.\n\n```go\nfunc main() {}\n```\n\n    indented code\n\n<div>\nraw html\n</div>\n\nAfter <b>bold</b> `code`.",
			[]block{{"Before.", false}, {"After bold code.", false}}},
		{"autolink", "Mail <news@example.org> or see <https://example.org>.", []block{{"Mail news@example.org or see https://example.org.", false}}},
		{"one paragraph per line", lines(body1, body2), []block{{body1, false}, {body2, false}}},
		{"wrapped paragraph is joined", wrap(body1+" "+body2+" "+body3, 60), []block{{wrap(body1+" "+body2+" "+body3, 60), false}}},
		{"thematic break", "One.\n\n***\n\nTwo.", []block{{"One.", false}, {"Two.", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []block
			for _, b := range clean.MarkdownBlocks(tt.in) {
				got = append(got, block{b.Text, b.Heading})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("MarkdownBlocks(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
			}
		})
	}
}

// TestMarkdownClean runs a Markdown article through Clean: the "#" headline becomes the title.
func TestMarkdownClean(t *testing.T) {
	md := "# Villagers cheer as the new bridge opens\n\n" + body1 + "\n\n## Background\n\n" + body2 + "\n\n*Share this article*\n"
	got := clean.Clean(clean.MarkdownBlocks(md), "")
	if got.Title != "Villagers cheer as the new bridge opens" {
		t.Errorf("Title = %q", got.Title)
	}
	if want := body1 + "\n\nBackground\n\n" + body2; got.Text != want {
		t.Errorf("Text = %q\nwant %q", got.Text, want)
	}
	if len(got.Headings) != 1 || got.Headings[0].Text != "Background" {
		t.Errorf("Headings = %+v, want Background", got.Headings)
	}
	if !slices.Equal(got.Removed, []string{"Share this article"}) {
		t.Errorf("Removed = %q", got.Removed)
	}
	if strings.Contains(got.Text, "*") {
		t.Errorf("Text keeps Markdown syntax: %q", got.Text)
	}
}
