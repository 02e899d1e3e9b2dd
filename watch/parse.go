package watch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/ingest"
	"github.com/dossier-news/dossier/store"
)

// feedName is what the fetched body is called when ingest reads it. Its extension makes ingest
// read the body as a feed whatever it holds, so that an HTML error page served with a 200 fails
// as garbage instead of being stored as an article.
const feedName = "feed.xml"

// parse reads a fetched feed with ingest, so that its items become the same documents that
// `dossier add` makes of a feed: named "FEED-URL#N", with the item's title, link, date and the
// feed's title as outlet. Items that cannot be read (an item with no content) are logged and
// left out; a body that is not a feed fails with ErrNotFeed.
func (w *Watcher) parse(ctx context.Context, f *store.Feed, resp *response) ([]*dossier.Document, error) {
	// ingest reads files and URLs; a one-file FS hands it bytes the watcher has fetched itself,
	// since the watcher, not ingest, keeps the validators of a conditional GET.
	fsys := fstest.MapFS{feedName: &fstest.MapFile{Data: resp.body}}
	var docs []*dossier.Document
	for d, err := range w.reader.ReadFS(ctx, fsys, feedName) {
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			if ie, ok := errors.AsType[*ingest.Error](err); ok && ie.Source == feedName {
				return nil, fmt.Errorf("%w: %w", ErrNotFeed, ie.Err)
			}
			w.log.Info("skip feed item", slog.String(logFeed, f.URL), slog.Any(logError, err))
			continue
		}
		d.Source = f.URL + strings.TrimPrefix(d.Source, feedName)
		if d.Meta.URL != "" {
			d.Meta.URL = resolve(resp.final, d.Meta.URL)
		}
		if f.Title == "" {
			f.Title = d.Meta.Outlet
		}
		docs = append(docs, d)
	}
	// Oldest first, so that stories grow in the order things were published, as they would
	// have had the watcher been running all along. Without every date, the feed's order stays.
	if !slices.ContainsFunc(docs, func(d *dossier.Document) bool { return d.Meta.Published.IsZero() }) {
		slices.SortStableFunc(docs, func(a, b *dossier.Document) int { return a.Meta.Published.Compare(b.Meta.Published) })
	}
	return docs, nil
}

// resolve makes an item's link absolute against the URL the feed was served from. A link that
// does not resolve to http or https is dropped, so that the article is keyed by its source.
func resolve(base *url.URL, link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return u.String()
}
