package clean_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier/clean"
	"github.com/dossier-news/dossier/internal/shared"
)

// benchArticles returns real articles to measure on: the shared seeds when they are there,
// else the package's own golden inputs.
func benchArticles(b *testing.B, pattern string) []string {
	b.Helper()
	var paths []string
	if pattern == "*.txt" {
		if dir, ok := findSeeds(); ok {
			paths, _ = filepath.Glob(filepath.Join(dir, pattern))
		}
	}
	if len(paths) == 0 {
		paths, _ = filepath.Glob(filepath.Join("testdata", "TestCleanGolden", pattern))
	}
	if len(paths) == 0 {
		b.Fatalf("no %s articles to measure on", pattern)
	}
	articles := make([]string, len(paths))
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		articles[i] = string(data)
	}
	return articles
}

func totalSize(articles []string) int64 {
	n := 0
	for _, a := range articles {
		n += len(a)
	}
	return int64(n)
}

// BenchmarkCleanText measures the whole plain-text path: TextBlocks then Clean.
func BenchmarkCleanText(b *testing.B) {
	articles := benchArticles(b, "*.txt")
	b.SetBytes(totalSize(articles))
	for b.Loop() {
		for _, a := range articles {
			clean.Clean(clean.TextBlocks(a), "")
		}
	}
}

// BenchmarkCleanNews measures the plain-text path on the real news articles of the quotes
// benchmark, whose many short paragraphs are what the boilerplate checks spend their time on.
func BenchmarkCleanNews(b *testing.B) {
	dir := shared.Dir(b, "bench", "quotes")
	var articles []string
	for _, split := range []string{"train", "dev"} {
		paths, err := filepath.Glob(filepath.Join(dir, split, "docs", "*.txt"))
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			articles = append(articles, string(data))
		}
	}
	if len(articles) == 0 {
		b.Skipf("no news articles in %s", dir)
	}
	b.SetBytes(totalSize(articles))
	for b.Loop() {
		for _, a := range articles {
			clean.Clean(clean.TextBlocks(a), "")
		}
	}
}

func BenchmarkTextBlocks(b *testing.B) {
	articles := benchArticles(b, "*.txt")
	b.SetBytes(totalSize(articles))
	for b.Loop() {
		for _, a := range articles {
			clean.TextBlocks(a)
		}
	}
}

func BenchmarkMarkdownBlocks(b *testing.B) {
	articles := benchArticles(b, "*.md")
	b.SetBytes(totalSize(articles))
	for b.Loop() {
		for _, a := range articles {
			clean.MarkdownBlocks(a)
		}
	}
}
