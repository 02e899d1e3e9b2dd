package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/dossier-news/dossier/store"
)

// Actors lists actors, those in most articles first. With a story, the counts are the story's.
func (db *DB) Actors(ctx context.Context, q store.ActorQuery) ([]store.Actor, error) {
	var w where
	if q.Type != "" {
		w.add(`x.type = ?`, q.Type)
	}
	if q.Name != "" {
		// Names match from the start of any word of the name, ignoring case; LIKE's own
		// wildcards in the user's text are escaped.
		esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(q.Name)
		w.add(`(x.name LIKE ? ESCAPE '\' OR x.name LIKE ? ESCAPE '\')`, esc+"%", "% "+esc+"%")
	}
	limit, offset := page(q.Page)
	var query string
	args := w.args
	if q.Story == "" {
		query = `SELECT x.rid, x.id, x.name, x.type, x.articles, x.mentions, x.quotes,
			(SELECT count(DISTINCT a.story) FROM mentions m JOIN articles a ON a.seq = m.article WHERE m.actor = x.rid)
			FROM actors x` + w.sql() + ` ORDER BY x.articles DESC, x.mentions DESC, x.rid DESC LIMIT ? OFFSET ?`
	} else {
		w.add(`a.story = (SELECT rid FROM stories WHERE id = ?)`, q.Story)
		args = w.args
		query = `SELECT x.rid, x.id, x.name, x.type, count(*), sum(m.n),
			(SELECT count(*) FROM quotes qq JOIN articles qa ON qa.seq = qq.article WHERE qq.speaker = x.rid AND qa.story = a.story), 1
			FROM actors x JOIN mentions m ON m.actor = x.rid JOIN articles a ON a.seq = m.article` + w.sql() +
			` GROUP BY x.rid ORDER BY count(*) DESC, sum(m.n) DESC, x.rid LIMIT ? OFFSET ?`
	}
	rows, err := db.r.QueryContext(ctx, query, append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("list actors: %w", classify(err))
	}
	var rids []int64
	out, err := collect(rows, func(row interface{ Scan(...any) error }) (store.Actor, error) {
		var a store.Actor
		var rid int64
		err := row.Scan(&rid, &a.ID, &a.Name, &a.Type, &a.Articles, &a.Mentions, &a.Quotes, &a.Stories)
		rids = append(rids, rid)
		return a, err
	}, "list actors")
	if err != nil {
		return nil, err
	}
	for i := range out {
		rows, err := db.r.QueryContext(ctx, `SELECT role FROM actor_roles WHERE actor = ? ORDER BY n DESC, role LIMIT 8`, rids[i])
		if err != nil {
			return nil, fmt.Errorf("list roles: %w", classify(err))
		}
		if out[i].Roles, err = collect(rows, func(row interface{ Scan(...any) error }) (string, error) {
			var s string
			return s, row.Scan(&s)
		}, "list roles"); err != nil {
			return nil, err
		}
	}
	return out, nil
}
