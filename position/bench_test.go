package position_test

import (
	"testing"

	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/internal/shared"
	"github.com/dossier-news/dossier/position"
	"github.com/dossier-news/dossier/quote"
	"github.com/dossier-news/dossier/text"
)

// BenchmarkExtract measures position extraction alone on the seed articles: the text layer,
// entities and quotes it reads are found once, before the timer starts.
func BenchmarkExtract(b *testing.B) {
	texts, size := shared.Texts(b, "*.txt", "seeds")
	x, err := position.Default()
	if err != nil {
		b.Fatal(err)
	}
	finder, err := entity.Default()
	if err != nil {
		b.Fatal(err)
	}
	type input struct {
		doc    *text.Doc
		ents   []entity.Entity
		quotes []quote.Quote
	}
	var ins []input
	for _, s := range texts {
		doc := text.Parse(s)
		var qx quote.Extractor
		ins = append(ins, input{doc, finder.Find(s), qx.Extract(doc, nil)})
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range ins {
			x.Extract(in.doc, in.ents, in.quotes)
		}
	}
}

// BenchmarkNew measures loading the lexicon, which Default does once per process.
func BenchmarkNew(b *testing.B) {
	tax, err := position.DefaultTaxonomy()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := position.New(tax); err != nil {
			b.Fatal(err)
		}
	}
}
