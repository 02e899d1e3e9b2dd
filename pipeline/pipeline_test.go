package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/pipeline"
)

// docs yields the given documents and errors in order; a nil document stands for its error.
func docs(items []*dossier.Document, errs map[int]error) iter.Seq2[*dossier.Document, error] {
	return func(yield func(*dossier.Document, error) bool) {
		for i, d := range items {
			if !yield(d, errs[i]) {
				return
			}
		}
	}
}

func textDoc(source, body string) *dossier.Document {
	return &dossier.Document{Source: source, Format: dossier.FormatText, Body: []byte(body)}
}

func story(i int) string {
	return fmt.Sprintf("Report number %d\n\nThe council of district %d met on Tuesday to discuss the harbour levy. "+
		"Members from ward %d argued for a delay while the auditors of firm %d finished their review of the %d accounts.\n", i, i, i*7, i*13, 1990+i)
}

func TestRunKeepsInputOrder(t *testing.T) {
	var in []*dossier.Document
	for i := range 60 {
		in = append(in, textDoc(fmt.Sprintf("doc-%02d.txt", i), story(i)))
	}
	p := pipeline.New(pipeline.Config{Workers: 4})
	var got []string
	err := p.Run(context.Background(), docs(in, nil), func(r *analyze.Record) error {
		got = append(got, r.Source)
		return nil
	}, func(err error) { t.Errorf("unexpected failure: %v", err) })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(in) {
		t.Fatalf("got %d records, want %d", len(got), len(in))
	}
	for i, s := range got {
		if want := in[i].Source; s != want {
			t.Fatalf("record %d is %s, want %s: output must keep input order", i, s, want)
		}
	}
}

func TestRunReportsFailuresAndGoesOn(t *testing.T) {
	readErr := errors.New("feed.xml: malformed XML")
	in := []*dossier.Document{
		textDoc("one.txt", story(1)),
		nil, // stands for readErr
		textDoc("blank.txt", "   \n\n  "),
		textDoc("two.txt", story(2)),
	}
	p := pipeline.New(pipeline.Config{Workers: 2})
	var sources []string
	var failures []error
	err := p.Run(context.Background(), docs(in, map[int]error{1: readErr}),
		func(r *analyze.Record) error { sources = append(sources, r.Source); return nil },
		func(err error) { failures = append(failures, err) })
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(sources, ","), "one.txt,two.txt"; got != want {
		t.Errorf("records from %s, want %s", got, want)
	}
	if len(failures) != 2 || !errors.Is(failures[0], readErr) || !strings.Contains(failures[1].Error(), "blank.txt") {
		t.Errorf("failures = %v, want the read error and one naming blank.txt", failures)
	}
	s := p.Stats()
	if s.Documents != 4 || s.Articles != 2 || s.Failed != 2 {
		t.Errorf("stats = %+v, want 4 documents, 2 articles, 2 failed", s)
	}
}

func TestRunFlagsDuplicates(t *testing.T) {
	base := story(5)
	in := []*dossier.Document{
		textDoc("original.txt", base),
		textDoc("copy.txt", base),
		textDoc("other.txt", story(9)),
	}
	p := pipeline.New(pipeline.Config{})
	var recs []*analyze.Record
	err := p.Run(context.Background(), docs(in, nil), func(r *analyze.Record) error { recs = append(recs, r); return nil },
		func(err error) { t.Errorf("unexpected failure: %v", err) })
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("got %d records, want 3", len(recs))
	}
	if recs[1].DuplicateOf != recs[0].ID {
		t.Errorf("copy.txt duplicate_of = %q, want %q", recs[1].DuplicateOf, recs[0].ID)
	}
	if recs[2].DuplicateOf != "" {
		t.Errorf("other.txt flagged as duplicate of %q", recs[2].DuplicateOf)
	}
	if s := p.Stats(); s.Duplicates != 1 {
		t.Errorf("stats count %d duplicates, want 1", s.Duplicates)
	}
}

func TestRunStopsWhenEmitFails(t *testing.T) {
	in := []*dossier.Document{textDoc("a.txt", story(1)), textDoc("b.txt", story(2)), textDoc("c.txt", story(3))}
	stop := errors.New("disk full")
	p := pipeline.New(pipeline.Config{Workers: 2})
	n := 0
	err := p.Run(context.Background(), docs(in, nil), func(*analyze.Record) error { n++; return stop }, func(error) {})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Run = %v after %d records, want the emit error after 1", err, n)
	}
}
