package clean_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/clean"
	"golang.org/x/text/unicode/norm"
)

// addCorpus seeds a fuzz target with the package's own test inputs.
func addCorpus(f *testing.F, pattern string, add func(string)) {
	paths, err := filepath.Glob(filepath.Join("testdata", "TestCleanGolden", pattern))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		add(string(b))
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"", "\ufeffA\u0301\r\n\r\nNo.", lines("Villagers cheer as the new bridge opens Engineers warn of costs ahead", body1),
		lines(body1, "Previous", "Previous", "Harbour Festival Draws Record Crowds"), "Title - a deck that goes on here\n" + body1,
		lines("Millbrook votes to fund its first bridgeResidents say the ferry served them well", body1, body2),
		lines("Millbrook Council Votes to Fund a New BridgeFisk says families will save an hour", body1, body3),
		"\xff\xfe broken \xc3", "a\u00a0\u00a0b\u2003c\t\td",
		lines("The Arden Post", "Bridge vote splits the valley", "Ellen Marsh | Staff writer · Tue 2 May 2031 10.30 BST", body1, "Published 2 May 2031"),
	} {
		f.Add(s, "")
	}
	f.Add("Millbrook approves bridge - Engineers warn that costs could double soon\n"+body1, "Millbrook approves bridge")
	f.Add("Millbrook approves bridgeEngineers warn that costs could double soon\n"+body1, "Millbrook approves bridge")
	addCorpus(f, "*.txt", func(s string) { f.Add(s, "") })
	f.Fuzz(func(t *testing.T, text, title string) {
		blocks := clean.TextBlocks(text)
		var fromBlocks []string
		for _, b := range blocks {
			if strings.TrimFunc(b.Text, unicode.IsSpace) != b.Text || b.Text == "" {
				t.Fatalf("block %q is empty or not trimmed", b.Text)
			}
			fromBlocks = append(fromBlocks, strings.Fields(b.Text)...)
		}
		if got, want := strings.Join(fromBlocks, " "), strings.Join(strings.Fields(strings.TrimPrefix(text, "\ufeff")), " "); got != want {
			t.Fatalf("TextBlocks lost or changed words:\n got %q\nwant %q", got, want)
		}
		res := clean.Clean(blocks, title)
		checkResult(t, res)
		checkNothingLost(t, blocks, res)
	})
}

func FuzzMarkdownBlocks(f *testing.F) {
	for _, s := range []string{
		"", "# T\n\ntext *em* [l](u) ![a](i)\n\n- x\n- y\n\n> q\n\n```\ncode\n```\n", "a\\\nb  \nc",
		"&#x0; &#99999999; &bogus; \\& <b>x</b>", lines(body1, body2), "Title\n===\n\nPrevious\n\nNext\n",
		"* [ ] a\n  * b\n\n1) c\n\n    d\n\n<div>\n\ne\n</div>",
	} {
		f.Add(s)
	}
	addCorpus(f, "*.md", func(s string) { f.Add(s) })
	f.Fuzz(func(t *testing.T, md string) {
		blocks := clean.MarkdownBlocks(md)
		for _, b := range blocks {
			if strings.TrimFunc(b.Text, unicode.IsSpace) != b.Text || b.Text == "" {
				t.Fatalf("block %q is empty or not trimmed", b.Text)
			}
			if utf8.ValidString(md) && !utf8.ValidString(b.Text) {
				t.Fatalf("block %q is not valid UTF-8", b.Text)
			}
		}
		checkResult(t, clean.Clean(blocks, ""))
		if prose(md) {
			// Markdown without any markup characters is plain text: nothing may be lost or added.
			got := wordsOf(blocks)
			want := wordsOf(clean.TextBlocks(md))
			if got != want {
				t.Fatalf("prose lost words as Markdown:\n got %q\nwant %q", got, want)
			}
		}
	})
}

// checkResult checks the properties every Result has.
func checkResult(t *testing.T, r clean.Result) {
	t.Helper()
	for name, s := range map[string]string{"Text": r.Text, "Title": r.Title, "Subtitle": r.Subtitle} {
		if !utf8.ValidString(s) {
			t.Fatalf("%s is not valid UTF-8: %q", name, s)
		}
		if !norm.NFC.IsNormalString(s) {
			t.Fatalf("%s is not NFC: %q", name, s)
		}
		if strings.TrimFunc(s, unicode.IsSpace) != s {
			t.Fatalf("%s has surrounding space: %q", name, s)
		}
	}
	if strings.Contains(r.Text, "\n\n\n") {
		t.Fatalf("Text has an empty paragraph: %q", r.Text)
	}
	for _, h := range r.Headings {
		if h.Start < 0 || h.Start > h.End || h.End > len(r.Text) {
			t.Fatalf("heading %q span [%d,%d) out of range of %d bytes", h.Text, h.Start, h.End, len(r.Text))
		}
		if r.Text[h.Start:h.End] != h.Text {
			t.Fatalf("heading %q: Text[%d:%d] = %q", h.Text, h.Start, h.End, r.Text[h.Start:h.End])
		}
	}
}

// checkNothingLost checks that every word of the input blocks ends up in Text, Title, Subtitle
// or Removed. Words made of punctuation alone are exempt: the separator between a title and
// its subheading ("Title - Deck") is dropped. A headline glued to its subheading in one token
// ("talksVelmar") is found in Title and Subtitle read together.
func checkNothingLost(t *testing.T, blocks []clean.Block, r clean.Result) {
	t.Helper()
	removed := norm.NFC.String(strings.ToValidUTF8(strings.Join(r.Removed, "\n"), "\uFFFD"))
	headline := r.Title + r.Subtitle
	for _, b := range blocks {
		for _, w := range strings.Fields(norm.NFC.String(strings.ToValidUTF8(b.Text, "\uFFFD"))) {
			if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
				continue
			}
			if !strings.Contains(r.Text, w) && !strings.Contains(headline, w) && !strings.Contains(removed, w) {
				t.Fatalf("word %q of block %q is lost\nresult: %+v", w, b.Text, r)
			}
		}
	}
}

// prose reports text with no character Markdown could read as markup: letters, a few
// punctuation marks, spaces and newlines, and no indented line.
func prose(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for l := range strings.SplitSeq(s, "\n") {
		if strings.HasPrefix(l, " ") {
			return false
		}
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !strings.ContainsRune(" \n.,;?'", r) {
			return false
		}
	}
	return true
}

func wordsOf(blocks []clean.Block) string {
	var words []string
	for _, b := range blocks {
		words = append(words, strings.Fields(b.Text)...)
	}
	return strings.Join(words, " ")
}
