package story

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

//go:generate go run ./internal/dfgen -bench ../../shared/bench -o docfreq.txt

// docFreqTable is the background document-frequency table that internal/dfgen writes from
// the shared benchmark's articles: counts of documents per term, no text.
//
//go:embed docfreq.txt
var docFreqTable string

// ErrBadDocFreq means a document-frequency table is not in the format internal/dfgen writes.
var ErrBadDocFreq = errors.New("malformed document-frequency table")

// parseDocFreq reads a table: a header "dossier-docfreq 1 DOCS", then "TERM COUNT" lines with
// 0 < COUNT <= DOCS, calling fn for each. It returns DOCS, the size of the collection counted.
// Terms are not checked for repeats: the generator writes each once, and a repeat only
// overrides a count.
func parseDocFreq(table string, fn func(term string, count int)) (docs int, err error) {
	sc := bufio.NewScanner(strings.NewReader(table))
	if !sc.Scan() {
		return 0, fmt.Errorf("read header: %w", ErrBadDocFreq)
	}
	rest, ok := strings.CutPrefix(sc.Text(), "dossier-docfreq 1 ")
	docs, err = strconv.Atoi(rest)
	if !ok || err != nil || docs <= 0 {
		return 0, fmt.Errorf("read header %q: %w", sc.Text(), ErrBadDocFreq)
	}
	for line := 2; sc.Scan(); line++ {
		term, count, ok := strings.Cut(sc.Text(), " ")
		n, err := strconv.Atoi(count)
		if !ok || term == "" || err != nil || n <= 0 || n > docs {
			return 0, fmt.Errorf("read line %d: %w", line, ErrBadDocFreq)
		}
		fn(term, n)
	}
	if err := sc.Err(); err != nil {
		return 0, fmt.Errorf("read table: %w", err)
	}
	return docs, nil
}
