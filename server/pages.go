package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier/brief"
)

//go:embed ui/templates/*.html
var templateFS embed.FS

//go:embed ui/static
var staticFS embed.FS

// pages holds one template set per page, each the layout with the page's "content".
type pages struct {
	byName map[string]*template.Template
}

var pageNames = []string{"stories", "story", "article", "actor", "search", "error"}

func loadPages() (*pages, error) {
	p := &pages{byName: make(map[string]*template.Template, len(pageNames))}
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "ui/templates/layout.html", "ui/templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parse page %s: %w", name, err)
		}
		p.byName[name] = t
	}
	return p, nil
}

// funcs are the helpers the templates share.
var funcs = template.FuncMap{
	"date":       dateOnly,
	"join":       strings.Join,
	"counts":     brief.Counts,
	"storyURL":   func(id string) string { return "/stories/" + url.PathEscape(id) },
	"articleURL": func(id string) string { return "/articles/" + url.PathEscape(id) },
	"actorURL":   func(id string) string { return "/actors/" + url.PathEscape(id) },
	"spanURL":    spanURL,
	"plural":     plural,
	"add":        func(a, b int) int { return a + b },
	"plus":       func(a, b float64) float64 { return a + b },
	"f":          func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) },
	"time":       func(t time.Time) string { return dateOnly(rfc3339(t)) },
}

// spanURL opens an article with a span of its text marked and scrolled into view.
func spanURL(article string, start, end int) string {
	return fmt.Sprintf("/articles/%s?s=%d&e=%d#cite", url.PathEscape(article), start, end)
}

func dateOnly(rfc string) string { return rfc[:min(len(rfc), len(time.DateOnly))] }

// layout is what every page hands the layout: the page's title, the search box's words, and
// the page's own data.
type layout struct {
	Title string
	Query string
	Body  any
}

// render executes a page into a buffer first, so that a template that fails halfway sends an
// error page and not half a page.
func (s *Server) render(w http.ResponseWriter, code int, name string, data layout) error {
	var buf bytes.Buffer
	if err := s.pages.byName[name].Execute(&buf, data); err != nil {
		return fmt.Errorf("render %s page: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, err := buf.WriteTo(w)
	return err
}

// page adapts a page handler that returns an error: the error becomes an error page.
func (s *Server) page(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.pageError(w, r, err)
		}
	})
}

// errorView is what the error page shows.
type errorView struct {
	Code    int
	Status  string
	Message string
}

func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	code := status(err)
	if code >= 500 {
		s.log.Error("page failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	v := errorView{Code: code, Status: http.StatusText(code), Message: message(err, code)}
	if err := s.render(w, code, "error", layout{Title: v.Status, Body: v}); err != nil {
		s.log.Error("render error page", "err", err)
		http.Error(w, v.Status, code)
	}
}

// staticFiles serves the script and the stylesheets. The briefing's stylesheet comes from
// package brief, so that the pages look like a briefing without a copy of its rules.
func staticFiles() http.Handler {
	sub, err := fs.Sub(staticFS, "ui/static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	css := []byte(brief.CSS())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		switch {
		case strings.HasSuffix(r.URL.Path, "/"):
			http.NotFound(w, r) // no directory listings
			return
		case r.URL.Path == "/static/brief.css":
			w.Header().Set("Content-Type", "text/css; charset=utf-8")
			_, _ = w.Write(css)
			return
		}
		files.ServeHTTP(w, r)
	})
}
