package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"
)

// migrationFiles are the schema's history, one file per step, named NNN_what.sql and applied in
// order. A step is never edited once released: a change is a new file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one step of the schema's history.
type migration struct {
	version int
	name    string
	sql     string
}

// schema returns the ordered history in migrationFiles; the schema version of a database is the
// number of steps applied to it.
func schema() ([]migration, error) { return loadMigrations(migrationFiles) }

func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var ms []migration
	for i, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		num, rest, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %s: want the name %03d_what.sql", name, i+1)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: strings.TrimSuffix(rest, ".sql"), sql: string(b)})
	}
	return ms, nil
}

// migrate brings the schema up to date, one transaction per step, so that an interrupted
// upgrade leaves the database at the last complete step. The version is kept in the header
// (user_version, read before anything is written) and each step in the migrations table, with
// the time it was applied.
func (db *DB) migrate(ctx context.Context, migrations []migration) error {
	// Pages of 16 KiB hold several compressed records and texts each, where pages of 4 KiB (the
	// default) hold one and waste the rest. The size only takes on a new database, before WAL
	// mode (in which readers never wait for the writer) is set.
	if _, err := db.w.ExecContext(ctx, `PRAGMA page_size = 16384`); err != nil {
		return fmt.Errorf("set page size: %w", classify(err))
	}
	if _, err := db.w.ExecContext(ctx, `PRAGMA journal_mode = WAL`); err != nil {
		return fmt.Errorf("set journal mode: %w", classify(err))
	}
	var version int
	if err := db.w.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", classify(err))
	}
	for _, m := range migrations[min(version, len(migrations)):] {
		err := db.write(ctx, func(tx *sql.Tx) error {
			// Another process may have migrated while this one waited for the lock.
			var now int
			if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&now); err != nil {
				return err
			}
			if now >= m.version {
				return nil
			}
			if m.version == 1 {
				if _, err := tx.ExecContext(ctx, `CREATE TABLE migrations (
					version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied INTEGER NOT NULL)`); err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, applicationID)); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (version, name, applied) VALUES (?, ?, ?)`,
				m.version, m.name, time.Now().Unix()); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, m.version))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate schema to %d (%s): %w", m.version, m.name, err)
		}
		db.log.Info("migrated schema", "version", m.version, "name", m.name)
	}
	return nil
}
