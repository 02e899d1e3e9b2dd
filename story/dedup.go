package story

import (
	"crypto/sha256"
	"math"
	"unicode"
	"unicode/utf8"
)

// Defaults for DedupOptions. The shingle size and signature length were chosen by measurement on
// lightly edited copies of real articles (see TestDedupGroundTruth and the package doc).
const (
	DefaultThreshold = 0.8
	DefaultShingle   = 1
	DefaultHashes    = 128
)

// Match names the earlier article that a new one copies and how similar the two are.
type Match struct {
	ID string
	// Similarity is the MinHash estimate of the Jaccard similarity of the two articles' shingle
	// sets, in [0, 1]; 1 for an exact duplicate.
	Similarity float64
}

// DedupOptions configures a Dedup. The zero value selects every default; a zero or negative
// field selects its default.
type DedupOptions struct {
	// Threshold is the lowest estimated Jaccard similarity reported as a near-duplicate
	// (default 0.8; values above 1 act as 1).
	Threshold float64
	// Shingle is the number of consecutive normalised words in a shingle (default 1: a set of
	// words, which best survives scattered rewording; see the package doc). Two keeps local
	// word order, which tells short texts on one event apart better but loses a third of the
	// copies with one word in twenty reworded; at three, rewording loses almost all of them.
	Shingle int
	// Hashes is the MinHash signature length (default 128). The estimate's standard error is
	// sqrt(J(1-J)/Hashes), about 0.035 at J = 0.8 with 128; memory and time grow linearly.
	Hashes int
}

// Dedup recognises exact and near-duplicate articles as they arrive, one by one. Each Add
// computes one MinHash signature and looks it up in LSH band buckets, so its cost does not grow
// with the number of articles already recorded (only the few candidates sharing a bucket are
// compared).
//
// A Dedup is not safe for concurrent use: call Add from one goroutine at a time.
type Dedup struct {
	threshold float64
	shingle   int
	hashes    int
	bands     int
	rows      int

	// Hash function j maps a shingle hash x to x*mul[j] + add[j]; mul[j] is odd.
	mul, add []uint64

	exact map[[16]byte]int32 // normalised-content hash → index of the first article with it
	ids   []string           // recorded article ids by index
	sigs  []uint32           // signatures, hashes values per article, by index

	// Each band is a hash table of chains: heads maps a band key to the latest article with
	// that key and next[article*bands+band] links to the previous one (-1 ends the chain).
	// Chains instead of slices per bucket keep the index at a few bytes per article and band.
	heads []map[uint64]int32
	next  []int32

	// Scratch space reused across calls.
	norm     []byte
	words    []uint64
	shingles []uint64
	distinct hashSet
	sig      []uint64
	visited  []uint32 // visited[article] == visit when the article is already a candidate
	visit    uint32
}

// NewDedup returns an empty Dedup configured by opts.
func NewDedup(opts DedupOptions) *Dedup {
	d := &Dedup{
		threshold: opts.Threshold,
		shingle:   opts.Shingle,
		hashes:    opts.Hashes,
		exact:     make(map[[16]byte]int32),
	}
	if d.threshold <= 0 {
		d.threshold = DefaultThreshold
	}
	d.threshold = min(d.threshold, 1)
	if d.shingle <= 0 {
		d.shingle = DefaultShingle
	}
	if d.hashes <= 0 {
		d.hashes = DefaultHashes
	}
	d.rows, d.bands = bandShape(d.hashes, d.threshold)

	// Fixed seeds make signatures reproducible across runs and comparable across instances.
	state := uint64(0x5eed_d055_1e72_0001)
	d.mul = make([]uint64, d.hashes)
	d.add = make([]uint64, d.hashes)
	for i := range d.hashes {
		d.mul[i] = splitmix(&state) | 1
		d.add[i] = splitmix(&state)
	}
	d.heads = make([]map[uint64]int32, d.bands)
	for i := range d.heads {
		d.heads[i] = make(map[uint64]int32)
	}
	d.sig = make([]uint64, d.hashes)
	return d
}

// bandShape picks the LSH banding for a signature of n values: the most rows per band (fewest
// spurious candidates) for which a pair 0.1 below the threshold still shares a bucket with
// probability 0.99. Pairs that far below are only reported when the estimate errs by three
// standard errors, so candidates lost there cost nothing, and above it recall is near total.
func bandShape(n int, threshold float64) (rows, bands int) {
	s := max(threshold-0.1, 0.05)
	for r := n; r > 1; r-- {
		b := n / r
		if 1-math.Pow(1-math.Pow(s, float64(r)), float64(b)) >= 0.99 {
			return r, b
		}
	}
	return 1, n
}

// Add records an article and reports what it duplicates. exact is the id of the earliest article
// whose normalised text (words in order, ignoring case, punctuation, quote marks and spacing) is
// the same, or "" if none; near is then that article with Similarity 1. Otherwise near is the
// most similar earlier article whose estimated Jaccard similarity is at or above the threshold
// (the earliest of equals), or the zero Match if none.
//
// A text without words matches nothing and is not recorded. An exact duplicate is not indexed
// again: later copies match the first.
func (d *Dedup) Add(id, text string) (exact string, near Match) {
	d.normalise(text)
	if len(d.words) == 0 {
		return "", Match{}
	}
	sum := sha256.Sum256(d.norm)
	var key [16]byte
	copy(key[:], sum[:])
	if first, ok := d.exact[key]; ok {
		return d.ids[first], Match{ID: d.ids[first], Similarity: 1}
	}

	d.signature()
	self := int32(len(d.ids))
	d.exact[key] = self
	d.ids = append(d.ids, id)
	for _, v := range d.sig {
		d.sigs = append(d.sigs, uint32(v>>32))
	}
	sig := d.sigs[len(d.sigs)-d.hashes:]
	d.visited = append(d.visited, 0)
	d.visit++
	if d.visit == 0 { // wrapped: stale marks could alias the new visit number
		clear(d.visited)
		d.visit = 1
	}

	best, bestSim := int32(-1), 0.0
	for band := range d.bands {
		bk := bandKey(sig[band*d.rows : (band+1)*d.rows])
		head, ok := d.heads[band][bk]
		if !ok {
			head = -1
		}
		for c := head; c >= 0; c = d.next[int(c)*d.bands+band] {
			if d.visited[c] == d.visit {
				continue
			}
			d.visited[c] = d.visit
			s := similarity(sig, d.sigs[int(c)*d.hashes:int(c+1)*d.hashes])
			if s > bestSim || (s == bestSim && c < best) {
				best, bestSim = c, s
			}
		}
		d.next = append(d.next, head)
		d.heads[band][bk] = self
	}
	if best >= 0 && bestSim >= d.threshold {
		near = Match{ID: d.ids[best], Similarity: bestSim}
	}
	return "", near
}

// similarity estimates Jaccard similarity as the share of signature positions that agree.
func similarity(a, b []uint32) float64 {
	same := 0
	for i, v := range a {
		if v == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// normalise fills d.norm with the text's words, lowercased and separated by single spaces, and
// d.words with one hash per word. Words are runs of letters, digits and combining marks;
// apostrophes inside a word are dropped so that "don't", "don’t" and "dont" agree whichever
// mark the typesetter used. Han, Hiragana and Katakana characters count as one word each,
// since those scripts do not separate words with spaces.
func (d *Dedup) normalise(text string) {
	d.norm = d.norm[:0]
	d.words = d.words[:0]
	start := -1 // start of the current word in d.norm, -1 between words
	end := func() {
		if start >= 0 {
			d.words = append(d.words, fnv(d.norm[start:]))
			start = -1
		}
	}
	for _, r := range text {
		if r < utf8.RuneSelf { // most text is ASCII: skip the Unicode tables
			switch {
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			case r == '\'' && start >= 0:
				continue
			default:
				end()
				continue
			}
			if start < 0 {
				d.begin()
				start = len(d.norm)
			}
			d.norm = append(d.norm, byte(r))
			continue
		}
		switch {
		case isApostrophe(r):
			// Inside a word: skip it and keep the word going; outside one it is a quote mark.
			// Tested before letters because U+02BC is one.
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
				end()
				d.begin()
				start = len(d.norm)
				d.norm = utf8.AppendRune(d.norm, r)
				end()
				continue
			}
			if start < 0 {
				d.begin()
				start = len(d.norm)
			}
			d.norm = utf8.AppendRune(d.norm, unicode.ToLower(r))
		default:
			end()
		}
	}
	end()
}

// begin separates a new word from the previous one in d.norm.
func (d *Dedup) begin() {
	if len(d.norm) > 0 {
		d.norm = append(d.norm, ' ')
	}
}

func isApostrophe(r rune) bool {
	return r == '\u2019' || r == '\u02bc' || r == '\u2018'
}

// signature fills d.sig with the MinHash signature of the shingles of d.words. A text shorter
// than a shingle is one shingle of all its words.
func (d *Dedup) signature() {
	k := min(d.shingle, len(d.words))
	d.shingles = d.shingles[:0]
	for i := 0; i+k <= len(d.words); i++ {
		x := uint64(k)
		for _, w := range d.words[i : i+k] {
			x = (x ^ w) * 0x9e3779b97f4a7c15
			x ^= x >> 29
		}
		d.shingles = append(d.shingles, mix(x))
	}
	// Repeated shingles cannot change a minimum; dropping them first saves much of the work
	// for single words, which repeat a lot.
	d.shingles = d.distinct.compact(d.shingles)

	sig, mul, add := d.sig, d.mul[:len(d.sig)], d.add[:len(d.sig)]
	for i := range sig {
		sig[i] = math.MaxUint64
	}
	for _, x := range d.shingles {
		// Multiply-add with an odd multiplier permutes the 64-bit values; the minimum is decided
		// by the high bits, which depend on every bit of the already well-mixed x.
		for j := range sig {
			if v := x*mul[j] + add[j]; v < sig[j] {
				sig[j] = v
			}
		}
	}
}

// bandKey hashes one band of a signature.
func bandKey(rows []uint32) uint64 {
	x := uint64(len(rows))
	for _, v := range rows {
		x = mix(x ^ uint64(v))
	}
	return x
}

// fnv is 64-bit FNV-1a.
func fnv(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// mix is the splitmix64 finaliser: every input bit affects every output bit.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// splitmix advances state and returns the next value of the splitmix64 sequence.
func splitmix(state *uint64) uint64 {
	*state += 0x9e3779b97f4a7c15
	return mix(*state)
}

// hashSet is an open-addressing set of well-mixed hashes, reused to drop repeated shingles in
// linear time.
type hashSet struct {
	slots []uint64 // 0 marks an empty slot; a hash equal to 0 is stored as 1
}

// compact removes repeated values from xs in place, keeping first occurrences in order.
func (s *hashSet) compact(xs []uint64) []uint64 {
	size := 16
	for size < 2*len(xs) {
		size *= 2
	}
	if cap(s.slots) < size {
		s.slots = make([]uint64, size)
	}
	slots := s.slots[:size]
	clear(slots)
	mask := uint64(size - 1)
	out := xs[:0]
	for _, x := range xs {
		if x == 0 {
			x = 1
		}
		for i := x & mask; ; i = (i + 1) & mask {
			if slots[i] == x {
				break
			}
			if slots[i] == 0 {
				slots[i] = x
				out = append(out, x)
				break
			}
		}
	}
	return out
}
