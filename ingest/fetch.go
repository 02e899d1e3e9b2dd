package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
	"time"

	"github.com/dossier-news/dossier"
)

// acceptHeader prefers what ingest reads best and still takes anything, since sniffing decides.
const acceptHeader = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, " +
	"application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5"

// validators are what a server said about a feed so that the next request can ask "only if changed".
type validators struct {
	etag         string
	lastModified string
}

// NewClient returns the HTTP client URLs are fetched with: bounded in time and redirects (a longer
// chain fails with ErrTooManyRedirects) and, unless o.AllowPrivate, refusing loopback, private,
// link-local and other non-public addresses when it dials (ErrPrivateAddress), after DNS and after
// every redirect. Other fetchers of the project (the feed watcher) use it so that one guard
// decides what the network may reach.
func NewClient(o Options) *http.Client {
	dialer := &net.Dialer{Timeout: min(o.Timeout, 10*time.Second), KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		// Control sees the address actually dialled, after DNS and after every redirect, so a
		// public name that resolves to a private address, or a redirect to one, is refused too.
		dialer.Control = refusePrivate
	}
	transport := &http.Transport{
		// No proxy: the guard would judge the proxy's address instead of the site's.
		Proxy:                  nil,
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    min(o.Timeout, 10*time.Second),
		ResponseHeaderTimeout:  o.Timeout,
		ExpectContinueTimeout:  time.Second,
		MaxIdleConns:           32,
		MaxIdleConnsPerHost:    4,
		IdleConnTimeout:        90 * time.Second,
		MaxResponseHeaderBytes: 1 << 20,
	}
	return &http.Client{
		Transport: transport,
		Timeout:   o.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return ErrTooManyRedirects
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
			}
			return nil
		},
	}
}

// readURL fetches one URL and reads what it returns. meta holds what a feed item said about the
// page; the final URL after redirects replaces its URL.
func (r *Reader) readURL(s *sink, rawURL string, meta dossier.Meta, follow bool) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return s.fail(rawURL, fmt.Errorf("parse URL: %w", errors.Unwrap(err)))
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return s.fail(rawURL, errors.New("not an http or https URL"))
	}
	req, err := http.NewRequestWithContext(s.ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return s.fail(rawURL, fmt.Errorf("build request: %w", err))
	}
	req.Header.Set("User-Agent", r.opts.UserAgent)
	req.Header.Set("Accept", acceptHeader)
	key := u.String()
	r.mu.Lock()
	v, known := r.validators[key]
	r.mu.Unlock()
	if known {
		if v.etag != "" {
			req.Header.Set("If-None-Match", v.etag)
		}
		if v.lastModified != "" {
			req.Header.Set("If-Modified-Since", v.lastModified)
		}
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return s.fail(rawURL, fetchError(err, r.opts.Timeout))
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		r.log.Debug("feed not modified", logSource, rawURL)
		return true
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return s.fail(rawURL, statusError{resp.Status})
	}
	final := resp.Request.URL
	meta.URL = final.String()
	return r.readBlob(s, blob{
		source:      rawURL,
		name:        final.Path,
		contentType: resp.Header.Get("Content-Type"),
		r:           httpBody{resp.Body, r.opts.Timeout},
		meta:        meta,
		follow:      follow,
		base:        final,
		parsed: func() {
			v := validators{etag: resp.Header.Get("ETag"), lastModified: resp.Header.Get("Last-Modified")}
			if v == (validators{}) {
				return
			}
			r.mu.Lock()
			r.validators[key] = v
			r.mu.Unlock()
		},
	})
}

// httpBody names the errors of a response body as fetchError does.
type httpBody struct {
	body    io.Reader
	timeout time.Duration
}

func (h httpBody) Read(p []byte) (int, error) {
	n, err := h.body.Read(p)
	if err != nil && err != io.EOF {
		err = fetchError(err, h.timeout)
	}
	return n, err
}

// fetchError turns what net/http returns into the problem a person needs to read: the refused
// address, the redirect limit, the time limit, or the transport's own words without the URL that
// Error.Source already gives.
func fetchError(err error, timeout time.Duration) error {
	var private *privateError
	var netErr net.Error
	var urlErr *url.Error
	switch {
	case errors.As(err, &private):
		return private
	case errors.Is(err, ErrTooManyRedirects):
		return ErrTooManyRedirects
	case errors.Is(err, context.Canceled):
		return err
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return timeoutError{timeout}
	case errors.As(err, &urlErr):
		return fmt.Errorf("fetch: %w", urlErr.Err)
	}
	return err
}

// refusePrivate is the dialer's Control function when private addresses are not allowed.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("parse dial address %q: %w", address, err)
	}
	if addr := ap.Addr().Unmap().WithZone(""); !isPublic(addr) {
		return &privateError{addr}
	}
	return nil
}

// nonPublic lists the ranges that netip's predicates do not cover and that no news site is on:
// shared address space, IETF and documentation ranges, benchmarking, reserved and broadcast.
var nonPublic = [...]netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
	netip.MustParsePrefix("100::/64"),
	netip.MustParsePrefix("2001:db8::/32"),
}

// IPv6 ranges that carry an IPv4 address, judged by that address.
var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// isPublic reports whether addr is an address on the public internet.
func isPublic(addr netip.Addr) bool {
	addr = addr.Unmap()
	if !addr.IsValid() || addr.IsLoopback() || addr.IsPrivate() || addr.IsUnspecified() ||
		addr.IsLinkLocalUnicast() || addr.IsLinkLocalMulticast() || addr.IsInterfaceLocalMulticast() ||
		addr.IsMulticast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(addr) {
			return false
		}
	}
	b := addr.As16()
	switch {
	case nat64.Contains(addr):
		return isPublic(netip.AddrFrom4([4]byte(b[12:16])))
	case sixToFour.Contains(addr):
		return isPublic(netip.AddrFrom4([4]byte(b[2:6])))
	}
	return true
}
