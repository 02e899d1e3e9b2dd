package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAddUsage(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no input", []string{"add"}, 2, "no input given"},
		{"bad flag", []string{"add", "--nope", "x.txt"}, 2, "flag provided but not defined"},
		{"negative workers", []string{"add", "--workers", "-1", "x.txt"}, 2, "--workers must not be negative"},
		{"help", []string{"add", "-h"}, 0, "usage: dossier add"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, "", tt.args...)
			if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("exit code %d, stderr %q; want %d and %q", code, stderr, tt.wantCode, tt.wantErr)
			}
		})
	}
}

func TestAddTwice(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dossier.db")
	code, stdout, stderr := run(t, "", "add", "--db", db, "-v", "--example")
	if code != 0 {
		t.Fatalf("first add: exit code %d (stderr: %s)", code, stderr)
	}
	if want := "13 documents in " + db + ": 13 new, 0 new versions, 0 already stored, 0 failed; 13 analysed"; !strings.Contains(stderr, want) {
		t.Errorf("first add: stderr %q, want %q", stderr, want)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 13 {
		t.Errorf("-v printed %d lines, want 13", len(lines))
	}
	for _, l := range lines {
		if f := strings.Split(l, "\t"); len(f) != 4 || f[0] != "new" || !strings.HasPrefix(f[2], "s-") {
			t.Errorf("-v line %q, want new, id, story, source", l)
		}
	}
	code, _, stderr = run(t, "", "add", "--db", db, "--example")
	if code != 0 {
		t.Fatalf("second add: exit code %d (stderr: %s)", code, stderr)
	}
	if want := "13 documents in " + db + ": 0 new, 0 new versions, 13 already stored, 0 failed; 0 analysed"; !strings.Contains(stderr, want) {
		t.Errorf("second add: stderr %q, want %q", stderr, want)
	}
}

func TestAddVersionsAndFailures(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "dossier.db")
	page := filepath.Join(dir, "ferry.txt")
	write := func(text string) {
		if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Ferry resumes service\n\nThe Ostra ferry resumed service on Monday after a week of storms, the harbour office said.")
	if code, _, stderr := run(t, "", "add", "--db", db, page); code != 0 {
		t.Fatalf("add: exit code %d (stderr: %s)", code, stderr)
	}
	write("Ferry resumes service\n\nThe Ostra ferry resumed service on Monday after a week of storms, the harbour office said. Night crossings wait for calmer seas.")
	code, _, stderr := run(t, "", "add", "--db", db, page, filepath.Join(dir, "missing.txt"))
	if code != 1 {
		t.Fatalf("add with a missing file: exit code %d, want 1 (stderr: %s)", code, stderr)
	}
	for _, want := range []string{"error: ", "missing.txt", "2 documents in " + db + ": 0 new, 1 new version, 0 already stored, 1 failed; 1 analysed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q lacks %q", stderr, want)
		}
	}
}

func TestAddRefusesForeignFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "notes.db")
	notes := []byte("Shopping: rye bread, lamp oil, two tins of herring.\n")
	if err := os.WriteFile(db, notes, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "", "add", "--db", db, "--example")
	if code != 1 || !strings.Contains(stderr, "not a dossier database") {
		t.Errorf("exit code %d, stderr %q; want 1 and a clear error", code, stderr)
	}
	if b, err := os.ReadFile(db); err != nil || string(b) != string(notes) {
		t.Errorf("the foreign file was changed: %q, %v", b, err)
	}
}

func TestAddDatabaseFromEnvironment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	t.Setenv("DOSSIER_DB", db)
	if code, _, stderr := run(t, "", "add", "--example"); code != 0 || !strings.Contains(stderr, "in "+db+":") {
		t.Fatalf("exit code %d, stderr %q; want the database named by DOSSIER_DB", code, stderr)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("no database at $DOSSIER_DB: %v", err)
	}
}
