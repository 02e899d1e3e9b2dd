package eval

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// ExtractionPage is one page of an article-extraction benchmark: its HTML and the true main text.
type ExtractionPage struct {
	Key   string
	URL   string
	Truth string
	HTML  []byte
}

// LoadExtractionBench reads an article-extraction benchmark directory laid out as the
// Scrapinghub/Zyte one: DIR/ground-truth.json maps each key to {"url", "articleBody"}, and
// DIR/html/KEY.html.gz holds the page. Pages come back in key order.
func LoadExtractionBench(dir string) ([]ExtractionPage, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("read extraction ground truth: %w", err)
	}
	var truth map[string]struct {
		URL         string `json:"url"`
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		return nil, fmt.Errorf("decode extraction ground truth in %s: %w", dir, err)
	}
	pages := make([]ExtractionPage, 0, len(truth))
	for key, t := range truth {
		path := filepath.Join(dir, "html", key+".html.gz")
		body, err := readGzip(path)
		if err != nil {
			return nil, fmt.Errorf("read benchmark page %s: %w", path, err)
		}
		pages = append(pages, ExtractionPage{Key: key, URL: t.URL, Truth: t.ArticleBody, HTML: body})
	}
	slices.SortFunc(pages, func(a, b ExtractionPage) int { return strings.Compare(a.Key, b.Key) })
	return pages, nil
}

// ExtractionTruth maps each page's key to its true text, the form ScoreExtraction takes.
func ExtractionTruth(pages []ExtractionPage) map[string]string {
	m := make(map[string]string, len(pages))
	for _, p := range pages {
		m[p.Key] = p.Truth
	}
	return m
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("open gzip stream: %w", err)
	}
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, zr); err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	if err := zr.Close(); err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	return buf.Bytes(), nil
}

// Extractor turns one page's HTML into its main text. url is the page's address, "" if unknown.
type Extractor func(html []byte, url string) (string, error)

// ExtractionRun is the outcome of running an extractor over a benchmark.
type ExtractionRun struct {
	Score ExtractionScore
	// Pages are the per-page scores in key order, for error analysis.
	Pages []PageScore
	// Failed maps the key of each page whose extraction returned an error to that error; the
	// page is scored as an empty prediction.
	Failed map[string]error
	// Bytes is the HTML extracted and Elapsed the time spent in the extractor alone, so that
	// Bytes/Elapsed is the extractor's throughput.
	Bytes   int64
	Elapsed time.Duration
}

// RunExtraction extracts every page with fn and scores the texts with the published metric.
// It stops early, returning ctx's error, when ctx is done.
func RunExtraction(ctx context.Context, pages []ExtractionPage, fn Extractor) (*ExtractionRun, error) {
	run := &ExtractionRun{Failed: make(map[string]error)}
	pred := make(map[string]string, len(pages))
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("run extraction benchmark: %w", err)
		}
		start := time.Now()
		text, err := fn(p.HTML, p.URL)
		run.Elapsed += time.Since(start)
		run.Bytes += int64(len(p.HTML))
		if err != nil {
			run.Failed[p.Key] = err
			continue
		}
		pred[p.Key] = text
	}
	run.Pages = ScoreExtractionPages(ExtractionTruth(pages), pred)
	run.Score = SummarizeExtraction(run.Pages)
	return run, nil
}
