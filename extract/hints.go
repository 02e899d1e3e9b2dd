package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hint is what an element's class, id, role and itemprop say about its content.
type hint uint16

const (
	// hintContent: words that name article text (article, story, body, content, entry, post).
	hintContent hint = 1 << iota
	// hintBody: the article body itself (itemprop=articleBody, "article-body", "entry-content").
	hintBody
	// hintNegative: words that name boilerplate; the finer kinds below come with it.
	hintNegative
	// hintComments: reader comments.
	hintComments
	// hintChrome: share bars, related stories, newsletters, menus, sidebars: pruned wherever found.
	hintChrome
	// hintMeta: bylines, datelines, captions, tags and other labels around the text.
	hintMeta
	// hintNever: comments, cookie notices, pop-ups, footers: never the article, whatever they hold.
	hintNever
	// hintLead: a standfirst or summary paragraph set apart from the body.
	hintLead
	// hintEmbed: embedded posts (tweets, Instagram) that articles quote; other words on the same
	// element ("social-media-embed") do not make them boilerplate.
	hintEmbed
)

// hintOf classifies an element by its class, id, role and itemprop attributes.
func hintOf(n *html.Node) hint {
	var h hint
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id":
			h |= wordsHint(a.Val)
		case "itemprop":
			switch strings.ToLower(a.Val) {
			case "articlebody", "reviewbody", "text", "blogpost":
				h |= hintBody | hintContent
			}
		case "role":
			switch a.Val {
			case "main", "article":
				h |= hintContent
			case "navigation", "complementary", "contentinfo", "banner", "menu", "menubar", "dialog", "alertdialog", "search", "toolbar":
				h |= hintNegative | hintChrome
			}
		}
	}
	switch n.DataAtom {
	case atom.Html, atom.Body:
		// Page-level classes describe the template ("has-sidebar", "single-post"), not content.
		return 0
	}
	return h
}

// wordsHint reads a class or id value class by class, and each class word by word:
// "article__body", "relatedStories" and "share-bar" are split at anything that is not a letter or
// digit, and long words are also searched for the stems that compound names hide
// ("socialshare", "newsletterSignup").
func wordsHint(v string) hint {
	var h hint
	var buf [64]byte
	for _, class := range strings.Fields(v) {
		if len(class) > len(buf) {
			continue
		}
		lc := buf[:len(class)]
		for j := 0; j < len(class); j++ {
			c := class[j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			lc[j] = c
		}
		h |= classHint(string(lc))
	}
	if h&hintBody != 0 {
		h |= hintContent
	}
	return h
}

// classHint classifies one lowercase class name.
func classHint(class string) hint {
	switch class {
	case "hidden", "hide", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "tag",
		"category", "label":
		// Whole class names only: "hidden-xs" is a responsive variant and WordPress marks every
		// post with "tag-…" and "category-…".
		return hintNegative | hintMeta
	case "twitter-tweet", "instagram-media", "tiktok-embed":
		return hintEmbed
	}
	var h hint
	var subject, part bool
	start := -1
	for i := 0; i <= len(class); i++ {
		var c byte
		if i < len(class) {
			c = class[i]
		}
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start < 0 {
			continue
		}
		w := class[start:i]
		start = -1
		h |= wordHint(w)
		switch w {
		case "article", "story", "post", "entry", "blog", "news":
			subject = true
		case "body", "content", "text", "copy":
			part = true
		}
	}
	if subject && part {
		h |= hintBody
	}
	return h
}

// wordHint classifies one lowercase class or id word.
func wordHint(w string) hint {
	switch w {
	case "article", "story", "content", "entry", "post", "body", "main", "prose", "articletext",
		"storytext", "posttext", "blogpost":
		return hintContent
	case "articlebody", "storybody", "postbody", "entrycontent", "articlecontent", "storycontent",
		"postcontent", "bodytext", "contentbody", "richtext", "articlecopy":
		return hintBody
	case "embed", "embedded", "tweet":
		return hintEmbed
	case "summary", "standfirst", "dek", "lede", "intro", "excerpt", "subtitle", "deck":
		return hintLead
	case "comment", "comments", "commentlist", "disqus", "replies", "respond", "discussion", "conversation":
		return hintNegative | hintComments | hintNever
	case "footer", "cookie", "cookies", "consent", "gdpr", "popup":
		return hintNegative | hintChrome | hintNever
	case "share", "sharing", "social", "sharebar", "related", "recommended", "recommendations", "popular",
		"trending", "newsletter", "subscribe", "subscription", "signup", "promo", "nav", "navbar",
		"navigation", "breadcrumb", "breadcrumbs", "masthead", "ad", "ads", "advert", "advertisement",
		"adslot", "dfp", "gpt", "sponsor", "sponsored", "outbrain", "taboola", "pagination", "pager",
		"toolbar", "follow", "readmore", "login", "register", "modal", "sidebar", "rail", "widget", "widgets", "menu",
		"overlay", "paywall", "cta", "banner", "teaser", "teasers", "more", "next", "prev", "previous",
		"topics", "print", "email", "tools":
		return hintNegative | hintChrome
	case "byline", "author", "authors", "dateline", "timestamp", "caption", "credit", "credits", "tags",
		"bio", "avatar", "disclaimer", "copyright", "date", "time", "published", "meta", "metadata",
		"categories", "kicker", "eyebrow":
		return hintNegative | hintMeta
	}
	if len(w) < 7 {
		return 0
	}
	chromeStems := [...]string{"share", "social", "related", "recommend", "newsletter", "subscri", "promo",
		"breadcrumb", "advert", "sponsor", "outbrain", "taboola", "popular", "trending", "signup",
		"navigation", "pagination", "sidebar", "widget", "paywall"}
	metaStems := [...]string{"byline", "caption", "author", "dateline", "timestamp"}
	bodyStems := [...]string{"articlebody", "storybody", "postbody", "entrycontent", "articlecontent",
		"storycontent", "postcontent", "bodytext", "articletext", "storytext"}
	for _, s := range chromeStems {
		if strings.Contains(w, s) {
			return hintNegative | hintChrome
		}
	}
	if strings.Contains(w, "comment") {
		return hintNegative | hintComments | hintNever
	}
	for _, s := range metaStems {
		if strings.Contains(w, s) {
			return hintNegative | hintMeta
		}
	}
	for _, s := range bodyStems {
		if strings.Contains(w, s) {
			return hintBody
		}
	}
	return 0
}
