package analyze

import (
	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/entity"
)

// findEntities finds the article's actors. The tagger's model is embedded in the binary, so it
// fails to load only in a broken build, which the ner and entity tests catch; a record then has no
// entities rather than no record at all.
func findEntities(a *dossier.Article) []entity.Entity {
	f, err := entity.Default()
	if err != nil {
		return nil
	}
	return f.Find(a.Text)
}

// entities writes found entities as the record does.
func entities(found []entity.Entity) []Entity {
	out := make([]Entity, len(found))
	for i, e := range found {
		out[i] = Entity{ID: e.ID, Name: e.Name, Type: e.Type, Aliases: e.Aliases, Roles: e.Roles, Actor: e.Actor, Mentions: e.Mentions}
	}
	return out
}
