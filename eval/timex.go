package eval

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// TimexSpan is a temporal expression with its TIMEX3 type and value, in gold or predicted.
type TimexSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Mod   string `json:"mod"`
}

// TimexDoc is one document of a temporal-expression benchmark: its text, its creation time (the
// reference for relative expressions) and the gold expressions.
type TimexDoc struct {
	ID   string
	DCT  time.Time // zero when neither the gold nor the sidecar gives one
	Text string
	Gold []TimexSpan
}

// ErrNoDocument is returned when a gold line names a document that is not in the directory.
var ErrNoDocument = errors.New("eval: gold names a document that is missing")

// LoadTimexBench reads a gold file in the layout of the TempEval-3 data under
// ../shared/bench/temporal: one JSON line per document, {"id", "dct", "timex": [...]}, with the
// text in DIR/docs/ID.txt. The creation time comes from the gold's "dct" or, when that is empty,
// from "published" in DIR/docs/ID.meta.json.
func LoadTimexBench(goldFile, dir string) ([]TimexDoc, error) {
	type gold struct {
		ID    string      `json:"id"`
		DCT   string      `json:"dct"`
		Timex []TimexSpan `json:"timex"`
	}
	lines, err := readJSONLines[gold](goldFile, "timex")
	if err != nil {
		return nil, err
	}
	var docs []TimexDoc
	for _, g := range lines {
		text, err := os.ReadFile(filepath.Join(dir, "docs", g.ID+".txt"))
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("read %s: %w", g.ID, ErrNoDocument)
		}
		if err != nil {
			return nil, fmt.Errorf("read timex document: %w", err)
		}
		dct := g.DCT
		if dct == "" {
			dct, err = sidecarPublished(filepath.Join(dir, "docs", g.ID+".meta.json"))
			if err != nil {
				return nil, err
			}
		}
		d := TimexDoc{ID: g.ID, Text: string(text), Gold: g.Timex}
		if dct != "" {
			if d.DCT, err = parseDCT(dct); err != nil {
				return nil, fmt.Errorf("document %s: %w", g.ID, err)
			}
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func sidecarPublished(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read sidecar: %w", err)
	}
	var m struct {
		Published string `json:"published"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return "", fmt.Errorf("decode sidecar %s: %w", path, err)
	}
	return m.Published, nil
}

// parseDCT reads the day of a creation time written "1998-01-08", "1998-02-06T22:19:00" or as
// RFC 3339; the time of day does not matter to the expressions scored.
func parseDCT(s string) (time.Time, error) {
	if len(s) < len("2006-01-02") {
		return time.Time{}, fmt.Errorf("parse creation time %q: too short", s)
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return time.Time{}, fmt.Errorf("parse creation time: %w", err)
	}
	return t, nil
}

// TimexScore counts what the TempEval-3 measure (UzZaman et al. 2013, section 4.1) needs: gold
// and predicted expressions, the pairs with identical extents (strict), the pairs with
// overlapping extents (relaxed), and the relaxed pairs whose type or value is also right. Counts
// add across documents.
type TimexScore struct {
	Gold, Pred            int
	Strict, Relaxed       int
	TypeMatch, ValueMatch int
}

// StrictExtent scores identical extents.
func (s TimexScore) StrictExtent() Counts { return s.counts(s.Strict) }

// RelaxedExtent scores overlapping extents.
func (s TimexScore) RelaxedExtent() Counts { return s.counts(s.Relaxed) }

// Type scores relaxed matches whose type is also right.
func (s TimexScore) Type() Counts { return s.counts(s.TypeMatch) }

// Value scores relaxed matches whose value is also right: the figure that ranks systems.
func (s TimexScore) Value() Counts { return s.counts(s.ValueMatch) }

// counts turns one kind of match into precision over Pred and recall over Gold.
func (s TimexScore) counts(matched int) Counts {
	return Counts{Correct: matched, Predicted: s.Pred, Gold: s.Gold}
}

// TimexPair is a gold expression paired with a predicted one; an unpaired expression has the other
// side nil.
type TimexPair struct {
	Gold, Pred *TimexSpan
}

// PairTimex pairs the predicted expressions of one document with the gold ones, one to one:
// identical extents first, then, among the rest, overlapping extents, the largest overlap first.
// The result lists every pair, then the unpaired gold and predicted expressions.
func PairTimex(gold, pred []TimexSpan) []TimexPair {
	usedG := make([]bool, len(gold))
	usedP := make([]bool, len(pred))
	var pairs []TimexPair
	for i := range gold {
		for j := range pred {
			if !usedP[j] && gold[i].Start == pred[j].Start && gold[i].End == pred[j].End {
				usedG[i], usedP[j] = true, true
				pairs = append(pairs, TimexPair{&gold[i], &pred[j]})
				break
			}
		}
	}
	type cand struct{ i, j, overlap int }
	var cands []cand
	for i := range gold {
		if usedG[i] {
			continue
		}
		for j := range pred {
			if usedP[j] {
				continue
			}
			if o := min(gold[i].End, pred[j].End) - max(gold[i].Start, pred[j].Start); o > 0 {
				cands = append(cands, cand{i, j, o})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(b.overlap, a.overlap) })
	for _, c := range cands {
		if !usedG[c.i] && !usedP[c.j] {
			usedG[c.i], usedP[c.j] = true, true
			pairs = append(pairs, TimexPair{&gold[c.i], &pred[c.j]})
		}
	}
	for i := range gold {
		if !usedG[i] {
			pairs = append(pairs, TimexPair{Gold: &gold[i]})
		}
	}
	for j := range pred {
		if !usedP[j] {
			pairs = append(pairs, TimexPair{Pred: &pred[j]})
		}
	}
	return pairs
}

// Add counts the pairs of one document into s; Finish computes the figures.
func (s *TimexScore) Add(pairs []TimexPair) {
	for _, p := range pairs {
		if p.Gold != nil {
			s.Gold++
		}
		if p.Pred != nil {
			s.Pred++
		}
		if p.Gold == nil || p.Pred == nil {
			continue
		}
		s.Relaxed++
		if p.Gold.Start == p.Pred.Start && p.Gold.End == p.Pred.End {
			s.Strict++
		}
		if p.Gold.Type == p.Pred.Type {
			s.TypeMatch++
		}
		if p.Gold.Value == p.Pred.Value {
			s.ValueMatch++
		}
	}
}

// TimexDocResult is the pairing of one document, kept for error analysis.
type TimexDocResult struct {
	Doc   *TimexDoc
	Pairs []TimexPair
}

// ScoreTimex runs tag over every document and scores the result with the TempEval-3 measure.
func ScoreTimex(docs []TimexDoc, tag func(text string, dct time.Time) []TimexSpan) (TimexScore, []TimexDocResult) {
	var s TimexScore
	results := make([]TimexDocResult, len(docs))
	for k := range docs {
		d := &docs[k]
		pairs := PairTimex(d.Gold, tag(d.Text, d.DCT))
		s.Add(pairs)
		results[k] = TimexDocResult{Doc: d, Pairs: pairs}
	}
	return s, results
}

// TimexErrorKind names what went wrong with a pair.
type TimexErrorKind string

// The kinds of error the analysis lists.
const (
	TimexMissed TimexErrorKind = "missed" // a gold expression with no predicted one
	TimexSpur   TimexErrorKind = "spurious"
	TimexValue  TimexErrorKind = "value" // paired, wrong value
	TimexType   TimexErrorKind = "type"  // paired, right value, wrong type
	TimexExtent TimexErrorKind = "extent"
)

// TimexErrorGroup is one kind of error on one expression, as written in lower case, with how
// often it happened and an example.
type TimexErrorGroup struct {
	Kind     TimexErrorKind
	Text     string
	Count    int
	Gold     string // "TYPE value" of an example, or ""
	Pred     string
	Document string
}

// TimexErrors groups the errors of scored documents by kind and by the lower-cased text of the
// expression, most frequent first, so that one cause shows as one line.
func TimexErrors(results []TimexDocResult) []TimexErrorGroup {
	groups := map[[2]string]*TimexErrorGroup{}
	add := func(kind TimexErrorKind, text string, g, p *TimexSpan, doc string) {
		key := [2]string{string(kind), strings.ToLower(text)}
		e := groups[key]
		if e == nil {
			e = &TimexErrorGroup{Kind: kind, Text: key[1], Document: doc}
			if g != nil {
				e.Gold = g.Type + " " + g.Value
			}
			if p != nil {
				e.Pred = p.Type + " " + p.Value
				if g != nil && p.Text != g.Text {
					e.Pred += " [" + p.Text + "]"
				}
			}
			groups[key] = e
		}
		e.Count++
	}
	for _, r := range results {
		for _, p := range r.Pairs {
			switch {
			case p.Pred == nil:
				add(TimexMissed, p.Gold.Text, p.Gold, nil, r.Doc.ID)
			case p.Gold == nil:
				add(TimexSpur, p.Pred.Text, nil, p.Pred, r.Doc.ID)
			case p.Gold.Value != p.Pred.Value:
				add(TimexValue, p.Gold.Text, p.Gold, p.Pred, r.Doc.ID)
			case p.Gold.Type != p.Pred.Type:
				add(TimexType, p.Gold.Text, p.Gold, p.Pred, r.Doc.ID)
			case p.Gold.Start != p.Pred.Start || p.Gold.End != p.Pred.End:
				add(TimexExtent, p.Gold.Text, p.Gold, p.Pred, r.Doc.ID)
			}
		}
	}
	out := make([]TimexErrorGroup, 0, len(groups))
	for _, e := range groups {
		out = append(out, *e)
	}
	slices.SortFunc(out, func(a, b TimexErrorGroup) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Kind, b.Kind); c != 0 {
			return c
		}
		return cmp.Compare(a.Text, b.Text)
	})
	return out
}
