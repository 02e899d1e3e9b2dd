package dossier

import "time"

// Span is a half-open byte range [Start, End) into an Article's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len reports the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Format says how a Document's body is written.
type Format string

// Document formats that ingest recognises. Feeds, JSON Lines and WARC are containers: ingest opens
// them and yields one Document per item, each with one of these formats.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
)

// Meta is what a source says about an article besides its body: from a feed item, a JSON Lines
// record, a WARC header, a sidecar NAME.meta.json or HTTP headers. Extraction fills what is empty
// from the body itself and never overrides a value given here.
type Meta struct {
	Title     string    `json:"title,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Lang      string    `json:"lang,omitempty"`
}

// Document is one article as ingested: its body as UTF-8 bytes and where it came from.
type Document struct {
	// Source names where the document came from so that a person can find it again: a file path,
	// a URL, "-" for stdin, or a container path with the item, as in "feed.xml#3" or "crawl.warc.gz#17".
	Source string
	Format Format
	// Body is the document's content, decoded to UTF-8 (legacy charsets converted by ingest).
	Body []byte
	Meta Meta
}

// Heading is a section label kept as structure ("Executive Summary", "Analysis"): its text sits in
// Article.Text as a paragraph of its own, and Span marks it so that later stages skip it as a sentence.
type Heading struct {
	Text string `json:"text"`
	Span
}

// Article is a Document after extraction: clean main text with its metadata. Text is NFC-normalised,
// paragraphs are separated by a blank line ("\n\n"), and everything that was taken out as
// boilerplate is kept verbatim in Removed.
type Article struct {
	// ID identifies this article in a run and a store: a prefix of the hex SHA-256 of its URL (or
	// Source when it has none) and Text, so a changed version of a page gets a new ID.
	ID string
	// Hash is the hex SHA-256 of Text: articles with equal hashes are exact duplicates.
	Hash      string
	Source    string
	Title     string
	Subtitle  string
	Outlet    string
	Byline    string // the authors as the byline names them, without its "By" ("Jane Roe, Reuters")
	URL       string
	Published time.Time
	Lang      string
	Text      string
	Headings  []Heading
	Removed   []string
}

// Evidence is the span of an article's text that supports a finding, with the text it covers so
// that a reader of the finding alone can check it.
type Evidence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// EvidenceOf returns the evidence for span s of text.
func EvidenceOf(text string, s Span) Evidence {
	return Evidence{Start: s.Start, End: s.End, Text: text[s.Start:s.End]}
}

// Actor refers to an entity by the name the article uses; Entity is the entity's ID, or "" when
// the name is not one the article's entities know.
type Actor struct {
	Name   string `json:"name"`
	Entity string `json:"entity"`
}
