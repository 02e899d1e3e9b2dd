package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/dossier-news/dossier/ner"
)

// tagCommand runs the name tagger over tokenized text.
type tagCommand struct {
	*Main
}

func (c *tagCommand) Run(_ context.Context, args []string) error {
	fs := c.newFlagSet("tag", "[flags] FILE|-")
	format := fs.String("format", "conll", "input and output `format`: conll (one token per line, its tag appended)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "conll" {
		return usageError{fmt.Sprintf("unknown format %q (want conll)", *format)}
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageError{"tag takes one file, or - for stdin"}
	}
	var in io.Reader = c.Stdin
	if name := fs.Arg(0); name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("open input: %w", err)
		}
		defer f.Close()
		in = f
	}
	m, err := ner.Default()
	if err != nil {
		return err
	}
	return m.TagCoNLL(in, c.Stdout)
}
