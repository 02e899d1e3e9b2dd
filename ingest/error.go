package ingest

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"time"
)

// Conditions a caller may test with errors.Is on an *Error.
var (
	ErrBinary           = errors.New("binary file, not an article")
	ErrEmpty            = errors.New("empty")
	ErrTooLarge         = errors.New("too large")
	ErrTruncatedGzip    = errors.New("truncated gzip stream")
	ErrTooManyRedirects = errors.New("stopped after 10 redirects")
	ErrPrivateAddress   = errors.New("private address")
	ErrTimeout          = errors.New("timed out")
	ErrStatus           = errors.New("HTTP status not 2xx")
)

// Error is one source, or one item inside a container, that could not be read. Its message is one
// line, "SOURCE: problem", so that a command can print it as it is.
type Error struct {
	// Source is a file path, a URL, "-" for stdin, "feed.xml#3" for the third item of a feed,
	// "crawl.warc.gz#17" for the 17th WARC record, "file.jsonl:12" for a line of JSON Lines or
	// "file.json#2" for the second record of a JSON array.
	Source string
	Err    error
}

func (e *Error) Error() string {
	msg := e.Err.Error()
	// Library errors (XML, JSON) sometimes quote the input, newlines and all; one line per error
	// keeps a log of failures greppable.
	msg = strings.Join(strings.Fields(msg), " ")
	return e.Source + ": " + msg
}

func (e *Error) Unwrap() error { return e.Err }

// limitError reports a document larger than Options.MaxBytes.
type limitError struct{ limit int64 }

func (e limitError) Error() string        { return "larger than the " + formatSize(e.limit) + " limit" }
func (e limitError) Is(target error) bool { return target == ErrTooLarge }

// formatSize writes n the way a person set it: "32 MiB" rather than "33554432".
func formatSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// privateError is returned by the dialer's guard for an address that is not public.
type privateError struct{ addr netip.Addr }

func (e *privateError) Error() string {
	return "refused: " + e.addr.String() + " is a private address (use --allow-private)"
}
func (e *privateError) Is(target error) bool { return target == ErrPrivateAddress }

type timeoutError struct{ after time.Duration }

func (e timeoutError) Error() string        { return "timed out after " + e.after.String() }
func (e timeoutError) Is(target error) bool { return target == ErrTimeout }

type statusError struct{ status string }

func (e statusError) Error() string        { return "HTTP " + e.status }
func (e statusError) Is(target error) bool { return target == ErrStatus }
