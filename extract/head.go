package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// headInfo is the raw material of the page's metadata, gathered during the one walk.
type headInfo struct {
	lang      string
	title     string
	canonical string
	// metas holds meta tags as (lowercased name or property or itemprop, content) in page order.
	metas  []metaTag
	ldJSON []string
	// times holds the datetime attributes of <time> elements in page order, the ones marked as
	// the publication date (pubdate, itemprop=datePublished) first.
	times []string
}

type metaTag struct{ key, val string }

// scanHead visits every element under n, for the subtrees the content walk skips (<head>,
// scripts, navigation, footers).
func (h *headInfo) scanHead(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			h.visit(c)
			h.scanHead(c)
		}
	}
}

// visit records what element n says about the page.
func (h *headInfo) visit(n *html.Node) {
	switch n.DataAtom {
	case atom.Html:
		if h.lang == "" {
			h.lang = attr(n, "lang")
			if h.lang == "" {
				h.lang = attr(n, "xml:lang")
			}
		}
	case atom.Title:
		if h.title == "" && n.Parent != nil && n.Parent.DataAtom != atom.Svg {
			h.title = nodeText(n)
		}
	case atom.Meta:
		// A tag may carry several names at once (property="article:published"
		// itemprop="datePublished dateCreated"); each is recorded.
		val := strings.TrimSpace(attr(n, "content"))
		if val == "" {
			break
		}
		for _, a := range n.Attr {
			switch a.Key {
			case "property", "name", "itemprop", "http-equiv":
				for _, k := range strings.Fields(a.Val) {
					h.metas = append(h.metas, metaTag{strings.ToLower(k), val})
				}
			}
		}
	case atom.Link:
		if h.canonical == "" && strings.EqualFold(attr(n, "rel"), "canonical") {
			h.canonical = strings.TrimSpace(attr(n, "href"))
		}
	case atom.Script:
		if t := strings.ToLower(attr(n, "type")); strings.Contains(t, "ld+json") {
			if s := nodeText(n); s != "" {
				h.ldJSON = append(h.ldJSON, s)
			}
		}
	case atom.Time:
		if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" {
			if hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished") {
				h.times = append([]string{dt}, h.times...)
			} else {
				h.times = append(h.times, dt)
			}
		}
	}
	if n.DataAtom != atom.Meta {
		// itemprop on other elements (<span itemprop="datePublished" content="...">).
		if ip := attr(n, "itemprop"); ip != "" {
			if v := attr(n, "content"); v != "" {
				h.metas = append(h.metas, metaTag{strings.ToLower(ip), strings.TrimSpace(v)})
			}
		}
	}
}

// meta returns the first non-empty content of a meta tag named by any of keys, in keys' order.
func (h *headInfo) meta(keys ...string) string {
	for _, k := range keys {
		for _, m := range h.metas {
			if m.key == k {
				return m.val
			}
		}
	}
	return ""
}

// nodeText is the raw text under n, whitespace collapsed.
func nodeText(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				sb.WriteString(c.Data)
				sb.WriteByte(' ')
			case html.ElementNode:
				walk(c)
			}
		}
	}
	walk(n)
	return strings.Join(strings.Fields(sb.String()), " ")
}
