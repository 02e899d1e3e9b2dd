package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier"
)

// maxWARCHeader bounds the named fields of one WARC record; real ones take a few hundred bytes.
const maxWARCHeader = 1 << 20

// warcRecord is one record: its named fields, and its block, read straight from the stream.
type warcRecord struct {
	fields map[string]string // keys in canonical MIME form, "Warc-Type"
	block  *io.LimitedReader
}

func (rec *warcRecord) field(name string) string {
	return rec.fields[textproto.CanonicalMIMEHeaderKey(name)]
}

// discard reads what is left of the block, so that the stream stands at the next record.
func (rec *warcRecord) discard() error {
	if _, err := io.Copy(io.Discard, rec.block); err != nil {
		return err
	}
	if rec.block.N > 0 {
		return fmt.Errorf("truncated record: %d bytes of its block missing", rec.block.N)
	}
	return nil
}

// readWARC yields the pages in a WARC file: each response record holding an HTTP 200 HTML page.
// Other records, and responses with another status or type, are passed over without an error.
// Records are read one at a time from the stream; a file of any size takes the memory of one page.
// Documents are named "SOURCE#N", N counting every record from 1 as a WARC index would.
func (r *Reader) readWARC(s *sink, b blob, src *bufio.Reader) bool {
	for n := 1; ; n++ {
		source := fmt.Sprintf("%s#%d", b.source, n)
		if !s.alive(source) {
			return false
		}
		rec, err := nextWARCRecord(src)
		if err == io.EOF {
			return true
		}
		if err != nil {
			// Without a trustworthy Content-Length there is no finding the next record.
			return s.fail(source, err)
		}
		cont, failed := r.readWARCRecord(s, rec, source)
		if !cont {
			return false
		}
		if err := rec.discard(); err != nil {
			if failed {
				// The record's own error told of the broken stream already.
				return true
			}
			return s.fail(source, err)
		}
	}
}

// readWARCRecord reads the page in one record. It returns whether reading goes on and whether it
// reported an error for the record.
func (r *Reader) readWARCRecord(s *sink, rec *warcRecord, source string) (cont, failed bool) {
	if typ := rec.field("WARC-Type"); typ != "response" {
		return true, false
	}
	if mt, _, _ := mime.ParseMediaType(rec.field("Content-Type")); mt != "application/http" {
		return true, false
	}
	resp, err := http.ReadResponse(bufio.NewReader(rec.block), nil)
	if err != nil {
		return s.fail(source, fmt.Errorf("parse HTTP response: %w", err)), true
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		r.log.Debug("skip WARC record", logSource, source, logReason, resp.Status)
		return true, false
	}
	body := bufio.NewReader(truncatedBody{resp.Body, rec.field("WARC-Truncated") != ""})
	contentType := resp.Header.Get("Content-Type")
	if !isHTMLType(contentType, body) {
		r.log.Debug("skip WARC record", logSource, source, logReason, "not HTML: "+contentType)
		return true, false
	}
	target := strings.Trim(rec.field("WARC-Target-URI"), "<>")
	name := ""
	if u, err := url.Parse(target); err == nil {
		name = u.Path
	}
	// Published stays empty although WARC-Date is at hand: that is when the page was crawled, and
	// extraction fills only empty fields, so a crawl date here would hide the page's own date.
	failedBefore := false
	cont = r.readBlob(&sink{ctx: s.ctx, yield: func(d *dossier.Document, err error) bool {
		failedBefore = failedBefore || err != nil
		return s.yield(d, err)
	}}, blob{
		source:      source,
		name:        name,
		contentType: contentType,
		r:           body,
		meta:        dossier.Meta{URL: target},
		force:       kindHTML,
	})
	return cont, failedBefore
}

// isHTMLType reports a page: an HTML Content-Type, or none with content that sniffs as HTML.
func isHTMLType(contentType string, body *bufio.Reader) bool {
	if contentType == "" {
		head, _ := body.Peek(512)
		contentType = http.DetectContentType(head)
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// truncatedBody reads a payload shorter than its HTTP Content-Length. Crawlers store at most a few
// megabytes of a page and say so in WARC-Truncated while the HTTP header still announces the full
// length: such a page ends without an error. Without that field the record itself was cut.
type truncatedBody struct {
	r        io.Reader
	declared bool // the record has WARC-Truncated
}

func (t truncatedBody) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		if t.declared {
			return n, io.EOF
		}
		return n, errors.New("truncated record: the page is shorter than its Content-Length")
	}
	return n, err
}

// nextWARCRecord reads the version line and named fields of the next record and returns it with
// its block unread. Blank lines between records (the CRLF CRLF that ends each) are skipped.
func nextWARCRecord(br *bufio.Reader) (*warcRecord, error) {
	var line []byte
	for {
		l, err := readHeaderLine(br)
		if err == io.EOF && len(l) == 0 {
			return nil, io.EOF
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		if l = bytes.TrimSpace(l); len(l) > 0 {
			line = l
			break
		}
		if err == io.EOF {
			return nil, io.EOF
		}
	}
	if !bytes.HasPrefix(line, []byte("WARC/")) {
		return nil, fmt.Errorf("expected a WARC record, found %q", truncate(line, 40))
	}
	rec := &warcRecord{fields: make(map[string]string)}
	size, last := 0, ""
	for {
		l, err := readHeaderLine(br)
		if err == io.EOF {
			return nil, errors.New("truncated record header")
		}
		if err != nil {
			return nil, err
		}
		if size += len(l); size > maxWARCHeader {
			return nil, fmt.Errorf("record header longer than %s", formatSize(maxWARCHeader))
		}
		if len(bytes.TrimRight(l, "\r\n")) == 0 {
			break
		}
		if (l[0] == ' ' || l[0] == '\t') && last != "" {
			rec.fields[last] += " " + string(bytes.TrimSpace(l))
			continue
		}
		colon := bytes.IndexByte(l, ':')
		if colon <= 0 {
			return nil, fmt.Errorf("malformed record header line %q", truncate(l, 40))
		}
		last = textproto.CanonicalMIMEHeaderKey(string(bytes.TrimSpace(l[:colon])))
		rec.fields[last] = string(bytes.TrimSpace(l[colon+1:]))
	}
	length, err := strconv.ParseInt(rec.field("Content-Length"), 10, 64)
	if err != nil || length < 0 {
		return nil, fmt.Errorf("record has no valid Content-Length (%q)", rec.field("Content-Length"))
	}
	rec.block = &io.LimitedReader{R: br, N: length}
	return rec, nil
}

// readHeaderLine returns one line including its ending; it is valid until the next read.
func readHeaderLine(br *bufio.Reader) ([]byte, error) {
	l, err := br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		return nil, fmt.Errorf("record header line longer than %s", formatSize(int64(br.Size())))
	}
	return l, err
}

func truncate(b []byte, n int) string {
	if len(b) > n {
		b = b[:n]
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}
