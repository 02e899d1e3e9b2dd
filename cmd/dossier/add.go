package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/dossier-news/dossier/store"
	"github.com/dossier-news/dossier/store/sqlite"
)

// addCommand stores and analyses articles, skipping what the store already has.
type addCommand struct {
	*Main
}

func (c *addCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("add", "[flags] PATH|URL|- ...")
	dbPath := fs.String("db", "", "database `file` (default $DOSSIER_DB, else the user's data directory: $XDG_DATA_HOME/dossier/dossier.db or ~/.local/share/dossier/dossier.db)")
	example := fs.Bool("example", false, "add the built-in example corpus")
	verbose := fs.Bool("v", false, "print one line per document on stdout: status, article id, story id, source")
	in := c.ingestFlags(fs)
	workers := fs.Int("workers", 0, "documents extracted and analysed at once (0: one per CPU)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 && !*example {
		fs.Usage()
		return usageError{"no input given (a path, a URL, - for stdin, or --example)"}
	}
	if *workers < 0 {
		return usageError{fmt.Sprintf("--workers must not be negative, got %d", *workers)}
	}
	path, err := databasePath(*dbPath)
	if err != nil {
		return err
	}
	docs, err := c.documents(ctx, in, *example, fs.Args())
	if err != nil {
		return err
	}

	start := time.Now()
	db, err := sqlite.Open(ctx, path, sqlite.Options{Logger: c.logger()})
	if err != nil {
		return err
	}
	defer db.Close()
	adder, err := store.NewAdder(ctx, db, store.AdderOptions{Workers: *workers, Logger: c.logger()})
	if err != nil {
		return err
	}
	var n addCounts
	err = adder.AddDocuments(ctx, docs, func(r store.Result) {
		n.count(r)
		if r.Err != nil {
			fmt.Fprintf(c.Stderr, "error: %v\n", r.Err)
			return
		}
		if *verbose {
			fmt.Fprintf(c.Stdout, "%s\t%s\t%s\t%s\n", r.Status, r.ID, r.Story, r.Source)
		}
	})
	if cerr := adder.Close(ctx); err == nil {
		err = cerr
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Stderr, "dossier: %s in %s: %d new, %s, %d already stored, %d failed; %d analysed (%s)\n",
		plural(n.docs, "document"), path, n.added, plural(n.versions, "new version"), n.duplicates, n.failed, n.analysed,
		roundDuration(time.Since(start)))
	if n.failed > 0 {
		return errInputsFailed
	}
	return nil
}

// databasePath is the --db flag, else $DOSSIER_DB, else the default under the data directory.
func databasePath(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if env := os.Getenv("DOSSIER_DB"); env != "" {
		return env, nil
	}
	return store.DefaultPath()
}

// addCounts sums the results of an add.
type addCounts struct {
	docs, added, versions, duplicates, failed, analysed int
}

func (n *addCounts) count(r store.Result) {
	n.docs++
	if r.Analysed {
		n.analysed++
	}
	switch {
	case r.Err != nil:
		n.failed++
	case r.Status == store.New:
		n.added++
	case r.Status == store.Version:
		n.versions++
	case r.Status == store.Duplicate:
		n.duplicates++
	}
}
