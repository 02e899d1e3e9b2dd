package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"
	"sync"

	"github.com/dossier-news/dossier"
)

// Log attribute keys.
const (
	logSource = "source"
	logReason = "reason"
	logError  = "error"
)

// bufSize is the read buffer of a source, twice what detection peeks at.
const bufSize = 2 * sniffLen

// warcBufSize is the read buffer of a WARC file; it bounds one header line, and WARC-Target-URI
// lines of tracking-laden URLs run to several kilobytes.
const warcBufSize = 64 << 10

// Reader turns sources into documents. It keeps its own HTTP client and, per feed URL, the
// validators that make the next fetch of that feed conditional. A Reader is safe for concurrent use.
type Reader struct {
	// Stdin is read for the source "-"; nil means os.Stdin.
	Stdin io.Reader

	opts   Options
	log    *slog.Logger
	client *http.Client

	mu         sync.Mutex
	validators map[string]validators // by feed URL
}

// New returns a Reader with opts, zero fields replaced by their defaults. It does not validate:
// call Options.Validate first where the options come from a person.
func New(opts Options) *Reader {
	opts = opts.withDefaults()
	return &Reader{
		opts:       opts,
		log:        opts.Logger,
		client:     NewClient(opts),
		validators: make(map[string]validators),
	}
}

// Read yields every document in the sources, in order: file paths, directories (walked in lexical
// order; hidden files and NAME.meta.json sidecars are not documents), "-" for stdin, and http(s)
// URLs. A non-nil error is an *Error for one source, or one item inside a container, that failed;
// iteration goes on with the rest. When ctx ends, Read yields one *Error wrapping ctx.Err() and
// stops.
func (r *Reader) Read(ctx context.Context, sources []string) iter.Seq2[*dossier.Document, error] {
	return func(yield func(*dossier.Document, error) bool) {
		s := &sink{ctx: ctx, yield: yield}
		for _, src := range sources {
			if !s.alive(src) || !r.readSource(s, src) {
				return
			}
		}
	}
}

// ReadFS is Read over the file or directory root of fsys. Sources are named by their path in fsys.
func (r *Reader) ReadFS(ctx context.Context, fsys fs.FS, root string) iter.Seq2[*dossier.Document, error] {
	return func(yield func(*dossier.Document, error) bool) {
		s := &sink{ctx: ctx, yield: yield}
		if s.alive(root) {
			r.readTree(s, fsys, root, func(name string) string { return name })
		}
	}
}

func (r *Reader) readSource(s *sink, src string) bool {
	switch {
	case src == "-":
		in := r.Stdin
		if in == nil {
			in = os.Stdin
		}
		return r.readBlob(s, blob{source: src, r: in, follow: r.opts.Follow})
	case hasScheme(src, "http"), hasScheme(src, "https"):
		return r.readURL(s, src, dossier.Meta{}, r.opts.Follow)
	case strings.Contains(src, "://"):
		return s.fail(src, errors.New("unsupported URL scheme: only http and https are fetched"))
	}
	return r.readPath(s, src)
}

func hasScheme(s, scheme string) bool {
	return len(s) > len(scheme)+3 && strings.EqualFold(s[:len(scheme)+3], scheme+"://")
}

// sink hands documents and errors to the consumer of an iterator. Every method returns whether
// reading goes on; once one returns false, nothing may be yielded again.
type sink struct {
	ctx   context.Context
	yield func(*dossier.Document, error) bool
}

// alive checks the context between documents. When it has ended, alive yields its error, naming
// the source at hand, and returns false.
func (s *sink) alive(source string) bool {
	if err := s.ctx.Err(); err != nil {
		s.yield(nil, &Error{Source: source, Err: err})
		return false
	}
	return true
}

func (s *sink) doc(d *dossier.Document) bool {
	return s.alive(d.Source) && s.yield(d, nil)
}

func (s *sink) fail(source string, err error) bool {
	return s.alive(source) && s.yield(nil, &Error{Source: source, Err: err})
}

// blob is one stream to be read: a file, stdin, an HTTP body or a WARC payload.
type blob struct {
	source      string       // names the source in documents and errors
	name        string       // a path or URL path whose extension hints at the kind
	contentType string       // the Content-Type an HTTP server gave, or ""
	r           io.Reader    // the raw bytes, possibly compressed
	meta        dossier.Meta // what is known already about a single document
	force       kind         // the kind a container has established, or kindUnknown
	follow      bool         // feed items fetch their links
	base        *url.URL     // resolves relative item links of a fetched feed
	// sidecar reads the NAME.meta.json of a file; it returns the metadata, the sidecar's source
	// name and any error reading it. It is nil for sources that cannot have one.
	sidecar func() (dossier.Meta, string, error)
	// parsed is called once a feed has parsed, so that the validators of a fetched feed are kept
	// only for feeds that were actually read.
	parsed func()
}

// readBlob decompresses, converts UTF-16, detects the kind and hands the stream to the reader of
// that kind.
func (r *Reader) readBlob(s *sink, b blob) bool {
	br, ok := b.r.(*bufio.Reader)
	if !ok || br.Size() < sniffLen {
		br = bufio.NewReaderSize(b.r, bufSize)
	}
	name := b.name
	if strings.EqualFold(path.Ext(name), ".gz") {
		name = name[:len(name)-len(".gz")]
	}
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return s.fail(b.source, gzipError(err))
		}
		defer zr.Close()
		br = bufio.NewReaderSize(gzipReader{zr}, bufSize)
	}
	head, br, err := peek(br)
	if err != nil {
		return s.fail(b.source, err)
	}
	if u, ok := fromUTF16(br, head); ok {
		if head, br, err = peek(bufio.NewReaderSize(u, bufSize)); err != nil {
			return s.fail(b.source, fmt.Errorf("decode UTF-16: %w", err))
		}
	}
	if len(head) == 0 {
		return s.fail(b.source, ErrEmpty)
	}
	k := b.force
	if k == kindUnknown {
		k = detect(name, b.contentType, head)
	}
	if k != kindWARC && isBinary(head) {
		return s.fail(b.source, ErrBinary)
	}
	switch k {
	case kindFeed:
		return r.readFeed(s, b, br)
	case kindJSONL:
		return r.readJSONL(s, b, br)
	case kindWARC:
		return r.readWARC(s, b, bufio.NewReaderSize(br, warcBufSize))
	}
	return r.readDocument(s, b, br, k)
}

// peek returns the first bytes of br for detection. A read error fails the source only when no
// byte came before it; otherwise it is kept for the reader of the kind to meet where it happened,
// after the documents before it (the first records of a truncated WARC). Since bufio hands a read
// error out only once, and Peek has taken it, peek returns a reader that replays the bytes read
// and then the error.
func peek(br *bufio.Reader) ([]byte, *bufio.Reader, error) {
	head, err := br.Peek(sniffLen)
	switch {
	case err == nil, errors.Is(err, io.EOF):
		return head, br, nil
	case len(head) == 0:
		return nil, br, err
	}
	replay := bufio.NewReaderSize(io.MultiReader(bytes.NewReader(bytes.Clone(head)), failingReader{err}), bufSize)
	head, _ = replay.Peek(len(head))
	return head, replay, nil
}

type failingReader struct{ err error }

func (f failingReader) Read([]byte) (int, error) { return 0, f.err }

// readDocument reads a source that is one document.
func (r *Reader) readDocument(s *sink, b blob, src io.Reader, k kind) bool {
	data, err := r.readAll(src)
	if err != nil {
		return s.fail(b.source, err)
	}
	var body []byte
	if k == kindHTML {
		body = decodeHTML(data, b.contentType)
	} else {
		body = decodeText(data)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return s.fail(b.source, ErrEmpty)
	}
	meta := b.meta
	if b.sidecar != nil {
		side, sideSource, err := b.sidecar()
		// A broken sidecar costs the metadata it would have given, not the article.
		if err != nil {
			r.log.Warn("metadata ignored", logSource, sideSource, logError, err)
		}
		meta = fillMeta(meta, side)
	}
	return s.doc(&dossier.Document{Source: b.source, Format: k.format(), Body: body, Meta: meta})
}

// readAll reads a whole document, refusing one longer than MaxBytes without reading past the limit.
func (r *Reader) readAll(src io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(src, r.opts.MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > r.opts.MaxBytes {
		return nil, limitError{r.opts.MaxBytes}
	}
	return data, nil
}

// fillMeta fills the empty fields of m from other.
func fillMeta(m, other dossier.Meta) dossier.Meta {
	if m.Title == "" {
		m.Title = other.Title
	}
	if m.Outlet == "" {
		m.Outlet = other.Outlet
	}
	if m.URL == "" {
		m.URL = other.URL
	}
	if m.Published.IsZero() {
		m.Published = other.Published
	}
	if m.Lang == "" {
		m.Lang = other.Lang
	}
	return m
}

// gzipReader gives the errors of a gzip stream the names a person understands.
type gzipReader struct{ zr *gzip.Reader }

func (g gzipReader) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	return n, gzipError(err)
}

func gzipError(err error) error {
	var corrupt flate.CorruptInputError
	switch {
	case err == nil, err == io.EOF:
		return err
	case errors.Is(err, io.ErrUnexpectedEOF):
		return ErrTruncatedGzip
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader), errors.As(err, &corrupt):
		return fmt.Errorf("corrupt gzip stream: %w", err)
	}
	return err
}
