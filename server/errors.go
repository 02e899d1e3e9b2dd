package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/dossier-news/dossier/store"
)

// Conditions the handlers report; status maps them, and the store's, to HTTP status codes.
var (
	// ErrBadRequest is a request whose parameters or body cannot be used.
	ErrBadRequest = errors.New("bad request")
	// ErrUnauthorized is a write without the right bearer token.
	ErrUnauthorized = errors.New("unauthorized")
	// ErrWritesDisabled is a write to a server started without a token.
	ErrWritesDisabled = errors.New("writes are disabled")
	// ErrUnsupportedMedia is a body that is neither JSON nor HTML.
	ErrUnsupportedMedia = errors.New("unsupported media type")
	// ErrUnprocessable is an article that was read but could not be extracted or analysed.
	ErrUnprocessable = errors.New("article could not be added")
	// errNoRoute is a path no route serves; errMethod a route asked with the wrong method.
	errNoRoute = errors.New("no such page")
	errMethod  = errors.New("method not allowed")
)

// badRequest is an ErrBadRequest that says what was wrong.
func badRequest(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrBadRequest, fmt.Sprintf(format, args...))
}

// status is the HTTP status of an error a handler returned.
func status(err error) int {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.Is(err, ErrBadRequest), errors.Is(err, store.ErrBadQuery):
		return http.StatusBadRequest
	case errors.Is(err, ErrUnauthorized):
		return http.StatusUnauthorized
	case errors.Is(err, ErrWritesDisabled):
		return http.StatusForbidden
	case errors.Is(err, store.ErrNotFound), errors.Is(err, errNoRoute):
		return http.StatusNotFound
	case errors.Is(err, errMethod):
		return http.StatusMethodNotAllowed
	case errors.As(err, &tooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, ErrUnsupportedMedia):
		return http.StatusUnsupportedMediaType
	case errors.Is(err, ErrUnprocessable):
		return http.StatusUnprocessableEntity
	case errors.Is(err, store.ErrLocked):
		return http.StatusServiceUnavailable
	case errors.Is(err, store.ErrFull):
		return http.StatusInsufficientStorage
	}
	return http.StatusInternalServerError
}

// message is what the client is told of an error: the error itself for what the client can
// act on, and nothing of the server's insides otherwise.
func message(err error, code int) string {
	var tooLarge *http.MaxBytesError
	switch {
	case code == http.StatusInternalServerError:
		return "internal error"
	case errors.As(err, &tooLarge):
		return fmt.Sprintf("request body over %d bytes", tooLarge.Limit)
	}
	return err.Error()
}

// apiError is the body of every API error.
type apiError struct {
	Error string `json:"error"`
}

// api adapts a handler that returns an error to http.Handler: errors become JSON with their
// status, and the server's own faults are logged.
func (s *Server) api(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.apiError(w, r, err)
		}
	})
}

func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	code := status(err)
	if code >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if code == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dossier"`)
	}
	writeJSON(w, code, apiError{Error: message(err, code)})
}

// writeJSON writes v as the response. The encoder's escaping of <, > and & is kept: the JSON
// means the same, and a hostile article's markup cannot run even where a browser or proxy
// ignores the content type.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	// The status is sent; a failure here is the client going away, which the access log shows.
	_ = enc.Encode(v)
}
