package pipeline

import (
	"context"
	"fmt"
	"iter"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/clean"
	"github.com/dossier-news/dossier/extract"
	"github.com/dossier-news/dossier/story"
)

// StageTiming is the throughput of one stage of the flow, run on one goroutine so that the
// figures are per core.
type StageTiming struct {
	Stage   string
	Items   int   // documents or articles the stage handled
	Bytes   int64 // input bytes the stage read
	Elapsed time.Duration
}

// MBPerSecond is the stage's input throughput in megabytes (10⁶ bytes) per second.
func (t StageTiming) MBPerSecond() float64 { return perSecond(float64(t.Bytes)/1e6, t.Elapsed) }

// ItemsPerSecond is the number of documents or articles the stage handled per second.
func (t StageTiming) ItemsPerSecond() float64 { return perSecond(float64(t.Items), t.Elapsed) }

func perSecond(n float64, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return n / d.Seconds()
}

// Bench reads docs once (timing ingest), then runs each later stage over them repeat times on
// the calling goroutine and returns one timing per stage. Documents that fail to read or extract
// are counted in failed and left out of the later stages.
func Bench(ctx context.Context, docs iter.Seq2[*dossier.Document, error], repeat int) (timings []StageTiming, failed int, err error) {
	if repeat < 1 {
		return nil, 0, fmt.Errorf("pipeline: repeat must be at least 1, got %d", repeat)
	}
	var all []*dossier.Document
	read := StageTiming{Stage: "ingest"}
	start := time.Now()
	for d, err := range docs {
		if err != nil {
			failed++
			continue
		}
		all = append(all, d)
		read.Items++
		read.Bytes += int64(len(d.Body))
	}
	read.Elapsed = time.Since(start)
	timings = append(timings, read)

	var html, text []*dossier.Document
	for _, d := range all {
		if d.Format == dossier.FormatHTML {
			html = append(html, d)
		} else {
			text = append(text, d)
		}
	}
	stages := []struct {
		name string
		docs []*dossier.Document
		run  func(*dossier.Document)
	}{
		{"extract html (main content + metadata)", html, func(d *dossier.Document) { _, _ = extract.HTML(d.Body, d.Meta.URL) }},
		{"clean text (paragraphs + boilerplate)", text, func(d *dossier.Document) {
			var blocks []clean.Block
			if d.Format == dossier.FormatMarkdown {
				blocks = clean.MarkdownBlocks(string(d.Body))
			} else {
				blocks = clean.TextBlocks(string(d.Body))
			}
			clean.Clean(blocks, d.Meta.Title)
		}},
	}
	for _, s := range stages {
		if len(s.docs) == 0 {
			continue
		}
		t := StageTiming{Stage: s.name}
		for range repeat {
			if err := ctx.Err(); err != nil {
				return timings, failed, err
			}
			start := time.Now()
			for _, d := range s.docs {
				s.run(d)
				t.Items++
				t.Bytes += int64(len(d.Body))
			}
			t.Elapsed += time.Since(start)
		}
		timings = append(timings, t)
	}

	// The whole extract stage, then duplicate detection over its output.
	whole := StageTiming{Stage: "extract all (article, language, hash)"}
	var articles []*dossier.Article
	for i := range repeat {
		if err := ctx.Err(); err != nil {
			return timings, failed, err
		}
		start := time.Now()
		for _, d := range all {
			a, err := extract.Article(d)
			whole.Items++
			whole.Bytes += int64(len(d.Body))
			if err != nil {
				if i == 0 {
					failed++
				}
				continue
			}
			if i == 0 {
				articles = append(articles, a)
			}
		}
		whole.Elapsed += time.Since(start)
	}
	timings = append(timings, whole)

	an := StageTiming{Stage: "analyze (entities, quotes, times)"}
	for range repeat {
		if err := ctx.Err(); err != nil {
			return timings, failed, err
		}
		start := time.Now()
		for _, a := range articles {
			analyze.New(a)
			an.Items++
			an.Bytes += int64(len(a.Text))
		}
		an.Elapsed += time.Since(start)
	}
	timings = append(timings, an)

	dedup := StageTiming{Stage: "dedup (exact + near)"}
	for range repeat {
		d := story.NewDedup(story.DedupOptions{})
		start := time.Now()
		for _, a := range articles {
			d.Add(a.ID, a.Text)
			dedup.Items++
			dedup.Bytes += int64(len(a.Text))
		}
		dedup.Elapsed += time.Since(start)
	}
	timings = append(timings, dedup)
	return timings, failed, nil
}
