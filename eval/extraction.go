package eval

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ExtractionScore is the published article-body metric of the Scrapinghub/Zyte article
// extraction benchmark: shingle precision and recall averaged over pages, so that every page
// weighs the same whatever its length.
type ExtractionScore struct {
	F1, Precision, Recall float64
	// Accuracy is the share of pages whose predicted token list equals the true one.
	Accuracy float64
	Pages    int
}

// PageScore is one page's share of an ExtractionScore, for error analysis.
type PageScore struct {
	Key string
	// TP, FP and FN count matched, extra and missing 4-token shingles, divided by their sum.
	TP, FP, FN float64
	// Precision and Recall follow the published per-page definitions; a page with nothing
	// extra and nothing missing scores 1 on both, even when both texts are empty.
	Precision, Recall float64
	// Exact reports whether the predicted and true token lists are identical.
	Exact bool
}

// F1 is the harmonic mean of the page's precision and recall (0 when both are 0).
func (p PageScore) F1() float64 {
	if p.Precision+p.Recall == 0 {
		return 0
	}
	return 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
}

// ScoreExtraction scores predicted texts against true texts, both keyed by page key. Every key
// of truth is a page; a key missing from pred counts as an empty prediction, and keys only in
// pred are ignored.
func ScoreExtraction(truth, pred map[string]string) ExtractionScore {
	return SummarizeExtraction(ScoreExtractionPages(truth, pred))
}

// ScoreExtractionPages scores each page of truth against its prediction, in key order.
func ScoreExtractionPages(truth, pred map[string]string) []PageScore {
	keys := make([]string, 0, len(truth))
	for k := range truth {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	pages := make([]PageScore, len(keys))
	for i, k := range keys {
		pages[i] = scorePage(k, truth[k], pred[k])
	}
	return pages
}

// SummarizeExtraction averages page scores the way the published benchmark does: precision
// over pages where something was predicted or matched (tp+fp > 0), recall over pages where
// something was expected (tp+fn > 0), and F1 from those two means.
func SummarizeExtraction(pages []PageScore) ExtractionScore {
	var s ExtractionScore
	var np, nr, exact int
	for _, p := range pages {
		if p.TP+p.FP > 0 {
			s.Precision += p.Precision
			np++
		}
		if p.TP+p.FN > 0 {
			s.Recall += p.Recall
			nr++
		}
		if p.Exact {
			exact++
		}
	}
	s.Pages = len(pages)
	if np > 0 {
		s.Precision /= float64(np)
	}
	if nr > 0 {
		s.Recall /= float64(nr)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	if s.Pages > 0 {
		s.Accuracy = float64(exact) / float64(s.Pages)
	}
	return s
}

func scorePage(key, truth, pred string) PageScore {
	tt, pt := wordTokens(truth), wordTokens(pred)
	ts, ps := shingles(tt), shingles(pt)
	var tp, fp, fn float64
	for sh, nt := range ts {
		np := ps[sh]
		tp += float64(min(nt, np))
		fn += float64(max(0, nt-np))
	}
	for sh, np := range ps {
		fp += float64(max(0, np-ts[sh]))
	}
	if sum := tp + fp + fn; sum > 0 {
		tp, fp, fn = tp/sum, fp/sum, fn/sum
	}
	p := PageScore{Key: key, TP: tp, FP: fp, FN: fn, Exact: slices.Equal(tt, pt)}
	switch {
	case fp == 0 && fn == 0:
		p.Precision, p.Recall = 1, 1
	default:
		if tp+fp > 0 {
			p.Precision = tp / (tp + fp)
		}
		if tp+fn > 0 {
			p.Recall = tp / (tp + fn)
		}
	}
	return p
}

// isWordRune reports whether r is matched by Python's Unicode `\w`: letters (L*), numbers (N*,
// which is exactly what str.isalnum adds to letters) and the underscore. Combining marks (Mn,
// Mc) are not word characters there, so they split tokens here too.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// wordTokens splits s into the runs of word characters that the benchmark's `\w+` finds.
func wordTokens(s string) []string {
	var toks []string
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

// shingleSize is the benchmark's n-gram length.
const shingleSize = 4

// shingles counts the 4-token shingles of toks; fewer than four tokens make one shingle and no
// tokens make none. A shingle is its tokens joined by a space, which no token contains.
func shingles(toks []string) map[string]int {
	m := make(map[string]int, len(toks))
	if len(toks) == 0 {
		return m
	}
	if len(toks) < shingleSize {
		m[strings.Join(toks, " ")]++
		return m
	}
	for i := 0; i+shingleSize <= len(toks); i++ {
		m[strings.Join(toks[i:i+shingleSize], " ")]++
	}
	return m
}
