package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/server"
	"github.com/dossier-news/dossier/store"
	"github.com/dossier-news/dossier/store/sqlite"
)

// searchCommand runs a full-text search over the stored articles and quotes.
type searchCommand struct {
	*Main
}

func (c *searchCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("search", "[flags] QUERY")
	dbPath := fs.String("db", "", "database `file` (default $DOSSIER_DB, else the user's data directory)")
	speaker := fs.String("speaker", "", "keep quotes by this speaker (entity ID or name) and articles that quote them")
	actor := fs.String("actor", "", "keep articles naming this actor (entity ID, as person:jane-roe) and the quotes in them")
	outlet := fs.String("outlet", "", "keep articles of this outlet")
	issue := fs.String("issue", "", "keep articles where someone takes a position on this issue")
	kind := fs.String("kind", "", "keep only `article` or quote hits")
	from := fs.String("from", "", "keep articles published on or after this `date` (2006-01-02 or RFC 3339)")
	to := fs.String("to", "", "keep articles published on or before this `date` (a day counts whole)")
	format := fs.String("format", "text", "output `format`: text (snippets with the matches highlighted) or json (one hit per line)")
	limit := fs.Int("limit", 20, "most hits shown")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usageError{fmt.Sprintf("unknown format %q (want text or json)", *format)}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{`no query given (words, "a phrase", word OR word, -word, prefix*)`}
	}
	if *limit < 1 {
		return usageError{fmt.Sprintf("--limit must be at least 1, got %d", *limit)}
	}
	q := store.SearchQuery{Page: store.Page{Limit: *limit}, Speaker: *speaker, Actor: *actor, Outlet: *outlet, Issue: *issue}
	var err error
	if q.Query, err = store.ParseQuery(strings.Join(fs.Args(), " ")); err != nil {
		return usageError{err.Error()}
	}
	switch k := store.HitKind(*kind); k {
	case "":
	case store.HitArticle, store.HitQuote:
		q.Kinds = []store.HitKind{k}
	default:
		return usageError{fmt.Sprintf("unknown kind %q (want article or quote)", *kind)}
	}
	if q.From, err = flagDate("from", *from, false); err != nil {
		return err
	}
	if q.To, err = flagDate("to", *to, true); err != nil {
		return err
	}

	db, err := c.openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	hits, err := db.Search(ctx, q)
	if errors.Is(err, store.ErrBadQuery) {
		return usageError{err.Error()}
	}
	if err != nil {
		return err
	}

	out := bufio.NewWriterSize(c.Stdout, 64<<10)
	if *format == "json" {
		err = writeHitsJSON(out, hits)
	} else {
		writeHits(out, hits, highlighter(c.Stdout))
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return fmt.Errorf("write hits: %w", err)
	}
	fmt.Fprintf(c.Stderr, "dossier: %s for %s\n", plural(len(hits), "hit"), q.Query)
	return nil
}

// openStore opens an existing database for reading. Unlike add, a command that only reads
// must not leave an empty database behind where the user mistyped a path.
func (m *Main) openStore(ctx context.Context, flag string) (*sqlite.DB, error) {
	path, err := databasePath(flag)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no database at %s (store articles first with dossier add or dossier watch, or name one with --db)", path)
	}
	return sqlite.Open(ctx, path, sqlite.Options{Logger: m.logger()})
}

// flagDate reads a date flag as 2006-01-02 or RFC 3339. A bare date at the end of a range
// stands for the whole day, as in the HTTP API.
func flagDate(name, s string, end bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, usageError{fmt.Sprintf("--%s %q: want a date as 2006-01-02 or RFC 3339", name, s)}
	}
	if end {
		t = t.AddDate(0, 0, 1).Add(-time.Nanosecond)
	}
	return t, nil
}

// highlight marks the matched words of a snippet.
type highlight struct{ open, close string }

// highlighter marks matches in bold on a terminal and in [brackets] elsewhere (a pipe, a file,
// or a terminal with NO_COLOR set), where escape codes would be noise.
func highlighter(w io.Writer) highlight {
	if f, ok := w.(*os.File); ok && os.Getenv("NO_COLOR") == "" {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			return highlight{"\x1b[1m", "\x1b[22m"}
		}
	}
	return highlight{"[", "]"}
}

// writeHits writes each hit as a numbered entry: what it is and where it comes from, then its
// snippet. A write error stays in w for Flush.
func writeHits(w *bufio.Writer, hits []store.Hit, hl highlight) {
	for i, h := range hits {
		a := h.Article
		fmt.Fprintf(w, "%d. %s", i+1, printable(cmp.Or(a.Title, "(untitled)")))
		var where []string
		if h.Kind == store.HitQuote && h.Quote != nil {
			where = append(where, "quote by "+printable(speakerName(h.Quote.Speaker)))
		}
		if a.Outlet != "" {
			where = append(where, printable(a.Outlet))
		}
		if !a.Published.IsZero() {
			where = append(where, a.Published.UTC().Format(time.DateOnly))
		}
		if len(where) > 0 {
			fmt.Fprintf(w, " · %s", strings.Join(where, " · "))
		}
		fmt.Fprintf(w, "\n   %s\n   ", printable(cmp.Or(a.URL, a.Source)))
		for _, f := range h.Snippet {
			if f.Match {
				w.WriteString(hl.open + printable(f.Text) + hl.close)
			} else {
				w.WriteString(printable(f.Text))
			}
		}
		w.WriteString("\n")
	}
}

func speakerName(s analyze.Speaker) string {
	switch {
	case s.Name != "" && s.Role != "" && !strings.Contains(s.Name, s.Role):
		return s.Role + " " + s.Name
	case s.Name != "":
		return s.Name
	case s.Role != "":
		return s.Role
	}
	return "an unnamed speaker"
}

// printable puts stored text on one line and takes out control characters, so that an
// article cannot move the cursor or recolour a terminal with escape codes of its own.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case r < 0x20 || r == 0x7f || 0x80 <= r && r < 0xa0:
			return -1
		}
		return r
	}, s)
}

func writeHitsJSON(w io.Writer, hits []store.Hit) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, h := range hits {
		if err := enc.Encode(server.NewHit(h)); err != nil {
			return err
		}
	}
	return nil
}
