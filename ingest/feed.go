package ingest

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/mmcdole/gofeed"
)

// readFeed reads an RSS, Atom or JSON feed and yields one document per item: the item's content
// (or its description when it has none), or, with follow, the page its link points to.
func (r *Reader) readFeed(s *sink, b blob, src io.Reader) bool {
	data, err := r.readAll(src)
	if err != nil {
		return s.fail(b.source, err)
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(bytes.TrimPrefix(data, []byte(utf8BOM))))
	if err != nil {
		return s.fail(b.source, fmt.Errorf("parse feed: %w", err))
	}
	if b.parsed != nil {
		b.parsed()
	}
	outlet := oneLine(feed.Title)
	lang := strings.TrimSpace(feed.Language)
	for i, item := range feed.Items {
		source := fmt.Sprintf("%s#%d", b.source, i+1)
		meta := dossier.Meta{
			Title:     oneLine(item.Title),
			Outlet:    outlet,
			URL:       strings.TrimSpace(item.Link),
			Published: itemTime(item),
			Lang:      lang,
		}
		if b.follow && meta.URL != "" {
			link, err := resolveLink(b.base, meta.URL)
			if err != nil {
				if !s.fail(source, err) {
					return false
				}
				continue
			}
			// A followed page that is itself a feed is read but not followed again: a feed of
			// feeds must not send the reader round in circles.
			if !r.readURL(s, link, meta, false) {
				return false
			}
			continue
		}
		if b.base != nil && meta.URL != "" {
			if link, err := resolveLink(b.base, meta.URL); err == nil {
				meta.URL = link
			}
		}
		body := strings.ToValidUTF8(item.Content, "\uFFFD")
		if strings.TrimSpace(body) == "" {
			body = strings.ToValidUTF8(item.Description, "\uFFFD")
		}
		if strings.TrimSpace(body) == "" {
			if !s.fail(source, ErrEmpty) {
				return false
			}
			continue
		}
		format := dossier.FormatText
		if looksLikeHTML(body) {
			format = dossier.FormatHTML
		}
		if !s.doc(&dossier.Document{Source: source, Format: format, Body: []byte(body), Meta: meta}) {
			return false
		}
	}
	return true
}

// itemTime is when an item was published, or last updated when the feed gives no publication
// date. A date no JSON encoder could write is dropped.
func itemTime(item *gofeed.Item) time.Time {
	t := item.PublishedParsed
	if t == nil {
		t = item.UpdatedParsed
	}
	if t == nil || t.Year() < 1 || t.Year() > 9999 {
		return time.Time{}
	}
	return *t
}

// resolveLink makes an item link absolute against the feed's URL and insists on http or https,
// so that a feed cannot make the reader open local files.
func resolveLink(base *url.URL, link string) (string, error) {
	u, err := url.Parse(link)
	if err != nil {
		return "", fmt.Errorf("parse item link: %w", err)
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return "", fmt.Errorf("item link %q is not an absolute http or https URL", link)
	}
	return u.String(), nil
}

// looksLikeHTML tells markup from plain text in a feed item: a tag, or an entity that only HTML
// would escape. Feeds put both in the same elements.
func looksLikeHTML(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		c := s[i+1]
		if c == '/' || c == '!' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			return true
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	for i := strings.IndexByte(s, '&'); i >= 0; {
		end := strings.IndexByte(s[i:], ';')
		if end > 1 && end <= 10 && isEntityName(s[i+1:i+end]) {
			return true
		}
		j := strings.IndexByte(s[i+1:], '&')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func isEntityName(s string) bool {
	if s[0] == '#' {
		s = s[1:]
		if s != "" && (s[0] == 'x' || s[0] == 'X') {
			s = s[1:]
		}
	}
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// oneLine trims a title and joins its lines, as feeds wrap long titles.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}
