package server

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/brief"
	"github.com/dossier-news/dossier/store"
)

// Adder stores documents: it extracts and analyses each one, files it into its story and
// reports what it did, once per document, in order. store.Adder is one. The server calls it
// from one request at a time.
type Adder interface {
	AddDocuments(ctx context.Context, docs iter.Seq2[*dossier.Document, error], report func(store.Result)) error
}

// DefaultMaxBody is the largest request body a write accepts unless Config says otherwise.
const DefaultMaxBody = 4 << 20

// Config is what a Server serves and how.
type Config struct {
	Store store.Store
	// Adder adds the articles posted to the API. Without it, or without a Token, the server
	// refuses every write.
	Adder Adder
	// Token is the bearer token writes must carry.
	Token string
	// MaxBody is the largest request body accepted, in bytes (DefaultMaxBody when zero).
	MaxBody int64
	// Brief tunes the briefings the story pages and the API build.
	Brief  brief.Options
	Logger *slog.Logger
}

// Validate reports a configuration that cannot serve.
func (c Config) Validate() error {
	if c.Store == nil {
		return errors.New("server: no store given")
	}
	if c.MaxBody < 0 {
		return fmt.Errorf("server: negative body limit %d", c.MaxBody)
	}
	return nil
}

// Server answers the API and the web UI. It is an http.Handler; Run serves it on a listener
// with timeouts and a graceful shutdown.
type Server struct {
	cfg     Config
	log     *slog.Logger
	pages   *pages
	handler http.Handler
	// addMu serialises writes: an Adder keeps one clusterer and files one article at a time.
	addMu  sync.Mutex
	briefs briefCache
}

// New returns a Server for cfg, which must be valid.
func New(cfg Config) (*Server, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.MaxBody == 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	s := &Server{cfg: cfg, log: cfg.Logger, briefs: briefCache{max: 64}}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	p, err := loadPages()
	if err != nil {
		return nil, err
	}
	s.pages = p
	s.handler = s.recoverPanics(s.logRequests(securityHeaders(s.routes())))
	return s, nil
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Timeouts of the http.Server Run starts. Writes analyse an article before they answer, which
// can take seconds for a long one, hence the generous write timeout.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 2 * time.Minute
	shutdownGrace     = 10 * time.Second
)

// Run serves on ln until ctx is done (main cancels it on SIGINT or SIGTERM), then stops taking
// connections and waits for the requests under way, for at most ten seconds.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "addr", ln.Addr().String())
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down %s: %w", ln.Addr(), err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	}
	return nil
}
