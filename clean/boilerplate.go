package clean

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Boilerplate is recognised per block with cheap checks, and only on short blocks: a body
// paragraph is long, and the labels, buttons and footers that pages wrap around it are short.
const (
	shortBytes   = 400 // a block longer than this is never a label, button or footer
	shortWords   = 40  // nor is one with more words
	noticeWords  = 120 // a cookie notice can run longer than a label, but not much
	appealWords  = 150 // a paragraph of an appeal is rarely longer
	noticeMarker = "ookie"
)

// shortKind classifies one short block by its own text.
type shortKind uint8

const (
	shortNone       shortKind = iota
	shortJunk                 // boilerplate on its own: labels, buttons, credits, footers
	shortLinkList             // a label that introduces links to other stories ("Related", "Read more")
	shortPrevNext             // "Previous" / "Next": followed by exactly one other story's headline
	shortAppealHead           // opens an appeal ("A Message from …:", "Dear readers,"); removed only with one
)

// classify looks at a normalised block.
func classify(p *para) shortKind {
	if p.words <= shortWords && len(p.text) <= shortBytes {
		return classifyShort(p)
	}
	// Only a cookie notice is longer, and it always names cookies: one cheap search first.
	if p.words <= noticeWords && strings.Contains(p.text, noticeMarker) && blockPhrases.junk(p.phrases()) {
		return shortJunk
	}
	return shortNone
}

// classifyShort looks at a normalised block of at most shortWords words and shortBytes bytes.
func classifyShort(p *para) shortKind {
	lower := p.lowerText()
	label := labelOf(lower)
	if label == "" {
		// Only symbols, bullets or arrows: a decoration, not prose.
		return shortJunk
	}
	if isPrevNext(label) {
		return shortPrevNext
	}
	switch label {
	case "related", "related articles", "related stories", "related content", "related news",
		"related coverage", "related topics", "read more", "read also", "also read", "see also",
		"more stories", "more news", "more on this story", "more on this topic", "recommended",
		"recommended for you", "recommended stories", "most read", "most popular", "most viewed",
		"trending", "trending now", "you may also like", "you might also like", "popular",
		"latest news", "latest stories", "editor's picks", "editors' picks", "top stories",
		"further reading", "in other news", "читайте также", "читайте також", "смотрите также",
		"дивіться також", "lesen sie auch", "mehr zum thema", "lire aussi", "à lire aussi",
		"lea también", "lee también", "leggi anche", "leia também":
		return shortLinkList
	case "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content",
		"paid content", "promoted", "partner content", "story continues below advertisement",
		"article continues below advertisement", "continue reading below", "article continues below",
		"story continues below", "skip advert", "skip ad", "ad feedback", "scroll to continue",
		"share", "share this", "share this article", "share this story", "share this post",
		"share this page", "share article", "share story", "share on facebook", "share on twitter",
		"share on x", "share on linkedin", "share on whatsapp", "share via email", "share via",
		"tweet", "email", "e-mail", "print", "copy link", "link copied", "copy url", "comments",
		"show comments", "view comments", "leave a comment", "add a comment", "comment",
		"facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "reddit", "pinterest",
		"flipboard", "messenger", "bluesky", "threads", "mastodon", "vk", "instagram", "youtube",
		"subscribe", "subscribe now", "subscribe today", "sign up", "sign in", "log in", "login",
		"register", "donate", "donate now", "donate today", "support us", "support us now",
		"contribute", "contribute now", "give now", "join now", "join us", "become a member",
		"become a subscriber", "make a donation", "make a contribution", "remind me later",
		"maybe later", "not now", "no thanks", "no, thanks", "close", "dismiss", "menu",
		"search", "home", "back to top", "top", "skip to content", "skip to main content",
		"skip navigation", "loading", "show more", "load more", "see more", "view more",
		"continue reading", "read full article", "read the full article", "read full story",
		"read the full story", "listen", "listen to this article", "listen to article",
		"play", "watch", "watch video", "video", "audio", "gallery", "photos", "view gallery",
		"enlarge", "enlarge image", "expand", "toggle caption", "hide caption", "image",
		"follow us", "follow", "newsletter", "newsletters", "sign up for our newsletter",
		"subscribe to our newsletter", "get our newsletter", "tags", "topics", "categories",
		"filed under", "all rights reserved", "privacy policy", "cookie policy", "cookie settings",
		"manage cookies", "accept", "accept all", "accept cookies", "terms of use",
		"terms of service", "terms and conditions", "contact us", "about us", "back", "next page",
		"previous page", "want more", "don't miss", "print this article", "save", "save article", "bookmark", "report an error",
		"report a correction", "feedback",
		// The same labels in the languages Lang knows best.
		"реклама", "поделиться", "поділитися", "подписаться", "підписатися", "werbung", "anzeige",
		"teilen", "artikel teilen", "publicité", "partager", "publicidad", "compartir", "pubblicità",
		"condividi", "publicidade", "partilhar", "compartilhar":
		return shortJunk
	}
	if p.words <= 25 && hasJunkPrefix(lower) {
		return shortJunk
	}
	found := p.phrases()
	if blockPhrases.junk(found) {
		return shortJunk
	}
	if p.words <= 12 && !hasQuote(p.text) && !blockPhrases.reportsSpeech(found) {
		for _, h := range appealHeads {
			if strings.HasPrefix(lower, h) {
				return shortAppealHead
			}
		}
		if blockPhrases.appealScore(found) >= 4 {
			return shortJunk
		}
	}
	return shortNone
}

// labelOf reduces a lowercased block to its words: leading and trailing symbols (arrows, bullets,
// colons, pipes) are cut, so that "« Previous", "Related:" and "SHARE ▸" are their label.
func labelOf(lower string) string {
	return strings.TrimFunc(lower, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// isPrevNext reports navigation between stories: "Previous", "Next", "Next article",
// "Previous Previous" (the label of a link and of its icon), "Older posts".
func isPrevNext(label string) bool {
	if len(label) > 40 {
		return false
	}
	direction := false
	for w := range strings.FieldsSeq(label) {
		switch strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) {
		case "previous", "prev", "next", "older", "newer":
			direction = true
		case "article", "articles", "post", "posts", "story", "stories", "entry", "page", "item", "":
		default:
			return false
		}
	}
	return direction
}

// junkPrefixes start labels, link lines and footers that carry a variable tail
// ("Read more: <headline>", "Follow us on Telegram", "© 2025 Example Media").
// Package-level tables below are read-only.
var junkPrefixes = []string{
	"read more:", "read more at", "read more about", "read more on", "read more here",
	"read also:", "also read:", "read:", "see also:", "related:", "related article:",
	"related story:", "related coverage:", "related content:", "more:", "more on this:",
	"recommended:", "watch:", "listen:", "watch video:", "watch now:", "read next:", "up next:",
	"don't miss:", "follow us on", "follow us at", "follow us:", "follow our", "find us on",
	"join us on", "like us on", "share this article", "share this story", "share on ",
	"sign up for our", "sign up to our", "sign up for free", "sign up here", "sign up now",
	"subscribe to our", "subscribe here", "subscribe now", "click here", "tap here",
	"download our app", "download the app", "get the app", "©", "(c) ", "copyright ©",
	"copyright (c)", "photo:", "photo credit", "photograph:", "photos:", "image:",
	"image credit", "picture:", "credit:", "illustration:", "video:", "tags:", "topics:",
	"filed under", "categories:", "category:", "sponsored by", "story continues below",
	"article continues below", "this story continues", "scroll down to continue",
	"continue reading", "already a subscriber", "already have an account", "you have reached your",
	"you've reached your", "we use cookies", "this site uses cookies", "this website uses cookies",
	"our site uses cookies", "our website uses cookies", "by continuing to use",
	"by continuing to browse", "by using this site", "by using our site", "reporting by",
	"editing by", "additional reporting by", "compiled by", "читайте также:", "читайте також:",
	"подписывайтесь на", "підписуйтесь на", "lesen sie auch:", "mehr zum thema:", "lire aussi:",
	"à lire aussi:", "lea también:", "lee también:", "leggi anche:", "leia também:",
}

// junkPrefixesByByte holds junkPrefixes by their first byte, so that a block is compared only
// with the few that could start it. Built once, only read.
var junkPrefixesByByte = func() (index [256][]string) {
	for _, p := range junkPrefixes {
		index[p[0]] = append(index[p[0]], p)
	}
	return index
}()

func hasJunkPrefix(lower string) bool {
	if lower == "" {
		return false
	}
	for _, p := range junkPrefixesByByte[lower[0]] {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	if rest, ok := strings.CutPrefix(lower, "copyright "); ok {
		// "Copyright 2025 …" is a footer; "Copyright law …" is prose.
		return rest != "" && rest[0] >= '0' && rest[0] <= '9'
	}
	return false
}

// junkPhrases mark footers and notices anywhere in a short block (a cookie notice may be longer).
var junkPhrases = []string{
	"all rights reserved", "cookie policy", "cookie settings", "use of cookies", "accept cookies",
	"accept all cookies", "cookie preferences", "we use cookies", "uses cookies", "use cookies and similar",
	"store and/or access information on a device", "sign up for our newsletter",
	"subscribe to our newsletter", "sign up to our newsletter", "sign up for the newsletter",
	"get our newsletter", "newsletter sign-up", "newsletter signup", "in your inbox",
	"without prior written permission", "may not be reproduced", "may not be published, broadcast",
	"reproduction in whole or in part", "enable javascript", "javascript is disabled",
	"your browser does not support",
}

// appealHeads open a reader appeal. On their own they are kept (an editor's letter may start
// "Dear readers,"); markAppeals removes them with the run of appeal paragraphs they head.
var appealHeads = []string{
	"a message from", "a note from", "a letter from", "dear reader", "dear friend",
	"dear subscriber", "dear member", "dear supporter", "before you go", "we need your help",
	"we need your support", "can you help", "help us", "support our", "support independent",
	"support quality", "support the ", "independent journalism needs",
}

// appealMarkers are the phrases reader appeals are made of, with their weight. A phrase of weight
// 2 is rare outside an appeal; one of weight 1 is common in news too and only counts in numbers.
var appealMarkers = []struct {
	phrase string
	weight int
}{
	{"please support", 2}, {"support us", 2}, {"support our", 2}, {"support independent", 2},
	{"support quality", 2}, {"donate", 2}, {"donation", 2}, {"contribution", 2},
	{"become a member", 2}, {"become a subscriber", 2}, {"subscribe", 2}, {"your support", 2},
	{"your help", 2}, {"remind me later", 2}, {"dear reader", 2}, {"a message from", 2},
	{"independent journalism", 2}, {"reader-funded", 2}, {"reader-supported", 2},
	{"funded by readers", 2}, {"chip in", 2}, {"paywall", 2}, {"free to read", 2},
	{"standing with us", 2}, {"stand with us", 2}, {"support from readers", 2},
	{"readers like you", 2}, {"every reader", 2}, {"no matter how small", 2},
	{"our work", 1}, {"our journalism", 1}, {"our reporting", 1}, {"our newsroom", 1},
	{"our staff", 1}, {"our journalists", 1}, {"our mission", 1}, {"journalism", 1},
	{"journalists", 1}, {"thank you", 1}, {"supporting", 1}, {"support", 1}, {"monthly", 1},
	{"one-time", 1}, {"free press", 1}, {"press freedom", 1}, {"we rely on", 1},
	{"our reporters", 1}, {"advertisers", 1}, {"by readers", 1},
	{"we need", 1}, {"just $", 1}, {"just €", 1}, {"just £", 1}, {"member", 1},
}

// hasQuote reports quotation marks: boilerplate does not quote anyone, news does.
func hasQuote(s string) bool {
	return strings.ContainsAny(s, "\"“”„«»‘‚")
}

// speechVerbs report speech: `Please support us, the mayor told residents.` is news about an
// appeal, not an appeal.
var speechVerbs = []string{" said", " says", " told", " tells", " according to", " asked", " urged"}

// phraseTable holds every phrase the block checks look for anywhere in a lowercased block, in
// one matcher, with what each phrase means.
type phraseTable struct {
	*phraseMatcher
	junkPhrase phraseSet        // any one marks a footer or a notice
	newsletter phraseSet        // "newsletter"
	signUp     phraseSet        // beside "newsletter", a sign-up box
	speech     phraseSet        // a verb of saying
	weight     [maxPhrases]int8 // the weight of each appeal marker, 0 for other phrases
}

// blockPhrases is built once from the tables above and only read.
var blockPhrases = buildPhraseTable()

func buildPhraseTable() *phraseTable {
	var t phraseTable
	var list []string
	id := func(phrase string) int {
		if i := slices.Index(list, phrase); i >= 0 {
			return i
		}
		list = append(list, phrase)
		return len(list) - 1
	}
	for _, p := range junkPhrases {
		t.junkPhrase.add(id(p))
	}
	// "Subscribe to the Example Post newsletter", "Get the newsletter: sign up here".
	t.newsletter.add(id("newsletter"))
	t.signUp.add(id("sign up"))
	t.signUp.add(id("subscribe"))
	for _, v := range speechVerbs {
		t.speech.add(id(v))
	}
	for _, m := range appealMarkers {
		t.weight[id(m.phrase)] += int8(m.weight)
	}
	t.phraseMatcher = newPhraseMatcher(list)
	return &t
}

// junk reports a footer's or a notice's phrase among found.
func (t *phraseTable) junk(found phraseSet) bool {
	return found.hasAny(t.junkPhrase) || (found.hasAny(t.newsletter) && found.hasAny(t.signUp))
}

// appealScore sums the weights of the appeal markers among found.
func (t *phraseTable) appealScore(found phraseSet) int {
	score := 0
	found.each(func(id int) { score += int(t.weight[id]) })
	return score
}

// reportsSpeech reports a verb of saying among found.
func (t *phraseTable) reportsSpeech(found phraseSet) bool {
	return found.hasAny(t.speech)
}

// wordCount counts the words of a normalised text (single spaces between words).
func wordCount(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, " ") + 1
}

// startsUpper reports whether s begins like a title or a label: an upper-case letter, a digit or
// an opening quote followed by one of those.
func startsUpper(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '"', '\'', '“', '‘', '«', '„', '(':
		r, _ = utf8.DecodeRuneInString(s[size:])
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.Is(unicode.Lo, r)
}
