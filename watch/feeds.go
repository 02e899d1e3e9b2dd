package watch

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// ErrBadFeedsFile means a feeds file could not be read: an OPML document that is not well-formed,
// a line that is not an http or https URL, or a file with no feed at all.
var ErrBadFeedsFile = errors.New("bad feeds file")

// maxFeedsFile bounds what ParseFeeds reads, so that a wrong file (a disk image, a log) fails
// instead of filling memory.
const maxFeedsFile = 8 << 20

// Source is one feed to watch, as a feeds file names it.
type Source struct {
	URL string
	// Title is what an OPML outline calls the feed, or "".
	Title string
}

// ParseFeeds reads a feeds file: OPML (every outline with an xmlUrl, at any depth), or one URL a
// line with blank lines and # comments. Which one is decided by the first character that is not
// white space: '<' means OPML. URLs must be absolute http or https URLs; a URL named twice is
// kept once, where it first appears. Errors wrap ErrBadFeedsFile and name the line.
func ParseFeeds(r io.Reader) ([]Source, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFeedsFile+1))
	if err != nil {
		return nil, fmt.Errorf("read feeds file: %w", err)
	}
	if len(data) > maxFeedsFile {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrBadFeedsFile, maxFeedsFile)
	}
	body := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), " \t\r\n")
	var feeds []Source
	if bytes.HasPrefix(body, []byte("<")) {
		feeds, err = parseOPML(data)
	} else {
		feeds, err = parseLines(data)
	}
	if err != nil {
		return nil, err
	}
	if len(feeds) == 0 {
		return nil, fmt.Errorf("%w: no feed URL in it", ErrBadFeedsFile)
	}
	return feeds, nil
}

// parseLines reads one URL a line. A line may end with a comment, as shell-style lists do.
func parseLines(data []byte) ([]Source, error) {
	var feeds []Source
	seen := make(map[string]bool)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, maxFeedsFile)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if i := strings.Index(line, "#"); i >= 0 && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			line = line[:i] // a '#' inside a URL is its fragment, not a comment
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		u, err := feedURL(line)
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrBadFeedsFile, n, err)
		}
		if !seen[u] {
			seen[u] = true
			feeds = append(feeds, Source{URL: u})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read feeds file: %w", err)
	}
	return feeds, nil
}

// parseOPML reads the outlines of an OPML document. Outlines without an xmlUrl are folders (or
// links to pages) and only their children count. OPML files written by hand or by old readers
// spell the attribute in any case, so the name is matched ignoring it.
func parseOPML(data []byte) ([]Source, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charset.NewReaderLabel
	var feeds []Source
	seen := make(map[string]bool)
	root := true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrBadFeedsFile, err) // a syntax error names its line
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root {
			if !strings.EqualFold(el.Name.Local, "opml") {
				return nil, fmt.Errorf("%w: root element is <%s>, not <opml>", ErrBadFeedsFile, el.Name.Local)
			}
			root = false
			continue
		}
		if !strings.EqualFold(el.Name.Local, "outline") {
			continue
		}
		var raw, title, text string
		for _, a := range el.Attr {
			switch strings.ToLower(a.Name.Local) {
			case "xmlurl":
				raw = strings.TrimSpace(a.Value)
			case "title":
				title = a.Value
			case "text":
				text = a.Value
			}
		}
		if raw == "" {
			continue
		}
		u, err := feedURL(raw)
		if err != nil {
			line, _ := dec.InputPos()
			return nil, fmt.Errorf("%w: line %d: %w", ErrBadFeedsFile, line, err)
		}
		if !seen[u] {
			seen[u] = true
			feeds = append(feeds, Source{URL: u, Title: oneLine(cmp.Or(title, text))})
		}
	}
	if root {
		return nil, fmt.Errorf("%w: no <opml> element", ErrBadFeedsFile)
	}
	return feeds, nil
}

// feedURL checks that s is an absolute http or https URL and returns it in its normal form, so
// that one feed written two ways is one feed with one state.
func feedURL(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("%q is not valid UTF-8", s)
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("%q is not a URL: %w", s, errors.Unwrap(err))
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Opaque != "" {
		return "", fmt.Errorf("%q is not an absolute http or https URL", s)
	}
	u.Host = strings.ToLower(u.Host)
	u.Fragment, u.RawFragment = "", ""
	return u.String(), nil
}

// oneLine joins the lines of a title and trims it.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}
