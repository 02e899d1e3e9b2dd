package clean_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/clean"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// TestCleanGolden cleans each testdata/TestCleanGolden/NAME.txt (plain text) or NAME.md
// (Markdown) and compares the result with NAME.golden.
func TestCleanGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", t.Name(), "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, in := range inputs {
		ext := filepath.Ext(in)
		if ext != ".txt" && ext != ".md" {
			continue
		}
		n++
		name := strings.TrimSuffix(filepath.Base(in), ext)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			blocks := clean.TextBlocks(string(src))
			if ext == ".md" {
				blocks = clean.MarkdownBlocks(string(src))
			}
			got := render(clean.Clean(blocks, ""))
			golden := strings.TrimSuffix(in, ext) + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden file (run with -update to create it): %v", err)
			}
			if got != string(want) {
				t.Errorf("Clean(%s) differs from %s\n--- want\n%s\n--- got\n%s", in, golden, want, got)
			}
		})
	}
	if n == 0 {
		t.Fatal("no inputs in testdata")
	}
}

// render writes a Result in a form that diffs well: one field per section, headings with spans.
func render(r clean.Result) string {
	var b strings.Builder
	published := ""
	if !r.Published.IsZero() {
		published = r.Published.Format(time.RFC3339)
	}
	fmt.Fprintf(&b, "title: %s\nsubtitle: %s\nbyline: %s\npublished: %s\nlang: %s\n\n== text\n%s\n\n== headings\n",
		r.Title, r.Subtitle, r.Byline, published, clean.Lang(r.Text), r.Text)
	for _, h := range r.Headings {
		fmt.Fprintf(&b, "[%d,%d) %s\n", h.Start, h.End, h.Text)
	}
	b.WriteString("\n== removed\n")
	for _, s := range r.Removed {
		fmt.Fprintf(&b, "| %s\n", strings.ReplaceAll(s, "\n", "\n| "))
	}
	return b.String()
}
