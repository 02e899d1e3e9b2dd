package ner

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"io"
	"iter"
	"math"
	"runtime"
	"slices"
	"sync"
)

// ClusterConfig controls InduceClusters.
type ClusterConfig struct {
	// Clusters is the number of clusters kept while words are added (default 256); the hierarchy
	// above them gives the coarser classes.
	Clusters int
	// MinCount leaves out words seen fewer times (default 3): their neighbours say too little.
	MinCount int
	// Progress, when set, is told how many words have been clustered, now and then.
	Progress func(done, total int)
}

// InduceClusters groups words by the words that come before and after them with Brown et al.'s
// (1992) class-based bigram clustering, in the windowed form of Liang (2005): the words are taken
// in order of frequency, each new word enters as a cluster of its own, and the two clusters whose
// merge loses the least mutual information between adjacent clusters are merged, so that there are
// never more than Clusters+1. The remaining clusters are then merged down to one, and the order of
// those merges gives each cluster its bit path: words with long common path prefixes are alike.
// The result is written as lines of "PATH<tab>WORD<tab>COUNT", the format Lexicon reads.
func InduceClusters(ctx context.Context, sentences iter.Seq[[]string], cfg ClusterConfig, w io.Writer) error {
	if cfg.Clusters <= 0 {
		cfg.Clusters = 256
	}
	if cfg.MinCount <= 0 {
		cfg.MinCount = 3
	}
	b := newBrown(sentences, cfg)
	if err := b.run(ctx); err != nil {
		return fmt.Errorf("induce clusters: %w", err)
	}
	return b.write(w)
}

type brown struct {
	cfg   ClusterConfig
	words []string // by descending count
	count []int
	next  []map[int32]float64 // next[w][v]: share of bigrams "w v"
	prev  []map[int32]float64 // prev[v][w]: the same, seen from v
	pl    []float64           // share of bigrams with w on the left
	pr    []float64           // share of bigrams with w on the right

	// The active clusters live in slots 0..Clusters; a slot is free when its node is -1.
	node   []int       // tree node of the cluster in each slot
	plC    []float64   // left and right marginals of each slot's cluster
	prC    []float64   //
	p      [][]float64 // p[a][b]: share of bigrams from cluster a to cluster b
	q      [][]float64 // q[a][b] = p log(p / (pl(a) pr(b))), the slot pair's mutual information
	loss   [][]float64 // loss[a][b], a < b: mutual information lost by merging a and b
	of     []int32     // slot of each word once added, -1 before
	parent []int       // parent node of each node; nodes 0..len(words)-1 are words' leaves
	top    []bool      // the node is one of the clusters that phase two merges
	leaf   []int       // node each word belongs to when phase one ends
}

func newBrown(sentences iter.Seq[[]string], cfg ClusterConfig) *brown {
	counts := make(map[string]int)
	for s := range sentences {
		for _, w := range s {
			counts[w]++
		}
	}
	b := &brown{cfg: cfg}
	for w, n := range counts {
		if n >= cfg.MinCount {
			b.words = append(b.words, w)
		}
	}
	slices.SortFunc(b.words, func(x, y string) int {
		if c := cmp.Compare(counts[y], counts[x]); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	id := make(map[string]int32, len(b.words))
	for i, w := range b.words {
		id[w] = int32(i)
		b.count = append(b.count, counts[w])
	}
	n := len(b.words)
	b.next, b.prev = make([]map[int32]float64, n), make([]map[int32]float64, n)
	for i := range n {
		b.next[i], b.prev[i] = make(map[int32]float64), make(map[int32]float64)
	}
	total := 0.0
	for s := range sentences {
		for i := 1; i < len(s); i++ {
			x, okx := id[s[i-1]]
			y, oky := id[s[i]]
			if okx && oky {
				b.next[x][y]++
				b.prev[y][x]++
				total++
			}
		}
	}
	b.pl, b.pr = make([]float64, n), make([]float64, n)
	for x := range n {
		for y, c := range b.next[x] {
			b.next[x][y] = c / total
			b.prev[y][int32(x)] = c / total
			b.pl[x] += c / total
			b.pr[y] += c / total
		}
	}
	return b
}

func (b *brown) run(ctx context.Context) error {
	n := len(b.words)
	k := min(b.cfg.Clusters, n)
	slots := k + 1
	b.node = make([]int, slots)
	b.plC, b.prC = make([]float64, slots), make([]float64, slots)
	b.p, b.q, b.loss = square(slots), square(slots), square(slots)
	b.of = make([]int32, n)
	for i := range b.of {
		b.of[i] = -1
	}
	b.parent = make([]int, n, 2*n)
	b.leaf = make([]int, n)
	for i := range b.node {
		b.node[i] = -1
	}
	// Phase one: add words in order of frequency, merging whenever there are k+1 clusters.
	for w := range n {
		if err := ctx.Err(); err != nil {
			return err
		}
		b.add(w)
		if w >= k {
			x, y := b.best()
			b.merge(x, y)
		}
		if b.cfg.Progress != nil && (w%1000 == 999 || w == n-1) {
			b.cfg.Progress(w+1, n)
		}
	}
	b.top = make([]bool, len(b.parent))
	for s := range slots {
		if b.node[s] >= 0 {
			b.top[b.node[s]] = true
		}
	}
	for w := range n {
		b.leaf[w] = b.node[b.of[w]]
	}
	// Phase two: merge the k clusters into one tree.
	for b.active() > 1 {
		if err := ctx.Err(); err != nil {
			return err
		}
		x, y := b.best()
		b.merge(x, y)
	}
	return nil
}

func square(n int) [][]float64 {
	m := make([][]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
	}
	return m
}

func (b *brown) active() int {
	n := 0
	for _, v := range b.node {
		if v >= 0 {
			n++
		}
	}
	return n
}

func qterm(p, l, r float64) float64 {
	if p <= 0 {
		return 0
	}
	return p * math.Log(p/(l*r))
}

// add gives word w a free slot as a cluster of its own.
func (b *brown) add(w int) {
	s := slices.Index(b.node, -1)
	b.node[s] = w // a word's leaf node has the word's number
	b.parent[w] = -1
	b.of[w] = int32(s)
	b.plC[s], b.prC[s] = b.pl[w], b.pr[w]
	for t := range b.p {
		b.p[s][t], b.p[t][s] = 0, 0
	}
	for v, c := range b.next[w] {
		if t := b.of[v]; t >= 0 {
			b.p[s][t] += c
		}
	}
	for v, c := range b.prev[w] {
		if t := b.of[v]; t >= 0 && int(v) != w {
			b.p[t][s] += c
		}
	}
	b.refreshQ(s)
	// Every other pair's loss gains the terms of the new cluster.
	b.parallel(func(c int) {
		if b.node[c] < 0 || c == s {
			return
		}
		for d := c + 1; d < len(b.p); d++ {
			if b.node[d] < 0 || d == s {
				continue
			}
			out, in := b.p[c][s]+b.p[d][s], b.p[s][c]+b.p[s][d]
			b.loss[c][d] += b.q[c][s] + b.q[s][c] + b.q[d][s] + b.q[s][d] -
				qterm(out, b.plC[c]+b.plC[d], b.prC[s]) - qterm(in, b.plC[s], b.prC[c]+b.prC[d])
		}
	})
	b.parallel(func(t int) {
		if t != s && b.node[t] >= 0 {
			b.setLoss(s, t, b.mergeLoss(s, t))
		}
	})
}

// refreshQ recomputes the mutual-information terms of slot s with every active slot.
func (b *brown) refreshQ(s int) {
	for t := range b.p {
		if b.node[t] < 0 {
			b.q[s][t], b.q[t][s] = 0, 0
			continue
		}
		b.q[s][t] = qterm(b.p[s][t], b.plC[s], b.prC[t])
		b.q[t][s] = qterm(b.p[t][s], b.plC[t], b.prC[s])
	}
}

func (b *brown) setLoss(s, t int, v float64) {
	if s > t {
		s, t = t, s
	}
	b.loss[s][t] = v
}

// mergeLoss computes from scratch what merging slots s and t would lose.
func (b *brown) mergeLoss(s, t int) float64 {
	l, r := b.plC[s]+b.plC[t], b.prC[s]+b.prC[t]
	before, after := 0.0, 0.0
	for u := range b.p {
		if b.node[u] < 0 {
			continue
		}
		before += b.q[s][u] + b.q[u][s]
		if u != s {
			before += b.q[t][u] + b.q[u][t]
		}
		if u == s || u == t {
			continue
		}
		after += qterm(b.p[s][u]+b.p[t][u], l, b.prC[u]) + qterm(b.p[u][s]+b.p[u][t], b.plC[u], r)
	}
	before -= b.q[s][s] + b.q[t][t] // counted twice above
	after += qterm(b.p[s][s]+b.p[s][t]+b.p[t][s]+b.p[t][t], l, r)
	return before - after
}

// best returns the active pair whose merge loses least.
func (b *brown) best() (int, int) {
	bx, by, bl := -1, -1, math.Inf(1)
	for x := range b.node {
		if b.node[x] < 0 {
			continue
		}
		for y := x + 1; y < len(b.node); y++ {
			if b.node[y] >= 0 && b.loss[x][y] < bl {
				bx, by, bl = x, y, b.loss[x][y]
			}
		}
	}
	return bx, by
}

// merge merges slot y into slot x and updates every loss.
func (b *brown) merge(x, y int) {
	l, r := b.plC[x]+b.plC[y], b.prC[x]+b.prC[y]
	pm := func(u int) (out, in float64) { return b.p[x][u] + b.p[y][u], b.p[u][x] + b.p[u][y] }
	// The merged cluster's terms with each other slot, before the matrices change.
	qm := make([]float64, len(b.p)) // q(m,u) + q(u,m)
	for u := range b.p {
		if b.node[u] >= 0 && u != x && u != y {
			o, i := pm(u)
			qm[u] = qterm(o, l, b.prC[u]) + qterm(i, b.plC[u], r)
		}
	}
	// Pairs of other slots: swap the terms with x and y for the terms with the merged cluster.
	b.parallel(func(c int) {
		if b.node[c] < 0 || c == x || c == y {
			return
		}
		for d := c + 1; d < len(b.p); d++ {
			if b.node[d] < 0 || d == x || d == y {
				continue
			}
			lcd, rcd := b.plC[c]+b.plC[d], b.prC[c]+b.prC[d]
			pcd := func(s int) (out, in float64) { return b.p[c][s] + b.p[d][s], b.p[s][c] + b.p[s][d] }
			ox, ix := pcd(x)
			oy, iy := pcd(y)
			delta := -(b.q[c][x] + b.q[x][c] + b.q[c][y] + b.q[y][c] + b.q[d][x] + b.q[x][d] + b.q[d][y] + b.q[y][d])
			delta += qm[c] + qm[d]
			delta += qterm(ox, lcd, b.prC[x]) + qterm(ix, b.plC[x], rcd) + qterm(oy, lcd, b.prC[y]) + qterm(iy, b.plC[y], rcd)
			om, im := ox+oy, ix+iy
			delta -= qterm(om, lcd, r) + qterm(im, l, rcd)
			b.loss[c][d] += delta
		}
	})
	// Now merge y into x.
	for u := range b.p {
		b.p[x][u] += b.p[y][u]
	}
	for u := range b.p {
		b.p[u][x] += b.p[u][y]
	}
	b.plC[x], b.prC[x] = l, r
	parent := len(b.parent)
	b.parent = append(b.parent, -1)
	b.parent[b.node[x]], b.parent[b.node[y]] = parent, parent
	if b.top != nil {
		b.top = append(b.top, false)
	}
	for w, s := range b.of {
		if int(s) == y {
			b.of[w] = int32(x)
		}
	}
	b.node[x], b.node[y] = parent, -1
	for u := range b.p {
		b.p[y][u], b.p[u][y] = 0, 0
	}
	b.refreshQ(x)
	b.refreshQ(y)
	b.parallel(func(t int) {
		if t != x && b.node[t] >= 0 {
			b.setLoss(x, t, b.mergeLoss(x, t))
		}
	})
}

// parallel runs f for every slot, spread over the CPUs.
func (b *brown) parallel(f func(slot int)) {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for s := w; s < len(b.p); s += workers {
				f(s)
			}
		})
	}
	wg.Wait()
}

// write writes each word with the bit path of its cluster: 0 for the first of two merged
// clusters, 1 for the second, read from the root.
func (b *brown) write(w io.Writer) error {
	children := make(map[int][]int)
	for n, p := range b.parent {
		if p >= 0 {
			children[p] = append(children[p], n)
		}
	}
	paths := make(map[int]string)
	var walk func(n int, path string)
	walk = func(n int, path string) {
		if b.top[n] {
			paths[n] = path
			return
		}
		for i, c := range children[n] {
			walk(c, path+string(rune('0'+i)))
		}
	}
	for n, p := range b.parent {
		if p < 0 {
			walk(n, "")
		}
	}
	type row struct {
		path, word string
		count      int
	}
	rows := make([]row, len(b.words))
	for i, word := range b.words {
		path := paths[b.leaf[i]]
		if path == "" {
			path = "0" // a single cluster: the tree has no branches
		}
		rows[i] = row{path, word, b.count[i]}
	}
	slices.SortStableFunc(rows, func(x, y row) int { return cmp.Compare(x.path, y.path) })
	bw := bufio.NewWriter(w)
	for _, r := range rows {
		fmt.Fprintf(bw, "%s\t%s\t%d\n", r.path, r.word, r.count)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write clusters: %w", err)
	}
	return nil
}
