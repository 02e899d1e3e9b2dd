package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/golden"
	"github.com/dossier-news/dossier/internal/shared"
)

// TestBriefExample is the briefing of the built-in example corpus, as a golden file per format.
func TestBriefExample(t *testing.T) {
	for _, format := range []string{"md", "json"} {
		t.Run(format, func(t *testing.T) {
			code, stdout, stderr := run(t, "", "brief", "--example", "--format", format)
			if code != 0 {
				t.Fatalf("exit code = %d, want 0; stderr:\n%s", code, stderr)
			}
			golden.Check(t, filepath.Join("testdata", "brief-example."+format), stdout, *update)
		})
	}
	code, stdout, _ := run(t, "", "brief", "--example", "--format", "html")
	if code != 0 || !strings.HasPrefix(stdout, "<!doctype html>") || !strings.Contains(stdout, "<mark>") {
		t.Errorf("html briefing: exit %d, want a page with marked citations", code)
	}
}

// TestBriefSeeds checks the briefing of the seed articles against their gold: at least 16 of the
// 20 gold positions found, every gold event found in the gold order, both gold disagreements shown,
// every citation verbatim.
func TestBriefSeeds(t *testing.T) {
	seeds := shared.Dir(t, "seeds")
	paths, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed articles in %s", seeds)
	}
	code, stdout, stderr := run(t, "", append([]string{"eval", "brief", "--gold", filepath.Join(seeds, "gold")}, paths...)...)
	if code != 0 {
		t.Fatalf("exit code = %d; stderr:\n%s", code, stderr)
	}
	t.Log("\n" + stdout)
	var found, gold, events, goldEvents, kept, pairs int
	if _, err := fmt.Sscanf(line(stdout, "positions"), "positions %d of %d", &found, &gold); err != nil || gold != 20 || found < 16 {
		t.Errorf("positions: %d of %d found (%v), want at least 16 of 20", found, gold, err)
	}
	if _, err := fmt.Sscanf(line(stdout, "timeline"), "timeline %d of %d gold events found; order kept for %d of %d pairs", &events, &goldEvents, &kept, &pairs); err != nil || events != goldEvents || kept != pairs {
		t.Errorf("timeline: %d of %d events, order kept for %d of %d pairs (%v), want all", events, goldEvents, kept, pairs, err)
	}
	for _, want := range []string{"disagreements  2 of 2 gold shown", ", 0 not verbatim"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("eval brief output lacks %q", want)
		}
	}
	code, stdout, stderr = run(t, "", append([]string{"brief", "--format", "json"}, paths...)...)
	if code != 0 {
		t.Fatalf("brief exit code = %d; stderr:\n%s", code, stderr)
	}
	var bs []map[string]any
	if err := json.Unmarshal([]byte(stdout), &bs); err != nil || len(bs) == 0 {
		t.Fatalf("brief json: %v (%d briefings)", err, len(bs))
	}
}

// line returns the first line of out that starts with prefix.
func line(out, prefix string) string {
	for l := range strings.Lines(out) {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}

// TestTaxonomyFlag checks that a taxonomy file extends the issues positions are filed under, in
// the records and in the briefing's matrix, and that a bad one is an error naming it.
func TestTaxonomyFlag(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "ferry.txt")
	tax := filepath.Join(dir, "issues.json")
	bad := filepath.Join(dir, "bad.json")
	for name, body := range map[string]string{
		article: "Ferry talks stall on the lake\n\nPrime Minister Ruta Salvik demanded new fishing rights on Lake Orm on Tuesday, her office said.\n",
		tax:     `{"mode": "extend", "issues": [{"key": "fisheries", "label": "Fishing rights", "keywords": ["fishing rights"]}]}`,
		bad:     `{"mode": "extend", "issues": [{"label": "no key"}]}`,
	} {
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := run(t, "", "analyze", "--taxonomy", tax, article)
	if code != 0 || !strings.Contains(stdout, `"issue":"fisheries"`) {
		t.Errorf("analyze --taxonomy: exit %d, no position on the added issue\n%s%s", code, stdout, stderr)
	}
	code, stdout, _ = run(t, "", "brief", "--taxonomy", tax, article)
	if code != 0 || !strings.Contains(stdout, "| actor | Fishing rights |") {
		t.Errorf("brief --taxonomy: exit %d, the matrix lacks the added issue's label\n%s", code, stdout)
	}
	code, _, stderr = run(t, "", "brief", "--taxonomy", bad, article)
	if code == 0 || !strings.Contains(stderr, "bad.json") {
		t.Errorf("a bad taxonomy: exit %d, stderr %q; want an error naming the file", code, stderr)
	}
}
