package ner

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// toyCorpus makes a text of n sentences "DET NOUN VERB DET NOUN ." from small word classes, so
// that a good clustering puts each class together. The full stop has the contexts of a verb
// (after a noun, before a determiner), so in three clusters it goes with the verbs.
func toyCorpus(n int) [][]string {
	dets := []string{"the", "a", "this", "that"}
	nouns := []string{"cat", "dog", "bird", "fish", "horse", "mouse"}
	verbs := []string{"sees", "likes", "chases", "hears", "bites"}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(ws []string) string { return ws[rng.IntN(len(ws))] }
	var text []string
	for range n {
		text = append(text, pick(dets), pick(nouns), pick(verbs), pick(dets), pick(nouns), ".")
	}
	return [][]string{text}
}

func TestBrownIncrementalLossMatchesRecomputed(t *testing.T) {
	b := newBrown(slices.Values(toyCorpus(500)), ClusterConfig{Clusters: 6, MinCount: 1})
	if err := b.run(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Run phase one again by hand, checking the kept losses after every merge.
	c := newBrown(slices.Values(toyCorpus(500)), ClusterConfig{Clusters: 6, MinCount: 1})
	c.node = make([]int, 7)
	c.plC, c.prC = make([]float64, 7), make([]float64, 7)
	c.p, c.q, c.loss = square(7), square(7), square(7)
	c.of = make([]int32, len(c.words))
	for i := range c.of {
		c.of[i] = -1
	}
	c.parent = make([]int, len(c.words))
	for i := range c.node {
		c.node[i] = -1
	}
	for w := range c.words {
		c.add(w)
		if w < 6 {
			continue
		}
		x, y := c.best()
		c.merge(x, y)
		for s := range c.node {
			for u := s + 1; u < len(c.node); u++ {
				if c.node[s] < 0 || c.node[u] < 0 {
					continue
				}
				if got, want := c.loss[s][u], c.mergeLoss(s, u); math.Abs(got-want) > 1e-9 {
					t.Fatalf("after word %d: loss[%d][%d] = %g, recomputed %g", w, s, u, got, want)
				}
			}
		}
	}
}

func TestInduceClustersGroupsWordClasses(t *testing.T) {
	b := newBrown(slices.Values(toyCorpus(2000)), ClusterConfig{Clusters: 3, MinCount: 1})
	if err := b.run(context.Background()); err != nil {
		t.Fatal(err)
	}
	id := make(map[string]int)
	for i, w := range b.words {
		id[w] = b.leaf[i]
	}
	for _, group := range [][]string{{"the", "a", "this", "that"}, {"cat", "dog", "bird", "fish", "horse", "mouse"}, {"sees", "likes", "chases", "hears", "bites"}} {
		for _, w := range group[1:] {
			if id[w] != id[group[0]] {
				t.Errorf("%q and %q are in different clusters", w, group[0])
			}
		}
	}
	if id["the"] == id["cat"] || id["cat"] == id["sees"] {
		t.Errorf("words of different classes share a cluster: %v", id)
	}
}
