package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// quoteStory is an invented article with quotes of three kinds and two speakers.
const quoteStory = `Ferry strike ends in Velmar

“The ferries will run again by Friday,” said Mara Ode, the harbour master of Velmar.

Mayor Ivo Dunn said the strike had cost the town two million euros. He called the dispute “a lesson for every port town.”
`

func writeStory(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ferry.txt")
	if err := os.WriteFile(path, []byte(quoteStory), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestQuotesCommand(t *testing.T) {
	story := writeStory(t)
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     []string // in stdout
		wantErr  string   // in stderr
	}{
		{"text grouped by speaker", []string{"quotes", story}, 0,
			[]string{"Mara Ode — harbour master of Velmar", "[direct, said] “The ferries will run again by Friday,”", "Ivo Dunn", "[partial, called] “a lesson for every port town.”"}, ""},
		{"json, one object per speaker", []string{"quotes", "--format", "json", story}, 0,
			[]string{`"speaker":{"name":"Mara Ode"`, `"speaker":{"name":"Ivo Dunn"`, `"kind":"indirect"`}, ""},
		{"no input", []string{"quotes"}, 2, nil, "no input given"},
		{"bad format", []string{"quotes", "--format", "xml", story}, 2, nil, `unknown format "xml"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRun(t, tt.args, tt.wantCode, tt.want, tt.wantErr)
		})
	}
	t.Run("json lines decode", func(t *testing.T) {
		_, stdout, _ := run(t, "", "quotes", "--format", "json", story)
		if recs := decodeRecords(t, stdout); len(recs) != 2 {
			t.Errorf("got %d speaker objects, want 2", len(recs))
		}
	})
}

func TestEvalQuotes(t *testing.T) {
	story := writeStory(t)
	gold := filepath.Join(t.TempDir(), "quotes.jsonl")
	lines := `{"doc": "ferry.txt", "kind": "direct", "text": "The ferries will run again by Friday,", "speaker": "Mara Ode", "accept": ["Mara Ode", "Ode"]}
{"doc": "ferry.txt", "kind": "indirect", "text": "the strike had cost the town two million euros", "speaker": "Ivo Dunn", "accept": ["Ivo Dunn", "Dunn"]}
{"doc": "ferry.txt", "kind": "partial", "text": "a lesson", "speaker": "Lena Varga", "accept": ["Lena Varga", "Varga"]}
{"doc": "other.txt", "kind": "direct", "text": "Not read in this run.", "speaker": "Nobody", "accept": ["Nobody"]}
`
	if err := os.WriteFile(gold, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "", "eval", "quotes", "--gold", gold, story)
	if code != 0 {
		t.Fatalf("exit code %d, stderr: %s", code, stderr)
	}
	for _, w := range []string{
		"articles 1  gold quotes 3",
		"all     3          3   1.000   1.000    1.000       0.667      0.667       0.667",
		`ferry.txt  partial  Lena Varga: "a lesson" (said by Ivo Dunn)`,
	} {
		if !strings.Contains(stdout, w) {
			t.Errorf("stdout lacks %q:\n%s", w, stdout)
		}
	}
	code, _, stderr = run(t, "", "eval", "quotes", story)
	if code != 2 || !strings.Contains(stderr, "needs --gold FILE") {
		t.Errorf("without --gold: exit %d, stderr %q; want 2 and a usage error", code, stderr)
	}
}
