package brief

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dossier-news/dossier/entity"
)

// keyActors lists the people and organisations the story turns on: those who speak or take
// positions first, then those named in the most articles. Places and other names are listed only
// when they speak or take a position (a capital standing for its government).
func (s *story) keyActors() []Actor {
	quotes := make([]int, len(s.actors))
	positions := make([]int, len(s.actors))
	for _, r := range s.originals() {
		for _, q := range r.Quotes {
			if i := s.actor(r.ID, q.Speaker.Entity); i >= 0 {
				quotes[i]++
			}
		}
		for _, p := range r.Positions {
			if i := s.actor(r.ID, p.Actor.Entity); i >= 0 {
				positions[i]++
			}
		}
	}
	var idx []int
	for i, a := range s.actors {
		active := quotes[i]+positions[i] > 0
		if active || a.Type == entity.Person || a.Type == entity.Organization {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if c := cmp.Compare(quotes[b]+positions[b], quotes[a]+positions[a]); c != 0 {
			return c
		}
		if c := cmp.Compare(s.actors[b].Articles, s.actors[a].Articles); c != 0 {
			return c
		}
		return cmp.Compare(s.actors[b].Mentions, s.actors[a].Mentions)
	})
	// The tagger may type one name two ways in different articles (a country as a place here and
	// an organisation there): a reader sees one actor, so one name is listed once.
	var out []Actor
	byName := make(map[string]int)
	for _, i := range idx {
		a := s.actors[i]
		if k, ok := byName[a.Name]; ok {
			o := &out[k]
			o.Quotes += quotes[i]
			o.Positions += positions[i]
			o.Articles, o.Outlets = max(o.Articles, a.Articles), max(o.Outlets, a.Outlets)
			continue
		}
		if len(out) == s.opts.Actors {
			continue
		}
		byName[a.Name] = len(out)
		out = append(out, Actor{ID: a.ID, Name: a.Name, Type: a.Type, Roles: distinctRoles(a.Roles), StandsFor: a.Actor,
			Articles: a.Articles, Outlets: a.Outlets, Quotes: quotes[i], Positions: positions[i]})
	}
	return out
}

// matrix builds the actor × issue position matrix. Rows are actors, most positions first;
// columns are issues, those most actors take a stance on first.
func (s *story) matrix() ([]Issue, []Row) {
	type key struct{ actor, issue string }
	cells := make(map[key]*Cell)
	var rows []Row
	rowOf := make(map[string]int)
	issueActors := make(map[string]map[string]bool)
	for _, r := range s.originals() {
		for _, p := range r.Positions {
			// Rows go by the name readers see: one name typed two ways by the tagger is one row.
			name, id := s.actorName(r.ID, p.Actor)
			k := key{name, p.Issue}
			if _, ok := rowOf[k.actor]; !ok {
				rowOf[k.actor] = len(rows)
				rows = append(rows, Row{Actor: name, ActorID: id})
			}
			c := cells[k]
			if c == nil {
				c = &Cell{Issue: p.Issue, Stance: p.Stance}
				cells[k] = c
				row := &rows[rowOf[k.actor]]
				row.Cells = append(row.Cells, Cell{})
				if issueActors[p.Issue] == nil {
					issueActors[p.Issue] = make(map[string]bool)
				}
				issueActors[p.Issue][k.actor] = true
			}
			c.Stance = combine(c.Stance, p.Stance)
			c.Evidence = append(c.Evidence, Stand{Stance: p.Stance, Citation: cite(r, p.Evidence.Start, p.Evidence.End)})
		}
	}
	issues := make([]Issue, 0, len(issueActors))
	for k := range issueActors {
		issues = append(issues, Issue{Key: k, Label: s.opts.IssueLabel(k)})
	}
	slices.SortFunc(issues, func(a, b Issue) int {
		if c := cmp.Compare(len(issueActors[b.Key]), len(issueActors[a.Key])); c != 0 {
			return c
		}
		return cmp.Compare(a.Key, b.Key)
	})
	col := make(map[string]int, len(issues))
	for i, is := range issues {
		col[is.Key] = i
	}
	for i := range rows {
		row := &rows[i]
		row.Cells = row.Cells[:0]
		for _, is := range issues {
			if c := cells[key{row.Actor, is.Key}]; c != nil {
				row.Cells = append(row.Cells, *c)
			}
		}
	}
	slices.SortStableFunc(rows, func(a, b Row) int {
		return cmp.Compare(evidenceCount(b), evidenceCount(a))
	})
	return issues, rows
}

func evidenceCount(r Row) int {
	n := 0
	for _, c := range r.Cells {
		n += len(c.Evidence)
	}
	return n
}

// voices groups the story's quotes by speaker, those quoted most first; within a speaker, quotes
// keep story order. A quote nobody is named for is left out: the briefing attributes or says
// nothing.
func (s *story) voices() []Voice {
	var out []Voice
	index := make(map[string]int)
	for _, r := range s.originals() {
		for _, q := range r.Quotes {
			if q.Speaker.Name == "" {
				continue
			}
			name, id := s.actorName(r.ID, analyzeActor(q.Speaker.Name, q.Speaker.Entity))
			k := cmp.Or(id, name)
			i, ok := index[k]
			if !ok {
				i = len(out)
				index[k] = i
				out = append(out, Voice{Speaker: name, ActorID: id})
			}
			v := &out[i]
			if v.Role == "" {
				v.Role = q.Speaker.Role
			}
			v.Quotes = append(v.Quotes, QuoteRef{Kind: q.Kind, Cue: q.Cue, Citation: cite(r, q.Start, q.End)})
		}
	}
	slices.SortStableFunc(out, func(a, b Voice) int { return cmp.Compare(len(b.Quotes), len(a.Quotes)) })
	return out
}

// coverage says, per outlet, which actors its articles name and whose words they quote. A copy
// counts as its outlet's article, with the findings of the article it copies.
func (s *story) coverage() []Coverage {
	type acc struct {
		articles       int
		actors, voices map[string]int
	}
	by := make(map[string]*acc)
	var order []string
	for _, r := range s.recs {
		outlet := cmp.Or(r.Outlet, "(outlet unknown)")
		a := by[outlet]
		if a == nil {
			a = &acc{actors: make(map[string]int), voices: make(map[string]int)}
			by[outlet] = a
			order = append(order, outlet)
		}
		a.articles++
		src := r
		if id := s.copyOf(r); id != "" {
			src = s.byID[id]
		}
		named := make(map[int]bool)
		for _, e := range src.Entities {
			if i := s.actor(src.ID, e.ID); i >= 0 && !named[i] && (e.Type == entity.Person || e.Type == entity.Organization) {
				named[i] = true
				a.actors[s.actors[i].Name]++
			}
		}
		quoted := make(map[string]bool)
		for _, q := range src.Quotes {
			if q.Speaker.Name == "" {
				continue
			}
			name, _ := s.actorName(src.ID, analyzeActor(q.Speaker.Name, q.Speaker.Entity))
			if !quoted[name] {
				quoted[name] = true
				a.voices[name]++
			}
		}
	}
	out := make([]Coverage, len(order))
	for i, o := range order {
		a := by[o]
		out[i] = Coverage{Outlet: o, Articles: a.articles, Actors: sortCounts(a.actors, 8), Voices: sortCounts(a.voices, 8)}
	}
	slices.SortStableFunc(out, func(a, b Coverage) int { return cmp.Compare(b.Articles, a.Articles) })
	return out
}

// strength orders the stances that are for something: a demand says more than a proposal, a
// proposal more than a condition, a condition more than support.
var strength = map[string]int{"supports": 1, "conditions": 2, "proposes": 3, "demands": 4}

// combine gives a cell's stance from the stance it has so far and one more piece of evidence:
// "mixed" when one is against and the other for, else the stronger of the two.
func combine(cell, next string) string {
	switch {
	case cell == next:
		return cell
	case cell == "mixed" || cell == "opposes" || next == "opposes":
		return "mixed"
	case strength[next] > strength[cell]:
		return next
	}
	return cell
}

// distinctRoles drops a role that another role of the list already says ("Water Minister" beside
// "Caldoran Water Minister").
func distinctRoles(roles []string) []string {
	var out []string
	for i, r := range roles {
		lr := strings.ToLower(r)
		said := false
		for j, o := range roles {
			lo := strings.ToLower(o)
			if i != j && strings.Contains(lo, lr) && (len(lo) > len(lr) || j < i) {
				said = true
				break
			}
		}
		if !said {
			out = append(out, r)
		}
	}
	return out
}
