// Package golden compares test output with golden files under testdata/ and rewrites them when a
// test runs with its -update flag, so that a change in output is reviewed as a diff.
package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Check compares got with the golden file at path. With update it writes got to path instead.
// A difference is reported as the lines only in the golden file and only in got.
func Check(t testing.TB, path, got string, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run the test with -update to create it): %v", err)
	}
	if got == string(want) {
		return
	}
	t.Errorf("output differs from %s (run with -update and review the diff):\n%s", path, lineDiff(string(want), got))
}

// lineDiff lists the lines only in want (-) and only in got (+), in order: for article text,
// where each paragraph is a line, that shows what was lost and what was let in.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	inGot := make(map[string]int)
	for _, l := range gl {
		inGot[l]++
	}
	inWant := make(map[string]int)
	for _, l := range wl {
		inWant[l]++
	}
	var b strings.Builder
	for _, l := range wl {
		if inGot[l] == 0 {
			b.WriteString("-" + l + "\n")
		}
	}
	for _, l := range gl {
		if inWant[l] == 0 {
			b.WriteString("+" + l + "\n")
		}
	}
	if b.Len() == 0 {
		return "(same lines, different order or count)"
	}
	return b.String()
}
