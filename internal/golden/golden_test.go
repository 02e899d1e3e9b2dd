package golden

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLineDiff(t *testing.T) {
	tests := []struct {
		name, want, got, out string
	}{
		{"changed line", "a\nb\nc", "a\nx\nc", "-b\n+x\n"},
		{"extra line", "a", "a\nb", "+b\n"},
		{"missing line", "a\nb", "a", "-b\n"},
		{"reordered", "a\nb", "b\na", "(same lines, different order or count)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lineDiff(tt.want, tt.got); got != tt.out {
				t.Errorf("lineDiff = %q, want %q", got, tt.out)
			}
		})
	}
}

func TestCheckUpdateThenCompare(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "case.golden")
	Check(t, path, "hello\n", true)
	b, err := os.ReadFile(path)
	if err != nil || string(b) != "hello\n" {
		t.Fatalf("update wrote %q, %v; want %q", b, err, "hello\n")
	}
	Check(t, path, "hello\n", false) // equal: must not fail
}
