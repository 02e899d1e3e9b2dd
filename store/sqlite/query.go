package sqlite

import (
	"fmt"
	"strings"
	"time"

	"github.com/dossier-news/dossier/store"
)

// where gathers the conditions of a listing, ANDed, with their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// dates adds a publication range on col; either end may be open.
func (w *where) dates(col string, from, to time.Time) error {
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return fmt.Errorf("%w: the date range ends (%s) before it starts (%s)", store.ErrBadQuery,
			to.Format(time.DateOnly), from.Format(time.DateOnly))
	}
	if !from.IsZero() {
		w.add(col+` >= ?`, from.Unix())
	}
	if !to.IsZero() {
		w.add(col+` <= ?`, to.Unix())
	}
	return nil
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// Listing bounds: the default page, and the largest any caller may ask for.
const (
	defaultLimit = 50
	maxLimit     = 1000
)

func page(p store.Page) (limit, offset int) {
	limit = p.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	return min(limit, maxLimit), max(p.Offset, 0)
}
