package timex

import (
	"bufio"
	"fmt"
	"slices"
	"strings"
)

// none is the type of a rule that blocks: what it matches is not a temporal expression ("a
// 6-year-old"), and being longer it keeps shorter rules from matching inside it.
const none Type = "NONE"

type elemKind uint8

const (
	eLit      elemKind = iota // a literal token
	eCat                      // a lexicon category, optionally with a required value
	eNum                      // a number: digits or number words ("twenty four", "a couple of")
	eYear                     // a year: four digits, or an apostrophe and two ("'98")
	eDay                      // a day of the month: 1-31, "3rd", "third"
	eOrdinal                  // an ordinal: "third", "3rd", "twenty-first"
	eDecade                   // a decade: "1990s", "'90s", "nineties"
	eHour                     // an hour: 0-24
	eMinute                   // minutes: two digits 00-59
	eMonthNum                 // a month as a number: 1-12
	eSub                      // a whole expression of the grammar (a date or a time)
)

var builtins = map[string]elemKind{
	"NUM": eNum, "YEAR": eYear, "DAY": eDay, "ORDINAL": eOrdinal, "DECADE": eDecade,
	"HOUR": eHour, "MINUTE": eMinute, "MONTHNUM": eMonthNum,
}

type elem struct {
	kind elemKind
	lit  *word
	cat  cat
	val  string
	// ctx marks a trailing element that must follow the expression but is not part of it
	// ("the year" [ended]); neg, one that must not follow it ([!DIR]).
	ctx, neg bool
}

// rule is one line of the pattern file.
type rule struct {
	typ  Type
	line int
}

// node is a state of the pattern trie: rules that share a prefix share its path.
type node struct {
	edges []edge
	rules []int // indexes+1 into grammar.rules of the rules that end here, in file order
	// A node with many edges indexes them: by literal, by lexicon category, and the rest.
	byLit map[*word][]int
	byCat [catCount][]int
	other []int
}

// indexEdges is how many edges a node needs before index builds a lookup for them.
const indexEdges = 6

// index builds the edge lookups of n and the nodes below it.
func (n *node) index() {
	if len(n.edges) >= indexEdges {
		n.byLit = map[*word][]int{}
		for k, e := range n.edges {
			switch {
			case e.el.neg:
				n.other = append(n.other, k) // tried when the token is not what it names
			case e.el.kind == eLit:
				n.byLit[e.el.lit] = append(n.byLit[e.el.lit], k)
			case e.el.kind == eCat:
				n.byCat[e.el.cat] = append(n.byCat[e.el.cat], k)
			default:
				n.other = append(n.other, k)
			}
		}
	}
	for _, e := range n.edges {
		e.to.index()
	}
}

type edge struct {
	el elem
	to *node
}

type grammar struct {
	rules []rule
	root  node
	// sub holds only the date and time rules without trailing context: those a <DATE> element
	// can match.
	sub node
}

// parsePatterns reads lines of the form `TYPE: element element ...` ("#" starts a comment).
// An element is a BUILTIN, a CATEGORY or CATEGORY:value from the lexicon, <DATE> (a whole date or
// time expression), or a literal token in lower case; "?" after it makes it optional and "|"
// separates alternatives. Elements in brackets at the end must follow the expression without
// being part of it; [!X] says that X must not follow.
func parsePatterns(g *grammar, lx *lexicon, name, src string) error {
	sc := bufio.NewScanner(strings.NewReader(src))
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Text()
		if k := strings.Index(line, " #"); k >= 0 {
			line = line[:k]
		}
		if strings.HasPrefix(strings.TrimSpace(line), "#") || strings.TrimSpace(line) == "" {
			continue
		}
		head, body, ok := strings.Cut(line, ":")
		if !ok {
			return fmt.Errorf("%s:%d: %w: want TYPE: elements", name, ln, ErrRules)
		}
		typ := Type(strings.TrimSpace(head))
		switch typ {
		case Date, Time, Duration, Set, none:
		default:
			return fmt.Errorf("%s:%d: %w: unknown type %q", name, ln, ErrRules, typ)
		}
		var slots [][]elem // each slot lists its alternatives; an optional slot holds a nil elem list entry
		var optional []bool
		for _, f := range strings.Fields(body) {
			opt := strings.HasSuffix(f, "?") && len(f) > 1
			if opt {
				f = f[:len(f)-1]
			}
			inner, ctx := strings.CutPrefix(f, "[")
			neg := false
			if ctx {
				if inner, ok = strings.CutSuffix(inner, "]"); !ok {
					return fmt.Errorf("%s:%d: %w: unclosed context element %q", name, ln, ErrRules, f)
				}
				f = inner
				f, neg = strings.CutPrefix(f, "!")
			}
			var alts []elem
			for _, a := range strings.Split(f, "|") {
				el, err := parseElem(lx, a)
				if err != nil {
					return fmt.Errorf("%s:%d: %w", name, ln, err)
				}
				el.ctx, el.neg = ctx, neg
				if neg && (opt || el.kind != eCat && el.kind != eLit) {
					return fmt.Errorf("%s:%d: %w: only a category or a word can be ruled out, and not optionally", name, ln, ErrRules)
				}
				alts = append(alts, el)
			}
			slots = append(slots, alts)
			optional = append(optional, opt)
		}
		if len(slots) == 0 {
			return fmt.Errorf("%s:%d: %w: empty pattern", name, ln, ErrRules)
		}
		for k := 1; k < len(slots); k++ {
			if slots[k-1][0].ctx && !slots[k][0].ctx {
				return fmt.Errorf("%s:%d: %w: context elements go last", name, ln, ErrRules)
			}
		}
		if slots[0][0].ctx {
			return fmt.Errorf("%s:%d: %w: a pattern needs an element outside its context", name, ln, ErrRules)
		}
		g.rules = append(g.rules, rule{typ: typ, line: ln})
		g.add(&g.root, slots, optional, len(g.rules))
		if (typ == Date || typ == Time) && !slots[len(slots)-1][0].ctx {
			g.add(&g.sub, slots, optional, len(g.rules))
		}
	}
	return sc.Err()
}

func parseElem(lx *lexicon, s string) (elem, error) {
	switch {
	case s == "<DATE>":
		return elem{kind: eSub}, nil
	case strings.ToUpper(s) == s && strings.ToLower(s) != s:
		name, val, _ := strings.Cut(s, ":")
		if k, ok := builtins[name]; ok {
			return elem{kind: k}, nil
		}
		c := catByName(strings.ToLower(name))
		if c == catNone {
			return elem{}, fmt.Errorf("%w: unknown element %q", ErrRules, s)
		}
		return elem{kind: eCat, cat: c, val: val}, nil
	}
	toks := tokenize(s, nil)
	if len(toks) != 1 {
		return elem{}, fmt.Errorf("%w: literal %q is not one token", ErrRules, s)
	}
	return elem{kind: eLit, lit: lx.word(toks[0].low)}, nil
}

// add inserts every expansion of the slots (each optional slot present or absent, each
// alternative) below n.
func (g *grammar) add(n *node, slots [][]elem, optional []bool, r int) {
	if len(slots) == 0 {
		if !slices.Contains(n.rules, r) {
			n.rules = append(n.rules, r)
		}
		return
	}
	if optional[0] {
		g.add(n, slots[1:], optional[1:], r)
	}
	for _, el := range slots[0] {
		if n == &g.root && el.kind == eLit {
			el.lit.start = true
		}
		g.add(n.child(el), slots[1:], optional[1:], r)
	}
}

func (n *node) child(el elem) *node {
	for _, e := range n.edges {
		if e.el == el {
			return e.to
		}
	}
	c := &node{}
	n.edges = append(n.edges, edge{el, c})
	return c
}
