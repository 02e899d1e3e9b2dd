package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStoriesUsage(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"without input or database", []string{"stories"}, 1, "no database at"},
		{"database and inputs", []string{"stories", "--db", "x.db", "x.txt"}, 2, "give it without inputs"},
		{"bad format", []string{"stories", "--format", "json", "x.txt"}, 2, `unknown format "json"`},
		{"help", []string{"stories", "-h"}, 0, "usage: dossier stories"},
		{"missing file", []string{"stories", "no-such-file.txt"}, 1, "no-such-file.txt"},
	}
	// Without input, stories come from the database: make sure none is found by accident.
	t.Setenv("DOSSIER_DB", filepath.Join(t.TempDir(), "none.db"))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRun(t, tt.args, tt.wantCode, nil, tt.wantErr)
		})
	}
}

func TestStoriesText(t *testing.T) {
	// The example corpus is one story in thirteen documents, two of them copies.
	checkRun(t, []string{"stories", "--example"}, 0,
		[]string{"2031-04-14 to 2031-05-15 · 11 articles (+2 copies)", "Meridian Wire Service", "  - riverwatch-2031-04-22-delta-salt.txt\n",
			"  = meridian-2031-04-18-call-readouts.txt (copy of "},
		"13 articles in 1 story")
}

// storyLines runs `dossier stories --format jsonl` and decodes its output.
func storyLines(t *testing.T, args ...string) []map[string]string {
	t.Helper()
	code, stdout, stderr := run(t, "", append([]string{"stories", "--format", "jsonl"}, args...)...)
	if code != 0 {
		t.Fatalf("exit code = %d, want 0 (stderr: %s)", code, stderr)
	}
	var lines []map[string]string
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var m map[string]string
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("decode line %q: %v", l, err)
		}
		if len(m) != 4 || m["source"] == "" || m["story"] == "" || m["story_title"] == "" {
			t.Errorf("line %q: want source, url, story and a story_title", l)
		}
		lines = append(lines, m)
	}
	return lines
}

func TestStoriesJSONL(t *testing.T) {
	t.Run("example-is-one-story", func(t *testing.T) {
		lines := storyLines(t, "--example")
		if len(lines) != 13 {
			t.Fatalf("%d lines, want one per document (13)", len(lines))
		}
		for _, l := range lines[1:] {
			if l["story"] != lines[0]["story"] || l["story_title"] != lines[0]["story_title"] {
				t.Errorf("%s is in story %s %q, want %s %q", l["source"], l["story"], l["story_title"], lines[0]["story"], lines[0]["story_title"])
			}
		}
	})
	t.Run("unrelated-articles-are-two-stories", func(t *testing.T) {
		dir := t.TempDir()
		texts := map[string]string{
			"ferry.txt": "Ferry runs aground off the Tessel islands\n\nA ferry bound for the Tessel islands ran aground on a sandbank in heavy fog on Sunday. Lifeboat crews took all ninety passengers ashore, and the harbour master said the ship would be towed off at high tide.",
			"choir.txt": "Lorvik choir wins national contest\n\nThe Lorvik youth choir won the national choral contest on Saturday with a programme of folk songs, beating forty choirs from across the country. Its conductor said the singers had rehearsed every evening since spring.",
		}
		for name, text := range texts {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		lines := storyLines(t, dir)
		if len(lines) != 2 {
			t.Fatalf("%d lines, want 2", len(lines))
		}
		if lines[0]["story"] == lines[1]["story"] {
			t.Errorf("%s and %s share story %s, want two stories", lines[0]["source"], lines[1]["source"], lines[0]["story"])
		}
		for _, l := range lines {
			if !strings.HasPrefix(texts[filepath.Base(l["source"])], l["story_title"]) {
				t.Errorf("%s: story_title %q, want its own headline", l["source"], l["story_title"])
			}
		}
	})
}

// exampleStore adds the example corpus to a new database and returns its path.
func exampleStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "dossier.db")
	if code, _, stderr := run(t, "", "add", "--db", db, "--example"); code != 0 {
		t.Fatalf("add --example: exit code %d (stderr: %s)", code, stderr)
	}
	return db
}

func TestStoriesFromStore(t *testing.T) {
	db := exampleStore(t)
	t.Run("text", func(t *testing.T) {
		checkRun(t, []string{"stories", "--db", db}, 0,
			[]string{"2031-04-14 to 2031-05-15 · 11 articles (+2 copies) · ", "Meridian Wire Service",
				"  - https://meridianwire.example/world/2031/04/14/sarn-dam-talks-open\n", "  - riverwatch-2031-04-22-delta-salt.txt\n",
				"  = meridian-2031-04-18-call-readouts.txt (copy of "},
			"13 articles in 1 story in "+db)
	})
	t.Run("jsonl-groups-as-from-files", func(t *testing.T) {
		stored := storyLines(t, "--db", db)
		read := storyLines(t, "--example")
		if len(stored) != len(read) {
			t.Fatalf("%d lines from the store, %d from the files; want the same", len(stored), len(read))
		}
		sources := make(map[string]bool)
		for _, l := range read {
			sources[l["source"]+" "+l["url"]] = true
		}
		for _, l := range stored {
			if !sources[l["source"]+" "+l["url"]] {
				t.Errorf("stored line %v is not an article read from the files", l)
			}
			if l["story"] != stored[0]["story"] || l["story_title"] != stored[0]["story_title"] {
				t.Errorf("%s is in story %s %q, want %s %q", l["source"], l["story"], l["story_title"], stored[0]["story"], stored[0]["story_title"])
			}
		}
	})
	t.Run("two-stories", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "dossier.db")
		dir := t.TempDir()
		texts := map[string]string{
			"ferry.txt": "Ferry runs aground off the Tessel islands\n\nA ferry bound for the Tessel islands ran aground on a sandbank in heavy fog on Sunday. Lifeboat crews took all ninety passengers ashore, and the harbour master said the ship would be towed off at high tide.",
			"choir.txt": "Lorvik choir wins national contest\n\nThe Lorvik youth choir won the national choral contest on Saturday with a programme of folk songs, beating forty choirs from across the country. Its conductor said the singers had rehearsed every evening since spring.",
		}
		for name, text := range texts {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if code, _, stderr := run(t, "", "add", "--db", db, dir); code != 0 {
			t.Fatalf("add: exit code %d (stderr: %s)", code, stderr)
		}
		lines := storyLines(t, "--db", db)
		if len(lines) != 2 || lines[0]["story"] == lines[1]["story"] {
			t.Fatalf("lines %v, want two articles in two stories", lines)
		}
		for _, l := range lines {
			if !strings.HasPrefix(texts[filepath.Base(l["source"])], l["story_title"]) {
				t.Errorf("%s: story_title %q, want its own headline", l["source"], l["story_title"])
			}
		}
		checkRun(t, []string{"stories", "--db", db}, 0, []string{"Ferry runs aground off the Tessel islands\n  undated · 1 article\n", "Lorvik choir wins national contest\n"}, "2 articles in 2 stories")
	})
}
