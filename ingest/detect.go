package ingest

import (
	"bytes"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/dossier-news/dossier"
)

// kind is what a source holds: one document in some format, or a container of documents.
type kind int

const (
	kindUnknown kind = iota
	kindText
	kindMarkdown
	kindHTML
	kindFeed
	kindJSONL
	kindWARC
)

func (k kind) format() dossier.Format {
	switch k {
	case kindMarkdown:
		return dossier.FormatMarkdown
	case kindHTML:
		return dossier.FormatHTML
	}
	return dossier.FormatText
}

// sniffLen is how much of a source detection looks at: enough to pass a long XML prologue or a
// page's first comments, small enough to peek through a bufio.Reader without reading on.
const sniffLen = 4096

// detect decides what a source holds from its name (a path or a URL path, with any ".gz" already
// taken off), the Content-Type an HTTP server gave (or ""), and the first bytes of its
// decompressed content. A telling extension wins over the content, except that a WARC always
// announces itself and a ".json" file may be a JSON Feed; the Content-Type of a server is weighed
// only when the name says nothing, since servers label feeds as text/html and pages as text/plain.
func detect(name, contentType string, head []byte) kind {
	sniffed := sniff(head)
	if sniffed == kindWARC {
		return kindWARC
	}
	if k := byName(name); k != kindUnknown {
		if k == kindJSONL && sniffed == kindFeed {
			return kindFeed
		}
		return k
	}
	if sniffed != kindText && sniffed != kindUnknown {
		return sniffed
	}
	if k := byContentType(contentType); k != kindUnknown {
		return k
	}
	return kindText
}

func byName(name string) kind {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text":
		return kindText
	case ".md", ".markdown":
		return kindMarkdown
	case ".html", ".htm", ".xhtml":
		return kindHTML
	case ".json", ".jsonl", ".ndjson":
		return kindJSONL
	case ".xml", ".rss", ".atom", ".rdf":
		return kindFeed
	case ".warc":
		return kindWARC
	}
	return kindUnknown
}

func byContentType(contentType string) kind {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return kindUnknown
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return kindHTML
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
		"application/xml", "text/xml":
		return kindFeed
	case "application/json", "application/x-ndjson", "application/jsonl", "application/jsonlines":
		return kindJSONL
	case "text/markdown", "text/x-markdown":
		return kindMarkdown
	case "application/warc":
		return kindWARC
	case "text/plain":
		return kindText
	}
	return kindUnknown
}

// sniff tells a kind from content alone. It returns kindText when nothing marks the content as
// anything else.
func sniff(head []byte) kind {
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte(utf8BOM)), " \t\r\n\f")
	if len(h) == 0 {
		return kindUnknown
	}
	switch h[0] {
	case 'W':
		if bytes.HasPrefix(h, []byte("WARC/1.")) {
			return kindWARC
		}
	case '{':
		if bytes.Contains(h, []byte("jsonfeed.org/version")) {
			return kindFeed
		}
		return kindJSONL
	case '<':
		lower := bytes.ToLower(h)
		feedAt := firstTag(lower, "rss", "feed", "rdf:rdf")
		htmlAt := firstTag(lower, "html")
		if feedAt >= 0 && (htmlAt < 0 || feedAt < htmlAt) {
			return kindFeed
		}
		if bytes.HasPrefix(lower, []byte("<?xml")) && htmlAt < 0 {
			// An XML document that is no page: let the feed parser say what it lacks.
			return kindFeed
		}
		if len(lower) > 1 && (lower[1] == '!' || lower[1] == '?' || 'a' <= lower[1] && lower[1] <= 'z') {
			return kindHTML
		}
	}
	return kindText
}

// firstTag returns the offset of the first start tag with one of the names, or -1.
func firstTag(lower []byte, names ...string) int {
	first := -1
	for _, name := range names {
		open := []byte("<" + name)
		for off := 0; ; {
			i := bytes.Index(lower[off:], open)
			if i < 0 {
				break
			}
			end := off + i + len(open)
			if end == len(lower) || isTagEnd(lower[end]) {
				if first < 0 || off+i < first {
					first = off + i
				}
				break
			}
			off = end
		}
	}
	return first
}

func isTagEnd(c byte) bool {
	return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'
}

// isBinary reports content that is not text in any encoding ingest decodes: a NUL byte, a file
// type that http.DetectContentType recognises as media or an archive, or more than one control
// character in twenty. Bytes above 0x7F count as text, since legacy encodings use them for letters.
func isBinary(head []byte) bool {
	if len(head) == 0 {
		return false
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ct := http.DetectContentType(head)
	for _, prefix := range []string{"image/", "audio/", "video/", "font/", "application/pdf",
		"application/zip", "application/x-gzip", "application/x-rar-compressed", "application/wasm",
		"application/vnd.ms-fontobject", "application/ogg"} {
		if strings.HasPrefix(ct, prefix) {
			return true
		}
	}
	controls := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b || c == 0x7f {
			controls++
		}
	}
	return controls*20 > len(head)
}
