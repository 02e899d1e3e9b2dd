package clean_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/clean"
)

const (
	headline = "Millbrook approves a new bridge over the Arden river"
	deck     = "Engineers warn that the final bill could double before the work ends"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestCleanFurniture covers bylines, date lines and mastheads at the top (and a date line at the
// end) of plain-text articles.
func TestCleanFurniture(t *testing.T) {
	tests := []struct {
		name          string
		in            string
		title         string // the caller's
		wantTitle     string
		wantSubtitle  string
		wantByline    string
		wantPublished time.Time
		wantRemoved   []string
		wantHeadings  []string
		wantText      string // the whole Text, when given
		wantInText    []string
	}{
		{
			name:          "headline, masthead, byline, date and a section label",
			in:            lines(headline, "", "The Arden Post", "By Ellen Marsh, Transport Editor", "2 May 2031", "", "Background", "", body1, "", body2),
			wantTitle:     headline,
			wantByline:    "Ellen Marsh, Transport Editor",
			wantPublished: day(2031, 5, 2),
			wantRemoved:   []string{"The Arden Post", "By Ellen Marsh, Transport Editor", "2 May 2031"},
			wantHeadings:  []string{"Background"},
			wantText:      "Background\n\n" + body1 + "\n\n" + body2,
		},
		{
			name:        "two authors",
			in:          lines(headline, "By Ellen Marsh and Tomas Brandt", body1),
			wantTitle:   headline,
			wantByline:  "Ellen Marsh and Tomas Brandt",
			wantRemoved: []string{"By Ellen Marsh and Tomas Brandt"},
			wantText:    body1,
		},
		{
			name:        "author and agency",
			in:          lines(headline, "By Ellen Marsh, Arden Wire", body1),
			wantTitle:   headline,
			wantByline:  "Ellen Marsh, Arden Wire",
			wantRemoved: []string{"By Ellen Marsh, Arden Wire"},
		},
		{
			name:        "upper-case byline",
			in:          lines(headline, "BY ELLEN MARSH", body1),
			wantTitle:   headline,
			wantByline:  "ELLEN MARSH",
			wantRemoved: []string{"BY ELLEN MARSH"},
		},
		{
			name:        "author and place",
			in:          lines(headline, "By Ellen Marsh in Millbrook", body1),
			wantTitle:   headline,
			wantByline:  "Ellen Marsh in Millbrook",
			wantRemoved: []string{"By Ellen Marsh in Millbrook"},
		},
		{
			name:        "name particle",
			in:          lines(headline, "By Ana de la Fuente and Omar al-Rashid", body1),
			wantTitle:   headline,
			wantByline:  "Ana de la Fuente and Omar al-Rashid",
			wantRemoved: []string{"By Ana de la Fuente and Omar al-Rashid"},
		},
		{
			name:        "author and role without by",
			in:          lines(headline, "Ellen Marsh | Staff writer", body1),
			wantTitle:   headline,
			wantByline:  "Ellen Marsh, Staff writer",
			wantRemoved: []string{"Ellen Marsh | Staff writer"},
		},
		{
			name:        "author, comma, role without by",
			in:          lines(headline, "Ellen Marsh, Arden correspondent", body1),
			wantTitle:   headline,
			wantByline:  "Ellen Marsh, Arden correspondent",
			wantRemoved: []string{"Ellen Marsh, Arden correspondent"},
		},
		{
			name:          "byline and date on one line with a comma",
			in:            lines(headline, "By Ellen Marsh, 2 May 2031", body1),
			wantTitle:     headline,
			wantByline:    "Ellen Marsh",
			wantPublished: day(2031, 5, 2),
			wantRemoved:   []string{"By Ellen Marsh, 2 May 2031"},
		},
		{
			name:        "agency with an article",
			in:          lines(headline, "By the Associated Press", body1),
			wantTitle:   headline,
			wantByline:  "the Associated Press",
			wantRemoved: []string{"By the Associated Press"},
		},
		{
			name:          "blog post line with date and author",
			in:            lines(headline, "Posted on May 30, 2031 by Ellen Marsh", body1),
			wantTitle:     headline,
			wantByline:    "Ellen Marsh",
			wantPublished: day(2031, 5, 30),
			wantRemoved:   []string{"Posted on May 30, 2031 by Ellen Marsh"},
		},
		{
			name:          "date and reading time",
			in:            lines(headline, "By Ellen Marsh", "2 May 2031 · 4 min read", body1),
			wantTitle:     headline,
			wantByline:    "Ellen Marsh",
			wantPublished: day(2031, 5, 2),
			wantRemoved:   []string{"By Ellen Marsh", "2 May 2031 · 4 min read"},
		},
		{
			name:        "age without a date",
			in:          lines(headline, "Updated 3 hours ago", body1),
			wantTitle:   headline,
			wantRemoved: []string{"Updated 3 hours ago"},
			wantText:    body1,
		},
		{
			name:        "reading time alone",
			in:          lines(headline, "By Ellen Marsh", "Reading time: 6 minutes", body1),
			wantTitle:   headline,
			wantByline:  "Ellen Marsh",
			wantRemoved: []string{"By Ellen Marsh", "Reading time: 6 minutes"},
		},
		{
			name:          "author in a place over the date",
			in:            lines(headline, deck, "Ellen Marsh and Tomas Brandt in Millbrook", "Tue 2 May 2031 10.30 BST", "Last modified on Tue 2 May 2031 11.41 BST", body1),
			wantTitle:     headline,
			wantSubtitle:  deck,
			wantByline:    "Ellen Marsh and Tomas Brandt in Millbrook",
			wantPublished: time.Date(2031, 5, 2, 10, 30, 0, 0, time.FixedZone("BST", 3600)),
			wantRemoved:   []string{"Ellen Marsh and Tomas Brandt in Millbrook", "Tue 2 May 2031 10.30 BST", "Last modified on Tue 2 May 2031 11.41 BST"},
		},
		{
			name:          "authors in a place beside the date",
			in:            lines(headline, "Ellen Marsh and Tomas Brandt in Millbrook · Tue 2 May 2031", body1),
			wantTitle:     headline,
			wantByline:    "Ellen Marsh and Tomas Brandt in Millbrook",
			wantPublished: day(2031, 5, 2),
		},
		{
			name:          "a masthead is not an author",
			in:            lines(headline, "The Arden Post", "2 May 2031", body1),
			wantTitle:     headline,
			wantPublished: day(2031, 5, 2),
			wantRemoved:   []string{"The Arden Post", "2 May 2031"},
		},
		{
			name:          "month-day-year date line",
			in:            lines(headline, "By Ellen Marsh", "May 2, 2031", body1),
			wantTitle:     headline,
			wantByline:    "Ellen Marsh",
			wantPublished: day(2031, 5, 2),
			wantRemoved:   []string{"By Ellen Marsh", "May 2, 2031"},
		},
		{
			name:          "weekday, time and zone",
			in:            lines(headline, "Tue 2 May 2031 10.30 BST", body1),
			wantTitle:     headline,
			wantPublished: time.Date(2031, 5, 2, 10, 30, 0, 0, time.FixedZone("BST", 3600)),
			wantRemoved:   []string{"Tue 2 May 2031 10.30 BST"},
		},
		{
			name:          "published wins over updated",
			in:            lines(headline, "Updated 14:05 GMT, 3 May 2031", "Published: 2031-05-02", body1),
			wantTitle:     headline,
			wantPublished: day(2031, 5, 2),
			wantRemoved:   []string{"Updated 14:05 GMT, 3 May 2031", "Published: 2031-05-02"},
		},
		{
			name:          "updated alone",
			in:            lines(headline, "Updated 14:05 GMT, 3 May 2031", body1),
			wantTitle:     headline,
			wantPublished: time.Date(2031, 5, 3, 14, 5, 0, 0, time.UTC),
			wantRemoved:   []string{"Updated 14:05 GMT, 3 May 2031"},
		},
		{
			name:          "masthead, section, date and byline on one line",
			in:            lines(headline, "The Arden Post | Local news | Friday 2 May 2031 | By Ellen Marsh", body1, body2),
			wantTitle:     headline,
			wantByline:    "Ellen Marsh",
			wantPublished: day(2031, 5, 2),
			wantRemoved:   []string{"The Arden Post | Local news | Friday 2 May 2031 | By Ellen Marsh"},
		},
		{
			name:          "byline with role, masthead and date between dots",
			in:            lines(headline, "By Ellen Marsh, Transport Correspondent · The Arden Post · 2 May 2031", body1),
			wantTitle:     headline,
			wantByline:    "Ellen Marsh, Transport Correspondent",
			wantPublished: day(2031, 5, 2),
		},
		{
			name:          "date and time over two segments",
			in:            lines(headline, "By Ellen Marsh | Friday 2 May 2031 | 10:30 BST", body1),
			wantTitle:     headline,
			wantByline:    "Ellen Marsh",
			wantPublished: time.Date(2031, 5, 2, 10, 30, 0, 0, time.FixedZone("BST", 3600)),
		},
		{
			name:          "a date line opens the text",
			in:            lines("Tue 2 May 2031", headline, "By Ellen Marsh", body1),
			wantTitle:     headline,
			wantByline:    "Ellen Marsh",
			wantPublished: day(2031, 5, 2),
			wantRemoved:   []string{"Tue 2 May 2031", "By Ellen Marsh"},
		},
		{
			name:          "masthead over the headline",
			in:            lines("The Arden Post", headline, "By Ellen Marsh", "2 May 2031", body1),
			wantTitle:     headline,
			wantByline:    "Ellen Marsh",
			wantPublished: day(2031, 5, 2),
			wantRemoved:   []string{"The Arden Post", "By Ellen Marsh", "2 May 2031"},
		},
		{
			name:        "masthead the byline repeats, no headline",
			in:          lines("Valley Lens", "By Ellen Marsh, Valley Lens", body1),
			wantByline:  "Ellen Marsh, Valley Lens",
			wantRemoved: []string{"Valley Lens", "By Ellen Marsh, Valley Lens"},
			wantText:    body1,
		},
		{
			name:         "deck between headline and byline",
			in:           lines(headline, deck, "By Ellen Marsh", body1),
			wantTitle:    headline,
			wantSubtitle: deck,
			wantByline:   "Ellen Marsh",
			wantText:     body1,
		},
		{
			name:         "deck after the byline",
			in:           lines(headline, "By Ellen Marsh", deck, body1),
			wantTitle:    headline,
			wantSubtitle: deck,
			wantByline:   "Ellen Marsh",
			wantText:     body1,
		},
		{
			name:          "labelled date line at the end",
			in:            lines(headline, body1, body2, "Published 2 May 2031"),
			wantTitle:     headline,
			wantPublished: day(2031, 5, 2),
			wantRemoved:   []string{"Published 2 May 2031"},
			wantText:      body1 + "\n\n" + body2,
		},
		{
			name:          "top date wins over the end's update",
			in:            lines(headline, "2 May 2031", body1, "Last updated: 4 May 2031"),
			wantTitle:     headline,
			wantPublished: day(2031, 5, 2),
			wantRemoved:   []string{"2 May 2031", "Last updated: 4 May 2031"},
		},
		{
			name:          "place dateline stays in the text",
			in:            lines(headline, "2 May 2031", "MILLBROOK (Arden Wire) — "+body1),
			wantTitle:     headline,
			wantPublished: day(2031, 5, 2),
			wantText:      "MILLBROOK (Arden Wire) — " + body1,
		},

		// What is not furniture.
		{
			name:       "body paragraph opening with By the end",
			in:         lines(headline, "By the end of the week, the council expects to have signed the contract for the bridge and named the firm that will build it.", body1),
			wantTitle:  headline,
			wantInText: []string{"By the end of the week"},
		},
		{
			name:       "short body sentence opening with By and a weekday",
			in:         lines(headline, "By Friday, talks had collapsed.", body1),
			wantTitle:  headline,
			wantInText: []string{"By Friday, talks had collapsed."},
		},
		{
			name:         "section label By the Numbers",
			in:           lines(headline, "By the Numbers", body1),
			wantTitle:    headline,
			wantHeadings: []string{"By the Numbers"},
		},
		// A text without a body paragraph has no furniture: Byline and Published stay empty.
		{name: "one-line article that is a byline", in: "By Ellen Marsh"},
		{name: "one-line article that is a date", in: "2 May 2031"},
		{
			name:     "one-line article with a date",
			in:       "The council approved the bridge on 2 May 2031.",
			wantText: "The council approved the bridge on 2 May 2031.",
		},
		{
			name:       "headline with a date",
			in:         lines("Talks resume on 2 May", body1),
			wantTitle:  "Talks resume on 2 May",
			wantText:   body1,
			wantInText: []string{body1},
		},
		{
			name:       "headline shaped like a byline opens the text",
			in:         lines("By Land and Sea", "By Ellen Marsh", body1),
			wantTitle:  "By Land and Sea",
			wantByline: "Ellen Marsh",
			wantText:   body1,
		},
		{
			name:       "byline opens a text whose title the caller gave",
			in:         lines("By Ellen Marsh", body1),
			title:      headline,
			wantByline: "Ellen Marsh",
			wantText:   body1,
		},
		{
			name:      "headline the caller gave is not a byline",
			in:        lines("By Land and Sea", body1),
			title:     "By Land and Sea",
			wantTitle: "By Land and Sea",
			wantText:  body1,
		},
		{
			name:       "short title-case headline over a byline is not a masthead",
			in:         lines("Harbour Talks Resume", "By Ellen Marsh", body1),
			wantTitle:  "Harbour Talks Resume",
			wantByline: "Ellen Marsh",
			wantText:   body1,
		},
		{
			name:         "section label after the byline stays",
			in:           lines(headline, "By Ellen Marsh", "Background", body1),
			wantTitle:    headline,
			wantByline:   "Ellen Marsh",
			wantHeadings: []string{"Background"},
		},
		{
			name:         "dates in body sentences are untouched, and a date line after them too",
			in:           lines(headline, "On 2 May 2031 the council met in the old school hall to vote on the bridge.", "2 May 2031", body1),
			wantTitle:    headline,
			wantHeadings: []string{"2 May 2031"},
			wantInText:   []string{"On 2 May 2031 the council", "\n\n2 May 2031\n\n"},
		},
		{
			// Not a publication date: a letter ends with the day it was written.
			name:      "bare date at the end is not read",
			in:        lines(headline, body1, body2, "2 May 2031"),
			wantTitle: headline,
		},
		{
			name:         "a number of minutes is not a reading time",
			in:           lines(headline, "90 minutes", body1),
			wantTitle:    headline,
			wantHeadings: []string{"90 minutes"},
		},
		{
			name:       "date with a headline-like name beside it is not furniture",
			in:         lines(headline, deck, "Talks resume | 2 May 2031", body1),
			wantTitle:  headline,
			wantInText: []string{"Talks resume | 2 May 2031"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clean.Clean(clean.TextBlocks(tt.in), tt.title)
			if got.Title != tt.wantTitle {
				t.Errorf("Title = %q, want %q", got.Title, tt.wantTitle)
			}
			if got.Subtitle != tt.wantSubtitle {
				t.Errorf("Subtitle = %q, want %q", got.Subtitle, tt.wantSubtitle)
			}
			if got.Byline != tt.wantByline {
				t.Errorf("Byline = %q, want %q", got.Byline, tt.wantByline)
			}
			_, off := got.Published.Zone()
			_, wantOff := tt.wantPublished.Zone()
			if !got.Published.Equal(tt.wantPublished) || off != wantOff {
				t.Errorf("Published = %v, want %v", got.Published, tt.wantPublished)
			}
			if tt.wantRemoved != nil && !slices.Equal(got.Removed, tt.wantRemoved) {
				t.Errorf("Removed = %q\nwant %q", got.Removed, tt.wantRemoved)
			}
			var headings []string
			for _, h := range got.Headings {
				headings = append(headings, h.Text)
			}
			if !slices.Equal(headings, tt.wantHeadings) {
				t.Errorf("Headings = %q, want %q", headings, tt.wantHeadings)
			}
			if tt.wantText != "" && got.Text != tt.wantText {
				t.Errorf("Text = %q\nwant %q", got.Text, tt.wantText)
			}
			for _, s := range tt.wantInText {
				if !strings.Contains(got.Text, s) {
					t.Errorf("Text lacks %q\nText: %q", s, got.Text)
				}
			}
		})
	}
}

// TestCleanFurnitureMarkdown checks furniture in Markdown, where the byline carries emphasis.
func TestCleanFurnitureMarkdown(t *testing.T) {
	md := "# " + headline + "\n\n*" + deck + "*\n\nBy **Ellen Marsh**, Transport Correspondent · The Arden Post · 2 May 2031\n\n" + body1 + "\n\n" + body2 + "\n"
	got := clean.Clean(clean.MarkdownBlocks(md), "")
	if got.Title != headline || got.Subtitle != deck {
		t.Errorf("Title, Subtitle = %q, %q; want %q, %q", got.Title, got.Subtitle, headline, deck)
	}
	if want := "Ellen Marsh, Transport Correspondent"; got.Byline != want {
		t.Errorf("Byline = %q, want %q", got.Byline, want)
	}
	if want := day(2031, 5, 2); !got.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", got.Published, want)
	}
	if want := body1 + "\n\n" + body2; got.Text != want {
		t.Errorf("Text = %q, want %q", got.Text, want)
	}
}

// TestCleanShortHeadline covers a first line of two or three words: a headline when body text
// follows and its words are not those of a section label.
func TestCleanShortHeadline(t *testing.T) {
	tests := []struct {
		name         string
		in           string
		wantTitle    string
		wantHeadings []string
	}{
		{name: "three-word headline", in: lines("Harbour talks resume", body1, body2), wantTitle: "Harbour talks resume"},
		{name: "two-word headline", in: lines("Ferry returns", body1), wantTitle: "Ferry returns"},
		{name: "three-word headline over a byline", in: lines("Harbour talks resume", "By Ellen Marsh", body1), wantTitle: "Harbour talks resume"},
		{name: "executive summary is a label", in: lines("Executive Summary", body1, "Analysis", body2), wantHeadings: []string{"Executive Summary", "Analysis"}},
		{name: "what happens next is a label", in: lines("What happens next", body1, body2), wantHeadings: []string{"What happens next"}},
		{name: "the bottom line is a label", in: lines("The bottom line", body1), wantHeadings: []string{"The bottom line"}},
		{name: "one word is a label", in: lines("Overview", body1), wantHeadings: []string{"Overview"}},
		{name: "an outlet's name is not a headline", in: lines("The Arden Post", body1), wantHeadings: []string{"The Arden Post"}},
		{name: "not followed by body at once", in: lines("Harbour talks resume", "Millbrook North", body1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clean.Clean(clean.TextBlocks(tt.in), "")
			if got.Title != tt.wantTitle {
				t.Errorf("Title = %q, want %q", got.Title, tt.wantTitle)
			}
			var headings []string
			for _, h := range got.Headings {
				headings = append(headings, h.Text)
			}
			if !slices.Equal(headings, tt.wantHeadings) {
				t.Errorf("Headings = %q, want %q", headings, tt.wantHeadings)
			}
		})
	}
}
