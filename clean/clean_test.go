package clean_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/clean"
)

// Invented body paragraphs of a fictional local story.
const (
	body1 = "The town council of Millbrook voted on Tuesday to fund a new bridge over the Arden river, ending a dispute that had divided residents for more than a decade."
	body2 = "Engineers from the regional transport office said construction would begin in the spring and take about two years, although the final cost has not yet been agreed."
	body3 = "Mayor Ellen Fisk told reporters that the bridge would cut the morning commute for thousands of families who now drive twenty kilometres to the nearest crossing."
)

func lines(ls ...string) string { return strings.Join(ls, "\n") }

func TestClean(t *testing.T) {
	tests := []struct {
		name         string
		in           string
		title        string
		wantTitle    string
		wantSubtitle string
		wantRemoved  []string // exactly these, in order
		wantHeadings []string
		wantText     []string // substrings Text must hold
		wantNotText  []string // substrings Text must not hold
	}{
		{
			name:         "glued headline is split",
			in:           lines("Villagers cheer as the new bridge opens Engineers warn of costs ahead", body1, body2),
			wantTitle:    "Villagers cheer as the new bridge opens",
			wantSubtitle: "Engineers warn of costs ahead",
			wantText:     []string{body1, body2},
			wantNotText:  []string{"Villagers cheer"},
		},
		{
			name:         "glued headline split at a word the body uses in lower case",
			in:           lines("Harbour plan approved after a long debate Fishermen fear losing their moorings", body1, "Several fishermen said the new quay would leave them without a place to tie up their boats."),
			wantTitle:    "Harbour plan approved after a long debate",
			wantSubtitle: "Fishermen fear losing their moorings",
		},
		{
			name:      "title case headline is not split",
			in:        lines("Council to Vote on a New Harbour Plan", body1, "The new plan replaces one that was rejected last year."),
			wantTitle: "Council to Vote on a New Harbour Plan",
		},
		{
			name:      "title case headline without small words is not split",
			in:        lines("Council Approves New Harbour Plan", body1),
			wantTitle: "Council Approves New Harbour Plan",
		},
		{
			name:      "a name after a lower-case word is not a cut",
			in:        lines("Residents welcome the bridge as Fisk promises quick work", body1, body3),
			wantTitle: "Residents welcome the bridge as Fisk promises quick work",
		},
		{
			name:      "halves too short are not cut",
			in:        lines("Bridge opens Engineers cheer", body1),
			wantTitle: "Bridge opens Engineers cheer",
		},
		{
			name:     "a first sentence is body, not a headline",
			in:       lines("The bridge opened on Monday.", body1),
			wantText: []string{"The bridge opened on Monday.\n\n" + body1},
		},
		{
			name:      "given title equal to the first block",
			in:        lines("Millbrook approves bridge", body1),
			title:     "Millbrook approves bridge",
			wantTitle: "Millbrook approves bridge",
			wantText:  []string{body1},
		},
		{
			name:        "given title with an outlet suffix",
			in:          lines("Millbrook Approves Bridge", body1),
			title:       "Millbrook approves bridge | The Arden Post",
			wantTitle:   "Millbrook Approves Bridge",
			wantNotText: []string{"Millbrook Approves"},
		},
		{
			name:     "given title different from the first block",
			in:       lines("A first line that is not the title the caller gave us here", body1),
			title:    "Millbrook approves bridge",
			wantText: []string{"A first line that is not the title the caller gave us here\n\n" + body1},
		},
		{
			name:         "given title glued to a subheading",
			in:           lines("Millbrook approves bridge Engineers warn that costs could double by 2027", body1),
			title:        "Millbrook approves bridge",
			wantTitle:    "Millbrook approves bridge",
			wantSubtitle: "Engineers warn that costs could double by 2027",
		},
		{
			name:         "subheading on its own line",
			in:           lines("Villagers cheer as the new bridge opens", "Engineers warn that the final bill could double before the work ends", body1, body2),
			wantTitle:    "Villagers cheer as the new bridge opens",
			wantSubtitle: "Engineers warn that the final bill could double before the work ends",
			wantText:     []string{body1},
		},
		{
			name:         "section labels are headings",
			in:           lines("Executive Summary", body1, "Analysis", body2, "Key Points", body3),
			wantHeadings: []string{"Executive Summary", "Analysis", "Key Points"},
			wantText:     []string{"Executive Summary\n\n" + body1 + "\n\nAnalysis\n\n" + body2},
		},
		{
			name:         "headline then a section label",
			in:           lines("Millbrook Votes to Build Its First Bridge in a Century", "", "Background", "", body1, "", body2),
			wantTitle:    "Millbrook Votes to Build Its First Bridge in a Century",
			wantHeadings: []string{"Background"},
		},
		{
			name:     "a list at the end is kept",
			in:       lines(body1, body2, "Stations on the new line", "Millbrook North", "Arden Bridge", "Ardenford Central"),
			wantText: []string{"Stations on the new line\n\nMillbrook North\n\nArden Bridge\n\nArdenford Central"},
		},
		{
			name:     "list items are not headings",
			in:       lines(body1, "Meal one", "Oats with fruit", "Meal two", "Soup and bread", body2),
			wantText: []string{"Meal one\n\nOats with fruit\n\nMeal two\n\nSoup and bread\n\n" + body2},
		},
		{
			name:     "an opening question is the lede, not a headline",
			in:       lines("Remember when the ferry was the only way across the river?", body1),
			wantText: []string{"Remember when the ferry was the only way across the river?\n\n" + body1},
		},
		{
			name:     "two sentences are not a headline",
			in:       lines("The ferry has gone. Drivers say they will not miss it", body1),
			wantText: []string{"The ferry has gone. Drivers say they will not miss it\n\n" + body1},
		},
		{
			name: "trailing label and previous/next block",
			in: lines(body1, "", body2, "", "Sources", "", "Previous", "Previous", "", "Harbour Festival Draws Record Crowds",
				"", "Next", "Next", "", "School Board Delays Budget Vote Again"),
			wantRemoved: []string{"Sources", "Previous", "Previous", "Harbour Festival Draws Record Crowds", "Next", "Next", "School Board Delays Budget Vote Again"},
			wantText:    []string{body1 + "\n\n" + body2},
		},
		{
			name:        "navigation with arrows and article words",
			in:          lines(body1, "« Previous article", "Harbour Festival Draws Record Crowds", "Next story »", "School Board Delays Budget Vote Again"),
			wantRemoved: []string{"« Previous article", "Harbour Festival Draws Record Crowds", "Next story »", "School Board Delays Budget Vote Again"},
		},
		{
			name:     "next week and the previous government are body",
			in:       lines(body1, "Next week the council will publish the tender documents.", "The previous government had rejected the plan twice.", body2),
			wantText: []string{"Next week the council", "The previous government"},
		},
		{
			name:     "a one-word sentence is body",
			in:       lines(body1, "No.", body2),
			wantText: []string{body1 + "\n\nNo.\n\n" + body2},
		},
		{
			name: "appeal run at the end",
			in: lines(body1, body2, body3,
				"A Message from The Arden Post:",
				"Dear readers,",
				"Local reporting like this takes weeks of work by people who live here.",
				"If you value independent journalism, please support us with a donation of any size. Every contribution keeps our work free for everyone.",
				"Thank you for standing with us.",
				"Remind me later."),
			wantRemoved: []string{
				"A Message from The Arden Post:",
				"Dear readers,",
				"Local reporting like this takes weeks of work by people who live here.",
				"If you value independent journalism, please support us with a donation of any size. Every contribution keeps our work free for everyone.",
				"Thank you for standing with us.",
				"Remind me later.",
			},
			wantText: []string{body3},
		},
		{
			name: "appeal run without a head ends with its button",
			in: lines(body1, body2,
				"Our journalism is funded by readers like you. Your support keeps it free to read for everyone.",
				"Donate now"),
			wantRemoved: []string{"Our journalism is funded by readers like you. Your support keeps it free to read for everyone.", "Donate now"},
		},
		{
			name:     "body paragraph mentioning support and journalism is kept",
			in:       lines(body1, "Several charities pledged to support the families affected, and a local journalism fund offered grants to reporters covering the dispute.", body2),
			wantText: []string{"Several charities pledged to support the families"},
		},
		{
			name:     "reported appeal with quote marks is kept",
			in:       lines(body1, "“Please support us,” the mayor told the crowd.", body2),
			wantText: []string{"“Please support us,” the mayor told the crowd."},
		},
		{
			name:     "reported appeal without quote marks is kept",
			in:       lines(body1, "Please support us, the mayor told the crowd.", body2),
			wantText: []string{"Please support us, the mayor told the crowd."},
		},
		{
			name: "a letter that opens with dear readers is kept",
			in: lines("Dear readers,",
				"This is the last edition printed on our old press, which has served the paper since 1971 and which our staff will miss.",
				"From next month the paper comes from a new plant in Ardenford, and delivery times in the valley should improve."),
			wantText: []string{"Dear readers,", "our old press"},
		},
		{
			name:     "appeal head followed by ordinary body is kept",
			in:       lines(body1, "A message from the mayor:", body2, body3),
			wantText: []string{"A message from the mayor:\n\n" + body2},
		},
		{
			name: "share, advertisement, follow, read-more and footer lines",
			in: lines(body1, "Share this article", "Advertisement", body2, "Follow us on Telegram",
				"Read more: Harbour festival draws record crowds", "RELATED: School board delays vote", body3,
				"© 2025 Arden Post Media. All rights reserved.",
				"We use cookies to improve your experience. By continuing to browse, you agree to our cookie policy.",
				"Sign up for our newsletter"),
			wantRemoved: []string{"Share this article", "Advertisement", "Follow us on Telegram",
				"Read more: Harbour festival draws record crowds", "RELATED: School board delays vote",
				"© 2025 Arden Post Media. All rights reserved.",
				"We use cookies to improve your experience. By continuing to browse, you agree to our cookie policy.",
				"Sign up for our newsletter"},
			wantText: []string{body1 + "\n\n" + body2 + "\n\n" + body3},
		},
		{
			name: "long cookie notice",
			in: lines(body1, body2, "We and our partners use cookies and similar technologies to store and/or access information on a device, "+
				"to measure how you use this site and to show you personalised content and advertising. You can change your choices at any "+
				"time by opening the privacy settings at the foot of every page, or withdraw your consent where processing relies on it."),
			wantRemoved: []string{"We and our partners use cookies and similar technologies to store and/or access information on a device, " +
				"to measure how you use this site and to show you personalised content and advertising. You can change your choices at any " +
				"time by opening the privacy settings at the foot of every page, or withdraw your consent where processing relies on it."},
		},
		{
			name:     "news about cookies is kept",
			in:       lines(body1, "The regulator said on Monday that the bakery chain had broken the rules on how websites may track visitors, and fined it two million euros for setting tracking cookies before visitors had agreed to them."),
			wantText: []string{"tracking cookies"},
		},
		{
			name: "prose starting like boilerplate is kept",
			in: lines(body1, "Share prices of the construction firm rose 4% on the news.",
				"Advertisement revenue at the Arden Post fell by a third last year.",
				"Copyright law does not protect the design of the old bridge.",
				"Subscribe to the idea of a toll, the mayor did not."),
			wantText: []string{"Share prices", "Advertisement revenue", "Copyright law", "Subscribe to the idea"},
		},
		{
			name:         "related list up to a section that heads body text",
			in:           lines(body1, "Related", "Background", body2),
			wantRemoved:  []string{"Related"},
			wantHeadings: []string{"Background"},
		},
		{
			name:        "most read list",
			in:          lines(body1, body2, "Most read", "Harbour Festival Draws Record Crowds", "School Board Delays Budget Vote Again"),
			wantRemoved: []string{"Most read", "Harbour Festival Draws Record Crowds", "School Board Delays Budget Vote Again"},
		},
		{
			name:     "whitespace collapsed, NFC, quote marks untouched",
			in:       "The cafe\u0301  owner\tsaid \u00a0 “we’re ready” and 'so are \"they\"'.\n" + body1,
			wantText: []string{"The café owner said “we’re ready” and 'so are \"they\"'."},
		},
		{
			name:     "hard-wrapped paragraphs are joined",
			in:       wrap(body1, 50) + "\n\n" + wrap(body2, 50),
			wantText: []string{body1 + "\n\n" + body2},
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
			if !slices.Equal(got.Removed, tt.wantRemoved) && (len(got.Removed) > 0 || len(tt.wantRemoved) > 0) {
				t.Errorf("Removed = %q\nwant %q", got.Removed, tt.wantRemoved)
			}
			var headings []string
			for _, h := range got.Headings {
				headings = append(headings, h.Text)
				if got.Text[h.Start:h.End] != h.Text {
					t.Errorf("heading %q: Text[%d:%d] = %q", h.Text, h.Start, h.End, got.Text[h.Start:h.End])
				}
			}
			if !slices.Equal(headings, tt.wantHeadings) {
				t.Errorf("Headings = %q, want %q", headings, tt.wantHeadings)
			}
			for _, s := range tt.wantText {
				if !strings.Contains(got.Text, s) {
					t.Errorf("Text lacks %q\nText: %q", s, got.Text)
				}
			}
			for _, s := range tt.wantNotText {
				if strings.Contains(got.Text, s) {
					t.Errorf("Text holds %q", s)
				}
			}
		})
	}
}

// TestCleanGluedToken covers a headline glued to its subheading without a space, as copying a
// page's headline and subheading together leaves them, and the camel-case words that look alike.
func TestCleanGluedToken(t *testing.T) {
	body := lines(body1, body2, body3)
	tests := []struct {
		name         string
		first        string
		title        string // the caller's title
		wantTitle    string
		wantSubtitle string
	}{
		{
			name:         "sentence case glued",
			first:        "Millbrook votes to fund its first bridgeResidents say the ferry has served them well enough",
			wantTitle:    "Millbrook votes to fund its first bridge",
			wantSubtitle: "Residents say the ferry has served them well enough",
		},
		{
			name:         "glued before a name the body uses",
			first:        "Bridge vote ends a decade of quarrels in MillbrookFisk promises that work starts in the spring",
			wantTitle:    "Bridge vote ends a decade of quarrels in Millbrook",
			wantSubtitle: "Fisk promises that work starts in the spring",
		},
		{
			name:         "title case glued before a name the body uses",
			first:        "Millbrook Council Votes to Fund a New BridgeFisk says families will save an hour a day",
			wantTitle:    "Millbrook Council Votes to Fund a New Bridge",
			wantSubtitle: "Fisk says families will save an hour a day",
		},
		{
			name:         "subheading that asks a question",
			first:        "Millbrook will get its bridge at lastWhat happens to the ferry crews now?",
			wantTitle:    "Millbrook will get its bridge at last",
			wantSubtitle: "What happens to the ferry crews now?",
		},
		{
			name:         "given title glued to its subheading",
			first:        "Millbrook approves bridgeEngineers warn that costs could double by 2027",
			title:        "Millbrook approves bridge",
			wantTitle:    "Millbrook approves bridge",
			wantSubtitle: "Engineers warn that costs could double by 2027",
		},
		{
			name:      "short lower-case head",
			first:     "Ferry timetables move to an iPhone app for the first time",
			wantTitle: "Ferry timetables move to an iPhone app for the first time",
		},
		{
			name:      "one-letter head",
			first:     "Old ferry tickets sell on eBay for hundreds of dollars",
			wantTitle: "Old ferry tickets sell on eBay for hundreds of dollars",
		},
		{
			name:      "Mc name",
			first:     "Engineer Rosa McAllister will lead the bridge project",
			wantTitle: "Engineer Rosa McAllister will lead the bridge project",
		},
		{
			name:      "Mac name",
			first:     "Crowds gather at MacArthur Square for the bridge vote",
			wantTitle: "Crowds gather at MacArthur Square for the bridge vote",
		},
		{
			name:      "De name",
			first:     "Governor DeLuca visits the site of the Arden bridge",
			wantTitle: "Governor DeLuca visits the site of the Arden bridge",
		},
		{
			name:      "Van name",
			first:     "Architect Pieter VanHoorn unveils the bridge design",
			wantTitle: "Architect Pieter VanHoorn unveils the bridge design",
		},
		{
			name:      "acronym after the cut",
			first:     "Bridge sensors will report to the cityNET monitoring service",
			wantTitle: "Bridge sensors will report to the cityNET monitoring service",
		},
		{
			name:      "short tail after the cut",
			first:     "Mayor Fisk answers critics of the bridge on LinkedIn this week",
			wantTitle: "Mayor Fisk answers critics of the bridge on LinkedIn this week",
		},
		{
			name:      "two short capitalised words",
			first:     "Mayor posts a video of the bridge vote on YouTube for residents",
			wantTitle: "Mayor posts a video of the bridge vote on YouTube for residents",
		},
		{
			name:      "brand the body does not split",
			first:     "Library lends PlayStation consoles to teenagers in Millbrook",
			wantTitle: "Library lends PlayStation consoles to teenagers in Millbrook",
		},
		{
			name:      "more capitals inside",
			first:     "Ferry operator is bought by the ArdenRiverLines group of companies",
			wantTitle: "Ferry operator is bought by the ArdenRiverLines group of companies",
		},
		{
			name:      "hashtag",
			first:     "Residents rally behind the bridge with #BuildTheBridge posters in Millbrook",
			wantTitle: "Residents rally behind the bridge with #BuildTheBridge posters in Millbrook",
		},
		{
			name:      "halves too short",
			first:     "Bridge approvedResidents cheer",
			wantTitle: "Bridge approvedResidents cheer",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clean.Clean(clean.TextBlocks(lines(tt.first, body)), tt.title)
			if got.Title != tt.wantTitle || got.Subtitle != tt.wantSubtitle {
				t.Errorf("Title, Subtitle = %q, %q; want %q, %q", got.Title, got.Subtitle, tt.wantTitle, tt.wantSubtitle)
			}
			if tt.wantTitle != "" && strings.Contains(got.Text, tt.first) {
				t.Errorf("the first line is left in Text")
			}
			if !strings.HasPrefix(got.Text, body1) {
				t.Errorf("Text starts %q, want the body", got.Text[:min(len(got.Text), 60)])
			}
		})
	}
}

// TestCleanHeadingBlocks covers blocks an HTML extractor marked as headings.
func TestCleanHeadingBlocks(t *testing.T) {
	blocks := []clean.Block{
		{Text: "Bridge vote: what the council decided and why it matters to the valley", Heading: true},
		{Text: body1},
		{Text: "What happens to the ferry service once the new bridge is finally open?", Heading: true},
		{Text: body2},
		{Text: "More from the valley", Heading: true},
	}
	got := clean.Clean(blocks, "Millbrook approves bridge")
	want := []string{
		"Bridge vote: what the council decided and why it matters to the valley",
		"What happens to the ferry service once the new bridge is finally open?",
	}
	var headings []string
	for _, h := range got.Headings {
		headings = append(headings, h.Text)
	}
	if !slices.Equal(headings, want) {
		t.Errorf("Headings = %q, want %q", headings, want)
	}
	if !slices.Equal(got.Removed, []string{"More from the valley"}) {
		t.Errorf("Removed = %q, want the trailing heading", got.Removed)
	}
	if got.Title != "" {
		t.Errorf("Title = %q, want none: the first block differs from the given title", got.Title)
	}
}

func TestCleanEmpty(t *testing.T) {
	for _, blocks := range [][]clean.Block{nil, {{Text: "  \n\t "}}} {
		got := clean.Clean(blocks, "")
		if got.Text != "" || got.Title != "" || len(got.Removed) != 0 || len(got.Headings) != 0 {
			t.Errorf("Clean(%+v) = %+v, want empty", blocks, got)
		}
		if got.Removed == nil || got.Headings == nil {
			t.Errorf("Clean(%+v): Removed and Headings must be empty lists, not nil", blocks)
		}
	}
}

// wrap fills text to width columns as a mail client does.
func wrap(text string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(text) {
		switch {
		case n == 0:
		case n+1+len(w) > width:
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}
