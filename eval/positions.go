package eval

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/dossier-news/dossier"
)

// GoldPosition is one annotated position of a gold file in the format of
// seeds/gold/positions.jsonl: the document's file name, the actor and the names that count as
// that actor (accept), the issue in free text, the stance, and the evidence as a verbatim
// substring of the document's text.
type GoldPosition struct {
	Doc      string   `json:"doc"`
	Actor    string   `json:"actor"`
	Accept   []string `json:"accept"`
	Issue    string   `json:"issue"`
	Stance   string   `json:"stance"`
	Evidence string   `json:"evidence"`
}

// PredictedPosition is a position a system found, reduced to what scoring reads.
type PredictedPosition struct {
	Doc string
	// Names are the names the actor goes by: the name the position gives, the name of its
	// entity, and what a metonym stands for ("Russia's leadership" for "Kremlin").
	Names    []string
	Issue    string
	Stance   string
	Evidence dossier.Span
	// Text is the evidence as written, for reports; scoring does not read it.
	Text string
}

func (p PredictedPosition) name() string {
	if len(p.Names) == 0 {
		return "(nobody)"
	}
	return p.Names[0]
}

// IssueClassifier maps a free-text issue name onto a taxonomy key; position.Taxonomy is one.
type IssueClassifier interface {
	Classify(phrase string) (key string, ok bool)
}

// PositionMiss is a gold position no prediction matched, with the predictions whose evidence
// overlaps it (what the system said there instead).
type PositionMiss struct {
	Gold GoldPosition
	Near []PredictedPosition
}

// PositionScores is the outcome of ScorePositions. Counts.Correct is the number of gold positions
// found, matched one to one with predictions.
type PositionScores struct {
	Counts
	Misses []PositionMiss
	// Extra lists the predictions that matched no gold position.
	Extra []PredictedPosition
	// Unlocated lists gold positions whose evidence is not in their document's text; they count
	// as gold and cannot be found.
	Unlocated []GoldPosition
}

// ReadGoldPositions reads a gold file of one JSON object per line.
func ReadGoldPositions(path string) ([]GoldPosition, error) {
	return readJSONLines[GoldPosition](path, "position")
}

// ScorePositions matches predictions with gold positions, one to one in gold order. A prediction
// matches a gold position when it is in the same document; one of its names equals or contains
// one of the gold's accept names as whole words, ignoring case, dots and possessive endings ("US"
// is "U.S.", "Russia's leadership" contains "Russia"); its evidence overlaps the gold evidence,
// found in texts[doc]; its stance is the same; and its issue is the key tax gives the gold issue,
// or, for a prediction filed under a key phrase rather than a key, shares a content word with the
// gold issue.
func ScorePositions(gold []GoldPosition, pred []PredictedPosition, texts map[string]string, tax IssueClassifier) PositionScores {
	out := PositionScores{Counts: Counts{Gold: len(gold), Predicted: len(pred)}}
	used := make([]bool, len(pred))
	for _, g := range gold {
		at := strings.Index(texts[g.Doc], g.Evidence)
		if at < 0 || g.Evidence == "" {
			out.Unlocated = append(out.Unlocated, g)
			continue
		}
		span := dossier.Span{Start: at, End: at + len(g.Evidence)}
		miss := PositionMiss{Gold: g}
		matched := false
		for pi, p := range pred {
			if p.Doc != g.Doc || !overlaps(p.Evidence, span) {
				continue
			}
			if !used[pi] && p.Stance == g.Stance && actorMatches(p.Names, g.Accept) && issueMatches(p.Issue, g.Issue, tax) {
				used[pi], matched = true, true
				out.Correct++
				break
			}
			miss.Near = append(miss.Near, p)
		}
		if !matched {
			out.Misses = append(out.Misses, miss)
		}
	}
	for pi, p := range pred {
		if !used[pi] {
			out.Extra = append(out.Extra, p)
		}
	}
	return out
}

func overlaps(a, b dossier.Span) bool { return a.Start < b.End && b.Start < a.End }

func actorMatches(names, accept []string) bool {
	for _, n := range names {
		hay := " " + actorKey(n) + " "
		for _, a := range accept {
			if k := actorKey(a); k != "" && strings.Contains(hay, " "+k+" ") {
				return true
			}
		}
	}
	return false
}

// actorKey is a name lower-cased, without dots and possessive endings, one space between words.
func actorKey(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	s = strings.ReplaceAll(s, ".", "")
	var words []string
	for w := range strings.FieldsSeq(s) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
		if w != "" {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

func issueMatches(pred, gold string, tax IssueClassifier) bool {
	if k, ok := tax.Classify(gold); ok && k == pred {
		return true
	}
	if k, ok := tax.Classify(pred); ok && k == pred {
		return false // a taxonomy key, and not the gold's
	}
	gw := contentWords(gold)
	for w := range contentWords(pred) {
		if gw[w] {
			return true
		}
	}
	return false
}

// issueStopwords are the words two issue names may share without naming the same thing.
var issueStopwords = map[string]bool{
	"the": true, "of": true, "for": true, "to": true, "on": true, "in": true, "and": true, "or": true,
	"a": true, "an": true, "any": true, "all": true, "its": true, "their": true, "with": true, "from": true,
}

func contentWords(s string) map[string]bool {
	out := make(map[string]bool)
	for w := range strings.FieldsFuncSeq(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }) {
		if len(w) > 2 && !issueStopwords[w] {
			out[w] = true
		}
	}
	return out
}

// WritePositionReport writes found/gold, precision, the misses with what was said there instead,
// and the predictions that matched nothing, for a person to judge.
func WritePositionReport(w io.Writer, s PositionScores) error {
	var b strings.Builder
	fmt.Fprintf(&b, "positions: found %d of %d gold, %d predicted, precision %.3f, recall %.3f\n",
		s.Correct, s.Gold, s.Predicted, s.Precision(), s.Recall())
	for _, g := range s.Unlocated {
		fmt.Fprintf(&b, "  gold evidence not in %s: %q\n", g.Doc, g.Evidence)
	}
	for _, m := range s.Misses {
		g := m.Gold
		fmt.Fprintf(&b, "  missed %s: %s %s %s — %q\n", g.Doc, g.Actor, g.Stance, g.Issue, g.Evidence)
		for _, p := range m.Near {
			fmt.Fprintf(&b, "      there: %s %s %s\n", p.name(), p.Stance, p.Issue)
		}
	}
	for _, p := range s.Extra {
		fmt.Fprintf(&b, "  unmatched %s: %s %s %s — %q\n", p.Doc, p.name(), p.Stance, p.Issue, p.Text)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
