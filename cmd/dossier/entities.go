package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/entity"
	"github.com/dossier-news/dossier/pipeline"
)

// entitiesCommand lists the actors of a set of articles, resolved across them.
type entitiesCommand struct {
	*Main
}

func (c *entitiesCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("entities", "[flags] PATH|URL|- ...")
	format := fs.String("format", "text", "output `format`: text (a table) or json (one actor per line)")
	example := fs.Bool("example", false, "read the built-in example corpus")
	in := c.ingestFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "json" && *format != "text" {
		return usageError{fmt.Sprintf("unknown format %q (want text or json)", *format)}
	}
	if fs.NArg() == 0 && !*example {
		fs.Usage()
		return usageError{"no input given (a path, a URL, - for stdin, or --example)"}
	}
	docs, err := c.documents(ctx, in, *example, fs.Args())
	if err != nil {
		return err
	}
	var found []entity.Doc
	collect := func(r *analyze.Record) error {
		if r.DuplicateOf != "" {
			return nil // the same article again adds no mentions
		}
		d := entity.Doc{Article: r.ID, Outlet: r.Outlet}
		for _, e := range r.Entities {
			d.Entities = append(d.Entities, entity.Entity{ID: e.ID, Name: e.Name, Type: e.Type, Aliases: e.Aliases, Roles: e.Roles, Actor: e.Actor, Mentions: e.Mentions})
		}
		found = append(found, d)
		return nil
	}
	p := pipeline.New(pipeline.Config{})
	failed := 0
	if err := p.Run(ctx, docs, collect, func(err error) { failed++; fmt.Fprintf(c.Stderr, "error: %v\n", err) }); err != nil {
		return err
	}
	actors := entity.Resolve(found)
	if *format == "json" {
		enc := json.NewEncoder(c.Stdout)
		for _, a := range actors {
			if err := enc.Encode(actorJSON(a)); err != nil {
				return fmt.Errorf("write actors: %w", err)
			}
		}
	} else {
		tw := tabwriter.NewWriter(c.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "name\ttype\tarticles\toutlets\tmentions\tstands for\taliases\troles")
		for _, a := range actors {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\t%s\t%s\n", a.Name, a.Type, a.Articles, a.Outlets, a.Mentions, a.Actor, strings.Join(a.Aliases, "; "), strings.Join(a.Roles, "; "))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if failed > 0 {
		return errInputsFailed
	}
	return nil
}

// actorJSONLine is an actor as `dossier entities --format json` writes it.
type actorJSONLine struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Roles    []string `json:"roles"`
	Actor    string   `json:"actor"`
	Articles int      `json:"articles"`
	Outlets  int      `json:"outlets"`
	Mentions int      `json:"mentions"`
}

func actorJSON(a entity.Actor) actorJSONLine {
	return actorJSONLine{a.ID, a.Name, a.Type, a.Aliases, a.Roles, a.Actor, a.Articles, a.Outlets, a.Mentions}
}
