package ingest_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/ingest"
)

var update = flag.Bool("update", false, "rewrite golden files and the generated testdata")

// result is one yielded value in a form that golden files and comparisons can hold.
type result struct {
	Source string         `json:"source"`
	Format dossier.Format `json:"format,omitempty"`
	Meta   dossier.Meta   `json:"meta,omitzero"`
	Body   string         `json:"body,omitempty"`
	Error  string         `json:"error,omitempty"`
}

// collect drains seq, checking the properties every yielded value must have: documents with a
// source and a valid UTF-8 body, errors that are *ingest.Error with a source and a one-line message.
func collect(t testing.TB, seq iter.Seq2[*dossier.Document, error]) []result {
	t.Helper()
	var out []result
	for d, err := range seq {
		if err != nil {
			checkError(t, err)
			out = append(out, result{Source: sourceOf(err), Error: err.Error()})
			continue
		}
		checkDocument(t, d)
		out = append(out, result{Source: d.Source, Format: d.Format, Meta: d.Meta, Body: string(d.Body)})
	}
	return out
}

func checkDocument(t testing.TB, d *dossier.Document) {
	t.Helper()
	switch {
	case d == nil:
		t.Fatal("nil document with nil error")
	case d.Source == "":
		t.Errorf("document without a source: %q", truncated(d.Body))
	case !utf8.Valid(d.Body):
		t.Errorf("%s: body is not valid UTF-8: %q", d.Source, truncated(d.Body))
	case d.Format != dossier.FormatText && d.Format != dossier.FormatMarkdown && d.Format != dossier.FormatHTML:
		t.Errorf("%s: format %q", d.Source, d.Format)
	}
	// Later stages write Meta as JSON; a date JSON cannot hold would fail them far from here.
	if _, err := json.Marshal(d.Meta); err != nil {
		t.Errorf("%s: meta cannot be written as JSON: %v", d.Source, err)
	}
}

func checkError(t testing.TB, err error) {
	t.Helper()
	var ie *ingest.Error
	if !errors.As(err, &ie) || ie.Source == "" {
		t.Errorf("error %q is not an *ingest.Error with a source", err)
		return
	}
	if msg := err.Error(); strings.ContainsAny(msg, "\r\n") || !strings.HasPrefix(msg, ie.Source+": ") {
		t.Errorf("error message %q is not one line starting with its source", msg)
	}
}

func sourceOf(err error) string {
	var ie *ingest.Error
	if errors.As(err, &ie) {
		return ie.Source
	}
	return ""
}

func truncated(b []byte) []byte {
	return b[:min(len(b), 80)]
}

// documents and errs split results.
func documents(rs []result) []result {
	var out []result
	for _, r := range rs {
		if r.Error == "" {
			out = append(out, r)
		}
	}
	return out
}

func errs(rs []result) []string {
	var out []string
	for _, r := range rs {
		if r.Error != "" {
			out = append(out, r.Error)
		}
	}
	return out
}

func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeFiles writes name → content under dir, creating directories.
func writeFiles(t testing.TB, dir string, files map[string][]byte) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// warcRecord is a record for writeWARC.
type warcRecord struct {
	typ         string
	target      string
	contentType string
	block       []byte
	truncated   bool // the crawler kept only the start of the payload
}

// writeWARC writes records as a crawler does: WARC/1.0 headers, the block, CRLF CRLF, and with
// compress each record as its own gzip member, as Common Crawl publishes them.
func writeWARC(t testing.TB, recs []warcRecord, compress bool) []byte {
	t.Helper()
	var out bytes.Buffer
	for i, r := range recs {
		var rec bytes.Buffer
		fmt.Fprintf(&rec, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n", r.typ, i)
		fmt.Fprintf(&rec, "WARC-Date: 2031-07-01T12:00:%02dZ\r\n", i%60)
		if r.target != "" {
			fmt.Fprintf(&rec, "WARC-Target-URI: %s\r\n", r.target)
		}
		if r.truncated {
			rec.WriteString("WARC-Truncated: length\r\n")
		}
		fmt.Fprintf(&rec, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", r.contentType, len(r.block))
		rec.Write(r.block)
		rec.WriteString("\r\n\r\n")
		if compress {
			out.Write(gzipBytes(t, rec.Bytes()))
		} else {
			out.Write(rec.Bytes())
		}
	}
	return out.Bytes()
}

// httpResponse is the block of a WARC response record.
func httpResponse(status string, header []string, body []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\n", status)
	for i := 0; i+1 < len(header); i += 2 {
		fmt.Fprintf(&b, "%s: %s\r\n", header[i], header[i+1])
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(body))
	b.Write(body)
	return b.Bytes()
}

func responseRecord(target, status string, header []string, body []byte) warcRecord {
	return warcRecord{
		typ:         "response",
		target:      target,
		contentType: "application/http; msgtype=response",
		block:       httpResponse(status, header, body),
	}
}

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}
