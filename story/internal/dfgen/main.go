package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dossier-news/dossier/story/internal/terms"
)

func main() {
	bench := flag.String("bench", "../../shared/bench", "the shared benchmark `directory`")
	out := flag.String("o", "docfreq.txt", "the table to write")
	minDF := flag.Int("min", 2, "leave out terms in fewer than `n` documents (they read as unseen)")
	flag.Parse()
	if err := run(*bench, *out, *minDF); err != nil {
		fmt.Fprintf(os.Stderr, "dfgen: %v\n", err)
		os.Exit(1)
	}
}

func run(bench, out string, minDF int) error {
	c := counter{df: map[string]int{}}
	if err := c.extraction(filepath.Join(bench, "extraction", "ground-truth.json")); err != nil {
		return err
	}
	for _, dir := range []string{"temporal/timebank/docs", "temporal/aquaint/docs", "quotes/train/docs"} {
		if err := c.textFiles(filepath.Join(bench, filepath.FromSlash(dir))); err != nil {
			return err
		}
	}
	for _, name := range []string{"train.txt", "dev.txt", "test.txt"} {
		if err := c.conll(filepath.Join(bench, "ner", name)); err != nil {
			return err
		}
	}
	if c.docs == 0 {
		return errors.New("no documents found")
	}
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("create table: %w", err)
	}
	w := bufio.NewWriter(f)
	err = c.write(w, minDF)
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}

// counter counts, for each term, the documents it occurs in.
type counter struct {
	scan terms.Scanner
	df   map[string]int
	docs int
	seen map[string]bool
}

func (c *counter) add(text string) {
	if c.seen == nil {
		c.seen = map[string]bool{}
	}
	clear(c.seen)
	c.scan.Each(text, func(t []byte) {
		if !c.seen[string(t)] {
			c.seen[string(t)] = true
		}
	})
	if len(c.seen) == 0 {
		return
	}
	c.docs++
	for t := range c.seen {
		c.df[t]++
	}
}

func (c *counter) extraction(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read extraction ground truth: %w", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(data, &gt); err != nil {
		return fmt.Errorf("decode %s: %w", path, err)
	}
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range gt {
			if !yield(k) {
				return
			}
		}
	}) {
		c.add(gt[k].ArticleBody)
	}
	return nil
}

func (c *counter) textFiles(dir string) error {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		return fmt.Errorf("list texts in %s: none found", dir)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("read text: %w", err)
		}
		c.add(string(b))
	}
	return nil
}

// conll reads a CoNLL file (a token and its tags per line, -DOCSTART- between documents) and
// counts each document's tokens joined by spaces.
func (c *counter) conll(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open conll file: %w", err)
	}
	defer f.Close()
	var doc strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "-DOCSTART-") {
			c.add(doc.String())
			doc.Reset()
			continue
		}
		if tok, _, ok := strings.Cut(line, " "); ok {
			doc.WriteString(tok)
			doc.WriteByte(' ')
		} else {
			doc.WriteByte('\n')
		}
	}
	c.add(doc.String())
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// write writes the table in the format story.parseDocFreq reads: a header line with the number
// of documents, then one "term count" line per term, sorted by term so that the file diffs well.
func (c *counter) write(w io.Writer, minDF int) error {
	if _, err := fmt.Fprintf(w, "dossier-docfreq 1 %d\n", c.docs); err != nil {
		return err
	}
	keys := make([]string, 0, len(c.df))
	for t, n := range c.df {
		if n >= minDF {
			keys = append(keys, t)
		}
	}
	slices.Sort(keys)
	for _, t := range keys {
		if _, err := fmt.Fprintf(w, "%s %d\n", t, c.df[t]); err != nil {
			return err
		}
	}
	return nil
}
