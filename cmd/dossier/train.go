package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"time"

	"github.com/dossier-news/dossier/ner"
)

// trainCommand builds the project's statistical models from annotated data.
type trainCommand struct {
	*Main
}

func (c *trainCommand) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError{"train needs what to train: ner"}
	}
	switch args[0] {
	case "ner":
		return c.ner(ctx, args[1:])
	default:
		return usageError{fmt.Sprintf("unknown model %q (want ner)", args[0])}
	}
}

// ner trains the name tagger on CoNLL-2003 data and writes the model the ner package embeds.
func (c *trainCommand) ner(ctx context.Context, args []string) error {
	fs := c.newFlagSet("train ner", "[flags]")
	trainFile := fs.String("train", "../shared/bench/ner/train.txt", "CoNLL `file` to train on")
	devFile := fs.String("dev", "../shared/bench/ner/dev.txt", "CoNLL `file` that chooses the epoch")
	out := fs.String("out", "ner/model.gz", "write the model to this `file`")
	seed := fs.Uint64("seed", 1, "`seed` of the document order")
	epochs := fs.Int("epochs", 30, "at most this many `passes` over the training data")
	noClusters := fs.Bool("no-clusters", false, "train without word-cluster features (to measure them)")
	noGaz := fs.Bool("no-gazetteers", false, "train without gazetteer features (to measure them)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return usageError{"train ner takes no arguments"}
	}
	train, err := readCoNLL(*trainFile)
	if err != nil {
		return err
	}
	dev, err := readCoNLL(*devFile)
	if err != nil {
		return err
	}
	lx, err := ner.DefaultLexicon()
	if err != nil {
		return err
	}
	start := time.Now()
	cfg := ner.TrainConfig{
		Options:   ner.Options{NoClusters: *noClusters, NoGazetteers: *noGaz},
		Seed:      *seed,
		MaxEpochs: *epochs,
		Progress: func(epoch int, s ner.Scores) {
			fmt.Fprintf(c.Stderr, "epoch %2d  dev F1 %.2f  (%s)\n", epoch, 100*s.Overall.F1(), time.Since(start).Round(time.Second))
		},
	}
	res, err := ner.Train(ctx, train, dev, lx, cfg)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	var buf bytes.Buffer
	if err := res.Model.Write(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Fprintf(c.Stdout, "epoch %d kept: %d features, %d bytes in %s\ndev:\n", res.Epoch, res.Model.Features(), buf.Len(), *out)
	return res.Dev.Write(c.Stdout)
}

func readCoNLL(path string) ([]ner.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open CoNLL file: %w", err)
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}
