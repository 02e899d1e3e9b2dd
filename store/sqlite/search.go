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
	quoteScan    = 300
	quoteBatch   = 50
	// rankWindow bounds ranking: a query that matches more articles ranks only the newest
	// rankWindow of them. bm25 must score every match before it can sort them, which for a
	// word in most of a large archive takes longer than a search may; such a word tells
	// little about relevance anyway, and the newest matches are what a reader looks for.
	rankWindow = 2000
	// leadLimit is the largest set of articles a filter may name and still lead. Asking the
	// index about one article (about 50 µs at 100,000 articles) costs several times ranking
	// one match, so a larger set is better left to filter what the index finds.
	leadLimit = 2000
	// spanPerLookup is how many index entries in a range of rowids cost as much to read, one
	// after the other, as asking the index about one article (a few µs each against 50 to
	// 100 µs).
	spanPerLookup = 20
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

// subset is a query for the seqs of the articles a filter allows, with its arguments.
type subset struct {
	query string
	args  []any
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
//
// Filters that name a small set of articles (an actor, a speaker, an issue, a story, a date
// range) lead: the index is asked about those articles alone, and the matches come newest
// first, all with Rank 0 (bm25 would read the whole index once per article asked about).
// Otherwise the index leads, and ranks at most the newest rankWindow matches; equal ranks
// come newest first.
func (db *DB) Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error) {
	if q.Query.IsZero() {
		return nil, fmt.Errorf("search: %w: no word to look for", store.ErrBadQuery)
	}
	limit, offset := page(q.Page)
	need := limit + offset
	want := func(k store.HitKind) bool { return len(q.Kinds) == 0 || slices.Contains(q.Kinds, k) }

	var w where
	w.add(`article_fts MATCH ?`, ftsQuery(q.Query))
	w.add(`a.current = 1`)
	if q.Outlet != "" {
		w.add(`a.outlet = ?`, q.Outlet)
	}
	// Sets of articles that the filters allow, each a query for their seqs.
	var sets []subset
	if q.Actor != "" {
		sets = append(sets, subset{`SELECT article AS seq FROM mentions WHERE actor = (SELECT rid FROM actors WHERE id = ?)`, []any{actorKey(q.Actor)}})
	}
	speaker := ""
	var speakerArgs []any
	if q.Speaker != "" {
		speaker = ` AND ` + speakerCond
		speakerArgs = []any{actorKey(q.Speaker), q.Speaker}
		sets = append(sets, subset{`SELECT DISTINCT q.article AS seq FROM quotes q WHERE true` + speaker, speakerArgs})
	}
	if q.Issue != "" {
		sets = append(sets, subset{`SELECT article AS seq FROM article_issues WHERE issue = (SELECT rid FROM issues WHERE name = ?)`, []any{q.Issue}})
	}
	if q.Story != "" {
		sets = append(sets, subset{`SELECT seq FROM articles WHERE story = (SELECT rid FROM stories WHERE id = ?)`, []any{q.Story}})
	}
	dateSet, dateSpan := -1, int64(0)
	if !q.From.IsZero() || !q.To.IsZero() {
		var dw where
		if err := dw.dates(`published`, q.From, q.To); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		sets = append(sets, subset{`SELECT seq FROM articles` + dw.sql(), dw.args})
		// Articles are mostly stored in the order they were published, so the range of their
		// seqs bounds what the index reads.
		var first, last sql.NullInt64
		err := db.r.QueryRowContext(ctx, `SELECT min(seq), max(seq) FROM articles`+dw.sql(), dw.args...).Scan(&first, &last)
		if err != nil {
			return nil, fmt.Errorf("search: %w", classify(err))
		}
		w.add(`article_fts.rowid BETWEEN ? AND ?`, first.Int64, last.Int64)
		dateSet, dateSpan = len(sets)-1, last.Int64-first.Int64+1
	}
	// The smallest set leads when it is small enough: the index is asked about its articles
	// one by one, and the other sets filter.
	lead, leadSize := -1, leadLimit+1
	for i, set := range sets {
		var n int
		err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM (`+set.query+` LIMIT ?)`, append(slices.Clone(set.args), leadLimit+1)...).Scan(&n)
		if err != nil {
			return nil, fmt.Errorf("search: %w", classify(err))
		}
		// A date range whose articles were stored together is better read off the index
		// within its rowids, one match after the other, than asked about article by article.
		if i == dateSet && dateSpan <= spanPerLookup*int64(n) {
			continue
		}
		if n < leadSize {
			lead, leadSize = i, n
		}
	}
	for i, set := range sets {
		if i != lead {
			w.add(`a.seq IN (`+set.query+`)`, set.args...)
		}
	}
	if lead < 0 {
		if err := db.window(ctx, &w); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
	}

	n := 0
	if want(store.HitArticle) {
		n = need
	}
	if want(store.HitQuote) {
		n = max(n, quoteScan)
	}
	var ranked []searchHit
	var err error
	if lead >= 0 {
		ranked, err = db.newestArticles(ctx, sets[lead], w, n)
	} else {
		ranked, err = db.rankArticles(ctx, w, n)
	}
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	var hits []searchHit
	if want(store.HitArticle) {
		hits = append(hits, ranked[:min(need, len(ranked))]...)
	}
	cache := quoteCache{db: db}
	if want(store.HitQuote) {
		found, err := db.searchQuotes(ctx, &cache, ranked, q.Query, speaker, speakerArgs, need)
		if err != nil {
			return nil, fmt.Errorf("search quotes: %w", err)
		}
		hits = append(hits, found...)
	}

	slices.SortStableFunc(hits, func(a, b searchHit) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(b.seq, a.seq), cmp.Compare(a.kind, b.kind), cmp.Compare(a.n, b.n))
	})
	hits = hits[min(offset, len(hits)):]
	hits = hits[:min(limit, len(hits))]
	return db.fillHits(ctx, &cache, hits, q.Query)
}

// fillHits turns ranked hits into search results: each with its article, its quote and its
// snippet, the articles and texts read in one query each.
func (db *DB) fillHits(ctx context.Context, cache *quoteCache, hits []searchHit, q store.Query) ([]store.Hit, error) {
	seqs := make([]int64, 0, len(hits))
	for _, h := range hits {
		seqs = append(seqs, h.seq)
	}
	rows, err := db.r.QueryContext(ctx, articleSelect+` WHERE a.seq IN (`+placeholders(len(seqs))+`)`, anys(seqs)...)
	if err != nil {
		return nil, fmt.Errorf("search: read articles: %w", classify(err))
	}
	arts, err := collect(rows, scanArticle, "search: read articles")
	if err != nil {
		return nil, err
	}
	byID := make(map[string]store.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	if err := cache.texts(ctx, seqs); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	out := make([]store.Hit, 0, len(hits))
	for _, h := range hits {
		text, err := cache.text(ctx, h.seq)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		hit := store.Hit{Kind: h.kind, Rank: h.rank}
		if h.kind == store.HitArticle {
			hit.Snippet = q.Snippet(text, snippetWords)
		} else {
			quote, err := cache.quote(ctx, h.seq, h.n)
			if err != nil {
				return nil, fmt.Errorf("search: %w", err)
			}
			hit.Quote = &quote.Quote
			hit.Snippet = q.Snippet(quote.Text, quoteWords)
		}
		id, err := cache.id(ctx, h.seq)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		hit.Article = byID[id]
		out = append(out, hit)
	}
	return out, nil
}

// placeholders returns n comma-separated question marks.
func placeholders(n int) string {
	if n == 0 {
		return "NULL"
	}
	return strings.Repeat("?, ", n-1) + "?"
}

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// window limits w to the newest rankWindow matching articles when more match.
func (db *DB) window(ctx context.Context, w *where) error {
	var from int64
	err := db.r.QueryRowContext(ctx, `SELECT article_fts.rowid FROM article_fts JOIN articles a ON a.seq = article_fts.rowid`+
		w.sql()+` ORDER BY article_fts.rowid DESC LIMIT 1 OFFSET ?`, append(slices.Clone(w.args), rankWindow-1)...).Scan(&from)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return classify(err)
	}
	w.add(`article_fts.rowid >= ?`, from)
	return nil
}

// newestArticles returns up to n matching articles of the lead set, newest first, with rank 0.
// CROSS JOIN keeps the set as the outer loop, so that the index is asked about each of its
// articles by rowid and never scans every match.
func (db *DB) newestArticles(ctx context.Context, lead subset, w where, n int) ([]searchHit, error) {
	args := append(slices.Clone(lead.args), w.args...)
	rows, err := db.r.QueryContext(ctx, `SELECT a.seq FROM (`+lead.query+`) AS lead CROSS JOIN article_fts ON article_fts.rowid = lead.seq
		JOIN articles a ON a.seq = article_fts.rowid`+w.sql()+` ORDER BY a.seq DESC LIMIT ?`, append(args, n)...)
	if err != nil {
		return nil, classify(err)
	}
	return collect(rows, func(row interface{ Scan(...any) error }) (searchHit, error) {
		h := searchHit{kind: store.HitArticle}
		return h, row.Scan(&h.seq)
	}, "match articles")
}

// rankArticles returns up to n matching articles, best first.
func (db *DB) rankArticles(ctx context.Context, w where, n int) ([]searchHit, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT a.seq, article_fts.rank FROM article_fts JOIN articles a ON a.seq = article_fts.rowid`+
		w.sql()+` ORDER BY article_fts.rank LIMIT ?`, append(slices.Clone(w.args), n)...)
	if err != nil {
		return nil, classify(err)
	}
	return collect(rows, func(row interface{ Scan(...any) error }) (searchHit, error) {
		h := searchHit{kind: store.HitArticle}
		return h, row.Scan(&h.seq, &h.rank)
	}, "rank articles")
}

// searchQuotes goes through the ranked articles, a batch at a time, and keeps the quotes (by
// the speaker, if one is given) whose own words match the query, until it has n. Quotes are
// matched on their span of the text, so an article's analysis is decoded only for the quotes
// that match.
func (db *DB) searchQuotes(ctx context.Context, cache *quoteCache, ranked []searchHit, q store.Query, speaker string, speakerArgs []any, n int) ([]searchHit, error) {
	var hits []searchHit
	for start := 0; start < len(ranked) && len(hits) < n; start += quoteBatch {
		batch := ranked[start:min(start+quoteBatch, len(ranked))]
		seqs := make([]int64, len(batch))
		for i, h := range batch {
			seqs[i] = h.seq
		}
		rows, err := db.r.QueryContext(ctx, `SELECT q.article, q.n, q.start, q.end FROM quotes q WHERE q.article IN (`+
			placeholders(len(seqs))+`)`+speaker+` ORDER BY q.article, q.n`, append(anys(seqs), speakerArgs...)...)
		if err != nil {
			return nil, classify(err)
		}
		spans, err := collect(rows, func(row interface{ Scan(...any) error }) (quoteSpan, error) {
			var s quoteSpan
			return s, row.Scan(&s.seq, &s.n, &s.start, &s.end)
		}, "read quotes")
		if err != nil {
			return nil, err
		}
		bySeq := map[int64][]quoteSpan{}
		var quoted []int64
		for _, s := range spans {
			if len(bySeq[s.seq]) == 0 {
				quoted = append(quoted, s.seq)
			}
			bySeq[s.seq] = append(bySeq[s.seq], s)
		}
		if err := cache.texts(ctx, quoted); err != nil {
			return nil, err
		}
		for _, art := range batch {
			text, ok := cache.loaded[art.seq]
			if !ok {
				continue
			}
			for _, s := range bySeq[art.seq] {
				if 0 <= s.start && s.start <= s.end && s.end <= len(text) {
					if ok, _ := q.Match(text[s.start:s.end]); ok {
						hits = append(hits, searchHit{kind: store.HitQuote, seq: art.seq, n: s.n, rank: art.rank})
					}
				}
			}
		}
	}
	return hits, nil
}

// quoteSpan is where a quote of an article lies in its text.
type quoteSpan struct {
	seq           int64
	n, start, end int
}
