package ingest

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// Defaults that New puts in place of zero Options fields.
const (
	DefaultMaxBytes  = 32 << 20
	DefaultTimeout   = 30 * time.Second
	DefaultUserAgent = "dossier/0.1 (+https://github.com/dossier-news/dossier)"
)

// maxRedirects bounds a chain of HTTP redirects; ErrTooManyRedirects spells the number out.
const maxRedirects = 10

// Options control a Reader. The zero value is usable: New fills in the defaults.
type Options struct {
	// Follow makes feed items fetch their link and use the page instead of the item's content.
	Follow bool
	// AllowPrivate allows URLs that resolve to loopback, private, link-local, unspecified or
	// other non-public addresses. Off, such connections are refused when they are dialled.
	AllowPrivate bool
	// MaxBytes caps one document's bytes after decompression (DefaultMaxBytes when zero). For
	// JSON Lines it caps one line, for WARC one record's page, for a feed the whole feed.
	MaxBytes int64
	// Timeout bounds each HTTP request, body included (DefaultTimeout when zero).
	Timeout time.Duration
	// UserAgent is sent with every request (DefaultUserAgent when empty).
	UserAgent string
	// Logger receives warnings about metadata that could not be read (a bad date, a broken
	// sidecar) and debug notes about what was passed over; nil discards them.
	Logger *slog.Logger
}

// Validate reports options that New would otherwise replace by defaults without a word.
func (o Options) Validate() error {
	var errs []error
	if o.MaxBytes < 0 {
		errs = append(errs, fmt.Errorf("max bytes %d is negative", o.MaxBytes))
	}
	if o.Timeout < 0 {
		errs = append(errs, fmt.Errorf("timeout %s is negative", o.Timeout))
	}
	if strings.ContainsAny(o.UserAgent, "\r\n") {
		errs = append(errs, errors.New("user agent contains a line break"))
	}
	return errors.Join(errs...)
}

func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.UserAgent == "" || strings.ContainsAny(o.UserAgent, "\r\n") {
		o.UserAgent = DefaultUserAgent
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}
