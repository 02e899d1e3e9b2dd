package timex

import "slices"

// maxDepth bounds how deeply expressions nest (<DATE> inside <DATE>), which also stops a rule that
// begins with <DATE> from recursing forever.
const maxDepth = 2

// matcher finds the expressions of one text.
type matcher struct {
	lx   *lexicon
	g    *grammar
	toks []token
	// hits[hitAt[i]:hitAt[i+1]] are the lexicon entries that start at token i.
	hits  []hit
	hitAt []int
	// arena holds the frames of nested expressions; frame.inner points into it.
	arena []frame
	found []cand // the matches from one position, reused
	picks []int  // the edges to try from one node, reused
	// frames is the stack of frames along the path the walk follows, one per element matched,
	// so that trying an element costs a copy and no allocation.
	frames [maxLevel]frame
}

// maxLevel bounds how many elements a path through nested patterns holds.
const maxLevel = 64

// cand is a match of a rule from one position to end.
type cand struct {
	end  int
	rule int
	f    frame
}

func (m *matcher) reset(toks []token) {
	m.toks = toks
	m.hits = m.hits[:0]
	m.hitAt = m.hitAt[:0]
	m.arena = m.arena[:0]
	if cap(m.hitAt) < len(toks)+1 {
		m.hitAt = make([]int, 0, len(toks)+1)
	}
	for i := range toks {
		toks[i].w = m.lx.words[toks[i].low]
	}
	for i := range toks {
		m.hitAt = append(m.hitAt, len(m.hits))
		m.hits = m.lx.lookup(toks, i, m.hits)
	}
	m.hitAt = append(m.hitAt, len(m.hits))
}

func (m *matcher) hitsAt(i int) []hit { return m.hits[m.hitAt[i]:m.hitAt[i+1]] }

// canStart reports whether any rule may begin at token i.
func (m *matcher) canStart(i int) bool {
	t := &m.toks[i]
	return t.kind == kNum || m.hitAt[i] < m.hitAt[i+1] || t.w != nil && t.w.start || t.low == "'"
}

// longest returns the longest match of a rule at token i (the earliest rule on a tie), or
// cand.end == -1.
func (m *matcher) longest(i int) cand {
	best := cand{end: -1}
	if i < len(m.toks) && m.canStart(i) {
		m.found = m.found[:0]
		m.frames[0] = newFrame()
		m.walk(&m.g.root, i, 0, 0, &m.found)
		for _, c := range m.found {
			if c.end > best.end || c.end == best.end && c.rule < best.rule {
				best = c
			}
		}
	}
	return best
}

// walk follows the trie from n at token i and adds to found, for each end reached, the earliest
// rule ending there. Nested searches (depth > 0) accept only dates and times.
func (m *matcher) walk(n *node, i, level, depth int, found *[]cand) {
	f := &m.frames[level]
	if len(n.rules) > 0 {
		m.offer(found, cand{end: i, rule: n.rules[0], f: *f})
	}
	if level+1 >= maxLevel {
		return
	}
	if i >= len(m.toks) {
		for k := range n.edges {
			if n.edges[k].el.neg {
				m.step(&n.edges[k], i, level, depth, found) // nothing follows: a ruled-out element does not
			}
		}
		return
	}
	if n.byLit == nil {
		for k := range n.edges {
			m.step(&n.edges[k], i, level, depth, found)
		}
		return
	}
	// A node with many edges tries only those that the token can match: its literal, the
	// categories of its lexicon entries, and the built-in readers.
	mark := len(m.picks)
	if w := m.toks[i].w; w != nil {
		m.picks = append(m.picks, n.byLit[w]...)
	}
	for _, h := range m.hitsAt(i) {
		for _, ft := range h.e.feats {
			for _, k := range n.byCat[ft.cat] {
				if !slices.Contains(m.picks[mark:], k) {
					m.picks = append(m.picks, k)
				}
			}
		}
	}
	m.picks = append(m.picks, n.other...)
	slices.Sort(m.picks[mark:]) // in file order, as the unindexed walk
	for p := mark; p < len(m.picks); p++ {
		m.step(&n.edges[m.picks[p]], i, level, depth, found)
	}
	m.picks = m.picks[:mark]
}

func (m *matcher) offer(found *[]cand, c cand) {
	for k := range *found {
		if o := &(*found)[k]; o.end == c.end {
			if c.rule < o.rule {
				*o = c
			}
			return
		}
	}
	*found = append(*found, c)
}

// step tries every way the edge's element matches at token i and walks on from each. f is
// copied only when an element adds to it.
func (m *matcher) step(e *edge, i, level, depth int, found *[]cand) {
	f := &m.frames[level]
	g := &m.frames[level+1]
	if e.el.neg {
		if i < len(m.toks) && m.matches(&e.el, i) {
			return
		}
		*g = *f
		m.next(e, i, i, level+1, depth, found)
		return
	}
	t := &m.toks[i]
	switch e.el.kind {
	case eLit:
		if t.w == e.el.lit {
			*g = *f
			m.next(e, i, i+1, level+1, depth, found)
		}
	case eCat:
		for _, h := range m.hitsAt(i) {
			ft, ok := h.e.has(e.el.cat)
			if !ok || e.el.val != "" && ft.val != e.el.val {
				continue
			}
			*g = *f
			g.apply(h.e)
			m.next(e, i, i+h.n, level+1, depth, found)
		}
	case eNum:
		if t.kind != kNum && m.hitAt[i] == m.hitAt[i+1] {
			return
		}
		*g = *f
		if j := m.number(i, g); j > i {
			m.next(e, i, j, level+1, depth, found)
		}
	case eYear:
		switch {
		case t.digits == 4 && t.num >= 1000 && t.num < 3000:
			*g = *f
			g.year = int32(t.num)
			m.next(e, i, i+1, level+1, depth, found)
		case t.low == "'" && i+1 < len(m.toks) && m.toks[i+1].glued && m.toks[i+1].digits == 2 && !m.gluedS(i+2):
			*g = *f
			g.year, g.yy = int32(m.toks[i+1].num), true
			m.next(e, i, i+2, level+1, depth, found)
		case t.kind == kWord:
			if y, j := m.spokenYear(i); j > i {
				*g = *f
				g.year = int32(y)
				m.next(e, i, j, level+1, depth, found)
			}
		}
	case eDay:
		if t.digits >= 1 && t.digits <= 2 && t.num >= 1 && t.num <= 31 {
			*g = *f
			g.day = int8(t.num)
			j := i + 1
			if m.ordSuffix(j) {
				j++
			}
			m.next(e, i, j, level+1, depth, found)
			return
		}
		if n, j := m.ordinal(i); j > i && n <= 31 {
			*g = *f
			g.day = int8(n)
			m.next(e, i, j, level+1, depth, found)
		}
	case eOrdinal:
		if n, j := m.ordinal(i); j > i {
			*g = *f
			g.ord = int16(n)
			m.next(e, i, j, level+1, depth, found)
		}
	case eDecade:
		*g = *f
		if j := m.decade(i, g); j > i {
			m.next(e, i, j, level+1, depth, found)
		}
	case eHour:
		if t.digits >= 1 && t.digits <= 2 && t.num <= 24 {
			*g = *f
			g.hour, g.clock = int8(t.num), true
			m.next(e, i, i+1, level+1, depth, found)
		}
	case eMinute:
		if t.digits == 2 && t.num <= 59 {
			*g = *f
			g.minute = int8(t.num)
			m.next(e, i, i+1, level+1, depth, found)
		}
	case eMonthNum:
		if t.digits >= 1 && t.digits <= 2 && t.num >= 1 && t.num <= 12 {
			*g = *f
			g.month = int8(t.num)
			m.next(e, i, i+1, level+1, depth, found)
		}
	case eSub:
		if depth >= maxDepth || !m.canStart(i) {
			return
		}
		var subs []cand
		*g = newFrame()
		m.walk(&m.g.sub, i, level+1, depth+1, &subs)
		for _, sub := range subs {
			if sub.end <= i {
				continue
			}
			m.arena = append(m.arena, sub.f)
			*g = *f
			g.inner = int32(len(m.arena))
			m.next(e, i, sub.end, level+1, depth, found)
		}
	}
}

// matches reports whether a word or category element matches at token i.
func (m *matcher) matches(el *elem, i int) bool {
	if el.kind == eLit {
		return m.toks[i].w == el.lit
	}
	for _, h := range m.hitsAt(i) {
		if ft, ok := h.e.has(el.cat); ok && (el.val == "" || ft.val == el.val) {
			return true
		}
	}
	return false
}

// next walks on to token j after the element of e matched from token i, marking where the
// expression ends when the element is trailing context.
func (m *matcher) next(e *edge, i, j, level, depth int, found *[]cand) {
	if g := &m.frames[level]; e.el.ctx && g.ext == 0 {
		g.ext = int32(i)
	}
	m.walk(e.to, j, level, depth, found)
}

// spokenYear reads a year said in words, as transcripts write it: "nineteen ninety-six".
func (m *matcher) spokenYear(i int) (int, int) {
	for _, h := range m.hitsAt(i) {
		ft, ok := h.e.has(catNum)
		if !ok || ft.val == "X" || ft.n < 11 || ft.n > 20 {
			continue
		}
		var g frame
		j := i + h.n
		if j >= len(m.toks) {
			return 0, i
		}
		if end := m.number(j, &g); end > j && g.qty >= 10 && g.qty <= 99 && g.qty == float64(int(g.qty)) {
			return int(ft.n)*100 + int(g.qty), end
		}
	}
	return 0, i
}

// ordSuffix reports whether token j is an ordinal suffix glued to the number before it ("3rd").
func (m *matcher) ordSuffix(j int) bool {
	if j >= len(m.toks) || !m.toks[j].glued {
		return false
	}
	for _, h := range m.hitsAt(j) {
		if _, ok := h.e.has(catOrdSuffix); ok {
			return true
		}
	}
	return false
}

// gluedS reports whether token j is an "s" or "'s" glued to what precedes it, as in "1990s".
func (m *matcher) gluedS(j int) bool {
	return j < len(m.toks) && m.toks[j].glued && (m.toks[j].low == "s" || m.toks[j].low == "'s")
}

// ordinal reads an ordinal at i: "3rd", "third", or a tens word and an ordinal ("twenty-first").
func (m *matcher) ordinal(i int) (int, int) {
	t := &m.toks[i]
	if t.digits > 0 && m.ordSuffix(i+1) {
		return int(t.num), i + 2
	}
	for _, h := range m.hitsAt(i) {
		if ft, ok := h.e.has(catOrd); ok {
			return int(ft.n), i + h.n
		}
	}
	for _, h := range m.hitsAt(i) {
		ft, ok := h.e.has(catNum)
		if !ok || ft.val == "X" || int(ft.n)%10 != 0 || ft.n < 20 || ft.n > 90 {
			continue
		}
		j := i + h.n
		if j < len(m.toks) && m.toks[j].low == "-" {
			j++
		}
		if j < len(m.toks) {
			for _, h2 := range m.hitsAt(j) {
				if o, ok := h2.e.has(catOrd); ok && o.n < 10 {
					return int(ft.n + o.n), j + h2.n
				}
			}
		}
	}
	return 0, i
}

// decade reads "1990s", "1990's", "'90s", "90s" or a decade word ("nineties").
func (m *matcher) decade(i int, f *frame) int {
	t := &m.toks[i]
	switch {
	case t.digits == 4 && int(t.num)%10 == 0 && m.gluedS(i+1):
		f.decade = int16(t.num) / 10
		return i + 2
	case t.digits == 2 && int(t.num)%10 == 0 && m.gluedS(i+1):
		f.decadeInCentury = int8(t.num) / 10
		return i + 2
	case t.low == "'" && i+2 < len(m.toks) && m.toks[i+1].digits == 2 && int(m.toks[i+1].num)%10 == 0 && m.gluedS(i+2):
		f.decadeInCentury = int8(m.toks[i+1].num) / 10
		return i + 3
	}
	for _, h := range m.hitsAt(i) {
		if _, ok := h.e.has(catDecade); ok {
			f.apply(h.e)
			return i + h.n
		}
	}
	return i
}

// number reads a count at i: digits, or number words composed the way English writes them
// ("twenty four", "a hundred and fifty", "two thousand"). Other features of the words (the
// vagueness of "a couple of") go into f as well.
func (m *matcher) number(i int, f *frame) int {
	t := &m.toks[i]
	if t.kind == kNum {
		f.qty, f.hasQty = t.num, true
		// "2 million": digits scaled by a word.
		if i+1 < len(m.toks) {
			for _, h := range m.hitsAt(i + 1) {
				if sc, ok := h.e.has(catScale); ok {
					f.qty *= sc.n
					return i + 1 + h.n
				}
			}
		}
		return i + 1
	}
	total, cur := 0.0, 0.0
	scaled := false // the last word was a scale: "and" may follow ("a hundred and fifty")
	j := i
	for j < len(m.toks) {
		var best *hit
		for k, h := range m.hitsAt(j) {
			if _, ok := h.e.has(catNum); ok && (best == nil || h.n > best.n) {
				best = &m.hitsAt(j)[k]
			} else if _, ok := h.e.has(catScale); ok && j > i && (best == nil || h.n > best.n) {
				best = &m.hitsAt(j)[k]
			}
		}
		if best == nil {
			// Hyphens and "and" join number words ("twenty-four", "a hundred and fifty").
			if j > i && (m.toks[j].low == "-" && !scaled || m.toks[j].low == "and" && scaled) && j+1 < len(m.toks) && m.isNumWord(j+1) {
				j++
				continue
			}
			break
		}
		if ft, ok := best.e.has(catNum); ok {
			if ft.val == "X" {
				if j > i {
					break
				}
				f.apply(best.e)
				return j + best.n
			}
			if j > i && !scaled && (int(cur)%10 != 0 || int(cur)%100 == 0 || ft.n >= 10) {
				break // "one two", "fifteen three", "twenty thirty": not one number
			}
			if j == i {
				f.apply(best.e) // "a couple of" is vague as well as two
			}
			cur += ft.n
			scaled = false
		} else {
			sc, _ := best.e.has(catScale)
			cur = max(cur, 1) * sc.n
			if sc.n >= 1000 {
				total += cur
				cur = 0
			}
			scaled = true
		}
		j += best.n
	}
	if j == i {
		return i
	}
	f.qty, f.hasQty = total+cur, true
	return j
}

func (m *matcher) isNumWord(j int) bool {
	for _, h := range m.hitsAt(j) {
		if ft, ok := h.e.has(catNum); ok && ft.val != "X" {
			return true
		}
	}
	return false
}
