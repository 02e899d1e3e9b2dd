package extract

import (
	"github.com/dossier-news/dossier/clean"
	"golang.org/x/net/html/atom"
)

// blockScore says how much a block looks like article prose (> 0) or boilerplate (< 0).
func blockScore(b *block) float64 {
	if b.heading > 0 {
		return 0
	}
	chars := float64(b.chars)
	link := float64(b.linkChars)
	text := chars - link
	if text >= 50 && b.stops > 0 {
		// Prose: links inside a sentence are part of it.
		return chars - link/2 - 30
	}
	return text - 2*link - 30
}

// scorer holds the per-element sums that container selection and pruning share.
type scorer struct {
	p     *page
	own   []float64 // block scores of the blocks each element owns
	chars []float64 // text runes in the subtree
	links []float64 // link runes in the subtree
	pos   []float64 // positive block scores of the blocks each element owns
	// prose is the sum of positive block scores in the subtree, leaving out elements marked in
	// the last call to container.
	prose []float64
}

func newScorer(p *page) *scorer {
	n := len(p.elems)
	s := &scorer{p: p, own: make([]float64, n), chars: make([]float64, n), links: make([]float64, n),
		pos: make([]float64, n), prose: make([]float64, n)}
	for i := range p.blocks {
		b := &p.blocks[i]
		bs := blockScore(b)
		s.own[b.owner] += bs
		s.pos[b.owner] += max(bs, 0)
		s.chars[b.owner] += float64(b.chars)
		s.links[b.owner] += float64(b.linkChars)
	}
	for i := n - 1; i > 0; i-- {
		if par := p.elems[i].parent; par >= 0 {
			s.chars[par] += s.chars[i]
			s.links[par] += s.links[i]
		}
	}
	return s
}

// container returns the element whose subtree scores highest, never choosing inside an element
// marked in neg. Marked elements add nothing: they will be pruned, so they neither help nor
// hurt the container that holds them.
func (s *scorer) container(neg []bool, sub []float64) int {
	n := len(s.p.elems)
	copy(sub, s.own)
	copy(s.prose, s.pos)
	for i := n - 1; i > 0; i-- {
		if par := s.p.elems[i].parent; par >= 0 && !neg[i] {
			sub[par] += sub[i]
			s.prose[par] += s.prose[i]
		}
	}
	negAbove := make([]bool, n)
	best := 0
	for i := range n {
		if par := s.p.elems[i].parent; par >= 0 {
			negAbove[i] = negAbove[par] || neg[i]
		}
		if !negAbove[i] && sub[i] >= sub[best] {
			best = i
		}
	}
	return best
}

// preferBody moves the container to the element the page names as its article body
// (itemprop=articleBody, "article-body", "entry-content"), when there is one around or inside
// it: inside, the body element must hold a fair share of the container's prose (a teaser list or
// a comment thread beside the article can outweigh a short article); around, it must hold much
// more prose than the container (the article's paragraphs were split by embeds or ads).
func (s *scorer) preferBody(best int) int {
	body := -1
	for i := range s.p.elems {
		if s.p.elems[i].hint&hintBody != 0 && isContainer(s.p.elems[i].tag) && (body < 0 || s.prose[i] > s.prose[body]) {
			inside := i >= best && i < int(s.p.elems[best].end)
			around := best >= i && best < int(s.p.elems[i].end)
			if inside || around {
				body = i
			}
		}
	}
	if body < 0 || s.prose[body] == 0 || s.prose[best] == 0 {
		return best
	}
	body = s.bodyGroup(body)
	r := s.prose[body] / s.prose[best]
	if (body >= best && r >= 0.2) || (body < best && r >= 1.5) {
		return body
	}
	return best
}

// bodyGroup widens a body element to the common ancestor of its twins, the elements with the
// same tag and class, for pages that split the article body into chunks between ads and embeds.
func (s *scorer) bodyGroup(body int) int {
	e := &s.p.elems[body]
	class := attr(e.node, "class")
	if class == "" {
		return body
	}
	last := body
	for i := range s.p.elems {
		if o := &s.p.elems[i]; i != body && o.tag == e.tag && s.prose[i] > 0 && attr(o.node, "class") == class {
			if i < body {
				body = i
			}
			last = max(last, i)
		}
	}
	a := body
	for a >= 0 && int(s.p.elems[a].end) <= last {
		a = int(s.p.elems[a].parent)
	}
	return max(a, 0)
}

// cards marks teaser cards: three or more siblings with the same tag and class that each
// hold little text, a good part of it a link (a headline pointing elsewhere). Article paragraphs
// repeat too, but few of them are mostly link, and a list of headlines without a class is left
// to the link-density rules.
func (s *scorer) cards() []bool {
	type key struct {
		parent int32
		tag    atom.Atom
		class  string
	}
	groups := make(map[key][]int32)
	for i := range s.p.elems {
		e := &s.p.elems[i]
		if e.parent < 0 || !e.blockLevel || s.chars[i] == 0 || e.hint&hintEmbed != 0 {
			continue
		}
		class := attr(e.node, "class")
		if class == "" {
			continue
		}
		k := key{e.parent, e.tag, class}
		groups[k] = append(groups[k], int32(i))
	}
	card := make([]bool, len(s.p.elems))
	for _, g := range groups {
		if len(g) < 3 {
			continue
		}
		linked := 0
		for _, i := range g {
			if s.links[i] >= 15 && s.links[i] >= 0.2*s.chars[i] && s.chars[i] < 500 {
				linked++
			}
		}
		if 3*linked >= 2*len(g) {
			for _, i := range g {
				card[i] = true
			}
		}
	}
	return card
}

// linkLine reports a list of tags (links marked rel="tag") written as a line of the article.
func linkLine(b *block) bool {
	return b.tagLinks >= 2 && b.linkChars > b.chars/2
}

// isContainer reports elements that hold an article's paragraphs, as opposed to a paragraph
// that merely carries an article class ("post-text" on every <p>).
func isContainer(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Span, atom.Li, atom.A, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Blockquote, atom.Pre, atom.Font, atom.B, atom.I, atom.Em, atom.Strong, atom.Figure, atom.Figcaption:
		return false
	}
	return true
}

// mainBlocks picks the main container and returns its paragraphs with boilerplate pruned.
func (p *page) mainBlocks() []clean.Block {
	n := len(p.elems)
	if n == 0 {
		return nil
	}
	s := newScorer(p)
	sub := make([]float64, n)

	// First pass: only what is never the article (comments, cookie notices) is boilerplate.
	neg := make([]bool, n)
	for i := range n {
		h := p.elems[i].hint
		neg[i] = h&hintNever != 0 && h&(hintBody|hintEmbed) == 0
	}
	first := s.container(neg, sub)
	card := s.cards()

	// Second pass: every boilerplate word counts, except on elements that hold most of the
	// first container's prose: there a word like "rail", "ad" or "tag" names a region of the
	// page's layout ("pg-rail-tall", "non-ad-column", WordPress's "tag-news"), not boilerplate.
	// A boilerplate word beats a generic content word ("post-meta") but not an article-body one.
	for i := range n {
		h := p.elems[i].hint
		neg[i] = neg[i] || (card[i] || h&hintNegative != 0 && h&(hintBody|hintEmbed) == 0) && s.prose[i] < 0.5*s.prose[first]
	}
	best := s.container(neg, sub)
	if sub[best] <= 0 {
		best = first
	}
	if s.prose[best] == 0 {
		// No prose anywhere (a page of short lines or a bare table): keep everything that is
		// not pruned as boilerplate.
		best = 0
	}
	dense := best
	best = s.preferBody(best)
	// A standfirst set just before the article-body element, inside the denser container,
	// belongs to the text.
	lead := -1
	if par := int(p.elems[best].parent); best != dense && par >= dense {
		for j := par + 1; j < best; j = int(p.elems[j].end) {
			if p.elems[j].hint&hintLead != 0 && !neg[j] && s.prose[j] > 0 {
				lead = j
			}
		}
	}

	// keep[i] holds for an element in the container and outside every pruned subtree.
	keep := make([]bool, n)
	for i := range n {
		e := &p.elems[i]
		switch {
		case i == best, i == lead:
			keep[i] = true
		case e.parent < 0 || !keep[e.parent]:
		case neg[i], e.tag == atom.H1, e.tag == atom.Header, e.tag == atom.Figure, e.tag == atom.Figcaption:
		case s.chars[i] > 0 && s.links[i] > s.chars[i]/2 && s.chars[i]-s.links[i] < 40:
		default:
			keep[i] = true
		}
	}
	var out []clean.Block
	for i := range p.blocks {
		if b := &p.blocks[i]; keep[b.owner] && !linkLine(b) {
			out = append(out, clean.Block{Text: b.text, Heading: b.heading >= 2})
		}
	}
	return out
}
