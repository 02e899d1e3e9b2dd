package story_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier/story"
)

// readDedup reads a text from testdata/dedup.
func readDedup(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "dedup", name))
	if err != nil {
		t.Fatalf("read test text: %v", err)
	}
	return string(b)
}

func TestDedupAdd(t *testing.T) {
	// Each step adds one file (its name is the article id) and states what Add must report.
	type step struct {
		file      string
		wantExact string
		wantNear  string  // "" for no near-duplicate
		minSim    float64 // lowest acceptable Similarity when wantNear is set
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{
			name: "first-article-matches-nothing",
			steps: []step{
				{file: "wire.txt"},
			},
		},
		{
			name: "retyped-copy-is-exact",
			steps: []step{
				{file: "wire.txt"},
				// Curly quotes, double spaces and a lowercased dateline: the same words in order.
				{file: "wire-retyped.txt", wantExact: "wire.txt", wantNear: "wire.txt", minSim: 1},
			},
		},
		{
			name: "reprint-with-header-footer-and-edits-is-near",
			steps: []step{
				{file: "wire.txt"},
				{file: "wire-reprint.txt", wantNear: "wire.txt", minSim: 0.8},
			},
		},
		{
			name: "most-similar-earlier-article-wins",
			steps: []step{
				{file: "wire.txt"},
				{file: "wire-reprint.txt", wantNear: "wire.txt", minSim: 0.8},
				{file: "reprint-of-reprint.txt", wantNear: "wire-reprint.txt", minSim: 0.9},
			},
		},
		{
			name: "exact-copy-matches-the-first-not-a-later-near-copy",
			steps: []step{
				{file: "wire.txt"},
				{file: "wire-reprint.txt", wantNear: "wire.txt", minSim: 0.8},
				{file: "wire-retyped.txt", wantExact: "wire.txt", wantNear: "wire.txt", minSim: 1},
			},
		},
		{
			name: "same-topic-different-stories-do-not-match",
			steps: []step{
				{file: "wire.txt"},
				{file: "rival.txt"},
				{file: "followup.txt"},
			},
		},
		{
			name: "short-briefs-on-one-event-do-not-match",
			steps: []step{
				{file: "brief-a.txt"},
				{file: "brief-b.txt"},
			},
		},
		{
			name: "text-without-words-is-not-recorded",
			steps: []step{
				{file: "no-words.txt"},
				{file: "no-words.txt"},
				{file: "wire.txt"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := story.NewDedup(story.DedupOptions{})
			for _, s := range tt.steps {
				exact, near := d.Add(s.file, readDedup(t, s.file))
				if exact != s.wantExact || near.ID != s.wantNear {
					t.Errorf("Add(%s) = %q, %+v; want exact %q, near %q", s.file, exact, near, s.wantExact, s.wantNear)
				}
				if s.wantNear != "" && (near.Similarity < s.minSim || near.Similarity > 1) {
					t.Errorf("Add(%s) similarity = %.3f, want in [%.2f, 1]", s.file, near.Similarity, s.minSim)
				}
			}
		})
	}
}

func TestDedupOptions(t *testing.T) {
	// The reprint has a header, a footer and a reworded phrase: its similarity to the wire
	// story lies between 0.8 and 1, so the threshold decides.
	wire, reprint := readDedup(t, "wire.txt"), readDedup(t, "wire-reprint.txt")
	tests := []struct {
		name     string
		opts     story.DedupOptions
		wantNear bool
	}{
		{name: "defaults", opts: story.DedupOptions{}, wantNear: true},
		{name: "threshold-1-needs-the-same-shingles", opts: story.DedupOptions{Threshold: 1}, wantNear: false},
		{name: "threshold-above-1-acts-as-1", opts: story.DedupOptions{Threshold: 3}, wantNear: false},
		{name: "negative-threshold-means-default", opts: story.DedupOptions{Threshold: -1}, wantNear: true},
		{name: "word-pairs", opts: story.DedupOptions{Shingle: 2}, wantNear: true},
		{name: "long-shingles-are-stricter", opts: story.DedupOptions{Shingle: 8, Threshold: 0.9}, wantNear: false},
		{name: "long-signature", opts: story.DedupOptions{Hashes: 512}, wantNear: true},
		{name: "tiny-signature-still-works", opts: story.DedupOptions{Hashes: 1, Threshold: 0.5}, wantNear: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := story.NewDedup(tt.opts)
			d.Add("wire", wire)
			exact, near := d.Add("reprint", reprint)
			if exact != "" {
				t.Errorf("Add(reprint) exact = %q, want none", exact)
			}
			if got := near.ID == "wire"; got != tt.wantNear {
				t.Errorf("Add(reprint) near = %+v, want a match: %v", near, tt.wantNear)
			}
		})
	}
}

// FuzzDedupAdd checks that any text can be added, that a second copy of a text with words is
// reported as an exact duplicate of the first, and that similarities stay in [0, 1].
func FuzzDedupAdd(f *testing.F) {
	for _, name := range []string{"wire.txt", "rival.txt", "brief-a.txt", "no-words.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", "dedup", name))
		if err != nil {
			f.Fatalf("read seed: %v", err)
		}
		f.Add(string(b), string(b[:len(b)/2]))
	}
	f.Add("Don’t panic", "DON'T  panic!")
	f.Add("水坝谈判 dam talks", "\xff\xfe broken UTF-8")
	f.Fuzz(func(t *testing.T, a, b string) {
		d := story.NewDedup(story.DedupOptions{})
		if exact, near := d.Add("a", a); exact != "" || near.ID != "" {
			t.Fatalf("first Add reported %q, %+v", exact, near)
		}
		_, near := d.Add("b", b)
		if near.Similarity < 0 || near.Similarity > 1 {
			t.Fatalf("similarity %v out of [0, 1]", near.Similarity)
		}
		if near.ID != "" && near.ID != "a" {
			t.Fatalf("near = %+v, want a or none", near)
		}
		exact, near := d.Add("a-again", a)
		hasWords := strings.ContainsFunc(a, func(r rune) bool {
			return r != utf8.RuneError && (('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z'))
		})
		if hasWords && (exact == "" || near.Similarity != 1) {
			t.Fatalf("copy of %q: exact %q, near %+v; want an exact duplicate", a, exact, near)
		}
	})
}
