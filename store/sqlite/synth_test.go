package sqlite_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/analyze"
)

// synth makes any number of distinct analysed articles by varying the example corpus, without
// analysing again: each article copies the analysis of an example article and rewrites its
// text word by word with words of the same length, so every span stays valid. Articles come in
// topics of about eight: within a topic the names (the words of entity mentions) are rewritten
// alike, so a topic's articles share their actors and cluster together, while a fifth of the
// other words are replaced by words drawn from a Zipf-distributed vocabulary, so every text
// differs. Dates spread topics over three years.
type synth struct {
	base []*analyze.Record
	rng  *rand.Rand
	zipf *rand.Zipf
	seed uint64
	n    int
}

func newSynth(t testing.TB, seed uint64) *synth {
	var base []*analyze.Record
	seen := map[string]bool{}
	for _, r := range exampleRecords(t) {
		if !seen[r.Hash] { // the corpus's exact copy would make identical variants
			seen[r.Hash] = true
			base = append(base, r)
		}
	}
	rng := rand.New(rand.NewPCG(seed, 7))
	return &synth{base: base, rng: rng, zipf: rand.NewZipf(rng, 1.1, 1, 19_999), seed: seed}
}

// record returns the next synthetic article.
func (s *synth) record() *analyze.Record {
	i := s.n
	s.n++
	topic := uint64(i / 8)
	b := s.base[i%len(s.base)]
	r := *b
	names := map[int]bool{}
	for _, e := range b.Entities {
		for _, m := range e.Mentions {
			for p := m.Start; p < m.End; p++ {
				names[p] = true
			}
		}
	}
	text := []byte(b.Text)
	for start := 0; start < len(text); {
		if !isASCIILetter(text[start]) {
			start++
			continue
		}
		end := start
		for end < len(text) && isASCIILetter(text[end]) {
			end++
		}
		switch {
		case names[start]:
			rewrite(text[start:end], topic, b.Text[start:end])
		case s.rng.IntN(5) == 0:
			// Words drawn from a vocabulary of 20,000 per length, the common ones often, as
			// words are in news: an archive's vocabulary grows slowly, not by every article.
			rewrite(text[start:end], s.zipf.Uint64(), "")
		}
		start = end
	}
	r.Text = string(text)
	sum := sha256.Sum256(text)
	r.Hash = hex.EncodeToString(sum[:])
	r.URL = fmt.Sprintf("https://synthetic.example/%d/%d/%d", s.seed, topic, i)
	r.Source = r.URL
	id := sha256.Sum256([]byte(r.URL + r.Text))
	r.ID = hex.EncodeToString(id[:])[:16]
	r.Title = renamed(b.Title, topic)
	day := time.Date(2029, 1, 1, 8, 0, 0, 0, time.UTC).AddDate(0, 0, int(topic%1100)+i%5)
	r.Published = day.Format(time.RFC3339)
	r.DuplicateOf, r.NearDuplicateOf, r.Similarity = "", "", 0

	r.Entities = slices.Clone(b.Entities)
	for k := range r.Entities {
		e := &r.Entities[k]
		e.Name = renamed(e.Name, topic)
		e.ID = renamedID(e.ID, topic)
	}
	r.Quotes = slices.Clone(b.Quotes)
	for k := range r.Quotes {
		q := &r.Quotes[k]
		q.Text = r.Text[q.Start:q.End]
		q.Evidence.Text = r.Text[q.Evidence.Start:q.Evidence.End]
		q.Speaker.Name = renamed(q.Speaker.Name, topic)
		q.Speaker.Entity = renamedID(q.Speaker.Entity, topic)
	}
	r.Positions = slices.Clone(b.Positions)
	for k := range r.Positions {
		p := &r.Positions[k]
		p.Evidence.Text = r.Text[p.Evidence.Start:p.Evidence.End]
		p.Actor.Name = renamed(p.Actor.Name, topic)
		p.Actor.Entity = renamedID(p.Actor.Entity, topic)
	}
	r.Events = slices.Clone(b.Events)
	for k := range r.Events {
		r.Events[k].Evidence.Text = r.Text[r.Events[k].Evidence.Start:r.Events[k].Evidence.End]
	}
	r.Times = slices.Clone(b.Times)
	for k := range r.Times {
		r.Times[k].Text = r.Text[r.Times[k].Start:r.Times[k].End]
	}
	return &r
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// rewrite replaces word in place by letters drawn from seed and, when orig is given, from orig
// too, keeping the case of its first letter.
func rewrite(word []byte, seed uint64, orig string) {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d/%s", seed, orig)
	rng := rand.New(rand.NewPCG(h.Sum64(), seed))
	upper := word[0] >= 'A' && word[0] <= 'Z'
	for i := range word {
		word[i] = byte('a' + rng.IntN(26))
	}
	if upper {
		word[0] -= 'a' - 'A'
	}
}

// renamed rewrites every ASCII word of a name as the topic's mentions are rewritten.
func renamed(name string, topic uint64) string {
	b := []byte(name)
	for start := 0; start < len(b); {
		if !isASCIILetter(b[start]) {
			start++
			continue
		}
		end := start
		for end < len(b) && isASCIILetter(b[end]) {
			end++
		}
		rewrite(b[start:end], topic, name[start:end])
		start = end
	}
	return string(b)
}

func renamedID(id string, topic uint64) string {
	if id == "" {
		return ""
	}
	typ, key, ok := strings.Cut(id, ":")
	if !ok {
		return renamed(id, topic)
	}
	return typ + ":" + renamed(key, topic)
}
