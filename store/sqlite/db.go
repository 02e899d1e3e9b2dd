package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/zstd"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/dossier-news/dossier/store"
)

// applicationID marks a dossier database in the SQLite header ("dsr1"), so that another
// program's database is recognised before anything is written to it.
const applicationID = 0x64737231

// header is how every SQLite 3 database file starts.
const header = "SQLite format 3\x00"

// Options configures Open. The zero value selects every default.
type Options struct {
	// BusyTimeout is how long a write waits for another process's write to finish before it
	// fails with store.ErrLocked (default 5s).
	BusyTimeout time.Duration
	// Readers is the number of connections that read at once (default 4).
	Readers int
	// Logger receives migrations and slow restores (default: discard).
	Logger *slog.Logger
}

// DB is a dossier store in one SQLite file. It is safe for concurrent use: reads run on a pool
// of connections, and writes on one connection, in transactions that take the write lock when
// they begin (BEGIN IMMEDIATE), so that two writers queue instead of failing half-way.
type DB struct {
	path   string
	w, r   *sql.DB
	log    *slog.Logger
	enc    *zstd.Encoder
	dec    *zstd.Decoder
	closed bool
	stmts  map[string]*sql.Stmt // Put's statements, prepared on w by Open, by query
	reads  map[string]*sql.Stmt // queries run per article, prepared on r by Open
	// Records are compressed with their article's text as the dictionary (see encodeRecord),
	// which changes with every record, so each encoding or decoding takes a coder of its own.
	recEnc, recDec sync.Pool
}

var _ store.Store = (*DB)(nil)

// Open opens the dossier database at path, creating it (and its directory) when it does not
// exist and upgrading its schema in place when an older dossier wrote it.
//
// A file that is not a dossier database (another program's SQLite file, a text file, random
// bytes, a damaged header) fails with store.ErrNotDossier, and one written by a newer dossier
// with store.ErrNewerSchema; in both cases nothing is written to it. A file locked by another
// writer for longer than the busy timeout fails with store.ErrLocked.
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = 5 * time.Second
	}
	if opts.Readers <= 0 {
		opts.Readers = 4
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if path == "" {
		return nil, fmt.Errorf("open store: no database path given")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("open store %s: the path must not contain ? or #", path)
	}
	migrations, err := schema()
	if err != nil {
		return nil, fmt.Errorf("open store: read schema: %w", err)
	}
	if err := check(ctx, path, len(migrations)); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("open store: create directory: %w", err)
	}

	db := &DB{path: path, log: opts.Logger}
	db.w, err = sql.Open("sqlite", dsn(path, opts, false))
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	db.w.SetMaxOpenConns(1)
	db.w.SetConnMaxIdleTime(0)
	if err := db.migrate(ctx, migrations); err != nil {
		db.w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := db.prepare(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	db.r, err = sql.Open("sqlite", dsn(path, opts, true))
	if err != nil {
		db.w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	db.r.SetMaxOpenConns(opts.Readers)
	db.r.SetMaxIdleConns(opts.Readers)
	db.reads = map[string]*sql.Stmt{}
	for _, q := range []string{sqlLookup, sqlSince} {
		s, err := db.r.PrepareContext(ctx, q)
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("open store %s: prepare: %w", path, err)
		}
		db.reads[q] = s
	}

	// Records are small JSON documents: the default level compresses them to about a fifth, and
	// better levels gain little for much more time.
	db.enc, err = zstd.NewWriter(nil, zstd.WithEncoderConcurrency(1))
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store: %w", err)
	}
	db.dec, err = zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(256<<20))
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store: %w", err)
	}
	// The fastest level: with a dictionary the encoder rebuilds its tables for every record,
	// which at the default level costs 75 µs and at this one 15 µs, for records 1% larger.
	db.recEnc.New = func() any {
		e, err := zstd.NewWriter(nil, zstd.WithEncoderConcurrency(1), zstd.WithEncoderLevel(zstd.SpeedFastest))
		if err != nil {
			return err
		}
		return e
	}
	db.recDec.New = func() any {
		d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(256<<20))
		if err != nil {
			return err
		}
		return d
	}
	return db, nil
}

// dsn returns the data source name for modernc.org/sqlite: synchronous=NORMAL, which in WAL
// mode (set once by migrate, kept in the file) means a committed transaction survives the
// process being killed at any moment; only a power cut can take back the last ones, and it never
// corrupts the file.
func dsn(path string, opts Options, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", opts.BusyTimeout.Milliseconds()))
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(0)")
	// Statement journals (an upsert's, the full-text index's savepoints) stay in memory rather
	// than in temporary files, which cost a write system call per page; and each connection
	// caches 32 MiB of pages rather than SQLite's 2 MiB, which at 16 KiB a page held only the
	// index's upper levels.
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Add("_pragma", "cache_size(-32768)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

// check refuses a file that is not a dossier database before SQLite opens it for writing: first
// by its header bytes, then, through a read-only connection (which sees what the write-ahead
// log holds too), by its application ID, or for a database without one, by its being empty.
func check(ctx context.Context, path string, known int) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	f.Close()
	switch {
	case n == 0 && (err == io.EOF || err == nil):
		return nil // an empty file is a new database
	case n < len(head) || !bytes.HasPrefix(head, []byte(header)):
		return fmt.Errorf("open store %s: %w (not an SQLite database)", path, store.ErrNotDossier)
	}

	ro, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	defer ro.Close()
	var app, version, tables int
	err = ro.QueryRowContext(ctx, `SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)`).Scan(&app, &version, &tables)
	if err != nil {
		return fmt.Errorf("open store %s: %w", path, classify(err))
	}
	switch {
	case app == 0 && tables == 0:
		return nil
	case app != applicationID:
		return fmt.Errorf("open store %s: %w (an SQLite database of another program, application id %#x)", path, store.ErrNotDossier, app)
	case version > known:
		return fmt.Errorf("open store %s: %w (schema %d, this dossier knows up to %d)", path, store.ErrNewerSchema, version, known)
	}
	return nil
}

// classify turns SQLite's result codes into the conditions store callers test.
func classify(err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return fmt.Errorf("%w: %w", store.ErrLocked, err)
	case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
		return fmt.Errorf("%w: %w", store.ErrNotDossier, err)
	case sqlite3.SQLITE_FULL:
		return fmt.Errorf("%w: %w", store.ErrFull, err)
	}
	return err
}

// Path returns the database file's path.
func (db *DB) Path() string { return db.path }

// Close checkpoints the write-ahead log into the database file and closes every connection.
func (db *DB) Close() error {
	if db.closed {
		return nil
	}
	db.closed = true
	var errs []error
	if db.r != nil {
		errs = append(errs, db.r.Close())
	}
	for _, s := range db.stmts {
		errs = append(errs, s.Close())
	}
	for _, s := range db.reads {
		errs = append(errs, s.Close())
	}
	if db.w != nil {
		// Folding the log back in leaves one file behind for a user to copy.
		_, err := db.w.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
		if err != nil && !errors.Is(classify(err), store.ErrLocked) {
			errs = append(errs, err)
		}
		errs = append(errs, db.w.Close())
	}
	if db.enc != nil {
		errs = append(errs, db.enc.Close())
	}
	if db.dec != nil {
		db.dec.Close()
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close store %s: %w", db.path, err)
	}
	return nil
}

// write runs fn in one write transaction, committed when fn returns nil and rolled back
// otherwise, with SQLite's conditions classified.
func (db *DB) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	if err := fn(tx); err != nil {
		return errors.Join(classify(err), rollback(tx))
	}
	if err := tx.Commit(); err != nil {
		return classify(err)
	}
	return nil
}

func rollback(tx *sql.Tx) error {
	if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return err
	}
	return nil
}

// Check runs SQLite's integrity check over the whole file and fails with store.ErrNotDossier
// and SQLite's first complaints when the file is damaged.
func (db *DB) Check(ctx context.Context) error {
	rows, err := db.r.QueryContext(ctx, `PRAGMA integrity_check(10)`)
	if err != nil {
		return fmt.Errorf("check %s: %w", db.path, classify(err))
	}
	msgs, err := collect(rows, func(row interface{ Scan(...any) error }) (string, error) {
		var s string
		return s, row.Scan(&s)
	}, "check "+db.path)
	if err != nil {
		return err
	}
	if len(msgs) != 1 || msgs[0] != "ok" {
		return fmt.Errorf("check %s: %w: %s", db.path, store.ErrNotDossier, strings.Join(msgs, "; "))
	}
	return nil
}

// txn is a write transaction whose statements are prepared once per database and reused: an
// article takes some sixty statements, and parsing them anew each time was a fifth of the work
// of storing it.
type txn struct {
	ctx context.Context
	tx  *sql.Tx
	db  *DB
}

// exec runs a statement, prepared when Open prepared it.
func (t txn) exec(query string, args ...any) (sql.Result, error) {
	if s, ok := t.db.stmts[query]; ok {
		return t.tx.StmtContext(t.ctx, s).ExecContext(t.ctx, args...)
	}
	return t.tx.ExecContext(t.ctx, query, args...)
}

// queryRow runs a query for one row, prepared when Open prepared it.
func (t txn) queryRow(query string, args ...any) *sql.Row {
	if s, ok := t.db.stmts[query]; ok {
		return t.tx.StmtContext(t.ctx, s).QueryRowContext(t.ctx, args...)
	}
	return t.tx.QueryRowContext(t.ctx, query, args...)
}

// read runs a query for one row on the readers, prepared when Open prepared it.
func (db *DB) read(ctx context.Context, query string, args ...any) *sql.Row {
	if s, ok := db.reads[query]; ok {
		return s.QueryRowContext(ctx, args...)
	}
	return db.r.QueryRowContext(ctx, query, args...)
}

// readRows runs a query on the readers, prepared when Open prepared it.
func (db *DB) readRows(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if s, ok := db.reads[query]; ok {
		return s.QueryContext(ctx, args...)
	}
	return db.r.QueryContext(ctx, query, args...)
}

// prepare prepares the statements of Put on the writer's connection. It runs in Open, before
// any transaction holds that one connection.
func (db *DB) prepare(ctx context.Context) error {
	db.stmts = map[string]*sql.Stmt{}
	for _, q := range putStatements() {
		s, err := db.w.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("prepare %.40q: %w", q, err)
		}
		db.stmts[q] = s
	}
	return nil
}
