package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dossier-news/dossier/ner"
)

// trainCommand builds the project's statistical models from annotated data.
type trainCommand struct {
	*Main
}

func (c *trainCommand) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError{"train needs what to train: ner or clusters"}
	}
	switch args[0] {
	case "ner":
		return c.ner(ctx, args[1:])
	case "clusters":
		return c.clusters(ctx, args[1:])
	default:
		return usageError{fmt.Sprintf("unknown model %q (want ner or clusters)", args[0])}
	}
}

// ner trains the name tagger on CoNLL-2003 data and writes the model the ner package embeds.
func (c *trainCommand) ner(ctx context.Context, args []string) error {
	fs := c.newFlagSet("train ner", "[flags]")
	trainFile := fs.String("train", "../shared/bench/ner/train.txt", "CoNLL `file` to train on")
	devFile := fs.String("dev", "../shared/bench/ner/dev.txt", "CoNLL `file` that chooses the epoch")
	out := fs.String("out", "ner/model.gz", "write the model to this `file`")
	seed := fs.Uint64("seed", 1, "`seed` of the document order")
	seeds := fs.Int("seeds", 4, "average the models of this `many` seeds from -seed on")
	epochs := fs.Int("epochs", 30, "at most this many `passes` over the training data")
	noClusters := fs.Bool("no-clusters", false, "train without word-cluster features (to measure them)")
	noGaz := fs.Bool("no-gazetteers", false, "train without gazetteer features (to measure them)")
	refit := fs.Bool("refit", true, "once dev has chosen the number of epochs, train the written model on train and dev together for that many")
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
		Seeds:     *seeds,
		MaxEpochs: *epochs,
		Refit:     *refit,
		Progress: func(seed uint64, epoch int, s ner.Scores) {
			fmt.Fprintf(c.Stderr, "seed %d epoch %2d  dev F1 %.2f  (%s)\n", seed, epoch, 100*s.Overall.F1(), time.Since(start).Round(time.Second))
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
	kept := "average of the models of epochs %v"
	if *refit {
		kept = "average of the models trained on train and dev for %v epochs"
	}
	fmt.Fprintf(c.Stdout, kept+": %d features, %d bytes in %s\ndev, trained on train alone:\n", res.Epochs, res.Model.Features(), buf.Len(), *out)
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

// clusters induces the word clusters the tagger's features use from unlabelled text: the words of
// CoNLL files given with -conll, text files (.txt, .md), and the long string values of JSON files.
func (c *trainCommand) clusters(ctx context.Context, args []string) error {
	fs := c.newFlagSet("train clusters", "[flags] PATH ...")
	var conll []string
	fs.Func("conll", "also read the words of this CoNLL `file` (repeatable)", func(s string) error {
		conll = append(conll, s)
		return nil
	})
	out := fs.String("out", "ner/clusters.txt", "write the clusters to this `file`")
	n := fs.Int("clusters", 256, "`number` of clusters")
	minCount := fs.Int("min-count", 3, "leave out words seen fewer than `n` times")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var sents [][]string
	for _, name := range conll {
		docs, err := readCoNLL(name)
		if err != nil {
			return err
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				sents = append(sents, s.Words)
			}
		}
	}
	for _, root := range fs.Args() {
		err := filepath.WalkDir(root, func(path string, d iofs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			texts, err := textsOf(path)
			if err != nil {
				return err
			}
			for _, t := range texts {
				sents = append(sents, ner.Words(t)...)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("read texts: %w", err)
		}
	}
	words := 0
	for _, s := range sents {
		words += len(s)
	}
	fmt.Fprintf(c.Stderr, "%d sentences, %d words\n", len(sents), words)
	start := time.Now()
	cfg := ner.ClusterConfig{Clusters: *n, MinCount: *minCount, Progress: func(done, total int) {
		fmt.Fprintf(c.Stderr, "%d/%d words clustered (%s)\n", done, total, time.Since(start).Round(time.Second))
	}}
	var buf bytes.Buffer
	if err := ner.InduceClusters(ctx, slices.Values(sents), cfg, &buf); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write clusters: %w", err)
	}
	return nil
}

// textsOf returns the texts in a file: a text file whole, and a JSON file's string values of 200
// bytes or more (article bodies in benchmark files).
func textsOf(path string) ([]string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".md":
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		return []string{string(data)}, nil
	case ".json", ".jsonl":
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		var texts []string
		dec := json.NewDecoder(bytes.NewReader(data))
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				return texts, nil
			}
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", path, err)
			}
			if s, ok := tok.(string); ok && len(s) >= 200 {
				texts = append(texts, s)
			}
		}
	}
	return nil, nil
}
