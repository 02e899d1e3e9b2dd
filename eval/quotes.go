package eval

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode"
)

// GoldQuote is one annotated quote of a gold file in the format of seeds/gold/quotes.jsonl: the
// document's file name, the kind, the quoted text with its byte offsets in the raw file, the
// speaker, and the speaker names a prediction may carry (accept).
type GoldQuote struct {
	Doc     string   `json:"doc"`
	Kind    string   `json:"kind"`
	Text    string   `json:"text"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Speaker string   `json:"speaker"`
	Accept  []string `json:"accept"`
}

// PredictedQuote is a quote a system found, reduced to what scoring reads.
type PredictedQuote struct {
	Doc  string
	Kind string
	Text string
	// Speakers names who said it: one name, several for a joint quote, none when unknown.
	Speakers []string
}

// ReadGoldQuotes reads a gold file of one JSON object per line.
func ReadGoldQuotes(path string) ([]GoldQuote, error) {
	return readJSONLines[GoldQuote](path, "quote")
}

// KindScores are the scores of one kind of quote.
type KindScores struct {
	Kind string
	// Spans counts matches by text alone; Speakers by text and speaker.
	Spans, Speakers Counts
}

// QuoteMiss is a gold quote no prediction matched with the right speaker.
type QuoteMiss struct {
	Gold GoldQuote
	// Said is the speaker a prediction with a matching text gave instead, or "" when no
	// prediction's text matched.
	Said string
}

// QuoteScores is the outcome of ScoreQuotes.
type QuoteScores struct {
	All    KindScores   // every kind together, kinds not compared
	Kinds  []KindScores // direct, partial, indirect, then any other kind in the gold
	Misses []QuoteMiss
	// Extra lists the predictions that matched no gold quote with their speaker.
	Extra []PredictedQuote
}

// ScoreQuotes matches predicted quotes with gold ones, document by document. A prediction and a
// gold quote match when their word sets (lower-cased runs of letters and digits) overlap by at
// least half of the smaller set; with a speaker, the predicted speaker must also contain one of
// the gold's accept names as whole words. Each speaker of a joint quote is one prediction, so a
// quote said by two people can match the gold line of each. Matching is one to one, best overlap
// first. All compares texts whatever the kinds; each entry of Kinds matches gold and predictions
// of that kind only.
func ScoreQuotes(gold []GoldQuote, pred []PredictedQuote) QuoteScores {
	gs := make([]goldItem, len(gold))
	for i, g := range gold {
		gs[i] = goldItem{GoldQuote: g, words: wordSet(g.Text)}
		names := g.Accept
		if len(names) == 0 {
			names = []string{g.Speaker}
		}
		for _, n := range names {
			if w := wordList(n); len(w) > 0 {
				gs[i].accept = append(gs[i].accept, w)
			}
		}
	}
	var ps []predItem
	for i, p := range pred {
		ws := wordSet(p.Text)
		if len(p.Speakers) == 0 {
			ps = append(ps, predItem{quote: i, doc: p.Doc, kind: p.Kind, words: ws})
		}
		for _, s := range p.Speakers {
			ps = append(ps, predItem{quote: i, doc: p.Doc, kind: p.Kind, words: ws, speaker: s, speakerWords: wordList(s)})
		}
	}
	var out QuoteScores
	all := func(string) bool { return true }
	spanMatch, c := match(gs, ps, all, false)
	out.All.Spans = c
	speakerMatch, c := match(gs, ps, all, true)
	out.All.Speakers = c
	kinds := []string{"direct", "partial", "indirect"}
	for _, g := range gold {
		if !slices.Contains(kinds, g.Kind) {
			kinds = append(kinds, g.Kind)
		}
	}
	for _, k := range kinds {
		is := func(kind string) bool { return kind == k }
		ks := KindScores{Kind: k}
		_, ks.Spans = match(gs, ps, is, false)
		_, ks.Speakers = match(gs, ps, is, true)
		out.Kinds = append(out.Kinds, ks)
	}
	for gi, g := range gs {
		if _, ok := speakerMatch[gi]; ok {
			continue
		}
		m := QuoteMiss{Gold: g.GoldQuote}
		if pi, ok := spanMatch[gi]; ok {
			m.Said = ps[pi].speaker
			if m.Said == "" {
				m.Said = "(nobody)"
			}
		}
		out.Misses = append(out.Misses, m)
	}
	matched := make(map[int]bool)
	for _, pi := range speakerMatch {
		matched[pi] = true
	}
	for pi, p := range ps {
		if !matched[pi] {
			q := pred[p.quote]
			q.Speakers = nil
			if p.speaker != "" {
				q.Speakers = []string{p.speaker}
			}
			out.Extra = append(out.Extra, q)
		}
	}
	return out
}

type goldItem struct {
	GoldQuote
	words  map[string]bool
	accept [][]string
}

type predItem struct {
	quote        int
	doc, kind    string
	words        map[string]bool
	speaker      string
	speakerWords []string
}

// match pairs gold and predicted items of the kinds keep accepts, one to one and best overlap
// first, and returns gold index → prediction index with the counts.
func match(gold []goldItem, pred []predItem, keep func(string) bool, withSpeaker bool) (map[int]int, Counts) {
	type pair struct {
		g, p    int
		overlap float64
	}
	var pairs []pair
	ng, np := 0, 0
	byDoc := make(map[string][]int)
	for pi, p := range pred {
		if keep(p.kind) {
			byDoc[p.doc] = append(byDoc[p.doc], pi)
			np++
		}
	}
	for gi, g := range gold {
		if !keep(g.Kind) {
			continue
		}
		ng++
		for _, pi := range byDoc[g.Doc] {
			p := pred[pi]
			ov := overlap(g.words, p.words)
			if ov < 0.5 || withSpeaker && !speakerMatches(p.speakerWords, g.accept) {
				continue
			}
			pairs = append(pairs, pair{gi, pi, ov})
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return cmp.Compare(b.overlap, a.overlap) })
	got := make(map[int]int)
	used := make(map[int]bool)
	for _, pr := range pairs {
		if _, ok := got[pr.g]; ok || used[pr.p] {
			continue
		}
		got[pr.g] = pr.p
		used[pr.p] = true
	}
	tp := len(got)
	return got, Counts{Correct: tp, Predicted: np, Gold: ng}
}

// overlap is the share of the smaller word set found in the other.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// speakerMatches reports whether the predicted speaker's words contain one of the accepted
// names as a run of whole words.
func speakerMatches(said []string, accept [][]string) bool {
	for _, a := range accept {
		for i := 0; i+len(a) <= len(said); i++ {
			if slices.Equal(said[i:i+len(a)], a) {
				return true
			}
		}
	}
	return false
}

func wordList(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range wordList(s) {
		m[w] = true
	}
	return m
}

// WriteQuoteReport writes scores as a table of precision, recall and F1 for texts alone and
// texts with speakers, overall and by kind, then, with list, the misses and extra predictions.
func WriteQuoteReport(w io.Writer, s QuoteScores, list bool) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "kind\tgold\tpredicted\tspan P\tspan R\tspan F1\t\u00a0speaker P\tspeaker R\tspeaker F1\t")
	row := func(k KindScores) {
		a, b := k.Spans, k.Speakers
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", k.Kind, a.Gold, a.Predicted,
			a.Precision(), a.Recall(), a.F1(), b.Precision(), b.Recall(), b.F1())
	}
	all := s.All
	all.Kind = "all"
	row(all)
	for _, k := range s.Kinds {
		row(k)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !list {
		return nil
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "\nmisses (%d):\n", len(s.Misses))
	for _, m := range s.Misses {
		why := "not found"
		if m.Said != "" {
			why = "said by " + m.Said
		}
		fmt.Fprintf(bw, "  %s  %s  %s: %q (%s)\n", m.Gold.Doc, m.Gold.Kind, m.Gold.Speaker, clip(m.Gold.Text, 100), why)
	}
	fmt.Fprintf(bw, "\nextra (%d):\n", len(s.Extra))
	for _, q := range s.Extra {
		fmt.Fprintf(bw, "  %s  %s  %s: %q\n", q.Doc, q.Kind, strings.Join(q.Speakers, " & "), clip(q.Text, 100))
	}
	return bw.Flush()
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
