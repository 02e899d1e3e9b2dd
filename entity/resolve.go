package entity

import (
	"cmp"
	"slices"
	"strings"
)

// Doc is the entities of one article, with the article and the outlet it came from.
type Doc struct {
	Article  string
	Outlet   string
	Entities []Entity
}

// Actor is one entity resolved across articles.
type Actor struct {
	ID       string
	Name     string // the fullest name any article uses
	Type     string
	Aliases  []string
	Roles    []string
	Actor    string // what a metonym stands for, or ""
	Articles int    // articles that mention it
	Outlets  int    // distinct outlets of those articles
	Mentions int
	// Members are the article entities that make up the actor, so that a finding that names an
	// entity of one article (a quote's speaker, a position's holder) finds its actor.
	Members []Member
}

// Member is one article's entity: the Doc's Article and the Entity's ID.
type Member struct {
	Article, Entity string
}

// Resolve merges the entities of many articles into actors. Entities are one actor when they have
// the same type and name key (which folds transliteration variants: Zelensky, Zelenskyy), when two
// full names of people name one person (same surname, compatible given names), or when an
// article gives only a surname and exactly one person in the collection has that surname; two
// people who share a surname stay apart. Metonyms join by the actor and name.
func Resolve(docs []Doc) []Actor {
	type ref struct{ doc, ent int }
	var refs []ref
	for d, doc := range docs {
		for e := range doc.Entities {
			refs = append(refs, ref{d, e})
		}
	}
	parent := make([]int, len(refs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) { parent[find(a)] = find(b) }
	ent := func(r ref) *Entity { return &docs[r.doc].Entities[r.ent] }

	// Same type and key.
	first := make(map[string]int)
	for i, r := range refs {
		k := resolveKey(ent(r))
		if j, ok := first[k]; ok {
			union(i, j)
		} else {
			first[k] = i
		}
	}
	// Full names of one person: only names with the same surname can be one person, so each
	// distinct full name is compared with the others of its surname, not with every name.
	keys := make([]string, len(refs))
	for i, r := range refs {
		keys[i] = nameKey(ent(r).Name)
	}
	firstOfKey := make(map[string]int)       // a full-name key → its first ref
	surnameKeys := make(map[string][]string) // a surname → the distinct full-name keys with it
	var fullIdx []int
	for i, r := range refs {
		if e := ent(r); e.Type == Person && e.Actor == "" && strings.Contains(keys[i], " ") {
			fullIdx = append(fullIdx, i)
			if j, ok := firstOfKey[keys[i]]; ok {
				union(i, j)
				continue
			}
			firstOfKey[keys[i]] = i
			surname := lastWord(keys[i])
			for _, k := range surnameKeys[surname] {
				if samePerson(k, keys[i]) {
					union(i, firstOfKey[k])
				}
			}
			surnameKeys[surname] = append(surnameKeys[surname], keys[i])
		}
	}
	// A lone surname joins the one person who has it.
	bySurname := make(map[string]map[int]bool)
	for _, i := range fullIdx {
		s := lastWord(keys[i])
		if bySurname[s] == nil {
			bySurname[s] = make(map[int]bool)
		}
		bySurname[s][find(i)] = true
	}
	for i, r := range refs {
		e := ent(r)
		if e.Type != Person || e.Actor != "" || strings.Contains(keys[i], " ") {
			continue
		}
		if groups := bySurname[keys[i]]; len(groups) == 1 {
			for g := range groups {
				union(i, g)
			}
		}
	}

	groups := make(map[int][]ref)
	var roots []int
	for i, r := range refs {
		g := find(i)
		if _, ok := groups[g]; !ok {
			roots = append(roots, g)
		}
		groups[g] = append(groups[g], r)
	}
	out := make([]Actor, 0, len(roots))
	for _, g := range roots {
		out = append(out, actorOf(docs, groups[g], func(r ref) *Entity { return ent(r) }, func(r ref) int { return r.doc }))
	}
	slices.SortStableFunc(out, func(a, b Actor) int {
		if c := cmp.Compare(b.Articles, a.Articles); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Mentions, a.Mentions); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	return out
}

func resolveKey(e *Entity) string {
	k := e.Type + "\x00" + nameKey(e.Name)
	if e.Actor != "" {
		k += "\x00" + e.Actor
	}
	return k
}

func actorOf[R any](docs []Doc, refs []R, ent func(R) *Entity, doc func(R) int) Actor {
	var a Actor
	articles := make(map[int]bool)
	outlets := make(map[string]bool)
	var names []string
	for _, r := range refs {
		e := ent(r)
		if a.Type == "" {
			a.Type, a.Actor = e.Type, e.Actor
		}
		articles[doc(r)] = true
		m := Member{Article: docs[doc(r)].Article, Entity: e.ID}
		if !slices.Contains(a.Members, m) {
			a.Members = append(a.Members, m)
		}
		if o := docs[doc(r)].Outlet; o != "" {
			outlets[o] = true
		}
		a.Mentions += len(e.Mentions)
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		for _, role := range e.Roles {
			if !slices.Contains(a.Roles, role) {
				a.Roles = append(a.Roles, role)
			}
		}
	}
	a.Name = fullest(names)
	a.Aliases = slices.DeleteFunc(names, func(n string) bool { return n == a.Name })
	a.ID = makeID(Entity{Name: a.Name, Type: a.Type})
	a.Articles, a.Outlets = len(articles), len(outlets)
	if a.Aliases == nil {
		a.Aliases = []string{}
	}
	if a.Roles == nil {
		a.Roles = []string{}
	}
	return a
}
