// Package shared finds the development data that sits beside the repository as ../shared (seed
// articles, benchmarks), for tests and benchmarks that read real articles at run time. The data is
// never copied into the repository.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the path of ../shared/elem... seen from the module root, looking upward from the
// working directory, or skips tb with a clear message when it is absent (as on a clone without
// the shared data).
func Dir(tb testing.TB, elem ...string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatalf("get working directory: %v", err)
	}
	rel := filepath.Join(elem...)
	for {
		p := filepath.Join(dir, "shared", rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skipf("real data not available: shared/%s not found beside the repository", filepath.ToSlash(rel))
			return ""
		}
		dir = parent
	}
}

// Texts reads the files matching pattern in ../shared/elem... and returns their contents and
// their total size in bytes, or skips tb when the directory or the files are absent.
func Texts(tb testing.TB, pattern string, elem ...string) (texts []string, size int64) {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(Dir(tb, elem...), pattern))
	if err != nil || len(paths) == 0 {
		tb.Skipf("real data not available: no %s in shared/%s", pattern, filepath.ToSlash(filepath.Join(elem...)))
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatalf("read %s: %v", p, err)
		}
		texts = append(texts, string(b))
		size += int64(len(b))
	}
	return texts, size
}
