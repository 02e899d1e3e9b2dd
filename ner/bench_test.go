package ner_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier/internal/shared"
	"github.com/dossier-news/dossier/ner"
)

func readDocs(tb testing.TB, name string) []ner.Document {
	tb.Helper()
	f, err := os.Open(filepath.Join(shared.Dir(tb, "bench", "ner"), name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(f)
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

// BenchmarkTagDocument tags the CoNLL-2003 dev set; tokens/s is the figure the issue asks for.
func BenchmarkTagDocument(b *testing.B) {
	docs := readDocs(b, "dev.txt")
	m, err := ner.Default()
	if err != nil {
		b.Fatal(err)
	}
	var sents [][][]string
	tokens, size := 0, 0
	for _, d := range docs {
		var s [][]string
		for _, st := range d.Sentences {
			s = append(s, st.Words)
			tokens += len(st.Words)
			for _, w := range st.Words {
				size += len(w) + 1
			}
		}
		sents = append(sents, s)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			m.TagDocument(s)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkRead measures loading the embedded model, which a process does once.
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile("model.gz")
	if err != nil {
		b.Fatal(err)
	}
	lx, err := ner.DefaultLexicon()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ner.Read(bytes.NewReader(data), lx); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(data)), "model-bytes")
}

// BenchmarkDefaultLexicon measures reading the clusters and gazetteers, the other part of loading.
func BenchmarkDefaultLexicon(b *testing.B) {
	for b.Loop() {
		if _, err := ner.DefaultLexicon(); err != nil {
			b.Fatal(err)
		}
	}
}
