// Package store is what dossier remembers: analysed articles with their versions, the stories
// they belong to, their actors and quotes, a full-text index, and the state of the feeds a
// watcher polls.
//
// Store is the contract every backend satisfies; package store/sqlite is the embedded one (one
// file, WAL, FTS5) and a PostgreSQL backend can satisfy the same interface without its callers
// changing. All SQL stays inside the backends.
//
// # Adding articles
//
// An article is identified by where it lives (its URL, or its source when it has none) and the
// SHA-256 of its text. Adding the same pair twice stores it once; a changed text at the same
// place becomes a new version linked to the one before (Article.Previous), and the old version
// is kept. Lookup answers "have you got this?" before any analysis, so that only what is new
// is analysed: an Adder extracts each document, looks it up, analyses only new ones (in
// parallel), then files each into its story with a story.Clusterer and stores it in one
// transaction together with the story's updated summary. Stories grow in place: an article
// joins its story and nothing is re-clustered.
//
// The clusterer's state is kept in the store as a snapshot (story.Clusterer.MarshalBinary,
// written every n/20 articles, at least DefaultSnapshotEvery apart) and the articles added
// after it, so that a new process restores the clusterer by
// decoding the snapshot and replaying only the short tail, never by re-reading every text. An
// Adder also replays what other processes added since it last looked, before each write, so two
// writers on one store do not diverge.
//
// # Reading
//
// Stories lists stories with their headline, dates, size, outlets and daily activity; Records
// returns a story's analysis records in the order brief.Build wants them; Article, Actors,
// Quotes and Search serve the command line and the HTTP API. Search takes the user's words as
// they are typed: ParseQuery turns them into a backend-neutral Query that cannot break the
// full-text engine's syntax, whatever it contains. Query.Match and Query.Snippet match a text
// word for word the way the index does (letters, digits and marks; case and diacritics
// folded), for backends that cut snippets or match quotes themselves and for renderers that
// mark matches.
//
// # Where the database lives
//
// DefaultPath is the user's data directory: $XDG_DATA_HOME/dossier/dossier.db, else
// ~/.local/share/dossier/dossier.db (Unix), ~/Library/Application Support/dossier/dossier.db
// (macOS) or %LocalAppData%\dossier\dossier.db (Windows). The command line takes --db, then
// $DOSSIER_DB, then DefaultPath.
//
// # Errors
//
// Callers test conditions with errors.Is: ErrNotFound, ErrNotDossier (a file that is not a
// dossier database, which is never written to), ErrNewerSchema, ErrLocked (another writer held
// the database past the busy timeout), ErrFull (no room left on the disk) and ErrBadQuery.
// ErrLocked and ErrFull fail the one write: what was committed before stays.
package store
