// Package sqlite is the embedded dossier store: one SQLite file in WAL mode, with an FTS5
// full-text index over article titles and texts, and a schema that upgrades itself in place.
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
// the file as dossier's, so that another program's database, a text file or random bytes are
// refused before anything is written (store.ErrNotDossier). Pages are 16 KiB, so that
// compressed texts and records pack several to a page.
//
// Texts are stored once per content hash, compressed with zstd; only the program reads them.
// The full-text index is contentless: it keeps no copy of the text, answers which articles
// match and how well (bm25, a title match weighing four times a text match), and the program
// cuts snippets from the stored text with store.Query.Snippet. An article's analysis is kept as
// zstd-compressed JSON from which every copy of the text (quote texts, evidence, time
// expressions) is cut out and restored from its span when read; the text is the compressor's
// dictionary, so what the analysis quotes without a span (summaries, cues, names) costs a
// back-reference. Quotes are rows of spans and
// speakers; a quote search runs the query over articles and matches each quote of the best
// articles word for word (store.Query.Match).
//
// Each article is stored in one transaction (BEGIN IMMEDIATE) with its story, actors, quotes
// and index entry, or with others in one batch (PutBatch): a process killed at any moment
// leaves every committed article whole and nothing of those it was writing. synchronous=NORMAL
// keeps commits across a killed process; only a power cut can take back the last ones.
//
// # Search
//
// A filter that names few articles (an actor, a speaker, an issue, a story or a date range
// holding at most 2,000) leads: the index is asked about each of those articles, and matches
// come newest first with Rank 0, since bm25 would read a term's whole posting list once per
// article asked about. Otherwise the index leads and bm25 ranks the newest 2,000 matches (a
// term in most of a large archive tells little about relevance, and scoring every match of it
// would take longer than a search may). A date range also bounds the rowids the index reads;
// when its articles were stored close together (their rowids span at most 20 times their
// number) the index leads within that span and the range filters, which is cheaper than
// asking about each article.
//
// # Measured
//
// The 100,000-article figures below were measured before three later changes: statement
// journals in memory with a 32 MiB page cache, the text as the records' dictionary, and date
// ranges read within their rowids. The same benchmark at 5,000 articles, before and after them:
// 8,190 and 7,734 bytes per article beyond the text; search p95 46.5 and 14.3 ms (the date
// range 47 and 7 ms). Repeated at 100,000 articles after them: 7,914 bytes per article beyond
// the text, search p50 16 ms and p95 73 ms, restoring the clusterer 1.35 s. There the synthetic
// dates wrap around every 8,800 articles, so a date range spans most rowids and still leads.
//
// BenchmarkStore with -store.articles=100000 (synthetic articles varied from the example corpus,
// text 2.5 KB each; 2 cores shared with other work, so wall times also count waiting for a core
// and, when the page cache is cold, for the disk):
//
//	filling, one transaction per article (Adder.Add)   230 articles/s
//	file                                               1,080 MB, 8.3 KB per article beyond its text
//	restoring the clusterer (NewAdder)                 1.3 s of CPU (1.3 to 4 s wall)
//	search, 17 queries and filters                     p50 15 ms, p95 69 ms (CPU time alike)
//	a story's records (Records, 8 articles)            1 to 3 ms
//	a page of stories, articles, quotes or actors      1 to 3 ms
//
// Per article beyond its text, in bytes: analysis records 3,187 (2,800 compressed, the rest
// page slack), full-text index 1,946, compressed texts 1,498 (the text is 2,509), clusterer
// snapshot 993, quotes 541, actors with their mentions, roles and indexes 1,241, articles and
// their indexes about 350. The 3 KB goal is not met: the example corpus is analysis-dense (13 KB
// of JSON per 2.5 KB text before compression; real election articles of 4.7 KB compress to
// 2.2 KB). The next gains would come from a binary encoding of the analysis and from dropping
// positions from the index (detail=column, with phrases checked by the program).
//
// The slowest searches are date ranges on this synthetic archive, whose dates do not follow
// the order articles were stored in (78 ms of CPU); unfiltered queries take 16 to 36 ms of CPU.
//
// BenchmarkAddVsAnalyze (fresh plain-text and Markdown documents of the example corpus, 2
// cores): `add` stores 687 documents/s where `analyze` writes 1,200 (0.57 of it, the goal being
// 0.8); after the changes above, 0.55 to 0.64 over several runs on a machine shared with other
// work (analyze 1,030 to 1,190 documents/s, add 660 to 666). Analysis costs 1.9 ms of CPU per
// document; storing one (clustering, about 60 statements, compression, its share of a batch's
// commit) about 1 ms more on the one writing goroutine.
package sqlite
