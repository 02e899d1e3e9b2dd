package clean

import (
	"bytes"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MarkdownBlocks splits a Markdown document into blocks. Headings ("#" or underlined) become
// Heading blocks; the paragraphs of lists and block quotes become plain paragraphs; emphasis,
// links and images are reduced to their text ([text](url) gives "text", an image its alt text);
// escapes and character references are resolved; code blocks and raw HTML are dropped. Within a
// paragraph, line breaks are judged as in TextBlocks, so a document with one paragraph per line
// and no blank lines still comes out as paragraphs.
func MarkdownBlocks(markdown string) []Block {
	src := []byte(strings.TrimPrefix(markdown, "\ufeff"))
	doc := goldmark.DefaultParser().Parse(text.NewReader(src))
	lines := scanLines(string(src))
	md := mdWriter{src: src, lines: lines, width: wrapWidth(lines)}
	// Walk never fails here: the visitor returns no error.
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHeading:
			md.inline(n)
			md.flush(true)
			return ast.WalkSkipChildren, nil
		case ast.KindParagraph, ast.KindTextBlock:
			md.inline(n)
			md.flush(false)
			return ast.WalkSkipChildren, nil
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock, ast.KindThematicBreak:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return md.blocks
}

// mdWriter collects the text of one Markdown paragraph at a time and cuts it into blocks.
type mdWriter struct {
	src    []byte
	lines  []line // the source's lines, to judge each line break by the source as written
	width  int
	buf    bytes.Buffer
	blocks []Block
}

func (w *mdWriter) flush(heading bool) {
	if t := trimSpace(w.buf.String()); t != "" {
		w.blocks = append(w.blocks, Block{Text: t, Heading: heading})
	}
	w.buf.Reset()
}

// inline writes the text of n's inline content, starting a new block at a line break that
// separates paragraphs.
func (w *mdWriter) inline(n ast.Node) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c == n {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(w.src)
			if !c.IsRaw() {
				v = plainText(v)
			}
			w.buf.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				w.lineBreak(c.Segment.Stop, n.Kind() == ast.KindHeading)
			}
		case *ast.String:
			w.buf.Write(c.Value)
		case *ast.AutoLink:
			w.buf.Write(c.Label(w.src))
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// lineBreak handles the break after the source line holding offset pos.
func (w *mdWriter) lineBreak(pos int, heading bool) {
	i := sort.Search(len(w.lines), func(i int) bool { return w.lines[i].start > pos }) - 1
	if heading || i < 0 || i+1 >= len(w.lines) {
		w.buf.WriteByte('\n')
		return
	}
	a, b := w.lines[i], w.lines[i+1]
	if continues(string(w.src[a.start:a.end]), a.runes, string(w.src[b.start:b.end]), w.width) {
		w.buf.WriteByte('\n')
		return
	}
	w.flush(false)
}

// plainText resolves backslash escapes and character references, as a renderer would.
func plainText(v []byte) []byte {
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
	}
	return v
}
