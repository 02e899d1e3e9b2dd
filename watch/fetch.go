package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/dossier-news/dossier/store"
)

// Conditions a poll can fail with; Result.Err and Feed.LastError wrap or name them.
var (
	// ErrStatus means the server answered with a status other than 2xx or 304.
	ErrStatus = errors.New("HTTP status not 2xx")
	// ErrTooManyRedirects means the server kept redirecting (a loop, or a very long chain).
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrTooLarge means the feed is larger than Options.MaxBytes.
	ErrTooLarge = errors.New("feed too large")
	// ErrPrivateAddress means the feed's host (or a redirect) resolves to a loopback, private
	// or link-local address and Options.AllowPrivate is off.
	ErrPrivateAddress = errors.New("private address")
	// ErrTimeout means the server did not answer, or send the whole feed, in Options.Timeout.
	ErrTimeout = errors.New("timed out")
	// ErrNotFeed means the body is not an RSS, Atom or JSON feed.
	ErrNotFeed = errors.New("not a feed")
)

// maxRetryAfter bounds a Retry-After in seconds (a year) before it becomes a Duration, which a
// server's huge number would overflow; backoff caps it far lower anyway.
const maxRetryAfter = 366 * 24 * 3600

// maxRedirects bounds a redirect chain; a loop reaches it quickly.
const maxRedirects = 10

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

// newClient returns the HTTP client polls use when Options.Client is nil: bounded in time and
// redirects and, unless allowPrivate, refusing non-public addresses when it dials (after DNS and
// after every redirect), so that a feed cannot point the watcher at the local network.
func newClient(timeout time.Duration, allowPrivate bool) *http.Client {
	dialer := &net.Dialer{Timeout: min(timeout, 10*time.Second), KeepAlive: 30 * time.Second}
	if !allowPrivate {
		dialer.Control = refusePrivate
	}
	return &http.Client{
		Transport: &http.Transport{
			Proxy:                 nil, // the guard would judge the proxy's address, not the feed's
			DialContext:           dialer.DialContext,
			ForceAttemptHTTP2:     true,
			TLSHandshakeTimeout:   min(timeout, 10*time.Second),
			ResponseHeaderTimeout: timeout,
			MaxIdleConnsPerHost:   2,
			IdleConnTimeout:       90 * time.Second,
		},
		Timeout:       timeout,
		CheckRedirect: checkRedirect,
	}
}

func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return ErrTooManyRedirects
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
	}
	return nil
}

// refusePrivate is the dialer's Control function when private addresses are not allowed.
func refusePrivate(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("parse dial address %q: %w", address, err)
	}
	a := ap.Addr().Unmap()
	if a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsInterfaceLocalMulticast() || a.IsMulticast() || a.IsUnspecified() || cgnat.Contains(a) {
		return fmt.Errorf("%w %s", ErrPrivateAddress, a)
	}
	return nil
}

// cgnat is the shared address space carriers put behind NAT; no feed is served from it.
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

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
