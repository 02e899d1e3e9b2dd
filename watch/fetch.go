package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/store"
)

// Conditions a poll can fail with; Result.Err and Feed.LastError wrap or name them.
var (
	// ErrStatus means the server answered with a status other than 2xx or 304.
	ErrStatus = errors.New("HTTP status not 2xx")
	// ErrTooManyRedirects means the server kept redirecting (a loop, or a very long chain).
	ErrTooManyRedirects = ingest.ErrTooManyRedirects
	// ErrTooLarge means the feed is larger than Options.MaxBytes.
	ErrTooLarge = errors.New("feed too large")
	// ErrPrivateAddress means the feed's host (or a redirect) resolves to a loopback, private
	// or link-local address and Options.AllowPrivate is off.
	ErrPrivateAddress = ingest.ErrPrivateAddress
	// ErrTimeout means the server did not answer, or send the whole feed, in Options.Timeout.
	ErrTimeout = errors.New("timed out")
	// ErrNotFeed means the body is not an RSS, Atom or JSON feed.
	ErrNotFeed = errors.New("not a feed")
)

// maxRetryAfter bounds a Retry-After in seconds (a year) before it becomes a Duration, which a
// server's huge number would overflow; backoff caps it far lower anyway.
const maxRetryAfter = 366 * 24 * 3600

// acceptFeeds asks for feeds first and still takes whatever a server labels them as.
const acceptFeeds = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

// statusError is a response the watcher cannot use. RetryAfter is what the server asked for
// with a 429 or 503, or 0.
type statusError struct {
	code       int
	status     string
	retryAfter time.Duration
}

func (e *statusError) Error() string { return "HTTP " + e.status }
func (e *statusError) Unwrap() error { return ErrStatus }

// response is a feed fetched with status 200 (or another 2xx), or a 304.
type response struct {
	notModified        bool
	body               []byte
	final              *url.URL // after redirects
	etag, lastModified string
}

// fetch asks for the feed, conditionally when its state holds validators from an earlier fetch.
func (w *Watcher) fetch(ctx context.Context, f *store.Feed) (*response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.URL, nil)
	if err != nil {
		return nil, fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("User-Agent", w.opts.UserAgent)
	req.Header.Set("Accept", acceptFeeds)
	if f.ETag != "" {
		req.Header.Set("If-None-Match", f.ETag)
	}
	if f.LastModified != "" {
		req.Header.Set("If-Modified-Since", f.LastModified)
	}
	resp, err := w.client.Do(req)
	if err != nil {
		return nil, fetchError(err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return &response{notModified: true, final: resp.Request.URL}, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		// Drain a little so that the connection can be reused for the host's next feed.
		_, _ = io.CopyN(io.Discard, resp.Body, 4<<10)
		return nil, &statusError{code: resp.StatusCode, status: resp.Status, retryAfter: retryAfter(resp, w.clock.Now())}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, w.opts.MaxBytes+1))
	if err != nil {
		return nil, fetchError(fmt.Errorf("read body: %w", err))
	}
	if int64(len(body)) > w.opts.MaxBytes {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, w.opts.MaxBytes)
	}
	return &response{
		body:         body,
		final:        resp.Request.URL,
		etag:         resp.Header.Get("ETag"),
		lastModified: resp.Header.Get("Last-Modified"),
	}, nil
}

// fetchError keeps what a person needs from a transport error: the condition, without the URL
// that the feed's own line already names.
func fetchError(err error) error {
	var urlErr *url.Error
	var netErr net.Error
	switch {
	case errors.Is(err, ErrTooManyRedirects):
		return ErrTooManyRedirects
	case errors.Is(err, ErrPrivateAddress), errors.Is(err, context.Canceled):
		return err
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return ErrTimeout
	case errors.As(err, &urlErr):
		return fmt.Errorf("fetch: %w", urlErr.Err)
	}
	return err
}

// retryAfter reads a 429 or 503's Retry-After, in seconds or as an HTTP date.
func retryAfter(resp *http.Response, now time.Time) time.Duration {
	if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable {
		return 0
	}
	v := strings.TrimSpace(resp.Header.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		return time.Duration(min(max(s, 0), maxRetryAfter)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
