package brief

import (
	_ "embed"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/text"
)

//go:embed stopwords.txt
var stopwordData string

// vocab numbers the content words of one story, so that sentences become short sorted lists of
// integers that compare without hashing strings.
type vocab struct {
	ids  map[string]int32
	df   []int32 // articles each term occurs in
	stop map[string]bool
}

func newVocab() *vocab {
	v := &vocab{ids: make(map[string]int32), stop: make(map[string]bool)}
	for _, w := range strings.Fields(stopwordData) {
		if !strings.HasPrefix(w, "#") {
			v.stop[w] = true
		}
	}
	return v
}

// term is a term id with its weight in a vector.
type term struct {
	id int32
	w  float32
}

// vec is a sparse vector sorted by term id, with its norm.
type vec struct {
	terms []term
	norm  float32
}

// terms returns the ids of the content words of s[span]: lowercased, a plural or possessive s
// taken off, stop words and one-letter words dropped. New words get new ids.
func (v *vocab) terms(toks []text.Token, s string, dst []int32) []int32 {
	for _, t := range toks {
		if t.Kind != text.Word {
			continue
		}
		w := normWord(s[t.Start:t.End])
		if utf8.RuneCountInString(w) < 2 || v.stop[w] {
			continue
		}
		id, ok := v.ids[w]
		if !ok {
			id = int32(len(v.ids))
			v.ids[w] = id
			v.df = append(v.df, 0)
		}
		dst = append(dst, id)
	}
	return dst
}

// normWord folds a word to the form its vector counts: lower case, without a possessive or a
// plain plural s ("talks" and "talk", "Russia's" and "Russia" are one term).
func normWord(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") {
		w = w[:len(w)-1]
	}
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// vector weighs ids by tf-idf over n articles and sorts them.
func (v *vocab) vector(ids []int32, n int) vec {
	if len(ids) == 0 {
		return vec{}
	}
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	var out vec
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j] == sorted[i] {
			j++
		}
		id := sorted[i]
		idf := float32(math.Log(float64(1+n) / float64(1+v.df[id])))
		w := float32(1+math.Log(float64(j-i))) * (idf + 0.1)
		out.terms = append(out.terms, term{id, w})
		out.norm += w * w
		i = j
	}
	out.norm = float32(math.Sqrt(float64(out.norm)))
	return out
}

// cosine is the cosine similarity of two sparse vectors.
func cosine(a, b vec) float32 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	var dot float32
	eachShared(a, b, func(x, y term) { dot += x.w * y.w })
	return dot / (a.norm * b.norm)
}

// eachShared calls f with the two weights of every term both vectors hold, walking the two
// sorted lists once.
func eachShared(a, b vec, f func(x, y term)) {
	for i, j := 0, 0; i < len(a.terms) && j < len(b.terms); {
		switch {
		case a.terms[i].id < b.terms[j].id:
			i++
		case a.terms[i].id > b.terms[j].id:
			j++
		default:
			f(a.terms[i], b.terms[j])
			i++
			j++
		}
	}
}

// dense is a vector over the whole vocabulary, for comparing many sparse vectors with one.
type dense struct {
	w    []float32
	norm float32
}

func (d dense) cosine(a vec) float32 {
	if a.norm == 0 || d.norm == 0 {
		return 0
	}
	var dot float32
	for _, t := range a.terms {
		if int(t.id) < len(d.w) {
			dot += t.w * d.w[t.id]
		}
	}
	return dot / (a.norm * d.norm)
}
