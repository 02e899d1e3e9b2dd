// Package sqlite is the embedded dossier store: one SQLite file in WAL mode, with FTS5
// full-text indexes over article texts and quotes, and a schema that upgrades itself in place.
//
// # Driver
//
// The driver is modernc.org/sqlite, SQLite translated to pure Go: the dossier binary stays one
// static executable with no C toolchain (mattn/go-sqlite3 needs cgo), and FTS5 is built in. It
// was measured against github.com/ncruces/go-sqlite3 (SQLite compiled to WebAssembly, run by
// wazero, FTS5 registered as an extension) on the same machine (2 cores), storing 3,000
// synthetic 500-word articles, each in its own transaction, into a table and an
// external-content FTS5 index, then running 200 two-word bm25-ranked queries with snippet():
//
//	driver                      inserts/s   query p50   query p95
//	modernc.org/sqlite v1.62.0     2,270     1.30 ms     2.37 ms
//	ncruces/go-sqlite3 v0.37.0     1,780     1.72 ms     2.98 ms
//
// modernc was faster at both, by about a quarter, and needs no extension registration.
//
// # Layout
//
// The schema is the ordered list of migrations/NNN_*.sql, embedded; the schema version is kept
// in the header (user_version) and in a migrations table. The header's application_id marks
// the file as dossier's, so another program's database, a text file or random bytes are refused
// before anything is written. Texts are stored once per content hash; the full-text indexes are
// external-content tables that read the text through views, so no text is stored twice; an
// article's analysis is kept as zstd-compressed JSON from which every copy of the text (quote
// texts, evidence, time expressions) is cut out and restored from its span on reading.
//
// Each article is stored in one transaction (BEGIN IMMEDIATE) with its story, actors, quotes
// and index entries: a process killed at any moment leaves every committed article whole and
// nothing of the one it was writing.
package sqlite
