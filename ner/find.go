package ner

// Mention is a name the tagger found in a text.
type Mention struct {
	Type string // PER, ORG, LOC or MISC
	// Start and End are byte offsets into the text; First and Last index the name's first and
	// last token in the tokens Find returns.
	Start, End  int
	First, Last int
}

// Find tokenizes text, splits it into sentences, tags them as one document and returns the
// tokens with the names found among them.
func (m *Model) Find(text string) ([]Token, []Mention) {
	toks := Tokenize(text)
	sents := Sentences(text, toks)
	words := make([][]string, len(sents))
	for i, s := range sents {
		words[i] = make([]string, len(s))
		for j, t := range s {
			words[i][j] = normalize(t.Text)
		}
	}
	var out []Mention
	base := 0
	for i, labels := range m.tagDocument(words) {
		s := sents[i]
		for j, l := range labels {
			if l == labelO || (l.pos() != posB && l.pos() != posU) {
				continue
			}
			end := j
			for labels[end].inside() && end+1 < len(labels) {
				end++
			}
			out = append(out, Mention{Type: typeName(l.typ()), Start: s[j].Start, End: s[end].End, First: base + j, Last: base + end})
		}
		base += len(s)
	}
	return toks, out
}
