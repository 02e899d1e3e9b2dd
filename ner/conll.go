package ner

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrNoSentences means a CoNLL file held no tokens.
var ErrNoSentences = errors.New("no sentences in CoNLL input")

// Sentence is one sentence of a CoNLL file: its words, their tags when the file has a tag column,
// and the lines as read, so that output can repeat every input column.
type Sentence struct {
	Words []string
	Tags  []string // the last column when a line has two or more; empty otherwise
	Lines []string
}

// Document is the sentences between two -DOCSTART- lines. The tagger remembers within a document
// how it labelled each word, so documents are the unit it tags.
type Document struct {
	// Start is the -DOCSTART- line that opens the document, or "" for text before the first one.
	Start     string
	Sentences []Sentence
}

// ReadCoNLL reads a file in CoNLL column format: one token per line with the word in the first
// column and the tag in the last, a blank line between sentences and -DOCSTART- lines between
// documents.
func ReadCoNLL(r io.Reader) ([]Document, error) {
	var docs []Document
	var cur *Document
	var sent Sentence
	flush := func() {
		if len(sent.Words) == 0 {
			return
		}
		if cur == nil {
			docs = append(docs, Document{})
			cur = &docs[len(docs)-1]
		}
		cur.Sentences = append(cur.Sentences, sent)
		sent = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \t\r")
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0:
			flush()
		case fields[0] == "-DOCSTART-":
			flush()
			docs = append(docs, Document{Start: line})
			cur = &docs[len(docs)-1]
		default:
			sent.Words = append(sent.Words, fields[0])
			sent.Lines = append(sent.Lines, line)
			if len(fields) > 1 {
				sent.Tags = append(sent.Tags, fields[len(fields)-1])
			} else if len(sent.Tags) > 0 {
				return nil, fmt.Errorf("read CoNLL line %d: a tag column is missing", n)
			}
		}
		if len(sent.Tags) > 0 && len(sent.Tags) != len(sent.Words) {
			return nil, fmt.Errorf("read CoNLL line %d: a tag column is missing on an earlier line", n)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read CoNLL: %w", err)
	}
	flush()
	for _, d := range docs {
		if len(d.Sentences) > 0 {
			return docs, nil
		}
	}
	return nil, ErrNoSentences
}

// TagCoNLL tags every sentence of CoNLL input and writes each input line with the predicted IOB2
// tag appended as a new last column, so that "WORD GOLD" lines come out as "WORD GOLD PRED", the
// input conlleval reads.
func (m *Model) TagCoNLL(r io.Reader, w io.Writer) error {
	docs, err := ReadCoNLL(r)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	for _, d := range docs {
		if d.Start != "" {
			fmt.Fprintf(bw, "%s O\n\n", d.Start)
		}
		for i, tags := range m.TagDocument(words(d)) {
			for j, line := range d.Sentences[i].Lines {
				fmt.Fprintf(bw, "%s %s\n", line, tags[j])
			}
			bw.WriteByte('\n')
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write tags: %w", err)
	}
	return nil
}

func words(d Document) [][]string {
	out := make([][]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = s.Words
	}
	return out
}
