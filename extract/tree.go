package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// elem is one element of the page in pre-order: the subtree of elems[i] is elems[i:elems[i].end].
type elem struct {
	node   *html.Node
	tag    atom.Atom
	parent int32
	end    int32
	hint   hint
	// blockLevel marks elements that start and end text blocks; every block is owned by the
	// innermost block-level element around it.
	blockLevel bool
}

// block is a paragraph-level run of text: the text between two block boundaries.
type block struct {
	text      string
	owner     int32 // index into elems
	chars     int32 // runes, spaces included
	linkChars int32 // runes inside <a href>
	// stops counts sentence ends and commas, the marks that tell prose from labels.
	stops   int32
	heading int8 // 1–6 for h1–h6, 0 otherwise
	// tagLinks counts links marked rel="tag", which name the article's topics.
	tagLinks int16
}

// page is the flattened document: elements in pre-order and text blocks in reading order.
type page struct {
	elems  []elem
	blocks []block
	// head holds what metadata extraction needs, gathered in the same walk.
	head headInfo
}

// flatten walks the parsed document once, dropping what never carries article text.
func flatten(doc *html.Node) *page {
	f := flattener{p: &page{}, owner: -1}
	f.p.elems = make([]elem, 0, 1024)
	f.p.blocks = make([]block, 0, 256)
	f.walk(doc, -1)
	f.flush()
	return f.p
}

type flattener struct {
	p         *page
	buf       []byte
	chars     int32
	linkChars int32
	stops     int32
	pendSpace bool
	inLink    int
	tagLinks  int16
	owner     int32
}

func (f *flattener) walk(n *html.Node, parent int32) {
	switch n.Type {
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f.walk(c, parent)
		}
	case html.TextNode:
		f.text(n.Data)
	case html.ElementNode:
		f.element(n, parent)
	}
}

func (f *flattener) element(n *html.Node, parent int32) {
	if n.DataAtom == atom.Br || n.DataAtom == atom.Hr {
		f.flush()
		return
	}
	f.p.head.visit(n)
	if n.DataAtom == atom.Head {
		f.p.head.scanHead(n)
		return
	}
	if dropTag(n) || hidden(n) {
		// No article text here, but metadata may be (JSON-LD in a footer, a <time> in an aside).
		f.p.head.scanHead(n)
		return
	}
	idx := int32(len(f.p.elems))
	h := hintOf(n)
	bl := isBlockLevel(n.DataAtom) || (h&hintNegative != 0 && n.DataAtom != atom.A)
	f.p.elems = append(f.p.elems, elem{node: n, tag: n.DataAtom, parent: parent, hint: h, blockLevel: bl})
	saved := f.owner
	if bl {
		f.flush()
		f.owner = idx
	} else if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		// A table row is one block, its cells separated by spaces.
		f.pendSpace = true
	}
	link := n.DataAtom == atom.A && hasAttr(n, "href")
	if link {
		f.inLink++
		if rel := attr(n, "rel"); rel != "" && hasWord(rel, "tag") {
			f.tagLinks++
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		f.walk(c, idx)
	}
	if link {
		f.inLink--
	}
	if bl {
		f.flush()
		f.owner = saved
	} else if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		f.pendSpace = true
	}
	f.p.elems[idx].end = int32(len(f.p.elems))
}

// text appends s to the current block with whitespace collapsed as a browser renders it.
func (f *flattener) text(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c <= ' ' || c == 0x7f {
				// HTML's whitespace, and the other control characters, which render as nothing
				// and would otherwise survive as text that strings.TrimSpace and readers disagree on.
				f.pendSpace = true
				continue
			}
			f.put(s[i-1:i], rune(c))
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || (r >= 0x80 && r < 0xA0):
			f.pendSpace = true // no-break and typographic spaces, line separators, C1 controls
		case r == 0x200B || r == 0xFEFF || r == 0x00AD || r == 0x200E || r == 0x200F:
			// invisible: zero-width space, BOM, soft hyphen, direction marks
		case r == utf8.RuneError && size == 1:
			f.put("\uFFFD", r)
		default:
			f.put(s[i:i+size], r)
		}
		i += size
	}
}

// put appends one character, s being r's UTF-8 bytes.
func (f *flattener) put(s string, r rune) {
	if f.pendSpace && len(f.buf) > 0 {
		f.buf = append(f.buf, ' ')
		f.chars++
		if f.inLink > 0 {
			f.linkChars++
		}
	}
	f.pendSpace = false
	f.buf = append(f.buf, s...)
	f.chars++
	if f.inLink > 0 {
		f.linkChars++
	}
	switch r {
	case '.', ',', '!', '?', ';', ':',
		'。', '、', '，', '！', '？', '；', '：', // CJK
		'।', '؟', '،', '؛': // Devanagari danda, Arabic question mark, comma and semicolon
		f.stops++
	}
}

// flush ends the current block.
func (f *flattener) flush() {
	f.pendSpace = false
	if len(f.buf) == 0 {
		return
	}
	if f.owner >= 0 {
		var level int8
		switch f.p.elems[f.owner].tag {
		case atom.H1:
			level = 1
		case atom.H2:
			level = 2
		case atom.H3:
			level = 3
		case atom.H4:
			level = 4
		case atom.H5:
			level = 5
		case atom.H6:
			level = 6
		}
		f.p.blocks = append(f.p.blocks, block{
			text: string(f.buf), owner: f.owner, chars: f.chars, linkChars: f.linkChars,
			stops: f.stops, heading: level, tagLinks: f.tagLinks,
		})
	}
	f.buf = f.buf[:0]
	f.chars, f.linkChars, f.stops, f.tagLinks = 0, 0, 0, 0
}

// dropTag reports elements whose content is never article text.
func dropTag(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math, atom.Iframe,
		atom.Object, atom.Embed, atom.Canvas, atom.Video, atom.Audio, atom.Select, atom.Option,
		atom.Button, atom.Input, atom.Textarea, atom.Head, atom.Title, atom.Meta, atom.Link,
		atom.Nav, atom.Aside, atom.Footer, atom.Dialog, atom.Menu:
		return true
	}
	return false
}

// hidden reports elements a browser does not show.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			if strings.Contains(a.Val, "none") && (strings.Contains(a.Val, "display:none") || strings.Contains(a.Val, "display: none")) {
				return true
			}
		}
	}
	return false
}

func isBlockLevel(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Caption, atom.Center,
		atom.Dd, atom.Details, atom.Dialog, atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption,
		atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Header, atom.Hgroup, atom.Html, atom.Legend, atom.Li, atom.Main, atom.Nav, atom.Ol, atom.P,
		atom.Pre, atom.Section, atom.Summary, atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr,
		atom.Ul, atom.Picture, atom.Img:
		return true
	}
	return false
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// hasWord reports whether the space-separated list s holds w, case aside.
func hasWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, w) {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
