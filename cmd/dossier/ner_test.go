package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tinyCoNLL is a made-up CoNLL file, enough to run the commands end to end.
const tinyCoNLL = `-DOCSTART- O

Maria B-PER
Lindqvist I-PER
visited O
Oslo B-LOC
. O

The O
Lowland B-ORG
Council I-ORG
met O
on O
Monday O
. O
`

func TestTagCoNLL(t *testing.T) {
	code, stdout, stderr := run(t, "Peter\nsaid\n\nBerlin\n", "tag", "--format", "conll", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "Peter ") || lines[2] != "" || !strings.HasPrefix(lines[3], "Berlin ") {
		t.Fatalf("tag wrote %q, want each token with a tag and the blank line kept", stdout)
	}
	if got := strings.Fields(lines[3])[1]; got != "B-LOC" {
		t.Errorf("Berlin tagged %s, want B-LOC", got)
	}
}

func TestEvalNER(t *testing.T) {
	gold := filepath.Join(t.TempDir(), "gold.txt")
	if err := os.WriteFile(gold, []byte(tinyCoNLL), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "", "eval", "ner", "--gold", gold)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"PER", "LOC", "ORG", "overall", "precision"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("eval ner output lacks %q:\n%s", want, stdout)
		}
	}
}

func TestNERCommandErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"eval ner without gold", []string{"eval", "ner"}, 2},
		{"tag unknown format", []string{"tag", "--format", "json", "-"}, 2},
		{"train unknown model", []string{"train", "pos"}, 2},
		{"train missing file", []string{"train", "ner", "-train", "/nonexistent/train.txt"}, 1},
		{"entities without input", []string{"entities"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, _, stderr := run(t, "", tt.args...); code != tt.code {
				t.Errorf("exit %d, want %d (%s)", code, tt.code, stderr)
			}
		})
	}
}

func TestTrainNER(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "train.txt")
	if err := os.WriteFile(data, []byte(tinyCoNLL), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "model.gz")
	code, stdout, stderr := run(t, "", "train", "ner", "-train", data, "-dev", data, "-out", out, "-epochs", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		t.Fatalf("no model written: %v", err)
	}
	if !strings.Contains(stdout, "overall") {
		t.Errorf("train ner did not report dev scores:\n%s", stdout)
	}
}

func TestEntitiesExample(t *testing.T) {
	code, stdout, stderr := run(t, "", "entities", "--example")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	header, rest, _ := strings.Cut(stdout, "\n")
	if !strings.Contains(header, "articles") || !strings.Contains(header, "outlets") {
		t.Fatalf("no table header: %q", header)
	}
	if !strings.Contains(rest, "person") || !strings.Contains(rest, "organization") {
		t.Errorf("entities lists no people or organisations:\n%s", stdout)
	}
}
