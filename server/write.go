package server

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/store"
)

// apiAdded is the answer to an add.
type apiAdded struct {
	ID       string `json:"id"`
	Status   string `json:"status"` // new, version or duplicate
	Story    string `json:"story"`
	Previous string `json:"previous"`
	Source   string `json:"source"`
}

// apiAddArticle adds one article. It checks the token before it reads the body, so that a
// client without one cannot make the server read megabytes.
func (s *Server) apiAddArticle(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorize(r); err != nil {
		return err
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	if err != nil {
		return fmt.Errorf("read article: %w", err)
	}
	doc, err := s.document(r, body)
	if err != nil {
		return err
	}
	res, err := s.add(r, doc)
	if err != nil {
		return err
	}
	code := http.StatusCreated
	if res.Status == store.Duplicate {
		code = http.StatusOK
	}
	w.Header().Set("Location", "/api/articles/"+url.PathEscape(res.ID))
	writeJSON(w, code, apiAdded{ID: res.ID, Status: res.Status.String(), Story: res.Story, Previous: res.Previous, Source: doc.Source})
	return nil
}

// authorize checks the bearer token. Comparing digests keeps the comparison's time from telling
// the token's length as well as its bytes.
func (s *Server) authorize(r *http.Request) error {
	if s.cfg.Token == "" || s.cfg.Adder == nil {
		return fmt.Errorf("%w: start the server with --token or DOSSIER_TOKEN to accept articles", ErrWritesDisabled)
	}
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return fmt.Errorf("%w: send Authorization: Bearer TOKEN", ErrUnauthorized)
	}
	got, want := sha256.Sum256([]byte(strings.TrimSpace(token))), sha256.Sum256([]byte(s.cfg.Token))
	if subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
		return fmt.Errorf("%w: wrong token", ErrUnauthorized)
	}
	return nil
}

// postedArticle is the JSON form of an article, the fields of a JSON Lines record that ingest
// reads; it is decoded here only to check it before ingest reads it.
type postedArticle struct {
	Title     string          `json:"title"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`
	URL       string          `json:"url"`
	Outlet    string          `json:"outlet"`
	Published json.RawMessage `json:"published"`
	Lang      string          `json:"lang"`
}

// document reads the body as a JSON article or an HTML page. Both go through ingest, as a JSON
// Lines record or a page would from a file, so that dates, charsets and metadata are read by
// the same code as everywhere else.
func (s *Server) document(r *http.Request, body []byte) (*dossier.Document, error) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return nil, fmt.Errorf("%w: want application/json or text/html", ErrUnsupportedMedia)
	}
	var meta dossier.Meta
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		if body, err = checkJSON(body); err != nil {
			return nil, err
		}
	case mt == "text/html" || mt == "application/xhtml+xml":
		// The page may not say where it lives or who published it; the query can.
		q := r.URL.Query()
		meta.URL, meta.Outlet = q.Get("url"), q.Get("outlet")
	default:
		return nil, fmt.Errorf("%w %q: want application/json or text/html", ErrUnsupportedMedia, mt)
	}
	rd := ingest.New(ingest.Options{MaxBytes: s.cfg.MaxBody})
	rd.Stdin = bytes.NewReader(body)
	var doc *dossier.Document
	for d, err := range rd.Read(r.Context(), []string{"-"}) {
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrUnprocessable, err)
		}
		doc = d
		break
	}
	if doc == nil {
		return nil, fmt.Errorf("%w: the body holds no article", ErrUnprocessable)
	}
	if meta.URL != "" {
		doc.Meta.URL = meta.URL
	}
	if meta.Outlet != "" {
		doc.Meta.Outlet = meta.Outlet
	}
	// An article is stored under its URL, or under its source when it has none: name a
	// posted article by its URL or its content, never by a name every post would share.
	sum := sha256.Sum256(body)
	doc.Source = "api:" + hex.EncodeToString(sum[:8])
	if doc.Meta.URL != "" {
		doc.Source = doc.Meta.URL
	}
	return doc, nil
}

// checkJSON checks that body is one article object with a text or an HTML body and returns it
// on one line, as a JSON Lines reader wants it.
func checkJSON(body []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var a postedArticle
	if err := dec.Decode(&a); err != nil {
		return nil, badRequest("article: %v", err)
	}
	if dec.More() {
		return nil, badRequest("article: one JSON object per request")
	}
	switch {
	case a.Text == nil && a.HTML == nil:
		return nil, badRequest(`article: give "text" or "html"`)
	case a.Text != nil && a.HTML != nil:
		return nil, badRequest(`article: give "text" or "html", not both`)
	case a.URL != "":
		if u, err := url.Parse(a.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, badRequest("article: url must be an http or https address")
		}
	}
	var line bytes.Buffer
	if err := json.Compact(&line, body); err != nil {
		return nil, badRequest("article: %v", err)
	}
	return line.Bytes(), nil
}

// add hands the document to the Adder, one request at a time.
func (s *Server) add(r *http.Request, doc *dossier.Document) (store.Result, error) {
	s.addMu.Lock()
	defer s.addMu.Unlock()
	var res store.Result
	reported := false
	one := func(yield func(*dossier.Document, error) bool) { yield(doc, nil) }
	err := s.cfg.Adder.AddDocuments(r.Context(), one, func(x store.Result) { res, reported = x, true })
	switch {
	case err != nil:
		return res, fmt.Errorf("add %s: %w", doc.Source, err)
	case !reported:
		return res, fmt.Errorf("add %s: the adder reported nothing", doc.Source)
	case res.Err != nil:
		if errors.Is(res.Err, store.ErrLocked) || errors.Is(res.Err, store.ErrFull) {
			return res, fmt.Errorf("add %s: %w", doc.Source, res.Err)
		}
		return res, fmt.Errorf("%w: %w", ErrUnprocessable, res.Err)
	}
	return res, nil
}
