package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// GoldDisagreement is a hand-marked disagreement of ../shared/seeds/gold/disagreements.json: in
// Doc, Sides give conflicting accounts of About, and Evidence is a verbatim span that shows it.
type GoldDisagreement struct {
	Doc      string   `json:"doc"`
	About    string   `json:"about"`
	Sides    []string `json:"sides"`
	Evidence string   `json:"evidence"`
}

// LoadDisagreements reads a gold disagreements file (a JSON array).
func LoadDisagreements(path string) ([]GoldDisagreement, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gold disagreements: %w", err)
	}
	var out []GoldDisagreement
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, fmt.Errorf("read gold disagreements %s: %w", path, err)
	}
	return out, nil
}

// Shown is a disagreement as a briefing shows it: the names of its sides and the spans it cites,
// each with the source (file or URL) of its article.
type Shown struct {
	Sides []string
	Cited []Cited
}

// Cited is a cited span's text with the source of its article.
type Cited struct {
	Source, Text string
}

// DisagreementScore says which gold disagreements a briefing shows.
type DisagreementScore struct {
	Gold, Shown int
	Missed      []GoldDisagreement
}

// ScoreDisagreements finds each gold disagreement among the shown ones. One is shown when a
// disagreement cites the gold document (the base name of a citation's source) and either one of
// its citations holds the gold evidence, or its sides name both gold sides.
func ScoreDisagreements(gold []GoldDisagreement, shown []Shown) DisagreementScore {
	sc := DisagreementScore{Gold: len(gold)}
	for _, g := range gold {
		if isShown(g, shown) {
			sc.Shown++
		} else {
			sc.Missed = append(sc.Missed, g)
		}
	}
	return sc
}

func isShown(g GoldDisagreement, shown []Shown) bool {
	for _, d := range shown {
		inDoc, holds := false, false
		for _, c := range d.Cited {
			if filepath.Base(c.Source) != g.Doc {
				continue
			}
			inDoc = true
			holds = holds || strings.Contains(c.Text, g.Evidence)
		}
		if inDoc && (holds || namesAll(d.Sides, g.Sides)) {
			return true
		}
	}
	return false
}

// namesAll says whether every gold side is named by one of the shown sides (a surname or a
// shorter form of the name counts: "Lavrov" for "Sergei Lavrov").
func namesAll(who, sides []string) bool {
	for _, s := range sides {
		found := false
		for _, w := range who {
			lw, ls := strings.ToLower(w), strings.ToLower(s)
			if strings.Contains(lw, ls) || strings.Contains(ls, lw) || strings.Contains(lw, lastName(ls)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func lastName(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return s
	}
	return f[len(f)-1]
}
