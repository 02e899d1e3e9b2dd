package server

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// contentSecurityPolicy allows the page's own stylesheet, script and forms and nothing else: no
// inline script, no other origin, no framing. The charts are inline SVG, drawn with attributes
// and classes, so no inline style is needed either.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// Access log keys.
const (
	logMethod   = "method"
	logPath     = "path"
	logStatus   = "status"
	logBytes    = "bytes"
	logDuration = "duration"
	logRemote   = "remote"
)

// logRequests writes one line per request: method, path, status, bytes written and time taken.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		s.log.LogAttrs(r.Context(), slog.LevelInfo, "http request",
			slog.String(logMethod, r.Method),
			slog.String(logPath, r.URL.Path),
			slog.Int(logStatus, sw.code()),
			slog.Int64(logBytes, sw.n),
			slog.Duration(logDuration, time.Since(start)),
			slog.String(logRemote, r.RemoteAddr))
	})
}

// recoverPanics turns a handler's panic into a 500 instead of a dropped connection, and logs it.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v) // the handler chose to drop the connection: let net/http do it
			}
			err := fmt.Errorf("panic: %v", v)
			if strings.HasPrefix(r.URL.Path, "/api/") {
				s.apiError(w, r, err)
			} else {
				s.pageError(w, r, err)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers the status and the size of a response for the access log.
type statusWriter struct {
	http.ResponseWriter
	status int
	n      int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.n += int64(n)
	return n, err
}

func (w *statusWriter) code() int {
	if w.status == 0 {
		return http.StatusOK
	}
	return w.status
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// headerRecorder catches what the mux would answer to a request no route takes (a 404, a 405
// with its Allow header, or a redirect to the clean path) without writing it, so that the
// server can answer in its own format.
type headerRecorder struct {
	h    http.Header
	code int
}

func (r *headerRecorder) Header() http.Header {
	if r.h == nil {
		r.h = http.Header{}
	}
	return r.h
}

func (r *headerRecorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
}

func (r *headerRecorder) Write(p []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	return len(p), nil
}
