package store

import (
	"context"
	"errors"
	"iter"
	"time"

	"github.com/dossier-news/dossier/analyze"
)

// Conditions callers test with errors.Is.
var (
	// ErrNotFound means no story, article or feed has the ID or URL asked for.
	ErrNotFound = errors.New("not found")
	// ErrNotDossier means the file is not a dossier database (another program's SQLite file,
	// a text file, random bytes or a damaged header). The file is left untouched.
	ErrNotDossier = errors.New("not a dossier database")
	// ErrNewerSchema means the database was written by a newer dossier whose schema this one
	// does not know; it is left untouched.
	ErrNewerSchema = errors.New("database schema is newer than this program")
	// ErrLocked means another process held the database longer than the busy timeout; nothing
	// of the failed write was kept, and everything written before it still is.
	ErrLocked = errors.New("database is locked")
	// ErrFull means the disk (or the database's size limit) is full; nothing of the failed
	// write was kept, and everything written before it still is.
	ErrFull = errors.New("database or disk is full")
	// ErrBadQuery means a search query or filter cannot be run (an empty query, a date range
	// that ends before it starts).
	ErrBadQuery = errors.New("bad query")
)

// Store keeps analysed articles, their stories and the watcher's feeds. Implementations are safe
// for concurrent use; writes are serialised.
type Store interface {
	// Lookup reports what the store holds of the article at key (its URL, or its source when it
	// has none: see Key) whose text has the given hash (analyze.Record.Hash). It is cheap, so
	// that callers analyse only what Lookup does not know.
	Lookup(ctx context.Context, key, hash string) (Known, error)
	// Put stores one analysed article and its story's new summary in one transaction: either
	// all of it is stored or none. Putting an article the store already has (same key and hash)
	// changes nothing and reports Duplicate; a new hash at a known key becomes that key's next
	// version.
	Put(ctx context.Context, e *Entry) (Put, error)
	// PutBatch stores several articles, in order, in one transaction: all of them or none.
	// Each is put as Put would; a later entry sees the earlier ones.
	PutBatch(ctx context.Context, es []*Entry) ([]Put, error)
	// Since yields the articles stored after seq, in the order they were stored, for a
	// clusterer to catch up; the iteration stops at the first error.
	Since(ctx context.Context, seq int64) iter.Seq2[Stored, error]
	// Snapshot returns the latest saved clusterer state, or a zero Snapshot when none is saved.
	Snapshot(ctx context.Context) (Snapshot, error)
	// SaveSnapshot replaces the saved clusterer state.
	SaveSnapshot(ctx context.Context, s Snapshot) error

	// Stories lists stories, most recently active first unless q says otherwise.
	Stories(ctx context.Context, q StoryQuery) ([]Story, error)
	// Story returns one story's summary, or ErrNotFound.
	Story(ctx context.Context, id string) (Story, error)
	// Records returns the records of a story's current articles (copies included, superseded
	// versions left out) in the order brief.Build expects: by publication time when every
	// article is dated, else in the order they were stored.
	Records(ctx context.Context, storyID string) ([]*analyze.Record, error)
	// Article returns the full record of one stored article, any version, or ErrNotFound.
	Article(ctx context.Context, id string) (*analyze.Record, error)
	// Articles lists stored articles without their analysis, by publication time, newest
	// first, undated ones last.
	Articles(ctx context.Context, q ArticleQuery) ([]Article, error)
	// Versions returns every version stored at the article's key, oldest first.
	Versions(ctx context.Context, id string) ([]Article, error)
	// Actors lists the actors of the stored articles, those in most articles first.
	Actors(ctx context.Context, q ActorQuery) ([]Actor, error)
	// Quotes lists quotes by their article's publication time, newest first (undated last),
	// then in text order.
	Quotes(ctx context.Context, q QuoteQuery) ([]Quote, error)
	// Search runs a full-text query over article texts and titles and over quotes, best first.
	Search(ctx context.Context, q SearchQuery) ([]Hit, error)

	// Feed returns the watcher's state for a feed URL, or ErrNotFound.
	Feed(ctx context.Context, url string) (Feed, error)
	// Feeds returns every feed's state, the next to poll first.
	Feeds(ctx context.Context) ([]Feed, error)
	// PutFeed creates or replaces a feed's state.
	PutFeed(ctx context.Context, f Feed) error

	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// Key returns where a record lives, the first half of its identity: its URL, or its source
// when it has none (a file path).
func Key(r *analyze.Record) string {
	if r.URL != "" {
		return r.URL
	}
	return r.Source
}

// Known is what Lookup found.
type Known struct {
	// ID is the stored article with the same key and text: adding it again changes nothing.
	ID string
	// Latest is the newest version stored at the key when its text differs: an article added
	// now becomes the next version after it.
	Latest string
	// SameText is an article with the same text stored under another key (a copy), or "".
	SameText string
}

// Entry is one analysed article to store, with the story it was filed into.
type Entry struct {
	Record *analyze.Record
	// Story is the summary of the article's story after the article joined it; the store
	// replaces its copy of the story with it.
	Story Story
}

// Status says what Put did with an article.
type Status int

// What Put did.
const (
	New       Status = iota + 1 // stored, first at its key
	Version                     // stored as the next version of the article at its key
	Duplicate                   // already stored: nothing changed
)

func (s Status) String() string {
	switch s {
	case New:
		return "new"
	case Version:
		return "version"
	case Duplicate:
		return "duplicate"
	}
	return "unknown"
}

// Put is what Put did with an article.
type Put struct {
	ID     string // the stored article: the one put, or for a duplicate the one already stored
	Status Status
	// Previous is the version this one follows, for Version.
	Previous string
	// Seq orders stored articles: it grows with every article stored.
	Seq int64
}

// Stored is an article as Since yields it.
type Stored struct {
	Seq    int64
	Record *analyze.Record
}

// Snapshot is a saved clusterer state: Data is what story.Clusterer.MarshalBinary wrote after
// the article with sequence number Seq.
type Snapshot struct {
	Seq  int64
	Data []byte
}

// Story is the summary of a story.
type Story struct {
	ID    string
	Title string
	// First and Last are the earliest and latest publication times, zero when none is dated.
	First, Last time.Time
	Articles    int      // articles, copies not counted
	Copies      int      // exact and near copies of its articles
	Outlets     []string // in the order they first carried the story
	Related     []string // IDs of stories about mostly the same actors
	// Updated is when an article last joined the story.
	Updated time.Time
	// Activity counts the story's dated articles (copies included) by publication day,
	// oldest first. Stories fills it when asked; Story and Put leave it as it is.
	Activity []Day
}

// Day is a count of articles on one day (UTC midnight).
type Day struct {
	Day      time.Time
	Articles int
}

// Article is a stored article without its analysis.
type Article struct {
	ID        string
	Key       string
	Hash      string
	Source    string
	URL       string
	Outlet    string
	Title     string
	Published time.Time // zero when not known
	Story     string
	// DuplicateOf is the article this one copies, exactly or nearly, or "".
	DuplicateOf string
	// Version counts from 1 at each key; Previous and Next link the versions, "" at the ends.
	Version        int
	Previous, Next string
	Added          time.Time
	Bytes          int // length of the text
}

// Actor is one entity summed over the stored articles that name it. Actors of different
// articles are one actor when their entity IDs are equal.
type Actor struct {
	ID   string // the entity ID ("person:jane-roe")
	Name string // the name most articles give it
	Type string
	// Roles are the roles articles give it, most frequent first.
	Roles    []string
	Articles int
	Stories  int
	Quotes   int
	Mentions int
}

// Quote is one stored quote with where it comes from.
type Quote struct {
	analyze.Quote
	Article   string
	Story     string
	Outlet    string
	Title     string
	Published time.Time
}

// Hit is one search result: an article, or a quote in one.
type Hit struct {
	Kind    HitKind
	Article Article
	// Quote is the quote found, for a quote hit.
	Quote *analyze.Quote
	// Snippet is the best-matching stretch of text with the matched words marked. It is text,
	// not markup: a renderer escapes each fragment and styles the matches.
	Snippet []Fragment
	// Rank orders hits, lower first: bm25, negative, the more relevant the lower. A quote
	// ranks with its article. Backends may rank some searches by recency alone (see theirs)
	// and then give every hit Rank 0, newest first.
	Rank float64
}

// HitKind says what a search hit is.
type HitKind string

// What searches find.
const (
	HitArticle HitKind = "article"
	HitQuote   HitKind = "quote"
)

// Fragment is a piece of a snippet; Match marks the words that matched the query.
type Fragment struct {
	Text  string
	Match bool
}

// Page bounds a listing: at most Limit items (0 means the backend's default, 50) after
// skipping Offset.
type Page struct {
	Limit, Offset int
}

// StoryQuery filters and orders Stories.
type StoryQuery struct {
	Page
	// BySize orders stories by articles, largest first, instead of by latest activity.
	BySize bool
	// Since keeps stories updated at or after it, when not zero.
	Since time.Time
	// Activity asks for each story's Activity, over at most this many days back from its
	// last; 0 leaves Activity empty.
	Activity int
}

// ArticleQuery filters Articles. Empty fields do not filter.
type ArticleQuery struct {
	Page
	Story    string
	Outlet   string
	From, To time.Time // publication time range, inclusive; zero leaves the end open
	// AllVersions includes superseded versions.
	AllVersions bool
}

// ActorQuery filters Actors. Empty fields do not filter.
type ActorQuery struct {
	Page
	Story string
	Type  string
	// Name keeps actors one of whose names starts with it, ignoring case.
	Name string
}

// QuoteQuery filters Quotes. Empty fields do not filter.
type QuoteQuery struct {
	Page
	// Speaker is an entity ID, or a speaker's name as written (ignoring case).
	Speaker  string
	Story    string
	Article  string
	Outlet   string
	Kind     string // direct, partial or indirect
	From, To time.Time
}

// SearchQuery is a full-text search with filters. Empty fields do not filter.
type SearchQuery struct {
	Page
	// Query is the parsed text query; it must have at least one term.
	Query Query
	// Kinds limits the hits to articles or quotes; empty means both.
	Kinds []HitKind
	// Speaker keeps quotes by this speaker (entity ID or name) and articles that quote them.
	Speaker string
	// Actor keeps articles naming the entity (and quotes in them).
	Actor  string
	Outlet string
	// Issue keeps articles where some actor takes a position on the issue.
	Issue    string
	Story    string
	From, To time.Time
}

// Feed is the watcher's state for one feed.
type Feed struct {
	URL   string
	Title string
	// ETag and LastModified are the validators of the last successful fetch, sent back as
	// If-None-Match and If-Modified-Since.
	ETag, LastModified string
	LastPoll           time.Time // last fetch attempt
	LastOK             time.Time // last fetch that succeeded (200 or 304)
	NextPoll           time.Time
	Failures           int // consecutive failures, for backoff
	LastError          string
	Items              int // items added from this feed
}

// Stats counts what a store holds.
type Stats struct {
	Articles int // stored versions, copies included
	Current  int // articles that are the latest version at their key
	Stories  int
	Quotes   int
	Feeds    int
	Bytes    int64 // size of the database, where the backend can tell
	TextSize int64 // bytes of article text stored
}
