package sqlite

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dossier-news/dossier/store"
)

// Snippet markers: characters from the Private Use Area, which news text does not contain, so
// that the matches can be told from the text without any markup in between.
const (
	markOpen  = "\uE000"
	markClose = "\uE001"
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

// Search runs a full-text query over articles and quotes, best first.
func (db *DB) Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error) {
	if q.Query.IsZero() {
		return nil, fmt.Errorf("search: %w: no word to look for", store.ErrBadQuery)
	}
	match := ftsQuery(q.Query)
	limit, offset := page(q.Page)
	want := func(k store.HitKind) bool { return len(q.Kinds) == 0 || slices.Contains(q.Kinds, k) }

	// The filters that apply to an article, and so to the quotes in it.
	var w where
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

	type hit struct {
		kind     store.HitKind
		seq, rid int64 // the article; for a quote, the quote's rowid
		n        int   // the quote's index in the record
		rank     float64
	}
	var hits []hit
	if want(store.HitArticle) {
		aw := w
		aw.conds = slices.Clone(w.conds)
		aw.args = slices.Clone(w.args)
		if q.Speaker != "" {
			aw.add(`a.seq IN (SELECT q.article FROM quotes q WHERE `+speakerCond+`)`, actorKey(q.Speaker), q.Speaker)
		}
		rows, err := db.r.QueryContext(ctx, `SELECT a.seq, article_fts.rank FROM article_fts JOIN articles a ON a.seq = article_fts.rowid
			WHERE article_fts MATCH ? AND `+strings.TrimPrefix(aw.sql(), " WHERE ")+` ORDER BY article_fts.rank LIMIT ?`,
			append(append([]any{match}, aw.args...), limit+offset)...)
		if err != nil {
			return nil, fmt.Errorf("search articles: %w", classify(err))
		}
		found, err := collect(rows, func(row interface{ Scan(...any) error }) (hit, error) {
			h := hit{kind: store.HitArticle}
			return h, row.Scan(&h.seq, &h.rank)
		}, "search articles")
		if err != nil {
			return nil, err
		}
		hits = append(hits, found...)
	}
	if want(store.HitQuote) {
		qw := w
		qw.conds = slices.Clone(w.conds)
		qw.args = slices.Clone(w.args)
		if q.Speaker != "" {
			qw.add(speakerCond, actorKey(q.Speaker), q.Speaker)
		}
		rows, err := db.r.QueryContext(ctx, `SELECT a.seq, q.rid, q.n, quote_fts.rank FROM quote_fts JOIN quotes q ON q.rid = quote_fts.rowid
			JOIN articles a ON a.seq = q.article
			WHERE quote_fts MATCH ? AND `+strings.TrimPrefix(qw.sql(), " WHERE ")+` ORDER BY quote_fts.rank LIMIT ?`,
			append(append([]any{match}, qw.args...), limit+offset)...)
		if err != nil {
			return nil, fmt.Errorf("search quotes: %w", classify(err))
		}
		found, err := collect(rows, func(row interface{ Scan(...any) error }) (hit, error) {
			h := hit{kind: store.HitQuote}
			return h, row.Scan(&h.seq, &h.rid, &h.n, &h.rank)
		}, "search quotes")
		if err != nil {
			return nil, err
		}
		hits = append(hits, found...)
	}

	// bm25 of the two indexes is on one scale (both use the same formula over the same words),
	// so the two lists merge by rank; ties keep articles first, then the order stored.
	slices.SortStableFunc(hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.kind, b.kind), cmp.Compare(a.seq, b.seq), cmp.Compare(a.n, b.n))
	})
	hits = hits[min(offset, len(hits)):]
	hits = hits[:min(limit, len(hits))]

	recs := recordCache{db: db}
	out := make([]store.Hit, 0, len(hits))
	for _, h := range hits {
		art, err := scanArticle(db.r.QueryRowContext(ctx, articleSelect+` WHERE a.seq = ?`, h.seq))
		if err != nil {
			return nil, fmt.Errorf("search: read article: %w", classify(err))
		}
		sh := store.Hit{Kind: h.kind, Article: art, Rank: h.rank}
		var snippet string
		if h.kind == store.HitArticle {
			err = db.r.QueryRowContext(ctx, `SELECT snippet(article_fts, -1, ?, ?, '…', 24) FROM article_fts
				WHERE article_fts MATCH ? AND rowid = ?`, markOpen, markClose, match, h.seq).Scan(&snippet)
		} else {
			quote, _, qerr := recs.quote(ctx, h.seq, h.n)
			if qerr != nil {
				return nil, fmt.Errorf("search: %w", qerr)
			}
			sh.Quote = &quote
			err = db.r.QueryRowContext(ctx, `SELECT snippet(quote_fts, 0, ?, ?, '…', 40) FROM quote_fts
				WHERE quote_fts MATCH ? AND rowid = ?`, markOpen, markClose, match, h.rid).Scan(&snippet)
		}
		if err != nil {
			return nil, fmt.Errorf("search: snippet: %w", classify(err))
		}
		sh.Snippet = fragments(snippet)
		out = append(out, sh)
	}
	return out, nil
}

// fragments splits a snippet at its markers into plain and matched pieces.
func fragments(s string) []store.Fragment {
	out := []store.Fragment{}
	for s != "" {
		i := strings.Index(s, markOpen)
		if i < 0 {
			out = append(out, store.Fragment{Text: strings.ReplaceAll(s, markClose, "")})
			break
		}
		if i > 0 {
			out = append(out, store.Fragment{Text: strings.ReplaceAll(s[:i], markClose, "")})
		}
		s = s[i+len(markOpen):]
		j := strings.Index(s, markClose)
		if j < 0 {
			j = len(s)
		}
		if j > 0 {
			out = append(out, store.Fragment{Text: strings.ReplaceAll(s[:j], markOpen, ""), Match: true})
		}
		s = strings.TrimPrefix(s[j:], markClose)
	}
	return out
}
