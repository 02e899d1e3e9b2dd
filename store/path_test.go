package store_test

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/dossier-news/dossier/store"
)

func TestDefaultPath(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("the cases below are the Unix layout")
	}
	tests := []struct {
		name, xdg, home, want string
	}{
		{"xdg", "/data/alice", "/home/alice", "/data/alice/dossier/dossier.db"},
		{"home", "", "/home/alice", "/home/alice/.local/share/dossier/dossier.db"},
		{"relative xdg ignored", "data", "/home/alice", "/home/alice/.local/share/dossier/dossier.db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("XDG_DATA_HOME", tt.xdg)
			t.Setenv("HOME", tt.home)
			got, err := store.DefaultPath()
			if err != nil || got != filepath.FromSlash(tt.want) {
				t.Errorf("DefaultPath = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}
