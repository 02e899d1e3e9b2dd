package entity_test

import (
	"slices"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/entity"
)

func person(name string, aliases ...string) entity.Entity {
	return entity.Entity{Name: name, Type: entity.Person, Aliases: aliases, Mentions: []dossier.Span{{Start: 0, End: len(name)}}}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name   string
		docs   []entity.Doc
		actors int
		first  string // the name of the actor mentioned most
		same   [][2]string
	}{
		{
			name: "transliterations are one person",
			docs: []entity.Doc{
				{Article: "a", Outlet: "X", Entities: []entity.Entity{person("Volodymyr Zelensky", "Zelensky")}},
				{Article: "b", Outlet: "Y", Entities: []entity.Entity{person("Volodymyr Zelenskyy", "Zelenskyy")}},
				{Article: "c", Outlet: "Y", Entities: []entity.Entity{person("Zelenskiy")}},
			},
			actors: 1, first: "Volodymyr Zelensky",
		},
		{
			name: "shared surname stays apart",
			docs: []entity.Doc{
				{Article: "a", Entities: []entity.Entity{person("Anna Berg"), person("Lukas Berg")}},
				{Article: "b", Entities: []entity.Entity{person("Berg")}},
			},
			actors: 3,
		},
		{
			name: "lone surname joins the only person with it",
			docs: []entity.Doc{
				{Article: "a", Entities: []entity.Entity{person("Tatiana Stanovaya")}},
				{Article: "b", Entities: []entity.Entity{person("Stanovaya")}},
				{Article: "c", Entities: []entity.Entity{person("Tatyana Stanovaya")}},
			},
			actors: 1, first: "Tatiana Stanovaya",
		},
		{
			name: "a metonym is not the place",
			docs: []entity.Doc{
				{Article: "a", Entities: []entity.Entity{{Name: "Moscow", Type: entity.Organization, Actor: "Russia's leadership"}, {Name: "Moscow", Type: entity.Location}}},
				{Article: "b", Entities: []entity.Entity{{Name: "Moscow", Type: entity.Organization, Actor: "Russia's leadership"}}},
			},
			actors: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := entity.Resolve(tt.docs)
			if len(got) != tt.actors {
				t.Fatalf("Resolve gave %d actors, want %d: %+v", len(got), tt.actors, got)
			}
			if tt.first != "" && got[0].Name != tt.first {
				t.Errorf("first actor %q, want %q", got[0].Name, tt.first)
			}
			if tt.first != "" && got[0].Articles != len(tt.docs) {
				t.Errorf("%s in %d articles, want %d", got[0].Name, got[0].Articles, len(tt.docs))
			}
		})
	}
}

func TestResolveCountsOutlets(t *testing.T) {
	got := entity.Resolve([]entity.Doc{
		{Article: "a", Outlet: "Daily", Entities: []entity.Entity{person("Maria Lindqvist")}},
		{Article: "b", Outlet: "Daily", Entities: []entity.Entity{person("Lindqvist")}},
		{Article: "c", Outlet: "Weekly", Entities: []entity.Entity{person("Maria Lindqvist")}},
	})
	if len(got) != 1 || got[0].Articles != 3 || got[0].Outlets != 2 || got[0].Mentions != 3 {
		t.Fatalf("Resolve = %+v, want one actor in 3 articles, 2 outlets, 3 mentions", got)
	}
}

func TestResolveMembers(t *testing.T) {
	a := person("Maria Lindqvist")
	a.ID = "person:maria-lindqvist"
	b := person("Lindqvist")
	b.ID = "person:lindqvist"
	got := entity.Resolve([]entity.Doc{
		{Article: "a", Entities: []entity.Entity{a}},
		{Article: "b", Entities: []entity.Entity{b}},
		{Article: "c", Entities: []entity.Entity{a}},
	})
	want := []entity.Member{{Article: "a", Entity: a.ID}, {Article: "b", Entity: b.ID}, {Article: "c", Entity: a.ID}}
	if len(got) != 1 || !slices.Equal(got[0].Members, want) {
		t.Fatalf("Resolve = %+v, want one actor with members %v", got, want)
	}
}
