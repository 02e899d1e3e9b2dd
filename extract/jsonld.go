package extract

import (
	"encoding/json"
	"slices"
	"strings"
)

// linkedData is what a page's JSON-LD says about its article.
type linkedData struct {
	headline  string
	published string
	// anyPublished is the first datePublished of any object, for pages whose article is typed
	// as something else (ClaimReview, MedicalWebPage, ...).
	anyPublished string
	publisher    string
	siteName     string
	body         string
	url          string
	lang         string
	authors      string // the article's author names, joined by ", "
}

// parseLinkedData reads every JSON-LD script of the page. The article object (NewsArticle,
// BlogPosting, ... at the top level, in an array or in @graph) gives most fields; a WebSite or
// Organization object names the outlet when the article does not. Scripts that do not parse,
// even after the usual repairs, are skipped.
func parseLinkedData(scripts []string) linkedData {
	var ld linkedData
	for _, s := range scripts {
		v, ok := decodeJSONLD(s)
		if !ok {
			continue
		}
		ld.visit(v, 0)
	}
	return ld
}

func decodeJSONLD(s string) (any, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "<!--")
	s = strings.TrimSuffix(s, "-->")
	s = strings.TrimPrefix(strings.TrimSpace(s), "//<![CDATA[")
	s = strings.TrimSuffix(strings.TrimSpace(s), "//]]>")
	var v any
	if err := json.Unmarshal([]byte(s), &v); err == nil {
		return v, true
	}
	// Raw newlines and tabs inside strings are the most common fault of hand-built JSON-LD.
	if err := json.Unmarshal(escapeControls(s), &v); err == nil {
		return v, true
	}
	return nil, false
}

// escapeControls replaces control characters inside JSON strings by spaces.
func escapeControls(s string) []byte {
	b := []byte(s)
	in, esc := false, false
	for i, c := range b {
		switch {
		case esc:
			esc = false
		case in && c == '\\':
			esc = true
		case c == '"':
			in = !in
		case in && c < 0x20:
			b[i] = ' '
		}
	}
	return b
}

// maxLDDepth bounds the walk over nested JSON-LD.
const maxLDDepth = 8

func (ld *linkedData) visit(v any, depth int) {
	if depth > maxLDDepth {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			ld.visit(x, depth+1)
		}
	case map[string]any:
		if g, ok := v["@graph"]; ok {
			ld.visit(g, depth+1)
		}
		if ld.anyPublished == "" {
			ld.anyPublished = strings.TrimSpace(ldString(v["datePublished"]))
		}
		switch kind := ldKind(v["@type"]); kind {
		case ldArticle:
			ld.article(v)
		case ldSite:
			if ld.siteName == "" {
				ld.siteName = ldString(v["name"])
			}
		case ldOrganization:
			if ld.siteName == "" {
				ld.siteName = ldName(v)
			}
		}
	}
}

func (ld *linkedData) article(v map[string]any) {
	set := func(dst *string, val string) {
		if *dst == "" {
			*dst = strings.TrimSpace(val)
		}
	}
	set(&ld.headline, ldString(v["headline"]))
	set(&ld.headline, ldString(v["name"]))
	set(&ld.published, ldString(v["datePublished"]))
	set(&ld.published, ldString(v["dateCreated"]))
	set(&ld.publisher, ldName(v["publisher"]))
	set(&ld.body, ldString(v["articleBody"]))
	set(&ld.url, ldString(v["url"]))
	if m, ok := v["mainEntityOfPage"].(map[string]any); ok {
		set(&ld.url, ldString(m["@id"]))
	}
	set(&ld.lang, ldString(v["inLanguage"]))
	set(&ld.authors, ldNames(v["author"]))
}

// ldNames reads the names of one or several JSON-LD people or organisations, joined by ", ".
func ldNames(v any) string {
	list, ok := v.([]any)
	if !ok {
		return ldName(v)
	}
	var names []string
	for _, x := range list {
		if n := ldName(x); n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

type ldType int

const (
	ldOther ldType = iota
	ldArticle
	ldSite
	ldOrganization
)

// ldKind classifies an @type value, which may be a string or a list of strings.
func ldKind(t any) ldType {
	switch t := t.(type) {
	case string:
		switch {
		case strings.HasSuffix(t, "Article"), strings.HasSuffix(t, "BlogPosting"), t == "Report":
			return ldArticle
		case t == "WebSite":
			return ldSite
		case t == "Organization", t == "NewsMediaOrganization":
			return ldOrganization
		}
	case []any:
		for _, x := range t {
			if k := ldKind(x); k != ldOther {
				return k
			}
		}
	}
	return ldOther
}

// ldString reads a JSON-LD text value: a string, the first of a list, or an object's @value.
func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		for _, x := range v {
			if s := ldString(x); s != "" {
				return s
			}
		}
	case map[string]any:
		return ldString(v["@value"])
	}
	return ""
}

// ldName reads the name of a JSON-LD object, or of the first object of a list.
func ldName(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		return strings.TrimSpace(ldString(v["name"]))
	case []any:
		for _, x := range v {
			if s := ldName(x); s != "" {
				return s
			}
		}
	}
	return ""
}
