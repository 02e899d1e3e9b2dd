package clean_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/clean"
)

// seedsDir finds the shared seed articles beside the repository and skips the test when they
// are not there.
func seedsDir(tb testing.TB) string {
	tb.Helper()
	dir, ok := findSeeds()
	if !ok {
		tb.Skip("shared/seeds not found beside the repository: seed checks need the shared data")
	}
	return dir
}

// findSeeds walks up from the package directory to a directory holding shared/seeds.
func findSeeds() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		seeds := filepath.Join(dir, "shared", "seeds")
		if fi, err := os.Stat(seeds); err == nil && fi.IsDir() {
			return seeds, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// seedFile returns the path of the seed whose name starts with prefix.
func seedFile(t *testing.T, dir, prefix string) string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, prefix+"*.txt"))
	if err != nil || len(m) != 1 {
		t.Skipf("seed %s* not found in %s", prefix, dir)
	}
	return m[0]
}

// TestSeedsBoilerplate checks the hand-made boilerplate annotations of the seeds: every "remove"
// string leaves Text and is in Removed, every "keep" string stays in Text.
func TestSeedsBoilerplate(t *testing.T) {
	dir := seedsDir(t)
	data, err := os.ReadFile(filepath.Join(dir, "gold", "boilerplate.json"))
	if err != nil {
		t.Skipf("no boilerplate gold: %v", err)
	}
	var gold map[string]struct {
		Remove []string `json:"remove"`
		Keep   []string `json:"keep"`
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatalf("parse boilerplate gold: %v", err)
	}
	names := make([]string, 0, len(gold))
	for name := range gold {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			got := clean.Clean(clean.TextBlocks(string(src)), "")
			for _, s := range gold[name].Remove {
				if strings.Contains(got.Text, s) {
					t.Errorf("boilerplate %q left in Text", s)
				}
				if !slices.ContainsFunc(got.Removed, func(r string) bool { return strings.Contains(r, s) }) {
					t.Errorf("boilerplate %q not in Removed", s)
				}
			}
			for _, s := range gold[name].Keep {
				if !strings.Contains(got.Text, s) {
					t.Errorf("body text %q lost", s)
				}
			}
		})
	}
}

// TestSeedGluedHeadline: seed 001 opens with its headline and subheading on one line.
func TestSeedGluedHeadline(t *testing.T) {
	path := seedFile(t, seedsDir(t), "001_")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(src), "\n")
	got := clean.Clean(clean.TextBlocks(string(src)), "")
	if got.Title == "" || got.Subtitle == "" {
		t.Fatalf("Title %q, Subtitle %q: want the first line split in two", got.Title, got.Subtitle)
	}
	if got.Title+" "+got.Subtitle != strings.TrimSpace(first) {
		t.Errorf("Title %q + Subtitle %q do not make up the first line %q", got.Title, got.Subtitle, first)
	}
	if strings.Contains(got.Text, got.Subtitle) {
		t.Errorf("Subtitle %q left in Text", got.Subtitle)
	}
}

// TestSeedSectionsAndNavigation: seed 002 has section labels and a Previous/Next block.
func TestSeedSectionsAndNavigation(t *testing.T) {
	path := seedFile(t, seedsDir(t), "002_")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	srcLines := strings.Split(string(src), "\n")
	got := clean.Clean(clean.TextBlocks(string(src)), "")
	if got.Title == "" {
		t.Error("no Title: the first line is a headline")
	}
	if len(got.Headings) < 2 {
		t.Errorf("Headings = %+v, want the section labels", got.Headings)
	}
	for _, h := range got.Headings {
		if !slices.Contains(srcLines, h.Text) {
			t.Errorf("heading %q is not a line of its own in the seed", h.Text)
		}
		if got.Text[h.Start:h.End] != h.Text {
			t.Errorf("heading %q: span holds %q", h.Text, got.Text[h.Start:h.End])
		}
	}
	for _, nav := range []string{"Previous", "Next"} {
		if !slices.Contains(got.Removed, nav) {
			t.Errorf("%q not removed", nav)
		}
	}
	// The last line is the headline of the story behind "Next".
	last := strings.TrimSpace(srcLines[len(srcLines)-1])
	if !slices.Contains(got.Removed, last) || strings.Contains(got.Text, last) {
		t.Errorf("the headline after Next, %q, should be removed", last)
	}
}
