package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
)

// jsonRecord is one line of JSON Lines input. Text and HTML are pointers to tell a missing field
// from an empty one.
type jsonRecord struct {
	URL       string   `json:"url"`
	Title     string   `json:"title"`
	Text      *string  `json:"text"`
	HTML      *string  `json:"html"`
	Published jsonDate `json:"published"`
	Outlet    string   `json:"outlet"`
	Lang      string   `json:"lang"`
}

var errNoBody = errors.New(`record has neither "text" nor "html"`)

// readJSONL yields one document per line. A line that fails is one error naming "SOURCE:LINE";
// the lines after it are read on. Documents are named the same way, by line, so that a person
// can open the file at the record.
func (r *Reader) readJSONL(s *sink, b blob, src *bufio.Reader) bool {
	if head, _ := src.Peek(sniffLen); isJSONDocument(head) {
		return r.readJSONDocument(s, b, src)
	}
	var buf []byte
	for n := 1; ; n++ {
		source := fmt.Sprintf("%s:%d", b.source, n)
		if !s.alive(source) {
			return false
		}
		line, err := readLine(src, r.opts.MaxBytes, buf[:0])
		if err == io.EOF {
			return true
		}
		var tooLong limitError
		if err != nil && !errors.As(err, &tooLong) {
			// The stream itself failed: nothing after this point can be read.
			return s.fail(source, err)
		}
		if err != nil {
			if !s.fail(source, err) {
				return false
			}
			continue
		}
		buf = line
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte(utf8BOM))
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if !r.yieldRecord(s, source, line) {
			return false
		}
	}
}

// isJSONDocument tells a JSON file written for people from JSON Lines: it opens with an array, or
// with a "{" alone on its first line, as every pretty-printer writes an object.
func isJSONDocument(head []byte) bool {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte(utf8BOM)), " \t\r\n")
	first, _, _ := bytes.Cut(head, []byte("\n"))
	first = bytes.TrimSpace(first)
	return bytes.HasPrefix(first, []byte("[")) || bytes.Equal(first, []byte("{"))
}

// readJSONDocument reads a JSON file that is not JSON Lines: records as one array, as objects one
// after another, or both. Each record is named "SOURCE#N", N counting records from 1. A record
// that fails is one error; a syntax error ends the file, since no record after it can be found.
func (r *Reader) readJSONDocument(s *sink, b blob, src io.Reader) bool {
	data, err := r.readAll(src)
	if err != nil {
		return s.fail(b.source, err)
	}
	if !utf8.Valid(data) {
		data = decodeUndeclared(data)
	}
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte(utf8BOM))))
	n := 0
	for {
		var value json.RawMessage
		err := dec.Decode(&value)
		if err == io.EOF {
			return true
		}
		if err != nil {
			return s.fail(fmt.Sprintf("%s#%d", b.source, n+1), fmt.Errorf("parse JSON: %w", err))
		}
		records := []json.RawMessage{value}
		if value[0] == '[' {
			if err := json.Unmarshal(value, &records); err != nil {
				return s.fail(fmt.Sprintf("%s#%d", b.source, n+1), fmt.Errorf("parse JSON array: %w", err))
			}
		}
		for _, rec := range records {
			n++
			if !r.yieldRecord(s, fmt.Sprintf("%s#%d", b.source, n), rec) {
				return false
			}
		}
	}
}

// yieldRecord yields the document of one record or its error. A date it cannot read costs the
// date, not the article: it is logged as a warning and the document goes on without it.
func (r *Reader) yieldRecord(s *sink, source string, rec []byte) bool {
	doc, metaErr, err := parseRecord(rec)
	if err != nil {
		return s.fail(source, err)
	}
	if metaErr != nil {
		r.log.Warn("metadata ignored", logSource, source, logError, metaErr)
	}
	doc.Source = source
	return s.doc(doc)
}

// parseRecord reads one record. metaErr reports a field that was dropped while the document is
// still good; err a line that yields no document.
func parseRecord(line []byte) (doc *dossier.Document, metaErr, err error) {
	if !utf8.Valid(line) {
		// JSON is UTF-8 by definition, but exports from older systems are not; their syntax is
		// ASCII and survives the conversion.
		line = decodeUndeclared(line)
	}
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, nil, fmt.Errorf("parse JSON line: %w", err)
	}
	var body string
	format := dossier.FormatText
	switch {
	case rec.HTML != nil && strings.TrimSpace(*rec.HTML) != "":
		body, format = *rec.HTML, dossier.FormatHTML
	case rec.Text != nil:
		body = *rec.Text
	case rec.HTML == nil:
		return nil, nil, errNoBody
	}
	if strings.TrimSpace(body) == "" {
		return nil, nil, ErrEmpty
	}
	if rec.Published.err != nil {
		metaErr = fmt.Errorf("parse published: %w", rec.Published.err)
	}
	return &dossier.Document{
		Format: format,
		Body:   []byte(body),
		Meta: dossier.Meta{
			Title:     oneLine(rec.Title),
			Outlet:    strings.TrimSpace(rec.Outlet),
			URL:       strings.TrimSpace(rec.URL),
			Published: rec.Published.Time,
			Lang:      strings.TrimSpace(rec.Lang),
		},
	}, metaErr, nil
}

// readLine reads one line into buf without its line ending. A line longer than limit is read
// through to its end without being kept and reported as limitError. At the end of input it
// returns io.EOF.
func readLine(br *bufio.Reader, limit int64, buf []byte) ([]byte, error) {
	over := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !over {
			if int64(len(buf)+len(bytes.TrimRight(chunk, "\r\n"))) > limit {
				over, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == nil:
			if over {
				return buf, limitError{limit}
			}
			return bytes.TrimRight(buf, "\r\n"), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if over {
				return buf, limitError{limit}
			}
			if len(buf) == 0 {
				return buf, io.EOF
			}
			return bytes.TrimRight(buf, "\r\n"), nil
		default:
			return buf, err
		}
	}
}
