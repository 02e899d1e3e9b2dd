package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// DefaultPath returns where dossier keeps its database when none is named: the user's data
// directory, which is $XDG_DATA_HOME/dossier/dossier.db when XDG_DATA_HOME is set, and otherwise
// ~/.local/share/dossier/dossier.db on Linux and other Unix systems, ~/Library/Application
// Support/dossier/dossier.db on macOS and %LocalAppData%\dossier\dossier.db on Windows. Data,
// not configuration: the file grows with what is read and is not meant to be edited.
func DefaultPath() (string, error) {
	if dir := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "dossier", "dossier.db"), nil
	}
	switch runtime.GOOS {
	case "windows":
		if dir := os.Getenv("LocalAppData"); dir != "" {
			return filepath.Join(dir, "dossier", "dossier.db"), nil
		}
		return "", errors.New("find the data directory: %LocalAppData% is not set")
	case "darwin", "ios":
		dir, err := os.UserConfigDir() // ~/Library/Application Support: data and settings alike
		if err != nil {
			return "", fmt.Errorf("find the data directory: %w", err)
		}
		return filepath.Join(dir, "dossier", "dossier.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find the data directory: %w", err)
	}
	return filepath.Join(home, ".local", "share", "dossier", "dossier.db"), nil
}
