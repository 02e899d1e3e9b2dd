package analyze

import "github.com/dossier-news/dossier/position"

// positions finds each actor's stance on each issue from the sentences, entities and quotes the
// earlier analysers found. The extractor's data is embedded, so it fails to load only in a broken
// build, which the position tests catch; a record then has no positions rather than no record.
func positions(in *analysis, x *position.Extractor) []Position {
	if x == nil {
		var err error
		if x, err = position.Default(); err != nil {
			return []Position{}
		}
	}
	return x.Extract(in.doc, in.entities, in.quotes)
}
