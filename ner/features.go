package ner

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// Feature templates. Their numbers are part of the model: renumbering needs a new model.
const (
	fBias uint64 = iota + 1
	fWord
	fLow
	fShape
	fPrefix
	fSuffix
	fLowPrev
	fLowNext
	fLowPrev2
	fLowNext2
	fShapePrev
	fShapeNext
	fShapePrevCur
	fShapeCurNext
	fShapeTri
	fBigramPrev
	fBigramNext
	fFirst
	fHeadline
	fCluster
	fClusterPrev
	fClusterNext
	fGaz
	fGazPrev
	fGazNext
	fLowerKnown
	fLabel1
	fMemory
	fMemoryShape
	fSuffixPrev
	fLowPrevCur2
	fMemLower
	fClusterPrev2
	fClusterNext2
	fAggPrev
	fAggNext
	fDateline
	fTable
)

// wordInfo is what the features need to know of one token, computed once.
type wordInfo struct {
	word, low, shape uint64
	prefix, suffix   [4]uint64 // of the lower-cased word, 1 to 4 runes; 0 when it is shorter
	cluster          int32     // -1 when the word has no cluster
	lowerKnown       bool      // a capitalised word whose lower-case form has a cluster: an ordinary word
	upper            bool      // starts with a capital
	lowerCased       bool      // starts with a small letter
	gaz              uint32    // bit 4*list+position for each gazetteer name the token is part of
}

// scratch holds the buffers the feature code reuses from token to token.
type scratch struct {
	low, shape, tmp []byte
	infos           []wordInfo
	feats           []uint64
	emit            [][numLabels]int32
	back            [][numLabels]label
}

func (lx *Lexicon) info(w string, sc *scratch) wordInfo {
	sc.low = appendLower(sc.low[:0], w)
	sc.shape = appendShape(sc.shape[:0], w)
	in := wordInfo{word: hashString(w), low: hashBytes(sc.low), shape: hashBytes(sc.shape), cluster: -1}
	r, _ := utf8.DecodeRuneInString(w)
	in.upper = unicode.IsUpper(r)
	in.lowerCased = unicode.IsLower(r)
	// Affixes by runes, so that accented letters count once.
	n, end := 0, 0
	for end < len(sc.low) && n < 4 {
		_, size := utf8.DecodeRune(sc.low[end:])
		end += size
		in.prefix[n] = hashBytes(sc.low[:end])
		n++
	}
	n, start := 0, len(sc.low)
	for start > 0 && n < 4 {
		_, size := utf8.DecodeLastRune(sc.low[:start])
		start -= size
		in.suffix[n] = hashBytes(sc.low[start:])
		n++
	}
	if lx != nil {
		if id, ok := lx.clusterOf(w, sc); ok {
			in.cluster = id
		}
		if in.upper {
			_, in.lowerKnown = lx.clusters[in.low]
		}
	}
	return in
}

// clusterOf returns the cluster of a word, trying it as written, then as a lower-case and a
// capitalised word so that headlines in capitals find their words.
func (lx *Lexicon) clusterOf(w string, sc *scratch) (int32, bool) {
	if id, ok := lx.clusters[hashString(w)]; ok {
		return id, true
	}
	if id, ok := lx.clusters[hashBytes(sc.low)]; ok {
		return id, true
	}
	sc.tmp = appendTitle(sc.tmp[:0], sc.low)
	id, ok := lx.clusters[hashBytes(sc.tmp)]
	return id, ok
}

// appendShape writes the word's shape: X for a capital, x for a small letter, d for a digit,
// other characters as they are, with runs of one class collapsed ("Xx", "X.X.", "d,d").
func appendShape(dst []byte, w string) []byte {
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '~'
		}
		if c != last || (c != 'X' && c != 'x' && c != 'd') {
			dst = append(dst, c)
		}
		last = c
	}
	return dst
}

// markGazetteers sets each token's gaz bits from the longest name of each list that starts there.
func (lx *Lexicon) markGazetteers(infos []wordInfo) {
	if lx == nil {
		return
	}
	for i := range infos {
		entries := lx.gaz[infos[i].low]
		var best [numGaz]int
		for _, e := range entries {
			n := 1 + len(e.rest)
			// Names are capitalised; titles stand in lower case too ("spokesman").
			if i+n > len(infos) || n <= best[e.list] || (!infos[i].upper && e.list != gazTitle) {
				continue
			}
			ok := true
			for j, h := range e.rest {
				if infos[i+1+j].low != h {
					ok = false
					break
				}
			}
			if ok {
				best[e.list] = n
			}
		}
		for list, n := range best {
			switch {
			case n == 1:
				infos[i].gaz |= 1 << (4*list + posU)
			case n > 1:
				infos[i].gaz |= 1 << (4*list + posB)
				for j := i + 1; j < i+n-1; j++ {
					infos[j].gaz |= 1 << (4*list + posI)
				}
				infos[i+n-1].gaz |= 1 << (4*list + posL)
			}
		}
	}
}

// sentKind says what kind of line a sentence is, besides prose. Newswire has many lines that are
// not prose, and names in them follow rules of their own: in a headline in capitals, capitals say
// nothing; a dateline ("LEEDS , England 1996-08-31") names a place; a row of a results table
// ("Leeds 2 Chelsea 0") names teams, which are organisations even when they bear a place's name.
type sentKind uint8

const (
	headline sentKind = 1 << iota
	dateline
	tableRow
)

// kindOf tells the kind of a sentence from its words.
func kindOf(words []string) sentKind {
	var k sentKind
	letters, lower, numbers := 0, false, 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsDigit(r) {
			numbers++
		}
		for _, r := range w {
			if unicode.IsLower(r) {
				lower = true
			}
			if unicode.IsLetter(r) {
				letters++
			}
		}
	}
	if !lower && letters > 3 {
		k |= headline
	}
	if n := len(words); n > 1 && n <= 8 && isDate(words[n-1]) {
		k |= dateline
	}
	if numbers >= 2 && 4*numbers >= len(words) {
		k |= tableRow
	}
	return k
}

// isDate reports whether w is a date written as digits and dashes, as datelines give it.
func isDate(w string) bool {
	dashes := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c == '-':
			dashes++
		case c < '0' || c > '9':
			return false
		}
	}
	return dashes == 2 && len(w) >= 8
}

// staticFeatures appends the features of token i that do not depend on predicted labels.
func (lx *Lexicon) staticFeatures(dst []uint64, infos []wordInfo, i int, kind sentKind) []uint64 {
	cur := infos[i]
	at := func(j int) wordInfo {
		if j < 0 {
			return wordInfo{word: 1, low: 1, shape: 1, cluster: -1}
		}
		if j >= len(infos) {
			return wordInfo{word: 2, low: 2, shape: 2, cluster: -1}
		}
		return infos[j]
	}
	p1, p2, n1, n2 := at(i-1), at(i-2), at(i+1), at(i+2)
	dst = append(dst,
		fBias,
		mix(fWord, cur.word),
		mix(fLow, cur.low),
		mix(fShape, cur.shape),
		mix(fLowPrev, p1.low),
		mix(fLowNext, n1.low),
		mix(fLowPrev2, p2.low),
		mix(fLowNext2, n2.low),
		mix(fShapePrev, p1.shape),
		mix(fShapeNext, n1.shape),
		mix(mix(fShapePrevCur, p1.shape), cur.shape),
		mix(mix(fShapeCurNext, cur.shape), n1.shape),
		mix(mix(mix(fShapeTri, p1.shape), cur.shape), n1.shape),
		mix(mix(fBigramPrev, p1.low), cur.low),
		mix(mix(fBigramNext, cur.low), n1.low),
		mix(mix(fLowPrevCur2, p2.low), p1.low),
		mix(fSuffixPrev, p1.suffix[2]),
	)
	for k := range 4 {
		if cur.prefix[k] != 0 {
			dst = append(dst, mix(fPrefix+uint64(k)<<8, cur.prefix[k]))
		}
		if cur.suffix[k] != 0 {
			dst = append(dst, mix(fSuffix+uint64(k)<<8, cur.suffix[k]))
		}
	}
	if i == 0 {
		dst = append(dst, mix(fFirst, cur.shape))
	}
	if kind&headline != 0 {
		dst = append(dst, mix(fHeadline, cur.shape), mix(fHeadline+1<<8, cur.low))
	}
	if kind&dateline != 0 {
		dst = append(dst, mix(mix(fDateline, uint64(min(i, 3))), cur.shape))
	}
	if kind&tableRow != 0 {
		dst = append(dst, mix(fTable, cur.shape), mix(mix(fTable+1<<8, cur.shape), n1.shape))
	}
	if cur.upper {
		known := uint64(0)
		if cur.lowerKnown {
			known = 1
		}
		if i == 0 {
			known |= 2
		}
		dst = append(dst, mix(fLowerKnown, known))
	}
	if lx != nil {
		dst = lx.appendClusters(dst, fCluster, cur, 4)
		dst = lx.appendClusters(dst, fClusterPrev, p1, 2)
		dst = lx.appendClusters(dst, fClusterNext, n1, 2)
		dst = lx.appendClusters(dst, fClusterPrev2, p2, 1)
		dst = lx.appendClusters(dst, fClusterNext2, n2, 1)
		dst = appendGaz(dst, fGaz, cur.gaz, false)
		dst = appendGaz(dst, fGazPrev, p1.gaz, true)
		dst = appendGaz(dst, fGazNext, n1.gaz, true)
	}
	return dst
}

// appendClusters adds the first n path prefixes (4, 6, 10, 20 bits) of the word's cluster.
func (lx *Lexicon) appendClusters(dst []uint64, tmpl uint64, in wordInfo, n int) []uint64 {
	if in.cluster < 0 {
		return append(dst, mix(tmpl, 0))
	}
	p := &lx.paths[in.cluster]
	for k := range n {
		dst = append(dst, mix(tmpl, p[k]))
	}
	return dst
}

// appendGaz adds one feature per gazetteer bit; listOnly drops the position within the name.
func appendGaz(dst []uint64, tmpl uint64, bits uint32, listOnly bool) []uint64 {
	for b := range 4 * numGaz {
		if bits&(1<<b) == 0 {
			continue
		}
		v := uint64(b)
		if listOnly {
			v = uint64(b / 4)
		}
		dst = append(dst, mix(tmpl, v))
	}
	return dst
}

// memory is what the tagger remembers of a document: how often it labelled each word (by its
// lower-case hash) as part of a name of each type, and how often the word was written in lower
// case. Names are usually given in full first, so a later lone "Trump" or a word in a capitalised
// headline learns from the other mentions; a capitalised word the document also writes in lower
// case is probably an ordinary word at the start of a sentence.
type memory map[uint64][numTypes + 1]uint16

const memLower = numTypes

// memoryFeatures appends the features drawn from the labels the tagger gave the word elsewhere
// in the document. The first pass over a document sees only what it labelled in the sentences
// before; the second pass (whole) sees the first pass's labels of the whole document, under
// features of their own.
func memoryFeatures(dst []uint64, cur wordInfo, mem memory, whole bool) []uint64 {
	counts, ok := mem[cur.low]
	if !ok {
		return dst
	}
	pass := uint64(0)
	if whole {
		pass = 1 << 16
	}
	best, bestN := -1, uint16(0)
	for t, n := range counts[:numTypes] {
		if n > bestN {
			best, bestN = t, n
		}
	}
	if best >= 0 {
		dst = append(dst, mix(fMemory|pass, uint64(best)), mix(mix(fMemoryShape|pass, uint64(best)), cur.shape))
	}
	if cur.upper && counts[memLower] > 0 {
		dst = append(dst, mix(fMemLower|pass, uint64(best+1)))
	}
	return dst
}

// remember adds a sentence's labels to the memory.
func (mem memory) remember(infos []wordInfo, labels []label) {
	for i, l := range labels {
		slot := -1
		switch {
		case l != labelO && infos[i].upper:
			slot = l.typ()
		case !infos[i].upper && infos[i].lowerCased:
			slot = memLower
		}
		if slot < 0 {
			continue
		}
		c := mem[infos[i].low]
		if c[slot] < 1<<15 {
			c[slot]++
		}
		mem[infos[i].low] = c
	}
}

// maxContexts bounds the context features a word gathers from its document, so that a word said
// a hundred times costs no more than one said a dozen times.
const maxContexts = 24

// contexts holds, for each capitalised word of a document (by its lower-case hash), the words
// seen just before and after its mentions, as features (Ratinov and Roth's context aggregation).
// "Pirelli" in "giant Pirelli on Friday" and in "by Pirelli 's cables division" then share what
// each mention's neighbours say of it.
type contexts map[uint64][]uint64

// documentContexts gathers the contexts of the capitalised words of a document's sentences.
func documentContexts(sents [][]wordInfo) contexts {
	ctx := make(contexts)
	for _, in := range sents {
		for i, w := range in {
			if !w.upper {
				continue
			}
			prev, next := uint64(1), uint64(2)
			if i > 0 {
				prev = in[i-1].low
			}
			if i+1 < len(in) {
				next = in[i+1].low
			}
			fs := ctx[w.low]
			for _, f := range [2]uint64{mix(fAggPrev, prev), mix(fAggNext, next)} {
				if len(fs) < maxContexts && !slices.Contains(fs, f) {
					fs = append(fs, f)
				}
			}
			ctx[w.low] = fs
		}
	}
	return ctx
}
