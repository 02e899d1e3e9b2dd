package server

import (
	"context"
	"errors"
	"fmt"

	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/store"
)

// LoadExample adds the built-in example corpus (package examples) through a and returns how
// many articles it stored. `dossier serve --example` and the browser test serve a store filled
// this way, so both go through the same code.
func LoadExample(ctx context.Context, a Adder) (int, error) {
	docs := ingest.New(ingest.Options{}).ReadFS(ctx, examples.Corpus(), ".")
	var failed []error
	stored := 0
	err := a.AddDocuments(ctx, docs, func(r store.Result) {
		switch {
		case r.Err != nil:
			failed = append(failed, r.Err)
		case r.Status != store.Duplicate:
			stored++
		}
	})
	if err != nil {
		return stored, fmt.Errorf("load the example corpus: %w", err)
	}
	if len(failed) > 0 {
		return stored, fmt.Errorf("load the example corpus: %w", errors.Join(failed...))
	}
	return stored, nil
}
