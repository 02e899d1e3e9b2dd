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

// startLabel stands for the label before a sentence's first word; it is no label a word can get.
const startLabel = label(numLabels)

// transitions are the scores of each label following each label or startLabel.
type transitions[S int32 | float32] [numLabels + 1][numLabels]S

// viterbi writes to dst the sequence of labels, one per token, that may follow each other and
// has the highest sum of emission and transition scores. back is scratch space of len(emit); neg
// is a score low enough that no sequence through it can win.
//
// It uses the shape of BILOU rather than testing each pair of labels: O, B and U follow only O, L
// and U (or the start), and I and L of a type follow only B and I of that type, which makes the
// inner loop a third as long as testing all pairs.
func viterbi[S int32 | float32](dst []label, emit [][numLabels]S, trans *transitions[S], back [][numLabels]label, neg S) {
	if len(emit) == 0 {
		return
	}
	closed := [1 + numTypes*2]label{labelO}
	opens := [1 + numTypes*2]label{labelO}
	for t := range numTypes {
		closed[1+2*t], closed[2+2*t] = makeLabel(t, posL), makeLabel(t, posU)
		opens[1+2*t], opens[2+2*t] = makeLabel(t, posB), makeLabel(t, posU)
	}
	var score, next [numLabels]S
	for l := range label(numLabels) {
		score[l] = neg
		if l.follows(labelO) {
			score[l] = emit[0][l] + trans[startLabel][l]
		}
	}
	for i := 1; i < len(emit); i++ {
		for _, l := range opens {
			best, from := score[labelO]+trans[labelO][l], labelO
			for _, p := range closed[1:] {
				if v := score[p] + trans[p][l]; v > best {
					best, from = v, p
				}
			}
			next[l], back[i][l] = best+emit[i][l], from
		}
		for t := range numTypes {
			b, in := makeLabel(t, posB), makeLabel(t, posI)
			for _, l := range [2]label{in, makeLabel(t, posL)} {
				best, from := score[b]+trans[b][l], b
				if v := score[in] + trans[in][l]; v > best {
					best, from = v, in
				}
				next[l], back[i][l] = best+emit[i][l], from
			}
		}
		score = next
	}
	end := labelO
	for _, l := range closed[1:] {
		if score[l] > score[end] {
			end = l
		}
	}
	for i := len(emit) - 1; i >= 0; i-- {
		dst[i] = end
		end = back[i][end]
	}
}
