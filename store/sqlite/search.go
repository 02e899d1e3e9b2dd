package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dossier-news/dossier/store"
)

// Search bounds: words in a snippet, and how many matching articles a quote search reads
// through before it settles for the quotes found so far (a word common in articles but rare in
// their quotes would otherwise read the whole archive).
const (
	snippetWords = 24
	quoteWords   = 40
	quoteScan    = 1000
	// rankWindow bounds ranking: a query that matches more articles ranks only the newest
	// rankWindow of them. bm25 must score every match before it can sort them, which for a
	// word in most of a large archive takes longer than a search may; such a word tells
	// little about relevance anyway, and the newest matches are what a reader looks for.
	rankWindow = 5000
)

// ftsQuery writes q in FTS5's query syntax. Every term is a double-quoted string (a phrase,
// its quotes doubled), so that no word of the user's, whatever it holds, is read as an
// operator, a column filter or a syntax error.
func ftsQuery(q store.Query) string {
	var pos, neg []string
	for _, c := range q.Clauses {
		alts := make([]string, 0, len(c.Any))
		for _, t := range c.Any {
			s := `"` + strings.ReplaceAll(strings.Join(t.Words, " "), `"`, `""`) + `"`
			if t.Prefix {
				s += "*"
			}
			alts = append(alts, s)
		}
		if len(alts) == 0 {
			continue
		}
		expr := strings.Join(alts, " OR ")
		if len(alts) > 1 {
			expr = "(" + expr + ")"
		}
		if c.Not {
			neg = append(neg, expr)
		} else {
			pos = append(pos, expr)
		}
	}
	s := strings.Join(pos, " AND ")
	for _, n := range neg {
		s += " NOT " + n
	}
	return s
}

// searchHit is a hit before it is filled in: the article (its seq), the quote (its index in
// the record, for a quote hit) and the rank.
type searchHit struct {
	kind store.HitKind
	seq  int64
	n    int
	rank float64
}

// Search runs a full-text query over articles and quotes, best first. The index ranks
// articles by bm25 (a title match weighing four times a text match); a quote found in an
// article ranks with its article, after it.
func (db *DB) Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error) {
	if q.Query.IsZero() {
		return nil, fmt.Errorf("search: %w: no word to look for", store.ErrBadQuery)
	}
	limit, offset := page(q.Page)
	want := func(k store.HitKind) bool { return len(q.Kinds) == 0 || slices.Contains(q.Kinds, k) }

	// The filters that apply to an article, and so to the quotes in it.
	var w where
	w.add(`article_fts MATCH ?`, ftsQuery(q.Query))
	w.add(`a.current = 1`)
	if q.Actor != "" {
		w.add(`a.seq IN (SELECT article FROM mentions WHERE actor = (SELECT rid FROM actors WHERE id = ?))`, actorKey(q.Actor))
	}
	if q.Outlet != "" {
		w.add(`a.outlet = ?`, q.Outlet)
	}
	if q.Issue != "" {
		w.add(`a.seq IN (SELECT article FROM article_issues WHERE issue = (SELECT rid FROM issues WHERE name = ?))`, q.Issue)
	}
	if q.Story != "" {
		w.add(`a.story = (SELECT rid FROM stories WHERE id = ?)`, q.Story)
	}
	if err := w.dates(`a.published`, q.From, q.To); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	if err := db.window(ctx, &w); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	speaker := ""
	var speakerArgs []any
	if q.Speaker != "" {
		speaker = ` AND ` + speakerCond
		speakerArgs = []any{actorKey(q.Speaker), q.Speaker}
	}

	var hits []searchHit
	if want(store.HitArticle) {
		aw := w.clone()
		if q.Speaker != "" {
			aw.add(`a.seq IN (SELECT q.article FROM quotes q WHERE true`+speaker+`)`, speakerArgs...)
		}
		found, err := db.rankArticles(ctx, aw, limit+offset)
		if err != nil {
			return nil, fmt.Errorf("search articles: %w", err)
		}
		hits = append(hits, found...)
	}
	quotes := quoteCache{db: db}
	if want(store.HitQuote) {
		qw := w.clone()
		qw.add(`EXISTS (SELECT 1 FROM quotes q WHERE q.article = a.seq`+speaker+`)`, speakerArgs...)
		found, err := db.searchQuotes(ctx, &quotes, qw, q, speaker, speakerArgs, limit+offset)
		if err != nil {
			return nil, fmt.Errorf("search quotes: %w", err)
		}
		hits = append(hits, found...)
	}

	slices.SortStableFunc(hits, func(a, b searchHit) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.seq, b.seq), cmp.Compare(a.kind, b.kind), cmp.Compare(a.n, b.n))
	})
	hits = hits[min(offset, len(hits)):]
	hits = hits[:min(limit, len(hits))]

	out := make([]store.Hit, 0, len(hits))
	for _, h := range hits {
		art, err := scanArticle(db.r.QueryRowContext(ctx, articleSelect+` WHERE a.seq = ?`, h.seq))
		if err != nil {
			return nil, fmt.Errorf("search: read article: %w", classify(err))
		}
		hit := store.Hit{Kind: h.kind, Article: art, Rank: h.rank}
		if h.kind == store.HitArticle {
			text, err := quotes.text(ctx, h.seq)
			if err != nil {
				return nil, fmt.Errorf("search: read article %s: %w", art.ID, err)
			}
			hit.Snippet = q.Query.Snippet(text, snippetWords)
		} else {
			quote, err := quotes.quote(ctx, h.seq, h.n)
			if err != nil {
				return nil, fmt.Errorf("search: read article %s: %w", art.ID, err)
			}
			hit.Quote = &quote.Quote
			hit.Snippet = q.Query.Snippet(quote.Text, quoteWords)
		}
		out = append(out, hit)
	}
	return out, nil
}

func (w where) clone() where {
	return where{conds: slices.Clone(w.conds), args: slices.Clone(w.args)}
}

// window limits w to the newest rankWindow matching articles when more match.
func (db *DB) window(ctx context.Context, w *where) error {
	var from int64
	err := db.r.QueryRowContext(ctx, `SELECT article_fts.rowid FROM article_fts JOIN articles a ON a.seq = article_fts.rowid`+
		w.sql()+` ORDER BY article_fts.rowid DESC LIMIT 1 OFFSET ?`, append(w.args, rankWindow-1)...).Scan(&from)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return classify(err)
	}
	w.add(`article_fts.rowid >= ?`, from)
	return nil
}

// rankArticles returns up to n matching articles, best first.
func (db *DB) rankArticles(ctx context.Context, w where, n int) ([]searchHit, error) {
	rows, err := db.r.QueryContext(ctx, rankSelect+w.sql()+` ORDER BY article_fts.rank LIMIT ?`, append(w.args, n)...)
	if err != nil {
		return nil, classify(err)
	}
	return collect(rows, scanRank, "rank articles")
}

const rankSelect = `SELECT a.seq, article_fts.rank FROM article_fts JOIN articles a ON a.seq = article_fts.rowid`

func scanRank(row interface{ Scan(...any) error }) (searchHit, error) {
	h := searchHit{kind: store.HitArticle}
	return h, row.Scan(&h.seq, &h.rank)
}

// searchQuotes goes through the matching articles that have quotes (by the speaker, if one is
// asked for), best first, and keeps the quotes whose own words match the query, until it has n
// or has read quoteScan articles. Quotes are matched on their span of the text, so an article's
// analysis is decoded only for the quotes that match.
func (db *DB) searchQuotes(ctx context.Context, cache *quoteCache, w where, q store.SearchQuery, speaker string, speakerArgs []any, n int) ([]searchHit, error) {
	rows, err := db.r.QueryContext(ctx, rankSelect+w.sql()+` ORDER BY article_fts.rank LIMIT ?`, append(w.args, quoteScan)...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var hits []searchHit
	for len(hits) < n && rows.Next() {
		art, err := scanRank(rows)
		if err != nil {
			return nil, err
		}
		text, err := cache.text(ctx, art.seq)
		if err != nil {
			return nil, err
		}
		spans, err := db.quoteSpans(ctx, art.seq, speaker, speakerArgs)
		if err != nil {
			return nil, err
		}
		for _, s := range spans {
			if 0 <= s.start && s.start <= s.end && s.end <= len(text) {
				if ok, _ := q.Query.Match(text[s.start:s.end]); ok {
					hits = append(hits, searchHit{kind: store.HitQuote, seq: art.seq, n: s.n, rank: art.rank})
				}
			}
		}
	}
	return hits, classify(rows.Err())
}

// quoteSpan is where a quote of an article lies in its text.
type quoteSpan struct{ n, start, end int }

// quoteSpans returns the spans of an article's quotes, by the speaker if one is given.
func (db *DB) quoteSpans(ctx context.Context, seq int64, speaker string, speakerArgs []any) ([]quoteSpan, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT q.n, q.start, q.end FROM quotes q WHERE q.article = ?`+speaker+` ORDER BY q.n`,
		append([]any{seq}, speakerArgs...)...)
	if err != nil {
		return nil, classify(err)
	}
	return collect(rows, func(row interface{ Scan(...any) error }) (quoteSpan, error) {
		var s quoteSpan
		return s, row.Scan(&s.n, &s.start, &s.end)
	}, "read quotes")
}
