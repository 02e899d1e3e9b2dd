// Package ingest turns sources into dossier.Documents: files, directories, stdin and http(s) URLs
// holding plain text, Markdown, HTML, RSS/Atom/JSON feeds, JSON Lines or WARC, any of them
// gzip-compressed.
//
// # What goes in
//
// A Reader yields documents from a list of sources (Read) or from an fs.FS (ReadFS), as an
// iter.Seq2 of documents and errors. A source that fails, or one item inside a container, yields
// one *Error, "SOURCE: problem", and the rest is read on: a batch of ten thousand files is not
// lost to one bad file. Callers test conditions with errors.Is: ErrBinary, ErrEmpty, ErrTooLarge,
// ErrTruncatedGzip, ErrTooManyRedirects, ErrPrivateAddress, ErrTimeout, ErrStatus.
//
// What a source holds is decided by its name and by its content (detect.go): a telling extension
// (.txt, .md, .html, .json/.jsonl/.ndjson, .xml/.rss/.atom, .warc, each optionally .gz) wins;
// otherwise the first bytes decide (gzip magic, "WARC/1.", an XML feed root, an HTML tag, a "{"),
// then an HTTP Content-Type, and text is the fallback. Gzip is recognised by its magic bytes
// whatever the name says.
//
// # What comes out
//
// Document.Body is UTF-8 always. HTML is decoded by its byte-order mark, the HTTP charset, or a
// <meta> declaration, as browsers do; text without a declaration is kept when it is valid UTF-8
// and otherwise decoded from windows-1251, KOI8-R or windows-1252, whichever a letter statistic
// favours (see guessLegacy). The <meta charset> inside a converted page is left as it was: the
// bytes are UTF-8 whatever it says.
//
// Document.Source names where the document came from so that a person can find it again: the path
// or URL as given, "feed.xml#3" for a feed's third item, "crawl.warc.gz#17" for the 17th record of
// a WARC file (every record counts, as in a WARC index), and "file.jsonl:12" for line 12 of JSON
// Lines (a line number, like a compiler's). A .json file written for people rather than as JSON
// Lines (an array of records, or objects pretty-printed one after another) is read too, its
// records named "file.json#N". A feed item followed to its page (Options.Follow) is named by the
// page's URL.
//
// Meta holds what the source says besides the body: a feed item's title, link, date and the
// feed's title as outlet; a JSON Lines record's fields; a sidecar NAME.meta.json's fields; the
// final URL of a fetched page. A date or sidecar that cannot be read is not a failed source: the
// document is yielded without that metadata and the problem is logged as a warning. Dates are read by one parser
// (parseDate) in RFC 3339, RFC 1123, "2006-01-02", "2006-01-02 15:04:05" and other common forms;
// a date without a zone is UTC.
//
// For WARC records Meta.Published is left empty even though WARC-Date is known. Extraction fills
// only the fields Meta leaves empty, and WARC-Date is when the crawler fetched the page, which for
// news archives is often days after publication; the page's own date is the better one.
//
// # WARC: our own reader
//
// github.com/nlnwa/gowarc v1.6.0 is well kept, but it would bring github.com/prometheus/prometheus
// (for a file lock its writer uses), klauspost/compress, a WHATWG URL parser and a UUID library
// into the module for something ingest needs little of: WARC records are a version line, MIME-style
// fields and a block of Content-Length bytes, and Common Crawl's per-record gzip members are read
// in sequence by compress/gzip's multistream mode. The reader here (warc.go) streams record by
// record from a bufio.Reader, bounds header lines and header size, checks that every block is
// complete, and reads the HTTP response inside with net/http.ReadResponse. It does not verify
// WARC digests, which a reader of news needs no more than a browser needs a checksum.
//
// # Fetching
//
// URLs are fetched with the Reader's own http.Client: dial, TLS, header and overall time limits
// (Options.Timeout), at most 10 redirects, gzip accepted, MaxBytes read at most. Feeds are fetched
// conditionally after the first time: the Reader keeps each feed URL's ETag and Last-Modified,
// and a 304 yields nothing. Unless Options.AllowPrivate, the dialer's Control function refuses
// every connection to a loopback, private, link-local, unspecified or otherwise non-public address,
// so neither DNS answers nor redirects can point a fetch at the local network. Environment proxies
// are not used, because the guard would then judge the proxy's address instead of the site's.
package ingest
