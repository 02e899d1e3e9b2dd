package timex

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
}

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
	return t.kind == kNum || m.hitAt[i] < m.hitAt[i+1] || m.g.starts[t.low] || t.low == "'"
}

// longest returns the longest match of a rule at token i (the earliest rule on a tie), or
// cand.end == -1.
func (m *matcher) longest(i int) cand {
	best := cand{end: -1}
	if i < len(m.toks) && m.canStart(i) {
		var found []cand
		m.walk(&m.g.root, i, newFrame(), 0, &found)
		for _, c := range found {
			if c.end > best.end || c.end == best.end && c.rule < best.rule {
				best = c
			}
		}
	}
	return best
}

// walk follows the trie from n at token i and adds to found, for each end reached, the earliest
// rule ending there. Nested searches (depth > 0) accept only dates and times.
func (m *matcher) walk(n *node, i int, f frame, depth int, found *[]cand) {
	for _, r := range n.rules {
		typ := m.g.rules[r-1].typ
		if depth > 0 && (typ != Date && typ != Time || f.ext > 0) {
			continue
		}
		m.offer(found, cand{end: i, rule: r, f: f})
		break
	}
	if i >= len(m.toks) {
		return
	}
	for k := range n.edges {
		m.step(&n.edges[k], i, f, depth, found)
	}
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

// step tries every way the edge's element matches at token i and walks on from each.
func (m *matcher) step(e *edge, i int, f frame, depth int, found *[]cand) {
	if e.el.ctx && f.ext == 0 {
		f.ext = i
	}
	t := &m.toks[i]
	switch e.el.kind {
	case eLit:
		if t.low == e.el.lit {
			m.walk(e.to, i+1, f, depth, found)
		}
	case eCat:
		for _, h := range m.hitsAt(i) {
			ft, ok := h.e.has(e.el.cat)
			if !ok || e.el.val != "" && ft.val != e.el.val {
				continue
			}
			g := f
			g.apply(h.e)
			m.walk(e.to, i+h.n, g, depth, found)
		}
	case eNum:
		if j := m.number(i, &f); j > i {
			m.walk(e.to, j, f, depth, found)
		}
	case eYear:
		switch {
		case t.digits == 4 && t.num >= 1000 && t.num < 3000:
			f.year = int(t.num)
			m.walk(e.to, i+1, f, depth, found)
		case t.low == "'" && i+1 < len(m.toks) && m.toks[i+1].glued && m.toks[i+1].digits == 2 && !m.gluedS(i+2):
			f.year, f.yy = int(m.toks[i+1].num), true
			m.walk(e.to, i+2, f, depth, found)
		case t.kind == kWord:
			if y, j := m.spokenYear(i); j > i {
				f.year = y
				m.walk(e.to, j, f, depth, found)
			}
		}
	case eDay:
		if t.digits >= 1 && t.digits <= 2 && t.num >= 1 && t.num <= 31 {
			f.day = int(t.num)
			j := i + 1
			if m.ordSuffix(j) {
				j++
			}
			m.walk(e.to, j, f, depth, found)
			return
		}
		if n, j := m.ordinal(i); j > i && n <= 31 {
			f.day = n
			m.walk(e.to, j, f, depth, found)
		}
	case eOrdinal:
		if n, j := m.ordinal(i); j > i {
			f.ord = n
			m.walk(e.to, j, f, depth, found)
		}
	case eDecade:
		if j := m.decade(i, &f); j > i {
			m.walk(e.to, j, f, depth, found)
		}
	case eHour:
		if t.digits >= 1 && t.digits <= 2 && t.num <= 24 {
			f.hour, f.clock = int(t.num), true
			m.walk(e.to, i+1, f, depth, found)
		}
	case eMinute:
		if t.digits == 2 && t.num <= 59 {
			f.minute = int(t.num)
			m.walk(e.to, i+1, f, depth, found)
		}
	case eMonthNum:
		if t.digits >= 1 && t.digits <= 2 && t.num >= 1 && t.num <= 12 {
			f.month = int(t.num)
			m.walk(e.to, i+1, f, depth, found)
		}
	case eSub:
		if depth >= maxDepth || !m.canStart(i) {
			return
		}
		var subs []cand
		m.walk(&m.g.root, i, newFrame(), depth+1, &subs)
		for _, sub := range subs {
			if sub.end <= i {
				continue
			}
			sub.f.typ = m.g.rules[sub.rule-1].typ
			m.arena = append(m.arena, sub.f)
			g := f
			g.inner = len(m.arena)
			m.walk(e.to, sub.end, g, depth, found)
		}
	}
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
		f.decade = int(t.num) / 10
		return i + 2
	case t.digits == 2 && int(t.num)%10 == 0 && m.gluedS(i+1):
		f.decadeInCentury = int(t.num) / 10
		return i + 2
	case t.low == "'" && i+2 < len(m.toks) && m.toks[i+1].digits == 2 && int(m.toks[i+1].num)%10 == 0 && m.gluedS(i+2):
		f.decadeInCentury = int(m.toks[i+1].num) / 10
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
		return i + 1
	}
	total, cur := 0.0, 0.0
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
			if j > i && (m.toks[j].low == "-" || m.toks[j].low == "and") && j+1 < len(m.toks) && m.isNumWord(j+1) {
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
			if j > i && cur != 0 && int(cur)%10 != 0 || j > i && cur >= 10 && cur < 20 {
				break // "one two", "fifteen three": not one number
			}
			if j == i {
				f.apply(best.e) // "a couple of" is vague as well as two
			}
			cur += ft.n
		} else {
			sc, _ := best.e.has(catScale)
			cur = max(cur, 1) * sc.n
			if sc.n >= 1000 {
				total += cur
				cur = 0
			}
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
