package extract

import (
	"cmp"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// metadata fills the page's title, outlet, URL, date and language from the most trusted source
// that has each.
func (p *page) metadata(out *Page, ld linkedData, base string) {
	h := &p.head
	out.URL = p.canonicalURL(ld, base)
	out.Outlet = firstNonEmpty(h.meta("og:site_name"), ld.publisher, ld.siteName, h.meta("application-name"),
		h.meta("apple-mobile-web-app-title"))
	if strings.HasPrefix(out.Outlet, "http://") || strings.HasPrefix(out.Outlet, "https://") {
		out.Outlet = hostName(out.Outlet)
	}
	if out.Outlet == "" {
		out.Outlet = hostName(out.URL)
	}
	out.Outlet = collapseSpace(out.Outlet)
	title := firstNonEmpty(h.meta("og:title"), ld.headline, h.meta("twitter:title"), p.firstH1(), h.title)
	out.Title = stripSiteSuffix(collapseSpace(title), out.Outlet, out.URL)
	out.Published = p.published(ld)
	if out.Published.IsZero() {
		out.Published = dateFromURL(cmp.Or(out.URL, base))
	}
	out.Byline = p.byline(ld)
	out.Lang = langCode(firstNonEmpty(h.lang, h.meta("content-language"), h.meta("og:locale"), ld.lang,
		h.meta("language"), h.meta("dc.language")))
}

// byline names the authors from the page's metadata. Author meta tags often hold a profile URL
// instead of a name; those are skipped, and a leading "By" is dropped.
func (p *page) byline(ld linkedData) string {
	h := &p.head
	for _, v := range []string{ld.authors, h.meta("author"), h.meta("byl"), h.meta("parsely-author"),
		h.meta("sailthru.author"), h.meta("dc.creator"), h.meta("article:author")} {
		v = collapseSpace(v)
		if v == "" || strings.Contains(v, "://") || strings.HasPrefix(v, "www.") {
			continue
		}
		if rest, ok := strings.CutPrefix(v, "By "); ok {
			v = rest
		} else if rest, ok := strings.CutPrefix(v, "by "); ok {
			v = rest
		}
		return v
	}
	return ""
}

func (p *page) canonicalURL(ld linkedData, base string) string {
	h := &p.head
	ref := firstNonEmpty(h.canonical, h.meta("og:url"), ld.url)
	if ref == "" {
		return base
	}
	u, err := url.Parse(ref)
	if err != nil {
		return base
	}
	if b, err := url.Parse(base); err == nil && base != "" {
		u = b.ResolveReference(u)
	}
	if !u.IsAbs() {
		// A relative canonical link without a base says nothing about where the page is.
		return base
	}
	return u.String()
}

func (p *page) firstH1() string {
	for i := range p.blocks {
		if p.blocks[i].heading == 1 {
			return p.blocks[i].text
		}
	}
	return ""
}

func (p *page) published(ld linkedData) time.Time {
	h := &p.head
	// Meta tags that carry a publication date, most specific first.
	keys := [...]string{
		"article:published_time", "og:article:published_time", "article:published", "article.published",
		"datepublished",
		"og:published_time", "published_time", "publishdate", "publish-date", "pubdate", "sailthru.date",
		"parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
		"date", "article_date_original", "publication_date", "pdate", "datecreated",
	}
	for _, k := range keys {
		if t, ok := parseDate(h.meta(k)); ok {
			return t
		}
		if k == "datepublished" {
			// JSON-LD ranks with the itemprop microdata of the same name.
			if t, ok := parseDate(ld.published); ok {
				return t
			}
			if t, ok := parseDate(ld.anyPublished); ok {
				return t
			}
		}
	}
	for _, s := range h.times {
		if t, ok := parseDate(s); ok {
			return t
		}
	}
	return time.Time{}
}

// parseDate reads a date in any of the usual machine forms. Years outside 1990–2100 are refused:
// a zero or placeholder date is worse than none.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	// The date forms found in meta tags, JSON-LD and <time datetime>.
	layouts := [...]string{
		time.RFC3339Nano,
		"2006-01-02T15:04:05Z0700",
		"2006-01-02T15:04:05.999999999Z0700",
		"2006-01-02T15:04Z07:00",
		"2006-01-02T15:04:05",
		"2006-01-02T15:04:05.999999999",
		"2006-01-02T15:04",
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05 Z0700",
		"2006-01-02 15:04:05 -07:00",
		"2006-01-02 15:04:05 MST",
		"2006-01-02 15:04:05",
		"2006-01-02 15:04",
		"2006-01-02",
		"2006/01/02 15:04:05",
		"2006/01/02",
		"20060102",
		time.RFC1123Z,
		time.RFC1123,
		"Mon, 2 Jan 2006 15:04:05 -0700",
		"Mon, 2 Jan 2006 15:04:05 MST",
		"Mon Jan 2 15:04:05 MST 2006",
		"Mon Jan 02 2006 15:04:05 GMT-0700",
		"January 2, 2006, 03:04 PM MST",
		"January 2, 2006 3:04 PM",
		"January 2, 2006",
		"Jan 2, 2006",
		"2 January 2006",
		"2 Jan 2006 15:04 MST",
		"2 Jan 2006",
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, t.Year() >= 1990 && t.Year() <= 2100
		}
	}
	// A date in an unknown frame ("Published 2019-11-19 at noon") still starts with its day.
	if i := strings.IndexFunc(s, unicode.IsDigit); i >= 0 && len(s) >= i+10 {
		if t, err := time.Parse("2006-01-02", s[i:i+10]); err == nil {
			return t, t.Year() >= 1990 && t.Year() <= 2100
		}
	}
	return time.Time{}, false
}

// langCode reduces a language tag ("en-US", "pt_BR", "EN") to its two-letter code.
func langCode(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "-_,; "); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 || !isASCIILetter(s[0]) || !isASCIILetter(s[1]) {
		return ""
	}
	return strings.ToLower(s)
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// hostName names an outlet by its web address when the page names none: "www.example.com" →
// "example.com".
func hostName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// stripSiteSuffix removes the site name that titles often carry after a separator ("Story
// headline | The Daily Example", "Example News - Story headline"), when that part names the outlet
// or the host.
func stripSiteSuffix(title, outlet, pageURL string) string {
	seps := [...]string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » "}
	host := siteKey(hostName(pageURL))
	site := siteKey(outlet)
	// names reports whether part names the site: exactly the outlet, or a name the host contains
	// ("CoastNews" for coastnews.example), which must then be shorter than the headline it leaves.
	names := func(part, rest string) bool {
		k := siteKey(part)
		if k == "" {
			return false
		}
		if k == site {
			return true
		}
		return host != "" && (strings.Contains(host, k) || strings.Contains(k, host)) && len(rest) > len(part)
	}
	for _, sep := range seps {
		if i := strings.LastIndex(title, sep); i > 0 {
			if head, tail := title[:i], title[i+len(sep):]; names(tail, head) {
				return strings.TrimSpace(head)
			}
		}
		if i := strings.Index(title, sep); i > 0 {
			if head, tail := title[:i], title[i+len(sep):]; names(head, tail) {
				return strings.TrimSpace(tail)
			}
		}
	}
	return title
}

// siteKey reduces a site name or host to lowercase letters and digits, dropping a leading "the"
// and the top-level domain, so that "The Daily Example" and "dailyexample.com" compare equal.
func siteKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.LastIndexByte(s, '.'); i > 0 && !strings.Contains(s, " ") {
		s = s[:i]
	}
	s = strings.TrimPrefix(s, "the ")
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// collapseSpace joins the words of s with single spaces and drops invalid UTF-8.
func collapseSpace(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	return strings.Join(strings.Fields(s), " ")
}

// urlDate finds a date in a URL path as news sites write it: /2031/05/02/, /2031/may/02/,
// /2031-05-02-, or -20310502/ at the end of a slug.
var urlDate = regexp.MustCompile(`(?i)/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[/-](0?[1-9]|[12]\d|3[01])(?:[/_.-]|$)|[/_-]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)`)

var monthAbbr = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "oct": 10, "nov": 11, "dec": 12}

// dateFromURL is the last resort for the publication date: a day written into the URL's path,
// which news sites set when the story is first published. It has no time of day, so it is
// midnight UTC.
func dateFromURL(raw string) time.Time {
	u, err := url.Parse(raw)
	if err != nil || u.Path == "" {
		return time.Time{}
	}
	m := urlDate.FindStringSubmatch(u.Path)
	if m == nil {
		return time.Time{}
	}
	y, mo, d := m[1], m[2], m[3]
	if y == "" {
		y, mo, d = m[4], m[5], m[6]
	}
	year, _ := strconv.Atoi(y)
	day, _ := strconv.Atoi(d)
	month, ok := monthAbbr[strings.ToLower(mo)]
	if !ok {
		n, _ := strconv.Atoi(mo)
		month = time.Month(n)
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || t.After(time.Now().AddDate(0, 0, 2)) {
		return time.Time{} // 31 April, or a date in the future: not a publication date
	}
	return t
}
