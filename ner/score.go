package ner

import (
	"fmt"
	"github.com/dossier-news/dossier/eval"
	"io"
	"text/tabwriter"
)

// Scores are entity-level counts with the conlleval conventions: a predicted name is correct when
// its span and type both equal those of a gold name.
type Scores struct {
	Overall eval.Counts
	ByType  map[string]eval.Counts
}

// Add counts the names of one sentence.
func (s *Scores) Add(gold, pred []string) {
	if s.ByType == nil {
		s.ByType = make(map[string]eval.Counts)
	}
	g, p := Chunks(gold), Chunks(pred)
	inGold := make(map[Chunk]bool, len(g))
	for _, c := range g {
		inGold[c] = true
		s.count(c.Type, func(n *eval.Counts) { n.Gold++ })
	}
	for _, c := range p {
		s.count(c.Type, func(n *eval.Counts) { n.Predicted++ })
		if inGold[c] {
			s.count(c.Type, func(n *eval.Counts) { n.Correct++ })
		}
	}
}

func (s *Scores) count(typ string, f func(*eval.Counts)) {
	f(&s.Overall)
	n := s.ByType[typ]
	f(&n)
	s.ByType[typ] = n
}

// Score tags the documents with m and scores the result against their gold tags.
func (m *Model) Score(docs []Document) Scores {
	var s Scores
	for _, d := range docs {
		for i, tags := range m.TagDocument(words(d)) {
			s.Add(d.Sentences[i].Tags, tags)
		}
	}
	return s
}

// Write prints a table of precision, recall and F1 per type and overall, as percentages.
func (s Scores) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "type\tprecision\trecall\tF1\tgold\tpredicted\tcorrect\t")
	row := func(name string, c eval.Counts) {
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t\n", name, 100*c.Precision(), 100*c.Recall(), 100*c.F1(), c.Gold, c.Predicted, c.Correct)
	}
	for i := range numTypes {
		if c, ok := s.ByType[typeName(i)]; ok {
			row(typeName(i), c)
		}
	}
	for typ, c := range s.ByType {
		if typeIndex(typ) < 0 {
			row(typ, c)
		}
	}
	row("overall", s.Overall)
	return tw.Flush()
}
