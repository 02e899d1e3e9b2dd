package server

import (
	"net/http"
	"strings"
)

// routes declares every route in one place.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()

	mux.Handle("GET /api/stories", s.api(s.apiStories))
	mux.Handle("GET /api/stories/{id}", s.api(s.apiStory))
	mux.Handle("GET /api/stories/{id}/brief", s.api(s.apiBrief))
	mux.Handle("GET /api/articles", s.api(s.apiArticles))
	mux.Handle("GET /api/articles/{id}", s.api(s.apiArticle))
	mux.Handle("POST /api/articles", s.api(s.apiAddArticle))
	mux.Handle("GET /api/actors", s.api(s.apiActors))
	mux.Handle("GET /api/actors/{id}", s.api(s.apiActor))
	mux.Handle("GET /api/quotes", s.api(s.apiQuotes))
	mux.Handle("GET /api/search", s.api(s.apiSearch))

	mux.Handle("GET /{$}", s.page(s.storiesPage))
	mux.Handle("GET /stories/{id}", s.page(s.storyPage))
	mux.Handle("GET /articles/{id}", s.page(s.articlePage))
	mux.Handle("GET /actors/{id}", s.page(s.actorPage))
	mux.Handle("GET /search", s.page(s.searchPage))
	mux.Handle("GET /static/", staticFiles())

	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, pattern := mux.Handler(r)
		if pattern != "" {
			mux.ServeHTTP(w, r) // the mux sets the path values Handler does not
			return
		}
		// No route: the mux would answer 404, 405 or a redirect to the cleaned path in plain
		// text. Redirects go out as they are; errors in the API's or the pages' format.
		var rec headerRecorder
		h.ServeHTTP(&rec, r)
		if rec.code != http.StatusNotFound && rec.code != http.StatusMethodNotAllowed {
			for k, v := range rec.h {
				w.Header()[k] = v
			}
			w.WriteHeader(rec.code)
			return
		}
		err := errNoRoute
		if rec.code == http.StatusMethodNotAllowed {
			err = errMethod
			w.Header().Set("Allow", rec.h.Get("Allow"))
		}
		if strings.HasPrefix(r.URL.Path, "/api/") {
			s.apiError(w, r, err)
		} else {
			s.pageError(w, r, err)
		}
	})
}
