package analyze

import (
	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/timex"
)

// tagTimes finds the article's temporal expressions, resolved against its publication date (zero
// when unknown, which leaves relative expressions open). Only English has rules yet: an article
// known to be in another language gets no times rather than English readings of its words. The
// rules are embedded in the binary, so they fail to load only in a broken build, which the timex
// tests catch; a record then has no times rather than no record at all.
func tagTimes(a *dossier.Article) []timex.Expr {
	if a.Lang != "" && a.Lang != "en" {
		return nil
	}
	t, err := timex.Default()
	if err != nil {
		return nil
	}
	return t.Tag(a.Text, a.Published)
}

// times writes temporal expressions as the record does.
func times(found []timex.Expr) []Time {
	out := make([]Time, len(found))
	for i, e := range found {
		out[i] = Time{Text: e.Text, Start: e.Start, End: e.End, Type: string(e.Type), Value: e.Value, Mod: e.Mod}
	}
	return out
}
