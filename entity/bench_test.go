package entity_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/internal/shared"
)

// BenchmarkFind finds the entities of the seed articles.
func BenchmarkFind(b *testing.B) {
	names, _ := filepath.Glob(filepath.Join(shared.Dir(b, "seeds"), "*.txt"))
	var texts []string
	size := 0
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	f, err := entity.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, t := range texts {
			f.Find(t)
		}
	}
}
