package main

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"

	"github.com/dossier-news/dossier/brief"
	"github.com/dossier-news/dossier/server"
	"github.com/dossier-news/dossier/store"
	"github.com/dossier-news/dossier/store/sqlite"
)

// serveCommand serves a store's stories over HTTP: the JSON API and the web UI.
type serveCommand struct {
	*Main
}

func (c *serveCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("serve", "[flags]")
	db := fs.String("db", "", "database `file` (default: dossier.db under the user's data directory)")
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on")
	token := fs.String("token", "", "bearer `token` that writes (POST /api/articles) must carry (default $DOSSIER_TOKEN; none: writes are refused)")
	example := fs.Bool("example", false, "serve the built-in example corpus from a fresh store in a temporary directory")
	sentences := fs.Int("sentences", 8, "most `sentences` in each executive summary")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("serve takes no arguments, got %q (add articles with dossier add)", fs.Arg(0))}
	}
	if *example && *db != "" {
		return usageError{"--example serves a fresh temporary store: drop --db"}
	}
	log := slog.New(slog.NewTextHandler(c.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))

	path := *db
	switch {
	case *example:
		dir, err := os.MkdirTemp("", "dossier-example-")
		if err != nil {
			return fmt.Errorf("make the example store: %w", err)
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "dossier.db")
	case path == "":
		p, err := store.DefaultPath()
		if err != nil {
			return err
		}
		path = p
	}
	st, err := sqlite.Open(ctx, path, sqlite.Options{Logger: log})
	if err != nil {
		return err
	}
	defer st.Close()
	adder, err := store.NewAdder(ctx, st, store.AdderOptions{Logger: log})
	if err != nil {
		return err
	}
	// The context is done by the time the server has stopped; the last snapshot is still due.
	defer func() {
		if err := adder.Close(context.WithoutCancel(ctx)); err != nil {
			log.Warn("could not save the clusterer snapshot", "err", err)
		}
	}()
	if *example {
		n, err := server.LoadExample(ctx, adder)
		if err != nil {
			return err
		}
		log.Info("loaded the example corpus", "articles", n)
	}

	tok := cmp.Or(*token, os.Getenv("DOSSIER_TOKEN"))
	srv, err := server.New(server.Config{
		Store: st, Adder: adder, Token: tok, Logger: log,
		Brief: brief.Options{Sentences: *sentences},
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	log.Info("serving", "db", path, "url", "http://"+ln.Addr().String()+"/", "writes", tok != "")
	return srv.Run(ctx, ln)
}
