package ner

import "strings"

// The entity types the tagger knows, as the CoNLL-2003 shared task names them.
const (
	PER  = "PER"  // people
	ORG  = "ORG"  // organisations
	LOC  = "LOC"  // places
	MISC = "MISC" // other names: nationalities, events, products, works
)

const numTypes = 4

// typeName gives the name of type index t, in the shared task's order.
func typeName(t int) string {
	return [numTypes]string{PER, ORG, LOC, MISC}[t]
}

// The tagger works on BILOU labels: O, then for each type Begin, Inside, Last and Unit (a one-token
// name). They learn better than IOB2 because the end of a name gets its own weights; input and
// output stay IOB2, the CoNLL format.
const (
	posB = iota
	posI
	posL
	posU
	numPos
)

const numLabels = 1 + numTypes*numPos

type label uint8

const labelO label = 0

func makeLabel(typ, pos int) label { return label(1 + typ*numPos + pos) }

func (l label) typ() int { return (int(l) - 1) / numPos }
func (l label) pos() int { return (int(l) - 1) % numPos }

// inside reports whether l leaves a name open, so that the next label must continue it.
func (l label) inside() bool { return l != labelO && (l.pos() == posB || l.pos() == posI) }

// follows reports whether l may come right after prev.
func (l label) follows(prev label) bool {
	if prev.inside() {
		return l != labelO && l.typ() == prev.typ() && (l.pos() == posI || l.pos() == posL)
	}
	return l == labelO || l.pos() == posB || l.pos() == posU
}

// Chunk is a name found in a sequence of tags: tokens [Start, End) of one Type.
type Chunk struct {
	Type       string
	Start, End int
}

// Chunks reads the names in a sentence's IOB tags with the conlleval conventions: a name starts at
// B-X, or at I-X after a tag of another type or O, and runs while I-X follows. IOB1 and IOB2 tags
// read alike.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	open := -1
	openType := ""
	for i, t := range tags {
		prefix, typ := splitTag(t)
		starts := prefix == "B" || (prefix == "I" && typ != openType) || (prefix != "O" && open < 0)
		if open >= 0 && (prefix == "O" || starts) {
			out = append(out, Chunk{openType, open, i})
			open, openType = -1, ""
		}
		if starts {
			open, openType = i, typ
		}
	}
	if open >= 0 {
		out = append(out, Chunk{openType, open, len(tags)})
	}
	return out
}

// splitTag splits "B-PER" into "B" and "PER"; anything without a type is O.
func splitTag(t string) (prefix, typ string) {
	p, ty, ok := strings.Cut(t, "-")
	if !ok || ty == "" || (p != "B" && p != "I" && p != "E" && p != "S" && p != "L" && p != "U") {
		return "O", ""
	}
	switch p {
	case "E", "L":
		return "I", ty
	case "S", "U":
		return "B", ty
	}
	return p, ty
}

func typeIndex(typ string) int {
	for i := range numTypes {
		if typeName(i) == typ {
			return i
		}
	}
	return -1
}

// bilou turns a sentence's IOB tags into BILOU labels; names of unknown types are dropped.
func bilou(tags []string) []label {
	out := make([]label, len(tags))
	for _, c := range Chunks(tags) {
		ti := typeIndex(c.Type)
		if ti < 0 {
			continue
		}
		if c.End-c.Start == 1 {
			out[c.Start] = makeLabel(ti, posU)
			continue
		}
		out[c.Start] = makeLabel(ti, posB)
		for i := c.Start + 1; i < c.End-1; i++ {
			out[i] = makeLabel(ti, posI)
		}
		out[c.End-1] = makeLabel(ti, posL)
	}
	return out
}

// iob2 writes BILOU labels as IOB2 tags.
func iob2(labels []label, dst []string) []string {
	dst = dst[:0]
	for _, l := range labels {
		switch {
		case l == labelO:
			dst = append(dst, "O")
		case l.pos() == posB || l.pos() == posU:
			dst = append(dst, [numTypes]string{"B-PER", "B-ORG", "B-LOC", "B-MISC"}[l.typ()])
		default:
			dst = append(dst, [numTypes]string{"I-PER", "I-ORG", "I-LOC", "I-MISC"}[l.typ()])
		}
	}
	return dst
}
