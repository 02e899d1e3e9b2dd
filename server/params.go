package server

import (
	"net/url"
	"strconv"
	"time"

	"github.com/dossier-news/dossier/store"
)

// Bounds on listings.
const (
	defaultLimit = 50
	maxLimit     = 500
	maxOffset    = 1_000_000
)

// params reads a request's query parameters and remembers the first that is wrong, so that a
// handler reads them all and checks once.
type params struct {
	q   url.Values
	err error
}

func (p *params) fail(name, problem string) {
	if p.err == nil {
		p.err = badRequest("%s: %s", name, problem)
	}
}

func (p *params) str(name string) string { return p.q.Get(name) }

// int reads a whole number in [lo, hi], or def when the parameter is absent.
func (p *params) int(name string, def, lo, hi int) int {
	s := p.q.Get(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.fail(name, "want a whole number from "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi))
		return def
	}
	return n
}

func (p *params) bool(name string) bool {
	s := p.q.Get(name)
	if s == "" {
		return false
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		p.fail(name, "want true or false")
	}
	return b
}

func (p *params) page() store.Page {
	return store.Page{
		Limit:  p.int("limit", defaultLimit, 1, maxLimit),
		Offset: p.int("offset", 0, 0, maxOffset),
	}
}

// dates reads the range from, to. A date without a time as the end of the range stands for
// the whole day, so that from=to=2031-04-18 finds that day's articles.
func (p *params) dates() (from, to time.Time) {
	from = p.date("from", false)
	to = p.date("to", true)
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		p.fail("to", "the range ends before it starts")
	}
	return from, to
}

func (p *params) date(name string, end bool) time.Time {
	s := p.q.Get(name)
	if s == "" {
		return time.Time{}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		p.fail(name, "want a date as 2006-01-02 or RFC 3339")
		return time.Time{}
	}
	if end {
		t = t.AddDate(0, 0, 1).Add(-time.Nanosecond)
	}
	return t
}

// kinds reads the kind of search hits wanted: article, quote, or both when absent.
func (p *params) kinds() []store.HitKind {
	switch k := store.HitKind(p.q.Get("kind")); k {
	case "":
		return nil
	case store.HitArticle, store.HitQuote:
		return []store.HitKind{k}
	}
	p.fail("kind", "want article or quote")
	return nil
}
