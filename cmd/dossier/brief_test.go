package main

import (
	"encoding/json"
	"fmt"
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
