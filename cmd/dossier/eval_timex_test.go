package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestEvalTimex(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	const text = "The ferry council met on Monday and will vote next week."
	if err := os.WriteFile(filepath.Join(dir, "docs", "ferry.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	gold := filepath.Join(dir, "gold.jsonl")
	line := `{"id": "ferry", "dct": "2031-05-08", "timex": [` +
		`{"start": 25, "end": 31, "text": "Monday", "type": "DATE", "value": "2031-05-05", "mod": ""},` +
		`{"start": 46, "end": 55, "text": "next week", "type": "DATE", "value": "2031-W21", "mod": ""}]}`
	if err := os.WriteFile(gold, []byte(line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     []string
	}{
		// 2031-05-08 is in ISO week 19, so "next week" is W20 and the gold's W21 counts as wrong.
		{"scores", []string{"eval", "timex", "--gold", gold, dir}, 0,
			[]string{"documents 1", "strict extent   100.00  100.00  100.00", "value           50.00   50.00   50.00"}},
		{"errors", []string{"eval", "timex", "--gold", gold, "--errors", "5", dir}, 0,
			[]string{`value  1      "next week"  DATE 2031-W21  DATE 2031-W20  ferry`}},
		{"no gold", []string{"eval", "timex", dir}, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRun(t, tt.args, tt.wantCode, tt.want, "")
		})
	}
}
